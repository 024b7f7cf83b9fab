"""Find and normalise temporal expressions (TIMEX3) in English news text.

Rule-based: every pattern of ``whodid.time.patterns`` proposes candidate spans; the resolver walks
them left to right, longest first at each position, and keeps the first one its handler can
normalise, so that values can lean on the dates mentioned before ("two days later").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Container
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from whodid.records import Timex
from whodid.time import resolve_days, resolve_periods  # noqa: F401  (register their handlers)
from whodid.time.calendar import parse_value, safe_date, shift
from whodid.time.context import Context
from whodid.time.lexicon import load_lexicon
from whodid.time.patterns import compiled_rules
from whodid.time.resolve import HANDLERS

logger = logging.getLogger(__name__)

_DIGIT = re.compile(r"\d")
_TRAILING = re.compile(r"[\s,;:]+$")
_KEYWORD = re.compile(r"[a-z]+|\d+")
_REACH = 120  # characters: over three times the longest match seen, lookarounds included


_YEAR_ONLY = {"mdy", "dmy", "month", "ordq", "season", "anaq"}


def _mask(value: str, rule: str) -> str:
    """Hide a value's digits that came from an unknown DCT: 2000-01-01 -> XXXX-XX-XX."""
    if rule in _YEAR_ONLY and value[:4].isdigit():
        return "XXXX" + value[4:]
    head, sep, tail = value.partition("T")
    head = _DIGIT.sub("X", head)
    return head + sep + tail


def keyword_index(text: str, keep: Container[str] | None = None) -> dict[str, list[int]]:
    """Where each keyword (``whodid.time.patterns.keys_of``) occurs in ``text``; with ``keep``,
    only the keywords it holds (most words of a text are no rule's keyword)."""
    index: dict[str, list[int]] = {}
    for m in _KEYWORD.finditer(text.lower()):
        key = "#" if m.group(0)[0].isdigit() else m.group(0)
        if keep is None or key in keep:
            index.setdefault(key, []).append(m.start())
    return index


@lru_cache(maxsize=1)
def _rule_keywords() -> frozenset[str]:
    """Every keyword some rule needs (``Rule.needs``): the only ones ``candidates`` looks up."""
    rules, _ = compiled_rules()
    return frozenset(k for r in rules for need in r.needs for k in need)


