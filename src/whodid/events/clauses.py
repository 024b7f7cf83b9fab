"""Who / verb / whom from spaCy's dependency parse.

Small functions over ``Token``s: the subjects of a verb (with passive voice, coordination and
subjects inherited by participles, infinitives and conjoined verbs), its objects, and the
objects of its prepositions. They read labels of the ClearNLP scheme that English spaCy
models use.
"""

from __future__ import annotations

from spacy.tokens import Token

from whodid.nlp.tree import children, conjuncts, lefts, tree_of

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
    out = [token]
    coordinated = [c for c in conjuncts(token) if c.i > token.i]
    if not _interposed_qualifiers(token, coordinated):
        out.extend(c for c in coordinated if c.pos_ in ("NOUN", "PROPN", "PRON"))
    for member in _listed_appositions(token):
        out.append(member)
        out.extend(c for c in conjuncts(member) if c.i > member.i and c.pos_ in ("NOUN", "PROPN"))
    if len(out) > 2:
        out.sort(key=lambda t: t.i)
    return out


def _interposed_qualifiers(token: Token, coordinated: list[Token]) -> bool:
    """Bare words set off by commas after a common noun qualify it rather than list more
    parties: "no aircraft, military or civilian, crossed" (the parser makes "military" and
    "civilian" conjuncts of "aircraft"). Every conjunct is one lower-case word with nothing of
    its own, the first follows a comma right after the noun, a comma closes the last."""
    if token.pos_ != "NOUN" or not coordinated:
        return False
    doc = token.doc
    first, last = coordinated[0], coordinated[-1]
    if first.i < 2 or doc[first.i - 1].text != ",":
        return False
    if last.i + 1 >= len(doc) or doc[last.i + 1].text != ",":
        return False
    for conj in coordinated:
        if not conj.is_lower or any(c.dep_ not in ("cc", "punct", "conj") for c in conj.children):
            return False
    return all(c.dep_ in ("punct", "cc", "conj") for c in doc[token.i + 1 : last.i + 1])


# Entity types of names that can stand as members of a list of parties.
_PARTY_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC"})


def _listed_appositions(token: Token) -> list[Token]:
    """Names in apposition that are really members of a list: "Peru, the troubled Bolivia, and
    Chile" (the parser hangs "Bolivia" on "Peru" as an apposition). An apposition counts when it
    is a name, its head a name too, and the head's coordinator follows it; "Peru, the host
    country, and Chile" keeps its description out."""
    if token.ent_type_ not in _PARTY_ENTS:
        return []  # "the two parties, X and Y": the names spell out a common noun
    found: list[Token] = []
    for child in children(token):
        if child.dep_ != "appos" or child.i < token.i or child.ent_type_ not in _PARTY_ENTS:
            continue
        listed = any(c.dep_ == "cc" and c.i > child.i for c in children(token))
        if listed and not any(c.dep_ == "conj" and c.i < child.i for c in children(token)):
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
    if token.pos_ != "NOUN":
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
    return [c for c in children(token) if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in children(verb))


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


