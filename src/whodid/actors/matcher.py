"""Find every actor and agent mention in a spaCy Doc with PhraseMatchers built once per KB and
vocab.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IS_SPACE
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
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


# letters without a decomposition into a base letter and a mark
_PLAIN = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ð": "d",
        "þ": "th",
    }
)
_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


# Given names that English news transliterates in several ways (Arabic, Russian): any one of a
# group stands for the others ('Sergey Lavrov' is 'Sergei Lavrov')
_GIVEN_GROUPS = (
    ("Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed", "Mohamad"),
    ("Ahmed", "Ahmad"),
    ("Hussein", "Husain", "Hussain"),
    ("Abdel", "Abdul"),
    ("Sergei", "Sergey"),
    ("Dmitry", "Dmitri", "Dmitriy"),
    ("Yuri", "Yury", "Yuriy"),
    ("Alexei", "Aleksei", "Alexey", "Aleksey"),
    ("Andrei", "Andrey"),
    ("Nikolai", "Nikolay"),
    ("Yevgeny", "Evgeny", "Yevgeni"),
    ("Alexander", "Aleksandr", "Alexandr"),
    ("Valery", "Valeri", "Valeriy"),
    ("Anatoly", "Anatoli", "Anatoliy"),
    ("Gennady", "Gennadi", "Gennadiy"),
    ("Vitaly", "Vitali", "Vitaliy"),
)
_GIVEN = {name: group for group in _GIVEN_GROUPS for name in group}


def _plain(text: str) -> str:
    """``text`` without accents and other marks: 'Nausėda' -> 'Nauseda', 'Wałęsa' -> 'Walesa'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _spellings(name: str, *, person: bool) -> list[str]:
    """Other ways English news writes a name: without its accents ('Recep Tayyip Erdoğan' ->
    'Erdogan'), German umlauts as two letters ('Schröder' -> 'Schroeder'), a person's name with
    another transliteration of its given name ('Sergey Lavrov'), and a straight or curly
    apostrophe for the other."""
    out: list[str] = []
    if not name.isascii():
        out.append(_plain(name))
        if any(c in name for c in "äöüÄÖÜ"):
            out.append(_plain(name.translate(_UMLAUT)))
    given, _, rest = name.partition(" ")
    if person and rest and given in _GIVEN:  # 'Sergey Lavrov', 'Muhammad bin Salman'
        out.extend(f"{other} {rest}" for other in _GIVEN[given] if other != given)
    for a, b in (("'", "\u2019"), ("\u2019", "'")):
        if a in name:
            out.append(name.replace(a, b))
    return [form for form in dict.fromkeys(out) if form != name]


@functools.cache
def _english_rules() -> dict[str, Any]:
    """The English tokenizer's rules, compiled once per process."""
    d = English.Defaults
    return {
        "rules": d.tokenizer_exceptions,
        "prefix_search": compile_prefix_regex(d.prefixes).search,  # type: ignore[arg-type]
        "suffix_search": compile_suffix_regex(d.suffixes).search,  # type: ignore[arg-type]
        "infix_finditer": compile_infix_regex(d.infixes).finditer,  # type: ignore[arg-type]
        "token_match": d.token_match,
        "url_match": d.url_match,
    }


def _pattern_tokenizer(vocab: Vocab) -> Tokenizer:
    """spaCy's English tokenizer over ``vocab`` for the patterns, as ``spacy.blank("en")``
    builds it, at half the cost (no pipeline set-up; same tokens for every KB name)."""
    return Tokenizer(vocab, **_english_rules())


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
        tokenizer = _pattern_tokenizer(vocab)
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
        # a name as the KB writes it, or a role noun, is never taken by another entry's other
        # spelling ('MİT' without its dot is MIT, the university; 'Secretary General' is a
        # title, not the UN's 'Secretary-General')
        written = {
            n if n in entry.case_sensitive else n.lower() for entry in actors for n in entry.names
        }
        written.update(form.lower() for agent in agents for form in agent.forms)
        for entry in actors:  # earlier entries (user files) come first and win ties
            cs = set(entry.case_sensitive)
            names = entry.names
            if entry.kind == "person":  # 'Omar el-Bashir', 'Omar El Bashir'
                names = (*names, *(v for n in names for v in _article_spellings(n)))
            variants = [
                (v, n in cs)
                for n in names
                # other given names only for the full canonical name ('Sergey Lavrov')
                for v in _spellings(n, person=entry.kind == "person" and n == entry.name)
                if (v if n in cs else v.lower()) not in written
                and len(n) >= 5  # a short acronym keeps its letters: 'MİT' is no 'MIT'
            ]
            cs.update(v for v, sensitive in variants if sensitive)
            names = (*names, *(v for v, _ in variants))
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
