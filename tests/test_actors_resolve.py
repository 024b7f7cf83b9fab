"""Resolution conventions with the real model: pronoun antecedents in the same sentence, acronyms
in parentheses, role nouns with an 'in'-place, coordinated subjects, offices on a date; and the
`whodid actor` explanation and command."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from whodid.actors.explain import explain
from whodid.actors.kb import ActorKB
from whodid.actors.resolve import DocActors
from whodid.cli.app import app

pytestmark = pytest.mark.model


def _tok(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


def test_pronoun_takes_the_span_of_an_antecedent_in_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Kenyan government said it would close the border. Later it reopened the border.")
    da = DocActors(ActorKB.builtin(), doc)
    first, second = [t for t in doc if t.text == "it"]
    same = da.resolve(first)
    assert same is not None and same.text == "The Kenyan government" and same.code == "KENGOV"
    other = da.resolve(second)
    assert other is not None and other.text == "it" and other.code == "KENGOV"


def test_acronym_parenthesis_and_place_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Ministry of Justice (MOJ) criticized the plan.")
    moj = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Ministry"))
    assert moj is not None and moj.text == "The Ministry of Justice (MOJ)"
    doc = nlp("Police in Kenya arrested the protesters.")
    police = DocActors(ActorKB.builtin(), doc).resolve(doc[0])
    assert police is not None and police.text == "Police in Kenya" and police.code == "KENCOP"


def test_coordinated_subject_is_one_span_coded_by_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ghana and Togo signed a border agreement.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(doc[0])
    assert actor is not None and actor.text == "Ghana and Togo" and actor.code == "GHA"


def test_offices_on_the_publication_date(nlp) -> None:  # type: ignore[no-untyped-def]
    kb = ActorKB.builtin()
    doc = nlp("Gordon Brown criticized the plan.")
    assert DocActors(kb, doc, published=date(2008, 1, 1)).resolve(doc[1]).code == "GBRGOV"  # type: ignore[union-attr]
    doc = nlp("Gordon Brown criticized the plan.")
    assert DocActors(kb, doc, published=date(2015, 1, 1)).resolve(doc[1]).code == "GBRELI"  # type: ignore[union-attr]


def test_explain_shows_entries_offices_and_memory(nlp) -> None:  # type: ignore[no-untyped-def]
    result = explain("Ban Ki-moon", nlp=nlp, when=date(2010, 5, 1))
    assert result.actor is not None and result.actor.code == "IGOUNO"
    (piece,) = result.pieces
    assert (piece.kind, piece.status, piece.role) == ("person", "office", "UN secretary-general")
    taught = explain(
        "the envoy",
        nlp=nlp,
        when=date(2024, 1, 1),
        context="Gondorian envoy Tom Bombadil met the king. The king thanked the envoy.",
    )
    assert taught.actor is not None and taught.actor.name == "Tom Bombadil"
    assert any("named it earlier" in step for step in taught.steps)
    with pytest.raises(ValueError):
        explain("  ", nlp=nlp)


def test_actor_command() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["actor", "Mexican police", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["actor"]["code"] == "MEXCOP"
    assert [p["kind"] for p in data["pieces"]] == ["country", "agent"]
    result = runner.invoke(app, ["actor", "Angela Merkel", "--date", "2012-06-01"])
    assert result.exit_code == 0 and "DEUGOV" in result.output and "chancellor" in result.output
    bad = runner.invoke(app, ["actor", "Merkel", "--date", "June"])
    assert bad.exit_code == 2


def test_titled_person_takes_the_one_country_of_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Defence Minister Tom Bombadil said Ghana would send troops.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Bombadil"))
    assert actor is not None and actor.code == "GHAGOV"
    doc = nlp("Defence Minister Tom Bombadil said Ghana and Togo would send troops.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Bombadil"))
    assert actor is not None and actor.code == "---GOV"  # two countries: no guess
    doc = nlp("Tom Bombadil said Ghana would send troops.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Bombadil"))
    assert actor is None or actor.country is None  # no role: no country


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # a patron named by "pro-" or "-backed" is not the actor's country
        ("The pro-Iranian Hezbollah militia fired rockets.", "militia", "LBNREBHEZ"),
        ("Iran-backed Houthi rebels seized the port.", "rebels", "YEMREBHTH"),
        # the place after the role: throughout, from, across
        ("Students throughout Indonesia marched on Friday.", "Students", "IDNEDU"),
        ("Refugees from Syria crossed the border.", "Refugees", "SYRREF"),
        # a surname every known holder of which is from one country
        ("The Bush administration imposed new sanctions.", "administration", "USAGOV"),
    ],
)
def test_patrons_places_and_surnames(nlp, text: str, word: str, code: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, word))
    assert actor is not None and actor.code == code


def test_a_country_in_the_titled_persons_own_clause_is_not_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    kb = ActorKB.builtin()
    doc = nlp("Defence Minister Ulla Marrak threatened new sanctions against Belarus.")
    minister = DocActors(kb, doc).resolve(_tok(doc, "Marrak"))
    assert minister is not None and minister.code == "---GOV"
    doc = nlp("Defence Minister Ulla Marrak said Belarus would close its border.")
    minister = DocActors(kb, doc).resolve(_tok(doc, "Marrak"))
    assert minister is not None and minister.code == "BLRGOV"


def _code(nlp, text: str, word: str, when: date | None = None) -> str | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actor = DocActors(ActorKB.builtin(), doc, published=when).resolve(_tok(doc, word))
    return actor.code if actor is not None else None


def test_title_in_the_text_beats_the_dated_status(nlp) -> None:  # type: ignore[no-untyped-def]
    later = date(2015, 1, 1)
    assert _code(nlp, "Prime Minister Gordon Brown visited Ghana.", "Brown", later) == "GBRGOV"
    assert _code(nlp, "Former Prime Minister Gordon Brown visited Ghana.", "Brown", later) == (
        "GBRELI"
    )
    assert _code(nlp, "Ex-Prime Minister Gordon Brown visited Ghana.", "Brown", later) == "GBRELI"
    # the first title names the office, a later one a rank
    doc = nlp("Defence Minister Gen. Jon Arnsen visited Ghana.")
    arnsen = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Arnsen"))
    assert arnsen is not None and arnsen.sector == "GOV" and arnsen.name == "Jon Arnsen"


def test_without_a_date_a_person_gets_their_most_recent_office(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _code(nlp, "Gordon Brown visited Ghana.", "Brown") == "GBRGOV"
    assert _code(nlp, "Gordon Brown visited Ghana.", "Brown", date(2015, 1, 1)) == "GBRELI"
    # a country in the text picks among offices held in several places
    assert _code(nlp, "Robert Zoellick met the minister.", "Zoellick") == "IGOWBK"
    assert _code(nlp, "The American Robert Zoellick met the minister.", "Zoellick") == "USAGOV"
    # ... but does not bring back an office that a dated text says is over
    doc_date = date(2024, 6, 1)
    assert _code(nlp, "Germany's Angela Merkel met him.", "Merkel", doc_date) == "DEUELI"
    titled = explain("Prime Minister Gordon Brown", nlp=nlp, when=date(2015, 1, 1))
    assert titled.actor is not None and titled.actor.code == "GBRGOV"
    assert any("instead of the dated GBRELI" in step for step in titled.steps)
    result = explain("Gordon Brown", nlp=nlp)
    assert result.pieces[0].status == "last" and "no date given" in " ".join(result.steps)


def test_a_possessive_country_overrides_an_alias_of_another_countrys_body(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Peru's Defense Department rejected the report.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Department"))
    assert actor is not None and actor.code == "PERGOV" and actor.name is None
    assert _code(nlp, "The Defense Department rejected the report.", "Department") == "USAMIL"


def test_a_role_takes_the_named_body_it_belongs_to(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Students at Yale University occupied the library.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(doc[0])
    assert actor is not None and actor.code == "USAEDU" and actor.text.endswith("Yale University")
    assert _code(nlp, "A spokesman for the Mossad denied the report.", "spokesman") == "ISRSPY"
    assert _code(nlp, "Members of the Guardia Civil blocked the road.", "Members") == "ESPCOP"
    # a generic role speaking for a coded actor takes its code
    text = "The plan failed, said a spokeswoman for the Kenyan president."
    assert _code(nlp, text, "spokeswoman") == "KENGOV"


def test_a_positional_role_of_a_body_takes_the_bodys_code(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _code(nlp, "The president of the Sejm opened the session.", "president") == "POLLEG"
    assert _code(nlp, "The chairman of the Duma opened the session.", "chairman") == "RUSLEG"
    text = "The head of the Kenyan Human Rights League criticized the police."
    assert _code(nlp, text, "head") == "KENHRI"
    # a specific role keeps its own sector
    assert _code(nlp, "An intelligence agency officer was arrested.", "officer") == "---SPY"


def test_unknown_titled_people_and_their_country(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _code(nlp, "Lt. Gen. Jon Arnsen inspected the troops.", "Arnsen") == "---MIL"
    assert _code(nlp, "Sen. Maria Olsen opposed the bill.", "Olsen") == "---LEG"
    # a country the person acts against is no evidence of the person's own country
    text = "Archbishop Jon Arnsen called for sanctions against Norway."
    assert _code(nlp, text, "Arnsen") == "---REL"
    # a full name the KB does not know is not the known person of that surname
    assert _code(nlp, "General Peter Merkel inspected the troops.", "Merkel") == "---MIL"
    # "former" in an of-phrase does not make the head a former official
    text = "Supporters of former President Gordon Brown marched."
    assert _code(nlp, text, "Supporters") != "---ELI"
    # a rank after a civil office is a rank; otherwise the last title is the office
    assert _code(nlp, "Activist pastor Jon Arnsen was arrested.", "Arnsen") == "---REL"
    text = "U.S. Deputy Secretary of State Jon Arnsen met the minister."
    assert _code(nlp, text, "Arnsen") == "USAGOV"


def test_a_persons_description_in_apposition_is_part_of_the_span(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Jon Arnsen, a Norwegian army spokesman, said the talks failed.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Arnsen"))
    assert actor is not None and actor.text == "Jon Arnsen, a Norwegian army spokesman"
    assert actor.code == "NORMIL" and actor.name == "Jon Arnsen"
    # the description ends at its closing comma; "former" there makes a former official
    doc = nlp("Gordon Brown, the former prime minister, met them, in London.")
    brown = DocActors(ActorKB.builtin(), doc, published=date(2020, 1, 1)).resolve(doc[1])
    assert brown is not None and brown.text == "Gordon Brown, the former prime minister"
    assert brown.code == "GBRELI"


def test_religious_modifiers_and_collectives(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _code(nlp, "A Jewish community leader condemned the attack.", "leader") == "---REL"
    assert _code(nlp, "A community leader condemned the attack.", "leader") == "---CVL"
    # "the Jewish state" is the country named before, not a religious actor
    assert _code(nlp, "Israel said the Jewish state would respond.", "state") == "ISR"
    # a singular collective and a described organisation are antecedents of "it"
    doc = nlp("The opposition party said it would boycott the vote.")
    it = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "it"))
    assert it is not None and it.text == "The opposition party"
    doc = nlp("The rebel Arnor Liberation Front said it would disarm.")
    it = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "it"))
    assert it is not None and it.text.startswith("The rebel") and it.sector == "REB"


def test_a_town_after_a_role_gives_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A court in Istanbul sentenced the journalist.")
    court = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "court"))
    assert court is not None and court.text == "A court in Istanbul" and court.code == "TURJUD"


def test_an_object_pronoun_is_not_its_own_clauses_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials from Ghana met them.")
    them = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "them"))
    assert them is None or them.code is None
    doc = nlp("Police arrested the protesters and beat them.")
    them = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "them"))
    assert them is not None and them.text == "the protesters"
    # a conjoined verb's subject is its clause's subject too
    doc = nlp("Biden called President Emmanuel Macron on Monday and urged him to act.")
    him = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "him"))
    assert him is not None and him.text == "President Emmanuel Macron"


def test_a_capitalised_for_title_and_the_name_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Norway's Minister for Foreign Affairs, Jon Arnsen, said the talks failed.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Minister"))
    assert actor is not None and actor.code == "NORGOV"
    assert actor.text == "Norway's Minister for Foreign Affairs, Jon Arnsen"


def test_a_participle_phrase_after_a_role_is_part_of_the_span(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Kenyan soldiers stationed near the border fired on the crowd.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "soldiers"))
    assert actor is not None and actor.code == "KENMIL"
    assert actor.text == "Kenyan soldiers stationed near the border"


def test_a_possessive_pronoun_takes_its_antecedents_span_in_the_same_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Kenyan army ended its offensive. Later its soldiers left.")
    da = DocActors(ActorKB.builtin(), doc)
    first, second = [t for t in doc if t.text == "its"]
    same = da.resolve(first)
    assert same is not None and same.text == "The Kenyan army" and same.code == "KENMIL"
    other = da.resolve(second)
    assert other is not None and other.text == "its" and other.code == "KENMIL"


def test_a_reported_pronoun_refers_to_the_named_reporter(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Arnor Relief Fund says it is feeding 3,000 families.")
    it = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "it"))
    assert it is not None and it.text == "The Arnor Relief Fund"
    # a person pronoun does not take a non-person reporter
    doc = nlp("The Arnor Relief Fund says he is feeding 3,000 families.")
    he = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "he"))
    assert he is None or he.text == "he"


def test_a_date_before_an_actor_is_not_part_of_its_span(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("On 3 March 2019 Kenya's Supreme Court annulled the vote.")
    court = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Court"))
    assert court is not None and court.text == "Kenya's Supreme Court"


def test_a_role_split_off_a_name_by_the_parser_describes_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    # the parse this guards against, built by hand: "rebel" and "Army" both subjects
    words = ["The", "rebel", "Free", "Syrian", "Army", "threatened", "the", "base", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 5, 4, 4, 5, 5, 7, 5, 5],
        deps=["det", "nsubj", "compound", "compound", "nsubj", "ROOT", "det", "dobj", "punct"],
        pos=["DET", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["DT", "NN", "NNP", "NNP", "NNP", "VBD", "DT", "NN", "."],
    )
    actor = DocActors(ActorKB.builtin(), doc).resolve(doc[1])
    assert actor is not None and actor.text == "The rebel Free Syrian Army"
    assert actor.code == "SYRREBFSA"


def test_long_descriptions_and_whole_names_are_part_of_the_span(nlp) -> None:  # type: ignore[no-untyped-def]
    # a description longer than a name, up to a relative clause
    doc = nlp(
        "Jon Arnsen, senior researcher at the Norwegian Institute of Peace, said the talks failed."
    )
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Arnsen"))
    assert actor is not None
    assert actor.text == "Jon Arnsen, senior researcher at the Norwegian Institute of Peace"
    # the organisation's whole name, not its first noun phrase
    doc = nlp("The Norwegian Chamber of Commerce urged the government to act.")
    chamber = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "Chamber"))
    assert chamber is not None and chamber.text == "The Norwegian Chamber of Commerce"


def test_a_roles_name_in_apposition_and_a_second_of_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A spokesman for the Taliban, Zabihullah Mujahid, denied the report.")
    actor = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "spokesman"))
    assert actor is not None and actor.text == "A spokesman for the Taliban, Zabihullah Mujahid"
    doc = nlp("The health branches of the Federal Government of Somalia appealed for aid.")
    branches = DocActors(ActorKB.builtin(), doc).resolve(_tok(doc, "branches"))
    assert branches is not None
    assert branches.text == "The health branches of the Federal Government of Somalia"
