"""What corpus readers yield: an article found in an input, or a problem with one."""

from __future__ import annotations

from dataclasses import dataclass

from whodid.records import Article

__all__ = ["Found", "Problem", "Sourced"]


@dataclass(frozen=True, slots=True)
class Found:
    """An article read from ``origin`` (a file path or ``<stdin>``) at ``locator``.

    ``locator`` places it inside a container file (``line 3``, ``row 2``, ``item 5``,
    ``record 7``) and is ``""`` for a file that is one article.  ``warnings`` are problems that
    did not stop the article (an unreadable date, say).
    """

    article: Article
    origin: str
    locator: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """Input that gave no article: the origin, where in it, a short kind and a message."""

    origin: str
    locator: str
    kind: str  # binary, empty, decode, json, record, html, too-large, unsupported, unreadable
    message: str


Sourced = Found | Problem
