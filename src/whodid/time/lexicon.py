"""The temporal lexicon: words the tagger's patterns are built from (``data/time/lexicon.tsv``)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

logger = logging.getLogger(__name__)

KINDS = (
    "month",
    "weekday",
    "number",
    "vague_number",
    "ordinal",
    "season",
    "partofday",
    "unit",
    "set_adverb",
    "ref",
    "holiday",
)
_SEASONS = {"SP", "SU", "FA", "WI"}
_PARTS = {"MO", "AF", "EV", "NI"}
_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_UNIT_RE = re.compile(r"^(?:\d*)(?:S|MIN|H|D|W|M|Q|Y|DE|CE|ML|NI)$")
_HOLIDAY_RE = re.compile(
    r"^(?:\d\d-\d\d|nth:\d{1,2}:[1-7]:[1-5]|last:\d{1,2}:[1-7]|easter:-?\d{1,2})$"
)


class LexiconError(ValueError):
    """A malformed line in a lexicon file; the message names the file and line."""


@dataclass(slots=True)
class Lexicon:
    """Word tables, lower-cased, by kind."""

    tables: dict[str, dict[str, str]] = field(default_factory=lambda: {k: {} for k in KINDS})

    def __getitem__(self, kind: str) -> dict[str, str]:
        return self.tables[kind]

    def number(self, word: str) -> float | None:
        """The value of a number word or digits ("three", "12"), or None."""
        w = " ".join(word.lower().replace("-", " ").split())
        if w.isdigit():
            return float(w)
        if w.endswith(" 1/2") and w[:-4].isdigit():  # "2 1/2"
            return float(w[:-4]) + 0.5
        if w in self.tables["number"]:
            return float(self.tables["number"][w])
        parts = w.split()
        if len(parts) == 2 and all(p in self.tables["number"] for p in parts):
            tens, unit = (float(self.tables["number"][p]) for p in parts)
            if tens >= 20 and tens % 10 == 0 and 0 < unit < 10:
                return tens + unit
        return None


def _check(kind: str, word: str, value: str) -> str | None:
    """Why the entry is invalid, or None."""
    if kind not in KINDS:
        return f"unknown kind {kind!r}"
    if not word or word != word.lower():
        return f"word {word!r} must be non-empty lower case"
    if kind in ("month",) and not (value.isdigit() and 1 <= int(value) <= 12):
        return f"month value {value!r} not in 1..12"
    if kind == "weekday" and not (value.isdigit() and 1 <= int(value) <= 7):
        return f"weekday value {value!r} not in 1..7"
    if kind in ("number", "ordinal"):
        try:
            float(value)
        except ValueError:
            return f"{kind} value {value!r} is not a number"
    if kind == "vague_number" and value != "X":
        return "vague_number value must be X"
    if kind == "season" and value not in _SEASONS:
        return f"season value {value!r} not one of {sorted(_SEASONS)}"
    if kind == "partofday" and value not in _PARTS:
        return f"partofday value {value!r} not one of {sorted(_PARTS)}"
    if kind in ("unit", "set_adverb") and not _UNIT_RE.match(value):
        return f"{kind} value {value!r} is not a TIMEX3 unit"
    if kind == "ref" and value not in _REFS:
        return f"ref value {value!r} not one of {sorted(_REFS)}"
    if kind == "holiday" and not _HOLIDAY_RE.match(value):
        return f"holiday value {value!r} is not MM-DD, nth:M:D:N, last:M:D or easter:N"
    return None


def parse_lexicon(text: str, *, source: str = "<string>") -> Lexicon:
    """Parse and validate lexicon TSV text; raise LexiconError naming ``source:line``."""
    lex = Lexicon()
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise LexiconError(
                f"{source}:{lineno}: expected 3 tab-separated columns, got {len(cols)}"
            )
        kind, word, value = (c.strip() for c in cols)
        problem = _check(kind, word, value)
        if problem:
            raise LexiconError(f"{source}:{lineno}: {problem}")
        if word in lex.tables[kind]:
            raise LexiconError(f"{source}:{lineno}: duplicate {kind} entry {word!r}")
        lex.tables[kind][word] = value
    return lex


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (cached)."""
    ref = resources.files("whodid").joinpath("data", "time", "lexicon.tsv")
    lex = parse_lexicon(ref.read_text(encoding="utf-8"), source="whodid/data/time/lexicon.tsv")
    logger.debug("loaded temporal lexicon: %d kinds", len(lex.tables))
    return lex
