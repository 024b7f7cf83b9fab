"""Event location: the place where THAT event happened, read from the dependency parse.

"Gunmen killed five people in Sinaloa" -> Sinaloa (a locative phrase on the trigger); "at his
residence in Mexico City" -> Mexico City (the most specific place inside the phrase); "was shot
and killed in a camp near Nablus" -> Nablus (conjoined verbs share the phrase); a place named
only as a nationality ("a Kenyan officer") or as where someone comes from is no location.
Failing a phrase on the trigger: the doers' place, a circumstance clause's, or a place phrase
inside one of the trigger's phrases ("shot by gunmen in Peshawar"); never one inside a
relative or reported clause ("the rebels, who trained in Libya, were arrested"). A name the
gazetteer lacks, announced in the phrase ("the village of X near Mosul"), counts as the most
specific place.
Of several phrases, a town wins over the country of another ("In Lebanon, they marched to
offices in Beirut"); a place its possessor holds wins over the possessor ("Baghdad's Sadr City
neighbourhood"); a country named as a nationality ("near a U.S. patrol") and an object's origin
("captured the ridge from Syria") are no places of the event.
Names neither the gazetteer nor a place cue knows but the sentence shows as places ("in Kfar
Darom", "stormed the Qasr Dam") come from ``whodid.geo.sites``. A verb in a sense that names no
event ("captured the title", "prices shot up") has no place (``data/geo/no_event_senses.tsv``).
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Words

from whodid.geo.extent import tidy_extent
from whodid.geo.gazetteer import GazetteerError, _rows, default_gazetteer
from whodid.geo.sites import (
    PEOPLE_TOO,
    PLACE_OBJECT_VERBS,
    Building,
    Unnamed,
    add_unknown_names,
    facility_words,
)
from whodid.nlp.tree import children, sentence_of
from whodid.records import Event, Located, Place, Span
from whodid.text.doctext import doc_text

__all__ = ["event_location", "locate_events", "locate_words"]

_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "around",
        "throughout",
        "within",
        "along",
        "off",
        "on",
        "into",
        "onto",
        "over",
        "through",
        "nearby",
        "beside",
        "between",
        "among",
        "toward",
        "towards",
        "to",
        "from",
    }
)
# prepositions of an occasion whose own place is the event's: "during a visit to", "at a rally in"
_OCCASION = frozenset({"during", "at", "amid", "after"})
# events of moving whose destination is where they happen: "marched to X", "deployed to X"
_MOVING = frozenset(
    {"march", "travel", "deploy", "send", "dispatch", "move", "advance", "flee", "return", "drive"}
)
# prepositions that name a place only when the event moves or is aimed there
_MOTION = frozenset({"to", "into", "toward", "towards", "from", "onto"})
_CLIMB = frozenset(
    {"conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "dobj", "pobj", "prep", "agent", "amod"}
)
_ON_FEATURES = frozenset(
    {"city", "other", "admin2"}
)  # "on the Gaza border", not "sanctions on Iran"
_LOCAL_FORCES = frozenset({"police", "policeman", "policemen", "officer", "officers"})
_PROTESTS = frozenset({"demonstrate", "protest", "march", "rally"})
# nouns that make "in" part of a compound preposition, naming no place
_IN_WORDS = frozenset(
    {"addition", "response", "retaliation", "protest", "support", "connection", "wake"}
    | {"effort", "memory", "solidarity", "reaction", "return", "exchange", "defiance"}
    | {"violation", "spite", "light", "view", "honor", "honour", "revenge"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SUBJECT_PLACE = frozenset({"in", "at", "inside", "near"})
# settlements and their parts, singular and plural: the nouns the place sets below share
_SETTLEMENTS = frozenset(
    {"village", "villages", "town", "towns", "city", "cities", "district", "districts"}
    | {"neighbourhood", "neighborhood", "suburb", "suburbs"}
)
# "of" names the doers' place after these nouns: "residents of X marched", "the outskirts of X"
_OF_PLACE = _SETTLEMENTS | {
    "residents",
    "inhabitants",
    "villagers",
    "people",
    "citizens",
    "areas",
    "area",
    "parts",
    "part",
    "streets",
    "centre",
    "center",
    "outskirts",
    "province",
    "region",
    "countryside",
    "capital",
    "camp",
    "port",
    "island",
}
# the trigger's phrases that may hold a place phrase of their own: "shot by a hit team in X",
# "captured with explosives in X", "began an operation to retake land in X"
_NESTING = frozenset({"prep", "agent", "dobj", "nsubjpass", "attr", "xcomp", "npadvmod"})
_NESTED_PLACE = frozenset({"in", "at", "inside", "near", "outside"})
# phrases of the source, the reason, the topic, the time or an example: their places are not
# the event's ("killed since the start of the war in X", "protested against a plan in X")
_NOT_NESTING = frozenset(
    {"according", "for", "about", "over", "regarding", "concerning", "of", "since", "including"}
    | {"against"}
)
# clauses hanging on the trigger that say when, how or while it happened
_CIRCUMSTANCE = frozenset({"advcl", "conj"})
_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "parataxis", "csubj"})
# place nouns whose "of" names a place inside the town named before them
_WITHIN = frozenset(
    {
        "neighbourhood",
        "neighborhood",
        "suburb",
        "district",
        "quarter",
        "city",
        "town",
        "village",
        "port",
        "area",
        "township",
        "enclave",
        "camp",
    }
)
# place nouns whose "of" phrase names them: "the town of X", "the settlements of X and Y"
_OF_NAMES = _SETTLEMENTS | {
    "settlement",
    "settlements",
    "province",
    "governorate",
    "region",
    "island",
    "islands",
    "port",
    "camp",
    "enclave",
    "municipality",
    "hamlet",
    "capital",
    "localities",
    "locality",
    "hill",
    "hilltop",
}
# the parts of a place whose "of" names it, for the verbs acting on places: "stormed the
# eastern perimeter of X", "entered the outskirts of X"
_EDGES = frozenset(
    {"outskirts", "perimeter", "flank", "flanks", "edge", "edges", "fringes", "entrance"}
    | {"gates", "heart", "centre", "center", "part", "parts", "side", "approaches"}
)
# place nouns a name before them names: "the Aziziyah district", "Sontyo village"
_NAMED_BEFORE = _OF_NAMES | {"area", "quarter", "areas", "sub-district", "subdistrict"}
_MODIFIER = frozenset({"compound", "amod", "poss", "nmod"})
# nouns a place name qualifies without being where things happen there
_NOT_A_SITE = frozenset(
    {"war", "conflict", "crisis", "revolution", "uprising", "embassy", "consulate", "mission"}
)
# verbs of setting out to do something, whose purpose names the event's target
_UNDERTAKINGS = frozenset(
    {"launch", "begin", "start", "manage", "try", "attempt", "seek", "resume", "mount"}
    | {"continue", "kick", "initiate", "fail"}
)
_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december", "jan", "feb", "aug", "sept", "oct"}
    | {"nov", "dec"}
)
_OCCURRING = frozenset({"occur", "happen", "erupt", "unfold"})
# site words whose name gives way to the town its "in" phrase names
_SITE_HEADS = frozenset({"office", "offices", "ministry", "zone", "hotel", "headquarters"})
# facility words that name a settlement, a region or a natural feature, which stays the place
_SETTLEMENT_HEADS = (
    _NAMED_BEFORE
    | _WITHIN
    | {"coast", "valley", "peninsula", "island", "mountain", "mountains", "hills"}
    | {"forest", "forests", "fields"}
)
# the people of a place, whose town a name before them gives: "Basra protesters"
_TOWNSPEOPLE = frozenset(
    {"residents", "villagers", "inhabitants", "protesters", "protestors", "demonstrators"}
    | {"townspeople", "locals", "farmers", "students", "workers", "marchers"}
)
# verbs of going somewhere or leaving it: "as he left a X mosque", "walking from a Y cinema"
_GOING = frozenset(
    {"leave", "enter", "exit", "walk", "step", "drive", "ride", "travel", "head", "arrive"}
    | {"return", "flee", "pass", "approach", "go", "come"}
)
_REPORTING = frozenset({"say", "tell", "report", "add", "confirm"})
_TOWARD = frozenset({"to", "into", "toward", "towards"})
_SENSE_ROLES = ("object", "subject", "phrase")
_SPECIFIC = {"city": 0, "other": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5, None: 0}
_BUILDING_RANK = 2.5
_SITE_WORDS = _OF_PLACE | {
    "border",
    "coast",
    "embassy",
    "consulate",
    "base",
    "bases",
    "side",
    "frontier",
}
# phrases of an object that say where it comes from or what it is for, not where it is:
# "captured the sector from Jordan", "captured the envoy for Asia"
_ORIGIN = frozenset({"from", "for", "between", "with"})
# a phrase naming the two sides of a line or a zone, not where the event is: "the zone
# between X and Y", "a raid between X and Y"
_SIDES = frozenset({"between"})
# "on" names a place after these nouns: "on the island of X", "on the outskirts of X"
_ON_NOUNS = _OF_NAMES | {
    "outskirts",
    "edge",
    "border",
    "coast",
    "road",
    "highway",
    "street",
    "bank",
    "side",
    "shore",
    "frontline",
    "front",
}
# attacks whose "on" phrase is where they struck: "an assault on the village of X"
_ASSAULTS = frozenset(
    {"attack", "assault", "offensive", "raid", "strike", "airstrike", "bombardment"}
    | {"shelling", "push", "advance", "counteroffensive", "counter-offensive", "counterattack"}
    | {"counter-attack", "onslaught", "incursion", "operation"}
)


def _places_by_token(trigger: Token, places: list[Place]) -> dict[int, Place]:
    sent = sentence_of(trigger)
    by_token: dict[int, Place] = {}
    for place, root, start, end in _sentence_places(sent, places):
        if place.feature == "country" and _as_nationality(root, trigger):
            continue
        for i in range(start, end):
            by_token[i] = place
    add_unknown_names(sent, by_token)
    doc = trigger.doc
    for place in {id(p): p for p in by_token.values()}.values():
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and _aged(span):
            for token in span:
                del by_token[token.i]
    return by_token


_PlaceWords = tuple[Place, Token, int, int]  # a place, its words' root, start and end
# the places of the sentences of one Doc (the last asked about): (Doc, places, its length,
# sentence start -> the sentence's places)
_SENTENCE_PLACES: list[tuple[Doc, list[Place], int, dict[int, list[_PlaceWords]]]] = []


def _sentence_places(sent: Words, places: list[Place]) -> list[_PlaceWords]:
    """The places in the sentence that may say where its events happened, in order, with
    their tokens: worked out once per sentence (its events ask in turn); only the test that
    depends on the trigger (a country named as a nationality) is left to each event."""
    doc = sent.doc
    slot = _SENTENCE_PLACES[0] if _SENTENCE_PLACES else None  # read once: threads swap it
    if slot is None or slot[0] is not doc or slot[1] is not places or slot[2] != len(places):
        slot = (doc, places, len(places), {})
        _SENTENCE_PLACES[:] = [slot]
    known = slot[3]
    found = known.get(sent.start)
    if found is None:
        found = known[sent.start] = _find_sentence_places(sent, places)
    return found


def _find_sentence_places(sent: Words, places: list[Place]) -> list[_PlaceWords]:
    doc = sent.doc
    found = []
    for place in places:
        if place.end <= sent.start_char or place.start >= sent.end_char:
            continue
        if place.feature == "country" and _is_demonym(place):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or _names_no_site(span.root):
            continue
        found.append((place, span.root, span.start, span.end))
    return found


def _aged(name: Words) -> bool:
    """A name followed by an age is a person's: "Okello, 39, was captured", "Okello, now 21,"."""
    doc = name.doc
    i = name.end
    if i + 2 >= len(doc) or doc[i].text != ",":
        return False
    if doc[i + 1].lower_ == "now":
        i += 1
    age = doc[i + 1]
    return age.text.isdigit() and int(age.text) < 120 and doc[i + 2].text == ","


