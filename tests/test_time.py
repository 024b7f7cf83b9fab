"""Temporal expressions and event dating (whodid.time) and the TimeBank scorer."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whodid.evaluate.timebank import same_value, score_timebank
from whodid.records import Timex
from whodid.time import date_event, find_timexes, relative_step, value_to_date
from whodid.time.lexicon import LexiconError, parse_lexicon

DCT = date(2013, 3, 22)  # a Friday


def one(text: str, published: date | None = DCT) -> Timex:
    found = find_timexes(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "span", "ttype", "value"),
    [
        (
            "The vote was held on March 22, 2013 in the capital.",
            "March 22, 2013",
            "DATE",
            "2013-03-22",
        ),
        ("Talks began on 22 March 2013.", "22 March 2013", "DATE", "2013-03-22"),
        ("The file is dated 2013-03-22.", "2013-03-22", "DATE", "2013-03-22"),
        ("Prices rose in March 2012.", "March 2012", "DATE", "2012-03"),
        ("The war ended in 1998.", "1998", "DATE", "1998"),
        ("Tension grew in the 1990s.", "the 1990s", "DATE", "199"),
        ("The plan dates from mid-2012.", "mid-2012", "DATE", "2012"),
        ("Elections are due in early 2014.", "early 2014", "DATE", "2014"),
        ("The treaty was signed Sept. 5.", "Sept. 5", "DATE", "2012-09-05"),
        ("He resigned on 5 September.", "5 September", "DATE", "2012-09-05"),
        ("Fighting flared in September.", "September", "DATE", "2012-09"),
        ("Troops left back in late July.", "late July", "DATE", "2012-07"),
        ("Rebels regrouped last month.", "last month", "DATE", "2013-02"),
        ("Prices fell this month.", "this month", "DATE", "2013-03"),
        ("The summit opens next month.", "next month", "DATE", "2013-04"),
        ("Exports fell last year.", "last year", "DATE", "2012"),
        ("Growth slowed this year.", "this year", "DATE", "2013"),
        ("The army will withdraw next year.", "next year", "DATE", "2014"),
        ("Envoys met last week.", "last week", "DATE", "2013-W11"),
        ("Envoys meet this week.", "this week", "DATE", "2013-W12"),
        ("Protests began last spring.", "last spring", "DATE", "2012-SP"),
        ("Output rose in the first quarter.", "the first quarter", "DATE", "2013-Q1"),
        (
            "Sales fell in the third quarter of 2011.",
            "the third quarter of 2011",
            "DATE",
            "2011-Q3",
        ),
        ("Profits doubled in the first half of 2012.", "the first half of 2012", "DATE", "2012-H1"),
        ("The minister spoke today.", "today", "DATE", "2013-03-22"),
        ("The minister spoke yesterday.", "yesterday", "DATE", "2013-03-21"),
        ("The minister speaks tomorrow.", "tomorrow", "DATE", "2013-03-23"),
        ("Police raided the camp on Wednesday.", "Wednesday", "DATE", "2013-03-20"),
        ("The council will meet next Wednesday.", "next Wednesday", "DATE", "2013-03-27"),
        ("Shelling resumed Monday night.", "Monday night", "DATE", "2013-03-18"),
        ("Aid workers have recently returned.", "recently", "DATE", "PAST_REF"),
        ("The border is now closed.", "now", "DATE", "PRESENT_REF"),
        ("Talks will resume soon.", "soon", "DATE", "FUTURE_REF"),
        ("Reform is planned for the future.", "the future", "DATE", "FUTURE_REF"),
        ("Such raids were rare in the past.", "the past", "DATE", "PAST_REF"),
        ("Unrest grew earlier this year.", "earlier this year", "DATE", "2013"),
        ("The bomb exploded at 10 a.m.", "10 a.m.", "TIME", "2013-03-22T10:00"),
        ("The ministers met this morning.", "this morning", "TIME", "2013-03-22TMO"),
        ("The president speaks tonight.", "tonight", "TIME", "2013-03-22TNI"),
        ("Crowds gathered Tuesday evening.", "Tuesday evening", "TIME", "2013-03-19TEV"),
        ("The siege lasted three days.", "three days", "DURATION", "P3D"),
        ("The truce held for two weeks.", "two weeks", "DURATION", "P2W"),
        ("He served five years in prison.", "five years", "DURATION", "P5Y"),
        ("The ceasefire lasted several months.", "several months", "DURATION", "PXM"),
        ("Casualties rose over the past three years.", "the past three years", "DURATION", "P3Y"),
        ("The monitors report every week.", "every week", "SET", "P1W"),
        ("The council meets annually.", "annually", "SET", "P1Y"),
        ("The camp was shelled four days ago.", "four days ago", "DATE", "2013-03-18"),
        (
            "Voters go to the polls on Christmas Eve 2013.",
            "Christmas Eve 2013",
            "DATE",
            "2013-12-24",
        ),
        ("The party won in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ],
)
def test_forms(sentence: str, span: str, ttype: str, value: str) -> None:
    t = one(sentence)
    assert t.text == span
    assert sentence[t.start : t.end] == span
    assert (t.type, t.value) == (ttype, value)


def test_month_and_day_with_future_cue_looks_ahead() -> None:
    assert one("The talks will resume on August 2.").value == "2013-08-02"
    assert one("The talks resumed on August 2.").value == "2012-08-02"
    # without a cue, a date a few weeks ahead is taken as the coming one (deadlines, schedules)
    assert one("The deadline is April 2.").value == "2013-04-02"


def test_relative_chain_anchors_on_last_date() -> None:
    text = "The rebels attacked on June 3, 2010. Two days later, the army struck back."
    found = find_timexes(text, DCT)
    assert [t.value for t in found] == ["2010-06-03", "2010-06-05"]


def test_without_publication_date_values_hide_unknown_digits() -> None:
    found = find_timexes("They met yesterday and again on May 4.", None)
    assert [t.value for t in found] == ["XXXX-XX-XX", "XXXX-05-04"]
    assert one("The war ended in 1998.", None).value == "1998"


def test_sorted_and_non_overlapping() -> None:
    text = (
        "Last week, three days after the vote on Friday, March 15, "
        "the army said it will leave next month."
    )
    found = find_timexes(text, DCT)
    assert found == sorted(found, key=lambda t: t.start)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    assert [t.text for t in found] == ["Last week", "three days", "Friday, March 15", "next month"]


def test_not_everything_is_a_time() -> None:
    assert find_timexes("The march on the capital may turn violent, he said.", DCT) == []
    assert find_timexes("They seized 1,990 rifles and $1990 in cash, 2013%.", DCT) == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_random_text_never_crashes_and_spans_slice(text: str) -> None:
    for t in find_timexes(text, DCT):
        assert text[t.start : t.end] == t.text
        assert t.text.strip() == t.text and t.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Friday",
                "last week",
                "two days later",
                "the third quarter",
                "March 3",
                "in 1999",
                "a year ago",
                "every week",
                "now",
                "the",
                "rebels",
                "said",
                ".",
                ",",
                "next",
                "three",
            ]
        ),
        max_size=25,
    )
)
def test_word_salad_spans_slice(words: list[str]) -> None:
    text = " ".join(words)
    found = find_timexes(text, DCT)
    for t in found:
        assert text[t.start : t.end] == t.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# -- dating --------------------------------------------------------------------------------


def _tx(text: str, start: int, ttype: str, value: str) -> Timex:
    return Timex(start=start, end=start + len(text), text=text, type=ttype, value=value)


def test_governing_timex_wins() -> None:
    gov = _tx("March 3", 40, "DATE", "2013-03-03")
    near = _tx("yesterday", 5, "DATE", "2013-03-21")
    got = date_event(
        trigger_start=10,
        sentence_start=0,
        sentence_end=60,
        timexes=[near, gov],
        published=DCT,
        governing=gov,
    )
    assert got == ("2013-03-03", "day")


def test_closest_date_in_sentence_wins() -> None:
    far = _tx("in 2011", 0, "DATE", "2011")
    near = _tx("last month", 30, "DATE", "2013-02")
    other_sentence = _tx("yesterday", 80, "DATE", "2013-03-21")
    got = date_event(
        trigger_start=25,
        sentence_start=0,
        sentence_end=60,
        timexes=[far, near, other_sentence],
        published=DCT,
    )
    assert got == ("2013-02", "month")


def test_refs_and_durations_fall_back_to_published() -> None:
    ref = _tx("recently", 0, "DATE", "PAST_REF")
    dur = _tx("three days", 20, "DURATION", "P3D")
    assert date_event(
        trigger_start=12, sentence_start=0, sentence_end=40, timexes=[ref, dur], published=DCT
    ) == ("2013-03-22", "published")
    assert date_event(
        trigger_start=12, sentence_start=0, sentence_end=40, timexes=[], published=None
    ) == (None, None)


def test_relative_expression_anchors_on_previous_event() -> None:
    later = _tx("two days later", 0, "DATE", "XXXX-XX-XX")
    got = date_event(
        trigger_start=20,
        sentence_start=0,
        sentence_end=40,
        timexes=[later],
        published=DCT,
        previous=("2013-03-10", "day"),
    )
    assert got == ("2013-03-12", "day")
    nxt = _tx("the next day", 0, "DATE", "XXXX-XX-XX")
    assert date_event(
        trigger_start=20,
        sentence_start=0,
        sentence_end=40,
        timexes=[nxt],
        published=DCT,
        previous=("2013-03-10", "day"),
    ) == ("2013-03-11", "day")


def test_value_to_date_precisions() -> None:
    assert value_to_date("2013-03-18TNI") == ("2013-03-18", "day")
    assert value_to_date("2013-W12") == ("2013-03", "month")  # 18-24 March
    assert value_to_date("2013-W09") is None  # 25 February - 3 March
    assert value_to_date("2013-Q1") == ("2013", "year")
    assert value_to_date("2012-SU") == ("2012", "year")
    assert value_to_date("PRESENT_REF") is None
    assert relative_step("a week later") == (1, "W")
    assert relative_step("the previous day") == (-1, "D")


# -- lexicon and scorer --------------------------------------------------------------------


def test_lexicon_errors_name_file_and_line() -> None:
    with pytest.raises(LexiconError, match=r"x\.tsv:2: month value"):
        parse_lexicon("month\tjanuary\t1\nmonth\tfoo\t13\n", source="x.tsv")
    with pytest.raises(LexiconError, match=r"x\.tsv:1: expected 3"):
        parse_lexicon("month january 1\n", source="x.tsv")


def test_scorer_counts() -> None:
    rec = {
        "text": "He left on Friday and returned three days later.",
        "dct": {"value": "2013-03-22"},
        "timexes": [
            {"start": 11, "end": 17, "text": "Friday", "type": "DATE", "value": "2013-03-22"},
            {"start": 31, "end": 41, "text": "three days", "type": "DURATION", "value": "P3D"},
        ],
    }
    r = score_timebank([rec])
    assert r["gold"] == 2
    assert r["relaxed_recall"] == 1.0
    assert r["value_accuracy"] == 1.0
    assert r["strict_recall"] == 0.5  # "three days later" is one longer span

    def nothing(text: str, published: date | None) -> list[Timex]:
        return []

    assert score_timebank([rec], nothing)["relaxed_recall"] == 0.0
    assert same_value("2000-W7", "2000-W07") and not same_value("2000-W7", "2000-W08")
