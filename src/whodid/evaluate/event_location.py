"""Event geolocation: which place mention (if any) is where the given event verb happened.

Each sentence is annotated with the gold ``event_verb`` passed as the batch field ``locate``
(INTERFACE.md: the place of the event a named word expresses, coded as an event or not); the
output's ``located`` answer for it is the prediction ("none" when it has no location). The set
asks where a given event happened, so the prediction no longer depends on whether the coder
codes an event at that verb. ``accuracy_via_events_overlap`` keeps the older figure: the
``location`` of the event whose trigger matches the verb (exact offsets, else overlapping), "none"
when no event matches. ``accuracy_exact``/``accuracy_overlap``: the prediction is
right when both say none, or when the predicted span equals/overlaps one gold location span.
``location_*`` precision/recall/F1 treat a predicted location as a claim and a gold location
as something to find. ``event_found`` is the share of items where the verb's event was found.
"""

from __future__ import annotations

import logging
from typing import Any

from whodid.evaluate.common import (
    AnnotateFn,
    SetResult,
    Span,
    add_example,
    call_annotate,
    events_of,
    match_spans,
    prf_metrics,
    ratio,
    span_of,
)

logger = logging.getLogger(__name__)

NAME = "event_location"
FILE = "event_location.jsonl"
MODES = ("exact", "overlap")


def event_for_verb(output: dict[str, Any], verb: Span) -> dict[str, Any] | None:
    """The output event whose trigger is the verb (exact offsets first, then overlap)."""
    events = events_of(output)
    for mode in MODES:
        for event in events:
            trigger = span_of(event.get("trigger"))
            if trigger and match_spans([trigger], [verb], mode=mode):
                return event
    return None


def _input(record: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"id": str(record["id"]), "text": record["text"]}
    verb = span_of(record.get("event_verb"))
    if verb:
        item["locate"] = [{"start": verb[0], "end": verb[1]}]
    return item


def _located(output: dict[str, Any], verb: Span) -> dict[str, Any] | None:
    """The output's answer for the verb: its place, ``{}`` for "none", ``None`` if not asked."""
    if not output or output.get("error"):
        return None
    for item in output.get("located") or []:
        if isinstance(item, dict) and span_of(item.get("word")) == verb:
            return item.get("location") or {}
    return None


def score(
    records: list[dict[str, Any]], annotate: AnnotateFn, *, limit: int | None = None
) -> SetResult:
    records = records[:limit] if limit is not None else records
    outputs = call_annotate(annotate, [_input(r) for r in records])
    right = dict.fromkeys(MODES, 0)
    counts = {mode: [0, 0, 0] for mode in MODES}
    found = via_events = 0
    examples: list[dict[str, Any]] = []
    for record, output in zip(records, outputs, strict=True):
        verb = span_of(record.get("event_verb"))
        event = event_for_verb(output, verb) if verb else None
        found += event is not None
        answer = _located(output, verb) if verb else None
        place = answer if answer is not None else (event or {}).get("location")
        pred = span_of(place)
        gold = [s for s in (span_of(g) for g in record.get("event_locations") or []) if s]
        old = span_of((event or {}).get("location"))
        via_events += (old is None and not gold) or bool(
            old and match_spans([old], gold, mode="overlap")
        )
        for mode in MODES:
            hit = pred is not None and bool(match_spans([pred], gold, mode=mode))
            right[mode] += hit or (pred is None and not gold)
            c = counts[mode]
            c[0] += hit
            c[1] += pred is not None and not hit
            c[2] += bool(gold) and not hit
        if not (pred is None and not gold) and not (
            pred and match_spans([pred], gold, mode="overlap")
        ):
            add_example(
                examples,
                {
                    "id": record["id"],
                    "text": record["text"],
                    "verb": (record.get("event_verb") or {}).get("text"),
                    "gold": [g.get("text") for g in record.get("event_locations") or []],
                    "pred": (place or {}).get("text"),
                },
            )
    n = len(records)
    metrics = {
        "accuracy_exact": ratio(right["exact"], n),
        "accuracy_overlap": ratio(right["overlap"], n),
        "event_found": ratio(found, n),
        "accuracy_via_events_overlap": ratio(via_events, n),
    }
    for mode in MODES:
        metrics.update(prf_metrics(f"location_{mode}", *counts[mode]))
    notes = ["prediction = the located place of the gold verb (batch field `locate`)"]
    return SetResult(name=NAME, metrics=metrics, n=n, notes=notes, examples=examples)
