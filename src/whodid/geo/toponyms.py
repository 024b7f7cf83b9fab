"""Finding place mentions in a parsed Doc: named entities, gazetteer names, demonyms.

A mention is a token range with the gazetteer key of its text and a hint of what found it.
Sources, in order of trust: the model's GPE/LOC/FAC/NORP entities (split at commas:
"Culiacán, Sinaloa" is two places); gazetteer names the model missed, in running text after a
locative preposition or inside organisation names ("Rapides Parish Sheriff's Office",
"Kenyan police"); demonyms ("Iraqi") stand for their country.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from whodid.geo.cues import cue_spans
from whodid.geo.gazetteer import Gazetteer, normalise
from whodid.nlp.tree import tree_of
from whodid.text.dateline import dateline_place
from whodid.text.doctext import doc_text

__all__ = ["Mention", "find_mentions"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "to",
        "across",
        "outside",
        "inside",
        "around",
        "throughout",
        "into",
        "towards",
        "toward",
        "through",
        "within",
        "of",
        "between",
        "via",
        "along",
        "off",
    }
)
# Capitalised words that name places somewhere but, standing alone, are mostly something else.
_NOT_ALONE = frozenset(
    {
        "police",
        "mission",
        "home",
        "post",
        "university",
        "college",
        "city",
        "county",
        "state",
        "center",
        "centre",
        "hospital",
        "church",
        "school",
        "court",
        "union",
        "river",
        "lake",
        "mount",
        "fort",
        "camp",
        "port",
        "cape",
        "mountain",
        "beach",
        "park",
        "bay",
        "island",
        "street",
        "north",
        "south",
        "east",
        "west",
        "central",
        "new",
        "saint",
        "st",
        "san",
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "governor",
        "mayor",
        "minister",
        "sheriff",
        "chief",
        "general",
        "captain",
        "officer",
        "department",
        "office",
        "national",
        "international",
        "federal",
        "republic",
        "democratic",
        "independence",
        "liberty",
        "victoria",
        "march",
        "may",
        "june",
        "august",
        "monday",
        "sunday",
        "god",
        "christ",
        "christian",
        "muslim",
        "islam",
        "jewish",
        "catholic",
        "english",
        "spanish",
        "arabic",
        "latin",
        "hispanic",
        "black",
        "white",
        "asian",
        "african",
        "obama",
        "bush",
        "clinton",
        "kennedy",
        "lincoln",
        "jackson",
        "washington post",
        "times",
        "news",
    }
)
_ORG_PLACE_WORDS = frozenset(
    {
        "police",
        "county",
        "parish",
        "city",
        "department",
        "sheriff",
        "sheriffs",
        "fire",
        "council",
        "school",
        "schools",
        "university",
        "hospital",
        "court",
        "district",
        "state",
        "area",
        "public",
        "municipal",
        "regional",
        "high",
        "community",
        "board",
        "government",
        "army",
        "air",
        "navy",
    }
)
_GROW = 4  # words an entity may grow to the left to a longer gazetteer name
_STRONG_KINDS = frozenset({"country", "admin1", "demonym", "continent", "region", "other"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention: tokens [start, end) of the doc and how it was found."""

    start: int
    end: int
    key: str  # gazetteer key of the text
    source: str  # "ner", "dateline", "cue", "gazetteer", "org", "demonym"

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Tokens [start, end) without a leading article or punctuation, nor trailing punctuation
    or possessive ending."""
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split an entity at commas and "and": "Culiacán, Sinaloa" -> Culiacán | Sinaloa."""
    parts, begin = [], start
    for i in range(start, end):
        if doc[i].text == "," or doc[i].lower_ == "and":
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
    if end > begin:
        parts.append((begin, end))
    return parts


def _key(doc: Doc, start: int, end: int) -> str:
    return normalise(doc[start:end].text)


def _kinds(gazetteer: Gazetteer, key: str) -> set[str]:
    return {e.kind for e in gazetteer.lookup_key(key)}


def _big_city(gazetteer: Gazetteer, key: str, population: int) -> bool:
    return any(
        e.kind in ("city", "capital") and e.population >= population
        for e in gazetteer.lookup_key(key)
    )


