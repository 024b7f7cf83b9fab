"""Quotes meet events: ``link_events`` marks the events a quote expresses;
``attribute_statements`` codes the speaker's statement from what the quote says rather than
from "said".

An event expresses a quote when its trigger lies inside the quote's content, or when the
trigger is the quote's cue (the "said" event itself). Inside a quotation the speaker speaks in
the first person, so an event whose source is "I" or "we" there is the speaker's; a speech act
inside a direct quotation with no source of its own ("...must stop", "a deliberate
provocation") is the speaker's too. A bare statement (CAMEO 010, "said") whose quote thereby
yields a more specific speech act of the same speaker gives way to it.
"""

from __future__ import annotations

from dataclasses import replace

from whodid.events.arguments import SPEECH_ACT_ROOTS
from whodid.records import Actor, Event, Quote

__all__ = ["attribute_statements", "link_events", "quote_of"]

FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
_STATEMENT = "010"
_SPEAKER_ROOTS = SPEECH_ACT_ROOTS | {"01"}


def _within(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    return outer_start <= start and end <= outer_end


def quote_of(event: Event, quotes: list[Quote]) -> int | None:
    """Index of the quote the event expresses: the smallest content holding its trigger, else
    the quote whose cue is its trigger."""
    if not quotes:
        return None
    t = event.trigger
    holding = [
        (q.content.end - q.content.start, i)
        for i, q in enumerate(quotes)
        if _within(t.start, t.end, q.content.start, q.content.end)
    ]
    if holding:
        return min(holding)[1]
    for i, q in enumerate(quotes):
        if max(t.start, q.cue.start) < min(t.end, q.cue.end):
            return i
    return None


def link_events(events: list[Event], quotes: list[Quote]) -> None:
    """Set ``Event.quote`` (an index into ``quotes``) on every event a quote expresses."""
    for event in events:
        event.quote = quote_of(event, quotes)


def _as_speaker(mention: Actor | None, speaker: Actor) -> Actor:
    """The speaker's identity at the mention's place in the text ("we" in a quote)."""
    if mention is None:
        return speaker
    return replace(
        mention,
        code=speaker.code,
        country=speaker.country,
        sector=speaker.sector,
        name=speaker.name,
    )


def attribute_statements(events: list[Event], quotes: list[Quote]) -> list[Event]:
    """Events with the speaker put in where the quote says who acts; superseded bare
    statements dropped. Returns a new list (the kept events, updated in place)."""
    if not quotes:
        return list(events)
    restated: set[int] = set()  # quotes whose speaker now has a specific speech act
    # each event's quote, found once (the speaker put in changes no trigger)
    indices = [quote_of(event, quotes) for event in events]
    for event, index in zip(events, indices, strict=True):
        if index is None:
            continue
        quote = quotes[index]
        speaker = quote.speaker
        t = event.trigger
        in_content = _within(t.start, t.end, quote.content.start, quote.content.end)
        if speaker is None or speaker.code is None or not in_content:
            continue
        source = event.source
        if quote.direct and source is not None and source.text.lower() in FIRST_PERSON:
            event.source = _as_speaker(source, speaker)
        elif (
            quote.direct
            and source is None
            and event.cameo_root in _SPEAKER_ROOTS
            and event.cameo != _STATEMENT
            # not a passive ("it was rejected"): its patient stands before the verb
            and (event.target is None or event.target.start > t.start)
        ):
            event.source = _as_speaker(None, speaker)
            if event.target is not None and event.target.code == speaker.code:
                event.target = None
        else:
            continue
        if event.cameo != _STATEMENT and event.cameo_root in _SPEAKER_ROOTS:
            restated.add(index)
    kept: list[Event] = []
    for event, index in zip(events, indices, strict=True):
        if (
            event.cameo == _STATEMENT
            and index in restated
            and quotes[index].cue.start <= event.trigger.start < quotes[index].cue.end
        ):
            continue
        kept.append(event)
    return kept
