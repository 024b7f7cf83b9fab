"""Entries of the actor knowledge base: named actors (countries, organisations, groups, people) and
agents
(role nouns such as "police" or "minister"), with dated codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = [
    "SECTORS",
    "PLOVER_SECTOR",
    "CodeWindow",
    "ActorEntry",
    "AgentEntry",
    "DataError",
    "split_code",
    "plover_sector",
]

#: CAMEO agent (sector) codes used by the project, with a short gloss.
SECTORS: dict[str, str] = {
    "GOV": "executive government, ministries, officials, diplomats",
    "LEG": "legislatures and lawmakers",
    "JUD": "courts, judges, prosecutors",
    "MIL": "state military",
    "COP": "police and security forces",
    "SPY": "state intelligence services",
    "REB": "rebels, militants, armed opposition",
    "INS": "insurgents",
    "PRM": "pro-government paramilitaries and militias",
    "UAF": "unidentified armed forces (gunmen, attackers)",
    "CRM": "criminals, cartels, gangs",
    "OPP": "political opposition",
    "PTY": "political parties",
    "CVL": "civilians, protesters, residents",
    "LAB": "labour, workers, unions",
    "AGR": "farmers, agricultural workers",
    "EDU": "education: students, teachers, universities",
    "REF": "refugees and displaced people",
    "MED": "media and journalists (CAMEO sense)",
    "HLH": "health workers and bodies",
    "BUS": "business",
    "NGO": "non-governmental organisations",
    "HRI": "human-rights groups and activists",
    "ENV": "environmental groups",
    "REL": "religious actors",
    "ELI": "elites, former officials",
    "IGO": "intergovernmental organisations",
    "PRE": "partially recognised entities",
    "SET": "settlers",
    "UNK": "unidentified actors",
}

#: CAMEO sector -> PLOVER sector where they differ (PLOVER uses MED for health and JRN for media).
PLOVER_SECTOR: dict[str, str] = {
    "MED": "JRN",
    "HLH": "MED",
    "INS": "REB",
    "HRI": "SOC",
    "NGO": "SOC",
    "ENV": "SOC",
    "IGO": "",
    "SET": "CVL",
}

#: Non-state "country" prefixes of CAMEO codes.
NONSTATE_PREFIXES: tuple[str, ...] = ("IGO", "NGO", "IMG", "MNC", "UNO", "EUR", "ISM", "---")


class DataError(ValueError):
    """A data file (built-in or user supplied) is malformed; the message names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


@dataclass(frozen=True, slots=True)
class CodeWindow:
    """A code that holds between two dates (both inclusive; None = open)."""

    code: str | None
    start: date | None = None
    end: date | None = None
    role: str = ""
    sector: str | None = None

    def holds(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


ActorKind = Literal["country", "organisation", "group", "person", "place", "other"]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A named actor. ``code`` is the default code; ``windows`` are dated codes (offices, date
    restrictions).
    """

    key: str
    name: str
    kind: ActorKind
    names: tuple[str, ...]
    code: str | None
    country: str | None = None
    sector: str | None = None
    windows: tuple[CodeWindow, ...] = ()
    gender: str | None = None
    before: str | None = None  # sector before the first window (people); default ELI
    plover_country: str | None = None
    source: str = "builtin"
    case_sensitive: tuple[str, ...] = field(
        default=()
    )  # names that match only with this exact case

    def code_at(self, when: date | None) -> tuple[str | None, str | None, str]:
        """(code, sector, status) at ``when``; status is 'office', 'former', 'before' or
        'default'.
        """
        if not self.windows:
            return self.code, self.sector, "default"
        if when is None:
            when = date.today()
        for w in self.windows:  # the first matching window wins (PETRARCH order)
            if w.holds(when):
                return w.code, w.sector or sector_of(w.code, self.country), "office"
        if self.kind == "person":
            starts = [w.start for w in self.windows if w.start is not None]
            ends = [w.end for w in self.windows if w.end is not None]
            if starts and when < min(starts):
                sec = self.before or "ELI"
                return (self.country or "---") + sec, sec, "before"
            if ends:
                return (self.country or "---") + "ELI", "ELI", "former"
        return self.code, self.sector or sector_of(self.code, self.country), "default"


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role noun. ``code`` is appended to the actor's code (``~COP``) or, with ``prefix``, put
    before it.
    """

    phrase: str
    code: str
    kind: str = "person"  # person | group | body | generic
    prefix: bool = False
    forms: tuple[str, ...] = ()  # all surface forms (singular and plurals), lower case
    source: str = "builtin"

    @property
    def sector(self) -> str:
        return self.code[:3]


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """Split a composite CAMEO code into (country, first sector): 'MEXCOP' -> ('MEX', 'COP')."""
    if not code:
        return None, None
    if code.startswith(NONSTATE_PREFIXES):
        rest = code[3:]
        if code.startswith("---"):
            return None, rest[:3] or None
        for i in range(0, len(rest) - 2, 3):
            if rest[i : i + 3] in SECTORS:
                return None, rest[i : i + 3]
        return None, code[:3] if code[:3] in SECTORS else None
    country = code[:3] if len(code) >= 3 else None
    rest = code[3:]
    return country, (rest[:3] if rest[:3] in SECTORS else None)


def sector_of(code: str | None, country: str | None = None) -> str | None:
    return split_code(code)[1]


def plover_sector(sector: str | None) -> str | None:
    """Map a CAMEO sector to PLOVER's sector vocabulary."""
    if sector is None:
        return None
    return PLOVER_SECTOR.get(sector, sector) or None
