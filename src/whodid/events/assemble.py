"""Turn a coder candidate into an Event: actors resolved, ontology filled, confidence scored."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc, Token

from whodid.events import clauses
from whodid.events.arguments import owner, recipient, stance_clause
from whodid.events.coder import Candidate
from whodid.events.modes import event_mode, is_device
from whodid.nlp.tree import children, lefts, rights
from whodid.ontology import acled_for, cameo_info, plover_for
from whodid.records import Actor, Event, Span
from whodid.text.doctext import doc_text


class ActorResolver(Protocol):
    def resolve(self, token: Token) -> Actor | None: ...

    def is_actor(self, token: Token) -> bool: ...


def _argument(
    token: Token, actors: ActorResolver, *, target: bool = False, source: Actor | None = None
) -> Actor | None:
    """The argument's phrase, coded as its owner where it is a thing an actor owns:
    "the Croatian government's request" is the request's span with the government's code.
    A target that is a thing aimed at an actor is that actor ("a ban imposed on X" -> X), unless
    that actor is the source ("released two hostages held by them": the hostages)."""
    actor = actors.resolve(token)
    if target and (actor is None or actor.code is None):
        place = _place_of_thing(token, actors)
        if place is not None:  # "help with the stabilisation of the situation in Haiti"
            return place
    if actor is not None and actor.code is not None:
        author = _author(token, actors) if target else None
        if author is None:
            return actor
        # "condemned an attack by X in Y": X made the act aimed at, not the place it was in
        return replace(author, start=actor.start, end=actor.end, text=actor.text)
    if target:
        put = _put_forward(token, actors)
        if put is not None:  # "rejected a request from X": the request, X's
            return put
        aimed = recipient(token, actors.is_actor)
        found = actors.resolve(aimed) if aimed is not None else None
        if found is not None and found.code is not None and not _same(found, source):
            return _acronym(_whole_phrase(found, aimed), aimed) if aimed is not None else found
    holder = owner(token, actors.is_actor)
    coded = actors.resolve(holder) if holder is not None else None
    if coded is None or coded.code is None:
        return actor
    if actor is None:  # "succumbed to the police firing": the owner, in the phrase's span
        start = token.left_edge.idx
        end = token.idx + len(token.text)
        return replace(coded, start=start, end=end, text=doc_text(token.doc)[start:end])
    return replace(coded, start=actor.start, end=actor.end, text=actor.text)


# Things an actor puts forward for others to take up or turn down. Their author's "from"/"by"
# phrase stays inside the target ("turned down an offer from X"), unlike demands, charges and
# pressure, which are aimed at the source, so their author is the target ("rejected charges by
# X").
_PUT_FORWARD = frozenset(
    {"request", "offer", "proposal", "plan", "initiative", "support", "reform"}
)


def _put_forward(token: Token, actors: ActorResolver) -> Actor | None:
    """A proposal, offer or request with its coded author's "from"/"by" phrase ("a request from
    X", "the proposal submitted by X and Y"): the whole phrase, coded as the author."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _PUT_FORWARD or actors.is_actor(token):
        return None
    table = clauses.prep_objects(token)
    authors = [(o, token) for p in ("from", "by") for o in table.get(p, [])]
    for acl in children(token):  # "the proposal submitted by X on Monday"
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            authors.extend((o, acl) for o in clauses.prep_objects(acl).get("by", []))
    for author, head in authors:
        found = actors.resolve(author)
        if found is None or found.code is None or not actors.is_actor(author):
            continue
        doc = token.doc
        start = token.left_edge.idx
        # the noun's own "from" phrase: _whole_phrase extends the span through it later
        last = token if head is token else _participle_end(head)
        end = last.idx + len(last.text)
        return replace(found, start=start, end=end, text=doc_text(doc)[start:end])
    return None


def _participle_end(participle: Token) -> Token:
    """The last token of a participle phrase, up to a comma and without a trailing date."""
    doc = participle.doc
    words = doc[participle.i : participle.right_edge.i + 1]
    comma = next((t for t in words if t.text in (",", ";")), None)
    stop = comma.i - 1 if comma is not None else participle.right_edge.i
    while stop > participle.i and (
        doc[stop].ent_type_ in ("DATE", "TIME")
        or doc[stop].is_punct
        or (doc[stop].pos_ == "ADP" and doc[stop + 1].ent_type_ in ("DATE", "TIME"))
    ):
        stop -= 1
    return doc[stop]


