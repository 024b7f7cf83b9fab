"""Police events as South Asian English news words them, and lower-cased stories (real model)."""

from __future__ import annotations

import pytest

import whodid

pytestmark = pytest.mark.model


def _police(text: str) -> set[str]:
    """CAMEO codes of the asserted police events of a text."""
    return {
        e.cameo
        for e in whodid.annotate(text).events
        if e.source is not None
        and e.source.sector == "COP"
        and not e.negated
        and not e.hypothetical
    }


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # people held without a named agent: only the police do that
        ("The union asked the state to free the detained workers at once.", "173"),
        ("Some forty protesters were sent to a nearby police station in Indore.", "173"),
        ("The student leader was picked up by police from his hostel late at night.", "173"),
        ("The press was told about the arrests on Sunday evening.", "173"),
        ("Police said the activists were arrested near the party offices.", "173"),
        # crowd control: lathi charges, firing in the air, tear gas
        ("Police lathi-charged the crowd outside the collector's office.", "175"),
        ("The police had to fire five rounds in the air to scatter the rioters.", "175"),
        ("Several students were hurt in the teargas shelling near the campus gate.", "175"),
        ("Two youths were injured in police firing near the grain market.", "193"),
        # deaths laid at the police's door
        ("Sixty people died due to police firing in the district.", "1823"),
        ("Nine villagers were killed in 200 rounds of firing by the police.", "1823"),
        ("The toll of deaths in police firing in the district rose to nine.", "1823"),
    ],
)
def test_police_act(text: str, code: str) -> None:
    assert code in _police(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rally demanded a ban on the militia and the arrest of its chiefs.",
        "The minister is bound to keep the seized land in safe custody.",
        "The sleeper coaches, which were booked for pilgrims, ran empty.",
        "The leaders said they would ask the workers to march to the town and court arrest.",
    ],
)
def test_no_police_arrest(text: str) -> None:
    assert "173" not in _police(text)


def test_a_lower_cased_story_is_parsed_with_capitals_and_reported_as_given() -> None:
    text = (
        "ahmedabad: police inspector ravi mehra said on monday that his men had "
        "arrested twelve rioters. later, mehra himself detained two traders in the old city."
    )
    annotation = whodid.annotate(text)
    arrests = [e for e in annotation.events if e.cameo == "173"]
    assert len(arrests) == 2
    assert all(e.source is not None and e.source.sector == "COP" for e in arrests)
    for e in annotation.events:  # every span is the input's own text, lower case included
        assert e.trigger.text == text[e.trigger.start : e.trigger.end]
        for actor in (e.source, e.target):
            if actor is not None:
                assert actor.text == text[actor.start : actor.end]
