"""Documents are parsed in batches bounded by count and by characters (whodid.pipeline.batches):
long articles do not pile up in one batch, and the batching never changes an annotation."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from whodid.pipeline import Options, annotate_many, batches

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _sizes(lengths: list[int], *, size: int, chars: int) -> list[list[int]]:
    items = [("x" * n, i) for i, n in enumerate(lengths)]
    return [[len(text) for text, _ in group] for group in batches(items, size=size, chars=chars)]


def test_a_batch_holds_at_most_size_documents_and_chars_characters() -> None:
    assert _sizes([10] * 7, size=3, chars=1_000) == [[10, 10, 10], [10, 10, 10], [10]]
    assert _sizes([400, 400, 400, 100, 50], size=32, chars=1_000) == [[400, 400], [400, 100, 50]]


def test_a_document_longer_than_the_budget_goes_alone() -> None:
    assert _sizes([100, 5_000, 100, 100], size=32, chars=1_000) == [[100], [5_000], [100, 100]]
    assert _sizes([], size=32, chars=1_000) == []


def test_batches_keep_the_order_and_every_payload() -> None:
    items = [("a" * (i % 7 * 100), i) for i in range(50)]
    groups = list(batches(items, size=4, chars=900))
    assert [payload for group in groups for _, payload in group] == list(range(50))
    assert all(len(g) <= 4 and (len(g) == 1 or sum(len(t) for t, _ in g) <= 900) for g in groups)


def test_the_batching_does_not_change_an_annotation() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("0*.txt"))]
    records = [{"id": str(i), "text": t, "published": "2024-05-15"} for i, t in enumerate(texts)]
    one_by_one = list(annotate_many(records, options=Options(batch_chars=1)))
    together = list(annotate_many(records, options=Options(batch_chars=10**9)))
    assert [a.id for a in one_by_one] == [str(i) for i in range(len(texts))]
    assert sum(len(a.events) for a in together) > 10
    assert [asdict(a) for a in one_by_one] == [asdict(a) for a in together]
