"""Find the parts of a news text that are not the story itself.

Photo captions and credits, copyright notices, bylines, the dateline that opens a wire story,
"Read more" link lists, newsletter and social-media prompts and the "Reporting by ...; Editing
by ..." tail must never yield events.  :func:`boilerplate_spans` returns their character ranges;
the text itself is never changed, so every offset stays valid for the original string.

All rules are general patterns of news layout, compiled once at import time.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable

from whodid.text.dateline import UPPER as _UP
from whodid.text.dateline import dateline_place, dateline_span

__all__ = [
    "boilerplate_spans",
    "dateline_place",
    "dateline_span",
    "in_boilerplate",
    "mask_boilerplate",
]

logger = logging.getLogger(__name__)


# Photo agencies and picture desks that appear after a slash in a credit ("Jane Doe/Reuters").
_AGENCIES = (
    r"(?:Reuters|AFP|AP|EPA(?:-EFE)?|EFE|Getty(?: Images)?|Bloomberg|Xinhua|Anadolu(?: Agency)?"
    r"|Sipa(?: USA)?|Shutterstock|Alamy|NurPhoto|SOPA Images|LightRocket|Handout|Pool|dpa"
    r"|TASS|Sputnik|Kyodo|Yonhap|ZUMA(?: Press| Wire)?|Zuma(?: Press| Wire)?|Corbis|PA(?: Wire)?"
    r"|ANSA|Jiji(?: Press)?|IRNA|WANA|Redux|Polaris|Contributor|Staff|File)"
)
_NAME = r"[A-ZÀ-Þ][\w.'’\-]*(?:[ ][A-ZÀ-Þ][\w.'’\-]*){0,4}"

_PHOTO_CREDIT_INLINE = re.compile(
    "|".join(
        (
            # (Photo: Reuters), (Photo by Jane Doe), (File photo/AFP), (Image credit: X)
            r"\((?i:file[ ])?(?i:photo(?:graph)?s?|images?|pictures?)(?i:[ ]credit)?[ ]?"
            r"(?::|/|(?i:by|courtesy(?: of)?)\b)[^()\n]{1,100}\)",
            # (AP Photo/Jane Doe, File)  AP Photo/Jane Doe
            rf"\(?\b[{_UP}][\w&\-]*(?:[ ][{_UP}][\w&\-]*){{0,2}}[ ]Photos?[ ]?/[ ]?{_NAME}"
            r"(?:,[ ]File)?\)?",
            # Photo by RODRIGO ARANGUA/AFP via Getty Images
            rf"\bPhoto(?:graph)?s?[ ](?:by|courtesy of)[ ]{_NAME}(?:[ ]?/[ ]?{_NAME})?"
            r"(?:[ ](?:via|for)[ ]Getty[ ]Images)?",
            # Jane Doe/AFP via Getty Images, Jane Doe for Getty Images, Jane Doe/Reuters
            rf"\b{_NAME}[ ]?/[ ]?{_NAME}[ ]via[ ]Getty[ ]Images\b",
            rf"\b{_NAME}[ ](?:via|for)[ ]Getty[ ]Images\b",
            rf"\b{_NAME}[ ]?/[ ]?{_AGENCIES}\b(?=[ \t]*[.)]?[ \t]*$)",
            # a slash credit after the caption's last sentence: "... in Tokyo. Jane Doe/Wire"
            rf"(?<=[.!?”\"][ ]){_NAME}[ ]?/[ ]?{_NAME}(?=[ \t]*\.?[ \t]*$)",
            # a line that is only a slash credit: "Jane Doe/Wire"
            rf"^[ \t]*{_NAME}[ ]?/[ ]?{_NAME}(?=[ \t]*\.?[ \t]*$)",
        )
    ),
    re.M,
)
# A whole line that is a caption or a credit.
_CAPTION_LINE = re.compile(
    r"^[ \t]*(?:"
    r"(?i:(?:file[ ])?(?:photo(?:graph)?s?|images?|pictures?|video|illustration|graphic))"
    r"(?i:[ ]credit)?[ ]?(?::|/|(?i:by|courtesy|copyright|caption)\b)"
    r"|(?i:file(?:[ ]photo)?)[ ]?[-–—:]"
    r"|(?i:in[ ]this[ ](?:\w+[ ]){0,3}(?:photo(?:graph)?|image|picture)\b)"
    r"|(?i:(?:file|courtesy|staff|handout|pool|contributed|submitted)[ ]photo)\b"
    r"|Getty(?:[ ]Images)?\.?[ \t]*$"
    r")[^\n]*$",
    re.M,
)
_MAX_CREDIT_LINE = 80  # a line that is only a credit is short
_MAX_CAPTION_LINE = 400  # a credit ends a caption line only if the line is that short

_COPYRIGHT = re.compile(
    "|".join(
        (
            r"^[ \t]*(?:©(?!\w)|\((?i:c)\)[ ]\d{4}|(?i:copyright)\b|(?i:all rights reserved))"
            r"[^\n]*$",
            # "©" right after a letter is mojibake ("Ã©" for "é"), not a notice
            r"(?:(?<!\w)©[ ]?(?=\d{4}|[A-Z])|\b(?i:copyright)[ ](?:©[ ]?)?\d{4})[^\n]*",
            r"\b(?i:all rights reserved)\.?",
            r"\b(?i:this (?:material|article|content|story))[^\n.]{0,60}"
            r"\b(?i:may not be)[^\n.]*\.?",
            r"\b(?i:do not (?:reproduce|republish|redistribute|copy))[^\n.]*\.?",
            r"\b(?i:reproduction)[^\n.]{0,40}\b(?i:prohibited)\.?",
        )
    ),
    re.M,
)
# Words one of which every _COPYRIGHT match holds (lower case). A text without any of them is
# not scanned, unless it holds one of the four letters that ignore-case matching equates with
# an ASCII letter lower() does not give (dotted and dotless i, long s, Kelvin sign).
_COPYRIGHT_WORDS = (
    "©",
    "(c)",
    "copyright",
    "all rights reserved",
    "may not be",
    "do not",
    "reproduction",
)
_CASE_ODD = frozenset("\u0130\u0131\u017f\u212a")


def _may_hold(text: str, *, cased: Iterable[str] = (), lower: Iterable[str] = ()) -> bool:
    """Whether ``text`` holds one of the ``cased`` strings, or of the ``lower`` ones in lower case
    (always true when it holds a letter of ``_CASE_ODD``): the words every match of a pattern
    holds, so that a text without any is not scanned."""
    if any(w in text for w in cased):
        return True
    lowered = text.lower()
    return any(w in lowered for w in lower) or not _CASE_ODD.isdisjoint(text)


def _copyright_spans(text: str) -> list[tuple[int, int]]:
    if not _may_hold(text, lower=_COPYRIGHT_WORDS):
        return []
    return [(m.start(), m.end()) for m in _COPYRIGHT.finditer(text)]


_BYLINE_TOKEN = rf"(?:[{_UP}][\w.'’\-]*+|and|of|the|for|in|de|van|von|bin|al)"
_BYLINE = re.compile(
    rf"^[ \t]*By[ ]+[{_UP}][\w.'’\-]*+"
    rf"(?:(?:[ \t]*+[,&|\-–—][ \t]*+|[ \t]++){_BYLINE_TOKEN})*+[ \t]*$",
    re.M,
)
_MAX_BYLINE_WORDS = 14
_CREDITS_TAIL = re.compile(
    r"\((?:Additional[ ])?(?:Reporting|Writing|Editing|Compiled|Produced|Edited|Written"
    r"|Translated|Research)[ ]by\b[^()\n]*\)?\.?"
    r"|^[ \t]*(?:Additional[ ])?(?:Reporting|Writing|Editing|Compiled|Produced|Edited|Written"
    r"|Translated|Research)[ ]by\b[^\n]*$"
    r"|^[^\n.]{0,120}\bcontributed[ ](?:reporting[ ])?to[ ]this[ ](?:report|story|article)"
    r"\.?[ \t]*$",
    re.M,
)
_RELATED_HEAD = (
    r"(?i:read[ ]more|read[ ]also|also[ ]read|read[ ]next|see[ ]also|more[ ]on[ ]this(?:[ ]story)?"
    r"|related(?:[ ](?:coverage|stories|articles?|content|news|topics|reading))?"
    r"|recommended(?:[ ]stories)?|most[ ]read|you[ ]may[ ]also[ ]like|watch|listen|more)"
)
_RELATED_LINE = re.compile(rf"^[ \t]*{_RELATED_HEAD}[ \t]*(?:$|[:|»—–\-][^\n]*$)", re.M)
_RELATED_ALONE = re.compile(rf"^[ \t]*{_RELATED_HEAD}[ \t]*:?[ \t]*$", re.M)
_PROMPTS = re.compile(
    "|".join(
        (
            r"^[ \t]*(?:Sign[ ]up|Subscribe|Register)\b[^\n]{0,200}$",
            r"\b(?:Sign[ ]up|SIGN[ ]UP)[ ](?i:for|to)\b[^\n.!?—]{0,60}"
            r"\b(?i:newsletters?|alerts?|updates|emails?|briefings?|digest|bulletins?)\b"
            r"[^\n.!?—]*[.!]?",
            r"\b(?:Follow|FOLLOW)[ ](?:(?i:us)|[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)[ ](?i:on)[ ]"
            r"(?i:twitter|x|facebook|instagram|telegram|youtube|tiktok|linkedin|whatsapp|threads"
            r"|bluesky|google news|social media)\b[^\n.!?]*[.!]?",
            r"^[ \t]*(?i:this story is from)[ ][^\n]{0,40}$",
            r"^[ \t]*(?:Advertisement|ADVERTISEMENT|Story continues below(?: advertisement)?"
            r"|Continue reading(?: the main story)?|Share this (?:article|story)"
            r"|Share on (?:Facebook|Twitter|X|WhatsApp)|Click here\b[^\n]*|Skip Ad|Buy Photo"
            r"|View Photos?|Show caption|Hide caption|Toggle caption|Enlarge this image"
            r"|(?:Image|Photo)?[ ]?\d+[ ]of[ ]\d+)[ \t]*$",
            r"\b(?:Buy Photo|View Photos|Skip Ad|Full Screen|Autoplay|hide caption"
            r"|toggle caption)\b",
            r"\bWait \d+ seconds? to continue\.?",
        )
    ),
    re.M,
)
# One of these (as written), or a "3 of 12" counter, is in every _PROMPTS match.
_PROMPT_WORDS = (
    "Sign up",
    "SIGN UP",
    "Subscribe",
    "Register",
    "Follow",
    "FOLLOW",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below",
    "Continue reading",
    "Share this ",
    "Share on ",
    "Click here",
    "Skip Ad",
    "Buy Photo",
    "View Photo",
    "Show caption",
    "Hide caption",
    "hide caption",
    "Toggle caption",
    "toggle caption",
    "Enlarge this image",
    "Full Screen",
    "Autoplay",
    "Wait ",
)
_COUNTER = re.compile(r"\d[ ]of[ ]\d")
# Every _PHOTO_CREDIT_INLINE match holds a slash or one of these words (in lower case).
_CREDIT_WORDS = ("photo", "image", "picture", "getty")
_HEADLINE_LIKE_MAX = 120
_MIN_HEADLINE, _MAX_HEADLINE = 12, 200  # letters and digits of a headline worth comparing
_NORM = re.compile(r"[\W_]+")


# -- helpers -----------------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _is_headline_like(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _HEADLINE_LIKE_MAX and stripped[-1] not in ".!?\"”’'"


# -- the other rules --------------------------------------------------------------------------


def _caption_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _CAPTION_LINE.finditer(text)]
    bounds = _lines(text)
    starts = [start for start, _ in bounds]
    credits = (
        _PHOTO_CREDIT_INLINE.finditer(text)
        if _may_hold(text, cased=("/",), lower=_CREDIT_WORDS)
        else ()
    )
    for match in credits:
        spans.append((match.start(), match.end()))
        # a credit that ends a short line makes the whole line a caption
        start, end = bounds[bisect.bisect_right(starts, match.start()) - 1]
        tail = text[match.end() : end].strip(" \t.)")
        if not tail and end - start <= _MAX_CAPTION_LINE:
            spans.append((start, end))
    return spans + _captions_above_credits(text, bounds, spans)


def _captions_above_credits(
    text: str, bounds: list[tuple[int, int]], credits: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A short line directly above a line that is only a credit is that photo's caption."""
    covered = {_trim(text, s, e) for s, e in credits}
    nonblank = [i for i, (s, e) in enumerate(bounds) if text[s:e].strip()]
    if not nonblank:
        return []
    out = []
    for i in nonblank:
        start, end = bounds[i]
        if i - 1 <= nonblank[0] or end - start > _MAX_CREDIT_LINE:
            continue
        if _trim(text, start, end) not in covered:
            continue
        above_start, above_end = bounds[i - 1]
        if text[above_start:above_end].strip() and above_end - above_start <= _MAX_CAPTION_LINE:
            out.append((above_start, above_end))
    return out


