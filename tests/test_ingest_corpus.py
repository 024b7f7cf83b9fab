"""Corpus readers: folders, every format, gzip, stdin, and junk that must not stop a run."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from corpus_build import build

from whodid.ingest import (
    CorpusOptions,
    FieldMap,
    Found,
    Problem,
    detect_format,
    estimate_count,
    iter_corpus,
    looks_binary,
)
from whodid.ingest.tabular import lenient_date

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="module")
def corpus_items() -> list[Found | Problem]:
    build()
    return list(iter_corpus([CORPUS]))


def _name(item: Found | Problem) -> str:
    return item.origin.split("/corpus/")[-1]


def test_every_format_of_the_test_corpus_gives_articles(corpus_items):
    found = {(_name(i), i.locator) for i in corpus_items if isinstance(i, Found)}
    kinds = {name.rsplit(".", 1)[-1] for name, _ in found}
    assert {"jsonl", "json", "csv", "html", "rss", "atom", "gz", "txt"} <= kinds
    assert ("records/reprints.csv", "row 2") in found
    assert ("feeds/world.rss", "item 2") in found
    assert any(name == "archives/crawl.warc.gz" for name, _ in found)
    assert ("records/more.jsonl.gz", "line 2") in found


def test_junk_gives_one_problem_each(corpus_items):
    problems = {(_name(i), i.locator): i.kind for i in corpus_items if isinstance(i, Problem)}
    assert problems[("junk/empty.txt", "")] == "empty"
    assert problems[("junk/noise.bin", "")] == "binary"
    assert problems[("junk/truncated.txt.gz", "")] == "unreadable"
    assert problems[("pages/menu_only.html", "")] == "html"
    assert problems[("junk/broken.jsonl", "line 2")] == "json"
    assert problems[("junk/broken.jsonl", "line 3")] == "record"
    assert problems[("records/reprints.csv", "row 3")] == "record"
    assert problems[("feeds/world.rss", "item 3")] == "empty"
    assert any(
        name == "archives/crawl.warc.gz" and kind == "html" for (name, _), kind in problems.items()
    )


def test_record_metadata_and_aliases(corpus_items):
    by_id = {i.article.id: i for i in corpus_items if isinstance(i, Found)}
    csv_row = by_id["lp-1"].article  # columns article_id, headline, date, outlet, body
    assert csv_row.title == "Ethiopia and Kenya sign water deal"
    assert csv_row.published == date(2024, 3, 4)
    assert csv_row.source == "Lakeside Post"
    rss = by_id["nl-5501"].article
    assert rss.source == "Northern Ledger - World" and rss.published == date(2024, 3, 8)
    assert rss.url == "https://northern-ledger.example/world/russia-ukraine-warning"
    assert "<p>" not in rss.text
    legacy = by_id["legacy_cp1252"].article
    assert "\u2019" in legacy.text and "caf\u00e9" in legacy.text
    warned = by_id["b-6"]
    assert warned.article.published is None and "last spring" in warned.warnings[0]


def test_order_is_stable(corpus_items):
    assert [(_name(i), i.locator) for i in corpus_items] == [
        (_name(i), i.locator) for i in iter_corpus([CORPUS])
    ]


def test_huge_file_is_refused_without_being_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024 + 1)  # sparse: instant, no disk used
    ok = tmp_path / "ok.txt"
    ok.write_text("Peru recalled its ambassador from Chile on Monday.", encoding="utf-8")
    items = list(iter_corpus([tmp_path]))
    kinds = {Path(i.origin).name: (i.kind if isinstance(i, Problem) else "ok") for i in items}
    assert kinds == {"huge.txt": "too-large", "ok.txt": "ok"}


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"word " * 200_000))
    [item] = iter_corpus([bomb], options=CorpusOptions(max_bytes=10_000))
    assert isinstance(item, Problem) and item.kind == "too-large"


def test_overlong_article_text_is_a_problem(tmp_path):
    batch = tmp_path / "long.jsonl"
    batch.write_text(json.dumps({"id": "x", "text": "word " * 100}) + "\n", encoding="utf-8")
    [item] = iter_corpus([batch], options=CorpusOptions(max_chars=50))
    assert isinstance(item, Problem) and item.kind == "too-large"


def test_stdin_is_jsonl(monkeypatch):
    data = (json.dumps({"id": "s1", "text": "Ghana thanked Togo."}) + "\n{oops\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(iter_corpus(["-"]))
    assert (
        isinstance(items[0], Found)
        and items[0].origin == "<stdin>"
        and items[0].locator == "line 1"
    )
    assert isinstance(items[1], Problem) and items[1].locator == "line 2"
    assert estimate_count(["-"]) is None


def test_missing_path_is_a_problem(tmp_path):
    [item] = iter_corpus([tmp_path / "nope"])
    assert isinstance(item, Problem) and item.kind == "unreadable"


def test_field_mapping(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text(
        "key\tcopy\twhen\nk1\tChad thanked Niger for the aid.\t20240301\n", encoding="utf-8"
    )
    [item] = iter_corpus(
        [table],
        options=CorpusOptions(fields=FieldMap.parse(["text=copy", "id=key", "published=when"])),
    )
    assert isinstance(item, Found)
    assert (item.article.id, item.article.published) == ("k1", date(2024, 3, 1))
    [missing] = iter_corpus([table])
    assert isinstance(missing, Problem) and "--field text=" in missing.message


@pytest.mark.parametrize("spec", ["text", "body=text", "text=", "=body"])
def test_bad_field_mapping(spec):
    with pytest.raises(ValueError, match="field mapping"):
        FieldMap.parse([spec])


def test_json_forms(tmp_path):
    (tmp_path / "list.json").write_text(
        json.dumps([{"text": "Iran warned Israel."}, {"nope": 1}]), encoding="utf-8"
    )
    (tmp_path / "one.json").write_text(
        json.dumps({"text": "Cuba praised Venezuela.", "id": "c"}), encoding="utf-8"
    )
    (tmp_path / "bad.json").write_text('{"text": ', encoding="utf-8")
    items = list(iter_corpus([tmp_path]))
    summary = [(Path(i.origin).name, i.locator, type(i).__name__) for i in items]
    assert summary == [
        ("bad.json", "", "Problem"),
        ("list.json", "item 1", "Found"),
        ("list.json", "item 2", "Problem"),
        ("one.json", "", "Found"),
    ]
    assert items[1].article.id == "list:1"


def test_hidden_files_are_skipped(tmp_path):
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("Nepal thanked India for the aid.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Nepal thanked India for the aid.", encoding="utf-8")
    assert [Path(i.origin).name for i in iter_corpus([tmp_path])] == ["y.txt"]


def test_detect_format_and_binary():
    assert detect_format("a.txt", b"hello") == "text"
    assert detect_format("feed.xml", b"<?xml version='1.0'?><rss>") == "feed"
    assert detect_format("page", b"<!DOCTYPE html><html>") == "html"
    assert detect_format("dump", b'{"id": 1, "text": "x"}\n{"id": 2}') == "jsonl"
    assert detect_format("crawl", b"WARC/1.0\r\n") == "warc"
    assert detect_format("blob", bytes(range(256))) is None
    assert looks_binary(b"\x00\x01\x02abc") and not looks_binary("caf\u00e9".encode("cp1252"))
    assert not looks_binary("\ufeffhello".encode("utf-16"))


def test_lenient_dates():
    assert lenient_date("Tue, 05 Mar 2024 10:00:00 GMT") == date(2024, 3, 5)
    assert lenient_date("March 5, 2024") == date(2024, 3, 5)
    assert lenient_date(20240305) == date(2024, 3, 5)
    assert lenient_date("") is None
    with pytest.raises(ValueError):
        lenient_date("sometime soon")


def test_estimate_count_counts_records():
    build()
    assert (
        estimate_count([CORPUS / "records" / "wire.jsonl", CORPUS / "records" / "more.jsonl.gz"])
        == 6
    )
