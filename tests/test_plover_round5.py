"""PLOVER source country and mode, fifth round (issue 4), with the real model, on sentences
written for them: forces moved by whoever owns them, explosive devices as sources, a people's
role acting in a named place, unknown civil bodies, sentence-final reporting clauses, and modes
read from the trigger, the means and the victim (``data/lexicons/modes.yaml``)."""

from __future__ import annotations

from typing import Any

import pytest

from whodid import annotate
from whodid.events.lexicon import LexiconError
from whodid.events.modes import load_mode_cues, mode_cues

pytestmark = pytest.mark.model


def _event(text: str, trigger: str) -> dict[str, Any]:
    events = annotate(text).to_dict()["events"]
    found = [e for e in events if e["trigger"]["text"] == trigger]
    assert found, [e["trigger"]["text"] for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "code"),
    [
        # an agentless passive: whoever moves troops is whose troops they are
        (
            "The blue helmets were pulled out of the northern province last spring.",
            "pulled out",
            "The blue helmets",
            "IGOUNOMIL",
        ),
        ("Indian troops were deployed along the border on Monday.", "deployed", None, "INDMIL"),
        # an event noun's of-phrase names the forces, whose act it is
        (
            "The withdrawal of Russian troops from the island was completed.",
            "withdrawal",
            "Russian troops",
            "RUSMIL",
        ),
    ],
)
def test_own_forces_moved_name_the_source(
    text: str, trigger: str, source: str | None, code: str
) -> None:
    event = _event(text, trigger)
    assert event["source"]["code"] == code
    if source is not None:
        assert event["source"]["text"] == source


def test_own_forces_yield_to_a_named_mover() -> None:
    # a light verb's subject still acts ("sped up the withdrawal of some forces")
    event = _event("Canada sped up the withdrawal of its forces from the island.", "withdrawal")
    assert event["source"]["code"] == "CAN"
    # an expulsion is done to the peacekeepers, not by them
    event = _event("The blue helmets were expelled from the country in May.", "expelled")
    assert event["source"] is None or event["source"]["code"] != "IGOUNOMIL"
    # a description is no act: "troops stationed near the border" keeps no source
    events = annotate("Soldiers stationed near the lake were later attacked.").to_dict()["events"]
    stationed = [e for e in events if e["trigger"]["text"] == "stationed"]
    assert not stationed or stationed[0]["source"] is None


def test_an_act_attributed_to_a_doer_is_the_doers() -> None:
    # the doer a participle names is the source of the act, and of what it caused
    text = "Four farmers were killed in a raid blamed on the Taliban."
    assert _event(text, "raid")["source"]["code"] == "AFGREBTAL"
    assert _event(text, "raid")["target"] is None
    assert _event(text, "killed")["source"]["code"] == "AFGREBTAL"
    text = "Six guards died in an ambush carried out by Boko Haram."
    assert _event(text, "ambush")["source"]["code"] == "NGAREBBKH"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        (
            "A car bomb went off beside a checkpoint in the town of Mosul, killing three guards.",
            "killing",
            "IRQUAF",
        ),
        (
            "A roadside bomb near the town of Tikrit killed two American soldiers.",
            "killed",
            "IRQUAF",
        ),
        (
            "A car bomb blew up outside a hotel in central Beirut, killing a blogger.",
            "killing",
            "LBNUAF",
        ),
    ],
)
def test_an_explosive_device_is_an_unidentified_armed_actor_of_its_place(
    text: str, trigger: str, code: str
) -> None:
    assert _event(text, trigger)["source"]["code"] == code


def test_an_explosive_device_without_a_place_gets_no_country() -> None:
    # the victims' nationality is no place: "two American soldiers" do not make it American
    event = _event("A roadside bomb killed two American soldiers on Sunday.", "killed")
    assert event["source"]["code"] is None


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        (
            "Villagers rioted at a market in the Kenyan capital Nairobi on Friday, witnesses said.",
            "rioted",
            "KEN",
        ),
        ("Students marched through Dhaka on Monday to protest against the dam.", "marched", "BGD"),
    ],
)
def test_a_peoples_role_takes_the_country_where_it_acts(text: str, trigger: str, code: str) -> None:
    assert _event(text, trigger)["source"]["country"] == code


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        # a name a settlement noun makes a place, however small the town
        ("Police in the town of Tikrit arrested five suspects.", "arrested", "IRQCOP"),
        # a role in a capital is no part of the capital's government
        ("Protesters in Nairobi burned tyres.", "burned", "KENCVL"),
        ("Businessmen in Moscow criticised the plan.", "criticised", "RUSBUS"),
        # a role of a seat still is: 'the chairman of the Duma'
        ("The chairman of the Duma criticised the plan.", "criticised", "RUSLEG"),
    ],
)
def test_a_place_after_a_role(text: str, trigger: str, code: str) -> None:
    assert _event(text, trigger)["source"]["code"] == code


