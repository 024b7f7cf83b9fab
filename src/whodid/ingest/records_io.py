"""Batch input: dates, JSON Lines records and their conversion to articles (INTERFACE.md)."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from whodid.ingest.errors import ReadError
from whodid.records import Article

__all__ = ["article_from_record", "iter_jsonl_objects", "iter_jsonl_records", "parse_date"]

logger = logging.getLogger(__name__)

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMPACT_DAY = re.compile(r"\d{8}")
_OPTIONAL_TEXT_FIELDS = ("title", "url", "source")


def parse_date(value: str | None) -> date | None:
    """``YYYY-MM-DD``, ``YYYYMMDD`` or an ISO datetime -> :class:`date`; empty -> ``None``.

    Raises ``ValueError`` naming the value if it is not such a date.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"invalid date {value!r}: expected a string YYYY-MM-DD")
    stripped = value.strip()
    if not stripped:
        return None
    try:
        if _ISO_DAY.fullmatch(stripped):
            return date.fromisoformat(stripped)
        if _COMPACT_DAY.fullmatch(stripped):
            return date(int(stripped[:4]), int(stripped[4:6]), int(stripped[6:]))
        if len(stripped) > 10 and _ISO_DAY.match(stripped):
            return datetime.fromisoformat(stripped.replace("z", "Z")).date()
    except ValueError as exc:
        raise ValueError(f"invalid date {value!r}: {exc}") from exc
    raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD, YYYYMMDD or an ISO datetime")


def _check(record: Any) -> str | None:
    """Why ``record`` cannot be a batch item, or ``None`` if it can."""
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    if "id" not in record:
        return "missing field 'id'"
    if not isinstance(record["id"], str | int) or isinstance(record["id"], bool):
        return "field 'id' must be a string"
    if "text" not in record:
        return "missing field 'text'"
    if not isinstance(record["text"], str):
        return f"field 'text' must be a string, got {type(record['text']).__name__}"
    return None


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        yield number, raw


def iter_jsonl_records(path: Path | str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield ``(line number, record, error)`` for each non-blank line of a JSON Lines file.

    ``path`` may be ``"-"`` for standard input.  A line that is not valid UTF-8 or JSON, not
    an object, or lacks a string ``id``/``text`` yields an error message and the iteration goes
    on.  With an error, ``record`` is the parsed object when the line was one (so its ``id``
    can be echoed), else ``None``.  An unreadable file raises :class:`ReadError`.
    """
    if str(path) == "-":
        yield from _iter_stream(sys.stdin.buffer)
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, generator-friendly
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
    with stream:
        yield from _iter_stream(stream)


def iter_jsonl_objects(stream: BinaryIO) -> Iterator[tuple[int, Any, str | None]]:
    """Yield ``(line number, parsed value, error)`` for each non-blank line of a byte stream.

    Only parsing: a line that is not UTF-8 or not JSON yields ``(n, None, message)``.
    """
    for number, raw in _lines(stream):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, None, f"line {number}: not valid UTF-8 ({exc.reason})"
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})"
            continue
        yield number, value, None


def _iter_stream(stream: BinaryIO) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    for number, record, error in iter_jsonl_objects(stream):
        if error is not None:
            yield number, None, error
            continue
        problem = _check(record)
        if problem is not None:
            yield number, record if isinstance(record, dict) else None, f"line {number}: {problem}"
            continue
        yield number, record, None


def article_from_record(record: dict[str, Any]) -> Article:
    """Turn one batch record into an :class:`Article`.

    Raises ``ValueError`` for a missing or non-string ``id``/``text``, an unreadable
    ``published`` date, or a non-string ``title``/``url``/``source``.
    """
    problem = _check(record)
    if problem is not None:
        raise ValueError(problem)
    extras: dict[str, str | None] = {}
    for name in _OPTIONAL_TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"field {name!r} must be a string, got {type(value).__name__}")
        extras[name] = value or None
    published = record.get("published")
    try:
        day = parse_date(published)
    except ValueError as exc:
        raise ValueError(f"field 'published': {exc}") from exc
    return Article(
        text=record["text"],
        published=day,
        id=str(record["id"]),
        title=extras["title"],
        url=extras["url"],
        source=extras["source"],
        locate=_locate(record.get("locate"), len(record["text"])),
    )


def _locate(value: Any, length: int) -> tuple[tuple[int, int], ...]:
    """The optional ``locate`` field: spans ``{"start", "end"}`` of words to place."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("field 'locate' must be a list of spans {start, end}")
    spans = []
    for item in value:
        start = item.get("start") if isinstance(item, dict) else None
        end = item.get("end") if isinstance(item, dict) else None
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
            raise ValueError(f"field 'locate': {item!r} is not a span of the text")
        spans.append((start, end))
    return tuple(spans)
