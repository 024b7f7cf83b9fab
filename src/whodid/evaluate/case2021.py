"""CASE 2021 task 2 snippets: ACLED event type and sub-event type.

Only snippets with an ACLED label are scored (the five "unseen" CASE types have none). The
prediction is the first non-negated event (in output order) that carries an ``acled`` field;
no such event is a miss. Reported: sub-event accuracy and macro-F1 (over the gold sub-event
labels), event-type accuracy and macro-F1, the share of snippets given an ACLED label at all,
and the share of unseen-type snippets given one anyway (``unseen_acled_rate``).
"""

from __future__ import annotations

import logging
from typing import Any

from whodid.evaluate.common import (
    AnnotateFn,
    SetResult,
    add_example,
    asserted,
    brief_event,
    call_annotate,
    events_of,
    macro_f1,
    ratio,
)

logger = logging.getLogger(__name__)

NAME = "case2021_task2"
FILE = "case2021_task2.jsonl"


def first_acled(output: dict[str, Any]) -> dict[str, Any] | None:
    """The first non-negated event with an ``acled`` field."""
    for event in asserted(events_of(output)):
        if event.get("acled"):
            return event
    return None


def score(
    records: list[dict[str, Any]], annotate: AnnotateFn, *, limit: int | None = None
) -> SetResult:
    records = records[:limit] if limit is not None else records
    outputs = call_annotate(annotate, [{"id": str(r["id"]), "text": r["text"]} for r in records])

    gold_sub: list[str] = []
    pred_sub: list[str] = []
    gold_type: list[str] = []
    pred_type: list[str] = []
    unseen = unseen_labelled = 0
    examples: list[dict[str, Any]] = []
    for record, output in zip(records, outputs, strict=True):
        event = first_acled(output)
        acled = (event or {}).get("acled") or {}
        if not record.get("acled_sub_event_type"):
            unseen += 1
            unseen_labelled += event is not None
            continue
        gold_sub.append(str(record["acled_sub_event_type"]))
        gold_type.append(str(record.get("acled_event_type") or ""))
        pred_sub.append(str(acled.get("sub_event_type") or ""))
        pred_type.append(str(acled.get("event_type") or ""))
        if pred_sub[-1] != gold_sub[-1]:
            add_example(
                examples,
                {
                    "id": record["id"],
                    "text": record["text"],
                    "gold": gold_sub[-1],
                    "pred": pred_sub[-1] or None,
                    "event": brief_event(event),
                },
            )

    n = len(gold_sub)
    metrics = {
        "sub_event_accuracy": ratio(
            sum(g == p for g, p in zip(gold_sub, pred_sub, strict=True)), n
        ),
        "sub_event_macro_f1": macro_f1(gold_sub, pred_sub, sorted(set(gold_sub))),
        "event_type_accuracy": ratio(
            sum(g == p for g, p in zip(gold_type, pred_type, strict=True)), n
        ),
        "event_type_macro_f1": macro_f1(gold_type, pred_type, sorted(set(gold_type))),
        "coverage": ratio(sum(1 for p in pred_sub if p), n),
        "unseen_acled_rate": ratio(unseen_labelled, unseen),
    }
    notes = [
        f"{n} ACLED-labelled snippets scored; {unseen} unseen-type snippets only checked for "
        "false ACLED labels",
        "prediction = first non-negated event with an acled field",
    ]
    errors = sum(1 for o in outputs if o.get("error"))
    if errors:
        notes.append(f"{errors} outputs had an error (scored as no events)")
    return SetResult(name=NAME, metrics=metrics, n=n, notes=notes, examples=examples)
