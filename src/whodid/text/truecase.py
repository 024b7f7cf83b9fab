"""Restore capitals to an all-lower-case text before it is parsed.

Some feeds deliver their stories in lower case ("police arrested five men in ahmedabad on
monday."). The small English model leans on capitals: without them it misses names, tags
proper nouns as common ones and misparses the clauses around them. When a text is detectably
lower-case (:func:`is_lower_cased`), :func:`truecase` gives a copy of the same length in which

* sentences start with a capital (the text's start, after a line break, after ``.!?``);
* the pronoun "i", weekdays and months ("march"/"may" only next to a number) are capitalised;
* names the project knows are written as they are known: the actor knowledge base's names
  and aliases ("narendra modi", "bjp" → "BJP") and the gazetteer's countries, regions,
  demonyms and larger towns — a one-word name only when it is not a common English word
  (a stop word, a role noun such as "police", a word the model's lexicon knows as a verb,
  adjective or adverb);
* the word after a personal title ("mr", "dr", "shri") is a name;
* optionally (``known``: the words a lexicon knows), a word that is not known, nor an
  inflection of one, is a name too ("godhra"), and an acronym when it is short and has no
  vowel ("nhrc"). The pipeline leaves this off: on IndiaPoliceEvents it changed parses both
  ways without a clear gain (docs/accuracy.md).

Only letters change case, so every offset into the truecased text is an offset into the
original: the pipeline parses the truecased text and reports spans of the text it was given.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterable
from importlib import resources

__all__ = ["Truecaser", "is_lower_cased", "truecase"]

_WORD = re.compile(r"[^\W\d_]+")
# a share of capitalised words below this marks a lower-cased text (running English has
# 10-15 %: sentence starts alone give about 5 %); a few boilerplate lines in capitals
# ("Follow us on Facebook") do not hide a lower-cased story
LOWER_SHARE = 0.03
_MIN_WORDS = 3
_NAME_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?")
_SENTENCE_START = re.compile(r"(?:\A|[.!?][\"'”’)\]]*[ \t]+|\n\s*)[\"'“‘(\[]*([a-z])")
_MAX_NAME_WORDS = 5
_CITY_POPULATION = 50_000
_GAZETTEER_KINDS = frozenset({"country", "capital", "admin1", "admin2", "demonym", "continent"})
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "shri", "smt", "sri", "prof"})
_ALWAYS = {
    "i": "I",
    **{
        day: day.title()
        for day in "monday tuesday wednesday thursday friday saturday sunday".split()
    },
    **{
        month: month.title()
        for month in "january february april june july august september october november "
        "december".split()
    },
}
_DATED_MONTH = re.compile(r"\b(march|may)(?=\s+\d)|(?<=\d\s)(march|may)\b")


def is_lower_cased(text: str) -> bool:
    """Is the text (nearly) all lower case: fewer than 3 % of its words capitalised?"""
    total = capital = 0
    for match in _WORD.finditer(text):
        total += 1
        if match.group()[0].isupper():
            capital += 1
    return total >= _MIN_WORDS and capital < LOWER_SHARE * total


class Truecaser:
    """Known names (lower-cased phrase -> written form) and the words never capitalised."""

    def __init__(
        self,
        names: dict[str, str],
        common: Iterable[str] = (),
        known: frozenset[str] | None = None,
    ) -> None:
        common_words = frozenset(w.lower() for w in common)
        self.common = common_words
        self.known = known  # None: no guessing of unknown words
        self.names: dict[str, str] = {}
        for lower, written in names.items():
            key = " ".join(lower.split())
            if " " not in key and any(b in common_words for b in _bases(key)):
                continue  # "nice", and "reading" (a form of "read")
            if len(written) == len(key) and written.lower() == key and written != key:
                self.names.setdefault(key, written)
        self.first_words = frozenset(k.split(" ", 1)[0] for k in self.names if " " in k)

    def truecase(self, text: str) -> str:
        """The text with capitals restored; same length, only letters' case changed."""
        chars = list(text)

        def put(start: int, written: str) -> None:
            chars[start : start + len(written)] = written

        words = list(_NAME_WORD.finditer(text))
        i = 0
        while i < len(words):
            word = words[i]
            lower = word.group().rstrip(".")
            matched = 0
            if lower in self.first_words:
                for n in range(min(_MAX_NAME_WORDS, len(words) - i), 1, -1):
                    last = words[i + n - 1]
                    phrase = " ".join(text[word.start() : last.end()].rstrip(".").split())
                    written = self.names.get(phrase)
                    if written is not None and len(phrase) == last.end() - word.start():
                        put(word.start(), written)
                        matched = n
                        break
            if not matched:
                written = self.names.get(lower) or _ALWAYS.get(lower)
                if written is not None:
                    put(word.start(), written)
                elif lower in _TITLES and i + 1 < len(words):
                    put(word.start(), lower.title())
                    nxt = words[i + 1]
                    put(nxt.start(), nxt.group()[0].upper())
                elif self._unknown(lower):
                    put(word.start(), _acronym(lower) or lower[0].upper())
                matched = 1
            i += matched
        for match in _DATED_MONTH.finditer(text):
            start = match.start(1) if match.group(1) else match.start(2)
            chars[start] = chars[start].upper()
        for match in _SENTENCE_START.finditer(text):
            chars[match.start(1)] = chars[match.start(1)].upper()
        out = "".join(chars)
        return out if len(out) == len(text) else text

    def _unknown(self, word: str) -> bool:
        """A word the model's word lists do not know, nor any inflection of: a name."""
        if self.known is None or len(word) < 3 or not word.isalpha() or not word.isascii():
            return False
        if word in self.common:
            return False
        return not any(base in self.known or base in self.common for base in _bases(word))