def finite_after_gerund(verb: Token) -> bool:
    """ "accused X of sending drones and summoned its envoy": a finite verb the parser joins to
    the gerund is no conjunct of the gerund but of the verb the gerund's phrase hangs on."""
    head = verb.head
    return (
        verb.tag_ in ("VBD", "VBZ", "VBP")
        and head.tag_ == "VBG"
        and head.dep_ == "pcomp"
        and head.head.head.pos_ in ("VERB", "AUX")
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
    if own and _depth <= 4 and _stranded_object(own[0], verb):
        # "fighters in trucks mounted with | machine guns stormed": the guns are the
        # preposition's, the subject is the first verb's
        return subjects(verb.head, _depth + 1)
    if own:
        reading = _after_object_gap(own[0], verb)
        out: list[Token] = []
        for subj in [reading] if reading is not None else own:
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
    if verb.dep_ == "conj" and finite_after_gerund(verb):
        return subjects(head.head.head, _depth + 1)
    inherited, head_passive = subjects(head, _depth + 1)
    if head_passive and verb.dep_ not in ("conj", "xcomp"):
        inherited = agents(head) or []
    # "X is expected to announce", "X was urged to withdraw": the passive's subject does it
    if head_passive and verb.dep_ == "conj" and verb.tag_ == "VBN" and not _has_aux(verb):
        passive = True  # "was tortured and killed": the shared auxiliary makes both passive
    return inherited, passive


def _stranded_object(subj: Token, verb: Token) -> bool:
    """A misparse: the subject of a coordinated verb opens right after a preposition of the verb
    before it, which has no object of its own ("X mounted with | machine guns stormed ...")."""
    if verb.dep_ != "conj" or subj.i > verb.i or subj.left_edge.i == 0:
        return False
    prep = subj.doc[subj.left_edge.i - 1]
    return (
        prep.dep_ == "prep"
        and prep.head.i == verb.head.i
        and not any(c.dep_ in ("pobj", "pcomp") for c in children(prep))
    )


def _after_object_gap(subj: Token, verb: Token) -> Token | None:
    """A misparse: a participle with no object, its object read as the first conjunct of the
    next clause's subject ("killing | five soldiers, and a separate bombing ... killed 14"):
    the later conjunct is the subject."""
    if verb.dep_ != "ccomp" or subj.i > verb.i or subj.left_edge.i == 0:
        return None
    participle = verb.head
    if (
        participle.tag_ != "VBG"
        or participle.i != subj.left_edge.i - 1
        or any(c.dep_ in ("dobj", "obj") for c in children(participle))
    ):
        return None
    conj = next((c for c in children(subj) if c.dep_ == "conj"), None)
    if conj is None or not any(c.dep_ == "cc" for c in children(subj)):
        return None
    return conj


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
    memo = tree_of(verb.doc).memo
    key = ("direct_objects", verb.i)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _direct_objects(verb)
    return list(found)


def _direct_objects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for obj in _children(verb, OBJECT_DEPS | frozenset({"dative", "attr", "oprd"})):
        if out and _comment_after_clause(obj, out[0]):
            continue
        if obj.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or _nominal_use(obj):
            out.extend(with_conjuncts(obj))
    return out


def _comment_after_clause(obj: Token, first: Token) -> bool:
    """A second "object" after a comma and a clause of the verb sums up the act ("overran a
    base after a firefight, sources said, the second assault on the army in two days"): no
    object of the verb."""
    before = obj.left_edge.i - 1
    if obj.dep_ not in OBJECT_DEPS or before < 0 or obj.doc[before].text != ",":
        return False
    return any(
        c.dep_ in ("advcl", "ccomp", "parataxis") and first.i < c.i < obj.i
        for c in children(obj.head)
    )


def _nominal_use(token: Token) -> bool:
    """ "evacuated the wounded", "fed the poor": a participle or adjective naming people."""
    return token.pos_ in ("VERB", "ADJ") and any(c.dep_ == "det" for c in children(token))


def prep_objects(head: Token) -> dict[str, list[Token]]:
    """Objects of the prepositions attached to ``head``, keyed by the preposition (lower case).

    Two-word prepositions are keyed by both words joined by a space ("out of"). Worked out
    once per token and Doc (each caller gets its own copy of the table and its lists).
    """
    memo = tree_of(head.doc).memo
    key = ("prep_objects", head.i)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _prep_objects(head)
    return {prep: list(objs) for prep, objs in found.items()}


def _prep_objects(head: Token) -> dict[str, list[Token]]:
    out: dict[str, list[Token]] = {}
    for child in children(head):
        if child.dep_ not in ("prep", "agent", "dative") or child.pos_ != "ADP":
            continue
        key = child.lower_
        pobjs = [c for c in children(child) if c.dep_ in ("pobj", "pcomp")]
        if not pobjs:  # "travel to and from X": the coordinated preposition's object is shared
            pobjs = [
                c
                for conj in children(child)
                if conj.dep_ == "conj" and conj.pos_ == "ADP"
                for c in children(conj)
                if c.dep_ == "pobj"
            ]
        inner = [c for c in children(child) if c.dep_ == "prep"]
        if not pobjs and inner:  # "out of", "away from"
            key = f"{key} {inner[0].lower_}"
            pobjs = [c for c in inner[0].children if c.dep_ == "pobj"]
        for pobj in pobjs:
            out.setdefault(key, []).extend(with_conjuncts(pobj))
    by = _stray_by(head)
    if by is not None:
        out.setdefault("by", []).extend(
            m for c in children(by) if c.dep_ == "pobj" for m in with_conjuncts(c)
        )
    return out


def _stray_by(noun: Token) -> Token | None:
    """A "by" the parse hung on an active verb right after its object, which it belongs to:
    "denied charges by the opposition", "rejected a request by the union" (an active verb has
    no "by"-agent)."""
    verb = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB":
        return None
    after = noun.right_edge.i + 1
    for child in children(verb):
        if child.i == after and child.dep_ == "prep" and child.lower_ == "by":
            return child
    return None


def due_to_objects(verb: Token) -> list[Token]:
    """The objects of "due to", "owing to" after a verb (parsed due <-prep, to <-pcomp)."""
    found: list[Token] = []
    for due in children(verb):
        if due.dep_ == "prep" and due.lower_ in ("due", "owing"):
            for to in children(due):
                if to.lower_ == "to":  # the object hangs from "to", or from "due" itself
                    found.extend(o for o in (*children(to), *children(due)) if o.dep_ == "pobj")
    return found


def _reduced(verb: Token) -> bool:
    """A participle with no "that" and no auxiliary: a reduced clause."""
    return not any(c.dep_ in ("mark", "aux", "auxpass") for c in children(verb))


def _reduced_to_clause(verb: Token) -> bool:
    """ "found rifles believed to belong to ...": a participle with a to-infinitive, no "that"
    and no auxiliary, that the small model tags as a past tense with the noun as its subject."""
    return (
        verb.tag_ == "VBD"
        and _reduced(verb)
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))
            for c in children(verb)
        )
    )


