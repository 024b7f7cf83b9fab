"""Knowledge base and name matching of the fifth actors round (issue 4), on sentences written for
them: other spellings of KB names (accents, umlauts, hyphens, apostrophes), the new categories
(major parties, central banks and their governors, speakers, police forces, militia movements,
sector words),
a region ending a body's name, and a national body or group as the country of a sentence."""

from __future__ import annotations

import datetime

import pytest
import spacy
from spacy.vocab import Vocab

from whodid.actors.entries import ActorEntry
from whodid.actors.kb import ActorKB
from whodid.actors.matcher import KBMatcher, _name_tokens, _spellings
from whodid.actors.resolve import DocActors
from whodid.records import Actor


def test_other_spellings_of_a_name() -> None:
    assert "Gitanas Nauseda" in _spellings("Gitanas Nausėda", person=True)
    assert "Lech Walesa" in _spellings("Lech Wałęsa", person=True)
    assert {"Gerhard Schroder", "Gerhard Schroeder"} <= set(
        _spellings("Gerhard Schröder", person=True)
    )
    assert "Sergey Lavrov" in _spellings("Sergei Lavrov", person=True)
    assert "Muhammad bin Salman" in _spellings("Mohammed bin Salman", person=True)
    # hyphens stay: "Secretary General" is any body's, not the UN's
    assert _spellings("Secretary-General", person=False) == []
    assert "People\u2019s Bank of China" in _spellings("People's Bank of China", person=False)
    assert _spellings("Angela Merkel", person=True) == []


def _found(text: str) -> list[tuple[str, str | None]]:
    kb = ActorKB.builtin()
    nlp = spacy.blank("en")
    matcher = KBMatcher(nlp.vocab, kb.actors, kb.agents)
    doc = nlp(text)
    return [
        (doc[m.start : m.end].text, m.entry.name if m.entry else None) for m in matcher.find(doc)
    ]


def test_the_matcher_finds_names_written_without_accents_or_with_a_curly_apostrophe() -> None:
    found = _found("Gerhard Schroeder and Recep Tayyip Erdogan spoke to the People\u2019s Bank.")
    assert ("Gerhard Schroeder", "Gerhard Schröder") in found
    assert ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan") in found
    assert ("Secretary General", "UN Secretary-General") not in _found(
        "The league's Secretary General arrived."
    )
    # a short acronym keeps its letters (the plain "MIT" names many things)
    assert all(name != "Turkish National Intelligence Organization" for _, name in _found("MIT"))


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Law and Justice", "POLPTYPIS"),
        ("Pheu Thai Party", "THAPTYPTP"),
        ("Chama Cha Mapinduzi", "TZAPTYCCM"),
        ("All Progressives Congress", "NGAPTYAPC"),
        ("Liberal Democratic Party (Japan)", "JPNPTYLDP"),
        ("Bank Indonesia", "IDNGOV"),
        ("Banxico", "MEXGOV"),
        ("Oath Keepers", "USAUAFOKP"),
        ("Three Percenters", "USAUAFTHP"),
        ("NYPD", "USACOP"),
        ("Jandarma", "TURCOP"),
    ],
)
def test_new_categories_of_the_kb(name: str, code: str) -> None:
    entries = ActorKB.builtin().entries(name)
    assert entries and entries[0].code == code


def test_a_dated_party_and_central_bank_governors() -> None:
    kb = ActorKB.builtin()
    when = datetime.date(1995, 6, 1)
    assert kb.lookup("UNITA", when=when)[0].code == "AGOREBUNT"
    assert kb.lookup("UNITA", when=datetime.date(2010, 6, 1))[0].code == "AGOPTYUNT"
    assert kb.lookup("Haruhiko Kuroda", when=datetime.date(2016, 1, 4))[0].code == "JPNGOV"
    assert kb.lookup("John Bercow", when=datetime.date(2015, 3, 2))[0].code == "GBRLEG"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("midwives", "HLH"),
        ("medical services", "HLH"),
        ("carmakers", "BUS"),
        ("news portal", "MED"),
    ],
)
def test_sector_words(phrase: str, code: str) -> None:
    agent = ActorKB.builtin().agent(phrase)
    assert agent is not None and agent.code == code


def _resolve(nlp, text: str, word: str) -> Actor | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = [t for t in doc if t.text == word][0]
    return DocActors(ActorKB.builtin(), doc).resolve(token)


@pytest.mark.model
def test_a_region_that_ends_a_body_name_gives_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    actor = _resolve(
        nlp, "The Rural Health Services Union Northern Territory opposed the cuts.", "Territory"
    )
    assert actor is not None and actor.country == "AUS"
    # a region of two countries gives neither
    actor = _resolve(nlp, "The Teachers Union Punjab opposed the cuts.", "Punjab")
    assert actor is None or actor.country is None


@pytest.mark.model
def test_a_national_group_counts_for_the_sentence_country(nlp) -> None:  # type: ignore[no-untyped-def]
    actor = _resolve(
        nlp,
        "President Mendes finally yielded to calls from the Chama Cha Mapinduzi to free the "
        "detained reporters.",
        "Mendes",
    )
    assert actor is not None and actor.country == "TZA"


def test_names_are_split_into_tokens_as_the_blank_english_pipeline_splits_them() -> None:
    blank = spacy.blank("en").tokenizer
    names = [
        "U.S. Marshals",
        "People\u2019s Bank of China",
        "Janata Dal (United)",
        "Kassym-Jomart Tokayev",
        "14K triad",
        "St. Kitts and Nevis",
        "Alliance 90/The Greens",
        "Recep Tayyip Erdoğan",
        "Dont Tread Movement",  # a special case of the tokenizer ('Do', 'nt')
        "Gonna Party",
        "Sudan People's Liberation Army",
        "Omar  el-Bashir",  # a doubled space stays a token
        "Mr. Smith's office",
        "Kim Jong-un",
        "",
    ]
    ours = _name_tokens(names, Vocab())
    assert ours == [[t.text for t in blank(name)] for name in names]
    assert ours[8][:2] == ["Do", "nt"]


def test_building_the_matcher_leaves_the_pipeline_vocab_as_it_was() -> None:
    vocab = spacy.blank("en").vocab
    before = len(vocab)
    actor = ActorEntry(
        key="zembla-defence-council",
        name="Zembla Defence Council",
        kind="organisation",
        names=("Zembla Defence Council",),
        code="ZEMMIL",
    )
    matcher = KBMatcher(vocab, [actor], [])
    assert len(vocab) == before
    doc = spacy.blank("en", vocab=vocab)("The Zembla Defence Council met on Monday.")
    assert [(m.start, m.end) for m in matcher.find(doc)] == [(1, 4)]
