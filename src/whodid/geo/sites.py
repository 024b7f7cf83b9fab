"""Places the gazetteer lacks that a sentence still shows, for locating its events.

Villages, sites and facilities are often missing from the gazetteer and from the model's
place entities: a proper name right after "in", "at", "near" ("in Kfar Darom"), a facility
entity ("the Tabqa Dam"), a name a verb acting on places takes as its object ("stormed Kafr
Nabl", "Surif was encircled"), the name after a noun of a part of a place ("the outskirts of
X") or before a site word ("the Al-Dahr hill", "at Kalmando junction"), a name a place noun
announces ("the capital, X"), a town whose streets a possessive names ("X's streets"), and a
gazetteer town in any of these places however the model tags it ("captured Gulu"). They
become ``Unnamed`` places (no point, no country) for ``whodid.geo.location``; a facility is a
``Building``, which ranks below the town named beside it. Facility words live in
``data/geo/facility_words.tsv``.
"""

from __future__ import annotations

import functools
import re

from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Span, Token

from whodid.geo.gazetteer import _rows, default_gazetteer
from whodid.nlp.tree import entities_within, tree_of
from whodid.records import Place
from whodid.text.doctext import doc_text

__all__ = [
    "PEOPLE_TOO",
    "PLACE_OBJECT_VERBS",
    "Building",
    "Unnamed",
    "add_unknown_names",
    "facility_words",
]

# events whose object is a place where they happen: "rebels captured the town of X"
PLACE_OBJECT_VERBS = frozenset(
    {
        "capture",
        "seize",
        "storm",
        "enter",
        "attack",
        "target",
        "shell",
        "bomb",
        "destroy",
        "raid",
        "invade",
        "occupy",
        "besiege",
        "hit",
        "strike",
        "liberate",
        "overrun",
        "surround",
        "encircle",
        "bombard",
        "recapture",
        "retake",
        "reach",
        "host",
        "control",
        "rock",
        "shake",
        "ravage",
        "pound",
        "evacuate",
        "blockade",
        "infiltrate",
        "patrol",
        "visit",
        "tour",
        "flood",
        "loot",
    }
)
# verbs that take people as well as places: "captured Henao"
PEOPLE_TOO = frozenset({"capture", "seize", "hit", "strike", "target", "attack", "visit", "host"})


class Unnamed(Place):
    """A name the sentence shows as a place that neither the gazetteer nor a place word
    knows ("in Kfar Darom")."""

    __slots__ = ()


class Building(Unnamed):
    """A facility or institution the sentence shows as a place ("the Victoria Hotel",
    "Terminal 4"): its town, when named beside it, is the place to report."""

    __slots__ = ()


