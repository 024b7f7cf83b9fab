"""A spaCy component that starts sentences where news layout does.

News text puts headlines, captions, photo credits and bylines on lines of their own, and opens
with a dateline ("VILNIUS, May 15 (Wire) -"). Left alone, the parser runs them into the next
sentence ("... via Getty Images LIMA - Back in March, the president accused ..."), and the
dateline's city becomes part of the subject. This component marks a sentence start after every
line break and after the dateline; the parser keeps boundaries set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whodid.text.dateline import dateline_span

NAME = "whodid_news_layout"


@Language.component(NAME)
def news_layout(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    dateline = dateline_span(doc.text)
    if dateline is not None:
        for token in doc:
            if token.idx >= dateline[1] and not token.is_space:
                if token.i > 0:
                    token.is_sent_start = True
                break
    return doc
