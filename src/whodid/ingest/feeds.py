"""RSS and Atom feed files: each item an article (feedparser; nothing is fetched)."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from datetime import date
from typing import Any

from whodid.ingest.items import Found, Problem, Sourced
from whodid.records import Article

__all__ = ["html_to_text", "iter_feed"]

logger = logging.getLogger(__name__)

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's summary or content), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup
        return fragment.strip()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("script", "style"):
        element.drop_tree()
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return html_to_text(best if len(best) >= len(summary) else summary)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def iter_feed(data: bytes, *, origin: str) -> Iterator[Sourced]:
    """Each item of an RSS/Atom document: an article, or a problem naming the item."""
    import feedparser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        yield Problem(origin, "", "empty", f"no feed items found{detail}")
        return
    feed = parsed.get("feed") or {}
    outlet = (feed.get("title") or "").strip() or None
    for index, entry in enumerate(entries, start=1):
        locator = f"item {index}"
        text = _entry_text(entry)
        title = " ".join((entry.get("title") or "").split()) or None
        if len(text.split()) < 4:
            yield Problem(
                origin, locator, "empty", "the feed item has no text (only a title or link)"
            )
            continue
        link = entry.get("link") or None
        article = Article(
            text=text,
            published=_entry_date(entry),
            id=str(entry.get("id") or link or f"{origin}:{index}"),
            title=title,
            url=link,
            source=outlet,
        )
        yield Found(article, origin, locator)
