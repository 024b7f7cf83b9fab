"""Reported speech: who said what, about whom.

``find_quotes(doc, actors=...)`` gives the quotes of a parsed document (direct quotations in
straight or curly marks, split and multi-paragraph quotations, indirect speech, "according to");
``link_events(events, quotes)`` sets ``Event.quote`` on the events a quote expresses, and
``attribute_statements`` codes the speaker's statement from what the quote says.
"""

from whodid.quotes.cues import CueError, CueLexicon, default_cues
from whodid.quotes.find import find_quotes
from whodid.quotes.link import attribute_statements, link_events, quote_of

__all__ = [
    "CueError",
    "CueLexicon",
    "attribute_statements",
    "default_cues",
    "find_quotes",
    "link_events",
    "quote_of",
]
