"""Place resolution, sixth round: a town and the county that holds it (own sentences)."""

from __future__ import annotations

import pytest

from whodid.geo import find_places
from whodid.geo.gazetteer import default_gazetteer
from whodid.geo.outlet import Home
from whodid.records import Place

_model = pytest.mark.model


def _places(nlp, text: str, url: str | None = None) -> dict[str, Place]:
    return {p.text: p for p in find_places(nlp(text), url=url)}


def test_a_home_town_whose_county_the_story_names_settles_the_home() -> None:
    towns = tuple(e for e in default_gazetteer().lookup("Athens") if e.country == "USA")
    texas = next(e for e in towns if e.admin1 == "Texas")
    home = Home(towns, local=True).settle({("USA", "Georgia"): 2}, held={id(texas)})
    assert home.place is texas
    assert Home(towns, local=True).settle({("USA", "Georgia"): 2}).place.admin1 == "Georgia"


@_model
def test_a_town_and_the_county_that_holds_it(nlp) -> None:
    text = "Deputies from the Madison County sheriff's office searched a farm outside Richmond."
    places = _places(nlp, text)
    assert (places["Richmond"].admin1, places["Madison County"].admin1) == ("Kentucky", "Kentucky")


@_model
def test_a_county_settles_the_outlets_home_town(nlp) -> None:
    url = "http://www.athensnews.com/local/story1.html"
    text = "The Athens school board met on Monday, and Henderson County deputies will patrol."
    assert _places(nlp, text, url)["The Athens"].admin1 == "Texas"


@_model
def test_a_countys_bare_name_is_evidence_for_its_towns(nlp) -> None:
    text = "A storm knocked down power lines in Licking, and Newark crews worked all night."
    assert _places(nlp, text)["Newark"].admin1 == "Ohio"


@_model
def test_a_county_pairs_with_a_smaller_town_of_a_bigger_citys_name(nlp) -> None:
    text = "Huntsville police and Walker County deputies arrested two men after a chase."
    assert _places(nlp, text)["Huntsville"].admin1 == "Texas"