def _author(token: Token, actors: ActorResolver) -> Actor | None:
    """The coded "by"-agent of a thing that is no actor itself ("an attack by X in Y")."""
    if token.pos_ != "NOUN" or actors.is_actor(token):
        return None
    for by in clauses.prep_objects(token).get("by", []):
        found = actors.resolve(by)
        if found is not None and found.code is not None and actors.is_actor(by):
            return found
    return None


_PLACE_PATH = frozenset({"in", "of", "to", "inside", "throughout", "across"})
# Nouns that name a place of their own ("parts of Kashmir", "the disputed territory of X").
_PLACE_NOUNS = frozenset(
    """
    part area territory region province district state city town village zone border
    country nation capital island coast side outskirt stronghold camp port base
    """.split()
)


def _place_of_thing(token: Token, actors: ActorResolver) -> Actor | None:
    """The named place a thing aimed at is about, when the thing is no actor of its own and
    nobody owns it: "the stabilisation of the situation in Haiti", "assistance in northern
    Iraq" (a place in its phrase, through at most three prepositions)."""
    if token.pos_ != "NOUN" or actors.is_actor(token) or token.lemma_.lower() in _PLACE_NOUNS:
        return None
    if any(c.dep_ == "poss" for c in children(token)):
        return None
    frontier = [token]
    for _ in range(3):
        nxt: list[Token] = []
        for noun in frontier:
            for prep in rights(noun):
                if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PATH:
                    continue
                for obj in children(prep):
                    if obj.dep_ != "pobj":
                        continue
                    if obj.ent_type_ in ("GPE", "LOC") and actors.is_actor(obj):
                        found = actors.resolve(obj)
                        if found is not None and found.code is not None:
                            return _whole_phrase(found, obj)
                    nxt.append(obj)
        frontier = nxt
    return None


def _same(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) == (b.start, b.end)


_PHRASE_END_DEPS = frozenset({"punct", "cc"})
# Envoys: a place after them says where they are posted, not whom they stand for.
_POSTED = frozenset(
    {"ambassador", "envoy", "diplomat", "consul", "attache", "affaires", "d'affaires", "d’affaires"}
)


# Things said or put forward: "the Gondor government offer of a truce" ends with "offer".
_PROPOSALS = frozenset(
    """
    demand request call appeal plea proposal offer plan initiative warning ultimatum
    """.split()
)


def _owned_thing(head: Token, actors: ActorResolver) -> bool:
    """ "rejected Gondor's offer on trade", "defended Arnor's strategy in the north": a thing
    coded by its possessor ends with its head, as the gold reads it; so does a proposal its
    author's name modifies ("rejected an Arnor government offer of talks", "U.S. calls for a
    truce")."""
    if actors.is_actor(head):
        return False
    if head.lemma_.lower() in _PROPOSALS:
        return owner(head, actors.is_actor) is not None and not any(
            c.dep_ == "prep" and c.lower_ in ("by", "from") for c in children(head)
        )
    return any(c.dep_ == "poss" and actors.is_actor(c) for c in children(head))


def _clause_place(prep: Token) -> bool:
    """An "in"-phrase of the verb naming a place right after its object: the gold reads it as
    the object's ("dozens of protesters in Yerevan", "the police in Camarines Norte"; a name
    the tagger did not read as a place too)."""
    return (
        prep.lower_ == "in"
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("VERB", "AUX", "NOUN")
        and any(
            c.dep_ == "pobj"
            and (c.ent_type_ in ("GPE", "LOC") or (c.pos_ == "PROPN" and c.ent_type_ in _PLACELIKE))
            for c in children(prep)
        )
    )


_PLACELIKE = frozenset({"", "PERSON", "FAC"})


def _spread(prep: Token) -> bool:
    """An "across"-phrase of the verb right after its object says where the object is found,
    as the gold reads it: "attacked fighters across the border", "hacked 140 firms across 20
    industries"."""
    return (
        prep.lower_ == "across"
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "pobj" for c in children(prep))
    )


def _without_conjuncts(prep: Token) -> Token:
    """The last token of a prepositional phrase, less what is coordinated with its object
    ("flood victims in Malawi | and refugees in the north")."""
    last = prep.right_edge
    for obj in children(prep):
        if obj.dep_ == "pobj":
            last = obj
            for child in rights(obj):
                if child.dep_ in ("conj", "cc", "punct", "appos", "relcl", "acl"):
                    break
                last = child.right_edge
    return last


