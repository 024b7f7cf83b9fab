"""Who acts and on whom: the source and target candidates of a trigger in the parse.

Candidates come in tiers (the phrase's own preposition, the direct object, the prepositions
that usually mark a recipient, ...); the first tier holding a known actor wins, so that
"restored ties with Gondor" targets Gondor, not "ties". The caller's actor resolution answers
``is_actor``; this module knows nothing of countries.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from whodid.events import clauses
from whodid.events.lexicon import Entry, Lexicon
from whodid.events.modes import is_device
from whodid.nlp.tree import children, lefts

# A nominal trigger's recipient: "the arrest of", "talks with", "an attack on", "a note to".
NOUN_TARGET_PREPS = ("of", "against", "on", "upon", "to", "toward", "towards", "with", "into")
# Codes of speech acts whose addressee or topic can be the subject of a that-clause
# ("expressed hope that Sheinbaum would ...", "warned that Gondor would pay").
SPEECH_ACT_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
# Stances whose that-clause says what they are about ("expressed optimism that the timeline
# could be shortened", "voiced pessimism that X would ..."): pessimism and optimism.
STANCE_CODES = ("012", "013")
# Codes whose prepositional object is a topic, a target only when it is an actor ("declined to
# comment on the report" has none; "declined to comment on Arnor" aims at Arnor).
TOPIC_CODES = frozenset({"011"})
# A claim of responsibility: aimed at what the act claimed was aimed at.
CLAIM_CODE = "015"
# Peacekeeping: provided where the force serves.
PEACEKEEPING_CODE = "074"
# Nouns whose possessor suffers the event ("Zambada's arrest") rather than does it.
PATIENT_NOUN_CODES = ("17", "18", "19", "20")
# Entity types that never act: "on Monday", "three", "$5 million".
_NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})

# Violent causes whose actor acts on a passive victim: "killed in police firing".
CAUSE_NOUNS = frozenset(
    """
    firing fire shooting gunfire attack strike airstrike raid clash blast explosion bombing
    crossfire shelling crackdown operation action violence ambush
    """.split()
)

IsActor = Callable[[Token], bool]
"""Does the token stand for a known actor? Used to choose among candidate arguments."""


def no_actor(token: Token) -> bool:
    return False


def _candidate(t: Token, own: set[int]) -> bool:
    """An argument candidate: not the trigger's own words, no date, number or amount (unless
    counted people), no time after "at"."""
    return (
        t.i not in own
        and (t.ent_type_ not in _NON_ACTOR_ENTS or _counted(t))
        and not (t.lemma_.lower() in _TIME_NOUNS and t.head.lower_ == "at")
    )


def _usable(tokens: list[Token], trigger: list[Token]) -> list[Token]:
    """Argument candidates less the trigger's own words and dates, numbers, amounts."""
    if not tokens:
        return []
    own = {t.i for t in trigger}
    return [t for t in tokens if _candidate(t, own)]


def _usable_for(trigger: list[Token]) -> Callable[[list[Token]], list[Token]]:
    """``_usable`` with ``trigger`` fixed, each token judged once: a verb's tiers are filtered
    up to four times, and the same tokens come back in several of them."""
    own = {t.i for t in trigger}
    judged: dict[int, bool] = {}

    def usable(tokens: list[Token]) -> list[Token]:
        out = []
        for t in tokens:
            ok = judged.get(t.i)
            if ok is None:
                ok = judged[t.i] = _candidate(t, own)
            if ok:
                out.append(t)
        return out

    return usable


# "at the same time", "at some point", "at this stage": when, not whom.
_TIME_NOUNS = frozenset({"time", "point", "moment", "stage", "juncture", "outset"})


def _counted(token: Token) -> bool:
    """ "dozens of demonstrators", "hundreds of people": a number that heads the people it
    counts is an argument, whatever the entity tagger calls it."""
    return token.pos_ in ("NOUN", "NUM") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in children(c))
        for c in children(token)
    )


def owner(token: Token, is_actor: IsActor) -> Token | None:
    """An actor that owns a non-actor argument: "Gondor's proposal", "a U.S.-funded program",
    "the attack by Osgiliath soldiers"."""
    if token.pos_ == "NOUN":
        for by in (*clauses.prep_objects(token).get("by", []), *attributed(token)):
            if is_actor(by):
                return by
    for left in lefts(token):
        if left.dep_ in ("poss", "compound", "amod", "npadvmod", "nmod"):
            if is_actor(left):
                return left
            inner = owner(left, is_actor)
            if inner is not None:
                return inner
    return None


# Uses of force, whose "with"-phrase after an object is an instrument, unless it is a name.
_FORCE_ROOTS = frozenset({"18", "19", "20"})

# Prepositions that name whom a thing is aimed at: "a ban on", "sanctions against", "aid to".
_RECIPIENT_PREPS = ("on", "against", "to", "with", "for", "toward", "towards", "from", "by")


def _first_actor(
    table: dict[str, list[Token]], preps: tuple[str, ...], is_actor: IsActor
) -> Token | None:
    """The first actor among the objects of ``preps``, tried in that order."""
    for prep in preps:
        for obj in table.get(prep, []):
            if is_actor(obj):
                return obj
    return None


