"""The event coder: a parsed sentence and the lexicon in, candidate events out.

For every verb and noun whose lemma the lexicon knows, the most specific entry whose phrase,
object and preposition constraints the parse satisfies is chosen; its source and target come
from the clause (``clauses``), its polarity and modality from ``modality``. Actors are resolved
later by the caller, so this module knows nothing of countries.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whodid.events import clauses
from whodid.events.arguments import (
    IsActor,
    clause_speaker,
    lending_verb,
    no_actor,
    noun_arguments,
    owner,
    recipient,
    speaker_of,
    stance_clause,
    verb_arguments,
)
from whodid.events.lexicon import Entry, Lexicon, Phrase
from whodid.events.modality import is_negated, modality
from whodid.nlp.tree import children, tree_of

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
_SPEECH_CODES = ("010",)


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
    mutual: bool = (
        False  # a reciprocal act: coordinated subjects act together ("Peru and Chile met")
    )
    # a role shared by listed names ("the envoys of Peru and Chile"): the name this event's
    # source (target) stands for, one event per name
    source_member: Token | None = None
    target_member: Token | None = None
    converse: bool = False  # the other party's side of a meeting ("A met B": B met A)
    owned_jointly: bool = False  # an event noun owned by the parties' "their"
    target_stop: int | None = None  # the token before which the target's phrase ends

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
            for child in children(tok):
                dep = child.dep_
                # a preposition in the subject's phrase is no part of the verb's ("a spokesman
                # for X claimed responsibility for ...")
                inside = crossed or dep in _CLAUSE_DEPS or dep in ("nsubj", "nsubjpass")
                if dep in _CLAUSE_DEPS and _own_subject(child):
                    continue  # "..., even as the Kurds said X had attacked": another act's words
                nxt.append((child, inside))
                if inside and dep in ("prep", "agent", "dative"):
                    continue
                if dep == "prep" and tok.i != head.i and tok.pos_ in ("ADV", "ADJ"):
                    continue  # "flew close to the base", "moved near to X": the modifier's own
                if dep == "prep" and _temporal_prep(child):
                    continue
                if dep == "aux" and child.lower_ == "to":
                    continue  # the infinitive's "to" is no preposition of the phrase
                found.setdefault(child.lower_, child)
                found.setdefault(child.lemma_.lower(), child)
        frontier = nxt
    if _compound_gerund(head):  # "police firing" parsed as police <-acl- firing
        found.setdefault(head.head.lower_, head.head)
        found.setdefault(head.head.lemma_.lower(), head.head)
    return found


_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "parataxis"})


def _own_subject(clause: Token) -> bool:
    """An adverbial clause with a subject of its own ("even as X said", "if X strikes")
    reports another act, whose words are no part of the trigger's phrase."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in children(clause)) and any(
        c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in children(clause)
    )


_ADVERBIAL_MARKS = frozenset(
    """
    as if unless when whenever while whereas because since although though after before until
    """.split()
)


def _temporal_prep(token: Token) -> bool:
    """ "on Monday", "in March": a preposition of time is no part of a verb phrase."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in children(token)
    )


def _match_phrase(phrase: Phrase, head: Token, near: dict[str, Token]) -> list[Token] | None:
    matched = [head]
    for word in phrase.extras:
        found = near.get(word)
        if found is None:
            return None
        matched.append(found)
    return matched


def _recipient_ok(entry: Entry, head: Token) -> bool:
    """ "sent drones to Kyiv", "sent Kyiv drones": an entry that needs a recipient has one, in
    a target preposition of the trigger or of its object, or as an indirect object ("sent
    drones across the border" gives nothing to anyone)."""
    if not entry.recipient:
        return True
    preps = entry.target_preps or ("to",)
    things: list[Token] = []
    for child in children(head):
        if child.dep_ == "dative":
            return True
        if child.dep_ in ("dobj", "obj", "nsubjpass"):
            # "shipped trucks and a unit of engineers to Chad"
            for thing in clauses.with_conjuncts(child):
                things.append(thing)
                things.extend(clauses.prep_objects(thing).get("of", []))
    for thing in (head, *things):
        table = clauses.prep_objects(thing)
        if any(table.get(p) for p in preps):
            return True
    return False


def _complement_ok(entry: Entry, head: Token) -> bool:
    """ "said Gondor must withdraw": the trigger's that-clause carries a required modal;
    "protested that ...": the trigger governs a that-clause at all."""
    if entry.clause and not (
        any(c.dep_ == "ccomp" for c in children(head)) or clauses.reporting_tail(head) is not None
    ):
        return False
    if not entry.complement_aux:
        return True
    for clause in children(head):
        if clause.dep_ == "ccomp" and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in entry.complement_aux
            for c in children(clause)
        ):
            return True
    return False


