"""`whodid code`: the events of one article, for people; `whodid demo`: the bundled examples."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from whodid.cli.common import ActorFiles, AgentFiles, Model, load_or_exit, make_options, stderr
from whodid.ingest import ReadError, iter_jsonl_records, parse_date, read_article
from whodid.ontology import cameo_info
from whodid.pipeline import Options, annotate_many
from whodid.records import Actor, Annotation, Article, Event

CSV_FIELDS = (
    "sentence",
    "date",
    "date_precision",
    "source_code",
    "source_text",
    "cameo",
    "cameo_name",
    "plover",
    "target_code",
    "target_text",
    "trigger",
    "negated",
    "hypothetical",
    "confidence",
    "rule",
    "evidence",
)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    return f"{actor.code or '?'}\n[dim]{actor.text}[/dim]"


def _context(event: Event, text: str, *, width: int = 60) -> str:
    """The trigger in a window of its sentence, the trigger in bold."""
    start, end = event.trigger.start, event.trigger.end
    lo = max(event.evidence.start if event.evidence else 0, start - width)
    hi = min(event.evidence.end if event.evidence else len(text), end + width)
    left = " ".join(text[lo:start].split())
    right = " ".join(text[end:hi].split())
    return (
        f"{'…' if lo > (event.evidence.start if event.evidence else 0) else ''}{escape(left)} "
        f"[bold]{escape(text[start:end])}[/bold] {escape(right)}…"
    )


def event_row(event: Event) -> dict[str, object]:
    return {
        "sentence": event.sentence,
        "date": event.date,
        "date_precision": event.date_precision,
        "source_code": event.source.code if event.source else None,
        "source_text": event.source.text if event.source else None,
        "cameo": event.cameo,
        "cameo_name": cameo_info(event.cameo).name,
        "plover": event.plover.get("type"),
        "target_code": event.target.code if event.target else None,
        "target_text": event.target.text if event.target else None,
        "trigger": event.trigger.text,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "confidence": round(event.confidence, 2),
        "rule": event.rule,
        "evidence": event.evidence.text.strip() if event.evidence else None,
    }


def render_table(annotation: Annotation, *, text: str, title: str, console: Console) -> None:
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("date", style="cyan", no_wrap=True)
    table.add_column("source", style="green", max_width=20)
    table.add_column("event", style="bold", max_width=20)
    table.add_column("target", style="magenta", max_width=20)
    table.add_column("evidence", ratio=1)
    for event in annotation.events:
        flags = "".join(
            (
                " [red]not[/red]" if event.negated else "",
                " [yellow]maybe[/yellow]" if event.hypothetical else "",
            )
        )
        table.add_row(
            event.date or "—",
            _actor(event.source),
            f"{event.cameo} {event.plover.get('type', '')}{flags}\n"
            f"[dim]{cameo_info(event.cameo).name}[/dim]",
            _actor(event.target),
            _context(event, text),
        )
    console.print(table)
    if not annotation.events:
        console.print("[dim]no events found[/dim]")


def table_console() -> Console:
    """A console at least 120 columns wide: the event table needs room for its evidence."""
    return Console(width=max(Console().width, 120))


def emit(annotation: Annotation, *, text: str, fmt: Format, title: str, console: Console) -> None:
    if annotation.error:
        stderr.print(f"[red]error:[/red] {annotation.error}")
    if fmt is Format.table:
        render_table(annotation, text=text, title=title, console=console)
    elif fmt is Format.jsonl:
        for event in annotation.events:
            console.print_json(json.dumps(event.to_dict(), ensure_ascii=False), indent=None)
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for event in annotation.events:
            writer.writerow(event_row(event))
        console.file.write(buffer.getvalue())


def _load(path: Path, published: str | None) -> Article:
    try:
        article = read_article(path)
    except ReadError as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if published:
        try:
            article.published = parse_date(published)
        except ValueError as exc:
            stderr.print(f"[red]error:[/red] --published: {exc}")
            raise typer.Exit(2) from exc
    article.id = article.id or path.name
    return article


def code_cli(
    article: Path = typer.Argument(
        ..., help="An article: .txt, or .html (main text via trafilatura)."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD (anchors 'on Wednesday')."
    ),
    fmt: Format = typer.Option(
        Format.table, "--format", "-f", help="table for reading, jsonl or csv for tools."
    ),
    actors: list[Path] | None = ActorFiles,
    agents: list[Path] | None = AgentFiles,
    model: str | None = Model,
) -> None:
    """Print the events of one article."""
    options = make_options(actors, agents, model)
    doc = _load(article, published)
    load_or_exit(options)
    annotation = next(annotate_many([doc], options=options))
    emit(
        annotation,
        text=doc.text,
        fmt=fmt,
        title=f"{article.name} (published {doc.published or 'unknown'})",
        console=table_console() if fmt is Format.table else Console(soft_wrap=True),
    )


def demo_cli(
    batch: Path = typer.Argument(
        Path("examples/articles.jsonl"), help="A JSONL batch of articles."
    ),
) -> None:
    """Code the bundled example articles and print their events."""
    if not batch.is_file():
        stderr.print(f"[red]error:[/red] no example batch at {batch}")
        raise typer.Exit(2)
    records = [record for _, record, error in iter_jsonl_records(batch) if record and not error]
    console = table_console()
    for record, annotation in zip(records, annotate_many(records, options=Options()), strict=True):
        title = record.get("title") or record["id"]
        when = record.get("published") or "unknown"
        render_table(
            annotation, text=record["text"], title=f"{title} — published {when}", console=console
        )