def recipient(token: Token, is_actor: IsActor) -> Token | None:
    """The actor a non-actor argument is aimed at or comes from, as CAMEO codes the target:
    "lifted a travel ban imposed on Chadian citizens", "rejected appeals to release Aya
    Hijazi", "rejected an appeal lodged by the opposition", "sanctions against Iran"."""
    if token.pos_ != "NOUN":
        return None
    table = clauses.prep_objects(token)
    found = _first_actor(table, _RECIPIENT_PREPS, is_actor)
    for inner_thing in table.get("of", []):  # "a resumption of ties with Gondor"
        if found is None and not is_actor(inner_thing) and inner_thing.pos_ == "NOUN":
            found = _first_actor(clauses.prep_objects(inner_thing), _RECIPIENT_PREPS, is_actor)
    for child in children(token):
        if found is not None:
            break
        if child.dep_ not in ("acl", "relcl") or child.pos_ != "VERB":
            continue
        found = _first_actor(clauses.prep_objects(child), (*_RECIPIENT_PREPS, "in"), is_actor)
        if found is None and child.dep_ == "acl":  # "appeals to release X": its object
            found = next((o for o in clauses.direct_objects(child) if is_actor(o)), None)
    return found


def _pick(tiers: list[list[Token]], is_actor: IsActor) -> list[Token]:
    """The first tier holding a known actor, else one whose words an actor owns, else the
    first non-empty tier."""
    tiers = [t for t in tiers if t]
    for tier in tiers:
        if any(is_actor(t) for t in tier):
            return tier
    for tier in tiers:
        if any(owner(t, is_actor) is not None for t in tier):
            return tier
    return tiers[0] if tiers else []


def _targets_for_prep(head: Token, preps: tuple[str, ...]) -> list[Token]:
    table = clauses.prep_objects(head)
    for prep in preps:
        if prep in table:
            return table[prep]
    return []


def _copular_predicate(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """ "X was to blame" / "X is to be blamed": X is the target; the speaker, if any, the source."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_ != "be" or clauses.direct_objects(verb):
        return None
    targets, _ = clauses.subjects(head)
    return speaker_of(head), targets


def _agent_of_cause(verb: Token, lexicon: Lexicon) -> list[Token]:
    """ "were killed in police firing", "died in an Israeli air strike", "killed in 500 rounds
    of firing by the police", "died due to police firing": the cause's actor."""
    table = clauses.prep_objects(verb)
    nouns = [*table.get("in", []), *table.get("during", []), *clauses.due_to_objects(verb)]
    nouns += [of for noun in nouns for of in clauses.prep_objects(noun).get("of", [])]
    for noun in nouns:
        if any(c.dep_ == "acl" and c.lemma_.lower() in CAUSE_NOUNS for c in children(noun)):
            return [noun]  # "in police firing" parsed as police <-acl- firing
        if noun.lemma_.lower() not in lexicon.by_noun and noun.lemma_.lower() not in CAUSE_NOUNS:
            continue
        for child in children(noun):
            if child.dep_ in ("poss", "compound", "amod") and child.pos_ in (
                "NOUN",
                "PROPN",
                "ADJ",
            ):
                return [child]
        by = clauses.prep_objects(noun).get("by", [])
        if by:
            return by
        blamed = attributed(noun)
        if blamed:
            return blamed
    return []


# Participles that attribute a named act to its doer: "an attack blamed on X", "a bombing
# claimed by X", "a raid carried out by X", with the preposition that names the doer.
_ATTRIBUTING = {
    "blame": ("on",),
    "attribute": ("to",),
    "claim": ("by",),
    "carry": ("by",),
    "launch": ("by",),
    "stage": ("by",),
    "mount": ("by",),
    "conduct": ("by",),
    "perpetrate": ("by",),
    "commit": ("by",),
}


def _attributing(verb: Token) -> bool:
    return verb.dep_ == "acl" and verb.lemma_.lower() in _ATTRIBUTING


def attributed(noun: Token) -> list[Token]:
    """The doer a participle attributes the named act to: "an attack blamed on X", "a raid
    carried out by X"."""
    for child in children(noun):
        preps = _ATTRIBUTING.get(child.lemma_.lower()) if _attributing(child) else None
        if not preps:
            continue
        table = clauses.prep_objects(child)
        by = clauses.agents(child)
        for prep in preps:
            found = by if prep == "by" and by else table.get(prep, [])
            if found:
                return found
    return []


# Where a thing given, imposed or moved goes, after the usual recipient prepositions.
THEME_PLACE_PREPS = ("from", "in", "into", "inside", "around")


# "in a bid to", "in response to", "in a tit-for-tat move": "in"-phrases that say why or how.
_MANNER_NOUNS = frozenset(
    "bid effort attempt response retaliation reprisal move protest way manner addition turn".split()
)


def _aimed(prep: str, objs: list[Token]) -> list[Token]:
    """The objects of a preposition that can name where a thing goes: an "in"-phrase names a
    place ("a curfew in parts of Kashmir"), not a purpose or manner ("in a bid to ...") nor a
    clause ("in what officials called a first step"). A gerund names what it acts on
    ("pessimism about bringing the standoff to an end", "a ban on doing business with X")."""
    if prep in _TOPIC_PREPS:  # not "for doing" (a reason) nor "to doing" (a complement)
        return [t for o in objs for t in (_gerund_aim(o) if o.dep_ == "pcomp" else [o])]
    if prep not in ("in", "inside"):
        return objs
    return [
        o
        for o in objs
        if o.lemma_.lower() not in _MANNER_NOUNS
        and o.dep_ != "pcomp"
        and o.lemma_.lower() not in _AMOUNT_NOUNS
    ]


def _extend_aimed(
    tiers: list[list[Token]], table: dict[str, list[Token]], preps: tuple[str, ...]
) -> None:
    """A tier of ``_aimed`` objects for each of ``preps`` the table has, in that order (a
    preposition it lacks would add an empty tier, which no tier test counts)."""
    for prep in preps:
        objs = table.get(prep)
        if objs:
            tiers.append(_aimed(prep, objs))


# Prepositions whose gerund names what an act or stance is about or aimed at.
_TOPIC_PREPS = frozenset(
    {"about", "over", "on", "upon", "against", "regarding", "concerning", "of"}
)


def _clause_subject(clause: Token) -> list[Token]:
    """The subject of a clause after a preposition, whom it is about: "doubtful about the
    cabinet managing to ...", "agree with what the opposition proposed"; not an indirect
    question ("comment on whether the army ...": about the question)."""
    if clause.dep_ != "pcomp" or clause.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in children(clause)):
        return []
    own = [c for c in children(clause) if c.dep_ in ("nsubj", "nsubjpass")]
    return clauses.with_conjuncts(own[0]) if own and own[0].lower_ not in ("what", "which") else []


