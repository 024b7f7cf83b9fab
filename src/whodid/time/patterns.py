"""Regular expressions for temporal expressions, built once from the lexicon.

Each rule is a name and a compiled pattern with named groups; ``whodid.time.resolve`` holds one
handler per rule name that turns a match into a TIMEX3 type and value.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from whodid.time.lexicon import Lexicon, load_lexicon


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the keywords a text must hold for the pattern to have a chance.

    ``needs`` is a conjunction of keyword sets: a match always contains at least one keyword of
    every set (lower-case letter runs, ``#`` for any digit), so a stretch of text that lacks one
    is skipped without running the pattern.
    """

    name: str
    pattern: re.Pattern[str]
    needs: tuple[frozenset[str], ...] = ()
    # the pattern to scan text with: the same matches (see ``word_start_scanner``)
    scan: re.Pattern[str] | None = None


_LETTERS = re.compile(r"[a-z]+|\d+")


def keys_of(text: str) -> set[str]:
    """The keywords of a stretch of text: its lower-cased letter runs and ``#`` for digits."""
    return {"#" if k.isdigit() else k for k in _LETTERS.findall(text.lower())}


def _heads(words: Iterable[str]) -> frozenset[str]:
    """One keyword per phrase (its longest letter run): a match of the phrase contains it."""
    out = set()
    for w in words:
        runs = sorted(keys_of(w), key=len, reverse=True)
        if runs:
            out.add(runs[0])
    return frozenset(out)


