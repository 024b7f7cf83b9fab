"""Places with the real model: resolution by context and event locations (own sentences)."""

from __future__ import annotations

import pytest

from whodid.geo import event_location, find_places
from whodid.records import Place

pytestmark = pytest.mark.model


def _places(nlp, text: str) -> dict[str, Place]:
    return {p.text: p for p in find_places(nlp(text))}


def test_paris_texas_versus_paris(nlp) -> None:
    texas = _places(nlp, "A tornado damaged two schools in Paris, Texas, on Tuesday.")
    assert texas["Paris"].country == "USA" and texas["Paris"].admin1 == "Texas"
    assert texas["Texas"].feature == "admin1"
    france = _places(nlp, "The summit in Paris drew leaders from across Europe.")
    assert france["Paris"].country == "FRA"


def test_georgia_country_or_state_by_context(nlp) -> None:
    country = _places(nlp, "Troops moved from Georgia toward Tbilisi and the Russian border.")
    assert country["Georgia"].country == "GEO" and country["Georgia"].feature == "country"
    state = _places(nlp, "Storms hit Atlanta and Savannah, and Georgia declared an emergency.")
    assert state["Georgia"].country == "USA" and state["Georgia"].feature == "admin1"


def test_city_region_pattern(nlp) -> None:
    places = _places(nlp, "Gunmen opened fire at a bar in Culiacán, Sinaloa, late on Friday.")
    assert places["Culiacán"].country == "MEX" and places["Culiacán"].admin1 == "Sinaloa"
    assert places["Sinaloa"].feature == "admin1"
    abbreviated = _places(nlp, "The family moved to Alexandria, La., last spring.")
    assert abbreviated["Alexandria"].admin1 == "Louisiana"


def test_demonyms_stand_for_their_country(nlp) -> None:
    places = _places(nlp, "Kenyan police fired tear gas at students in Nairobi.")
    assert places["Kenyan"].country == "KEN" and places["Kenyan"].feature == "country"
    assert places["Kenyan"].name == "Kenya"
    assert places["Nairobi"].feature == "city"


def test_places_inside_organisation_names(nlp) -> None:
    places = _places(nlp, "The Rapides Parish Sheriff's Office questioned the driver.")
    assert places["Rapides Parish"].feature == "admin2"
    assert places["Rapides Parish"].admin1 == "Louisiana"


class _Actors:
    def is_actor(self, token) -> bool:
        return token.text == "Washington"


def test_capital_acting_as_government_is_left_to_actors(nlp) -> None:
    doc = nlp("Washington said it would expand sanctions on Iran.")
    texts = [p.text for p in find_places(doc, actors=_Actors())]
    assert "Washington" not in texts and "Iran" in texts
    assert "Washington" in [p.text for p in find_places(doc)]


def _location(nlp, text: str, verb: str) -> str | None:
    doc = nlp(text)
    places = find_places(doc)
    trigger = next(t for t in doc if t.text == verb)
    found = event_location(trigger, places)
    return found.text if found else None


def test_event_location_attached_phrase(nlp) -> None:
    assert (
        _location(nlp, "Militants attacked a convoy near Kandahar on Monday.", "attacked")
        == "Kandahar"
    )
    text = "Salazar spoke to reporters at his residence in Mexico City on Wednesday."
    assert _location(nlp, text, "spoke") == "Mexico City"


def test_event_location_prefers_the_most_specific_place(nlp) -> None:
    text = "In the Syrian province of Idlib, a drone struck a market in Maarat al-Numan."
    assert _location(nlp, text, "struck") in ("Maarat al-Numan", "Idlib")
    text = "Soldiers arrested three men in the Iraqi city of Mosul."
    assert _location(nlp, text, "arrested") == "Mosul"


def test_event_location_none_without_a_place_phrase(nlp) -> None:
    assert _location(nlp, "Kenyan officials condemned the attack.", "condemned") is None
    assert _location(nlp, "France imposed sanctions on Iran.", "imposed") is None


def test_event_location_default_is_used_only_without_a_phrase(nlp) -> None:
    doc = nlp("The army shelled the town.")
    dateline = Place(0, 0, "KYIV", name="Kyiv", country="UKR", feature="city")
    assert (
        event_location(next(t for t in doc if t.text == "shelled"), [], default=dateline)
        is dateline
    )


