"""Quotes without the model: quotation marks, the cue file, linking quotes to events."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from whodid.quotes import attribute_statements, default_cues, link_events, quote_of
from whodid.quotes.cues import CueError, control_verbs, parse_cues, parse_words
from whodid.quotes.marks import quoted_stretches
from whodid.quotes.speaker import speaker_token
from whodid.records import Actor, Event, Quote, Span


def _texts(text: str) -> list[str]:
    return [text[m.start : m.end] for m in quoted_stretches(text)]


# ------------------------------------------------------------------ quotation marks


def test_straight_and_curly_marks() -> None:
    text = 'Arnor said "the talks failed" and Gondor replied “they did not.”'
    assert _texts(text) == ['"the talks failed"', "“they did not.”"]


def test_split_quotation_gives_two_stretches() -> None:
    text = '"The truth is," the envoy said, "that nobody wants war."'
    assert _texts(text) == ['"The truth is,"', '"that nobody wants war."']


def test_quotation_over_two_paragraphs_is_one_stretch() -> None:
    text = (
        "“We will not give up the harbour.\n\n"
        "“Nobody can make us,” the mayor said.\n\nAfter that, silence."
    )
    [stretch] = quoted_stretches(text)
    assert text[stretch.start : stretch.end].startswith("“We will")
    assert text[stretch.start : stretch.end].endswith("make us,”")
    assert len(stretch.pieces) == 2


def test_stray_mark_inside_paragraph_is_dropped() -> None:
    text = 'The board met on Monday and " nothing happened.\nNext paragraph here.'
    assert _texts(text) == []


def test_open_quotation_at_paragraph_start_runs_to_its_end() -> None:
    text = "“We stay here, whatever happens\nThe general said so twice."
    assert _texts(text) == ["“We stay here, whatever happens"]


def test_no_marks_no_stretches() -> None:
    assert quoted_stretches("Nothing is quoted in this sentence.") == []


# ------------------------------------------------------------------ cue file


def test_default_cues_load_and_match_kinds() -> None:
    cues = default_cues()
    assert len(cues) > 100
    kinds = {c.kind for group in cues.by_head.values() for c in group}
    assert kinds == {"speech", "belief", "source", "document"}
    assert any(c.phrase == "according to" for c in cues.by_head["according"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("say\tspeech\nsay\tspeech\n", "cues.txt:2: duplicate cue 'say'"),
        ("say\tshout\n", "cues.txt:1: unknown kind"),
        ("say speech\n", "cues.txt:1: expected"),
        ("Say\tspeech\n", "cues.txt:1: 'Say' is not"),
        ("# only a comment\n", "no cues"),
    ],
)
def test_bad_cue_file_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(CueError, match=message):
        parse_cues(text, where="cues.txt")


# ------------------------------------------------------------------ linking


def _event(start: int, end: int, text: str, *, cameo: str, source: Actor | None = None) -> Event:
    return Event(
        sentence=0,
        trigger=Span(start, end, text),
        source=source,
        target=None,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=3,
        goldstein=-2.0,
        plover={"type": "ACCUSE", "mode": None},
    )


# '"We reject the ultimatum," the Gondorian envoy said.'
#  0123456789...
_SPEAKER = Actor(
    28, 48, "the Gondorian envoy", code="GONGOV", country="GON", sector="GOV", name="Envoy"
)
_QUOTE = Quote(
    speaker=_SPEAKER,
    cue=Span(49, 53, "said"),
    content=Span(0, 26, '"We reject the ultimatum,"'),
    direct=True,
)


def test_event_inside_content_links_to_quote() -> None:
    reject = _event(4, 10, "reject", cameo="120", source=Actor(1, 3, "We"))
    said = _event(49, 53, "said", cameo="010", source=_SPEAKER)
    elsewhere = _event(60, 66, "struck", cameo="190")
    link_events([reject, said, elsewhere], [_QUOTE])
    assert (reject.quote, said.quote, elsewhere.quote) == (0, 0, None)


def test_smallest_holding_content_wins() -> None:
    outer = Quote(None, Span(0, 4, "said"), Span(5, 80, "x" * 75), direct=False)
    inner = Quote(None, Span(10, 14, "told"), Span(20, 40, "y" * 20), direct=False)
    assert quote_of(_event(25, 30, "fight", cameo="190"), [outer, inner]) == 1


def test_first_person_source_in_direct_quote_becomes_the_speaker() -> None:
    reject = _event(4, 10, "reject", cameo="120", source=Actor(1, 3, "We"))
    said = _event(49, 53, "said", cameo="010", source=_SPEAKER)
    kept = attribute_statements([reject, said], [_QUOTE])
    assert reject.source is not None and reject.source.code == "GONGOV"
    assert (reject.source.start, reject.source.text) == (1, "We")  # the mention stays put
    assert kept == [reject]  # the bare "said" gives way to the specific speech act


def test_sourceless_speech_act_in_content_goes_to_the_speaker() -> None:
    accuse = _event(4, 10, "reject", cameo="112")
    attribute_statements([accuse], [_QUOTE])
    assert accuse.source is not None and accuse.source.code == "GONGOV"


def test_sourceless_material_event_keeps_no_source() -> None:
    attack = _event(4, 10, "reject", cameo="190")
    attribute_statements([attack], [_QUOTE])
    assert attack.source is None


def test_unknown_speaker_changes_nothing() -> None:
    quote = Quote(Actor(28, 48, "a man"), _QUOTE.cue, _QUOTE.content, direct=True)
    reject = _event(4, 10, "reject", cameo="120", source=Actor(1, 3, "We"))
    said = _event(49, 53, "said", cameo="010")
    assert attribute_statements([reject, said], [quote]) == [reject, said]
    assert reject.source is not None and reject.source.code is None


def test_sourceless_speech_act_in_indirect_speech_keeps_no_source() -> None:
    indirect = Quote(_SPEAKER, _QUOTE.cue, _QUOTE.content, direct=False)
    accuse = _event(4, 10, "reject", cameo="112")
    attribute_statements([accuse], [indirect])
    assert accuse.source is None


def test_control_verbs_load() -> None:
    verbs = control_verbs()
    assert {"lead", "force"} <= verbs
    assert "use" not in verbs  # "used the hearing to argue": the subject argues


@pytest.mark.parametrize(
    ("text", "message"),
    [("lead\nLead\n", "words.txt:2: 'Lead' is not"), ("# nothing\n", "no words")],
)
def test_bad_word_list_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(CueError, match=message):
        parse_words(text, where="words.txt")


# ------------------------------------------------------------------ speaker of a misparsed cue


def _parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    tags: list[str],
    ents: list[str] | None = None,
    lemmas: list[str] | None = None,
) -> Doc:
    pos = {"NN": "NOUN", "NNP": "PROPN", "PRP": "PRON", "RB": "ADV"}
    pos |= {"VBG": "VERB", "VBN": "VERB", "VBD": "VERB", "VBZ": "VERB"}
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=[pos.get(t, "DET" if t == "DT" else "PUNCT") for t in tags],
        ents=ents,
        lemmas=lemmas,
    )


def test_participle_has_no_inverted_speaker() -> None:
    # "Roe defended dams, calling the plan a con." misparsed with "Roe" as the root noun: the
    # noun phrase after "calling" is what is called, never who speaks.
    doc = _parsed(
        ["Roe", "defended", "dams", ",", "calling", "the", "plan", "a", "con", "."],
        [0, 2, 0, 0, 0, 6, 4, 8, 4, 0],
        ["ROOT", "amod", "dobj", "punct", "advcl", "det", "dobj", "det", "oprd", "punct"],
        ["NNP", "VBN", "NN", ",", "VBG", "DT", "NN", "DT", "NN", "."],
    )
    assert speaker_token(doc[4]) is None


def test_inverted_cue_names_the_speaker_after_it() -> None:
    # '"A con," said the mayor.' with no subject link: the noun phrase after "said" speaks.
    doc = _parsed(
        ['"', "A", "con", ",", '"', "said", "the", "mayor", "."],
        [5, 2, 5, 5, 5, 5, 7, 5, 5],
        ["punct", "det", "ccomp", "punct", "punct", "ROOT", "det", "dobj", "punct"],
        ["``", "DT", "NN", ",", "''", "VBD", "DT", "NN", "."],
    )
    found = speaker_token(doc[5])
    assert found is not None and found.text == "mayor"


def test_participle_after_a_comma_is_the_clause_subjects() -> None:
    # "Roe rejected the notion, saying it was over." with "saying" hung on "notion": the
    # comma makes it qualify the clause, so Roe speaks, not the notion.
    doc = _parsed(
        ["Roe", "rejected", "the", "notion", ",", "saying", "it", "was", "over", "."],
        [1, 1, 3, 1, 3, 3, 7, 5, 7, 1],
        ["nsubj", "ROOT", "det", "dobj", "punct", "acl", "nsubj", "ccomp", "acomp", "punct"],
        ["NNP", "VBD", "DT", "NN", ",", "VBG", "PRP", "VBD", "RB", "."],
    )
    found = speaker_token(doc[5])
    assert found is not None and found.text == "Roe"


def test_object_participle_without_a_comma_is_the_objects() -> None:
    # "Roe met protesters chanting slogans.": the protesters chant.
    doc = _parsed(
        ["Roe", "met", "protesters", "chanting", "slogans", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "acl", "dobj", "punct"],
        ["NNP", "VBD", "NN", "VBG", "NN", "."],
    )
    found = speaker_token(doc[3])
    assert found is not None and found.text == "protesters"


def test_name_after_an_inverted_said_speaks() -> None:
    # "Any reading, said Jane Roe, fails." parsed with "reading" as the subject of "said".
    doc = _parsed(
        ["Any", "reading", ",", "said", "Jane", "Roe", ",", "fails", "."],
        [1, 3, 3, 3, 5, 3, 3, 3, 3],
        ["det", "nsubj", "punct", "ROOT", "compound", "dobj", "punct", "conj", "punct"],
        ["DT", "NN", ",", "VBD", "NNP", "NNP", ",", "VBZ", "."],
        ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"],
    )
    found = speaker_token(doc[3])
    assert found is not None and found.text == "Roe"


def test_name_opening_the_reported_clause_does_not_speak() -> None:
    # "Roe, said Jane Ruiz won." (subject and comma): Ruiz is what is said about.
    doc = _parsed(
        ["Roe", ",", "said", "Jane", "Ruiz", "won", "."],
        [2, 2, 2, 4, 5, 2, 2],
        ["nsubj", "punct", "ROOT", "compound", "nsubj", "ccomp", "punct"],
        ["NNP", ",", "VBD", "NNP", "NNP", "VBD", "."],
        ["B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    found = speaker_token(doc[2])
    assert found is not None and found.text == "Roe"


def test_according_to_without_a_parsed_object() -> None:
    # "It flies again, according to the F.A.A." with "the F.A.A." hung off the verb.
    doc = _parsed(
        ["It", "flies", "again", ",", "according", "to", "the", "F.A.A.", "."],
        [1, 1, 1, 1, 1, 4, 1, 6, 1],
        ["nsubj", "ROOT", "advmod", "punct", "prep", "prep", "punct", "dep", "punct"],
        ["PRP", "VBZ", "RB", ",", "VBG", "IN", "DT", "NNP", "."],
    )
    found = speaker_token(doc[4])
    assert found is not None and found.text == "F.A.A."


def test_nearest_of_two_subjects_speaks() -> None:
    # "In Salem, Ohio, Roe said it." parsed with both "Ohio" and "Roe" as subjects.
    doc = _parsed(
        ["In", "Salem", ",", "Ohio", ",", "Roe", "said", "it", "."],
        [6, 0, 6, 6, 6, 6, 6, 6, 6],
        ["prep", "pobj", "punct", "nsubj", "punct", "nsubj", "ROOT", "dobj", "punct"],
        ["IN", "NNP", ",", "NNP", ",", "NNP", "VBD", "PRP", "."],
        ["O", "B-GPE", "O", "B-GPE", "O", "B-PERSON", "O", "O", "O"],
    )
    found = speaker_token(doc[6])
    assert found is not None and found.text == "Roe"


def test_participle_joined_inside_a_reported_clause_shares_saying_s_speaker() -> None:
    # "Roe left, saying he was a pioneer in helping farms and calling him good." with
    # "calling" joined to "helping", deep inside what "saying" reports.
    words = "Roe left , saying he was a pioneer in helping farms and calling him good .".split()
    doc = _parsed(
        words,
        [1, 1, 1, 1, 5, 3, 7, 5, 7, 8, 9, 9, 9, 12, 12, 1],
        ["nsubj", "ROOT", "punct", "advcl", "nsubj", "ccomp", "det", "attr", "prep"]
        + ["pcomp", "dobj", "cc", "conj", "dobj", "oprd", "punct"],
        ["NNP", "VBD", ",", "VBG", "PRP", "VBD", "DT", "NN", "IN", "VBG", "NN", "CC", "VBG"]
        + ["PRP", "JJ", "."],
        lemmas=[{"saying": "say", "calling": "call"}.get(w, w.lower()) for w in words],
    )
    found = speaker_token(doc[12], reporting=frozenset({"say", "call"}))
    assert found is not None and found.text == "Roe"