def _names_no_site(token: Token) -> bool:
    """A place that only qualifies a war or an embassy does not say where an event happened:
    "killed in the 1967 Mideast war", "a guard at the U.S. Embassy"."""
    for _ in range(3):  # "the Iran-Iraq war": through the names it is joined to
        if token.dep_ in _MODIFIER and token.head.lemma_.lower() in _NOT_A_SITE:
            return True
        if token.dep_ != "compound" or token.head.pos_ != "PROPN":
            return False
        token = token.head
    return False


def _as_nationality(token: Token, trigger: Token) -> bool:
    """A country named before a common noun as its nationality: "a U.S. patrol", "the
    US-run prison", "Iraq's army" is no place of the event; "the Iraq border" is a site."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "npadvmod")
        and head.pos_ in ("NOUN", "VERB", "ADJ")
        and head.text.islower()
        and head.lower_ not in _SITE_WORDS
        and head.i != trigger.i  # "rebels in northeast China patrol" parsed as a noun
    )


def _is_demonym(place: Place) -> bool:
    """ "Kenyan" in "a Kenyan officer" names a nationality, not where something happened."""
    kinds = {e.kind for e in default_gazetteer().lookup(place.text)}
    return "demonym" in kinds and "country" not in kinds


def _phrase(head: Token, skip: frozenset[str] = frozenset()) -> list[Token]:
    """The words of a phrase without the clauses inside it: "in a swap in which Israel freed
    prisoners" is about the swap, not Israel. ``skip``: prepositions whose phrases are left
    out too."""
    words = [head]
    for child in children(head):
        if child.dep_ not in _CLAUSES and not (child.dep_ == "prep" and child.lower_ in skip):
            words.extend(_phrase(child, skip))
    return words


def _rank(token: Token, place: Place, by_token: dict[int, Place]) -> tuple[float, int]:
    """How specific a place is, then where it stands. A town named before a place noun that
    announces another name is that name's container: "the Sarajevo neighbourhood of
    Dobrinja", "Baghdad's northern district of Baiyaa" (not "the Zafaraniyah district of
    southern Baghdad", where the name after "of" is the container)."""
    rank = _BUILDING_RANK if isinstance(place, Building) else _SPECIFIC.get(place.feature, 6)
    if place.feature is None and rank < _BUILDING_RANK and _site_in_town(token, by_token):
        rank = _BUILDING_RANK  # "on the X Street in Baghdad", "outside the Y Office in Z"
    noun = token.head
    if (
        place.feature is not None
        and token.dep_ in ("compound", "poss")
        and noun.lower_ in _WITHIN
        and noun.text.islower()
    ):
        for prep in children(noun):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for name in children(prep):
                    if (
                        name.dep_ == "pobj"
                        and name.i in by_token
                        and not any(c.dep_ == "amod" for c in children(name))
                    ):
                        rank = _SPECIFIC["country"] + 1
    if (
        token.dep_ in ("poss", "compound")
        and noun.lower_ in _WITHIN
        and noun.i not in by_token
        and any(
            c.i in by_token and by_token[c.i] is not place
            for c in children(noun)
            if c.dep_ in ("compound", "amod", "nmod")
        )
    ):  # "Guangdong's Sanshangang township": the possessor holds the township
        rank = _SPECIFIC["country"] + 1
    elif (
        token.dep_ == "poss"
        and noun.i in by_token
        and by_token[noun.i] is not place
        and not isinstance(by_token[noun.i], Building)
    ):
        rank = _SPECIFIC["country"] + 1  # "Jerusalem's Old City", "Baghdad's Green Zone"
    return rank, place.start


