"""The outlet's home place: local news names its own towns without their state.

A story of "The Paris News" that mentions "Paris" most likely means Paris, Texas; one of
``columbusdispatch.com`` that mentions "Dublin" means Dublin, Ohio. ``outlet_home`` finds the
home place of a story's outlet from the batch fields ``url`` and ``source``:

1. a table of known outlets (``data/geo/outlets.tsv``: names, web domains, home, scope);
2. otherwise a US place name read out of the web domain or the outlet's name, once the words
   of newspaper titles (``data/geo/outlet_words.tsv``: "news", "dispatch", "times"…) are
   stripped: ``parisnews.com`` → Paris, ``pressofatlanticcity.com`` → Atlantic City. Of the
   towns of that name, the resolver takes the one whose state the story's names support;
3. for a country's web domain (``data/geo/country_domains.tsv``: ``.co.uk``, ``.ca``…), a town
   of that country read the same way, else the country itself (a national home).

The resolver uses the home only to break ties between places of the same name.

Within one batch, ``OutletMemory`` keeps the first-level regions of the places each outlet's
stories resolved to: a local paper names its own state story after story, so the
home town a domain reads as ("norfolkdailynews.com": Norfolk, Virginia or Nebraska?) is the
one in the region its stories name most, and an outlet whose domain names no place
("echopress.com") is at home in the region most of its stories name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from whodid.geo.gazetteer import (
    Entry,
    Gazetteer,
    GazetteerError,
    _rows,
    canonical,
    normalise,
    region_of,
)

__all__ = ["Home", "OutletMemory", "OutletTable", "outlet_home", "outlet_table", "place_in_name"]

SCOPES = frozenset({"local", "national"})
_MIN_LETTERS = 4  # "la", "ny", "stl" are too short to be read as a place
_MAX_WORDS = 3
_GENERIC_TLDS = frozenset({"com", "net", "org", "us", "info", "news", "biz"})
_HOME_KINDS = frozenset({"city", "capital", "admin2", "admin1"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ltd", "plc"})


@dataclass(frozen=True, slots=True)
class Home:
    """Where an outlet is at home; ``local``: it covers that town and region.

    A name read out of a domain may be that of several towns ("athensdailynews.com": Athens,
    Georgia, Texas, Ohio…): ``places`` holds them all, most populous first, and ``settle``
    picks the one whose state the story's own place names support."""

    places: tuple[Entry, ...]
    local: bool
    towns: bool = True  # may favour towns and counties (not only states and the country)

    @property
    def place(self) -> Entry:
        return self.places[0]

    def settle(self, support: Mapping[tuple[str, str], float], held: Collection[int] = ()) -> Home:
        """The home town the story names its county of (``held``: ids of such towns), else
        the one whose (country, first-level region) has the most ``support``."""
        if len(self.places) < 2:
            return self
        best = max(
            self.places,
            key=lambda e: (
                id(e) in held,
                support.get((e.country or "", e.admin1 or ""), 0),
                e.population,
            ),
        )
        return Home((best,), self.local, self.towns)


_MEMORY_KINDS = frozenset({"city", "capital", "admin2", "admin1"})
_MEMORY_MIN = 2  # stories that name the region, at least
_MEMORY_SHARE = 3  # ... and a third of the outlet's stories


