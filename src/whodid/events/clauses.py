"""Who / verb / whom from spaCy's dependency parse.

Small functions over ``Token``s: the subjects of a verb (with passive voice, coordination and
subjects inherited by participles, infinitives and conjoined verbs), its objects, and the
objects of its prepositions. They read labels of the ClearNLP scheme that English spaCy
models use.
"""

from __future__ import annotations

from spacy.tokens import Token

from whodid.nlp.tree import Words, children, conjunct_ids, label_id, label_ids, lefts, words_of

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Prepositions that introduce the recipient of an action when the verb names none.
DEFAULT_TARGET_PREPS = (
    "against",
    "at",
    "on",
    "upon",
    "to",
    "toward",
    "towards",
    "with",
    "into",
    "for",
)
# Clause links across which a verb borrows its subject from its head ("acomp": "Arnor is
# about / ready / willing to restore ties").
_INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "acomp"})


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Arnor and Gondor"), list members the
    parser took for appositions included ("Peru, the troubled Bolivia, and Chile")."""
    words = words_of(token.doc)
    if _alone(words, token.i):
        return [token]
    key = ("with_conjuncts tokens", token.i)
    others: list[Token] | None = words.memo.get(key)
    if others is None:
        tokens = words.tokens
        others = words.memo[key] = [tokens[k] for k in _with_conjuncts(words, token.i)[1:]]
    return [token, *others]  # the token itself comes first


def _with_conjuncts(words: Words, i: int) -> list[int]:
    """:func:`with_conjuncts` on token indices (the first is ``i``): worked out once per token
    and Doc (do not change the list)."""
    if _alone(words, i):
        return [i]
    key = ("with_conjuncts", i)
    found: list[int] | None = words.memo.get(key)
    if found is None:
        found = words.memo[key] = _coordinated(words, i)
    return found


def _alone(words: Words, i: int) -> bool:
    """A token that is no conjunct and has no conjunct or apposition of its own is listed with
    no other (most are: the walk of :func:`_coordinated` is left out)."""
    deps = words.deps
    return deps[i] != _CONJ and not any(deps[k] in _CONJ_OR_APPOS for k in words.kids[i])


# The ids of the labels that the walks on token indices compare (``whodid.nlp.tree.Words``).
_NOUN = label_id("NOUN")
_NOMINAL_POS = label_ids("NOUN", "PROPN")
_NOMINAL_OR_PRONOUN_POS = label_ids("NOUN", "PROPN", "PRON")
_OBJECT_POS = label_ids("NOUN", "PROPN", "PRON", "NUM")
_VERB_OR_ADJ_POS = label_ids("VERB", "ADJ")
_ADP = label_id("ADP")
_VERB = label_id("VERB")
_LIST_DEPS = label_ids("cc", "punct", "conj")
_CONJ_OR_APPOS = label_ids("conj", "appos")
_APPOS, _CC, _CONJ, _DET, _AUX = (label_id(d) for d in ("appos", "cc", "conj", "det", "aux"))
_PREP, _POBJ, _CCOMP, _XCOMP, _ACL = (
    label_id(d) for d in ("prep", "pobj", "ccomp", "xcomp", "acl")
)
_PREP_LINK_DEPS = label_ids("prep", "agent", "dative")
_PREP_OBJECT_DEPS = label_ids("pobj", "pcomp")
_NOMINAL_SUBJECT_DEPS = label_ids("nsubj", "nsubjpass")
_PASSIVE_SUBJECT_IDS = label_ids(*PASSIVE_SUBJECT_DEPS)
_CLAUSE_SUBJECT_DEPS = label_ids("nsubj", "csubj")
_REDUCING_DEPS = label_ids("mark", "aux", "auxpass")
_LEFT_MODIFIER_DEPS = label_ids("compound", "amod")
_RELCL = label_id("relcl")
_VBD, _VBN, _VBG = (label_id(t) for t in ("VBD", "VBN", "VBG"))
_PARTICIPLE_TAGS = label_ids("VBG", "VBN")


def _coordinated(words: Words, i: int) -> list[int]:
    pos, tree = words.pos, words.tree
    out = [i]
    coordinated = [k for k in conjunct_ids(tree, i) if k > i]
    if not _interposed_qualifiers(words, i, coordinated):
        out.extend(k for k in coordinated if pos[k] in _NOMINAL_OR_PRONOUN_POS)
    for member in _listed_appositions(words, i):
        out.append(member)
        out.extend(k for k in conjunct_ids(tree, member) if k > member and pos[k] in _NOMINAL_POS)
    if len(out) > 2:
        out.sort()
    return out


def _interposed_qualifiers(words: Words, i: int, coordinated: list[int]) -> bool:
    """Bare words set off by commas after a common noun qualify it rather than list more
    parties: "no aircraft, military or civilian, crossed" (the parser makes "military" and
    "civilian" conjuncts of "aircraft"). Every conjunct is one lower-case word with nothing of
    its own, the first follows a comma right after the noun, a comma closes the last."""
    if words.pos[i] != _NOUN or not coordinated:
        return False
    texts, deps = words.tree.texts(), words.deps
    first, last = coordinated[0], coordinated[-1]
    if first < 2 or texts[first - 1] != ",":
        return False
    if last + 1 >= len(texts) or texts[last + 1] != ",":
        return False
    for conj in coordinated:
        if not words.tokens[conj].is_lower or any(
            deps[c] not in _LIST_DEPS for c in words.kids[conj]
        ):
            return False
    return all(deps[k] in _LIST_DEPS for k in range(i + 1, last + 1))


# Entity types of names that can stand as members of a list of parties.
_PARTY_ENTS = label_ids("GPE", "ORG", "NORP", "PERSON", "LOC")


def _listed_appositions(words: Words, i: int) -> list[int]:
    """Names in apposition that are really members of a list: "Peru, the troubled Bolivia, and
    Chile" (the parser hangs "Bolivia" on "Peru" as an apposition). An apposition counts when it
    is a name, its head a name too, and the head's coordinator follows it; "Peru, the host
    country, and Chile" keeps its description out."""
    ents, deps = words.ents, words.deps
    if ents[i] not in _PARTY_ENTS:
        return []  # "the two parties, X and Y": the names spell out a common noun
    found: list[int] = []
    kids = words.kids[i]
    for child in kids:
        if deps[child] != _APPOS or child < i or ents[child] not in _PARTY_ENTS:
            continue
        listed = any(deps[c] == _CC and c > child for c in kids)
        if listed and not any(deps[c] == _CONJ and c < child for c in kids):
            found.append(child)
    return found


