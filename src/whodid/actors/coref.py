"""Document memory for actor resolution: what earlier mentions taught the document (titles,
surnames, countries), and which earlier actor a pronoun, "the ambassador" or "the country" refers
to. Memory only ever looks back: mentions are remembered in document order."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from whodid.actors.entries import AgentEntry
from whodid.actors.np import PRONOUNS_PERSON, PRONOUNS_PLURAL, PRONOUNS_THING
from whodid.nlp.tree import children
from whodid.records import Actor

__all__ = ["Memo", "DocMemory"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(slots=True)
class Memo:
    """One remembered mention."""

    start: int  # character offset of the mention
    actor: Actor
    person: bool
    plural: bool
    gender: str | None
    titles: tuple[str, ...]  # agent phrases that describe the actor ("ambassador")
    subject: bool = False  # the mention is a clause's subject: the likeliest antecedent
    sentence: int = 0  # token index where the mention's sentence starts


class DocMemory:
    """Earlier actor mentions of one document, for titles, surnames, pronouns and "the country"."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.memos: list[Memo] = []
        self._surnames: dict[str, list[Memo]] = {}
        self._sentences: list[tuple[int, int]] | None = None

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds [start, end) of the sentence of token ``i`` (``doc[i].sent``, but the
        sentences are found once per document instead of at every call)."""
        if self._sentences is None:
            bounds: list[tuple[int, int]] = []
            for sent in self.doc.sents:
                bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
            self._sentences = bounds
        return self._sentences[i]

    def remember(
        self,
        actor: Actor,
        *,
        person: bool,
        plural: bool,
        gender: str | None,
        titles: tuple[str, ...],
        surname: str | None,
    ) -> None:
        """Keep a coded (or titled) mention for later reference."""
        if actor.code is None and not titles:
            return
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        subject = root is not None and root.dep_ in _SUBJECT_DEPS
        sentence = self.sentence(root.i)[0] if root is not None else 0
        memo = Memo(actor.start, actor, person, plural, gender, titles, subject, sentence)
        self.memos.append(memo)
        if surname:
            self._surnames.setdefault(surname.lower(), []).append(memo)

    def before(self, offset: int) -> list[Memo]:
        return [m for m in self.memos if m.start < offset]

    def surname(self, word: str, before: int) -> Memo | None:
        """The last person remembered under this surname before the offset."""
        return next(
            (m for m in reversed(self._surnames.get(word.lower(), [])) if m.start < before), None
        )

    def title(self, agent: AgentEntry, before: int, country: str | None) -> Memo | None:
        """The last person described by this title ("the ambassador"), of this country if given."""
        for m in reversed(self.memos):
            if (
                m.start < before
                and m.person
                and agent.phrase in m.titles
                and country in (None, m.actor.country)
            ):
                return m
        return None

    def country(self, before: int) -> str | None:
        """The country of the last non-person actor before the offset ("the country", "its
        minister"), preferring the subject of the offset's own sentence."""
        span = self.doc.char_span(before, before + 1, alignment_mode="expand")
        here = self.sentence(span.start)[0] if span is not None and len(span) else -1
        candidates = [
            m for m in reversed(self.memos) if m.start < before and m.actor.country and not m.person
        ]
        salient = next((m for m in candidates if m.subject and m.sentence == here), None)
        chosen = salient or (candidates[0] if candidates else None)
        return chosen.actor.country if chosen else None

    def sector_country(self, sector: str, before: int) -> str | None:
        """The country of the last actor of this sector before the offset: "Senegalese police
        fired tear gas ... Police arrested 40 people" are the same country's police."""
        for m in reversed(self.memos):
            if m.start < before and m.actor.country and m.actor.sector == sector:
                return m.actor.country
        return None

    def only_country(self, before: int) -> str | None:
        """The one country of every coded actor before the offset, if they are all of one
        ("Senegalese police ... Dakar ... Protesters": Senegal's), else None."""
        found = {m.actor.country for m in self.memos if m.start < before and m.actor.country}
        return found.pop() if len(found) == 1 else None

    def organisation(self, before: int) -> Memo | None:
        """The last coded international/non-state body before the offset ("the group")."""
        for m in reversed(self.memos):
            if m.start < before and not m.person and m.actor.code and m.actor.country is None:
                return m
        return None

    def antecedent(self, tok: Token) -> Memo | None:
        """The actor a pronoun refers to: the last compatible one, preferring for he/she the
        subject of this or the previous sentence, for it/its the subject of its own sentence
        (salience). An object pronoun never refers to its own clause's subject ("the police
        arrested them")."""
        low = tok.lower_
        own = _own_subject(tok)
        lo, hi = (own.left_edge.idx, own.right_edge.idx + 1) if own is not None else (-1, -1)
        before = [
            m
            for m in self.before(tok.idx)
            if not (lo <= m.actor.start < hi or m.actor.start <= lo < m.actor.end)
        ]
        if low in PRONOUNS_PERSON:
            g = PRONOUNS_PERSON[low]
            people = [
                m for m in reversed(before) if m.person and not m.plural and m.gender in (None, g)
            ]
            here = self.sentence(tok.i)[0]
            previous = self.sentence(here - 1)[0] if here > 0 else here
            salient = next((m for m in people if m.subject and m.sentence >= previous), None)
            return salient or (people[0] if people else None)
        if low in PRONOUNS_THING:
            things = [m for m in reversed(before) if not m.person and not m.plural and m.actor.code]
            # "Minsk accused Lithuania ... and said its minister": the sentence's subject first
            here = self.sentence(tok.i)[0]
            salient = next((m for m in things if m.subject and m.sentence == here), None)
            return salient or (things[0] if things else None)
        if low in PRONOUNS_PLURAL:
            return next((m for m in reversed(before) if not m.person and m.actor.code), None)
        return None


_OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "pobj"})
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})


def _own_subject(tok: Token) -> Token | None:
    """The subject of the clause whose object the (non-reflexive) pronoun is, else None."""
    if tok.dep_ not in _OBJECT_DEPS or tok.lower_ in _REFLEXIVE:
        return None
    verb = tok.head
    if tok.dep_ == "pobj":  # "fired at them": the preposition's verb
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in children(verb) if c.dep_ in _SUBJECT_DEPS), None)
    while subject is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "X called Y and urged him": the conjoined verb's subject is X
        subject = next((c for c in children(verb) if c.dep_ in _SUBJECT_DEPS), None)
    return subject
