"""Noun-phrase extent around an argument head: the head with its left modifiers (det, amod,
compound, poss, nummod, ...; not a date), a short "of"-phrase after role nouns ("the president of
Mexico"), a capitalised "for"-title ("the Minister for Foreign Affairs"), a short participle
phrase after a role ("soldiers stationed near the border"), a name or a person's description in
apposition; never full relative clauses."""

from __future__ import annotations

from spacy.tokens import Token

from whodid.nlp.tree import children, label_ids, rights, tree_of

__all__ = [
    "np_tokens",
    "LEFT_DEPS",
    "PRONOUNS_PERSON",
    "PRONOUNS_THING",
    "PRONOUNS_PLURAL",
    "is_nominal",
]

LEFT_DEPS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "poss",
        "nummod",
        "nmod",
        "quantmod",
        "predet",
        "nn",
        "flat",
        "npadvmod",
        "advmod",
        "punct",
        "case",
        "prt",
        "dep",
    }
)
_LEFT_DEP_IDS = label_ids(*LEFT_DEPS)
(_PUNCT,) = label_ids("punct")
(_ADVMOD,) = label_ids("advmod")
(_DET,) = label_ids("det")
# determiners of one thing: on a plural possessor they belong to the possessed noun, which the
# parser misses ("a donors' meeting": "a" goes with "meeting", not with "donors")
_SINGULAR_DETS = frozenset({"a", "an", "another", "each", "every"})
RIGHT_KEEP_PREPS = frozenset({"of"})
_MAX_DESCRIPTION = 15  # tokens of a description in apposition after a person's name
_MAX_PARTICIPLE = 8  # tokens of a participle phrase after a noun phrase
PRONOUNS_PERSON = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
PRONOUNS_THING = frozenset({"it", "its", "itself"})
PRONOUNS_PLURAL = frozenset({"they", "them", "their", "themselves"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "X"})


def is_nominal(tok: Token) -> bool:
    return tok.pos_ in _NOMINAL_POS or (tok.pos_ == "" and tok.is_alpha)


def _left(tok: Token) -> list[int]:
    """The bounds of the subtrees of the head's left modifiers (``LEFT_DEPS``), read from the
    Doc's lists (dependency ids, texts, lower forms)."""
    idx: list[int] = []
    tree = tree_of(tok.doc)
    deps, texts, lowers = tree.deps(), tree.texts(), tree.lowers()
    i = tok.i
    for child in tree.kids[i]:  # in document order: the left children first
        k = child.i
        if k > i:
            break
        dep = deps[k]
        if dep in _LEFT_DEP_IDS:
            if dep == _PUNCT and texts[k] not in ("-", "'", "’"):
                continue
            if dep == _ADVMOD and lowers[k] not in ("then", "ex", "former", "now"):
                continue
            if dep == _DET and lowers[k] in _SINGULAR_DETS and _plural_possessor(tok):
                continue
            left = child.left_edge
            if left.ent_type_ in ("DATE", "TIME") and all(
                t.ent_type_ in ("DATE", "TIME") for t in child.subtree
            ):
                continue  # "17 July 2017 Russia's Supreme Court": a date is no part of an actor
            # the child's subtree: callers read only its bounds, not every token
            idx.extend((left.i, child.right_edge.i))
    return idx


def _plural_possessor(tok: Token) -> bool:
    """A plural noun marked possessive by a bare apostrophe ("donors' ")."""
    return tok.tag_ in ("NNS", "NNPS") and tok.dep_ == "poss"


