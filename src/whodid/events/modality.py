"""Negation and modality: is the event denied, or only intended, possible, demanded or conditional?

``modality`` names the kind, because the kind changes the code: an offered or promised act is
an expressed intent (CAMEO 03), a refused one a rejection (12), one that a speaker says another
"must" do a demand (10) — see ``data/lexicons/recodes.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from whodid.events.clauses import finite_after_gerund
from whodid.nlp.tree import children

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
POSSIBLE_AUX = frozenset({"may", "might", "could", "can", "ca"})
# Governors of an infinitive that state an intent: "plans to visit", "offered to mediate".
INTENT_GOVERNORS = frozenset(
    """
    plan intend want wish seek aim agree promise pledge vow offer decide prepare hope expect
    try attempt propose commit willing ready prepared determined eager set poised schedule
    plot
    """.split()
)
# ... that make ready for it: "the army prepared to resume shelling" (a force posture, 15).
PREPARE_GOVERNORS = frozenset({"prepare", "poised", "gear", "mass"})
# ... that only weigh it: "is considering sending aid" (CAMEO 014, a statement).
CONSIDER_GOVERNORS = frozenset(
    {"consider", "mull", "weigh", "contemplate", "ponder", "discuss", "debate"}
)
# ... that ask another to act: "urged Gondor to withdraw".
DEMAND_GOVERNORS = frozenset(
    """
    urge ask call demand press pressure push encourage invite request order tell force
    direct instruct command
    """.split()
)
THREAT_GOVERNORS = frozenset({"threaten", "warn"})
# ... that only permit it: "a law that allows the police to arrest anyone".
PERMIT_GOVERNORS = frozenset({"allow", "permit", "authorize", "authorise", "empower", "enable"})
LIKELY_GOVERNORS = frozenset(
    {"likely", "unlikely", "expected", "due", "able", "possible", "bound"}
    | {"difficult", "hard", "impossible", "unable"}  # "found it difficult to arrest him"
)
# Words whose that-clause states what is asked for: "demanded that X withdraw", "a call for".
DEMANDING_WORDS = DEMAND_GOVERNORS | frozenset(
    {"demand", "insist", "appeal", "plea", "request", "call"}
)
# ... that deny the complement: "refused to meet", "failed to agree".
NEGATING_GOVERNORS = frozenset(
    {"refuse", "decline", "fail", "deny", "reject", "avoid", "unwilling"}
)
IRREALIS_ADJECTIVES = frozenset(
    {
        "possible",
        "potential",
        "planned",
        "proposed",
        "future",
        "likely",
        "expected",
        "alleged",
        "threatened",
    }
)
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Verbs that allege what their "of"/"for" complement says: "accused Gondor of shelling".
ALLEGING_VERBS = frozenset(
    {"accuse", "blame", "charge", "suspect", "fault", "condemn", "criticize", "criticise"}
)


def _has_neg_child(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod"))
        for c in children(token)
    )


def _negative_subject(token: Token) -> bool:
    """ "no aircraft entered", "nobody was arrested" """
    for child in children(token):
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in ("nobody", "none", "nothing", "neither")
            or any(d.dep_ == "det" and d.lower_ == "no" for d in children(child))
        ):
            return True
    return False


def _governor(token: Token) -> Token | None:
    """The word an infinitive complement depends on: "agreed to meet", "is willing to meet",
    "found it difficult to arrest him" (an adjective's infinitive, parsed as an adjunct)."""
    if token.head.i == token.i:
        return None
    if token.dep_ == "xcomp":
        return token.head
    if (
        token.dep_ == "advcl"
        and token.head.pos_ == "ADJ"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(token))
    ):
        return token.head
    return None


