"""Docs that cannot drift: every command and every option of the CLI is in the README."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from whodid.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, Any]:
    group: Any = typer.main.get_command(app)
    return dict(group.commands)


def test_every_command_is_in_the_readme():
    missing = [name for name in _commands() if f"`whodid {name}" not in README]
    assert missing == []


def test_every_option_is_in_the_readme():
    missing = []
    for name, command in _commands().items():
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and opt not in README:
                    missing.append(f"{name} {opt}")
    assert missing == []
