"""A Doc's dependency tree, read once: each token's children as a plain tuple.

``Token.children`` walks the token's whole subtree span and builds a new ``Token`` object for
every child on each access (about 2 µs for a verb), and the rules ask for the children of the
same few tokens again and again (the subject check, the object check, the arguments, the
modality). :func:`children`, :func:`lefts` and :func:`rights` give the same tokens, in the same
order, from lists built once per Doc from the heads array.

The same goes for other per-token reads the rules repeat (issue 8): the tokens' texts, lower
forms, lower-cased lemmas, POS and dependency ids, offsets and heads, the named entities, the
coordination (:func:`conjuncts`), and a memo of answers about a token's neighbourhood (the
``events.clauses`` object tables), each read once per Doc, on first use, from ``Doc.to_array``.

The lists are kept for the most recent Doc only (a strong reference to one Doc, which a
pipeline run replaces with the next): no Doc is kept alive through its own ``user_data``, and
the only tables that outlive a Doc, the strings of string-store ids, are bounded. A Doc whose
token count changed since (retokenised) is read again; heads assigned by hand after the tree
was read are not seen (whodid never changes a parse).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS
from spacy.strings import StringStore
from spacy.symbols import conj as CONJ
from spacy.tokens import Doc, Span, Token

__all__ = [
    "children",
    "conjuncts",
    "entities_within",
    "label_ids",
    "lefts",
    "lemma_lowers",
    "lowers",
    "rights",
    "texts",
    "tree_of",
]

# String-store hashes and their strings (and lower-cased strings): ``Token.lower_``,
# ``Token.lemma_`` decode the string from the store on every access; a hash names the same
# string in every vocabulary.
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
_STRINGS_LIMIT = 200_000  # entries of each table (≈ 25 MB) before a clear


def _strings_of(doc: Doc, hashes: list[int], *, lowered: bool = False) -> list[str]:
    """The strings of ``hashes`` (lower-cased with ``lowered``)."""
    known = _LOWERED if lowered else _STRINGS
    if len(known) > _STRINGS_LIMIT:
        known.clear()
    store = doc.vocab.strings
    out = []
    for h in hashes:
        text = known.get(h)
        if text is None:
            text = store[h]
            text = known[h] = text.lower() if lowered else text
        out.append(text)
    return out


class Tree:
    """The children of every token of one Doc, in document order."""

    __slots__ = (
        "doc",
        "tokens",
        "kids",
        "heads",
        "_deps",
        "_ents",
        "_ent_starts",
        "_texts",
        "_pos",
        "_starts",
        "_ends",
        "_lowers",
        "_lemma_lowers",
        "memo",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        kids: list[list[Token]] = [[] for _ in self.tokens]
        # HEAD is stored as an offset from the token (an unsigned array: cast back to int)
        self.heads: list[int] = []  # each token's head's index (a root is its own head)
        for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
            self.heads.append(i + offset)
            if offset:
                kids[i + offset].append(self.tokens[i])
        self._deps: list[int] | None = None
        self.kids: list[tuple[Token, ...]] = [tuple(k) for k in kids]
        self._ents: list[tuple[int, int, str]] | None = None
        self._ent_starts: list[int] = []
        self._texts: list[str] | None = None
        self._pos: list[int] | None = None
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._lowers: list[str] | None = None
        self._lemma_lowers: list[str] | None = None
        # what a rule read of a token's neighbourhood, kept for the Doc (``events.clauses``):
        # (what, token index) -> the answer; callers must not change an answer
        self.memo: dict[tuple[str, int], Any] = {}

    def deps(self) -> list[int]:
        """Every token's ``dep`` (the id of ``dep_``), read once."""
        if self._deps is None:
            self._deps = self.doc.to_array(DEP).tolist() if len(self.tokens) else []
        return self._deps

    def pos(self) -> list[int]:
        """Every token's ``pos`` (the id of ``pos_``, ``spacy.parts_of_speech``), read once."""
        if self._pos is None:
            self._pos = self.doc.to_array(POS).tolist() if len(self.tokens) else []
        return self._pos

    def offsets(self) -> tuple[list[int], list[int]]:
        """Every token's character offsets: ``idx`` and ``idx + len(text)``, read once."""
        if self._starts is None:
            pairs = self.doc.to_array([IDX, LENGTH]).tolist() if len(self.tokens) else []
            self._starts = [start for start, _ in pairs]
            self._ends = [start + length for start, length in pairs]
        return self._starts, self._ends

    def texts(self) -> list[str]:
        """Every token's ``text``, read once."""
        if self._texts is None:
            self._texts = _strings_of(self.doc, self.doc.to_array(ORTH).tolist())
        return self._texts

    def lowers(self) -> list[str]:
        """Every token's ``lower_``, read once."""
        if self._lowers is None:
            self._lowers = _strings_of(self.doc, self.doc.to_array(LOWER).tolist())
        return self._lowers

    def lemma_lowers(self) -> list[str]:
        """Every token's ``lemma_.lower()``, read once."""
        if self._lemma_lowers is None:
            hashes = self.doc.to_array(LEMMA).tolist()
            self._lemma_lowers = _strings_of(self.doc, hashes, lowered=True)
        return self._lemma_lowers

    def ents(self) -> list[tuple[int, int, str]]:
        """``doc.ents`` as (start, end, label) token ranges, read once (``Doc.ents`` scans the
        whole Doc and builds a Span for each entity on every access)."""
        if self._ents is None:
            self._ents = [(e.start, e.end, e.label_) for e in self.doc.ents]
            self._ent_starts = [start for start, _, _ in self._ents]
        return self._ents


