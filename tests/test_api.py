from __future__ import annotations

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
    for key in (
        "sentence",
        "trigger",
        "source",
        "target",
        "cameo",
        "cameo_root",
        "quad_class",
        "goldstein",
        "plover",
        "acled",
        "date",
        "date_precision",
        "location",
        "negated",
        "hypothetical",
        "confidence",
        "rule",
    ):
        assert key in ev
    assert ev["source"] == {
        "start": 0,
        "end": 5,
        "text": "Arnor",
        "code": "ARN",
        "country": None,
        "sector": None,
        "name": "Arnor",
    }
