"""`whodid actor`: how a string resolves to an actor, and why."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from whodid.cli.common import ActorFiles, AgentFiles, Model, make_options, stderr


def actor_cli(
    text: str = typer.Argument(..., help='The actor string, e.g. "Mexico\'s foreign minister".'),
    when: str | None = typer.Option(
        None,
        "--date",
        help=(
            "Date (YYYY-MM-DD) for offices; default none: today's offices, and a person"
            " out of office coded by their most recent office."
        ),
    ),
    context: str | None = typer.Option(
        None, "--context", help="Text before (or around) the string."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the explanation as JSON."),
    actors: list[Path] | None = ActorFiles,
    agents: list[Path] | None = AgentFiles,
    model: str | None = Model,
) -> None:
    """Show how TEXT resolves: KB entries, the office held on the date, composition steps."""
    from whodid.actors.entries import DataError
    from whodid.actors.explain import explain
    from whodid.actors.kb import ActorKB
    from whodid.actors.tables import configured_files
    from whodid.ingest import parse_date
    from whodid.nlp.model import load_nlp

    options = make_options(actors, agents, model)
    try:
        day: date | None = parse_date(when) if when else None
    except ValueError as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    try:
        conf_actors, conf_agents = configured_files()
        kb = ActorKB.builtin().with_files(
            actor_files=(*options.actor_files, *conf_actors),
            agent_files=(*options.agent_files, *conf_agents),
        )
        result = explain(text, nlp=load_nlp(options.model), kb=kb, when=day, context=context)
    except (DataError, ValueError, OSError) as exc:
        stderr.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    out = Console()
    a = result.actor
    out.print(f"[bold]{escape(text)}[/bold]  on {result.when or date.today()}")
    if a is not None:
        out.print(
            f"→ [bold green]{a.code or 'no code'}[/bold green]  country {a.country or '-'}  "
            f"sector {a.sector or '-'}  name {escape(a.name or '-')}  span {escape(a.text)!r}"
        )
    if result.pieces:
        table = Table("words", "kind", "entry", "code", "status", "office", "source")
        for p in result.pieces:
            table.add_row(
                escape(p.text),
                p.kind,
                escape(p.name),
                p.code or "-",
                p.status,
                escape(p.role),
                escape(p.source),
            )
        out.print(table)
    for step in result.steps:
        out.print(f"  • {escape(step)}")
