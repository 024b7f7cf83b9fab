"""The extent of a place name reported as an event's place (own sentences)."""

from __future__ import annotations

import pytest

from whodid.geo.extent import tidy_extent
from whodid.records import Place


def _tidied(text: str, mention: str, name: str | None = None) -> str:
    start = text.index(mention)
    place = Place(start=start, end=start + len(mention), text=mention, name=name)
    found = tidy_extent(place, text)
    assert found.text == text[found.start : found.end]
    return found.text


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Rebels blew up the Kassab Bridge at dawn.", "the Kassab Bridge", "Kassab Bridge"),
        ("In Wadi Selim two shells fell overnight.", "In Wadi Selim", "Wadi Selim"),
        ("Jets struck targets in Deir Marun Governorate.", "Deir Marun", "Deir Marun Governorate"),
        ("Jets struck targets in Kafr Hamra district.", "Kafr Hamra district", "Kafr Hamra"),
        ("Troops moved into al-Sabkha on Monday.", "Sabkha", "al-Sabkha"),
        ("Troops moved into ‘Ayn Hamra on Monday.", "Ayn Hamra", "‘Ayn Hamra"),
        ("Shells landed near Tell Bisa.\nMore follows.", "Tell Bisa.\n", "Tell Bisa"),
        ("Police patrolled Mexico City overnight.", "Mexico City", "Mexico City"),
        ("Gunmen raided Dukku LGA on Friday.", "Dukku LGA", "Dukku"),
        ("He was shot in Tral last March.", "Tral last March", "Tral"),
    ],
)
def test_tidy_extent(text: str, mention: str, expected: str) -> None:
    assert _tidied(text, mention) == expected


def test_an_article_of_the_name_itself_stays() -> None:
    text = "Envoys met in The Hague on Friday."
    assert _tidied(text, "The Hague", name="The Hague") == "The Hague"


def test_a_word_joined_by_a_hyphen_inside_a_word_is_no_article() -> None:
    text = "They marched to Bural-Tamsa."
    assert _tidied(text, "Tamsa") == "Tamsa"
