"""`whodid annotate`: the batch interface (INTERFACE.md), JSONL in, JSONL out."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import typer

from whodid.cli.common import (
    ActorFiles,
    AgentFiles,
    Model,
    OutletMemoryFlag,
    load_or_exit,
    make_options,
    progress,
    stderr,
)
from whodid.ingest.records_io import iter_jsonl_records
from whodid.pipeline import Failed, Item, annotate_many


def _items(path: Path | str) -> Iterator[Item]:
    for line_no, record, error in iter_jsonl_records(path):
        if error is not None or record is None:
            ident = record.get("id") if isinstance(record, dict) else None
            yield Failed(
                id=str(ident) if ident is not None else f"line {line_no}",
                error=error or "unreadable",
            )
        else:
            yield record


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None


def annotate_cli(
    input: str = typer.Argument(
        ..., help="JSONL file, one document per line ({id, text, published?}); '-' for stdin."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write JSONL here (default: stdout)."
    ),
    actors: list[Path] | None = ActorFiles,
    agents: list[Path] | None = AgentFiles,
    model: str | None = Model,
    outlet_memory: bool = OutletMemoryFlag,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Annotate a JSONL batch: events, places, times and quotes for every line, in input order."""
    options = make_options(actors, agents, model, outlet_memory=outlet_memory)
    source: Path | str = input if input == "-" else Path(input)
    if isinstance(source, Path) and not source.exists():
        stderr.print(f"[red]error:[/red] cannot read {source}")
        raise typer.Exit(2)
    # count lines for the progress bar only where reading twice is possible (not a pipe)
    total = _count_lines(source) if isinstance(source, Path) and source.is_file() else None
    load_or_exit(options)
    out: IO[str] = output.open("w", encoding="utf-8") if output else sys.stdout
    errors = 0
    try:
        with progress(quiet=quiet) as bar:
            task = bar.add_task("annotating", total=total, rate="")
            started = time.perf_counter()
            for n, annotation in enumerate(annotate_many(_items(source), options=options), start=1):
                errors += annotation.error is not None
                out.write(json.dumps(annotation.to_dict(), ensure_ascii=False) + "\n")
                rate = n / max(time.perf_counter() - started, 1e-9)
                bar.update(task, advance=1, rate=f"{rate:.1f} docs/s")
    finally:
        if output:
            out.close()
    if errors and not quiet:
        stderr.print(
            f"[yellow]{errors} line(s) could not be annotated; see their 'error' field[/yellow]"
        )