def _byline_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for match in _BYLINE.finditer(text):
        words = match.group().split()
        if len(words) <= _MAX_BYLINE_WORDS and not match.group().rstrip().endswith("."):
            out.append((match.start(), match.end()))
    return out


def _related_spans(text: str) -> list[tuple[int, int]]:
    out = [(m.start(), m.end()) for m in _RELATED_LINE.finditer(text)]
    bounds = _lines(text)
    for match in _RELATED_ALONE.finditer(text):
        # "Read more" alone on its line: the headlines of other stories follow it
        index = next(i for i, (s, e) in enumerate(bounds) if s <= match.start() <= e)
        for start, end in bounds[index + 1 :]:
            line = text[start:end]
            if not line.strip():
                continue
            if not _is_headline_like(line):
                break
            out.append((start, end))
    return out


def _headline_repeat_spans(text: str) -> list[tuple[int, int]]:
    """A caption line that repeats the headline right before the body."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    if len(lines) < 2:
        return []
    headline = _NORM.sub("", text[lines[0][0] : lines[0][1]]).casefold()
    if not _MIN_HEADLINE <= len(headline) <= _MAX_HEADLINE:
        return []
    out = []
    for start, end in lines[1:5]:
        line = _NORM.sub("", text[start:end]).casefold()
        if line.startswith(headline) and len(line) <= 2 * len(headline) + 60:
            out.append((start, end))
    return out


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges (start, end exclusive) of ``text`` that are not part of the story.

    The ranges are sorted, do not overlap, and are trimmed of surrounding white space.
    """
    spans: list[tuple[int, int]] = []
    spans += _caption_spans(text)
    spans += _copyright_spans(text)
    spans += _byline_spans(text)
    spans += [(m.start(), m.end()) for m in _CREDITS_TAIL.finditer(text)]
    spans += _related_spans(text)
    if (
        _may_hold(text, cased=_PROMPT_WORDS, lower=("this story is from",))
        or _COUNTER.search(text) is not None
    ):
        spans += [(m.start(), m.end()) for m in _PROMPTS.finditer(text)]
    spans += _headline_repeat_spans(text)
    dateline = dateline_span(text)
    if dateline:
        spans.append(dateline)
    trimmed = (_trim(text, start, end) for start, end in spans)
    result = _merge(trimmed)
    logger.debug("boilerplate: %d spans, %d chars", len(result), sum(e - s for s, e in result))
    return result


def in_boilerplate(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if the range ``start``-``end`` lies wholly inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


def mask_boilerplate(text: str, *, spans: list[tuple[int, int]] | None = None) -> str:
    """``text`` with boilerplate characters replaced by spaces (newlines kept), same length."""
    if spans is None:
        spans = boilerplate_spans(text)
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
