"""The `whodid` command: thin wrappers over the library, one module per command group."""

from __future__ import annotations

import logging

import typer

from whodid.cli import (
    actor_cmd,
    annotate_cmd,
    code_cmd,
    eval_cmd,
    export_cmd,
    ingest_cmd,
    quotes_cmd,
)

app = typer.Typer(
    name="whodid",
    help="Political event data from news text: who did what to whom, when, where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("annotate")(annotate_cmd.annotate_cli)
app.command("code")(code_cmd.code_cli)
app.command("demo")(code_cmd.demo_cli)
app.command("eval")(eval_cmd.eval_cli)
app.command("actor")(actor_cmd.actor_cli)
app.command("quotes")(quotes_cmd.quotes_cli)
app.command("ingest")(ingest_cmd.ingest_cli)
app.command("errors")(ingest_cmd.errors_cli)
app.command("export")(export_cmd.export_cli)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
