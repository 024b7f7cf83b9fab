"""Who speaks through a cue: the subject of "said", the object of "according to", the noun a
"who said" clause modifies, the subject of the verb a "saying ..." or "and added" hangs from.
The speaker token is resolved to an actor like any argument (``DocActors.resolve``), so "he"
and "the ministry" carry the code and name of the actor they stand for.

In "used the hearing to argue" the subject argues, in "led aides to warn" the object warns
(verbs of the second kind are listed in ``control.txt``); "Asked
about it, ..." and "is expected to" name no speaker, nor does "it is worth noting". A document
speaks for its author ("according to a report from Gondor": Gondor)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from spacy.tokens import Token

from whodid.nlp.tree import children, lefts, rights
from whodid.quotes.cues import control_verbs
from whodid.records import Actor, Span
from whodid.text.doctext import doc_text

__all__ = ["ActorResolver", "cue_span", "speaker_actor", "speaker_token"]

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_NEAR = 12  # tokens between a cue and a speaker the parse did not link
# Arcs a cue climbs to find the clause whose subject speaks ("acomp": "voters are more likely
# to say", "he was quick to point out").
_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "dep", "ccomp", "acomp"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})  # "Roe, the group's head, said", not ", called"
_BY = frozenset({"from", "by"})  # "a report from Gondor", "a document filed by the ministry"


Quoted = Callable[[int], bool]


class ActorResolver(Protocol):
    def resolve(self, token: Token) -> Actor | None: ...


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in children(verb) if c.dep_ in ("nsubj", "csubj")]
    if subjects:  # "In Salem, New Hampshire, Trump went": two subjects, the nearer is it
        before = [c for c in subjects if c.i < verb.i]
        if not before:
            return subjects[0]
        nearest = before[-1]
        person = next((c for c in before if c.ent_type_ == "PERSON"), None)
        if nearest.pos_ == "DET" or (nearest.pos_ == "NOUN" and person is not None):
            return before[0]  # "the figures ... both suggested", "Obama the realist knows"
        return nearest
    for child in children(verb):  # "was told by officials"
        if child.dep_ == "agent":
            return next((c for c in children(child) if c.dep_ == "pobj"), None)
    return None


def _outer_speaker(cue: Token) -> Token | None:
    """ "X claimed that Y was to blame, saying ...": the parse often hangs the participle on
    the reported clause; its speaker is then the subject of the verb that clause reports."""
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or _subject(cue) is not None:
        return None
    node = cue.head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.i != node.i:
            return _subject(node.head)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _passive(verb: Token) -> bool:
    """ "it was labelled", "Romney, who is expected to"."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in children(verb))


def _has_said(verb: Token) -> Token | None:
    """ "He's said he will fight": the parse may read "'s" as a passive "is"; with a clause
    for complement it is "has", and its subject speaks ("it's said that ..." stays passive)."""
    s_aux = any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in children(verb))
    if not s_aux or not any(c.dep_ == "ccomp" for c in children(verb)):
        return None
    subject = next((c for c in children(verb) if c.dep_ == "nsubjpass"), None)
    return subject if subject is not None and subject.lower_ != "it" else None


