"""Who acts and on whom: the source and target candidates of a trigger in the parse.

Candidates come in tiers (the phrase's own preposition, the direct object, the prepositions
that usually mark a recipient, ...); the first tier holding a known actor wins, so that
"restored ties with Gondor" targets Gondor, not "ties". The caller's actor resolution answers
``is_actor``; this module knows nothing of countries.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from whodid.events import clauses
from whodid.events.lexicon import Entry, Lexicon
from whodid.nlp.tree import children, lefts

# A nominal trigger's recipient: "the arrest of", "talks with", "an attack on", "a note to".
NOUN_TARGET_PREPS = ("of", "against", "on", "upon", "to", "toward", "towards", "with", "into")
# Codes of speech acts whose addressee or topic can be the subject of a that-clause
# ("expressed hope that Sheinbaum would ...", "warned that Gondor would pay").
SPEECH_ACT_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
# Nouns whose possessor suffers the event ("Zambada's arrest") rather than does it.
PATIENT_NOUN_CODES = ("17", "18", "19", "20")
# Entity types that never act: "on Monday", "three", "$5 million".
_NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})

# Violent causes whose actor acts on a passive victim: "killed in police firing".
CAUSE_NOUNS = frozenset(
    """
    firing fire shooting gunfire attack strike airstrike raid clash blast explosion bombing
    crossfire shelling crackdown operation action violence ambush
    """.split()
)

IsActor = Callable[[Token], bool]
"""Does the token stand for a known actor? Used to choose among candidate arguments."""


def no_actor(token: Token) -> bool:
    return False


def _usable(tokens: list[Token], trigger: list[Token]) -> list[Token]:
    """Argument candidates less the trigger's own words and dates, numbers, amounts."""
    if not tokens:
        return []
    own = {t.i for t in trigger}
    return [
        t for t in tokens if t.i not in own and (t.ent_type_ not in _NON_ACTOR_ENTS or _counted(t))
    ]


def _counted(token: Token) -> bool:
    """ "dozens of demonstrators", "hundreds of people": a number that heads the people it
    counts is an argument, whatever the entity tagger calls it."""
    return token.pos_ in ("NOUN", "NUM") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in children(c))
        for c in children(token)
    )


def owner(token: Token, is_actor: IsActor) -> Token | None:
    """An actor that owns a non-actor argument: "Gondor's proposal", "a U.S.-funded program",
    "the attack by Osgiliath soldiers"."""
    if token.pos_ == "NOUN":
        for by in clauses.prep_objects(token).get("by", []):
            if is_actor(by):
                return by
    for left in lefts(token):
        if left.dep_ in ("poss", "compound", "amod", "npadvmod", "nmod"):
            if is_actor(left):
                return left
            inner = owner(left, is_actor)
            if inner is not None:
                return inner
    return None


# Prepositions that name whom a thing is aimed at: "a ban on", "sanctions against", "aid to".
_RECIPIENT_PREPS = ("on", "against", "to", "with", "for", "toward", "towards", "from")


def _first_actor(
    table: dict[str, list[Token]], preps: tuple[str, ...], is_actor: IsActor
) -> Token | None:
    """The first actor among the objects of ``preps``, tried in that order."""
    for prep in preps:
        for obj in table.get(prep, []):
            if is_actor(obj):
                return obj
    return None