def test_pipeline_fills_places_and_event_locations() -> None:
    import whodid

    text = "Soldiers arrested two smugglers in Culiacán, Sinaloa, on Monday."
    annotation = whodid.annotate(text)
    assert [p.text for p in annotation.places] == ["Culiacán", "Sinaloa"]
    located = [e.location.text for e in annotation.events if e.location is not None]
    assert "Culiacán" in located
    assert annotation.to_dict()["places"][0]["country"] == "MEX"


def test_place_cues_find_villages_the_gazetteer_lacks(nlp) -> None:
    places = _places(nlp, "Rebels shelled the village of Umm Qarnayn at dawn.")
    assert "Umm Qarnayn" in places and places["Umm Qarnayn"].lat is None
    places = _places(nlp, "Gunmen stormed Zorvakha village and burned the market.")
    assert "Zorvakha" in places
    assert "Syrian" not in [
        p.text for p in find_places(nlp("Troops entered a Syrian town.")) if p.lat is None
    ]


def test_event_location_from_the_doers_or_a_circumstance_clause(nlp) -> None:
    text = "Hundreds of students in Lahore protested against the new fees."
    assert _location(nlp, text, "protested") == "Lahore"
    text = "A driver was shot dead as he left a market in Mombasa on Friday."
    assert _location(nlp, text, "shot") == "Mombasa"
    assert _location(nlp, "Officials from Lagos condemned the attack.", "condemned") is None


def test_towns_named_together_lie_near_each_other(nlp) -> None:
    places = _places(nlp, "Firefighters from Phenix City helped crews in Columbus overnight.")
    assert places["Columbus"].admin1 == "Georgia"


def test_a_country_name_is_not_its_capital(nlp) -> None:
    places = _places(nlp, "Mexico closed its border as officials reported new cases.")
    assert places["Mexico"].feature == "country"


def test_the_outlets_home_breaks_ties_between_towns_of_one_name(nlp) -> None:
    text = "The new library in Dublin opened on Saturday, the mayor said."
    ohio = {p.text: p for p in find_places(nlp(text), url="https://columbusdispatch.com/x")}
    assert ohio["Dublin"].admin1 == "Ohio"
    assert {p.text: p for p in find_places(nlp(text))}["Dublin"].country == "IRL"
    capital = "Lawmakers in Washington approved the bill on Friday, and the governor praised it."
    georgia = find_places(nlp(capital), url="https://www.athensbanner.com/x")
    assert georgia[0].admin1 == "Washington, D.C."  # not Washington, Georgia


def test_washington_the_state_by_its_towns_or_the_word_state(nlp) -> None:
    towns = _places(
        nlp, "Ferries between Seattle and Bremerton stopped, and Washington declared it."
    )
    assert towns["Washington"].feature == "admin1" and towns["Washington"].admin1 == "Washington"
    word = _places(nlp, "Officials said Washington state would sue the company over the spill.")
    assert word["Washington"].feature == "admin1"
    capital = _places(nlp, "The senator flew from Texas to Washington to vote on the bill.")
    assert capital["Washington"].admin1 == "Washington, D.C."


def test_a_country_before_its_namesake_towns_and_smaller_regions(nlp) -> None:
    denmark = _places(nlp, "Farmers in Kiel, Germany, reported the disease in southern Denmark.")
    assert denmark["Denmark"].country == "DNK"  # not Denmark, South Carolina ("in" ≠ "IN")
    niger = _places(nlp, "Nigeria and Niger agreed to reopen the border, officials in Abuja said.")
    assert niger["Niger"].country == "NER" and niger["Niger"].feature == "country"
    mexico = _places(nlp, "Cases rose in New York, Texas and Ohio, and Mexico closed its schools.")
    assert mexico["Mexico"].country == "MEX"


def test_exonyms_of_big_cities_and_the_congo(nlp) -> None:
    mecca = _places(nlp, "Pilgrims travelled from Cairo and Karachi to Mecca for the hajj.")
    assert mecca["Mecca"].country == "SAU"
    congo = _places(
        nlp, "Rebels clashed with soldiers in eastern Congo, near the border with Rwanda."
    )
    assert congo["Congo"].country == "COD"
    long_form = find_places(nlp("The outbreak spread to the Democratic Republic of Congo."))
    assert [p.text for p in long_form] == ["Democratic Republic of Congo"]


def test_event_location_a_village_the_gazetteer_lacks_before_the_town_near_it(nlp) -> None:
    text = "Gunmen killed two farmers in the village of Tal Warda near Mosul."
    assert _location(nlp, text, "killed") == "Tal Warda"