def _asked(verb: Token) -> bool:
    """A bare participle clause: "Asked about it, Roe said", "when asked": Roe is asked, and
    who asks is not said."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "aux") for c in children(verb))
    )


def _adjacent(cue: Token, quoted: Quoted) -> Token | None:
    """When the parse gave the cue no subject outside the quotation: the noun phrase right
    after it in an inverted attribution ('...," said Mr. Acton'), else the nearest name or
    noun phrase before it ("Rep. Jane Roe (D-Md.) said")."""
    doc = cue.doc
    inverted = _inverted(cue)
    before: Token | None = None
    for chunk in cue.sent.noun_chunks:
        if quoted(chunk.start_char) or chunk.root.ent_type_ in ("DATE", "TIME"):
            continue
        if chunk.start > cue.i:
            if (
                inverted
                and cue.tag_ != "VBG"  # ', calling the plan "a con"': the plan does not speak
                and cue.lemma_.lower() != "tell"  # '...," Roe, 58, told AFP': AFP listens
                and not [t for t in doc[cue.i + 1 : chunk.start] if not t.is_punct]
            ):
                return chunk.root
            break
        if chunk.end > cue.i or cue.i - chunk.end > _NEAR:
            continue
        between = doc[chunk.end : cue.i]
        if all(t.pos_ in ("ADV", "AUX", "PART") for t in between) or (
            chunk.root.pos_ == "PROPN" and not any(t.pos_ == "VERB" for t in between)
        ):
            before = chunk.root
        elif cue.tag_ in _FINITE and all(
            t.pos_ in ("ADV", "AUX", "PART") or t.text == "," for t in between
        ):
            before = _named(chunk.root)  # "Jane Roe, the group's president, said"
    return before


def _inverted(cue: Token) -> bool:
    """'...," said Mr. Acton': the cue follows punctuation or opens the sentence."""
    return cue.i == cue.sent.start or cue.doc[cue.i - 1].is_punct


def _named(noun: Token) -> Token:
    """The name an apposition describes: "the group's president and treasurer" in "Jane Roe,
    the group's president and treasurer," stands for Jane Roe, and so does "Baghdad" in "Jane
    Roe, a spokeswoman in Baghdad,"."""
    node = noun
    for _ in range(6):
        if node.dep_ == "conj" and node.head.i < node.i:
            node = node.head
        elif node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i < node.i:
            node = node.head.head
        else:
            break
    if node.dep_ == "appos" and node.head.i < node.i:
        return node.head
    return noun


def _expletive(token: Token) -> bool:
    return token.dep_ in ("nsubj", "expl") and token.lower_ in ("it", "there")


def _never(offset: int) -> bool:
    return False


def speaker_token(
    cue: Token,
    *,
    quoted: Quoted = _never,
    documents: frozenset[str] = frozenset(),
    reporting: frozenset[str] = frozenset(),
) -> Token | None:
    """The head of the speaker's phrase for the cue word ``cue``, or None. ``quoted`` tells
    whether a character offset stands in quotation marks: the speaker never does;
    ``documents`` are nouns whose words are their issuer's ("issued a statement saying");
    ``reporting`` are the lemmas of verbs of saying and thinking."""
    found = _speaker_token(cue, documents, reporting)
    if found is not None and quoted(found.idx) and not quoted(cue.idx):
        # 'Roe seemed unimpressed, telling reporters, "People said ..."': the parse may hang
        # the sentence on the quoted verb; the participle's own clause still names Roe
        found = _speaker_token(cue, documents, reporting, outer=False)
        if found is not None and quoted(found.idx):
            found = None
    if found is None and cue.tag_ == "VBG" and cue.dep_ == "conj":
        # "saying he has been a pioneer in promoting women and calling him ...": the parse
        # joins "calling" to a verb inside what "saying" reports; it shares saying's speaker
        saying = next(
            (a for a in cue.ancestors if a.tag_ == "VBG" and a.lemma_.lower() in reporting),
            None,
        )
        if saying is not None:
            found = _speaker_token(saying, documents, reporting)
    if (
        found is None
        and cue.lower_ != "according"
        and cue.pos_ in ("VERB", "AUX")
        and (not _passive(cue) or _has_said(cue) is not None)
        and not _asked(cue)
    ):
        found = _adjacent(cue, quoted)
    return found


def _author(noun: Token) -> Token | None:
    """Who a document noun names as its author: "a report from Gondor", "a letter filed by
    Gondor", "an interview Gondor gave"."""
    for child in children(noun):
        if child.dep_ == "prep" and child.lower_ in _BY:
            found = next((c for c in children(child) if c.dep_ == "pobj"), None)
            if found is not None:
                return found
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            subject = _subject(child)
            if subject is not None and subject.lower_ not in _RELATIVE:
                return subject
    return None


def _issuer(noun: Token, documents: frozenset[str]) -> Token:
    """ "Gondor issued a statement saying ...": the statement's words are Gondor's."""
    if noun.lemma_.lower() not in documents:
        return noun
    author = _author(noun)
    if author is not None:
        return author
    if noun.dep_ in ("dobj", "obj"):
        subject = _subject(noun.head)
        if subject is not None:
            return subject
    return noun


