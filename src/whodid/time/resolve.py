"""Handlers: one per pattern rule, turning a match into a TIMEX3 (type, value) or None."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from whodid.time.calendar import (
    Point,
    add_months,
    closest_year,
    iso_week,
    quarter_of,
    safe_date,
    shift,
    weekday_after,
    weekday_before,
)
from whodid.time.context import Context
from whodid.time.verbs import date_entity, simple_past

Result = tuple[str, str] | None
Handler = Callable[[re.Match[str], Context], Result]

HANDLERS: dict[str, Handler] = {}
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_ANAPHORIC_MONTHS = {"May", "March", "June", "August"}
_MONTH_CUES = re.compile(
    r"\b(?:in|since|until|till|by|through|of|during|from|before|after|last|early|late|mid|this|"
    r"next|between|and|or|to|on|for|throughout|around|about|late-|mid-|early-)\s*$",
    re.IGNORECASE,
)


def rule(name: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return deco


def _num(ctx: Context, word: str | None) -> float | None:
    """A number; 0 stands for a vague one ("several", "a few")."""
    if not word:
        return None
    w = " ".join(word.lower().split())
    if w in ctx.lex["vague_number"]:
        return 0.0
    return ctx.lex.number(w)


def _unit(ctx: Context, word: str) -> str:
    w = word.lower()
    if w == "centuries":
        return "CE"
    if w == "millennia":
        return "ML"
    if w not in ctx.lex["unit"] and w.endswith("s"):
        w = w[:-1]
    return ctx.lex["unit"].get(w, "X")


def _year_of(ctx: Context, text: str) -> int | None:
    t = text.lower().replace("-", " ")
    if t.isdigit():
        return int(t)
    words = t.split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        n = ctx.lex.number(" ".join(rest)) if rest else 0
        return 2000 + int(n) if n is not None else None
    if words and words[0] == "nineteen":
        n = ctx.lex.number(" ".join(words[1:]))
        return 1900 + int(n) if n is not None and n < 100 else None
    return None


_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
_ENDED_BEFORE = re.compile(r"\b(?:ended|expired)\s+(?:on\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\b(?:by|before|payable|through|until|till)\s+$", re.IGNORECASE)


def _direction(ctx: Context, m: re.Match[str]) -> int:
    """+1 (on or after the DCT) with a future cue nearby or "by" before, else 0 (nearest).

    A past cue does not force the past: the cues are words near the expression, not its verb,
    and a past verb often reports a future date ("said it will redeem the shares on Oct. 31").
    """
    if _BY.search(ctx.text, max(0, m.start() - 12), m.start()):
        return 1
    if _ENDED_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return -1  # "the year ended Jan. 31"
    if ctx.doc is not None and simple_past(ctx.doc, m.start(), m.end()):
        return -1
    return 1 if ctx.tense(m.start(), m.end()) > 0 else 0


def _resolve_weekday(ctx: Context, m: re.Match[str], wd: int, pre: str) -> date:
    pre = " ".join(pre.lower().split())
    if pre in ("the previous", "the following", "that"):
        anchor = ctx.anchor("day")
        base = anchor.start if anchor else ctx.today()
        if pre == "the previous":
            return weekday_before(base, wd, strict=True)
        if pre == "the following":
            return weekday_after(base, wd, strict=True)
        return (
            weekday_after(base, wd)
            if ctx.tense(m.start(), m.end()) > 0
            else weekday_before(base, wd)
        )
    today = ctx.today()
    if pre in ("last", "past"):
        return weekday_before(today, wd, strict=True)
    if pre in ("next", "the next", "coming"):
        return weekday_after(today, wd, strict=True)
    tense = ctx.tense(m.start(), m.end())
    if tense > 0 or (tense == 0 and _UNTIL.search(ctx.text, max(0, m.start() - 8), m.start())):
        return weekday_after(today, wd)
    return weekday_before(today, wd)


def _part(word: str | None) -> str:
    return _PART_OF_DAY.get((word or "").lower(), "")


def _day_value(d: date, part: str = "") -> Result:
    return ("TIME", f"{d.isoformat()}T{part}") if part else ("DATE", d.isoformat())


def _day_word(ctx: Context, word: str) -> date:
    return ctx.today() + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word.lower(), 0))


# -- absolute dates ------------------------------------------------------------------------


@rule("iso")
def _iso(m: re.Match[str], ctx: Context) -> Result:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return "TIME", f"{d.isoformat()}T{m['h']}:{m['mi']}"
    return "DATE", d.isoformat()


@rule("slash")
def _slash(m: re.Match[str], ctx: Context) -> Result:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > 40 else 2000
    d = safe_date(y, int(m["m"]), int(m["d"]))
    return ("DATE", d.isoformat()) if d else None


def _month_day(m: re.Match[str], ctx: Context) -> Result:
    month = int(ctx.lex["month"][" ".join(m["mon"].lower().split())])
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["y"]:
        d = safe_date(int(m["y"]), month, day)
        return ("DATE", d.isoformat()) if d else None
    year = closest_year(ctx.today(), month, day, direction=_direction(ctx, m))
    if m["wd"]:  # "Monday, Oct. 26": the year in which that day is a Monday
        wd = int(ctx.lex["weekday"][m["wd"].lower()])
        fits = [
            y
            for y in (year, year - 1, year + 1)
            if (c := safe_date(y, month, day)) and c.isoweekday() == wd
        ]
        year = fits[0] if fits else year
    d = safe_date(year, month, day)
    return ("DATE", d.isoformat()) if d else None


HANDLERS["mdy"] = _month_day
HANDLERS["dmy"] = _month_day


@rule("my")
def _my(m: re.Match[str], ctx: Context) -> Result:
    month = int(ctx.lex["month"][" ".join(m["mon"].lower().split())])
    y = _rel_year(ctx, m["rel"]) if m["rel"] else _year_of(ctx, m["y"])
    return ("DATE", f"{y:04d}-{month:02d}") if y else None


@rule("month")
def _month(m: re.Match[str], ctx: Context) -> Result:
    mon = m["mon"]
    rel = (m["rel"] or "").lower()
    if not rel and not m["edge"]:
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        after = ctx.text[m.end() : m.end() + 2]
        if (
            mon in _ANAPHORIC_MONTHS
            and not _MONTH_CUES.search(before)
            and not (ctx.doc is not None and date_entity(ctx.doc, m.start(), m.end()))
        ):
            return None
        if re.match(r"\s[A-Z]", after):  # "June Carter", "August Wilson"
            return None
    month = int(ctx.lex["month"][mon.lower()])
    today = ctx.today()
    if rel in ("last", "past"):
        year = today.year if month < today.month else today.year - 1
    elif rel == "this":
        year = today.year
    elif rel in ("next", "coming"):
        year = today.year if month > today.month else today.year + 1
    else:
        year = closest_year(today, month, None, direction=_direction(ctx, m), ahead=62)
    return "DATE", f"{year:04d}-{month:02d}"


@rule("year")
def _year(m: re.Match[str], ctx: Context) -> Result:
    y = _year_of(ctx, m["y"])
    if y is None or not 1600 <= y <= 2099:
        return None
    if m["y"].isdigit():
        after = ctx.text[m.end() : m.end() + 12].lower()
        if re.match(r"\s*(?:shares|people|troops|members|feet|meters|miles|tons|votes)\b", after):
            return None
    return "DATE", f"{y:04d}"


_TENS = (
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
)


@rule("decade")
def _decade(m: re.Match[str], ctx: Context) -> Result:
    if m["dec"]:
        return "DATE", m["dec"]
    word = m["word"] or m["word2"]
    if word:  # "the nineties": of the 20th century
        return "DATE", f"19{_TENS.index(word.lower()) + 2}"
    return "DATE", f"19{m['short']}"


@rule("century")
def _century(m: re.Match[str], ctx: Context) -> Result:
    """ "the 20th century" -> 19 (the TIMEX3 value of a century is its first two digits)."""
    return "DATE", f"{int(m['n']) - 1:02d}"


@rule("season")
def _season(m: re.Match[str], ctx: Context) -> Result:
    word = m["season"].lower()
    code = ctx.lex["season"][word]
    rel = (m["rel"] or "").lower()
    if m["y"]:
        y = _year_of(ctx, m["y"])
        return ("DATE", f"{y:04d}-{code}") if y else None
    if word in ("fall", "spring") and not (m["edge"] or m["edge2"]):
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not rel or (
            rel == "the"
            and not re.search(r"\b(?:in|during|this|by|until|over|through)\s*$", before)
        ):
            return None
    today = ctx.today()
    from whodid.time.calendar import SEASON_MONTH, month_season

    smonth = SEASON_MONTH[code]
    if rel in ("last", "past"):
        y = today.year if smonth < today.month and month_season(today) != code else today.year - 1
    elif rel in ("next", "coming"):
        y = today.year if smonth > today.month else today.year + 1
    else:
        y = today.year
    return "DATE", f"{y:04d}-{code}"


# -- quarters and halves -------------------------------------------------------------------


def _rel_year(ctx: Context, rel: str | None) -> int | None:
    if not rel:
        return None
    return ctx.today().year + {"this": 0, "last": -1, "next": 1}[rel.lower()]


@rule("ordq")
def _ordq(m: re.Match[str], ctx: Context) -> Result:
    unit = m["unit"].lower()
    last = m["ord"].lower() == "last"
    n = (4 if unit == "quarter" else 2) if last else int(ctx.lex["ordinal"][m["ord"].lower()])
    if last and not (m["ylead"] or m["ytail"] or m["rel"] or m["rel2"]):
        return None  # "the last quarter" alone is the previous quarter, or a quarter of a game
    if bool(m["two"]) != bool(m["pl"]):
        return None  # "the first two quarter", "the first quarters"
    if m["two"]:  # the first (last) two quarters: a half
        if unit != "quarter" or n not in (1, 4):
            return None
        unit, n = "half", 1 if n == 1 else 2
    if (unit == "quarter" and n > 4) or (unit == "half" and n > 2):
        return None
    if m["ylead"]:
        y = int(m["ylead"])
    elif m["ytail"]:
        y = int(m["ytail"])
    elif m["rel"] or m["rel2"]:
        y = _rel_year(ctx, m["rel"] or m["rel2"]) or 0
    elif m["yago"]:
        base = ctx.reported_quarter()
        y = base.start.year - 1
        ctx.keep_anchor = True
    else:
        y = ctx.today().year
    if unit == "half":
        return "DATE", f"{y:04d}-H{n}"
    return "DATE", f"{y:04d}-Q{n}"


@rule("anaq")
def _anaq(m: re.Match[str], ctx: Context) -> Result:
    which = " ".join((m["which"] or "").lower().split())
    unit = m["unit"].lower()
    yago = any(k in which for k in ("year-ago", "year-earlier", "year-before", "prior-year"))
    if unit == "period" and not (
        yago
        or m["ylead"]
        or m["ago"]
        or which in ("latest", "same", "comparable", "corresponding", "most recent")
    ):
        return None
    base = ctx.reported_quarter()
    ended = _quarter_ended(ctx, m.end()) if not which or which in ("latest", "same") else None
    if ended is not None:
        base = ended
    elif which in ("last year's", "this year's", "next year's"):
        y = _rel_year(ctx, which.split()[0]) or base.start.year
        base = Point(date(y, base.start.month, 1), "quarter")
    elif which in ("current", "this"):
        d = ctx.today()
        base = Point(date(d.year, 3 * quarter_of(d) - 2, 1), "quarter")
    elif which in ("last", "previous"):
        base = shift(ctx.completed_quarter(), 0, "Q") or base
    elif which == "next":
        d = ctx.today()
        base = shift(Point(date(d.year, 3 * quarter_of(d) - 2, 1), "quarter"), 1, "Q") or base
    earlier = yago or m["ago"] or (m["ylead"] and int(m["ylead"]) < base.start.year)
    if unit == "period" and earlier and ctx.longer_period_compared(m.start()):
        ctx.keep_anchor = True  # "the year-earlier period" after "the nine months"
        return "DATE", f"{int(m['ylead']) if m['ylead'] else base.start.year - 1:04d}"
    if m["ylead"]:
        if int(m["ylead"]) < base.start.year:
            ctx.keep_anchor = True  # "the 1988 period": a comparison, not the quarter reported
        base = Point(date(int(m["ylead"]), base.start.month, 1), "quarter")
    if yago or m["ago"]:
        base = shift(base, -1, "Y", keep=True) or base
        ctx.keep_anchor = True
    return "DATE", base.value()


def _quarter_ended(ctx: Context, pos: int) -> Point | None:
    """The calendar quarter of a period "ended Sept. 30" (the quarter of its middle month)."""
    m = _ENDED.match(ctx.text, pos)
    if m is None:
        return None
    month = ctx.lex["month"].get(m["mon"].lower()) or ctx.lex["month"].get(m["mon"].lower() + ".")
    if month is None:
        return None
    year = int(m["y"]) if m["y"] else closest_year(ctx.today(), int(month), 1, direction=-1)
    y, mid = add_months(year, int(month), -1)
    return Point(date(y, 3 * quarter_of(date(y, mid, 1)) - 2, 1), "quarter")


_ENDED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?P<mon>[A-Za-z]{3,9})\.?"
    r"\s+[0-3]?\d\b(?:,?\s+(?P<y>\d{4})\b)?"
)


@rule("yearago_adj")
def _yearago_adj(m: re.Match[str], ctx: Context) -> Result:
    ctx.keep_anchor = True
    base = ctx.recent_quarter(m.start())
    if base is not None and not ctx.longer_period_compared(m.start()):
        p = shift(base, -1, "Y", keep=True)
        return ("DATE", p.value()) if p else None
    return "DATE", f"{ctx.today().year - 1:04d}"


# -- calendar units relative to the DCT or the last date -----------------------------------


_COMPARED = re.compile(
    r"\b(?:compared\s+with|compared\s+to|from|than|versus|vs\.)\s[^.;]{0,40}$", re.IGNORECASE
)


def _quarter_comparison(ctx: Context, m: re.Match[str]) -> bool:
    """Does "last year" close a comparison in a sentence about quarters or periods?"""
    lo, _ = ctx.sentence_bounds(m.start(), m.end())
    return bool(
        ctx.quarter_talk(m.start(), m.end())
        and _COMPARED.search(ctx.text, max(lo, m.start() - 60), m.start())
    )


@rule("relunit")
def _relunit(m: re.Match[str], ctx: Context) -> Result:
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    step = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "this": 0,
        "current": 0,
        "same": 0,
        "that": 0,
    }.get(rel, 1)
    anaphoric = rel in ("previous", "following", "same", "that")
    if m["fiscal"] and unit != "year":
        return None
    if (
        rel == "last"
        and unit == "year"
        and not m["edge"]
        and _quarter_comparison(ctx, m)
        and not ctx.longer_period_compared(m.start())
    ):
        ctx.keep_anchor = True  # "up from $3 million last year" in a quarterly report
        p = shift(ctx.reported_quarter(), -1, "Y", keep=True)
        return ("DATE", p.value()) if p else None
    if unit in ("decade", "century"):
        code = "DE" if unit == "decade" else "CE"
        if rel in ("this", "current"):
            y = ctx.today().year
            return "DATE", str(y // 10) if code == "DE" else str(y // 100)
        return "DURATION", "P10Y" if code == "DE" else f"P1{code}"
    gran = {"week": "week", "weekend": "week", "month": "month", "year": "year"}[unit]
    anchor = ctx.anchor(gran) if anaphoric else None
    if anaphoric and anchor is None and rel in ("previous", "following"):
        base = None
    else:
        base = anchor or Point(ctx.today(), "day")
    if base is None:
        return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[gran]
    if unit == "weekend":
        d = base.start
        sat = (
            weekday_after(d, 6, strict=step > 0)
            if step > 0
            else weekday_before(d, 6, strict=step < 0)
        )
        if step == 0:
            sat = weekday_after(d, 6) if ctx.tense(m.start(), m.end()) > 0 else weekday_before(d, 6)
        return "DATE", f"{iso_week(sat)}-WE"
    p = shift(Point(base.start, "day"), step, {"week": "W", "month": "M", "year": "Y"}[gran])
    return ("DATE", p.value()) if p else None


_ENDING = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\b", re.IGNORECASE)


@rule("theunit")
def _theunit(m: re.Match[str], ctx: Context) -> Result:
    unit = m["unit"].lower()
    edge = (m["edge"] or "").lower()
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if (
        not edge
        and unit != "weekend"
        and not re.search(r"\b(?:during|for|in|over|throughout|of)\s+$", before)
    ):
        return None
    if unit == "year" and _ENDING.match(ctx.text, m.end()):
        return "DURATION", "P1Y"  # "for the year ended March 31": a year's span, not a year
    today = ctx.today()
    if unit == "year":
        return "DATE", f"{today.year:04d}"
    if unit == "month":
        return "DATE", f"{today.year:04d}-{today.month:02d}"
    if unit == "week":
        # "for the week", "the week's gains": a definite week the story has in mind (often the
        # one just ended, or one after an event), which the DCT does not fix; TimeML writes the
        # digits an expression leaves open as X (TimeML 1.2.1 guidelines, TIMEX3 value)
        return "DATE", f"{today.year:04d}-WXX"
    fut = ctx.tense(m.start(), m.end()) > 0
    sat = weekday_after(today, 6) if fut else weekday_before(today, 6)
    return "DATE", f"{iso_week(sat)}-WE"