def test_event_location_inside_another_phrase_but_not_inside_a_clause(nlp) -> None:
    text = "The smugglers were caught with stolen cars in Antwerp on Friday."
    assert _location(nlp, text, "caught") == "Antwerp"
    text = "The hostages were freed in a deal under which Qatar paid the kidnappers."
    assert _location(nlp, text, "freed") is None
    text = "The rebels, who trained in Libya, were arrested by police on Sunday."
    assert _location(nlp, text, "arrested") is None


def test_a_town_inside_an_organisation_name_only_when_it_opens_the_name(nlp) -> None:
    text = "The Libyan Arab Army shelled the town, while the Columbus Police Department was silent."
    places = _places(nlp, text)
    assert "Arab" not in places  # Arab, Alabama
    assert places["Columbus"].admin1 == "Ohio"


def test_event_location_not_from_the_source_of_the_report(nlp) -> None:
    text = "According to witnesses arriving in Peshawar, the militants captured two soldiers."
    assert _location(nlp, text, "captured") is None


def test_event_location_not_from_the_reason_of_a_statement(nlp) -> None:
    text = "The minister blamed rival gangs for the recent killings in Culiacán."
    assert _location(nlp, text, "blamed") is None


def test_event_location_the_neighbourhood_a_town_announces(nlp) -> None:
    text = "A rocket hit a bakery in the Kabul suburb of Paghman on Sunday."
    assert _location(nlp, text, "hit") == "Paghman"
    text = "A bomb went off in Cairo's eastern district of Nasr City on Monday."
    assert _location(nlp, text, "went") == "Nasr City"
    # the name after "of" is the container when it is only a part of it
    text = "Two guards were killed in the Qarabagh district of southern Ghazni."
    assert _location(nlp, text, "killed") == "Qarabagh"


def test_event_location_the_doers_place_after_of(nlp) -> None:
    text = "Hundreds of residents of Tikrit marched against the curfew on Friday."
    assert _location(nlp, text, "marched") == "Tikrit"


def test_event_location_names_the_gazetteer_lacks(nlp) -> None:
    text = "Gunmen opened fire on a minibus in Kfar Zibad on Tuesday."
    assert _location(nlp, text, "opened") == "Kfar Zibad"
    # a building named beside its town: the town is the place
    text = "Protesters gathered outside the Grand Palace Hotel in Nairobi on Monday."
    assert _location(nlp, text, "gathered") == "Nairobi"


def test_event_location_an_object_that_is_itself_the_place(nlp) -> None:
    text = "Israeli troops captured Hebron in the 1967 Mideast war."
    assert _location(nlp, text, "captured") == "Hebron"
    text = "The militia began its offensive by storming the town of Ras Lanuf."
    assert _location(nlp, text, "began") == "Ras Lanuf"
    # a captured person is not a place, even with a town's name in the story
    text = "Police captured the smuggler in Mombasa on Friday."
    assert _location(nlp, text, "captured") == "Mombasa"


def _facility_rows() -> list[tuple[str, str, str]]:
    from whodid.geo.gazetteer import _rows

    return [tuple(fields) for _, fields in _rows("facility_words.tsv", columns=3)]  # type: ignore[misc]


@pytest.mark.parametrize(("word", "verb", "example"), _facility_rows())
def test_facility_word_examples(nlp, word: str, verb: str, example: str) -> None:
    found = _location(nlp, example, verb)
    assert found is not None and found.lower().endswith(word), (example, found)


def test_event_location_an_army_taken_as_object_is_no_place(nlp) -> None:
    text = "The rebels targeted the Syrian Arab Army on Monday."
    assert _location(nlp, text, "targeted") is None


def test_event_location_not_a_place_that_only_qualifies_a_war_or_an_embassy(nlp) -> None:
    text = "Thousands of soldiers were killed in the 1980 Iran-Iraq war."
    assert _location(nlp, text, "killed") is None
    text = "A guard was shot outside the French Embassy in Tunis on Monday."
    assert _location(nlp, text, "shot") == "Tunis"


def test_event_location_not_from_a_phrase_of_time_topic_or_example(nlp) -> None:
    text = "Thousands of people have been killed since the start of the war in Yemen."
    assert _location(nlp, text, "killed") is None
    text = "Students protested against the closure of a school in Lyon."
    assert _location(nlp, text, "protested") is None


