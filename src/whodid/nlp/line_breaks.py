"""A spaCy component that starts a sentence after every line break.

News text puts headlines, captions, photo credits and datelines on lines of their own; the
parser would otherwise run them into the next sentence ("... via Getty Images LIMA - Back in
March, the president accused ..."). The parser keeps boundaries set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "whodid_line_breaks"


@Language.component(NAME)
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
