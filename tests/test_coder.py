"""The event coder on hand-built parses: clause roles, phrases, objects, modality."""

from __future__ import annotations

from docs import parse
from whodid.events.coder import code_sentence
from whodid.events.lexicon import build_lexicon

LEXICON_YAML = """
- id: t.accuse
  code: "112"
  verbs: [accuse]
  example: "Arnor accused Gondor."
- id: t.lash
  code: "111"
  verbs: ["lash out against"]
  example: "Arnor lashed out against Gondor."
- id: t.reject_claims
  code: "125"
  verbs: [reject]
  objects: [claim]
  example: "Arnor rejected claims."
- id: t.reject
  code: "120"
  verbs: [reject]
  example: "Arnor rejected Gondor."
- id: t.talks
  code: "043"
  nouns: [talks, talk]
  symmetric: true
  example: "Arnor held talks with Gondor."
- id: t.arrest
  code: "173"
  verbs: [arrest]
  nouns: [arrest]
  example: "Police arrested ten protesters."
- id: t.blame
  code: "112"
  verbs: [blame]
  example: "Arnor said Gondor was to blame."
- id: t.meet
  code: "040"
  verbs: [meet]
  symmetric: true
  example: "Arnor and Gondor met."
"""


def lexicon():
    lex = build_lexicon([("test.yaml", LEXICON_YAML)])
    lex.light_verbs = frozenset({"hold"})
    return lex


def coded(spec: str):
    doc = parse(spec)
    return [
        (
            c.entry.id,
            c.source.text if c.source else None,
            c.target.text if c.target else None,
            c.negated,
            c.hypothetical,
        )
        for sent in doc.sents
        for c in code_sentence(sent, lexicon())
    ]


def test_subject_verb_object():
    got = coded(
        "Arnor/PROPN/nsubj/1 accused/VERB/ROOT/1/accuse Gondor/PROPN/dobj/1 ./PUNCT/punct/1"
    )
    assert got == [("t.accuse", "Arnor", "Gondor", False, False)]


def test_phrasal_verb_takes_target_from_its_preposition():
    got = coded(
        "Arnor/PROPN/nsubj/1 lashed/VERB/ROOT/1/lash out/ADP/prt/1 against/ADP/prep/1 "
        "Gondor/PROPN/pobj/3 ./PUNCT/punct/1"
    )
    assert got == [("t.lash", "Arnor", "Gondor", False, False)]


def test_object_sensitive_entry_wins_over_generic():
    got = coded(
        "Arnor/PROPN/nsubj/1 rejected/VERB/ROOT/1/reject claims/NOUN/dobj/1/claim ./PUNCT/punct/1"
    )
    assert got[0][0] == "t.reject_claims"
    got = coded(
        "Arnor/PROPN/nsubj/1 rejected/VERB/ROOT/1/reject Gondor/PROPN/dobj/1 ./PUNCT/punct/1"
    )
    assert got[0][0] == "t.reject"


def test_passive_voice_swaps_roles():
    got = coded(
        "Protesters/NOUN/nsubjpass/2/protester were/AUX/auxpass/2/be arrested/VERB/ROOT/2/arrest "
        "by/ADP/agent/2 police/NOUN/pobj/3 ./PUNCT/punct/2"
    )
    assert got == [("t.arrest", "police", "Protesters", False, False)]


def test_coordinated_subjects_give_one_event_each():
    got = coded(
        "Arnor/PROPN/nsubj/1 accused/VERB/ROOT/1/accuse Gondor/PROPN/dobj/1 and/CCONJ/cc/2 "
        "Rohan/PROPN/conj/2 ./PUNCT/punct/1"
    )
    assert [(g[1], g[2]) for g in got] == [("Arnor", "Gondor"), ("Arnor", "Rohan")]


def test_symmetric_verb_with_compound_subject_codes_both_directions():
    got = coded(
        "Arnor/PROPN/nsubj/3 and/CCONJ/cc/0 Gondor/PROPN/conj/0 "
        "met/VERB/ROOT/3/meet ./PUNCT/punct/3"
    )
    assert sorted((g[1], g[2]) for g in got) == [("Arnor", "Gondor"), ("Gondor", "Arnor")]


def test_light_verb_lends_subject_to_event_noun():
    got = coded(
        "Arnor/PROPN/nsubj/1 held/VERB/ROOT/1/hold talks/NOUN/dobj/1/talk with/ADP/prep/2 "
        "Gondor/PROPN/pobj/3 ./PUNCT/punct/1"
    )
    assert got == [("t.talks", "Arnor", "Gondor", False, False)]


def test_nominal_event_with_of_and_by():
    got = coded(
        "the/DET/det/1 arrest/NOUN/nsubj/6 of/ADP/prep/1 Zambada/PROPN/pobj/2 by/ADP/prep/1 "
        "police/NOUN/pobj/4 was/AUX/ROOT/6/be ./PUNCT/punct/6"
    )
    assert got == [("t.arrest", "police", "Zambada", False, False)]


def test_negation_and_modality():
    got = coded(
        "Arnor/PROPN/nsubj/3 did/AUX/aux/3/do not/PART/neg/3 accuse/VERB/ROOT/3 "
        "Gondor/PROPN/dobj/3 "
        "./PUNCT/punct/3"
    )
    assert got[0][3] is True
    got = coded(
        "Arnor/PROPN/nsubj/2 will/AUX/aux/2 accuse/VERB/ROOT/2 Gondor/PROPN/dobj/2 ./PUNCT/punct/2"
    )
    assert got[0][4] is True and got[0][3] is False


def test_participle_inherits_subject():
    # "Arnor responded, accusing Gondor."
    got = coded(
        "Arnor/PROPN/nsubj/1 responded/VERB/ROOT/1/respond ,/PUNCT/punct/1 "
        "accusing/VERB/advcl/1/accuse "
        "Gondor/PROPN/dobj/3 ./PUNCT/punct/1"
    )
    assert got == [("t.accuse", "Arnor", "Gondor", False, False)]


def test_discarded_sentence_yields_nothing():
    lex = lexicon()
    lex.discards = (("striker",),)
    doc = parse("the/DET/det/1 striker/NOUN/nsubj/2 accused/VERB/ROOT/2/accuse Gondor/PROPN/dobj/2")
    assert code_sentence(doc[:], lex) == []


def test_to_blame_targets_the_copula_subject_and_sources_the_speaker():
    # "Arnor claimed that Gondor was to blame."
    got = coded(
        "Arnor/PROPN/nsubj/1 claimed/VERB/ROOT/1/claim that/SCONJ/mark/4 Gondor/PROPN/nsubj/4 "
        "was/AUX/ccomp/1/be to/PART/aux/6 blame/VERB/xcomp/4/blame ./PUNCT/punct/1"
    )
    accuse = [g for g in got if g[0] == "t.blame"]
    assert accuse == [("t.blame", "Arnor", "Gondor", False, False)]