def _site_in_town(token: Token, by_token: dict[int, Place]) -> bool:
    """The name is a site's (a street, a market, an office: not a settlement) whose own "in"
    phrase names the town it stands in, which is the place to report."""
    head = token.head if token.dep_ == "compound" else token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    if head.lower_ not in _SITE_HEADS and not (
        head.lower_ in facility_words() and head.lower_ not in _SETTLEMENT_HEADS
    ):
        return False
    return any(
        by_token.get(t.i) is not None and by_token[t.i].feature in ("city", "admin2")
        for prep in children(head)
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for t in _phrase(prep)
    )


def _a_side(token: Token) -> bool:
    """A name of one side of a line or a zone, not where the event is: "the zone between X
    and Y", "a raid between X and Y" (a phrase below them still counts: "a clash between
    police and protesters on the outskirts of Z")."""
    while token.head.i != token.i and token.dep_ != "prep":
        token = token.head
    return token.dep_ == "prep" and token.lower_ in _SIDES


def _inside_name(token: Token, place: Place, by_token: dict[int, Place]) -> bool:
    """A word of a place name that hangs on another word of it ("Guangdong" of "Guangdong
    province"): the name is ranked by its head word, as the phrase it stands in places it."""
    return token.head.i != token.i and by_token.get(token.head.i) is place


