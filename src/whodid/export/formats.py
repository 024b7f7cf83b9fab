"""Event exports for tools: JSON Lines, CSV and Parquet — one merged event per line/row.

JSON Lines and Parquet keep the INTERFACE.md event shape (nested actors, spans, location)
with the merge fields beside it; CSV flattens it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["CSV_FIELDS", "PARQUET_SCHEMA", "write_csv", "write_jsonl", "write_parquet"]

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
_ACTOR = pa.struct(
    [
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("code", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("name", pa.string()),
    ]
)
_PLACE = pa.struct(
    [
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("feature", pa.string()),
    ]
)

PARQUET_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("sentence", pa.int32()),
        ("trigger", _SPAN),
        ("source", _ACTOR),
        ("target", _ACTOR),
        ("cameo", pa.string()),
        ("cameo_root", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("plover", pa.struct([("type", pa.string()), ("mode", pa.string())])),
        ("acled", pa.struct([("event_type", pa.string()), ("sub_event_type", pa.string())])),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("location", _PLACE),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("confidence", pa.float64()),
        ("rule", pa.string()),
        ("evidence", _SPAN),
        ("quote", pa.int32()),
        ("article_ids", pa.list_(pa.string())),
        ("num_mentions", pa.int32()),
        ("num_articles", pa.int32()),
        ("num_reports", pa.int32()),
        ("num_sources", pa.int32()),
        ("num_stories", pa.int32()),
        ("sources", pa.list_(pa.string())),
        ("urls", pa.list_(pa.string())),
        ("first_day", pa.date32()),
        ("last_day", pa.date32()),
        ("article_id", pa.string()),
        ("event_index", pa.int32()),
        ("published", pa.date32()),
        ("title", pa.string()),
        ("url", pa.string()),
    ]
)

CSV_FIELDS = (
    "event_id",
    "date",
    "date_precision",
    "first_day",
    "last_day",
    "source_code",
    "source_name",
    "source_country",
    "source_sector",
    "source_text",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "acled_event_type",
    "acled_sub_event_type",
    "target_code",
    "target_name",
    "target_country",
    "target_sector",
    "target_text",
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "negated",
    "hypothetical",
    "confidence",
    "trigger",
    "evidence",
    "rule",
    "num_mentions",
    "num_articles",
    "num_reports",
    "num_sources",
    "num_stories",
    "article_ids",
    "sources",
    "urls",
    "published",
    "title",
    "url",
)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
        count += 1
    return count


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for role in ("source", "target"):
        actor = row.get(role) or {}
        for key in ("code", "name", "country", "sector", "text"):
            flat[f"{role}_{key}"] = actor.get(key)
    location = row.get("location") or {}
    for key in ("name", "country", "admin1", "lat", "lon"):
        flat[f"location_{key}"] = location.get(key)
    plover, acled = row.get("plover") or {}, row.get("acled") or {}
    flat.update(
        {
            "plover_type": plover.get("type"),
            "plover_mode": plover.get("mode"),
            "acled_event_type": acled.get("event_type"),
            "acled_sub_event_type": acled.get("sub_event_type"),
            "trigger": (row.get("trigger") or {}).get("text"),
            "evidence": " ".join(((row.get("evidence") or {}).get("text") or "").split()),
            "article_ids": ";".join(row.get("article_ids") or []),
            "sources": ";".join(row.get("sources") or []),
            "urls": ";".join(row.get("urls") or []),
        }
    )
    for key in CSV_FIELDS:
        if key not in flat:
            flat[key] = row.get(key)
    return flat


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(_flat(row))
        count += 1
    return count


def write_parquet(rows: Iterable[dict[str, Any]], path: Path, *, chunk: int = 10_000) -> int:
    """Write ``rows`` to a Parquet file with :data:`PARQUET_SCHEMA`, ``chunk`` rows at a time."""
    count = 0
    names = PARQUET_SCHEMA.names
    with pq.ParquetWriter(str(path), PARQUET_SCHEMA) as writer:
        buffer: list[dict[str, Any]] = []
        for row in rows:
            buffer.append({name: row.get(name) for name in names})
            if len(buffer) >= chunk:
                writer.write_table(pa.Table.from_pylist(buffer, schema=PARQUET_SCHEMA))
                count += len(buffer)
                buffer = []
        if buffer or count == 0:
            writer.write_table(pa.Table.from_pylist(buffer, schema=PARQUET_SCHEMA))
            count += len(buffer)
    return count