class OutletMemory:
    """The first-level regions the places of each outlet's stories lie in, story by story
    (each region once a story), by web host: an outlet's home region learned from the batch.

    ``home`` uses what the stories recorded so far said: of the home towns a domain reads as,
    the one in the region most stories named; where the domain names no place, the region
    named by two stories at least and by a third of them, ahead of any other region."""

    def __init__(self) -> None:
        self._regions: dict[str, Counter[tuple[str, str]]] = {}
        self._stories: Counter[str] = Counter()

    def record(self, url: str | None, places: Iterable[Entry | None]) -> None:
        """Remember the regions of one story's resolved places."""
        host = _host(url)
        if host is None:
            return
        regions = {
            region_of(e) for e in places if e is not None and e.kind in _MEMORY_KINDS and e.country
        }
        self._regions.setdefault(host, Counter()).update(r for r in regions if r[1])  # type: ignore[misc]
        self._stories[host] += 1

    def home(self, url: str | None, home: Home | None, gazetteer: Gazetteer) -> Home | None:
        """``home`` as the outlet's recorded stories settle it."""
        host = _host(url)
        regions = self._regions.get(host or "")
        if host is None or not regions:
            return home
        if home is not None:
            if not home.local or len(home.places) < 2:
                return home
            named = {e: regions.get((e.country or "", e.admin1 or ""), 0) for e in home.places}
            if not any(named.values()):
                return home  # the story's own names settle it
            best = max(home.places, key=lambda e: (named[e], e.population))
            return Home((best,), home.local, home.towns)
        ranked = regions.most_common(2)
        count = ranked[0][1]
        if count < _MEMORY_MIN or _MEMORY_SHARE * count < self._stories[host]:
            return None
        if len(ranked) > 1 and ranked[1][1] == count:
            return None
        country, name = ranked[0][0]
        region = gazetteer.admin1.get((country, normalise(name)))
        return Home((region,), True) if region is not None else None


class OutletTable:
    """Known outlets by web domain and by name key."""

    def __init__(self) -> None:
        self.by_domain: dict[str, Home] = {}
        self.by_name: dict[str, Home] = {}
        self.words: frozenset[str] = frozenset()
        self.countries: dict[str, str] = {}  # country-code domain -> ISO3

    def find(self, host: str | None, name: str | None) -> Home | None:
        if host:
            labels = host.split(".")
            for i in range(len(labels) - 1):  # "www.news.example.com" → "example.com"
                found = self.by_domain.get(".".join(labels[i:]))
                if found is not None:
                    return found
        if name:
            return self.by_name.get(normalise(name))
        return None


def _home_entry(gazetteer: Gazetteer, place: str, admin1: str, country: str) -> Entry | None:
    found = [
        e
        for e in gazetteer.lookup(place)
        if e.country == country and e.kind in _HOME_KINDS and (not admin1 or e.admin1 == admin1)
    ]
    return max(found, key=lambda e: e.population) if found else None


def load_outlets(
    gazetteer: Gazetteer,
    *,
    name: str = "outlets.tsv",
    text: str | None = None,
    words_name: str = "outlet_words.tsv",
    words_text: str | None = None,
    domains_name: str = "country_domains.tsv",
    domains_text: str | None = None,
) -> OutletTable:
    """Read the outlet table and the words of outlet names; errors name the file and line."""
    table = OutletTable()
    rows = _rows(name, columns=6, text=text)
    for lineno, (names, domains, place, admin1, country, scope) in rows:
        if scope not in SCOPES:
            raise GazetteerError(f"{name}:{lineno}: scope {scope!r} is not local/national")
        entry = _home_entry(gazetteer, place, admin1, country)
        if entry is None:
            raise GazetteerError(f"{name}:{lineno}: no town {place!r} in {admin1 or country}")
        home = Home((entry,), scope == "local")
        for domain in domains.split("|"):
            if domain.strip():
                table.by_domain[domain.strip().lower()] = home
        for outlet in names.split("|"):
            if outlet.strip():
                table.by_name[normalise(outlet)] = home
    words = set()
    for lineno, (word,) in _rows(words_name, columns=1, text=words_text):
        if not re.fullmatch(r"[a-z]+", word):
            raise GazetteerError(f"{words_name}:{lineno}: {word!r} is not a lower-case word")
        words.add(word)
    table.words = frozenset(words)
    for lineno, (tld, country) in _rows(domains_name, columns=2, text=domains_text):
        if not re.fullmatch(r"[a-z]{2}", tld) or not re.fullmatch(r"[A-Z]{3}", country):
            raise GazetteerError(f"{domains_name}:{lineno}: {tld!r} {country!r} is no tld/iso3")
        table.countries[tld] = country
    return table


@functools.cache
def outlet_table() -> OutletTable:
    from whodid.geo.gazetteer import default_gazetteer

    return load_outlets(default_gazetteer())


def _host(url: str | None) -> str | None:
    if not url:
        return None
    if "//" not in url:
        url = "//" + url
    host = (urlsplit(url.strip()).hostname or "").lower()
    return host.removeprefix("www.") or None