def test_event_location_the_destination_of_a_march(nlp) -> None:
    text = "Hundreds of farmers marched to the parliament in Nairobi on Tuesday."
    assert _location(nlp, text, "marched") == "Nairobi"
    # an event that does not move is not placed at a destination
    text = "The minister spoke to reporters from Kampala on Tuesday."
    assert _location(nlp, text, "spoke") is None


def test_event_location_a_town_patrolled(nlp) -> None:
    text = "Riot police patrolled Karachi after the strike on Monday."
    assert _location(nlp, text, "patrolled") == "Karachi"


def test_event_location_a_name_after_a_part_of_a_place(nlp) -> None:
    text = "Soldiers patrolled the outskirts of Kfar Zeita on Sunday."
    assert _location(nlp, text, "patrolled") == "Kfar Zeita"


def test_a_town_that_is_bombed_or_captured_is_a_place_not_an_actor(nlp) -> None:
    doc = nlp("Washington was bombed by British troops in 1814.")
    assert "Washington" in [p.text for p in find_places(doc, actors=_Actors())]
    text = "Kfar Zeita was encircled by the rebels in 2013."
    assert _location(nlp, text, "encircled") == "Kfar Zeita"


def test_event_location_the_name_before_a_site_word(nlp) -> None:
    text = "Rebels captured the Tal Saman hill on Friday."
    assert _location(nlp, text, "captured") == "Tal Saman"


def test_event_location_a_place_inside_the_town_that_holds_it(nlp) -> None:
    text = "Protesters marched in Lagos's Ikeja district on Monday."
    assert _location(nlp, text, "marched") == "Ikeja"
    text = "A car bomb exploded near Kabul's Wazir Akbar Khan neighbourhood."
    assert _location(nlp, text, "exploded") == "Wazir Akbar Khan"
    # a building named after the town's possessive still gives the town
    text = "Police patrolled inside Lagos's Ikeja hospital."
    assert _location(nlp, text, "patrolled") == "Lagos"


def test_event_location_on_a_site_or_the_target_of_an_attack(nlp) -> None:
    text = "Gunmen killed two soldiers on the island of Mindanao."
    assert _location(nlp, text, "killed") == "Mindanao"
    text = "Rebels launched an assault on Qabasin on Friday."
    assert _location(nlp, text, "launched") == "Qabasin"
    assert _location(nlp, "The ministry imposed sanctions on Iran.", "imposed") is None


def test_event_location_the_name_before_a_place_noun_of_the_object(nlp) -> None:
    text = "Troops shelled the Karm al-Jabal district of Aleppo."
    assert _location(nlp, text, "shelled") == "Karm al-Jabal"
    text = "Gunmen attacked Dogo Nahawa village in the Jos area of Plateau state."
    assert _location(nlp, text, "attacked") == "Dogo Nahawa"


def test_event_location_a_town_before_the_country_of_another_phrase(nlp) -> None:
    text = "In neighbouring Kenya, thousands of students marched through Nairobi on Monday."
    assert _location(nlp, text, "marched") == "Nairobi"


def test_event_location_from_a_clause_after_a_preposition(nlp) -> None:
    text = "The smuggler was captured by soldiers after swimming across the Limpopo River."
    assert _location(nlp, text, "captured") == "Limpopo River"


def test_event_location_not_where_the_object_comes_from_or_is_for(nlp) -> None:
    assert _location(nlp, "The army captured the ridge from Syria in 1973.", "captured") is None
    text = "Police captured the group's finance chief for East Africa on Monday."
    assert _location(nlp, text, "captured") is None
    text = "Rebels captured the town of Kidal from the army."
    assert _location(nlp, text, "captured") == "Kidal"


def test_event_location_an_object_shared_by_conjoined_verbs(nlp) -> None:
    text = "The army captured and annexed East Timor in 1975."
    assert _location(nlp, text, "captured") == "East Timor"


def test_event_location_not_a_country_named_as_a_nationality(nlp) -> None:
    text = "A roadside bomb exploded near a U.S. patrol on Monday."
    assert _location(nlp, text, "exploded") is None
    # a country named before a site word is that site's place
    assert _location(nlp, "Smugglers were shot near the Kenya border.", "shot") == "Kenya"


def _sense_rows() -> list[tuple[str, str, str, str]]:
    from whodid.geo.gazetteer import _rows

    return [tuple(fields) for _, fields in _rows("no_event_senses.tsv", columns=4)]  # type: ignore[misc]