def _in_phrase(prep: Token, by_token: dict[int, Place]) -> Place | None:
    """The most specific place inside a prepositional phrase (first when equal)."""
    best: tuple[float, int, Place] | None = None
    for token in _phrase(prep):
        place = by_token.get(token.i)
        if place is None or _inside_name(token, place, by_token) or _a_side(token):
            continue
        rank = _rank(token, place, by_token)
        if best is None or rank < best[:2]:
            best = (*rank, place)
    return best[2] if best else None


def _from_children(token: Token, by_token: dict[int, Place], *, motion: bool) -> Place | None:
    """The place of the token's locative phrases; of several, a town before the country or
    region around it ("In neighbouring Lebanon, thousands marched to offices in Beirut")."""
    best: Place | None = None
    for child in children(token):
        if child.dep_ in ("prep", "agent") and child.lower_ in _LOCATIVE:
            if child.lower_ in _MOTION and not motion:
                continue
            if _compound_preposition(child):
                continue  # "in addition to its advance in X", "in response to attacks in X"
            found = _in_phrase(child, by_token)
            if found is not None and child.lower_ == "in":
                found = _held_before(child, found, by_token) or found
            if (
                found is not None
                and (child.lower_ != "on" or _on_place(child, found))
                and (best is None or _narrower(child, found, best))
            ):
                best = found
    return best


def _held_before(prep: Token, found: Place, by_token: dict[int, Place]) -> Place | None:
    """The place of a phrase ("in", "near", "at"...) that ends right before this "in" phrase of
    the verb, which the parser hung on the verb though it names what holds that place: "left
    a mosque in X village in Y province" -> X, "the mine near X village in the Y area" -> X."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    while before.i != prep.head.i and before.head.i != before.i:
        if before.dep_ == "pobj" and before.head.lower_ in _NESTED_PLACE and before.head.i < prep.i:
            held = _in_phrase(before.head, by_token)
            if held is not None and held is not found and _rank_of(held) <= _rank_of(found):
                return held
            return None
        before = before.head
    return None


def _rank_of(place: Place) -> float:
    return _BUILDING_RANK if isinstance(place, Building) else _SPECIFIC.get(place.feature, 6)


def _compound_preposition(prep: Token) -> bool:
    """ "in" as part of "in addition to", "in response to", "in the wake of": the phrase
    names no place of the event (a place inside it may still be found as a nested one)."""
    return prep.lower_ == "in" and any(
        c.dep_ == "pobj" and c.lower_ in _IN_WORDS for c in children(prep)
    )


def _narrower(prep: Token, found: Place, best: Place) -> bool:
    """A town in a later phrase is where the event happened rather than the country or
    region of an earlier one (not a building, nor a place it was aimed at or crossed)."""
    return (
        prep.lower_ not in ("on", "toward", "towards", "across")
        and _SPECIFIC.get(found.feature, 6) < _SPECIFIC.get(best.feature, 6)
        and not isinstance(found, Building)
    )


def _on_place(prep: Token, found: Place) -> bool:
    """ "on" names a place for a town or a site ("on the Gaza border", "on the island of X",
    "an assault on Qabasin"), not for a country's policy ("sanctions on Iran")."""
    if found.feature in _ON_FEATURES:
        return True
    return prep.head.lemma_.lower() in _ASSAULTS | _PROTESTS or any(
        c.dep_ == "pobj" and c.lower_ in _ON_NOUNS for c in children(prep)
    )


