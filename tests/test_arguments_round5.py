"""Target arguments and extents, fifth round, with the real model (sentences written for them)."""

from __future__ import annotations

from typing import Any

import pytest
from best_event import best_event, best_target

from whodid import annotate

pytestmark = pytest.mark.model


def test_a_possessor_beside_an_aimed_at_phrase_does_the_act() -> None:
    best = best_event(
        "Kurdish fighters pressed on with their assault on the militant-held district."
    )
    assert best["source"]["text"] == "Kurdish fighters"
    assert best["target"]["text"] == "the militant-held district"


def test_whom_a_thing_is_held_by_is_not_the_target_when_it_is_the_source() -> None:
    text = "Maoist rebels said that they will free two engineers held captive by them."
    assert best_target(text) == "two engineers"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the acronym's parenthesis closes the name, also where the parse hangs it elsewhere
        (
            "The council imposed sanctions on the Lord's Resistance Army (LRA) last year.",
            "the Lord's Resistance Army (LRA)",
        ),
        (
            "Canada imposed sanctions on the Rapid Support Forces (RSF) and two of its commanders.",
            "the Rapid Support Forces (RSF)",
        ),
        # an of-phrase naming an act is the verb's, not the target's
        (
            "Human Rights Watch accused the Ethiopian army of mass killings in Tigray.",
            "the Ethiopian army",
        ),
    ],
)
def test_target_extents(text: str, target: str) -> None:
    assert best_target(text) == target


def test_a_recipient_hung_inside_the_object_is_where_the_thing_goes() -> None:
    text = (
        "Customs officers returned a bronze statue decorated with gold leaf to Nigerian officials."
    )
    assert best_target(text) == "Nigerian officials"


def test_a_purpose_infinitive_serves_the_recipient_of_its_act() -> None:
    text = "Japan gave 200 trucks to the Kenyan police to help during the election."
    assert best_target(text) == "the Kenyan police"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # "call for X to ...": X is asked
        ("The senator called on Monday for Turkey to leave the pact.", "Turkey"),
        # a demand noun's that-clause names whom it is made of
        ("Iran repeated its demand that Britain release the seized tanker.", "Britain"),
        # optimism and pessimism are about their that-clause's subject
        (
            "The minister expressed optimism that the new Kenyan government would cut tariffs.",
            "the new Kenyan government",
        ),
        # the body whose office is resigned
        ("Ahmed resigned as president of Sudan after the protests.", "Sudan"),
        # an "in"-clause ("in what X called ...") names no place
        (
            "Chile established diplomatic ties with the island nation of Tuvalu, in what "
            "officials called a historic step.",
            "the island nation of Tuvalu",
        ),
    ],
)
def test_targets_the_clause_names_elsewhere(text: str, target: str) -> None:
    assert best_target(text) == target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a topic one declines to comment on is no target
        ("A spokesman for the Chilean navy declined to comment on the leaked report.", None),
        # what an attack is made with is no target; where it strikes is
        ("Houthi forces attacked the port of Jizan with drones and missiles.", "the port of Jizan"),
        # weapons laid down are the thing given up: the place is the target
        ("The militiamen will lay down their arms in Bunia next week.", "Bunia"),
        # a restriction imposed in a place aims at that place
        ("The court lifted the travel restrictions imposed in Kashmir last year.", "Kashmir"),
    ],
)
def test_things_and_topics_are_no_targets(text: str, target: str | None) -> None:
    assert best_target(text) == target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a number that counts an of-phrase is an argument ("five of the districts")
        (
            "The governor lifted the state of emergency in five of the province's districts.",
            "five of the province's districts",
        ),
        # a mediator works between the parties
        (
            "Norway launched a mediation effort between the Colombian government and the ELN "
            "rebels.",
            "the Colombian government",
        ),
    ],
)
def test_counted_places_and_mediated_parties(text: str, target: str) -> None:
    assert best_target(text) == target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a place right after the target, hung on the event noun, is the target's
        (
            "The Kenyan air force carried out several air strikes against al-Shabaab in "
            "Somalia last month.",
            "al-Shabaab in Somalia",
        ),
        # ... without what is coordinated with the place
        (
            "The agency sought food aid for flood victims in Malawi and refugees in the north.",
            "flood victims in Malawi",
        ),
        # a recipient's own phrase, place included
        (
            "The judges rejected an appeal lodged by the main opposition party in Kenya.",
            "the main opposition party in Kenya",
        ),
    ],
)
def test_places_after_targets(text: str, target: str) -> None:
    assert best_target(text) == target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # an abbreviation ending the sentence lends its period to the sentence
        ("Spain lifted its ban on flights from the U.K.", "flights from the U.K"),
        # a recipient's acronym in parentheses is part of its name
        (
            "The tribunal refused to scrap a ban placed on the Popular Front of India (PFI) "
            "last year.",
            "the Popular Front of India (PFI)",
        ),
    ],
)
def test_span_ends(text: str, target: str) -> None:
    assert best_target(text) == target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a stance's clause hangs on the copula, not the adjective
        (
            "The central bank said it is doubtful the new budget would cut the deficit.",
            "the new budget",
        ),
        # a reported hope or expectation is about its clause's subject ("hopes": lemma "hop")
        (
            "The union said it hopes that the Labour government will raise wages soon.",
            "the Labour government",
        ),
        (
            "The union said it expects that the new government will raise wages soon.",
            "the new government",
        ),
    ],
)
def test_reported_stances(text: str, target: str) -> None:
    assert best_target(text) == target


