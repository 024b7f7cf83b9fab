"""Capitals restored to lower-cased stories (no model; the model's word lists are passed in)."""

from __future__ import annotations

from whodid.text.truecase import Truecaser, is_lower_cased, truecase


def test_lower_cased_texts_are_recognised() -> None:
    assert is_lower_cased("police arrested five men in the old city on monday.")
    # a story in lower case with a capitalised boilerplate line is still lower-cased
    story = "Follow us on Facebook " + "the collector said the curfew would be lifted soon. " * 12
    assert is_lower_cased(story)
    assert not is_lower_cased("Police arrested five men in the old city on Monday.")
    assert not is_lower_cased("ok")


def test_truecasing_keeps_length_and_changes_only_case() -> None:
    caser = Truecaser({"rohtak": "Rohtak", "bharatiya janata party": "Bharatiya Janata Party"})
    text = "police said. the bharatiya janata party workers met in rohtak on friday; i left."
    out = caser.truecase(text)
    assert len(out) == len(text) and out.lower() == text
    assert out == (
        "Police said. The Bharatiya Janata Party workers met in Rohtak on Friday; I left."
    )


def test_common_words_are_not_names_and_unknown_words_are() -> None:
    known = frozenset({"worker", "march", "town", "say", "leader", "the", "to"})
    caser = Truecaser(
        {"nice": "Nice", "reading": "Reading"}, common={"nice", "reading"}, known=known
    )
    out = caser.truecase(
        "the workers had a nice march to the town, said leader bhardwaj of the cpm."
    )
    assert "nice" in out and "march" in out  # a common word alone is never capitalised
    assert "Bhardwaj" in out  # a word the model does not know, nor any inflection of, is a name
    assert "CPM" in out  # a short unknown word without vowels is an acronym
    assert "workers" in out  # an inflection of a known word is known
    caser = Truecaser({"reading": "Reading", "rohtak": "Rohtak"}, common={"read"})
    assert caser.truecase("reading the order in rohtak") == "Reading the order in Rohtak"
    assert caser.truecase("after reading the order") == "After reading the order"


def test_titles_months_and_the_public_function() -> None:
    caser = Truecaser({})
    assert caser.truecase("on march 3 mr ghosh spoke.") == "On March 3 Mr Ghosh spoke."
    assert caser.truecase("they march on.") == "They march on."
    # a text that already has its capitals is returned as it is
    text = "The Police arrested him."
    assert truecase(text) is text
