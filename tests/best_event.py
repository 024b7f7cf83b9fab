"""The event a test sentence is mostly about: the highest-ranked one whodid reports."""

from __future__ import annotations

from typing import Any

from whodid import annotate


def best_event(text: str) -> dict[str, Any]:
    events = annotate(text).to_dict()["events"]
    assert events, text
    return max(events, key=lambda e: e["confidence"])


def best_target(text: str) -> str | None:
    """The text of the best event's target, None when it has none."""
    target = best_event(text)["target"]
    return None if target is None else target["text"]