def recipient(token: Token, is_actor: IsActor) -> Token | None:
    """The actor a non-actor argument is aimed at or comes from, as CAMEO codes the target:
    "lifted a travel ban imposed on Chadian citizens", "rejected appeals to release Aya
    Hijazi", "rejected an appeal lodged by the opposition", "sanctions against Iran"."""
    if token.pos_ != "NOUN":
        return None
    table = clauses.prep_objects(token)
    found = _first_actor(table, _RECIPIENT_PREPS, is_actor)
    for inner_thing in table.get("of", []):  # "a resumption of ties with Gondor"
        if found is None and not is_actor(inner_thing) and inner_thing.pos_ == "NOUN":
            found = _first_actor(clauses.prep_objects(inner_thing), _RECIPIENT_PREPS, is_actor)
    for child in children(token):
        if found is not None:
            break
        if child.dep_ not in ("acl", "relcl") or child.pos_ != "VERB":
            continue
        found = _first_actor(clauses.prep_objects(child), (*_RECIPIENT_PREPS, "by"), is_actor)
        if found is None and child.dep_ == "acl":  # "appeals to release X": its object
            found = next((o for o in clauses.direct_objects(child) if is_actor(o)), None)
    return found


def _pick(tiers: list[list[Token]], is_actor: IsActor) -> list[Token]:
    """The first tier holding a known actor, else one whose words an actor owns, else the
    first non-empty tier."""
    tiers = [t for t in tiers if t]
    for tier in tiers:
        if any(is_actor(t) for t in tier):
            return tier
    for tier in tiers:
        if any(owner(t, is_actor) is not None for t in tier):
            return tier
    return tiers[0] if tiers else []


def _targets_for_prep(head: Token, preps: tuple[str, ...]) -> list[Token]:
    table = clauses.prep_objects(head)
    for prep in preps:
        if prep in table:
            return table[prep]
    return []


