"""Geoparsing sets (LGL, GeoVirus): toponym spans and their coordinates.

The ``places`` layer is compared with the gold toponyms: span precision/recall/F1 with exact
offsets and with overlap (one-to-one pairing). ``acc_161km`` is, over overlap-paired gold
toponyms that have coordinates and whose prediction has coordinates, the share within 161 km
(100 miles, the field's usual threshold); ``resolved_recall_161km`` divides the same hits by
all gold toponyms with coordinates (end to end). ``mean_error_km`` is the mean distance on
those pairs. GeoVirus points follow Wikipedia, so a GeoNames point can miss by convention.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from whodid.evaluate.common import (
    AnnotateFn,
    SetResult,
    Span,
    add_example,
    call_annotate,
    haversine_km,
    match_spans,
    prf_metrics,
    ratio,
    span_match,
    span_of,
)

logger = logging.getLogger(__name__)

NAMES = ("geo_lgl", "geo_geovirus")
THRESHOLD_KM = 161.0
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _coords(item: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = item.get("lat"), item.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def score(
    records: list[dict[str, Any]],
    annotate: AnnotateFn,
    *,
    name: str = "geo_lgl",
    limit: int | None = None,
) -> SetResult:
    records = records[:limit] if limit is not None else records
    inputs = []
    for record in records:
        item = {"id": str(record["id"]), "text": record["text"]}
        if isinstance(record.get("date"), str) and _DATE.match(record["date"]):
            item["published"] = record["date"][:10]
        # the article's web address is input metadata a user has too (batch field ``url``)
        if isinstance(record.get("url"), str) and record["url"]:
            item["url"] = record["url"]
        inputs.append(item)
    outputs = call_annotate(annotate, inputs)

    counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
    resolved_gold = scored = within = 0
    error_km = 0.0
    examples: list[dict[str, Any]] = []
    for record, output in zip(records, outputs, strict=True):
        places = [] if output.get("error") else list(output.get("places") or [])
        pred = [(s, p) for s, p in ((span_of(p), p) for p in places) if s]
        gold = [(s, t) for s, t in ((span_of(t), t) for t in record.get("toponyms") or []) if s]
        for mode in counts:
            tp = match_spans([s for s, _ in pred], [s for s, _ in gold], mode=mode)
            counts[mode][0] += tp
            counts[mode][1] += len(pred) - tp
            counts[mode][2] += len(gold) - tp
        used: set[int] = set()
        for g_span, toponym in gold:
            g_xy = _coords(toponym)
            resolved_gold += g_xy is not None
            match = _paired(g_span, pred, used)
            if match is None:
                continue
            p_xy = _coords(match)
            if g_xy is None or p_xy is None:
                continue
            distance = haversine_km(*g_xy, *p_xy)
            scored += 1
            error_km += distance
            if distance <= THRESHOLD_KM:
                within += 1
            else:
                add_example(
                    examples,
                    {
                        "id": record["id"],
                        "text": toponym.get("phrase"),
                        "gold": g_xy,
                        "pred": p_xy,
                        "km": round(distance),
                    },
                )
    metrics: dict[str, float] = {}
    for mode, (tp, fp, fn) in counts.items():
        metrics.update(prf_metrics(f"toponym_{mode}", tp, fp, fn))
    metrics.update(
        {
            "acc_161km": ratio(within, scored),
            "resolved_recall_161km": ratio(within, resolved_gold),
            "mean_error_km": ratio(error_km, scored),
        }
    )
    notes = [
        f"{len(records)} documents; {resolved_gold} gold toponyms with coordinates, "
        f"{scored} paired with a resolved prediction"
    ]
    return SetResult(name=name, metrics=metrics, n=len(records), notes=notes, examples=examples)


def _paired(
    gold: Span, pred: list[tuple[Span, dict[str, Any]]], used: set[int]
) -> dict[str, Any] | None:
    for mode in ("exact", "overlap"):
        for i, (span, place) in enumerate(pred):
            if i not in used and span_match(span, gold, mode=mode):
                used.add(i)
                return place
    return None
