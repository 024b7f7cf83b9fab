"""Derived tables: near-duplicate stories and events merged across articles and outlets.

Recomputed from the base tables in one transaction, sorting everything by content, so the
result depends only on what is stored — not on input order, batch size, or how many times a
run was interrupted.  The merge rule (docs/store.md):

* Two event mentions can be the same real-world event only if they agree on the CAMEO root,
  on negation and on modality (a denial or a threat is not the deed).
* Mentions whose source *and* target actors are both coded merge across articles when the
  actors agree — same country and same kind: a state actor (the country itself or its
  government, military, police, judiciary, legislature: ``TUR`` = ``TURGOV``) or the same
  non-state sector (``KENREB``, ``---REB``) — their days (the event date, else the
  article's publication date) lie within ``window_days`` of the first mention of the group,
  and their location countries do not differ (an unknown location agrees with any).
* Other mentions (an actor without a code) merge only inside one near-duplicate story, when
  the actor words and the trigger word are the same — the same sentence reprinted.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from whodid.store.db import Store
from whodid.store.dedup import THRESHOLD, near_duplicate_groups
from whodid.store.schema import EVENT_MEMBERS, MERGED_EVENTS, STORIES

__all__ = ["WINDOW_DAYS", "actor_key", "consolidate", "outlet_of"]

logger = logging.getLogger(__name__)

WINDOW_DAYS = 1


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet of a sighting: its ``source``, else the host of its URL (without ``www.``)."""
    if source and source.strip():
        return source.strip()
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


@dataclass(slots=True)
class _Mention:
    article_id: str
    index: int
    key: tuple[Any, ...]
    day: date | None
    country: str | None
    confidence: float
    source_code: str | None
    target_code: str | None
    cameo_root: str


@dataclass(slots=True)
class _Cluster:
    start: date | None
    country: str | None
    members: list[_Mention] = field(default_factory=list)


