"""Handlers for weeks and quarters named by a date or in short forms, and offsets from now.

"the week of March 6", "the second week of May", "Q3 2025", "3Q25", "H1 2025", "FY2024",
"two weeks from now".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from whodid.time.calendar import Point, add_months, closest_year, iso_week, safe_date, shift
from whodid.time.context import Context
from whodid.time.resolve import Result, _direction, _num, _unit, rule


def _month_number(ctx: Context, word: str) -> int:
    return int(ctx.lex["month"][" ".join(word.lower().split())])


@rule("weekof")
def _weekof(m: re.Match[str], ctx: Context) -> Result:
    """The ISO week of "the week of March 6"."""
    month = _month_number(ctx, m["mon"])
    day = int(m["d"])
    year = int(m["y"]) if m["y"] else closest_year(ctx.today(), month, day, direction=0)
    d = safe_date(year, month, day)
    return ("DATE", iso_week(d)) if d else None


@rule("weekofmonth")
def _weekofmonth(m: re.Match[str], ctx: Context) -> Result:
    """ "the second week of May": the ISO week holding the middle of the month's second seven
    days (May 11); "the last week of May": the one holding the month's fourth-last day."""
    month = _month_number(ctx, m["mon"])
    if m["y"]:
        year = int(m["y"])
    else:
        year = closest_year(ctx.today(), month, None, direction=_direction(ctx, m), ahead=62)
    y2, m2 = add_months(year, month, 1)
    last = date(y2, m2, 1) - timedelta(days=1)
    if m["ord"].lower() == "last":
        return "DATE", iso_week(last - timedelta(days=3))
    n = int(ctx.lex["ordinal"][m["ord"].lower()])
    if not 1 <= n <= 5:
        return None
    return "DATE", iso_week(min(date(year, month, 7 * (n - 1) + 4), last))


def _short_year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    y = int(digits)
    if len(digits) == 2:
        y += 2000 if y < 50 else 1900
    return y


@rule("qabbr")
def _qabbr(m: re.Match[str], ctx: Context) -> Result:
    """Q3 (this year), Q3 2025, 3Q25, H1 2025, 1H25, FY2024 (a fiscal year, as its year)."""
    if m["fy"]:
        return "DATE", f"{_short_year(m['fy']):04d}"
    if m["h"]:
        half = m["h"].replace("H", "")
        return "DATE", f"{_short_year(m['hy']):04d}-H{half}"
    quarter = (m["q"] or m["q2"]).replace("Q", "")
    year = _short_year(m["qy"] or m["q2y"]) or ctx.today().year
    return "DATE", f"{year:04d}-Q{quarter}"


@rule("fromnow")
def _fromnow(m: re.Match[str], ctx: Context) -> Result:
    """ "two weeks from now": the DCT moved forward, at the unit's granularity."""
    n = _num(ctx, m["num"])
    unit = _unit(ctx, m["unit"])
    if n is None or unit == "X":
        return None
    if unit == "2W":
        n, unit = 2 * n, "W"
    if n == 0 or n != int(n):
        return "DATE", "FUTURE_REF"
    if unit in ("S", "MIN", "H"):
        return "DATE", ctx.today().isoformat()
    p = shift(Point(ctx.today(), "day"), int(n), unit)
    return ("DATE", p.value()) if p else None
