"""The actor knowledge base: built-in countries, organisations, groups, people and agents, plus
user files.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.vocab import Vocab

from whodid.actors.entries import ActorEntry, AgentEntry, CodeWindow, split_code
from whodid.actors.loaders import load_builtin_actors, load_builtin_agents
from whodid.actors.matcher import KBMatcher
from whodid.actors.petrarch import load_actor_file, load_agent_file

__all__ = ["ActorKB", "LookupResult"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LookupResult:
    """What a string names in the KB (for debugging and the ``whodid actor`` command)."""

    text: str
    kind: str  # country, organisation, group, person, place, other, agent
    name: str
    code: str | None
    country: str | None
    sector: str | None
    source: str


class ActorKB:
    """Actors and agents with their codes; user entries come first and take precedence."""

    def __init__(self, actors: Sequence[ActorEntry], agents: Sequence[AgentEntry]) -> None:
        self.actors: tuple[ActorEntry, ...] = tuple(actors)
        self.agents: tuple[AgentEntry, ...] = tuple(self._guess_kinds(agents))
        self._by_name: dict[str, list[ActorEntry]] = {}
        for e in self.actors:
            for n in dict.fromkeys(" ".join(n.lower().split()) for n in e.names):
                self._by_name.setdefault(n, []).append(e)
        self._by_form: dict[str, AgentEntry] = {}
        for a in self.agents:
            for f in a.forms:
                self._by_form.setdefault(f, a)
        self._matchers: dict[int, tuple[Vocab, KBMatcher]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _guess_kinds(agents: Sequence[AgentEntry]) -> list[AgentEntry]:
        """User agents from PETRARCH files carry no kind: borrow it from a built-in agent with the
        same last word.
        """
        builtin = {a.phrase.split()[-1]: a.kind for a in agents if a.source == "builtin"}
        out = []
        for a in agents:
            if a.source != "builtin":
                kind = builtin.get(a.phrase.split()[-1], a.kind)
                if kind != a.kind:
                    a = AgentEntry(
                        phrase=a.phrase,
                        code=a.code,
                        kind=kind,
                        prefix=a.prefix,
                        forms=a.forms,
                        source=a.source,
                    )
            out.append(a)
        return out

    @classmethod
    @functools.cache
    def builtin(cls) -> ActorKB:
        """The built-in knowledge base (loaded once per process)."""
        return cls(load_builtin_actors(), load_builtin_agents())

    def with_files(
        self, *, actor_files: Sequence[Path] = (), agent_files: Sequence[Path] = ()
    ) -> ActorKB:
        """A new KB with the entries of the given files (YAML or PETRARCH text) before this KB's
        entries.
        """
        actors: list[ActorEntry] = []
        for path in actor_files:
            loaded = load_actor_file(Path(path))
            logger.info("loaded %d actors from %s", len(loaded), path)
            actors.extend(loaded)
        agents: list[AgentEntry] = []
        for path in agent_files:
            loaded_agents = load_agent_file(Path(path))
            logger.info("loaded %d agents from %s", len(loaded_agents), path)
            agents.extend(loaded_agents)
        return ActorKB([*actors, *self.actors], [*agents, *self.agents])

    def matcher(self, vocab: Vocab) -> KBMatcher:
        """The phrase matcher for ``vocab``, built on first use."""
        with self._lock:
            hit = self._matchers.get(id(vocab))
            if hit is None or hit[0] is not vocab:
                hit = (vocab, KBMatcher(vocab, self.actors, self.agents))
                self._matchers[id(vocab)] = hit
            return hit[1]

    @functools.cached_property
    def _surname_countries(self) -> dict[str, frozenset[str]]:
        """Countries of the KB's people by surname (last word of each name)."""
        found: dict[str, set[str]] = {}
        for e in self.actors:
            if e.kind != "person" or not e.country:
                continue
            for n in e.names:
                words = n.split()
                if len(words) >= 2:
                    found.setdefault(words[-1].lower(), set()).add(e.country)
        return {k: frozenset(v) for k, v in found.items()}

    @functools.cached_property
    def _people_by_surname(self) -> dict[str, list[tuple[str, ActorEntry]]]:
        """(name, person) of the KB's people by surname (last word of each name)."""
        found: dict[str, list[tuple[str, ActorEntry]]] = {}
        for e in self.actors:
            if e.kind == "person":
                for n in e.names:
                    words = n.split()
                    if len(words) >= 2:
                        found.setdefault(words[-1].lower(), []).append((n, e))
        return found

    def initialled(self, initials: list[str], surname: str) -> ActorEntry | None:
        """The one known person whose given names start with these initials ("G. W. Bush" is
        George W. Bush), else None."""
        letters = [i.rstrip(".").upper() for i in initials]
        hits = {
            id(e): e
            for n, e in self._people_by_surname.get(surname.lower(), [])
            if len(given := n.split()[:-1]) == len(letters)
            and all(g[:1].upper() == x for g, x in zip(given, letters, strict=True))
        }
        return next(iter(hits.values())) if len(hits) == 1 else None

    def surname_country(self, surname: str) -> str | None:
        """The one country of every known person with this surname ("Bush" -> USA), else None."""
        countries = self._surname_countries.get(surname.lower())
        return next(iter(countries)) if countries and len(countries) == 1 else None

    @functools.cached_property
    def _misspellings(self) -> dict[str, list[tuple[str, str]]]:
        """(name, country) of the one-word names and demonyms of countries of five letters or
        more, by each of their one-letter deletions (a symmetric-deletion index)."""
        found: dict[str, list[tuple[str, str]]] = {}
        for e in self.actors:
            if e.kind != "country" or not e.country:
                continue
            for n in e.names:
                low = n.lower()
                if len(low) < 5 or not low.isalpha():
                    continue
                for key in _deletions(low):
                    found.setdefault(key, []).append((low, e.country))
        return found

    def misspelt_country(self, word: str) -> str | None:
        """The one country whose name or demonym ``word`` misspells by one letter left out,
        added, changed or swapped with its neighbour ('Kazahks', 'Ethipian'), else None. Only
        for words of five letters or more that the KB does not know as they are."""
        low = word.lower()
        if len(low) < 5 or not low.isalpha() or self._by_name.get(low):
            return None
        countries = {
            country
            for key in _deletions(low)
            for name, country in self._misspellings.get(key, ())
            if _one_edit(low, name)
        }
        return next(iter(countries)) if len(countries) == 1 else None

    def agent(self, text: str) -> AgentEntry | None:
        return self._by_form.get(" ".join(text.lower().split()))

    def entries(self, text: str) -> list[ActorEntry]:
        return list(self._by_name.get(" ".join(text.lower().split()), []))

    @functools.cached_property
    def _holders(self) -> dict[tuple[str, str], list[tuple[CodeWindow, ActorEntry]]]:
        """(window, person) of every dated office, by (code, role), in order of start."""
        found: dict[tuple[str, str], list[tuple[CodeWindow, ActorEntry]]] = {}
        for e in self.actors:
            if e.kind != "person":
                continue
            for w in e.windows:
                if w.code and w.role and w.start is not None:
                    found.setdefault((w.code, w.role), []).append((w, e))
        for rows in found.values():
            rows.sort(key=lambda row: row[0].start or date.min)
        return found

    def next_holder(
        self, person: ActorEntry, *, when: date | None, later: bool
    ) -> ActorEntry | None:
        """Who held ``person``'s office right after them (``later``) or right before them: "X's
        successor", "X's predecessor". The office is the one ``person`` last left by ``when``
        (for a successor) or held on ``when`` or last (for a predecessor)."""
        windows = [w for w in person.windows if w.code and w.role and w.start is not None]
        if later:
            windows = [w for w in windows if w.end is not None and (when is None or w.end <= when)]
        else:
            held = [w for w in windows if when is not None and w.holds(when)]
            windows = held or windows
        if not windows:
            return None
        office = max(windows, key=lambda w: w.start or date.min)
        rows = self._holders.get((office.code or "", office.role), [])
        others = [(w, e) for w, e in rows if e.key != person.key and w.start is not None]
        start = office.start or date.min
        if later:
            after = [(w, e) for w, e in others if (w.start or date.min) > start]
            return after[0][1] if after else None
        before = [(w, e) for w, e in others if (w.start or date.min) < start]
        return before[-1][1] if before else None

    def lookup(self, text: str, *, when: date | None = None) -> list[LookupResult]:
        """Every KB entry the whole string names (actors first, then an agent), coded at
        ``when``.
        """
        out: list[LookupResult] = []
        for e in self.entries(text):
            code, sector, _ = e.code_at(when)
            country = split_code(code)[0] if code else e.country
            out.append(
                LookupResult(
                    text, e.kind, e.name, code, country, sector or split_code(code)[1], e.source
                )
            )
        agent = self.agent(text)
        if agent is not None:
            out.append(
                LookupResult(
                    text,
                    "agent",
                    agent.phrase,
                    ("---" + agent.code) if not agent.prefix else agent.code + "---",
                    None,
                    agent.sector,
                    agent.source,
                )
            )
        return out


def _deletions(word: str) -> set[str]:
    """``word`` and every string made by leaving one of its letters out."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _one_edit(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one letter apart: one left out, added, changed, or two neighbours
    swapped?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
