"""Transcripts: a paragraph that opens with a speaker's name in capitals and a colon
("WALLACE: Let's start ...") is that speaker's quote; the colon is the cue."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from whodid.text.doctext import doc_text

__all__ = ["Labelled", "speaker_labels"]

_LABEL = re.compile(
    r"^[ \t\u00a0]*[\"“]?[ \t]*"  # the paragraph's start, maybe a quotation mark
    r"(?P<name>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,3})"  # NAME or TWO NAMES
    r"(?P<colon>:)[ \t\u00a0]+(?P<said>\S[^\n]*)",  # a colon, then the words said
    re.MULTILINE,
)
# Capitalised labels that head a paragraph without naming a speaker.
_NOT_SPEAKERS = frozenset(
    {
        "UPDATE",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "WATCH",
        "READ MORE",
        "RELATED",
        "PHOTOS",
        "VIDEO",
        "CORRECTION",
        "CLARIFICATION",
        "SOURCE",
        "SOURCES",
        "Q",
        "A",
        "FILE",
        "PHOTO",
        "AP",
        "UPI",
    }
)


@dataclass(frozen=True, slots=True)
class Labelled:
    speaker: Token
    colon: Token
    start: int
    end: int


def speaker_labels(doc: Doc) -> list[Labelled]:
    """Every paragraph of ``doc`` that a capitalised speaker label opens."""
    found: list[Labelled] = []
    for m in _LABEL.finditer(doc_text(doc)):
        name = m.group("name").strip()
        if name in _NOT_SPEAKERS or len(name) < 2:
            continue
        colon = doc.char_span(m.start("colon"), m.end("colon"), alignment_mode="expand")
        who = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        said = m.group("said").rstrip()
        if colon is None or who is None or len(said) < 3:
            continue
        start = m.start("said")
        found.append(Labelled(who[-1], colon[0], start, start + len(said)))
    return found