_OBJECTS = frozenset({"dobj", "nsubjpass"})  # "stormed Kafr Nabl", "Kafr Nabl was stormed"
# site words that name buildings, whose town is the place to report when it is named
_BUILDINGS = frozenset(
    {
        "hospital",
        "mosque",
        "church",
        "school",
        "college",
        "university",
        "palace",
        "prison",
        "station",
        "market",
        "stadium",
        "complex",
        "factory",
        "plant",
    }
)
# nouns of a part of a place: the name after their "of" is a place
_PARTS = frozenset(
    {
        "part",
        "parts",
        "outskirts",
        "streets",
        "centre",
        "center",
        "heart",
        "edge",
        "edges",
        "fringes",
        "vicinity",
        "countryside",
        "suburbs",
        "environs",
        "perimeter",
        "flank",
    }
)
# nouns of settlements whose apposition or "of" names them: "the capital, X", "the village of X"
_PLACE_NOUNS = frozenset(
    {"village", "villages", "town", "towns", "city", "capital", "township", "hometown"}
    | {"district", "neighbourhood", "neighborhood", "suburb", "hamlet", "settlement", "camp"}
    | {"port", "resort", "province", "region", "governorate", "county", "municipality"}
    | {"settlements", "locality", "localities", "area", "areas", "hill", "hills", "hilltop"}
    | {"slope", "slopes", "plain", "plains", "mountains", "heights"}
    | {"farms", "mountaintop", "stronghold", "strongholds", "neighbourhoods", "neighborhoods"}
    | {"provinces", "districts", "state", "campus"}
)
# and the prepositions of a way or a direction: "flew over Kidal", "marched through Kibera"
_MORE_PREPS = frozenset(
    {"over", "across", "through", "around", "along", "toward", "towards", "into"}
)
_CLOCK = frozenset({"a.m.", "p.m.", "am", "pm", "gmt", "utc"})  # "at 9 A.M.", "at 0650 GMT"
_CONTAINERS = frozenset({"country", "admin1", "region", "capital", "continent"})
_BIG_TOWN = 100_000
# the prepositions of a way that a named site may follow: "on X island", "along the X road"
_SITE_PREPS = _MORE_PREPS | {"on"}
# military sites whose one-word name may be a unit or a people's ("the Marine base")
_BASES = frozenset({"base", "bases", "airbase", "camp", "checkpoint"})
# plural place nouns whose names come joined before them: "Kuru and Dalwa villages"
_PLURAL_PLACES = frozenset(
    {"villages", "towns", "suburbs", "districts", "neighborhoods", "neighbourhoods"}
    | {"quarters", "camps", "areas", "hills", "settlements", "cities", "provinces"}
)
# going somewhere: the name after "to" is the place gone to ("marched to X")
_TOWARD = frozenset({"to", "toward", "towards"})
_GOING = frozenset({"march", "travel", "drive", "head", "advance", "return", "flee", "walk"})
# how far a place lies from another, written after its name: ", about 40 km north of"
_DISTANCE = re.compile(
    r",\s*(?:about|some|nearly|around|roughly|just)?\s*\d[\d,.]*\s*"
    r"(?:km|kilometers|kilometres|miles)\b"
)
_NAME_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
_FACILITIES = "facility_words.tsv"
_CACHE = "whodid.geo.unknown_names"  # Doc.user_data key: the candidates of each sentence
_NOT_FACILITY = frozenset({"PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL"})
_OBJECT_LABELS = frozenset({"FAC", "GPE", "LOC", "PERSON", ""})
_NAME_LABELS = frozenset({"FAC", "ORG", "PERSON", "LOC", "GPE", ""})
# labels the model gives to towns it does not know as places
_MISTAGGED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})


def add_unknown_names(sent: Span, by_token: dict[int, Place]) -> None:
    """Names the gazetteer lacks that the sentence still shows as places: facilities ("the
    Tabqa Dam"), and proper names right after "in", "at", "near" ("in Kfar Darom")."""
    doc = sent.doc
    text = doc_text(doc)
    for start, end, building in _unknown_names(sent):
        if any(i in by_token for i in range(start, end)):
            continue
        a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        place = (Building if building else Unnamed)(start=a, end=b, text=text[a:b])
        for i in range(start, end):
            by_token[i] = place


def _unknown_names(sent: Span) -> list[tuple[int, int, bool]]:
    """The token ranges of ``add_unknown_names``' candidates (and whether each is a
    building), found once per sentence: a Doc keeps them in ``user_data``."""
    cache = sent.doc.user_data.setdefault(_CACHE, {})
    found = cache.get(sent.start)
    if found is None:
        found = cache[sent.start] = _find_unknown_names(sent)
    return found


def _find_unknown_names(sent: Span) -> list[tuple[int, int, bool]]:
    doc = sent.doc
    ents = entities_within(doc, sent.start, sent.end)
    spans: list[tuple[int, int, bool]] = [
        (start, end, True) for start, end, label in ents if label == "FAC"
    ]
    tree = tree_of(doc)
    pos, tokens, facilities = tree.pos(), tree.tokens, facility_words()
    for i in range(sent.start, sent.end):
        if pos[i] != NOUN and pos[i] != PROPN:
            continue  # only nouns and names are looked at below
        token = tokens[i]
        if token.pos_ == "NOUN" and token.lower_ in _PLURAL_PLACES and _site_role(token):
            spans.extend(_coordinated_names(token))  # "raided X and Y villages"
        if token.pos_ == "NOUN" and token.lower_ in facilities and token.text.islower():
            site = _named_site(token)
            if site is not None:
                spans.append(site)
            continue
        if not (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.lower_ not in _CLOCK
            and (
                _after_preposition(token)
                or (token.dep_ in _OBJECTS and _object_name(token))
                or _named_by_place_noun(token)
                or _distance_after(token)
            )
        ):
            continue
        if token.ent_iob_ != "O":
            named = next((e for e in ents if e[0] <= token.i < e[1]), None)
            if named is None:
                continue
            start, end, building = named[0], named[1], named[2] == "FAC"
        else:
            start, end, building = token.i, token.i + 1, False
            while (
                start > sent.start
                and doc[start - 1].dep_ == "compound"
                and doc[start - 1].pos_ == "PROPN"
            ):
                start -= 1
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        if start < end:
            spans.append((start, end, building))
    return spans


