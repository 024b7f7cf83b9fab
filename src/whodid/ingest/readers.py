"""Read one article file, whatever its kind."""

from __future__ import annotations

from pathlib import Path

from whodid.ingest.errors import ReadError
from whodid.ingest.html import read_html
from whodid.ingest.textfile import read_text_file
from whodid.records import Article

__all__ = ["HTML_SUFFIXES", "TEXT_SUFFIXES", "read_article"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def read_article(path: Path) -> Article:
    """Read a ``.txt``/``.text``/``.md`` or ``.html``/``.htm`` file; other kinds raise ReadError.

    The article's ``id`` is the file name without its suffix.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text_file(path)
    if suffix in HTML_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
        article = read_html(data, name=str(path))
        article.id = path.stem
        return article
    kinds = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES))
    hint = " (batch files go to `whodid annotate`)" if suffix == ".jsonl" else ""
    raise ReadError(
        f"unsupported file type {suffix or '(none)'!r}; expected {kinds}{hint}", path=path
    )
