"""`whodid eval`: accuracy on the development sets (a development tool, not a test)."""

from __future__ import annotations

from pathlib import Path

import typer

from whodid.cli.common import stderr

DEFAULT_DATA = Path("../shared/eval/dev")


def eval_cli(
    sets: list[str] | None = typer.Argument(
        None, help="Data sets to run (default: all available)."
    ),
    data_dir: Path = typer.Option(DEFAULT_DATA, "--data-dir", help="Folder of the dev sets."),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N records of each set."),
    full: bool = typer.Option(
        False, "--full", help="Every metric, notes, confusion matrices and some misses."
    ),
) -> None:
    """Run whodid on the dev sets and print the figures per set."""
    from whodid.evaluate import available_sets, format_results, run_set

    if not data_dir.is_dir():
        stderr.print(f"[red]error:[/red] no evaluation data at {data_dir} (use --data-dir)")
        raise typer.Exit(2)
    chosen = sets or available_sets()
    unknown = [s for s in chosen if s not in available_sets()]
    if unknown:
        stderr.print(f"[red]error:[/red] unknown set(s) {unknown}; known: {available_sets()}")
        raise typer.Exit(2)
    results = []
    for name in chosen:
        stderr.print(f"running {name} ...")
        results.append(run_set(name, data_dir=data_dir, limit=limit))
    typer.echo(format_results(results, full=full))