def _alt(words: list[str] | set[str]) -> str:
    """A regex alternation of words, longest first, dots escaped, spaces flexible."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@dataclass(frozen=True, slots=True)
class Fragments:
    month: str
    month_full: str
    month_cap: str
    weekday: str
    num: str
    numword: str
    ordinal: str
    season: str
    part: str
    unit: str
    units_pl: str
    holiday: str
    ref: str
    set_adverb: str
    mod: str
    year: str


def fragments(lex: Lexicon) -> Fragments:
    months = list(lex["month"])
    full = [m for m in months if not m.endswith(".")]
    tens = [
        w
        for w, v in lex["number"].items()
        if w.isalpha() and float(v) >= 20 and float(v) % 10 == 0 and float(v) < 100
    ]
    units_ = [w for w, v in lex["number"].items() if w.isalpha() and 1 <= float(v) <= 9]
    compound = f"{_alt(tens)}(?:[\\s-]+{_alt(units_)})?"
    words = [w for w in lex["number"]] + list(lex["vague_number"])
    numword = f"(?:{compound}|{_alt(words)})"
    num = rf"(?:\d+(?:\.\d+|\s+1/2(?![\d/]))?|{numword})"
    unit_words = set(lex["unit"])
    plural = {w + "s" for w in unit_words} | {"centuries", "millennia"}
    unit = _alt(unit_words | plural)
    mod = (
        r"(?:about|nearly|almost|roughly|around|approximately|some|more\s+than|less\s+than|over|"
        r"at\s+least|at\s+most|barely|fewer\s+than|under|up\s+to|a\s+full|fully)"
    )
    small = _alt(units_ + ["ten", "eleven", "twelve"])
    year_words = (
        rf"(?:nineteen[\s-]+{compound}(?:[\s-]+{_alt(units_)})?"
        rf"|two\s+thousand(?:\s+and)?(?:\s+{small})?)"
    )
    year = rf"(?:1[6-9]\d\d|20\d\d|{year_words})"
    return Fragments(
        month=_alt(months),
        month_full=_alt(full),
        month_cap=_alt([m.capitalize() for m in full]),
        weekday=_alt(list(lex["weekday"])),
        num=num,
        numword=numword,
        ordinal=_alt(list(lex["ordinal"])),
        season=_alt(list(lex["season"])),
        part=_alt(list(lex["partofday"])),
        unit=unit,
        units_pl=_alt(plural),
        holiday=_alt(list(lex["holiday"])),
        ref=_alt(list(lex["ref"])),
        set_adverb=_alt(list(lex["set_adverb"])),
        mod=mod,
        year=year,
    )


def _rules(f: Fragments) -> list[tuple[str, str, int]]:
    edge = (
        r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)"
    )
    I = re.IGNORECASE  # noqa: E741
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    return [
        (
            "iso",
            r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?\b",
            0,
        ),
        ("slash", r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])", 0),
        (
            "mdy",
            rf"\b(?:(?P<wd>{f.weekday}),?\s+)?(?P<mon>{f.month})\s+{day}(?![\d,]\d)\b(?:,?\s+(?P<y>\d{{4}})\b)?",
            I,
        ),
        (
            "dmy",
            rf"\b(?:(?P<wd>{f.weekday}),?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?(?P<mon>{f.month})(?:,?\s+(?P<y>\d{{4}})\b)?",
            I,
        ),
        (
            "my",
            rf"(?:\b(?P<edge>{edge})[\s-]+)?\b(?P<mon>{f.month})\s*(?:,|of)?\s+(?:(?P<y>{f.year})|(?P<rel>this|last|next)\s+year)\b",
            I,
        ),
        (
            "month",
            rf"(?:\b(?P<edge>(?i:{edge}))[\s-]+)?(?:\b(?P<rel>(?i:last|this|next|past|coming))\s+)?\b(?P<mon>{f.month_cap})\b",
            0,
        ),
        (
            "year",
            rf"(?:\b(?P<edge>{edge}|fiscal|calendar|the\s+year)[\s-]+)?(?<![$\d.,])\b(?P<y>{f.year})\b(?!\s*%|[.,]\d|-\d|\s+percent)",
            I,
        ),
        (
            "decade",
            r"(?:\bthe\s+)?(?:\b(?P<edge>early|late|mid)[\s-]+)?(?:(?<![\d$])\b(?P<dec>1[6-9]\d|20\d)0'?s\b|'(?P<short>\d)0s\b|(?<=the\s)(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|(?<=the\s)(?:early|late|mid)[\s-]+(?P<word2>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
            I,
        ),
        (
            "century",
            r"\b(?:the\s+)?(?P<n>[1-9]|1\d|2[01])(?:st|nd|rd|th)[\s-]+century\b(?!-)",
            I,
        ),
        (
            "season",
            rf"(?:\b(?P<edge>early|late|mid)[\s-]+)?(?:\b(?P<rel>last|this|next|the|past|coming|that)\s+)?(?:(?P<edge2>early|late)\s+)?\b(?P<season>{f.season})\b(?:\s+(?:of\s+)?(?P<y>{f.year})\b)?",
            I,
        ),
        (
            "ordq",
            rf"(?:\b(?:the|its|a|this)\s+(?!(?:fiscal[\s-]+)?(?:{f.ordinal}|last)-(?:quarter|half)\b))?(?:(?:(?:fiscal|calendar)\s+)?(?P<ylead>\d{{4}})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+|(?P<yago>year-ago|year-earlier)\s+)?(?:(?:fiscal|calendar)[\s-]+)?\b(?P<ord>{f.ordinal}|last)[\s-]+(?:(?P<two>two)[\s-]+)?(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?P<pl>s)?\b(?!ly)(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<ytail>\d{{4}})|(?P<rel2>this|last|next)\s+year)\b)?",
            I,
        ),
        (
            "anaq",
            r"(?:\bthe\s+)?(?:\b(?P<which>(?:comparable\s+|corresponding\s+|same\s+)?(?:year-ago|year-earlier|year-before|prior-year|latest|current|this|last|next|previous|same|comparable|corresponding|most\s+recent|(?:last|this|next)\s+year's)|(?P<ylead>\d{4}))\s+(?:fiscal\s+)?|\bthe\s+)(?P<unit>quarter|period)\b(?!ly)(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year))?",
            I,
        ),
        ("yearago_adj", r"\b(?P<which>year-ago|year-earlier)\b", I),
        (
            "relunit",
            rf"(?:\b(?P<edge>{edge}|earlier|later|the\s+rest\s+of)[\s-]+)?(?:\bthe\s+)?\b(?P<rel>last|this|next|past|coming|previous|following|current|same|that)\s+(?:(?P<fiscal>fiscal)\s+)?(?P<unit>week|weekend|month|year|decade|century)\b(?!-)",
            I,
        ),
        (
            "theunit",
            rf"\b(?:(?P<edge>{edge}|earlier|later)\s+)?the\s+(?:(?P<whole>full|whole|entire)\s+(?=year)|fiscal\s+(?=year\s+end))?(?P<unit>year|month|week|weekend)\b(?!-|\s+(?:before|after|earlier|later|ago|of|in|to|that|when|since))",
            I,
        ),
        (
            "dayword",
            r"(?:\b(?P<pre>early|late|earlier|later)\s+)?\b(?P<day>today|tonight|yesterday|tomorrow)\b(?:\s+(?P<part>morning|afternoon|evening|night))?",
            I,
        ),
        (
            "partday",
            rf"(?:\b(?P<pre>early|late|mid)[\s-]*)?\b(?P<part>morning|afternoon|evening|night|midday|noon)\s+(?P<day>yesterday|today|tomorrow|{f.weekday})\b",
            I,
        ),
        (
            "thispart",
            r"(?:\b(?P<pre>later|earlier|early|late)\s+)?\b(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night)\b",
            I,
        ),
        (
            # "in the morning", "by mid-afternoon": a part of the day being narrated
            "inpart",
            r"(?:(?<=\bin\s)|(?<=\bby\s)|(?<=\bat\s)|(?<=\bduring\s))(?:the\s+(?:mid[\s-]?)?|mid[\s-]?)(?P<part>morning|afternoon|evening)\b(?![\w-]|\s+(?:of|news|papers?|newspapers?|editions?|sessions?|shows?|hours|rush|commute|traffic|trading|flights?|meetings?|briefings?|services?|classes|prayers?|star|light|sun)\b)",
            I,
        ),
        (
            "weekof",
            rf"\bthe\s+week\s+of\s+(?P<mon>{f.month})\s+{day}(?![\d,]\d)\b(?:,?\s+(?P<y>\d{{4}})\b)?",
            I,
        ),
        (
            "weekofmonth",
            rf"\bthe\s+(?P<ord>{f.ordinal}|last)\s+week\s+of\s+(?P<mon>{f.month})(?:,?\s+(?P<y>\d{{4}}))?\b",
            I,
        ),
        (
            "qabbr",
            r"\b(?:(?P<q>Q[1-4])(?:\s*(?:of\s+)?(?:FY\s*)?(?P<qy>\d{4}|'?\d\d))?"
            r"|(?P<q2>Q[1-4]|[1-4]Q)\s*(?:FY\s*)?(?P<q2y>\d{4}|'?\d\d)"
            r"|(?P<h>H[12]|[12]H)\s*(?:FY\s*)?(?P<hy>\d{4}|'?\d\d)"
            r"|FY\s*(?P<fy>\d{4}|'?\d\d))\b",
            0,
        ),
        (
            "fromnow",
            rf"(?:\b(?P<mod>{f.mod})\s+)?\b(?P<num>{f.num})[\s-]+(?P<unit>{f.unit})\s+from\s+(?:now|today)\b",
            I,
        ),
        ("daybefore", r"\bthe\s+day\s+(?P<dir>before|after)\s+(?P<day>yesterday|tomorrow)\b", I),
        (
            "weekday",
            rf"(?:\b(?P<pre>early|late|earlier|later|last|this|next|the\s+previous|the\s+following|the\s+next|coming|past|that)\s+)?\b(?P<wd>{f.weekday})(?!\w)(?:\s+(?P<part>morning|afternoon|evening|night))?",
            I,
        ),
        (
            "clock",
            rf"(?:\b(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.?|[ap]m\b)|\b(?P<nn>noon|midnight|midday)\b|\b(?P<h3>{f.numword}|\d{{1,2}})\s+o['’]clock\b(?:\s+in\s+the\s+(?P<p3>morning|afternoon|evening))?|\b(?P<h4>{f.numword}|\d{{1,2}})\s+in\s+the\s+(?P<p4>morning|afternoon|evening)\b)(?:\s+(?P<tz>(?-i:[A-Z]{{2,3}}T|GMT|UTC))\b)?(?:,?\s+(?P<day>today|yesterday|tomorrow|{f.weekday})\b)?(?:,?\s+(?P<mon>{f.month})\s+(?P<d>[0-3]?\d)\b)?",
            I,
        ),
        (
            "ago",
            rf"(?:\b(?P<mod>{f.mod})\s+)?\b(?P<num>{f.num})(?:\s+or\s+(?:so|more|\d+|{f.numword}))?[\s-]+(?P<unit>{f.unit})(?:\s+or\s+so)?\s+ago\b",
            I,
        ),
        ("vagueago", rf"\b(?P<unit>{f.unit})\s+ago\b", I),
        (
            "later",
            rf"(?:\b(?P<mod>{f.mod})\s+)?\b(?P<num>{f.num})?(?:\s+or\s+so)?[\s-]*\b(?P<unit>{f.unit})\s+(?P<dir>later|earlier|afterwards?|before|after)\b(?!\s+(?:the|a|an|his|her|its|their|he|she|it|they|we|i|you)\b)",
            I,
        ),
        (
            "nextday",
            r"(?:\b(?P<pre>earlier|later)\s+)?\b(?:the\s+)?(?:(?P<rel>next|following|previous|prior|same)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)|that\s+(?P<unit2>day|morning|afternoon|evening|night|week|month|year))\b",
            I,
        ),
        (
            "duration",
            rf"(?:\bthe\s+(?P<rel>past|last|next|first|coming|previous|following|final|latest|remaining|preceding)\s+|\b(?P<the>the)\s+(?=(?:\d+|{f.numword})\s+{f.units_pl}\b(?!\s+(?:ago|later|earlier|before|after|afterwards?|from|old)\b)))?(?:\b(?P<mod>{f.mod})\s+)?\b(?P<num>{f.num})(?:\s+(?:or|to)\s+(?:so|more|\d+|{f.numword}))?(?:\s+and\s+a\s+half)?(?:\s+(?:more|additional|further|extra))?[\s-]+(?P<unit>{f.unit})(?!-)\b(?:\s+and\s+a\s+half\b)?(?:\s+or\s+so)?",
            I,
        ),
        ("halfunit", r"\bhalf\s+(?:an?\s+)?(?P<unit>hour|day|year|century|decade)\b", I),
        (
            "vagueunit",
            r"(?:\bthe\s+(?P<rel>past|last|next|coming|following|previous|recent)\s+|\b(?P<rec>recent)\s+|(?<!\bthe\s)\b(?P<fut>coming|future|upcoming)\s+|(?<=\bin\s)(?P<past>past)\s+|(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bover\s))\b(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades)\b(?!\s+ago)",
            I,
        ),
        (
            "set",
            rf"\b(?:every|each|per)\s+(?:other\s+)?(?:(?P<num>{f.num})\s+)?(?P<unit>{f.unit}|{f.weekday}|{f.part}|{f.month_full}|{f.season})\b",
            I,
        ),
        ("setadv", rf"\b(?P<adv>{f.set_adverb})\b", I),
        (
            "times",
            rf"\b(?P<n>once|twice|three\s+times|four\s+times|{f.num}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{f.unit})\b",
            I,
        ),
        (
            "holiday",
            rf"(?:\b(?P<rel>last|this|next)\s+)?\b(?P<hol>{f.holiday})\b(?:\s+(?P<wk>week)\b)?(?:\s+(?P<y>\d{{4}})\b)?",
            I,
        ),
        ("ref", rf"\b(?P<ref>{f.ref})\b", I),
    ]


def _needs(lex: Lexicon) -> dict[str, tuple[frozenset[str], ...]]:
    """Per rule, the keyword sets every match contains (see ``Rule.needs``)."""

    def kw(*words: str) -> frozenset[str]:
        return frozenset(words)

    digit = kw("#")
    month = _heads(lex["month"])
    units = set(lex["unit"])
    unit = _heads(units | {w + "s" for w in units} | {"centuries", "millennia"})
    parts = kw("morning", "afternoon", "evening", "night", "midday", "noon")
    decades = kw("twenties", "thirties", "forties", "fifties", "sixties", "seventies")
    decades |= kw("eighties", "nineties")
    return {
        "iso": (digit,),
        "slash": (digit,),
        "mdy": (month, digit),
        "dmy": (month, digit),
        "my": (month,),
        "month": (month,),
        "year": (digit | kw("nineteen", "thousand"),),
        # "1990s", "1990's", "'90s": a digit run, then the letter run "s"; or a decade's name
        "decade": (digit | decades, kw("s") | decades),
        "century": (digit, kw("century")),
        "season": (_heads(lex["season"]),),
        "ordq": (kw("quarter", "quarters", "half"),),
        "anaq": (kw("quarter", "period"),),
        "yearago_adj": (kw("year"), kw("ago", "earlier")),
        "relunit": (kw("week", "weekend", "month", "year", "decade", "century"),),
        "theunit": (kw("year", "month", "week", "weekend"),),
        "dayword": (kw("today", "tonight", "yesterday", "tomorrow"),),
        "partday": (parts,),
        "thispart": (parts,),
        "inpart": (kw("morning", "afternoon", "evening"),),
        "daybefore": (kw("day"),),
        "weekof": (month, digit, kw("week")),
        "weekofmonth": (month, kw("week")),
        "qabbr": (kw("q", "h", "fy"), digit),
        "fromnow": (kw("from"), kw("now", "today"), unit),
        "weekday": (_heads(lex["weekday"]),),
        # "5 a.m." ("a", "m"), "5am", "11 pm", "noon", "nine o'clock", "4 in the morning"
        "clock": (kw("m", "am", "pm", "noon", "midnight", "midday", "clock") | parts,),
        "ago": (kw("ago"), unit),
        "vagueago": (kw("ago"), unit),
        "later": (unit, kw("later", "earlier", "afterward", "afterwards", "before", "after")),
        "nextday": (
            kw("day", "morning", "afternoon", "evening", "night", "week", "month", "year"),
        ),
        "duration": (unit,),
        "halfunit": (kw("half"),),
        "vagueunit": (
            kw(
                "seconds",
                "minutes",
                "hours",
                "days",
                "weeks",
                "months",
                "quarters",
                "years",
                "decades",
            ),
        ),
        "set": (kw("every", "each", "per"),),
        "setadv": (_heads(lex["set_adverb"]),),
        "times": (kw("once", "twice", "times"), unit),
        "holiday": (_heads(lex["holiday"]),),
        "ref": (_heads(lex["ref"]),),
    }


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[Rule, ...], Fragments]:
    """All rules, compiled once, with the fragments they were built from."""
    lex = load_lexicon()
    frag = fragments(lex)
    needs = _needs(lex)
    rules = []
    for n, p, flags in _rules(frag):
        pattern = re.compile(p, flags)
        rules.append(Rule(n, pattern, needs[n], word_start_scanner(pattern)))
    return tuple(rules), frag


# ---------------------------------------------------------------------------------------------
# Scanning only where a match can begin (issue 8)
#
# ``finditer`` tries a pattern at every position of the text. Most rules begin every match
# with ``\b`` and a word character ("the", a number, a month's name): such a match can only
# begin where a word begins, and a guard ``\b(?=\w)`` put before the pattern turns every other
# position away in one step instead of after the pattern's optional groups (about twice as fast
# over the keyword windows). The guard changes no match: it holds wherever the pattern matches.
# Whether a pattern is of that kind is read from its parsed form; anything not understood
# below says no, and the pattern is scanned as it is.

_parser: Any = importlib.import_module("re._parser")  # the parsed form of a pattern
_sre: Any = importlib.import_module("re._constants")
_LARGEST_RANGE = 512  # a character class range is checked character by character


def word_start_scanner(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""``pattern`` behind the guard ``\b(?=\w)`` if every match of it begins a word (see
    ``starts_a_word``), else None."""
    if not starts_a_word(pattern) or _begins_with_a_word(pattern):
        return None
    try:
        return re.compile(r"\b(?=\w)(?:" + pattern.pattern + ")", pattern.flags)
    except re.error:  # global inline flags, which must stay first: scan as it is
        return None


