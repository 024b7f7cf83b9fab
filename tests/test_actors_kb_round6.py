"""Knowledge base and resolution of the sixth actors round (issue 4), on sentences written for
them: interior, finance and health ministers of the G20, governors of the largest US states,
heads of companies and of transnational armed groups, UN envoys, UN agencies and other international
bodies, international NGOs, news media and companies, craft and tribal role nouns, and the
field named in an unknown body's name ("the X Medical Association")."""

from __future__ import annotations

import datetime

import pytest

from whodid.actors.kb import ActorKB
from whodid.actors.resolve import DocActors
from whodid.records import Actor


@pytest.mark.parametrize(
    ("name", "when", "code"),
    [
        ("Anton Siluanov", datetime.date(2019, 5, 1), "RUSGOV"),
        ("Vladimir Kolokoltsev", datetime.date(2016, 5, 1), "RUSGOV"),
        ("Wang Xiaohong", datetime.date(2024, 5, 1), "CHNGOV"),
        ("Matteo Piantedosi", datetime.date(2023, 5, 1), "ITAGOV"),
        ("Sri Mulyani Indrawati", datetime.date(2013, 5, 1), "IGOWBK"),
        ("Sri Mulyani Indrawati", datetime.date(2020, 5, 1), "IDNGOV"),
        ("Süleyman Soylu", datetime.date(2020, 5, 1), "TURGOV"),
        ("Jim Chalmers", datetime.date(2023, 5, 1), "AUSGOV"),
        ("Enoch Godongwana", datetime.date(2023, 5, 1), "ZAFGOV"),
        ("Timothy Geithner", datetime.date(2011, 5, 1), "USAGOV"),
        ("Timothy Geithner", datetime.date(2015, 5, 1), "USAELI"),
        ("Karl Lauterbach", datetime.date(2022, 5, 1), "DEUGOV"),
        ("Kathy Hochul", datetime.date(2023, 5, 1), "USAGOV"),
        ("Sergey Sobyanin", datetime.date(2023, 5, 1), "RUSGOV"),
        ("Igor Sechin", datetime.date(2010, 5, 1), "RUSGOV"),
        ("Igor Sechin", datetime.date(2020, 5, 1), "RUSBUS"),
        ("Jeff Bezos", datetime.date(2019, 5, 1), "USABUS"),
        ("Osama bin Laden", datetime.date(2005, 5, 1), "IMGALQ"),
        ("Staffan de Mistura", datetime.date(2016, 5, 1), "IGOUNO"),
        ("Martin Griffiths", datetime.date(2019, 5, 1), "IGOUNO"),
        ("Martin Griffiths", datetime.date(2022, 5, 1), "IGOUNOOCH"),
        ("Peter Maurer", datetime.date(2015, 5, 1), "NGOIRC"),
    ],
)
def test_new_dated_offices(name: str, when: datetime.date, code: str) -> None:
    found = ActorKB.builtin().lookup(name, when=when)
    assert found and found[0].code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UNODC", "IGOUNODRG"),
        ("World Meteorological Organization", "IGOUNOWMO"),
        ("UNAMA", "IGOUNO"),
        ("EBRD", "IGOEURERD"),
        ("Norwegian Refugee Council", "NGONRC"),
        ("Freedom House", "NGOHRIFRH"),
        ("The New York Times", "USAMED"),
        ("Haaretz", "ISRMED"),
        ("Voice of America", "USAGOVMED"),
        ("TotalEnergies", "FRABUS"),
        ("Pemex", "MEXBUS"),
        ("TSMC", "TWNBUS"),
    ],
)
def test_new_international_bodies_media_and_companies(name: str, code: str) -> None:
    entries = ActorKB.builtin().entries(name)
    assert entries and entries[0].code == code


def test_common_words_are_not_company_names() -> None:
    kb = ActorKB.builtin()
    # written in full where the short name is an ordinary word or a surname
    for word in ("Amazon", "Total", "Ford", "Target"):
        assert not kb.entries(word) or all(e.sector != "BUS" for e in kb.entries(word))


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("frigates", "MIL"), ("submarine", "MIL"), ("tribesmen", "CVL")],
)
def test_craft_and_tribal_role_nouns(phrase: str, code: str) -> None:
    agent = ActorKB.builtin().agent(phrase)
    assert agent is not None and agent.code == code


def _resolve(nlp, text: str, word: str) -> Actor | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = [t for t in doc if t.text == word][0]
    return DocActors(ActorKB.builtin(), doc).resolve(token)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        (
            "The Malawian Medical Association warned of a shortage of nurses.",
            "Association",
            "MWIHLH",
        ),
        ("The Peruvian Bar Association criticised the new law.", "Association", "PERJUD"),
        (
            "The Zambian Commission on Human Rights asked the police to release them.",
            "Commission",
            "ZMBHRI",
        ),
        ("The Senegalese Electoral Commission postponed the count.", "Commission", "SENGOV"),
    ],
)
def test_an_unknown_body_takes_the_field_its_name_names(  # type: ignore[no-untyped-def]
    nlp, text: str, head: str, code: str
) -> None:
    actor = _resolve(nlp, text, head)
    assert actor is not None and actor.code == code


@pytest.mark.model
def test_a_body_named_for_no_field_keeps_only_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    actor = _resolve(nlp, "The Malawian Heritage Association opposed the plan.", "Association")
    assert actor is not None and actor.code == "MWI"


@pytest.mark.model
def test_a_person_office_of_a_town_or_region_gives_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    actor = _resolve(nlp, "The governor of Kano State imposed a curfew on Sunday.", "governor")
    assert actor is not None and actor.code == "NGAGOV"
    actor = _resolve(nlp, "The mayor of Kandahar met the elders on Sunday.", "mayor")
    assert actor is not None and actor.code == "AFGGOV"
    # a body after "of" is no place
    actor = _resolve(nlp, "The governor of the central bank raised rates.", "governor")
    assert actor is not None and actor.country is None


@pytest.mark.model
def test_an_ex_title_split_by_the_parser_is_still_a_former_official(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("ex-president of Ecuador criticized the plan.")
    assert [t.dep_ for t in doc[:3]] == ["nsubj"] * 3  # the parse this rule repairs
    actor = DocActors(ActorKB.builtin(), doc).resolve(doc[0])
    assert actor is not None and actor.code == "ECUELI"


def test_a_transnational_group_leader_has_the_group_sector() -> None:
    found = ActorKB.builtin().lookup("Abu Bakr al-Baghdadi", when=datetime.date(2016, 5, 1))
    assert found and (found[0].code, found[0].sector) == ("IMGISI", "REB")