def object_lemmas(head: Token, *, purpose: str | None = None) -> set[str]:
    """Lemmas (and lower-case forms) of everything the head governs as an object, and its
    entity types as ``@gpe``, ``@loc``, ``@fac`` ... (lexicon objects may name them).
    ``purpose`` names a preposition whose phrase states a purpose, not an object ("left for
    talks": "for")."""
    words: set[str] = set()
    direct = direct_objects(head)
    # "a curfew was imposed"; "the coaches, which were booked for pilgrims": the coaches
    passive_subjects = [_relative_head(s) for s in _children(head, PASSIVE_SUBJECT_DEPS)]
    preps = prep_objects(head)
    if purpose is not None:
        preps.pop(purpose, None)
    candidates = [*direct, *passive_subjects]
    for objs in preps.values():
        candidates.extend(objs)
    candidates.extend(due_to_objects(head))  # "died due to police firing"
    for child in children(head):  # "found a cache of rifles hidden in ...", parsed as a clause
        if child.dep_ == "ccomp" and (child.tag_ == "VBN" or _reduced_to_clause(child)):
            subjects = _children(child, frozenset({"nsubj", "nsubjpass"}))
            direct = [*direct, *subjects]
            if _reduced(child):  # not "agreed that the tariffs should be lowered"
                candidates.extend(subjects)
    if head.dep_ == "acl" and head.tag_ == "VBN":  # "the bombs discovered on Monday"
        candidates.append(head.head)
    for obj in direct:  # "asked its allies for weapons"
        for objs in prep_objects(obj).values():
            candidates.extend(objs)
    for child in children(head):
        # "allowed the leader to hold a rally": the small model often makes it a ccomp
        if child.dep_ == "xcomp" or (
            child.dep_ == "ccomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(child))
        ):
            candidates.extend(direct_objects(child))
    tree = tree_of(head.doc)
    lowers, lemmas = tree.lowers(), tree.lemma_lowers()
    for obj in candidates:
        i = obj.i
        words.add(lemmas[i])
        words.add(lowers[i])
        for child in tree.kids[i]:  # "police firing" parsed as police <-acl- firing
            if child.i == i + 1 and child.dep_ == "acl" and child.tag_ == "VBG":
                words.add(lowers[i + 1])
            elif child.i < i and child.dep_ in ("compound", "amod"):  # its left children
                words.add(f"{lowers[child.i]} {lemmas[i]}")
    # "@gpe": a named place as the object itself ("captured Mosul", "the capture of Mosul"),
    # not any name in a prepositional phrase ("captured him in Culiacan")
    for obj in (*direct, *passive_subjects, *preps.get("of", [])):
        if obj.ent_type_:
            words.add(f"@{obj.ent_type_.lower()}")
    return words


def governing_verb(token: Token) -> Token | None:
    """The verb a noun depends on, through at most one preposition."""
    head = token.head
    if head.i == token.i:
        return None
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None
