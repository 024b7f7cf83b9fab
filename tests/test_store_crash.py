"""Crash safety: an ingest killed with SIGKILL mid-way and restarted ends with the same store.

A subprocess ingests ~30 tiny articles, committing every 3; once it has logged two commits it
is killed with ``kill -9``.  The run is started again, and every table of the store is
compared with that of a clean, uninterrupted run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from whodid.store import IngestOptions, ingest

pytestmark = pytest.mark.model

PAIRS = [
    ("Kenya", "Uganda"),
    ("Chile", "Peru"),
    ("Ghana", "Togo"),
    ("Japan", "China"),
    ("France", "Germany"),
    ("Egypt", "Sudan"),
]
VERBS = [
    "accused {b} of hoarding grain",
    "praised {b} for reopening the border",
    "threatened {b} with sanctions",
    "signed a fisheries accord with {b}",
    "expelled two diplomats from {b}",
]


def _corpus(path: Path) -> Path:
    lines = []
    for n in range(30):
        a, b = PAIRS[n % len(PAIRS)]
        verb = VERBS[n % len(VERBS)].format(b=b)
        text = f"{a} {verb} on Monday, officials in both capitals said. Talks are due next week."
        record = {
            "id": f"c{n}",
            "text": text,
            "published": f"2024-03-{1 + n % 28:02d}",
            "source": f"Outlet {n % 4}",
        }
        lines.append(json.dumps(record))
    lines.insert(7, "{not json")
    lines.insert(15, lines[3])  # the same article again, under the same id
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _dump(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables ORDER BY table_name"
            ).fetchall()
        ]
        return {
            t: sorted(repr(row) for row in con.execute(f"SELECT * FROM {t}").fetchall())
            for t in tables
        }
    finally:
        con.close()


def test_sigkill_mid_run_then_restart_equals_a_clean_run(tmp_path, nlp):
    corpus = _corpus(tmp_path / "corpus.jsonl")
    options = IngestOptions(batch_size=3)
    clean = tmp_path / "clean.duckdb"
    ingest([corpus], db=clean, options=options)

    crashed = tmp_path / "crashed.duckdb"
    command = [
        sys.executable,
        "-c",
        "from whodid.cli.app import main; main()",
        "ingest",
        str(corpus),
        "--db",
        str(crashed),
        "--batch-size",
        "3",
        "--quiet",
        "--verbose",
    ]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    assert process.stderr is not None
    commits = 0
    for line in process.stderr:
        if "committed batch" in line:
            commits += 1
            if commits == 2:
                os.kill(process.pid, signal.SIGKILL)
                break
    process.wait(timeout=60)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    partial = _dump(crashed)
    assert 0 < len(partial["articles"]) < len(_dump(clean)["articles"])

    ingest([corpus], db=crashed, options=options)  # the restart
    assert _dump(crashed) == _dump(clean)
