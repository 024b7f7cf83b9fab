"""The Dask runner: partitions, Parquet shards, and a store identical to a single-process run.

The end-to-end test starts a LocalCluster of two worker processes (each loads the model once),
so it uses a handful of one-sentence articles.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from whodid.records import Actor, Annotation, Event, Place, Quote, Span, Timex
from whodid.runners.dask_runner import SHARD_SCHEMA, read_shard
from whodid.runners.local import chunks

pytest.importorskip("distributed")


def test_partitions_count_articles_and_keep_bookkeeping_items() -> None:
    jobs = [("a", object()), ("skip", None), ("b", object()), ("c", object()), ("skip2", None)]
    parts = list(chunks(jobs, 2))  # type: ignore[arg-type]
    assert [[tag for tag, _ in p] for p in parts] == [["a", "skip", "b"], ["c", "skip2"]]


def test_partitions_of_nothing() -> None:
    assert list(chunks([], 4)) == []


def _annotation() -> Annotation:
    speaker = Actor(0, 5, "Ruvia", code="RUV", country="RUV", name="Ruvia")
    return Annotation(
        id="x1",
        events=[
            Event(
                sentence=0,
                trigger=Span(6, 14, "rebuked"),
                source=speaker,
                target=Actor(15, 21, "Zemlan", code="ZEM"),
                cameo="111",
                cameo_root="11",
                quad_class=3,
                goldstein=-2.0,
                plover={"type": "ACCUSE", "mode": None},
                date="2024-02-01",
                date_precision="day",
                location=Place(30, 36, "Ostra", name="Ostra", lat=1.5, lon=2.25, feature="city"),
                confidence=0.6667,
                rule="lexicon:test",
                evidence=Span(0, 40, "Ruvia rebuked Zemlan in a note to Ostra."),
                quote=0,
            )
        ],
        places=[Place(30, 36, "Ostra", name="Ostra")],
        times=[Timex(41, 47, "Monday", "DATE", "2024-02-01")],
        quotes=[
            Quote(
                speaker=speaker,
                cue=Span(50, 54, "said"),
                content=Span(55, 60, "talks"),
                direct=False,
            )
        ],
    )


def test_read_shard_gives_back_the_annotations_in_partition_order(tmp_path: Path) -> None:
    first, second = _annotation(), Annotation(id="x2", error="unreadable")
    rows = [
        {
            "position": 1,
            "id": "x2",
            "error": "unreadable",
            "annotation": json.dumps(second.to_dict()),
        },
        {"position": 0, "id": "x1", "error": None, "annotation": json.dumps(first.to_dict())},
    ]
    path = tmp_path / "part.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=SHARD_SCHEMA), path)
    back = read_shard(path)
    assert [a.to_dict() for a in back] == [first.to_dict(), second.to_dict()]


def _corpus(path: Path) -> Path:
    lines = [
        json.dumps({"id": f"d{n}", "text": text, "published": "2024-04-0" + str(1 + n % 9)})
        for n, text in enumerate(
            [
                "Kenya accused Uganda of hoarding grain on Monday.",
                "Chile praised Peru for reopening the border, the minister said.",
                "Police arrested ten protesters in Lagos on Friday.",
                "Japan signed a fisheries accord with China in Tokyo.",
                "Egypt threatened Sudan with sanctions last week.",
                "France expelled two diplomats from Germany.",
            ]
        )
    ]
    lines.insert(2, "{not json")
    lines.append(lines[0])  # the same article twice
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _dump(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        ]
        return {
            t: sorted(repr(r) for r in con.execute(f"SELECT * FROM {t}").fetchall()) for t in names
        }
    finally:
        con.close()


@pytest.mark.model
def test_dask_ingest_equals_a_single_process_run(tmp_path: Path, nlp: object) -> None:
    from whodid.store import IngestOptions, ingest

    corpus = _corpus(tmp_path / "corpus.jsonl")
    single = tmp_path / "single.duckdb"
    ingest([corpus], db=single, options=IngestOptions(batch_size=3))

    shards = tmp_path / "shards"
    on_dask = tmp_path / "dask.duckdb"
    options = IngestOptions(
        batch_size=3,
        chunk_size=2,  # three partitions over the two workers
        engine="dask",
        workers=2,
        shard_dir=shards,
        keep_shards=True,
    )
    report = ingest([corpus], db=on_dask, options=options)

    assert report.new == 6 and report.duplicates == 1 and report.errors == 1
    assert _dump(on_dask) == _dump(single)
    assert len(_dump(single)["events"]) > 0
    kept = sorted(shards.glob("part-*.parquet"))
    assert len(kept) == 3
    rows = pq.read_table(kept[0]).to_pylist()  # the shards can be queried in place
    assert [r["position"] for r in rows] == [0, 1]
