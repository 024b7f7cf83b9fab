"""Listed and mutual parties with the real model (issue 3): who acts on whom when a sentence
names several parties."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid import annotate
from whodid.pipeline import Options

pytestmark = pytest.mark.model


def dyads(text: str, options: Options | None = None) -> list[tuple[str | None, str | None]]:
    return [
        (
            e["source"]["code"] if e["source"] else None,
            e["target"]["code"] if e["target"] else None,
        )
        for e in annotate(text, options=options).to_dict()["events"]
        if not e["negated"]
    ]


def test_every_member_of_a_list_with_modifiers_acts():
    text = "Peru, the troubled Bolivia, and Chile welcomed the trade pact with Brazil."
    assert {("PER", "BRA"), ("BOL", "BRA"), ("CHL", "BRA")} <= set(dyads(text))
    described = "Peru, the host country, and Chile welcomed the trade pact with Brazil."
    assert sorted(dyads(described)) == [("CHL", "BRA"), ("PER", "BRA")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ambassadors of Norway, Sweden and Finland condemned the raid on the Kenyan "
            "embassy.",
            {"NORGOV", "SWEGOV", "FINGOV"},
        ),
        (
            "Lawmakers and officials in Norway and Sweden praised the accord with Iceland.",
            {"NORLEG", "SWELEG", "NORGOV", "SWEGOV"},
        ),
        (
            "Kenya and Uganda's foreign ministers condemned the attack on the border post.",
            {"KENGOV", "UGAGOV"},
        ),
    ],
)
def test_a_role_held_by_listed_countries_acts_for_each(text: str, expected: set[str]) -> None:
    assert {source for source, _ in dyads(text)} >= expected


def test_each_coordinated_party_of_a_phrase_preposition_is_a_target():
    text = "Kenya agreed with Uganda and Tanzania on the need for a joint border force."
    assert {("KEN", "UGA"), ("KEN", "TZA")} <= set(dyads(text))


def test_a_meeting_is_coded_in_both_directions_and_told_first():
    text = "The Kenyan president met Ugandan and Tanzanian leaders on Sunday."
    found = dyads(text)
    assert found[0] == ("KENGOV", "UGAGOV")
    assert {("KENGOV", "TZAGOV"), ("UGAGOV", "KENGOV"), ("TZAGOV", "KENGOV")} <= set(found)


@pytest.mark.parametrize(
    "text",
    [
        "Norway and Sweden have delayed their talks.",  # their own talks: with each other
        "Norway and Sweden strengthened their ties.",  # a joint act on what is theirs
        "Norway and Sweden accused each other of spying.",
        "Talks between Norway and Sweden resumed in Oslo on Monday.",
    ],
)
def test_mutual_acts_go_both_ways(text: str) -> None:
    assert {("NOR", "SWE"), ("SWE", "NOR")} <= set(dyads(text))


def test_their_own_people_make_no_mutual_act():
    found = dyads("Kenya and the government of Uganda warned their citizens about the floods.")
    assert ("KEN", "UGAGOV") not in found and ("UGAGOV", "KEN") not in found


def test_a_travellers_errand_is_theirs_and_no_walkout():
    events = annotate("The mayor of Oslo left for Stockholm for talks with a Danish delegation.")
    coded = [(e.cameo, e.source.code if e.source else None) for e in events.events]
    assert ("040", "NORGOV") in coded
    assert all(cameo != "164" for cameo, _ in coded)  # "left ... for talks" is no walk-out


def test_the_author_of_a_condemned_act_is_the_target():
    events = annotate("Kenya condemned an attack by Ugandan soldiers in Tanzania.").events
    assert events[0].target is not None and events[0].target.code == "UGAMIL"


def test_a_petrarch_state_code_gives_roles_their_country(tmp_path: Path) -> None:
    actors = tmp_path / "states.actors.txt"
    actors.write_text("ZEMBLA [ZMB]\nESTOVIA [EST]\n", encoding="utf-8")
    agents = tmp_path / "roles.agents.txt"
    agents.write_text("ACTIVIST [~OPP]\n", encoding="utf-8")
    options = Options(actor_files=(actors,), agent_files=(agents,))
    text = "Activists in Zembla praised the accord with Estovia."
    assert ("ZMBOPP", "EST") in dyads(text, options)


@pytest.mark.parametrize(
    ("text", "pair", "span"),
    [
        # a role shared by the listed countries: one joint party phrase
        (
            "The armies of Peru and Chile performed joint exercises in May.",
            ("PERMIL", "CHLMIL"),
            "The armies of Peru and Chile",
        ),
        # a noun that counts events lends the light verb's subject
        (
            "Jordan and Egypt started another round of naval drills on Monday.",
            ("JOR", "EGY"),
            "Jordan and Egypt",
        ),
        # the light verb's passive agents
        (
            "The naval drill was staged by Chilean marines and Peruvian forces.",
            ("CHLMIL", "PERMIL"),
            "Chilean marines and Peruvian forces",
        ),
        # a joint act done to what is between two parties is theirs
        (
            "Relations between Kenya and Uganda were restored last year.",
            ("KEN", "UGA"),
            "Kenya and Uganda",
        ),
    ],
)
def test_joint_acts_of_listed_parties(text: str, pair: tuple[str, str], span: str) -> None:
    events = annotate(text).to_dict()["events"]
    first = events[0]
    assert (first["source"]["code"], first["target"]["code"]) == pair
    assert first["source"]["text"] == span
    assert (pair[1], pair[0]) in dyads(text)


def test_a_visit_during_which_the_subject_acts_is_the_subjects():
    text = "The Kenyan president will meet Ugandan leaders during a brief visit to Kampala."
    visits = [e for e in annotate(text).events if e.cameo == "042"]
    assert visits and visits[0].source is not None and visits[0].source.code == "KENGOV"
