"""NGEC actor-coding expectations: actor text -> country, sector, canonical name.

The batch interface codes actors inside events, so each actor string is put into a neutral
frame sentence (``FRAME``, e.g. "<actor> criticized the plan.") — or its own ``context``
when the record has one — and the source of the event whose source overlaps the actor
string is read (else the first event actor found there). A record's ``date`` (ISO or
"1 January 2018"; "today" = the day of the run) is passed as the publication date, so dated
offices apply.
Checked, where the record expects them: ``country`` (ISO3; ``IGO`` also accepts an IGO code or
sector; the NGEC region codes ``UNO``/``EUR``/... accept an IGO code of that family, ``IGOUNO...``),
``code_1`` against the sector, in CAMEO or PLOVER spelling (``HLH``/``MED``, ``MED``/``JRN``,
``NGO``/``SOC``; an empty expectation, ``UNK`` (unknown) or ``JNK`` (not an actor) means "no
sector"), ``wiki``/``title`` against the name. Keys ending in ``__not`` must differ. Developer
unit tests: a pass rate, not a population figure.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from whodid.actors.entries import plover_sector
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


_NO_SECTOR = frozenset({"", "UNK", "JNK"})
_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d %B %Y", "%B %d %Y", "%B %d, %Y", "%Y-%m")


def _published(value: Any) -> str | None:
    """The record's date as YYYY-MM-DD ("today" = the day of the run), or None (missing,
    unreadable): without a date, people out of office are coded by their most recent office."""
    if isinstance(value, str) and value.strip().lower() in ("today", "now"):
        return datetime.date.today().isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    logger.warning("actor_coding: unreadable date %r ignored", value)
    return None


def _input(record: dict[str, Any]) -> tuple[dict[str, Any], tuple[int, int]]:
    actor_text = str(record.get("actor_text") or "")
    context = record.get("context")
    item: dict[str, Any] = {"id": str(record["id"])}
    published = _published(record.get("date"))
    if published:
        item["published"] = published
    if isinstance(context, str) and actor_text and actor_text in context:
        start = context.index(actor_text)
        return {**item, "text": context}, (start, start + len(actor_text))
    text = FRAME.format(actor=actor_text)
    if isinstance(context, str) and context.strip() and actor_text:
        # a context that does not hold the string stands before it, as in `whodid actor`
        before = context.rstrip() + " "
        return {**item, "text": before + text}, (len(before), len(before) + len(actor_text))
    return {**item, "text": text}, (0, len(actor_text))


def _found_actor(output: dict[str, Any], where: tuple[int, int]) -> dict[str, Any] | None:
    for role in ("source", "target"):
        for event in events_of(output):
            actor = event.get(role)
            span = span_of(actor)
            if actor and span and span_match(span, where, mode="overlap"):
                return dict(actor)
    return None


def _hit(actor: dict[str, Any] | None, key: str, expected: str) -> bool:
    """Does the actor give the expected value (in any of the accepted spellings)?"""
    got = _value(actor, key)
    if key == "code_1":
        sector = got
        if expected in _NO_SECTOR:
            return sector == ""
        return expected in (sector, plover_sector(sector) or "")
    if key == "country" and got == "IGO" and expected not in ("", "IGO"):
        return str((actor or {}).get("code") or "").startswith("IGO" + expected)
    return got == expected


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
            hit = _hit(actor, key, str(expected or ""))
            hit = not hit if negate else hit
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