def _begins_with_a_word(pattern: re.Pattern[str]) -> bool:
    r"""Does the pattern begin with ``\b`` and a fixed letter ("\bthe\s+week")? The regular
    expression engine skips ahead to such a letter by itself: the guard would only slow it."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    return (
        len(items) > 1 and items[0] == (_sre.AT, _sre.AT_BOUNDARY) and items[1][0] is _sre.LITERAL
    )


def starts_a_word(pattern: re.Pattern[str]) -> bool:
    r"""Does every way of matching ``pattern`` test ``\b`` and then read a word character as its
    first character (lookarounds and other zero-width tests may stand between)? Then every
    match begins where a word begins."""
    if pattern.flags & (re.ASCII | re.LOCALE):
        return False  # ``\b`` and ``\w`` would follow other rules than ``str.isalnum``
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return False
    return _word_first(list(parsed), 0, False, lambda _bound: False)


def _word_first(
    items: list[tuple[Any, Any]], k: int, bound: bool, rest: Callable[[bool], bool]
) -> bool:
    """Every path through ``items[k:]`` and then ``rest`` reads a word character first, after
    a ``\b`` (``bound``: one was passed). ``rest`` answers for what follows the items."""
    if k == len(items):
        return rest(bound)
    op, av = items[k]

    def after(passed: bool) -> bool:
        return _word_first(items, k + 1, passed, rest)

    if op is _sre.AT:
        return after(bound or av is _sre.AT_BOUNDARY)
    if op is _sre.ASSERT or op is _sre.ASSERT_NOT:
        return after(bound)  # a lookaround reads nothing
    if op is _sre.LITERAL:
        return bound and _is_word(av)
    if op is _sre.IN:
        return bound and all(_word_item(item) for item in av)
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if (add_flags | del_flags) & (re.ASCII | re.LOCALE):
            return False
        return _word_first(list(body), 0, bound, after)
    if op is _sre.BRANCH:
        return all(_word_first(list(alt), 0, bound, after) for alt in av[1])
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
        least, most, body = av
        if least == 0 and not after(bound):
            return False  # the repeated part may be left out
        # once in: "?" goes on after the part; a longer repeat's part must read a word
        # character itself (what follows an empty round is not followed here)
        then = after if most == 1 else (lambda _bound: False)
        return _word_first(list(body), 0, bound, then)
    return False  # anything else (a back-reference, any character, ...): not known


def _is_word(code: int) -> bool:
    r"""A word character for ``\w``; its other cases (``re.IGNORECASE``) are letters too."""
    char = chr(code)
    return char.isalnum() or char == "_"


def _word_item(item: tuple[Any, Any]) -> bool:
    """Does this member of a character class hold word characters only?"""
    op, av = item
    if op is _sre.LITERAL:
        return _is_word(av)
    if op is _sre.RANGE:
        low, high = av
        return high - low < _LARGEST_RANGE and all(_is_word(c) for c in range(low, high + 1))
    if op is _sre.CATEGORY:
        return av is _sre.CATEGORY_DIGIT or av is _sre.CATEGORY_WORD
    return False
