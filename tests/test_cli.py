"""The command line, run in-process with typer's runner (real model; marked `model`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from whodid.cli.app import app

pytestmark = pytest.mark.model
runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_annotate_keeps_order_and_reports_bad_lines(tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "1",
                        "text": "Kenya accused Uganda of smuggling arms.",
                        "published": "2024-03-01",
                    }
                ),
                "{not json",
                json.dumps({"text": "no id here"}),
                json.dumps({"id": "4", "text": "Ghana praised Togo.", "published": "20240301"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(batch), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4
    assert lines[0]["id"] == "1" and lines[0]["error"] is None
    assert lines[0]["events"][0]["source"]["code"] == "KEN"
    assert lines[1]["error"] and lines[1]["events"] == [] and lines[1]["places"] == []
    assert lines[2]["error"] and "id" in lines[2]["error"]
    assert lines[3]["id"] == "4" and lines[3]["error"] is None
    for line in lines:
        assert set(line) >= {"id", "error", "events", "places", "times", "quotes"}


def test_annotate_missing_file_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["annotate", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2


def test_annotate_with_a_broken_dictionary_is_a_clear_error(tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": "1", "text": "Kenya accused Uganda."}) + "\n")
    actors = tmp_path / "mine.yaml"
    actors.write_text("actors:\n  - name: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(batch), "--actors", str(actors), "-o", str(out)])
    assert result.exit_code == 2
    assert "mine.yaml" in result.output and "invalid YAML" in result.output
    assert not out.exists()  # nothing written before the data loaded


def test_code_prints_csv_for_a_text_article(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(
        "Brazil condemned Venezuela on Monday over the border closure.\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["code", str(article), "--published", "2024-06-05", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["source_code"] == "BRA" and rows[0]["target_code"] == "VEN"
    assert rows[0]["cameo"].startswith("11") and rows[0]["date"] == "2024-06-03"


def test_code_reads_html_through_trafilatura():
    result = runner.invoke(
        app, ["code", str(EXAMPLES / "04_leaders_meeting.html"), "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events and all("cameo" in e for e in events)


def test_code_rejects_a_bad_published_date(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Brazil condemned Venezuela.", encoding="utf-8")
    result = runner.invoke(app, ["code", str(article), "--published", "yesterday-ish"])
    assert result.exit_code == 2