# Prepositions by which a role noun names whom it stands for: "the ambassadors of X",
# "officials in X", "envoys from X".
_MEMBER_PREPS = frozenset({"of", "in", "from"})
_MEMBER_MODIFIERS = frozenset({"amod", "nmod", "compound", "poss"})


def role_members(token: Token) -> list[Token]:
    """The listed names a role noun stands for, one role-holder each: "the ambassadors of
    Norway, Sweden and Finland", "Norwegian and Swedish officials", "Norway and Sweden's
    envoys", "lawmakers and officials in Norway and Sweden" (a place phrase of the first
    conjunct serves the others). Empty
    unless the role is a common noun and two or more names (or national adjectives) are
    listed."""
    if words_of(token.doc).pos[token.i] != _NOUN:
        return []
    owners = [token]
    if token.dep_ == "conj" and token.head.pos_ == "NOUN":
        owners.append(token.head)  # "lawmakers and officials in X and Y"
    owners.extend(c for c in children(token) if c.dep_ == "conj" and c.pos_ == "NOUN")
    for owner in owners:
        for child in children(owner):
            if child.dep_ == "prep" and child.lower_ in _MEMBER_PREPS:
                pobj = next((c for c in children(child) if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                members = with_conjuncts(pobj)
                if len(members) > 1 and all(m.pos_ == "PROPN" for m in members):
                    return members
    for child in lefts(token):
        if child.dep_ in _MEMBER_MODIFIERS and child.pos_ in ("ADJ", "PROPN"):
            listed = [c for c in child.conjuncts if c.i > child.i and c.i < token.i]
            if listed and all(c.pos_ in ("ADJ", "PROPN") for c in listed):
                return [child, *listed]
    return []


def _relative_head(token: Token) -> Token:
    """Replace a relative pronoun subject by the noun its clause modifies, and a participle
    misparsed as the subject by the noun it describes ("the Red Cross operating in Iraq
    said": Cross <-nsubj- operating <-nsubj- said)."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    if token.pos_ == "VERB" and token.tag_ in ("VBG", "VBN") and token.dep_ in ("nsubj", "csubj"):
        described = [c for c in children(token) if c.dep_ in ("nsubj", "nsubjpass")]
        if described and described[0].i < token.i and described[0].pos_ in ("NOUN", "PROPN"):
            return described[0]
    return token


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    """The token's children whose ``dep_`` is one of ``deps``."""
    words = words_of(token.doc)
    wanted = _DEP_IDS.get(deps)
    if wanted is None:
        wanted = _DEP_IDS[deps] = label_ids(*deps)
    labels, tokens = words.deps, words.tokens
    return [tokens[c] for c in words.kids[token.i] if labels[c] in wanted]


# the label ids of the sets of dependency labels ``_children`` is asked for
_DEP_IDS: dict[frozenset[str], frozenset[int]] = {}
_PASSIVE_MARK_IDS = label_ids(*PASSIVE_SUBJECT_DEPS, "auxpass")


def is_passive(verb: Token) -> bool:
    words = words_of(verb.doc)
    labels = words.deps
    return any(labels[c] in _PASSIVE_MARK_IDS for c in words.kids[verb.i])


def agents(verb: Token) -> list[Token]:
    """The by-agents of a passive verb ("was arrested by police")."""
    out: list[Token] = []
    for child in children(verb):
        if child.dep_ == "agent":
            for pobj in _children(child, frozenset({"pobj"})):
                out.extend(with_conjuncts(pobj))
    return out


def reporting_tail(verb: Token) -> Token | None:
    """The main clause a sentence-final reporting clause reports, when the parser has made its
    speaker an apposition and its verb a modifier ("X are failing to ..., a rights group
    protested here Wednesday": group <-acl- protested): None otherwise."""
    head = verb.head
    if (
        verb.dep_ != "acl"
        or verb.tag_ not in ("VBD", "VBN")
        or head.dep_ != "appos"
        or head.left_edge.i == 0
        or verb.doc[head.left_edge.i - 1].text != ","
    ):
        return None
    if any(c.dep_ not in ("advmod", "npadvmod", "punct") for c in children(verb)):
        return None
    end = verb.right_edge.i + 1
    if end < len(verb.doc) and not verb.doc[end].is_sent_end and verb.doc[end].text != ".":
        return None
    root = verb.sent.root
    return root if root.i < head.i and root.pos_ in ("VERB", "AUX") else None


# Verbs of seeing or recording whose object does what the "-ing" participle after it says
# ("saw soldiers firing", "filmed police beating", "recorded drones entering").
_PERCEPTION_VERBS = frozenset(
    """
    see watch observe notice spot detect record film photograph witness hear track sight
    """.split()
)


# Verbs by which a subject shows its own will to act ("showed readiness to deploy troops",
# "announced plans to build", "made a decision to withdraw"); not "took on efforts to ...".
_SHOWING_VERBS = frozenset(
    """
    show express signal demonstrate indicate announce voice declare reaffirm make unveil
    """.split()
)


def subjects(verb: Token, _depth: int = 0) -> tuple[list[Token], bool]:
    """The grammatical subjects of ``verb`` and whether it is passive.

    For a passive verb the subjects are the patients; callers take agents() as the source.
    A verb without a subject of its own borrows one from the verb it depends on: "Salazar
    responded, saying ..." (advcl), "agreed to cooperate" (xcomp), "met and signed" (conj).
    With an object-control verb ("urged Gondor to withdraw") the borrowed subject is the
    head's object.
    """
    passive = is_passive(verb)
    own = _children(verb, PASSIVE_SUBJECT_DEPS if passive else SUBJECT_DEPS)
    if not own and not passive:
        own = _children(verb, PASSIVE_SUBJECT_DEPS)
        passive = bool(own)
    if own:
        out: list[Token] = []
        for subj in own:
            out.extend(with_conjuncts(_relative_head(subj)))
        return out, passive
    if _depth > 4 or verb.head.i == verb.i:
        return [], passive
    head = verb.head
    if verb.dep_ == "relcl":
        return with_conjuncts(head), passive
    if verb.dep_ == "amod":  # "a U.S.-funded program", "Saudi-led strikes"
        return [c for c in lefts(verb) if c.dep_ in ("npadvmod", "compound", "nmod")][:1], passive
    if verb.dep_ == "csubj" and verb.tag_ == "VBG" and head.dep_ == "ccomp":
        # "X said that lifting the sanctions is out of the question": the speaker would act
        return subjects(head.head, _depth + 1)[0], passive
    if verb.dep_ not in _INHERITING_DEPS:
        return [], passive
    nominal_head = head.pos_ in ("NOUN", "PROPN", "PRON")
    if nominal_head and reporting_tail(verb) is not None:
        return with_conjuncts(head), False  # "..., a rights group protested Wednesday."
    if verb.dep_ == "acl" and nominal_head and head.dep_ == "ROOT" and _children(verb, OBJECT_DEPS):
        return with_conjuncts(head), False  # "The air force carried out strikes", misparsed
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and nominal_head:
        return with_conjuncts(head), True  # "people killed in police firing": the patients
    if verb.dep_ == "acl" and head.pos_ not in ("VERB", "AUX"):
        # "López Obrador's decision to drop out": the possessor of the noun acts.
        owners = _children(head, frozenset({"poss"}))
        if owners:
            return with_conjuncts(owners[0]), passive
        if verb.tag_ == "VBG" and head.head.lemma_.lower() in _PERCEPTION_VERBS:
            # "recorded six drones entering its airspace": the drones enter
            return with_conjuncts(head), passive
        infinitive = verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children(verb)
        )
        if (
            (verb.tag_ == "VBG" or (infinitive and head.head.lemma_.lower() in _SHOWING_VERBS))
            and head.dep_ in ("dobj", "obj")
            and head.head.pos_ == "VERB"
        ):
            # "showed readiness to deploy troops": who shows it would deploy them
            # "issued a statement calling on X": who issued the statement calls
            return subjects(head.head, _depth + 1)[0], passive
        return [], passive
    if verb.dep_ == "xcomp":
        controllers = _children(head, OBJECT_DEPS)
        if controllers:
            return with_conjuncts(controllers[0]), passive
    if verb.dep_ == "pcomp":  # "with X doing", "by doing": climb to the clause's verb
        prep = head
        head = prep.head
        controllers = _children(head, OBJECT_DEPS)
        if prep.lower_ in ("of", "for") and controllers:  # "accused Gondor of sending"
            return with_conjuncts(controllers[0]), passive
    if (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and head.tag_ == "VBG"
        and head.dep_ == "pcomp"
        and head.head.head.pos_ in ("VERB", "AUX")
    ):
        # "accused X of sending drones and summoned its envoy": a finite verb is no conjunct
        # of the gerund but of the verb the gerund's phrase hangs on
        return subjects(head.head.head, _depth + 1)
    inherited, head_passive = subjects(head, _depth + 1)
    if head_passive and verb.dep_ not in ("conj", "xcomp"):
        inherited = agents(head) or []
    # "X is expected to announce", "X was urged to withdraw": the passive's subject does it
    if head_passive and verb.dep_ == "conj" and verb.tag_ == "VBN" and not _has_aux(verb):
        passive = True  # "was tortured and killed": the shared auxiliary makes both passive
    return inherited, passive


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in children(verb))


