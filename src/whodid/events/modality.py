"""Negation and modality: is the event denied, or only possible, planned or conditional?"""

from __future__ import annotations

from spacy.tokens import Token

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
MODAL_AUX = frozenset(
    {"will", "would", "could", "may", "might", "should", "shall", "'ll", "can", "must", "wo", "ca"}
)
# Verbs whose infinitive complement is not (yet) a fact: "plans to visit", "threatened to strike".
IRREALIS_GOVERNORS = frozenset(
    """
    plan want intend threaten seek try attempt hope expect aim propose consider prepare vow
    promise pledge demand urge ask call wish offer plot mull weigh contemplate refuse decline
    fail need agree decide push press encourage invite warn set schedule
    """.split()
)
# ... of which these deny the complement: "refused to meet", "failed to agree".
NEGATING_GOVERNORS = frozenset({"refuse", "decline", "fail", "deny", "reject", "avoid"})
IRREALIS_ADJECTIVES = frozenset(
    {"possible", "potential", "planned", "proposed", "future", "likely", "expected", "alleged", "threatened"}
)
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Verbs that allege what their "of"/"for" complement says: "accused Gondor of shelling".
ALLEGING_VERBS = frozenset({"accuse", "blame", "charge", "suspect", "fault", "condemn", "criticize", "criticise"})


def _has_neg_child(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod")) for c in token.children)


def is_negated(trigger: Token) -> bool:
    """The text denies the event: "did not attack", "no talks", "refused to meet"."""
    if _has_neg_child(trigger):
        return True
    for child in trigger.children:  # "no aircraft entered", "nobody was arrested"
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in ("nobody", "none", "nothing", "neither")
            or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        ):
            return True
    head = trigger.head
    if trigger.dep_ in ("attr", "acomp") and head.lemma_ == "be" and _has_neg_child(head):
        return True  # "is not the fault of"
    if trigger.dep_ == "xcomp" and head is not trigger:
        if head.lemma_.lower() in NEGATING_GOVERNORS:
            return True
        # "did not agree to meet": the negation of the governor reaches the complement.
        if _has_neg_child(head) and head.lemma_.lower() not in ("deny",):
            return True
    return trigger.dep_ == "pobj" and head.lower_ == "without"


def is_hypothetical(trigger: Token) -> bool:
    """The event is spoken of as possible, planned, demanded or conditional, not as a fact."""
    token = trigger
    for _ in range(3):
        for child in token.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_AUX:
                return True
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return True
            if child.dep_ == "amod" and child.lower_ in IRREALIS_ADJECTIVES:
                return True
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in IRREALIS_GOVERNORS:
            return True
        if _going_to(token):
            return True
        if _alleged(token):
            return True
        if token.dep_ not in ("xcomp", "conj") or token.head is token:
            break
        token = token.head
    return False


def _going_to(token: Token) -> bool:
    """ "is going to attack" """
    head = token.head
    return token.dep_ == "xcomp" and head.lower_ == "going" and any(c.lemma_ == "be" for c in head.children)


def _alleged(token: Token) -> bool:
    """ "accused Gondor of shelling": the shelling is alleged, not reported as fact."""
    prep = token.head
    return (
        token.dep_ == "pcomp"
        and prep.lower_ in ("of", "for")
        and prep.head.lemma_.lower() in ALLEGING_VERBS
    )
