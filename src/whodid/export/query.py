"""Merged events out of the store, filtered: one dict per real-world event.

Each row holds the INTERFACE.md event fields of the event's representative mention (the most
confident one) plus the merge: ``event_id``, ``article_ids``, ``num_mentions``,
``num_articles``, ``num_reports``, ``num_sources``, ``num_stories``, ``sources``, ``urls``,
``first_day``, ``last_day``, and the representative article's ``article_id``, ``published``,
``title`` and ``url``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from whodid.store.consolidate import consolidate
from whodid.store.db import Store

__all__ = ["MERGE_FIELDS", "Filters", "iter_events"]

MERGE_FIELDS = (
    "event_id",
    "article_ids",
    "num_mentions",
    "num_articles",
    "num_reports",
    "num_sources",
    "num_stories",
    "sources",
    "urls",
    "first_day",
    "last_day",
    "article_id",
    "event_index",
    "published",
    "title",
    "url",
)


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events to export; ``None`` means no restriction."""

    date_from: date | None = None  # the event's last day is on or after this
    date_to: date | None = None  # the event's first day is on or before this
    actor: str | None = None  # source or target code starts with this (``USA``, ``KENCOP``)
    country: str | None = None  # source, target or location country (ISO alpha-3)
    code: str | None = None  # CAMEO code starts with this (``19``, ``112``)


def _where(filters: Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.date_from:
        clauses.append("m.last_day >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("m.first_day <= ?")
        params.append(filters.date_to)
    if filters.actor:
        clauses.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
        params += [filters.actor.upper()] * 2
    if filters.country:
        clauses.append(
            "(e.source_country = ? OR e.target_country = ? OR e.location_country = ? "
            "OR m.country = ?)"
        )
        params += [filters.country.upper()] * 4
    if filters.code:
        clauses.append("starts_with(e.cameo, ?)")
        params.append(filters.code)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def iter_events(store: Store, *, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """Every merged event matching ``filters``, by first day then id.

    The derived tables are brought up to date first if the last ingest left them stale.
    """
    if not store.is_consolidated():
        consolidate(store)
    where, params = _where(filters or Filters())
    cursor = store.con.execute(
        "SELECT m.event_id, m.article_ids, m.num_mentions, m.num_articles, m.num_reports, "
        "m.num_sources, m.num_stories, m.sources, m.urls, m.first_day, m.last_day, m.article_id, "
        "m.event_index, a.published, a.title, a.url, e.event "
        "FROM merged_events m JOIN events e USING (article_id, event_index) "
        "JOIN articles a USING (article_id)"
        + where
        + " ORDER BY m.first_day NULLS LAST, m.event_id",
        params,
    )
    while rows := cursor.fetchmany(1000):
        for row in rows:
            merged = dict(zip(MERGE_FIELDS, row[:-1], strict=True))
            yield {**json.loads(row[-1]), **merged}
