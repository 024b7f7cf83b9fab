"""A spaCy component that starts sentences where news layout does.

News text puts headlines, captions, photo credits and bylines on lines of their own, and opens
with a dateline ("VILNIUS, May 15 (Wire) -"). Left alone, the parser runs them into the next
sentence ("... via Getty Images LIMA - Back in March, the president accused ..."), and the
dateline's city becomes part of the subject. This component marks a sentence start after every
line break and after the dateline; the parser keeps boundaries set before it runs.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from whodid.text.dateline import dateline_span

NAME = "whodid_news_layout"


@Language.component(NAME)
def news_layout(doc: Doc) -> Doc:
    text = doc.text
    for i in _line_breaks(doc, text):
        token = doc[i]
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    dateline = dateline_span(text)
    if dateline is not None:
        for token in doc:
            if token.idx >= dateline[1] and not token.is_space:
                if token.i > 0:
                    token.is_sent_start = True
                break
    return doc


def _line_breaks(doc: Doc, text: str) -> list[int]:
    """The tokens, all but the last, whose text or trailing space holds a line break: only
    they can end a line (found from the breaks in the text, not by reading every token)."""
    if "\n" not in text or len(doc) < 2:
        return []
    starts = doc.to_array(IDX).tolist()
    found: list[int] = []
    at = text.find("\n")
    while at != -1:
        i = bisect_right(starts, at) - 1
        if i >= len(doc) - 1:
            break
        if not found or found[-1] != i:
            found.append(i)
        at = text.find("\n", max(at + 1, starts[i + 1]))
    return found
