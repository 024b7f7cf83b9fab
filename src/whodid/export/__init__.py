"""export stage: merged events out of the store as JSON Lines, CSV, Parquet, GDELT or POLECAT."""

from __future__ import annotations

import sys
from pathlib import Path

from whodid.export.formats import CSV_FIELDS, PARQUET_SCHEMA, write_csv, write_jsonl, write_parquet
from whodid.export.gdelt import GDELT_COLUMNS, gdelt_row, write_gdelt
from whodid.export.polecat import POLECAT_COLUMNS, polecat_row, write_polecat
from whodid.export.query import MERGE_FIELDS, Filters, iter_events
from whodid.store.db import Store

__all__ = [
    "CSV_FIELDS",
    "FORMATS",
    "GDELT_COLUMNS",
    "MERGE_FIELDS",
    "PARQUET_SCHEMA",
    "POLECAT_COLUMNS",
    "Filters",
    "export_events",
    "gdelt_row",
    "iter_events",
    "polecat_row",
    "write_csv",
    "write_gdelt",
    "write_jsonl",
    "write_parquet",
    "write_polecat",
]

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "polecat")
_TEXT_WRITERS = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "gdelt": write_gdelt,
    "polecat": write_polecat,
}


def export_events(
    db: Path | str, *, fmt: str, out: Path | None = None, filters: Filters | None = None
) -> int:
    """Write the store's merged events in ``fmt`` to ``out`` (stdout if ``None``); return the count.

    Parquet needs a file.  Raises ``ValueError`` for an unknown format or Parquet to stdout.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise ValueError("Parquet export needs an output file (-o FILE)")
    with Store(db) as store:
        rows = iter_events(store, filters=filters)
        if fmt == "parquet":
            assert out is not None
            return write_parquet(rows, out)
        writer = _TEXT_WRITERS[fmt]
        if out is None:
            return writer(rows, sys.stdout)
        with out.open("w", encoding="utf-8", newline="") as stream:
            return writer(rows, stream)