def _object_place(
    token: Token, by_token: dict[int, Place], *, itself: bool = False
) -> Place | None:
    """The place an event acts on: "captured Zaire", "stormed the village of Mainok",
    "Utah Beach was captured". ``itself``: only an object that is the place, not a place
    somewhere in its phrase ("captured the town of X", not "captured a man from X")."""
    if token.lemma_.lower() not in PLACE_OBJECT_VERBS:
        return None
    objects = [c for c in children(token) if c.dep_ in ("dobj", "nsubjpass")]
    if (
        not objects
        and itself
        and (
            token.dep_ in ("relcl", "acl")
            or (token.dep_ == "amod" and token.pos_ == "VERB" and token.i < token.head.i)
        )
        and token.head.pos_ in ("NOUN", "PROPN")
    ):  # "the town they entered", "Kidal, captured in March", "patrolling X" as a modifier
        objects = [token.head]
    if not objects and itself:  # "captured and annexed East Jerusalem": the shared object
        objects = [
            o
            for c in children(token)
            if c.dep_ == "conj" and c.pos_ == "VERB"
            for o in children(c)
            if o.dep_ == "dobj"
        ][:1]
    if not objects and itself:  # "patrolled Bamako Saturday", parsed as one date phrase
        dated = [
            c
            for d in children(token)
            if d.dep_ == "npadvmod" and d.ent_type_ in ("DATE", "TIME")
            for c in children(d)
            if c.dep_ == "compound" and c.i in by_token
        ]
        if dated:
            return by_token[dated[0].i]
    for child in objects:
        best: tuple[float, int, Place] | None = None
        skip = _ORIGIN | {"of"} if child.ent_type_ == "PERSON" else _ORIGIN
        named = token.lemma_.lower() not in PEOPLE_TOO  # "stormed Najarah", however tagged
        for sub in _name_words(child, named=named) if itself else _phrase(child, skip=skip):
            place = by_token.get(sub.i)
            if (
                place is not None
                and not (
                    itself
                    and isinstance(place, Unnamed)
                    and not _named_before(sub)
                    and (token.lemma_.lower() in PEOPLE_TOO or sub.text.isupper())
                )
                and (itself or not _inside_name(sub, place, by_token))
            ):
                rank = _rank(sub, place, by_token)
                if best is None or rank < best[:2]:
                    best = (*rank, place)
        if best is not None:
            return best[2]
    return None


def _passive_name(token: Token, place: Place) -> bool:
    """A bare name that the passive of a verb taking people too has as subject: "Okoro was
    captured in Kaduna" (a man, however tagged) gives way to the verb's own phrase."""
    return token.lemma_.lower() in PEOPLE_TOO and any(
        c.dep_ == "nsubjpass" and c.pos_ == "PROPN" and place.start <= c.idx < place.end
        for c in children(token)
    )


def _named_before(token: Token) -> bool:
    """A name right before a place noun it names: "the Aziziyah district", "Sontyo village"."""
    return token.dep_ == "compound" and token.head.lower_ in _NAMED_BEFORE


def _name_words(head: Token, *, named: bool = False) -> list[Token]:
    """The words of a noun phrase that can name it as a place: its head, names joined to it,
    and the name a place noun announces ("the town of X"); not its other phrases, and not a
    person's name ("captured Henao") unless a place noun announces it."""
    words = [head] if named or head.ent_type_ != "PERSON" else []
    for child in children(head):
        if child.pos_ == "PROPN" and _named_before(child):
            words.append(child)  # "shelled the Aziziyah district"
        elif child.dep_ in ("appos", "conj"):
            words.extend(_name_words(child, named=named))
        elif child.dep_ == "prep" and child.lower_ == "of" and head.lower_ in _OF_NAMES | _EDGES:
            for name in children(child):
                if name.dep_ == "pobj":
                    words.extend(_name_words(name, named=True))
    return words


def _purposes(token: Token) -> list[Token]:
    """The verbs of what an undertaking sets out to do: "managed to retake X", "launched an
    offensive to recapture the village of X", "began an operation to capture X"."""
    if token.lemma_.lower() not in _UNDERTAKINGS:
        return []
    verbs: list[Token] = []
    for child in children(token):
        heads = [child] if child.dep_ in ("xcomp", "advcl") else []
        if child.dep_ == "dobj":
            heads = [c for c in children(child) if c.dep_ in ("acl", "relcl")]
        verbs.extend(
            v
            for v in heads
            if v.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(v))
        )
    return verbs


def _attached(token: Token, by_token: dict[int, Place]) -> Place | None:
    # an object that is itself a place comes first: "captured East Jerusalem in the 1967 war"
    itself = _object_place(token, by_token, itself=True)
    for purpose in _purposes(token):  # "launched an offensive to recapture X"
        itself = (
            itself
            or _object_place(purpose, by_token, itself=True)
            or _object_place(purpose, by_token)
        )
    if itself is not None and not _passive_name(token, itself):
        return itself
    found = _from_children(token, by_token, motion=token.lemma_.lower() in _MOVING)
    if found is not None:
        return found
    if itself is not None:
        return itself
    found = _object_place(token, by_token)
    if found is not None:
        return found
    for child in children(token):
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            found = _from_children(child, by_token, motion=False)
            if found is not None:
                return found
    for child in children(token):  # the object's own phrase: "hit a bus in Donetsk"
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            found = _from_children(child, by_token, motion=False)
            if found is not None:
                return found
    for child in children(token):  # the occasion's place: "said during a press conference at ..."
        if child.dep_ == "prep" and child.lower_ in _OCCASION:
            for occasion in children(child):
                if occasion.dep_ == "pobj":
                    found = _from_children(occasion, by_token, motion=False)
                    if found is not None:
                        return found
    return None