def is_negated(trigger: Token) -> bool:
    """The text denies the event: "did not attack", "no talks", "refused to meet"."""
    if _has_neg_child(trigger) or _negative_subject(trigger):
        return True
    head = trigger.head
    if trigger.dep_ in ("attr", "acomp") and head.lemma_ == "be" and _has_neg_child(head):
        return True  # "is not the fault of"
    governor = _governor(trigger)
    if governor is not None:
        if governor.lemma_.lower() in NEGATING_GOVERNORS:
            return True
        # "did not agree to meet": the negation of the governor reaches the complement.
        if _has_neg_child(governor) and governor.lemma_.lower() != "deny":
            return True
        # "is unwilling to meet", "is not ready to meet"
        if (
            governor.pos_ == "ADJ"
            and governor.head.lemma_ == "be"
            and _has_neg_child(governor.head)
        ):
            return True
    if _denied_clause(trigger) or _ruled_out(trigger):
        return True
    return trigger.dep_ == "pobj" and head.lower_ == "without"


# What a speaker says of an act it will not take: "lifting the embargo is out of the question".
_RULED_OUT = ("out of the question", "off the table", "not an option", "not on the table")


def _ruled_out(trigger: Token) -> bool:
    head = trigger.head
    if trigger.dep_ not in ("csubj", "nsubj", "nsubjpass") or head.lemma_ != "be":
        return False
    after = " ".join(t.lower_ for t in head.doc[head.i + 1 : head.right_edge.i + 1])
    return any(phrase in after for phrase in _RULED_OUT)


# Verbs whose that-clause the speaker says is false: "police denied that any arrest was made".
DENYING_VERBS = frozenset({"deny", "refute", "disprove"})


def _denied_clause(trigger: Token) -> bool:
    clause = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubjpass", "nsubj", "dobj"):
        clause = trigger.head  # "any such arrest has been made"
    return (
        clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in DENYING_VERBS
        and not _has_neg_child(clause.head)
    )


def modality(trigger: Token) -> str | None:
    """What kind of non-fact the text makes of the event, or None for a fact.

    Kinds: ``future``, ``intent``, ``prepared``, ``obligation``, ``possible``, ``condition``,
    ``demanded``, ``threatened``, ``considered``, ``alleged``, ``purpose``.
    """
    token = trigger
    for _ in range(4):
        for child in children(token):
            if child.dep_ in ("aux", "auxpass"):
                word = child.lower_
                if word in OBLIGATION_AUX:
                    return "obligation"
                if word in FUTURE_AUX:
                    return "future"
                if word in POSSIBLE_AUX:
                    return "possible"
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return "condition"
            if (
                child.dep_ == "amod"
                and child.lower_ in IRREALIS_ADJECTIVES
                and not _carried_out(token)
            ):
                return "intent"
        governor = _governor(token)
        if governor is not None:
            lemma = governor.lemma_.lower()
            if lemma in THREAT_GOVERNORS:
                return "threatened"
            if lemma in CONSIDER_GOVERNORS:
                return "considered"
            if lemma in DEMAND_GOVERNORS:
                return "demanded"
            if lemma in PREPARE_GOVERNORS:
                return "prepared"
            if lemma in INTENT_GOVERNORS or lemma in NEGATING_GOVERNORS:
                return "intent"
            if lemma == "going" and any(c.lemma_ == "be" for c in children(governor)):
                return "future"
            if lemma == "need" or (lemma == "have" and governor.tag_ != "VBD"):
                return "obligation"  # "had to fire in the air" reports that they fired
            if lemma in LIKELY_GOVERNORS or lemma in PERMIT_GOVERNORS:
                return "possible"  # "is likely to take him into custody"
        if _alleged(token):
            return "alleged"
        if token.dep_ in ("ccomp", "acl") and token.head.lemma_.lower() in DEMANDING_WORDS:
            return "demanded"  # "demanding that Mugabe abandon the policy"
        if token.pos_ == "NOUN" and _demanded_thing(token):
            return "demanded"  # "demanded the arrest of", "called for a ban on X and arrest of Y"
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in PERMIT_GOVERNORS:
            return "possible"  # "allows the police to arrest anyone"
        if _purpose_infinitive(token):
            return "purpose"  # "sent teams to apprehend him", "an order to arrest him"
        if (
            token.dep_ == "pcomp"
            and token.head.lower_ == "with"
            and token.head.head.lemma_.lower() in _ROLE_VERBS
        ):
            return "purpose"  # "the coalition tasked with fighting the militants": its role
        if token.dep_ == "pcomp" and token.head.lower_ == "for":
            verb = token.head.head
            if verb.lemma_.lower() in DEMANDING_WORDS or verb.lemma_.lower() in ("seek", "ask"):
                return "demanded"  # "the time sought for arresting him"
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.pos_ in ("VERB", "AUX"):
            token = token.head  # "will not be able to make arrests": the verb's modality
            continue
        goal = token.dep_ == "pobj" and token.head.lower_ in _GOAL_PREPS
        if token.pos_ == "NOUN" and goal and token.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head  # "would march to the town and court arrest": its modality
            continue
        if any(
            c.dep_ in ("ccomp", "oprd", "acomp") and c.lemma_.lower() in _HARD
            for c in children(token)
        ):
            return "possible"  # "were finding it difficult to arrest him"
        if _to_infinitive(token) and token.dep_ == "advcl":
            token = token.head  # "an application to pass orders to arrest him": the purpose's
            continue
        if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
            break
        if token.dep_ == "conj" and finite_after_gerund(token):
            token = token.head.head.head  # "accused X of sending ... and summoned": the verb's
            continue
        token = token.head
    return None


