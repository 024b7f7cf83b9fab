"""`whodid export`: the store's merged events as JSONL, CSV, Parquet, GDELT or POLECAT."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from whodid.cli.common import stderr
from whodid.export import Filters, export_events
from whodid.ingest import parse_date
from whodid.store import DEFAULT_DB, StoreError


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    polecat = "polecat"


def _day(value: str | None, option: str):  # type: ignore[no-untyped-def]
    try:
        return parse_date(value)
    except ValueError as exc:
        stderr.print(f"[red]error:[/red] {option}: {exc}")
        raise typer.Exit(2) from exc


def export_cli(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="The store (DuckDB file)."),
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Output file (default: stdout)."
    ),
    date_from: str | None = typer.Option(None, "--from", help="Events on or after YYYY-MM-DD."),
    date_to: str | None = typer.Option(None, "--to", help="Events on or before YYYY-MM-DD."),
    actor: str | None = typer.Option(
        None, "--actor", help="Source or target code starts with this (USA, KENCOP)."
    ),
    country: str | None = typer.Option(
        None, "--country", help="Source, target or location country (ISO alpha-3)."
    ),
    code: str | None = typer.Option(None, "--code", help="CAMEO code starts with this (19, 112)."),
) -> None:
    """Export merged events, one per line/row, with their article ids and source counts."""
    if not db.is_file():
        stderr.print(f"[red]error:[/red] no store at {db} (use --db)")
        raise typer.Exit(2)
    filters = Filters(
        date_from=_day(date_from, "--from"),
        date_to=_day(date_to, "--to"),
        actor=actor,
        country=country,
        code=code,
    )
    try:
        count = export_events(db, fmt=fmt.value, out=output, filters=filters)
    except (ValueError, StoreError) as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if output is not None:
        stderr.print(f"{count} event(s) written to {output}")