def _subject_place(token: Token, by_token: dict[int, Place]) -> Place | None:
    """The place of the event's doers: "residents in Gaza marched", "students at X protested"."""
    for child in children(token):
        if child.dep_ in _SUBJECTS:
            for prep in _phrase(child):
                if prep.dep_ == "prep" and (
                    prep.lower_ in _SUBJECT_PLACE
                    or (prep.lower_ == "of" and prep.head.text in _OF_PLACE)
                    or (prep.lower_ in ("on", "over") and prep.head.lemma_.lower() in _ASSAULTS)
                ):
                    found = _in_phrase(prep, by_token)
                    if found is not None:
                        return found
    return None


def _local_force(token: Token, by_token: dict[int, Place]) -> Place | None:
    """The town of a town's police acting: "Nairobi police shot a man", "a man was shot by
    Lagos police"."""
    doers = [c for c in children(token) if c.dep_ == "nsubj"] + [
        p for c in children(token) if c.dep_ == "agent" for p in children(c) if p.dep_ == "pobj"
    ]
    for doer in doers:
        if doer.lemma_.lower() in _LOCAL_FORCES:
            for c in children(doer):
                place = by_token.get(c.i)
                if (
                    c.dep_ == "compound"
                    and place is not None
                    and place.feature in ("city", "admin2")
                    and c.ent_type_ != "ORG"  # "U.N. police"
                ):
                    return place
    return None


def _doers_town(token: Token, by_token: dict[int, Place]) -> Place | None:
    """The town named before the event's doers when they are its people: "Basra protesters
    marched", "angry Kandahar residents demonstrated"."""
    for doer in children(token):
        if doer.dep_ == "nsubj" and doer.lower_ in _TOWNSPEOPLE:
            for c in children(doer):
                place = by_token.get(c.i)
                if c.dep_ == "compound" and place is not None and place.feature != "country":
                    return place
    return None


def _in_clause(token: Token, by_token: dict[int, Place]) -> Place | None:
    """A place phrase of a clause that tells the event's circumstances: "was shot as he left
    his home in Baghdad", "killed when a bomb hit their bus in Iskandariyah"."""
    for child in _clauses(token):
        found = _object_place(child, by_token, itself=True)
        if found is None:
            found = _from_children(child, by_token, motion=False)
        if found is None:
            found = _object_phrase(child, by_token)
        if found is None and child.lemma_.lower() in _GOING:
            found = _way_place(child, by_token)
        if found is not None:
            return found
    return None


def _while_or_after(verb: Token) -> bool:
    """The clause says when the event befell someone: "as he drove to X", "after going to
    X" (not a next step: "were captured, driven to X and released")."""
    return verb.dep_ == "pcomp" or any(c.dep_ == "mark" for c in children(verb))


def _way_place(verb: Token, by_token: dict[int, Place]) -> Place | None:
    """Where someone was going or leaving when the event befell him, named before the
    building: "as he left a Tikrit mosque", "while walking home from a Lyon cinema"."""
    for child in children(verb):
        if child.dep_ == "prep" and child.lower_ in _TOWARD and _while_or_after(verb):
            found = _in_phrase(child, by_token)  # "after going to the town of X"
            if found is not None:
                return found
        heads = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
            heads = [c for c in children(child) if c.dep_ == "pobj"]
        for head in heads:
            for word in children(head):
                place = by_token.get(word.i)
                if (
                    word.dep_ in ("compound", "poss")
                    and place is not None
                    and place.feature in ("city", "admin2", "other")
                ):
                    return place
    return None


def _clauses(token: Token) -> list[Token]:
    """The verbs of the clauses that tell how the event happened: "when they overran X",
    "began the assault by storming X"."""
    verbs = []
    for child in children(token):
        if child.dep_ in _CIRCUMSTANCE and child.pos_ in ("VERB", "AUX"):
            verbs.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("by", "upon", "after", "on", "while"):
            verbs.extend(c for c in children(child) if c.dep_ == "pcomp" and c.pos_ == "VERB")
        elif child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            verbs.extend(  # "killed Monday, when rebels shelled X": the clause hangs on the day
                c
                for c in children(child)
                if c.dep_ == "relcl" and any(w.lower_ == "when" for w in children(c))
            )
    return verbs


