"""Target arguments, sixth round: hand-built parses for the parse repairs, the real model for
the rest (sentences written for them)."""

from __future__ import annotations

import pytest
from best_event import best_event, best_target

from docs import parse
from whodid import annotate
from whodid.events import clauses
from whodid.events.coder import code_sentence
from whodid.events.lexicon import build_lexicon

LEXICON_YAML = """
- id: t.claim
  code: "015"
  verbs: ["claim responsibility for"]
  example: "Arnor claimed responsibility for the raid."
- id: t.operation
  code: "190"
  nouns: [operation]
  example: "Arnor launched an operation against Gondor."
"""


def _coded(spec: str) -> list[tuple[str, str | None, str | None]]:
    lexicon = build_lexicon([("test.yaml", LEXICON_YAML)])
    lexicon.light_verbs = frozenset({"launch"})
    doc = parse(spec)
    return [
        (c.entry.id, c.source.text if c.source else None, c.target.text if c.target else None)
        for sent in doc.sents
        for c in code_sentence(sent, lexicon)
    ]


def test_a_by_phrase_hung_on_an_active_verb_after_its_object_is_the_object_s() -> None:
    doc = parse(
        "Arnor/PROPN/nsubj/1 denied/VERB/ROOT/1/deny charges/NOUN/dobj/1/charge "
        "by/ADP/prep/1 Gondor/PROPN/pobj/3 ./PUNCT/punct/1"
    )
    assert [t.text for t in clauses.prep_objects(doc[2]).get("by", [])] == ["Gondor"]


def test_a_by_phrase_after_another_phrase_stays_the_verb_s() -> None:
    doc = parse(
        "Arnor/PROPN/nsubj/1 denied/VERB/ROOT/1/deny charges/NOUN/dobj/1/charge "
        "on/ADP/prep/1 Monday/PROPN/pobj/3 by/ADP/prep/1 Gondor/PROPN/pobj/5 ./PUNCT/punct/1"
    )
    assert "by" not in clauses.prep_objects(doc[2])


def test_coordinated_prepositions_share_their_object() -> None:
    # "Arnor banned flights to and from Gondor"
    doc = parse(
        "Arnor/PROPN/nsubj/1 banned/VERB/ROOT/1/ban flights/NOUN/dobj/1/flight to/ADP/prep/1 "
        "and/CCONJ/cc/3 from/ADP/conj/3 Gondor/PROPN/pobj/5 ./PUNCT/punct/1"
    )
    table = clauses.prep_objects(doc[1])
    assert [t.text for t in table["to"]] == ["Gondor"]


def test_a_second_object_after_a_clause_sums_up_the_act() -> None:
    # "Arnor overran a base, officials said, the second attack on Gondor"
    doc = parse(
        "Arnor/PROPN/nsubj/1 overran/VERB/ROOT/1/overrun a/DET/det/3 base/NOUN/dobj/1 "
        ",/PUNCT/punct/6 officials/NOUN/nsubj/6/official said/VERB/advcl/1/say ,/PUNCT/punct/6 "
        "the/DET/det/10 second/ADJ/amod/10 attack/NOUN/dobj/1 on/ADP/prep/10 "
        "Gondor/PROPN/pobj/11 ./PUNCT/punct/1"
    )
    assert [t.text for t in clauses.direct_objects(doc[1])] == ["base"]


def test_a_second_object_after_a_bare_comma_stays_an_object() -> None:
    # "Arnor returned an old, rare manuscript" misparsed as two objects
    doc = parse(
        "Arnor/PROPN/nsubj/1 returned/VERB/ROOT/1/return an/DET/det/3 old/NOUN/dobj/1 "
        ",/PUNCT/punct/1 rare/ADJ/amod/6 manuscript/NOUN/dobj/1 ./PUNCT/punct/1"
    )
    assert [t.text for t in clauses.direct_objects(doc[1])] == ["old", "manuscript"]


def test_a_preposition_in_the_subject_s_phrase_is_no_part_of_the_trigger() -> None:
    # "A spokesman for Arnor claimed responsibility for the raid": the raid's "for", not Arnor's
    got = _coded(
        "A/DET/det/1 spokesman/NOUN/nsubj/4 for/ADP/prep/1 Arnor/PROPN/pobj/2 "
        "claimed/VERB/ROOT/4/claim responsibility/NOUN/dobj/4 for/ADP/prep/5 the/DET/det/8 "
        "raid/NOUN/pobj/6 on/ADP/prep/8 Gondor/PROPN/pobj/9 ./PUNCT/punct/4"
    )
    assert got == [("t.claim", "spokesman", "Gondor")]


