"""Handlers for days, times of day, relative offsets, durations, sets and reference words."""

from __future__ import annotations

import re
from datetime import date, timedelta

from whodid.time.calendar import (
    Point,
    closest_year,
    holiday_date,
    iso_week,
    safe_date,
    shift,
)
from whodid.time.context import Context
from whodid.time.resolve import (
    Result,
    _day_value,
    _day_word,
    _num,
    _part,
    _resolve_weekday,
    _unit,
    rule,
)

_UNKNOWN = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
}
_TIME_UNITS = {"S", "MIN", "H"}
_IN = re.compile(r"(?<!\btimes\s)(?<!\bonce\s)(?<!\btwice\s)\bin\s+$", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|would|could|may|might|can|shall|should|must)\s+$", re.IGNORECASE)


def _weekday_num(ctx: Context, word: str) -> int:
    return int(ctx.lex["weekday"][word.lower()])


@rule("dayword")
def _dayword(m: re.Match[str], ctx: Context) -> Result:
    word = m["day"].lower()
    if word == "tonight":
        return "TIME", f"{ctx.today().isoformat()}TNI"
    return _day_value(_day_word(ctx, word), _part(m["part"]))


@rule("partday")
def _partday(m: re.Match[str], ctx: Context) -> Result:
    day = m["day"].lower()
    if day in ("yesterday", "today", "tomorrow"):
        d = _day_word(ctx, day)
    else:
        d = _resolve_weekday(ctx, m, _weekday_num(ctx, day), "")
    part = m["part"].lower()
    if part in ("noon", "midday"):
        return "TIME", f"{d.isoformat()}T12:00"
    return _day_value(d, _part(part))


@rule("thispart")
def _thispart(m: re.Match[str], ctx: Context) -> Result:
    rel = m["rel"].lower()
    part = _part(m["part"])
    d = ctx.today()
    if rel == "last":
        d -= timedelta(days=1) if part in ("NI", "EV") else timedelta(days=0)
        if part not in ("NI", "EV"):
            return None
    elif rel in ("yesterday", "tomorrow"):
        d = _day_word(ctx, rel)
    return _day_value(d, part)


@rule("inpart")
def _inpart(m: re.Match[str], ctx: Context) -> Result:
    """ "in the morning", "by mid-afternoon": that part of the day last narrated (the reference
    time of TimeML, which a bare part of day takes its date from), else of the DCT."""
    anchor = ctx.anchor("day")
    d = anchor.start if anchor else ctx.today()
    return _day_value(d, _part(m["part"]))


@rule("daybefore")
def _daybefore(m: re.Match[str], ctx: Context) -> Result:
    delta = -2 if m["day"].lower() == "yesterday" else 2
    return "DATE", (ctx.today() + timedelta(days=delta)).isoformat()


@rule("weekday")
def _weekday(m: re.Match[str], ctx: Context) -> Result:
    word = m["wd"]
    if "." in word and word[0].islower():
        return None
    d = _resolve_weekday(ctx, m, _weekday_num(ctx, word), m["pre"] or "")
    part = _part(m["part"])
    # "Friday night" is that Friday: the corpora give a weekday's night as the date about
    # twice as often as with TNI (unlike "Friday morning" or "Friday evening", which keep it)
    return _day_value(d, "" if part == "NI" else part)


def _twelve_hour(hour: int, part: str | None) -> int:
    """The hour of "4 in the morning" (4), "8 in the evening" (20), "12 in the morning" (0)."""
    if part is None:
        return hour
    if part.lower() == "morning":
        return 0 if hour == 12 else hour
    return hour if hour == 12 else hour + 12


