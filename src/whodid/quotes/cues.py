"""Reported-speech cues ("said", "warned", "according to"), read from ``data/quotes/cues.txt``.

Each line is ``lemma<TAB>kind`` with kind ``speech``, ``belief`` or ``source``; the file is
validated on load and any problem raises :class:`CueError` naming the file and line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from whodid.nlp.tree import children

__all__ = [
    "CUE_KINDS",
    "Cue",
    "CueError",
    "CueLexicon",
    "control_verbs",
    "default_cues",
    "parse_cues",
    "parse_words",
]

CUE_KINDS = frozenset({"speech", "belief", "source", "document"})
_WORDS = re.compile(r"^[a-z]+(?:[ -][a-z]+)*$")
_FILE = "cues.txt"
_CONTROL_FILE = "control.txt"


class CueError(ValueError):
    """A cue file holds a line that cannot be used; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue: its head lemma, the words that must stand beside it, and its kind."""

    head: str
    extras: tuple[str, ...]
    kind: str

    @property
    def phrase(self) -> str:
        return " ".join((self.head, *self.extras))


@dataclass(frozen=True)
class CueLexicon:
    """Cues by head lemma; ``match`` finds the cue a token starts, if any."""

    by_head: dict[str, tuple[Cue, ...]]

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_head.values())

    @functools.cached_property
    def documents(self) -> frozenset[str]:
        """Nouns for things issued (statement, letter): their words are their issuer's."""
        return frozenset(c.head for cs in self.by_head.values() for c in cs if c.kind == "document")

    @functools.cached_property
    def verbs(self) -> frozenset[str]:
        """Head lemmas of the verbs of saying and thinking ("say", "insist", "believe")."""
        return frozenset(
            c.head for cs in self.by_head.values() for c in cs if c.kind in ("speech", "belief")
        )

    @functools.cached_property
    def _spoken(self) -> dict[str, tuple[Cue, ...]]:
        """Per head, its cues other than documents, the longest first (as ``match`` tries
        them): sorted once instead of at every call."""
        return {
            head: tuple(
                sorted((c for c in cues if c.kind != "document"), key=lambda c: -len(c.extras))
            )
            for head, cues in self.by_head.items()
        }

    def match(self, token: Token) -> tuple[Cue, list[Token]] | None:
        """The longest cue headed by ``token`` whose other words stand among its children or
        right after it, with the tokens it covers ("pointed ... out", "according to")."""
        lemma = token.lemma_.lower()
        head = lemma if self.by_head.get(lemma) else token.lower_
        cues = self._spoken.get(head)
        if not cues or token.dep_ in ("amod", "compound"):
            return None  # most words head no cue; "so-called", "the reported attack"
        near: list[Token] | None = None  # the words beside the head, read once
        for cue in cues:
            covered = [token]
            for word in cue.extras:
                if near is None:
                    near = [*children(token), *token.doc[token.i + 1 : token.i + 2]]
                found = next((t for t in near if word in (t.lower_, t.lemma_.lower())), None)
                if found is None:
                    break
                covered.append(found)
            else:
                if cue.kind == "source" or token.pos_ in ("VERB", "AUX") or cue.extras:
                    return cue, sorted(set(covered), key=lambda t: t.i)
                if token.tag_.startswith("VB"):
                    return cue, covered
        return None


def parse_cues(text: str, *, where: str = _FILE) -> CueLexicon:
    """Read a cue file's text; raise CueError naming ``where`` and the line on any problem."""
    by_head: dict[str, list[Cue]] = {}
    seen: dict[str, int] = {}  # a phrase is a word of saying once, and a document once
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 2:
            raise CueError(f"{where}:{number}: expected 'lemma<TAB>kind', got {raw!r}")
        phrase, kind = parts
        if kind not in CUE_KINDS:
            raise CueError(f"{where}:{number}: unknown kind {kind!r} (one of {sorted(CUE_KINDS)})")
        if not _WORDS.match(phrase):
            raise CueError(f"{where}:{number}: {phrase!r} is not a lower-case word or phrase")
        key = f"{phrase} (noun)" if kind == "document" else phrase  # "report": verb and noun
        if key in seen:
            raise CueError(
                f"{where}:{number}: duplicate cue {phrase!r} (first on line {seen[key]})"
            )
        seen[key] = number
        words = phrase.split()
        by_head.setdefault(words[0], []).append(Cue(words[0], tuple(words[1:]), kind))
    if not by_head:
        raise CueError(f"{where}: no cues")
    return CueLexicon({head: tuple(cues) for head, cues in by_head.items()})


@functools.cache
def default_cues() -> CueLexicon:
    """The built-in cues, read once per process."""
    source = resources.files("whodid").joinpath("data", "quotes", _FILE)
    return parse_cues(source.read_text("utf-8"), where=f"whodid/data/quotes/{_FILE}")


def parse_words(text: str, *, where: str) -> frozenset[str]:
    """A word list, one lower-case word a line, '#' comments; CueError names a bad line."""
    words: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if not _WORDS.match(line) or " " in line:
            raise CueError(f"{where}:{number}: {line!r} is not a lower-case word")
        words.add(line)
    if not words:
        raise CueError(f"{where}: no words")
    return frozenset(words)


@functools.cache
def control_verbs() -> frozenset[str]:
    """Verbs whose object speaks the infinitive after it ("led aides to warn that ...")."""
    source = resources.files("whodid").joinpath("data", "quotes", _CONTROL_FILE)
    return parse_words(source.read_text("utf-8"), where=f"whodid/data/quotes/{_CONTROL_FILE}")
