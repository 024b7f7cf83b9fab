"""Target extents, eighth round: sentences written for them, run through the real model."""

from __future__ import annotations

import pytest
from best_event import best_event

pytestmark = pytest.mark.model


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
            "Arnor expressed condolences to the families of those who died in the blast.",
            "018",
            "the families of those who died in the blast",
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