def _ending(actor: Actor, end: int, doc: Doc) -> Actor:
    """``actor`` with its span ending at character ``end`` of ``doc``."""
    return replace(actor, end=end, text=doc_text(doc)[actor.start : end])


def _whole_phrase(actor: Actor, head: Token) -> Actor:
    """The argument's whole noun phrase, modifiers after the head included ("a military base in
    northeast Nigeria", "a request from The New York Times"), when the actor is the head's own
    phrase and not an owner or recipient found inside it."""
    if not (actor.start <= head.idx < actor.end):
        return actor
    # "met Hariri in Washington", "the ambassador in Berlin": where they are, not who they are
    located = head.ent_type_ == "PERSON" or head.lemma_.lower() in _POSTED
    doc = head.doc
    last = head
    for child in rights(head):
        if child.dep_ != "prep" or any(t.is_punct and t.text != "-" for t in doc[last.i : child.i]):
            break  # relative clauses, infinitives, appositions and comma-led parts stay out
        if located and child.lower_ != "of":
            break
        if child.lower_ == "as":
            break  # "held families as human shields": what they are made, not who they are
        last = child.right_edge
        clause = _thing_clause(child)
        if clause is not None:  # "a ban on imports of beef | that was imposed in 1996"
            last = doc[clause.left_edge.i - 1]
            break
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    while after is not None and not located and (_clause_place(after) or _spread(after)):
        last = _without_conjuncts(after)  # "detained dozens of protesters in Yerevan"
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    comma = next((t for t in doc[head.i + 1 : last.i + 1] if t.text in (",", ";", "(")), None)
    if comma is not None:
        last = doc[comma.i - 1]
    while last.i > head.i and (
        last.dep_ in _PHRASE_END_DEPS
        or last.is_punct
        or last.ent_type_ in ("DATE", "TIME")  # "... in Madhya Pradesh on Tuesday": no date
        or (
            last.pos_ == "ADP"
            and last.i + 1 < len(doc)
            and doc[last.i + 1].ent_type_ in ("DATE", "TIME")
        )
    ):
        last = doc[last.i - 1]
    end = last.idx + len(last.text)
    if end <= actor.end:
        return actor
    return _ending(actor, end, doc)


def _thing_clause(prep: Token) -> Token | None:
    """A "that"/"which" relative clause inside a prepositional phrase, which the gold leaves
    out of the span ("a unit of the company | that was accused of ..."); one about people
    ("the families of those who died") stays."""
    for token in prep.subtree:
        if token.dep_ != "relcl" or token.left_edge.i <= prep.i:
            continue
        if any(c.lower_ in ("that", "which") for c in lefts(token)):
            return token
    return None


def _last_token(actor: Actor, head: Token) -> Token | None:
    """The token the actor's span ends with, if the span ends at a token's end."""
    doc = head.doc
    for tok in doc[head.i : min(len(doc), head.i + 40)]:
        end = tok.idx + len(tok.text)
        if end == actor.end:
            return tok
        if end > actor.end:
            return None
    return None


def _ended(actor: Actor, stop: Token) -> Actor:
    """The actor's span cut before ``stop`` ("the army | of mass killings")."""
    if not (actor.start < stop.idx < actor.end):
        return actor
    doc = stop.doc
    last = doc[stop.i - 1]
    while last.i > 0 and (last.is_punct or last.dep_ == "cc") and last.idx > actor.start:
        last = doc[last.i - 1]
    end = last.idx + len(last.text)
    if end <= actor.start:
        return actor
    return _ending(actor, end, doc)


def _sentence_stop(actor: Actor | None, sentence: Span) -> Actor | None:
    """An abbreviation that ends the sentence lends its period to the sentence ("sanctions
    on the U.K."): the actor's span stops before it."""
    if actor is None or not actor.text.endswith(".") or len(actor.text) < 2:
        return actor
    if actor.end != sentence.start + len(sentence.text.rstrip()):
        return actor
    return replace(actor, end=actor.end - 1, text=actor.text[:-1])