def _day(value: str | None, published: date | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return published


def _fits(cluster: _Cluster, mention: _Mention, window: int) -> bool:
    if (cluster.start is None) != (mention.day is None):
        return False
    if (
        cluster.start is not None
        and mention.day is not None
        and (mention.day - cluster.start).days > window
    ):
        return False
    return cluster.country is None or mention.country is None or cluster.country == mention.country


def _cluster(mentions: list[_Mention], window: int) -> list[_Cluster]:
    mentions.sort(key=lambda m: (m.day or date.max, m.article_id, m.index))
    done: list[_Cluster] = []
    open_: list[_Cluster] = []
    for mention in mentions:
        if mention.day is not None:
            still = []
            for cluster in open_:
                if cluster.start is not None and (mention.day - cluster.start).days > window:
                    done.append(cluster)
                else:
                    still.append(cluster)
            open_ = still
        home = next((c for c in open_ if _fits(c, mention, window)), None)
        if home is None:
            home = _Cluster(start=mention.day, country=mention.country)
            open_.append(home)
        home.members.append(mention)
        home.country = home.country or mention.country
    return done + open_


_STATE_SECTORS = frozenset({"", "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"})


def actor_key(code: str) -> str:
    """The part of an actor code that decides identity for merging: country and kind.

    ``TUR``, ``TURGOV``, ``TURMIL`` -> ``TUR``; ``KENREB`` -> ``KEN/REB``; ``---REB`` -> ``/REB``.
    """
    country = code[:3] if len(code) >= 3 and code[:3] != "---" else ""
    sector = code[3:6] if country else code.lstrip("-")[:3]
    return country if sector in _STATE_SECTORS and country else f"{country}/{sector}"


def _lower(value: str | None) -> str:
    return " ".join((value or "").lower().split())


def _load_mentions(
    store: Store, story_of: dict[str, str], published: dict[str, date | None]
) -> list[_Mention]:
    cursor = store.con.execute(
        "SELECT article_id, event_index, source_code, target_code, source_text, target_text, "
        "trigger_text, cameo_root, negated, hypothetical, date, location_country, confidence "
        "FROM events ORDER BY article_id, event_index"
    )
    mentions = []
    while rows := cursor.fetchmany(10_000):
        for (
            aid,
            idx,
            scode,
            tcode,
            stext,
            ttext,
            trigger,
            root,
            neg,
            hyp,
            day,
            country,
            confidence,
        ) in rows:
            flags = (root, bool(neg), bool(hyp))
            if scode and tcode:
                key: tuple[Any, ...] = ("coded", actor_key(scode), actor_key(tcode), *flags)
            else:
                key = (
                    "story",
                    story_of.get(aid, aid),
                    scode or _lower(stext),
                    tcode or _lower(ttext),
                    _lower(trigger),
                    *flags,
                )
            mentions.append(
                _Mention(
                    aid,
                    idx,
                    key,
                    _day(day, published.get(aid)),
                    country,
                    float(confidence or 0.0),
                    scode,
                    tcode,
                    root,
                )
            )
    return mentions


def _article_facts(
    store: Store,
) -> tuple[dict[str, date | None], dict[str, list[tuple[str | None, str | None]]]]:
    published: dict[str, date | None] = {}
    for aid, day in store.con.execute(
        "SELECT a.article_id, coalesce(min(s.published), a.published) FROM articles a "
        "LEFT JOIN sightings s USING (article_id) GROUP BY a.article_id, a.published"
    ).fetchall():
        published[aid] = day
    sightings: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    for aid, source, url in store.con.execute(
        "SELECT article_id, source, url FROM sightings ORDER BY article_id, origin, locator"
    ).fetchall():
        sightings[aid].append((outlet_of(source, url), url))
    return published, sightings


def _merged_row(
    cluster: _Cluster,
    story_of: dict[str, str],
    sightings: dict[str, list[tuple[str | None, str | None]]],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    members = sorted(cluster.members, key=lambda m: (m.article_id, m.index))
    best = min(members, key=lambda m: (-m.confidence, m.article_id, m.index))
    ident = hashlib.sha256(
        ";".join(f"{m.article_id}:{m.index}" for m in members).encode()
    ).hexdigest()[:24]
    articles = sorted({m.article_id for m in members})
    seen = [s for aid in articles for s in sightings.get(aid, [])]
    days = [m.day for m in members if m.day is not None]
    row = {
        "event_id": ident,
        "article_id": best.article_id,
        "event_index": best.index,
        "source_code": best.source_code,
        "target_code": best.target_code,
        "cameo_root": best.cameo_root,
        "country": cluster.country,
        "first_day": min(days) if days else None,
        "last_day": max(days) if days else None,
        "num_mentions": len(members),
        "num_articles": len(articles),
        "num_reports": max(len(seen), len(articles)),
        "num_sources": len({o for o, _ in seen if o}),
        "num_stories": len({story_of.get(a, a) for a in articles}),
        "article_ids": articles,
        "sources": sorted({o for o, _ in seen if o}),
        "urls": sorted({u for _, u in seen if u}),
    }
    links = [
        {"event_id": ident, "article_id": m.article_id, "event_index": m.index} for m in members
    ]
    return row, links


def _replace(store: Store, table_name: str, schema: pa.Schema, rows: list[dict[str, Any]]) -> None:
    store.con.execute(f"DELETE FROM {table_name}")
    if rows:
        store.con.register("_derived", pa.Table.from_pylist(rows, schema=schema))
        try:
            store.con.execute(f"INSERT INTO {table_name} BY NAME SELECT * FROM _derived")
        finally:
            store.con.unregister("_derived")


def consolidate(
    store: Store, *, window_days: int = WINDOW_DAYS, threshold: float = THRESHOLD
) -> dict[str, int]:
    """Recompute stories and merged events; return how many of each."""
    signatures = store.con.execute("SELECT article_id, minhash FROM articles").fetchall()
    story_of = near_duplicate_groups(
        ((aid, sig or []) for aid, sig in signatures), threshold=threshold
    )
    sizes: dict[str, int] = defaultdict(int)
    for group in story_of.values():
        sizes[group] += 1
    story_rows = [
        {"article_id": aid, "story_id": group, "story_size": sizes[group]}
        for aid, group in sorted(story_of.items())
    ]
    published, sightings = _article_facts(store)
    by_key: dict[tuple[Any, ...], list[_Mention]] = defaultdict(list)
    for mention in _load_mentions(store, story_of, published):
        by_key[mention.key].append(mention)
    merged, links = [], []
    for key in sorted(by_key, key=repr):
        for cluster in _cluster(by_key[key], window_days):
            row, members = _merged_row(cluster, story_of, sightings)
            merged.append(row)
            links.extend(members)
    merged.sort(key=lambda r: (r["first_day"] or date.max, r["event_id"]))
    store.con.execute("BEGIN TRANSACTION")
    try:
        _replace(store, "stories", STORIES.arrow_schema(), story_rows)
        _replace(store, "merged_events", MERGED_EVENTS.arrow_schema(), merged)
        _replace(store, "event_members", EVENT_MEMBERS.arrow_schema(), links)
        store.con.execute("UPDATE meta SET value = 'true' WHERE key = 'consolidated'")
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise
    logger.info(
        "consolidated: %d stories, %d merged events", len(set(story_of.values())), len(merged)
    )
    return {"stories": len(set(story_of.values())), "merged_events": len(merged)}
