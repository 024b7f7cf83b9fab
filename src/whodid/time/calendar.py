"""Calendar arithmetic on TIMEX3 values: weeks, quarters, seasons, holidays, shifting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def month_season(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def weekday_before(anchor: date, weekday: int, *, strict: bool = False) -> date:
    """The latest date with ISO ``weekday`` on or before (strictly before) ``anchor``."""
    delta = (anchor.isoweekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def weekday_after(anchor: date, weekday: int, *, strict: bool = False) -> date:
    delta = (weekday - anchor.isoweekday()) % 7
    if strict and delta == 0:
        delta = 7
    return anchor + timedelta(days=delta)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(rule: str, year: int) -> date | None:
    """The date of a holiday in ``year`` from its lexicon rule."""
    try:
        if rule.startswith("easter:"):
            return easter(year) + timedelta(days=int(rule.split(":")[1]))
        if rule.startswith("nth:"):
            _, m, wd, n = rule.split(":")
            first = weekday_after(date(year, int(m), 1), int(wd))
            return first + timedelta(weeks=int(n) - 1)
        if rule.startswith("last:"):
            _, m, wd = rule.split(":")
            y2, m2 = add_months(year, int(m), 1)
            return weekday_before(date(y2, m2, 1) - timedelta(days=1), int(wd))
        mm, dd = rule.split("-")
        return date(year, int(mm), int(dd))
    except ValueError:
        return None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def closest_year(
    dct: date,
    month: int,
    day: int | None,
    *,
    direction: int,
    ahead: int = 92,
    horizon: int = 240,
) -> int:
    """Year for a month (and day) given without a year.

    direction -1: the latest one on or before the DCT; +1: the first on or after, unless that
    lies more than ``horizon`` days ahead (a "by Jan. 14" written on Jan. 15 is the past one);
    0: the latest one on or before, unless the next one lies at most ``ahead`` days after the DCT.
    """
    past = future = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        first = safe_date(y, month, day or 1)
        if first is None:
            continue
        if day is None:
            y2, m2 = add_months(y, month, 1)
            last = date(y2, m2, 1) - timedelta(days=1)
        else:
            last = first
        if first <= dct:
            past = y
        if last >= dct and future is None:
            future = y
    if past == future and past is not None:
        return past
    if direction < 0:
        return past if past is not None else dct.year
    if direction > 0:
        if future is None:
            return dct.year
        first = safe_date(future, month, day or 1)
        if past is not None and first is not None and (first - dct).days > horizon:
            return past
        return future
    if future is not None:
        first = safe_date(future, month, day or 1)
        if first is not None and (first - dct).days <= ahead:
            return future
    return past if past is not None else dct.year


# -- values -------------------------------------------------------------------------------

_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d{1,2})|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar value at some granularity: day, month, week, quarter, half, season, year."""

    start: date
    granularity: str

    def value(self) -> str:
        d, g = self.start, self.granularity
        if g == "day":
            return d.isoformat()
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "week":
            return iso_week(d)
        if g == "quarter":
            return f"{d.year:04d}-Q{quarter_of(d)}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "season":
            return f"{d.year:04d}-{month_season(d)}"
        return f"{d.year:04d}"


def parse_value(value: str) -> Point | None:
    """The Point of a resolved TIMEX3 date value (``None`` for refs, X-values, durations)."""
    m = _VALUE_RE.match(value or "")
    if not m:
        return None
    y = int(m["y"])
    try:
        if m["d"]:
            return Point(date(y, int(m["m"]), int(m["d"])), "day")
        if m["m"]:
            return Point(date(y, int(m["m"]), 1), "month")
        if m["w"]:
            return Point(date.fromisocalendar(y, int(m["w"]), 1), "week")
        if m["q"]:
            return Point(date(y, 3 * int(m["q"]) - 2, 1), "quarter")
        if m["h"]:
            return Point(date(y, 1 if m["h"] == "1" else 7, 1), "half")
        if m["s"]:
            return Point(date(y, SEASON_MONTH[m["s"]], 1), "season")
        return Point(date(y, 1, 1), "year")
    except ValueError:
        return None


_UNIT_GRAN = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "year"}


def shift(anchor: Point, n: int, unit: str, *, keep: bool = False) -> Point | None:
    """``anchor`` moved by ``n`` units; at the unit's granularity unless ``keep``."""
    d = anchor.start
    if unit == "D":
        nd = d + timedelta(days=n)
    elif unit == "W":
        nd = d + timedelta(weeks=n)
    elif unit in ("M", "Q", "Y", "DE"):
        months = n * {"M": 1, "Q": 3, "Y": 12, "DE": 120}[unit]
        y, m = add_months(d.year, d.month, months)
        nd = safe_date(y, m, min(d.day, 28)) or date(y, m, 1)
        if anchor.granularity == "day" and d.day > 28:
            nd = safe_date(y, m, d.day) or nd
    else:
        return None
    if not 1 <= nd.year <= 9999:
        return None
    gran = anchor.granularity if keep else _UNIT_GRAN[unit]
    # a shift never gives a finer value than the anchor has
    order = ["day", "week", "month", "quarter", "half", "season", "year"]
    if order.index(gran) < order.index(anchor.granularity):
        gran = anchor.granularity
    return Point(nd, gran)