def _gerund_aim(gerund: Token) -> list[Token]:
    """What a gerund after a preposition acts on: its own subject ("about the rebels
    regrouping"), a named party it deals with ("doing business with X"), else its object
    ("bringing the standoff to an end")."""
    if gerund.pos_ != "VERB":
        return [gerund]
    subject = _clause_subject(gerund)
    if subject:
        return subject
    table = clauses.prep_objects(gerund)
    named = [
        o for p in ("with", "against", "on", "to") for o in table.get(p, []) if o.pos_ == "PROPN"
    ]
    return named or clauses.direct_objects(gerund)


def _venue(token: Token) -> bool:
    """ "at a news conference", "at a donors' meeting": the occasion where something was said
    or agreed, no one it was aimed at."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "at"
        and token.lemma_.lower() in _OCCASION_NOUNS
    )


_OCCASION_NOUNS = frozenset(
    """
    conference briefing summit meeting session forum ceremony gathering event rally
    reception dinner congress convention assembly hearing launch signing
    """.split()
)


# "an increase in funding", "a rise in prices", "5 million euros in aid": what, not where.
_AMOUNT_NOUNS = frozenset(
    """
    funding spending aid assistance support relief supply supplies loan loans grant grants
    credit donation donations price prices cost costs
    """.split()
)


def _amount_things(obj: Token) -> list[Token]:
    """What an amount is of: "$5 million in aid to Haiti" gives aid, whose recipient is the
    amount's."""
    return [o for o in clauses.prep_objects(obj).get("in", []) if o.lemma_.lower() in _AMOUNT_NOUNS]


def _purpose_place(
    verb: Token, is_actor: IsActor, things: list[Token] | None = None
) -> list[Token]:
    """The first named place or country in the purpose infinitive of the verb or of the things
    it gives ("to help Haiti recover", "an increase in funding to fight the epidemic in West
    Africa")."""
    heads = [verb, *(things or [])]
    for clause in (c for head in heads for c in children(head)):
        if clause.dep_ not in ("advcl", "xcomp", "acl") or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in children(clause)
        ):
            continue
        for tok in clause.subtree:
            # a region no actor stands for ("West Africa") is still the place: its head word
            if tok.ent_type_ in _PLACE_ENTS and (is_actor(tok) or tok.dep_ == "pobj"):
                return [tok]
    return []


_PLACE_ENTS = frozenset({"GPE", "LOC"})
# Links that leave the verb's own clause: a "to"-phrase below them is another act's.
_CLAUSE_LINKS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "conj", "parataxis", "csubj"})


def _stray_recipient(verb: Token, is_actor: IsActor) -> list[Token]:
    """The actor of a "to"-phrase the parse hung inside the verb's object or another phrase of
    its clause ("returned a pendant engraved with the tsar's image to Russian authorities",
    "provide ammunition alongside aid to Turkey"): where the thing moved goes."""
    for prep in verb.subtree:
        if prep.i <= verb.i or prep.dep_ != "prep" or prep.lower_ not in ("to", "into"):
            continue
        node = prep.head
        while node.i != verb.i and node.dep_ not in _CLAUSE_LINKS and node.head.i != node.i:
            node = node.head
        if node.i != verb.i:
            continue
        for obj in children(prep):
            if obj.dep_ == "pobj" and is_actor(obj):
                return [obj]
    return []


_STANCE_PREPS = ("about", "of", "over", "on", "regarding")


