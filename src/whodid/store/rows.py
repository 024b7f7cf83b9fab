"""Annotations to table rows, and the INTERFACE.md dicts back to records.

Rows are built from ``Annotation.to_dict()`` (the contract), so fields added to the records
later reach the ``annotation`` and ``event`` JSON columns without a change here.
"""

from __future__ import annotations

import json
from typing import Any

from whodid.records import Actor, Annotation, Event, Place, Quote, Span, Timex

__all__ = [
    "annotation_from_dict",
    "annotation_rows",
    "event_from_dict",
]

Row = dict[str, Any]


def _actor_cols(prefix: str, actor: dict[str, Any] | None) -> Row:
    actor = actor or {}
    return {
        f"{prefix}_{key}": actor.get(key)
        for key in ("start", "end", "text", "code", "country", "sector", "name")
    }


def _place_cols(prefix: str, place: dict[str, Any] | None) -> Row:
    place = place or {}
    return {
        f"{prefix}_{key}": place.get(key)
        for key in ("text", "name", "country", "admin1", "lat", "lon", "feature")
    }


def _event_row(article_id: str, index: int, event: dict[str, Any]) -> Row:
    trigger = event.get("trigger") or {}
    evidence = event.get("evidence") or {}
    plover = event.get("plover") or {}
    acled = event.get("acled") or {}
    return {
        "article_id": article_id,
        "event_index": index,
        "sentence": event.get("sentence"),
        "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "trigger_text": trigger.get("text"),
        **_actor_cols("source", event.get("source")),
        **_actor_cols("target", event.get("target")),
        "cameo": event.get("cameo"),
        "cameo_root": event.get("cameo_root"),
        "quad_class": event.get("quad_class"),
        "goldstein": event.get("goldstein"),
        "plover_type": plover.get("type"),
        "plover_mode": plover.get("mode"),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        **_place_cols("location", event.get("location")),
        "negated": event.get("negated"),
        "hypothetical": event.get("hypothetical"),
        "confidence": event.get("confidence"),
        "rule": event.get("rule"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "evidence": evidence.get("text"),
        "quote_index": event.get("quote"),
        "event": json.dumps(event, ensure_ascii=False, sort_keys=True),
    }


def annotation_rows(article_id: str, data: dict[str, Any]) -> dict[str, list[Row]]:
    """Rows for the layer tables (events, actors, places, times, quotes) of one annotation dict."""
    events = [_event_row(article_id, i, e) for i, e in enumerate(data.get("events") or [])]
    actors: list[Row] = []
    for i, event in enumerate(data.get("events") or []):
        for role in ("source", "target"):
            if event.get(role):
                actors.append({"role": role, "event_index": i, "quote_index": None, **event[role]})
    quotes: list[Row] = []
    for i, quote in enumerate(data.get("quotes") or []):
        speaker = quote.get("speaker")
        if speaker:
            actors.append({"role": "speaker", "event_index": None, "quote_index": i, **speaker})
        cue, content = quote.get("cue") or {}, quote.get("content") or {}
        quotes.append(
            {
                "article_id": article_id,
                "quote_index": i,
                **_actor_cols("speaker", speaker),
                "cue_start": cue.get("start"),
                "cue_end": cue.get("end"),
                "cue_text": cue.get("text"),
                "content_start": content.get("start"),
                "content_end": content.get("end"),
                "content_text": content.get("text"),
                "direct": quote.get("direct"),
            }
        )
    actor_rows = [
        {
            "article_id": article_id,
            "mention_index": n,
            **{
                k: a.get(k)
                for k in (
                    "role",
                    "event_index",
                    "quote_index",
                    "start",
                    "end",
                    "text",
                    "code",
                    "country",
                    "sector",
                    "name",
                )
            },
        }
        for n, a in enumerate(actors)
    ]
    places = [
        {"article_id": article_id, "place_index": i, **p}
        for i, p in enumerate(data.get("places") or [])
    ]
    times = [
        {"article_id": article_id, "time_index": i, **t}
        for i, t in enumerate(data.get("times") or [])
    ]
    return {
        "events": events,
        "actors": actor_rows,
        "places": places,
        "times": times,
        "quotes": quotes,
    }


# -- dicts back to records ---------------------------------------------------------------------


def _span(data: dict[str, Any] | None) -> Span | None:
    return Span(data["start"], data["end"], data["text"]) if data else None


def _actor(data: dict[str, Any] | None) -> Actor | None:
    if not data:
        return None
    return Actor(
        data["start"],
        data["end"],
        data["text"],
        code=data.get("code"),
        country=data.get("country"),
        sector=data.get("sector"),
        name=data.get("name"),
    )


def _place(data: dict[str, Any] | None) -> Place | None:
    if not data:
        return None
    return Place(
        data["start"],
        data["end"],
        data["text"],
        name=data.get("name"),
        country=data.get("country"),
        admin1=data.get("admin1"),
        lat=data.get("lat"),
        lon=data.get("lon"),
        feature=data.get("feature"),
    )


def event_from_dict(data: dict[str, Any]) -> Event:
    """An :class:`Event` from its INTERFACE.md dict (``Event.to_dict()`` inverted)."""
    trigger = _span(data["trigger"])
    assert trigger is not None
    return Event(
        sentence=data["sentence"],
        trigger=trigger,
        source=_actor(data.get("source")),
        target=_actor(data.get("target")),
        cameo=data["cameo"],
        cameo_root=data["cameo_root"],
        quad_class=data["quad_class"],
        goldstein=data["goldstein"],
        plover=dict(data.get("plover") or {}),
        acled=dict(data["acled"]) if data.get("acled") else None,
        date=data.get("date"),
        date_precision=data.get("date_precision"),
        location=_place(data.get("location")),
        negated=bool(data.get("negated", False)),
        hypothetical=bool(data.get("hypothetical", False)),
        confidence=float(data.get("confidence", 0.5)),
        rule=data.get("rule", ""),
        evidence=_span(data.get("evidence")),
        quote=data.get("quote"),
    )


def annotation_from_dict(data: dict[str, Any]) -> Annotation:
    """An :class:`Annotation` from its INTERFACE.md dict (``Annotation.to_dict()`` inverted)."""
    quotes = []
    for q in data.get("quotes") or []:
        cue, content = _span(q["cue"]), _span(q["content"])
        assert cue is not None and content is not None
        quotes.append(
            Quote(
                speaker=_actor(q.get("speaker")), cue=cue, content=content, direct=bool(q["direct"])
            )
        )
    return Annotation(
        id=data.get("id", ""),
        error=data.get("error"),
        events=[event_from_dict(e) for e in data.get("events") or []],
        places=[p for p in (_place(p) for p in data.get("places") or []) if p is not None],
        times=[
            Timex(t["start"], t["end"], t["text"], t["type"], t["value"])
            for t in data.get("times") or []
        ],
        quotes=quotes,
    )
