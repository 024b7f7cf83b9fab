"""Target extents, eighth round: sentences written for them, run through the real model."""

from __future__ import annotations

import pytest
from best_event import best_event

from docs import parse
from whodid import annotate
from whodid.events import clauses


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        # a request, offer or proposal keeps its coded author's phrase
        (
            "The ministry refused a request from Britain to visit the prison.",
            "120",
            "a request from Britain",
        ),
        (
            "The rebels rejected an offer from the Colombian government to extend the truce.",
            "127",
            "an offer from the Colombian government",
        ),
        (
            "Ankara rejected a request by Chancellor Merkel to hold a rally.",
            "120",
            "a request by Chancellor Merkel",
        ),
        # an author named in a participle phrase, a trailing date left out
        (
            "The cabinet rejected the proposal submitted by Germany and France on Monday.",
            "127",
            "the proposal submitted by Germany and France",
        ),
        # demands and charges are aimed at the source: their author is the target
        ("Police rejected accusations by the opposition party.", "016", "the opposition party"),
        # a modifier shared by a coordinated bare noun: one group, one span
        (
            "Rebels said they will free a Canadian engineer and pilot next week.",
            "0353",
            "a Canadian engineer and pilot",
        ),
        (
            "Prosecutors opened investigations against 15 managers and suppliers of the Gondor "
            "Rail Company.",
            "090",
            "15 managers and suppliers of the Gondor Rail Company",
        ),
        # an "across"-phrase after the object says where it is found
        (
            "Gondor has threatened to attack rebel fighters across the border in northern Arnor.",
            "1384",
            "rebel fighters across the border in northern Arnor",
        ),
        (
            "Gondor troops attacked 140 rebel camps across 20 districts, the army said.",
            "190",
            "140 rebel camps across 20 districts",
        ),
        # a that-clause inside the target's of-phrase is no part of it; a who-clause is
        (
            "Washington lifted sanctions on a unit of the Gondor shipping company that was "
            "accused of smuggling oil.",
            "085",
            "a unit of the Gondor shipping company",
        ),
        (
            "Arnor sent its condolences to the relatives of those who lost their lives in the "
            "blast.",
            "018",
            "the relatives of those who lost their lives in the blast",
        ),
        # a clause after a preposition is about its own subject
        (
            "The farmers' union said it was doubtful about the cabinet managing to cut fuel "
            "prices.",
            "010",
            "the cabinet",
        ),
        (
            "Most voters said they agree with what the opposition party was proposing.",
            "019",
            "the opposition party",
        ),
        # a determiner alone is no shared modifier: two groups
        ("The rebels will not free the soldiers and policemen.", "1243", "the soldiers"),
    ],
)
def test_target_extents(text: str, code: str, target: str) -> None:
    best = best_event(text)
    assert best["cameo"] == code
    assert best["target"] is not None
    assert best["target"]["text"] == target


# Parse repairs on hand-built parses that copy the small model's misreadings.
# "Rebels in trucks mounted with heavy guns stormed the town.": the guns read as the subject
_MOUNTED = (
    "Rebels/NOUN/nsubj/3/rebel in/ADP/prep/0 trucks/NOUN/pobj/1/truck mounted/VERB/ROOT/3/mount "
    "with/ADP/prep/3 heavy/ADJ/amod/6 guns/NOUN/nsubj/7/gun stormed/VERB/conj/3/storm "
    "the/DET/det/9 town/NOUN/dobj/7 ./PUNCT/punct/3"
)


def test_a_subject_after_a_preposition_without_object_is_that_prepositions() -> None:
    doc = parse(_MOUNTED)
    found, passive = clauses.subjects(doc[7])
    assert [t.text for t in found] == ["Rebels"]
    assert not passive


def test_a_coordinated_verb_keeps_its_own_subject() -> None:
    # "Rebels mounted guns and soldiers stormed the town": a preposition with an object
    doc = parse(
        "Rebels/NOUN/nsubj/1/rebel mounted/VERB/ROOT/1/mount guns/NOUN/dobj/1/gun "
        "and/CCONJ/cc/1 soldiers/NOUN/nsubj/5/soldier stormed/VERB/conj/1/storm "
        "the/DET/det/7 town/NOUN/dobj/5 ./PUNCT/punct/1"
    )
    found, _ = clauses.subjects(doc[5])
    assert [t.text for t in found] == ["soldiers"]


# "Militants attacked the base, killing five soldiers, and a bombing killed civilians.": the
# participle's object read as the first conjunct of the next clause's subject
_KILLING = (
    "Militants/NOUN/nsubj/1/militant attacked/VERB/ROOT/1/attack the/DET/det/3 "
    "base/NOUN/dobj/1 ,/PUNCT/punct/1 killing/VERB/advcl/1/kill five/NUM/nummod/7 "
    "soldiers/NOUN/nsubj/12/soldier ,/PUNCT/punct/7 and/CCONJ/cc/7 a/DET/det/11 "
    "bombing/NOUN/conj/7 killed/VERB/ccomp/5/kill civilians/NOUN/dobj/12/civilian "
    "./PUNCT/punct/1"
)


def test_a_participles_object_is_no_part_of_the_next_subject() -> None:
    doc = parse(_KILLING)
    doc[5].tag_ = "VBG"
    found, _ = clauses.subjects(doc[12])
    assert [t.text for t in found] == ["bombing"]


def test_coordinated_subjects_after_a_participle_with_an_object_stay() -> None:
    doc = parse(_KILLING)  # tagged as no participle: the rule does not apply
    found, _ = clauses.subjects(doc[12])
    assert [t.text for t in found] == ["soldiers", "bombing"]


@pytest.mark.model
def test_a_thing_that_its_signers_made_acts_for_them() -> None:
    # what an agreement just signed does, its signers do; a planted bomb stays a device
    text = (
        "The two governments signed four agreements, including one that cuts tariffs on "
        "Gondor bananas."
    )
    events = annotate(text).to_dict()["events"]
    cuts = [e for e in events if e["cameo"] == "061"]
    assert cuts
    assert all(e["source"]["text"] == "The two governments" for e in cuts)


@pytest.mark.model
def test_a_planted_bomb_stays_the_source_of_its_blast() -> None:
    events = annotate("Militants planted a bomb that killed five soldiers.").to_dict()["events"]
    killed = [e for e in events if e["cameo"] == "1823"]
    assert [e["source"]["text"] for e in killed] == ["a bomb"]


@pytest.mark.model
def test_an_indirect_question_is_no_target() -> None:
    text = "A ministry spokesman declined to comment on whether the army was planning new raids."
    best = best_event(text)
    assert best["cameo"] == "011"
    assert best["target"] is None