def test_an_aid_group_does_not_take_the_place_where_it_acts() -> None:
    # aid and rights groups of no known country stay non-governmental organisations
    event = _event("An aid group delivered food to families in Nairobi.", "delivered")
    assert event["source"]["code"] == "NGO"


def test_an_unknown_civil_body_is_a_non_governmental_organisation() -> None:
    event = _event("The Global Clean Air Forum urged rich countries to cut emissions.", "urged")
    assert event["source"]["code"] == "NGO"
    event = _event(
        "The Smith Family Foundation donated 2 million dollars to the clinic.", "donated"
    )
    assert event["source"]["code"] == "NGO"


def test_a_sentence_final_reporting_clause_keeps_its_speaker() -> None:
    text = "The new law curbs press freedom, a journalists' union protested here Monday."
    event = _event(text, "protested")
    assert event["plover"]["type"] == "ACCUSE"
    assert event["source"]["text"] == "a journalists' union"


def test_a_participle_misparsed_as_subject_yields_to_its_noun() -> None:
    text = "The aid agency working in Somalia said both sides must allow food convoys to pass."
    event = _event(text, "said")
    assert event["source"]["text"].startswith("The aid agency")


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        # the means or cause of an attack
        ("Two leaders of the rebel group were killed in a drone strike.", "killed", "drone"),
        ("Gunmen killed four villagers in the north on Tuesday.", "killed", "firearms"),
        ("A suicide car bombing killed nine people at the market.", "killed", "suicide-attack"),
        (
            "A detainee died of torture in a military jail, his family said.",
            "died",
            "torture",
        ),
        ("The attackers killed two guards with machetes.", "killed", "primitive"),
        # the victim: a leader killed is an assassination
        ("The militia killed the rebel commander on Friday.", "killed", "assassinate"),
        # the trigger's own word, where the code is "strike or boycott"
        ("Dock workers stopped work on Monday in a dispute over pay.", "stopped work", "strike"),
        ("The opposition boycotted the election.", "boycotted", "boycott"),
        # a hunger strike stays one
        ("She began a hunger strike.", "hunger strike", "hunger"),
        # an attack made ready mobilises weapons
        ("The army prepared to resume shelling the rebel-held town.", "shelling", "weapons"),
        # an announced arrest is a threat of arrest
        ("The junta announced it will arrest the opposition leaders.", "arrest", "arrest"),
        ("The militants beheaded two hostages on Friday.", "beheaded", "execute"),
        # a threat of heavy blows is one of violence
        (
            "The militant group threatened to strike a crushing blow against the army.",
            "threatened",
            "violence",
        ),
        # the code's own mode is kept
        ("Police fired tear gas at the marchers.", "fired", "crowd-control"),
    ],
)
def test_modes_from_the_words_around_an_event(text: str, trigger: str, mode: str) -> None:
    assert _event(text, trigger)["plover"]["mode"] == mode


def test_a_mode_belongs_to_the_events_type() -> None:
    # stones thrown by protesters make no "primitive" protest: PROTEST has no such mode
    event = _event("Youths rioted and threw stones at the police.", "rioted")
    assert event["plover"]["mode"] == "riot"


def test_mode_cue_file_is_checked() -> None:
    cues = mode_cues()
    assert cues.devices and cues.instruments and cues.victims and cues.triggers
    with pytest.raises(LexiconError, match="not a PLOVER mode"):
        load_mode_cues("bad.yaml", "instruments:\n  laser: [laser]\n")
    with pytest.raises(LexiconError, match="sections"):
        load_mode_cues("bad.yaml", "weapons: [gun]\n")
    with pytest.raises(LexiconError, match="list of words"):
        load_mode_cues("bad.yaml", "devices: bomb\n")
