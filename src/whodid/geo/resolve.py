"""Resolving place mentions to gazetteer entries with the document as context.

Each candidate gets a score: a prior by feature type and population, then evidence from the
document: the region named right after it ("Culiacán, Sinaloa", "Alexandria, La."), countries
and regions named elsewhere in the story, the story's focus (its dateline), and the sense the
same name took earlier ("one sense per discourse"). Two passes: the first, without context,
gives the document's countries and regions; the second uses them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from whodid.geo.gazetteer import Entry, Gazetteer, canonical, normalise, region_of
from whodid.geo.outlet import Home
from whodid.geo.toponyms import Mention

__all__ = ["Context", "resolve_mentions"]

_PRIOR = {
    "country": 6.0,
    "demonym": 6.0,
    "continent": 5.6,
    "admin1": 5.3,
    "region": 5.5,
    "other": 5.5,
    "admin2": 2.0,
    "city": 0.0,
    "capital": 1.5,  # a country's capital: "Washington" is the capital before the state
}
_LOCAL = frozenset({"city", "capital", "admin2"})
_TOWNS = frozenset({"city", "admin2"})  # local places that are not a country's capital
_ALTERNATE_NAME = 2.5  # matched by an alternate name ("Bombay"), not its own
_NEAR_KM = 120.0  # local news names places close to each other
_NEAR_WEIGHT = 4.0
_HELD_WEIGHT = 4.0  # the story names a town's county, or a town of the county
_MAX_NEAR_SENSES = 20  # county names such as "Montgomery County" have up to about 20
_HOME_NEAR = 3.0  # a town or county within _NEAR_KM of a local outlet's home
_HOME_CLOSE = 2.5  # ... and more within _HOME_CLOSE_KM: the home's own suburbs
_HOME_CLOSE_KM = 40.0
_HOME_REGION = 1.5  # a town, county or state of the home's state
_HOME_COUNTRY = 0.5
_NAMESAKE_REGION = 500_000  # people of a state whose name its namesake towns must earn
# a town fifty times smaller than a big city of its name ("Atlanta", Illinois) needs evidence
# of its own, as a country's or state's namesake does
_BIG_CITY = 300_000
_BIG_RATIO = 50
# a small first-level region of a country the story names nowhere else (the Hanover parish
# of Jamaica in a story about New England) is unlikely
_FOREIGN_POP = 2_000_000
_FOREIGN_PEN = 4.0
_ADMIN2_WORDS = ("county", "parish", "district", "borough", "province", "prefecture")


@dataclass(slots=True)
class Context:
    """What the document says around its places."""

    countries: dict[str, float]  # weighted mentions of each country
    regions: Mapping[tuple[str, str], int]  # (country, admin1)
    focus: str | None = None  # country of the story's dateline
    # how many other names of the story could lie in each region ("Huntsville", "Walker
    # County" and "Conroe" all have a candidate in Texas)
    support: Mapping[tuple[str, str], int] = field(default_factory=Counter)
    # how strongly the story's other names lie near each town or county candidate (by id)
    near: dict[int, float] = field(default_factory=dict)
    # how strongly the story names the county of each town candidate, or a town of each county
    # candidate (by id)
    held: dict[int, float] = field(default_factory=dict)


def _population_score(entry: Entry) -> float:
    if entry.kind == "country":  # only to choose between countries of one name ("Congo")
        return (math.log10(entry.population + 10) - 7.0) * 0.1
    if entry.kind == "admin1":  # only between states of one name ("Montana"), never above 0
        return min(0.0, (math.log10(entry.population + 10) - 7.0) * 0.1)
    if entry.kind not in ("city", "capital"):
        return 0.0
    return math.log10(entry.population + 10) * 0.75  # 1,000 -> 2.3; 1,000,000 -> 4.5


def _alternate_penalty(entry: Entry) -> float:
    """Matched by an alternate name: a small town's alternate names are often stray ones, a
    big city's are its exonyms ("Mecca" for Makkah, "Bombay"); none from a million people."""
    scale = 6.0 - math.log10(entry.population + 10)
    return _ALTERNATE_NAME * min(1.0, max(0.0, scale))


def _after_place(doc: Doc, mention: Mention, previous: Mention | None) -> bool:
    """The mention follows "<place>,": it names the region of that place."""
    return (
        previous is not None and previous.end + 1 == mention.start and doc[previous.end].text == ","
    )


