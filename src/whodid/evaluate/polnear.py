"""PolNeAR attributions: quotes (content, cue, speaker) in US political news.

A gold attribution's content, cue and source are taken as the extent of their segments
(first start to last end; content may be discontinuous). Predicted quotes are paired one to
one with gold attributions by content: ``exact`` pairs need the same extent, ``overlap``
pairs share at least one character, the closest pairs (intersection over union) first. On
the overlap pairs, ``cue_accuracy`` asks that the cues overlap, ``speaker_accuracy`` that the
speaker spans overlap (or both are absent).
``direct_recall`` is the overlap recall on gold attributions with quotation marks,
``indirect_recall`` the same on those without, ``direct_speaker_accuracy`` and
``indirect_speaker_accuracy`` split ``speaker_accuracy`` the same way, and
``direct_flag_accuracy`` tells how often a paired quote's ``direct`` agrees with the marks.
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
    prf_metrics,
    ratio,
    span_match,
    span_of,
)

logger = logging.getLogger(__name__)

NAME = "polnear"
FILE = "polnear.jsonl"


def extent(part: dict[str, Any] | None) -> Span | None:
    """Extent of a gold part ``{text, segments: [{start, end}]}``."""
    if not part:
        return None
    spans = [s for s in (span_of(seg) for seg in part.get("segments") or []) if s]
    if not spans:
        return None
    return (min(s[0] for s in spans), max(s[1] for s in spans))


def _closeness(p: Span, g: Span) -> float:
    """Intersection over union of two spans (0 when they share nothing)."""
    inter = min(p[1], g[1]) - max(p[0], g[0])
    if inter <= 0:
        return 0.0
    return inter / (max(p[1], g[1]) - min(p[0], g[0]))


def _pair(pred: list[Span], gold: list[Span], mode: str) -> list[tuple[int, int]]:
    """One-to-one pairs of predicted and gold spans that match under ``mode``, the closest
    pairs first (intersection over union), so a short quote nested in a long attribution pairs
    with its own gold rather than with whichever long one comes first."""
    candidates = [
        (_closeness(p, g), i, j)
        for i, p in enumerate(pred)
        for j, g in enumerate(gold)
        if span_match(p, g, mode=mode)
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _score, i, j in candidates:
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return sorted(pairs)


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and span_match(a, b, mode="overlap")


def score(
    records: list[dict[str, Any]], annotate: AnnotateFn, *, limit: int | None = None
) -> SetResult:
    records = records[:limit] if limit is not None else records
    inputs = []
    for record in records:
        item = {"id": str(record["id"]), "text": record["text"]}
        if record.get("publication_date"):
            item["published"] = str(record["publication_date"])[:10]
        inputs.append(item)
    outputs = call_annotate(annotate, inputs)

    counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
    cue_right = speaker_right = paired = 0
    direct_total = direct_found = direct_flag = 0
    indirect_total = indirect_found = 0
    by_kind = {"direct": [0, 0], "indirect": [0, 0]}  # [speaker right, paired]
    n_gold = 0
    examples: list[dict[str, Any]] = []
    for record, output in zip(records, outputs, strict=True):
        quotes = [] if output.get("error") else list(output.get("quotes") or [])
        preds = [(s, q) for s, q in ((span_of(q.get("content")), q) for q in quotes) if s]
        golds = [
            (s, a)
            for s, a in ((extent(a.get("content")), a) for a in record.get("attributions") or [])
            if s
        ]
        n_gold += len(golds)
        for mode in ("exact", "overlap"):
            pairs = _pair([s for s, _ in preds], [s for s, _ in golds], mode)
            c = counts[mode]
            c[0] += len(pairs)
            c[1] += len(preds) - len(pairs)
            c[2] += len(golds) - len(pairs)
            if mode != "overlap":
                continue
            matched = {j for _, j in pairs}
            for i, j in pairs:
                quote, attribution = preds[i][1], golds[j][1]
                paired += 1
                cue_right += _overlaps(span_of(quote.get("cue")), extent(attribution.get("cue")))
                gold_speaker = extent(attribution.get("source"))
                pred_speaker = span_of(quote.get("speaker"))
                right = (gold_speaker is None and pred_speaker is None) or _overlaps(
                    pred_speaker, gold_speaker
                )
                speaker_right += right
                kind = by_kind["direct" if attribution.get("has_quotation_marks") else "indirect"]
                kind[0] += right
                kind[1] += 1
                direct_flag += bool(quote.get("direct")) == bool(
                    attribution.get("has_quotation_marks")
                )
            for j, (_span, attribution) in enumerate(golds):
                if attribution.get("has_quotation_marks"):
                    direct_total += 1
                    direct_found += j in matched
                    continue
                indirect_total += 1
                indirect_found += j in matched
                if j not in matched:
                    add_example(
                        examples,
                        {
                            "id": record["id"],
                            "text": (attribution.get("content") or {}).get("text"),
                            "gold": "missed attribution",
                            "pred": None,
                        },
                    )
    metrics: dict[str, float] = {}
    for mode, (tp, fp, fn) in counts.items():
        metrics.update(prf_metrics(f"content_{mode}", tp, fp, fn))
    metrics.update(
        {
            "cue_accuracy": ratio(cue_right, paired),
            "speaker_accuracy": ratio(speaker_right, paired),
            "direct_recall": ratio(direct_found, direct_total),
            "direct_flag_accuracy": ratio(direct_flag, paired),
            "direct_speaker_accuracy": ratio(*by_kind["direct"]),
            "indirect_recall": ratio(indirect_found, indirect_total),
            "indirect_speaker_accuracy": ratio(*by_kind["indirect"]),
        }
    )
    notes = [f"{len(records)} documents, {n_gold} gold attributions; quotes paired by content"]
    return SetResult(name=NAME, metrics=metrics, n=len(records), notes=notes, examples=examples)