def windows(positions: list[int], size: int, reach: int) -> list[tuple[int, int]]:
    """Merged stretches of ``reach`` characters either side of ``positions``."""
    out: list[tuple[int, int]] = []
    for p in sorted(positions):
        lo, hi = max(0, p - reach), min(size, p + reach)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every rule match as (start, end, rule index, match), sorted for the left-to-right walk.

    A rule runs only near the keywords its matches must contain (``Rule.needs``): every match
    holds one, and none is longer than ``_REACH``, so the matches are those of a scan of the
    whole text, at a fraction of the cost.
    """
    rules, _ = compiled_rules()
    index = keyword_index(text, _rule_keywords())
    out = []
    for idx, r in enumerate(rules):
        hits = [[p for k in need if k in index for p in index[k]] for need in r.needs]
        if not all(hits):
            continue
        spans = windows(min(hits, key=len), len(text), _REACH) if hits else [(0, len(text))]
        for lo, hi in spans:
            out.extend(_matches(text, idx, r.scan or r.pattern, lo, hi))
    out.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    return out


def _matches(
    text: str, idx: int, pattern: re.Pattern[str], lo: int, hi: int
) -> list[tuple[int, int, int, re.Match[str]]]:
    out = []
    for m in pattern.finditer(text, lo, hi):
        s, e = m.span()
        trail = _TRAILING.search(m.group(0))
        if trail:
            e -= len(trail.group(0))
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append((s, e, idx, m))
    return out


@lru_cache(maxsize=1)
def _offset_before() -> re.Pattern[str]:
    """ "the day before", "two weeks after", right before a date: an offset from that date."""
    _, frag = compiled_rules()
    return re.compile(
        rf"(?:\b(?P<the>the|a|an)|\b(?P<num>{frag.num}))[\s-]+(?P<unit>day|week|month|year)s?"
        r"\s+(?P<dir>before|after)\s+$",
        re.IGNORECASE,
    )


def _offset(ctx: Context, found: list[Timex], start: int, value: str) -> tuple[int, str] | None:
    """The start and value of "<offset> before/after" + the date at ``start``, if so written."""
    if not ctx.text[max(0, start - 8) : start].rstrip().lower().endswith(("before", "after")):
        return None
    m = _offset_before().search(ctx.text, max(0, start - 40), start)
    point = parse_value(value) if m else None
    if m is None or point is None or "T" in value:
        return None
    n = 1.0 if m["the"] else ctx.lex.number(m["num"])
    if not n or n != int(n):
        return None
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}[m["unit"].lower()]
    sign = -1 if m["dir"].lower() == "before" else 1
    moved = shift(point, sign * int(n), unit, keep=unit == "D")
    if moved is None:
        return None
    while found and found[-1].end > m.start():  # "two days after" resolved on its own
        found.pop()
    return m.start(), moved.value()


_SECOND_DAY = re.compile(
    r"\s*(?:and|or|to|through|-)\s*(?P<d>[0-3]?\d)(?![\d,.%]\d|\d)"
    r"(?=\s*[.,;:)]|\s*$|\s+(?:in|at|on|when|after|before|and|or)\b)"
)


def _second_day(text: str, pos: int, value: str) -> Timex | None:
    """The second day of "April 24 and 25" (same month and year as the first)."""
    m = _SECOND_DAY.match(text, pos)
    if m is None or len(value) != 10:
        return None
    day = int(m["d"])
    first = value[8:].isdigit() and int(value[8:])
    if not first or not first < day <= 31:
        return None
    if value[:4].isdigit() and safe_date(int(value[:4]), int(value[5:7]), day) is None:
        return None
    start = m.start("d")
    return Timex(start, m.end("d"), text[start : m.end("d")], "DATE", f"{value[:8]}{day:02d}")


_OPENING = re.compile(r"(?:^|[\s(\[])(?:\"|``|'')(?P<run>(?:[A-Z0-9][\w.'-]*\s+)*)$")
# words that are capitalised inside a run of words only when the run is a name or a title
_TITLE_WORDS = frozenset(
    "week weekend minute minutes hour hours day days noon night morning evening afternoon "
    "year years month months today tonight tomorrow yesterday".split()
)


def _in_title(text: str, start: int, end: int) -> bool:
    """Is the expression part of a quoted title ("This Week", "60 Minutes", "High Noon")?

    It is when an opening quotation mark starts a run of capitalised words that holds it and
    a word that is capitalised only in names ("Week", "Minutes", "Noon") follows the first.
    """
    m = _OPENING.search(text, max(0, start - 30), start)
    if m is None:
        return False
    words = (m["run"] + text[start:end]).split()
    return (
        len(words) >= 2
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and any(w.lower() in _TITLE_WORDS for w in words[1:])
    )


def find_timexes(text: str, published: date | None, doc: Doc | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, sorted by start, non-overlapping, resolved.

    ``published`` is the document creation time that relative expressions resolve against; without
    it, values that depend on it keep their shape but hide the digits (``XXXX-XX-XX``). ``doc``,
    the parse of ``text`` where there is one, tells the tense of a verb that no word cue shows.
    """
    if not text:
        return []
    rules, _ = compiled_rules()
    ctx = Context(text=text, dct=published, lex=load_lexicon(), doc=doc)
    found: list[Timex] = []
    taken_until = 0
    for start, end, idx, m in candidates(text):
        if start < taken_until:
            continue
        name = rules[idx].name
        if not text[start].islower() and _in_title(text, start, end):
            continue
        ctx.used_dct = False
        ctx.keep_anchor = False
        try:
            result = HANDLERS[name](m, ctx)
        except (
            ValueError,
            KeyError,
            OverflowError,
        ) as exc:  # a rule bug must not sink the document
            logger.debug("rule %s failed on %r: %s", name, m.group(0), exc)
            result = None
        if result is None:
            continue
        ttype, value = result
        if ttype == "DATE" and (merged := _offset(ctx, found, start, value)):
            start, value = merged
        if published is None and ctx.used_dct:
            value = _mask(value, name)
        found.append(Timex(start=start, end=end, text=text[start:end], type=ttype, value=value))
        taken_until = end
        if name == "mdy" and (second := _second_day(text, end, value)):
            found.append(second)
            taken_until = second.end
        if ttype in ("DATE", "TIME") and not ctx.keep_anchor:
            point = parse_value(value)
            if point is not None:
                ctx.last = point
                if point.granularity == "quarter":
                    ctx.last_quarter, ctx.last_quarter_end = point, end
                    ctx.first_quarter = ctx.first_quarter or point
    return found
