"""Indirect speech: "X said that ...", "X warned Y would ...", "X urged Y to ...", "according to X".

The content of a cue verb is its clausal complement (``ccomp``, or an ``xcomp`` that is not
itself a cue: "vowed to continue"), less a trailing clause of speech of its own (", saying
...", ", as the paper explains"); the content of "according to X" is the rest of its
sentence, on the side of the phrase that holds the clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whodid.nlp.tree import children
from whodid.quotes.cues import Cue, CueLexicon
from whodid.text.doctext import doc_text

__all__ = ["Reported", "reported_content"]

_EDGE = " \t\r\n,;:.—–-"


@dataclass(slots=True)
class Reported:
    """A cue with the character extent of what it reports."""

    cue: Cue
    cue_tokens: list[Token]
    start: int
    end: int


def _extent(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _complement(verb: Token, cues: CueLexicon) -> Token | None:
    for child in children(verb):
        if child.dep_ == "ccomp":
            return child
    for child in children(verb):
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and cues.match(child) is None:
            return child
    return None


def _according(token: Token, cue: Cue, covered: list[Token]) -> Reported | None:
    doc = token.doc
    sent = token.sent
    phrase_start = token.idx
    last = max(covered, key=lambda t: t.i)
    to = last if last.lower_ == "to" else None
    pobj = next((c for c in children(to) if c.dep_ == "pobj"), None) if to is not None else None
    end_tok = pobj.right_edge if pobj is not None else last
    phrase_end = end_tok.idx + len(end_tok.text)
    before = _trim(doc_text(doc), sent.start_char, phrase_start)
    after = _trim(doc_text(doc), phrase_end, sent.end_char)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    if end - start < 3:
        return None
    return Reported(cue, covered, start, end)


def reported_content(token: Token, *, cues: CueLexicon) -> Reported | None:
    """The indirect speech the word ``token`` introduces, if it is a cue that has any."""
    match = cues.match(token)
    if match is None:
        return None
    cue, covered = match
    if cue.kind == "source":
        return _according(token, cue, covered)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    comp = _complement(token, cues)
    if comp is None:
        return None
    start, end = _extent(comp)
    for inner in comp.subtree:  # ", saying ...", ", as the paper explains": a speech of its own
        if inner.dep_ == "advcl" and inner.idx > token.idx and cues.match(inner) is not None:
            cut = inner.left_edge.idx
            if start < cut < end and inner.right_edge.idx + len(inner.right_edge) >= end - 2:
                end = cut
    start, end = _trim(doc_text(token.doc), start, end)
    if end - start < 3 or start <= token.idx < end:
        return None
    return Reported(cue, covered, start, end)
