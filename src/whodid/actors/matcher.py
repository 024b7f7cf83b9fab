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


def _tokenizer_for(vocab: Vocab, text: str) -> Tokenizer:
    """spaCy's English tokenizer over ``vocab`` for ``text`` alone, as ``spacy.blank("en")``
    builds it without the pipeline set-up and with only the special cases found inside the
    text (a special case applies to a piece of a word, never to more)."""
    rules = dict(_english_rules())
    rules["rules"] = {k: v for k, v in rules["rules"].items() if k in text}
    return Tokenizer(vocab, **rules)


def _is_plain_word(chunk: str, specials: Any) -> bool:
    """A word the English tokenizer keeps whole: ASCII letters only (no affix, infix or URL
    rule takes letters alone) and no special case ('cannot', 'gonna')."""
    return chunk.isascii() and chunk.isalpha() and chunk not in specials


def _name_tokens(names: Sequence[str], vocab: Vocab) -> list[list[str]]:
    """The token texts of each name as spaCy's English tokenizer splits it. The tokenizer
    works word by word between single spaces, so plain words are taken as they are and the
    other words are tokenized once each, all in one text (one per line), by a tokenizer over
    ``vocab`` that knows only the special cases found in that text: the same tokens at a
    fraction of the cost of a Doc per name."""
    specials = _english_rules()["rules"]
    words: list[list[str] | None] = []  # per name: its words, or None to tokenize it whole
    hard: dict[str, list[str]] = {}
    for name in names:
        chunks = name.split(" ")
        if not all(chunks) or len(name.split()) != len(chunks):  # other or doubled spaces
            words.append(None)
            continue
        words.append(chunks)
        for chunk in chunks:
            if not _is_plain_word(chunk, specials):
                hard[chunk] = []
    whole = [name for name, chunks in zip(names, words, strict=True) if chunks is None]
    tokenizer = _tokenizer_for(vocab, "\n".join([*hard, *whole]))
    if hard:
        line = iter(hard.values())
        current = next(line)
        for token in tokenizer("\n".join(hard)):
            if token.text == "\n":
                current = next(line)
            else:
                current.append(token.text)
    out: list[list[str]] = []
    for name, split in zip(names, words, strict=True):
        if split is None:
            out.append([t.text for t in tokenizer(name)])
        else:
            out.append([t for word in split for t in hard.get(word, [word])])
    return out


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
    """Phrase matchers for one vocab: actors by LOWER (acronyms by ORTH) and agents by LOWER on
    all forms.

    The matchers, their keys and the names' words live in a vocab of their own without
    lexical attributes (a string's id is its hash in every vocab, and the matchers compare
    ids): making an entry with all its attributes in the pipeline's vocab for each of the
    ≈ 12,000 keys and the names' words was half of the matcher's start-up.
    """

    def __init__(
        self, vocab: Vocab, actors: Sequence[ActorEntry], agents: Sequence[AgentEntry]
    ) -> None:
        self.vocab = vocab
        self._names_vocab = Vocab()
        self._lower = PhraseMatcher(self._names_vocab, attr="LOWER")
        self._orth = PhraseMatcher(self._names_vocab, attr="ORTH")
        self._agents = PhraseMatcher(self._names_vocab, attr="LOWER")
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
                if len(n) >= 5  # a short acronym keeps its letters: 'MİT' is no 'MIT'
                # other given names only for the full canonical name ('Sergey Lavrov')
                for v in _spellings(n, person=entry.kind == "person" and n == entry.name)
                if (v if n in cs else v.lower()) not in written
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
        self._add(self._lower, lower, lower=True)
        self._add(self._orth, orth, lower=False)
        forms: dict[str, str] = {}
        for agent in agents:
            for form in agent.forms:
                key = "A:" + form
                if key not in self._agent_keys:
                    self._agent_keys[key] = agent
                    forms[key] = form
        self._add(self._agents, forms, lower=True)
        logger.debug(
            "built actor matcher: %d actor names, %d agent forms",
            len(lower) + len(orth),
            len(forms),
        )

    def _add(self, matcher: PhraseMatcher, table: dict[str, str], *, lower: bool) -> None:
        """Each name of ``table`` under its key, as the ids of its tokens' texts (lower-cased
        for a LOWER matcher), which is what the matcher compares with a Doc's tokens."""
        strings = self._names_vocab.strings
        keys = list(table)
        names = _name_tokens([table[k] for k in keys], self._names_vocab)
        for key, tokens in zip(keys, names, strict=True):
            if tokens:
                ids = [strings.add(t.lower() if lower else t) for t in tokens]
                matcher.add(key, [ids])  # type: ignore[list-item]  # a pattern as token ids

    def find(self, doc: Doc) -> list[Mention]:
        """Non-overlapping mentions, longest first; actors beat agents of equal length."""
        strings = self._names_vocab.strings
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