# per entry: the entry, its phrases headed by the word, whether it constrains the complement
# clause, and the score its constraints add to a matched phrase
_Step = tuple[Entry, tuple[Phrase, ...], bool, int]


@dataclass(frozen=True, slots=True)
class _Plan:
    """A word's entries with a phrase headed by it, in file order, indexed by the objects they
    require: only the entries whose object the parse has are tried."""

    steps: tuple[_Step, ...]
    free: tuple[int, ...]  # positions of the entries that require no object
    by_object: dict[str, tuple[int, ...]]  # object word -> positions of the entries naming it
    reads_objects: bool  # some entry constrains the objects (``objects`` or ``not_objects``)
    free_steps: tuple[_Step, ...]  # the steps at ``free``
    excludes: bool  # some entry rules objects out (``not_objects``)

    def tried(self, objects: set[str] | None) -> tuple[_Step, ...] | list[_Step]:
        """The entries whose object constraint ``objects`` meets, in file order (``objects``
        is None when no entry reads them)."""
        if objects is None:
            return self.steps
        by_object = self.by_object
        hits = [by_object[o] for o in objects if o in by_object]
        if not hits:
            steps = self.free_steps
        elif len(hits) == 1 and not self.free:
            steps = tuple(self.steps[k] for k in hits[0])
        else:
            positions = sorted({*self.free, *(k for hit in hits for k in hit)})
            steps = tuple(self.steps[k] for k in positions)
        if not self.excludes:
            return steps
        return [step for step in steps if not (step[0].not_objects & objects)]


def _build_plan(steps: tuple[_Step, ...]) -> _Plan:
    by_object: dict[str, list[int]] = {}
    for k, (entry, *_) in enumerate(steps):
        for word in entry.objects:
            by_object.setdefault(word, []).append(k)
    free = tuple(k for k, (entry, *_) in enumerate(steps) if not entry.objects)
    return _Plan(
        steps=steps,
        free=free,
        by_object={word: tuple(ks) for word, ks in by_object.items()},
        reads_objects=any(entry.objects or entry.not_objects for entry, *_ in steps),
        free_steps=tuple(steps[k] for k in free),
        excludes=any(entry.not_objects for entry, *_ in steps),
    )


# (id of an entry list, lemma, lower form, nominal) -> (the list, its length, its plan)
_PLANS: dict[tuple[int, str, str, bool], tuple[list[Entry], int, _Plan]] = {}
_MAX_PLANS = 50_000


def _plan(entries: list[Entry], lemma: str, lower: str, *, nominal: bool) -> _Plan:
    """The entries with a phrase headed by the word, each with those phrases, in file order.

    Worked out once per word and entry list (it depends on nothing else), not per token.
    """
    key = (id(entries), lemma, lower, nominal)
    hit = _PLANS.get(key)
    if hit is not None and hit[0] is entries and hit[1] == len(entries):
        return hit[2]
    plan = _build_plan(
        tuple(
            (
                entry,
                phrases,
                bool(entry.clause or entry.complement_aux),
                2 if entry.objects or entry.complement_aux or entry.clause else 0,
            )
            for entry in entries
            if (
                phrases := tuple(
                    p for p in (entry.nouns if nominal else entry.verbs) if p.head in (lemma, lower)
                )
            )
        )
    )
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[key] = (entries, len(entries), plan)
    return plan