def _acronym(actor: Actor, head: Token) -> Actor:
    """The parenthesised acronym that closes an argument's name: "the Central African Republic
    (CAR)" (a parenthesis the parse hung elsewhere), "the Students Islamic Movement of India
    (SIMI)"."""
    if not (actor.start <= head.idx < actor.end):
        return actor
    doc = head.doc
    # only a parenthesis right after the span can close it (cheap test before the token walk)
    if not doc_text(doc)[actor.end : actor.end + 40].lstrip().startswith(("(", ")")):
        return actor
    last = _last_token(actor, head)
    if last is None:
        return actor
    nxt = last.i + 1
    if nxt < len(doc) and doc[nxt].text == ")" and actor.text.count("(") > actor.text.count(")"):
        last = doc[nxt]
    elif (
        nxt + 2 < len(doc)
        and doc[nxt].text == "("
        and doc[nxt + 2].text == ")"
        and doc[nxt + 1].is_upper
    ):
        last = doc[nxt + 2]
    else:
        return actor
    end = last.idx + len(last.text)
    return _ending(actor, end, doc)


# A multinational mission or force: what it is sent to or joined for is where it serves.
_MISSIONS = frozenset({"mission", "operation", "force"})


def _mission_place(actor: Actor, head: Token, actors: ActorResolver) -> Actor | None:
    """ "deployed troops to the UN peacekeeping mission in Mali", "contributed to the NATO-led
    force in Afghanistan": the country the mission serves is the target. A national force
    ("Ukrainian forces in the Crimea") stays itself."""
    if head.lemma_.lower() not in _MISSIONS or (actor.code and not actor.code.startswith("IGO")):
        return None
    for place in clauses.prep_objects(head).get("in", []):
        found = actors.resolve(place)
        if found is not None and found.code is not None:
            return found
    return None


def trigger_span(tokens: list[Token]) -> Span:
    """The head and the phrase words next to it ("lashed out against", "air strikes"); words
    further off ("donated $5 million to") stay out, so the span is only what names the event."""
    head = tokens[0]
    used = {t.i for t in tokens}
    first = last = head.i
    while first - 1 in used:
        first -= 1
    while last + 1 in used:
        last += 1
    doc = head.doc
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    return Span(start, end, doc_text(doc)[start:end])


_EMBEDDED_DEPS = frozenset({"amod", "acl", "relcl", "compound", "npadvmod"})


def _purpose(token: Token) -> bool:
    """ "marched to demand reforms": the infinitive states a purpose, not the main act."""
    return (
        token.dep_ in ("advcl", "xcomp")
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in children(token))
        and token.head.lemma_.lower()
        not in ("agree", "decide", "vow", "pledge", "promise", "offer")
    )


def _participle_adjunct(token: Token) -> bool:
    """ "rioted, setting fire to mattresses", "marched, calling for independence": a participle
    clause with no subject of its own elaborates the main act ("..., killing five and wounding
    twenty": its conjuncts too)."""
    if token.dep_ == "conj" and token.tag_ == "VBG" and token.head.i < token.i:
        token = token.head
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.i > token.head.i
        and not any(ch.dep_ in ("nsubj", "nsubjpass", "mark") for ch in children(token))
    )


_SUBORDINATORS = frozenset(
    {"as", "while", "when", "after", "before", "since", "because", "until", "if", "unless"}
)


def _subordinate(token: Token) -> bool:
    """ "resigned as the opposition threatened to storm ...": a clause introduced by a
    subordinating word sets the scene for the main clause's act."""
    return token.dep_ == "advcl" and any(
        ch.dep_ == "mark" and ch.lower_ in _SUBORDINATORS for ch in children(token)
    )


def _acled_context(c: Candidate, evidence: Span) -> str:
    """The words ACLED's finer types hang on: the weapon, the crowd, the base — anywhere in the
    trigger's sentence ("wounded in a grenade attack", "seized rifles and ammunition")."""
    return f"{' '.join(t.text for t in c.trigger)} {evidence.text}"


