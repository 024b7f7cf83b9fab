"""PETRARCH/TABARI coder validation records: expected (source, target, CAMEO) triples.

Each record names the suite's dictionaries; the actor and agent files are passed to whodid
(the verb file is not: whodid codes events with its own lexicon; discard files are not passed
either). Records are batched by dictionary set so each set loads once. ``published`` is the
record's ``date``.

Predicted triples are ``(source.code, target.code, cameo)`` of every non-negated event that
names a coded source or target (the suite never expects an actorless triple), with
PETRARCH's conventions: a missing actor or code is ``"---"``, a two-digit code such as ``"05"``
is written ``"050"``. Scores are micro precision/recall/F1 over multisets of triples, the same at
root level (``cameo[:2]``), record-level exact agreement, and the share of records marked
``expected_noevents`` (or an expected discard) where whodid found no event. Records marked
``evaluate: false`` upstream (features TABARI never implemented) are skipped.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whodid.evaluate.common import (
    AnnotateFn,
    SetResult,
    add_example,
    asserted,
    brief_event,
    call_annotate,
    events_of,
    multiset_counts,
    normalise_cameo,
    prf_metrics,
    ratio,
)

logger = logging.getLogger(__name__)

NAME = "coder_validation"
FILE = "coder_validation.jsonl"
DICT_DIR = "validation_dictionaries"
NULL = "---"

Triple = tuple[str, str, str]
AnnotateFactory = Callable[[tuple[Path, ...], tuple[Path, ...]], AnnotateFn]


def find_dictionary(dict_dir: Path, filename: str) -> Path | None:
    """The file ``filename`` in one of the suite folders under ``dict_dir``."""
    if not filename or not dict_dir.is_dir():
        return None
    for folder in sorted(p for p in dict_dir.iterdir() if p.is_dir()):
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    return None


def dictionary_files(
    record: dict[str, Any], dict_dir: Path
) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(actor files, agent files) named by a record, where they exist."""
    names = record.get("dictionaries") or {}
    actors = find_dictionary(dict_dir, str(names.get("Actorfile") or ""))
    agents = find_dictionary(dict_dir, str(names.get("Agentfile") or ""))
    return (actors,) if actors else (), (agents,) if agents else ()


def published_of(record: dict[str, Any]) -> str | None:
    date = str(record.get("date") or "")
    if len(date) == 8 and date.isdigit():
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return None


def _code(actor: dict[str, Any] | None) -> str:
    if not actor:
        return NULL
    code = actor.get("code")
    return str(code) if code else NULL


def predicted_triples(output: dict[str, Any]) -> list[Triple]:
    """Triples of the asserted events that name at least one coded actor: like PETRARCH, the
    suite never expects an event with neither source nor target (``---``, ``---``)."""
    triples = [
        (_code(e.get("source")), _code(e.get("target")), normalise_cameo(e.get("cameo")))
        for e in asserted(events_of(output))
    ]
    return [t for t in triples if (t[0], t[1]) != (NULL, NULL)]


def gold_triples(record: dict[str, Any]) -> list[Triple]:
    triples: list[Triple] = []
    for item in record.get("expected_events") or []:
        if isinstance(item, list | tuple) and len(item) == 3:
            source, target, cameo = item
            triples.append((str(source or NULL), str(target or NULL), normalise_cameo(cameo)))
    return triples


def _root(triples: list[Triple]) -> list[Triple]:
    return [(s, t, c[:2]) for s, t, c in triples]


def _expects_nothing(record: dict[str, Any]) -> bool:
    return bool(record.get("expected_noevents") or record.get("expected_error"))


def score(
    records: list[dict[str, Any]],
    annotate_for: AnnotateFactory,
    *,
    dict_dir: Path,
    limit: int | None = None,
) -> SetResult:
    """Score the records; ``annotate_for(actor_files, agent_files)`` gives the annotate function."""
    skipped = [r for r in records if str(r.get("evaluate")).lower() == "false"]
    records = [r for r in records if str(r.get("evaluate")).lower() != "false"]
    records = records[:limit] if limit is not None else records

    groups: dict[tuple[tuple[Path, ...], tuple[Path, ...]], list[int]] = {}
    for i, record in enumerate(records):
        groups.setdefault(dictionary_files(record, dict_dir), []).append(i)
    outputs: list[dict[str, Any]] = [{} for _ in records]
    missing_dicts = 0
    for (actor_files, agent_files), indices in groups.items():
        if not actor_files:
            missing_dicts += len(indices)
        logger.info("coder_validation: %d records with %s", len(indices), actor_files)
        inputs = []
        for i in indices:
            item = {
                "id": str(records[i].get("uid") or records[i]["id"]),
                "text": records[i]["text"],
            }
            published = published_of(records[i])
            if published:
                item["published"] = published
            inputs.append(item)
        for i, output in zip(
            indices, call_annotate(annotate_for(actor_files, agent_files), inputs), strict=True
        ):
            outputs[i] = output

    exact = [0, 0, 0]
    root = [0, 0, 0]
    agree = 0
    noevent_total = noevent_right = 0
    examples: list[dict[str, Any]] = []
    for record, output in zip(records, outputs, strict=True):
        gold = gold_triples(record)
        pred = predicted_triples(output)
        for acc, counts in (
            (exact, multiset_counts(gold, pred)),
            (root, multiset_counts(_root(gold), _root(pred))),
        ):
            for k in range(3):
                acc[k] += counts[k]
        same = Counter(gold) == Counter(pred)
        agree += same
        if _expects_nothing(record):
            noevent_total += 1
            noevent_right += not pred
        if not same:
            add_example(
                examples,
                {
                    "id": record.get("uid") or record["id"],
                    "text": record["text"],
                    "gold": gold,
                    "pred": pred,
                    "events": [brief_event(e) for e in asserted(events_of(output))],
                },
            )

    metrics = prf_metrics("triple", *exact)
    metrics.update(prf_metrics("root", *root))
    metrics["record_exact"] = ratio(agree, len(records))
    metrics["noevent_accuracy"] = ratio(noevent_right, noevent_total)
    notes = [
        f"{len(skipped)} records marked evaluate=false skipped",
        f"{noevent_total} records expect no event",
        "verb and discard dictionaries not used (own event lexicon)",
    ]
    if missing_dicts:
        notes.append(f"{missing_dicts} records: dictionary files not found under {dict_dir}")
    errors = sum(1 for o in outputs if o.get("error"))
    if errors:
        notes.append(f"{errors} outputs had an error (scored as no events)")
    return SetResult(name=NAME, metrics=metrics, n=len(records), notes=notes, examples=examples)
