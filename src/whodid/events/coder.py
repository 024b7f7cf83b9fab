"""The event coder: a parsed sentence and the lexicon in, candidate events out.

For every verb and noun whose lemma the lexicon knows, the most specific entry whose phrase,
object and preposition constraints the parse satisfies is chosen; its source and target come
from the clause (``clauses``), its polarity and modality from ``modality``. Actors are resolved
later by the caller, so this module knows nothing of countries.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whodid.events import clauses
from whodid.events.lexicon import Entry, Lexicon, Phrase
from whodid.events.modality import is_negated, modality

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# A nominal trigger's recipient: "the arrest of", "talks with", "an attack on", "a note to".
NOUN_TARGET_PREPS = ("of", "against", "on", "upon", "to", "toward", "towards", "with", "into")
# Codes of speech acts whose addressee or topic can be the subject of a that-clause
# ("expressed hope that Sheinbaum would ...", "warned that Gondor would pay").
SPEECH_ACT_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
# Nouns whose possessor suffers the event ("Zambada's arrest") rather than does it.
PATIENT_NOUN_CODES = ("17", "18", "19", "20")
_SPEECH_CODES = ("010",)
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


def _no_actor(token: Token) -> bool:
    return False


@dataclass(slots=True)
class Candidate:
    """An event found in the parse, before actors, dates and places are attached."""

    entry: Entry
    trigger: list[Token]  # head first, then the phrase's other words
    source: Token | None
    target: Token | None
    negated: bool
    hypothetical: bool
    nominal: bool
    specific: bool  # an object or multi-word constraint of the entry was met
    code: str = ""  # the CAMEO code: the entry's, or as modality recodes it
    modality: str | None = None  # future, intent, obligation, ... (see modality.modality)
    lent: bool = False  # an event noun whose source a light verb lends ("held talks")

    @property
    def head(self) -> Token:
        return self.trigger[0]


def _nearby(head: Token, *, depth: int = 2) -> dict[str, Token]:
    """The words near ``head`` in the tree a phrase may name, by lower form and lemma; the
    nearest (breadth-first) wins.

    Content words may sit in a complement clause ("urge ... to resign"); a preposition must
    belong to the head's own clause ("agreed to provide X with" is no "agree with").
    """
    found: dict[str, Token] = {}
    frontier = [(head, False)]
    for _ in range(depth):
        nxt: list[tuple[Token, bool]] = []
        for tok, crossed in frontier:
            for child in tok.children:
                dep = child.dep_
                inside = crossed or dep in _CLAUSE_DEPS
                nxt.append((child, inside))
                if inside and dep in ("prep", "agent", "dative"):
                    continue
                if dep == "prep" and _temporal_prep(child):
                    continue
                if dep == "aux" and child.lower_ == "to":
                    continue  # the infinitive's "to" is no preposition of the phrase
                found.setdefault(child.lower_, child)
                found.setdefault(child.lemma_.lower(), child)
        frontier = nxt
    return found


_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "parataxis"})


def _temporal_prep(token: Token) -> bool:
    """ "on Monday", "in March": a preposition of time is no part of a verb phrase."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children
    )


def _match_phrase(phrase: Phrase, head: Token, near: dict[str, Token]) -> list[Token] | None:
    matched = [head]
    for word in phrase.extras:
        found = near.get(word)
        if found is None:
            return None
        matched.append(found)
    return matched


def _object_ok(entry: Entry, objects: set[str]) -> bool:
    if entry.not_objects and entry.not_objects & objects:
        return False
    return not entry.objects or bool(entry.objects & objects)


def _complement_ok(entry: Entry, head: Token) -> bool:
    """ "said Gondor must withdraw": the trigger's that-clause carries a required modal."""
    if not entry.complement_aux:
        return True
    for clause in head.children:
        if clause.dep_ == "ccomp" and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in entry.complement_aux
            for c in clause.children
        ):
            return True
    return False