def test_an_operation_s_named_apposition_keeps_its_aim() -> None:
    # "Arnor launched an operation, Dawn, against Gondor": the parse hangs "against" on the name
    got = _coded(
        "Arnor/PROPN/nsubj/1 launched/VERB/ROOT/1/launch an/DET/det/3 operation/NOUN/dobj/1 "
        ",/PUNCT/punct/3 Dawn/PROPN/appos/3 ,/PUNCT/punct/5 against/ADP/prep/5 "
        "Gondor/PROPN/pobj/7 ./PUNCT/punct/1"
    )
    assert got == [("t.operation", "Arnor", "Gondor")]


pytestmark_model = pytest.mark.model


@pytestmark_model
@pytest.mark.parametrize(
    ("text", "target"),
    [
        # an amount "in" aid: the aid's purpose names where it goes
        (
            "The European Union is allocating 40 million euros in humanitarian support to "
            "tackle the cholera outbreak in Haiti.",
            "Haiti",
        ),
        # the purpose infinitive of the thing given; a region no actor stands for
        (
            "Canada announced a twofold increase in funding to fight the locust plague in "
            "East Africa.",
            "East Africa",
        ),
        # a thing returned goes "to" someone, not "at" the place of the ceremony
        (
            "Belgian police returned a stolen medieval manuscript to the People's Republic of "
            "China at their embassy in Brussels.",
            "the People's Republic of China",
        ),
        # curbs are restrictions
        ("Japan lifted travel curbs on Iranian businessmen last month.", "Iranian businessmen"),
        # peacekeeping is provided where the force serves
        (
            "About 200 Nepalese peacekeepers arrived in Bangui on Monday for a peacekeeping "
            "mission.",
            "Bangui",
        ),
        (
            "A platoon of Irish troops arrived in Beirut to join the peacekeeping mission there.",
            "Beirut",
        ),
        ("Uruguayan soldiers take part in peacekeeping operations in Congo.", "Congo"),
        # a claim of responsibility aims at what the act claimed aimed at
        (
            "A separatist group claimed responsibility for the rocket attack on an army post "
            "near the border.",
            "an army post near the border",
        ),
        ("A spokesman for the rebels claimed responsibility for the ambush in Helmand.", "Helmand"),
        # a thing lifted or eased is aimed where it was imposed
        ("The council lifted the curfew imposed in the old city after the riots.", "the old city"),
        # "around" places a thing as "in" does
        ("The army deployed tanks around the presidential palace.", "the presidential palace"),
        (
            "Government troops imposed a blockade around rebel-held villages in the east.",
            "rebel-held villages",
        ),
        # a gerund after a preposition of topic or aim names what it acts on
        ("Chile expressed optimism about ending the border dispute soon.", "the border dispute"),
        (
            "The bank eased its restrictions on doing deals with the Venezuelan oil company PDVSA.",
            "the Venezuelan oil company PDVSA",
        ),
        # a truce agreed to is aimed where it holds
        ("Rebel factions agreed to a ceasefire in Aleppo on Sunday.", "Aleppo"),
        # the verb's own object, owned by an actor, before an actor of an unnamed clause
        (
            "The Nigerian president praised Ghana's decision last week to release the detained "
            "traders.",
            "Ghana's decision",
        ),
        # "for doing" is a reason, not an aim
        ("Washington imposed sanctions on Ankara for buying Russian missiles.", "Ankara"),
    ],
)
def test_targets(text: str, target: str) -> None:
    assert best_target(text) == target


@pytestmark_model
def test_those_taking_part_in_an_operation_do_it() -> None:
    best = best_event("Uruguayan soldiers take part in peacekeeping operations in Congo.")
    assert best["source"]["text"] == "Uruguayan soldiers"


@pytestmark_model
@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        # aid named by a noun is an event of its own, aimed at whom or where it goes
        ("Humanitarian assistance to Yemen has doubled since March.", "073", "Yemen"),
        (
            "Britain remains a major source of humanitarian assistance in South Sudan.",
            "073",
            "South Sudan",
        ),
    ],
)
def test_aid_nouns(text: str, code: str, target: str) -> None:
    best = best_event(text)
    assert (best["cameo"], best["target"]["text"]) == (code, target)


@pytestmark_model
def test_an_addressed_warning_is_not_aimed_at_the_subject_of_what_it_says() -> None:
    text = (
        "The parliament issued an ultimatum to the negotiators, warning that Britain would walk "
        "away."
    )
    issued = next(e for e in annotate(text).to_dict()["events"] if e["trigger"]["text"] == "issued")
    assert issued["target"] is None or issued["target"]["text"] != "Britain"
