"""Find and normalise temporal expressions (TIMEX3) in English news text.

Rule-based: every pattern of ``whodid.time.patterns`` proposes candidate spans; the resolver walks
them left to right, longest first at each position, and keeps the first one its handler can
normalise, so that values can lean on the dates mentioned before ("two days later").
"""

from __future__ import annotations

import logging
import re
from datetime import date

from whodid.records import Timex
from whodid.time import resolve_days  # noqa: F401  (registers the day/duration handlers)
from whodid.time.calendar import parse_value
from whodid.time.context import Context
from whodid.time.lexicon import load_lexicon
from whodid.time.patterns import compiled_rules
from whodid.time.resolve import HANDLERS

logger = logging.getLogger(__name__)

_DIGIT = re.compile(r"\d")
_TRAILING = re.compile(r"[\s,;:]+$")


_YEAR_ONLY = {"mdy", "dmy", "month", "ordq", "season", "anaq"}


def _mask(value: str, rule: str) -> str:
    """Hide a value's digits that came from an unknown DCT: 2000-01-01 -> XXXX-XX-XX."""
    if rule in _YEAR_ONLY and value[:4].isdigit():
        return "XXXX" + value[4:]
    head, sep, tail = value.partition("T")
    head = _DIGIT.sub("X", head)
    return head + sep + tail


def candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every rule match as (start, end, rule index, match), sorted for the left-to-right walk."""
    rules, _ = compiled_rules()
    out = []
    for idx, r in enumerate(rules):
        for m in r.pattern.finditer(text):
            s, e = m.span()
            trail = _TRAILING.search(m.group(0))
            if trail:
                e -= len(trail.group(0))
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                out.append((s, e, idx, m))
    out.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    return out


def find_timexes(text: str, published: date | None) -> list[Timex]:
    """Every temporal expression in ``text``, sorted by start, non-overlapping, resolved.

    ``published`` is the document creation time that relative expressions resolve against; without
    it, values that depend on it keep their shape but hide the digits (``XXXX-XX-XX``).
    """
    if not text:
        return []
    rules, _ = compiled_rules()
    ctx = Context(text=text, dct=published, lex=load_lexicon())
    found: list[Timex] = []
    taken_until = 0
    for start, end, idx, m in candidates(text):
        if start < taken_until:
            continue
        name = rules[idx].name
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
        if published is None and ctx.used_dct:
            value = _mask(value, name)
        found.append(Timex(start=start, end=end, text=text[start:end], type=ttype, value=value))
        taken_until = end
        if ttype in ("DATE", "TIME") and not ctx.keep_anchor:
            point = parse_value(value)
            if point is not None:
                ctx.last = point
                if point.granularity == "quarter":
                    ctx.last_quarter, ctx.last_quarter_end = point, end
    return found
