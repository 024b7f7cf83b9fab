"""PLOVER event types, modes and contexts, and the CAMEO → PLOVER mapping."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from whodid.ontology._files import (
    DataPath,
    OntologyDataError,
    default_file,
    line_of,
    read_tsv,
    read_yaml,
    string_list,
)
from whodid.ontology.cameo import _table as _cameo_table

logger = logging.getLogger(__name__)

PLOVER_FILE = "plover.yaml"
MAPPING_FILE = "cameo_plover.tsv"
_MAPPING_COLUMNS = ("cameo", "type", "mode", "contexts", "basis", "note")
_BASES = ("2021", "adjusted", "whodid")

PLOVER_TYPE_NAMES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""The 16 current PLOVER event types (2021 names), in the manual's order."""


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad_class: int
    gloss: str
    modes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PloverOntology:
    types: dict[str, PloverType]
    contexts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PloverMapping:
    """How one CAMEO code is expressed in PLOVER."""

    cameo: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    basis: str  # "2021" (PLOVER's table), "adjusted" (normalised row) or "whodid" (added)
    note: str


def load_plover_ontology(path: DataPath | None = None) -> PloverOntology:
    """Read and check the PLOVER types/modes/contexts file (default: the packaged one)."""
    source = path if path is not None else default_file(PLOVER_FILE)
    data = read_yaml(source)
    raw_types = data.get("types")
    if not isinstance(raw_types, dict):
        raise OntologyDataError("'types' should be a mapping", path=source, line=line_of(data))
    types: dict[str, PloverType] = {}
    for name, spec in raw_types.items():
        if name == "__line__":
            continue
        line = line_of(spec) or line_of(raw_types)
        if name not in PLOVER_TYPE_NAMES:
            raise OntologyDataError(f"unknown PLOVER type {name!r}", path=source, line=line)
        if not isinstance(spec, dict):
            raise OntologyDataError(f"{name} should be a mapping", path=source, line=line)
        quad = spec.get("quad_class")
        if quad not in (1, 2, 3, 4):
            raise OntologyDataError(f"{name}: quad_class must be 1-4", path=source, line=line)
        modes = string_list(spec.get("modes", []), what=f"{name}: modes", path=source, line=line)
        if len(set(modes)) != len(modes):
            raise OntologyDataError(f"{name}: a mode is listed twice", path=source, line=line)
        types[name] = PloverType(name, quad, str(spec.get("gloss", "")), modes)
    missing = [t for t in PLOVER_TYPE_NAMES if t not in types]
    if missing:
        raise OntologyDataError(f"PLOVER types missing: {', '.join(missing)}", path=source)
    contexts = string_list(
        data.get("contexts", []), what="contexts", path=source, line=line_of(data)
    )
    return PloverOntology(types, contexts)


def load_cameo_plover(
    path: DataPath | None = None,
    *,
    ontology: PloverOntology | None = None,
    cameo_codes: Iterable[str] | None = None,
) -> dict[str, PloverMapping]:
    """Read and check a CAMEO → PLOVER table (default: the packaged one).

    Every row must name a known CAMEO code once, one of the 16 types, a mode of that type
    (or none) and known contexts; if ``cameo_codes`` is given, each of them must be mapped.
    """
    source = path if path is not None else default_file(MAPPING_FILE)
    onto = ontology if ontology is not None else _ontology()
    known = set(cameo_codes) if cameo_codes is not None else set(_cameo_table())
    mapping: dict[str, PloverMapping] = {}
    for line, row in read_tsv(source, columns=_MAPPING_COLUMNS):

        def bad(message: str, line: int = line) -> OntologyDataError:
            return OntologyDataError(message, path=source, line=line)

        code, type_name, mode = row["cameo"], row["type"], row["mode"] or None
        if code not in known:
            raise bad(f"unknown CAMEO code {code!r}")
        if code in mapping:
            raise bad(f"CAMEO code {code} mapped twice")
        if type_name not in onto.types:
            raise bad(f"{type_name!r} is not one of the 16 PLOVER types")
        if mode is not None and mode not in onto.types[type_name].modes:
            raise bad(f"{mode!r} is not a mode of {type_name}")
        contexts = tuple(c.strip() for c in row["contexts"].split(";") if c.strip())
        for context in contexts:
            if context not in onto.contexts:
                raise bad(f"unknown PLOVER context {context!r}")
        if row["basis"] not in _BASES:
            raise bad(f"basis must be one of {', '.join(_BASES)}")
        mapping[code] = PloverMapping(code, type_name, mode, contexts, row["basis"], row["note"])
    if cameo_codes is not None or path is None:
        unmapped = sorted(known - set(mapping))
        if unmapped:
            raise OntologyDataError(
                f"CAMEO codes without a PLOVER type: {', '.join(unmapped)}", path=source
            )
    logger.debug("loaded %d CAMEO->PLOVER rows from %s", len(mapping), source)
    return mapping


@functools.cache
def _ontology() -> PloverOntology:
    return load_plover_ontology()


@functools.cache
def _mapping() -> dict[str, PloverMapping]:
    return load_cameo_plover()


def plover_mapping(cameo: str) -> PloverMapping:
    """The full PLOVER mapping row (type, mode, contexts, provenance) of a CAMEO code."""
    try:
        return _mapping()[cameo]
    except (KeyError, TypeError):
        raise KeyError(f"unknown CAMEO code {cameo!r}: no PLOVER mapping") from None


def plover_for(cameo: str) -> tuple[str, str | None]:
    """CAMEO code → (PLOVER type, mode or None).

    E.g. "112" → ("ACCUSE", None), "173" → ("COERCE", "arrest"); ``KeyError`` for unknown codes.
    """
    row = plover_mapping(cameo)
    return row.type, row.mode


def plover_contexts(cameo: str) -> tuple[str, ...]:
    """The PLOVER contexts the mapping gives a CAMEO code (often none)."""
    return plover_mapping(cameo).contexts


def plover_types() -> dict[str, tuple[str, ...]]:
    """The 16 PLOVER types, each with its modes, in the manual's order."""
    types = _ontology().types
    return {name: types[name].modes for name in PLOVER_TYPE_NAMES}


def plover_quad_class(plover_type: str) -> int:
    """Quad class (1–4) of a PLOVER type."""
    try:
        return _ontology().types[plover_type].quad_class
    except KeyError:
        raise KeyError(f"unknown PLOVER type {plover_type!r}") from None


def plover_context_names() -> tuple[str, ...]:
    """All PLOVER context names."""
    return _ontology().contexts
