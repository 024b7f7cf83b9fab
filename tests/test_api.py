from __future__ import annotations

from interface import INTERFACE_EVENT_FIELDS

import whodid


def test_public_api_is_sorted_and_importable():
    assert whodid.__all__ == sorted(whodid.__all__)
    for name in whodid.__all__:
        assert getattr(whodid, name) is not None


def test_records_to_dict_follow_the_interface():
    span = whodid.Span(0, 5, "Arnor")
    actor = whodid.Actor(0, 5, "Arnor", code="ARN", country=None, sector=None, name="Arnor")
    event = whodid.Event(
        sentence=0,
        trigger=span,
        source=actor,
        target=None,
        cameo="112",
        cameo_root="11",
        quad_class=3,
        goldstein=-2.0,
        plover={"type": "ACCUSE", "mode": None},
    )
    out = whodid.Annotation(id="x", events=[event]).to_dict()
    assert set(out) == {"id", "error", "events", "places", "times", "quotes"}
    (ev,) = out["events"]
    assert set(ev) >= INTERFACE_EVENT_FIELDS
    assert ev["source"] == {
        "start": 0,
        "end": 5,
        "text": "Arnor",
        "code": "ARN",
        "country": None,
        "sector": None,
        "name": "Arnor",
    }