def _stance_topic(verb: Token) -> list[Token]:
    """What a reported stance is about: "said it is skeptical about X", "says he is
    pessimistic that X will ...", "said it hopes that X will ..." (the adjective's
    prepositional object or clause subject, the hope's or expectation's clause subject)."""
    for clause in children(verb):
        if clause.dep_ != "ccomp":
            continue
        if clause.lemma_.lower() in _STANCE_VERBS:
            subjects = clauses.complement_subjects(clause)
            if subjects:
                return subjects
        for adj in children(clause):
            if adj.dep_ != "acomp" or adj.pos_ != "ADJ":
                continue
            preps = clauses.prep_objects(adj)
            for prep in _STANCE_PREPS:
                if prep in preps:
                    return [t for o in preps[prep] for t in (_clause_subject(o) or [o])]
            # "is skeptical (that) X will ...": the clause hangs on the adjective or the copula
            subjects = clauses.complement_subjects(adj) or clauses.complement_subjects(clause)
            if subjects:
                return subjects
    return []


# Verbs of a reported hope or fear about what someone else will do (by lemma: the lemma fixes
# give "hoped" its own, see whodid.nlp.lemma_fixes).
_STANCE_VERBS = frozenset({"hope", "expect", "fear", "doubt", "worry"})


def stance_clause(verb: Token) -> Token | None:
    """The clause of a hope, expectation, fear or doubt about another's act or claim that the
    verb reports ("said they hoped that X would ...", "said it is skeptical of X's claim that
    ..."): the stance's own clause, or None."""
    for clause in children(verb):
        if clause.dep_ != "ccomp":
            continue
        hope = clause.lemma_.lower() in _STANCE_VERBS
        if hope and clauses.complement_subjects(clause):
            return clause
        # "said it is skeptical of X's announcement that ...": the stance's topic is the target
        for adj in children(clause):
            if adj.dep_ == "acomp" and adj.lemma_.lower() in _STANCE_ADJECTIVES:
                preps = clauses.prep_objects(adj)
                if any(prep in preps for prep in _STANCE_PREPS):
                    return clause
    return None


# Adjectives of a stance towards another's act or claim.
_STANCE_ADJECTIVES = frozenset(
    """
    skeptical sceptical pessimistic optimistic doubtful hopeful confident wary suspicious
    """.split()
)


def _named_object(entry: Entry, obj: Token) -> bool:
    """Is the object the thing a theme-object entry gives, imposes or moves ("sanctions",
    "troops", "a curfew")? Such an object is what the event is made of; its target lies
    elsewhere. A name is never such a thing ("provided Egypt with aid")."""
    return entry.theme_object and obj.pos_ not in ("PROPN", "PRON")


def _moves(verb: Token, lexicon: Lexicon) -> bool:
    """Does the verb give, impose or move its object ("send troops", "lift sanctions"): is it
    a trigger of a theme-object entry?"""
    entries = lexicon.by_verb.get(verb.lemma_.lower()) or lexicon.by_verb.get(verb.lower_) or ()
    return any(entry.theme_object for entry in entries)


def _for_subjects(verb: Token) -> list[Token]:
    """The subject of a "for ... to" clause of the verb: whom "called for Britain to stay in
    the market", "pressed for the army to withdraw" address."""
    for clause in children(verb):
        if clause.dep_ in ("advcl", "ccomp") and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in children(clause)
        ):
            own = [c for c in children(clause) if c.dep_ == "nsubj"]
            if own:
                return clauses.with_conjuncts(own[0])
    return []


REJECT_ROOT = "12"
# Prepositions that set a refusal against what was asked: "despite X's request", "under
# pressure from X".
_AGAINST_REQUEST_PREPS = frozenset({"despite", "under", "after", "amid", "following"})
_REQUEST_NOUNS = frozenset({"request", "call", "demand", "appeal", "plea", "pressure", "urging"})


def _requester(verb: Token, is_actor: IsActor) -> list[Token]:
    """Whom a refusal answers, when it names no one else: the one whose request or pressure
    it withstands ("declined to resign despite the president's request", "refused to step
    down under pressure from party members"), on the verb or on its infinitive."""
    heads = [verb, *(c for c in children(verb) if c.dep_ == "xcomp")]
    for head in heads:
        for prep in children(head):
            if prep.dep_ != "prep" or prep.lower_ not in _AGAINST_REQUEST_PREPS:
                continue
            for noun in children(prep):
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in _REQUEST_NOUNS:
                    continue
                holder = owner(noun, is_actor)
                if holder is not None:
                    return [holder]
                asked_by = clauses.prep_objects(noun)
                for by in (*asked_by.get("from", []), *asked_by.get("by", [])):
                    if is_actor(by):
                        return [by]
    return []


def _role_of(verb: Token, is_actor: IsActor) -> list[Token]:
    """The body or country of the role an "as"-phrase names ("resigned as president of
    Indonesia", "stepped down as head of the party")."""
    for role in clauses.prep_objects(verb).get("as", []):
        for prep in ("of", "to"):
            found = [o for o in clauses.prep_objects(role).get(prep, []) if is_actor(o)]
            if found:
                return found
    return []