@rule("clock")
def _clock(m: re.Match[str], ctx: Context) -> Result:
    if m["nn"]:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["nn"].lower()]
    elif m["h3"] or m["h4"]:
        n = _num(ctx, m["h3"] or m["h4"])
        if not n or n > 12 or n != int(n):
            return None
        hour, minute = _twelve_hour(int(n), m["p3"] or m["p4"]), 0
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= hour <= 12:
            return None
        ap = m["ap"].lower()
        if ap.startswith("p") and hour != 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
    if m["mon"]:
        month = int(ctx.lex["month"][" ".join(m["mon"].lower().split())])
        year = closest_year(ctx.today(), month, int(m["d"]), direction=0)
        d = safe_date(year, month, int(m["d"]))
        if d is None:
            return None
    elif m["day"]:
        day = m["day"].lower()
        if day in ("today", "yesterday", "tomorrow"):
            d = _day_word(ctx, day)
        else:
            d = _resolve_weekday(ctx, m, _weekday_num(ctx, day), "")
    else:
        anchor = ctx.anchor("day")
        d = anchor.start if anchor else ctx.today()
    return "TIME", f"{d.isoformat()}T{hour:02d}:{minute:02d}"


# -- offsets -------------------------------------------------------------------------------


@rule("ago")
def _ago(m: re.Match[str], ctx: Context) -> Result:
    n = _num(ctx, m["num"])
    unit = _unit(ctx, m["unit"])
    if n is None or unit == "X":
        return None
    ctx.keep_anchor = True
    if n == 0 or n != int(n):
        return "DATE", "PAST_REF"
    if unit in _TIME_UNITS:
        return "DATE", ctx.today().isoformat()
    if unit == "2W":  # "a fortnight ago"
        n, unit = 2 * n, "W"
    if (
        unit == "Y"
        and n == 1
        and (ctx.quarter_talk(m.start(), m.end()) or ctx.recent_quarter(m.start()))
    ):
        base = ctx.last_quarter or ctx.completed_quarter()
        if ctx.longer_period_compared(m.start()):
            return "DATE", f"{base.start.year - 1:04d}"
        p = shift(base, -1, "Y", keep=True)
        return ("DATE", p.value()) if p else None
    if unit in ("CE", "ML"):
        return "DATE", "PAST_REF"
    p = shift(Point(ctx.today(), "day"), -int(n), unit)
    return ("DATE", p.value()) if p else None


@rule("vagueago")
def _vagueago(m: re.Match[str], ctx: Context) -> Result:
    if not m["unit"].lower().endswith(("s", "ia")):
        return None
    return "DATE", "PAST_REF"


@rule("later")
def _later(m: re.Match[str], ctx: Context) -> Result:
    unit = _unit(ctx, m["unit"])
    word = m["unit"].lower()
    n = _num(ctx, m["num"])
    if n is None:
        if not word.endswith("s"):
            return None  # "year before" without a number is not a date
        n = 0.0
    if unit in _TIME_UNITS or unit not in _UNKNOWN:
        return None
    sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
    if sign < 0:
        ctx.keep_anchor = True
    if (
        unit == "Y"
        and n == 1
        and sign < 0
        and (ctx.quarter_talk(m.start(), m.end()) or ctx.recent_quarter(m.start()))
    ):
        base = ctx.last_quarter or ctx.completed_quarter()
        if ctx.longer_period_compared(m.start()):
            return "DATE", f"{base.start.year - 1:04d}"
        p = shift(base, -1, "Y", keep=True)
        return ("DATE", p.value()) if p else None
    anchor = ctx.last
    if anchor is None and sign < 0 and unit == "Y" and ctx.dct is not None:
        anchor = Point(ctx.today(), "year")
    if anchor is None or n == 0 or n != int(n):
        return "DATE", _UNKNOWN[unit]
    p = shift(anchor, sign * int(n), unit)
    return ("DATE", p.value()) if p else None


@rule("nextday")
def _nextday(m: re.Match[str], ctx: Context) -> Result:
    rel = (m["rel"] or "that").lower()
    word = (m["unit"] or m["unit2"]).lower()
    unit = {"week": "W", "month": "M", "year": "Y"}.get(word, "D")
    step = {"next": 1, "following": 1, "previous": -1, "prior": -1}.get(rel, 0)
    gran = {"D": "day", "W": "week", "M": "month", "Y": "year"}[unit]
    anchor = ctx.anchor(gran)
    last = ctx.last
    if anchor is None and step == 0 and unit == "D" and last and last.granularity == "month":
        return "DATE", f"{last.value()}-XX"  # "that same day", after "in October": a day of it
    if anchor is None:
        if step == 0 and unit == "D" and rel == "same":
            anchor = Point(ctx.today(), "day")
        else:
            return "DATE", _UNKNOWN[unit]
    p = shift(anchor, step, unit)
    if p is None:
        return None
    return "DATE", p.value()


