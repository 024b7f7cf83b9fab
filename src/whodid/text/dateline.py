"""Find the dateline that opens a wire story: "NAIROBI, March 4 (Wire) -".

The dateline names where the story was filed (useful for geocoding) and is itself no part of
any event.  Only the lines at the start of the text are searched, and only the dateline, never
the sentence after it, is returned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["dateline_place", "dateline_span", "UPPER"]

_UP = "A-ZÀ-ÖØ-Þ"  # upper-case letters, Latin-1 range included
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
_CAPS_WORD = rf"[{_UP}](?:[{_UP}.'’]|-(?=[{_UP}]))+"
_TITLE_WORD = rf"[{_UP}][\w.'’\-]*"
_CONNECTOR = r"(?:de|del|da|do|dos|das|di|du|des|la|le|el|al|of|on|upon|am|an|im|sur|en)"
_REGION = (
    rf"(?!{_MONTH}\b)(?:{_TITLE_WORD}|{_CAPS_WORD})(?:[ ]+(?:{_TITLE_WORD}|{_CONNECTOR})){{0,3}}"
)
_AGENCY = r"\([ ]?[A-Za-z][\w.&'’\-]*(?:[ ][A-Z][\w.&'’\-]*){0,2}[ ]?\)"
_DASH = r"(?:-{1,3}(?=\s)|_{1,2}(?=\s)|[—–―]|:(?=\s))"

# Datelines: "MEXICO CITY (Reuters) -", "WASHINGTON, Dec 11 (AP) —", "SOUTH CHARLESTON, W.Va. --",
# "Kabul, Afghanistan (CNN) --".  Upper-case places may omit the agency, title-case ones may not.
_CAPS_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,4}}(?:,[ ]?{_REGION})?)"
    rf"(?:,[ ]?{_DATE})?[ ]?(?:{_AGENCY})?[ ]?{_DASH}(?=\s*\S)"
)
_TITLE_DATELINE = re.compile(
    rf"(?P<place>{_TITLE_WORD}(?:[ ](?:{_TITLE_WORD}|{_CONNECTOR})){{0,4}}(?:,[ ]?{_REGION})?)"
    rf"(?:,[ ]?{_DATE})?[ ]?{_AGENCY}[ ]?{_DASH}(?=\s*\S)"
)
# upper-case openers that are labels, not places
_LABELS = (
    "BREAKING UPDATE UPDATED EXCLUSIVE ANALYSIS WATCH LIVE OPINION EDITORIAL FILE PHOTO VIDEO"
    " NOTE WARNING CORRECTION EDITOR'S EDITORS FACTBOX EXPLAINER REVIEW INTERVIEW COMMENT NEWS"
    " WORLD TOP FEATURES FEATURE BYLINE HEADLINE HIGHLIGHTS SUMMARY SOURCE SOURCES LEAD ALERT"
    " URGENT FLASH DEVELOPING BACKGROUND CONTEXT TRANSCRIPT PHOTOS GRAPHIC"
)
_NOT_PLACES = frozenset(_LABELS.split())
# "UN:" and "EU -" open headlines: a dateline without an agency names a longer place
_MIN_BARE_PLACE = 4
_SPEAKER_TURN = re.compile(rf"^[ \t]*{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}:[ ]", re.M)
_LINE = re.compile(r"[^\n]*")
_DATELINE_SEARCH_LINES = 8  # a dateline opens the body: look only at the first few lines

UPPER = _UP


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_starts(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each non-empty line, in order, found as the caller asks (a
    dateline is looked for in the first few lines only)."""
    for m in _LINE.finditer(text):
        if m.start() != m.end():
            yield m.start(), m.end()


# -- search --------------------------------------------------------------------------------


def _plausible_dateline(match: re.Match[str]) -> bool:
    place = match.group("place")
    if place.split()[0].rstrip(",:") in _NOT_PLACES:
        return False
    rest = match.group()[len(place) :]
    if "(" in rest:
        return True
    if len(place.replace(" ", "")) < _MIN_BARE_PLACE:
        return False
    # "JAKE TAPPER:" opening several lines is a transcript's speaker, not a dateline
    return not (rest.rstrip().endswith(":") and len(_SPEAKER_TURN.findall(match.string)) > 1)


# The last text asked about and its dateline match: the places, the boilerplate and the news
# layout ask about the same text in turn (one slot: nothing grows). The same text may come as
# another string object (the pipeline's ``article.text`` and the Doc's text): the match depends
# on the characters only, and callers read only its offsets.
_last: tuple[str, re.Match[str] | None] | None = None


def _dateline_match(text: str) -> re.Match[str] | None:
    global _last
    last = _last
    if last is not None and (last[0] is text or last[0] == text):
        return last[1]
    match = _find_dateline(text)
    _last = (text, match)
    return match


def _find_dateline(text: str) -> re.Match[str] | None:
    seen = 0
    for start, end in _line_starts(text):
        if not text[start:end].strip():
            continue
        seen += 1
        if seen > _DATELINE_SEARCH_LINES:
            break
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        for pattern in (_CAPS_DATELINE, _TITLE_DATELINE):
            match = pattern.match(text, lead)
            if match and _plausible_dateline(match):
                return match
    return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Span of the dateline that opens the story ("NAIROBI, March 4 (Wire) -"), if any."""
    match = _dateline_match(text)
    return (match.start(), match.end()) if match else None


def dateline_place(text: str) -> tuple[int, int] | None:
    """Span of the place name in the story's dateline ("MEXICO CITY", "Kabul, Afghanistan")."""
    match = _dateline_match(text)
    if match is None:
        return None
    start, end = _trim(text, match.start("place"), match.end("place"))
    return (start, end) if end > start else None
