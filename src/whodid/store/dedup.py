"""Content hashes and near-duplicate detection (MinHash over word shingles), no heavy deps.

* ``content_hash``: SHA-256 of the normalised text (Unicode NFKC, typographic quotes and
  dashes made plain, case folded, whitespace collapsed).  Two inputs with the same hash are
  the same article, whatever their file name or URL.
* ``minhash``: 128 MinHash values over the set of word 3-shingles of the normalised text.
* ``near_duplicate_groups``: articles whose estimated Jaccard similarity is at least
  ``threshold`` (default 0.7), found through LSH (32 bands of 4 rows) and joined transitively.
  Each group is named by its smallest article id, so grouping does not depend on input order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "BANDS",
    "NUM_PERM",
    "THRESHOLD",
    "content_hash",
    "estimated_jaccard",
    "minhash",
    "near_duplicate_groups",
    "normalise_text",
    "shingles",
]

NUM_PERM = 128
BANDS = 32
THRESHOLD = 0.7
_SHINGLE = 3
_PRIME = (1 << 31) - 1
_MAX = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20240306)  # fixed: signatures must be comparable across runs
_A = _rng.integers(1, _PRIME, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=NUM_PERM, dtype=np.uint64)
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u00a0": " ",
        "\u00ad": None,
        "\u200b": None,
        "\ufeff": None,
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalise_text(text: str) -> str:
    """The text as compared: NFKC, plain quotes and dashes, case folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_PLAIN).casefold()
    return _SPACE.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """The article key: hex SHA-256 (first 32 digits) of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


def shingles(text: str) -> set[int]:
    """32-bit hashes of the word 3-grams of the normalised text (single words if shorter)."""
    words = _WORD.findall(normalise_text(text))
    if len(words) < _SHINGLE:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)]
    return {
        int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "little")
        for g in grams
    }


def minhash(text: str) -> list[int]:
    """The MinHash signature (``NUM_PERM`` unsigned 32-bit values) of ``text``."""
    values = np.fromiter(shingles(text), dtype=np.uint64)
    if values.size == 0:
        return [int(_MAX)] * NUM_PERM
    hashed = (values[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME)
    return [int(v) for v in hashed.min(axis=0)]


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of equal positions of two signatures: an estimate of Jaccard similarity."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


class _Groups:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while item != root:  # path compression
            self.parent[item], item = root, self.parent.get(item, item)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low  # the smallest id is always the root


def near_duplicate_groups(
    signatures: Iterable[tuple[str, Sequence[int]]], *, threshold: float = THRESHOLD
) -> dict[str, str]:
    """``{article_id: group_id}`` for every article; group id = smallest article id in it."""
    items = sorted((aid, list(sig)) for aid, sig in signatures)
    rows = NUM_PERM // BANDS
    groups = _Groups()
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for position, (_, sig) in enumerate(items):
        if len(sig) != NUM_PERM:
            continue
        for band in range(BANDS):
            buckets[(band, tuple(sig[band * rows : (band + 1) * rows]))].append(position)
    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                if (first, second) in checked:
                    continue
                checked.add((first, second))
                (id_a, sig_a), (id_b, sig_b) = items[first], items[second]
                if estimated_jaccard(sig_a, sig_b) >= threshold:
                    groups.union(id_a, id_b)
    return {aid: groups.find(aid) for aid, _ in items}
