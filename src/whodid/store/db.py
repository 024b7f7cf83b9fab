"""The DuckDB store: open (creating the schema), write one batch per transaction, read back.

DuckDB allows one writing process per file: ingest holds the store for its whole run and
workers hand their annotations to it.  Every base-table row has a primary key and is written
with ``INSERT OR IGNORE``, so writing a batch again (after a crash) changes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from whodid.records import Annotation, Article
from whodid.store.rows import annotation_from_dict, annotation_rows
from whodid.store.schema import BASE_TABLES, DERIVED_TABLES, META, SCHEMA_VERSION, TABLES, ddl

__all__ = ["Batch", "Store", "StoreError", "StoredArticle"]

logger = logging.getLogger(__name__)
Row = dict[str, Any]


class StoreError(RuntimeError):
    """The store cannot be opened or is not a whodid store of this version."""


@dataclass(slots=True)
class StoredArticle:
    """A newly coded article, ready to be written with all its layers."""

    article_id: str
    article: Article
    annotation: Annotation
    minhash: list[int]


@dataclass(slots=True)
class Batch:
    """What one transaction writes: articles with their layers, sightings, errors."""

    articles: list[StoredArticle] = field(default_factory=list)
    sightings: list[Row] = field(default_factory=list)
    errors: list[Row] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles) + len(self.sightings) + len(self.errors)


def sighting_row(article_id: str, article: Article, *, origin: str, locator: str) -> Row:
    return {
        "article_id": article_id,
        "origin": origin,
        "locator": locator,
        "input_id": article.id or None,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "source": article.source,
    }


def error_row(
    *,
    origin: str,
    locator: str,
    kind: str,
    message: str,
    level: str = "error",
    article_id: str | None = None,
) -> Row:
    return {
        "origin": origin,
        "locator": locator,
        "kind": kind,
        "level": level,
        "message": message,
        "article_id": article_id,
    }


class Store:
    """An open whodid store.  Use as a context manager; ``read_only`` for queries and exports."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        if not read_only:
            self._create()
        self._check_version()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _create(self) -> None:
        self.con.execute("BEGIN TRANSACTION")
        for table in (*BASE_TABLES, *DERIVED_TABLES, META):
            self.con.execute(ddl(table))
        self.con.execute(
            "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
        )
        self.con.execute("INSERT OR IGNORE INTO meta VALUES ('consolidated', 'true')")
        self.con.execute("COMMIT")

    def _one(self, sql: str, params: list[Any] | None = None) -> tuple[Any, ...] | None:
        """The first row of a query, the result consumed (DuckDB wants results finished)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else None

    def _check_version(self) -> None:
        try:
            found = self._one("SELECT value FROM meta WHERE key = 'schema_version'")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a whodid store ({exc})") from exc
        if found is None or found[0] != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {found and found[0]!r}, expected {SCHEMA_VERSION!r}"
            )

    # -- writing --------------------------------------------------------------------------------

    def _insert(self, table_name: str, rows: list[Row]) -> None:
        if not rows:
            return
        table = TABLES[table_name]
        arrow = pa.Table.from_pylist(
            [{n: r.get(n) for n in table.names} for r in rows], schema=table.arrow_schema()
        )
        self.con.register("_incoming", arrow)
        try:
            self.con.execute(f"INSERT OR IGNORE INTO {table_name} BY NAME SELECT * FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def write(self, batch: Batch) -> None:
        """Write a batch in one transaction: all of it or (after a crash) none of it."""
        if not len(batch):
            return
        tables: dict[str, list[Row]] = {t.name: [] for t in BASE_TABLES}
        for item in batch.articles:
            data = item.annotation.to_dict()
            article = item.article
            tables["articles"].append(
                {
                    "article_id": item.article_id,
                    "input_id": article.id or None,
                    "title": article.title,
                    "published": article.published,
                    "url": article.url,
                    "source": article.source,
                    "text": article.text,
                    "error": item.annotation.error,
                    "n_events": len(item.annotation.events),
                    "minhash": item.minhash,
                    "annotation": json.dumps(data, ensure_ascii=False, sort_keys=True),
                }
            )
            for name, rows in annotation_rows(item.article_id, data).items():
                tables[name].extend(rows)
        tables["sightings"] = batch.sightings
        tables["errors"] = batch.errors
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, rows in tables.items():
                self._insert(name, rows)
            if batch.articles or batch.sightings:
                self.con.execute("UPDATE meta SET value = 'false' WHERE key = 'consolidated'")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # -- reading --------------------------------------------------------------------------------

    def article_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT article_id FROM articles").fetchall()}

    def is_consolidated(self) -> bool:
        row = self._one("SELECT value FROM meta WHERE key = 'consolidated'")
        return row is not None and row[0] == "true"

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        for name in TABLES:
            row = self._one(f"SELECT count(*) FROM {name}")
            out[name] = int(row[0]) if row else 0
        return out

    def annotation(self, article_id: str) -> Annotation | None:
        """The stored annotation of an article, as records."""
        row = self._one("SELECT annotation FROM articles WHERE article_id = ?", [article_id])
        return annotation_from_dict(json.loads(row[0])) if row else None

    def articles(self) -> Iterator[tuple[str, Article]]:
        """Every stored article, by id."""
        cursor = self.con.execute(
            "SELECT article_id, text, published, input_id, title, url, source FROM articles "
            "ORDER BY article_id"
        )
        while rows := cursor.fetchmany(1000):
            for aid, text, published, input_id, title, url, source in rows:
                day = published if isinstance(published, date) else None
                yield (
                    aid,
                    Article(
                        text=text,
                        published=day,
                        id=input_id or "",
                        title=title,
                        url=url,
                        source=source,
                    ),
                )

    def errors(self, *, level: str | None = None) -> list[Row]:
        """The error report, ordered by input and place."""
        sql = "SELECT origin, locator, kind, level, message, article_id FROM errors"
        params: list[Any] = []
        if level:
            sql += " WHERE level = ?"
            params.append(level)
        cursor = self.con.execute(sql + " ORDER BY origin, locator, kind, message", params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
