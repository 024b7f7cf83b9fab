"""Document readers: text files, HTML pages, JSON Lines batch records."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from whodid.ingest import (
    ReadError,
    article_from_record,
    decode_bytes,
    iter_jsonl_records,
    parse_date,
    read_article,
    read_html,
    read_text_file,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

STORY = (
    "Ghana and Togo agree to reopen border\n\n"
    "ACCRA (Wire) - Ghana and Togo agreed on Monday to reopen their main border crossing.\n"
)

PAGE = """<!DOCTYPE html><html><head>
<title>Ghana and Togo agree to reopen border | Harbour Press</title>
<meta property="og:site_name" content="Harbour Press">
<meta property="article:published_time" content="2023-02-06T09:15:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/africa">Africa</a> <a href="/sport">Sport</a></nav>
<article><h1>Ghana and Togo agree to reopen border</h1>
<p>ACCRA (Wire) - Ghana and Togo agreed on Monday to reopen their main border crossing,
which was closed three weeks ago after clashes between traders and customs officers.</p>
<p>The two governments said in a joint statement that officials would meet every month to
settle disputes over tariffs and that a new customs post would open by the end of the year.</p>
<p>Traders on both sides welcomed the decision, saying the closure had cost them dearly.</p>
</article>
<footer>&copy; 2023 Harbour Press. All rights reserved.</footer>
</body></html>"""


# -- text files ------------------------------------------------------------------------------


def test_read_utf8_text_file(tmp_path: Path) -> None:
    path = tmp_path / "border.txt"
    path.write_bytes(STORY.encode("utf-8"))
    article = read_text_file(path)
    assert article.text == STORY  # the full text, headline included
    assert article.title == "Ghana and Togo agree to reopen border"
    assert article.id == "border"
    assert article.published is None


def test_read_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode("utf-8"))
    article = read_text_file(path)
    assert article.text == STORY
    assert not article.text.startswith("\ufeff")


def test_read_latin1_and_cp1252_bytes(tmp_path: Path) -> None:
    text = "Caf\u00e9 owners in S\u00e3o Tom\u00e9 protest\n\nThe na\u00efve plan failed.\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    assert read_text_file(path).text == text
    smart = "\u201cWe will not back down,\u201d she said \u2014 twice.\n"
    assert decode_bytes(smart.encode("cp1252")) == smart


def test_decode_other_code_page_by_detection() -> None:
    text = "Президент сказал, что переговоры продолжатся."
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize("content", [b"", b"  \n\n\t "])
def test_empty_text_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match="empty.txt"):
        read_text_file(path)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="nowhere.txt"):
        read_article(tmp_path / "nowhere.txt")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Talks collapse in Geneva\n\nThe talks collapsed.", "Talks collapse in Geneva"),
        ("The talks collapsed on Monday.\nBoth sides left.", None),  # a sentence, not a headline
        ("Only one line here", None),
    ],
)
def test_title_guess(tmp_path: Path, text: str, title: str | None) -> None:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert read_text_file(path).title == title


# -- HTML ------------------------------------------------------------------------------------


def test_read_html_title_date_text() -> None:
    article = read_html(PAGE, url="https://harbour.example/africa/border")
    assert article.title == "Ghana and Togo agree to reopen border"
    assert article.published == date(2023, 2, 6)
    assert "agreed on Monday to reopen their main border crossing" in article.text
    assert "Sport" not in article.text and "All rights reserved" not in article.text
    assert article.url == "https://harbour.example/africa/border"
    assert article.source == "Harbour Press"


def test_read_html_bytes_via_read_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("utf-8"))
    article = read_article(path)
    assert article.id == "page"
    assert article.published == date(2023, 2, 6)


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>",
        "<html><body><div></div></body></html>",
        "   ",
    ],
)
def test_html_without_text_is_an_error(page: str) -> None:
    with pytest.raises(ReadError, match="blank.html"):
        read_html(page, name="blank.html")


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(ReadError, match=r"report\.pdf.*unsupported"):
        read_article(path)


def test_bundled_examples_read() -> None:
    for path in sorted(EXAMPLES.glob("*.txt")):
        article = read_article(path)
        assert article.title and len(article.text.split()) > 250, path.name
    page = read_article(EXAMPLES / "04_leaders_meeting.html")
    assert page.published == date(2024, 9, 18)
    assert page.title and "Tokyo" in page.title
    assert "Privacy" not in page.text


def test_bundled_jsonl_matches_text_files() -> None:
    rows = list(iter_jsonl_records(EXAMPLES / "articles.jsonl"))
    assert len(rows) == 5 and all(error is None for _, _, error in rows)
    for _, record, _ in rows:
        assert record is not None
        article = article_from_record(record)
        text = (EXAMPLES / f"{article.id}.txt").read_text(encoding="utf-8").rstrip("\n")
        assert article.text == text and article.published is not None


# -- dates and batch records -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2013-03-22", date(2013, 3, 22)),
        ("20130322", date(2013, 3, 22)),
        ("2013-03-22T10:15:00", date(2013, 3, 22)),
        ("2013-03-22T23:15:00Z", date(2013, 3, 22)),
        ("2013-03-22 08:00:00+02:00", date(2013, 3, 22)),
        (None, None),
        ("", None),
    ],
)
def test_parse_date(value: str | None, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2013-02-30", "22/03/2013", "yesterday", "2013-3-2", "20131301"])
def test_parse_date_rejects(value: str) -> None:
    with pytest.raises(ValueError, match=value):
        parse_date(value)


def test_iter_jsonl_keeps_going_past_broken_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Police arrested ten people.", "published": "2020-01-02"}),
        "{not json",
        "",
        json.dumps({"text": "No id here."}),
        json.dumps({"id": "c", "text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "d"}),
        json.dumps({"id": "e", "text": "The minister resigned."}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = list(iter_jsonl_records(path))
    assert [n for n, _, _ in rows] == [1, 2, 4, 5, 6, 7, 8]  # the blank line 3 is skipped
    errors = {n: error for n, _, error in rows if error}
    assert set(errors) == {2, 4, 5, 6, 7}
    assert "invalid JSON" in errors[2]
    assert "'id'" in errors[4]
    assert "'text'" in errors[5] and "'text'" in errors[7]
    assert "object" in errors[6]
    assert rows[3][1] == {"id": "c", "text": 42}  # the object is kept so its id can be echoed
    assert rows[4][1] is None
    good = [record for _, record, error in rows if error is None]
    assert [r["id"] for r in good if r] == ["a", "e"]


def test_iter_jsonl_bad_utf8_line_and_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"id": "x", "text": "ok"}\n\xff\xfe bad\n{"id": "y", "text": "fine"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    rows = list(iter_jsonl_records("-"))
    assert [error is None for _, _, error in rows] == [True, False, True]
    assert "UTF-8" in (rows[1][2] or "")


def test_iter_jsonl_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="missing.jsonl"):
        list(iter_jsonl_records(tmp_path / "missing.jsonl"))


def test_article_from_record() -> None:
    article = article_from_record(
        {
            "id": "doc-1",
            "text": "Rebels attacked the town.",
            "published": "20240105",
            "title": "Attack",
            "url": "https://example.org/a",
            "source": "Harbour Press",
            "extra": [1, 2],
        }
    )
    assert article.id == "doc-1" and article.published == date(2024, 1, 5)
    assert (article.title, article.url, article.source) == (
        "Attack",
        "https://example.org/a",
        "Harbour Press",
    )
    assert article_from_record({"id": 7, "text": "x"}).id == "7"
    asked = article_from_record(
        {"id": "a", "text": "Rebels attacked.", "locate": [{"start": 7, "end": 15}]}
    )
    assert asked.locate == ((7, 15),)
    with pytest.raises(ValueError, match="locate"):
        article_from_record({"id": "a", "text": "x", "locate": [{"start": 0, "end": 9}]})


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a", "text": "x", "published": "05/01/2024"}, "05/01/2024"),
        ({"id": "a", "text": "x", "published": 20240105}, "published"),
        ({"id": "a", "text": "x", "title": ["t"]}, "title"),
        ({"id": "a"}, "text"),
        ({"text": "x"}, "id"),
    ],
)
def test_article_from_bad_record(record: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        article_from_record(record)
