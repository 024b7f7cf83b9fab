"""`whodid quotes`: who said what in one article, for people (or as JSON lines for tools)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from whodid.cli.code_cmd import _load, table_console
from whodid.cli.common import ActorFiles, AgentFiles, Model, load_or_exit, make_options, stderr
from whodid.pipeline import annotate_many
from whodid.records import Annotation, Quote


class QuoteFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _speaker(quote: Quote) -> str:
    speaker = quote.speaker
    if speaker is None:
        return "—"
    who = speaker.name or speaker.text
    code = f"{speaker.code} " if speaker.code else ""
    said = (
        f"\n[dim]“{escape(speaker.text)}”[/dim]"
        if speaker.name and speaker.name != speaker.text
        else ""
    )
    return f"{escape(code)}{escape(who)}{said}"


def _events(annotation: Annotation, index: int) -> str:
    codes = [
        f"{e.cameo} {e.plover.get('type') or ''}".strip()
        for e in annotation.events
        if e.quote == index
    ]
    return escape(", ".join(dict.fromkeys(codes))) or "—"


def render_quotes(annotation: Annotation, *, title: str, console: Console) -> None:
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("speaker", style="green", max_width=28)
    table.add_column("cue", style="cyan", max_width=14)
    table.add_column("", max_width=8)
    table.add_column("what was said", ratio=1)
    table.add_column("events", style="magenta", max_width=18)
    for i, quote in enumerate(annotation.quotes):
        table.add_row(
            _speaker(quote),
            escape(quote.cue.text),
            "direct" if quote.direct else "[dim]indirect[/dim]",
            escape(" ".join(quote.content.text.split())),
            _events(annotation, i),
        )
    console.print(table)
    if not annotation.quotes:
        console.print("[dim]no quotes found[/dim]")


ArticleArg = typer.Argument(..., help="An article: .txt, or .html (main text via trafilatura).")
PublishedOpt = typer.Option(None, "--published", help="Publication date YYYY-MM-DD.")
FormatOpt = typer.Option(
    QuoteFormat.table, "--format", "-f", help="table for reading, jsonl for tools."
)


def quotes_cli(
    article: Path = ArticleArg,
    published: str | None = PublishedOpt,
    fmt: QuoteFormat = FormatOpt,
    actors: list[Path] | None = ActorFiles,
    agents: list[Path] | None = AgentFiles,
    model: str | None = Model,
) -> None:
    """Print who said what in one article: speaker, cue, what was said, and its events."""
    options = make_options(actors, agents, model)
    doc = _load(article, published)
    load_or_exit(options)
    annotation = next(annotate_many([doc], options=options))
    if annotation.error:
        stderr.print(f"[red]error:[/red] {annotation.error}")
        raise typer.Exit(1)
    if fmt is QuoteFormat.table:
        render_quotes(annotation, title=f"{article.name}: who said what", console=table_console())
        return
    console = Console(soft_wrap=True)
    for i, quote in enumerate(annotation.quotes):
        row = quote.to_dict()
        row["events"] = [e.cameo for e in annotation.events if e.quote == i]
        console.print_json(json.dumps(row, ensure_ascii=False), indent=None)
