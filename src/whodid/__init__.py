"""whodid: political event data from news text — who did what to whom, when, where.

The public API is loaded lazily, so that ``import whodid.ontology`` (or the CLI's ``--help``)
does not pay for spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "Actor",
    "Annotation",
    "Article",
    "Event",
    "Options",
    "Place",
    "Quote",
    "Span",
    "Timex",
    "annotate",
    "annotate_many",
]
__version__ = "0.1.0"

_PIPELINE = frozenset({"Options", "annotate", "annotate_many"})

if TYPE_CHECKING:
    from whodid.pipeline import Options, annotate, annotate_many
    from whodid.records import Actor, Annotation, Article, Event, Place, Quote, Span, Timex


def __getattr__(name: str) -> Any:
    if name in _PIPELINE:
        from whodid import pipeline

        return getattr(pipeline, name)
    if name in __all__:
        from whodid import records

        return getattr(records, name)
    raise AttributeError(f"module 'whodid' has no attribute {name!r}")