def confidence(c: Candidate, source: Actor | None, target: Actor | None) -> float:
    """A score that rises with the evidence the parse gives for the event.

    It is a hand-set additive score, not a probability: its job is to rank (a filter at 0.5
    keeps events whose actors are known and whose trigger is specific).
    """
    score = 0.45
    if source is not None and source.text:
        score += 0.15 if source.code else 0.05
    elif source is not None:
        score -= 0.05  # an implied actor
    else:
        score -= 0.15
    if target is not None:
        score += 0.1 if target.code else 0.03
    if c.specific:
        score += 0.1
    if c.nominal and not c.lent:
        score -= 0.1  # an event noun on its own; "held talks", "staged protests" are main events
    if c.head.dep_ in _EMBEDDED_DEPS or _purpose(c.head):
        score -= 0.1  # "the Russia-backed rebels", "a program to train police": background
    elif _participle_adjunct(c.head):
        score -= 0.15  # "demonstrated in Kirkuk, calling for independence": an elaboration
    elif _subordinate(c.head):
        score -= 0.1  # "X resigned as the opposition threatened to ...": the circumstance
    elif c.head.dep_ == "ROOT":
        score += 0.05
    if (c.code or c.entry.code) == "010":
        score -= 0.15
    if c.converse:
        score -= 0.15  # "A met B" read from B's side ranks below the act as told
    if c.hypothetical:
        score *= 0.8
    if c.negated:
        score *= 0.6
    return max(0.05, min(0.95, score))


# Consultation and diplomatic or material cooperation: coordinated subjects act together.
_JOINT_ROOTS = frozenset({"04", "05", "06"})


def _first_conjunct(actor: Actor, head: Token) -> Actor:
    """ "Mexico and Canada lifted tariffs": each coordinated subject acts on its own, so the
    source is the first conjunct's own phrase; "both X and Y" acts together and stays whole."""
    conj = next((ch for ch in children(head) if ch.dep_ == "conj"), None)
    if (
        conj is None
        or conj.pos_ != "PROPN"  # "the army and allied forces": one force
        or any(ch.dep_ == "preconj" for ch in children(head))
    ):
        return actor
    doc = head.doc
    last = conj.left_edge.i - 1
    while last > head.i and (doc[last].dep_ == "cc" or doc[last].is_punct):
        last -= 1
    end = doc[last].idx + len(doc[last].text)
    if not (actor.start < end < actor.end) or conj.idx >= actor.end:
        return actor
    return _ending(actor, end, doc)


def _partner(head: Token, source: Actor) -> Token | None:
    """The other party of a coordinated source phrase ("Peru and Chile", "the Russian and US
    navies"), when the phrase's span holds it."""
    for tok in (head, *(ch for ch in children(head) if ch.dep_ in ("compound", "amod"))):
        conj = next((ch for ch in children(tok) if ch.dep_ == "conj"), None)
        if conj is not None and source.start <= conj.idx < source.end:
            return conj
    if head.dep_ == "conj" and source.start <= head.head.idx < source.end:
        return head.head
    return None


def _member_i(member: Token | None) -> int:
    return member.i if member is not None else -1


def _topic(token: Token | None) -> bool:
    """A thing a joint act is about, not a party to it: "reached a deal on the border"."""
    return (
        token is not None
        and token.dep_ == "pobj"
        and token.head.lower_ in ("on", "over", "about", "regarding")
        and token.head.head.pos_ == "NOUN"
    )


def _each_other(
    c: Candidate, source: Actor | None, target: Actor | None, actors: ActorResolver
) -> Actor | None:
    """The target of a joint act by coordinated parties: the other party, named by the joint
    phrase, which stands for both roles while each party keeps its own code ("Peru and Chile
    signed a treaty", "Peru and Chile failed to reach agreement on X": Chile, as "Peru and
    Chile"). None when the source is no such phrase or the act has a coded target of its own."""
    if source is None or c.source is None:
        return None
    if (
        target is not None
        and c.target is not None
        and (c.target.i != c.source.i or _member_i(c.target_member) != _member_i(c.source_member))
        and source.start <= target.start
        and target.end <= source.end
    ):
        party: Actor = target  # the coder paired the conjuncts
    elif target is None or not target.code or _topic(c.target):
        partner = _partner(c.source, source)
        if partner is None:
            return None
        party = actors.resolve(partner) or Actor(source.start, source.end, source.text)
    else:
        return None
    return replace(party, start=source.start, end=source.end, text=source.text)


