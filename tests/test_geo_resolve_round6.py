"""Place resolution, sixth round: a town and the county that holds it, an outlet's home region
learned from its stories (own sentences)."""

from __future__ import annotations

import pytest

from whodid.geo import find_places
from whodid.geo.gazetteer import Entry, default_gazetteer
from whodid.geo.outlet import Home, OutletMemory, outlet_home
from whodid.pipeline import Options, annotate_many
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


def _towns(name: str, admin1: str) -> list[Entry]:
    return [e for e in default_gazetteer().lookup(name) if e.admin1 == admin1 and e.kind == "city"]


def test_an_outlets_earlier_stories_settle_its_home_town() -> None:
    gazetteer = default_gazetteer()
    url = "http://www.norfolkbulletin.com/story/1"
    home = outlet_home(url, None, gazetteer)
    assert home is not None and home.place.admin1 == "Virginia"  # the most populous Norfolk
    memory = OutletMemory()
    assert memory.home(url, home, gazetteer) is home  # nothing learned yet
    memory.record(url, _towns("Lincoln", "Nebraska") + _towns("Omaha", "Nebraska"))
    memory.record("http://norfolkbulletin.com/story/2", _towns("Wayne", "Nebraska"))
    memory.record("http://www.othernews.com/a", _towns("Richmond", "Virginia"))
    settled = memory.home(url, home, gazetteer)
    assert settled is not None and settled.place.admin1 == "Nebraska"


def test_an_outlet_whose_domain_names_no_place_is_at_home_where_its_stories_are() -> None:
    gazetteer = default_gazetteer()
    url = "http://www.valleyecho.com/a"
    assert outlet_home(url, None, gazetteer) is None
    memory = OutletMemory()
    memory.record(url, _towns("Duluth", "Minnesota"))
    assert memory.home(url, None, gazetteer) is None  # one story is not enough
    memory.record(url, _towns("Brainerd", "Minnesota") + _towns("Fargo", "North Dakota"))
    home = memory.home(url, None, gazetteer)
    assert home is not None and home.local and home.place.kind == "admin1"
    assert home.place.name == "Minnesota"
    memory.record(url, _towns("Bismarck", "North Dakota"))  # now a tie: no home
    assert memory.home(url, None, gazetteer) is None


@_model
def test_a_batchs_stories_of_one_outlet_share_its_home(nlp) -> None:
    memory = OutletMemory()
    url = "http://www.norfolkbulletin.com/story/{}"
    first = "Farmers from Lincoln and Grand Island met in Nebraska on Monday."
    _places_remembered = find_places(nlp(first), url=url.format(1), memory=memory)
    assert {p.admin1 for p in _places_remembered} == {"Nebraska"}
    find_places(nlp("Omaha and Kearney schools closed for snow."), url=url.format(2), memory=memory)
    text = "The Norfolk city council approved a new pool on Tuesday."
    assert _places(nlp, text, url.format(3))["Norfolk"].admin1 == "Virginia"  # alone
    found = {p.text: p for p in find_places(nlp(text), url=url.format(3), memory=memory)}
    assert found["Norfolk"].admin1 == "Nebraska"


def _norfolk_stories() -> list[dict[str, str]]:
    """Three stories of one outlet: a Norfolk story first, then two naming Nebraska places."""
    url = "http://www.norfolkbulletin.com/story/{}"
    texts = [
        "The Norfolk city council approved a new pool on Tuesday.",
        "Farmers from Lincoln and Grand Island met in Nebraska on Monday.",
        "Omaha and Kearney schools closed for snow.",
    ]
    return [{"id": str(i), "text": t, "url": url.format(i)} for i, t in enumerate(texts)]


@_model
def test_a_story_early_in_a_batch_learns_from_its_outlets_later_stories() -> None:
    records = _norfolk_stories()
    first = next(iter(annotate_many(records)))
    assert [(p.text, p.admin1) for p in first.places] == [("Norfolk", "Nebraska")]
    alone = next(iter(annotate_many(records[:1])))
    assert [(p.text, p.admin1) for p in alone.places] == [("Norfolk", "Virginia")]


@_model
def test_without_outlet_memory_each_story_resolves_alone() -> None:
    records = _norfolk_stories()
    first = next(iter(annotate_many(records, options=Options(outlet_memory=False))))
    assert [(p.text, p.admin1) for p in first.places] == [("Norfolk", "Virginia")]
