"""What a first reader sees (review, fifth round): a gift of arms needs a recipient, a
preposition that belongs to an adverb is no part of a verb phrase, the object of a verb of
seeing does what its "-ing" participle says, and "X's successor" is whoever held X's office
next. Sentences written for these tests."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from whodid import annotate
from whodid.actors.entries import ActorEntry, CodeWindow
from whodid.actors.kb import ActorKB


def _person(name: str, *windows: tuple[str, str, str | None]) -> ActorEntry:
    return ActorEntry(
        key=f"person:{name}",
        name=name,
        kind="person",
        names=(name,),
        code=None,
        country="ARN",
        windows=tuple(
            CodeWindow(
                code=code,
                start=datetime.date.fromisoformat(start),
                end=datetime.date.fromisoformat(end) if end else None,
                role="president",
            )
            for code, start, end in windows
        ),
    )


def test_the_next_and_the_previous_holder_of_an_office() -> None:
    first = _person("Ada First", ("ARNGOV", "2010-01-01", "2015-12-31"))
    second = _person("Ben Second", ("ARNGOV", "2016-01-01", "2021-12-31"))
    third = _person("Cy Third", ("ARNGOV", "2022-01-01", None))
    kb = ActorKB([third, first, second], [])
    on = datetime.date(2024, 5, 1)
    assert kb.next_holder(first, when=on, later=True) is second
    assert kb.next_holder(second, when=on, later=True) is third
    assert kb.next_holder(third, when=on, later=True) is None  # still in office
    assert kb.next_holder(third, when=on, later=False) is second
    assert kb.next_holder(first, when=on, later=False) is None


def _events(text: str, published: datetime.date | None = None) -> list[dict[str, Any]]:
    return list(annotate(text, published=published).to_dict()["events"])


def _codes(text: str) -> set[str]:
    return {e["cameo"] for e in _events(text)}


@pytest.mark.model
def test_a_successor_is_the_next_holder_of_the_office_on_the_date() -> None:
    text = "Andrés Manuel López Obrador's successor travelled to Ottawa for talks."
    events = _events(text, datetime.date(2025, 2, 3))
    sources = {e["source"]["code"] for e in events if e["source"]}
    assert "MEXGOV" in sources and "MEXELI" not in sources


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Gondor sent armed drones across the river into Arnor on Sunday.",
        "The rebels dispatched two helicopters over the valley at dawn.",
    ],
)
def test_sending_weapons_to_no_one_is_no_military_aid(text: str) -> None:
    assert "072" not in _codes(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Iran sent Russia hundreds of drones last year.", "RUS"),
        ("Germany shipped rifles to the Ukrainian army in March.", "UKRMIL"),
    ],
)
def test_sending_weapons_to_someone_is_military_aid(text: str, target: str) -> None:
    aid = [e for e in _events(text) if e["cameo"] == "072"]
    assert aid and aid[0]["target"]["code"] == target


@pytest.mark.model
def test_flying_close_to_a_place_is_no_visit() -> None:
    assert "042" not in _codes("Two fighter jets were flying close to the naval base at noon.")
    assert "042" in _codes("The foreign minister flew to Canberra on Tuesday.")


@pytest.mark.model
def test_what_was_seen_doing_something_does_it() -> None:
    text = "Coast guards spotted three Chinese warships entering Philippine territorial waters."
    entered = [e for e in _events(text) if e["cameo"] == "150"]
    assert entered and entered[0]["source"]["text"].startswith("three Chinese warships")


@pytest.mark.model
def test_a_predecessor_is_the_one_before_in_the_office() -> None:
    text = "Claudia Sheinbaum's predecessor travelled to Ottawa for talks."
    events = _events(text, datetime.date(2025, 2, 3))
    sources = [e["source"] for e in events if e["source"]]
    assert sources and sources[0]["code"] == "MEXELI"
    assert sources[0]["name"] == "Andrés Manuel López Obrador"


@pytest.mark.model
def test_a_finite_verb_after_a_gerund_joins_the_main_verb() -> None:
    text = (
        "Estonia accused Russia of jamming satellite signals over the Baltic and expelled "
        "the Russian consul on Friday."
    )
    expelled = [e for e in _events(text) if e["trigger"]["text"] == "expelled"]
    assert expelled and expelled[0]["source"]["code"] == "EST"
    assert not expelled[0]["hypothetical"]


@pytest.mark.model
def test_showing_readiness_to_act_makes_the_subject_the_actor() -> None:
    text = "Kenya has signalled its readiness to deploy troops to Haiti."
    deploy = [e for e in _events(text) if e["trigger"]["text"] == "deploy"]
    assert deploy and deploy[0]["source"]["code"] == "KEN"


@pytest.mark.model
def test_selling_goods_to_no_one_is_no_trade() -> None:
    assert "061" not in _codes("Most of the victims were farmers selling shoes at the market.")
    assert "061" in _codes("Chile sold shoes to Japan at a fixed price.")


@pytest.mark.model
def test_an_occasion_after_at_is_no_target() -> None:
    text = "The Kenyan foreign minister spoke at a press briefing in Geneva on Monday."
    events = _events(text)
    assert events and all(e["target"] is None for e in events if e["cameo"].startswith("01"))


@pytest.mark.model
def test_who_would_receive_and_will_not_refuses() -> None:
    text = "Nicaragua's government refused to accept assistance from Costa Rica after the floods."
    refused = [e for e in _events(text) if e["cameo"].startswith("12")]
    assert refused and refused[0]["source"]["code"].startswith("NIC")
    assert refused[0]["target"]["code"] == "CRI"


@pytest.mark.model
def test_an_act_not_yet_done_by_no_one_is_no_refusal() -> None:
    text = (
        "Officials spoke on condition of anonymity because the peace talks had not been "
        "announced yet."
    )
    assert not any(e["cameo"].startswith("12") for e in _events(text))


@pytest.mark.model
def test_camps_for_refugees_are_neither_bases_nor_crossings() -> None:
    codes = _codes("Uganda agreed to open three more refugee camps near the border.")
    assert not codes & {"150", "0872"}


@pytest.mark.model
def test_suicide_bombers_are_no_aircraft_moved() -> None:
    codes = _codes("The militia has repeatedly sent suicide bombers into crowded markets.")
    assert "154" not in codes


@pytest.mark.model
def test_forces_moved_with_no_country_are_the_movers() -> None:
    text = (
        "Brazil welcomed the move. Gabriel Boric has signalled more willingness to deploy "
        "armed forces, though critics remain wary."
    )
    deploy = [e for e in _events(text, datetime.date(2024, 5, 1)) if e["cameo"] == "154"]
    assert deploy and deploy[0]["source"]["code"] == "CHLGOV"
    assert deploy[0]["target"]["code"] == "CHLMIL"
