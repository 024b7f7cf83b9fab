"""Modality with the real model: purposes, permissions and light-verb objects are not facts."""

from __future__ import annotations

import pytest

from whodid.events.modality import modality

pytestmark = pytest.mark.model


def _kind(nlp, text: str, word: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return modality(next(t for t in doc if t.lower_ == word))


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # an errand's purpose is not done yet; an order to act is not the act
        ("The state police sent teams to Pune to arrest the suspect.", "arrest", "purpose"),
        ("Their efforts to arrest the former mayor failed.", "arrest", "purpose"),
        ("The judge issued orders to arrest the former mayor.", "arrest", "demanded"),
        # a purpose reached by the act itself is reported: the dispersal happened
        ("Police fired tear gas to disperse the crowd.", "disperse", None),
        # a law that permits an arrest reports none
        ("The new law allows the police to arrest anyone without a warrant.", "arrest", "possible"),
        # a light verb's modality reaches its event noun
        ("The police will not be able to make any arrests.", "arrests", "possible"),
        ("The police made several arrests on Sunday.", "arrests", None),
        # what a verb of demanding asks for, through coordinated noun phrases
        (
            "The rally demanded a ban on the militia and the arrest of its chiefs.",
            "arrest",
            "demanded",
        ),
        ("Protesters called for a probe and the arrest of the officers.", "arrest", "demanded"),
        # "for" after a noun that asks for nothing gives a reason: the massacres happened
        (
            "Namibia demanded reparations from Germany for the colonial massacres.",
            "massacres",
            None,
        ),
        ("The minister rejected calls for his resignation.", "resignation", "demanded"),
        # an adjective's infinitive is no fact: "found it difficult to", "was unable to"
        (
            "Officers said they were finding it difficult to arrest the contractor.",
            "arrest",
            "possible",
        ),
        ("The officers were directed to arrest the absconding trader.", "arrest", "demanded"),
        # a purpose inside a purpose: "an application to pass orders to arrest him"
        (
            "The family filed a petition to pass orders to the police to detain the landlord.",
            "detain",
            "purpose",
        ),
        # "had to" reports the act; "have to" does not yet
        ("The police had to fire four rounds to scatter the mob.", "fire", None),
        ("The police have to fire warning shots first.", "fire", "obligation"),
    ],
)
def test_modality_of_purposes_permissions_and_light_verbs(nlp, text, word, kind) -> None:  # type: ignore[no-untyped-def]
    assert _kind(nlp, text, word) == kind


def test_a_denied_clause_is_negated(nlp) -> None:  # type: ignore[no-untyped-def]
    from whodid.events.modality import is_negated

    doc = nlp("The police denied that any arrest had been made.")
    assert is_negated(next(t for t in doc if t.lower_ == "arrest"))
    doc = nlp("The police said that an arrest had been made.")
    assert not is_negated(next(t for t in doc if t.lower_ == "arrest"))
