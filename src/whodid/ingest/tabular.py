"""Record files: JSON Lines, JSON and CSV, with a mapping from their columns to ours.

A record has the batch interface's fields ``id``, ``text``, ``published``, ``title``, ``url``,
``source``.  Files that name them differently are read with a :class:`FieldMap`
(``FieldMap.parse(["text=body", "published=date"])``).  Only ``text`` is required here: a
record without ``id`` is named after its place in the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any, BinaryIO

from whodid.ingest.items import Found, Problem, Sourced
from whodid.ingest.records_io import iter_jsonl_objects, parse_date
from whodid.ingest.textfile import decode_bytes
from whodid.records import Article

__all__ = [
    "ALIASES",
    "FIELDS",
    "FieldMap",
    "iter_csv",
    "iter_json",
    "iter_jsonl",
    "lenient_date",
    "record_to_article",
]

logger = logging.getLogger(__name__)

FIELDS = ("id", "text", "published", "title", "url", "source")
# Column names recognised without a mapping, tried in this order after the field's own name.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("article_id", "doc_id", "guid", "uid"),
    "text": ("body", "content", "article", "full_text", "story"),
    "published": ("date", "pubdate", "published_at", "publication_date", "datetime"),
    "title": ("headline", "heading"),
    "url": ("link", "uri", "href"),
    "source": ("outlet", "publisher", "site", "sitename", "newspaper"),
}
_CONTAINER_KEYS = ("articles", "items", "records", "documents", "docs", "data", "results")
_CSV_FIELD_LIMIT = 1 << 27  # 128 MB: an article in one cell is fine; the default is 128 kB


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which input column holds each of our fields; unmapped fields keep their own name."""

    columns: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, specs: Iterable[str]) -> FieldMap:
        """``["text=body", "id=doc_id"]`` -> a FieldMap; raises ``ValueError`` naming a bad spec."""
        columns: dict[str, str] = {}
        for spec in specs:
            ours, sep, theirs = spec.partition("=")
            ours, theirs = ours.strip(), theirs.strip()
            if not sep or not ours or not theirs:
                raise ValueError(
                    f"bad field mapping {spec!r}: expected FIELD=COLUMN, e.g. text=body"
                )
            if ours not in FIELDS:
                raise ValueError(
                    f"bad field mapping {spec!r}: {ours!r} is not one of {', '.join(FIELDS)}"
                )
            columns[ours] = theirs
        return cls(columns=columns)

    def candidates(self, name: str) -> tuple[str, ...]:
        """Columns that may hold field ``name``: the mapped one, its own name, its aliases."""
        own = (name, *ALIASES.get(name, ()))
        mapped = self.columns.get(name)
        return (mapped, *own) if mapped else own

    def column(self, name: str, record: Mapping[str, Any] | Iterable[str] = ()) -> str:
        """The column of ``record`` (or header) that holds ``name``; else the preferred one."""
        present = record.keys() if isinstance(record, Mapping) else set(record)
        for candidate in self.candidates(name):
            if candidate in present:
                return candidate
        return self.candidates(name)[0]


def lenient_date(value: Any) -> date | None:
    """A publication date in any common form; raises ``ValueError`` if there is none to read.

    ISO days and datetimes, ``YYYYMMDD``, RFC 2822 (``Tue, 05 Mar 2024 10:00:00 GMT``) and
    forms such as ``March 5, 2024``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str):
        raise ValueError(f"invalid date {value!r}")
    try:
        return parse_date(value)
    except ValueError:
        pass
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(value, fuzzy=False).date()
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"invalid date {value!r}") from exc


def _text_field(record: Mapping[str, Any], fields: FieldMap, name: str) -> str | None:
    column = fields.column(name, record)
    value = record.get(column)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"field {column!r} must be a string, got {type(value).__name__}")


def record_to_article(
    record: Any, *, fields: FieldMap, default_id: str
) -> tuple[Article, tuple[str, ...]]:
    """One record -> ``(Article, warnings)``; raises ``ValueError`` when it holds no article."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text_column = fields.column("text", record)
    text = record.get(text_column)
    if text is None:
        raise ValueError(f"missing field {text_column!r}")
    if not isinstance(text, str):
        raise ValueError(f"field {text_column!r} must be a string, got {type(text).__name__}")
    if not text.strip():
        raise ValueError(f"field {text_column!r} is empty")
    ident = _text_field(record, fields, "id") or default_id
    warnings: list[str] = []
    published = None
    date_column = fields.column("published", record)
    try:
        published = lenient_date(record.get(date_column))
    except ValueError as exc:
        warnings.append(f"field {date_column!r}: {exc}; publication date left empty")
    article = Article(
        text=text,
        published=published,
        id=ident,
        title=_text_field(record, fields, "title"),
        url=_text_field(record, fields, "url"),
        source=_text_field(record, fields, "source"),
    )
    return article, tuple(warnings)