def _site_role(token: Token) -> bool:
    """The noun is where an event may be: the object of a verb acting on places or the
    object of "in", "at", "near", "on", "along"..."""
    return (token.dep_ in _OBJECTS and token.head.lemma_.lower() in PLACE_OBJECT_VERBS) or (
        token.dep_ == "pobj"
        and (token.head.lower_ in _NAME_PREPS or token.head.lower_ in _SITE_PREPS)
    )


def _coordinated_names(token: Token) -> list[tuple[int, int, bool]]:
    """The names joined before a plural place noun, which the parser hangs on the noun as
    modifiers and conjuncts: "raided Kuru and Dalwa villages", "the X, Y and Z districts"."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return []  # "the rebel-held districts of X and Y": the names follow
    firsts = [
        c
        for c in token.children
        if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i < token.i
    ]
    names = []
    for first in firsts:
        joined = [c for c in first.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if joined:  # one name before the noun is ``_named_site``'s
            names += [first, *joined]
    spans = []
    for name in names:
        start = name.left_edge.i
        while start < name.i and not name.doc[start].text[:1].isupper():
            start += 1  # "the", "both"
        if name.text[:1].isupper() and name.ent_type_ not in _NOT_FACILITY - {"NORP"}:
            spans.append((start, name.i + 1, False))
    return spans


def _named_site(token: Token) -> tuple[int, int, bool] | None:
    """The name before a site word where the event may be: "captured the Al-Dahr hill",
    "at the Shifa hospital" (the words of the name, capitalised, right before it)."""
    if not _site_role(token):
        return None
    doc = token.doc
    before = _name_before(token)
    if before is None:
        return None
    start = before.left_edge.i
    while (
        start > 0
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN"
        and start <= doc[start - 1].head.i <= token.i
    ):
        start -= 1  # "the Ein el-Hilweh camp": "Ein" hangs on "camp"
    while start < before.i and not doc[start].text[:1].isupper():
        start += 1  # "the", "a", adjectives
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) and _container(
        doc[start : token.i].text
    ):
        return None  # "the Kano suburb of X": the name after "of" is the place
    if (
        before.ent_type_ in ("PERSON", "NORP")
        and start == before.i
        and (token.lower_ in _BUILDINGS or token.lower_ in _BASES or _demonym(before))
    ):
        return None  # "the Obama school", "a Kenyan village" (not "Tungan village")
    return start, before.i + 1, token.lower_ in _BUILDINGS


def _name_before(token: Token) -> Token | None:
    """The last word of the name before a site word, over common nouns between them that
    say what kind of site it is: "the Kalma refugee camp", "the Sufa border crossing"."""
    doc = token.doc
    heads = {token.i}
    i = token.i - 1
    while i >= 0 and doc[i].head.i in heads and (doc[i].dep_ == "compound" or i == token.i - 1):
        if doc[i].pos_ == "PROPN":
            return doc[i]
        if (
            doc[i].pos_ != "NOUN"
            or not doc[i].text.islower()
            or token.lower_ in _BUILDINGS
            or token.lower_ in _BASES - {"camp"}
        ):
            return None
        heads.add(i)
        i -= 1
    return None


def _container(name: str) -> bool:
    """A country, region or big town, which names the container of the place after "of"
    ("the Kano suburb of X"), not the place itself ("the Tungari district of Y")."""
    return any(
        e.kind in _CONTAINERS or e.population >= _BIG_TOWN for e in default_gazetteer().lookup(name)
    )


def _demonym(token: Token) -> bool:
    """The word is a people's name ("Kenyan")."""
    return "demonym" in {e.kind for e in default_gazetteer().lookup(token.text)}