def _object_after(word: Token) -> Token | None:
    """The noun right after "according to" when the parse gave "to" no object ("according to
    the F.A.A." parsed as punctuation): the last noun of the first run of nouns."""
    found: Token | None = None
    for token in word.doc[word.i + 1 : word.i + 7]:
        if token.pos_ in ("NOUN", "PROPN"):
            found = token
        elif found is not None or token.pos_ in ("VERB", "AUX") or token.text in (",", "."):
            break
    return found


def _inverted_name(cue: Token) -> Token | None:
    """ "Any fair reading, said Jane Roe, an analyst, ...": a verb of saying right after a
    comma and right before a person's name that ends a phrase is inverted; the name speaks,
    whatever subject the parse found before the comma ("reading")."""
    doc = cue.doc
    if cue.i == 0 or cue.i + 1 >= len(doc) or doc[cue.i - 1].text != ",":
        return None
    if cue.tag_ not in _FINITE or cue.lemma_.lower() in ("tell", "call"):
        return None
    name = doc[cue.i + 1]
    if name.ent_type_ != "PERSON" or name.ent_iob_ != "B":
        return None
    chunk = next((c for c in doc.noun_chunks if c.start == name.i), None)
    if (
        chunk is None
        or chunk.root.ent_type_ != "PERSON"  # "..., said Roe's plan ..."
        or chunk.end >= len(doc)
        or doc[chunk.end].text not in (",", ".", ";")
    ):
        return None  # "..., said Roe would win": Roe is what is said about
    return chunk.root


_SHARES = frozenset({"percent", "%", "half", "majority", "third", "quarter", "fifth", "most"})


def _share(noun: Token) -> bool:
    """ "75 percent of voters", "half", "a majority": a share of respondents."""
    if noun.lower_ == "one":
        return False  # "one of the attorneys": a person
    return noun.pos_ == "NUM" or noun.lemma_.lower() in _SHARES


def _survey(verb: Token, subject: Token, documents: frozenset[str]) -> Token | None:
    """ "In a May poll, 75 percent of voters said ...", "A poll showed that 75 percent said
    ...": a share of respondents speaks through the survey that counted them."""
    if not _share(subject):
        return None
    for prep in children(verb):
        if prep.dep_ == "prep" and prep.lower_ == "in":
            found = next((c for c in children(prep) if c.dep_ == "pobj"), None)
            if found is not None and found.lemma_.lower() in documents:
                return found
    if verb.dep_ == "ccomp":
        outer = _subject(verb.head)
        if outer is not None and outer.lemma_.lower() in documents:
            return outer
    return None


