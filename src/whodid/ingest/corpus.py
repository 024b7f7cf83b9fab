"""A corpus: files and folders (walked recursively, in sorted order) and ``-`` for stdin.

Every input becomes a stream of :class:`Found` articles and :class:`Problem` reports;
nothing in a corpus stops the walk.  Formats: text, HTML, JSON Lines, JSON, CSV/TSV,
RSS/Atom feeds and WARC, each also gzipped (``.gz``).
"""

from __future__ import annotations

import gzip
import logging
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from whodid.ingest.errors import ReadError
from whodid.ingest.feeds import iter_feed
from whodid.ingest.html import read_html
from whodid.ingest.items import Found, Problem, Sourced
from whodid.ingest.sniff import detect_format, is_gzip, looks_binary, read_limited, strip_gz
from whodid.ingest.tabular import FieldMap, iter_csv, iter_json, iter_jsonl
from whodid.ingest.textfile import decode_bytes, guess_title
from whodid.records import Article

__all__ = ["STDIN", "CorpusOptions", "estimate_count", "iter_corpus", "iter_files"]

logger = logging.getLogger(__name__)

STDIN = "<stdin>"
_HEAD = 8192


@dataclass(frozen=True, slots=True)
class CorpusOptions:
    """How to read a corpus."""

    fields: FieldMap = field(default_factory=FieldMap)  # column mapping for JSON/CSV records
    max_bytes: int = 20_000_000  # largest file read whole as one document (text, HTML, JSON, feed)
    max_chars: int = 1_000_000  # longest article text (spaCy's own limit)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | str | Problem]:
    """Files to read, in a stable order: each argument, folders walked recursively and sorted.

    Hidden files and folders (``.name``) inside folders are skipped.  ``"-"`` passes through
    as stdin; a missing path becomes a :class:`Problem`.
    """
    for entry in paths:
        if str(entry) == "-":
            yield STDIN
            continue
        path = Path(entry)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield Problem(str(path), "", "unreadable", "no such file or folder")


def _head(path: Path) -> bytes:
    with path.open("rb") as raw:
        head = raw.read(_HEAD)
    if is_gzip(head):
        try:
            with gzip.open(path, "rb") as stream:
                return stream.read(_HEAD)
        except (OSError, EOFError, zlib.error) as exc:
            raise ReadError(f"corrupt gzip data: {exc}", path=path) from exc
    return head


def _open_stream(path: Path, stack: ExitStack) -> BinaryIO:
    raw = stack.enter_context(path.open("rb"))
    if is_gzip(raw.read(2)):
        raw.seek(0)
        return stack.enter_context(gzip.open(raw, "rb"))  # type: ignore[return-value]
    raw.seek(0)
    return raw


def _whole(path: Path, kind: str, data: bytes, origin: str) -> Iterator[Sourced]:
    if kind == "text":
        if looks_binary(data[:_HEAD]):
            yield Problem(origin, "", "binary", "binary data, not text")
            return
        text = decode_bytes(data)
        if not text.strip():
            yield Problem(origin, "", "empty", "the file holds no text")
            return
        name = Path(strip_gz(path.name)).stem
        yield Found(Article(text=text, id=name, title=guess_title(text)), origin)
    elif kind == "html":
        article = read_html(data, name=origin)
        article.id = Path(strip_gz(path.name)).stem
        yield Found(article, origin)
    elif kind == "feed":
        yield from iter_feed(data, origin=origin)


def _read_file(path: Path, options: CorpusOptions) -> Iterator[Sourced]:
    origin = str(path.resolve())
    name = strip_gz(path.name)
    try:
        head = _head(path)
    except OSError as exc:
        yield Problem(origin, "", "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    except ReadError as exc:
        yield Problem(origin, "", "unreadable", str(exc).removeprefix(f"{path}: "))
        return
    if not head.strip():
        yield Problem(origin, "", "empty", "the file is empty")
        return
    kind = detect_format(name, head)
    if kind is None:
        yield Problem(origin, "", "binary", "binary data, not a document whodid can read")
        return
    logger.debug("%s: reading as %s", origin, kind)
    try:
        if kind in ("text", "html", "feed", "json"):
            data = read_limited(path, max_bytes=options.max_bytes)
            if kind == "json":
                yield from iter_json(data, origin=origin, fields=options.fields)
            else:
                yield from _whole(path, kind, data, origin)
            return
        with ExitStack() as stack:
            if kind == "warc":
                from whodid.ingest.warc import iter_warc

                stream = stack.enter_context(path.open("rb"))
                yield from iter_warc(stream, origin=origin, max_bytes=options.max_bytes)
            elif kind == "jsonl":
                yield from iter_jsonl(
                    _open_stream(path, stack), origin=origin, fields=options.fields
                )
            else:
                delimiter = "\t" if name.lower().endswith(".tsv") else ","
                yield from iter_csv(
                    _open_stream(path, stack),
                    origin=origin,
                    fields=options.fields,
                    delimiter=delimiter,
                )
    except ReadError as exc:
        message = str(exc).removeprefix(f"{path}: ").removeprefix(f"{origin}: ")
        kind_of = (
            "too-large" if "too large" in message else "html" if kind == "html" else "unreadable"
        )
        yield Problem(origin, "", kind_of, message)
    except (OSError, EOFError, zlib.error) as exc:
        yield Problem(origin, "", "unreadable", f"cannot read file: {exc}")
    except Exception as exc:  # a reader's bug or a library's surprise never stops the corpus
        logger.exception("%s: unexpected failure while reading", origin)
        yield Problem(origin, "", "internal", f"unexpected error: {type(exc).__name__}: {exc}")


def _checked(item: Sourced, options: CorpusOptions) -> Sourced:
    if isinstance(item, Found) and len(item.article.text) > options.max_chars:
        return Problem(
            item.origin,
            item.locator,
            "too-large",
            f"article text of {len(item.article.text):,} characters is longer than the "
            f"limit of {options.max_chars:,}",
        )
    return item


def iter_corpus(
    paths: Iterable[str | Path], *, options: CorpusOptions | None = None
) -> Iterator[Sourced]:
    """Every article (and every problem) in ``paths``, in a stable order."""
    options = options or CorpusOptions()
    for entry in iter_files(paths):
        if isinstance(entry, Problem):
            yield entry
            continue
        if entry == STDIN:
            items: Iterator[Sourced] = iter_jsonl(
                sys.stdin.buffer, origin=STDIN, fields=options.fields
            )
        else:
            assert isinstance(entry, Path)
            items = _read_file(entry, options)
        for item in items:
            yield _checked(item, options)


def estimate_count(paths: Iterable[str | Path]) -> int | None:
    """About how many articles ``paths`` hold, cheaply (for a progress bar); ``None`` for stdin.

    JSON Lines count their non-blank lines, CSV files their lines less the header, other files
    one each (a feed or an archive may hold more; the bar then grows).
    """
    total = 0
    for entry in iter_files(paths):
        if entry == STDIN:
            return None
        if not isinstance(entry, Path):
            continue
        name = strip_gz(entry.name).lower()
        if name.endswith((".jsonl", ".ndjson", ".csv", ".tsv")):
            try:
                with ExitStack() as stack:
                    lines = sum(1 for line in _open_stream(entry, stack) if line.strip())
            except (OSError, EOFError, zlib.error):
                lines = 1
            total += max(1, lines - (0 if name.endswith((".jsonl", ".ndjson")) else 1))
        else:
            total += 1
    return total
