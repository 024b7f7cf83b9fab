"""whodid's attribute rules write exactly what the model's stock attribute_ruler writes."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from whodid.nlp.attribute_rules import (
    NAME,
    AttributeRules,
    CompiledRules,
    compile_rules,
    replace_attribute_ruler,
)

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, NORM]

# Rules of the shapes the English models use: plain values, IN / NOT_IN / REGEX tests, two-token
# patterns writing either token, rules that overlap (the later one wins), a rule setting DEP.
RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "IN"}]], "attrs": {"POS": "ADP", "MORPH": "_"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": "RB"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": {"IN": ["VBZ", "VBP"]}}]], "attrs": {"POS": "VERB"}},
    {
        "patterns": [[{"TAG": "IN", "LOWER": {"IN": ["because", "although"]}}]],
        "attrs": {"POS": "SCONJ"},
    },
    {
        "patterns": [[{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}]],
        "attrs": {"POS": "PART", "MORPH": "Polarity=Neg", "LEMMA": "not"},
    },
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {
        "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],
        "attrs": {"POS": "AUX"},
        "index": -1,
    },
    {
        "patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]],
        "attrs": {"POS": "PRON"},
    },
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
]

# words, tags, deps, heads (absolute)
DOCS = [
    (
        ["They", "failed", "because", "nothin'", "was", "not", "ready", "."],
        ["PRP", "VBD", "IN", "NN", "VBD", "RB", "JJ", "."],
        ["nsubj", "ROOT", "mark", "nsubj", "advcl", "neg", "acomp", "punct"],
        [1, 1, 4, 4, 1, 4, 4, 1],
    ),
    (
        ["There", "is", "that", "in", "the", "gon", "na", "plan", "\n", "now"],
        ["EX", "VBZ", "DT", "IN", "DT", "VBG", "TO", "NN", "_SP", "RB"],
        ["expl", "ROOT", "attr", "prep", "det", "amod", "aux", "pobj", "dep", "advmod"],
        [1, 1, 1, 2, 7, 7, 5, 3, 7, 1],
    ),
]


def _blank_pipeline() -> Language:
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)
    return nlp


def _doc(
    nlp: Language, words: list[str], tags: list[str], deps: list[str], heads: list[int]
) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_the_factory_is_registered() -> None:
    assert Language.has_factory(NAME)
    nlp = spacy.blank("en")
    assert isinstance(nlp.add_pipe(NAME), AttributeRules)


def _stock_and_fast() -> tuple[Language, Any, CompiledRules, AttributeRules]:
    """A blank pipeline with the stock attribute_ruler, its compiled rules and our component."""
    nlp = _blank_pipeline()
    stock = nlp.get_pipe("attribute_ruler")
    rules = compile_rules(stock)
    assert rules is not None
    fast = AttributeRules(nlp.vocab)
    fast.load(rules)
    return nlp, stock, rules, fast


@pytest.mark.parametrize("spec", DOCS)
def test_hand_built_docs_get_the_stock_attributes(spec: tuple[list[str], ...]) -> None:
    nlp, stock, rules, fast = _stock_and_fast()
    for _ in range(2):  # the second pass reads the cache
        expected, got = stock(_doc(nlp, *spec)), fast(_doc(nlp, *spec))
        assert (expected.to_array(ATTRS) == got.to_array(ATTRS)).all()
        assert [t.morph.to_json() for t in expected] == [t.morph.to_json() for t in got]
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]


def test_a_full_cache_is_cleared_and_the_output_stays_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from whodid.nlp import attribute_rules

    monkeypatch.setattr(attribute_rules, "_CACHE_LIMIT", 2)
    nlp, stock, rules, fast = _stock_and_fast()
    for spec in DOCS * 2:
        expected, got = stock(_doc(nlp, *spec)), fast(_doc(nlp, *spec))
        assert (expected.to_array(ATTRS) == got.to_array(ATTRS)).all()
        assert len(rules._cache) <= 2


def test_the_tests_of_the_rules_did_fire() -> None:
    nlp = _blank_pipeline()
    rules = compile_rules(nlp.get_pipe("attribute_ruler"))
    assert rules is not None
    fast = AttributeRules(nlp.vocab)
    fast.load(rules)
    first, second = (fast(_doc(nlp, *spec)) for spec in DOCS)
    assert [t.pos_ for t in first][2] == "SCONJ"  # IN on LOWER, after the plain TAG rule
    assert first[3].lemma_ == "nothing"  # REGEX
    assert (first[5].pos_, first[5].lemma_, str(first[5].morph)) == ("PART", "not", "Polarity=Neg")
    assert (second[1].pos_, second[2].pos_) == ("AUX", "PRON")  # index -1; NOT_IN
    assert (second[5].lemma_, second[6].lemma_) == ("go", "to")
    assert second[8].dep_ == "dep"


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "very", "OP": "+"}],  # a quantifier
        [{"LENGTH": {">=": 3}}],  # another predicate
        [{"_": {"flag": True}}],  # an extension attribute
        [{"POS": "NOUN"}],  # an attribute compared by enum, not by string
        [{"LOWER": "a"}, {"LOWER": "b"}, {"LOWER": "c"}, {"LOWER": "d"}, {"LOWER": "e"}],
    ],
)
def test_a_rule_shape_it_does_not_know_keeps_the_stock_component(
    pattern: list[dict[str, Any]],
) -> None:
    nlp = _blank_pipeline()
    ruler: Any = nlp.get_pipe("attribute_ruler")
    ruler.add(patterns=[pattern], attrs={"POS": "X"})
    assert compile_rules(ruler) is None
    assert not replace_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_a_rule_writing_a_lexical_attribute_keeps_the_stock_component() -> None:
    nlp = _blank_pipeline()
    ruler: Any = nlp.get_pipe("attribute_ruler")
    ruler.add(patterns=[[{"LOWER": "x"}]], attrs={"LOWER": "y"})
    assert not replace_attribute_ruler(nlp)


def test_replacing_keeps_the_name_and_place() -> None:
    nlp = _blank_pipeline()
    nlp.add_pipe("sentencizer")
    names = list(nlp.pipe_names)
    assert replace_attribute_ruler(nlp)
    assert nlp.pipe_names == names
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRules)


# Written for the model's IN / NOT_IN / REGEX rules and two-token rules: contractions, "gonna",
# "y'all", "nothin'", "ain't", pronoun objects, auxiliaries, "there is/are", determiners used as
# pronouns, subordinating conjunctions, and text with extra spaces.
SENTENCES = [
    "The minister said she isn't gonna resign, although the opposition wants it.",
    "Y'all ain't seen nothin' yet, the rebel commander told reporters on Tuesday.",
    "There are troops at the border and there is no sign that they will leave.",
    "Let's be clear: we do not negotiate with those who attacked us.",
    "Which of these was signed?  That one, because the others had expired.",
    "If the talks fail, it will be the army that decides, unless parliament has its say.",
    "I gave it to you, and you gave it back to me.\n\nThey've done what they'd promised.",
    "Whether or not the ceasefire holds, officials are gonna meet again; c'mon, they gotta.",
]


def test_the_model_gets_the_same_attributes_from_either_ruler(nlp) -> None:  # type: ignore[no-untyped-def]
    from whodid.nlp.model import load_nlp

    stock = load_nlp(stock_attribute_ruler=True)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRules)
    assert not isinstance(stock.get_pipe("attribute_ruler"), AttributeRules)
    attrs = [*ATTRS, spacy.attrs.ENT_IOB, spacy.attrs.ENT_TYPE, spacy.attrs.SENT_START]
    for expected, got in zip(stock.pipe(SENTENCES), nlp.pipe(SENTENCES), strict=True):
        assert (expected.to_array(attrs) == got.to_array(attrs)).all()
        assert [str(t.morph) for t in expected] == [str(t.morph) for t in got]
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]


def test_the_environment_switch_keeps_the_stock_ruler(monkeypatch: pytest.MonkeyPatch) -> None:
    from whodid.nlp.model import ATTRIBUTE_RULER_ENV, load_nlp

    monkeypatch.setenv(ATTRIBUTE_RULER_ENV, "stock")
    assert not isinstance(load_nlp().get_pipe("attribute_ruler"), AttributeRules)