def _nested(token: Token, by_token: dict[int, Place]) -> Place | None:
    """A place phrase inside one of the trigger's own phrases, first in the sentence: "was
    shot dead by gunmen in Peshawar", "were caught with stolen cars in Antwerp"; of a
    protest, the "in" phrase of what it is against or for ("marched against the tax in X")."""
    for child in children(token):
        if child.lower_ in ("against", "for") and token.lemma_.lower() in _PROTESTS:
            for pobj in children(child):
                for sub in children(pobj):
                    if sub.dep_ == "prep" and sub.lower_ == "in":
                        found = _in_phrase(sub, by_token)
                        if found is not None:
                            return found
        if child.dep_ not in _NESTING or child.lower_ in _MOTION or child.lower_ in _NOT_NESTING:
            continue  # "according to witnesses in X", "blamed for the wars in X"
        for sub in _phrase(child):
            if sub.dep_ == "prep" and sub.lower_ in _NESTED_PLACE and sub.i != child.i:
                found = _in_phrase(sub, by_token)
                if found is not None:
                    return found
    return None


def _where_it_took_place(token: Token, by_token: dict[int, Place]) -> Place | None:
    """The place a relative clause gives to the trigger's occasion or doer: "killed during
    clashes, which took place in X", "the blast, which occurred near X, destroyed"."""
    nouns = [c for c in children(token) if c.dep_ in _SUBJECTS or c.dep_ == "dobj"]
    nouns += [
        p
        for c in children(token)
        if c.dep_ == "prep" and c.lower_ in _OCCASION | {"in"}
        for p in children(c)
        if p.dep_ == "pobj"
    ]
    for noun in nouns:
        for clause in children(noun):
            if clause.dep_ == "relcl" and _occurs(clause):
                found = _from_children(clause, by_token, motion=False)
                if found is not None:
                    return found
    return None


def _occurs(verb: Token) -> bool:
    """ "occurred", "happened", "erupted", "took place"."""
    lemma = verb.lemma_.lower()
    return lemma in _OCCURRING or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in children(verb))
    )


def _object_phrase(token: Token, by_token: dict[int, Place]) -> Place | None:
    for child in children(token):
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            found = _from_children(child, by_token, motion=False)
            if found is not None:
                return found
    return None


def _no_event_sense(trigger: Token) -> bool:
    """The verb names no event: "captured the title", "cameras captured the scene", "prices
    shot up" (``data/geo/no_event_senses.tsv``)."""
    senses = no_event_senses().get(trigger.lemma_.lower())
    if senses is None:
        return False
    objects = [  # an object right after the verb: not "demonstrated outside X, holding signs"
        c
        for c in children(trigger)
        if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and c.left_edge.i == trigger.i + 1)
    ]
    if trigger.dep_ == "amod":  # "captured bronze" parsed as a modifier of its object
        objects.insert(0, trigger.head)
    if objects and {objects[0].lemma_.lower(), "*"} & senses.get("object", frozenset()):
        return True
    doers = [c for c in children(trigger) if c.dep_ == "nsubj"] + [
        p for c in children(trigger) if c.dep_ == "agent" for p in children(c) if p.dep_ == "pobj"
    ]
    if any(d.lemma_.lower() in senses.get("subject", frozenset()) for d in doers):
        return True
    return any(
        p.lemma_.lower() in senses.get("phrase", frozenset())
        for c in children(trigger)
        if c.dep_ == "prep"
        for p in children(c)
        if p.dep_ == "pobj"
    )


@functools.cache
def no_event_senses() -> dict[str, dict[str, frozenset[str]]]:
    """verb lemma -> role (object, subject, phrase) -> words (``no_event_senses.tsv``)."""
    name = "no_event_senses.tsv"
    senses: dict[str, dict[str, set[str]]] = {}
    for lineno, (verb, role, word, _example) in _rows(name, columns=4):
        if role not in _SENSE_ROLES:
            raise GazetteerError(f"{name}:{lineno}: role {role!r} is not one of {_SENSE_ROLES}")
        senses.setdefault(verb.lower(), {}).setdefault(role, set()).add(word.lower())
    return {v: {r: frozenset(w) for r, w in roles.items()} for v, roles in senses.items()}


def event_location(
    trigger: Token, places: list[Place], *, default: Place | None = None
) -> Place | None:
    """The place where the event of ``trigger`` happened, or ``default`` (e.g. the dateline
    place, for a story's main events) when the sentence attaches none to it; its span is the
    name's own extent ("Tabqa Dam" of "the Tabqa Dam")."""
    found = _attached_place(trigger, places, default=default)
    if found is None:
        return None
    return tidy_extent(_whole_name(found, trigger.doc), doc_text(trigger.doc))


def _whole_name(place: Place, doc: Doc) -> Place:
    """A place cut from a longer proper name is reported as that name: "Tal" of "Tal
    Sukkar", "Maqsoud" of "Sheikh Maqsoud" (the words of one name hang on each other)."""
    words = doc.char_span(place.start, place.end, alignment_mode="expand")
    if words is None:
        return place
    start, end = words.start, words.end
    while end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
        if not _name_word(doc[end]):
            break
        end += 1
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == start:
        if not _name_word(doc[start - 1]):
            break
        start -= 1
    if (start, end) == (words.start, words.end):
        return place
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return dataclasses.replace(place, start=a, end=b, text=doc_text(doc)[a:b])


