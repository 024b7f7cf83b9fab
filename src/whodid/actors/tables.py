"""User actor and agent dictionaries as CSV/TSV tables with a header row, and the configuration
file that names a user's dictionaries (``WHODID_CONFIG``).

Actors (``--actors FILE.csv``): columns ``name`` and ``code`` are required; optional ``aliases``
(``|``-separated), ``kind`` (country, organisation, group, person, place, other; default other),
``country``, ``sector``, ``gender``, ``start``, ``end`` (``YYYY-MM-DD`` or ``YYYY-MM``) and
``role``. Rows with the same name make one actor: a row with a date gives a dated code (an office),
a row without dates the default code.

Agents (``--agents FILE.csv``): ``phrase`` and ``code`` (``~COP`` or ``COP`` appended, ``NGO~`` put
before the actor code); optional ``kind`` (person, group, body, generic) and ``plurals``
(``|``-separated; ``-`` for none; empty for the regular plural).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import yaml

from whodid.actors.entries import SECTORS, ActorEntry, ActorKind, AgentEntry, CodeWindow, DataError
from whodid.actors.loaders import agent_forms, is_acronym
from whodid.actors.offices import parse_month_date

__all__ = ["load_csv_actors", "load_csv_agents", "configured_files", "CONFIG_ENV"]

CONFIG_ENV = "WHODID_CONFIG"
_KINDS = ("country", "organisation", "group", "person", "place", "other")


def _reader(path: Path) -> tuple[csv.DictReader[str], str]:
    text = path.read_text(encoding="utf-8-sig")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    lines = [ln if not ln.lstrip().startswith("#") else "" for ln in text.splitlines()]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    return reader, str(path)


def _need(fields: Sequence[str] | None, required: tuple[str, ...], path: str) -> None:
    missing = [f for f in required if f not in (fields or [])]
    if missing:
        raise DataError(path, 1, f"header lacks column(s) {', '.join(missing)}")


@dataclass
class _Draft:
    name: str
    line: int
    kind: str = "other"
    aliases: list[str] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    windows: list[CodeWindow] = field(default_factory=list)


def load_csv_actors(path: Path) -> list[ActorEntry]:
    """Actor entries from a CSV/TSV table (see the module docstring)."""
    reader, where = _reader(Path(path))
    _need(reader.fieldnames, ("name", "code"), where)
    drafts: dict[str, _Draft] = {}
    for row in reader:
        line = reader.line_num
        cells = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        name, code = cells.get("name", ""), cells.get("code", "").upper()
        if not name or not code:
            raise DataError(where, line, "each row needs 'name' and 'code'")
        kind = cells.get("kind") or "other"
        if kind not in _KINDS:
            raise DataError(where, line, f"unknown kind {kind!r}; known: {', '.join(_KINDS)}")
        sector = cells.get("sector") or None
        if sector is not None and sector not in SECTORS:
            raise DataError(where, line, f"unknown sector {sector!r}")
        d = drafts.setdefault(name, _Draft(name, line, kind))
        d.aliases.extend(a.strip() for a in cells.get("aliases", "").split("|") if a.strip())
        d.country = d.country or cells.get("country") or None
        d.sector = d.sector or sector
        d.gender = d.gender or cells.get("gender") or None
        start = parse_month_date(cells.get("start", ""), end=False, path=where, line=line)
        end = parse_month_date(cells.get("end", ""), end=True, path=where, line=line)
        if start is None and end is None:
            d.code = code
        else:
            d.windows.append(CodeWindow(code, start, end, role=cells.get("role", "")))
    out = []
    for d in drafts.values():
        names = tuple(dict.fromkeys([d.name, *d.aliases]))
        out.append(
            ActorEntry(
                key=f"{d.kind}:{d.name}",
                name=d.name,
                kind=cast(ActorKind, d.kind),
                names=names,
                code=d.code,
                country=d.country,
                sector=d.sector,
                windows=tuple(d.windows),
                gender=d.gender,
                source=where,
                case_sensitive=tuple(n for n in names if is_acronym(n)),
            )
        )
    return out


def load_csv_agents(path: Path) -> list[AgentEntry]:
    """Agent entries from a CSV/TSV table (see the module docstring)."""
    reader, where = _reader(Path(path))
    _need(reader.fieldnames, ("phrase", "code"), where)
    out: list[AgentEntry] = []
    for row in reader:
        line = reader.line_num
        cells = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        phrase, code = cells.get("phrase", ""), cells.get("code", "").upper()
        if not phrase or not code.strip("~"):
            raise DataError(where, line, "each row needs 'phrase' and 'code'")
        prefix = code.endswith("~")
        code = code.strip("~")
        if code[:3] not in SECTORS:
            raise DataError(where, line, f"unknown sector code {code!r}")
        kind = cells.get("kind") or "person"
        if kind not in ("person", "group", "body", "generic"):
            raise DataError(where, line, f"unknown kind {kind!r}")
        raw = cells.get("plurals", "")
        plurals = None if raw == "" else [] if raw == "-" else [p for p in raw.split("|") if p]
        forms = agent_forms(phrase, plurals)
        out.append(AgentEntry(phrase.lower(), code, kind, prefix, forms, where))
    return out


def configured_files() -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(actor files, agent files) named by the YAML file in ``$WHODID_CONFIG``, if set::

    actors: [my_actors.yaml, leaders.csv]   # relative to the config file
    agents: [my_agents.txt]
    """
    name = os.environ.get(CONFIG_ENV)
    if not name:
        return (), ()
    path = Path(name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(str(path), None, f"cannot read the configuration: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(str(path), None, "expected a mapping with 'actors' and/or 'agents'")

    def files(key: str) -> tuple[Path, ...]:
        value = data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(str(path), None, f"'{key}' must be a list of file names")
        found = tuple(p if p.is_absolute() else path.parent / p for p in map(Path, value))
        for p in found:
            if not p.is_file():
                raise DataError(str(path), None, f"{key} file not found: {p}")
        return found

    return files("actors"), files("agents")
