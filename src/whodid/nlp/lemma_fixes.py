"""A spaCy component that gives verbs the lemma the model's lemmatizer gets wrong ("overran" ->
"overrun", "hoped" -> "hope").

The small English model's lemmatizer knows "ran" but not "overran", cuts "hoped" to "hop", and
the event lexicon and the clause rules look verbs up by lemma. The table is data:
``whodid/data/lexicons/irregular_verbs.tsv``.
"""

from __future__ import annotations

import functools
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

NAME = "whodid_lemma_fixes"
_VERB_POS = frozenset({"VERB", "AUX"})


@functools.cache
def irregular_verbs() -> dict[str, str]:
    """form -> lemma, from the package's data file."""
    path = resources.files("whodid") / "data" / "lexicons" / "irregular_verbs.tsv"
    text = path.read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise ValueError(f"irregular_verbs.tsv:{number}: expected 'form<TAB>lemma'")
        table[parts[0].strip().lower()] = parts[1].strip().lower()
    return table


@Language.component(NAME)
def lemma_fixes(doc: Doc) -> Doc:
    table = irregular_verbs()
    for token in doc:
        lower = token.lower_
        if lower in table and token.pos_ in _VERB_POS and token.lemma_.lower() != table[lower]:
            token.lemma_ = table[lower]
    return doc
