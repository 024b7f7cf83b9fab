"""Event locations, eighth round (own sentences): names an apposition calls a place, where
a victim was going, "marched on", a town split from "the capital", compass words."""

from __future__ import annotations

import pytest

from whodid.geo import event_location, find_places
from whodid.geo.extent import tidy_extent
from whodid.records import Place


def _location(nlp, text: str, verb: str) -> str | None:
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    found = event_location(trigger, find_places(doc))
    return found.text if found else None


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Rebels captured Dovrane, a small mountain village, on Friday.", "captured", "Dovrane"),
        ("Soldiers seized Marsiya, a hilltop village, after a long siege.", "seized", "Marsiya"),
        # a person's apposition names no place
        ("Rebels captured Okello, a senior commander, on Friday.", "captured", None),
    ],
)
def test_a_name_its_apposition_calls_a_place(nlp, text: str, verb: str, expected) -> None:
    assert _location(nlp, text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The judge was shot dead as he left a Mombasa courthouse on Tuesday.", "shot", "Mombasa"),
        ("The banker was killed as he walked home from a Lagos restaurant.", "killed", "Lagos"),
        ("He was shot as he left a Kenyan courthouse.", "shot", None),
        ("The minister was shot as he entered his car in Nairobi.", "shot", "Nairobi"),
    ],
)
def test_the_town_of_the_building_a_victim_was_leaving(nlp, text, verb, expected) -> None:
    assert _location(nlp, text, verb) == expected


def test_a_protest_marching_on_a_site(nlp) -> None:
    assert _location(nlp, "Hundreds of students marched on Uhuru Park on Monday.", "marched") == (
        "Uhuru Park"
    )
    text = "Angry farmers demonstrated on Freedom Square to demand higher prices."
    assert _location(nlp, text, "demonstrated") == "Freedom Square"
    assert _location(nlp, "Workers marched on Monday to demand higher pay.", "marched") is None


def test_the_town_after_the_capital_folded_into_a_date(nlp) -> None:
    text = "Thousands of teachers marched in the capital Lusaka Friday to demand higher pay."
    assert _location(nlp, text, "marched") == "Lusaka"
    text = "Two men were killed in the capital Kampala on Monday."
    assert _location(nlp, text, "killed") == "Kampala"


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("A trader was shot in west Harare on Sunday.", "west Harare", "Harare"),
        ("Shells fell on south-east Mosul overnight.", "south-east Mosul", "Mosul"),
        ("Boats patrolled the west coast all week.", "west coast", "west coast"),
        ("Protesters gathered in West Harare.", "West Harare", "West Harare"),
    ],
)
def test_a_lowercase_compass_word_is_no_part_of_the_name(text, mention, expected) -> None:
    start = text.index(mention)
    place = Place(start=start, end=start + len(mention), text=mention)
    assert tidy_extent(place, text).text == expected


def test_names_joined_before_a_plural_place_noun(nlp) -> None:
    text = "Militiamen raided Kuru and Dalwa villages on Sunday."
    assert _location(nlp, text, "raided") in ("Kuru", "Dalwa")
    text = "Gunmen attacked the Hamdan and Sakhra neighbourhoods, killing four."
    assert _location(nlp, text, "attacked") in ("Hamdan", "Sakhra")
    # one name before the noun is a people's or a group's as often as a place's
    assert _location(nlp, "Bombs hit two Malik camps on Friday.", "hit") is None


def test_the_town_a_march_or_a_convoy_went_to_however_tagged(nlp) -> None:
    text = "Aid trucks were travelling to Malakal when they were stopped."
    assert _location(nlp, text, "travelling") == "Malakal"
    # an assembly the marchers went to is no town
    text = "Hundreds marched to the Legislative Council on Sunday."
    assert _location(nlp, text, "marched") is None


def test_the_object_of_a_verb_acting_only_on_places_however_tagged(nlp) -> None:
    text = "Militiamen stormed Mahaday in southern Somalia on Friday."
    assert _location(nlp, text, "stormed") == "Mahaday"
    text = "Police patrolled Kariobangi in eastern Kenya on Tuesday."
    assert _location(nlp, text, "patrolled") == "Kariobangi"


def test_the_place_whose_edge_a_verb_acting_on_places_takes(nlp) -> None:
    text = "Rebels opened their push by storming the western edge of Kafr Batna."
    assert _location(nlp, text, "opened") == "Kafr Batna"
    text = "The army began its push by shelling the northern flank of Tal Hamra on Monday."
    assert _location(nlp, text, "began") == "Tal Hamra"


def test_a_verb_parsed_as_a_modifier_of_the_town_it_acts_on(nlp) -> None:
    text = "Police were patrolling Eldoret, the main town of the region, on Friday."
    assert _location(nlp, text, "patrolling") == "Eldoret"


def test_where_a_victim_was_going_when_it_befell_him(nlp) -> None:
    text = "The priest was captured after going to the northern town of Gulu to visit relatives."
    assert _location(nlp, text, "captured") == "Gulu"
    text = "Two traders were shot as they were driving from Kitgum to Lira on Monday."
    assert _location(nlp, text, "shot") == "Lira"
    # a next step, not the circumstance of the event
    text = "The birds were captured, flown to the city of Mombasa and released."
    assert _location(nlp, text, "captured") is None


def test_a_place_phrase_after_an_inserted_report(nlp) -> None:
    text = "A trader and his son were shot dead late Monday, police said, on a road in Bungoma."
    assert _location(nlp, text, "shot") == "Bungoma"
    # where the report was made is not where the event happened
    text = "Two men were shot dead, the governor told reporters in Nairobi."
    assert _location(nlp, text, "shot") is None


def test_a_when_clause_the_parser_hung_on_the_day(nlp) -> None:
    text = "Two policemen were killed Tuesday, when gunmen ambushed their patrol near Garissa."
    assert _location(nlp, text, "killed") == "Garissa"


def test_the_town_where_the_doers_acted_in_a_clause_on_them(nlp) -> None:
    text = "The judge was shot by two men who fled on a motorcycle in Eldoret."
    assert _location(nlp, text, "shot") == "Eldoret"
    # a country in such a clause is where they are based
    text = "The pilot was captured by troops who had their camps in Uganda."
    assert _location(nlp, text, "captured") is None


def test_a_name_followed_by_an_age_is_a_person(nlp) -> None:
    text = "Kamau, now 40, and two aides were captured and held in a camp."
    assert _location(nlp, text, "captured") is None
    text = "Kamau, now 40, and two aides were captured and held in Garissa."
    assert _location(nlp, text, "captured") == "Garissa"
    # a distance is no age
    assert _location(nlp, "Gulu, 30 km from the border, was captured.", "captured") == "Gulu"


def test_where_an_attack_that_is_the_subject_struck(nlp) -> None:
    assert _location(nlp, "A rebel attack on Kismayo killed nine people on Sunday.", "killed") == (
        "Kismayo"
    )
    text = "Air strikes over northern Idlib killed four fighters overnight."
    assert _location(nlp, text, "killed") == "Idlib"
    assert _location(nlp, "Sanctions on Iran destroyed its oil trade.", "destroyed") is None


def test_a_name_followed_by_its_distance_from_another_is_a_place(nlp) -> None:
    text = "Ruhengo, some 30 km south of the capital, was captured by rebels."
    assert _location(nlp, text, "captured") == "Ruhengo"
    assert _location(nlp, "Okello, 60, was shot in the capital.", "shot") is None
