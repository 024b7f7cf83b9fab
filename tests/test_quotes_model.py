"""Quotes end to end with the real model: short articles written for these tests."""

from __future__ import annotations

import datetime

import pytest

import whodid
from whodid.actors.kb import ActorKB
from whodid.actors.resolve import DocActors
from whodid.quotes import find_quotes
from whodid.records import Quote

pytestmark = pytest.mark.model

PUBLISHED = datetime.date(2024, 5, 2)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.builtin()


def _quotes(nlp, kb: ActorKB, text: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return find_quotes(doc, actors=DocActors(kb, doc, published=PUBLISHED))


def _one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.content.text]
    assert len(found) == 1, [q.content.text for q in quotes]
    return found[0]


def test_straight_quote_after_attribution(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The mayor of Lyon spoke after the vote. "We will rebuild the bridge by winter," she said.'
    )
    quote = _one(_quotes(nlp, kb, text), "rebuild the bridge")
    assert quote.direct
    assert quote.cue.text == "said"
    assert quote.content.text == '"We will rebuild the bridge by winter,"'
    assert quote.speaker is not None and quote.speaker.text == "she"


def test_curly_quote_with_colon(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kenyan foreign ministry said in a statement: “The border will stay open to traders.”"
    )
    quote = _one(_quotes(nlp, kb, text), "border will stay open")
    assert quote.direct and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.code == "KENGOV"