def _choose(
    entries: list[Entry], head: Token, *, nominal: bool
) -> tuple[Entry, list[Token]] | None:
    """The entry whose matched phrase (and object constraint) says most; ties go to file order."""
    objects = clauses.object_lemmas(head)
    near = _nearby(head)
    best: tuple[int, Entry, list[Token]] | None = None
    for entry in entries:
        if not _object_ok(entry, objects) or not _complement_ok(entry, head):
            continue
        for phrase in entry.nouns if nominal else entry.verbs:
            if phrase.head != head.lemma_.lower() and phrase.head != head.lower_:
                continue
            matched = _match_phrase(phrase, head, near)
            if matched is None:
                continue
            # content words of a phrase ("threaten kill") weigh like an object constraint
            score = sum(2 if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ") else 1 for t in matched[1:])
            score += 2 if entry.objects or entry.complement_aux else 0
            if best is None or score > best[0]:
                best = (score, entry, matched)
    return (best[1], best[2]) if best else None


def _usable(tokens: list[Token], trigger: list[Token]) -> list[Token]:
    """Argument candidates less the trigger's own words and dates, numbers, amounts."""
    own = {t.i for t in trigger}
    return [t for t in tokens if t.i not in own and t.ent_type_ not in _NON_ACTOR_ENTS]


def owner(token: Token, is_actor: IsActor) -> Token | None:
    """An actor that owns a non-actor argument: "Gondor's proposal", "a U.S.-funded program",
    "the attack by Osgiliath soldiers"."""
    if token.pos_ == "NOUN":
        for by in clauses.prep_objects(token).get("by", []):
            if is_actor(by):
                return by
    for left in token.lefts:
        if left.dep_ in ("poss", "compound", "amod", "npadvmod", "nmod"):
            if is_actor(left):
                return left
            inner = owner(left, is_actor)
            if inner is not None:
                return inner
    return None


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
    return _speaker_of(head), targets


def _agent_of_cause(verb: Token, lexicon: Lexicon) -> list[Token]:
    """ "were killed in police firing", "died in an Israeli air strike": the cause's actor."""
    for prep in ("in", "during"):
        for noun in clauses.prep_objects(verb).get(prep, []):
            if any(c.dep_ == "acl" and c.lemma_.lower() in CAUSE_NOUNS for c in noun.children):
                return [noun]  # "in police firing" parsed as police <-acl- firing
            if (
                noun.lemma_.lower() not in lexicon.by_noun
                and noun.lemma_.lower() not in CAUSE_NOUNS
            ):
                continue
            for child in noun.children:
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


def _verb_arguments(
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
            tiers.append([c for c in word.children if c.dep_ == "pobj"])
    tiers.append(clauses.direct_objects(verb))
    preps = clauses.prep_objects(verb)
    for prep in entry.target_preps or clauses.DEFAULT_TARGET_PREPS:
        tiers.append(preps.get(prep, []))
    for obj in clauses.direct_objects(verb):  # "cut aid to Argentina", "a curfew on Basra"
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


def _lending_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb lending its subject to the noun's event: "held talks"."""
    if noun.dep_ in ("dobj", "obj"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.i != noun.head.i:
        verb = noun.head.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.light_verbs else None


def _speaker_of(clause: Token) -> list[Token]:
    """Who says the clause: the subject of the verb it complements ("X said it was Y's fault")."""
    if clause.dep_ == "ccomp" and clause.head.i != clause.i:
        return clauses.subjects(clause.head)[0]
    return []


def _noun_arguments(
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
        source_tiers.append(_speaker_of(noun.head))
        target_tiers.append(clauses.subjects(noun.head)[0])
    # "Zambada's arrest": the possessor suffers; "Denmark's deportation of refugees": it acts.
    patient_possessor = entry.possessor == "target" or (
        entry.possessor == "auto"
        and entry.code.startswith(PATIENT_NOUN_CODES)
        and "of" not in preps
    )
    for child in noun.children:
        if child.dep_ == "poss":
            (target_tiers if patient_possessor else source_tiers).append([child])
        elif child.dep_ in ("amod", "compound") and child.pos_ in ("ADJ", "PROPN"):
            # "Israeli strikes", "Hamas attacks" — not "military confrontation"
            if child.ent_type_ in ("NORP", "GPE", "ORG"):
                source_tiers.append([child])
        elif child.dep_ == "compound" and child.pos_ == "NOUN" and is_actor(child):
            source_tiers.append([child])  # "police firing", "army shelling"
    for child in noun.children:  # "a diplomatic note expressing surprise at Salazar's comments"
        if child.dep_ == "acl" and child.pos_ == "VERB":
            words = [*clauses.direct_objects(child)]
            for objs in clauses.prep_objects(child).values():
                words.extend(objs)
            # only actors, or things actors own: not "a note setting out the dates"
            target_tiers.append([w for w in words if is_actor(w) or owner(w, is_actor) is not None])
    verb = _lending_verb(noun, lexicon)
    if verb is not None:
        subj, passive = clauses.subjects(verb)
        source_tiers.append(clauses.agents(verb) if passive else subj)
        if noun.dep_ in ("dobj", "obj"):
            verb_preps = clauses.prep_objects(verb)
            target_tiers.extend(
                verb_preps.get(p, []) for p in entry.target_preps or clauses.DEFAULT_TARGET_PREPS
            )
            target_tiers.append([c for c in verb.children if c.dep_ == "dative"])
    sources = _pick([_usable(t, own) for t in source_tiers], is_actor)
    targets = _pick([_usable(t, own) for t in target_tiers], is_actor)
    if entry.swap:
        sources, targets = targets, sources
    return sources, targets


def _pairs(
    entry: Entry, sources: list[Token], targets: list[Token]
) -> Iterator[tuple[Token | None, Token | None]]:
    if entry.symmetric and len(sources) > 1 and not targets:
        for a in sources:
            for b in sources:
                if a.i != b.i:
                    yield a, b
        return
    none: list[Token | None] = [None]
    for source in sources or none:
        for target in targets or none:
            if source is not None and target is not None and source.i == target.i:
                continue
            yield source, target


def _light_noun_trigger(verb: Token, lexicon: Lexicon) -> bool:
    """A light verb whose object is itself an event noun: the noun carries the event."""
    if verb.lemma_.lower() not in lexicon.light_verbs:
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and child.lemma_.lower() in lexicon.by_noun:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "with"
            and any(
                g.dep_ == "pobj" and g.lemma_.lower() in lexicon.by_noun for g in child.children
            )
        ):
            return True
    return False


def _clause_speaker(token: Token) -> list[Token]:
    """The speaker of the reported clause the token stands in ("X said Y must withdraw")."""
    clause = token
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    return _speaker_of(clause)


def _recode(
    entry: Entry,
    token: Token,
    nominal: bool,
    lexicon: Lexicon,
    *,
    negated: bool,
    kind: str | None,
    sources: list[Token],
    targets: list[Token],
) -> tuple[str, bool, str | None, list[Token], list[Token]]:
    """The code under the text's polarity and modality (``data/lexicons/recodes.yaml``)."""
    code = entry.code
    if negated and entry.negated_code:
        # "X cannot be held responsible", said Y: Y denies; it is no hypothetical.
        clause = token.head if nominal else token
        return entry.negated_code, False, None, sources or _speaker_of(clause), targets
    if negated:
        refused = lexicon.recode("refusal", code)
        if refused is not None:
            return refused, False, None, sources, targets
        return code, negated, kind, sources, targets
    if kind in ("future", "intent"):
        intended = lexicon.recode("intent", code)
        if intended is not None:
            return intended, False, None, sources, targets
    if kind == "obligation":
        demanded = lexicon.recode("obligation", code)
        speaker = _clause_speaker(token)
        if demanded is not None and speaker:
            return demanded, False, None, speaker, sources
    return code, negated, kind, sources, targets


def _object_of_event(c: Candidate, verbal_heads: set[int]) -> bool:
    if not c.nominal or c.source is not None or c.target is not None:
        return False
    if c.head.dep_ not in ("dobj", "obj", "pobj", "attr"):
        return False
    verb = clauses.governing_verb(c.head)
    return verb is not None and verb.i in verbal_heads


@functools.lru_cache(maxsize=8)
def _discards_by_length(
    discards: tuple[tuple[str, ...], ...],
) -> tuple[tuple[int, frozenset[tuple[str, ...]]], ...]:
    """The discard phrases grouped by length, as sets: one lookup per n-gram of a sentence."""
    lengths = sorted({len(p) for p in discards})
    return tuple((n, frozenset(p for p in discards if len(p) == n)) for n in lengths)


def discarded(sentence: SpacySpan, lexicon: Lexicon) -> bool:
    """Sports, entertainment and other non-political senses: the sentence yields nothing."""
    if not lexicon.discards:
        return False
    words = [t.lower_ for t in sentence]
    lemmas = [t.lemma_.lower() for t in sentence]
    for n, phrases in _discards_by_length(lexicon.discards):
        for seq in (words, lemmas):
            for i in range(len(seq) - n + 1):
                if tuple(seq[i : i + n]) in phrases:
                    return True
    return False


def code_sentence(
    sentence: SpacySpan, lexicon: Lexicon, *, is_actor: IsActor = _no_actor
) -> list[Candidate]:
    """Every candidate event of one sentence, in trigger order.

    ``is_actor`` lets the caller's actor resolution choose among candidate targets: "restored
    ties with Gondor" targets Gondor, not "ties".
    """
    if discarded(sentence, lexicon):
        return []
    found: list[Candidate] = []
    for token in sentence:
        lemma = token.lemma_.lower()
        nominal = token.pos_ in NOUN_POS
        if token.pos_ in VERB_POS:
            if token.dep_ == "amod" and not clauses.subjects(token)[0]:
                continue  # "visiting delegation", "escalating violence": modifiers, not events
            entries = lexicon.by_verb.get(lemma) or lexicon.by_verb.get(token.lower_)
        elif nominal:
            entries = lexicon.by_noun.get(lemma) or lexicon.by_noun.get(token.lower_)
        else:
            continue
        if not entries:
            continue
        choice = _choose(entries, token, nominal=nominal)
        if choice is None:
            continue
        entry, trigger = choice
        specific = bool(entry.objects) or len(trigger) > 1
        if not nominal and not specific and _light_noun_trigger(token, lexicon):
            continue
        if nominal:
            sources, targets = _noun_arguments(entry, trigger, lexicon, is_actor)
        else:
            sources, targets = _verb_arguments(entry, trigger, is_actor, lexicon)
        negated = is_negated(token)
        kind = modality(token)
        code, negated, kind, sources, targets = _recode(
            entry,
            token,
            nominal,
            lexicon,
            negated=negated,
            kind=kind,
            sources=sources,
            targets=targets,
        )
        hypothetical = kind is not None
        for source, target in _pairs(entry, sources, targets):
            found.append(
                Candidate(
                    entry=entry,
                    trigger=trigger,
                    source=source,
                    target=target,
                    negated=negated,
                    hypothetical=hypothetical,
                    nominal=nominal,
                    specific=specific,
                    code=code,
                    modality=kind,
                    lent=nominal and _lending_verb(token, lexicon) is not None,
                )
            )
    # A word inside an event noun's phrase ("a note of protest") is no event of its own.
    inside = {t.i for c in found if c.nominal for t in c.trigger[1:]}
    found = [c for c in found if c.head.i not in inside]
    # An event noun that is the object of another event ("denied the accusations", "condemned
    # the attack") is what that event is about, not a second event, unless it has actors.
    verbal_heads = {c.head.i for c in found if not c.nominal}
    found = [c for c in found if not (_object_of_event(c, verbal_heads))]
    # A bare statement ("said") is the event only when the sentence reports nothing more specific.
    if any(c.code not in _SPEECH_CODES for c in found):
        found = [c for c in found if c.code not in _SPEECH_CODES]
    return found
