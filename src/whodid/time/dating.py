"""When did an event happen? Pick the temporal expression that dates it, at a stated precision."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from whodid.records import Timex
from whodid.time.calendar import Point, parse_value, shift
from whodid.time.lexicon import load_lexicon

logger = logging.getLogger(__name__)

_RELATIVE = re.compile(
    r"^(?:(?:about|nearly|almost|some|just|only|more\s+than|less\s+than)\s+)?"
    r"(?P<num>[\w-]+(?:\s+[\w-]+)?)?\s*(?P<unit>day|week|month|year)s?\s+"
    r"(?P<dir>later|after|afterwards?|earlier|before)$",
    re.IGNORECASE,
)
_NEXT = re.compile(
    r"^(?:(?:earlier|later)\s+)?(?:the\s+)?(?P<rel>next|following|previous|prior|same)\s+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)$|^(?:(?:earlier|later)\s+)?"
    r"that\s+(?P<unit2>day|morning|afternoon|evening|night|week|month|year)$",
    re.IGNORECASE,
)
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _precision(p: Point) -> tuple[str, str] | None:
    """(date string, precision) of a calendar point, or None when it cannot be stated."""
    d, g = p.start, p.granularity
    if g == "day":
        return d.isoformat(), "day"
    if g == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    if g == "week":
        end = d + timedelta(days=6)
        if end.month == d.month:
            return f"{d.year:04d}-{d.month:02d}", "month"
        return None
    return f"{d.year:04d}", "year"  # quarter, half, season, year


def value_to_date(value: str) -> tuple[str, str] | None:
    """A TIMEX3 value as an event date: ``2013-03-18TNI`` -> ("2013-03-18", "day").

    Week values give their month when the week lies in one month; quarters, halves and seasons
    give the year; refs (``PAST_REF``), durations, sets and unknown (X) values give None.
    """
    m = re.match(r"^(\d{4}-W\d{1,2})-WE$", value or "")
    if m:
        p = parse_value(m.group(1))
        if p is None:
            return None
        sat = p.start + timedelta(days=5)
        sun = sat + timedelta(days=1)
        if sat.month == sun.month:
            return f"{sat.year:04d}-{sat.month:02d}", "month"
        return None
    p = parse_value(value)
    return _precision(p) if p is not None else None


def relative_step(text: str) -> tuple[int, str] | None:
    """How a relative expression moves from the previous date: "two days later" -> (2, "D")."""
    t = " ".join(text.split())
    m = _RELATIVE.match(t)
    if m:
        raw = (m["num"] or "").lower()
        if not raw:
            return None
        n = load_lexicon().number(raw)
        if n is None or n != int(n):
            return None
        sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
        return sign * int(n), _UNITS[m["unit"].lower()]
    m = _NEXT.match(t)
    if m:
        word = (m["unit"] or m["unit2"]).lower()
        rel = (m["rel"] or "that").lower()
        step = {"next": 1, "following": 1, "previous": -1, "prior": -1}.get(rel, 0)
        return step, _UNITS.get(word, "D")
    return None


def _from_previous(previous: tuple[str, str], step: tuple[int, str]) -> tuple[str, str] | None:
    prev_date, prev_prec = previous
    p = parse_value(prev_date)
    if p is None:
        return None
    if prev_prec == "year":
        p = Point(p.start, "year")
    moved = shift(p, step[0], step[1])
    return _precision(moved) if moved is not None else None


_VAGUE_LATER = re.compile(
    r"^(?:(?:a\s+)?(?:few|several|some)\s+)?(?:days|weeks)\s+(?:later|afterwards?)$", re.IGNORECASE
)


def _date_of(t: Timex, previous: tuple[str, str] | None) -> tuple[str, str] | None:
    if t.type not in ("DATE", "TIME"):
        return None
    step = relative_step(t.text)
    if step is not None and previous is not None:
        anchored = _from_previous(previous, step)
        if anchored is not None:
            return anchored
    if previous is not None and _VAGUE_LATER.match(" ".join(t.text.split())):
        # "days later": the same month as the previous event, as far as the text tells.
        prev_date, prev_prec = previous
        return (prev_date[:7], "month") if prev_prec == "day" else previous
    return value_to_date(t.value)


def date_event(
    *,
    trigger_start: int,
    sentence_start: int,
    sentence_end: int,
    timexes: list[Timex],
    published: date | None,
    previous: tuple[str, str] | None = None,
    governing: Timex | None = None,
) -> tuple[str | None, str | None]:
    """The date of an event and its precision (``day``, ``month``, ``year`` or ``published``).

    The ``governing`` timex (attached to the event in the parse) wins; else the DATE/TIME timex of
    the sentence closest to the trigger that yields a date. Relative expressions ("two days
    later", "the next day") move from ``previous``, the date of the document's previous event.
    With no usable timex the publication date is used; with neither, ``(None, None)``.
    """
    if governing is not None:
        got = _date_of(governing, previous)
        if got is not None:
            return got
    in_sentence = [
        t
        for t in timexes
        if t.start >= sentence_start and t.end <= sentence_end and t.type in ("DATE", "TIME")
    ]

    def distance(t: Timex) -> int:
        if t.end <= trigger_start:
            return trigger_start - t.end
        return max(0, t.start - trigger_start)

    for t in sorted(in_sentence, key=lambda t: (distance(t), t.start)):
        got = _date_of(t, previous)
        if got is not None:
            return got
    if published is not None:
        return published.isoformat(), "published"
    return None, None
