"""IndiaPoliceEvents: did the police arrest, kill, use force, do anything — per sentence.

Sentences are put back into their documents (joined in ``sent_id`` order with a space where
the text has no trailing whitespace), each document is annotated once with ``published`` =
``doc_date``, and events are mapped back to the gold sentence holding their trigger's start
offset. Only events that are neither negated nor hypothetical count; police = an event source
whose ``sector`` is ``COP`` or whose ``code`` contains ``COP``. Label definitions:

* ``ARREST``: a police event with CAMEO 173 (arrest, detain) or below it;
* ``KILL``: a police event with CAMEO 1823 (kill by physical assault), 186 (assassinate) or
  root 20, or root 18/19 whose trigger says killing (kill, shot/shoot dead, gunned down, ...);
* ``FORCE``: a police event with root 18, 19 or 20, or CAMEO 175 (violent repression) or
  below it; root 17 as a whole is not force (it holds arrests and sanctions); KILL implies
  FORCE as in the gold;
* ``ANY_ACTION``: any police event.

Scores: sentence-level precision/recall/F1 per label, and the same at document level (a
document has a label when one of its sentences does), the corpus's own question level.
"""

from __future__ import annotations

import bisect
import logging
import re
from typing import Any

from whodid.evaluate.common import (
    AnnotateFn,
    SetResult,
    add_example,
    asserted,
    brief_event,
    call_annotate,
    cameo_root,
    events_of,
    normalise_cameo,
    prf_metrics,
)

logger = logging.getLogger(__name__)

NAME = "ipe_sentences"
FILE = "ipe_sentences.jsonl"
LABELS = ("ARREST", "KILL", "FORCE", "ANY_ACTION")
KILL_TRIGGER = re.compile(
    r"\b(kill\w*|shot dead|shoot\w* dead|gunned down|gun\w* down|murder\w*|lynch\w*|"
    r"massacr\w*|slain|slay\w*|execut\w*)\b",
    re.IGNORECASE,
)


def is_police(actor: dict[str, Any] | None) -> bool:
    if not actor:
        return False
    return actor.get("sector") == "COP" or "COP" in str(actor.get("code") or "")


def event_labels(event: dict[str, Any]) -> set[str]:
    """IPE labels that one event supports (empty unless its source is the police)."""
    if not is_police(event.get("source")):
        return set()
    labels = {"ANY_ACTION"}
    cameo = normalise_cameo(event.get("cameo"))
    root = cameo_root(event)
    trigger = str((event.get("trigger") or {}).get("text") or "")
    if cameo.startswith("173"):
        labels.add("ARREST")
    if (
        cameo.startswith(("1823", "186"))
        or root == "20"
        or (root in ("18", "19") and KILL_TRIGGER.search(trigger))
    ):
        labels.add("KILL")
    if root in ("18", "19", "20") or cameo.startswith("175") or "KILL" in labels:
        labels.add("FORCE")
    return labels


def _documents(
    records: list[dict[str, Any]],
) -> list[tuple[str, list[int], list[int], str]]:
    """(doc id, record indices, sentence start offsets, joined text) per document."""
    order: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        order.setdefault(str(record.get("doc_id", record["id"])), []).append(i)
    documents = []
    for doc_id, indices in order.items():
        indices.sort(key=lambda i: int(records[i].get("sent_id") or 0))
        parts: list[str] = []
        starts: list[int] = []
        length = 0
        for i in indices:
            if parts and not parts[-1][-1:].isspace():
                parts.append(" ")
                length += 1
            starts.append(length)
            parts.append(records[i]["text"])
            length += len(records[i]["text"])
        documents.append((doc_id, indices, starts, "".join(parts)))
    return documents


def score(
    records: list[dict[str, Any]], annotate: AnnotateFn, *, limit: int | None = None
) -> SetResult:
    """Score sentence records; ``limit`` counts documents (each annotated once)."""
    documents = _documents(records)
    documents = documents[:limit] if limit is not None else documents
    inputs = []
    for doc_id, indices, _starts, text in documents:
        item = {"id": f"ipe-doc-{doc_id}", "text": text}
        if records[indices[0]].get("doc_date"):
            item["published"] = str(records[indices[0]]["doc_date"])
        inputs.append(item)
    outputs = call_annotate(annotate, inputs)

    sent = {label: [0, 0, 0] for label in LABELS}
    doc = {label: [0, 0, 0] for label in LABELS}
    examples: list[dict[str, Any]] = []
    n_sentences = 0
    for (_doc_id, indices, starts, _text), output in zip(documents, outputs, strict=True):
        predicted: list[set[str]] = [set() for _ in indices]
        why: list[list[dict[str, Any]]] = [[] for _ in indices]
        for event in asserted(events_of(output), hypothetical=False):
            labels = event_labels(event)
            start = (event.get("trigger") or {}).get("start")
            if not labels or not isinstance(start, int):
                continue
            k = max(0, bisect.bisect_right(starts, start) - 1)
            predicted[k] |= labels
            why[k].append(event)
        doc_gold: set[str] = set()
        doc_pred: set[str] = set()
        for k, i in enumerate(indices):
            n_sentences += 1
            gold = set(records[i].get("labels") or []) & set(LABELS)
            doc_gold |= gold
            doc_pred |= predicted[k]
            _count(sent, gold, predicted[k])
            if gold != predicted[k] and (gold | predicted[k]) - {"ANY_ACTION"}:
                add_example(
                    examples,
                    {
                        "id": records[i]["id"],
                        "text": records[i]["text"],
                        "gold": sorted(gold),
                        "pred": sorted(predicted[k]),
                        "events": [brief_event(e) for e in why[k]],
                    },
                )
        _count(doc, doc_gold, doc_pred)

    metrics: dict[str, float] = {}
    for label in LABELS:
        metrics.update(prf_metrics(label.lower(), *sent[label]))
    for label in LABELS:
        metrics.update(prf_metrics(f"doc_{label.lower()}", *doc[label]))
    notes = [
        f"{len(documents)} documents annotated whole; events mapped to sentences by trigger offset",
        "police = source sector COP; ARREST 173*, KILL 1823/186/20*/18-19 with a killing "
        "trigger, FORCE roots 18-20 or 175*",
    ]
    errors = sum(1 for o in outputs if o.get("error"))
    if errors:
        notes.append(f"{errors} outputs had an error (scored as no events)")
    return SetResult(name=NAME, metrics=metrics, n=n_sentences, notes=notes, examples=examples)


def _count(table: dict[str, list[int]], gold: set[str], pred: set[str]) -> None:
    for label in LABELS:
        if label in gold and label in pred:
            table[label][0] += 1
        elif label in pred:
            table[label][1] += 1
        elif label in gold:
            table[label][2] += 1
