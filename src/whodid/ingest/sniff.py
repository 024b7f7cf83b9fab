"""What kind of input a file is: by its name, else by its first bytes; and opening ``.gz``.

Formats are ``text``, ``html``, ``jsonl``, ``json``, ``csv``, ``feed`` (RSS/Atom) and ``warc``.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from whodid.ingest.errors import ReadError

__all__ = [
    "FORMATS",
    "detect_format",
    "is_gzip",
    "looks_binary",
    "read_limited",
    "strip_gz",
]

FORMATS = ("text", "html", "jsonl", "json", "csv", "feed", "warc")

_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".arc": "warc",
}
_GZIP_MAGIC = b"\x1f\x8b"
# Control bytes that never occur in text (tab, newline, form feed, carriage return, ESC do).
_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13, 27}
_MAX_CONTROL_SHARE = 0.05


def is_gzip(head: bytes) -> bool:
    return head.startswith(_GZIP_MAGIC)


def strip_gz(name: str) -> str:
    """``story.txt.gz`` -> ``story.txt``."""
    return name[:-3] if name.lower().endswith(".gz") else name


def looks_binary(head: bytes) -> bool:
    """Bytes that are not text in any encoding: NUL bytes, or many control characters.

    UTF-16/32 text (with a byte-order mark) is text.
    """
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return controls / len(head) > _MAX_CONTROL_SHARE


def _sniff(head: bytes) -> str | None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        if b"<rss" in start or b"<feed" in start or b"<rdf" in start:
            return "feed"
        return "html" if b"<html" in start else None
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].rstrip()
        return "jsonl" if first_line.endswith(b"}") else "json"
    return None


def detect_format(name: str, head: bytes) -> str | None:
    """The format of a file named ``name`` (``.gz`` already stripped) starting with ``head``.

    The suffix decides; ``.xml`` and unknown suffixes are sniffed; unknown text is ``text``.
    ``None`` means binary data that no reader takes.
    """
    suffix = Path(name).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    sniffed = _sniff(head)
    if sniffed is not None:
        return sniffed
    if looks_binary(head):
        return None
    return "text"


def read_limited(path: Path, *, max_bytes: int) -> bytes:
    """The (decompressed, for ``.gz``) bytes of ``path``, refusing more than ``max_bytes``.

    Raises :class:`ReadError` for unreadable, corrupt or too-large files; the size of a
    compressed file is checked after decompression, bit by bit (no gzip bomb gets through).
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as raw:
            head = raw.read(2)
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
    if not is_gzip(head):
        if size > max_bytes:
            raise ReadError(_too_large(size, max_bytes), path=path)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise ReadError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(f"corrupt gzip data: {exc}", path=path) from exc
    if len(data) > max_bytes:
        raise ReadError(_too_large(len(data), max_bytes, at_least=True), path=path)
    return data


def _too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"file too large for one document ({more}{size / 1e6:.1f} MB; the limit is "
        f"{limit / 1e6:.1f} MB: split it, or raise --max-bytes)"
    )
