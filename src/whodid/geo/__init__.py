"""Places: finding place mentions, resolving them to points, and placing events.

``find_places(doc)`` gives every place mention of a parsed document, resolved offline against
the gazetteer built from GeoNames-derived data (``whodid.geo.gazetteer``);
``event_location(trigger, places)`` picks the one where an event happened;
``locate_words`` does so for words the caller names (the batch field ``locate``).
"""

from __future__ import annotations

from whodid.geo.location import event_location, locate_events, locate_words
from whodid.geo.places import dateline_place_of, find_places, learn_outlet

__all__ = [
    "dateline_place_of",
    "event_location",
    "find_places",
    "learn_outlet",
    "locate_events",
    "locate_words",
]