# -- durations and sets --------------------------------------------------------------------


# a half of a unit in the next smaller one: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M
_HALF = {"Y": "6M", "D": "T12H", "H": "30M", "MIN": "30S"}


def _duration_value(n: float | None, unit: str) -> str:
    if n and n - int(n) == 0.5 and unit in _HALF:
        whole = int(n)
        if unit in _TIME_UNITS:
            head = f"{whole}{'M' if unit == 'MIN' else unit}" if whole else ""
            return f"PT{head}{_HALF[unit]}"
        return f"P{whole}{unit}{_HALF[unit]}" if whole else f"P{_HALF[unit]}"
    amount = "X" if not n else (str(int(n)) if n == int(n) else str(n))
    if unit == "DE" and n and n == int(n):
        return f"P{10 * int(n)}Y"  # "two decades": P20Y, as the corpus writes it (not P2DE)
    if unit in _TIME_UNITS:
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    if unit == "2W":
        return f"P{2 * int(n)}W" if n else "PXW"
    return f"P{amount}{unit}"


@rule("duration")
def _duration(m: re.Match[str], ctx: Context) -> Result:
    unit = _unit(ctx, m["unit"])
    if unit == "X":
        return None
    raw = " ".join(m["num"].lower().split())
    n = _num(ctx, raw)
    if n is None:
        return None
    before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
    after_count = re.search(r"(?:\d|\$|\btimes|\bonce|\btwice|\bper)\s*$", before)
    article = raw in ("a", "an", "a single") or raw.startswith("a ")
    if article and (unit in ("S", "Q") or after_count):
        return None
    if unit == "Q" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None
    if re.match(r"\s+old\b", ctx.text[m.end() : m.end() + 5]):
        return None  # an age: "52 years old"
    if raw == "one" and unit == "D" and _MODAL.search(ctx.text, max(0, m.start() - 12), m.start()):
        return "DATE", "FUTURE_REF"  # "will one day be"
    if "and a half" in m.group(0).lower() and n:
        n += 0.5
    if n == 0 and _vague_past_location(m, ctx):
        return "DATE", "PAST_REF"
    if (
        n
        and n == int(n)
        and not m["rel"]
        and not m["the"]
        and not m["mod"]
        and unit in ("D", "W", "M", "Y")
        and _IN.search(ctx.text, max(0, m.start() - 10), m.start())
        and ctx.tense(m.start(), m.end()) > 0
    ):  # "the bonds will mature in five years": a date that far from now
        p = shift(Point(ctx.today(), "day"), int(n), unit)
        if p is not None:
            return "DATE", p.value()
    return "DURATION", _duration_value(n, unit)


_LOCATING = re.compile(r"\b(?:in|over|during)\s+$", re.IGNORECASE)


def _vague_past_location(m: re.Match[str], ctx: Context) -> bool:
    """ "fell in the last few months", "over the past several quarters": an uncounted stretch up
    to now that places an event is a past reference, as "in recent years" is (TIMEX3
    ``PAST_REF``); "for the past few weeks" measures a length and stays a duration."""
    if (m["rel"] or "").lower() not in ("past", "last"):
        return False
    return bool(_LOCATING.search(ctx.text, max(0, m.start() - 8), m.start()))


@rule("halfunit")
def _halfunit(m: re.Match[str], ctx: Context) -> Result:
    return "DURATION", {
        "hour": "PT30M",
        "day": "PT12H",
        "year": "P6M",
        "decade": "P5Y",
        "century": "P50Y",
    }[m["unit"].lower()]


@rule("vagueunit")
def _vagueunit(m: re.Match[str], ctx: Context) -> Result:
    unit = _unit(ctx, m["unit"])
    if m["rec"] or m["past"] or (m["rel"] or "").lower() == "recent":
        return "DATE", "PAST_REF"
    if m["fut"]:
        return "DATE", "FUTURE_REF"  # "in coming months", "for future quarters"
    return "DURATION", _duration_value(None, unit)