def _state_word(doc: Doc, mention: Mention) -> bool:
    """The text calls the place a state: "Washington state", "the state of Washington"."""
    after = doc[mention.end].lower_ if mention.end < len(doc) else ""
    before = doc[max(0, mention.start - 2) : mention.start].text.lower()
    return after == "state" or before == "state of"


_ABBREVIATION = re.compile(r"[A-Z][a-z]+\.")
_LIST_JOINERS = frozenset({",", "&", "and", "or"})
_PLURAL_COUNTY = {"counties": "county", "parishes": "parish"}


def _plural_county(doc: Doc, mention: Mention) -> str | None:
    """The mention is one of a list of counties: "in Eastland and Callahan counties",
    "Harvey, Harper and Kingman counties" ("county" or "parish"; None if not); a list of two
    names at least ("the four metro Athens counties" are no list)."""
    before = doc[mention.start - 1] if mention.start else None
    listed = before is not None and before.lower_ in _LIST_JOINERS
    for i in range(mention.end, min(len(doc), mention.end + 12)):
        token = doc[i]
        word = _PLURAL_COUNTY.get(token.lower_)
        if word is not None:
            return word if listed else None
        if token.lower_ in _LIST_JOINERS:
            listed = True
        elif not token.text[:1].isupper():
            return None
    return None


# a name followed by one of these opens a longer name of a park or township ("Hopkins Park")
_FEATURE_WORDS = frozenset({"park", "township", "twp"})


def _names_a_feature(doc: Doc, mention: Mention) -> bool:
    """The name opens a longer one of a park or township the gazetteer lacks ("Hopkins Park",
    "Madison Township"): not the town of that name."""
    if mention.end >= len(doc):
        return False
    after = doc[mention.end]
    return after.text[:1].isupper() and after.lower_.rstrip(".") in _FEATURE_WORDS


