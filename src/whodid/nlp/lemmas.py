"""The model's rule lemmatizer, run once per distinct word form (issue 8; same output).

spaCy's ``Lemmatizer`` works token by token in Python: for every token it builds a ``Token``,
reads its text, part of speech and morphology, and sets ``lemma_``. Its own cache only keeps the
words that reach its suffix rules; a singular noun, an infinitive or a positive adjective (its
"base forms", most of the words of a text) is worked out again at each occurrence. What a rule
lemmatizer gives a token depends only on the token's form, part of speech and morphology (the
cache key spaCy uses itself), so this component reads those three for the whole Doc with one
``Doc.to_array``, asks the model's own lemmatizer once per new combination (kept), and writes
every lemma with one ``Doc.from_array``. A token without a part of speech goes to the model's
lemmatizer every time (it warns there), as does any mode other than ``rule``.

It takes the model's lemmatizer over under the same name and place
(:func:`replace_lemmatizer`); its ``lookups``, ``mode`` and ``cache`` are the model's.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

NAME = "whodid_lemmatizer"
_CACHE_LIMIT = 200_000  # distinct (form, part of speech, morphology) kept before a clear


class FastLemmatizer:
    """The pipeline component: the model's lemmatizer, asked once per distinct key."""

    def __init__(self, vocab: Vocab, name: str = NAME) -> None:
        self.vocab = vocab
        self.name = name
        self.stock: Any = None
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def load(self, stock: Any) -> None:
        self.stock = stock
        self._lemmas.clear()

    @property
    def lookups(self) -> Any:
        """The model's lemmatizer tables (``lemma_index``, ...), as on the stock component."""
        return getattr(self.stock, "lookups", None)

    @property
    def mode(self) -> str | None:
        return getattr(self.stock, "mode", None)

    def __call__(self, doc: Doc) -> Doc:
        stock = self.stock
        if stock is None or len(doc) == 0:
            return doc
        if stock.mode != "rule":
            return stock(doc)
        if not stock._validated:
            stock._validate_tables()
        arrays: Any = doc  # spaCy's stubs want list[int | str]; the attribute ids are ints
        table = arrays.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = bool(stock.overwrite)
        lemmas = self._lemmas
        strings = doc.vocab.strings
        out = table[:, 3].tolist()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if not overwrite and lemma != 0:
                continue
            key = (orth, pos, morph)
            hit = lemmas.get(key)
            if hit is None:
                hit = strings.add(stock.lemmatize(doc[i])[0])
                if pos != 0:  # no part of speech: the stock lemmatizer warns each time
                    if len(lemmas) >= _CACHE_LIMIT:
                        lemmas.clear()
                    lemmas[key] = hit
            out[i] = hit
            changed = True
        if changed:
            arrays.from_array([LEMMA], numpy.asarray(out, dtype=numpy.uint64)[:, None])
        return doc


@Language.factory(NAME)
def make_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """An empty component (it leaves a Doc as it is); :func:`replace_lemmatizer` gives it the
    model's lemmatizer. No ``to_disk``: whodid never saves a pipeline."""
    return FastLemmatizer(nlp.vocab, name)


def replace_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Run the model's rule lemmatizer through :class:`FastLemmatizer` (same name, same place);
    False, and the stock component kept, if it is no rule lemmatizer."""
    if name not in nlp.pipe_names:
        return False
    stock: Any = nlp.get_pipe(name)
    if getattr(stock, "mode", None) != "rule" or not callable(getattr(stock, "lemmatize", None)):
        return False
    component: Any = nlp.replace_pipe(name, NAME)
    component.load(stock)
    return True
