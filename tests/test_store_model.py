"""End to end with the real pipeline: `whodid ingest`, `errors`, `export` over the test corpus."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from corpus_build import build
from interface import INTERFACE_EVENT_FIELDS
from typer.testing import CliRunner

from whodid.cli.app import app
from whodid.store import IngestOptions, Store, ingest

pytestmark = pytest.mark.model
runner = CliRunner()
CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, nlp) -> Path:
    build()
    db = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


def test_corpus_ingests_every_format(corpus_db):
    with Store(corpus_db, read_only=True) as store:
        origins = {
            Path(o).name
            for (o,) in store.con.execute("SELECT DISTINCT origin FROM sightings").fetchall()
        }
        assert {
            "wire.jsonl",
            "bundle.json",
            "reprints.csv",
            "summit.html",
            "world.rss",
            "region.atom",
            "crawl.warc.gz",
            "ghana.txt.gz",
            "more.jsonl.gz",
            "sovereignty.txt",
            "legacy_cp1252.txt",
            "broken.jsonl",
        } <= origins
        counts = store.counts()
        assert counts["events"] > 0 and counts["merged_events"] > 0
        # the same text as a .txt file and a gzipped JSONL record: one article, two sightings
        [(n,)] = store.con.execute(
            "SELECT count(*) FROM sightings s JOIN articles a USING (article_id) "
            "WHERE a.text LIKE 'Mexico accuses%'"
        ).fetchall()
        assert n == 2 and counts["sightings"] > counts["articles"]


def test_junk_is_reported_and_listed(corpus_db):
    result = runner.invoke(app, ["errors", "--db", str(corpus_db), "--tsv"])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.output.splitlines()]
    kinds = {(Path(origin).name, kind) for level, kind, origin, _, _ in lines if level == "error"}
    assert {
        ("noise.bin", "binary"),
        ("empty.txt", "empty"),
        ("broken.jsonl", "json"),
        ("menu_only.html", "html"),
        ("truncated.txt.gz", "unreadable"),
    } <= kinds
    assert any(level == "warning" for level, *_ in lines)


def test_reingest_adds_nothing(corpus_db):
    before = _counts(corpus_db)
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(corpus_db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert _counts(corpus_db) == before


def test_wire_copy_is_merged_across_outlets(corpus_db):
    with Store(corpus_db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT num_articles, num_sources, sources FROM merged_events "
            "WHERE list_contains(sources, 'Harbour Times') "
            "AND list_contains(sources, 'Coastal Daily')"
        ).fetchall()
    assert rows and all(num_sources == 2 for _, num_sources, _ in rows)


def test_export_parquet_round_trip(corpus_db, tmp_path):
    out = tmp_path / "events.parquet"
    result = runner.invoke(
        app, ["export", "--db", str(corpus_db), "--format", "parquet", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert set(table.column_names) >= INTERFACE_EVENT_FIELDS
    with Store(corpus_db, read_only=True) as store:
        [(merged,)] = store.con.execute("SELECT count(*) FROM merged_events").fetchall()
    assert table.num_rows == merged
    ids = (
        duckdb.connect()
        .execute(f"SELECT count(DISTINCT event_id) FROM read_parquet('{out}')")
        .fetchone()
    )
    assert ids == (merged,)
    assert all(len(row["article_ids"]) >= 1 for row in table.select(["article_ids"]).to_pylist())


def test_export_filters_and_formats(corpus_db):
    result = runner.invoke(
        app, ["export", "--db", str(corpus_db), "--actor", "TUR", "--code", "11"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["cameo"].startswith("11") for r in rows)
    assert all(
        "TUR" in ((r["source"] or {}).get("code") or "") + ((r["target"] or {}).get("code") or "")
        for r in rows
    )
    gdelt = runner.invoke(app, ["export", "--db", str(corpus_db), "--format", "gdelt"])
    assert gdelt.exit_code == 0 and {
        len(line.split("\t")) for line in gdelt.output.splitlines()
    } == {61}
    bad = runner.invoke(app, ["export", "--db", str(corpus_db), "--from", "soon"])
    assert bad.exit_code == 2


def test_two_workers_give_the_same_store(tmp_path, nlp):
    batch = tmp_path / "few.jsonl"
    batch.write_text(
        "".join(
            json.dumps({"id": str(i), "text": text, "published": "2024-03-04"}) + "\n"
            for i, text in enumerate(
                [
                    "Kenya accused Uganda of hoarding grain on Monday.",
                    "Chile praised Peru for reopening the border.",
                    "Japan threatened China with sanctions.",
                ]
            )
        ),
        encoding="utf-8",
    )
    ingest([batch], db=tmp_path / "one.duckdb", options=IngestOptions(workers=1))
    ingest([batch], db=tmp_path / "two.duckdb", options=IngestOptions(workers=2, chunk_size=1))
    dump = {}
    for name in ("one", "two"):
        con = duckdb.connect(str(tmp_path / f"{name}.duckdb"), read_only=True)
        dump[name] = {
            t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
            for t in ("articles", "events", "merged_events")
        }
        con.close()
    assert dump["one"] == dump["two"]