def _explicit_region(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> Entry | None:
    """The region or country named right after the mention: "Culiacán, Sinaloa"."""
    if mention.end + 1 >= len(doc) or doc[mention.end].text != ",":
        return None
    for width in (3, 2, 1):
        end = mention.end + 1 + width
        if end > len(doc):
            continue
        text = doc[mention.end + 1 : end].text
        if not text[:1].isupper():
            continue  # "in" is not Indiana's "IN"
        region = gazetteer.region(None, text)
        if region is not None:
            return region
        for entry in gazetteer.lookup(text):
            if entry.kind in ("country", "admin1"):
                return entry
    return None


def _home_score(entry: Entry, home: Home | None) -> float:
    """A tie-breaker: places near the outlet's home (a local outlet's town and state, or a
    national outlet's country) before others of the same name."""
    if home is None or entry.country is None or entry.country != home.place.country:
        return 0.0
    value = _HOME_COUNTRY
    if not home.local:
        return value
    if entry.kind in _LOCAL and not home.towns:
        return value
    if entry.kind in _LOCAL and home.place.kind != "admin1":
        km = _km(entry, home.place)
        if km <= _HOME_CLOSE_KM:
            return value + _HOME_NEAR + _HOME_CLOSE
        if km <= _NEAR_KM:
            return value + _HOME_NEAR
    if (entry.kind in _LOCAL or entry.kind == "admin1") and (
        region_of(entry) == region_of(home.place)
    ):
        value += _HOME_REGION
    return value


def score(
    entry: Entry,
    mention: Mention,
    *,
    text: str,
    context: Context | None,
    explicit: Entry | None,
    after_place: bool = False,
    home: Home | None = None,
    state_word: bool = False,
    namesake: str | None = None,
) -> float:
    value = _PRIOR.get(entry.kind, 0.0) + _population_score(entry) + _home_score(entry, home)
    if (after_place or state_word) and entry.kind in ("admin1", "country"):
        value += 3.0
    lowered = text.lower()
    if entry.kind == "admin2" and lowered.endswith(_ADMIN2_WORDS):
        value += 3.0
    if mention.source == "demonym" and entry.kind not in ("demonym", "country"):
        value -= 10.0
    if entry.kind in _LOCAL and canonical(normalise(text)) != canonical(normalise(entry.name)):
        value -= _alternate_penalty(entry)
    if explicit is not None and entry.country == explicit.country:
        value += 3.0
        if explicit.kind == "admin1" and entry.admin1 == explicit.admin1:
            value += 4.0
    # a town named like a country or state ("Mexico", New York; "Denmark", South Carolina)
    # needs evidence of its own (its state named after it, towns near it, the outlet's home);
    # a region named like a country (Niger State) needs one of the story's places in it
    country_named = namesake == "country" and entry.kind == "admin1"
    if namesake == "city" and entry.population * _BIG_RATIO >= _BIG_CITY:
        namesake = None
    if context is not None and entry.country and not (namesake and entry.kind in _TOWNS):
        if not country_named:
            share = context.countries.get(entry.country, 0) / (sum(context.countries.values()) or 1)
            value += 3.0 * share + (1.0 if entry.country == context.focus else 0.0)
        if entry.kind in ("city", "capital", "admin2", "admin1") and entry.admin1:
            region = (entry.country, entry.admin1)
            if context.regions.get(region):
                value += 2.5
            if not country_named:
                value += min(4.0, 1.2 * context.support.get(region, 0))
    if (
        context is not None
        and entry.kind == "admin1"
        and entry.country
        and entry.country not in context.countries
        and entry.population < _FOREIGN_POP
    ):
        value -= _FOREIGN_PEN
    if context is not None and entry.kind in _LOCAL:
        value += _NEAR_WEIGHT * min(1.0, context.near.get(id(entry), 0.0))
        value += _HELD_WEIGHT * min(1.0, context.held.get(id(entry), 0.0))
    return value


def _namesake(candidates: list[Entry], key: str) -> str | None:
    """What larger place the name is the own name of: "country" ("Mexico", "Niger": a country
    at least as populous as any state of that name), "region", a large state or province
    ("California", "Ontario", "Georgia") not named after its own town (the "Alexandria"
    governorate), or "city", a big city ("Atlanta", "Toronto"); None."""
    key = canonical(key)
    own = [e for e in candidates if canonical(normalise(e.name)) == key]
    countries = [e.population for e in own if e.kind == "country"]
    regions = [
        e
        for e in own
        if e.kind == "admin1"
        and e.population >= _NAMESAKE_REGION
        and not any(
            c.kind in _LOCAL
            and c.country == e.country
            and c.admin1 == e.name
            and canonical(normalise(c.name)) == key
            for c in candidates
        )
    ]
    if countries and max(countries) >= max((e.population for e in regions), default=0):
        return "country"
    if regions or countries:
        return "region"
    big = max((e.population for e in own if e.kind in ("city", "capital")), default=0)
    return "city" if big >= _BIG_CITY else None


def _best(
    candidates: list[Entry],
    mention: Mention,
    *,
    text: str,
    context: Context | None,
    explicit: Entry | None,
    after_place: bool = False,
    home: Home | None = None,
    state_word: bool = False,
    namesake: str | None,
) -> Entry | None:
    """The candidate that scores best (the first of equals); ``namesake``: what
    ``_namesake`` says of the candidates and the mention's key."""
    best: tuple[float, Entry] | None = None
    for entry in candidates:
        value = score(
            entry,
            mention,
            text=text,
            context=context,
            explicit=explicit,
            after_place=after_place,
            home=home,
            state_word=state_word,
            namesake=namesake,
        )
        if best is None or value > best[0]:
            best = (value, entry)
    return best[1] if best else None


def _countries_first(found: list[Entry], key: str) -> list[Entry]:
    """Where the name is a country's, towns that have it only as an alternate name are not
    candidates: "Mexico" is not Mexico City."""
    if not any(e.kind == "country" for e in found):
        return found
    return [
        e for e in found if e.kind not in _LOCAL or canonical(normalise(e.name)) == canonical(key)
    ]


def _one_demonym(found: list[Entry], gazetteer: Gazetteer) -> list[Entry]:
    """Of demonyms shared by several countries ("American"), keep the most populous one's."""
    demonyms = [e for e in found if e.kind == "demonym"]
    if len(demonyms) < 2:
        return found

    def population(entry: Entry) -> int:
        country = gazetteer.countries.get(entry.country or "")
        return country.population if country else 0

    keep = max(demonyms, key=population)
    return [e for e in found if e.kind != "demonym" or e is keep]


def resolve_mentions(
    doc: Doc,
    mentions: list[Mention],
    gazetteer: Gazetteer,
    *,
    focus: str | None = None,
    home: Home | None = None,
) -> list[Entry | None]:
    """The gazetteer entry of each mention (None where the gazetteer knows no such place);
    ``home``: the home place of the story's outlet, a tie-breaker."""
    texts = [m.span(doc).text for m in mentions]
    after = [_after_place(doc, m, mentions[i - 1] if i else None) for i, m in enumerate(mentions)]
    candidates = []
    for mention, text, follows in zip(mentions, texts, after, strict=True):
        found = gazetteer.lookup_key(mention.key)
        plural = _plural_county(doc, mention)
        if plural:
            counties = [
                e for e in gazetteer.lookup_key(f"{mention.key} {plural}") if e.kind == "admin2"
            ]
            found = counties or found
        # "Alexandria, La.", or a state's abbreviation standing alone ("in Fla."; not "L.A.")
        abbreviated = follows or _ABBREVIATION.fullmatch(text) is not None
        region = gazetteer.region(None, text) if abbreviated else None
        if region is not None and region not in found:
            found = [region, *found]  # "Alexandria, La.": the abbreviation of a region
        if _names_a_feature(doc, mention):
            found = []
        candidates.append(_one_demonym(_countries_first(found, mention.key), gazetteer))
    explicit = [_explicit_region(doc, m, gazetteer) for m in mentions]
    regions_of: dict[str, set[tuple[str, str]]] = {}
    for mention, cands in zip(mentions, candidates, strict=True):
        regions_of[mention.key] = {region_of(e) for e in cands if e.admin1 and e.country}  # type: ignore[misc]
    support: Counter[tuple[str, str]] = Counter()
    for keyed in regions_of.values():
        support.update(keyed)
    held = _held(mentions, candidates, gazetteer)
    if home is not None:
        home = home.settle(support, held={k for k, v in held.items() if v >= 0.5})
    homes = [_home_for(cands, home) for cands in candidates]
    states = [_state_word(doc, m) for m in mentions]
    # what larger place each name is the own name of: the same in both passes
    namesakes = [_namesake(c, m.key) for c, m in zip(candidates, mentions, strict=True)]
    first = [
        _best(c, m, text=t, context=None, explicit=x, after_place=a, home=h, namesake=n)
        for c, m, t, x, a, h, n in zip(
            candidates, mentions, texts, explicit, after, homes, namesakes, strict=True
        )
    ]
    votes: list[tuple[str | None, float, tuple[str, str] | None]] = []
    for entry, cands in zip(first, candidates, strict=True):
        if entry is None or not entry.country:
            votes.append((None, 0.0, None))
            continue
        weight = 1.0 if len({c.country for c in cands}) == 1 else 0.5
        if entry.kind in ("country", "demonym", "admin1", "region"):
            weight += 0.5
        region_vote = None
        if entry.kind == "admin1":
            region_vote = (entry.country, entry.name)
        elif entry.admin1 and weight >= 1.0:
            region_vote = (entry.country, entry.admin1)
        votes.append((entry.country, weight, region_vote))
    regions: Counter[tuple[str, str]] = Counter()
    base = Context(defaultdict(float), regions, focus)
    for country, weight, region_vote in votes:
        if country:
            base.countries[country] += weight
        if region_vote:
            regions[region_vote] += 1
    if focus:
        base.countries[focus] += 1.0
    for entry in explicit:
        if entry is not None and entry.country:
            base.countries[entry.country] += 1.0
            if entry.kind == "admin1":
                regions[(entry.country, entry.name)] += 1
    base.support = support
    base.near = _nearness(mentions, candidates, first)
    base.held = held
    # a name said six times is no evidence for itself: all its votes are taken away
    own: dict[str, list[tuple[str | None, float, tuple[str, str] | None]]] = defaultdict(list)
    for mention, vote in zip(mentions, votes, strict=True):
        own[mention.key].append(vote)
    resolved: list[Entry | None] = []
    sense: dict[str, Entry] = {}
    contexts: dict[str, Context] = {}  # the context less a name's own votes, once per name
    for i, (cands, mention, text, region) in enumerate(
        zip(candidates, mentions, texts, explicit, strict=True)
    ):
        if mention.key in sense and region is None and not after[i] and not states[i]:
            resolved.append(sense[mention.key])
            continue
        context = contexts.get(mention.key)
        if context is None:
            own_votes, own_regions = own[mention.key], regions_of.get(mention.key, set())
            context = contexts[mention.key] = _without(base, own_votes, own_regions)
        entry = _best(
            cands,
            mention,
            text=text,
            context=context,
            explicit=region,
            after_place=after[i],
            home=homes[i],
            state_word=states[i],
            namesake=namesakes[i],
        )
        entry = _in_region_named(entry, cands, region, gazetteer)
        if entry is not None:
            sense.setdefault(mention.key, entry)
        resolved.append(entry)
    return _counties_named(mentions, resolved)


_COUNTY_WORDS = ("county", "parish")


def _in_region_named(
    entry: Entry | None, candidates: list[Entry], region: Entry | None, gazetteer: Gazetteer
) -> Entry | None:
    """A town named with its state ("Belgrade, Minn.") where the gazetteer knows no town of
    that name in that state (it lacks most places under 1,000 people) lies in the state: the
    state stands for it rather than a namesake town elsewhere."""
    if entry is None or region is None or region.kind != "admin1" or entry.kind not in _LOCAL:
        return entry
    place = region_of(region)
    if any(region_of(c) == place for c in candidates):
        return entry
    # a state of a country the name has towns in, or a large state known by its name
    # ("Stroud, Ontario"); not a list of towns ("Moscow, Kiev") nor a small foreign region
    if any(c.country == region.country for c in candidates) or _known_state(region, gazetteer):
        return region
    return entry


def _known_state(region: Entry, gazetteer: Gazetteer) -> bool:
    """A large state or province whose name means it first ("Ontario"; not "Kiev", also a
    big city's name, nor the county of Liberia called "Maryland")."""
    if region.population < _NAMESAKE_REGION:
        return False
    key = normalise(region.name)
    found = gazetteer.lookup_key(key)
    if any(e.kind in ("city", "capital") and e.population >= _BIG_CITY for e in found):
        return False  # a list of big cities
    return _namesake(found, key) == "region"


def _counties_named(mentions: list[Mention], resolved: list[Entry | None]) -> list[Entry | None]:
    """A bare name of a county the story names in full ("DeKalb County ... DeKalb") is that
    county, unless it resolved to a place of the same state (a town of that name there)."""
    counties: dict[str, Entry] = {}
    for mention, entry in zip(mentions, resolved, strict=True):
        if entry is not None and entry.kind == "admin2":
            for word in _COUNTY_WORDS:
                if mention.key.endswith(" " + word):
                    counties.setdefault(mention.key[: -len(word) - 1], entry)
    if not counties:
        return resolved
    out = list(resolved)
    for i, (mention, entry) in enumerate(zip(mentions, resolved, strict=True)):
        county = counties.get(mention.key)
        if county is None or (entry is not None and region_of(entry) == region_of(county)):
            continue
        out[i] = county
    return out


def _home_for(candidates: list[Entry], home: Home | None) -> Home | None:
    """The home, as far as it may break this name's tie: not toward a town when the name is
    also the home country's capital or one of its states ("Washington" in a Georgia paper is
    the capital or the state, not Washington, Georgia)."""
    if home is None or not home.local:
        return home
    country = home.place.country
    if any(e.kind in ("capital", "admin1") and e.country == country for e in candidates):
        return Home(home.places, home.local, towns=False)
    return home


def _without(
    base: Context,
    votes: list[tuple[str | None, float, tuple[str, str] | None]],
    own_regions: set[tuple[str, str]],
) -> Context:
    """The document's context less the first-pass votes of the mention's name (each time it
    is said) and its region support."""
    countries = dict(base.countries)
    lost: dict[tuple[str, str], int] = {}
    for country, weight, region in votes:
        if country:
            countries[country] -= weight
        if region:
            lost[region] = lost.get(region, 0) + 1
    positive = {k: v for k, v in countries.items() if v > 1e-9}
    regions = _PositiveLess(base.regions, lost)
    support = _PositiveLess(base.support, dict.fromkeys(own_regions, 1))
    return Context(positive, regions, base.focus, support, base.near, base.held)


class _PositiveLess(Mapping[tuple[str, str], int]):
    """``+(counts - lost)``: what is left above zero, in the order of ``counts`` (what
    ``Counter.subtract`` and unary ``+`` give), worked out for the keys asked about instead of
    copied whole: the story's regions are many, and one name's scoring asks about a few.
    ``counts`` and ``lost`` must not change while this is in use."""

    __slots__ = ("_counts", "_lost")

    def __init__(self, counts: Mapping[tuple[str, str], int], lost: dict[tuple[str, str], int]):
        self._counts = counts
        self._lost = lost

    def get(self, key: tuple[str, str], default: int | None = None) -> int | None:  # type: ignore[override]
        left = self._counts.get(key, 0) - self._lost.get(key, 0)
        return left if left > 0 else default

    def __getitem__(self, key: tuple[str, str]) -> int:
        left = self.get(key)
        if left is None:
            raise KeyError(key)
        return left

    def __iter__(self) -> Iterator[tuple[str, str]]:
        lost = self._lost
        return (k for k, v in self._counts.items() if v - lost.get(k, 0) > 0)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _nearness(
    mentions: list[Mention], candidates: list[list[Entry]], first: list[Entry | None]
) -> dict[int, float]:
    """For each town or county candidate, the evidence that the story's other names lie
    within ``_NEAR_KM`` of it: each other name counts by how unambiguous it is (a name with
    one such candidate counts 1, one with four counts 1/4). Names read as countries or regions
    without context do not count ("China" and "Peru" are also towns of Maine), but the towns
    of a name read as a country do receive it: a country's namesake town needs evidence of its
    own ("Lebanon" beside "Zionsville" is Lebanon, Indiana)."""
    receivers: dict[str, list[Entry]] = {}
    grid: dict[tuple[int, int], list[tuple[str, float, Entry]]] = defaultdict(list)
    for mention, cands, top in zip(mentions, candidates, first, strict=True):
        if mention.key in receivers or mention.source == "demonym":
            continue
        entries = [e for e in cands if e.kind in _LOCAL]
        local = top is not None and top.kind in _LOCAL
        country = top is not None and top.kind == "country"
        receivers[mention.key] = entries if len(cands) > 1 and (local or country) else []
        # a name of dozens of towns says little; one read as a country says nothing here
        if local and len(entries) <= _MAX_NEAR_SENSES:
            for entry in entries:
                grid[_cell(entry)].append((mention.key, 1.0 / len(entries), entry))
    near: dict[int, float] = {}
    for key, entries in receivers.items():
        for entry in entries:
            best: dict[str, float] = {}
            lat, lon = _cell(entry)
            for dlat in (-1, 0, 1):
                for dlon in (-1, 0, 1):
                    for other, weight, point in grid.get((lat + dlat, lon + dlon), ()):
                        if best.get(other, 0.0) >= weight or _same_name(key, other):
                            continue
                        if _km(entry, point) <= _NEAR_KM:
                            best[other] = weight
            if best:
                near[id(entry)] = sum(best.values())
    return near


def _held(
    mentions: list[Mention], candidates: list[list[Entry]], gazetteer: Gazetteer
) -> dict[int, float]:
    """For each town and county candidate, the evidence that the story names the county that
    holds the town, or a town the county holds: "Richmond" and "Madison County" pair only in
    Kentucky. Each pair of names counts by how many such pairs their senses make (one pair
    counts 1, four pairs 1/4 each). A county's bare name ("Licking" for Licking County) is
    evidence for its towns."""
    counties: dict[str, list[Entry]] = {}
    towns: dict[str, list[Entry]] = {}
    for mention, cands in zip(mentions, candidates, strict=True):
        if mention.source == "demonym" or mention.key in counties:
            continue
        counties[mention.key] = []
        for entry in cands:
            if entry.kind == "admin2":
                counties[mention.key].append(entry)
            elif entry.kind in ("city", "capital") and entry.admin2:
                towns.setdefault(mention.key, []).append(entry)
        if not counties[mention.key]:  # "Licking" for Licking County: evidence, no candidate
            for word in _COUNTY_WORDS:
                found = gazetteer.lookup_key(f"{mention.key} {word}")
                counties[mention.key].extend(e for e in found if e.kind == "admin2")
    held: dict[int, float] = defaultdict(float)
    if not towns:
        return held  # no town to pair with a county
    for county_key, county_entries in counties.items():
        if not county_entries:
            continue  # no county to hold a town
        by_county: dict[tuple[str | None, ...], Entry] = {
            (e.country, e.admin1, e.name): e for e in county_entries
        }
        for town_key, town_entries in towns.items():
            if _same_name(county_key, town_key):
                continue
            pairs = [
                (town, by_county[(town.country, town.admin1, town.admin2)])
                for town in town_entries
                if (town.country, town.admin1, town.admin2) in by_county
            ]
            for town, county in pairs:
                held[id(town)] += 1.0 / len(pairs)
                held[id(county)] += 1.0 / len(pairs)
    return held


def _same_name(key: str, other: str) -> bool:
    """One name is the other, or holds it ("dublin city" and "dublin"): no evidence of its own."""
    return f" {key} " in f" {other} " or f" {other} " in f" {key} "


def _cell(entry: Entry) -> tuple[int, int]:
    return math.floor(entry.lat), math.floor(entry.lon)


def _km(a: Entry, b: Entry) -> float:
    """Distance on the sphere (an equirectangular approximation: ample at this scale)."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)