def _appos(head: Token, last: int) -> list[int]:
    """A name in apposition after a title ("the Palestinian president, Mahmoud Abbas") or an
    acronym in parentheses ("the National Security Council (NSC)")."""
    doc = head.doc
    for child in rights(head):
        if child.dep_ != "appos":
            continue
        sub = [t.i for t in child.subtree]
        if min(sub) > last + 2:
            return []
        between = doc[last + 1 : min(sub)]
        names_only = len(sub) <= 6 and all(doc[i].pos_ in ("PROPN", "PUNCT", "DET") for i in sub)
        if all(t.text in (",", "(") for t in between) and child.pos_ == "PROPN" and names_only:
            closing = max(sub) + 1
            parens = "(" in [t.text for t in between] or doc[min(sub)].text == "("
            if parens and closing < len(doc) and doc[closing].text == ")":
                sub.append(closing)
            return [t.i for t in between] + sub
        if (
            head.ent_type_ == "PERSON"
            and child.pos_ in ("NOUN", "PROPN")
            and [t.text for t in between] == [","]
        ):
            # 'Jon Arnsen, the Norwegian defence minister, said': the description up to its
            # closing comma
            closing = next((t.i for t in doc[child.i + 1 :] if t.text == ","), len(doc))
            for clause in child.rights:  # "X, a former congressman the rebels have held"
                if clause.dep_ in ("relcl", "acl"):
                    closing = min(closing, clause.left_edge.i)
            described = [i for i in sub if i < closing]
            if len(described) <= _MAX_DESCRIPTION:
                return [between[0].i, *described]
        return []
    return []


def _inner_of(noun: Token) -> list[int]:
    """A second "of"-phrase right after the first ("the branches of the government of
    Somalia", "diplomats of the member states of the alliance"), when it names something."""
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ != "of" or child.i != noun.i + 1:
            return []
        pobj = next((c for c in children(child) if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ != "PROPN" or pobj.i - noun.i > 6:
            return []
        return [child.i, pobj.i, *_left(pobj)]
    return []


def _kept_prep(head: Token, prep: Token, *, role: bool) -> bool:
    """Is this prepositional phrase after the head part of its noun phrase? "of" always
    ("the president of Mexico"); after a role noun, a capitalised "for"-title ("the Minister
    for Foreign Affairs")."""
    if prep.lower_ in RIGHT_KEEP_PREPS:
        return True
    if not role or prep.lower_ != "for":
        return False
    pobj = next((c for c in children(prep) if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.pos_ == "PROPN" and head.is_title and pobj.is_title


def _participle(head: Token, last: int) -> list[int]:
    """A participle phrase right after a role's noun phrase ("soldiers stationed in the
    north", "hackers linked to the government"), up to a comma, at most a few tokens."""
    doc = head.doc
    for child in rights(head):
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBG") and child.i == last + 1:
            if head.dep_ == "appos" and all(
                c.dep_ in ("advmod", "npadvmod", "punct") for c in children(child)
            ):
                continue  # "..., a rights group protested Monday.": the speaker's own verb
            closing = next((t.i for t in doc[child.i :] if t.text == ","), len(doc))
            sub = [t.i for t in child.subtree if t.i < closing]
            if len(sub) <= _MAX_PARTICIPLE and sub == list(range(min(sub), max(sub) + 1)):
                return sub
    return []


def _coordinator(tok: Token, head: Token) -> bool:
    """ "sanctions against both India and Pakistan": "both" belongs to the coordination, not
    its first conjunct (a subject's "both" marks a joint actor and stays)."""
    return (
        tok.dep_ == "det"
        and tok.lower_ in ("both", "either", "neither")
        and head.dep_ not in ("nsubj", "nsubjpass")
        and any(c.dep_ == "conj" for c in children(head))
    )


def np_tokens(head: Token, *, with_of: bool, role: bool = False) -> tuple[int, int]:
    """Token range [start, end) of the head's noun phrase (``role``: the head is a role noun)."""
    idx = [head.i, *_left(head)]
    if with_of:
        for child in rights(head):
            if child.dep_ == "prep" and _kept_prep(head, child, role=role):
                pobj = [c for c in children(child) if c.dep_ == "pobj"]
                if pobj and pobj[0].i - head.i <= 6:
                    idx.append(child.i)
                    idx.append(pobj[0].i)
                    idx.extend(_left(pobj[0]))
                    idx.extend(_inner_of(pobj[0]))
                    break
            elif child.dep_ not in ("punct",):
                break
    if role:
        idx.extend(_participle(head, max(idx)))
    idx.extend(_appos(head, max(idx)))
    start, end = min(idx), max(idx) + 1
    doc = head.doc
    # trim punctuation and conjunctions at the edges
    while start < head.i and (
        doc[start].is_punct or doc[start].dep_ == "cc" or _coordinator(doc[start], head)
    ):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "case")):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break  # keep the parenthesis that closes an acronym: "Amnesty International (AI)"
        end -= 1
    return start, end
