"""The DuckDB store without the model: hashing, batches, merging, exports, round trips.

Ingest runs here with a stand-in annotator (monkeypatched runner) so that these tests are
fast; the real pipeline is exercised in test_store_model.py and test_store_crash.py.
"""

from __future__ import annotations

import importlib
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interface import INTERFACE_EVENT_FIELDS

from whodid.export import GDELT_COLUMNS, POLECAT_COLUMNS, Filters, export_events, iter_events
from whodid.records import Actor, Annotation, Article, Event, Place, Quote, Span, Timex
from whodid.store import (
    Batch,
    IngestOptions,
    Store,
    StoredArticle,
    annotation_from_dict,
    consolidate,
    content_hash,
    ingest,
    minhash,
    near_duplicate_groups,
    normalise_text,
)
from whodid.store.consolidate import actor_key, outlet_of
from whodid.store.dedup import estimated_jaccard

store_ingest = importlib.import_module(
    "whodid.store.ingest"
)  # the package exports a function of that name


def _event(
    text: str,
    src: str | None,
    tgt: str | None,
    *,
    cameo: str = "112",
    day: str | None = None,
    country: str | None = None,
    confidence: float = 0.6,
) -> Event:
    words = text.split()
    source = (
        Actor(0, len(words[0]), words[0], code=src, country=src[:3] if src else None)
        if src is not None
        else None
    )
    target = (
        Actor(
            len(text) - len(words[-1]),
            len(text),
            words[-1],
            code=tgt,
            country=tgt[:3] if tgt else None,
        )
        if tgt is not None
        else None
    )
    location = (
        Place(0, 1, "x", name="Somewhere", country=country, lat=1.0, lon=2.0, feature="city")
        if country
        else None
    )
    return Event(
        sentence=0,
        trigger=Span(0, 1, text[:1]),
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=3,
        goldstein=-2.0,
        plover={"type": "ACCUSE", "mode": None},
        date=day,
        date_precision="day" if day else None,
        location=location,
        confidence=confidence,
        rule="test",
        evidence=Span(0, len(text), text),
    )


def _fake_annotate(jobs, *, workers=1, options=None, chunk_size=16):
    """Stand-in for the runner: one event per article, codes from its first and last word."""
    for tag, article in jobs:
        if article is None:
            yield tag, None
            continue
        words = article.text.split()
        codes = [w.strip(".,").upper()[:3] for w in (words[0], words[-1])]
        yield tag, Annotation(id=article.id, events=[_event(article.text, codes[0], codes[1])])


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(store_ingest, "annotate_ordered", _fake_annotate)


def _table_dump(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        ]
        return {
            n: sorted(map(repr, con.execute(f"SELECT * FROM {n}").fetchall()))
            for n in names
            if n != "meta"
        }
    finally:
        con.close()


# -- hashing and near duplicates --------------------------------------------------------------


def test_content_hash_ignores_layout_case_and_typography():
    a = "Kenya \u201caccused\u201d Uganda\u2014again.\r\n\n  Officials said so."
    b = 'kenya "accused" uganda-again. officials said so.'
    assert normalise_text(a) == normalise_text(b)
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(b + " More.")


def test_near_duplicates_grouped_by_smallest_id():
    base = (
        "The army of Sudan and a rival force agreed to a truce on Saturday after talks "
        "in Jeddah, mediators said, and aid convoys were allowed to reach the capital."
    )
    edited = base.replace("mediators said", "mediators from two countries said")
    other = "Japan sent emergency aid to the Philippines after a typhoon flooded coastal towns."
    sigs = [("b", minhash(base)), ("a", minhash(edited)), ("c", minhash(other))]
    assert estimated_jaccard(sigs[0][1], sigs[1][1]) > 0.7
    assert near_duplicate_groups(sigs) == {"a": "a", "b": "a", "c": "c"}
    assert near_duplicate_groups(list(reversed(sigs))) == {"a": "a", "b": "a", "c": "c"}


def test_actor_key_and_outlet():
    assert actor_key("TUR") == actor_key("TURGOV") == actor_key("TURMIL") == "TUR"
    assert actor_key("KENREB") == "KEN/REB" and actor_key("---REB") == "/REB"
    assert outlet_of(None, "https://www.example.org/a") == "example.org"
    assert outlet_of(" Harbour Times ", None) == "Harbour Times"


# -- ingest with a stand-in annotator ---------------------------------------------------------


