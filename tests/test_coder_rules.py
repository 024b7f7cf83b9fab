"""Event-typing rules on hand-built parses: what is no event, what governs what, how modality
recodes (issue 3)."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from docs import parse
from whodid.events import clauses
from whodid.events.assemble import drop_background_acled, rank_nested
from whodid.events.coder import code_sentence
from whodid.events.lexicon import build_lexicon
from whodid.events.modality import is_negated
from whodid.records import Actor, Event, Span

LEXICON_YAML = """
- id: t.cooperation
  code: "061"
  nouns: [cooperation]
  example: "Arnor sought cooperation."
- id: t.agree
  code: "030"
  verbs: [agree]
  example: "Arnor agreed."
- id: t.riot
  code: "145"
  nouns: [riot]
  example: "A riot broke out."
- id: t.wound
  code: "182"
  verbs: [wound]
  example: "Gunmen wounded two guards."
- id: t.evacuate
  code: "073"
  verbs: [evacuate]
  objects: [wounded]
  example: "Arnor evacuated the wounded."
- id: t.protest
  code: "141"
  verbs: [protest]
  example: "Students protested."
- id: t.protest_words
  code: "111"
  verbs: [protest]
  clause: true
  example: "Arnor protested that Gondor cheated."
- id: t.shell
  code: "194"
  verbs: [shell]
  example: "Arnor shelled the town."
- id: t.lift
  code: "085"
  verbs: [lift]
  example: "Arnor lifted the embargo."