def _remainders(letters: str, words: frozenset[str]) -> list[str]:
    """What is left of ``letters`` once a leading "the" and outlet words at either end are
    taken away, longest first ("sunnyvalesun" → "sunnyvalesun", "sunnyvale", "nyvalesun"…;
    "pressofatlanticcity" → "atlanticcity")."""
    seen = {letters}
    todo = [letters]
    while todo:
        current = todo.pop()
        shorter = []
        if current.startswith("the"):
            shorter.append(current[3:])
        for word in words:
            if current.startswith(word):
                rest = current[len(word) :]
                shorter.append(rest[2:] if rest.startswith("of") else rest)
            if current.endswith(word):
                shorter.append(current[: -len(word)])
        for rest in shorter:
            if rest and rest not in seen:
                seen.add(rest)
                todo.append(rest)
    return sorted((r for r in seen if r not in words), key=len, reverse=True)


def _splits(letters: str, parts: int) -> list[str]:
    """``letters`` with up to ``parts - 1`` spaces inserted: "atlanticcity" → "atlantic city"."""
    found = [letters]
    if parts > 1:
        for cut in range(2, len(letters) - 1):
            found += [letters[:cut] + " " + rest for rest in _splits(letters[cut:], parts - 1)]
    return found


def place_in_name(
    letters: str, gazetteer: Gazetteer, words: frozenset[str], *, country: str = "USA"
) -> tuple[Entry, ...]:
    """The places of ``country`` an outlet's domain label or name reads as: a state, or the
    towns and counties of that name, most populous first (none if it reads as no place)."""
    plain = re.sub(r"[^a-z]", "", normalise(letters))
    rests = _remainders(plain, words)
    # last, a name with the initials of a title after it: "parispi" (Post-Intelligencer)
    rests += [r[:-cut] for r in rests for cut in (1, 2) if len(r) - cut >= _MIN_LETTERS + 1]
    # and the first of two towns: "richmondandtwickenham", "lancasterandmorecambe"
    rests += [r.split("and")[0] for r in rests if len(r.split("and")[0]) > _MIN_LETTERS]
    for rest in rests:
        if len(rest) < _MIN_LETTERS:
            continue
        for key in _splits(rest, _MAX_WORDS):
            found = [e for e in gazetteer.lookup_key(key) if e.country == country]
            states = [e for e in found if e.kind == "admin1"]
            if states:
                return (states[0],)
            towns = [e for e in found if e.kind in _HOME_KINDS]
            # towns that have the name as their own, not as an alternate name ("Athens" is
            # also an old name of Lemont, Illinois)
            own = [e for e in towns if canonical(normalise(e.name)) == canonical(key)]
            towns = own or towns
            if towns:
                return tuple(sorted(towns, key=lambda e: e.population, reverse=True))
    return ()


def _label(host: str) -> str | None:
    """The name part of a host with a generic or US top-level domain ("parisnews")."""
    labels = host.split(".")
    if len(labels) < 2 or labels[-1] not in _GENERIC_TLDS:
        return None
    return labels[-2]


def outlet_home(
    url: str | None,
    source: str | None,
    gazetteer: Gazetteer,
    *,
    table: OutletTable | None = None,
) -> Home | None:
    """The home place of the outlet of a story with this ``url`` and ``source`` name."""
    table = table or outlet_table()
    host = _host(url)
    known = table.find(host, source)
    if known is not None:
        return known
    label = _label(host) if host else None
    for letters in (label, source):
        if letters:
            places = place_in_name(letters, gazetteer, table.words)
            if places:
                return Home(places, True)
    return _country_home(host, gazetteer, table) if host else None


def _country_home(host: str, gazetteer: Gazetteer, table: OutletTable) -> Home | None:
    """The home of an outlet with a country's web domain: a town of that country its name
    reads as ("lancastercitizen.co.uk": Lancaster, England), else the country itself."""
    labels = host.split(".")
    country = table.countries.get(labels[-1])
    if country is None or len(labels) < 2:
        return None
    name = labels[-3] if len(labels) > 2 and labels[-2] in _SECOND_LEVEL else labels[-2]
    places = place_in_name(name, gazetteer, table.words, country=country)
    if places:
        return Home(places, True)
    entry = gazetteer.countries.get(country)
    return Home((entry,), False) if entry is not None else None