def _choose(
    entries: list[Entry],
    head: Token,
    *,
    nominal: bool,
    travel: bool = False,
    sentence_words: frozenset[str] | None = None,
) -> tuple[Entry, list[Token]] | None:
    """The entry whose matched phrase (and object constraint) says most; ties go to file order.
    A travel verb's "for"-phrase is its purpose, no object ("left for talks" is no walk-out).
    ``sentence_words``: the lower forms and lemmas of the head's sentence, if known (the
    words near the head are among them)."""
    # The head's objects are read only when an entry constrains them, its nearby words only
    # when an entry's phrase has more words than the head, all of them in the sentence.
    near: dict[str, Token] | None = None
    best: tuple[int, Entry, list[Token]] | None = None
    plan = _plan(entries, head.lemma_.lower(), head.lower_, nominal=nominal)
    objects = (
        clauses.object_lemmas(head, purpose="for" if travel else None)
        if plan.reads_objects
        else None
    )
    for entry, phrases, constrains_clause, bonus in plan.tried(objects):
        if (constrains_clause and not _complement_ok(entry, head)) or (
            entry.recipient and not _recipient_ok(entry, head)
        ):
            continue
        for phrase in phrases:
            if not phrase.extras:
                if best is None or bonus > best[0]:
                    best = (bonus, entry, [head])
                continue
            if near is None:
                if sentence_words is not None and not sentence_words.issuperset(phrase.extras):
                    continue  # a word the sentence lacks cannot be near the head
                near = _nearby(head)
            if phrase.extras[0] not in near:
                continue  # most phrases fail on their first word: no call, no list
            matched = _match_phrase(phrase, head, near)
            if matched is None:
                continue
            # content words of a phrase ("threaten kill") weigh like an object constraint
            score = sum(2 if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ") else 1 for t in matched[1:])
            score += bonus
            if best is None or score > best[0]:
                best = (score, entry, matched)
    return (best[1], best[2]) if best else None


_NOUN_DEPS = frozenset({"dobj", "obj", "pobj", "nsubj", "nsubjpass"})
# names that contain event words: "Asia-Pacific Economic Cooperation", "Operation Desert Storm"
_NAME_TYPES = frozenset({"ORG", "PERSON", "GPE", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "LAW"})


def _used_as_noun(token: Token) -> bool:
    """ "the wounded", "the accused": a participle that names people is no event."""
    return (
        token.tag_ == "VBN"
        and token.dep_ in _NOUN_DEPS
        and any(c.dep_ == "det" for c in children(token))
    )


def _not_an_event_noun(token: Token, lexicon: Lexicon) -> bool:
    """An event word inside a name ("the Economic Cooperation forum"), or one that only
    describes another noun ("riot police", "arrest warrant", "attack helicopters")."""
    if token.ent_type_ in _NAME_TYPES:
        return True
    return token.dep_ == "compound" and token.head.lemma_.lower() not in lexicon.by_noun


def _their_own(target: Token, sources: list[Party]) -> bool:
    """ "Peru and Chile postponed their meeting": the coordinated subjects' own possessive is
    no target of theirs."""
    if len(sources) < 2:
        return False
    if target.lower_ in ("their", "them", "themselves", "each") or _each_other(target):
        return True
    return any(c.dep_ == "poss" and c.lower_ == "their" for c in children(target))


# Roots of acts parties do together: consultation, diplomatic and material cooperation.
_JOINT_ROOTS = ("04", "05", "06")


def _joint(entry: Entry) -> bool:
    return entry.symmetric or entry.code.startswith(_JOINT_ROOTS)


def _each_other(token: Token) -> bool:
    """ "each other", "one another" (parsed other <-det- each, one <-det- another)."""
    pair = {token.lower_, *(c.lower_ for c in children(token) if c.dep_ == "det")}
    return pair in ({"each", "other"}, {"one", "another"})


def _mutual_object(target: Token, lexicon: Lexicon) -> bool:
    """Is a target the coordinated subjects' own the sign of a mutual act: "each other", or a
    joint act they own ("postponed their meeting", "renewed their ties")?"""
    if target.lower_ == "each" or _each_other(target):
        return True
    return any(_joint(e) for e in lexicon.by_noun.get(target.lemma_.lower(), ()))


def _joint_owners(noun: Token, sources: list[Token]) -> list[Token]:
    """ "Peru and Chile delayed their meeting": a "their" that owns the event noun stands for
    the coordinated subjects of the verb the noun depends on."""
    if (
        len(sources) != 1
        or sources[0].lower_ != "their"
        or sources[0].dep_ != "poss"
        or sources[0].head.i != noun.i
    ):
        return []
    verb = clauses.governing_verb(noun)
    if verb is None:
        return []
    subjects, passive = clauses.subjects(verb)
    return subjects if not passive and len(_parties(subjects)) > 1 else []


def _between(noun: Token) -> list[Token]:
    """The parties of a joint act named by a "between"-phrase of its noun or of the noun's
    "of"-object: "talks between Peru and Chile", "a resumption of ties between X and Y"
    (consultation and cooperation; who started a clash "between" two sides is left open)."""
    table = clauses.prep_objects(noun)
    found = table.get("between", [])
    if not found:
        for inner in table.get("of", []):
            found = clauses.prep_objects(inner).get("between", [])
            if found:
                break
    return found if len(_parties(found)) > 1 else []


def _named_act(target: Token, lexicon: Lexicon, is_actor: IsActor) -> bool:
    """An act named by an event noun is what the event is about, not whom it is aimed at:
    "will not end the strike", "rejected the accusation", "declared a state of siege". It is
    no target unless an actor owns it, makes it or is its aim ("Gondor's attacks", "the call
    of the Arnor parliament", "an attack on Gondor": the actor is the target). A singular noun
    of an event verb names an act too ("the strike"); a plural one may name people ("allies").
    """
    if target.pos_ != "NOUN" or is_actor(target):
        return False
    lemma = target.lemma_.lower()
    if lemma not in lexicon.event_nouns() and not (
        target.tag_ == "NN" and lemma in lexicon.by_verb
    ):
        return False
    if owner(target, is_actor) is not None or recipient(target, is_actor) is not None:
        return False
    table = clauses.prep_objects(target)
    return not any(o.pos_ == "PROPN" for p in _AUTHOR_PREPS for o in table.get(p, []))


def _act_place(act: Token, is_actor: IsActor) -> Token | None:
    """Where a named act happened, which is what it is aimed at: "condemned the attacks in
    Tehran", "welcomed the normalisation of the situation in Mali" (a named place in an "in"
    phrase of the act or of its "of"-phrase)."""
    frontier = [act]
    for _ in range(2):
        nxt: list[Token] = []
        for noun in frontier:
            table = clauses.prep_objects(noun)
            for obj in (*table.get("in", []), *table.get("inside", [])):
                if obj.ent_type_ in ("GPE", "LOC") and is_actor(obj):
                    return obj
            nxt.extend(table.get("of", []))
        frontier = nxt
    return None


def _act_phrase(target: Token, lexicon: Lexicon) -> int | None:
    """An "of"/"for" phrase after the target that names an act is the act's, not the target's:
    "accused the army of mass killings", "rejected an offer of a ceasefire", "calls for a
    truce". The index of its preposition, where the target's phrase ends."""
    events = lexicon.event_nouns()
    for child in children(target):
        if child.dep_ != "prep" or child.i < target.i or child.lower_ not in ("of", "for"):
            continue
        for obj in children(child):
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() in events:
                return child.i
    return None


# "the call of X", "a request from X", "demands by X": who makes the act named.
_AUTHOR_PREPS = ("of", "from", "by")


# An argument head and, for a role shared by listed names, the name it stands for here.
Party = tuple[Token, Token | None]


def _parties(tokens: list[Token]) -> list[Party]:
    """The arguments with each shared role split by the names it stands for ("the envoys of
    Peru and Chile": the envoy of Peru, the envoy of Chile)."""
    out: list[Party] = []
    for token in tokens:
        members = clauses.role_members(token)
        if len(members) > 1:
            out.extend((token, member) for member in members)
        else:
            out.append((token, None))
    return out


def _key(party: Party) -> tuple[int, int]:
    return party[0].i, party[1].i if party[1] is not None else -1


def _pairs(
    entry: Entry, sources: list[Party], targets: list[Party], *, reciprocal: bool = False
) -> Iterator[tuple[Party | None, Party | None]]:
    if (entry.symmetric or reciprocal) and len(sources) > 1 and not targets:
        for a in sources:
            for b in sources:
                if _key(a) != _key(b):
                    yield a, b
        return
    none: list[Party | None] = [None]
    for source in sources or none:
        for target in targets or none:
            if source is not None and target is not None and _key(source) == _key(target):
                continue
            yield source, target


# Consultations are mutual: CAMEO codes "A met B" (talks, negotiations) in both directions.
_CONVERSE_ROOTS = ("04",)


def _converse(
    entry: Entry, pairs: list[tuple[Party | None, Party | None]], is_actor: IsActor
) -> list[tuple[tuple[Party | None, Party | None], bool]]:
    """The other direction of each pair of a symmetric consultation ("A met B", "talks with
    B"): B meets A too, when B is a party ("B", "a group of B"), not a thing or place the
    act is about ("bargained for asylum in B")."""
    if not entry.symmetric or not entry.code.startswith(_CONVERSE_ROOTS):
        return []
    seen = {(_key(s), _key(t)) for s, t in pairs if s is not None and t is not None}
    out: list[tuple[tuple[Party | None, Party | None], bool]] = []
    for source, target in pairs:
        if source is None or target is None or not _party(target[0], is_actor):
            continue
        if (_key(target), _key(source)) not in seen:
            out.append(((target, source), True))
    return out


def _party(token: Token, is_actor: IsActor) -> bool:
    """An actor, or a group of actors ("a delegation of X", "a bunch of X")."""
    return is_actor(token) or any(is_actor(o) for o in clauses.prep_objects(token).get("of", []))


def _light_noun_trigger(verb: Token, lexicon: Lexicon) -> bool:
    """A light verb whose object is itself an event noun: the noun carries the event."""
    if verb.lemma_.lower() not in lexicon.light_verbs:
        return False
    for child in children(verb):
        if child.dep_ in ("dobj", "obj") and child.lemma_.lower() in lexicon.by_noun:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "with"
            and any(
                g.dep_ == "pobj" and g.lemma_.lower() in lexicon.by_noun for g in children(child)
            )
        ):
            return True
    return False


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
        return entry.negated_code, False, None, sources or speaker_of(clause), targets
    if negated:
        refused = lexicon.recode("refusal", code)
        refuser = targets if entry.swap else sources
        # "the talks had not been announced": no one refused anything, the act did not happen
        if refused is not None and (refuser or not _agentless_passive(token, nominal)):
            if entry.swap:  # "did not want to receive help from X": the receiver refuses
                return refused, False, None, targets, sources
            return refused, False, None, sources, targets
        return code, negated, kind, sources, targets
    if kind == "prepared":  # "troops prepared to storm the town": a military build-up
        prepared = lexicon.recode("preparation", code)
        if prepared is not None:
            return prepared, False, None, sources, targets
    if kind in ("future", "intent", "prepared"):
        intended = lexicon.recode("intent", code)
        if intended is not None:
            return intended, False, None, sources, targets
    if kind == "obligation":
        demanded = lexicon.recode("obligation", code)
        speaker = clause_speaker(token)
        if demanded is not None and speaker:
            return demanded, False, None, speaker, sources
    return code, negated, kind, sources, targets


