"""NGEC actor-coding expectations: actor text -> country, sector, canonical name.

The batch interface codes actors inside events, so each actor string is put into a neutral
frame sentence (``FRAME``, e.g. "<actor> criticized the plan.") — or its own ``context``
when the record has one — and the source of the event whose source overlaps the actor
string is read (else the first event actor found there). Checked, where the record expects
them: ``country`` (ISO3; ``IGO`` also accepts an IGO code or sector), ``code_1`` against the
sector (an empty expectation means "no sector"), ``wiki``/``title`` against the name. Keys
ending in ``__not`` must differ. Developer unit tests: a pass rate, not a population figure.
"""

from __future__ import annotations

import logging
from typing import Any

from whodid.evaluate.common import (
    AnnotateFn,
    SetResult,
    add_example,
    call_annotate,
    events_of,
    ratio,
    span_match,
    span_of,
)

logger = logging.getLogger(__name__)

NAME = "actor_coding"
FILE = "actor_coding.jsonl"
FRAME = "{actor} criticized the plan."
_CHECKS = {"country": "country", "code_1": "sector", "wiki": "name", "title": "name"}


def _input(record: dict[str, Any]) -> tuple[dict[str, Any], tuple[int, int]]:
    actor_text = str(record.get("actor_text") or "")
    context = record.get("context")
    if isinstance(context, str) and actor_text and actor_text in context:
        start = context.index(actor_text)
        return {"id": str(record["id"]), "text": context}, (start, start + len(actor_text))
    text = FRAME.format(actor=actor_text)
    return {"id": str(record["id"]), "text": text}, (0, len(actor_text))


def _found_actor(output: dict[str, Any], where: tuple[int, int]) -> dict[str, Any] | None:
    for role in ("source", "target"):
        for event in events_of(output):
            actor = event.get(role)
            span = span_of(actor)
            if actor and span and span_match(span, where, mode="overlap"):
                return dict(actor)
    return None


def _value(actor: dict[str, Any] | None, key: str) -> str:
    if not actor:
        return ""
    if key == "country":
        country = str(actor.get("country") or "")
        is_igo = "IGO" in (str(actor.get("code") or "")[:3], str(actor.get("sector") or ""))
        return "IGO" if not country and is_igo else country
    return str(actor.get(_CHECKS[key]) or "")


def score(
    records: list[dict[str, Any]], annotate: AnnotateFn, *, limit: int | None = None
) -> SetResult:
    records = records[:limit] if limit is not None else records
    prepared = [_input(r) for r in records]
    outputs = call_annotate(annotate, [item for item, _ in prepared])
    right = {key: 0 for key in _CHECKS}
    total = {key: 0 for key in _CHECKS}
    passed = found = 0
    examples: list[dict[str, Any]] = []
    for record, (_item, where), output in zip(records, prepared, outputs, strict=True):
        actor = _found_actor(output, where)
        found += actor is not None
        ok = True
        for raw_key, expected in (record.get("expected") or {}).items():
            negate = raw_key.endswith("__not")
            key = raw_key.removesuffix("__not")
            if key not in _CHECKS:
                continue
            got = _value(actor, key)
            hit = (got != str(expected or "")) if negate else (got == str(expected or ""))
            if not negate:
                total[key] += 1
                right[key] += hit
            ok = ok and hit
        passed += ok
        if not ok:
            add_example(
                examples,
                {
                    "id": record["id"],
                    "text": record.get("actor_text"),
                    "gold": record.get("expected"),
                    "pred": actor,
                },
            )
    metrics = {
        "pass_rate": ratio(passed, len(records)),
        "found": ratio(found, len(records)),
        "country_accuracy": ratio(right["country"], total["country"]),
        "sector_accuracy": ratio(right["code_1"], total["code_1"]),
        "name_accuracy": ratio(right["wiki"] + right["title"], total["wiki"] + total["title"]),
    }
    notes = [f"actor strings coded in the frame {FRAME!r} unless a context is given"]
    return SetResult(name=NAME, metrics=metrics, n=len(records), notes=notes, examples=examples)
