"""text stage: find the parts of a news text that are not the story (captions, credits, ...)."""

from whodid.text.clean import (
    boilerplate_spans,
    dateline_place,
    dateline_span,
    in_boilerplate,
    mask_boilerplate,
)

__all__ = [
    "boilerplate_spans",
    "dateline_place",
    "dateline_span",
    "in_boilerplate",
    "mask_boilerplate",
]