def _write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        {
            "id": "1",
            "text": "Kenya blamed the neighbours of Uganda.",
            "published": "2024-03-04",
            "source": "A Times",
        },
        {
            "id": "2",
            "text": "Kenya  blamed the neighbours of UGANDA.",
            "published": "2024-03-04",
            "source": "B Post",
        },
        {"id": "3", "text": "Chile thanked the people of Peru.", "published": "2024-03-05"},
        "{broken",
    ]
    (folder / "a.jsonl").write_text(
        "\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines) + "\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text("Kenya blamed the neighbours of Uganda.", encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")


def test_ingest_keys_by_content_and_reingest_adds_nothing(tmp_path, fake_pipeline):
    corpus, db = tmp_path / "corpus", tmp_path / "s.duckdb"
    _write_corpus(corpus)
    first = ingest([corpus], db=db)
    assert (first.new, first.duplicates, first.errors) == (2, 2, 2)
    before = _table_dump(db)
    again = ingest([corpus], db=db)
    assert again.new == 0 and again.duplicates == 4
    assert _table_dump(db) == before
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == 2 and counts["sightings"] == 4 and counts["errors"] == 2
        kinds = {(Path(e["origin"]).name, e["locator"], e["kind"]) for e in store.errors()}
        assert kinds == {("a.jsonl", "line 4", "json"), ("empty.html", "", "empty")}
    [kenya] = [r for r in iter_events(Store(db)) if r["source"]["code"] == "KEN"]
    assert kenya["num_articles"] == 1 and kenya["num_reports"] == 3
    assert kenya["sources"] == ["A Times", "B Post"] and kenya["num_sources"] == 2


def test_batches_and_order_do_not_change_the_store(tmp_path, fake_pipeline):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)
    ingest([corpus], db=tmp_path / "one.duckdb", options=IngestOptions(batch_size=1))
    ingest([corpus / "b.txt"], db=tmp_path / "two.duckdb", options=IngestOptions(batch_size=100))
    ingest([corpus], db=tmp_path / "two.duckdb", options=IngestOptions(batch_size=100))
    one, two = _table_dump(tmp_path / "one.duckdb"), _table_dump(tmp_path / "two.duckdb")
    assert one["events"] == two["events"] and one["sightings"] == two["sightings"]
    assert one["merged_events"] == two["merged_events"]


# -- the merge rule ---------------------------------------------------------------------------


def _store_with(db: Path, items: list[tuple[str, str, date | None, list[Event]]]) -> None:
    with Store(db) as store:
        batch = Batch()
        for text, outlet, published, events in items:
            article = Article(text=text, published=published, id=text[:8], source=outlet)
            aid = content_hash(text)
            batch.articles.append(
                StoredArticle(aid, article, Annotation(id=article.id, events=events), minhash(text))
            )
            batch.sightings.append(
                {
                    "article_id": aid,
                    "origin": outlet,
                    "locator": "",
                    "input_id": article.id,
                    "title": None,
                    "published": published,
                    "url": None,
                    "source": outlet,
                }
            )
        store.write(batch)
        consolidate(store)


def test_events_merge_across_outlets_by_actors_family_window_and_place(tmp_path):
    d = date(2024, 3, 6)
    t1 = "Turkey condemned Syria over the shelling of border villages yesterday."
    t2 = "The Turkish government protested to Syria about artillery fire."
    t3 = "Turkey criticised Syria again, a week later."
    t4 = "Turkey accused Syria, about shelling far away."
    _store_with(
        tmp_path / "m.duckdb",
        [
            (t1, "Harbour Times", d, [_event(t1, "TUR", "SYR", cameo="111", day="2024-03-06")]),
            (
                t2,
                "Coastal Daily",
                date(2024, 3, 7),
                [_event(t2, "TURGOV", "SYR", cameo="114")],
            ),  # next day, TURGOV ~ TUR
            (
                t3,
                "Valley Courier",
                date(2024, 3, 13),
                [_event(t3, "TUR", "SYR", cameo="111")],
            ),  # a week later: new event
            (
                t4,
                "Delta Observer",
                d,
                [
                    _event(t4, "TUR", "SYR", cameo="112", country="IRQ"),  # other place
                    _event(t4, "TUR", "SYR", cameo="190"),
                ],
            ),  # other family
        ],
    )
    rows = list(iter_events(Store(tmp_path / "m.duckdb")))
    merged = [r for r in rows if r["num_articles"] > 1]
    assert len(merged) == 1
    [event] = merged
    assert event["sources"] == ["Coastal Daily", "Delta Observer", "Harbour Times"]
    assert event["num_sources"] == 3 and event["num_mentions"] == 3 and event["num_stories"] == 3
    assert event["first_day"] == date(2024, 3, 6) and event["last_day"] == date(2024, 3, 7)
    assert len(rows) == 3  # the merged one, the week-later one, the assault


def test_uncoded_actors_merge_only_within_a_story(tmp_path):
    text = (
        "Gunmen attacked a village in the north on Sunday and burned several houses, "
        "witnesses said, and dozens of families fled towards the nearest town."
    )
    copy = text.replace("witnesses said", "witnesses told us")
    elsewhere = "Gunmen attacked a bus in the south on Sunday; nobody was hurt in the raid."
    d = date(2024, 3, 10)
    _store_with(
        tmp_path / "u.duckdb",
        [
            (text, "A", d, [_event(text, None, None, cameo="190")]),
            (copy, "B", d, [_event(copy, None, None, cameo="190")]),
            (elsewhere, "C", d, [_event(elsewhere, None, None, cameo="190")]),
        ],
    )
    rows = list(iter_events(Store(tmp_path / "u.duckdb")))
    assert sorted(r["num_articles"] for r in rows) == [1, 2]


# -- exports ----------------------------------------------------------------------------------


@pytest.fixture
def small_store(tmp_path) -> Path:
    t1 = "Mexico accused the United States of spying."
    t2 = "Brazil praised Argentina for the trade deal."
    _store_with(
        tmp_path / "e.duckdb",
        [
            (
                t1,
                "Frontier Herald",
                date(2024, 3, 10),
                [_event(t1, "MEX", "USAGOV", day="2024-03-10", country="MEX")],
            ),
            (t2, "Valley Courier", date(2024, 3, 7), [_event(t2, "BRA", "ARG", cameo="051")]),
        ],
    )
    return tmp_path / "e.duckdb"


def test_parquet_round_trip_one_row_per_event_with_interface_fields(small_store, tmp_path):
    out = tmp_path / "events.parquet"
    assert export_events(small_store, fmt="parquet", out=out) == 2
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert set(table.column_names) >= INTERFACE_EVENT_FIELDS
    assert {"event_id", "article_ids", "num_sources"} <= set(table.column_names)
    rows = {r["cameo"]: r for r in table.to_pylist()}
    assert rows["112"]["source"]["code"] == "MEX" and rows["112"]["location"]["country"] == "MEX"
    assert rows["051"]["location"] is None
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchone()[0] == 2


def test_filters(small_store):
    store = Store(small_store)
    count = lambda **kw: len(list(iter_events(store, filters=Filters(**kw))))  # noqa: E731
    assert count() == 2
    assert count(actor="USA") == 1 and count(actor="BRA") == 1 and count(actor="CHN") == 0
    assert count(country="ARG") == 1 and count(code="05") == 1 and count(code="11") == 1
    assert count(date_from=date(2024, 3, 8)) == 1 and count(date_to=date(2024, 3, 8)) == 1
    store.close()


def test_text_exports(small_store, tmp_path):
    for fmt in ("jsonl", "csv", "gdelt", "polecat"):
        assert export_events(small_store, fmt=fmt, out=tmp_path / f"x.{fmt}") == 2
    lines = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(set(json.loads(line)) >= INTERFACE_EVENT_FIELDS for line in lines)
    gdelt = [
        line.split("\t") for line in (tmp_path / "x.gdelt").read_text(encoding="utf-8").splitlines()
    ]
    assert {len(row) for row in gdelt} == {len(GDELT_COLUMNS)} == {61}
    mex = next(row for row in gdelt if row[GDELT_COLUMNS.index("Actor1Code")] == "MEX")
    assert mex[GDELT_COLUMNS.index("SQLDATE")] == "20240310"
    assert (
        mex[GDELT_COLUMNS.index("EventCode")] == "112"
        and mex[GDELT_COLUMNS.index("NumSources")] == "1"
    )
    polecat = (tmp_path / "x.polecat").read_text(encoding="utf-8").splitlines()
    assert polecat[0].split("\t") == list(POLECAT_COLUMNS) and len(polecat) == 3
    header = (tmp_path / "x.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event_id,date,")
    with pytest.raises(ValueError):
        export_events(small_store, fmt="parquet", out=None)
    with pytest.raises(ValueError):
        export_events(small_store, fmt="xml", out=tmp_path / "x.xml")


# -- round trips: records <-> JSONL <-> DuckDB <-> Parquet -----------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_opt = st.none() | _text
_span = st.builds(Span, st.integers(0, 500), st.integers(0, 500), _text)
_actor = st.builds(
    Actor,
    st.integers(0, 500),
    st.integers(0, 500),
    _text,
    code=_opt,
    country=_opt,
    sector=_opt,
    name=_opt,
)
_place = st.builds(
    Place,
    st.integers(0, 500),
    st.integers(0, 500),
    _text,
    name=_opt,
    country=_opt,
    admin1=_opt,
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    feature=_opt,
)
_events = st.builds(
    Event,
    sentence=st.integers(0, 50),
    trigger=_span,
    source=st.none() | _actor,
    target=st.none() | _actor,
    cameo=st.sampled_from(["010", "112", "0214", "190"]),
    cameo_root=st.sampled_from(["01", "11", "02", "19"]),
    quad_class=st.integers(1, 4),
    goldstein=st.sampled_from([-10.0, -2.0, 0.0, 3.4]),
    plover=st.fixed_dictionaries({"type": _text, "mode": _opt}),
    acled=st.none() | st.fixed_dictionaries({"event_type": _text, "sub_event_type": _text}),
    date=_opt,
    date_precision=_opt,
    location=st.none() | _place,
    negated=st.booleans(),
    hypothetical=st.booleans(),
    confidence=st.sampled_from([0.0, 0.25, 0.5, 1.0]),
    rule=_text,
    evidence=st.none() | _span,
    quote=st.none() | st.integers(0, 3),
)
_annotations = st.builds(
    Annotation,
    id=_text,
    events=st.lists(_events, max_size=3),
    places=st.lists(_place, max_size=2),
    times=st.lists(
        st.builds(Timex, st.integers(0, 99), st.integers(0, 99), _text, _text, _text), max_size=2
    ),
    quotes=st.lists(
        st.builds(
            Quote, speaker=st.none() | _actor, cue=_span, content=_span, direct=st.booleans()
        ),
        max_size=2,
    ),
)


@given(_annotations)
def test_records_json_round_trip(annotation):
    line = json.dumps(annotation.to_dict())
    assert annotation_from_dict(json.loads(line)).to_dict() == annotation.to_dict()


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(annotation=_annotations, text=st.text(min_size=1, max_size=40))
def test_records_duckdb_parquet_round_trip(tmp_path_factory, annotation, text):
    folder = tmp_path_factory.mktemp("rt")
    db = folder / "r.duckdb"
    aid = content_hash(text)
    with Store(db) as store:
        store.write(
            Batch(
                articles=[
                    StoredArticle(aid, Article(text=text, id="x"), annotation, minhash(text))
                ],
                sightings=[{"article_id": aid, "origin": "o", "locator": ""}],
            )
        )
        assert store.annotation(aid).to_dict() == annotation.to_dict()  # type: ignore[union-attr]
        stored = store.con.execute(
            "SELECT event FROM events WHERE article_id = ? ORDER BY event_index", [aid]
        ).fetchall()
        assert [json.loads(e) for (e,) in stored] == [e.to_dict() for e in annotation.events]
        [(text_back,)] = store.con.execute("SELECT text FROM articles").fetchall()
        assert text_back == text
    out = folder / "e.parquet"
    export_events(db, fmt="parquet", out=out)
    back = {
        (r["trigger"]["start"], r["cameo"], r["sentence"]): r
        for r in pq.read_table(out).to_pylist()
    }
    for event in annotation.events:
        expected = event.to_dict()
        matches = [
            r for k, r in back.items() if k == (event.trigger.start, event.cameo, event.sentence)
        ]
        if len(matches) == 1 and matches[0]["event_index"] == annotation.events.index(event):
            got = {k: matches[0][k] for k in INTERFACE_EVENT_FIELDS}
            assert got == {k: expected[k] for k in INTERFACE_EVENT_FIELDS}


def test_errors_listing_is_ordered(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        store.write(
            Batch(
                errors=[
                    {
                        "origin": "b",
                        "locator": "",
                        "kind": "empty",
                        "level": "error",
                        "message": "m",
                    },
                    {
                        "origin": "a",
                        "locator": "line 2",
                        "kind": "json",
                        "level": "error",
                        "message": "m",
                    },
                    {
                        "origin": "a",
                        "locator": "line 2",
                        "kind": "json",
                        "level": "error",
                        "message": "m",
                    },
                ]
            )
        )
        assert [(e["origin"], e["locator"]) for e in store.errors()] == [("a", "line 2"), ("b", "")]


def test_store_refuses_a_foreign_database(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '999')")
    con.close()
    from whodid.store import StoreError

    with pytest.raises(StoreError, match="schema"):
        Store(path)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert io  # keep import used for readers of this file