@pytest.mark.parametrize(("verb", "role", "word", "example"), _sense_rows())
def test_no_event_sense_examples(nlp, verb: str, role: str, word: str, example: str) -> None:
    doc = nlp(example)
    trigger = next(t for t in doc if t.lemma_.lower() == verb)
    assert find_places(doc), example  # the sentence names a place ...
    assert event_location(trigger, find_places(doc)) is None, example  # ... not the event's


def test_event_location_of_the_verb_in_its_event_sense(nlp) -> None:
    text = "Rebels captured the town of Kidal on Sunday."
    assert _location(nlp, text, "captured") == "Kidal"
    assert _location(nlp, "The rebels shot two guards in Kidal.", "shot") == "Kidal"
    text = "Thousands demonstrated in Accra against the new tax."
    assert _location(nlp, text, "demonstrated") == "Accra"


def test_event_location_a_name_before_a_place_noun_however_tagged(nlp) -> None:
    text = "Herders attacked Tungari village on Sunday, killing four farmers."
    assert _location(nlp, text, "attacked") == "Tungari"
    text = "A bomb went off at Kalmando junction in Gombe on Monday."
    assert _location(nlp, text, "went") == "Kalmando"
    # a big town before the place noun is the container of the name after "of"
    text = "Two guards were shot in the Kano suburb of Sabon Tasha."
    assert _location(nlp, text, "shot") == "Sabon Tasha"


def test_event_location_a_name_a_place_noun_announces_however_tagged(nlp) -> None:
    text = "Two traders were shot in the market town, Kaya, on Sunday."
    assert _location(nlp, text, "shot") == "Kaya"
    text = "Gunmen opened fire in the hometown of Mopti on Sunday."
    assert _location(nlp, text, "opened") == "Mopti"


def test_event_location_a_town_taken_as_object_however_tagged(nlp) -> None:
    assert _location(nlp, "Soldiers captured Gulu after a week of fighting.", "captured") == "Gulu"
    # the parser folds the town into the date that follows it
    assert _location(nlp, "Soldiers patrolled Bamako Saturday.", "patrolled") == "Bamako"
    assert _location(nlp, "Police patrolled Gulu's streets on Friday.", "patrolled") == "Gulu"


def test_event_location_a_name_after_a_preposition_of_way_or_attack(nlp) -> None:
    assert _location(nlp, "Troops marched across Tabora on Monday.", "marched") == "Tabora"
    text = "Rebels launched a fresh assault on Tal Rifat on Friday."
    assert _location(nlp, text, "launched") == "Tal Rifat"
    text = "Fighters launched an assault on the Free Syrian Army on Friday."
    assert _location(nlp, text, "launched") is None


def test_event_location_a_captured_man_is_no_place(nlp) -> None:
    # a bare name as passive subject gives way to the verb's own phrase
    assert _location(nlp, "Okoro was captured in Kaduna on Friday.", "captured") == "Kaduna"
    # a person's "of" phrase is where he comes from
    text = "Daniel Mensah of Ghana was captured by bandits and held in a camp in Togo."
    assert _location(nlp, text, "captured") == "Togo"


def test_event_location_no_place_from_a_border_with_or_a_clock(nlp) -> None:
    text = "Navy boats patrolled the coastline shared with Eritrea for weeks."
    assert _location(nlp, text, "patrolled") is None
    assert _location(nlp, "The bomb went off at 9 A.M. in Kirkuk.", "went") == "Kirkuk"


def test_event_location_the_place_a_relative_clause_acts_on(nlp) -> None:
    text = "Residents fled the town of Menaka that the rebels stormed on Friday."
    assert _location(nlp, text, "stormed") == "Menaka"


def test_event_location_a_towns_police_acting(nlp) -> None:
    text = "Nairobi police shot dead two robbery suspects on Tuesday."
    assert _location(nlp, text, "shot") == "Nairobi"
    assert _location(nlp, "Kenyan police shot dead two suspects on Tuesday.", "shot") is None


def test_event_location_a_protest_against_something_in_a_town(nlp) -> None:
    text = "Farmers demonstrated against the new tax in Kumasi on Monday."
    assert _location(nlp, text, "demonstrated") == "Kumasi"


def test_event_location_not_from_a_compound_preposition(nlp) -> None:
    text = (
        "In addition to its raids in Gao, the army shelled rebel positions near Menaka on Monday."
    )
    assert _location(nlp, text, "shelled") == "Menaka"


