"""End to end through the real model: text in, the four layers out (marked `model`)."""

from __future__ import annotations

import datetime as dt

import pytest

import whodid
from whodid.pipeline import Failed, Options, annotate_many

pytestmark = pytest.mark.model

STORY = """Peru and Chile trade barbs over fishing rights
Fishermen in Arica. Photo by JANE ROE/Wire Agency via Stock Images

LIMA, May 9 (Wire) - Back in March, Peruvian President Dina Boluarte accused Chile of \
letting its trawlers plunder Peruvian waters. Chile responded days later, rejecting the \
accusation and saying its fleet had done nothing wrong.

On Wednesday, the Chilean foreign ministry sent a diplomatic note to Peru.

© 2024 Wire Agency. All rights reserved."""


def _by_code(annotation: whodid.Annotation) -> dict[str, whodid.Event]:
    """The first event with a source, per CAMEO code."""
    out: dict[str, whodid.Event] = {}
    for event in annotation.events:
        if event.source is not None:
            out.setdefault(event.cameo, event)
    return out


def test_story_events_actors_and_dates():
    annotation = whodid.annotate(STORY, published=dt.date(2024, 5, 9))
    events = _by_code(annotation)
    accuse = events["112"]
    assert (accuse.source.code, accuse.target.code) == ("PERGOV", "CHL")
    assert (accuse.date, accuse.date_precision) == ("2024-03", "month")
    assert accuse.plover == {"type": "ACCUSE", "mode": None}
    assert accuse.rule.startswith("lexicon:")
    assert accuse.evidence is not None and "accused" in accuse.evidence.text
    note = events["114"]
    assert note.source.code == "CHLGOV" and note.target.code == "PER"
    assert (note.date, note.date_precision) == ("2024-05-08", "day")
    assert any(e.plover["type"] == "REJECT" and e.source.code == "CHL" for e in annotation.events)
    countries = {a.country for e in annotation.events for a in (e.source, e.target) if a}
    assert countries <= {"PER", "CHL", None}


def test_offsets_slice_the_input_text():
    annotation = whodid.annotate(STORY, published=dt.date(2024, 5, 9))
    for event in annotation.events:
        assert STORY[event.trigger.start : event.trigger.end] == event.trigger.text
        for actor in (event.source, event.target):
            if actor:
                assert STORY[actor.start : actor.end] == actor.text
    for timex in annotation.times:
        assert STORY[timex.start : timex.end] == timex.text


def test_captions_and_copyright_yield_no_events():
    annotation = whodid.annotate(STORY, published=dt.date(2024, 5, 9))
    caption_end = STORY.index("LIMA")
    copyright_start = STORY.index("©")
    for event in annotation.events:
        assert caption_end <= event.trigger.start < copyright_start


def test_without_publication_date_events_have_text_dates_or_none():
    annotation = whodid.annotate("Arnor accused Gondor of spying.")
    (event,) = annotation.events
    assert event.date is None and event.date_precision is None


def test_annotate_many_keeps_order_and_isolates_bad_items():
    items = [
        {"id": "a", "text": "Kenya accused Uganda of smuggling.", "published": "2024-01-02"},
        Failed(id="line 2", error="not valid JSON"),
        {"id": "c", "text": "Ghana criticized Togo.", "published": "not a date"},
        {"id": "d", "text": "Ghana criticized Togo."},
    ]
    out = list(annotate_many(items, options=Options()))
    assert [a.id for a in out] == ["a", "line 2", "c", "d"]
    assert out[0].error is None and out[0].events
    assert out[1].error == "not valid JSON" and out[1].events == []
    assert out[2].error and "not a date" in out[2].error
    assert out[3].error is None and out[3].events[0].cameo.startswith("11")
    assert set(out[0].to_dict()) == {"id", "error", "events", "places", "times", "quotes"}


def test_negation_and_hypothesis_flags():
    (neg,) = [
        e
        for e in whodid.annotate("Brazil did not criticize Argentina.").events
        if e.cameo.startswith("11")
    ]
    assert neg.negated and not neg.hypothetical
    (hyp,) = [
        e
        for e in whodid.annotate("Brazil may criticize Argentina.").events
        if e.cameo.startswith("11")
    ]
    assert hyp.hypothetical and not hyp.negated
    assert hyp.confidence < whodid.annotate("Brazil criticized Argentina.").events[0].confidence


def test_possessive_pronoun_takes_the_sentence_subject():
    text = (
        "Georgia's president spoke on Monday. Russia accused Georgia of provocations and said "
        "its foreign minister had sent a note of protest to Tbilisi."
    )
    notes = [e for e in whodid.annotate(text).events if e.cameo == "114"]
    assert notes and notes[0].source.code == "RUSGOV"
    assert notes[0].target.code in ("GEOGOV", "GEO")


def test_statement_is_placed_where_its_occasion_is():
    text = "The Kenyan ambassador said during a press conference at his residence in Nairobi."
    (event,) = [e for e in whodid.annotate(text).events if e.cameo == "010"]
    assert event.location is not None and event.location.text == "Nairobi"
    assert event.location.country == "KEN"


def test_a_region_or_town_before_a_role_gives_its_country():
    (attack,) = [e for e in whodid.annotate("Rakhine rebels attacked a police post.").events]
    assert attack.source.code == "MMRREB"
    (blame,) = whodid.annotate("The Kano State government condemned the attack.").events
    assert blame.source.code == "NGAGOV"


def test_located_answers_for_asked_words_even_without_an_event():
    text = "Thousands of farmers gathered in Nairobi on Monday."
    start = text.index("gathered")
    (annotation,) = whodid.annotate_many(
        [{"id": "x", "text": text, "locate": [{"start": start, "end": start + 8}]}]
    )
    out = annotation.to_dict()
    (answer,) = out["located"]
    assert answer["word"]["text"] == "gathered"
    assert answer["location"]["text"] == "Nairobi"
    assert "located" not in whodid.annotate(text).to_dict()