_last: Tree | None = None


def tree_of(doc: Doc) -> Tree:
    """The tree of ``doc``, built at most once while it is the Doc being worked on.

    Threads that work on different Docs at once only make each other read their tree again:
    the slot is read once per call, and a tree is only ever used for its own Doc.
    """
    global _last
    tree = _last
    if tree is None or tree.doc is not doc or len(tree.tokens) != len(doc):
        tree = _last = Tree(doc)
    return tree


def entities_within(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """``doc[start:end].ents`` as (start, end, label) token ranges: the entities that lie
    wholly inside tokens [start, end), in order."""
    tree = tree_of(doc)
    ents = tree.ents()
    out = []
    for k in range(bisect_left(tree._ent_starts, start), len(ents)):
        if ents[k][1] > end:
            break  # entities are sorted and do not overlap: none after this one fits either
        out.append(ents[k])
    return out


def texts(doc: Doc) -> list[str]:
    """Every token's ``text``, in order, read once per Doc (do not change the list)."""
    return tree_of(doc).texts()


def lowers(doc: Doc) -> list[str]:
    """Every token's ``lower_``, in order, read once per Doc (do not change the list)."""
    return tree_of(doc).lowers()


def lemma_lowers(doc: Doc) -> list[str]:
    """Every token's ``lemma_.lower()``, in order, read once per Doc (do not change the list)."""
    return tree_of(doc).lemma_lowers()


def conjuncts(token: Token) -> tuple[Token, ...]:
    """``token.conjuncts`` (the tokens coordinated with it, itself left out), from the lists:
    the same walk as spaCy's, up "conj" links to the first conjunct, then down its right
    children linked by "conj", breadth first."""
    tree = tree_of(token.doc)
    heads, deps, kids = tree.heads, tree.deps(), tree.kids
    i = token.i
    start = i
    while start != heads[start] and deps[start] == CONJ:
        start = heads[start]
    queue = [start]
    output = [start]
    for word in queue:
        for child in kids[word]:
            k = child.i
            if k > word and deps[k] == CONJ:
                output.append(k)
                queue.append(k)
    tokens = tree.tokens
    return tuple(tokens[k] for k in output if k != i)


def children(token: Token) -> tuple[Token, ...]:
    """``token.children`` as a tuple (the tokens whose head it is, in document order)."""
    doc = token.doc
    tree = _last
    if tree is None or tree.doc is not doc or len(tree.tokens) != len(doc):
        tree = tree_of(doc)
    return tree.kids[token.i]


def lefts(token: Token) -> list[Token]:
    """``token.lefts`` as a list."""
    i = token.i
    return [c for c in children(token) if c.i < i]


def rights(token: Token) -> list[Token]:
    """``token.rights`` as a list."""
    i = token.i
    return [c for c in children(token) if c.i > i]


# ---------------------------------------------------------------------------------------------
# Ids of labels, for walks over the lists (actors, places, times; issue 8)


def label_ids(*labels: str) -> frozenset[int]:
    """The ids that ``Token.dep`` (or ``ent_type``, ``tag``) has for these labels, as in
    :meth:`Tree.deps`: a symbol's number, else the string's hash, the same in every
    vocabulary."""
    store = StringStore()
    return frozenset(store[label] for label in labels)


# ---------------------------------------------------------------------------------------------
# The Doc's sentences, listed once (event rules; issue 8)

_SENTENCES = ("sentences", -1)  # the key of the list in ``Tree.memo``


def sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """``list(doc.sents)`` and the index of each one's first token, read once per Doc (do
    not change the lists): ``Token.sent`` scans the Doc for sentence starts at each call."""
    memo = tree_of(doc).memo
    found = memo.get(_SENTENCES)
    if found is None:
        listed = list(doc.sents)
        found = memo[_SENTENCES] = (listed, [s.start for s in listed])
    return found  # type: ignore[no-any-return]


def sentence_of(token: Token) -> Span:
    """``token.sent``, found by bisection over the Doc's sentences."""
    listed, starts = sentences(token.doc)
    return listed[bisect_right(starts, token.i) - 1]
