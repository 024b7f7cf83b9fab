"""`whodid ingest`: a corpus into the DuckDB store; `whodid errors`: the store's error report."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from whodid.cli.common import (
    ActorFiles,
    AgentFiles,
    Model,
    OutletMemoryFlag,
    make_options,
    progress,
    stderr,
)
from whodid.ingest import CorpusOptions, FieldMap, estimate_count
from whodid.runners.dask_runner import DaskUnavailable
from whodid.store import DEFAULT_DB, IngestOptions, IngestReport, Store, StoreError, ingest

Db = typer.Option(DEFAULT_DB, "--db", help="The store (DuckDB file); created if missing.")


def ingest_cli(
    paths: list[str] = typer.Argument(
        ..., help="Files and folders (recursive); '-' for JSONL on stdin."
    ),
    db: Path = Db,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Annotating processes."),
    engine: str = typer.Option(
        "local", "--engine", help="Where to annotate: 'local' (processes) or 'dask' (a cluster)."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address (default: a LocalCluster of --workers)."
    ),
    shards: Path | None = typer.Option(
        None, "--shards", help="Dask: keep the Parquet shards in this folder (shared storage)."
    ),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per transaction."),
    field: list[str] | None = typer.Option(
        None, "--field", help="Map a record column to a field, e.g. --field text=body; repeatable."
    ),
    max_bytes: int = typer.Option(
        20_000_000, "--max-bytes", min=1, help="Largest file read as one document."
    ),
    actors: list[Path] | None = ActorFiles,
    agents: list[Path] | None = AgentFiles,
    model: str | None = Model,
    outlet_memory: bool = OutletMemoryFlag,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each committed batch."),
) -> None:
    """Code a corpus into the store: each article once (content hash), events merged by outlet."""
    if verbose:
        logging.getLogger("whodid").setLevel(logging.INFO)
    elif engine == "dask":  # Dask's own INFO lines (scheduler, workers) only with --verbose
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    try:
        fields = FieldMap.parse(field or [])
    except ValueError as exc:
        stderr.print(f"[red]error:[/red] --field: {exc}")
        raise typer.Exit(2) from exc
    if engine not in ("local", "dask"):
        stderr.print(f"[red]error:[/red] --engine: {engine!r} is not 'local' or 'dask'")
        raise typer.Exit(2)
    if scheduler and engine != "dask":
        stderr.print("[red]error:[/red] --scheduler needs --engine dask")
        raise typer.Exit(2)
    options = IngestOptions(
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        shard_dir=shards,
        keep_shards=shards is not None,
        batch_size=batch_size,
        corpus=CorpusOptions(fields=fields, max_bytes=max_bytes),
        annotate=make_options(actors, agents, model, outlet_memory=outlet_memory),
    )
    total = estimate_count(paths) if not quiet else None
    started = time.perf_counter()
    try:
        with progress(quiet=quiet) as bar:
            task = bar.add_task("ingesting", total=total, rate="")

            def show(report: IngestReport) -> None:
                rate = report.items / max(time.perf_counter() - started, 1e-9)
                grown = max(total or 0, report.items)
                bar.update(
                    task,
                    completed=report.items,
                    total=grown if total else None,
                    rate=f"{rate:.1f} articles/s",
                )

            report = ingest(paths, db=db, options=options, progress=show)
    except (StoreError, DaskUnavailable) as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if not quiet:
        stderr.print(
            f"{report.new} new article(s), {report.duplicates} already stored, "
            f"{report.events} event mention(s), {report.errors} error(s), "
            f"{report.warnings} warning(s)"
            + (
                f"; {report.derived.get('merged_events', 0)} merged events in "
                f"{report.derived.get('stories', 0)} stories"
                if report.derived
                else ""
            )
        )
        if report.errors or report.warnings:
            stderr.print(f"[yellow]see them with: whodid errors --db {db}[/yellow]")


def errors_cli(
    db: Path = Db,
    level: str | None = typer.Option(None, "--level", help="Only 'error' or 'warning'."),
    tsv: bool = typer.Option(False, "--tsv", help="Tab-separated lines instead of a table."),
) -> None:
    """List the inputs that could not be ingested (and warnings), by file and place."""
    try:
        with Store(db, read_only=True) as store:
            rows = store.errors(level=level)
    except StoreError as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if tsv:
        for row in rows:
            typer.echo(
                "\t".join(
                    str(row[k] or "") for k in ("level", "kind", "origin", "locator", "message")
                )
            )
        return
    table = Table(title=f"{len(rows)} problem(s) in {db}", expand=True)
    for column in ("level", "kind", "input", "where", "message"):
        table.add_column(column, overflow="fold")
    for row in rows:
        style = "red" if row["level"] == "error" else "yellow"
        table.add_row(
            f"[{style}]{row['level']}[/{style}]",
            row["kind"],
            escape(row["origin"]),
            escape(row["locator"] or ""),
            escape(row["message"]),
        )
    Console(width=max(Console().width, 120)).print(table)
