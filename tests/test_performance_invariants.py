"""What the speed shortcuts rely on: results equal those of the plain, slower way."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from spacy.tokens import Token

from docs import parse
from whodid.actors.coref import DocMemory
from whodid.events.coder import code_sentence, discarded
from whodid.events.lexicon import build_lexicon
from whodid.nlp.tree import children, lefts, rights

REJECT_120 = """
- id: a.reject
  code: "120"
  verbs: [reject]
  example: "Arnor rejected Gondor."
"""
REJECT_125 = """
- id: b.reject
  code: "125"
  verbs: [reject]
  example: "Arnor rejected Gondor."
"""
SENTENCE = "Arnor/PROPN/nsubj/1 rejected/VERB/ROOT/1/reject Gondor/PROPN/dobj/1 ./PUNCT/punct/1"


def test_each_lexicon_gets_its_own_entries_for_a_word() -> None:
    # the coder keeps, per word, the entries a lexicon lists for it: never another lexicon's
    first = build_lexicon([("a.yaml", REJECT_120)])
    second = build_lexicon([("b.yaml", REJECT_125)])
    doc = parse(SENTENCE)
    for lex, code in ((first, "120"), (second, "125"), (first, "120")):
        assert [c.code for c in code_sentence(doc[:], lex)] == [code]


def test_an_entry_added_later_is_seen() -> None:
    lex = build_lexicon([("a.yaml", REJECT_120)])
    doc = parse(SENTENCE)
    assert [c.entry.id for c in code_sentence(doc[:], lex)] == ["a.reject"]
    lex.by_verb["reject"].clear()
    assert code_sentence(doc[:], lex) == []


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        # the phrase's words in a row
        ("the/DET/det/1 world/NOUN/compound/2 cup/NOUN/nsubj/3 began/VERB/ROOT/3/begin", True),
        # by lemma: "cups" is "cup"
        ("world/NOUN/compound/1 cups/NOUN/nsubj/2/cup began/VERB/ROOT/2/begin", True),
        # the first word at the very end, the second missing
        ("Arnor/PROPN/nsubj/1 rejected/VERB/ROOT/1/reject the/DET/det/3 world/NOUN/dobj/1", False),
        # both words, but not next to each other
        ("cup/NOUN/nsubj/1 shook/VERB/ROOT/1/shake the/DET/det/3 world/NOUN/dobj/1", False),
        # a one-word phrase anywhere
        ("Arnor/PROPN/nsubj/1 hired/VERB/ROOT/1/hire a/DET/det/3 striker/NOUN/dobj/1", True),
    ],
)
def test_discard_phrases_match_whole_word_sequences(spec: str, expected: bool) -> None:
    lex = build_lexicon([("a.yaml", REJECT_120)])
    lex.discards = (("world", "cup"), ("striker",))
    assert discarded(parse(spec)[:], lex) is expected


def test_sentence_bounds_are_spacys(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "VILNIUS, May 15 (Wire) - Lithuania expelled two diplomats.\n\nMinsk protested. "
        "It said the move was hostile and would be answered.\nPhoto: Reuters"
    )
    memory = DocMemory(doc)
    for token in doc:
        assert memory.sentence(token.i) == (token.sent.start, token.sent.end)


def test_subtree_edges_bound_the_subtree(nlp) -> None:  # type: ignore[no-untyped-def]
    # noun phrases read a modifier's subtree by its edges: they must be the subtree's extremes
    doc = nlp(
        "The former defence minister of Arnor, who resigned in March, and two senior army "
        "officers from the northern province met the visiting delegation on Monday."
    )
    for token in doc:
        indices = [t.i for t in token.subtree]
        assert (min(indices), max(indices)) == (token.left_edge.i, token.right_edge.i)


def test_one_model_per_resolved_name(monkeypatch: pytest.MonkeyPatch, nlp) -> None:  # type: ignore[no-untyped-def]
    from whodid.nlp.model import DEFAULT_MODEL, MODEL_ENV, load_nlp

    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert load_nlp() is load_nlp(None) is load_nlp(DEFAULT_MODEL)


def test_acled_rules_preselected_by_kind_decide_as_the_whole_table() -> None:
    from whodid.ontology.acled import _default_table, acled_rule_for, normalise_trigger

    table = _default_table()
    kinds = [("190", "ASSAULT", None), ("1823", "ASSAULT", None), ("145", "PROTEST", None)]
    kinds += [("173", "COERCE", None), ("0", "AGREE", None), ("057", "AGREE", None)]
    contexts = [("MIL", "REB", "clashed"), ("MIL", "CVL", "shelled the town"), (None, None, "")]
    contexts += [("GOV", "PTY", "protesters rioted"), ("COP", "CVL", "arrested")]
    for cameo, plover_type, mode in kinds:
        for src, tgt, trigger in contexts:
            text = normalise_trigger(trigger)
            expected = next(
                (
                    r
                    for r in table.rules
                    if r.matches(
                        cameo=cameo,
                        plover_type=plover_type,
                        plover_mode=mode,
                        source_sector=src,
                        target_sector=tgt,
                        trigger=text,
                    )
                ),
                None,
            )
            got = acled_rule_for(
                cameo=cameo,
                plover_type=plover_type,
                plover_mode=mode,
                source_sector=src,
                target_sector=tgt,
                trigger=trigger,
            )
            assert got is expected, (cameo, plover_type, src, tgt, trigger)


@pytest.mark.parametrize(
    "notice",
    [
        "COPYRIGHT 2024 The Daily Example.",
        "(C) 2023 Example Media",
        "All Rights Reserved.",
        "This article may not be republished without permission.",
        "All right\u017f reserved.",  # long s: ignore-case matching reads it as "s", lower() not
    ],
)
def test_copyright_notices_found_whatever_their_case(notice: str) -> None:
    from whodid.text.clean import _COPYRIGHT, boilerplate_spans

    text = f"The council met on Tuesday.\n\n{notice}"
    expected = [(m.start(), m.end()) for m in _COPYRIGHT.finditer(text)]
    assert expected
    assert set(expected) <= set(boilerplate_spans(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Shots were heard at 5 a.m. near the port.", "5 a.m."),
        ("The curfew starts at 11pm in the capital.", "11pm"),
        ("They met at noon on the steps.", "noon"),
        ("The town grew in the 1990s after the war.", "the 1990s"),
        ("Rents doubled in the '90s, residents said.", "the '90s"),
    ],
)
def test_clock_and_decade_rules_still_run_near_their_words(text: str, found: str) -> None:
    from whodid.time.timex import find_timexes

    assert found in [t.text for t in find_timexes(text, None)]


@pytest.mark.parametrize(
    "extra",
    [
        "Photo 3 of 12",
        "Follow us on Twitter for more.",
        "Sign up for our daily newsletter.",
        "Advertisement",
        "Protesters outside the ministry. Jane Doe/Reuters",
        "Smoke over the harbour (Photo: Example Agency)",
        "A crowd gathers. John Roe for Getty Images",
        "\u0130N THIS PHOTO, the bridge before the flood.",
        "Nothing to see in this line at all.",
    ],
)
def test_boilerplate_gates_change_nothing(monkeypatch: pytest.MonkeyPatch, extra: str) -> None:
    import whodid.text.clean as clean

    text = f"The council met on Tuesday.\n\n{extra}\n\nIt will meet again in May."
    gated = clean.boilerplate_spans(text)
    monkeypatch.setattr(clean, "_may_hold", lambda *a, **k: True)
    monkeypatch.setattr(clean, "_COUNTER", clean.re.compile(""))
    assert gated == clean.boilerplate_spans(text)


def _same_tokens(a: Iterable[Token], b: Iterable[Token]) -> bool:
    return [t.i for t in a] == [t.i for t in b]


@pytest.mark.parametrize(
    "spec",
    [
        SENTENCE,
        # a verb with children on both sides, a preposition with its object, a conjunct
        "Arnor/PROPN/nsubj/1 accused/VERB/ROOT/1/accuse Gondor/PROPN/dobj/1 and/CCONJ/cc/2 "
        "Rohan/PROPN/conj/2 of/ADP/prep/1 shelling/VERB/pcomp/5/shell posts/NOUN/dobj/6 "
        "./PUNCT/punct/1",
        # crossing arcs (a non-projective parse): "news came that X resigned"
        "news/NOUN/nsubj/1 came/VERB/ROOT/1/come yesterday/NOUN/npadvmod/1 that/SCONJ/mark/5 "
        "Arnor/PROPN/nsubj/5 resigned/VERB/acl/0/resign",
        # two sentences, each with its own root
        "Arnor/PROPN/nsubj/1 left/VERB/ROOT/1/leave ./PUNCT/punct/1 "
        "Gondor/PROPN/nsubj/4 stayed/VERB/ROOT/4/stay",
    ],
)
def test_tree_children_are_spacys(spec: str) -> None:
    doc = parse(spec)
    for token in doc:
        assert _same_tokens(children(token), token.children)
        assert _same_tokens(lefts(token), token.lefts)
        assert _same_tokens(rights(token), token.rights)


def test_tree_is_read_again_for_another_doc() -> None:
    first = parse(SENTENCE)
    second = parse("Gondor/PROPN/nsubj/1 left/VERB/ROOT/1/leave")
    assert _same_tokens(children(first[1]), [first[0], first[2], first[3]])
    assert _same_tokens(children(second[1]), [second[0]])
    assert children(first[1])[0].doc is first  # the tokens are the Doc's own
    assert _same_tokens(children(first[1]), [first[0], first[2], first[3]])


def test_cached_place_keys_equal_fresh_ones() -> None:
    from whodid.geo.gazetteer import normalise

    for name in ("Saint-Étienne", "the Hague", "Côte d’Ivoire", "St. Paul", "the Hague"):
        assert normalise(name) == normalise.__wrapped__(name)


# The sixth round's shortcuts (per-Doc lists, gates): each against the plain way.

PARSED = (
    "The coastguard of Arnor, led by Admiral Beren, seized two Gondorian fishing boats near "
    "the port of Pelargir on Thursday.\n\nGondor's foreign ministry said it would recall its "
    "envoy from Minas Tirith.  Officials in Dol Amroth met the U.N. team last week.\n"
    "Photo: Example Agency\n\nTalks with the pro-Arnor militia collapsed after they overran a "
    "checkpoint outside the city, and Rohan, Harad and Gondor closed their borders."
)


def test_doc_lists_equal_token_attributes(nlp) -> None:  # type: ignore[no-untyped-def]
    from whodid.nlp.tree import conjuncts, entities_within, lemma_lowers, lowers, texts, tree_of

    doc = nlp(PARSED)
    assert any(t.conjuncts for t in doc)
    for token in doc:
        assert _same_tokens(conjuncts(token), token.conjuncts)
    assert texts(doc) == [t.text for t in doc]
    assert lowers(doc) == [t.lower_ for t in doc]
    assert lemma_lowers(doc) == [t.lemma_.lower() for t in doc]
    tree = tree_of(doc)
    assert tree.pos() == [t.pos for t in doc]
    assert tree.offsets() == ([t.idx for t in doc], [t.idx + len(t.text) for t in doc])
    assert doc.ents
    for start, end in [(0, len(doc)), *((s.start, s.end) for s in doc.sents), (3, 9)]:
        expected = [(e.start, e.end, e.label_) for e in doc[start:end].ents]
        assert entities_within(doc, start, end) == expected


def test_the_fast_lemmatizer_is_the_models(nlp) -> None:  # type: ignore[no-untyped-def]
    from whodid.nlp.lemmas import FastLemmatizer
    from whodid.nlp.model import load_nlp

    stock = load_nlp(stock_attribute_ruler=True)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    assert not isinstance(stock.get_pipe("lemmatizer"), FastLemmatizer)
    texts = [PARSED, PARSED.upper(), "They were meeting; she meets them; the meetings met."]
    for expected, got in zip(stock.pipe(texts), nlp.pipe(texts), strict=True):
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]


@pytest.mark.parametrize(
    "text",
    [
        PARSED,
        "No line break at all.",
        "Ends with one.\n",
        "\n\nStarts with two.",
        "A  \n  B\r\nC\n",
        "x",
    ],
)
def test_line_breaks_found_from_the_text_start_the_same_sentences(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    from whodid.nlp.news_layout import _line_breaks

    doc = nlp.make_doc(text)
    plain = [t.i for t in doc[:-1] if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)]
    assert set(plain) <= set(_line_breaks(doc, doc.text))


def test_event_dating_reach_changes_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    from whodid.attach import _within_reach, governing_timex, timex_heads
    from whodid.time.timex import find_timexes

    doc = nlp(PARSED)
    heads = timex_heads(doc, find_timexes(PARSED, None, doc))
    assert heads
    reach = _within_reach(doc, heads)
    for token in doc:
        assert governing_timex(token, heads, reach) == governing_timex(
            token, heads, set(range(len(doc)))
        )


def test_cue_gate_finds_the_same_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    import whodid.quotes.find as find
    from whodid.actors.resolve import DocActors
    from whodid.pipeline import _knowledge_base
    from whodid.quotes.cues import CueLexicon, default_cues

    text = (
        "Arnor's minister said the border would stay shut. According to officials in Gondor, "
        "the talks failed, and a spokesman insisted that no deal was near."
    )
    doc = nlp(text)
    actors = DocActors(_knowledge_base((), ()), doc)
    gated = find.find_quotes(doc, actors=actors)
    assert gated

    class EveryWord(dict):  # type: ignore[type-arg]
        def __contains__(self, key: object) -> bool:
            return True

    every = CueLexicon(by_head=EveryWord(default_cues().by_head))  # no word is skipped
    assert find.find_quotes(doc, actors=actors, cues=every) == gated
