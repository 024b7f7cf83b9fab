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
    """The token and the tokens coordinated with it ("Arnor and Gondor")."""
    out = [token]
    for conj in conjuncts(token):
        if conj.i > token.i and conj.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(conj)
    return out


def _relative_head(token: Token) -> Token:
    """Replace a relative pronoun subject by the noun its clause modifies."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
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
    if verb.dep_ == "acl" and nominal_head and head.dep_ == "ROOT" and _children(verb, OBJECT_DEPS):
        return with_conjuncts(head), False  # "The air force carried out strikes", misparsed
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and nominal_head:
        return with_conjuncts(head), True  # "people killed in police firing": the patients
    if verb.dep_ == "acl" and head.pos_ not in ("VERB", "AUX"):
        # "López Obrador's decision to drop out": the possessor of the noun acts.
        owners = _children(head, frozenset({"poss"}))
        if owners:
            return with_conjuncts(owners[0]), passive
        if verb.tag_ == "VBG" and head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
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
    """Subjects of a finite clause that complements ``head``: "hoped that Sheinbaum would ..."."""
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
        if obj.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or _nominal_use(obj):
            out.extend(with_conjuncts(obj))
    return out


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
        inner = [c for c in children(child) if c.dep_ == "prep"]
        if not pobjs and inner:  # "out of", "away from"
            key = f"{key} {inner[0].lower_}"
            pobjs = [c for c in inner[0].children if c.dep_ == "pobj"]
        for pobj in pobjs:
            out.setdefault(key, []).extend(with_conjuncts(pobj))
    return out


def due_to_objects(verb: Token) -> list[Token]:
    """The objects of "due to", "owing to" after a verb (parsed due <-prep, to <-pcomp)."""
    found: list[Token] = []
    for due in children(verb):
        if due.dep_ == "prep" and due.lower_ in ("due", "owing"):
            for to in children(due):
                if to.lower_ == "to":  # the object hangs from "to", or from "due" itself
                    found.extend(o for o in (*children(to), *children(due)) if o.dep_ == "pobj")
    return found


def object_lemmas(head: Token) -> set[str]:
    """Lemmas (and lower-case forms) of everything the head governs as an object, and its
    entity types as ``@gpe``, ``@loc``, ``@fac`` ... (lexicon objects may name them)."""
    words: set[str] = set()
    direct = direct_objects(head)
    # "a curfew was imposed"; "the coaches, which were booked for pilgrims": the coaches
    passive_subjects = [_relative_head(s) for s in _children(head, PASSIVE_SUBJECT_DEPS)]
    preps = prep_objects(head)
    candidates = [*direct, *passive_subjects]
    for objs in preps.values():
        candidates.extend(objs)
    candidates.extend(due_to_objects(head))  # "died due to police firing"
    for child in children(head):  # "found a cache of rifles hidden in ...", parsed as a clause
        if child.dep_ == "ccomp" and child.tag_ == "VBN":
            direct = [*direct, *_children(child, frozenset({"nsubj", "nsubjpass"}))]
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
