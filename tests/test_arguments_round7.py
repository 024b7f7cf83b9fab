"""Target arguments, seventh round: hand-built parses for the event-level rules, the real
model for the rest (sentences written for them)."""

from __future__ import annotations

import pytest
from best_event import best_event

from docs import parse
from whodid.events.assemble import inherit_targets, rank_below_stance
from whodid.records import Actor, Event, Span


def _event(cameo: str, confidence: float, *, target: Actor | None = None) -> Event:
    return Event(
        sentence=0,
        trigger=Span(0, 1, "x"),
        source=Actor(0, 5, "Arnor", code="ARN"),
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=3,
        goldstein=0.0,
        plover={"type": "THREATEN", "mode": None},
        confidence=confidence,
    )


# "Arnor issued an ultimatum to the negotiators."
_ISSUED = (
    "Arnor/PROPN/nsubj/1 issued/VERB/ROOT/1/issue an/DET/det/3 ultimatum/NOUN/dobj/1 "
    "to/ADP/prep/3 the/DET/det/6 negotiators/NOUN/pobj/4/negotiator ./PUNCT/punct/1"
)
_NEGOTIATORS = Actor(33, 48, "the negotiators")


def test_a_light_verb_takes_the_aim_of_its_event_noun() -> None:
    doc = parse(_ISSUED)
    issued, ultimatum = _event("130", 0.85), _event("139", 0.7, target=_NEGOTIATORS)
    inherit_targets([(issued, doc[1]), (ultimatum, doc[3])], frozenset({"issue"}))
    assert issued.target == _NEGOTIATORS


def test_a_verb_that_is_no_light_verb_keeps_its_own_aim() -> None:
    # "rejected an appeal against X" is no act on X
    doc = parse(_ISSUED)
    issued, ultimatum = _event("120", 0.85), _event("020", 0.7, target=_NEGOTIATORS)
    inherit_targets([(issued, doc[1]), (ultimatum, doc[3])], frozenset({"launch"}))
    assert issued.target is None


# A headline that opens with the light verb: "Issued ultimatum to negotiators"
_HEADLINE = (
    "Issued/VERB/ROOT/0/issue ultimatum/NOUN/dobj/0 to/ADP/prep/1 "
    "negotiators/NOUN/pobj/2/negotiator"
)


def test_a_light_verb_at_the_first_word_takes_the_aim_too() -> None:
    # the governing word's index is 0, which must count as found
    doc = parse(_HEADLINE)
    negotiators = Actor(23, 34, "negotiators")
    issued, ultimatum = _event("130", 0.85), _event("139", 0.7, target=negotiators)
    inherit_targets([(issued, doc[0]), (ultimatum, doc[1])], frozenset({"issue"}))
    assert issued.target == negotiators


# "Arnor said it hoped that Gondor, which plans to attack Rhun, would stay out."
_HOPED = (
    "Arnor/PROPN/nsubj/1 said/VERB/ROOT/1/say it/PRON/nsubj/3 hoped/VERB/ccomp/1/hope "
    "that/SCONJ/mark/13 Gondor/PROPN/nsubj/13 ,/PUNCT/punct/5 which/PRON/nsubj/8 "
    "plans/VERB/relcl/5/plan to/PART/aux/10 attack/VERB/xcomp/8 Rhun/PROPN/dobj/10 "
    "would/AUX/aux/13 stay/VERB/ccomp/3 out/ADP/prt/13 ./PUNCT/punct/1"
)


def test_acts_inside_a_reported_hope_rank_below_the_statement() -> None:
    doc = parse(_HOPED)
    said = _event("010", 0.6, target=Actor(19, 25, "Gondor", code="GON"))
    attack = _event("190", 0.7, target=Actor(51, 55, "Rhun", code="RHU"))
    rank_below_stance([(said, doc[1]), (attack, doc[10])])
    assert attack.confidence < said.confidence


def test_a_statement_without_an_aim_lets_the_act_it_reports_lead() -> None:
    doc = parse(_HOPED)
    said = _event("010", 0.6)
    attack = _event("190", 0.7, target=Actor(51, 55, "Rhun", code="RHU"))
    rank_below_stance([(said, doc[1]), (attack, doc[10])])
    assert attack.confidence == 0.7


pytestmark_model = pytest.mark.model


@pytestmark_model
@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        # a reported hope is aimed at whoever is hoped to act; what that one does is content
        (
            "Opposition leaders said they hoped that the Bolivian president, who plans to sign "
            "a new trade deal with Chile, would resign.",
            "010",
            "the Bolivian president",
        ),
        # a reported doubt is aimed at what it doubts, not at the act the claim reports
        (
            "The Argentine foreign ministry said it was skeptical of a Chilean claim that its "
            "navy had seized two fishing boats.",
            "010",
            "a Chilean claim",
        ),
        # a refusal answers whoever asked or pressed
        (
            "The Peruvian finance minister has declined to resign, despite the president's "
            "request that he do so.",
            "120",
            "the president",
        ),
        (
            "The Bolivian envoy refused to leave under pressure from the opposition.",
            "120",
            "the opposition",
        ),
        # a proposal its author's name modifies ends with the proposal
        (
            "The opposition rejected the Chilean government proposal for early elections.",
            "127",
            "the Chilean government proposal",
        ),
        ("Lima rejected Bolivian demands for access to the sea.", "120", "Bolivian demands"),
        # property seized is taken from someone
        (
            "The militia said it will return the weapons it has seized from the army.",
            "171",
            "the army",
        ),
        # a place after an envoy says where the envoy is posted, not whom it stands for
        (
            "Peru summoned Bolivia's charge d'affaires in Lima.",
            "114",
            "Bolivia's charge d'affaires",
        ),
        # a mediation's purpose names its parties
        (
            "Norway launched a mediation effort to end the dispute between Peru and Chile.",
            "045",
            "Peru",
        ),
        # tariffs cut "on" goods are aimed at them
        (
            "The government cut tariffs on $3 billion of Mexican imports.",
            "061",
            "$3 billion of Mexican imports",
        ),
    ],
)
def test_targets(text: str, code: str, target: str) -> None:
    best = best_event(text)
    assert (best["cameo"], best["target"]["text"] if best["target"] else None) == (code, target)