def _agentless_passive(token: Token, nominal: bool) -> bool:
    return not nominal and clauses.is_passive(token) and not clauses.agents(token)


_GERUND_NOUN_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})
_NOUN_MODIFIER_DEPS = frozenset({"det", "compound", "amod", "poss"})


def _gerund_noun(token: Token) -> bool:
    """A gerund that stands as a noun: "in the teargas shelling", "victims of police firing"
    (also when parsed as a participle of the noun before it: police <-acl- firing)."""
    if token.tag_ != "VBG" or any(c.dep_ in ("dobj", "nsubj", "aux") for c in children(token)):
        return False
    if _compound_gerund(token):
        return True
    return token.dep_ in _GERUND_NOUN_DEPS and any(
        c.dep_ in _NOUN_MODIFIER_DEPS for c in children(token)
    )


def _compound_gerund(token: Token) -> bool:
    """ "police firing" parsed as police <-acl- firing: the noun before is the gerund's own."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and token.head.i == token.i - 1
        and token.head.pos_ in ("NOUN", "PROPN")
    )


def _object_of_event(c: Candidate, verbal_heads: dict[int, Candidate]) -> bool:
    if not c.nominal or c.source is not None or c.target is not None:
        return False
    if c.head.dep_ not in ("dobj", "obj", "pobj", "attr"):
        return False
    verb = clauses.governing_verb(c.head)
    if verb is None or verb.i not in verbal_heads:
        return False
    told = verbal_heads[verb.i]
    # "were informed about the arrests": a statement about an act only the police do reports it
    return not (
        c.entry.implicit_source
        and (told.code or told.entry.code).startswith("01")
        and not (told.hypothetical or told.negated)
    )


@functools.lru_cache(maxsize=8)
def _discards_by_first(
    discards: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The discard phrases by their first word: a sentence's words are looked up one by one."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in discards:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def _discarded(words: list[str], lemmas: list[str], lexicon: Lexicon) -> bool:
    """Does a discard phrase occur, word for word, in the words or in the lemmas?"""
    if not lexicon.discards:
        return False
    if () in lexicon.discards:
        return True
    index = _discards_by_first(lexicon.discards)
    for seq in (words, lemmas):
        if index.keys().isdisjoint(seq):
            continue  # no discard phrase starts with any of these words
        for i, word in enumerate(seq):
            for phrase in index.get(word, ()):
                if tuple(seq[i : i + len(phrase)]) == phrase:
                    return True
    return False


def _words(sentence: SpacySpan) -> tuple[list[Token], list[str], list[str]]:
    """The sentence's tokens with their lower-case forms and lemmas, read in one pass."""
    tree = tree_of(sentence.doc)
    start, end = sentence.start, sentence.end
    return tree.tokens[start:end], tree.lowers()[start:end], tree.lemma_lowers()[start:end]