def _free_adjunct(participle: Token) -> Token | None:
    """ "Roe rejected the notion that it was over, saying ...": a participle set off by a
    comma qualifies the clause, not the object the parse hangs it on; the clause's verb."""
    doc = participle.doc
    if participle.tag_ != "VBG" or participle.i == 0 or doc[participle.i - 1].text != ",":
        return None
    node = participle.head
    for _ in range(6):
        if node.dep_ not in ("dobj", "pobj", "prep", "attr", "oprd", "conj", "appos"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _reporter(verb: Token, reporting: frozenset[str]) -> Token | None:
    """ "Roe said that he would try and insisted that ...": the parse may join "insisted" to
    the reported verb ("try"); a verb of saying with its own complement, joined to what
    another verb of saying reports, shares that verb's speaker (Roe), not the reported one."""
    inner = verb.head
    if inner.dep_ != "ccomp" or not any(c.dep_ == "ccomp" for c in children(verb)):
        return None
    outer = inner.head
    if outer.i == inner.i or outer.lemma_.lower() not in reporting:
        return None
    return _subject(outer)


def _speaker_token(
    cue: Token, documents: frozenset[str], reporting: frozenset[str], *, outer: bool = True
) -> Token | None:
    if cue.lower_ == "according":
        to = next((c for c in children(cue) if c.lower_ == "to"), None)
        if to is None and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].lower_ == "to":
            to = cue.doc[cue.i + 1]
        if to is None:
            return None
        source = next((c for c in children(to) if c.dep_ == "pobj"), None)
        if source is None:
            source = _object_after(to)
        return _issuer(source, documents) if source is not None else None
    named = _inverted_name(cue)
    if named is not None:
        return named
    reporter = _outer_speaker(cue) if outer else None
    if reporter is not None:
        return reporter
    verb = cue
    for _ in range(4):
        subject = _subject(verb)
        if subject is not None:
            if (
                subject.lower_ in _RELATIVE
                and verb.dep_ == "relcl"
                and verb.head.lemma_.lower() in documents
            ):
                issuer = _issuer(verb.head, documents)  # "a letter from X that says": X
                return subject if issuer.i == verb.head.i else issuer
            if _expletive(subject) and verb.lemma_ == "be":
                return None  # "it is hard to know", "it's worth noting": nobody in particular
            return _survey(verb, subject, documents) or subject
        said_by = _has_said(verb) if verb is cue else None
        if said_by is not None:
            return said_by
        if verb is cue and (
            _passive(verb) or _asked(verb) or verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
        ):
            return None  # "it was labelled ...", "the bill, known as ...", "Asked about it"
        if verb.dep_ == "relcl":
            return _issuer(verb.head, documents)
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            clause = _free_adjunct(verb)
            if clause is not None:  # "Roe rejected the notion, saying ...": Roe
                verb = clause
                continue
            return _issuer(verb.head, documents)  # "a statement saying ...", "Smith, writing"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in control_verbs():
            controller = next(
                (c for c in children(verb.head) if c.dep_ == "dobj" and c.i < verb.i), None
            )
            if controller is not None:  # "led allies to worry", "forced the chief to admit"
                return controller
        if verb.dep_ == "acomp" and any(_expletive(c) for c in children(verb.head)):
            return None  # "it is worth noting": nobody in particular
        if verb.dep_ in _CLIMB and verb.head.i != verb.i:
            if verb.dep_ == "conj":  # "Roe was forced into damage control and said ...": Roe
                shared = next((c for c in children(verb.head) if c.dep_ == "nsubjpass"), None)
                if shared is not None:
                    return shared
                reporter = _reporter(verb, reporting)
                if reporter is not None:
                    return reporter
            verb = verb.head
            continue
        return None
    return None


def _phrase(token: Token) -> tuple[int, int]:
    """Character extent of the token's noun phrase, without relative clauses or appositions."""
    start = token
    for left in lefts(token):
        if left.dep_ not in ("punct", "cc", "prep"):
            start = left.left_edge
            break
    end = token.idx + len(token.text)
    for right in rights(token):
        if right.dep_ in ("compound", "flat", "nummod") or (
            right.dep_ == "prep" and right.lower_ == "of"
        ):
            end = max(end, right.right_edge.idx + len(right.right_edge.text))
    return start.idx, end


def _antecedent(token: Token) -> Token:
    """ "Smith, who said ...": the relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl" and token.head.head.i != token.i:
        return token.head.head
    return token


def speaker_actor(
    token: Token | None, actors: ActorResolver, *, quoted: Quoted = _never
) -> Actor | None:
    """The speaker as an actor: resolved (code, name) when the knowledge base knows it, else
    the bare phrase. The span stays on the speaker's own words ("he"), with the code and name
    of the actor they stand for; an antecedent inside quotation marks is not trusted."""
    if token is None:
        return None
    actor = actors.resolve(_antecedent(token))
    if actor is not None and not actor.start <= token.idx < actor.end:
        trusted = not quoted(actor.start) or quoted(token.idx)
        end = token.idx + len(token.text)
        actor = Actor(
            start=token.idx,
            end=end,
            text=doc_text(token.doc)[token.idx : end],
            code=actor.code if trusted else None,
            country=actor.country if trusted else None,
            sector=actor.sector if trusted else None,
            name=actor.name if trusted else None,
        )
    if actor is not None:
        return actor
    start, end = _phrase(token)
    return Actor(start=start, end=end, text=doc_text(token.doc)[start:end])


def cue_span(tokens: list[Token]) -> Span:
    doc = tokens[0].doc
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(start, end, doc_text(doc)[start:end])
