"""TempEval-3 style scoring of temporal expressions against TimeML gold (TimeBank/AQUAINT JSONL).

Each record holds ``text``, ``dct`` (``{"value": "YYYY-MM-DD..."}``) and ``timexes`` (``start``,
``end``, ``type``, ``value``). Metrics:

* span precision/recall/F1, strict (same offsets) and relaxed (any overlap);
* ``value_accuracy``: of the gold DATE/TIME timexes that overlap a system timex, the fraction whose
  value equals the system's (TempEval-3's value measure over matched expressions);
* ``type_accuracy``: the same for types, over all matched gold;
* value precision/recall/F1: relaxed matches with the right value over system and gold counts.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from whodid.records import Timex
from whodid.time.timex import find_timexes

logger = logging.getLogger(__name__)

Finder = Callable[[str, date | None], list[Timex]]


def load_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file, one per non-empty line."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _dct(record: dict[str, Any]) -> date | None:
    raw = (record.get("dct") or {}).get("value") or record.get("published") or ""
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


_WEEK = re.compile(r"-W(\d)(?!\d)")
_HOUR = re.compile(r"T(\d\d)$")


def same_value(a: str, b: str) -> bool:
    """Equal TIMEX3 values, up to notation: 2000-W7 = 2000-W07, T17 = T17:00."""
    if a == b:
        return True

    def canon(v: str) -> str:
        return _HOUR.sub(r"T\1:00", _WEEK.sub(r"-W0\1", v))

    return canon(a) == canon(b)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _best_overlap(g: dict[str, Any], system: list[Timex]) -> Timex | None:
    best, best_len = None, 0
    for s in system:
        ov = min(g["end"], s.end) - max(g["start"], s.start)
        if ov > best_len:
            best, best_len = s, ov
    return best


def score_timebank(
    records: Iterable[dict[str, Any]],
    find: Finder = find_timexes,
    *,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, float]:
    """Score ``find`` on TimeML records; ``errors`` (if given) collects value and span mistakes."""
    n_sys = n_gold = strict = rel_gold = rel_sys = 0
    dt_matched = dt_value_ok = type_ok = value_ok = 0
    for rec in records:
        text, dct = rec["text"], _dct(rec)
        gold = [g for g in rec.get("timexes", []) if g.get("end", 0) > g.get("start", 0)]
        system = find(text, dct)
        n_sys += len(system)
        n_gold += len(gold)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        strict += sum((s.start, s.end) in gold_spans for s in system)
        rel_sys += sum(any(g["start"] < s.end and s.start < g["end"] for g in gold) for s in system)
        for g in gold:
            s = _best_overlap(g, system)
            if s is None:
                if errors is not None:
                    errors.append(
                        {
                            "kind": "missed",
                            "dct": str(dct),
                            "gold": g,
                            "context": text[max(0, g["start"] - 60) : g["end"] + 40],
                        }
                    )
                continue
            rel_gold += 1
            type_ok += s.type == g["type"]
            good = same_value(s.value, g["value"])
            value_ok += good
            if g["type"] in ("DATE", "TIME"):
                dt_matched += 1
                dt_value_ok += good
                if not good and errors is not None:
                    errors.append(
                        {
                            "kind": "value",
                            "dct": str(dct),
                            "gold": g,
                            "system": s.to_dict(),
                            "context": text[max(0, g["start"] - 60) : g["end"] + 40],
                        }
                    )
        if errors is not None:
            for s in system:
                if not any(g["start"] < s.end and s.start < g["end"] for g in gold):
                    errors.append(
                        {
                            "kind": "spurious",
                            "dct": str(dct),
                            "system": s.to_dict(),
                            "context": text[max(0, s.start - 60) : s.end + 40],
                        }
                    )
    sp = strict / n_sys if n_sys else 0.0
    sr = strict / n_gold if n_gold else 0.0
    rp = rel_sys / n_sys if n_sys else 0.0
    rr = rel_gold / n_gold if n_gold else 0.0
    vp = value_ok / n_sys if n_sys else 0.0
    vr = value_ok / n_gold if n_gold else 0.0
    return {
        "gold": float(n_gold),
        "system": float(n_sys),
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": _f1(sp, sr),
        "relaxed_precision": rp,
        "relaxed_recall": rr,
        "relaxed_f1": _f1(rp, rr),
        "type_accuracy": type_ok / rel_gold if rel_gold else 0.0,
        "value_accuracy": dt_value_ok / dt_matched if dt_matched else 0.0,
        "value_matched_date_time": float(dt_matched),
        "value_precision": vp,
        "value_recall": vr,
        "value_f1": _f1(vp, vr),
    }


def main(path: str) -> dict[str, float]:  # pragma: no cover - a developer's helper
    return score_timebank(load_jsonl(path))


NAME = "timebank"
FILE = "timebank.jsonl"


def score(records: list[dict[str, Any]], annotate: Any, *, limit: int | None = None) -> Any:
    """The set through the batch interface: the ``times`` layer of each output is scored."""
    from whodid.evaluate.common import SetResult, call_annotate

    records = records[:limit] if limit is not None else records
    inputs = []
    for rec in records:
        dct = _dct(rec)
        inputs.append(
            {
                "id": str(rec["id"]),
                "text": rec["text"],
                **({"published": dct.isoformat()} if dct else {}),
            }
        )
    outputs = call_annotate(annotate, inputs)
    # keyed by text and DCT: two records may hold the same text with different DCTs
    found = {
        (rec["text"], _dct(rec)): [
            Timex(t["start"], t["end"], t["text"], t["type"], t["value"])
            for t in out.get("times") or []
        ]
        for rec, out in zip(records, outputs, strict=True)
    }
    metrics = score_timebank(records, lambda text, dct: found[(text, dct)])
    return SetResult(name=NAME, metrics=metrics, n=len(records))
