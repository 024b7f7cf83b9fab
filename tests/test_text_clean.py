"""Boilerplate detection: captions, credits, copyright, bylines, datelines, link lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whodid.text import (
    boilerplate_spans,
    dateline_place,
    dateline_span,
    in_boilerplate,
    mask_boilerplate,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def marked(text: str) -> list[str]:
    return [text[s:e] for s, e in boilerplate_spans(text)]


@pytest.mark.parametrize(
    "line",
    [
        "Photo by KWAME MENSAH/AFP via Getty Images",
        "(Photo: Reuters)",
        "Image credit: Ministry of Defence",
        "File photo",
        "Getty Images",
        "Lena Novak/Reuters",
        "Copyright 2023 Northwind News",
        "© 2024 Harbour Press. All rights reserved.",
        "All rights reserved.",
        "Do not reproduce without permission.",
        "By Jane Doe, Reuters",
        "By JANE DOE Associated Press",
        "Read more: Why the ceasefire failed",
        "Related: Talks collapse in Geneva",
        "Sign up for our weekly Africa newsletter",
        "Follow us on Twitter",
        "Reporting by Jane Doe; Editing by John Roe",
        "(Reporting by Jane Doe in Accra; Editing by John Roe)",
        "Advertisement",
        "Tomas Berg contributed reporting to this story.",
    ],
)
def test_whole_line_is_boilerplate(line: str) -> None:
    text = f"Rebels seize river port\n\n{line}\n\nThe rebels seized the port on Monday."
    assert marked(text) == [line]


@pytest.mark.parametrize(
    "text",
    [
        "The president said the talks were useful and would continue next month.",
        "By Tuesday, the army had withdrawn from the town.",
        "Related clashes broke out in the north of the country.",
        "Thousands of young men rushed to sign up for the army.",
        "The reporting by the newspaper showed that the minister had lied.",
        "Photographs of the damaged bridge were shown to reporters.",
        "The email included a photo of the senator holding a rifle.",
        "UN: Syria talks to resume in Geneva next week",
        "Q: What did the police do?\nA: They fired tear gas.",
        "NATO-led troops patrolled the border on Friday.",
        "Voters in Caf\u00c3\u00a9 Street complained.",  # mojibake "Ã©" is not a copyright sign
    ],
)
def test_story_text_is_untouched(text: str) -> None:
    assert boilerplate_spans(text) == []


def test_caption_with_trailing_credit_is_a_caption() -> None:
    text = (
        "Police fire tear gas at protesters in Dhaka. (AP Photo/Jane Doe)\n"
        "The government blamed the opposition for the violence."
    )
    assert marked(text) == ["Police fire tear gas at protesters in Dhaka. (AP Photo/Jane Doe)"]


def test_inline_credit_in_a_paragraph_marks_only_the_credit() -> None:
    text = "The ministers met in Rome (Photo: Reuters) and agreed to talk again in May."
    assert marked(text) == ["(Photo: Reuters)"]


def test_caption_line_above_a_credit_line() -> None:
    text = (
        "Floods sweep through valley\n\nVillagers wade through water near the river.\n"
        "Photo: Ana Ruiz/Harbour Press\n\nFloods killed six people on Sunday."
    )
    assert marked(text) == [
        "Villagers wade through water near the river.",
        "Photo: Ana Ruiz/Harbour Press",
    ]


def test_headline_repeated_as_caption() -> None:
    text = (
        "Army seizes town after week of fighting\n"
        "Army seizes town after week of fighting\n"
        "The army seized the town on Sunday."
    )
    spans = boilerplate_spans(text)
    assert len(spans) == 1
    assert spans[0][0] == text.index("\n") + 1  # the repeat, not the headline itself


def test_read_more_block_of_headlines() -> None:
    text = (
        "Minister quits\n\nThe minister resigned on Friday.\n\nRead more\n\n"
        "Why prices keep rising\n\nThe cabinet will meet on Monday to name a successor."
    )
    assert marked(text) == ["Read more", "Why prices keep rising"]


@pytest.mark.parametrize(
    ("text", "dateline", "place"),
    [
        (
            "MEXICO CITY (Reuters) - Police arrested ten people.",
            "MEXICO CITY (Reuters) -",
            "MEXICO CITY",
        ),
        (
            "WASHINGTON, Dec 11 (AP) \u2014 The Senate voted on Tuesday.",
            "WASHINGTON, Dec 11 (AP) \u2014",
            "WASHINGTON",
        ),
        (
            "NAIROBI, March 4 (Wire) - Kenya recalled its envoy.",
            "NAIROBI, March 4 (Wire) -",
            "NAIROBI",
        ),
        (
            "Kabul, Afghanistan (CNN) -- A bomb exploded near the ministry.",
            "Kabul, Afghanistan (CNN) --",
            "Kabul, Afghanistan",
        ),
        ("ACCRA \u2014 Ghana's parliament met on Monday.", "ACCRA \u2014", "ACCRA"),
        (
            "ADDIS ABABA, Ethiopia (AP)_ Talks opened.",
            "ADDIS ABABA, Ethiopia (AP)_",
            "ADDIS ABABA, Ethiopia",
        ),
    ],
)
def test_dateline(text: str, dateline: str, place: str) -> None:
    span = dateline_span(text)
    assert span is not None and text[span[0] : span[1]] == dateline
    assert marked(text) == [dateline]  # only the dateline, never the sentence after it
    place_span = dateline_place(text)
    assert place_span is not None and text[place_span[0] : place_span[1]] == place


def test_dateline_after_headline_and_byline() -> None:
    text = "Talks stall\nBy Jane Doe, Reuters\n\nGENEVA (Reuters) - The talks stalled on Friday."
    span = dateline_place(text)
    assert span is not None and text[span[0] : span[1]] == "GENEVA"


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING - Minister resigns after vote",
        "Police arrested ten people in Lagos on Monday.",
        "JOHN SMITH: We will not give up.\nJANE ROE: Nor will we.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_span(text) is None
    assert dateline_place(text) is None


def test_offsets_refer_to_the_original_text_and_mask_keeps_length() -> None:
    text = "Rain halts rescue\n\nFile photo\n\nLIMA (Wire) - Rain halted the rescue on Sunday."
    spans = boilerplate_spans(text)
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert "File photo" not in masked and "LIMA" not in masked
    assert "Rain halted the rescue on Sunday." in masked
    start = text.index("Rain halted")
    assert not in_boilerplate(spans, start, start + 4)
    assert in_boilerplate(spans, text.index("File"), text.index("File") + 4)
    assert spans == sorted(spans) and all(s < e for s, e in spans)


def test_bundled_examples_have_their_boilerplate_found() -> None:
    for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        found = marked(text)
        assert any("Meridian Wire" in part for part in found), record["id"]  # copyright line
        assert any("(Meridian)" in part for part in found), record["id"]  # dateline
        assert dateline_place(text) is not None
        covered = sum(len(part) for part in found)
        assert covered < 0.25 * len(text), record["id"]  # the story itself stays


def test_long_input_is_fast() -> None:
    line = "By the time the delegates arrived, nothing had been agreed " * 400
    text = "\n".join(f"{line}{n}" for n in range(20))
    assert boilerplate_spans(text) == []
