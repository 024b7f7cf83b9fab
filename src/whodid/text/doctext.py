"""The text of a spaCy ``Doc``, built once.

``Doc.text`` is not stored: spaCy joins every token's text on each access, so a slice such as
``doc.text[start:end]`` inside a loop over mentions costs a pass over the whole document each
time.  :func:`doc_text` keeps the string in ``doc.user_data`` after the first call.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text", "keep_text"]

_KEY = "whodid.text"


# The most recent Doc's text (the rules ask for it ≈ 150 times per article): the Doc, its
# token count when read, the text. One slot, as for ``whodid.nlp.tree``: nothing grows.
_last: tuple[Doc, int, str] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed at most once per Doc."""
    global _last
    last = _last
    if last is not None and last[0] is doc and last[1] == len(doc):
        return last[2]
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str) or len(text) != _length(doc):
        text = doc.text
        doc.user_data[_KEY] = text
    _last = (doc, len(doc), text)
    return text


def _length(doc: Doc) -> int:
    """The length of the Doc's text, from its last token (a cheap check that a cache is right)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def keep_text(doc: Doc, text: str) -> None:
    """Make :func:`doc_text` give ``text``: the Doc was parsed from a copy of it that differs
    only in letter case (a truecased lower-case story), and spans report the text as given."""
    if len(text) != _length(doc):
        raise ValueError("keep_text: the text and the Doc differ in length")
    doc.user_data[_KEY] = text
    global _last
    _last = (doc, len(doc), text)