def _name_word(token: Token) -> bool:
    """A capitalised word of a proper name, not a date ("Nice Saturday") nor an abbreviation
    of a kind of place ("Maru LGA")."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not token.text.isupper()
        and token.ent_type_ not in ("DATE", "TIME", "NORP")
        and token.lower_ not in _CALENDAR
    )


def _attached_place(trigger: Token, places: list[Place], *, default: Place | None) -> Place | None:
    if _no_event_sense(trigger):
        return None
    by_token = _places_by_token(trigger, places)
    if not by_token:
        return default
    token = trigger
    path = [trigger]
    for _ in range(6):
        found = _attached(token, by_token)
        if found is not None:
            return _town_within(trigger, found, by_token) or found
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            break
        token = token.head
        path.append(token)
    found = (
        _subject_place(trigger, by_token)
        or _in_clause(trigger, by_token)
        or _nested(trigger, by_token)
        or _where_it_took_place(trigger, by_token)
    )
    for token in path[1:]:  # the doers' place in the clause the trigger is part of
        found = found or _subject_place(token, by_token)
    found = found or _local_force(trigger, by_token) or _doers_town(trigger, by_token)
    found = found or _name_after_place_noun(trigger, by_token)
    found = found or _across_a_report(trigger, by_token)
    found = found or _doers_clause(trigger, by_token)
    return found if found is not None else default


def _doers_clause(trigger: Token, by_token: dict[int, Place]) -> Place | None:
    """The town where the doers did what a relative clause on them tells: "was shot by two
    men who fled on a motorcycle in X" (not a country, where they may only be based:
    "troops who have their bases in Y")."""
    for agent in children(trigger):
        if agent.dep_ != "agent":
            continue
        for doer in children(agent):
            for clause in children(doer):
                if clause.dep_ == "relcl" and clause.pos_ == "VERB":
                    found = _from_children(clause, by_token, motion=False)
                    if found is not None and _rank_of(found) < _SPECIFIC["admin1"]:
                        return found
    return None


def _across_a_report(trigger: Token, by_token: dict[int, Place]) -> Place | None:
    """A place phrase the parser hung on an inserted "police said" that interrupts the
    event's clause: "two men were shot dead, police said, on a road in X"."""
    report = trigger.head
    if not (
        trigger.dep_ == "ccomp"
        and report.lemma_.lower() in _REPORTING
        and trigger.i < report.i < len(trigger.doc) - 1
        and trigger.doc[report.i + 1].is_punct
    ):
        return None
    for prep in children(report):
        if prep.dep_ == "prep" and prep.i > report.i and prep.lower_ in _NESTED_PLACE | {"on"}:
            found = _in_phrase(prep, by_token)
            if found is not None:
                return found
    return None


def _name_after_place_noun(trigger: Token, by_token: dict[int, Place]) -> Place | None:
    """The name right after a place noun of the verb's phrase, which the parser hung
    elsewhere: "marched in the capital X Friday" (X folded into the date)."""
    for prep in children(trigger):
        if prep.dep_ != "prep" or prep.lower_ not in _NESTED_PLACE:
            continue
        for noun in children(prep):
            after = noun.i + 1
            place = by_token.get(after) if after < len(noun.doc) else None
            if (
                noun.dep_ == "pobj"
                and noun.lower_ in _OF_NAMES
                and place is not None
                and place.feature != "country"
                and noun.doc[after].head.i != noun.i
            ):
                return place
    return None


def _town_within(trigger: Token, found: Place, by_token: dict[int, Place]) -> Place | None:
    """A town that the object's own phrase names where the trigger's phrase gives only a
    country or a region: "In X province, police shot two gunmen in the town of Y" -> Y."""
    if _SPECIFIC.get(found.feature, 6) < _SPECIFIC["admin1"]:
        return None
    for obj in children(trigger):
        town = _from_children(obj, by_token, motion=False) if obj.dep_ == "dobj" else None
        if (
            town is not None
            and town is not found
            and not isinstance(town, Building)
            and _SPECIFIC.get(town.feature, 6) < _SPECIFIC["admin1"]
        ):
            return town
    return None


def _main_event(trigger: Token) -> bool:
    """The trigger tells the story's own events, not reported or embedded ones."""
    token = trigger
    while token.head.i != token.i:
        if token.dep_ not in ("conj", "advcl", "xcomp"):
            return False
        token = token.head
    return True


def locate_events(
    events: list[tuple[Event, Token]], *, places: list[Place], dateline: Place | None = None
) -> None:
    """Set ``location`` of each event: the place its sentence attaches to it, else the
    dateline's place for the story's main events."""
    for event, trigger in events:
        default = dateline if dateline is not None and _main_event(trigger) else None
        event.location = event_location(trigger, places, default=default)


def locate_words(
    doc: Doc,
    spans: tuple[tuple[int, int], ...],
    *,
    places: list[Place],
    dateline: Place | None = None,
) -> list[Located]:
    """The place of the event each asked-for word (character span) expresses, whether or not
    the coder made an event of it: the same attachment as ``locate_events``."""
    located = []
    for start, end in spans:
        words = doc.char_span(start, end, alignment_mode="expand")
        location = None
        if words is not None and len(words):
            trigger = words.root
            default = dateline if dateline is not None and _main_event(trigger) else None
            location = event_location(trigger, places, default=default)
        located.append(Located(Span(start, end, doc_text(doc)[start:end]), location))
    return located
