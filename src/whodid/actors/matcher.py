"""Find every actor and agent mention in a spaCy Doc with PhraseMatchers built once per KB and
vocab.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import spacy
from spacy.attrs import IS_SPACE
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from whodid.actors.entries import ActorEntry, AgentEntry
from whodid.text.doctext import doc_text

__all__ = ["Mention", "KBMatcher"]

logger = logging.getLogger(__name__)


_ARTICLE = re.compile(r"(?i)(?<![^ ])(al|el)-(?=\w)")


def _article_spellings(name: str) -> list[str]:
    """Other spellings of the Arabic article in a person's name: 'Omar al-Bashir' is also
    written 'Omar el-Bashir' and 'Omar El Bashir' (names without the article: none)."""
    if not _ARTICLE.search(name):
        return []
    return [
        _ARTICLE.sub(form, name)
        for form in ("al-", "el-", "al ", "el ")
        if _ARTICLE.sub(form, name) != name
    ]


@dataclass(frozen=True, slots=True)
class Mention:
    """Tokens ``start``..``end`` (exclusive) name an actor (``entries``, best first) or an agent."""

    start: int
    end: int
    entries: tuple[ActorEntry, ...] = ()
    agent: AgentEntry | None = None

    @property
    def entry(self) -> ActorEntry | None:
        return self.entries[0] if self.entries else None


class KBMatcher:
    """Phrase matchers over one vocab: actors by LOWER (acronyms by ORTH) and agents by LOWER on
    all forms.
    """

    def __init__(
        self, vocab: Vocab, actors: Sequence[ActorEntry], agents: Sequence[AgentEntry]
    ) -> None:
        self.vocab = vocab
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        self._agents = PhraseMatcher(vocab, attr="LOWER")
        self._actor_keys: dict[str, list[ActorEntry]] = {}
        self._agent_keys: dict[str, AgentEntry] = {}
        # names the KB itself writes in lower case ('al-Qaeda', 'al-Shabaab'): a lower-case
        # match of these is still the name
        self._lower_names: set[str] = set()
        lower: dict[str, str] = {}
        orth: dict[str, str] = {}
        for entry in actors:  # earlier entries (user files) come first and win ties
            cs = set(entry.case_sensitive)
            names = entry.names
            if entry.kind == "person":  # 'Omar el-Bashir', 'Omar El Bashir'
                names = (*names, *(v for n in names for v in _article_spellings(n)))
            for name in names:
                table, key = (orth, "O:" + name) if name in cs else (lower, "L:" + name.lower())
                table.setdefault(key, name)
                if name[:1].islower():
                    self._lower_names.add(key)
                listed = self._actor_keys.setdefault(key, [])
                if entry not in listed:  # 'Ban Ki-moon' and 'Ban Ki-Moon' share a key
                    listed.append(entry)
        self._add(self._lower, lower, tokenizer)
        self._add(self._orth, orth, tokenizer)
        forms: dict[str, str] = {}
        for agent in agents:
            for form in agent.forms:
                key = "A:" + form
                if key not in self._agent_keys:
                    self._agent_keys[key] = agent
                    forms[key] = form
        self._add(self._agents, forms, tokenizer)
        logger.debug(
            "built actor matcher: %d actor names, %d agent forms",
            len(lower) + len(orth),
            len(forms),
        )

    def _add(self, matcher: PhraseMatcher, table: dict[str, str], tokenizer: object) -> None:
        keys = list(table)
        docs = list(tokenizer.pipe(table[k] for k in keys))  # type: ignore[attr-defined]
        for key, pattern in zip(keys, docs, strict=True):
            if len(pattern):
                matcher.add(key, [pattern])

    def find(self, doc: Doc) -> list[Mention]:
        """Non-overlapping mentions, longest first; actors beat agents of equal length."""
        strings = self.vocab.strings
        cased = any(c.isupper() for c in doc_text(doc))
        cands: list[tuple[int, int, int, Mention]] = []
        target, where = self._without_spaces(doc)
        for matcher, is_agent in ((self._lower, False), (self._orth, False), (self._agents, True)):
            for match_id, c_start, c_end in matcher(target):
                start, end = (
                    (c_start, c_end) if where is None else (where[c_start], where[c_end - 1] + 1)
                )
                key = strings[match_id]
                if is_agent:
                    cands.append(
                        (end - start, 0, start, Mention(start, end, agent=self._agent_keys[key]))
                    )
                    continue
                first = doc[start]
                if (
                    cased
                    and key.startswith("L:")
                    and first.is_alpha
                    and first.text[0].islower()
                    and key not in self._lower_names
                ):
                    continue  # 'chad', 'turkey', 'israeli' in lower case are not names
                cands.append(
                    (
                        end - start,
                        1,
                        start,
                        Mention(start, end, entries=tuple(self._actor_keys[key])),
                    )
                )
        cands.sort(key=lambda c: (-c[0], -c[1], c[2]))
        taken = [False] * len(doc)
        out: list[Mention] = []
        for _, _, _, m in cands:
            if any(taken[m.start : m.end]):
                continue
            for i in range(m.start, m.end):
                taken[i] = True
            out.append(m)
        out.sort(key=lambda m: m.start)
        return out

    def _without_spaces(self, doc: Doc) -> tuple[Doc, list[int] | None]:
        """``doc``, or, when extra spaces stand inside a line ('George W.  Bush'), a copy
        without those space tokens and the index of each of its tokens in ``doc``."""
        flags = doc.to_array(IS_SPACE).tolist() if len(doc) else []
        spaces = [i for i, flag in enumerate(flags) if flag and "\n" not in doc[i].text]
        if not spaces:
            return doc, None
        drop = set(spaces)
        where = [t.i for t in doc if t.i not in drop]
        return Doc(self.vocab, words=[doc[i].text for i in where]), where

    @staticmethod
    def index(mentions: Iterable[Mention]) -> dict[int, Mention]:
        return {i: m for m in mentions for i in range(m.start, m.end)}