def _served_recipient(verb: Token, is_actor: IsActor) -> list[Token]:
    """Whom a purpose infinitive with no object of its own serves: the recipient of the act it
    is the purpose of ("gave rifles to the marines to help in operations", "sent doctors to
    Haiti to assist")."""
    head = verb.head
    if (
        verb.dep_ not in ("advcl", "xcomp")
        or head.i == verb.i
        or head.pos_ != "VERB"
        or not any(a.dep_ == "aux" and a.lower_ == "to" for a in children(verb))
    ):
        return []
    table = clauses.prep_objects(head)
    found = [*table.get("to", []), *(c for c in children(head) if c.dep_ == "dative")]
    return [t for t in found if is_actor(t)]


def _claimed_acts(trigger: list[Token]) -> list[list[Token]]:
    """What a claim of responsibility is aimed at: the target of the act claimed ("for the
    attack on the army's sites", "for arson at a ski resort"), then the act itself."""
    acts = [o for w in trigger for o in clauses.prep_objects(w).get("for", [])]
    kinds = [*acts, *(m for act in acts for m in clauses.prep_objects(act).get("of", []))]
    aims = [
        o
        for act in kinds
        for p in ("on", "against", "at", "upon")
        for o in clauses.prep_objects(act).get(p, [])
    ]
    return [aims, acts]


def _addressees(verb: Token, objects: list[Token]) -> list[Token]:
    """Whom a speech act is addressed to in a "to"-phrase of the verb or of its object ("sent a
    message to X", "issued an ultimatum to X")."""
    heads = [verb, *(o for o in objects if o.pos_ == "NOUN")]
    return [t for head in heads for t in clauses.prep_objects(head).get("to", [])]


def _complements(verb: Token, trigger: list[Token]) -> list[Token]:
    """The infinitive or gerund clauses the trigger verb governs ("threatened to shell",
    "is considering sending"): where the act the verb is about names its target."""
    out = [
        c
        for c in children(verb)
        if c.pos_ == "VERB"
        and (
            c.dep_ == "xcomp"
            or (
                c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))
            )
        )
    ]
    own = {t.i for t in out}
    out.extend(w for w in trigger[1:] if w.pos_ == "VERB" and w.i not in own)
    return out


def _contact_head(verb: Token, lexicon: Lexicon) -> Token | None:
    """The contact verb whose purpose the infinitive states ("called X to discuss"), if any."""
    head = verb.head
    if (
        verb.dep_ in ("xcomp", "advcl")
        and head.i != verb.i
        and head.lemma_.lower() in lexicon.contact_verbs
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))
        and clauses.direct_objects(head)
    ):
        return head
    return None


def _stative(verb: Token, lexicon: Lexicon) -> bool:
    """A stative passive followed by "to" ("is opposed to", "is determined to act"), not one of
    a thing done ("atrocities were committed")."""
    return verb.lemma_.lower() in lexicon.stative_passives and any(
        (c.dep_ == "prep" and c.lower_ == "to")
        or (c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children(c)))
        for c in children(verb)
    )


def own_forces(entry: Entry, nouns: list[Token], is_actor: IsActor) -> list[Token]:
    """The nouns that name an own-forces entry's forces ("troops", "peacekeeping troops"):
    the source when no one else is named ("troops were withdrawn", "the deployment of X
    troops"), since whoever moves troops is whose troops they are."""
    if not entry.own_forces:
        return []
    found = []
    for noun in nouns:
        lemma = noun.lemma_.lower()
        words = {lemma, noun.lower_}
        words.update(
            f"{left.lower_} {lemma}" for left in lefts(noun) if left.dep_ in ("compound", "amod")
        )
        if words & entry.objects and (is_actor(noun) or owner(noun, is_actor) is not None):
            found.append(noun)
    return found


def _maker_of_thing(verb: Token, sources: list[Token], is_actor: IsActor) -> list[Token]:
    """ "signed five agreements, ... and another that cuts tariffs on X": what a thing does
    that its makers just signed, passed or adopted (the object of their verb), they do through
    it; a device's blast stays the device's."""
    if verb.dep_ != "relcl" or len(sources) != 1 or sources[0].i != verb.head.i:
        return []
    thing = sources[0]
    if thing.dep_ == "pobj" and thing.head.lower_ == "including":
        thing = thing.head.head  # "signed five agreements, including one that ..."
    if thing.pos_ != "NOUN" or thing.dep_ != "dobj" or is_actor(thing) or is_device(thing):
        return []
    makers, passive = clauses.subjects(thing.head)
    return [] if passive else [m for m in makers if is_actor(m)]