def test_event_location_reports_the_name_without_its_article_or_kind_noun(nlp) -> None:
    text = "A roadside bomb exploded near the Qattan Bridge on Sunday."
    assert _location(nlp, text, "exploded") == "Qattan Bridge"
    text = "Militants attacked a checkpoint in Narathiwat province."
    assert _location(nlp, text, "attacked") == "Narathiwat"


def test_event_location_the_target_of_what_an_undertaking_sets_out_to_do(nlp) -> None:
    text = "Government troops launched an offensive to recapture the village of Kafr Dalim."
    assert _location(nlp, text, "launched") == "Kafr Dalim"
    text = "In 2015, the rebel army managed to seize a large part of the Kodori Valley."
    assert _location(nlp, text, "managed") == "Kodori Valley"


def test_event_location_a_name_after_a_hill_slope_or_locality_however_tagged(nlp) -> None:
    text = "Rebel fighters stormed army positions on the southern slope of Tal Hamid."
    assert _location(nlp, text, "stormed") == "Tal Hamid"
    text = "Gunmen attacked a police post in the locality of Bir Ghanem on Friday."
    assert _location(nlp, text, "attacked") == "Bir Ghanem"


def test_event_location_a_place_name_is_ranked_by_its_head_word(nlp) -> None:
    text = "Farmers besieged a police station in Hunan province's Dongtian township on Sunday."
    assert _location(nlp, text, "besieged") == "Dongtian"


def test_event_location_an_unknown_name_a_verb_taking_only_places_acts_on(nlp) -> None:
    text = "In the province of Homs, gunmen shelled the settlements of Kafr Amim and Tell Dara."
    assert _location(nlp, text, "shelled") == "Kafr Amim"


def test_event_location_a_place_held_by_the_next_in_phrase(nlp) -> None:
    text = "Gunmen ambushed a police convoy in Ruwa county in Kenya's Turkana region on Friday."
    assert _location(nlp, text, "ambushed") == "Ruwa"


def test_event_location_a_name_a_stronghold_or_mountaintop_announces(nlp) -> None:
    text = "Three guards died in shelling near the rebel stronghold of Kafr Tuma."
    assert _location(nlp, text, "died") == "Kafr Tuma"


def test_event_location_a_name_before_the_kind_of_a_camp_or_crossing(nlp) -> None:
    text = "Hundreds of people marched in the Kalma refugee camp on Friday."
    assert _location(nlp, text, "marched") == "Kalma"
    text = "A bomb exploded at the Bani Hamed border crossing."
    assert _location(nlp, text, "exploded") == "Bani Hamed"


def test_event_location_reports_the_whole_proper_name_a_place_is_cut_from(nlp) -> None:
    text = "Students protested outside Alexandria University on Monday."
    assert _location(nlp, text, "protested") == "Alexandria University"


def test_event_location_a_town_of_the_object_over_the_region_of_the_verb(nlp) -> None:
    text = "In Iraq, two gunmen attacked a local council building in Hit on Sunday."
    assert _location(nlp, text, "attacked") == "Hit"


def test_event_location_where_the_occasion_took_place(nlp) -> None:
    text = "The raids, which took place in Dar Hamid and Umm Rawaba, left dozens homeless."
    assert _location(nlp, text, "left") == "Dar Hamid"


def test_event_location_not_the_sides_of_a_zone_or_a_line(nlp) -> None:
    text = "Peacekeepers patrolled the buffer zone between Armenia and Azerbaijan on Monday."
    assert _location(nlp, text, "patrolled") is None


def test_event_location_the_town_a_site_stands_in(nlp) -> None:
    text = "Protesters gathered outside the Green Zone in Baghdad on Sunday."
    assert _location(nlp, text, "gathered") == "Baghdad"


def test_event_location_a_verb_parsed_as_a_modifier_of_its_object(nlp) -> None:
    text = "Reservists are patrolling farms in the Natal area this week."
    assert _location(nlp, text, "patrolling") == "Natal"


def test_event_location_a_known_town_the_model_tags_otherwise(nlp) -> None:
    assert _location(nlp, "Kurdish fighters continued their push on Jarablus.", "continued") == (
        "Jarablus"
    )


def test_event_location_the_town_named_before_its_people(nlp) -> None:
    text = "Angry Kandahar residents marched through the streets on Friday."
    assert _location(nlp, text, "marched") == "Kandahar"
