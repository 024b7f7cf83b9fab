"""Web archives (WARC, plain or gzipped): each HTML response record an article (warcio)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from whodid.ingest.errors import ReadError
from whodid.ingest.html import read_html
from whodid.ingest.items import Found, Problem, Sourced

__all__ = ["iter_warc"]

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html(record: object) -> bool:
    headers = getattr(record, "http_headers", None)
    if headers is None:
        return False
    content_type = (headers.get_header("Content-Type") or "").lower()
    status = headers.get_statuscode() or ""
    return status.startswith("2") and any(kind in content_type for kind in _HTML_TYPES)


def iter_warc(stream: BinaryIO, *, origin: str, max_bytes: int) -> Iterator[Sourced]:
    """Each HTML response of a WARC stream: an article, or a problem naming the record.

    Requests, metadata and non-HTML responses are skipped silently; a corrupt archive ends
    with one problem for the rest of the file.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    responses = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response" or not _is_html(record):
                continue
            responses += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            locator = f"record {number}" + (f" ({url})" if url else "")
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Problem(
                    origin, locator, "too-large", f"HTML page larger than {max_bytes / 1e6:.1f} MB"
                )
                continue
            try:
                article = read_html(payload, url=url, name=url)
            except ReadError as exc:
                yield Problem(origin, locator, "html", str(exc).removeprefix(f"{url}: "))
                continue
            article.id = url or f"{origin}:{number}"
            yield Found(article, origin, locator)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Problem(origin, f"record {number + 1}", "unreadable", f"corrupt WARC data: {exc}")
        return
    if responses == 0:
        logger.info("%s: no HTML responses in the archive", origin)
