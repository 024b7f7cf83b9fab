"""Listed and mutual parties on hand-built parses (issue 3): list members the parser hangs on
the first name, one role held by several listed names, both sides of a consultation, acts
owned jointly by coordinated subjects."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from docs import parse
from whodid.events.clauses import role_members, with_conjuncts
from whodid.events.coder import code_sentence
from whodid.events.lexicon import build_lexicon

LEXICON_YAML = """
- id: t.meet
  code: "040"
  verbs: [meet]
  symmetric: true
  example: "Arnor met Gondor."
- id: t.talks
  code: "040"
  nouns: [talk, meeting]
  symmetric: true
  example: "Arnor held talks with Gondor."
- id: t.praise
  code: "051"
  verbs: [praise]
  example: "Arnor praised Gondor."
- id: t.warn
  code: "130"
  verbs: [warn]
  example: "Arnor warned Gondor."
"""


def lexicon():
    lex = build_lexicon([("test.yaml", LEXICON_YAML)])
    lex.light_verbs = frozenset({"hold"})
    return lex


def names(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


def is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.lower_ in ("envoys", "officials")


def pairs(doc) -> list[tuple[str | None, str | None, bool]]:
    """(source, target, converse) of every candidate; a listed role shows its member."""

    def word(head: Token | None, member: Token | None) -> str | None:
        return None if head is None else (member or head).text

    return [
        (word(c.source, c.source_member), word(c.target, c.target_member), c.converse)
        for s in doc.sents
        for c in code_sentence(s, lexicon(), is_actor=is_name)
    ]


def test_a_name_parsed_as_an_apposition_in_a_list_is_a_member():
    # "Tyr, the old Vask, and Oren praised Mull."
    doc = parse(
        "Tyr/PROPN/nsubj/7 ,/PUNCT/punct/0 the/DET/det/4 old/ADJ/amod/4 Vask/PROPN/appos/0 "
        ",/PUNCT/punct/0 and/CCONJ/cc/0 Oren/PROPN/conj/0 praised/VERB/ROOT/8/praise "
        "Mull/PROPN/dobj/8 ./PUNCT/punct/8"
    )
    doc.ents = [SpacySpan(doc, 0, 1, "GPE"), SpacySpan(doc, 4, 5, "GPE")]
    assert names(with_conjuncts(doc[0])) == ["Tyr", "Vask", "Oren"]


def test_a_description_in_apposition_is_no_member():
    # "Tyr, the host country, and Oren praised Mull."
    doc = parse(
        "Tyr/PROPN/nsubj/8 ,/PUNCT/punct/0 the/DET/det/4 host/NOUN/compound/4 "
        "country/NOUN/appos/0 ,/PUNCT/punct/0 and/CCONJ/cc/0 Oren/PROPN/conj/0 "
        "praised/VERB/ROOT/8/praise Mull/PROPN/dobj/8 ./PUNCT/punct/8"
    )
    doc.ents = [SpacySpan(doc, 0, 1, "GPE")]
    assert names(with_conjuncts(doc[0])) == ["Tyr", "Oren"]


def test_a_role_of_listed_names_stands_for_each():
    # "The envoys of Tyr, Vask and Oren praised Mull."
    doc = parse(
        "The/DET/det/1 envoys/NOUN/nsubj/8/envoy of/ADP/prep/1 Tyr/PROPN/pobj/2 "
        ",/PUNCT/punct/3 Vask/PROPN/conj/3 and/CCONJ/cc/5 Oren/PROPN/conj/5 "
        "praised/VERB/ROOT/8/praise Mull/PROPN/dobj/8 ./PUNCT/punct/8"
    )
    assert names(role_members(doc[1])) == ["Tyr", "Vask", "Oren"]
    assert pairs(doc) == [("Tyr", "Mull", False), ("Vask", "Mull", False), ("Oren", "Mull", False)]


def test_national_adjectives_and_a_shared_place_phrase_list_role_holders():
    # "Tyrian and Vaskan officials ..." / "Envoys and officials in Tyr and Oren ..."
    adjectives = parse(
        "Tyrian/ADJ/amod/3 and/CCONJ/cc/0 Vaskan/ADJ/conj/0 officials/NOUN/nsubj/4/official "
        "praised/VERB/ROOT/4/praise Mull/PROPN/dobj/4"
    )
    assert names(role_members(adjectives[3])) == ["Tyrian", "Vaskan"]
    shared = parse(
        "Envoys/NOUN/nsubj/7/envoy and/CCONJ/cc/0 officials/NOUN/conj/0/official "
        "in/ADP/prep/0 Tyr/PROPN/pobj/3 and/CCONJ/cc/4 Oren/PROPN/conj/4 "
        "praised/VERB/ROOT/7/praise Mull/PROPN/dobj/7"
    )
    assert names(role_members(shared[0])) == ["Tyr", "Oren"]
    assert names(role_members(shared[2])) == ["Tyr", "Oren"]
    # a role with one name, or a list of things, is one party
    assert role_members(parse("envoys/NOUN/ROOT/0 of/ADP/prep/0 Tyr/PROPN/pobj/1")[0]) == []


def test_a_meeting_is_coded_from_both_sides():
    # "Tyr met Vask." — the other side ranks below the act as told
    doc = parse("Tyr/PROPN/nsubj/1 met/VERB/ROOT/1/meet Vask/PROPN/dobj/1 ./PUNCT/punct/1")
    assert pairs(doc) == [("Tyr", "Vask", False), ("Vask", "Tyr", True)]
    # a one-sided act has no converse
    praise = parse("Tyr/PROPN/nsubj/1 praised/VERB/ROOT/1/praise Vask/PROPN/dobj/1 ./PUNCT/punct/1")
    assert pairs(praise) == [("Tyr", "Vask", False)]


def test_talks_between_two_parties_are_held_by_both():
    # "Talks between Tyr and Vask resumed."
    doc = parse(
        "Talks/NOUN/nsubj/5/talk between/ADP/prep/0 Tyr/PROPN/pobj/1 and/CCONJ/cc/2 "
        "Vask/PROPN/conj/2 resumed/VERB/ROOT/5/resume ./PUNCT/punct/5"
    )
    assert sorted(pairs(doc)) == [("Tyr", "Vask", False), ("Vask", "Tyr", False)]


def test_their_joint_act_is_mutual_but_their_own_people_are_no_target():
    # "Tyr and Vask delayed their meeting." — delay codes nothing; the meeting is theirs
    delayed = parse(
        "Tyr/PROPN/nsubj/3 and/CCONJ/cc/0 Vask/PROPN/conj/0 delayed/VERB/ROOT/3/delay "
        "their/PRON/poss/5 meeting/NOUN/dobj/3 ./PUNCT/punct/3"
    )
    assert sorted(pairs(delayed)) == [("Tyr", "Vask", False), ("Vask", "Tyr", False)]
    # "Tyr and Vask warned their citizens." — each warns its own: no mutual act
    warned = parse(
        "Tyr/PROPN/nsubj/3 and/CCONJ/cc/0 Vask/PROPN/conj/0 warned/VERB/ROOT/3/warn "
        "their/PRON/poss/5 citizens/NOUN/dobj/3/citizen ./PUNCT/punct/3"
    )
    assert sorted(pairs(warned)) == [("Tyr", None, False), ("Vask", None, False)]


def test_bare_words_set_off_by_commas_qualify_the_noun():
    # "No ships, naval or merchant, left the port." -- one party, not three
    doc = parse(
        "No/DET/det/1 ships/NOUN/nsubj/7/ship ,/PUNCT/punct/1 naval/NOUN/conj/1 "
        "or/CCONJ/cc/3 merchant/NOUN/conj/3 ,/PUNCT/punct/1 left/VERB/ROOT/7/leave "
        "the/DET/det/9 port/NOUN/dobj/7 ./PUNCT/punct/7"
    )
    assert names(with_conjuncts(doc[1])) == ["ships"]


def test_a_list_of_groups_closed_by_a_comma_is_still_a_list():
    # "Soldiers, police and militias, all armed, left the port."
    doc = parse(
        "Soldiers/NOUN/nsubj/10/soldier ,/PUNCT/punct/0 police/NOUN/conj/0 and/CCONJ/cc/2 "
        "the/DET/det/5 militias/NOUN/conj/2/militia ,/PUNCT/punct/0 all/DET/advmod/8 "
        "armed/ADJ/amod/0 ,/PUNCT/punct/0 left/VERB/ROOT/10/leave the/DET/det/12 "
        "port/NOUN/dobj/10 ./PUNCT/punct/10"
    )
    assert names(with_conjuncts(doc[0])) == ["Soldiers", "police", "militias"]