def complement_subjects(head: Token) -> list[Token]:
    """Subjects of a finite clause that complements ``head``: "hoped that Sheinbaum would ...";
    of the main clause that a sentence-final reporting clause reports ("X is failing ..., a
    group protested")."""
    reported = reporting_tail(head)
    if reported is not None:
        own = _children(reported, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        return with_conjuncts(own[0]) if own else []
    for child in children(head):
        if child.dep_ in ("ccomp", "acl") and child.pos_ in ("VERB", "AUX"):
            own = _children(child, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            if own and own[0].lower_ not in RELATIVE_PRONOUNS:
                return with_conjuncts(own[0])
    return []


def direct_objects(verb: Token) -> list[Token]:
    """The verb's direct objects (and datives, attributes), with their conjuncts; worked out
    once per token and Doc (each caller gets its own copy of the list)."""
    words = words_of(verb.doc)
    key = ("direct_objects tokens", verb.i)
    found: list[Token] | None = words.memo.get(key)
    if found is None:
        tokens = words.tokens
        found = words.memo[key] = [tokens[k] for k in _direct_objects(words, verb.i)]
    return list(found)


_DIRECT_OBJECT_DEPS = label_ids(*OBJECT_DEPS, "dative", "attr", "oprd")


def _direct_objects(words: Words, verb: int) -> list[int]:
    """:func:`direct_objects` on token indices, memoised per Doc (do not change the list)."""
    key = ("direct_objects", verb)
    found: list[int] | None = words.memo.get(key)
    if found is None:
        found = []
        deps, pos = words.deps, words.pos
        for obj in words.kids[verb]:
            if deps[obj] in _DIRECT_OBJECT_DEPS and (
                pos[obj] in _OBJECT_POS or _nominal_use(words, obj)
            ):
                found.extend(_with_conjuncts(words, obj))
        words.memo[key] = found
    return found


def _nominal_use(words: Words, i: int) -> bool:
    """ "evacuated the wounded", "fed the poor": a participle or adjective naming people."""
    deps = words.deps
    return words.pos[i] in _VERB_OR_ADJ_POS and any(deps[c] == _DET for c in words.kids[i])


def prep_objects(head: Token) -> dict[str, list[Token]]:
    """Objects of the prepositions attached to ``head``, keyed by the preposition (lower case).

    Two-word prepositions are keyed by both words joined by a space ("out of"). Worked out
    once per token and Doc (each caller gets its own copy of the table and its lists).
    """
    words = words_of(head.doc)
    if not _has_prepositions(words, head.i):
        return {}
    key = ("prep_objects tokens", head.i)
    found: dict[str, list[Token]] | None = words.memo.get(key)
    if found is None:
        tokens = words.tokens
        found = words.memo[key] = {
            prep: [tokens[k] for k in objs] for prep, objs in _prep_objects(words, head.i).items()
        }
    return {prep: list(objs) for prep, objs in found.items()}


def _prep_objects(words: Words, head: int) -> dict[str, list[int]]:
    """:func:`prep_objects` on token indices, memoised per Doc (do not change the table)."""
    if not _has_prepositions(words, head):
        return _NO_PREPOSITIONS
    key = ("prep_objects", head)
    found: dict[str, list[int]] | None = words.memo.get(key)
    if found is not None:
        return found
    deps, pos, lowers, kids = words.deps, words.pos, words.lowers, words.kids
    found = {}
    for child in kids[head]:
        if deps[child] not in _PREP_LINK_DEPS or pos[child] != _ADP:
            continue
        prep = lowers[child]
        pobjs = [c for c in kids[child] if deps[c] in _PREP_OBJECT_DEPS]
        inner = [c for c in kids[child] if deps[c] == _PREP]
        if not pobjs and inner:  # "out of", "away from"
            prep = f"{prep} {lowers[inner[0]]}"
            pobjs = [c for c in kids[inner[0]] if deps[c] == _POBJ]
        for pobj in pobjs:
            found.setdefault(prep, []).extend(_with_conjuncts(words, pobj))
    words.memo[key] = found
    return found


_NO_PREPOSITIONS: dict[str, list[int]] = {}  # (never changed)


def _has_prepositions(words: Words, head: int) -> bool:
    """Does a preposition (or agent, dative) hang on the token? Most tokens have none."""
    deps = words.deps
    return any(deps[c] in _PREP_LINK_DEPS for c in words.kids[head])


def due_to_objects(verb: Token) -> list[Token]:
    """The objects of "due to", "owing to" after a verb (parsed due <-prep, to <-pcomp)."""
    words = words_of(verb.doc)
    tokens = words.tokens
    return [tokens[k] for k in _due_to_objects(words, verb.i)]


def _due_to_objects(words: Words, verb: int) -> list[int]:
    deps, lowers, kids = words.deps, words.lowers, words.kids
    found: list[int] = []
    for due in kids[verb]:
        if deps[due] == _PREP and lowers[due] in ("due", "owing"):
            for to in kids[due]:
                if lowers[to] == "to":  # the object hangs from "to", or from "due" itself
                    found.extend(o for o in (*kids[to], *kids[due]) if deps[o] == _POBJ)
    return found


def _reduced(words: Words, verb: int) -> bool:
    """A participle with no "that" and no auxiliary: a reduced clause."""
    deps = words.deps
    return not any(deps[c] in _REDUCING_DEPS for c in words.kids[verb])


def _to_infinitive(words: Words, verb: int) -> bool:
    """The verb has an infinitive's "to" ("to hold")."""
    deps, lowers = words.deps, words.lowers
    return any(deps[a] == _AUX and lowers[a] == "to" for a in words.kids[verb])


def _reduced_to_clause(words: Words, verb: int) -> bool:
    """ "found rifles believed to belong to ...": a participle with a to-infinitive, no "that"
    and no auxiliary, that the small model tags as a past tense with the noun as its subject."""
    deps = words.deps
    return (
        words.tags[verb] == _VBD
        and _reduced(words, verb)
        and any(deps[c] == _XCOMP and _to_infinitive(words, c) for c in words.kids[verb])
    )


def _relative_head_id(words: Words, i: int) -> int:
    """:func:`_relative_head` on token indices."""
    heads, deps, pos = words.heads, words.deps, words.pos
    if words.lowers[i] in RELATIVE_PRONOUNS and deps[heads[i]] == _RELCL:
        return heads[heads[i]]
    if pos[i] == _VERB and words.tags[i] in _PARTICIPLE_TAGS and deps[i] in _CLAUSE_SUBJECT_DEPS:
        described = [c for c in words.kids[i] if deps[c] in _NOMINAL_SUBJECT_DEPS]
        if described and described[0] < i and pos[described[0]] in _NOMINAL_POS:
            return described[0]
    return i


def object_lemmas(head: Token, *, purpose: str | None = None) -> set[str]:
    """Lemmas (and lower-case forms) of everything the head governs as an object, and its
    entity types as ``@gpe``, ``@loc``, ``@fac`` ... (lexicon objects may name them).
    ``purpose`` names a preposition whose phrase states a purpose, not an object ("left for
    talks": "for")."""
    words = words_of(head.doc)
    deps, tags, kids = words.deps, words.tags, words.kids
    lowers, lemmas = words.lowers, words.lemmas
    h = head.i
    direct = _direct_objects(words, h)
    # "a curfew was imposed"; "the coaches, which were booked for pilgrims": the coaches
    passive_subjects = [
        _relative_head_id(words, s) for s in kids[h] if deps[s] in _PASSIVE_SUBJECT_IDS
    ]
    preps = _prep_objects(words, h)
    if purpose is not None and purpose in preps:
        preps = {prep: objs for prep, objs in preps.items() if prep != purpose}
    candidates = [*direct, *passive_subjects]
    for objs in preps.values():
        candidates.extend(objs)
    candidates.extend(_due_to_objects(words, h))  # "died due to police firing"
    for child in kids[h]:  # "found a cache of rifles hidden in ...", parsed as a clause
        if deps[child] == _CCOMP and (tags[child] == _VBN or _reduced_to_clause(words, child)):
            subjects = [c for c in kids[child] if deps[c] in _NOMINAL_SUBJECT_DEPS]
            direct = [*direct, *subjects]
            if _reduced(words, child):  # not "agreed that the tariffs should be lowered"
                candidates.extend(subjects)
    if deps[h] == _ACL and tags[h] == _VBN:  # "the bombs discovered on Monday"
        candidates.append(words.heads[h])
    for obj in direct:  # "asked its allies for weapons"
        for objs in _prep_objects(words, obj).values():
            candidates.extend(objs)
    for child in kids[h]:
        # "allowed the leader to hold a rally": the small model often makes it a ccomp
        if deps[child] == _XCOMP or (deps[child] == _CCOMP and _to_infinitive(words, child)):
            candidates.extend(_direct_objects(words, child))
    found: set[str] = set()
    for i in candidates:
        found.add(lemmas[i])
        found.add(lowers[i])
        for child in kids[i]:  # "police firing" parsed as police <-acl- firing
            if child == i + 1 and deps[child] == _ACL and tags[child] == _VBG:
                found.add(lowers[i + 1])
            elif child < i and deps[child] in _LEFT_MODIFIER_DEPS:  # its left children
                found.add(f"{lowers[child]} {lemmas[i]}")
    # "@gpe": a named place as the object itself ("captured Mosul", "the capture of Mosul"),
    # not any name in a prepositional phrase ("captured him in Culiacan")
    ents = words.ents
    for i in (*direct, *passive_subjects, *preps.get("of", [])):
        if ents[i]:
            found.add(f"@{words.tokens[i].ent_type_.lower()}")
    return found


def governing_verb(token: Token) -> Token | None:
    """The verb a noun depends on, through at most one preposition."""
    head = token.head
    if head.i == token.i:
        return None
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None
