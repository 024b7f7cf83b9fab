"""The DuckDB store's tables, defined once: DDL, Arrow types and the docs come from here.

Base tables (``articles``, ``sightings``, ``events``, ``actors``, ``places``, ``times``,
``quotes``, ``errors``) are written by ingest, one batch per transaction, every row keyed so
that writing it twice changes nothing.  Derived tables (``stories``, ``merged_events``,
``event_members``) are recomputed from the base tables by :mod:`whodid.store.consolidate`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

__all__ = ["BASE_TABLES", "DERIVED_TABLES", "SCHEMA_VERSION", "TABLES", "Column", "Table", "ddl"]

SCHEMA_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql: str  # DuckDB type
    doc: str

    @property
    def arrow(self) -> pa.DataType:
        return _ARROW[self.sql]


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # primary key (base tables only)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([(c.name, c.arrow) for c in self.columns])


_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "UINTEGER[]": pa.list_(pa.uint32()),
    "VARCHAR[]": pa.list_(pa.string()),
}


def _c(name: str, sql: str, doc: str) -> Column:
    return Column(name, sql, doc)


def _actor(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        _c(f"{prefix}_start", "INTEGER", f"{what}: start offset in the article text"),
        _c(f"{prefix}_end", "INTEGER", f"{what}: end offset (exclusive)"),
        _c(f"{prefix}_text", "VARCHAR", f"{what}: the words of the mention"),
        _c(f"{prefix}_code", "VARCHAR", f"{what}: CAMEO-style actor code (USAGOV, ---REB)"),
        _c(f"{prefix}_country", "VARCHAR", f"{what}: ISO 3166-1 alpha-3"),
        _c(f"{prefix}_sector", "VARCHAR", f"{what}: primary agent code (GOV, MIL, ...)"),
        _c(f"{prefix}_name", "VARCHAR", f"{what}: resolved canonical name"),
    )


def _place(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        _c(f"{prefix}_text", "VARCHAR", f"{what}: the words of the mention"),
        _c(f"{prefix}_name", "VARCHAR", f"{what}: resolved name"),
        _c(f"{prefix}_country", "VARCHAR", f"{what}: ISO 3166-1 alpha-3"),
        _c(f"{prefix}_admin1", "VARCHAR", f"{what}: first-level division"),
        _c(f"{prefix}_lat", "DOUBLE", f"{what}: latitude"),
        _c(f"{prefix}_lon", "DOUBLE", f"{what}: longitude"),
        _c(f"{prefix}_feature", "VARCHAR", f"{what}: country, admin1, admin2, city, region, other"),
    )


_ARTICLE_ID = _c("article_id", "VARCHAR", "content hash of the article (see docs/store.md)")

ARTICLES = Table(
    "articles",
    "one row per distinct article text (content hash)",
    (
        _ARTICLE_ID,
        _c("input_id", "VARCHAR", "the id the first input gave it (JSONL id, file name, URL)"),
        _c("title", "VARCHAR", "headline"),
        _c("published", "DATE", "publication date given by the first input that had one"),
        _c("url", "VARCHAR", "URL of the first input that had one"),
        _c("source", "VARCHAR", "outlet of the first input that had one"),
        _c("text", "VARCHAR", "the text as first received (offsets index into it)"),
        _c("error", "VARCHAR", "why annotation failed, else NULL"),
        _c("n_events", "INTEGER", "number of events found"),
        _c("minhash", "UINTEGER[]", "MinHash signature of the normalised text (near-duplicates)"),
        _c(
            "annotation",
            "VARCHAR",
            "the full annotation, JSON (INTERFACE.md), for lossless reading",
        ),
    ),
    key=("article_id",),
)

SIGHTINGS = Table(
    "sightings",
    "every place an article was received: file (and line), outlet, URL",
    (
        _ARTICLE_ID,
        _c("origin", "VARCHAR", "absolute path of the input file, or <stdin>"),
        _c(
            "locator",
            "VARCHAR",
            "where in the file: '' (whole file), 'line 3', 'row 2', 'item 1', 'record 5 (url)'",
        ),
        _c("input_id", "VARCHAR", "the id this input gave the article"),
        _c("title", "VARCHAR", "headline given by this input"),
        _c("published", "DATE", "publication date given by this input"),
        _c("url", "VARCHAR", "URL given by this input"),
        _c("source", "VARCHAR", "outlet given by this input"),
    ),
    key=("article_id", "origin", "locator"),
)

EVENTS = Table(
    "events",
    "every event mention of every article (INTERFACE.md event fields, flattened)",
    (
        _ARTICLE_ID,
        _c("event_index", "INTEGER", "position in the article's event list"),
        _c("sentence", "INTEGER", "sentence index"),
        _c("trigger_start", "INTEGER", "trigger start offset"),
        _c("trigger_end", "INTEGER", "trigger end offset"),
        _c("trigger_text", "VARCHAR", "trigger words"),
        *_actor("source", "source actor"),
        *_actor("target", "target actor"),
        _c("cameo", "VARCHAR", "CAMEO event code"),
        _c("cameo_root", "VARCHAR", "two-digit CAMEO root"),
        _c("quad_class", "INTEGER", "1-4"),
        _c("goldstein", "DOUBLE", "Goldstein scale value"),
        _c("plover_type", "VARCHAR", "PLOVER event type"),
        _c("plover_mode", "VARCHAR", "PLOVER mode"),
        _c("acled_event_type", "VARCHAR", "ACLED event type"),
        _c("acled_sub_event_type", "VARCHAR", "ACLED sub-event type"),
        _c("date", "VARCHAR", "event date as the text gives it: YYYY-MM-DD, YYYY-MM or YYYY"),
        _c("date_precision", "VARCHAR", "day, month, year or published"),
        *_place("location", "event location"),
        _c("negated", "BOOLEAN", "the text denies the event"),
        _c("hypothetical", "BOOLEAN", "possible, planned or conditional"),
        _c("confidence", "DOUBLE", "0-1"),
        _c("rule", "VARCHAR", "what produced it"),
        _c("evidence_start", "INTEGER", "sentence start offset"),
        _c("evidence_end", "INTEGER", "sentence end offset"),
        _c("evidence", "VARCHAR", "the sentence"),
        _c("quote_index", "INTEGER", "index into the article's quotes, if reported speech"),
        _c("event", "VARCHAR", "the event exactly as INTERFACE.md gives it, JSON"),
    ),
    key=("article_id", "event_index"),
)

ACTORS = Table(
    "actors",
    "actor mentions: event sources and targets, quote speakers",
    (
        _ARTICLE_ID,
        _c("mention_index", "INTEGER", "position among the article's actor mentions"),
        _c("role", "VARCHAR", "source, target or speaker"),
        _c("event_index", "INTEGER", "the event (for source/target)"),
        _c("quote_index", "INTEGER", "the quote (for speaker)"),
        _c("start", "INTEGER", "start offset"),
        _c("end", "INTEGER", "end offset"),
        _c("text", "VARCHAR", "the words"),
        _c("code", "VARCHAR", "CAMEO-style actor code"),
        _c("country", "VARCHAR", "ISO alpha-3"),
        _c("sector", "VARCHAR", "primary agent code"),
        _c("name", "VARCHAR", "canonical name"),
    ),
    key=("article_id", "mention_index"),
)

PLACES = Table(
    "places",
    "every place mention, resolved",
    (
        _ARTICLE_ID,
        _c("place_index", "INTEGER", "position in the article's places"),
        _c("start", "INTEGER", "start offset"),
        _c("end", "INTEGER", "end offset"),
        _c("text", "VARCHAR", "the words"),
        _c("name", "VARCHAR", "resolved name"),
        _c("country", "VARCHAR", "ISO alpha-3"),
        _c("admin1", "VARCHAR", "first-level division"),
        _c("lat", "DOUBLE", "latitude"),
        _c("lon", "DOUBLE", "longitude"),
        _c("feature", "VARCHAR", "country, admin1, admin2, city, region, other"),
    ),
    key=("article_id", "place_index"),
)

TIMES = Table(
    "times",
    "every temporal expression (TIMEX3)",
    (
        _ARTICLE_ID,
        _c("time_index", "INTEGER", "position in the article's times"),
        _c("start", "INTEGER", "start offset"),
        _c("end", "INTEGER", "end offset"),
        _c("text", "VARCHAR", "the words"),
        _c("type", "VARCHAR", "DATE, TIME, DURATION, SET"),
        _c("value", "VARCHAR", "TIMEX3 value"),
    ),
    key=("article_id", "time_index"),
)

QUOTES = Table(
    "quotes",
    "reported speech",
    (
        _ARTICLE_ID,
        _c("quote_index", "INTEGER", "position in the article's quotes"),
        *_actor("speaker", "speaker"),
        _c("cue_start", "INTEGER", "attribution verb start"),
        _c("cue_end", "INTEGER", "attribution verb end"),
        _c("cue_text", "VARCHAR", "attribution words"),
        _c("content_start", "INTEGER", "content start"),
        _c("content_end", "INTEGER", "content end"),
        _c("content_text", "VARCHAR", "what was said"),
        _c("direct", "BOOLEAN", "in quotation marks"),
    ),
    key=("article_id", "quote_index"),
)

ERRORS = Table(
    "errors",
    "input that gave no article (level error) or a flawed one (warning)",
    (
        _c("origin", "VARCHAR", "input file or <stdin>"),
        _c("locator", "VARCHAR", "where in the file ('' for the whole file)"),
        _c(
            "kind",
            "VARCHAR",
            "binary, empty, json, record, html, too-large, unreadable, annotate, ...",
        ),
        _c("level", "VARCHAR", "error or warning"),
        _c("message", "VARCHAR", "what went wrong"),
        _c("article_id", "VARCHAR", "the article concerned, for warnings and annotation errors"),
    ),
    key=("origin", "locator", "kind", "message"),
)

STORIES = Table(
    "stories",
    "derived: near-duplicate groups (wire copy reprinted)",
    (
        _ARTICLE_ID,
        _c("story_id", "VARCHAR", "smallest article_id of the group"),
        _c("story_size", "INTEGER", "articles in the group"),
    ),
)

MERGED_EVENTS = Table(
    "merged_events",
    "derived: one row per real-world event, merged across articles",
    (
        _c("event_id", "VARCHAR", "stable id of the merged event"),
        _c("article_id", "VARCHAR", "representative mention: article"),
        _c("event_index", "INTEGER", "representative mention: event index"),
        _c("source_code", "VARCHAR", "source actor code"),
        _c("target_code", "VARCHAR", "target actor code"),
        _c("cameo_root", "VARCHAR", "CAMEO root shared by the mentions"),
        _c("country", "VARCHAR", "event location country, if any mention has one"),
        _c("first_day", "DATE", "earliest day of the mentions"),
        _c("last_day", "DATE", "latest day of the mentions"),
        _c("num_mentions", "INTEGER", "event mentions merged"),
        _c("num_articles", "INTEGER", "distinct articles (texts)"),
        _c("num_reports", "INTEGER", "sightings of those articles (copies received)"),
        _c("num_sources", "INTEGER", "distinct outlets"),
        _c("num_stories", "INTEGER", "distinct near-duplicate stories"),
        _c("article_ids", "VARCHAR[]", "the articles, sorted"),
        _c("sources", "VARCHAR[]", "the outlets, sorted"),
        _c("urls", "VARCHAR[]", "the URLs, sorted"),
    ),
)

EVENT_MEMBERS = Table(
    "event_members",
    "derived: which mention belongs to which merged event",
    (
        _c("event_id", "VARCHAR", "merged event"),
        _ARTICLE_ID,
        _c("event_index", "INTEGER", "event mention"),
    ),
)

META = Table(
    "meta",
    "schema version and bookkeeping",
    (
        _c("key", "VARCHAR", "name"),
        _c("value", "VARCHAR", "value"),
    ),
    key=("key",),
)

BASE_TABLES = (ARTICLES, SIGHTINGS, EVENTS, ACTORS, PLACES, TIMES, QUOTES, ERRORS)
DERIVED_TABLES = (STORIES, MERGED_EVENTS, EVENT_MEMBERS)
TABLES = {t.name: t for t in (*BASE_TABLES, *DERIVED_TABLES, META)}


def ddl(table: Table) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for ``table``."""
    columns = [f'"{c.name}" {c.sql}' for c in table.columns]
    if table.key:
        columns.append(f"PRIMARY KEY ({', '.join(table.key)})")
    return f"CREATE TABLE IF NOT EXISTS {table.name} ({', '.join(columns)})"