def _copular_predicate(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """ "X was to blame" / "X is to be blamed": X is the target; the speaker, if any, the source."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_ != "be" or clauses.direct_objects(verb):
        return None
    targets, _ = clauses.subjects(head)
    return speaker_of(head), targets


def _agent_of_cause(verb: Token, lexicon: Lexicon) -> list[Token]:
    """ "were killed in police firing", "died in an Israeli air strike": the cause's actor."""
    for prep in ("in", "during"):
        for noun in clauses.prep_objects(verb).get(prep, []):
            if any(c.dep_ == "acl" and c.lemma_.lower() in CAUSE_NOUNS for c in children(noun)):
                return [noun]  # "in police firing" parsed as police <-acl- firing
            if (
                noun.lemma_.lower() not in lexicon.by_noun
                and noun.lemma_.lower() not in CAUSE_NOUNS
            ):
                continue
            for child in children(noun):
                if child.dep_ in ("poss", "compound", "amod") and child.pos_ in (
                    "NOUN",
                    "PROPN",
                    "ADJ",
                ):
                    return [child]
            by = clauses.prep_objects(noun).get("by", [])
            if by:
                return by
    return []


def verb_arguments(
    entry: Entry, trigger: list[Token], is_actor: IsActor, lexicon: Lexicon
) -> tuple[list[Token], list[Token]]:
    verb = trigger[0]
    copular = _copular_predicate(verb)
    if copular is not None:
        return copular
    subjects, passive = clauses.subjects(verb)
    sources = clauses.agents(verb) if passive else subjects
    if passive and not sources:
        sources = _agent_of_cause(verb, lexicon)
    tiers: list[list[Token]] = [subjects if passive else []]
    for word in reversed(trigger[1:]):  # "lash out against X", "drop out of X"
        if word.pos_ == "ADP":
            tiers.append([c for c in children(word) if c.dep_ == "pobj"])
    objects = clauses.direct_objects(verb)
    tiers.append(objects)
    preps = clauses.prep_objects(verb)
    for prep in entry.target_preps or clauses.DEFAULT_TARGET_PREPS:
        tiers.append(preps.get(prep, []))
    for obj in objects:  # "cut aid to Argentina", "a curfew on Basra"
        obj_preps = clauses.prep_objects(obj)
        for prep in entry.target_preps or clauses.DEFAULT_TARGET_PREPS:
            tiers.append(obj_preps.get(prep, []))
    if entry.code[:2] in SPEECH_ACT_ROOTS:
        for head in trigger:
            tiers.append(clauses.complement_subjects(head))
    targets = _pick([_usable(t, trigger) for t in tiers], is_actor)
    sources = _usable(sources, trigger)
    if entry.swap:
        sources, targets = targets, sources
    return sources, targets


def lending_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb lending its subject to the noun's event: "held talks"."""
    if noun.dep_ in ("dobj", "obj"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.i != noun.head.i:
        verb = noun.head.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.light_verbs else None


def speaker_of(clause: Token) -> list[Token]:
    """Who says the clause: the subject of the verb it complements ("X said it was Y's fault")."""
    if clause.dep_ == "ccomp" and clause.head.i != clause.i:
        return clauses.subjects(clause.head)[0]
    return []


def noun_arguments(
    entry: Entry, trigger: list[Token], lexicon: Lexicon, is_actor: IsActor
) -> tuple[list[Token], list[Token]]:
    noun = trigger[0]
    own = trigger
    preps = clauses.prep_objects(noun)
    source_tiers: list[list[Token]] = [preps.get("by", [])]
    target_tiers: list[list[Token]] = [
        preps.get(p, []) for p in entry.target_preps or NOUN_TARGET_PREPS
    ]
    for word in trigger[1:]:  # "a note of protest to Tbilisi": the phrase's last word's "to"
        if word.pos_ == "NOUN":
            inner = clauses.prep_objects(word)
            target_tiers.extend(inner.get(p, []) for p in entry.target_preps or NOUN_TARGET_PREPS)
    if noun.dep_ in ("attr", "acomp") and noun.head.lemma_ == "be":
        # "... is not the fault of the United States", said X: the speaker judges.
        source_tiers.append(speaker_of(noun.head))
        target_tiers.append(clauses.subjects(noun.head)[0])
    # "Zambada's arrest": the possessor suffers; "Denmark's deportation of refugees": it acts.
    patient_possessor = entry.possessor == "target" or (
        entry.possessor == "auto"
        and entry.code.startswith(PATIENT_NOUN_CODES)
        and "of" not in preps
    )
    for child in children(noun):
        if child.dep_ == "poss":
            (target_tiers if patient_possessor else source_tiers).append([child])
        elif child.dep_ in ("amod", "compound") and child.pos_ in ("ADJ", "PROPN"):
            # "Israeli strikes", "Hamas attacks" — not "military confrontation"
            if child.ent_type_ in ("NORP", "GPE", "ORG"):
                source_tiers.append([child])
        elif child.dep_ == "compound" and child.pos_ == "NOUN" and is_actor(child):
            source_tiers.append([child])  # "police firing", "army shelling"
    for child in children(noun):  # "a diplomatic note expressing surprise at Salazar's comments"
        if child.dep_ == "acl" and child.pos_ == "VERB":
            words = [*clauses.direct_objects(child)]
            for objs in clauses.prep_objects(child).values():
                words.extend(objs)
            # only actors, or things actors own: not "a note setting out the dates"
            target_tiers.append([w for w in words if is_actor(w) or owner(w, is_actor) is not None])
    verb = lending_verb(noun, lexicon)
    if verb is not None:
        subj, passive = clauses.subjects(verb)
        source_tiers.append(clauses.agents(verb) if passive else subj)
        if noun.dep_ in ("dobj", "obj"):
            verb_preps = clauses.prep_objects(verb)
            target_tiers.extend(
                verb_preps.get(p, []) for p in entry.target_preps or clauses.DEFAULT_TARGET_PREPS
            )
            target_tiers.append([c for c in children(verb) if c.dep_ == "dative"])
    sources = _pick([_usable(t, own) for t in source_tiers], is_actor)
    targets = _pick([_usable(t, own) for t in target_tiers], is_actor)
    if entry.swap:
        sources, targets = targets, sources
    return sources, targets


def clause_speaker(token: Token) -> list[Token]:
    """The speaker of the reported clause the token stands in ("X said Y must withdraw")."""
    clause = token
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    return speaker_of(clause)
