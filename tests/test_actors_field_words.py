"""The field words of unknown bodies' names are data (``data/actors/field_words.tsv``): every
entry's example name, written for it, must give a body of that field's sector."""

from __future__ import annotations

import pytest

from whodid.actors.entries import DataError
from whodid.actors.kb import ActorKB
from whodid.actors.loaders import parse_field_words, read_data_text
from whodid.actors.resolve import DocActors

_TEXT, _PATH = read_data_text("field_words.tsv")


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for raw in _TEXT.splitlines():
        if raw.strip() and not raw.startswith("#") and not raw.startswith("word\t"):
            word, sector, example = (c.strip() for c in raw.split("\t"))
            rows.append((word, sector, example))
    return rows


def test_every_row_is_loaded() -> None:
    fields = parse_field_words(_TEXT, _PATH)
    assert fields == {word: sector for word, sector, _ in _rows()}
    assert fields["bar"] == "JUD" and fields["human rights"] == "HRI"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("word\tsector\texample\nmedical\tXX\tThe A Medical Association\n", 2, "XX"),
        ("word\tsector\texample\nMedical\tHLH\tThe A Medical Association\n", 2, "lower-case"),
        ("word\tsector\texample\nmedical\tHLH\t\n", 2, "example"),
        ("word\tsector\nmedical\tHLH\n", 1, "3 tab-separated"),
        ("# fields\nwords\tsectors\texamples\n", 2, "header"),
    ],
)
def test_a_bad_row_names_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(DataError, match=f"field_words.tsv:{line}: .*{message}"):
        parse_field_words(text, "field_words.tsv")


@pytest.mark.model
@pytest.mark.parametrize(("word", "sector", "example"), _rows())
def test_each_example_takes_its_field(nlp, word: str, sector: str, example: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(f"{example} criticised the plan on Monday.")
    verb = next(t for t in doc if t.lower_ == "criticised")
    subject = next(t for t in verb.children if t.dep_ == "nsubj")
    actor = DocActors(ActorKB.builtin(), doc).resolve(subject)
    assert actor is not None and actor.code is not None, (word, example)
    assert actor.code.endswith(sector) and len(actor.code) == 6, (word, example, actor.code)
