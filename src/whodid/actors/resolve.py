"""Resolve argument heads to coded actors: composition inside the noun phrase ("Mexican police" ->
MEXCOP),
dated offices of known people, and document memory (titles, surnames, pronouns, "the country")."""

from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from whodid.actors.coref import DocMemory
from whodid.actors.dated import office_code, titled_code
from whodid.actors.entries import ActorEntry, AgentEntry, split_code
from whodid.actors.kb import ActorKB
from whodid.actors.loaders import load_builtin_field_words
from whodid.actors.matcher import KBMatcher, Mention
from whodid.actors.np import PRONOUNS_PERSON, PRONOUNS_PLURAL, PRONOUNS_THING, is_nominal, np_tokens
from whodid.geo.gazetteer import default_gazetteer
from whodid.nlp.tree import children, label_ids, rights, tree_of
from whodid.records import Actor
from whodid.text.doctext import doc_text

__all__ = ["DocActors"]

logger = logging.getLogger(__name__)

_GROUP_SECTORS = frozenset({"REB", "INS", "CRM", "PRM", "UAF", "PTY", "OPP", "IMG"})
_MEMBER_SECTORS = frozenset({"REB", "INS", "UAF", "CRM", "CVL", "PRM", "MIL", "GOV"})
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# "X's successor" (the next holder of X's office), "X's predecessor" (the one before)
_SUCCESSION = {"successor": True, "predecessor": False}
_FORMER = frozenset({"former", "ex", "ex-", "late", "exiled", "ousted"})
_COUNTRY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
# Words that follow a region's name: "Kano State", "Idlib Province".
_REGION_WORDS = frozenset(
    {"state", "province", "region", "county", "district", "governorate", "oblast", "prefecture"}
)
_QUANTIFIERS = frozenset(
    {
        "several",
        "some",
        "many",
        "most",
        "all",
        "one",
        "two",
        "three",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "tens",
        "scores",
        "none",
        "each",
        "both",
        "few",
        "members",
        "member",
        "group",
        "part",
    }
)
# Prepositions after a role that name where it is: "rebels in the Ivory Coast", "students
# throughout Indonesia", "refugees from Syria".
_PLACE_PREPS = frozenset({"in", "from", "throughout", "across", "inside", "within"})
_PLACE_OR_OF_PREPS = _PLACE_PREPS | {"of"}
# Last words of an organisation's name that make it a civil, non-governmental body.
_NGO_NAME_HEADS = frozenset({"Forum", "Foundation", "Association", "Coalition"})
# Last words of a body's name ("the X Medical Association", "the X Commission on Human Rights");
# the words in such a name that give the body's field are data (``field_words.tsv``): an
# organisation the KB does not know takes the sector of the field it is named for.
_BODY_NAME_HEADS = frozenset(
    {
        "Association",
        "Commission",
        "Council",
        "Union",
        "Unions",
        "Federation",
        "Confederation",
        "Society",
        "Board",
        "Committee",
        "Alliance",
        "League",
        "Network",
        "Institute",
        "Syndicate",
        "Forum",
        "Coalition",
        "Foundation",
        "Centre",
        "Center",
        "Chamber",
        "Service",
    }
)


@functools.cache
def _name_fields() -> dict[str, str]:
    """Words of a body's name -> the sector of the field they name (``field_words.tsv``)."""
    return load_builtin_field_words()


# Prepositions of a verb that say where its subject acted.
_WHERE_PREPS = frozenset(
    {"in", "at", "inside", "outside", "near", "across", "throughout", "through"}
)
# "the town of X": the name after these nouns is a place, whatever the model reads.
_SETTLEMENT_NOUNS = frozenset(
    {"town", "city", "village", "district", "province", "region", "capital", "county"}
)
# Capitalised words of an office's or body's name that are no place, though a region may be
# called so ("the Federal Minister for Interior" is not Brazil's Distrito Federal).
_INSTITUTION_WORDS = frozenset(
    {"federal", "national", "central", "provincial", "regional", "interim", "transitional"}
)
# Words after a role that tie it to another actor, whose country it shares: "forces loyal to
# President X", "workers affiliated with the X union" (not a patron's "-backed", see below).
_ALLEGIANCE = frozenset({"loyal", "affiliate", "affiliated", "link", "linked", "belong"})
# Words of a lake's, sea's or gulf's name around a country's: "Lake Chad", "the Gulf of
# Mexico", "the South China Sea" (capitalised, as in a name).
_FEATURES_BEFORE = frozenset({"Lake"})
_FEATURES_OF = frozenset({"Gulf", "Bay", "Sea", "Strait", "Straits"})
_FEATURES_AFTER = frozenset({"Sea", "Strait", "Gulf", "Lake"})
# "pro-Iranian militia", "Russian-backed separatists": the country is a patron, not the actor's.
_PATRON_AFTER = frozenset(
    {"backed", "allied", "aligned", "sponsored", "supported", "inspired", "leaning", "friendly"}
)
# Prepositions after a role that name the body it belongs to: "students at X", "a spokesman
# for X", "an official with X", "members of X".
_AFFILIATION_PREPS = frozenset({"of", "for", "at", "with"})
# Prepositions after a generic role that name whom it speaks or works for: "a spokesman for the
# prime minister", "an aide to President X".
_SERVING_PREPS = frozenset({"of", "for", "to"})
# Sectors of roles that only say where someone stands in a body ("president", "chairman",
# "member"): with a body, the body's own code.
_POSITIONAL_SECTORS = frozenset({"GOV", "BUS", "CVL"})
# Sectors of roles that belong to one state's politics: without a country of their own, the one
# country their sentence names.
_NATIONAL_SECTORS = frozenset(
    {"GOV", "OPP", "PTY", "LEG", "JUD", "MIL", "COP", "SPY", "REB", "UAF"}
)
_ORG_NOUNS = frozenset(
    {"group", "organization", "organisation", "movement", "alliance", "bloc", "militia"}
)
# Dependencies of a noun that modifies another rather than heading a phrase
_MODIFIER_DEPS = label_ids("compound", "amod", "flat", "nmod", "nn")
# (``_in_own_clause``) a place that modifies a noun, a subject, a clause of its own
_PLACE_MODIFIER_DEPS = label_ids("amod", "compound", "poss", "nmod")
_SUBJECT_DEPS = label_ids("nsubj", "nsubjpass")
_CLAUSE_DEPS = label_ids("ccomp", "advcl", "conj", "relcl")


def _main_title(titles: list[AgentEntry]) -> AgentEntry | None:
    """The title that names a person's office among those before the name: the last specific
    one ('activist pastor X' is a pastor), except a military rank after a civil office
    ('Defence Minister Gen. X' is a minister who holds a rank)."""
    candidates = [a for a in titles if a.kind != "generic"] or titles
    if not candidates:
        return None
    last = candidates[-1]
    if last.sector == "MIL":
        civil = [a for a in candidates if a.sector != "MIL"]
        if civil:
            return civil[-1]
    return last


