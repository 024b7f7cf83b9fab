"""Quotation marks in plain text: the stretches that stand in them.

Straight (``"``) and curly (``“ ”``) double marks and guillemets are paired within a
paragraph. A straight mark opens when it follows a space, a line start or an opening bracket,
and closes otherwise. A quotation still open at the end of a paragraph continues when the next
paragraph opens with a quotation mark (the news convention for quotes over several
paragraphs); otherwise it runs to the paragraph's end only when it opened the paragraph, and is
dropped as a stray mark when it did not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Marked", "quoted_stretches"]

OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»‟")
STRAIGHT = '"'
_ALL = OPENERS | CLOSERS | {STRAIGHT}
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_MARK = re.compile("[" + re.escape("".join(sorted(_ALL))) + "]")  # any one of the marks


@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch in quotation marks: ``start``/``end`` include the marks; ``pieces`` are the
    stretch's parts when it runs over several paragraphs (one piece per paragraph)."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - (1 if self.end > self.start + 1 else 0)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _opens(text: str, i: int, para_start: int) -> bool:
    """Does the mark at ``i`` open a quotation? Curly marks say so themselves, unless set
    the wrong way round (a closing mark at a paragraph start, before a word)."""
    ch = text[i]
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    starts = before.isspace() or before in "([{—–-―/:"
    if ch in OPENERS:
        return True
    if ch in CLOSERS:
        return i == para_start and after.isalnum()
    return starts


def _first_mark(text: str, start: int, end: int) -> int | None:
    """Index of a quotation mark opening the paragraph [start, end), if it opens with one."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i if i < end and text[i] in OPENERS | {STRAIGHT} else None


def quoted_stretches(text: str) -> list[Marked]:
    """Every stretch of ``text`` in double quotation marks, in text order."""
    found: list[Marked] = []
    paragraphs = _paragraphs(text)
    carry: list[tuple[int, int]] = []  # pieces of a quotation open at the last paragraph's end
    for p, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        if carry:
            opener = _first_mark(text, p_start, p_end)
            if opener is None:  # the open quotation ends with its paragraph after all
                _close_carry(found, carry)
                carry = []
            else:
                open_at = opener
        # the paragraph's quotation marks, in order (other characters change nothing)
        for mark in _MARK.finditer(text, p_start if open_at is None else open_at + 1, p_end):
            i = mark.start()
            ch = text[i]
            if open_at is None:
                if _opens(text, i, p_start):
                    open_at = i
            elif ch in OPENERS and text[open_at] in OPENERS and not carry:
                open_at = i  # two openers: the first was stray
            elif ch in CLOSERS or ch == STRAIGHT:
                if (
                    ch == STRAIGHT
                    and _opens(text, i, p_start)
                    and i + 1 < p_end
                    and not text[i + 1].isspace()
                ):
                    open_at = i  # '" "' with a new opener: the first was stray
                else:
                    pieces = (*carry, (open_at, i + 1))
                    found.append(Marked(pieces[0][0], i + 1, tuple(pieces)))
                    carry, open_at = [], None
        if open_at is not None:
            piece = (open_at, _trim_end(text, p_start, p_end))
            nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
            if nxt is not None and _first_mark(text, *nxt) is not None:
                carry = [*carry, piece]
            elif carry or _first_mark(text, p_start, p_end) == open_at:
                _close_carry(found, [*carry, piece])
                carry = []
            else:
                carry = []
    if carry:
        _close_carry(found, carry)
    return found


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _close_carry(found: list[Marked], pieces: list[tuple[int, int]]) -> None:
    found.append(Marked(pieces[0][0], pieces[-1][1], tuple(pieces)))
