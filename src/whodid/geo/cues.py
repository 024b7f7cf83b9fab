"""Place names announced by a word of place ("the village of Tal Bizam", "Damboa town").

Villages, districts and camps are often missing from the gazetteer and from the model's
entities; the words around them still say they are places. The cue words live in
``data/geo/place_cues.tsv``. A mention so found keeps its span; it resolves only if the
gazetteer knows the name.
"""

from __future__ import annotations

import functools

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from whodid.geo.gazetteer import GazetteerError, _rows

__all__ = ["PlaceCues", "cue_spans", "place_cues"]

# lower-case particles inside Arabic and Romance place names: "Deir al-Zour", "Ciudad de Mexico"
_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "de", "del", "la", "bin", "ibn"})
_NAME_ENTITIES = frozenset({"", "GPE", "LOC", "FAC", "ORG", "PERSON"})  # unknown names: PERSON
_MAX_WORDS = 5
_JOINERS = frozenset({"-", "’", "'"})


class PlaceCues:
    """Cue words standing before "of" (``before``) or after a name (``after``)."""

    def __init__(self, before: frozenset[str], after: frozenset[str]) -> None:
        self.before = before
        self.after = after
        # the words' hashes, to find them among a Doc's lower-cased tokens at once
        self.hashes = frozenset(get_string_id(w) for w in before | after)


@functools.cache
def place_cues() -> PlaceCues:
    name = "place_cues.tsv"
    before: set[str] = set()
    after: set[str] = set()
    for lineno, (cue, kind) in _rows(name, columns=2):
        if kind == "before":
            before.add(cue.lower())
        elif kind == "after":
            after.add(cue.lower())
        else:
            raise GazetteerError(f"{name}:{lineno}: kind {kind!r} is not before/after")
    return PlaceCues(frozenset(before), frozenset(after))


def _capital(token: Token) -> bool:
    if token.ent_type_ not in _NAME_ENTITIES or token.like_num or token.is_punct:
        return False
    return token.text[:1].isupper()


def _joiner(token: Token) -> bool:
    return token.lower_ in _PARTICLES or token.text in _JOINERS


def _name_end(doc: Doc, start: int) -> int:
    """End of the capitalised name that starts at ``start`` (``start`` when there is none)."""
    end = i = start
    while i < len(doc) and i - start < _MAX_WORDS + 2:
        if _capital(doc[i]):
            i += 1
            end = i
        elif _joiner(doc[i]) and end > start:
            i += 1
        else:
            break
    return end


def _name_start(doc: Doc, end: int) -> int:
    """Start of the capitalised name that ends right before ``end``."""
    start = i = end
    while i > 0 and end - i < _MAX_WORDS + 2:
        if _capital(doc[i - 1]):
            i -= 1
            start = i
        elif _joiner(doc[i - 1]) and start < end:
            i -= 1
        else:
            break
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start


def cue_spans(doc: Doc, cues: PlaceCues | None = None) -> list[tuple[int, int]]:
    """Token ranges [start, end) of names that a place cue announces."""
    cues = cues or place_cues()
    spans: list[tuple[int, int]] = []
    lowers = doc.to_array(LOWER).tolist() if len(doc) else []
    for at in [i for i, word in enumerate(lowers) if word in cues.hashes]:
        cue = doc[at]
        lower = cue.lower_
        if lower in cues.before and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "of":
            if cue.text[:1].isupper():
                continue  # "the City of London" names the place itself
            start = cue.i + 2
            if start < len(doc) and doc[start].lower_ == "the":
                start += 1
            end = _name_end(doc, start)
            if end > start:
                spans.append((start, end))
                continue
        # "the Qarabagh district of southern Ghazni": the name stands before the cue
        if lower in cues.after and cue.i > 0:
            capital = cue.text[:1].isupper()
            end = cue.i
            start = _name_start(doc, end)
            if start < end and doc[start].is_sent_start and not capital and end - start == 1:
                continue  # "Town officials said": a capitalised first word proves nothing
            if start < end:
                spans.append((start, cue.i + 1 if capital else end))
    return spans