def verb_arguments(
    entry: Entry, trigger: list[Token], is_actor: IsActor, lexicon: Lexicon
) -> tuple[list[Token], list[Token]]:
    verb = trigger[0]
    copular = _copular_predicate(verb)
    if copular is not None:
        return copular
    subjects, passive = clauses.subjects(verb)
    sources = clauses.agents(verb) if passive else subjects
    if not passive:
        sources = _maker_of_thing(verb, sources, is_actor) or sources
    if passive and not sources and _stative(verb, lexicon):
        # "Israel is opposed to the plan": a stance of the subject, not a thing done to it
        sources, subjects, passive = subjects, [], False
    if passive and not sources:
        sources = _agent_of_cause(verb, lexicon)
    if passive and not sources and verb.dep_ != "acl":
        # "the peacekeepers were pulled out": whoever moves troops is whose troops they are
        # (not "troops stationed in the north", a description)
        sources = own_forces(entry, subjects, is_actor)
        subjects = [s for s in subjects if s.i not in {f.i for f in sources}]
    tiers: list[list[Token]] = [subjects if passive else []]
    if entry.code == CLAIM_CODE:  # "claimed responsibility for an attack on X": X, else the act
        tiers.extend(_claimed_acts(trigger))
    contact = _contact_head(verb, lexicon)
    if contact is not None:  # "called his counterpart to discuss": the caller discusses
        callers, contact_passive = clauses.subjects(contact)
        sources = clauses.agents(contact) if contact_passive else callers
        tiers = [clauses.direct_objects(contact)]
    for word in reversed(trigger[1:]):  # "lash out against X", "drop out of X", "due to X"
        if word.pos_ == "ADP" or word.dep_ == "prep":
            pobjs = [c for c in children(word) if c.dep_ == "pobj"]
            pobjs += [t for c in children(word) for t in _clause_subject(c)]  # "with what X did"
            if entry.theme_object:  # "agreed to a truce in X": where the thing agreed holds
                things = [c for c in pobjs if c.lemma_.lower() in entry.objects]
                for thing in (c for c in things if _named_object(entry, c)):
                    thing_preps = clauses.prep_objects(thing)
                    _extend_aimed(tiers, thing_preps, THEME_PLACE_PREPS)
            # "agrees with Peru and Chile": each party; "called for order and peace": a thing
            tiers.append(
                [m for c in pobjs for m in (clauses.with_conjuncts(c) if is_actor(c) else [c])]
            )
    objects = clauses.direct_objects(verb)
    themes = [o for o in objects if _named_object(entry, o)]
    preps = clauses.prep_objects(verb)
    target_preps = entry.target_preps or clauses.DEFAULT_TARGET_PREPS
    if themes:  # "imposed sanctions on X", "withdrew its troops from X": X, not the thing
        target_preps = (*target_preps, *THEME_PLACE_PREPS)
        # "sent Kyiv hundreds of drones": the indirect object receives them
        tiers.append([c for c in children(verb) if c.dep_ == "dative" and c.pos_ != "ADP"])
    else:
        tiers.append(objects)
    for prep in target_preps:
        if not preps.get(prep):
            continue  # an empty tier counts for nothing
        found = _aimed(prep, preps[prep])
        if prep == "with" and objects and entry.code[:2] in _FORCE_ROOTS:
            # "attacked the town with rockets": what it was done with ("sealed its border
            # with Gondor": a name is whom)
            found = [t for t in found if t.pos_ == "PROPN"]
        tiers.append(found)
    for obj in objects:  # "cut aid to Argentina", "a curfew on Basra", "its blockade of Qatar"
        obj_preps = clauses.prep_objects(obj)
        _extend_aimed(tiers, obj_preps, target_preps)
        for thing in _amount_things(obj):  # "$5 million in aid to Haiti"
            _extend_aimed(tiers, clauses.prep_objects(thing), target_preps)
        if obj in themes:
            for placed in children(obj):  # "eased the curfew imposed in parts of X"
                if placed.dep_ == "acl" and placed.tag_ == "VBN":
                    _extend_aimed(tiers, clauses.prep_objects(placed), target_preps)
            for member in obj_preps.get("of", []):  # "shipped a unit of engineers to Chad"
                _extend_aimed(tiers, clauses.prep_objects(member), target_preps)
            tiers.append(obj_preps.get("of", []))
    usable = _usable_for(trigger)
    if themes and not any(usable(t) for t in tiers):
        # "returned a pendant engraved with a tsar's image to Russian authorities"
        tiers.append(_stray_recipient(verb, is_actor))
        # "gave 5 million euros to promote investment in Ethiopia": the place it is meant for
        given = [*themes, *(t for o in themes for t in _amount_things(o))]
        tiers.append(_purpose_place(verb, is_actor, given))
        tiers.append(objects)  # "Russia deployed tanks": nothing else to aim at
    named = {w.i for w in trigger[1:]}
    # "hailed X's decision to reappoint Y": the verb's own argument, which an actor owns, is
    # aimed at before an actor of a clause the entry does not name
    owned = any(
        is_actor(t) or owner(t, is_actor) is not None for tier in tiers for t in usable(tier)
    )
    # "threatened to shell X", "offered to send troops to X"
    for clause in _complements(verb, trigger):
        clause_tiers: list[list[Token]] = []
        clause_preps = clauses.prep_objects(clause)
        inner = clauses.direct_objects(clause)
        # "offered to send troops to distribute aid in Somalia": the troops are what is sent
        moved = [o for o in inner if o.pos_ not in ("PROPN", "PRON") and _moves(clause, lexicon)]
        _extend_aimed(
            clause_tiers,
            clause_preps,
            (*clauses.DEFAULT_TARGET_PREPS, *(THEME_PLACE_PREPS if moved else ())),
        )
        if not moved:
            clause_tiers.append(inner)
        for obj in inner:  # "agreed to lift sanctions against X"
            obj_preps = clauses.prep_objects(obj)
            clause_tiers.extend(
                obj_preps[prep] for prep in clauses.DEFAULT_TARGET_PREPS if obj_preps.get(prep)
            )
        if moved:
            clause_tiers.append(_purpose_place(clause, is_actor))
            clause_tiers.append(moved)
        if clause.i not in named and owned:
            continue
        if clause.i not in named:  # a clause the entry does not name: only its actors
            clause_tiers = [
                [t for t in tier if is_actor(t) or owner(t, is_actor) is not None]
                for tier in clause_tiers
            ]
        tiers.extend(clause_tiers)
    speech = entry.code[:2] in SPEECH_ACT_ROOTS
    # "issued an ultimatum to X, warning that Y would ...": an addressee named, the clause's
    # subject is what is said, not whom it is said to
    if (speech and not _addressees(verb, objects)) or entry.code.startswith(STANCE_CODES):
        for head in trigger:
            tiers.append(clauses.complement_subjects(head))
    if entry.code[:2] == "01":  # "said it is skeptical about the plan": what the stance is about
        tiers.append(_stance_topic(verb))
    if not any(usable(t) for t in tiers):  # where the clause names no one
        if entry.code[:2] in SPEECH_ACT_ROOTS:
            tiers.append(_for_subjects(verb))  # "called for Britain to stay"
        tiers.append(_served_recipient(verb, is_actor))  # "gave rifles to X to help in ..."
        tiers.append(_role_of(verb, is_actor))  # "resigned as president of X"
        if entry.code[:2] == REJECT_ROOT:  # "declined to resign despite X's request"
            tiers.append(_requester(verb, is_actor))
    if entry.code in TOPIC_CODES:  # "declined to comment on the report": a topic
        tiers = [[t for t in tier if is_actor(t)] for tier in tiers]
    if entry.code[:2] < "14":  # "said at a news conference in Brussels": where, not whom
        tiers = [[t for t in tier if not _venue(t)] for tier in tiers]
    targets = _pick([usable(t) for t in tiers], is_actor)
    sources = usable(sources)
    if entry.swap:
        sources, targets = targets, sources
    return sources, targets


