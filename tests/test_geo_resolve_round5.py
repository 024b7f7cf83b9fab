"""Place resolution, fifth round: country points, namesakes, counties (own sentences)."""

from __future__ import annotations

import math

import pytest

from whodid.geo import find_places
from whodid.geo.gazetteer import default_gazetteer
from whodid.geo.outlet import outlet_table, place_in_name
from whodid.records import Place


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    a, b = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((b - a) / 2) ** 2
        + math.cos(a) * math.cos(b) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("iso3", "one", "other"),
    [
        ("CHN", (35.0, 105.0), (35.0, 103.0)),  # GeoNames' and Wikipedia's points
        ("SDN", (15.0, 30.0), (15.0, 32.0)),
        ("JPN", (36.0, 138.0), (35.0, 136.0)),
    ],
)
def test_a_country_point_between_two_conventions(
    iso3: str, one: tuple[float, float], other: tuple[float, float]
) -> None:
    country = default_gazetteer().countries[iso3]
    assert _km(country.lat, country.lon, *one) <= 161
    assert _km(country.lat, country.lon, *other) <= 161


def test_an_outlets_home_towns_have_the_name_as_their_own() -> None:
    towns = place_in_name("athensreview", default_gazetteer(), outlet_table().words)
    assert towns and {t.name for t in towns} == {"Athens"}


_model = pytest.mark.model


def _places(nlp, text: str, url: str | None = None) -> dict[str, Place]:
    return {p.text: p for p in find_places(nlp(text), url=url)}


@_model
def test_a_name_said_often_is_no_evidence_for_itself(nlp) -> None:
    text = (
        "Alexandria police closed a street near the waterfront. The Alexandria council "
        "met on Monday, and Alexandria parents asked for a crossing guard, officials in "
        "Virginia said."
    )
    assert _places(nlp, text)["Virginia"].admin1 == "Virginia"
    assert _places(nlp, text)["Alexandria"].admin1 == "Virginia"


@_model
def test_a_small_town_named_like_a_big_city_needs_evidence_of_its_own(nlp) -> None:
    text = "Flights from Chicago and Peoria to Atlanta were delayed by the storm."
    assert _places(nlp, text)["Atlanta"].admin1 == "Georgia"


@_model
def test_a_bare_county_name_after_the_county_in_full(nlp) -> None:
    text = (
        "Deputies in Cherokee County, Ga., searched the creek on Friday. Later, "
        "investigators in Cherokee said the trail would reopen."
    )
    places = _places(nlp, text)
    assert places["Cherokee County"].feature == "admin2"
    assert places["Cherokee"].feature == "admin2" and places["Cherokee"].admin1 == "Georgia"


@_model
def test_names_in_a_list_of_counties_are_counties(nlp) -> None:
    text = "Grass fires burned in Eastland and Callahan counties on Sunday afternoon."
    callahan = _places(nlp, text)["Callahan"]
    assert callahan.feature == "admin2" and callahan.admin1 == "Texas"
    text = "Jobless rates rose in the five metro Atlanta counties during the winter."
    assert _places(nlp, text)["Atlanta"].feature == "city"  # one name: no list


@_model
def test_a_state_abbreviation_standing_alone(nlp) -> None:
    text = "The couple sold their farm near Ocala and left Fla. for good in May."
    places = _places(nlp, text)
    assert places["Fla."].feature == "admin1" and places["Fla."].admin1 == "Florida"


@_model
def test_fort_alone_is_no_town(nlp) -> None:
    text = "The soldiers trained at Fort Kessler before they were sent abroad."
    assert all(p.admin1 != "Maine" for p in find_places(nlp(text)))


@_model
def test_a_countrys_namesake_town_beside_its_neighbours(nlp) -> None:
    text = "Lebanon firefighters and Zionsville police closed the road after the crash."
    lebanon = _places(nlp, text)["Lebanon"]
    assert lebanon.country == "USA" and lebanon.admin1 == "Indiana"


@_model
def test_a_small_region_of_a_country_the_story_never_names(nlp) -> None:
    text = (
        "A crash closed Main Street in Hanover on Monday, and the Hanover fire chief said "
        "nobody was hurt."
    )
    assert all(p.country != "JAM" for p in find_places(nlp(text)))  # Hanover parish, Jamaica
