"""Errors raised by the document readers."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A document could not be read; the message names the file (or source) and the cause."""

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path else message)