def _partakes(verb: Token) -> bool:
    """ "participate in", "engage in", "take part in": the subject does what the "in"-phrase
    names."""
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    return lemma in ("participate", "engage") or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in children(verb))
    )


def lending_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb lending its subject to the noun's event: "held talks", "undertook a
    mediation mission" (the event noun modifies the object), "began a new round of talks"
    (a noun that counts events), "the exercise was staged by X" (its passive's agent)."""
    if noun.dep_ == "compound" and noun.head.dep_ in ("dobj", "obj") and noun.head.i > noun.i:
        noun = noun.head
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in lexicon.series_nouns
    ):
        noun = noun.head.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.i != noun.head.i:
        verb = noun.head.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and _partakes(noun.head.head):
        return noun.head.head  # "troops participate in peacekeeping operations"
    else:
        return None
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.light_verbs else None


def _traveller(noun: Token, entry: Entry, lexicon: Lexicon) -> list[Token]:
    """Who goes somewhere for the event the noun names, or meets during it: "left for Lisbon
    for talks with X", "arrived in Oslo for a summit" (the subject of a travel verb whose
    "for"-phrase it is), "met X during a visit to Y" (a consultation during which the
    subject acts)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.i == prep.i:
        return []
    verb = prep.head
    if verb.pos_ != "VERB":
        return []
    travel = prep.lower_ == "for" and verb.lemma_.lower() in lexicon.travel_verbs
    # "during talks with X"; "on" only for a journey ("on a visit to X", not "commented on
    # talks between X and Y")
    during = entry.code.startswith("04") and (
        prep.lower_ == "during" or (prep.lower_ == "on" and entry.code.startswith("042"))
    )
    if not (travel or during):
        return []
    subjects, passive = clauses.subjects(verb)
    return [] if passive else subjects


def _mission_place(noun: Token, lexicon: Lexicon) -> list[Token]:
    """Where a force that travels for a mission serves: "arrived in Juba for a peacekeeping
    mission", "landed in Bamako to join the mission there" (the place the travel verb names)."""
    head = noun.head
    for_phrase = noun.dep_ == "pobj" and head.lower_ == "for"
    joined = noun.dep_ in ("dobj", "obj") and head.lemma_.lower() == "join" and head.dep_ == "advcl"
    if not (for_phrase or joined):
        return []
    verb = head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.travel_verbs:
        return []
    table = clauses.prep_objects(verb)
    return [o for p in ("in", "to", "into") for o in table.get(p, [])]


def speaker_of(clause: Token) -> list[Token]:
    """Who says the clause: the subject of the verb it complements ("X said it was Y's fault")."""
    if clause.dep_ == "ccomp" and clause.head.i != clause.i:
        return clauses.subjects(clause.head)[0]
    return []


# Prepositions after an event noun that name its target, so that a possessor is its doer.
_AIMED_PREPS = ("of", "on", "upon", "against")


