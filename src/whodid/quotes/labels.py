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


# "Jane Roe: We will win" opening a paragraph (headlines, interview round-ups): a person's
# name in ordinary capitals, then a colon and one sentence; only taken when the parser calls
# the name a PERSON.
_NAMED = re.compile(
    r"^[ \t\u00a0]*(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3})"
    r"(?P<colon>:)[ \t\u00a0]+(?P<said>\S[^\n]*)",
    re.MULTILINE,
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
    text = doc_text(doc)
    matches = list(_LABEL.finditer(text))
    taken = {m.start() for m in matches}
    matches += [m for m in _NAMED.finditer(text) if m.start() not in taken and _person(doc, m)]
    for m in sorted(matches, key=lambda m: m.start()):
        name = m.group("name").strip()
        if name.upper() in _NOT_SPEAKERS or len(name) < 2:
            continue
        colon = doc.char_span(m.start("colon"), m.end("colon"), alignment_mode="expand")
        who = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        said = m.group("said").rstrip()
        if colon is None or who is None or len(said) < 3:
            continue
        start = m.start("said")
        found.append(Labelled(who[-1], colon[0], start, start + len(said)))
    return found


def _person(doc: Doc, m: re.Match[str]) -> bool:
    """Is the label's name, all of it, a person's name by the parser's entities?"""
    who = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    if who is None or not all(t.ent_type_ == "PERSON" for t in who):
        return False
    said = doc.char_span(m.start("said"), m.end("said"), alignment_mode="expand")
    # one sentence ("Roe: We will win."), not a section heading run into its paragraph
    return said is not None and said[0].sent.end >= said.end