class _Words:
    """A Doc's token texts and offsets, read once: the gazetteer scan slices the text (the
    offsets are the Doc's lists in ``whodid.nlp.tree``: not to be changed)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.starts, self.ends = tree_of(doc).offsets()

    def capitalised(self, i: int) -> bool:
        return self.text[self.starts[i] : self.starts[i] + 1].isupper()

    def word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def key(self, start: int, end: int) -> str:
        return normalise(self.text[self.starts[start] : self.ends[end - 1]])


def _longest(gazetteer: Gazetteer, words: _Words, start: int, limit: int) -> int | None:
    """End of the longest gazetteer name that starts at token ``start`` (within ``limit``).

    Words are added one at a time while some name still begins with them; a name ends on a
    capitalised word ("Rio de Janeiro") or a dot that belongs to it ("Ste.", not "Salem.")."""
    found = None
    shorter = ""
    for end in range(start + 1, min(limit, start + gazetteer.max_words) + 1):
        key = words.key(start, end)
        if not gazetteer.begins(key):
            break
        last = words.word(end - 1)
        if key != shorter and (last[:1].isupper() or last == ".") and gazetteer.knows(key):
            found = end
        shorter = key
    return found


def _grown(gazetteer: Gazetteer, words: _Words, start: int, end: int) -> tuple[int, int]:
    """The entity's tokens, grown to a longer gazetteer name that holds them: the model tags
    "Congo" of "Democratic Republic of the Congo", or "Democratic Republic" and "Congo"."""
    limit = min(len(words.starts), end + gazetteer.max_words)
    for first in range(max(0, start - _GROW), start + 1):
        if not words.capitalised(first):
            continue
        last = _longest(gazetteer, words, first, limit)
        if last is not None and last >= end and (first < start or last > end):
            return first, last
    return start, end


def _ner_mentions(doc: Doc, gazetteer: Gazetteer, words: _Words) -> list[Mention]:
    found: list[Mention] = []
    for ent_start, ent_end, label in tree_of(doc).ents():
        if label == "NORP":
            start, end = _trimmed(doc, ent_start, ent_end)
            key = _key(doc, start, end)
            if end > start and {"demonym", "country"} & _kinds(gazetteer, key):
                found.append(Mention(start, end, key, "demonym"))
            continue
        if label not in _PLACE_LABELS:
            continue
        start, end = _trimmed(doc, ent_start, ent_end)
        for s, e in _parts(doc, start, end):
            s, e = _grown(gazetteer, words, s, e)
            key = _key(doc, s, e)
            if not key:
                continue
            if label == "FAC" and not gazetteer.knows(key):
                continue
            if gazetteer.knows(key) or not any(t.is_digit for t in doc[s:e]):
                found.append(Mention(s, e, key, "ner"))
    return found


def _accept(
    gazetteer: Gazetteer, doc: Doc, start: int, end: int, key: str, known: set[str]
) -> str | None:
    """Why a gazetteer name outside the model's place entities counts as a place, if it does."""
    first = doc[start]
    ent = first.ent_type_
    # the story names it as a place elsewhere: one sense per discourse
    elsewhere = key in known and ent in ("PERSON", "ORG", "NORP", "") and first.pos_ == "PROPN"
    if elsewhere and not (ent == "PERSON" and _in_longer_name(doc, start, end)):
        return "document"
    if ent in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "WORK_OF_ART", "LAW"):
        return None
    kinds = _kinds(gazetteer, key)
    if key in _NOT_ALONE:
        return None
    if "demonym" in kinds and (first.pos_ in ("ADJ", "PROPN", "NOUN")):
        return "demonym"
    multiword = end - start > 1
    if ent == "ORG":
        after = doc[end].lower_ if end < len(doc) else ""
        if kinds & {"country", "admin1"} or (kinds & {"admin2"} and multiword):
            return "org"
        # a town opens the name ("Columbus Police"), not "Arab" of "Syrian Arab Army"
        if after in _ORG_PLACE_WORDS and kinds & {"city", "capital"} and _opens(doc, start):
            return "org"
        return None
    if first.pos_ != "PROPN" and not multiword:
        return None
    if start == first.sent.start and not multiword and not kinds & {"country", "admin1"}:
        return None
    previous = doc[start - 1].lower_ if start > 0 else ""
    if kinds & _STRONG_KINDS - {"demonym"} or (multiword and kinds & {"admin2"}):
        return "gazetteer"
    if previous in _LOCATIVE and _big_city(gazetteer, key, 1000):
        return "gazetteer"
    if previous == "," and _big_city(gazetteer, key, 1000):
        return "gazetteer"
    return None


def _opens(doc: Doc, start: int) -> bool:
    """The word opens its entity, after a "the" at most."""
    first = doc[start]
    if first.ent_iob_ == "B":
        return True
    return start > 0 and doc[start - 1].ent_iob_ == "B" and doc[start - 1].lower_ == "the"


def _in_longer_name(doc: Doc, start: int, end: int) -> bool:
    """The tokens are part of a longer person name ("Paul Gainesville")."""
    before = start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].ent_iob_ != "O"
    after = end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON"
    return bool(before or after)


def _dateline_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """The places of the dateline: "COLUMBUS, Ohio (AP) --"."""
    span = dateline_place(doc_text(doc))
    if span is None:
        return []
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return []
    found = []
    for s, e in _parts(doc, chars.start, chars.end):
        key = _key(doc, s, e)
        if gazetteer.knows(key) or gazetteer.region(None, doc[s:e].text) is not None:
            found.append(Mention(s, e, key, "dateline"))
    return found


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Every place mention of ``doc``, in document order, none overlapping another."""
    mentions = _dateline_mentions(doc, gazetteer)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    words = _Words(doc)
    for mention in _ner_mentions(doc, gazetteer, words):
        if not taken.intersection(range(mention.start, mention.end)):
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))
    for first, last in cue_spans(doc):
        cue_key = _key(doc, first, last)
        if not cue_key or taken.intersection(range(first, last)):
            continue
        if "demonym" in _kinds(gazetteer, cue_key):
            continue
        mentions.append(Mention(first, last, cue_key, "cue"))
        taken.update(range(first, last))
    known = {m.key for m in mentions if m.source != "demonym" and gazetteer.knows(m.key)}
    text, starts, ends = words.text, words.starts, words.ends
    # a name starts on a capitalised word other than "The"; after a name, the scan goes on
    # after it
    resume = 0
    for i in range(len(starts)):
        if i < resume or not text[starts[i] : starts[i] + 1].isupper():
            continue
        if i in taken or text[starts[i] : ends[i]].lower() == "the":
            continue
        limit = i
        while limit < len(doc) and limit not in taken and limit - i < gazetteer.max_words:
            limit += 1
        end = _longest(gazetteer, words, i, limit)
        if end is None:
            continue
        key = words.key(i, end)
        source = _accept(gazetteer, doc, i, end, key, known)
        if source is None:
            continue
        mentions.append(Mention(i, end, key, source))
        taken.update(range(i, end))
        resume = end
    mentions.sort(key=lambda m: m.start)
    return mentions
