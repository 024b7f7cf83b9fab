"""Event geolocation: which place mention (if any) is where the given event verb happened.

Each sentence is annotated; the event whose trigger matches the gold ``event_verb`` (same
offsets, else overlapping) is taken, and its ``location`` span is the prediction (no matching
event, or no location: "none"). ``accuracy_exact``/``accuracy_overlap``: the prediction is
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


def score(
    records: list[dict[str, Any]], annotate: AnnotateFn, *, limit: int | None = None
) -> SetResult:
    records = records[:limit] if limit is not None else records
    outputs = call_annotate(annotate, [{"id": str(r["id"]), "text": r["text"]} for r in records])
    right = dict.fromkeys(MODES, 0)
    counts = {mode: [0, 0, 0] for mode in MODES}
    found = 0
    examples: list[dict[str, Any]] = []
    for record, output in zip(records, outputs, strict=True):
        verb = span_of(record.get("event_verb"))
        event = event_for_verb(output, verb) if verb else None
        found += event is not None
        pred = span_of((event or {}).get("location"))
        gold = [s for s in (span_of(g) for g in record.get("event_locations") or []) if s]
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
                    "pred": ((event or {}).get("location") or {}).get("text"),
                },
            )
    n = len(records)
    metrics = {
        "accuracy_exact": ratio(right["exact"], n),
        "accuracy_overlap": ratio(right["overlap"], n),
        "event_found": ratio(found, n),
    }
    for mode in MODES:
        metrics.update(prf_metrics(f"location_{mode}", *counts[mode]))
    notes = ["prediction = location of the event whose trigger matches the gold verb"]
    return SetResult(name=NAME, metrics=metrics, n=n, notes=notes, examples=examples)
