"""The office tables, CSV/TSV user dictionaries, the configuration file and the actor_coding
scorer's conventions (no model)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from whodid.actors.entries import DataError
from whodid.actors.kb import ActorKB
from whodid.actors.offices import merge_people, parse_offices
from whodid.actors.petrarch import load_actor_file, load_agent_file
from whodid.actors.tables import CONFIG_ENV, configured_files

OFFICES = (
    "# a comment\n"
    "Aragorn Elessar\tARN\tm\tAragorn|Strider\tARNREB\t2001-01-01\t2003-05\tranger captain\n"
    "Aragorn Elessar\t\t\t\tARNGOV\t2004-01-01\t-\tking\n"
    "Faramir\tGON\tm\t\tGONMIL\t2002-02\t2004-02-29\tcaptain\n"
)


def test_offices_group_rows_into_people_with_dated_codes() -> None:
    people = parse_offices(OFFICES, "offices.tsv")
    assert [p.name for p in people] == ["Aragorn Elessar", "Faramir"]
    aragorn = people[0]
    assert aragorn.names == ("Aragorn Elessar", "Aragorn", "Strider") and aragorn.gender == "m"
    assert aragorn.windows[0].end == date(2003, 5, 31)  # a month end is its last day
    assert aragorn.code_at(date(2003, 5, 31))[0] == "ARNREB"
    assert aragorn.code_at(date(2003, 6, 1))[2] == "former"
    assert aragorn.code_at(date(2030, 1, 1))[0] == "ARNGOV"
    assert aragorn.code_at(date(1999, 1, 1))[0] == "ARNELI"  # before any office
    assert people[1].windows[0].start == date(2002, 2, 1)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("X\tARN\tm\t\tARNGOV\t2001-01-01\n", "expected 8 columns"),
        ("X\tArnor\tm\t\tARNGOV\t2001-01-01\t-\tking\n", "bad country"),
        ("X\tARN\tq\t\tARNGOV\t2001-01-01\t-\tking\n", "bad gender"),
        ("X\tARN\tm\t\tarngov\t2001-01-01\t-\tking\n", "bad code"),
        ("X\tARN\tm\t\tARNGOV\t2001-13-01\t-\tking\n", "bad date"),
        ("X\tARN\tm\t\tARNGOV\t2005-01-01\t2001-01-01\tking\n", "ends"),
    ],
)
def test_office_errors_name_file_and_line(row: str, message: str) -> None:
    with pytest.raises(DataError, match=rf"offices.tsv:3: .*{message}"):
        parse_offices("# one\n# two\n" + row, "offices.tsv")


def test_merge_adds_offices_to_a_known_person() -> None:
    old = parse_offices("Faramir\tGON\tm\tSteward\tGONMIL\t2002-02-01\t2003-01-01\tcaptain\n", "a")
    new = parse_offices(
        "Faramir\tGON\t\tPrince Faramir\tGONGOV\t2004-01-01\t-\tsteward\n"
        "Eowyn\tROH\tf\t\tROHGOV\t2004-01-01\t-\tlady\n",
        "b",
    )
    merged = merge_people(old, new)
    assert [p.name for p in merged] == ["Faramir", "Eowyn"]
    assert [w.code for w in merged[0].windows] == ["GONMIL", "GONGOV"]
    assert merged[0].names == ("Faramir", "Steward", "Prince Faramir")


def test_builtin_offices_are_dated_and_unambiguous() -> None:
    kb = ActorKB.builtin()
    (merkel,) = [e for e in kb.entries("Angela Merkel") if e.kind == "person"]
    assert merkel.code_at(date(2010, 1, 1))[0] == "DEUGOV"
    (ban,) = kb.entries("Ban Ki-moon")
    assert ban.code_at(date(2010, 1, 1))[0] == "IGOUNO"
    assert ban.code_at(date(2005, 1, 1))[0] == "KORGOV"
    assert ban.code_at(date(2020, 1, 1))[0] == "KORELI"
    (morrison,) = kb.entries("Scott Morrison")
    assert morrison.code_at(date(2020, 1, 1))[0] == "AUSGOV"
    seen: dict[str, str] = {}
    for e in kb.actors:
        if e.kind != "person":
            continue
        for n in {n.lower() for n in e.names}:
            assert seen.setdefault(n, e.name) == e.name, f"{n!r} names two people"


def test_csv_actor_and_agent_files(tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "name,code,aliases,kind,start,end,role\n"
        "# a comment row\n"
        "Elrond,RIVGOV,Lord Elrond|Elrond Half-elven,person,2001-01,2010-12-31,lord\n"
        "Elrond,RIVELI,,person,,,\n"
        "Rivendell,RIV,Imladris,country,,,\n",
        encoding="utf-8",
    )
    entries = load_actor_file(actors)
    elrond, rivendell = entries
    assert elrond.names == ("Elrond", "Lord Elrond", "Elrond Half-elven")
    assert elrond.code_at(date(2005, 1, 1))[0] == "RIVGOV"
    assert elrond.code == "RIVELI" and rivendell.kind == "country"
    agents = tmp_path / "agents.tsv"
    agents.write_text("phrase\tcode\tkind\tplurals\nwatchman\t~COP\tperson\twatchmen\n")
    (watch,) = load_agent_file(agents)
    assert watch.code == "COP" and watch.forms == ("watchman", "watchmen")
    kb = ActorKB.builtin().with_files(actor_files=[actors], agent_files=[agents])
    assert kb.lookup("Imladris")[0].code == "RIV"
    assert kb.agent("watchmen") is not None


def test_csv_errors_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,code,kind\nElrond,RIVGOV,elf\n")
    with pytest.raises(DataError, match=r"bad.csv:2: unknown kind"):
        load_actor_file(bad)
    bad.write_text("name,aliases\nElrond,x\n")
    with pytest.raises(DataError, match=r"bad.csv:1: header lacks column\(s\) code"):
        load_actor_file(bad)


def test_configuration_names_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    assert configured_files() == ((), ())
    (tmp_path / "mine.csv").write_text("name,code\nRivendell,RIV\n")
    config = tmp_path / "whodid.yaml"
    config.write_text("actors: [mine.csv]\n")
    monkeypatch.setenv(CONFIG_ENV, str(config))
    assert configured_files() == ((tmp_path / "mine.csv",), ())
    config.write_text("agents: [missing.txt]\n")
    with pytest.raises(DataError, match="agents file not found"):
        configured_files()


def test_actor_coding_scorer_conventions() -> None:
    from whodid.evaluate import actor_coding

    def out(code: str | None, country: str | None, sector: str | None) -> dict[str, Any]:
        return {"code": code, "country": country, "sector": sector, "name": None}

    assert actor_coding._hit(out("IGOUNOWHO", None, "HLH"), "country", "UNO")
    assert not actor_coding._hit(out("IGOEUREEC", None, "IGO"), "country", "UNO")
    assert actor_coding._hit(out("---HLH", None, "HLH"), "code_1", "MED")  # PLOVER spelling
    assert actor_coding._hit(out("---HLH", None, "HLH"), "code_1", "HLH")  # CAMEO spelling
    assert actor_coding._hit(out(None, None, None), "code_1", "UNK")
    assert not actor_coding._hit(out("---COP", None, "COP"), "code_1", "UNK")
    item, _ = actor_coding._input({"id": "x", "actor_text": "Elrond", "date": "1 January 2018"})
    assert item["published"] == "2018-01-01"
    item, _ = actor_coding._input({"id": "x", "actor_text": "Elrond", "date": "today"})
    assert item["published"] == date.today().isoformat()  # "today" is a date, not "no date"
    item, _ = actor_coding._input({"id": "x", "actor_text": "Elrond"})
    assert "published" not in item