def discarded(sentence: SpacySpan, lexicon: Lexicon) -> bool:
    """Sports, entertainment and other non-political senses: the sentence yields nothing."""
    if not lexicon.discards:
        return False
    _, words, lemmas = _words(sentence)
    return _discarded(words, lemmas, lexicon)


def code_sentence(
    sentence: SpacySpan, lexicon: Lexicon, *, is_actor: IsActor = no_actor
) -> list[Candidate]:
    """Every candidate event of one sentence, in trigger order.

    ``is_actor`` lets the caller's actor resolution choose among candidate targets: "restored
    ties with Gondor" targets Gondor, not "ties".
    """
    tokens, words, lemmas = _words(sentence)
    if _discarded(words, lemmas, lexicon):
        return []
    found: list[Candidate] = []
    by_verb, by_noun = lexicon.by_verb, lexicon.by_noun
    sentence_words: frozenset[str] | None = None  # read when a word has entries
    for token, lower, lemma in zip(tokens, words, lemmas, strict=True):
        if not (lemma in by_verb or lower in by_verb or lemma in by_noun or lower in by_noun):
            continue  # no entry lists the word: whatever its part of speech, no event
        pos = token.pos_
        nominal = pos in NOUN_POS
        done_to = False
        entries: list[Entry] | None
        if pos in VERB_POS and _gerund_noun(token) and lower in lexicon.by_noun:
            nominal = True  # "hurt in the teargas shelling", "deaths in police firing"
            entries = lexicon.by_noun[lower]
        elif pos in VERB_POS:
            entries = lexicon.by_verb.get(lemma) or lexicon.by_verb.get(lower)
            if token.dep_ == "amod" and not clauses.subjects(token)[0]:
                # "visiting delegation", "escalating violence": modifiers, not events; but
                # "the arrested activists" were arrested by someone the text need not name
                done_to = token.tag_ == "VBN" and any(e.implicit_source for e in entries or ())
                if not done_to:
                    continue
            if entries and _used_as_noun(token):
                continue  # "evacuated the wounded": people, not a wounding
        elif nominal:
            entries = lexicon.by_noun.get(lemma) or lexicon.by_noun.get(lower)
            if entries and _not_an_event_noun(token, lexicon):
                continue
        else:
            continue
        if not entries:
            continue
        if sentence_words is None:
            sentence_words = frozenset((*words, *lemmas))
        choice = _choose(
            entries,
            token,
            nominal=nominal,
            travel=not nominal and lemma in lexicon.travel_verbs,
            sentence_words=sentence_words,
        )
        if choice is None:
            continue
        entry, trigger = choice
        if done_to and not entry.implicit_source:
            continue
        specific = bool(entry.objects) or len(trigger) > 1
        if not nominal and not specific and _light_noun_trigger(token, lexicon):
            continue
        owners: list[Token] = []
        between = False
        if nominal:
            sources, targets = noun_arguments(entry, trigger, lexicon, is_actor)
            owners = _joint_owners(token, sources)
            if owners:  # "Peru and Chile delayed their talks": both parties own them
                sources = owners
            elif not sources and entry.code.startswith(_JOINT_ROOTS):
                parties_of = _between(token)  # "talks between Peru and Chile": both hold them
                if parties_of:
                    sources, targets, between = parties_of, [], True
        else:
            sources, targets = verb_arguments(entry, trigger, is_actor, lexicon)
            if done_to:
                sources, targets = [], targets or [token.head]
            elif not sources and len(targets) == 1 and entry.code.startswith(_JOINT_ROOTS):
                # "relations between Peru and Chile were restored": the parties did it
                parties_of = _between(targets[0])
                if parties_of:
                    sources, targets, between = parties_of, [], True
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
        named_acts = code != "010"  # "said it is skeptical about the plan": what it is about
        targets = [
            place
            for t in targets
            for place in (
                [_act_place(t, is_actor)]
                if named_acts and _named_act(t, lexicon, is_actor)
                else [t]
            )
            if place is not None
        ]
        parties = _parties(sources)
        kept = [t for t in targets if not _their_own(t, parties)]
        # "postponed their meeting", "improved their ties", "accused each other": the parties
        # act on each other; "warned their citizens": each its own, no target
        shared = any(
            _joint(entry) or _mutual_object(t, lexicon)
            for t in targets
            if all(t.i != k.i for k in kept)
        )
        targets = kept
        reciprocal = (
            shared
            or ((bool(owners) or between) and _joint(entry))
            or (not nominal and lemma in lexicon.reciprocal_verbs)
        )
        if reciprocal and len(parties) > 1 and not any(is_actor(t) for t in targets):
            targets = []  # "Colombia and Ecuador signed a border agreement": each other
        mutual = (
            entry.symmetric
            or reciprocal
            or (token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon.reciprocal_verbs)
        )
        pairs = list(_pairs(entry, parties, _parties(targets), reciprocal=reciprocal))
        converse = _converse(entry, pairs, is_actor)
        for (source, target), reverse in [*((p, False) for p in pairs), *converse]:
            found.append(
                Candidate(
                    entry=entry,
                    trigger=trigger,
                    source=source[0] if source else None,
                    target=target[0] if target else None,
                    source_member=source[1] if source else None,
                    target_member=target[1] if target else None,
                    negated=negated,
                    hypothetical=hypothetical,
                    nominal=nominal,
                    specific=specific,
                    code=code,
                    modality=kind,
                    lent=nominal and lending_verb(token, lexicon) is not None,
                    mutual=mutual,
                    converse=reverse,
                    owned_jointly=bool(owners),
                    target_stop=_act_phrase(target[0], lexicon) if target else None,
                )
            )
    # A word inside an event noun's phrase ("a note of protest") is no event of its own.
    inside = {t.i for c in found if c.nominal for t in c.trigger[1:]}
    found = [c for c in found if c.head.i not in inside]
    # An event noun that is the object of another event ("denied the accusations", "condemned
    # the attack") is what that event is about, not a second event, unless it has actors.
    verbal_heads = {c.head.i: c for c in found if not c.nominal}
    found = [c for c in found if not (_object_of_event(c, verbal_heads))]
    # "Peru and Chile postponed their meeting": the verb's event is the parties' act on it
    found = [
        c
        for c in found
        if not (
            c.owned_jointly
            and (verb := clauses.governing_verb(c.head)) is not None
            and verb.i in verbal_heads
        )
    ]
    # A bare statement ("said") is the event only when the sentence reports nothing more specific,
    # or when it reports a hope about another's act ("said they hoped X would ..."): the acts
    # hoped for are its content (``assemble.rank_below_stance``).
    if any(c.code not in _SPEECH_CODES for c in found):
        found = [
            c for c in found if c.code not in _SPEECH_CODES or stance_clause(c.head) is not None
        ]
    return found