"""


def lexicon():
    lex = build_lexicon([("test.yaml", LEXICON_YAML)])
    lex.recodes = {
        "intent": {"19": "138", "08": "035"},
        "preparation": {"19": "152"},
        "refusal": {"08": "124"},
    }
    return lex


def ids(doc) -> list[tuple[str, str]]:
    return [(c.entry.id, c.code) for s in doc.sents for c in code_sentence(s, lexicon())]


def test_event_word_inside_a_name_is_no_event():
    # "The Economic Cooperation forum agreed."
    doc = parse(
        "The/DET/det/3 Economic/PROPN/compound/2 Cooperation/PROPN/compound/3 "
        "forum/NOUN/nsubj/4 agreed/VERB/ROOT/4/agree ./PUNCT/punct/4"
    )
    doc.ents = [SpacySpan(doc, 1, 3, label="ORG")]
    assert ids(doc) == [("t.agree", "030")]


def test_event_word_that_only_describes_a_noun_is_no_event():
    # "Riot police wounded two men." — "riot" is what kind of police
    doc = parse(
        "Riot/NOUN/compound/1/riot police/NOUN/nsubj/2 wounded/VERB/ROOT/2/wound "
        "two/NUM/nummod/4 men/NOUN/dobj/2/man ./PUNCT/punct/2"
    )
    assert ids(doc) == [("t.wound", "182")]


def test_participle_naming_people_is_an_object_not_an_event():
    # "Arnor evacuated the wounded."
    doc = parse(
        "Arnor/PROPN/nsubj/1 evacuated/VERB/ROOT/1/evacuate the/DET/det/3 "
        "wounded/VERB/dobj/1/wound ./PUNCT/punct/1"
    )
    doc[3].tag_ = "VBN"
    assert ids(doc) == [("t.evacuate", "073")]


def test_clause_entry_needs_a_that_clause():
    # "Arnor protested that Gondor cheated." / "Students protested."
    words = parse(
        "Arnor/PROPN/nsubj/1 protested/VERB/ROOT/1/protest that/SCONJ/mark/4 "
        "Gondor/PROPN/nsubj/4 cheated/VERB/ccomp/1/cheat ./PUNCT/punct/1"
    )
    street = parse("Students/NOUN/nsubj/1 protested/VERB/ROOT/1/protest ./PUNCT/punct/1")
    assert ids(words) == [("t.protest_words", "111")]
    assert ids(street) == [("t.protest", "141")]


def test_forces_made_ready_to_attack_are_a_force_posture():
    # "The army prepared to shell the town." — PLOVER MOBILIZE, not a threat
    doc = parse(
        "The/DET/det/1 army/NOUN/nsubj/2 prepared/VERB/ROOT/2/prepare to/PART/aux/4 "
        "shell/VERB/xcomp/2/shell the/DET/det/6 town/NOUN/dobj/4 ./PUNCT/punct/2"
    )
    assert ids(doc) == [("t.shell", "152")]


def test_an_act_called_out_of_the_question_is_refused():
    # "Lifting the embargo is out of the question."
    doc = parse(
        "Lifting/VERB/csubj/3/lift the/DET/det/2 embargo/NOUN/dobj/0 is/AUX/ROOT/3/be "
        "out/ADP/prep/3 of/ADP/prep/4 the/DET/det/7 question/NOUN/pobj/5 ./PUNCT/punct/3"
    )
    assert is_negated(doc[0])
    assert ids(doc) == [("t.lift", "124")]


def _event(cameo: str, confidence: float, *, acled: bool = False, actor: bool = True) -> Event:
    who = Actor(0, 5, "Arnor", code="ARN") if actor else None
    return Event(
        sentence=0,
        trigger=Span(0, 1, "x"),
        source=who,
        target=None,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=4,
        goldstein=0.0,
        plover={"type": "PROTEST", "mode": None},
        acled={"event_type": "Protests", "sub_event_type": "Peaceful protest"} if acled else None,
        confidence=confidence,
    )


# "Crowds marched, calling for reforms." — the demand elaborates the march
_MARCHED = (
    "Crowds/NOUN/nsubj/1/crowd marched/VERB/ROOT/1/march ,/PUNCT/punct/1 "
    "calling/VERB/advcl/1/call for/ADP/prep/3 reforms/NOUN/pobj/4/reform ./PUNCT/punct/1"
)


def test_nested_event_ranks_below_the_event_that_governs_it():
    doc = parse(_MARCHED)
    march, demand = _event("141", 0.6), _event("100", 0.7)
    rank_nested([(march, doc[1]), (demand, doc[3])])
    assert demand.confidence < march.confidence
    assert march.confidence == 0.6


def test_a_bare_statement_governs_nothing():
    doc = parse(_MARCHED)
    said, demand = _event("010", 0.6), _event("100", 0.7)
    rank_nested([(said, doc[1]), (demand, doc[3])])
    assert demand.confidence == 0.7


def test_actorless_event_noun_gives_way_to_the_reported_act():
    # "During a police operation, rifles were seized."
    doc = parse(
        "During/ADP/prep/5 a/DET/det/3 police/NOUN/compound/3 operation/NOUN/pobj/0 "
        ",/PUNCT/punct/5 seized/VERB/ROOT/5/seize ./PUNCT/punct/5"
    )
    operation = _event("190", 0.3, acled=True, actor=False)
    seized = _event("1711", 0.4, acled=True)
    drop_background_acled([(operation, doc[3]), (seized, doc[5])])
    assert operation.acled is None and seized.acled is not None
    # alone in its sentence, the noun keeps its type
    alone = _event("190", 0.3, acled=True, actor=False)
    drop_background_acled([(alone, doc[3])])
    assert alone.acled is not None


def test_a_supposed_act_gives_way_to_a_reported_one():
    # "The brigade, tasked with fighting the gangs, left the camp."
    doc = parse(
        "The/DET/det/1 brigade/NOUN/nsubj/7 ,/PUNCT/punct/1 tasked/VERB/acl/1/task "
        "with/ADP/prep/3 fighting/VERB/pcomp/4/fight the/DET/det/7 gangs/NOUN/dobj/5/gang "
        "left/VERB/ROOT/8/leave the/DET/det/10 camp/NOUN/dobj/8 ./PUNCT/punct/8"
    )
    fighting = _event("190", 0.5, acled=True)
    fighting.hypothetical = True
    left = _event("0874", 0.5, acled=True)
    drop_background_acled([(fighting, doc[5]), (left, doc[8])])
    assert fighting.acled is None and left.acled is not None
    # with nothing reported as done, the supposed act keeps its type
    alone = _event("190", 0.5, acled=True)
    alone.hypothetical = True
    drop_background_acled([(alone, doc[5])])
    assert alone.acled is not None


_VOCAB = English().vocab


def _tagged(words: list[str], tags: list[str], deps: list[str], heads: list[int]) -> SpacyDoc:
    lemmas = [
        w.lower().rstrip("s") if t == "NNS" else w.lower() for w, t in zip(words, tags, strict=True)
    ]
    pos = {"NNS": "NOUN", "NN": "NOUN", "VBD": "VERB", "VB": "VERB", "TO": "PART"}
    return SpacyDoc(
        _VOCAB,
        words=words,
        tags=tags,
        pos=[pos.get(t, "X") for t in tags],
        deps=deps,
        heads=heads,
        lemmas=lemmas,
    )


def test_a_reduced_clause_with_to_names_the_found_thing():
    # "Troops discovered grenades thought to belong to the gang.": the small model makes
    # "grenades thought" a clause whose subject is the grenades
    words = ["Troops", "discovered", "grenades", "thought", "to", "belong", "to", "gangs"]
    tags = ["NNS", "VBD", "NNS", "VBD", "TO", "VB", "IN", "NNS"]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "aux", "xcomp", "prep", "pobj"]
    heads = [1, 1, 3, 1, 5, 3, 5, 6]
    doc = _tagged(words, tags, deps, heads)
    assert "grenade" in clauses.object_lemmas(doc[1])
    # "Troops discovered that gangs wanted to ...": a real clause names no object
    words = ["Troops", "discovered", "that", "gangs", "wanted", "to", "flee"]
    tags = ["NNS", "VBD", "IN", "NNS", "VBD", "TO", "VB"]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "aux", "xcomp"]
    heads = [1, 1, 4, 4, 1, 6, 4]
    assert "gang" not in clauses.object_lemmas(_tagged(words, tags, deps, heads)[1])
