"""whodid.time: the keyword pre-filter of the rules and the normalisation rules added for
weeks, quarters, halves, decades and tense (inputs written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from whodid.time import find_timexes
from whodid.time.patterns import compiled_rules
from whodid.time.timex import candidates

FILLER = "The committee members discussed the proposal at great length without agreeing. " * 4

SENTENCES = [
    "The ceasefire began on March 3, 2012 at 6 a.m. EST Tuesday.",
    "Two weeks later, the envoys met again; some 20 years ago they had fought.",
    "Sales rose 5% in the third quarter of fiscal 1999, up from a year earlier.",
    "Every Monday the council meets, usually twice a month, since the 1990s.",
    "Protests resumed last spring and again early this week, then on Christmas Day.",
    "Nineteen ninety-seven was calmer; at noon yesterday, nothing happened.",
    "She said the year-ago period was weak, and currently the outlook is better.",
    "He arrived the day before yesterday and will leave tomorrow morning or the following week.",
    "In late July 2011 and 12/05/2010, prices fell; in the past few months they rose daily.",
    "Output fell in the first two quarters, then in the week of May 5 of the current fiscal year.",
    "Revenue rose in Q3 2011 and 1H12, FY2012 ends two weeks from now, the last week of June.",
    "In the 19th century and the nineties, sales for the full year fell in the near term.",
    "By mid-afternoon the ferry left; at 5 in the morning it sailed, as in past years.",
    "Rates may ease in coming months, and in the evening the board will meet again.",
]


def test_prefilter_finds_what_a_full_scan_finds() -> None:
    text = "\n\n".join(s + " " + FILLER for s in SENTENCES)
    rules, _ = compiled_rules()
    full = {(idx, m.span()) for idx, r in enumerate(rules) for m in r.pattern.finditer(text)}
    filtered = {(idx, m.span()) for _, _, idx, m in candidates(text)}
    assert full == filtered
    assert len(full) > 40


def test_every_rule_has_keywords() -> None:
    rules, _ = compiled_rules()
    assert all(r.needs and all(r.needs) for r in rules)


def test_scorer_keeps_records_with_the_same_text_apart() -> None:
    from typing import Any

    from whodid.evaluate.timebank import score

    def record(n: int, dct: str) -> dict[str, Any]:
        gold = {"start": 8, "end": 14, "text": "Monday", "type": "DATE", "value": dct}
        return {"id": n, "text": "He left Monday.", "dct": {"value": dct}, "timexes": [gold]}

    def annotate(inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                "times": [
                    {
                        "start": 8,
                        "end": 14,
                        "text": "Monday",
                        "type": "DATE",
                        "value": i["published"],
                    }
                ]
            }
            for i in inputs
        ]

    result = score([record(1, "2013-03-18"), record(2, "2013-03-25")], annotate)
    assert result.metrics["value_accuracy"] == 1.0


def value_of(text: str, span: str, published: date = date(2013, 3, 22)) -> str:
    found = {t.text: t.value for t in find_timexes(text, published)}
    assert span in found, found
    return found[span]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # a future cue looks ahead, but not a whole year: the deadline has just passed
        ("The ministry had to hand over the files by March 14.", "March 14", "2013-03-14"),
        ("Shares bought through March 1 count.", "March 1", "2013-03-01"),
        ("The new law will take effect on Sept. 1.", "Sept. 1", "2013-09-01"),
        # a weekday named with the date fixes the year
        ("The paper wrote on Tuesday, March 26 that", "Tuesday, March 26", "2013-03-26"),
        ("The paper wrote on Monday, March 26 that", "Monday, March 26", "2012-03-26"),
        # the cue before the expression governs it, not the reporting verb after it
        ("The envoy will arrive Tuesday, officials said.", "Tuesday", "2013-03-26"),
        ("The envoy arrived Tuesday, officials said.", "Tuesday", "2013-03-19"),
        ("Rebels have until Monday to leave the town.", "Monday", "2013-03-25"),
        # halves, fiscal years, weeks of a date
        (
            "Growth should return in the first two quarters of 2014.",
            "the first two quarters of 2014",
            "2014-H1",
        ),
        ("Sales will slow in the last half of 2013.", "the last half of 2013", "2013-H2"),
        ("Sales rose in the current fiscal year.", "the current fiscal year", "2013"),
        ("A hearing is set for the week of April 8.", "the week of April 8", "2013-W15"),
        # a quarter "ended" on a date: the calendar quarter of its middle month
        ("Profit rose in the quarter ended Jan. 31.", "the quarter", "2012-Q4"),
        ("Profit rose in the quarter ended Dec. 31.", "the quarter", "2012-Q4"),
    ],
)
def test_rules(sentence: str, span: str, value: str) -> None:
    assert value_of(sentence, span) == value


def test_the_last_quarter_alone_is_no_fourth_quarter() -> None:
    values = [t.value for t in find_timexes("He scored in the last quarter.", date(2013, 3, 22))]
    assert "2013-Q4" not in values


def test_year_ago_period_after_an_outlook_is_the_reported_quarter() -> None:
    text = (
        "The company expects a recovery in the third quarter of 2014. "
        "In the year-ago period, it earned $3 million."
    )
    assert value_of(text, "the year-ago period", date(2013, 10, 20)) == "2012-Q3"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # capitalised words and -eed verbs are no past-tense cues
        ("The pilot will fly to the United States Thursday.", "Thursday", "2013-03-28"),
        ("She will succeed the chairman May 1.", "May 1", "2013-05-01"),
        ("The pilot flew to the United States Thursday.", "Thursday", "2013-03-21"),
        # an initial or a title ends no sentence: the cue "will" still governs the date
        ("Ms. Ruiz will succeed John P. Smith Sept. 1.", "Sept. 1", "2013-09-01"),
        # a period that ended on a day lies before publication
        ("In the fiscal year ended May 31, sales fell.", "May 31", "2012-05-31"),
    ],
)
def test_tense_cues(sentence: str, span: str, value: str) -> None:
    assert value_of(sentence, span) == value


def test_one_day_after_a_modal_is_the_future() -> None:
    assert value_of("The town will one day be a city.", "one day") == "FUTURE_REF"
    assert value_of("The strike lasted one day.", "one day") == "P1D"


def test_the_quarter_is_the_one_the_story_reports() -> None:
    text = (
        "Profit rose 5% in the third quarter. After a weak second quarter, sales recovered. "
        "The quarter's margin was the best in years. In the 1988 period, profit fell. "
        "Costs were lower than a year ago."
    )
    found = {t.text: t.value for t in find_timexes(text, date(1989, 11, 1))}
    assert found["The quarter"] == "1989-Q3"
    assert found["the 1988 period"] == "1988-Q3"
    assert found["a year ago"] == "1988-Q3"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Profit fell in fiscal 2012's second quarter.", "fiscal 2012's second quarter", "2012-Q2"),
        ("Revenue grew in Q4.", "Q4", "2013-Q4"),
        ("Revenue grew in Q3 2011.", "Q3 2011", "2011-Q3"),
        ("Revenue grew in 3Q11.", "3Q11", "2011-Q3"),
        ("Revenue grew in Q2 of 2012.", "Q2 of 2012", "2012-Q2"),
        ("Margins held in H2 2012.", "H2 2012", "2012-H2"),
        ("The FY2012 budget passed.", "FY2012", "2012"),
        ("The envoy returns two weeks from now.", "two weeks from now", "2013-W14"),
        ("The deal was signed a fortnight ago.", "a fortnight ago", "2013-W10"),
        ("Fighting eased in the second week of January.", "the second week of January", "2013-W02"),
        ("Fighting eased in the last week of February.", "the last week of February", "2013-W09"),
        ("Wars scarred the 20th century.", "the 20th century", "19"),
        ("Jazz thrived in the late twenties.", "the late twenties", "192"),
        ("Sales for the full year rose.", "the full year", "2013"),
        ("Rates stay low for the near term.", "the near term", "FUTURE_REF"),
    ],
)
def test_short_forms_and_weeks(sentence: str, span: str, value: str) -> None:
    assert value_of(sentence, span) == value


def test_strain_names_are_no_halves() -> None:
    assert find_timexes("The H1N1 strain spread.", date(2013, 3, 22)) == []


def test_last_year_in_a_quarterly_comparison_is_the_year_ago_quarter() -> None:
    text = "Third-quarter profit rose to $5 million, compared with $3 million last year."
    assert value_of(text, "last year", date(1989, 10, 30)) == "1988-Q3"
    assert value_of("Exports fell last year.", "last year", date(1989, 10, 30)) == "1988"


def test_conjunctions_and_ages_are_no_times() -> None:
    found = find_timexes(
        "As soon as the man, 52 years old, arrived, talks began.", date(2013, 3, 22)
    )
    assert found == []
    assert value_of("Talks will resume soon.", "soon") == "FUTURE_REF"
    assert value_of("He served 52 years in office.", "52 years") == "P52Y"


@pytest.mark.parametrize(
    ("sentence", "span", "published", "value"),
    [
        # an -ed adjective or passive participle is no past-tense cue: "would be" still governs
        (
            "The grant will be released on an as yet undisclosed date in January.",
            "January",
            date(2013, 10, 26),
            "2014-01",
        ),
        # an offset written before a date counts from that date, not from the last one named
        ("The talks resumed two days after March 3.", "two days after March 3", None, "2013-03-05"),
        (
            "He left the day before last Tuesday's hearing.",
            "the day before last Tuesday",
            None,
            "2013-03-18",
        ),
        (
            "The shops reopened the day after Christmas.",
            "the day after Christmas",
            None,
            "2012-12-26",
        ),
        ("The plant closed three years after 1990.", "three years after 1990", None, "1993"),
        # "then-current": current at a past time
        ("Holders could buy at the then-current price.", "current", None, "PAST_REF"),
        # "in five years" with a future verb is a date that far ahead; without one, a duration
        ("The bonds will mature in five years.", "five years", None, "2018"),
        ("The work was finished in two weeks.", "two weeks", None, "P2W"),
        ("The envoy will visit twice in two weeks.", "two weeks", None, "P2W"),
    ],
)
def test_cues_offsets_and_points_ahead(
    sentence: str, span: str, published: date | None, value: str
) -> None:
    assert value_of(sentence, span, published or date(2013, 3, 22)) == value


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("They may use the port for at least 20 more years.", "at least 20 more years", "P20Y"),
        ("The loan may be extended for an additional year.", "an additional year", "P1Y"),
        ("She asked for a few more days.", "a few more days", "PXD"),
    ],
)
def test_more_and_additional_units_are_durations(sentence: str, span: str, value: str) -> None:
    assert value_of(sentence, span) == value


def test_the_second_day_of_a_pair_shares_month_and_year() -> None:
    found = {
        t.text: t.value for t in find_timexes("Talks are set for May 2 and 3.", date(2013, 3, 22))
    }
    assert found == {"May 2": "2013-05-02", "3": "2013-05-03"}
    found = {
        t.text: t.value for t in find_timexes("On May 2 and 30 people died.", date(2013, 3, 22))
    }
    assert "30" not in found


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # a plan told in the past perfect lies in the past; in the present, ahead
        ("The offer had been scheduled to expire Friday.", "Friday", "2013-03-15"),
        ("The offer is scheduled to expire Friday.", "Friday", "2013-03-22"),
        # a holiday's week is the ISO week that holds it
        ("Pilgrims gathered as Easter week began.", "Easter week", "2013-W13"),
        ("Shops close during Christmas week 2012.", "Christmas week 2012", "2012-W52"),
    ],
)
def test_past_perfect_plans_and_holiday_weeks(sentence: str, span: str, value: str) -> None:
    assert value_of(sentence, span, date(2013, 3, 20)) == value


def test_soon_in_a_past_story_is_no_future_reference() -> None:
    for sentence in (
        "The hostage was killed soon after his capture.",
        "The minister was soon released.",
        "Troops soon captured the town.",
    ):
        assert find_timexes(sentence, date(2013, 3, 22)) == [], sentence
    assert value_of("The court will soon need more judges.", "soon") == "FUTURE_REF"
    assert value_of("Prosecutors say they may soon seek charges.", "soon") == "FUTURE_REF"


def test_that_same_day_after_a_month_is_a_day_of_that_month() -> None:
    text = "The clinic was attacked in October. The letter was sent that same day."
    assert value_of(text, "same day", date(2013, 3, 22)) == "2012-10-XX"
    assert value_of("He arrived on May 3. That day, he spoke.", "That day") == "2013-05-03"


def _parsed(
    words: list[str], tags: list[str], deps: list[str], heads: list[int], lemmas: list[str]
) -> Doc:
    """A hand-built parse (no model), POS from the tags."""
    pos = {"VBP": "VERB", "VBZ": "VERB", "VBD": "VERB", "VB": "VERB", "NNP": "PROPN"}
    return Doc(
        Vocab(),
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))],
        tags=tags,
        pos=[pos.get(t, "NOUN" if t.startswith("NN") else "X") for t in tags],
        deps=deps,
        heads=heads,
        lemmas=lemmas,
    )


def test_the_parse_tells_a_tense_no_word_shows() -> None:
    meet = _parsed(
        ["The", "ministers", "meet", "Monday", "."],
        ["DT", "NNS", "VBP", "NNP", "."],
        ["det", "nsubj", "ROOT", "npadvmod", "punct"],
        [1, 2, 2, 2, 2],
        ["the", "minister", "meet", "Monday", "."],
    )
    friday = date(2013, 3, 22)
    assert value_of(meet.text, "Monday", friday) == "2013-03-18"  # no cue: the last Monday
    found = {t.text: t.value for t in find_timexes(meet.text, friday, meet)}
    assert found["Monday"] == "2013-03-25"  # a present tense with a weekday speaks ahead
    planned = _parsed(
        ["On", "Friday", ",", "the", "team", "planned", "to", "leave", "."],
        ["IN", "NNP", ",", "DT", "NN", "VBD", "TO", "VB", "."],
        ["prep", "pobj", "punct", "det", "nsubj", "ROOT", "aux", "xcomp", "punct"],
        [5, 0, 5, 4, 5, 5, 7, 5, 5],
        ["on", "Friday", ",", "the", "team", "plan", "to", "leave", "."],
    )
    wednesday = date(2013, 3, 20)
    assert value_of(planned.text, "Friday", wednesday) == "2013-03-22"  # "planned": a plan ahead
    found = {t.text: t.value for t in find_timexes(planned.text, wednesday, planned)}
    assert found["Friday"] == "2013-03-15"  # but the verb it hangs from is past


def test_a_simple_past_verb_puts_a_month_in_the_past() -> None:
    changed = _parsed(
        ["The", "firm", "changed", "its", "name", "in", "December", "."],
        ["DT", "NN", "VBD", "PRP$", "NN", "IN", "NNP", "."],
        ["det", "nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"],
        [1, 2, 2, 4, 2, 2, 5, 2],
        ["the", "firm", "change", "its", "name", "in", "December", "."],
    )
    october = date(2013, 10, 27)
    assert value_of(changed.text, "December", october) == "2013-12"  # the next one is near
    found = {t.text: t.value for t in find_timexes(changed.text, october, changed)}
    assert found["December"] == "2012-12"


def test_a_month_the_parser_reads_as_a_date_needs_no_cue() -> None:
    words = ["The", "March", "vote", "will", "decide", "."]
    doc = _parsed(
        words,
        ["DT", "NNP", "NN", "MD", "VB", "."],
        ["det", "compound", "nsubj", "aux", "ROOT", "punct"],
        [2, 2, 4, 4, 4, 4],
        ["the", "March", "vote", "will", "decide", "."],
    )
    assert find_timexes(doc.text, date(2013, 2, 10)) == []  # "March" alone may be a march
    doc.ents = [SpacySpan(doc, 1, 2, label="DATE")]
    found = {t.text: t.value for t in find_timexes(doc.text, date(2013, 2, 10), doc)}
    assert found == {"March": "2013-03"}


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        # decades as durations are counted in years
        ("The two clans have feuded for three decades.", "three decades", "DURATION", "P30Y"),
        ("Rainfall has dwindled over the past decade.", "the past decade", "DURATION", "P10Y"),
        ("The sect dwindled for decades.", "decades", "DURATION", "PXDE"),
        # "the year ended <date>" is a year's span (a fiscal year), not a calendar year
        ("For the year ended June 30, the mill lost money.", "the year", "DURATION", "P1Y"),
        ("In the fiscal year ending May 31, sales grew.", "the fiscal year", "DURATION", "P1Y"),
        ("Sales grew 4% during the year.", "the year", "DATE", "2013"),
    ],
)
def test_decades_and_years_ended(sentence: str, span: str, kind: str, value: str) -> None:
    found = {t.text: (t.type, t.value) for t in find_timexes(sentence, date(2013, 3, 22))}
    assert found.get(span) == (kind, value), found


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        # a weekday's night is that day; other parts of a weekday, and "last night", keep
        # their part
        ("Rebels shelled the depot Thursday night.", "Thursday night", "DATE", "2013-03-21"),
        ("Guards were posted late Sunday night.", "late Sunday night", "DATE", "2013-03-17"),
        ("The envoys flew home Thursday morning.", "Thursday morning", "TIME", "2013-03-21TMO"),
        ("Last night the sirens sounded twice.", "Last night", "TIME", "2013-03-21TNI"),
    ],
)
def test_a_weekday_night_is_that_day(sentence: str, span: str, kind: str, value: str) -> None:
    found = {t.text: (t.type, t.value) for t in find_timexes(sentence, date(2013, 3, 22))}
    assert found.get(span) == (kind, value), found


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The lease ran for 3 1/2 years.", "3 1/2 years", "P3Y6M"),
        ("The crossing took some 4 1/2 hours.", "some 4 1/2 hours", "PT4H30M"),
        ("The alarm rang for a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The strike lasted two and a half days.", "two and a half days", "P2DT12H"),
        ("Prices were fixed on 1/2/2010.", "1/2/2010", "2010-01-02"),
    ],
)
def test_halves_of_units(sentence: str, span: str, value: str) -> None:
    assert value_of(sentence, span) == value


def test_quoted_titles_are_no_times() -> None:
    for sentence in (
        'The minister defended the budget on "This Week" yesterday.',
        "The senator told ``Sunday Morning'' that he would resign.",
        "She told ''48 Hours'' that she had left.",
    ):
        found = {t.text for t in find_timexes(sentence, date(2013, 3, 22))}
        assert found <= {"yesterday"}, found
    found = {
        t.text: t.value for t in find_timexes('"Next Monday we vote," she said.', date(2013, 3, 22))
    }
    assert found == {"Next Monday": "2013-03-25"}
    assert value_of('He said "This week is decisive."', "This week") == "2013-W12"


def test_a_quarter_used_as_an_adjective_leaves_its_determiner_out() -> None:
    found = {
        t.text: t.value
        for t in find_timexes("Analysts expect a fourth-quarter loss.", date(2013, 10, 2))
    }
    assert found == {"fourth-quarter": "2013-Q4"}
    found = {
        t.text: t.value for t in find_timexes("Its second-half sales grew.", date(2013, 10, 2))
    }
    assert found == {"second-half": "2013-H2"}
    found = {
        t.text: t.value
        for t in find_timexes("Sales slowed in the third quarter.", date(2013, 10, 2))
    }
    assert found == {"the third quarter": "2013-Q3"}


def test_the_before_a_counted_span_belongs_to_it() -> None:
    found = {
        t.text: t.value
        for t in find_timexes("Profit rose 4% in the nine months.", date(2013, 10, 2))
    }
    assert found == {"the nine months": "P9M"}
    found = {t.text for t in find_timexes("The two-week truce held.", date(2013, 10, 2))}
    assert found == {"two-week"}
    found = {
        t.text for t in find_timexes("He left the three days before the vote.", date(2013, 10, 2))
    }
    assert not any(f.startswith("the") for f in found), found


def test_only_and_just_stay_out_of_a_span() -> None:
    found = {
        t.text: t.value for t in find_timexes("The truce held only six weeks.", date(2013, 3, 22))
    }
    assert found == {"six weeks": "P6W"}
    found = {
        t.text: t.value
        for t in find_timexes("He moved here just two years ago.", date(2013, 3, 22))
    }
    assert found == {"two years ago": "2011"}
    assert value_of("The siege lasted about five days.", "about five days") == "P5D"


def test_the_week_alone_leaves_the_week_open() -> None:
    # the definite week of a weekly wrap is the one the story has in mind, not fixed by the DCT
    assert value_of("Over the week, the rand lost 2% against the dollar.", "the week") == "2013-WXX"
    # a week with its own relation keeps its date
    assert value_of("The rand lost 2% against the dollar last week.", "last week") == "2013-W11"


def test_an_uncounted_stretch_that_places_an_event_is_a_past_reference() -> None:
    text = "Bond yields have eased in the last few months, the bank said."
    found = {t.text: (t.type, t.value) for t in find_timexes(text, date(2013, 3, 22))}
    assert found == {"the last few months": ("DATE", "PAST_REF")}
    text = "For the past several weeks the talks have stalled."
    found = {t.text: (t.type, t.value) for t in find_timexes(text, date(2013, 3, 22))}
    assert found == {"the past several weeks": ("DURATION", "PXW")}
    assert value_of("Yields eased over the past two years.", "the past two years") == "P2Y"


def test_vague_plural_stretches_ahead_and_behind_are_references() -> None:
    # TIMEX3 FUTURE_REF / PAST_REF (TimeML guidelines): "in coming months", "future quarters"
    text = "The mill expects orders to slow in coming months and in future quarters."
    found = {t.text: (t.type, t.value) for t in find_timexes(text, date(2013, 3, 22))}
    assert found == {
        "coming months": ("DATE", "FUTURE_REF"),
        "future quarters": ("DATE", "FUTURE_REF"),
    }
    text = "Floods hit the valley in past years, too."
    assert value_of(text, "past years") == "PAST_REF"
    # with "the", a counted or vague stretch ahead stays a duration
    assert value_of("Prices may rise over the coming years.", "the coming years") == "PXY"


def test_a_part_of_day_takes_the_day_last_narrated() -> None:
    text = "The vote was held on Tuesday. Turnout was thin in the morning, officials said."
    found = {t.text: (t.type, t.value) for t in find_timexes(text, date(2013, 3, 22))}
    assert found["the morning"] == ("TIME", "2013-03-19TMO"), found
    text = "By mid-afternoon, the rebels had withdrawn from the town."
    found = {t.text: (t.type, t.value) for t in find_timexes(text, date(2013, 3, 22))}
    assert found == {"mid-afternoon": ("TIME", "2013-03-22TAF")}
    # the evening edition, the morning of a date: no part of the narrated day
    text = (
        "The story ran in the evening edition. He left in the morning of May 3. "
        "She read of it in the morning papers."
    )
    found = {t.text for t in find_timexes(text, date(2013, 3, 22))}
    assert "the evening" not in found and "the morning" not in found, found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The convoy left on Wednesday at 4 in the morning.", "2013-03-20T04:00"),
        ("The convoy left on Wednesday at 8 in the evening.", "2013-03-20T20:00"),
        ("The convoy left on Wednesday at twelve o'clock in the morning.", "2013-03-20T00:00"),
        ("The convoy left on Wednesday at two o\u2019clock in the afternoon.", "2013-03-20T14:00"),
    ],
)
def test_an_hour_in_a_part_of_the_day_is_a_clock_time(text: str, value: str) -> None:
    found = {t.type: t.value for t in find_timexes(text, date(2013, 3, 22)) if t.type == "TIME"}
    assert found == {"TIME": value}


def test_a_year_ago_after_nine_months_is_the_year_before() -> None:
    text = (
        "Net income rose 8% in the third quarter from a year earlier. "
        "For the nine months, net rose 5% from a year earlier."
    )
    found = [(t.text, t.value) for t in find_timexes(text, date(2013, 10, 24))]
    assert found == [
        ("the third quarter", "2013-Q3"),
        ("a year earlier", "2012-Q3"),
        ("the nine months", "P9M"),
        ("a year earlier", "2012"),
    ]
    text = "In the first half, sales fell from the year-earlier period, the firm said."
    assert value_of(text, "the year-earlier period", date(2013, 10, 24)) == "2012"