def _named_by_place_noun(token: Token) -> bool:
    """A name a place noun announces: "the capital, Kaya", "the township of X", or
    whose part it names: "Gulu's streets", "X's business district"."""
    noun = token.head
    if token.dep_ == "poss":
        return (
            noun.text.islower()
            and (noun.lower_ in _PARTS or noun.lower_ in ("district", "city"))
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
            and token.ent_type_ in _NAME_LABELS
            and (token.ent_type_ in ("GPE", "LOC", "FAC", "") or _known_town(token))
        )
    if any(_place_noun(c) for c in token.children if c.dep_ == "appos"):
        return True  # "Knin, the rebel stronghold", "X, a village in the north"
    if token.dep_ == "pobj" and noun.lower_ == "of":
        noun = noun.head
    elif token.dep_ != "appos":
        return False
    return noun.pos_ == "NOUN" and noun.text.islower() and noun.lower_ in _PLACE_NOUNS


def _place_noun(noun: Token) -> bool:
    """A lowercase noun of a settlement or a place: "a village", "the stronghold"."""
    return noun.pos_ == "NOUN" and noun.text.islower() and noun.lower_ in _PLACE_NOUNS


def _distance_after(token: Token) -> bool:
    """A name followed by how far it lies from another: "X, about 40 km north of Y"."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and doc[end].dep_ == "compound" and doc[end].pos_ == "PROPN":
        end += 1
    if end >= len(doc) or doc[end].text != ",":
        return False
    after = doc_text(doc)[doc[end].idx : doc[end].idx + 40]
    return _DISTANCE.match(after) is not None


def _after_preposition(token: Token) -> bool:
    """A name right after "in", "at", "near"…: "in Kfar Darom" (not "outside the Kremlin")."""
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lower_ in _PARTS
        and token.ent_type_ in _NAME_LABELS
    ):
        return True  # "the outskirts of Kfar Zeita", "a part of the Kodori Gorge"
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in _TOWARD
        and token.head.head.lemma_.lower() in _GOING
        and (
            token.ent_type_ in ("PERSON", "LOC", "FAC")
            or (token.ent_type_ in _MISTAGGED and _known_town(token))
        )
    ):
        return True  # "marched to Kfar Zeita": where a march or a convoy went
    if not (
        token.dep_ == "pobj"
        and (token.head.lower_ in _NAME_PREPS or token.head.lower_ in _SITE_PREPS)
    ):
        return False
    if token.ent_type_ in _MISTAGGED and _known_town(token):
        return True  # "outside Lyon", "on Manbij", tagged an organisation or a product
    return (
        token.ent_type_ in _NAME_LABELS
        and not (token.ent_type_ == "ORG" and token.head.lower_ == "outside")
        and not (
            token.ent_type_ == "ORG"
            and token.head.lower_ == "on"
            and token.lower_ not in facility_words()
        )  # "an assault on the Syrian Army", not "on the X Street"
    )


def _object_name(token: Token) -> bool:
    """A name that a verb acting on places takes as its object is a place: "stormed Kafr
    Nabl", "captured the Qasr Dam" (not "captured Henao", "targeted the Syrian Army")."""
    verb = token.head.lemma_.lower()
    if verb not in PLACE_OBJECT_VERBS:
        return False
    if token.lower_ in facility_words() and token.ent_type_ not in _NOT_FACILITY:
        return True
    if (token.ent_type_ != "PERSON" or verb not in PEOPLE_TOO) and _known_town(token):
        return True  # "patrolled Katmandu", "captured Gulu", tagged otherwise than a place
    if token.ent_type_ not in _OBJECT_LABELS:
        return False
    return verb not in PEOPLE_TOO or token.ent_type_ in ("FAC", "GPE", "LOC")


def _known_town(token: Token) -> bool:
    """The name that ends with ``token`` is a town of the gazetteer (not also a people's
    name, as "Canadian" is)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
        start -= 1
    kinds = {e.kind for e in default_gazetteer().lookup(doc[start : token.i + 1].text)}
    return bool(kinds & {"city", "capital"}) and "demonym" not in kinds


@functools.cache
def facility_words() -> frozenset[str]:
    """Words ending a facility's or site's name (``data/geo/facility_words.tsv``)."""
    return frozenset(word.lower() for _, (word, _verb, _example) in _rows(_FACILITIES, columns=3))
