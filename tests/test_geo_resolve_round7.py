"""Place resolution, seventh round: a local outlet's own suburbs, a town named with a state that
has no town of that name in the gazetteer, names that open a park's or township's name (own
sentences and made-up web addresses)."""

from __future__ import annotations

import pytest

from whodid.geo import find_places
from whodid.geo.gazetteer import default_gazetteer
from whodid.geo.resolve import resolve_mentions
from whodid.geo.toponyms import Mention
from whodid.records import Place

_model = pytest.mark.model
_PARADE = "Irish dancers led the parade through Dublin on Sunday, and the mayor thanked volunteers."


def _places(nlp, text: str, url: str | None = None) -> dict[str, Place]:
    return {p.text: p for p in find_places(nlp(text), url=url)}


@_model
def test_a_suburb_of_a_local_outlets_home_outweighs_a_lone_demonym(nlp) -> None:
    text = _PARADE
    place = _places(nlp, text, "http://www.columbusvoice.com/news/parade.html")["Dublin"]
    assert (place.country, place.admin1) == ("USA", "Ohio")


@_model
def test_the_same_story_without_a_local_outlet_keeps_the_capital(nlp) -> None:
    text = _PARADE
    assert _places(nlp, text)["Dublin"].country == "IRL"


@_model
def test_a_town_with_a_state_that_has_no_such_town_lies_in_that_state(nlp) -> None:
    text = "Residents of Berlin, Conn., packed the town hall on Tuesday."
    place = _places(nlp, text)["Berlin"]
    assert (place.country, place.admin1) == ("USA", "Connecticut")


@_model
def test_a_town_with_its_own_state_keeps_the_town(nlp) -> None:
    text = "Residents of Berlin, N.H., packed the town hall on Tuesday."
    place = _places(nlp, text)["Berlin"]
    assert (place.name, place.admin1) == ("Berlin", "New Hampshire")


@_model
def test_a_list_of_foreign_capitals_is_no_town_and_state(nlp) -> None:
    text = "The airline will fly between Chicago and Moscow, Kiev and Minsk next year."
    assert _places(nlp, text)["Moscow"].country == "RUS"


def _resolve_first(nlp, text: str, words: int) -> object:
    doc = nlp(text)
    start = next(i for i, t in enumerate(doc) if t.text[:1].isupper() and i > 0)
    mention = Mention(start, start + words, doc[start : start + words].text.lower(), "gazetteer")
    return resolve_mentions(doc, [mention], default_gazetteer())[0]


@_model
def test_a_name_opening_a_parks_name_is_not_the_town(nlp) -> None:
    assert _resolve_first(nlp, "Volunteers cleaned up Hopkins Park on Saturday.", 1) is None
    assert _resolve_first(nlp, "The trustees of Madison Twp. met on Monday.", 1) is None


@_model
def test_a_town_before_a_lowercase_park_is_still_the_town(nlp) -> None:
    entry = _resolve_first(nlp, "Volunteers cleaned up Hopkins parks on Saturday.", 1)
    assert entry is not None and entry.name == "Hopkins"


@_model
def test_a_town_with_a_large_province_the_name_has_no_town_in_lies_there(nlp) -> None:
    text = "Residents of Stroud, Ontario, packed the town hall."
    place = _places(nlp, text)["Stroud"]
    assert (place.country, place.admin1) == ("CAN", "Ontario")


@_model
def test_of_two_states_of_one_name_the_more_populous_votes_first(nlp) -> None:
    text = "Cases of the illness were reported in Montana and Wyoming."
    places = _places(nlp, text)
    assert (places["Wyoming"].admin1, places["Montana"].country) == ("Wyoming", "USA")


@_model
def test_a_town_under_a_thousand_people_is_in_the_gazetteer(nlp) -> None:
    text = "A barn burned near Belgrade, Minn., on Tuesday."
    place = _places(nlp, text)["Belgrade"]
    assert (place.name, place.admin1, place.feature) == ("Belgrade", "Minnesota", "city")


def test_a_state_is_its_names_namesake_though_a_town_in_it_has_that_alternate_name() -> None:
    from whodid.geo.resolve import _namesake

    gazetteer = default_gazetteer()
    assert _namesake(gazetteer.lookup_key("maryland"), "maryland") == "region"
    assert _namesake(gazetteer.lookup_key("oklahoma"), "oklahoma") == "region"


@pytest.mark.parametrize("iso3", ["FJI", "KWT"])
def test_a_country_point_lies_near_its_own_towns(iso3: str) -> None:
    from whodid.geo.resolve import _km

    gazetteer = default_gazetteer()
    country = gazetteer.countries[iso3]
    point = next(e for e in gazetteer.lookup(country.name) if e.kind == "country")
    towns = [
        e
        for name in ("Suva", "Nadi", "Kuwait City", "Al Jahra")
        for e in gazetteer.lookup(name)
        if e.country == iso3
    ]
    assert towns and min(_km(point, town) for town in towns) < 150