def _by_trigger(text: str) -> dict[str, dict[str, Any]]:
    return {e["trigger"]["text"]: e for e in annotate(text).to_dict()["events"]}


def test_a_conditional_clause_sets_the_scene() -> None:
    events = _by_trigger(
        "Mali warned of military action if the Tuareg militia does not withdraw its fighters "
        "from the border town."
    )
    assert events["warned of"]["confidence"] - events["withdraw"]["confidence"] > 0.1


def test_the_conjuncts_of_a_participle_adjunct_elaborate_the_main_act() -> None:
    events = _by_trigger(
        "Gunmen stormed a hotel in Mogadishu, killing four guards and wounding ten guests."
    )
    assert events["wounding"]["confidence"] == events["killing"]["confidence"]
    assert events["stormed"]["confidence"] > events["wounding"]["confidence"]


def test_no_target_inside_the_source_phrase() -> None:
    best = best_event(
        "The Committee for the Protection of Journalists is asking help from the United "
        "Nations to free reporters."
    )
    source, target = best["source"], best["target"]
    assert target is None or not (source["start"] <= target["start"] < source["end"])


def test_what_a_joint_act_is_about_is_no_party() -> None:
    best = best_event(
        "Colombian and Venezuelan negotiators have failed to strike a deal on the border crossing."
    )
    assert best["target"]["text"] == "Colombian and Venezuelan negotiators"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # an abstract thing no one owns aims at the place it is about
        ("Japan is ready to contribute to the stabilization of the situation in Haiti.", "Haiti"),
        # a place noun is a place of its own
        (
            "Kenya is willing to withdraw its soldiers from the disputed territory of Abyei.",
            "the disputed territory of Abyei",
        ),
    ],
)
def test_the_place_a_thing_is_about(text: str, target: str) -> None:
    assert best_target(text) == target


@pytest.mark.parametrize(
    "text",
    [
        # what an amount is "in" is no place: the purpose's country is the target
        "Germany announced a large increase in funding to help Greece cope with the migrants.",
        "Japan donated 3 million dollars in aid to help Greece rebuild its schools.",
    ],
)
def test_an_amount_in_aid_is_no_place(text: str) -> None:
    assert best_target(text) == "Greece"


def test_words_of_a_conditional_clause_are_no_part_of_the_phrase() -> None:
    # "threaten ... strike" must not take its "strike" from the if-clause's act
    best = best_event(
        "Mali threatened to attack the rebel camps if the militia strikes any soldiers."
    )
    assert best["trigger"]["text"] == "threatened"
    assert best["target"]["text"] == "the rebel camps"


def test_an_as_phrase_says_what_the_target_is_made() -> None:
    text = "The militants used dozens of villagers as human shields in the town of Marawi."
    assert best_target(text) == "dozens of villagers"
