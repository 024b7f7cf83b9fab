"""Attach to each event what surrounds it in the text: its date (and, later, place and quote)."""

from __future__ import annotations

import bisect
from datetime import date

from spacy.tokens import Doc, Token

from whodid.nlp.tree import children
from whodid.nlp.tree import sentences as doc_sentences
from whodid.records import Event, Timex
from whodid.text.doctext import doc_text
from whodid.time.dating import date_event

_DATED_TYPES = frozenset({"DATE", "TIME"})
# Clause links through which a dependent verb shares its governor's time ("responded days
# later, saying ..."). Not ccomp: "said on Monday that they attacked" dates the saying.
_SHARED_TIME_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "dobj", "pobj", "prep"})


def timex_heads(doc: Doc, timexes: list[Timex]) -> dict[int, Timex]:
    """Token index of each dated timex's syntactic head."""
    heads: dict[int, Timex] = {}
    for timex in timexes:
        if timex.type not in _DATED_TYPES:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and len(span):
            heads[span.root.i] = timex
    return heads


_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "csubj", "parataxis"}
)


def _attached_timex(head: Token, heads: dict[int, Timex]) -> Timex | None:
    """A timex within the head's own clause ("back in September", "on Wednesday")."""
    frontier = [head]
    for _ in range(3):
        nxt = []
        for token in frontier:
            for child in children(token):
                if child.dep_ in _CLAUSE_DEPS:
                    continue
                if child.i in heads:
                    return heads[child.i]
                nxt.append(child)
        frontier = nxt
    return None


def _within_reach(doc: Doc, heads: dict[int, Timex]) -> set[int]:
    """The tokens that ``_attached_timex`` can find a timex below: those up to three steps
    above a timex head (whatever the links' labels); for any other token it finds none."""
    reach: set[int] = set()
    for i in heads:
        token = doc[i]
        for _ in range(3):
            if token.head.i == token.i:
                break
            token = token.head
            reach.add(token.i)
    return reach


def governing_timex(
    trigger: Token, heads: dict[int, Timex], reach: set[int] | None = None
) -> Timex | None:
    """The timex attached to the trigger, or to the clause the trigger depends on
    (``reach``: ``_within_reach`` of the heads, if worked out already)."""
    if not heads:
        return None
    if reach is None:
        reach = _within_reach(trigger.doc, heads)
    token = trigger
    for _ in range(5):
        found = _attached_timex(token, heads) if token.i in reach else None
        if found is not None:
            return found
        if token.dep_ not in _SHARED_TIME_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def main_clause(trigger: Token) -> bool:
    """The trigger tells the story's own sequence, not an embedded or reported event."""
    token = trigger
    while token.head.i != token.i:
        if token.dep_ not in ("conj", "advcl"):
            return False
        token = token.head
    return True


def date_events(
    events: list[tuple[Event, Token]],
    *,
    doc: Doc,
    timexes: list[Timex],
    published: date | None,
) -> None:
    """Set ``date`` and ``date_precision`` of each event, in document order."""
    if not events:
        return
    heads = timex_heads(doc, timexes)
    reach = _within_reach(doc, heads)
    # Token.sent scans the document for sentence starts at each call: find them once
    sentences, starts = doc_sentences(doc)
    governing: dict[int, Timex | None] = {}

    def governing_of(token: Token) -> Timex | None:
        if token.i not in governing:
            governing[token.i] = governing_timex(token, heads, reach)
        return governing[token.i]

    previous: tuple[str, str] | None = None
    previous_at = 0
    for event, trigger in events:
        sentence = sentences[bisect.bisect_right(starts, trigger.i) - 1]
        root_timex = governing_of(sentence.root)
        value, precision = date_event(
            trigger_start=event.trigger.start,
            sentence_start=sentence.start_char,
            sentence_end=sentence.end_char,
            timexes=timexes,
            published=published,
            previous=previous,
            governing=governing_of(trigger) or root_timex,
        )
        if (
            precision == "published"
            and previous is not None
            and _continues(doc, previous_at, trigger)
        ):
            value, precision = previous
        event.date, event.date_precision = value, precision
        if value is None or precision in (None, "published"):
            continue
        if main_clause(trigger) or (
            root_timex is not None and governing_of(trigger) in (None, root_timex)
        ):
            previous, previous_at = (value, precision), trigger.idx


_PAST_TAGS = frozenset({"VBD", "VBN"})


def _continues(doc: Doc, previous_at: int, trigger: Token) -> bool:
    """A past-tense event in the same paragraph as a dated one shares its time."""
    if "\n" in doc_text(doc)[previous_at : trigger.idx]:
        return False
    return trigger.tag_ in _PAST_TAGS