def test_split_quote_is_one_quote(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = '"The problem," Angela Merkel said, "is that nobody reads the treaty."'
    quotes = _quotes(nlp, kb, text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.content.text.startswith('"The problem,"') and quote.content.text.endswith(
        'treaty."'
    )
    assert quote.speaker is not None and quote.speaker.text == "Angela Merkel"


def test_quote_over_two_paragraphs_keeps_its_speaker(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Emmanuel Macron said on Tuesday: "France will send more engineers to the port.\n\n'
        '"They will stay until the cranes work again."\n\n'
        "The port has been closed since March."
    )
    quote = _one(_quotes(nlp, kb, text), "cranes work again")
    assert quote.direct
    assert quote.speaker is not None and quote.speaker.text == "Emmanuel Macron"
    assert "more engineers" in quote.content.text  # one quotation, both paragraphs


def test_indirect_speech_with_that(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Japan's defence minister warned that the missile tests would continue."
    quote = _one(_quotes(nlp, kb, text), "missile tests")
    assert not quote.direct
    assert quote.cue.text == "warned"
    assert quote.content.text == "that the missile tests would continue"
    assert quote.speaker is not None and quote.speaker.country == "JPN"


def test_according_to(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Three convoys crossed the river overnight, according to the Ukrainian army."
    quote = _one(_quotes(nlp, kb, text), "convoys")
    assert quote.cue.text == "according to"
    assert quote.content.text == "Three convoys crossed the river overnight"
    assert quote.speaker is not None and quote.speaker.code is not None
    assert quote.speaker.code.startswith("UKR")


def test_pronoun_speaker_resolves_to_the_person(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Joe Biden met union leaders in Detroit on Monday. "
        '"Nobody works harder than these people," he told reporters.'
    )
    quote = _one(_quotes(nlp, kb, text), "works harder")
    assert quote.speaker is not None and quote.speaker.text == "he"
    assert quote.speaker.name == "Joe Biden"
    assert quote.cue.text == "told"


def test_scare_quotes_are_not_quotes(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = 'The so-called "peace train" left Brussels on Friday.'
    assert _quotes(nlp, kb, text) == []


def test_annotate_fills_quotes_and_links_events() -> None:
    text = (
        "Lithuania and Belarus traded blame on Wednesday.\n\n"
        '"We categorically reject these claims," said Belarusian foreign ministry '
        "spokesman Andrei Kavalenka."
    )
    annotation = whodid.annotate(text, published=PUBLISHED)
    [quote] = [q for q in annotation.quotes if "reject these claims" in q.content.text]
    index = annotation.quotes.index(quote)
    assert quote.speaker is not None and quote.speaker.code == "BLRGOV"
    rejects = [e for e in annotation.events if e.trigger.text == "reject"]
    assert rejects and all(e.quote == index for e in rejects)
    assert (
        rejects[0].source is not None and rejects[0].source.code == "BLRGOV"
    )  # "We" is the speaker
    row = annotation.to_dict()["quotes"][index]
    assert row["speaker"]["code"] == "BLRGOV" and row["direct"] is True


def test_dash_attribution_names_the_speaker(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Readers wrote in after the debate.\n\n“Nobody answered a single question.” ― Maria Lopez\n"
    )
    quote = _one(_quotes(nlp, kb, text), "single question")
    assert quote.cue.text == "―"
    assert quote.speaker is not None and "Lopez" in quote.speaker.text


def test_transcript_label_is_the_speaker(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The interview, lightly edited:\n\n"
        "HOST: What happens next?\n\nMORALES: We go back to the table.\n"
    )
    quote = _one(_quotes(nlp, kb, text), "back to the table")
    assert quote.cue.text == ":"
    assert quote.speaker is not None and quote.speaker.text == "MORALES"
    assert quote.content.text == "We go back to the table."


def test_statement_saying_belongs_to_its_issuer(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Egyptian government issued a statement saying that the crossing would reopen "
        "on Sunday."
    )
    quote = _one(_quotes(nlp, kb, text), "crossing would reopen")
    assert quote.speaker is not None and quote.speaker.code == "EGYGOV"


def test_quotes_command_prints_who_said_what(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from typer.testing import CliRunner

    from whodid.cli.app import app

    article = tmp_path / "talks.txt"
    article.write_text(
        "Talks resumed in Geneva.\n\n"
        "“We are ready to sign,” Emmanuel Macron told reporters on Friday.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(app, ["quotes", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [r["speaker"]["text"] for r in rows] == ["Emmanuel Macron"]
    assert rows[0]["cue"]["text"] == "told" and rows[0]["direct"] is True
    table = runner.invoke(app, ["quotes", str(article)])
    assert table.exit_code == 0 and "Macron" in table.output
    missing = runner.invoke(app, ["quotes", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0


def test_relative_pronoun_speaker_carries_its_antecedent(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "The talks were led by Emmanuel Macron, who said that the port would reopen next week."
    quote = _one(_quotes(nlp, kb, text), "port would reopen")
    assert quote.speaker is not None and quote.speaker.text == "who"
    assert quote.speaker.name == "Emmanuel Macron"


# ------------------------------------------------------------------ who speaks (issue 6 misses)


def _speaker_text(quote: Quote) -> str | None:
    return quote.speaker.text if quote.speaker is not None else None


def test_likely_to_say_is_said_by_the_subject(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Farmers were far more likely to say that the new tariff hurt their income."
    quote = _one(_quotes(nlp, kb, text), "tariff hurt")
    assert _speaker_text(quote) == "Farmers"


def test_object_of_led_speaks_the_infinitive(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The defeat in Ohio led several aides to warn that the campaign was running out of money."
    )
    quote = _one(_quotes(nlp, kb, text), "running out of money")
    assert _speaker_text(quote) == "several aides"


def test_object_of_used_does_not_speak(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "The governor used the hearing to argue that the dam was safe."
    quote = _one(_quotes(nlp, kb, text), "dam was safe")
    assert _speaker_text(quote) == "The governor"


def test_according_to_a_report_from_names_its_author(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Wheat exports fell by a third, according to a report from the Brazilian government."
    quote = _one(_quotes(nlp, kb, text), "Wheat exports")
    speaker = _speaker_text(quote)
    assert speaker is not None and "Brazilian government" in speaker


def test_asked_has_no_speaker(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Asked whether the port would reopen, the harbour master shrugged and left the room."
    quote = _one(_quotes(nlp, kb, text), "port would reopen")
    assert quote.speaker is None


def test_it_is_worth_noting_has_no_speaker(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "It is worth noting that the treaty was never ratified by the parliament."
    quote = _one(_quotes(nlp, kb, text), "never ratified")
    assert quote.speaker is None


def test_cue_after_the_quotation_beats_the_colon(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = 'Maria Lopez looked tired: "We counted every ballot twice," her deputy said.'
    quote = _one(_quotes(nlp, kb, text), "every ballot")
    assert quote.cue.text == "said"
    assert _speaker_text(quote) == "her deputy"


def test_no_attribution_from_the_next_paragraph(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The minister spoke for an hour. "We have a plan," she said. '
        '"It starts today in every school."\n\n'
        "Tom Weller reported from Oslo."
    )
    quote = _one(_quotes(nlp, kb, text), "starts today")
    assert _speaker_text(quote) == "she"


def test_sentence_before_a_cueless_quotation_names_its_speaker(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The budget is a disgrace," said Senator Ana Ruiz.\n\n'
        'Paul Okafor disagreed. "This budget finally pays for the schools we need."'
    )
    quote = _one(_quotes(nlp, kb, text), "pays for the schools")
    assert _speaker_text(quote) == "Paul Okafor"


def test_verb_that_uses_a_full_quotation_gives_its_subject(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The budget is a disgrace," said Senator Ana Ruiz.\n\n'
        'Later, Paul Okafor thanked the mayor for "standing up for the schools when nobody did."'
    )
    quote = _one(_quotes(nlp, kb, text), "standing up")
    assert _speaker_text(quote) == "Paul Okafor"


def test_fragment_inside_reported_clause_joins_it(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = 'The senator said that the new levy would cost every fisherman "a small fortune" a year.'
    quote = _one(_quotes(nlp, kb, text), "a small fortune")
    assert quote.cue.text == "said"
    assert _speaker_text(quote) == "The senator"


def test_person_label_opening_a_paragraph(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Angela Merkel: Europe must pay for its own defence.\n\nThe chancellor spoke in Berlin."
    quote = _one(_quotes(nlp, kb, text), "Europe must pay")
    assert quote.cue.text == ":"
    assert _speaker_text(quote) == "Angela Merkel"


def test_has_said_read_as_passive_still_has_a_speaker(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "She's said she will never sell the family vineyard to a bank."
    quote = _one(_quotes(nlp, kb, text), "never sell")
    assert _speaker_text(quote) == "She"


def test_verb_joined_to_a_reported_clause_keeps_the_reporter(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Governor Ana Ruiz said on Monday that the port would "try to reopen soon" and '
        'insisted that the union was "still the strongest force in the city."'
    )
    quotes = _quotes(nlp, kb, text)
    quote = next(q for q in quotes if q.content.text.startswith("that the union"))
    assert quote.cue.text == "insisted"
    assert _speaker_text(quote) == "Governor Ana Ruiz"


def test_hearer_after_told_does_not_speak(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We were badly wrong to ignore the floods from the start," Okafor, 61, told Reuters '
        "in an interview on Monday."
    )
    quote = _one(_quotes(nlp, kb, text), "badly wrong")
    assert _speaker_text(quote) == "Okafor"


def test_participle_speaker_when_the_parse_hangs_on_the_quotation(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Okafor did not seem impressed by the plan on Tuesday, telling reporters, "
        '"Many farmers said the minister should resign."'
    )
    quote = _one(_quotes(nlp, kb, text), "should resign")
    assert _speaker_text(quote) == "Paul Okafor"


def test_response_speaks_for_whoever_sent_it(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = 'The union fired back a response saying the strike would "go on until spring."'
    quote = _one(_quotes(nlp, kb, text), "until spring")
    assert _speaker_text(quote) == "The union"


def test_share_of_respondents_speaks_through_the_poll(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "In a May poll by the Herald, 75 percent of voters said the mayor should resign."
    quote = _one(_quotes(nlp, kb, text), "should resign")
    assert _speaker_text(quote) == "a May poll"


def test_poll_that_shows_a_share_saying(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "A poll in June showed that 72 percent of voters said the new tax was unfair."
    quote = _one(_quotes(nlp, kb, text), "was unfair")
    assert _speaker_text(quote) == "A poll"


def test_one_of_a_group_is_no_share(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "In a statement, one of the family's lawyers said the video showed no threat."
    quote = _one(_quotes(nlp, kb, text), "showed no threat")
    assert _speaker_text(quote) == "one of the family's lawyers"


def test_belief_of_the_speaker_is_part_of_what_was_said(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, kb, "Ms. Roe said she believed the vote was rigged.")
    assert [(q.cue.text, _speaker_text(q)) for q in quotes] == [("said", "Ms. Roe")]


def test_belief_of_someone_named_stays_its_own_attribution(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, kb, "Ms. Roe said Paul Ruiz believed the vote was rigged.")
    assert [(q.cue.text, _speaker_text(q)) for q in quotes] == [
        ("said", "Ms. Roe"),
        ("believed", "Paul Ruiz"),
    ]
