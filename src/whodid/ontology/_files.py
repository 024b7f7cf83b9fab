"""Reading the ontology's data files (TSV and YAML) with errors that name the file and line."""

from __future__ import annotations

import logging
import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

DataPath = str | os.PathLike[str] | Traversable
"""Where a data file lives: a file-system path or a package resource."""

LINE_KEY = "__line__"
"""Key added to every mapping read by :func:`read_yaml`: the 1-based line it starts on."""


class OntologyDataError(ValueError):
    """A data file of the ontology is malformed; the message names the file and line."""

    def __init__(self, message: str, *, path: DataPath, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


def default_file(name: str) -> Traversable:
    """The packaged data file ``whodid/data/ontology/<name>``."""
    return resources.files("whodid").joinpath("data", "ontology", name)


def _as_readable(path: DataPath) -> Traversable | Path:
    if isinstance(path, Traversable):
        return path
    return Path(path)


def read_text(path: DataPath) -> str:
    """The file's text (UTF-8); a missing file is an :class:`OntologyDataError`."""
    try:
        return _as_readable(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OntologyDataError(f"cannot read file ({exc})", path=path) from exc


def read_tsv(path: DataPath, *, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated file as ``(line number, {column: value})``.

    Lines starting with ``#`` and blank lines are skipped. The first other line is the header
    and must name exactly ``columns``; every row must have that many fields (trailing empty
    fields may be left out). Values are stripped of surrounding spaces.
    """
    rows: list[tuple[int, dict[str, str]]] = []
    header_seen = False
    for number, raw in enumerate(read_text(path).splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in raw.split("\t")]
        if not header_seen:
            if tuple(fields) != columns:
                raise OntologyDataError(
                    f"header should be {'/'.join(columns)}, found {'/'.join(fields)}",
                    path=path,
                    line=number,
                )
            header_seen = True
            continue
        if len(fields) > len(columns):
            raise OntologyDataError(
                f"{len(fields)} tab-separated fields, expected at most {len(columns)}",
                path=path,
                line=number,
            )
        fields += [""] * (len(columns) - len(fields))
        rows.append((number, dict(zip(columns, fields, strict=True))))
    if not header_seen:
        raise OntologyDataError("no header line", path=path)
    logger.debug("read %d rows from %s", len(rows), path)
    return rows


_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A safe YAML loader that records, in each mapping, the line it starts on (libyaml's
    nodes carry their marks too, at a fifth of the pure-Python loader's cost)."""


def _construct_mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_with_line
)


def read_yaml(path: DataPath) -> dict[str, Any]:
    """A YAML file whose top level is a mapping; every mapping gets a ``__line__`` key."""
    try:
        data = yaml.load(read_text(path), Loader=_LineLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise OntologyDataError(f"invalid YAML ({exc})", path=path, line=line) from exc
    if not isinstance(data, dict):
        raise OntologyDataError("top level should be a mapping", path=path, line=1)
    return data


def line_of(mapping: Any) -> int | None:
    """The line a mapping read by :func:`read_yaml` started on, if known."""
    if isinstance(mapping, dict):
        line = mapping.get(LINE_KEY)
        return line if isinstance(line, int) else None
    return None


def string_list(value: Any, *, what: str, path: DataPath, line: int | None) -> tuple[str, ...]:
    """A YAML list of strings (or one string) as a tuple; anything else is an error."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise OntologyDataError(f"{what} should be a list of strings", path=path, line=line)
    return tuple(value)
