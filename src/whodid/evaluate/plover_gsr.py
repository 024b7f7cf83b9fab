"""PLOVER gold standard records: event type, mode and source country of each sentence.

The predicted event of a sentence is its highest-confidence non-negated event (ties: the
first). ``type_accuracy`` compares its ``plover.type`` with ``plover_event_current`` over all
records (no event is a miss); ``mode_accuracy`` is over records whose gold has a mode;
``source_country_accuracy`` is over records with a coded gold source actor: right when the
event source's ``country`` (ISO3), or the first three letters of its ``code`` (for IGO, NGO
and similar non-state codes), equals one of the gold source codes.
"""

from __future__ import annotations

import logging
from typing import Any

from whodid.evaluate.common import (
    AnnotateFn,
    SetResult,
    add_example,
    asserted,
    best_event,
    brief_event,
    call_annotate,
    events_of,
    macro_f1,
    ratio,
)

logger = logging.getLogger(__name__)

# The gold records were coded with PLOVER 0.5 mode names; the current manual renamed them
# (its event types were renamed in the data already: plover_event_current).
OLD_MODE_NAMES = {
    "demo-org": "demo",
    "riot-spon": "riot",
    "strike-gen": "strike",
    "strike-hun": "hunger",
    "host": "visit",
}

NAME = "plover_gsr"
FILE = "plover_gsr.jsonl"


def _gold_source_codes(record: dict[str, Any]) -> set[str]:
    codes: set[str] = set()
    for actor in record.get("source_actors") or []:
        code = actor.get("code") if isinstance(actor, dict) else None
        if isinstance(code, str) and code.strip():
            codes.add(code.strip().upper())
    return codes


def _source_keys(event: dict[str, Any] | None) -> set[str]:
    source = (event or {}).get("source") or {}
    keys: set[str] = set()
    if source.get("country"):
        keys.add(str(source["country"]).upper())
    if source.get("code"):
        keys.add(str(source["code"])[:3].upper())
    return keys


def score(
    records: list[dict[str, Any]], annotate: AnnotateFn, *, limit: int | None = None
) -> SetResult:
    records = records[:limit] if limit is not None else records
    outputs = call_annotate(annotate, [{"id": str(r["id"]), "text": r["text"]} for r in records])

    gold_types: list[str] = []
    pred_types: list[str] = []
    mode_total = mode_right = 0
    country_total = country_right = 0
    examples: list[dict[str, Any]] = []
    for record, output in zip(records, outputs, strict=True):
        event = best_event(asserted(events_of(output)))
        plover = (event or {}).get("plover") or {}
        gold_type = str(record.get("plover_event_current") or "")
        pred_type = str(plover.get("type") or "")
        gold_types.append(gold_type)
        pred_types.append(pred_type)
        gold_mode = record.get("plover_mode")
        gold_mode = OLD_MODE_NAMES.get(gold_mode, gold_mode) if isinstance(gold_mode, str) else None
        if gold_mode:
            mode_total += 1
            mode_right += plover.get("mode") == gold_mode
        codes = _gold_source_codes(record)
        if codes:
            country_total += 1
            country_ok = bool(codes & _source_keys(event))
            country_right += country_ok
        if pred_type != gold_type:
            add_example(
                examples,
                {
                    "id": record["id"],
                    "text": record["text"],
                    "gold": gold_type,
                    "pred": pred_type,
                    "event": brief_event(event),
                },
            )

    labels = sorted(set(gold_types))
    right = sum(1 for g, p in zip(gold_types, pred_types, strict=True) if g == p)
    metrics = {
        "type_accuracy": ratio(right, len(records)),
        "type_macro_f1": macro_f1(gold_types, pred_types, labels),
        "mode_accuracy": ratio(mode_right, mode_total),
        "source_country_accuracy": ratio(country_right, country_total),
        "event_rate": ratio(sum(1 for p in pred_types if p), len(records)),
    }
    notes = [
        "event = highest-confidence non-negated event",
        f"mode scored on {mode_total} records, source country on {country_total}",
    ]
    errors = sum(1 for o in outputs if o.get("error"))
    if errors:
        notes.append(f"{errors} outputs had an error (scored as no events)")
    return SetResult(name=NAME, metrics=metrics, n=len(records), notes=notes, examples=examples)
