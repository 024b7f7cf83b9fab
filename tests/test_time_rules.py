"""whodid.time: the keyword pre-filter of the rules and the normalisation rules added for
weeks, quarters, halves, decades and tense (inputs written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from whodid.time import find_timexes
from whodid.time.patterns import compiled_rules
from whodid.time.timex import candidates

FILLER = "The committee members discussed the proposal at great length without agreeing. " * 4

SENTENCES = [
    "The ceasefire began on March 3, 2012 at 6 a.m. EST Tuesday.",
    "Two weeks later, the envoys met again; some 20 years ago they had fought.",
    "Sales rose 5% in the third quarter of fiscal 1999, up from a year earlier.",
    "Every Monday the council meets, usually twice a month, since the 1990s.",
    "Protests resumed last spring and again early this week, then on Christmas Day.",
    "Nineteen ninety-seven was calmer; at noon yesterday, nothing happened.",
    "She said the year-ago period was weak, and currently the outlook is better.",
    "He arrived the day before yesterday and will leave tomorrow morning or the following week.",
    "In late July 2011 and 12/05/2010, prices fell; in the past few months they rose daily.",
]


def test_prefilter_finds_what_a_full_scan_finds() -> None:
    text = "\n\n".join(s + " " + FILLER for s in SENTENCES)
    rules, _ = compiled_rules()
    full = {(idx, m.span()) for idx, r in enumerate(rules) for m in r.pattern.finditer(text)}
    filtered = {(idx, m.span()) for _, _, idx, m in candidates(text)}
    assert full == filtered
    assert len(full) > 40


def test_every_rule_has_keywords() -> None:
    rules, _ = compiled_rules()
    assert all(r.needs and all(r.needs) for r in rules)


def test_scorer_keeps_records_with_the_same_text_apart() -> None:
    from typing import Any

    from whodid.evaluate.timebank import score

    def record(n: int, dct: str) -> dict[str, Any]:
        gold = {"start": 8, "end": 14, "text": "Monday", "type": "DATE", "value": dct}
        return {"id": n, "text": "He left Monday.", "dct": {"value": dct}, "timexes": [gold]}

    def annotate(inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                "times": [
                    {
                        "start": 8,
                        "end": 14,
                        "text": "Monday",
                        "type": "DATE",
                        "value": i["published"],
                    }
                ]
            }
            for i in inputs
        ]

    result = score([record(1, "2013-03-18"), record(2, "2013-03-25")], annotate)
    assert result.metrics["value_accuracy"] == 1.0
