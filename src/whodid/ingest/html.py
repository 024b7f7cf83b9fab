"""Read an article from an HTML page, offline, with trafilatura."""

from __future__ import annotations

import logging
from typing import Any

from whodid.ingest.errors import ReadError
from whodid.ingest.records_io import parse_date
from whodid.records import Article

__all__ = ["read_html"]

logger = logging.getLogger(__name__)

# Below this many words the "text" is a menu or a label that the extractor fell back on.
_MIN_WORDS = 4


def _extract(source: str | bytes, url: str | None) -> Any:
    import trafilatura  # imported here: loading it takes a moment

    try:
        return trafilatura.bare_extraction(
            source,
            url=url,
            with_metadata=True,
            favor_precision=False,
            include_comments=False,
            include_images=False,
            include_links=False,
            output_format="python",
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken input
        raise ReadError(f"cannot parse HTML: {exc}", path=url) from exc


def _published(value: str | None, where: str | None) -> Any:
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        logger.warning("%s: ignoring unreadable publication date %r", where or "HTML", value)
        return None


def read_html(source: str | bytes, *, url: str | None = None, name: str | None = None) -> Article:
    """Extract title, publication date and main text from an HTML page.

    ``url`` helps metadata extraction and is kept in the article; ``name`` (a file name) is
    used only in error messages.  Nothing is fetched: ``source`` is the page itself.
    Raises :class:`ReadError` if the page holds no extractable text.
    """
    where = name or url
    if isinstance(source, bytes | str) and not source.strip():
        raise ReadError("the page is empty", path=where)
    document = _extract(source, url)
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text.split()) < _MIN_WORDS:
        raise ReadError("no article text could be extracted from the HTML", path=where)
    title = (document.title or "").strip() or None
    source_name = document.sitename or document.hostname or None
    return Article(
        text=text,
        published=_published(document.date, where),
        title=title,
        url=url or document.url or None,
        source=source_name,
    )