def _as_member(
    actor: Actor | None, role: Token, member: Token, actors: ActorResolver
) -> Actor | None:
    """A role shared by listed names, as held for one of them: "the ambassadors of Peru, Chile
    and Bolivia" coded for Chile is Chile's ambassadors (the role's code with Chile's country
    in front; the span stays the role's). The role's own code must name no country or the
    country of one of the listed names."""
    if actor is None or not actor.code:
        return actor
    named = actors.resolve(member)
    if named is None or not named.code or named.code != named.country:
        return actor
    if named.country == actor.country:
        return actor
    prefix = actor.code[:3]
    if prefix != "---":
        listed = {
            found.code
            for m in clauses.role_members(role)
            if (found := actors.resolve(m)) is not None and found.code
        }
        prefix = next((code for code in listed if actor.code.startswith(code)), "")
        if not prefix:
            return actor
    code = named.code + actor.code[len(prefix) :]
    return replace(actor, code=code, country=named.country, name=None)


def _all_members(actor: Actor, role: Token) -> Actor:
    """The span of a role shared by listed names, to its last name: "The armies of Peru and
    Chile" (one joint party phrase, as coordinated subjects of a joint act are)."""
    members = clauses.role_members(role)
    if not members:
        return actor
    last = members[-1]
    end = last.idx + len(last.text)
    if end <= actor.end or actor.start > role.idx:
        return actor
    return _ending(actor, end, role.doc)


def _joint_parties(actor: Actor, head: Token) -> Actor:
    """Coordinated "by"-agents or "between"-parties of a joint act are one party phrase, as
    coordinated subjects are: "the drill was staged by Chilean marines and Peruvian forces",
    "talks between Peru and Chile"."""
    if (
        head.dep_ != "pobj"
        or not (head.head.dep_ == "agent" or head.head.lower_ == "between")
        or actor.start > head.idx
    ):
        return actor
    conjuncts = [c for c in head.conjuncts if c.i > head.i and c.pos_ in ("NOUN", "PROPN")]
    if not conjuncts:
        return actor
    last = max(t.i for t in conjuncts[-1].subtree if t.dep_ != "punct")
    tok = head.doc[last]
    end = tok.idx + len(tok.text)
    if end <= actor.end:
        return actor
    return _ending(actor, end, head.doc)


# Modifiers that may scope over a coordination: "a Cuban doctor and nurse", "40 politicians".
_SHARED_MODIFIERS = frozenset({"amod", "compound", "nummod", "quantmod"})


def _shared_modifiers(actor: Actor, head: Token) -> Actor:
    """ "freed a Canadian engineer and pilot", "aid to the Syrian people and organisations": a
    bare common noun coordinated with a modified one shares its modifiers, so the two are one
    group and one span ("the soldiers and policemen", with a determiner only, stay two)."""
    if head.pos_ != "NOUN" or actor.start > head.idx or actor.end < head.idx + len(head.text):
        return actor
    if not any(c.dep_ in _SHARED_MODIFIERS for c in lefts(head)):
        return actor
    conj = next((c for c in rights(head) if c.dep_ == "conj"), None)
    if conj is None or conj.pos_ != "NOUN" or any(True for _ in lefts(conj)):
        return actor
    if not any(c.dep_ == "cc" and c.i == conj.i - 1 for c in children(head)):
        return actor  # "politicians, activists and ...": a list, each its own
    doc = head.doc
    last = conj
    after = [c for c in rights(head) if c.i > conj.i]  # the parser may hang it on either
    for child in (*rights(conj), *after):
        if child.dep_ != "prep" or child.lower_ != "of" or child.i != last.i + 1:
            break
        last = child.right_edge  # "executives and suppliers of the company"
    comma = next((t for t in doc[conj.i : last.i + 1] if t.is_punct and t.text != "-"), None)
    if comma is not None:  # "suppliers of the company, a maker of engines": no apposition
        last = doc[comma.i - 1]
    end = last.idx + len(last.text)
    return _ending(actor, end, doc) if end > actor.end else actor


def _own_forces_country(c: Candidate, source: Actor | None, target: Actor | None) -> Actor | None:
    """ "Mexico pledged to deploy armed forces": forces an own-forces entry moves, named with no
    country, are the source's."""
    if (
        not c.entry.own_forces
        or source is None
        or not source.country
        or target is None
        or not target.code
        or not target.code.startswith("---")
        or c.target is None
        or c.target.lemma_.lower() not in c.entry.objects
    ):
        return target
    return replace(target, code=source.country + target.code[3:], country=source.country)


