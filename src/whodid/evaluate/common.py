"""Shared pieces of the scorers: the result record, data reading, event choice and metrics.

Every scorer measures whodid only through the batch interface of INTERFACE.md: a function
that takes input records ``{id, text, published?}`` and returns the output dicts, in order.
"""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

AnnotateFn = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]

MAX_EXAMPLES = 10


@dataclass
class SetResult:
    """The scores of one evaluation set."""

    name: str
    metrics: dict[str, float]
    n: int
    notes: list[str] = field(default_factory=list)
    examples: list[dict[str, Any]] = field(default_factory=list)  # a few misses
    details: dict[str, Any] = field(default_factory=dict)  # tables such as a confusion matrix


def read_jsonl(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Read a JSONL file; a bad line raises ValueError naming the file and line."""
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not valid JSON: {exc.msg}") from exc
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{lineno}: expected a JSON object")
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def _error_output(record: dict[str, Any], message: str) -> dict[str, Any]:
    return {
        "id": record.get("id", ""),
        "error": message,
        "events": [],
        "places": [],
        "times": [],
        "quotes": [],
    }


def call_annotate(annotate: AnnotateFn, inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run ``annotate`` on ``inputs``; a failing batch is retried record by record.

    A record that still fails, or a short answer, becomes an error output (scored as no events).
    """
    if not inputs:
        return []
    try:
        outputs = list(annotate(inputs))
        if len(outputs) == len(inputs):
            return outputs
        logger.warning("annotate returned %d outputs for %d inputs", len(outputs), len(inputs))
    except Exception as exc:  # noqa: BLE001 - the evaluation must go on
        logger.warning(
            "annotate failed on a batch of %d (%s); retrying one by one", len(inputs), exc
        )
    result: list[dict[str, Any]] = []
    for record in inputs:
        try:
            single = list(annotate([record]))
            result.append(single[0] if single else _error_output(record, "no output"))
        except Exception as exc:  # noqa: BLE001
            result.append(_error_output(record, f"{type(exc).__name__}: {exc}"))
    return result


def events_of(output: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The events of one output; an error output or a missing one has none."""
    if not output or output.get("error"):
        return []
    return [e for e in output.get("events") or [] if isinstance(e, dict)]


def asserted(
    events: Iterable[dict[str, Any]], *, hypothetical: bool = True
) -> list[dict[str, Any]]:
    """Events that are not negated (and, with ``hypothetical=False``, not hypothetical)."""
    return [
        e for e in events if not e.get("negated") and (hypothetical or not e.get("hypothetical"))
    ]


def best_event(events: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The highest-confidence event; ties go to the earliest in the list."""
    best: dict[str, Any] | None = None
    for event in events:
        if best is None or _confidence(event) > _confidence(best):
            best = event
    return best


def _confidence(event: dict[str, Any]) -> float:
    value = event.get("confidence")
    return float(value) if isinstance(value, int | float) else 0.0


def normalise_cameo(code: object) -> str:
    """CAMEO code as PETRARCH writes it: digits only, a two-digit root padded to ``"050"``."""
    text = "".join(ch for ch in str(code or "") if ch.isdigit())
    return text + "0" if len(text) == 2 else text


def cameo_root(event: dict[str, Any]) -> str:
    root = str(event.get("cameo_root") or "")
    if len(root) == 2 and root.isdigit():
        return root
    return normalise_cameo(event.get("cameo"))[:2]


_PENTA = {1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3, 12: 3, 13: 3, 16: 3}


def penta_class(root: str | None) -> int:
    """Phoenix penta class of a CAMEO root: 0 01-02, 1 03-05, 2 06-08, 3 09-13+16, 4 14-15+17-20."""
    if not root or not root.isdigit():
        return 0
    value = int(root)
    if value in _PENTA:
        return _PENTA[value]
    return 4 if 14 <= value <= 20 else 0


# --- metrics -------------------------------------------------------------------------------


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1; an empty denominator gives 0.0."""
    precision = ratio(tp, tp + fp)
    recall = ratio(tp, tp + fn)
    f1 = ratio(2 * precision * recall, precision + recall)
    return precision, recall, f1


def prf_metrics(prefix: str, tp: float, fp: float, fn: float) -> dict[str, float]:
    precision, recall, f1 = prf(tp, fp, fn)
    return {f"{prefix}_p": precision, f"{prefix}_r": recall, f"{prefix}_f1": f1}


def accuracy(gold: Sequence[object], pred: Sequence[object]) -> float:
    return ratio(sum(1 for g, p in zip(gold, pred, strict=True) if g == p), len(gold))


def per_class_f1(
    gold: Sequence[object], pred: Sequence[object], labels: Iterable[object]
) -> dict[object, float]:
    scores: dict[object, float] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        scores[label] = prf(tp, fp, fn)[2]
    return scores


def macro_f1(gold: Sequence[object], pred: Sequence[object], labels: Iterable[object]) -> float:
    scores = per_class_f1(gold, pred, labels)
    return ratio(sum(scores.values()), len(scores))


def confusion(
    gold: Sequence[object], pred: Sequence[object], labels: Sequence[object]
) -> list[list[int]]:
    """Rows gold, columns predicted, in the order of ``labels``; other values are dropped."""
    index = {label: i for i, label in enumerate(labels)}
    table = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        if g in index and p in index:
            table[index[g]][index[p]] += 1
    return table


def multiset_counts(gold: Iterable[object], pred: Iterable[object]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of two multisets."""
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


Span = tuple[int, int]


def span_match(a: Span, b: Span, *, mode: str = "exact") -> bool:
    """``exact``: same offsets; ``overlap``: at least one character in common."""
    if mode == "exact":
        return a == b
    if mode == "overlap":
        return max(a[0], b[0]) < min(a[1], b[1])
    raise ValueError(f"unknown span match mode {mode!r}")


def match_spans(pred: Sequence[Span], gold: Sequence[Span], *, mode: str = "exact") -> int:
    """Number of one-to-one matches between two span lists; exact matches are paired first."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    for want in ("exact", mode) if mode != "exact" else ("exact",):
        for i, p in enumerate(pred):
            if i in used_p:
                continue
            for j, g in enumerate(gold):
                if j not in used_g and span_match(p, g, mode=want):
                    used_p.add(i)
                    used_g.add(j)
                    break
    return len(used_p)


def span_of(obj: dict[str, Any] | None) -> Span | None:
    """``(start, end)`` of a span-like dict, or None."""
    if not obj:
        return None
    start, end = obj.get("start"), obj.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return (start, end)
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def add_example(examples: list[dict[str, Any]], example: dict[str, Any]) -> None:
    """Keep the first few misses; long texts are cut."""
    if len(examples) >= MAX_EXAMPLES:
        return
    text = example.get("text")
    if isinstance(text, str) and len(text) > 300:
        example = {**example, "text": text[:297] + "..."}
    examples.append(example)


def brief_event(event: dict[str, Any] | None) -> dict[str, Any] | None:
    """A short view of an event for the examples."""
    if event is None:
        return None

    def actor(a: dict[str, Any] | None) -> str | None:
        return None if not a else f"{a.get('text')}={a.get('code')}"

    trigger = event.get("trigger") or {}
    return {
        "trigger": trigger.get("text"),
        "source": actor(event.get("source")),
        "target": actor(event.get("target")),
        "cameo": event.get("cameo"),
        "plover": (event.get("plover") or {}).get("type"),
        "acled": (event.get("acled") or {}).get("sub_event_type"),
    }
