"""Scorers of whodid.evaluate, driven by hand-made records and fake annotate functions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from whodid.evaluate import (
    available_sets,
    case2021,
    coder_validation,
    conflibert,
    format_results,
    ipe,
    plover_gsr,
    run_set,
)
from whodid.evaluate.common import (
    SetResult,
    best_event,
    call_annotate,
    match_spans,
    multiset_counts,
    normalise_cameo,
    penta_class,
    prf,
)

# --- helpers -------------------------------------------------------------------------------


def actor(text: str, part: str, code: str | None = None, **kw: Any) -> dict[str, Any]:
    start = text.index(part)
    return {
        "start": start,
        "end": start + len(part),
        "text": part,
        "code": code,
        "country": kw.get("country"),
        "sector": kw.get("sector"),
        "name": None,
    }


def event(
    cameo: str,
    *,
    source: dict[str, Any] | None = None,
    target: dict[str, Any] | None = None,
    confidence: float = 0.5,
    negated: bool = False,
    hypothetical: bool = False,
    plover: dict[str, Any] | None = None,
    acled: dict[str, Any] | None = None,
    trigger: tuple[int, int, str] = (0, 1, "x"),
) -> dict[str, Any]:
    return {
        "sentence": 0,
        "trigger": {"start": trigger[0], "end": trigger[1], "text": trigger[2]},
        "source": source,
        "target": target,
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "quad_class": 1,
        "goldstein": 0.0,
        "plover": plover or {"type": None, "mode": None},
        "acled": acled,
        "date": None,
        "date_precision": None,
        "location": None,
        "negated": negated,
        "hypothetical": hypothetical,
        "confidence": confidence,
        "rule": "test",
    }


def output(rid: str, events: list[dict[str, Any]], error: str | None = None) -> dict[str, Any]:
    return {"id": rid, "error": error, "events": events, "places": [], "times": [], "quotes": []}


class Fake:
    """An annotate function answering from a table keyed by id; it records what it was given."""

    def __init__(self, table: dict[str, list[dict[str, Any]] | str]) -> None:
        self.table = table
        self.calls: list[list[dict[str, Any]]] = []

    def __call__(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.calls.append(records)
        result = []
        for r in records:
            answer = self.table.get(r["id"], [])
            if isinstance(answer, str):
                result.append(output(r["id"], [], error=answer))
            else:
                result.append(output(r["id"], answer))
        return result


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


# --- common --------------------------------------------------------------------------------


def test_penta_classes_follow_phoenix() -> None:
    assert [penta_class(r) for r in ("01", "02", "03", "05", "06", "08")] == [0, 0, 1, 1, 2, 2]
    assert [penta_class(r) for r in ("09", "13", "16", "14", "15", "17", "20")] == [
        3,
        3,
        3,
        4,
        4,
        4,
        4,
    ]
    assert penta_class(None) == 0


def test_small_metric_helpers() -> None:
    assert prf(1, 1, 3) == (0.5, 0.25, pytest.approx(1 / 3))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert multiset_counts(["a", "a", "b"], ["a", "c"]) == (1, 1, 2)
    assert normalise_cameo("05") == "050" and normalise_cameo("0214") == "0214"
    assert match_spans([(0, 5), (6, 9)], [(0, 5)]) == 1
    assert match_spans([(1, 4)], [(0, 5)], mode="overlap") == 1
    assert match_spans([(1, 4)], [(0, 5)]) == 0
    assert (
        best_event([event("010", confidence=0.2), event("020", confidence=0.2)])["cameo"] == "010"
    )


def test_call_annotate_retries_and_marks_errors() -> None:
    def flaky(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(records) > 1 or records[0]["id"] == "bad":
            raise RuntimeError("boom")
        return [output(records[0]["id"], [])]

    outs = call_annotate(flaky, [{"id": "ok", "text": "a"}, {"id": "bad", "text": "b"}])
    assert outs[0]["error"] is None
    assert outs[1]["error"] == "RuntimeError: boom" and outs[1]["events"] == []


# --- conflibert ----------------------------------------------------------------------------

T1 = "Arnor troops shelled the Gondor border post."
T2 = "The two ministers met in Rohan."
T3 = "Officials said nothing new."


def conflibert_records() -> list[dict[str, Any]]:
    def span(text: str, role: str, part: str) -> dict[str, Any]:
        start = text.index(part)
        return {"role": role, "text": part, "char_start": start, "char_end": start + len(part)}

    return [
        {
            "id": "c1",
            "text": T1,
            "pentaclass": 4,
            "actor_spans": [
                span(T1, "source", "Arnor troops"),
                span(T1, "target", "Gondor border post"),
            ],
        },
        {
            "id": "c2",
            "text": T2,
            "pentaclass": 1,
            "actor_spans": [span(T2, "reciprocal", "The two ministers")],
        },
        {"id": "c3", "text": T3, "pentaclass": 3, "actor_spans": None},
    ]


def conflibert_fake() -> Fake:
    return Fake(
        {
            "c1": [
                event(
                    "195",
                    confidence=0.9,
                    source=actor(T1, "Arnor troops"),
                    target=actor(T1, "the Gondor border post"),
                )
            ],
            "c2": [
                event("112", confidence=0.99, negated=True, source=actor(T2, "Rohan")),
                event("040", confidence=0.6, source=actor(T2, "The two ministers")),
            ],
            "c3": "parser crashed",
        }
    )


def test_conflibert_scores() -> None:
    result = conflibert.score(conflibert_records(), conflibert_fake())
    m = result.metrics
    assert result.n == 3
    assert m["accuracy"] == pytest.approx(2 / 3)
    assert m["macro_f1"] == pytest.approx(0.4)
    assert m["source_exact_p"] == 1.0 and m["source_exact_r"] == 1.0
    assert m["target_exact_p"] == 0.0 and m["target_exact_r"] == 0.0
    assert m["target_overlap_f1"] == 1.0
    assert m["actor_exact_p"] == pytest.approx(2 / 3)
    assert m["actor_exact_r"] == pytest.approx(2 / 3)
    assert m["actor_overlap_f1"] == 1.0
    assert result.details["confusion"][3][0] == 1
    assert [e["id"] for e in result.examples] == ["c3"]
    assert any("error" in note for note in result.notes)


def test_conflibert_reciprocal_is_not_a_miss_for_absent_role() -> None:
    records = conflibert_records()[1:2]
    result = conflibert.score(records, Fake({"c2": []}))
    assert result.metrics["accuracy"] == 0.0  # no event: neutral, gold class 1
    assert result.metrics["source_exact_r"] == 0.0
    assert result.metrics["actor_exact_r"] == 0.0  # role-free score needs every gold span


# --- coder validation ----------------------------------------------------------------------

V1 = "Arnor welcomed envoys from Gondor on Monday."
V2 = "Mordor denounced the summit."
V3 = "Nothing of note happened."


def validation_setup(tmp_path: Path) -> Path:
    folder = tmp_path / "dicts" / "suite_a"
    folder.mkdir(parents=True)
    (folder / "A.actors.txt").write_text("ARNOR [ARN]\n", encoding="utf-8")
    (folder / "A.agents.txt").write_text("TROOPS [~MIL]\n", encoding="utf-8")
    return tmp_path / "dicts"


def validation_records() -> list[dict[str, Any]]:
    names = {"Verbfile": "A.verbs.txt", "Actorfile": "A.actors.txt", "Agentfile": "A.agents.txt"}
    return [
        {
            "id": "V-1",
            "uid": "s:V-1",
            "date": "19950103",
            "text": V1,
            "expected_events": [["ARN", "GON", "030"], ["ARN", "---", "010"]],
            "expected_noevents": False,
            "dictionaries": names,
        },
        {
            "id": "V-2",
            "date": "19950104",
            "text": V2,
            "expected_events": [["MOR", "---", "111"]],
            "expected_noevents": False,
            "dictionaries": {"Actorfile": "missing.txt"},
        },
        {
            "id": "V-3",
            "date": "19950105",
            "text": V3,
            "expected_events": [],
            "expected_noevents": True,
            "dictionaries": names,
        },
        {
            "id": "V-4",
            "date": "19950105",
            "text": V3,
            "expected_events": [["X", "Y", "010"]],
            "evaluate": "false",
            "dictionaries": names,
        },
    ]


def test_coder_validation_scores(tmp_path: Path) -> None:
    dict_dir = validation_setup(tmp_path)
    fake = Fake(
        {
            "s:V-1": [
                event("030", source=actor(V1, "Arnor", "ARN"), target=actor(V1, "Gondor", "GON")),
                event("036", source=actor(V1, "Arnor", "ARN")),
                event("040", negated=True, source=actor(V1, "Arnor", "ARN")),
            ],
            "V-2": [event("11", source=actor(V2, "Mordor", "MOR"))],
            "V-3": [],
        }
    )
    seen: list[tuple[tuple[Path, ...], tuple[Path, ...]]] = []

    def factory(actors: tuple[Path, ...], agents: tuple[Path, ...]) -> Fake:
        seen.append((actors, agents))
        return fake

    result = coder_validation.score(validation_records(), factory, dict_dir=dict_dir)
    m = result.metrics
    assert result.n == 3  # V-4 is skipped
    # gold: (ARN,GON,030) (ARN,---,010) (MOR,---,111)
    # pred: (ARN,GON,030) (ARN,---,036) (MOR,---,110)
    assert m["triple_p"] == pytest.approx(1 / 3) and m["triple_r"] == pytest.approx(1 / 3)
    assert m["root_p"] == pytest.approx(2 / 3) and m["root_r"] == pytest.approx(2 / 3)
    assert m["record_exact"] == pytest.approx(1 / 3)
    assert m["noevent_accuracy"] == 1.0
    assert sorted(len(a) for a, _ in seen) == [0, 1]  # two dictionary groups, one set not found
    assert (dict_dir / "suite_a" / "A.actors.txt",) in [a for a, _ in seen]
    published = {r["id"]: r.get("published") for call in fake.calls for r in call}
    assert published["s:V-1"] == "1995-01-03"


def test_coder_validation_through_run_set(tmp_path: Path) -> None:
    validation_setup(tmp_path)
    (tmp_path / "validation_dictionaries").symlink_to(tmp_path / "dicts")
    write_jsonl(tmp_path / "coder_validation.jsonl", validation_records())
    result = run_set("coder_validation", data_dir=tmp_path, annotate=Fake({}), limit=2)
    assert result.n == 2
    assert result.metrics["triple_r"] == 0.0 and result.metrics["triple_p"] == 0.0


# --- plover --------------------------------------------------------------------------------

P1 = "Gondor agreed to reopen its border with Rohan."
P2 = "Protesters in Arnor marched against fuel prices."
P3 = "The United Nations demanded a ceasefire."


def test_plover_scores() -> None:
    records = [
        {
            "id": "p1",
            "text": P1,
            "plover_event_current": "AGREE",
            "plover_mode": None,
            "source_actors": [{"text": "Gondor", "code": "GON", "sector": "GOV"}],
        },
        {
            "id": "p2",
            "text": P2,
            "plover_event_current": "PROTEST",
            "plover_mode": "demo-org",
            "source_actors": [{"text": "Protesters", "code": "ARN", "sector": "CVL"}],
        },
        {
            "id": "p3",
            "text": P3,
            "plover_event_current": "REQUEST",
            "plover_mode": None,
            "source_actors": [{"text": "United Nations", "code": "IGO", "sector": None}],
        },
        {
            "id": "p4",
            "text": P3,
            "plover_event_current": "REQUEST",
            "plover_mode": "x",
            "source_actors": [],
        },
    ]
    fake = Fake(
        {
            "p1": [
                event("081", confidence=0.3, plover={"type": "CONCEDE", "mode": None}),
                event(
                    "057",
                    confidence=0.8,
                    source=actor(P1, "Gondor", "GONGOV", country="GON"),
                    plover={"type": "AGREE", "mode": None},
                ),
            ],
            "p2": [
                event(
                    "141",
                    source=actor(P2, "Protesters", "ARNCVL", country="ARN"),
                    plover={"type": "PROTEST", "mode": "demo-spon"},
                )
            ],
            "p3": [
                event(
                    "10",
                    source=actor(P3, "The United Nations", "IGOUNO"),
                    plover={"type": "REQUEST", "mode": None},
                )
            ],
            "p4": "timeout",
        }
    )
    result = plover_gsr.score(records, fake)
    m = result.metrics
    assert m["type_accuracy"] == 0.75
    assert m["mode_accuracy"] == 0.0  # p2 wrong mode, p4 no event
    assert m["source_country_accuracy"] == 1.0  # GON, ARN, IGO via the code prefix
    assert m["event_rate"] == 0.75
    assert [e["id"] for e in result.examples] == ["p4"]


# --- case 2021 -----------------------------------------------------------------------------

K1 = "Police arrested six people after the rally in the capital."
K2 = "Rebels clashed with the army near the river crossing."
K3 = "A storm flooded three villages."


def test_case2021_scores() -> None:
    records = [
        {
            "id": "k1",
            "text": K1,
            "acled_event_type": "Strategic developments",
            "acled_sub_event_type": "Arrests",
        },
        {
            "id": "k2",
            "text": K2,
            "acled_event_type": "Battles",
            "acled_sub_event_type": "Armed clash",
        },
        {"id": "k3", "text": K3, "acled_event_type": None, "acled_sub_event_type": None},
    ]
    fake = Fake(
        {
            "k1": [
                event("010"),
                event(
                    "173",
                    acled={"event_type": "Strategic developments", "sub_event_type": "Arrests"},
                ),
            ],
            "k2": [
                event(
                    "190",
                    negated=True,
                    acled={"event_type": "Battles", "sub_event_type": "Armed clash"},
                ),
                event(
                    "183",
                    acled={
                        "event_type": "Battles",
                        "sub_event_type": "Government regains territory",
                    },
                ),
            ],
            "k3": [event("200", acled={"event_type": "Riots", "sub_event_type": "Mob violence"})],
        }
    )
    result = case2021.score(records, fake)
    m = result.metrics
    assert result.n == 2
    assert m["sub_event_accuracy"] == 0.5
    assert m["event_type_accuracy"] == 1.0
    assert m["sub_event_macro_f1"] == pytest.approx(0.5)  # Arrests 1.0, Armed clash 0.0
    assert m["coverage"] == 1.0
    assert m["unseen_acled_rate"] == 1.0


# --- IndiaPoliceEvents ---------------------------------------------------------------------

S = [
    "Police arrested two men on Friday.",
    "Later the police fired at the crowd.",
    "Shops stayed closed.",
    "Police shot dead a looter.",
]


def ipe_records() -> list[dict[str, Any]]:
    labels = [
        ["ARREST", "ANY_ACTION"],
        ["FORCE", "ANY_ACTION"],
        [],
        ["KILL", "FORCE", "ANY_ACTION"],
    ]
    docs = [1, 1, 1, 2]
    sent_ids = [0, 1, 2, 0]
    return [
        {
            "id": f"s{i}",
            "doc_id": docs[i],
            "sent_id": sent_ids[i],
            "text": S[i],
            "labels": labels[i],
            "doc_date": "2002-03-05",
        }
        for i in range(4)
    ]


def test_ipe_scores() -> None:
    doc1 = " ".join(S[:3])
    cop = {
        "start": 0,
        "end": 6,
        "text": "Police",
        "code": "INDCOP",
        "country": "IND",
        "sector": "COP",
        "name": None,
    }
    mob = {**cop, "code": "INDCVL", "sector": "CVL"}
    fired = doc1.index("fired")
    closed = doc1.index("closed")
    fake = Fake(
        {
            "ipe-doc-1": [
                event("173", source=cop, trigger=(7, 15, "arrested")),
                event("190", source=cop, trigger=(fired, fired + 5, "fired")),
                event("1823", source=mob, trigger=(closed, closed + 6, "closed")),
                event("173", source=cop, hypothetical=True, trigger=(closed, closed + 6, "closed")),
            ],
            "ipe-doc-2": [event("193", source=cop, trigger=(7, 16, "shot dead"))],
        }
    )
    result = ipe.score(ipe_records(), fake)
    m = result.metrics
    assert result.n == 4
    assert [c[0]["text"] for c in fake.calls] == [doc1]
    assert fake.calls[0][0]["published"] == "2002-03-05"
    assert m["arrest_p"] == 1.0 and m["arrest_r"] == 1.0
    assert m["force_f1"] == 1.0
    assert m["kill_p"] == 1.0 and m["kill_r"] == 1.0
    assert m["any_action_f1"] == 1.0
    assert m["doc_kill_p"] == 1.0


def test_ipe_fire_without_death_is_not_kill_and_limit_counts_documents() -> None:
    cop = {
        "start": 0,
        "end": 6,
        "text": "Police",
        "code": "---COP",
        "country": None,
        "sector": None,
        "name": None,
    }
    fake = Fake(
        {
            "ipe-doc-2": [event("190", source=cop, trigger=(7, 11, "shot"))],
            "ipe-doc-1": [event("173", source=cop, trigger=(7, 15, "arrested"))],
        }
    )
    records = ipe_records()
    result = ipe.score(records[3:] + records[:3], fake, limit=1)
    assert result.n == 1
    assert result.metrics["kill_r"] == 0.0 and result.metrics["force_p"] == 1.0
    assert ipe.event_labels(event("173", source=cop)) == {"ARREST", "ANY_ACTION"}
    assert ipe.event_labels(event("173", source=None)) == set()


# --- runner --------------------------------------------------------------------------------


def test_run_set_and_format(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "conflibert_cameo.jsonl", conflibert_records())
    result = run_set("conflibert_cameo", data_dir=tmp_path, annotate=conflibert_fake(), limit=2)
    assert result.n == 2 and result.metrics["accuracy"] == 1.0
    table = format_results([result], full=True)
    assert "| conflibert_cameo | 2 | accuracy 1.000" in table
    assert "| gold \\ pred |" in table
    assert {
        "conflibert_cameo",
        "coder_validation",
        "plover_gsr",
        "case2021_task2",
        "ipe_sentences",
    } <= set(available_sets())
    with pytest.raises(ValueError, match="unknown evaluation set"):
        run_set("nope", data_dir=tmp_path, annotate=Fake({}))
    with pytest.raises(FileNotFoundError):
        run_set("plover_gsr", data_dir=tmp_path, annotate=Fake({}))


def test_set_result_defaults() -> None:
    result = SetResult(name="x", metrics={"a": 1.0}, n=1)
    assert result.notes == [] and result.examples == [] and result.details == {}
    assert "| x | 1 | a 1.000" in format_results([result])


# --- secondary sets ------------------------------------------------------------------------

L1 = "Gunmen attacked a convoy near Minas Tirith on Sunday."
L2 = "The rebels seized the town."


def test_event_location_scores() -> None:
    from whodid.evaluate import event_location

    def loc(text: str, part: str) -> dict[str, Any]:
        start = text.index(part)
        return {"start": start, "end": start + len(part), "text": part}

    verb = loc(L1, "attacked")
    records = [
        {"id": "e1", "text": L1, "event_verb": verb, "event_locations": [loc(L1, "Minas Tirith")]},
        {
            "id": "e2",
            "text": L2,
            "event_verb": loc(L2, "seized"),
            "event_locations": [loc(L2, "the town")],
        },
        {"id": "e3", "text": L2, "event_verb": loc(L2, "seized"), "event_locations": []},
    ]
    hit = event("180", trigger=(verb["start"], verb["end"], "attacked"))
    hit["location"] = {**loc(L1, "Minas"), "name": None}
    fake = Fake({"e1": [hit], "e2": [], "e3": []})
    result = event_location.score(records, fake)
    m = result.metrics
    assert m["accuracy_exact"] == pytest.approx(1 / 3)  # e3 right (none), e1 partial
    assert m["accuracy_overlap"] == pytest.approx(2 / 3)
    assert m["location_overlap_p"] == 1.0 and m["location_overlap_r"] == 0.5
    assert m["event_found"] == pytest.approx(1 / 3)
    assert m["accuracy_via_events_overlap"] == pytest.approx(2 / 3)
    assert fake.calls[0][1]["locate"] == [{"start": 11, "end": 17}]  # "seized"


def test_event_location_prefers_the_located_answer() -> None:
    from whodid.evaluate import event_location

    start = L2.index("seized")
    verb = {"start": start, "end": start + 6, "text": "seized"}
    town = {"start": L2.index("the town"), "end": L2.index("the town") + 8, "text": "the town"}
    records = [
        {"id": "a", "text": L2, "event_verb": verb, "event_locations": [town]},
        {"id": "b", "text": L2, "event_verb": verb, "event_locations": []},
    ]

    def annotate(inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        answers = {"a": town, "b": None}  # no event coded; the asked-for word is placed
        return [
            {**output(r["id"], []), "located": [{"word": verb, "location": answers[r["id"]]}]}
            for r in inputs
        ]

    m = event_location.score(records, annotate).metrics
    assert m["accuracy_exact"] == 1.0 and m["event_found"] == 0.0
    assert m["accuracy_via_events_overlap"] == 0.5


def test_polnear_scores() -> None:
    from whodid.evaluate import polnear

    text = 'Smith said "we will win" and Jones added that taxes would fall.'

    def seg(part: str) -> dict[str, Any]:
        start = text.index(part)
        return {"text": part, "segments": [{"start": start, "end": start + len(part)}]}

    record = {
        "id": "d1",
        "text": text,
        "publication_date": "2016-10-10",
        "attributions": [
            {
                "source": seg("Smith"),
                "cue": seg("said"),
                "content": seg('"we will win"'),
                "has_quotation_marks": True,
            },
            {
                "source": seg("Jones"),
                "cue": seg("added"),
                "content": seg("taxes would fall"),
                "has_quotation_marks": False,
            },
        ],
    }

    def span(part: str) -> dict[str, Any]:
        start = text.index(part)
        return {"start": start, "end": start + len(part), "text": part}

    quotes = [
        {
            "speaker": span("Smith"),
            "cue": span("said"),
            "content": span("we will win"),
            "direct": True,
        }
    ]

    def fake(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        assert records[0]["published"] == "2016-10-10"
        return [{**output("d1", []), "quotes": quotes}]

    m = polnear.score([record], fake).metrics
    assert m["content_exact_f1"] == 0.0
    assert m["content_overlap_p"] == 1.0 and m["content_overlap_r"] == 0.5
    assert m["cue_accuracy"] == 1.0 and m["speaker_accuracy"] == 1.0
    assert m["direct_recall"] == 1.0 and m["direct_flag_accuracy"] == 1.0


def test_geo_scores() -> None:
    from whodid.evaluate import geo

    text = "Floods hit Dol Amroth and Pelargir."
    a, b = text.index("Dol Amroth"), text.index("Pelargir")
    record = {
        "id": "g1",
        "text": text,
        "date": "2009-03-20 12:00",
        "toponyms": [
            {"start": a, "end": a + 10, "phrase": "Dol Amroth", "lat": 10.0, "lon": 20.0},
            {"start": b, "end": b + 8, "phrase": "Pelargir", "lat": 0.0, "lon": 0.0},
        ],
    }
    places = [
        {"start": a, "end": a + 10, "text": "Dol Amroth", "lat": 10.5, "lon": 20.0},
        {"start": b, "end": b + 3, "text": "Pel", "lat": 5.0, "lon": 0.0},
        {"start": 0, "end": 6, "text": "Floods", "lat": None, "lon": None},
    ]
    result = geo.score(
        [record], lambda rs: [{**output("g1", []), "places": places}], name="geo_geovirus"
    )
    m = result.metrics
    assert result.name == "geo_geovirus"
    assert m["toponym_exact_p"] == pytest.approx(1 / 3) and m["toponym_exact_r"] == 0.5
    assert m["toponym_overlap_r"] == 1.0
    assert m["acc_161km"] == 0.5 and m["resolved_recall_161km"] == 0.5


def test_actor_coding_scores() -> None:
    from whodid.evaluate import actor_coding

    records = [
        {
            "id": "a1",
            "actor_text": "Gondorian police",
            "context": None,
            "expected": {"country": "GON", "code_1": "COP"},
        },
        {
            "id": "a2",
            "actor_text": "the Council of Elrond",
            "context": None,
            "expected": {"country": "IGO", "wiki__not": "Elrond"},
        },
        {"id": "a3", "actor_text": "bandits", "context": None, "expected": {"code_1": "CRM"}},
    ]

    def fake(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        assert rs[0]["text"] == "Gondorian police criticized the plan."
        police = actor(rs[0]["text"], "Gondorian police", "GONCOP", country="GON", sector="COP")
        council = actor(rs[1]["text"], "the Council of Elrond", "IGOELR")
        return [
            output("a1", [event("111", source=police)]),
            output("a2", [event("111", source=council)]),
            output("a3", []),
        ]

    m = actor_coding.score(records, fake).metrics
    assert m["pass_rate"] == pytest.approx(2 / 3)
    assert m["country_accuracy"] == 1.0
    assert m["sector_accuracy"] == 0.5
    assert m["found"] == pytest.approx(2 / 3)


def test_confidence_curve_counts_what_each_threshold_keeps():
    from whodid.evaluate.conflibert import _confidence_curve

    ranked = [(0.9, True, True), (0.6, False, True), (0.4, True, True), (0.2, True, False)]
    curve = _confidence_curve(ranked, gold_events=4)
    assert curve["conf0.3_precision"] == 2 / 3 and curve["conf0.3_recall"] == 2 / 4
    assert curve["conf0.5_precision"] == 1 / 2 and curve["conf0.5_recall"] == 1 / 4
    assert curve["conf0.7_precision"] == 1.0 and curve["conf0.7_recall"] == 1 / 4


def test_coder_validation_ignores_actorless_events() -> None:
    output = {
        "events": [
            {"cameo": "040", "source": None, "target": None},
            {"cameo": "111", "source": {"code": "ARN"}, "target": None},
            {"cameo": "05", "source": None, "target": {"code": "GON"}},
        ]
    }
    assert coder_validation.predicted_triples(output) == [
        ("ARN", "---", "111"),
        ("---", "GON", "050"),
    ]


def test_plover_old_mode_names_read_as_current() -> None:
    record = {
        "id": "m1",
        "text": P2,
        "plover_event_current": "PROTEST",
        "plover_mode": "riot-spon",
        "source_actors": [],
    }
    fake = Fake({"m1": [event("145", plover={"type": "PROTEST", "mode": "riot"})]})
    assert plover_gsr.score([record], fake).metrics["mode_accuracy"] == 1.0