_SUFFIXES = (
    ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ies", "y"),
    ("ied", "y"), ("d", ""), ("er", ""), ("est", ""), ("ly", ""), ("men", "man"),
)  # fmt: skip


def _bases(word: str) -> Iterable[str]:
    """The word and what it may be an inflection of ("arrested" -> "arrest", "running" -> "run")."""
    yield word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + replacement
            yield base
            if base[-1] == base[-2]:
                yield base[:-1]


def _acronym(word: str) -> str | None:
    """ "vhp", "nhrc": a short unknown word without a vowel is an acronym."""
    if len(word) <= 5 and not any(v in word for v in "aeiou"):
        return word.upper()
    return None


def _gazetteer_names() -> dict[str, str]:
    """Countries, regions, demonyms and towns of 50,000+ people, as the gazetteer writes them."""
    path = resources.files("whodid") / "data" / "geo" / "gazetteer.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    names: dict[str, str] = {}
    for line in lines[1:]:
        parts = line.split("\t")
        if len(parts) < 8:
            continue
        kind, name, population = parts[0], parts[1], parts[7]
        if kind in _GAZETTEER_KINDS or (
            kind == "city" and population.isdigit() and int(population) >= _CITY_POPULATION
        ):
            names.setdefault(name.lower(), name)
    return names


def _actor_names() -> tuple[dict[str, str], list[str]]:
    """The knowledge base's names and aliases; its role nouns ("police") are common words."""
    from whodid.actors.loaders import load_builtin_actors, load_builtin_agents

    names: dict[str, str] = {}
    for entry in load_builtin_actors():
        for name in (*entry.names, *entry.case_sensitive):
            names.setdefault(name.lower(), name)
    roles = [w for agent in load_builtin_agents() for form in agent.forms for w in form.split()]
    return names, roles


@functools.cache
def default_truecaser(
    common: frozenset[str] = frozenset(), known: frozenset[str] | None = None
) -> Truecaser:
    """The truecaser over the built-in knowledge base and gazetteer (built once per process).
    ``common``: more words never capitalised alone (the model's verbs, adjectives, adverbs);
    ``known``: every word the model knows — a word outside it (and its inflections) is a name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    actors, roles = _actor_names()
    names = {**_gazetteer_names(), **actors}  # the KB's spelling wins
    everyday = (*STOP_WORDS, *roles, *common)
    return Truecaser(names, common=everyday, known=known)


def truecase(
    text: str, *, common: frozenset[str] = frozenset(), known: frozenset[str] | None = None
) -> str:
    """``text`` with capitals restored when it is lower-cased; otherwise ``text`` itself."""
    if not is_lower_cased(text):
        return text
    return default_truecaser(common, known).truecase(text)