def _from_record(
    record: Any, *, origin: str, locator: str, fields: FieldMap, default_id: str
) -> Sourced:
    try:
        article, warnings = record_to_article(record, fields=fields, default_id=default_id)
    except ValueError as exc:
        return Problem(origin, locator, "record", str(exc))
    return Found(article, origin, locator, warnings)


def _stem(origin: str) -> str:
    name = origin.rsplit("/", 1)[-1]
    for suffix in (".gz", ".jsonl", ".ndjson", ".json", ".csv", ".tsv"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def iter_jsonl(stream: BinaryIO, *, origin: str, fields: FieldMap) -> Iterator[Sourced]:
    """Each line of a JSON Lines byte stream: an article, or a problem naming the line."""
    stem = _stem(origin)
    for number, value, error in iter_jsonl_objects(stream):
        locator = f"line {number}"
        if error is not None:
            yield Problem(origin, locator, "json", error.removeprefix(f"{locator}: "))
            continue
        yield _from_record(
            value, origin=origin, locator=locator, fields=fields, default_id=f"{stem}:{number}"
        )


def iter_json(data: bytes, *, origin: str, fields: FieldMap) -> Iterator[Sourced]:
    """A JSON file: a list of records, an object holding one (``{"articles": [...]}``), a record."""
    try:
        value = json.loads(decode_bytes(data))
    except json.JSONDecodeError as exc:
        yield Problem(
            origin, "", "json", f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        )
        return
    if isinstance(value, dict):
        for key in _CONTAINER_KEYS:
            if isinstance(value.get(key), list):
                value = value[key]
                break
    stem = _stem(origin)
    if isinstance(value, dict):
        yield _from_record(value, origin=origin, locator="", fields=fields, default_id=stem)
        return
    if not isinstance(value, list):
        yield Problem(
            origin,
            "",
            "json",
            f"expected a list of records or an object, got {type(value).__name__}",
        )
        return
    for index, record in enumerate(value, start=1):
        yield _from_record(
            record,
            origin=origin,
            locator=f"item {index}",
            fields=fields,
            default_id=f"{stem}:{index}",
        )


def _text_stream(stream: BinaryIO) -> IO[str]:
    """UTF-8 if the opening bytes are UTF-8, else the encoding they look like; BOM dropped."""
    buffered = (
        io.BufferedReader(stream, buffer_size=1 << 16)  # type: ignore[type-var]
        if not hasattr(stream, "peek")
        else stream
    )
    head = buffered.peek(1 << 16)[: 1 << 16]  # type: ignore[attr-defined]
    encoding = "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        try:
            import charset_normalizer

            best = charset_normalizer.from_bytes(head).best()
            encoding = best.encoding if best is not None else "cp1252"
        except ImportError:  # pragma: no cover - ships with trafilatura
            encoding = "cp1252"
    return io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")


def iter_csv(
    stream: BinaryIO, *, origin: str, fields: FieldMap, delimiter: str = ","
) -> Iterator[Sourced]:
    """Each row of a CSV (or TSV) byte stream with a header row: an article, or a problem."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    with _text_stream(stream) as text:
        yield from _csv_rows(text, origin=origin, fields=fields, delimiter=delimiter)


def _csv_rows(text: IO[str], *, origin: str, fields: FieldMap, delimiter: str) -> Iterator[Sourced]:
    reader = csv.DictReader(text, delimiter=delimiter)
    stem = _stem(origin)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield Problem(origin, "", "record", f"unreadable CSV header: {exc}")
        return
    if not header:
        yield Problem(origin, "", "empty", "the CSV file has no header row")
        return
    if fields.column("text", header) not in header:
        yield Problem(
            origin,
            "",
            "record",
            f"no text column in the header ({', '.join(header)}); map one with --field text=COLUMN",
        )
        return
    row_number = 0
    while True:
        row_number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Problem(origin, f"row {row_number}", "record", f"unreadable CSV row: {exc}")
            continue
        record = {key: value for key, value in row.items() if key is not None}
        yield _from_record(
            record,
            origin=origin,
            locator=f"row {row_number}",
            fields=fields,
            default_id=f"{stem}:{row_number}",
        )