def build_event(c: Candidate, *, sentence: int, evidence: Span, actors: ActorResolver) -> Event:
    # the converse's source was the act's target: read it the same way ("talks with X")
    source = _argument(c.source, actors, target=c.converse) if c.source is not None else None
    if c.source is not None and c.source_member is not None:
        source = _as_member(source, c.source, c.source_member, actors)
    joint = c.mutual or c.entry.code[:2] in _JOINT_ROOTS or c.code[:2] in _JOINT_ROOTS
    if source is not None and c.source is not None and not joint:
        source = _first_conjunct(source, c.source)
    if source is not None and c.source is not None and joint:
        if c.source_member is not None:
            source = _all_members(source, c.source)  # "the armies of Peru and Chile" act together
        else:
            source = _joint_parties(source, c.source)
    if source is not None and c.source is not None:
        source = _acronym(source, c.source)
    if source is None and c.entry.implicit_source and not c.negated:
        # "were arrested": the text names no one, but only police arrest; an empty span says so.
        at = c.head.idx
        sector = c.entry.implicit_source
        implied = getattr(actors, "implied_country", None)  # "arrested in Lebanon": Lebanon's
        country = implied(c.head, sector) if implied is not None else None
        source = Actor(
            at, at, "", code=f"{country or '---'}{sector}", sector=sector, country=country
        )
    if source is not None and c.source is not None and not source.code and is_device(c.source):
        # "a roadside bomb killed two soldiers": an unidentified armed actor, of the country
        # where it went off
        where = getattr(actors, "where_country", None)
        country = where(c.source, c.head) if where is not None else None
        if country is not None:
            source = replace(source, code=f"{country}UAF", sector="UAF", country=country)
    target = (
        _argument(c.target, actors, target=True, source=source) if c.target is not None else None
    )
    if target is not None and c.target is not None:
        target = _mission_place(target, c.target, actors) or (
            target
            if _owned_thing(c.target, actors)
            else _acronym(_whole_phrase(target, c.target), c.target)
        )
        if c.target_member is not None:
            target = _as_member(target, c.target, c.target_member, actors)
        else:
            target = _shared_modifiers(target, c.target)
    if target is not None and c.target is not None and c.target_stop is not None:
        target = _ended(target, c.target.doc[c.target_stop])
    target = _own_forces_country(c, source, target)
    source, target = _sentence_stop(source, evidence), _sentence_stop(target, evidence)
    each_other = _each_other(c, source, target, actors) if joint else None
    if each_other is not None:
        target = each_other
    elif (
        source is not None
        and target is not None
        and source.start <= target.start
        and target.end <= source.end
        and (not joint or (source.start, source.end) == (target.start, target.end))
    ):
        target = None  # "the Committee for the Protection of Journalists asked": its own words
    info = cameo_info(c.code or c.entry.code)
    plover_type, plover_mode = plover_for(info.code)
    mode = event_mode(
        c.entry, plover_type, plover_mode, trigger=c.trigger, source=c.source, target=c.target
    )
    trigger = trigger_span(c.trigger)
    acled = acled_for(
        cameo=info.code,
        plover_type=plover_type,
        plover_mode=mode,
        source_sector=source.sector if source else None,
        target_sector=target.sector if target else None,
        trigger=_acled_context(c, evidence),
    )
    return Event(
        sentence=sentence,
        trigger=trigger,
        source=source,
        target=target,
        cameo=info.code,
        cameo_root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover={"type": plover_type, "mode": mode},
        acled={"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
        negated=c.negated,
        hypothetical=c.hypothetical,
        confidence=confidence(c, source, target),
        rule=f"lexicon:{c.entry.id}",
        evidence=evidence,
    )


# How an event's clause hangs under another event's word: "rioted, joining crowds in demanding
# ...", "renewed its demand that X ease ...", "accused Y of shelling", "fired to disperse".
_NESTING_DEPS = frozenset({"advcl", "xcomp", "ccomp", "acl", "pcomp", "prep", "pobj"})
_NESTING_STEPS = 4
_SPEECH = frozenset({"010"})


def _governor_of(head: Token, governing: set[int]) -> int | None:
    """The nearest word above ``head``, through clause and preposition links, that is another
    event's trigger."""
    token = head
    for _ in range(_NESTING_STEPS):
        if token.dep_ not in _NESTING_DEPS or token.head.i == token.i:
            return None
        dep = token.dep_
        token = token.head
        if token.i in governing and token.i != head.i:
            return token.i
        if dep == "ccomp":  # "renewed its demand that X ease ...": the light verb's event noun
            for child in children(token):
                if child.dep_ == "dobj" and child.i in governing:
                    return child.i
    return None


def rank_nested(events: list[tuple[Event, Token]]) -> None:
    """An event in a clause that another event of the sentence governs is its elaboration,
    purpose or content: it ranks just below the governing event (in place; outer events first,
    so a chain "agreed to open borders for trucks to enter" keeps its order).

    A bare statement ("said") governs nothing: what it reports stays the event.
    """
    if len(events) < 2:
        return
    heads = {head.i for event, head in events if event.cameo not in _SPEECH and not event.negated}
    if not heads:
        return
    nested = [(event, head, _governor_of(head, heads)) for event, head in events]
    nested = [item for item in nested if item[2] is not None]
    for _ in range(_NESTING_STEPS):
        best: dict[int, float] = {}
        for event, head in events:
            if head.i in heads:
                best[head.i] = max(best.get(head.i, 0.0), event.confidence)
        changed = False
        for event, _head, outer in nested:
            cap = max(0.05, round(best[outer or 0] - 0.01, 4))
            if event.confidence > cap:
                event.confidence = cap
                changed = True
        if not changed:
            break


def _complement_of(head: Token, light_verbs: frozenset[str]) -> int | None:
    """The word whose complement ``head`` is: an infinitive's verb ("decided to lift"), or a
    light verb whose object is this event noun ("issued an ultimatum to X")."""
    if head.dep_ == "xcomp":
        return head.head.i
    if head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in light_verbs:
        return head.head.i
    return None


def rank_below_stance(events: list[tuple[Event, Token]]) -> None:
    """ "said they hoped that X, who plans to sign a deal with Y, would ...": a statement
    of hope about another's act is the event, aimed at the hoped-for clause's subject; the
    acts inside that clause are its content and rank just below it (in place)."""
    for event, head in events:
        if event.cameo not in _SPEECH or event.target is None or event.negated:
            continue
        clause = stance_clause(head)
        if clause is None:
            continue
        inside = range(clause.left_edge.i, clause.right_edge.i + 1)
        cap = max(0.05, round(event.confidence - 0.01, 4))
        for other, other_head in events:
            if other is not event and other_head.i in inside and other.confidence > cap:
                other.confidence = cap


def inherit_targets(
    events: list[tuple[Event, Token]], light_verbs: frozenset[str] = frozenset()
) -> None:
    """ "decided to lift sanctions on Gondor", "is considering sending aid to Arnor": an act whose
    infinitive complement is itself an event aims where that event aims (in place), when it
    names no coded target of its own and the complement's doer is its own. A light verb's event
    noun lends its aim the same way ("issued an ultimatum to the negotiators"), coded or not:
    the noun is the act itself."""
    if len(events) < 2:
        return
    by_head = {head.i: event for event, head in events}
    for event, head in events:
        if event.target is None or (head.dep_ == "xcomp" and not event.target.code):
            continue
        governor = _complement_of(head, light_verbs)
        outer = None if governor is None else by_head.get(governor)
        if outer is None or outer is event or (outer.target is not None and outer.target.code):
            continue
        if (
            event.source is not None
            and outer.source is not None
            and ((event.source.start, event.source.end) != (outer.source.start, outer.source.end))
        ):
            continue
        outer.target = event.target


def drop_background_acled(events: list[tuple[Event, Token]]) -> None:
    """An event noun with no actors of its own ("a police operation was conducted when rifles
    were seized", "a gun linked to a murder") is the setting of the sentence's reported act:
    when a verb of the sentence reports an act ACLED codes, only that act keeps its ACLED type
    (in place). The verb's type already reads the weapons and crowds the whole sentence names.
    Likewise an act the sentence only supposes ("the coalition tasked with fighting X
    withdrew ...": a role, a purpose, a possibility) yields its ACLED type to an act the
    sentence reports as done.
    """
    if any(e.acled and not e.negated and not e.hypothetical for e, _ in events):
        for event, _ in events:
            if event.acled and event.hypothetical:
                event.acled = None
    if not any(e.acled and not e.negated and head.pos_ == "VERB" for e, head in events):
        return
    for event, head in events:
        if (
            event.acled
            and head.pos_ in ("NOUN", "PROPN")
            and event.source is None
            and event.target is None
        ):
            event.acled = None
