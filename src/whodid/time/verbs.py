"""The tense of the verb that governs a temporal expression, read from the dependency parse.

Word cues near an expression ("will", "said") cannot see a present tense that speaks of the
future ("the ministers meet Monday", "the league plans to hold a news conference on Tuesday"):
the parse can. ``verb_tense`` gives +1 (future), -1 (past) or None (no verb, or no clear tense).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
_PLAN = {"plan", "expect", "schedule", "intend", "hope", "set", "aim", "prepare", "due", "going"}
# "until Tuesday", "by Friday": a bound, which the verb's tense does not place
_BOUND = {"until", "till", "by", "through", "before", "after", "since"}
_REPORT = {"say", "tell", "report", "announce", "add", "state", "note", "confirm"}


def _governor(doc: Doc, start: int, end: int) -> Token | None:
    """The verb the expression at ``[start, end)`` modifies directly ("met Monday", "meet on
    Monday"), or None ("Monday's vote", "the Monday meeting": the noun's, not the verb's)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    if tok.dep_ in ("npadvmod", "tmod", "obl", "advmod"):
        head = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.text.lower() not in _BOUND:
        head = tok.head.head
    else:
        return None
    if head.pos_ == "VERB" or (head.pos_ == "AUX" and head.dep_ != "ROOT"):
        return head
    return None


def _group_tense(verb: Token) -> int | None:
    """+1, -1 or None for a verb with its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.text.lower() for a in auxes}
    if words & _FUTURE_AUX:
        return 1
    if any(a.tag_ == "VBD" for a in auxes):  # was, were, had, did
        return -1
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes):  # is meeting, has met
        return -1 if verb.tag_ == "VBN" and not words & {"is", "are", "am"} else 1
    if verb.tag_ == "VBD":
        return -1
    if verb.tag_ in ("VBZ", "VBP"):
        return None if verb.lemma_ in _REPORT else 1
    return None


def verb_tense(doc: Doc, start: int, end: int) -> int | None:
    """The tense of the verb governing the expression, if the parse shows one."""
    verb = _governor(doc, start, end)
    if verb is None:
        return None
    tense = _group_tense(verb)
    if tense is None and verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head  # "plans to hold", "planned to pay": the plan's own tense
        if head.lemma_ in _PLAN:
            return _group_tense(head)
    return tense


def simple_past(doc: Doc, start: int, end: int) -> bool:
    """Does the expression hang, through "in" or "on", from a verb in the simple past?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    if not (tok.dep_ == "pobj" and tok.head.text.lower() in ("in", "on")):
        return False
    verb = tok.head.head
    return (
        verb.tag_ == "VBD"
        and verb.lemma_ not in _REPORT | _PLAN
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def date_entity(doc: Doc, start: int, end: int) -> bool:
    """Does the parser's named-entity layer read ``[start, end)`` as (part of) a date?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.ent_type_ == "DATE" for t in span)