_HARD = frozenset({"difficult", "hard", "impossible"})
# a noun after these is where the verb's act goes ("march to the town and court arrest"); after
# others ("hear about the arrests") it can be a fact of its own
_GOAL_PREPS = frozenset({"to", "into", "for", "under"})


def _to_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(token))


def _demanded_thing(noun: Token) -> bool:
    """The noun is (in) what a word of demanding asks for: "demanded the arrest of X", "called
    for a ban on X and the arrest of its leaders", "rejected calls for his resignation" — up
    through coordinated noun phrases, "on" ("a ban on X and [the] arrest of Y", as the parser
    often attaches it) and "for" after a verb or a demand, to the first verb ("demanded
    reparations for the massacres" asks for reparations, not for massacres)."""
    token = noun
    for _ in range(6):
        if token.dep_ not in ("dobj", "pobj", "conj", "prep", "appos") or token.head.i == token.i:
            return False
        head = token.head
        if token.dep_ == "prep":
            if token.lower_ not in ("for", "on"):
                return False
            if token.lower_ == "for" and head.pos_ not in ("VERB", "AUX"):
                # "calls for his resignation"; but "reparations for the massacres" gives a reason
                return head.lemma_.lower() in DEMANDING_WORDS
        token = head
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_.lower() in DEMANDING_WORDS
    return False


def is_hypothetical(trigger: Token) -> bool:
    """The event is spoken of as possible, planned, demanded or conditional, not as a fact."""
    return modality(trigger) is not None


# Verbs whose purpose clause is an errand not yet done: "sent teams to arrest him".
_ERRAND_VERBS = frozenset(
    """
    send dispatch deploy rush go come travel fly head move arrive leave return order direct
    instruct ask file apply petition seek try attempt gather assemble meet plan prepare
    """.split()
)


# Verbs that give a body its role: "a force charged with protecting civilians".
_ROLE_VERBS = frozenset({"task", "charge", "entrust", "mandate"})


def _purpose_infinitive(token: Token) -> bool:
    """ "sent teams to apprehend him", "orders to arrest him": a to-infinitive adjunct states
    a purpose, not what happened."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(token)):
        return False
    if token.dep_ == "acl":
        return True  # "an order to arrest him", "efforts to free the hostages"
    # "fired in the air to disperse the crowd" reports the dispersal; "sent teams to arrest
    # him" does not report the arrest
    return token.dep_ == "advcl" and token.head.lemma_.lower() in _ERRAND_VERBS


def _carried_out(noun: Token) -> bool:
    """ "mounted its long-threatened invasion": a past verb carried the planned act out."""
    return noun.dep_ == "dobj" and noun.head.tag_ in ("VBD", "VBN")


def _alleged(token: Token) -> bool:
    """ "accused Gondor of shelling": the shelling is alleged, not reported as fact."""
    prep = token.head
    return (
        token.dep_ == "pcomp"
        and prep.lower_ in ("of", "for")
        and prep.head.lemma_.lower() in ALLEGING_VERBS
    )
