"""The extent of a place name reported as where an event happened: the name as the text
writes it, without what the parser or the model left around it.

An article is no part of a name ("the Tabqa Dam" -> "Tabqa Dam"), unless the gazetteer's name
has it ("The Hague"); a capitalised designator is part of the name ("Homs Governorate") while a
lowercase noun is not ("Raqqa province" -> "Raqqa"), nor a local government area's "LGA";
an Arabic article or an opening ayn joined to the name is ("al-Bab", "‘Arak"); a full stop,
a line break or words of time after it are not ("X last May" -> "X").
"""

from __future__ import annotations

import dataclasses
import re

from whodid.records import Place

__all__ = ["tidy_extent"]

_LEADING = re.compile(r"(?:the|The|In|At)\s+(?=\S)")
# a lowercase compass word before a name, which names a part of the place: "west Dublin"
_COMPASS = re.compile(r"(?:north|south|east|west)(?:-?(?:east|west))?\s+(?=[A-Z])")
# a designator written after a name as part of it: "Aleppo Governorate", "Hotan Prefecture"
_DESIGNATOR = re.compile(r"[ \u00a0](?:Governorate|District|Province|Prefecture|County)\b")
# a lowercase noun after a name, which names the kind of place: "Raqqa province", "Kano city"
_KIND = re.compile(
    r"\s+(?:province|district|governorate|village|city|town|region|county|prefecture|LGA)$"
)
# words of time the model's entity ran on into: "in X last September"
_TIME_AFTER = re.compile(r"\s+(?:last|this|next|early|late)\s.*$")
# an Arabic article or an ayn joined to the name, at a word's start: "al-Bab", "‘Arak"
_ARTICLE = re.compile(r"(?:^|(?<=[\s(\"“]))(?:[Aa]l-|[Ee]l-|[‘ʿ])$")
_TRAILING = re.compile(r"(?:\s+|[,;:]|(?<=[a-z]{3})\.|(?<=[’'][a-z])\.)+$")


def tidy_extent(place: Place, text: str) -> Place:
    """``place`` with its span set to the name's own extent in ``text``."""
    start, end = place.start, place.end
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead and not (place.name or "").lower().startswith(lead.group(0).lower()):
        start += lead.end()
    compass = _COMPASS.match(text, start, end)
    if compass:
        start = compass.end()
    trail = _TRAILING.search(text, start, end)
    if trail and trail.start() > start:
        end = trail.start()
    when = _TIME_AFTER.search(text, start, end)
    if when and when.start() > start:
        end = when.start()
    kind = _KIND.search(text, start, end)
    if kind and kind.start() > start:
        end = kind.start()
    designator = _DESIGNATOR.match(text, end)
    if designator:
        end = designator.end()
    article = _ARTICLE.search(text, max(0, start - 3), start)
    if article:
        start = article.start()
    if (start, end) == (place.start, place.end):
        return place
    return dataclasses.replace(place, start=start, end=end, text=text[start:end])