@rule("set")
def _set(m: re.Match[str], ctx: Context) -> Result:
    word = m["unit"].lower()
    n = _num(ctx, m["num"]) if m["num"] else 1
    if " other " in f" {m.group(0).lower()} ":
        n = 2 * (n or 1)
    if word in ctx.lex["weekday"]:
        return "SET", f"XXXX-WXX-{ctx.lex['weekday'][word]}"
    if word in ctx.lex["partofday"]:
        return "SET", f"XXXX-XX-XXT{ctx.lex['partofday'][word]}"
    if word in ctx.lex["month"]:
        return "SET", f"XXXX-{int(ctx.lex['month'][word]):02d}"
    if word in ctx.lex["season"]:
        return "SET", f"XXXX-{ctx.lex['season'][word]}"
    unit = _unit(ctx, word)
    if unit == "X":
        return None
    return "SET", _duration_value(n, unit)


@rule("setadv")
def _setadv(m: re.Match[str], ctx: Context) -> Result:
    word = m["adv"]
    if (
        word[0].isupper()
        and m.start() > 0
        and re.search(r"[A-Z]\w*\s+$", ctx.text[max(0, m.start() - 20) : m.start()])
    ):
        return None  # part of a name: "China Daily"
    unit = ctx.lex["set_adverb"][word.lower()]
    return "SET", "P1D" if unit == "NI" else _duration_value(1, unit)


@rule("times")
def _times(m: re.Match[str], ctx: Context) -> Result:
    unit = _unit(ctx, m["unit"])
    return None if unit == "X" else ("SET", _duration_value(1, unit))


@rule("holiday")
def _holiday(m: re.Match[str], ctx: Context) -> Result:
    d = _holiday_day(m, ctx)
    if d is None:
        return None
    return "DATE", iso_week(d) if m["wk"] else d.isoformat()  # "Easter week": its ISO week


def _holiday_day(m: re.Match[str], ctx: Context) -> date | None:
    spec = ctx.lex["holiday"][" ".join(m["hol"].lower().split())]
    if m["y"]:
        return holiday_date(spec, int(m["y"]))
    today = ctx.today()
    rel = (m["rel"] or "").lower()
    cands = [
        d for y in (today.year - 1, today.year, today.year + 1) if (d := holiday_date(spec, y))
    ]
    if rel == "last":
        pick = [d for d in cands if d < today][-1:]
    elif rel == "next":
        pick = [d for d in cands if d > today][:1]
    elif rel == "this":
        pick = [d for d in cands if d.year == today.year]
    elif ctx.tense(m.start(), m.end()) > 0:
        pick = [d for d in cands if d >= today][:1]
    else:  # the last one, unless the next one is only weeks away
        soon = [d for d in cands if today < d <= today + timedelta(days=62)]
        pick = soon[:1] or [d for d in cands if d <= today][-1:]
    return pick[0] if pick else None


@rule("ref")
def _ref(m: re.Match[str], ctx: Context) -> Result:
    word = " ".join(m["ref"].lower().split())
    after = ctx.text[m.end() : m.end() + 20].lower()
    if word == "soon" and re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4) : m.start()], re.I):
        return None  # "as soon as": a conjunction
    if word == "soon" and (
        re.match(r"\s+(?:after|afterwards?|thereafter|became|\w*(?:[^e\W]|[rt]e)ed)\b", after)
        or re.search(r"\b(?:was|were|had)\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I)
    ):
        return None  # "soon after the vote", "he was soon released": no reference to the future
    if word in ("current", "currently") and re.search(
        r"\bthen[\s-]$", ctx.text[max(0, m.start() - 5) : m.start()], re.I
    ):
        return "DATE", "PAST_REF"  # "the then-current price": current at a past time
    if word == "current" and re.match(
        r"\s+(?:account|affairs|events|quarter|year|month|week|prices|dollars)", after
    ):
        return None
    return "DATE", ctx.lex["ref"][word]