class DocActors:
    """Every actor and agent mention of ``doc``, found once; ``resolve`` codes an argument head."""

    def __init__(self, kb: ActorKB, doc: Doc, *, published: date | None = None) -> None:
        self.kb = kb
        self.doc = doc
        self.published = published
        found = kb.matcher(doc.vocab).find(doc)
        found = self._without_features(found)
        self.mentions: list[Mention] = self._with_abbreviations(self._same_people(found))
        self._at: dict[int, Mention] = KBMatcher.index(self.mentions)
        self._starts = [m.start for m in self.mentions]
        self.memory = DocMemory(doc)
        self._cache: dict[int, Actor | None] = {}
        self._succeeded: set[int] = set()  # "X's successor" heads, coded through the office
        tree = tree_of(doc)
        tokens = tree.tokens
        self._lower = tree.lowers()  # read once: phrases look at their words often
        self._texts = tree.texts()
        self._token_starts, self._token_ends = tree.offsets()
        # document order, so memory only ever looks back
        for i in self._heads_to_learn_from():
            self.resolve(tokens[i])

    def _heads_to_learn_from(self) -> list[int]:
        """The tokens that head a noun phrase (a noun or name not modifying another, unless it
        ends a knowledge-base mention the other is not part of) and may name an actor (a name,
        "the country"/"the group", or a phrase holding a knowledge-base mention; other common
        nouns resolve to nothing and are left for later), in order, read from the Doc's lists."""
        tree = tree_of(self.doc)
        tokens, deps, heads, at, lower = tree.tokens, tree.deps(), tree.heads, self._at, self._lower
        out = []
        for i, pos in enumerate(tree.pos()):
            if pos != NOUN and pos != PROPN:
                continue
            if deps[i] in _MODIFIER_DEPS and not (
                i in at and at[i].end - 1 == i and heads[i] not in at
            ):
                continue  # a modifier of another noun, not a phrase's head
            # a name, "the country"/"the group", or a phrase holding a knowledge-base mention
            named = pos == PROPN or lower[i] in _COUNTRY_NOUNS or lower[i] in _ORG_NOUNS
            if named or at and any(k in at for k in range(tokens[i].left_edge.i, i + 1)):
                out.append(i)
        return out

    def _without_features(self, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` without a country named inside a lake's, sea's or gulf's name: "Lake
        Chad", "the Gulf of Mexico", "the South China Sea" are places, not the country."""
        texts = tree_of(self.doc).texts()
        out = []
        for m in mentions:
            if m.entry is not None and m.entry.kind == "country":
                prev = texts[m.start - 1] if m.start > 0 else ""
                prev2 = texts[m.start - 2] if m.start > 1 else ""
                after = texts[m.end] if m.end < len(texts) else ""
                if (
                    prev in _FEATURES_BEFORE
                    or (prev == "of" and prev2 in _FEATURES_OF)
                    or after in _FEATURES_AFTER
                ):
                    continue
            out.append(m)
        return out

    def _same_people(self, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` without a known person's surname that follows another first name or
        initial: "Peter Merkel", "B. Merkel" are not Angela Merkel. The first name must be part
        of the same name (the model's PERSON entity) and belong to none of the person's names;
        the initial must begin none of their given names."""
        doc = self.doc
        taken = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for m in mentions:
            entry = m.entry
            if entry is None or entry.kind != "person":
                out.append(m)  # only a known person's surname is checked below
                continue
            prev = doc[m.start - 1] if m.start > 0 else None
            if (
                prev is not None
                and prev.i not in taken
                and prev.is_alpha
                and prev.is_title
                and prev.ent_type_ == "PERSON"
                and doc[m.start].ent_iob_ == "I"
                and not any(prev.lower_ in n.lower().split() for n in entry.names)
            ):
                continue
            if (  # "B. Merkel" is not Angela Merkel either: an initial no given name has
                prev is not None
                and prev.i not in taken
                and len(prev.text) == 2
                and prev.text[0].isupper()
                and prev.text[1] == "."
                and not any(
                    w[:1].upper() == prev.text[0] for n in entry.names for w in n.split()[:-1]
                )
            ):
                continue
            out.append(m)
        return out

    def _with_abbreviations(self, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` and the abbreviated titles the phrase matcher misses because the
        model's tokenizer splits them otherwise ("Sen.", "Lt. Gen."): up to three uncovered
        tokens, one with a dot, that together spell an agent form."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra: list[Mention] = []
        texts = tree_of(self.doc).texts()
        # only a stretch of up to three tokens that holds a dotted one can spell such a title:
        # its first token is at most two before a dotted token
        dotted = [d for d, text in enumerate(texts) if text.endswith(".")]
        starts = sorted({i for d in dotted for i in (d - 2, d - 1, d) if i >= 0})
        resume = 0  # after a title, the search goes on after its last token
        for i in starts:
            if i < resume:
                continue
            found = None
            if i not in taken and texts[i][:1].isupper():
                for n in (3, 2, 1):
                    if i + n > len(texts) or any(j in taken for j in range(i, i + n)):
                        continue
                    if not any(text.endswith(".") for text in texts[i : i + n]):
                        continue
                    agent = self.kb.agent(self.doc[i : i + n].text_with_ws.strip())
                    if agent is not None:
                        found = Mention(i, i + n, agent=agent)
                        break
            if found is None:
                continue
            extra.append(found)
            resume = found.end
        return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions

    # ------------------------------------------------------------------ public

    def resolve(self, token: Token) -> Actor | None:
        """The actor that the argument head ``token`` stands for, or None if it cannot be an
        actor.
        """
        if token.i in self._cache:
            return self._cache[token.i]
        actor = self._resolve(token)
        if actor is not None and token.pos_ == "NOUN":
            actor = self._named_in_apposition(token, actor)
        self._cache[token.i] = actor
        return actor

    def _named_in_apposition(self, tok: Token, actor: Actor) -> Actor:
        """A role's name in apposition right after its whole phrase ("a spokesman for the
        Taliban, Zabihullah Mujahid") is part of the span."""
        doc = self.doc
        for child in rights(tok):  # the Doc's lists: ``tok.rights`` walks the tokens
            if child.dep_ != "appos" or child.pos_ != "PROPN":
                continue
            end = self._tok_end(actor)
            sub = [t.i for t in child.subtree]
            names = all(doc[i].pos_ in ("PROPN", "PUNCT", "DET") for i in sub)
            if not names or len(sub) > 6 or min(sub) != end + 1 or doc[end].text != ",":
                return actor
            last = doc[max(sub)]
            stop = last.idx + len(last.text)
            return replace(actor, end=stop, text=doc_text(doc)[actor.start : stop])
        return actor

    def implied_country(self, trigger: Token, sector: str) -> str | None:
        """The country of an actor the text implies but does not name ("was arrested in Lebanon":
        Lebanon's police): the country of a place phrase after the trigger, else the one country
        of its sentence outside its own arguments, else that of the sector's last mention."""
        places = self._place_in(trigger)
        if places and places[0].country:
            return places[0].country
        country = self._sentence_country(trigger)
        if country is None and sector in _NATIONAL_SECTORS:
            country = self.memory.sector_country(sector, trigger.idx)
        return country

    def where_country(self, thing: Token, trigger: Token) -> str | None:
        """The country where a thing acted that no one is named for ("a roadside bomb near
        the town of X killed ...", "killed in a blast in X"): the one country of the places
        in prepositional phrases of the thing, of the clause it is the subject of, or of the
        trigger; None if they name none or several."""
        heads = [trigger]
        if thing.dep_ in ("nsubj", "nsubjpass"):  # "a bomb went off in X, killing ..."
            heads.append(thing.head)
        return self._places_country([thing, *(c for h in heads for c in children(h))])

    def _places_country(self, phrases: list[Token]) -> str | None:
        """The one country of the place names that are prepositional objects inside these
        phrases (only prepositional phrases count, and the first phrase whole)."""
        found: set[str] = set()
        seen: set[int] = set()
        for n, phrase in enumerate(phrases):
            if n and phrase.dep_ != "prep":
                continue
            for tok in phrase.subtree:
                if tok.i in seen or not self._place_name(tok):
                    continue
                seen.add(tok.i)
                country = self._place_country_of(tok)
                if country:
                    found.add(country)
        return found.pop() if len(found) == 1 else None

    def _event_place(self, tok: Token) -> str | None:
        """The country where the subject ``tok`` acts, by its verb's place phrases ("Prisoners
        rioted at a jail in X", "Students marched through X")."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = tok.head
        return self._places_country(
            [tok, *(c for c in children(verb) if c.dep_ == "prep" and c.lower_ in _WHERE_PREPS)]
        )

    def _place_name(self, tok: Token) -> bool:
        """A place named as a prepositional object ("in X", "in the capital, X", "the town of
        X"): a place of the knowledge base, a place name by the model's reading, or a name
        after a settlement noun (which the model may read as a people: "the town of Samarra")."""
        if tok.dep_ == "appos" and tok.head.dep_ == "pobj":
            tok_head = tok.head  # "in the Kenyan capital Nairobi"
        elif tok.dep_ == "pobj":
            tok_head = tok
        else:
            return False
        m = self._at.get(tok.i)
        if m is not None and m.entry is not None and m.entry.kind in ("country", "place"):
            return True
        if tok.ent_type_ in ("GPE", "LOC"):
            return True
        of = tok_head.head
        return (
            tok.pos_ == "PROPN"
            and of.lower_ == "of"
            and of.head.i != of.i
            and of.head.lower_ in _SETTLEMENT_NOUNS
        )

    def _place_country_of(self, tok: Token) -> str | None:
        """The country of a place name that heads a prepositional object: from the knowledge
        base, else the gazetteer's one country for the name (or its most populous sense, if
        it clearly dominates)."""
        m = self._at.get(tok.i)
        if m is not None:
            known = m.entry is not None and m.entry.kind in ("country", "place")
            return m.entry.country if known and m.entry is not None else None
        first = tok.i
        while first > 0 and tok.ent_type_ and self.doc[first - 1].ent_type_ == tok.ent_type_:
            first -= 1
        if first in self._at:
            return None
        senses = [
            e
            for e in default_gazetteer().lookup(self.doc[first : tok.i + 1].text)
            if e.country and e.feature != "country"
        ]
        if not senses:
            return None
        senses.sort(key=lambda e: -e.population)
        best = senses[0]
        dominant = all(
            e.country == best.country or best.population >= 10 * e.population for e in senses[1:]
        )
        return best.country if dominant else None

    def is_actor(self, token: Token) -> bool:
        """Does the token stand for a known (coded) actor?

        The head itself must name one (a knowledge-base mention, a name, a pronoun): "military
        aid" composes a code from its modifier but is a thing given, not an actor.
        """
        actor = self.resolve(token)
        if actor is None or actor.code is None:
            return False
        m = self._at.get(token.i)
        if m is not None and self._adjective_title(m):
            return False  # 'a general strike' belongs to no general
        return token.i in self._at or token.pos_ in ("PROPN", "PRON") or token.i in self._succeeded

    def _adjective_title(self, m: Mention) -> bool:
        """A person's one-word title read as an adjective ('a general strike'): no one."""
        return (
            m.agent is not None
            and m.agent.kind == "person"
            and m.end - m.start == 1
            and self.doc[m.start].pos_ == "ADJ"
        )

    # ------------------------------------------------------------------ helpers

    def _starting(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in tokens [start, end), in order (they are sorted by start:
        a bisection finds them)."""
        starts = self._starts
        return self.mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def _within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside tokens [start, end), in order."""
        return [m for m in self._starting(start, end) if m.end <= end]

    def _code_of(self, entry: ActorEntry) -> tuple[str | None, str | None, str]:
        """(code, sector, status) of a named actor on the publication date (see ``dated``)."""
        return office_code(entry, self.published)

    def _actor(
        self,
        start: int,
        end: int,
        code: str | None,
        *,
        sector: str | None = None,
        name: str | None = None,
        country: str | None = None,
    ) -> Actor:
        doc = self.doc
        s, e = self._token_starts[start], self._token_ends[end - 1]
        c_country, c_sector = split_code(code)
        if code and code.startswith("---"):
            c_country = None
        return Actor(
            start=s,
            end=e,
            text=doc_text(doc)[s:e],
            code=code,
            country=country or c_country,
            sector=sector or c_sector,
            name=name,
        )

    def _resolve(self, tok: Token) -> Actor | None:
        # the token's attributes read once (each read decodes a string)
        low, pos, like_num = self._lower[tok.i], tok.pos_, tok.like_num
        if (low in _QUANTIFIERS or like_num) and self._of_object(tok) is not None:
            return self._noun_phrase(tok)  # "dozens of protesters", "four of the states"
        if like_num or pos in (
            "NUM",
            "VERB",
            "AUX",
            "ADP",
            "CCONJ",
            "SCONJ",
            "PUNCT",
            "SYM",
        ):
            return None
        if tok.ent_type_ in _NOT_ACTOR_ENTS and tok.i not in self._at:
            return None
        if (
            pos == "PRON"
            or low in PRONOUNS_PERSON
            or low in PRONOUNS_THING
            or low in PRONOUNS_PLURAL
        ):
            return self._pronoun(tok)
        if not is_nominal(tok) and tok.i not in self._at and pos != "ADJ":
            return None
        succeeding = self._holder_after(tok)
        if succeeding is not None:
            return succeeding
        twin = self._named_twin(tok)
        if twin is not None:
            named = self.resolve(twin)
            if named is not None:
                start = np_tokens(tok, with_of=False)[0]
                return self._actor(
                    start,
                    self._tok_end(named),
                    named.code,
                    sector=named.sector,
                    name=named.name,
                    country=named.country,
                )
        return self._noun_phrase(tok)

    def _holder_after(self, tok: Token) -> Actor | None:
        """ "X's successor", "the predecessor of X": whoever held X's office next (or before),
        coded on the date; not X, a former official."""
        low = tree_of(self.doc).lemma_lowers()[tok.i]  # ``tok.lemma_.lower()``
        if low not in _SUCCESSION or tok.pos_ != "NOUN":
            return None
        owners = [c for c in children(tok) if c.dep_ == "poss"]
        of = self._of_object(tok)
        if not owners and of is not None:
            owners = [of]
        mention = next((self._at.get(o.i) for o in owners if o.i in self._at), None)
        if mention is None or mention.entry is None or mention.entry.kind != "person":
            return None
        holder = self.kb.next_holder(mention.entry, when=self.published, later=_SUCCESSION[low])
        if holder is None:
            return None
        code, sector, _ = self._code_of(holder)
        start, end = np_tokens(tok, with_of=True)
        self._succeeded.add(tok.i)
        return self._actor(start, max(end, mention.end), code, sector=sector, name=holder.name)

    def _named_twin(self, tok: Token) -> Token | None:
        """A name the parser split off as a second subject right after a role noun ("The
        rebel | Free Syrian Army threatened ..."): the role describes the name."""
        m = self._at.get(tok.i)
        if m is None or m.agent is None or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        nxt = tok.i + 1
        for sib in children(tok.head):
            if (
                sib.i != tok.i
                and sib.dep_ == tok.dep_
                and sib.left_edge.i == nxt
                and sib.pos_ == "PROPN"
            ):
                return sib
        return None

    # ------------------------------------------------------------------ pronouns and memory

    def _pronoun(self, tok: Token) -> Actor | None:
        low = tok.lower_
        span = (tok.i, tok.i + 1)
        if low in PRONOUNS_THING and (
            tok.dep_ == "expl"
            or (
                tok.dep_ == "nsubj"
                and tok.head.lemma_ in ("be", "seem", "appear")
                and any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in children(tok.head))
            )
        ):
            return None
        reporter = self._reporter(tok)
        if reporter is not None:
            said = self.resolve(reporter)  # "Action Against Hunger says it is ..."
            if said is not None and said.end <= tok.idx:
                return said
        found = self.memory.antecedent(tok)
        if found is None:
            return self._actor(*span, None)
        a = found.actor
        here = self.memory.sentence(tok.i)[0]
        if found.sentence == here and a.end <= tok.idx:
            # the antecedent stands in the same sentence: name it rather than the pronoun
            return a
        return self._actor(*span, a.code, sector=a.sector, name=a.name, country=a.country)

    @staticmethod
    def _reporter(tok: Token) -> Token | None:
        """The named subject of the reporting clause whose reported clause the pronoun is the
        subject of ("Farc said it will ...", "Meyer and Reives said they ..."), if the pronoun
        agrees with it (he/she: a person; it: not a person; they: plural or coordinated)."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
            return None
        verb = tok.head.head
        subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "PROPN" or subj.i > tok.i:
            return None
        low = tok.lower_
        person = subj.ent_type_ == "PERSON"
        plural = subj.tag_ == "NNPS" or any(c.dep_ == "conj" for c in children(subj))
        if low in PRONOUNS_PERSON:
            return subj if person and not plural else None
        if low in PRONOUNS_THING:
            return subj if not person and not plural else None
        if low in PRONOUNS_PLURAL:
            return subj if plural or subj.ent_type_ in ("ORG", "NORP") else None
        return None

    def _noun_phrase(self, tok: Token) -> Actor | None:
        split = self._split_ex(tok)
        if split is not None:
            return self._noun_phrase(split)
        head_m = self._at.get(tok.i)
        agentish = head_m is not None and head_m.agent is not None
        # the head's attributes read once (each read decodes a string)
        pos, tag, low = tok.pos_, tok.tag_, self._lower[tok.i]
        start, end = np_tokens(tok, with_of=agentish or pos == "NOUN", role=agentish)
        if head_m is not None:
            start, end = min(start, head_m.start), max(end, head_m.end)
        end = max(end, self._name_end(tok))
        mods = [m for m in self._within(start, end) if m is not head_m and not self._patron(m)]
        end = max(end, self._conjunct_end(tok))  # after mods: the first conjunct gives the code
        if (
            start >= 2
            and self._texts[start - 1] in ("-", "–")
            and self._lower[start - 2] in ("then", "ex")
        ):
            start -= 2  # 'Then-President X', 'ex-minister'
        # "former" must qualify the head, not an "of"-phrase ("supporters of former President
        # X"); a named person's description counts ("X, the former president")
        head_entry = head_m.entry if head_m is not None else None
        named_person = head_entry is not None and head_entry.kind == "person"
        words = set(self._lower[start : end if named_person else tok.i + 1])
        words |= {w.split("-")[0] for w in words}
        former = bool(words & _FORMER)
        then = "then" in words
        # a collective in the singular ("the party", "the group") is an "it", not a "they"
        plural = tag in ("NNS", "NNPS") or (
            head_m is not None
            and head_m.agent is not None
            and head_m.agent.kind == "group"
            and tag not in ("NN", "NNP")
        )
        if head_m is not None and head_m.entry is not None:
            abroad = self._people_abroad(tok, head_m.entry)
            if abroad is not None:  # 'ethnic Albanians in Serbia': the place's civilians
                return self._actor(start, max(end, self._place_in_end(tok)), abroad + "CVL")
            return self._named(tok, head_m.entry, start, end, mods, former=former, then=then)
        agent = head_m.agent if head_m is not None else None
        titles = [m.agent for m in mods if m.agent is not None]
        names = [m.entry for m in mods if m.entry is not None and m.entry.kind != "person"]
        people = [m.entry for m in mods if m.entry is not None and m.entry.kind == "person"]
        # 'Group of thieves ...', 'Dozens of students ...': a capitalised quantifier that the
        # model reads as a name at the start of a sentence still counts what follows
        counted = (low in _QUANTIFIERS or tok.like_num) and not (pos == "PROPN" and tok.ent_type_)
        if agent is None and pos == "PROPN" and not counted:
            return self._proper_name(tok, start, end, titles, names, former=former)
        if agent is None and counted:
            pobj = self._of_object(tok)
            if pobj is not None:
                inner = self._noun_phrase(pobj)
                if inner is not None:
                    return self._actor(
                        start,
                        max(end, self._tok_end(inner)),
                        inner.code,
                        sector=inner.sector,
                        name=inner.name,
                        country=inner.country,
                    )
            if pos == "PROPN":
                return self._proper_name(tok, start, end, titles, names, former=former)
        located = not names  # a place the role is in, not a body it belongs to
        if not names:
            names = self._place_in(tok)
            if (
                names and agent is not None
            ):  # 'a court in Argentina': the place belongs to the actor
                end = max(end, self._place_in_end(tok))
        if not names and agent is not None:
            body = self._affiliation(tok)  # 'students at Kabul University'
            if body is not None:
                names, end = [body[0]], max(end, body[1])
        modifiers = [
            m.agent
            for m in mods
            if m.agent is not None and not self._adjective_title(m)  # not 'a general strike'
        ]
        if agent is None and modifiers and pos == "NOUN" and low not in _COUNTRY_NOUNS:
            agent = modifiers[-1]  # 'army accountant': the role modifier gives the sector
        if agent is None:
            if names and pos == "NOUN":
                base = names[0]
                country = base.country
                code = country if base.kind in ("country", "place") else self._code_of(base)[0]
                if code and low in _ORG_NOUNS | _COUNTRY_NOUNS:
                    act = self._actor(start, end, code, name=base.name)
                    return act
                return self._actor(
                    start, end, code, name=base.name if base.kind != "place" else None
                )
            if low in _COUNTRY_NOUNS and any(
                w in ("the", "this") for w in self._lower[start : tok.i]
            ):
                country = self.memory.country(self.doc[start].idx)
                return self._actor(start, end, country)
            if low in _ORG_NOUNS and any(w in ("the", "this") for w in self._lower[start : tok.i]):
                memo = self.memory.organisation(self.doc[start].idx)
                if memo is not None:
                    return self._actor(start, end, memo.actor.code, name=memo.actor.name)
            owner = next(
                (c for c in children(tok) if c.dep_ == "poss" and c.lower_ in _COUNTRY_NOUNS), None
            )
            if owner is not None and any(c.lower_ in ("the", "this") for c in children(owner)):
                # "the country's airspace", as "Lithuanian airspace": the country's
                return self._actor(start, end, self.memory.country(owner.idx))
            return self._actor(start, end, None)
        # the head is a role noun
        return self._role(
            tok,
            agent,
            start,
            end,
            titles,
            names,
            people,
            former=former,
            plural=plural,
            located=located and bool(names),
        )

    def _split_ex(self, tok: Token) -> Token | None:
        """The role of 'ex-president of X' when the parser made 'ex', '-' and the role three
        siblings of one head (it does so before an of-phrase): the role token, else None."""
        doc = self.doc
        if (
            self._lower[tok.i] != "ex"
            or tok.i + 2 >= len(doc)
            or self._texts[tok.i + 1] not in ("-", "–")
        ):
            return None
        role = doc[tok.i + 2]
        same = role.head.i == tok.head.i and role.dep_ == tok.dep_
        return role if same and role.i in self._at else None

    def _people_abroad(self, tok: Token, entry: ActorEntry) -> str | None:
        """The country where a people named by a plural demonym lives, when an 'in'-phrase
        names another one ('ethnic Albanians in south Serbia', 'Kurds in Syria'), else None."""
        if entry.kind != "country" or tok.tag_ not in ("NNS", "NNPS") or tok.ent_type_ != "NORP":
            return None
        places = self._place_in(tok)
        if not places or places[0].country in (None, entry.country):
            return None
        return places[0].country

    def _patron(self, m: Mention) -> bool:
        """'pro-Iranian', 'Russian-backed': a mention that names a patron of the actor."""
        lower, text = self._lower, self._texts  # the Doc's words, read once
        start, end = m.start, m.end
        dash_before = start >= 2 and text[start - 1] in ("-", "–")
        if dash_before and lower[start - 2] == "pro":
            return True
        if lower[start].startswith(("pro-", "anti-")):
            return True
        if dash_before and lower[start - 2] == "anti":
            return True  # 'an anti-Syria journalist' is no Syrian
        return end + 2 <= len(text) and text[end] in ("-", "–") and lower[end + 1] in _PATRON_AFTER

    @staticmethod
    def _name_end(tok: Token) -> int:
        """The end of the organisation's or person's name the head stands in: "the U.S.
        Chamber of Commerce", "People for the Ethical Treatment of Animals"."""
        if tok.ent_type_ not in ("ORG", "PERSON") or tok.ent_iob_ not in ("B", "I"):
            return tok.i + 1
        doc = tok.doc
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end

    @staticmethod
    def _conjunct_end(tok: Token) -> int:
        """A coordinated subject is one actor span: 'Canada and the United Kingdom agreed'. The
        code stays the first conjunct's."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return tok.i + 1
        end = tok.i + 1
        for child in rights(tok):
            if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN") and child.i - tok.i <= 8:
                end = max(end, max(t.i for t in child.subtree if t.dep_ != "punct") + 1)
        return end

    def _tok_end(self, actor: Actor) -> int:
        """One past the first token that ends at or after the actor's end (token ends rise)."""
        first = bisect.bisect_left(self._token_ends, actor.end)
        return first + 1 if first < len(self._token_ends) else len(self.doc)

    @staticmethod
    def _of_object(tok: Token) -> Token | None:
        for child in rights(tok):
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in children(child) if c.dep_ == "pobj"), None)
        return None

    def _sentence_country(self, tok: Token) -> str | None:
        """The one country a titled person's sentence names ('Defence Minister X said Arnor
        would ...'); None when it names none or several."""
        found = self._sentence_countries(tok)
        return next(iter(found)) if len(found) == 1 else None

    def _sentence_countries(self, tok: Token) -> set[str | None]:
        """The countries ``tok``'s sentence names outside its own clause (and not as patrons),
        also through a national body or group ('demands from the X Union for the Independence
        of Arnor', a known group)."""
        sent_start, sent_end = self.memory.sentence(tok.i)
        return {
            m.entry.country
            for m in self._starting(sent_start, sent_end)
            if m.entry is not None
            and (
                m.entry.kind in ("country", "place")
                or (m.entry.kind in ("organisation", "group") and m.entry.country)
            )
            and not self._in_own_clause(m.end - 1, tok.i)
            and not self._patron(m)  # 'US-backed forces' are not the role's country
        }

    def _in_own_clause(self, place: int, person: int) -> bool:
        """Is the token ``place`` an argument in the clause of the token ``person`` ('President
        X threatened action against Russia'), rather than in a reported or separate clause
        ('... said Arnor would')? Walked on the Doc's lists (heads, dependency ids)."""
        tree = tree_of(self.doc)
        deps, heads = tree.deps(), tree.heads
        if deps[place] in _PLACE_MODIFIER_DEPS:
            return False  # "the Zambian people": a modifier, often the person's own country
        # ('The X government agreed to provide Y with ...': an xcomp shares its subject, so Y
        # is still an argument of the subject's own clause)
        verb = heads[person] if deps[person] in _SUBJECT_DEPS else person
        tok = place
        against = False
        for hops in range(1, 7):
            if tok == heads[tok] or deps[tok] in _CLAUSE_DEPS:
                return False
            tok = heads[tok]
            against = against or self._lower[tok] == "against"
            if tok == verb:
                # the verb's argument, or an argument's; deeper only a target ('called for
                # sanctions against Russia')
                return hops <= 3 or against
        return False

    def _place_in_end(self, tok: Token) -> int:
        """Token end of the 'in'-phrase that _place_in read."""
        for child in rights(tok):
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                return child.right_edge.i + 1
        return tok.i + 1

    def _place_country(self, start: int, head: int) -> str | None:
        """The country of a town or region that modifies a role ("Shanghai authorities",
        "Rakhine rebels", "Kano State government"), from the gazetteer, when the name is not
        an actor of the knowledge base: the most populous sense, if it clearly dominates."""
        words = [
            t
            for t in self.doc[start:head]
            if t.i not in self._at
            and t.is_title
            and t.pos_ in ("PROPN", "ADJ", "NOUN")
            and t.lower_ not in _INSTITUTION_WORDS
        ]
        return self._gazetteer_country(words)

    def _trailing_region(self, after: Iterable[Token]) -> str | None:
        """The country of a first-level region that ends a body's name after its role noun
        ("Police Scotland", "the X Legal Aid Service Western Cape"): the region's own
        name, capitalised, with no other sense nearly as populous."""
        words: list[Token] = []
        for t in reversed(list(after)):
            if t.i in self._at or not t.is_title or t.pos_ != "PROPN":
                break
            words.insert(0, t)
        for k in range(min(3, len(words)), 0, -1):
            name = self.doc[words[-k].i : words[-1].i + 1].text
            senses = [
                e for e in default_gazetteer().lookup(name) if e.country and e.feature != "country"
            ]
            if not senses:
                continue
            best = max(senses, key=lambda e: e.population)
            if best.feature == "admin1" and all(
                e.country == best.country or best.population >= 10 * e.population for e in senses
            ):
                return best.country
        return None

    def _town_in(self, tok: Token, *, of: bool = False) -> tuple[str, int] | None:
        """The country of a town or region in a place phrase after a role ('a court in
        Istanbul', 'officials from Kano State'; with ``of``, a person's office there: 'the
        governor of Kano State'), with the token end of the phrase."""
        for obj, end in self._prep_objects(tok, _PLACE_OR_OF_PREPS if of else _PLACE_PREPS):
            named = self._settlement_name(obj)
            if named is not None and named.i not in self._at:
                # "police in the town of X": a name a settlement noun makes a place
                country = self._place_country_of(named)
                if country is not None:
                    return country, end
                continue
            if obj.pos_ != "PROPN" or obj.i in self._at:
                continue
            left = min(t.i for t in obj.subtree)
            words = [
                t
                for t in self.doc[left : obj.i + 1]
                if t.i not in self._at and t.is_title and t.pos_ in ("PROPN", "ADJ", "NOUN")
            ]
            country = self._gazetteer_country(words)
            if country is not None:
                return country, end
        return None

    def _gazetteer_country(self, words: list[Token]) -> str | None:
        """The country of the place these words name, if its most populous sense is a
        place by the model's reading (or a first-level region) and clearly dominates."""
        while words and words[-1].lower_ in _REGION_WORDS:  # "Kano State" -> "Kano"
            words.pop()
        if not words:
            return None
        name = self.doc[words[0].i : words[-1].i + 1].text
        senses = [
            e for e in default_gazetteer().lookup(name) if e.country and e.feature != "country"
        ]
        if not senses:
            return None
        senses.sort(key=lambda e: -e.population)
        best, rest = senses[0], senses[1:]
        # a place by the model's reading, or a first-level region: not a surname ("the Bush
        # administration" is no town in Egypt)
        placed = (
            words[-1].ent_type_ in ("GPE", "LOC", "FAC")
            or best.feature == "admin1"
            or best.population >= 1_000_000  # a big city, whatever the model read ('Madras')
        )
        big_enough = placed and (best.population >= 100_000 or best.feature == "admin1")
        dominant = all(
            e.country == best.country or best.population >= 10 * e.population for e in rest
        )
        return best.country if big_enough and dominant else None

    def _misspelt_country(self, toks: Span) -> str | None:
        """The country that the one capitalised word of ``toks`` the KB does not know misspells
        ('Dehli', 'Kazahks'), if it names no person and no place of the gazetteer as it is."""
        words = [
            t
            for t in toks
            if t.i not in self._at and t.is_title and t.pos_ in ("PROPN", "ADJ", "NOUN")
        ]
        if len(words) != 1 or words[0].ent_type_ == "ORG":
            return None
        if words[0].ent_type_ == "PERSON" and self.kb.surname_country(words[0].text):
            return None  # a known surname
        country = self.kb.misspelt_country(words[0].text)
        if country is None or default_gazetteer().lookup(words[0].text):
            return None
        return country

    def _surname_country(self, start: int, end: int) -> str | None:
        """The country of a known person's surname that is not itself a KB mention: 'the Bush
        administration', 'President Bush' (every known Bush is American)."""
        names = [t for t in self.doc[start:end] if t.pos_ == "PROPN" and t.i not in self._at]
        if not names or names[-1].ent_type_ not in ("PERSON", "ORG", "NORP", ""):
            return None
        return self.kb.surname_country(names[-1].text)

    @staticmethod
    def _prep_objects(tok: Token, preps: frozenset[str]) -> list[tuple[Token, int]]:
        """(object, token end of its phrase) of the head's prepositional phrases in ``preps``."""
        out = []
        for child in rights(tok):
            if child.dep_ == "prep" and child.lower_ in preps:
                for c in children(child):
                    if c.dep_ == "pobj":
                        out.append((c, max(t.i for t in child.subtree) + 1))
        return out

    def _affiliation(self, tok: Token) -> tuple[ActorEntry, int] | None:
        """A named body or group that a role belongs to, after a preposition: 'students at
        Kabul University', 'members of SANDF', 'a spokesman for the Taliban'; with the token
        end of the phrase."""
        for obj, end in self._prep_objects(tok, _AFFILIATION_PREPS):
            m = self._at.get(obj.i)
            if (
                m is not None
                and m.entry is not None
                and m.entry.kind in ("organisation", "group")
                and m.end - 1 == obj.i
            ):
                return m.entry, end
        return None

    def _allegiance(self, tok: Token) -> str | None:
        """The country of the actor a role is loyal or linked to: 'forces loyal to President
        X', 'workers affiliated with the Serbian union', 'gunmen linked to the army'."""
        for child in rights(tok):
            if child.dep_ not in ("amod", "acl") or child.lemma_.lower() not in _ALLEGIANCE:
                continue
            for obj, _end in self._prep_objects(child, frozenset({"to", "with"})):
                actor = self.resolve(obj)
                if actor is not None and actor.country:
                    return actor.country
        return None

    def _served(self, tok: Token) -> tuple[Actor, int] | None:
        """The coded actor a generic role speaks or works for, with the token end of the
        phrase: 'a spokesman for the Israeli prime minister', 'an aide to President X'."""
        for obj, end in self._prep_objects(tok, _SERVING_PREPS):
            if obj.pos_ not in ("NOUN", "PROPN"):
                continue
            actor = self.resolve(obj)
            if actor is not None and actor.code and (actor.country or actor.sector):
                return actor, end
        return None

    @staticmethod
    def _settlement_name(obj: Token) -> Token | None:
        """The name of "the town of X", "the capital, X", "the city X" (None for other nouns)."""
        if obj.lower_ not in _SETTLEMENT_NOUNS:
            return None
        for child in children(obj):
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in children(child) if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN":
                    return pobj
        return None

    def _place_in(self, tok: Token) -> list[ActorEntry]:
        """Country or capital named by an 'in'-phrase after the head ('leaders in France',
        'residents in the capital, X')."""
        for child in rights(tok):
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for c in children(child):
                    if c.dep_ != "pobj":
                        continue
                    for place in (c, self._settlement_name(c)):
                        m = self._at.get(place.i) if place is not None else None
                        entry = m.entry if m is not None else None
                        if entry is not None and entry.kind in ("country", "place"):
                            return [entry]
        return []

    def _named(
        self,
        tok: Token,
        entry: ActorEntry,
        start: int,
        end: int,
        mods: list[Mention],
        *,
        former: bool,
        then: bool,
    ) -> Actor:
        code, sector, status = self._code_of(entry)
        titles = tuple(m.agent.phrase for m in mods if m.agent is not None)
        title_agents = [m.agent for m in mods if m.agent is not None]
        name: str | None = entry.name
        if entry.kind == "person":
            country = split_code(code)[0] or entry.country
            before_name = [m.agent for m in mods if m.agent is not None and m.end <= tok.i]
            title = _main_title(before_name)
            if then and title_agents:
                code, sector = (country or "---") + (title or title_agents[-1]).code, None
            elif former:
                code, sector = (entry.country or "---") + "ELI", "ELI"
            elif status in ("former", "before", "last"):
                # 'Prime Minister X' after X's term: the title in the text beats the date; so
                # does a country ('U.S. X' is not X's later office abroad)
                owners = {
                    m.entry.country
                    for m in mods
                    if m.entry is not None and m.entry.kind == "country" and m.end <= tok.i
                }
                own = owners.pop() if len(owners) == 1 else None
                # (a country alone only picks among the offices of an undated text)
                chosen = title is not None or (own is not None and status == "last")
                titled = titled_code(entry, title, own) if chosen else None
                if titled is not None:
                    code, sector = titled
        elif entry.kind == "organisation" and entry.country:
            other = self._foreign_owner(tok, entry, mods)
            if other is not None:
                # "Chile's Defense Department": the alias belongs to another country's body
                head_agent = self.kb.agent(tok.lower_)
                sector = head_agent.sector if head_agent is not None else split_code(code)[1]
                code, name = other + (sector or ""), None
        act = self._actor(start, end, code, sector=sector, name=name)
        person = entry.kind == "person"
        self.memory.remember(
            act,
            person=person,
            plural=not person and tok.tag_ in ("NNS", "NNPS"),
            gender=entry.gender,
            titles=titles,
            surname=tok.text if person else None,
        )
        return act

    def _foreign_owner(self, tok: Token, entry: ActorEntry, mods: list[Mention]) -> str | None:
        """A country named before a national body's name that is not the body's own country
        ("Chile's Defense Department", "the Chilean Defense Department"), else None."""
        head = self._at.get(tok.i)
        first = head.start if head is not None else tok.i
        owners = {
            m.entry.country
            for m in mods
            if m.entry is not None
            and m.entry.kind in ("country", "place")
            and m.end <= first
            and m.entry.country
        }
        if len(owners) != 1 or entry.country in owners:
            return None
        return owners.pop()

    def _country_from(
        self, names: list[ActorEntry], people: list[ActorEntry]
    ) -> tuple[str | None, ActorEntry | None]:
        for e in names:
            if e.kind in ("country", "place"):
                return e.country, None
            default = self._code_of(e)[0]
            if e.kind == "other" and default and len(default) == 3 and default.isalpha():
                return default, None  # a PETRARCH country-like entry: ARNOR [ARN]
            if e.kind in ("organisation", "group", "other"):
                return None, e
        for p in people:
            code = self._code_of(p)[0]
            c = split_code(code)[0] or p.country
            if c:
                return c, None
        return None, None

    def _role(
        self,
        tok: Token,
        agent: AgentEntry,
        start: int,
        end: int,
        titles: list[AgentEntry],
        names: list[ActorEntry],
        people: list[ActorEntry],
        *,
        former: bool,
        plural: bool,
        located: bool = False,
    ) -> Actor:
        appositive = [
            m
            for m in self._starting(tok.i + 1, end)
            if m.entry is not None and m.entry.kind == "person"
        ]
        if appositive and agent.kind in ("person", "generic") and not plural:
            # 'the Palestinian president, Mahmoud Abbas': the named person is the actor
            person = appositive[0]
            assert person.entry is not None
            return self._named(
                self.doc[person.end - 1],
                person.entry,
                start,
                end,
                [m for m in self._within(start, end) if m is not person],
                former=former,
                then=False,
            )
        sector_code = agent.code
        positional = agent.kind == "generic" or (
            agent.kind == "person" and agent.sector in _POSITIONAL_SECTORS
        )
        if agent.kind == "generic":
            specific = [t for t in titles if t.kind != "generic"]
            if specific:
                sector_code = specific[-1].code
        in_preps = {
            t.i
            for child in rights(tok)
            if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPS
            for t in child.subtree
        }
        bodies = [  # 'President of the X Human Rights League': the body's sector
            m.agent
            for m in (self.mentions if in_preps else ())
            if m.start in in_preps and m.agent is not None and m.agent.kind in ("body", "group")
        ]
        if positional and bodies:
            sector_code = bodies[0].code
        country, org = self._country_from(names, people)
        seat = next((e for e in names if e.kind == "place" and e.sector), None)
        if (
            positional
            and seat is not None
            and org is None
            and seat.country == country
            and not located  # "protesters in Nairobi" are no capital's government
        ):
            sector_code = seat.sector or sector_code  # 'the chairman of the Duma': its sector
        if country is None and org is None:
            country = self._allegiance(tok)  # "forces loyal to President X"
        if country is None and org is None:
            country = self._place_country(start, tok.i)  # "Kano State government"
        if country is None and org is None:
            country = self._trailing_region(self.doc[tok.i + 1 : end])  # "Police Scotland"
        if country is None and org is None:
            country = self._surname_country(start, tok.i)  # "the Bush administration"
        if country is None and org is None:
            country = self._misspelt_country(self.doc[start : tok.i])  # "Dehli police"

        first = self.doc[start]
        if former:
            sector_code = "ELI"
        if org is not None:
            base = self._code_of(org)[0] or org.code or ""
            org_sector = split_code(base)[1] or org.sector
            if org.kind == "group" or org_sector in _GROUP_SECTORS:
                code = (
                    base
                    if sector_code[:3] in _MEMBER_SECTORS or sector_code == org_sector
                    else base + sector_code
                )
            elif org_sector == sector_code[:3] or (positional and not former and org.country):
                # a national body: 'the president of the Riigikogu', 'a Bundeswehr spokesman'
                # (an international one keeps the role: 'the president of the EU Council')
                code = base
            else:
                code = (sector_code + base) if agent.prefix else base + sector_code
            act = self._actor(
                start,
                end,
                code,
                sector=sector_code[:3] if code != base else org_sector,
                name=org.name,
            )
            self.memory.remember(
                act,
                person=agent.kind in ("person", "generic") and not plural,
                plural=plural,
                gender=None,
                titles=(agent.phrase,),
                surname=None,
            )
            return act
        if country is None and agent.kind == "generic" and not former:
            served = self._served(tok)  # 'a spokesman for the prime minister'
            if served is not None:
                actor, served_end = served
                return self._actor(
                    start,
                    max(end, served_end),
                    actor.code,
                    sector=actor.sector,
                    name=actor.name,
                    country=actor.country,
                )
        if country is None and first.lower_ in ("its", "their"):
            country = self.memory.country(first.idx)  # "Minsk said its foreign minister ..."
        if country is None:
            # "a court in Istanbul", "the governor of Kano State"
            town = self._town_in(tok, of=agent.kind == "person")
            if town is not None:
                country, end = town[0], max(end, town[1])
        if country is None:
            definite = first.lower_ in ("the", "this", "that") or first.tag_ == "PRP$"
            if definite and agent.kind in ("person", "generic") and not plural:
                memo = self.memory.title(agent, first.idx, None)
                if memo is not None:
                    a = memo.actor
                    return self._actor(
                        start, end, a.code, sector=a.sector, name=a.name, country=a.country
                    )
            if definite and agent.kind in ("body", "group"):
                country = self.memory.country(first.idx)
        elif agent.kind in ("person", "generic") and not plural:
            memo = self.memory.title(agent, first.idx, country)
            if memo is not None and memo.actor.name:
                a = memo.actor
                return self._actor(
                    start, end, a.code, sector=a.sector, name=a.name, country=a.country
                )
        if country is None and (
            agent.kind == "person"
            and (not plural or sector_code[:3] in _NATIONAL_SECTORS)
            or agent.kind != "person"
            and sector_code[:3] in _NATIONAL_SECTORS
            and not agent.phrase.startswith("peacekeep")  # foreign by definition
        ):
            # 'Defence Minister X said Arnor ...', 'the opposition party will boycott Arnor's
            # elections': a state or political role of the one country its sentence names
            country = self._sentence_country(tok)
        if (
            country is None
            and sector_code[:3] in _NATIONAL_SECTORS
            and not former
            and len(self._sentence_countries(tok)) < 2
        ):
            # a state's role named again without its country: "Senegalese police fired ...
            # Police arrested 40 people" (the last actor of that sector in the document); not
            # when its own sentence names two countries it could belong to ("X accused Y of
            # sending drones")
            country = self.memory.sector_country(sector_code[:3], first.idx)
        if (
            country is None
            and not former
            and sector_code[:3] not in ("NGO", "HRI", "IGO")
            and not agent.phrase.startswith("peacekeep")
        ):
            # 'Prisoners rioted at a jail in X': where a people's role acts is its country
            if sector_code[:3] not in _NATIONAL_SECTORS:
                country = self._event_place(tok)
            # 'Protesters gathered ...' in a story whose actors so far are all of one country
            if country is None:
                country = self.memory.only_country(first.idx)
        base = country or "---"
        code = (sector_code + base) if agent.prefix else base + sector_code
        if country is None and sector_code[:3] in ("NGO", "HRI"):
            # an aid or rights group of no known country is a non-governmental organisation
            # ('a human rights group' -> NGOHRI, 'an aid agency' -> NGO), as CAMEO codes them
            code = "NGO" + sector_code[3:] if sector_code[:3] == "NGO" else "NGO" + sector_code
        act = self._actor(start, end, code, sector=sector_code[:3], name=self._own_name(tok, agent))
        self.memory.remember(
            act,
            person=agent.kind in ("person", "generic") and not plural,
            plural=plural,
            gender=None,
            titles=(agent.phrase,),
            surname=None,
        )
        return act

    def _written_name(self, name_toks: list[Token]) -> str | None:
        """The name as written, hyphens and all ('Tseng Hou-jen'): the run of proper nouns
        (and hyphens inside a word) from the first of ``name_toks``."""
        if not name_toks:
            return None
        doc = self.doc
        texts, starts, ends = self._texts, self._token_starts, self._token_ends
        pos = tree_of(doc).pos()
        last = name_toks[0].i
        while last + 1 < len(texts):
            nxt = last + 1
            joined = starts[nxt] == ends[last]
            if nxt in self._at or not (pos[nxt] == PROPN or joined and texts[nxt] == "-"):
                break
            last += 1
        while texts[last] == "-":
            last -= 1
        return doc[name_toks[0].i : last + 1].text

    def _own_name(self, tok: Token, agent: AgentEntry) -> str | None:
        """The name of a body the KB does not know, as the text writes it: the capitalised
        words that end in its role noun ('Madras High Court', 'Amherst College')."""
        if agent.kind != "body" or tok.pos_ != "PROPN" or not tok.is_title:
            return None
        first = tok.i
        while (
            first > 0
            and self.doc[first - 1].is_title
            and self.doc[first - 1].pos_
            in (
                "PROPN",
                "ADJ",
                "NOUN",
            )
        ):
            first -= 1
        return self.doc[first : tok.i + 1].text if first < tok.i else None

    def _name_field(self, tok: Token, start: int, end: int) -> str | None:
        """The sector of the field a body's name names ('the X Bar Association' -> JUD, 'the X
        Commission on Human Rights' -> HRI), if its head is a body's last word, else None."""
        if tok.text not in _BODY_NAME_HEADS:
            return None
        words = [t.lower_ for t in self.doc[start:end] if t.i != tok.i and t.is_title]
        pairs = [" ".join(p) for p in zip(words, words[1:], strict=False)]
        known = _name_fields()
        fields = [known[w] for w in (*pairs, *words) if w in known]
        return fields[0] if fields else None

    def _proper_name(
        self,
        tok: Token,
        start: int,
        end: int,
        titles: list[AgentEntry],
        names: list[ActorEntry],
        *,
        former: bool,
    ) -> Actor:
        """A proper name not in the KB: a titled person, a remembered surname, or unknown."""
        doc = self.doc
        after_titles = max(
            (m.end for m in self.mentions if start <= m.start and m.end <= tok.i), default=start
        )
        name_toks = [t for t in doc[after_titles:end] if t.pos_ == "PROPN" and t.i not in self._at]
        name = self._written_name(name_toks)
        if titles:
            country, org = self._country_from(names, [])
            if country is None and org is None and len(name_toks) == 1:
                # 'President Bush'; a full name the KB does not know ('Officer John Smith') is
                # someone else than the known people of that surname
                country = self._surname_country(start, end)
            if country is None and org is None and tok.ent_type_ == "ORG":
                country = self._trailing_region(name_toks)  # '... Alliance Western Cape'
            if country is None and org is None:
                country = self._sentence_country(tok)
            title = _main_title(titles) or titles[-1]
            sector_code = title.code if not former else "ELI"
            if country is None and org is None and sector_code[:3] in _NATIONAL_SECTORS:
                # 'ministry spokeswoman X' after 'the Lithuanian foreign ministry said ...'
                country = self.memory.sector_country(sector_code[:3], doc[start].idx)
            code = self._code_of(org)[0] if org is not None else (country or "---") + sector_code
            act = self._actor(
                start, end, code, sector=sector_code[:3] if org is None else None, name=name
            )
            # 'the rebel Revolutionary United Front': an organisation described by a lower-case
            # role, not a person with a title ('Rebel Commander X')
            body = tok.ent_type_ == "ORG" and all(
                t.is_lower
                for m in self.mentions
                if m.agent is not None and start <= m.start and m.end <= tok.i
                for t in doc[m.start : m.end]
            )
            self.memory.remember(
                act,
                person=not body,
                plural=False,
                gender=None,
                titles=tuple(t.phrase for t in titles),
                surname=None if body else tok.text,
            )
            return act
        initials = [t.text for t in name_toks[:-1]]
        if initials and all(len(w) == 2 and w[0].isupper() and w[1] == "." for w in initials):
            known = self.kb.initialled(initials, name_toks[-1].text)  # 'G. W. Bush'
            if known is not None:
                return self._named(tok, known, start, end, [], former=former, then=False)
        memo = self.memory.surname(tok.text, doc[start].idx)
        if memo is not None:
            prev = memo.actor
            return self._actor(
                start, end, prev.code, sector=prev.sector, name=prev.name, country=prev.country
            )
        if names and tok.ent_type_ not in ("PERSON",):
            base = names[0]
            field = self._name_field(tok, start, end)
            if field is not None and base.kind in ("country", "place") and base.country:
                # 'the Kenyan Medical Association': the country's body of that field
                return self._actor(start, end, base.country + field, sector=field, name=None)
            return self._actor(
                start,
                end,
                base.country if base.kind in ("country", "place") else base.code,
                name=None,
            )
        misspelt = (
            self._misspelt_country(doc[start:end])
            if not titles and tok.dep_ not in ("compound", "nmod")
            else None
        )
        if misspelt is not None:  # 'Kazahks', 'Ukrainan'
            return self._actor(start, end, misspelt)
        if tok.ent_type_ in ("GPE", "LOC") and not titles and tok.dep_ not in ("compound", "nmod"):
            # a town or region the KB does not know ('Puerto Penasco', 'Geneva'): its country
            words = [t for t in doc[start:end] if t.is_title and t.pos_ in ("PROPN", "NOUN")]
            whole = all(t.ent_type_ in ("GPE", "LOC") for t in words)  # not 'Flavia X Piccoli'
            country = self._gazetteer_country(words) if whole else None
            if country is not None:
                place = doc[words[0].i : words[-1].i + 1].text
                return self._actor(start, end, country, name=place)
        if tok.ent_type_ == "PERSON" and name and all(t.ent_type_ == "PERSON" for t in name_toks):
            return self._actor(start, end, None, name=name)  # an unknown person, as written
        field = self._name_field(tok, start, end) if tok.ent_type_ == "ORG" else None
        if field is not None and len(name_toks) > 1:
            # 'the Independent Electoral Commission': a body of no known country, its field's
            return self._actor(start, end, "---" + field, sector=field, name=name)
        if tok.ent_type_ == "ORG" and tok.text in _NGO_NAME_HEADS and len(name_toks) > 1:
            # 'the Third Regional Water Forum', 'the X Family Foundation': a civil body of no
            # known country is a non-governmental organisation, as CAMEO codes them
            return self._actor(start, end, "NGO", sector="NGO", name=name)
        return self._actor(start, end, None)
