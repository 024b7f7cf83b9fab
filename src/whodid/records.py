"""Plain, typed records that move between the pipeline's stages.

``to_dict()`` on each record gives exactly the shape of ``INTERFACE.md`` (contract v1);
fields beyond the contract are only ever added, never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the input text: character offsets, end exclusive."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention: where it stands and who it is."""

    start: int
    end: int
    text: str
    code: str | None = None  # CAMEO-style composite code: USAGOV, MEXCOP, ARN, ---REB
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # primary agent code: GOV, MIL, COP, ...
    name: str | None = None  # canonical name of the person, organisation or country

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
        }


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country, admin1, admin2, city, region, other

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
        }


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression normalised to a TimeML TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # 2013-03-22, 2013-03, P3D, PAST_REF, ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: Actor | None
    cue: Span
    content: Span
    direct: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "direct": self.direct,
        }


@dataclass(slots=True)
class Event:
    sentence: int
    trigger: Span
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: dict[str, str | None]
    acled: dict[str, str] | None = None
    date: str | None = None
    date_precision: str | None = None
    location: Place | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    rule: str = ""
    evidence: Span | None = None  # the source sentence (added field)
    quote: int | None = None  # index into the quotes layer (added field)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "trigger": self.trigger.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": dict(self.plover),
            "acled": dict(self.acled) if self.acled else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "quote": self.quote,
        }


@dataclass(slots=True)
class Article:
    """One document to annotate, with what we know about it."""

    text: str
    published: date | None = None
    id: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    # words whose place is asked for (batch field ``locate``), as (start, end) offsets
    locate: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Located:
    """The place where the event of an asked-for word happened (``None``: the text says none)."""

    word: Span
    location: Place | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "word": self.word.to_dict(),
            "location": self.location.to_dict() if self.location else None,
        }


@dataclass(slots=True)
class Annotation:
    """Everything whodid found in one document: the four layers of INTERFACE.md."""

    id: str = ""
    error: str | None = None
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    located: list[Located] | None = None  # only when the input asked (``locate``)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "error": self.error,
            "events": [e.to_dict() for e in self.events],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "quotes": [q.to_dict() for q in self.quotes],
        }
        if self.located is not None:
            out["located"] = [item.to_dict() for item in self.located]
        return out