def noun_arguments(
    entry: Entry, trigger: list[Token], lexicon: Lexicon, is_actor: IsActor
) -> tuple[list[Token], list[Token]]:
    noun = trigger[0]
    own = trigger
    preps = clauses.prep_objects(noun)
    for name in children(noun):  # "an operation, Operation Dawn, against militants"
        if name.dep_ == "appos" and name.pos_ == "PROPN":
            for prep, objs in clauses.prep_objects(name).items():
                preps.setdefault(prep, objs)
    source_tiers: list[list[Token]] = [preps.get("by", [])]
    target_preps = entry.target_preps or NOUN_TARGET_PREPS
    forces = own_forces(entry, preps.get("of", []), is_actor)
    if forces:  # "the withdrawal of Russian troops from X": the troops' own act, aimed at X
        target_preps = (*(p for p in target_preps if p != "of"), *THEME_PLACE_PREPS)
    target_tiers: list[list[Token]] = [preps.get(p, []) for p in target_preps]
    for word in trigger[1:]:  # "a note of protest to Tbilisi": the phrase's last word's "to"
        if word.pos_ == "NOUN":
            inner = clauses.prep_objects(word)
            target_tiers.extend(inner.get(p, []) for p in entry.target_preps or NOUN_TARGET_PREPS)
    if noun.dep_ in ("attr", "acomp") and noun.head.lemma_ == "be":
        # "... is not the fault of the United States", said X: the speaker judges.
        source_tiers.append(speaker_of(noun.head))
        target_tiers.append(clauses.subjects(noun.head)[0])
    # "Zambada's arrest": the possessor suffers; "Denmark's deportation of refugees": it acts.
    # "their assault on the city": a possessor beside an aimed-at phrase does the act.
    patient_possessor = entry.possessor == "target" or (
        entry.possessor == "auto"
        and entry.code.startswith(PATIENT_NOUN_CODES)
        and not any(p in preps for p in _AIMED_PREPS)
    )
    for child in children(noun):
        if child.dep_ == "poss":
            (target_tiers if patient_possessor else source_tiers).append([child])
        elif child.dep_ in ("amod", "compound") and child.pos_ in ("ADJ", "PROPN"):
            # "Israeli strikes", "Hamas attacks" — not "military confrontation"
            if child.ent_type_ in ("NORP", "GPE", "ORG"):
                source_tiers.append([child])
        elif child.dep_ == "compound" and child.pos_ == "NOUN" and is_actor(child):
            source_tiers.append([child])  # "police firing", "army shelling"
    source_tiers.append(attributed(noun))  # "an attack blamed on X", "a raid carried out by X"
    for child in children(noun):  # "a diplomatic note expressing surprise at Salazar's comments"
        if child.dep_ == "acl" and child.pos_ == "VERB" and not _attributing(child):
            words = [*clauses.direct_objects(child)]
            for objs in clauses.prep_objects(child).values():
                words.extend(objs)
            # only actors, or things actors own: not "a note setting out the dates"
            target_tiers.append([w for w in words if is_actor(w) or owner(w, is_actor) is not None])
            # "a mediation effort to end the dispute between X and Y": the parties
            target_tiers.append(_parties_between(clauses.direct_objects(child), is_actor))
    if entry.code[:2] in SPEECH_ACT_ROOTS:  # "its demand that the US ease sanctions"
        target_tiers.append(clauses.complement_subjects(noun))
    if entry.code == PEACEKEEPING_CODE:  # "arrived in Juba for a peacekeeping mission"
        target_tiers.append(_mission_place(noun, lexicon))
    verb = lending_verb(noun, lexicon)
    if verb is not None:
        subj, passive = clauses.subjects(verb)
        source_tiers.append(clauses.agents(verb) if passive else subj)
        if noun.dep_ in ("dobj", "obj"):
            verb_preps = clauses.prep_objects(verb)
            target_tiers.extend(
                verb_preps.get(p, []) for p in entry.target_preps or clauses.DEFAULT_TARGET_PREPS
            )
            target_tiers.append([c for c in children(verb) if c.dep_ == "dative"])
    traveller = _traveller(noun, entry, lexicon)
    if traveller:  # "the mayor left for Lisbon for talks with X": the mayor's talks
        source_tiers.append(traveller)
    source_tiers.append(forces)  # after a possessor or a light verb's subject
    sources = _pick([_usable(t, own) for t in source_tiers], is_actor)
    targets = _pick([_usable(t, own) for t in target_tiers], is_actor)
    if entry.swap:
        sources, targets = targets, sources
    return sources, targets


def _parties_between(things: list[Token], is_actor: IsActor) -> list[Token]:
    """The actors a "between"-phrase of the things names ("the dispute between X and Y")."""
    for thing in things:
        if is_actor(thing):
            continue
        for party in clauses.prep_objects(thing).get("between", []):
            if is_actor(party):
                return clauses.with_conjuncts(party)
    return []


def clause_speaker(token: Token) -> list[Token]:
    """The speaker of the reported clause the token stands in ("X said Y must withdraw")."""
    clause = token
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    return speaker_of(clause)
