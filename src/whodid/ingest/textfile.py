"""Read plain-text articles: bytes to ``str`` and a headline guess."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

from whodid.ingest.errors import ReadError
from whodid.records import Article

__all__ = ["decode_bytes", "guess_title", "read_text_file"]

logger = logging.getLogger(__name__)

# Western text decoded as cp1252 has few non-ASCII letters; text in another 8-bit code page
# (Cyrillic cp1251, Greek cp1253, ...) decodes as cp1252 into a mass of accented letters.
_MAX_ACCENTED_SHARE = 0.3
_TITLE_MAX_CHARS = 150
_TITLE_MAX_WORDS = 25
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_western(text: str) -> bool:
    if any("\x80" <= ch <= "\x9f" for ch in text):  # C1 controls: not really cp1252
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return accented / len(letters) <= _MAX_ACCENTED_SHARE


def _detect(data: bytes) -> str | None:
    try:
        import charset_normalizer
    except ImportError:  # pragma: no cover - it ships with trafilatura
        return None
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else None


def decode_bytes(data: bytes) -> str:
    """Decode a document: BOM, else UTF-8, else cp1252, else detection, else latin-1.

    Line ends are normalised to ``\\n`` as text-mode ``open()`` would do.
    """
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        try:
            candidate = data.decode("cp1252")
        except UnicodeDecodeError:
            candidate = None
        if candidate is not None and _looks_western(candidate):
            text = candidate
        else:
            text = _detect(data)
            if text is None:
                text = data.decode("latin-1")
            logger.debug("decoded by detection")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def guess_title(text: str) -> str | None:
    """The first non-blank line, if it reads like a headline (short, no final period)."""
    lines = text.strip().split("\n")
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    if not first or len(first) > _TITLE_MAX_CHARS or len(first.split()) > _TITLE_MAX_WORDS:
        return None
    if first[-1] in ".,;:" or not any(line.strip() for line in lines[1:]):
        return None
    return first


def read_text_file(path: Path) -> Article:
    """Read a UTF-8 (or legacy 8-bit) text file; the headline, if any, becomes the title.

    The full text, headline included, is kept as ``Article.text``.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
    text = decode_bytes(data)
    if not text.strip():
        raise ReadError("the file holds no text", path=path)
    return Article(text=text, id=path.stem, title=guess_title(text))
