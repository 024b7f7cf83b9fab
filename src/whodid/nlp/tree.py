"""A Doc's dependency tree, read once: each token's children as a plain tuple.

``Token.children`` walks the token's whole subtree span and builds a new ``Token`` object for
every child on each access (about 2 µs for a verb), and the rules ask for the children of the
same few tokens again and again (the subject check, the object check, the arguments, the
modality). :func:`children`, :func:`lefts` and :func:`rights` give the same tokens, in the same
order, from lists built once per Doc from the heads array.

The lists are kept for the most recent Doc only (a strong reference to one Doc, which a
pipeline run replaces with the next): no cache grows, and no Doc is kept alive through its own
``user_data``. A Doc whose token count changed since (retokenised) is read again; heads
assigned by hand after the tree was read are not seen (whodid never changes a parse).
"""

from __future__ import annotations

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

__all__ = ["children", "lefts", "rights", "tree_of"]


class Tree:
    """The children of every token of one Doc, in document order."""

    __slots__ = ("doc", "tokens", "kids")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        kids: list[list[Token]] = [[] for _ in self.tokens]
        # HEAD is stored as an offset from the token (an unsigned array: cast back to int)
        for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
            if offset:
                kids[i + offset].append(self.tokens[i])
        self.kids: list[tuple[Token, ...]] = [tuple(k) for k in kids]


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
