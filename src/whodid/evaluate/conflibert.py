"""ConfliBERT CAMEO sentences: penta class of the sentence and source/target actor spans.

Choices (documented for the figures):

* The predicted class of a sentence is the Phoenix penta class of the cameo root of its
  highest-confidence non-negated event; a sentence without one is class 0 (neutral/statement).
* Actor spans come from that same chosen event only. Role scores (``source_*``, ``target_*``)
  compare the chosen event's source (target) span with the gold spans of that role. A gold
  *reciprocal* span is optional for both roles: a prediction that matches it is a true
  positive (and the span then counts as gold for that role), an unmatched reciprocal span is
  not a miss. ``actor_*`` pools both predicted spans against all gold spans, roles ignored
  (every gold span, reciprocal ones included, must be found).
* ``exact`` needs identical character offsets; ``overlap`` (relaxed) needs one shared
  character. Only records with actor spans (gold ``actor_spans`` not null) count for spans.
"""

from __future__ import annotations

import logging
from typing import Any

from whodid.evaluate.common import (
    AnnotateFn,
    SetResult,
    Span,
    accuracy,
    add_example,
    asserted,
    best_event,
    brief_event,
    call_annotate,
    cameo_root,
    confusion,
    events_of,
    macro_f1,
    match_spans,
    penta_class,
    per_class_f1,
    prf_metrics,
    span_of,
)

logger = logging.getLogger(__name__)

NAME = "conflibert_cameo"
FILE = "conflibert_cameo.jsonl"
CLASSES = (0, 1, 2, 3, 4)
CLASS_NAMES = (
    "neutral",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
MODES = ("exact", "overlap")


def predicted_class(output: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    """Penta class of a sentence's output and the event it was read from."""
    event = best_event(asserted(events_of(output)))
    if event is None:
        return 0, None
    return penta_class(cameo_root(event)), event


def _gold_spans(record: dict[str, Any]) -> dict[str, list[Span]] | None:
    spans = record.get("actor_spans")
    if spans is None:
        return None
    gold: dict[str, list[Span]] = {"source": [], "target": [], "reciprocal": []}
    for span in spans:
        start, end = span.get("char_start"), span.get("char_end")
        if isinstance(start, int) and isinstance(end, int) and span.get("role") in gold:
            gold[span["role"]].append((start, end))
    return gold


def _role_counts(
    pred: Span | None, gold: list[Span], reciprocal: list[Span], mode: str
) -> tuple[int, int, int]:
    """(tp, fp, fn) of one role in one sentence: at most one predicted span."""
    if pred is None:
        return 0, 0, len(gold)
    if match_spans([pred], gold, mode=mode):
        return 1, 0, len(gold) - 1
    if match_spans([pred], reciprocal, mode=mode):
        return 1, 0, len(gold)  # the matched reciprocal span joins this role's gold
    return 0, 1, len(gold)


CONFIDENCE_THRESHOLDS = (0.3, 0.5, 0.7)


def _confidence_curve(ranked: list[tuple[float, bool, bool]], gold_events: int) -> dict[str, float]:
    """Does confidence mean something? Of the sentences whose chosen event reaches each
    threshold, the share with the right class (precision), and their share of all sentences
    with an event class (recall). Filtering should trade one for the other monotonically."""
    out: dict[str, float] = {}
    for t in CONFIDENCE_THRESHOLDS:
        kept = [(right, event) for conf, right, event in ranked if conf >= t]
        hits = sum(1 for right, event in kept if right and event)
        out[f"conf{t:.1f}_precision"] = sum(right for right, _ in kept) / len(kept) if kept else 0.0
        out[f"conf{t:.1f}_recall"] = hits / gold_events if gold_events else 0.0
    return out


def score(
    records: list[dict[str, Any]], annotate: AnnotateFn, *, limit: int | None = None
) -> SetResult:
    records = records[:limit] if limit is not None else records
    inputs = [{"id": str(r["id"]), "text": r["text"]} for r in records]
    outputs = call_annotate(annotate, inputs)

    gold_classes: list[int] = []
    pred_classes: list[int] = []
    ranked: list[tuple[float, bool, bool]] = []  # (confidence, right class, gold has an event)
    counts = {
        f"{role}_{mode}": [0, 0, 0] for role in ("source", "target", "actor") for mode in MODES
    }
    n_spans = 0
    examples: list[dict[str, Any]] = []
    for record, output in zip(records, outputs, strict=True):
        gold_class = int(record["pentaclass"])
        pred_class, event = predicted_class(output)
        gold_classes.append(gold_class)
        pred_classes.append(pred_class)
        if event is not None:
            ranked.append(
                (float(event.get("confidence") or 0.0), pred_class == gold_class, gold_class != 0)
            )
        if pred_class != gold_class:
            add_example(
                examples,
                {
                    "id": record["id"],
                    "text": record["text"],
                    "gold": gold_class,
                    "pred": pred_class,
                    "event": brief_event(event),
                },
            )
        gold = _gold_spans(record)
        if gold is None:
            continue
        n_spans += 1
        src = span_of(event.get("source")) if event else None
        tgt = span_of(event.get("target")) if event else None
        for mode in MODES:
            for role, pred in (("source", src), ("target", tgt)):
                c = _role_counts(pred, gold[role], gold["reciprocal"], mode)
                for i in range(3):
                    counts[f"{role}_{mode}"][i] += c[i]
            preds = [s for s in (src, tgt) if s is not None]
            all_gold = gold["source"] + gold["target"] + gold["reciprocal"]
            tp = match_spans(preds, all_gold, mode=mode)
            c3 = counts[f"actor_{mode}"]
            c3[0] += tp
            c3[1] += len(preds) - tp
            c3[2] += len(all_gold) - tp

    metrics: dict[str, float] = {
        "accuracy": accuracy(gold_classes, pred_classes),
        "macro_f1": macro_f1(gold_classes, pred_classes, CLASSES),
    }
    for label, f1 in per_class_f1(gold_classes, pred_classes, CLASSES).items():
        metrics[f"f1_{CLASS_NAMES[int(str(label))]}"] = f1
    for key, (tp, fp, fn) in counts.items():
        metrics.update(prf_metrics(key, tp, fp, fn))
    metrics.update(_confidence_curve(ranked, sum(1 for g in gold_classes if g != 0)))
    errors = sum(1 for o in outputs if o.get("error"))
    notes = [
        "class = penta class of the highest-confidence non-negated event, 0 when none",
        f"actor spans scored on {n_spans} records with gold spans; reciprocal gold spans are "
        "optional for either role",
    ]
    if errors:
        notes.append(f"{errors} outputs had an error (scored as no events)")
    return SetResult(
        name=NAME,
        metrics=metrics,
        n=len(records),
        notes=notes,
        examples=examples,
        details={
            "confusion_labels": list(CLASS_NAMES),
            "confusion": confusion(gold_classes, pred_classes, CLASSES),
        },
    )
