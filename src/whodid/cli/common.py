"""What the commands share: options, the stderr console, progress bars."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from whodid.actors.entries import DataError
from whodid.nlp.matmul import UnknownBackend
from whodid.nlp.model import ModelNotFound
from whodid.pipeline import Options, load_for_the_run

stderr = Console(stderr=True)

ActorFiles = typer.Option(
    None,
    "--actors",
    help="Extra actor dictionary (whodid YAML/CSV or PETRARCH/TABARI .txt); repeatable.",
)
AgentFiles = typer.Option(
    None,
    "--agents",
    help="Extra agent (role) dictionary (whodid YAML or PETRARCH/TABARI .txt); repeatable.",
)
Model = typer.Option(
    None, "--model", help="spaCy model name (default: $WHODID_SPACY_MODEL or the bundled one)."
)
OutletMemoryFlag = typer.Option(
    True,
    "--outlet-memory/--no-outlet-memory",
    help="Learn each outlet's home region from the batch's stories with a url (default), "
    "or resolve every story's places on its own.",
)


def make_options(
    actors: list[Path] | None,
    agents: list[Path] | None,
    model: str | None,
    *,
    outlet_memory: bool = True,
) -> Options:
    for path in [*(actors or []), *(agents or [])]:
        if not path.is_file():
            stderr.print(f"[red]error:[/red] dictionary file not found: {path}")
            raise typer.Exit(2)
    return Options(
        model=model,
        actor_files=tuple(actors or ()),
        agent_files=tuple(agents or ()),
        outlet_memory=outlet_memory,
    )


def progress(*, quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=stderr,
        disable=quiet,
        transient=False,
    )


def load_or_exit(options: Options) -> None:
    """Load the model and data for a command's run; a broken dictionary file (file, line, what
    is wrong), a model that is not installed or an unknown $WHODID_MATMUL is a clear error and
    exit status 2, not a traceback."""
    try:
        load_for_the_run(options)
    except (DataError, ModelNotFound, UnknownBackend) as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
