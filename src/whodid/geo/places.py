"""The places layer: every place mention of a Doc, resolved (``find_places``)."""

from __future__ import annotations

import logging
from typing import Protocol

from spacy.tokens import Doc, Token

from whodid.geo.gazetteer import Entry, Gazetteer, default_gazetteer
from whodid.geo.outlet import OutletMemory, outlet_home
from whodid.geo.resolve import resolve_mentions
from whodid.geo.sites import PLACE_OBJECT_VERBS
from whodid.geo.toponyms import Mention, find_mentions
from whodid.records import Place
from whodid.text.dateline import dateline_place
from whodid.text.doctext import doc_text

__all__ = ["dateline_place_of", "find_places", "learn_outlet"]

logger = logging.getLogger(__name__)

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


class ActorLookup(Protocol):
    """What ``find_places`` needs of ``whodid.actors.resolve.DocActors``."""

    def is_actor(self, token: Token) -> bool: ...


def _acting(doc: Doc, mention: Mention, entry: Entry | None, actors: ActorLookup | None) -> bool:
    """A capital standing for its government: "Washington said", "Moscow denied"."""
    if actors is None or entry is None or entry.kind not in ("city", "capital"):
        return False
    root = doc[mention.start : mention.end].root
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in PLACE_OBJECT_VERBS:
        return False  # "Baghdad was bombed": the town itself
    return root.dep_ in _SUBJECTS and root.head.pos_ in ("VERB", "AUX") and actors.is_actor(root)


def _known_actor(
    doc: Doc, mention: Mention, entry: Entry | None, actors: ActorLookup | None
) -> bool:
    """A name the gazetteer does not know but the actor knowledge base does ("Ken Salazar"
    mis-tagged as a place): it is an actor, not a place."""
    if actors is None or entry is not None:
        return False
    return actors.is_actor(doc[mention.start : mention.end].root)


def _place(doc: Doc, mention: Mention, entry: Entry | None) -> Place:
    span = doc[mention.start : mention.end]
    start, end = span.start_char, span.end_char
    if entry is None:
        return Place(start=start, end=end, text=doc_text(doc)[start:end])
    admin1 = entry.admin1 if entry.kind != "admin1" else entry.name
    country = entry.country
    if entry.kind == "demonym":  # the point and name of the country it stands for
        entry = default_gazetteer().countries.get(country or "", entry)
    return Place(
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
        name=entry.name,
        country=country,
        admin1=admin1,
        lat=round(entry.lat, 4),
        lon=round(entry.lon, 4),
        feature=entry.feature,
    )


def _focus(doc: Doc, gazetteer: Gazetteer) -> str | None:
    """The country of the story's dateline ("KABUL, Afghanistan (Wire) -")."""
    span = dateline_place(doc_text(doc))
    if span is None:
        return None
    best: Entry | None = None
    for part in doc_text(doc)[span[0] : span[1]].split(","):
        for entry in gazetteer.lookup(part.strip()):
            if entry.country and (
                best is None or entry.kind == "country" or entry.population > best.population
            ):
                best = entry
    return best.country if best else None


def find_places(
    doc: Doc,
    *,
    actors: ActorLookup | None = None,
    gazetteer: Gazetteer | None = None,
    url: str | None = None,
    source: str | None = None,
    memory: OutletMemory | None = None,
    learn: bool = True,
) -> list[Place]:
    """Every place mention of ``doc``, resolved: name, country (ISO3), admin1, lat, lon, feature.

    Mentions the gazetteer does not know keep their span with the other fields ``None``.
    With ``actors`` (``DocActors``), a city that acts as its government ("Washington said")
    is left to the actors layer. The story's ``url`` and outlet name (``source``) give the
    outlet's home, which breaks ties between places of the same name; ``memory`` (one per
    batch) knows each outlet's home region from its stories, and learns from this one unless
    ``learn`` is false.
    """
    mentions, entries = _resolved(doc, gazetteer or default_gazetteer(), url, source, memory)
    if memory is not None and learn:
        memory.record(url, entries)
    return [
        _place(doc, mention, entry)
        for mention, entry in zip(mentions, entries, strict=True)
        if not _acting(doc, mention, entry, actors)
        and not _known_actor(doc, mention, entry, actors)
    ]


def learn_outlet(
    doc: Doc,
    memory: OutletMemory,
    *,
    url: str | None,
    source: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> None:
    """Let ``memory`` learn from the places of ``doc`` where its outlet is at home (what
    ``find_places`` with ``memory`` records, without building the places)."""
    memory.record(url, _resolved(doc, gazetteer or default_gazetteer(), url, source, memory)[1])


def _resolved(
    doc: Doc,
    gazetteer: Gazetteer,
    url: str | None,
    source: str | None,
    memory: OutletMemory | None,
) -> tuple[list[Mention], list[Entry | None]]:
    """The place mentions of ``doc`` and the entry each resolves to (None: unknown)."""
    mentions = find_mentions(doc, gazetteer)
    home = outlet_home(url, source, gazetteer) if url or source else None
    if memory is not None:
        home = memory.home(url, home, gazetteer)
    focus = _focus(doc, gazetteer)
    return mentions, resolve_mentions(doc, mentions, gazetteer, focus=focus, home=home)


def dateline_place_of(text: str, places: list[Place]) -> Place | None:
    """The resolved place of the story's dateline, if it has one."""
    span = dateline_place(text)
    if span is None:
        return None
    inside = [p for p in places if span[0] <= p.start < span[1] and p.lat is not None]
    return inside[0] if inside else None
