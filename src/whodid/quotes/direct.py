"""Direct quotes: each stretch in quotation marks, with the cue that attributes it.

The cue is sought outside the quotation marks in the sentences the stretch touches (and in a
short sentence right after it, "he said.", or a sentence before it ending in a colon). A cue
linked to the quotation by the parse wins ("...," Salazar said; Salazar said: "..."), then the
nearest. A stretch with no cue of its own continues the speaker of a quotation just before it
(a quote running on in the next paragraph). Short fragments ("a failure", a title) count only
when the parse links them to a cue ("labelled it "a failure""), so scare quotes are left out.

A quotation with no cue of saying that a verb uses ("thanked him for "..."") is that verb's
subject's; one that opens a sentence right after a sentence about someone ('Roe disagreed.
"..."') is that someone's. A colon before the quotation gives way to a cue after it ('She was
tired: "...," her deputy said'); a short sentence after the quotation attributes it only in the
same paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from whodid.nlp.tree import children
from whodid.quotes.cues import Cue, CueLexicon
from whodid.quotes.marks import Marked
from whodid.quotes.speaker import speaker_token
from whodid.text.doctext import doc_text

__all__ = ["USE_CUE", "Attributed", "Inside", "attribute_stretch"]

_FRAGMENT_WORDS = 4  # a stretch of fewer words needs a parse link to its cue
_AFTER_SENTENCE_TOKENS = 10  # "he said." after the closing mark
_LINK_DEPTH = 5
_DASH_CUE = Cue("―", (), "speech")
_COLON_CUE = Cue(":", (), "speech")
LEAD_CUE = Cue("lead", (), "speech")  # the sentence before a cue-less quotation names its speaker
_PERSONAL = frozenset({"he", "she", "they", "i", "we"})
USE_CUE = Cue("use", (), "speech")  # a verb that uses the quoted words: "labelled it "a con""
# How a quoted fragment hangs from the verb that uses it: object, predicate, "as"/"to" phrase.
_OBJECT_ARCS = frozenset(
    {"dobj", "attr", "oprd", "pobj", "pcomp", "prep", "appos", "conj", "ccomp", "xcomp", "acomp"}
)
_NOT_USING = frozenset({"be", "have", "do", "become", "seem"})
_DASH_NAME = re.compile(r"[ \t\u00a0]*([―—–]|--?)[ \t\u00a0]*(?=[A-Z])")


@dataclass(slots=True)
class Attributed:
    """A quotation-mark stretch with its cue words (None: continues an earlier speaker)."""

    stretch: Marked
    cue: Cue | None
    cue_tokens: list[Token]
    linked: bool
    speaker: Token | None = None  # set when the attribution names the speaker itself ("― Name")


class Inside:
    """Fast 'is this character inside quotation marks?' over every stretch's pieces."""

    def __init__(self, stretches: list[Marked]) -> None:
        pieces = sorted(p for s in stretches for p in s.pieces)
        self._starts = [a for a, _ in pieces]
        self._pieces = pieces

    def __call__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._pieces[i][0] <= offset < self._pieces[i][1]


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _linked(cue: Token, inside: list[Token]) -> bool:
    """Does the parse join the cue and the quotation (either way, a few arcs apart)?"""
    ids = {t.i for t in inside}
    for tok in inside:
        node, steps = tok, 0
        while node.head.i != node.i and steps < _LINK_DEPTH:
            node, steps = node.head, steps + 1
            if node.i == cue.i:
                return True
            if (
                node.i not in ids
                and node.pos_ in ("VERB", "AUX")
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in children(node))
            ):
                break  # another clause, with a subject of its own
    node, steps = cue, 0
    while node.head.i != node.i and steps < 2:  # '"...," said X' parsed as parataxis
        node, steps = node.head, steps + 1
        if node.i in ids:
            return True
    return False


def _window(doc: Doc, stretch: Marked) -> list[SpacySpan]:
    sents = [s for s in doc.sents if s.start_char < stretch.end and s.end_char > stretch.start]
    if not sents:
        return []
    first, last = sents[0], sents[-1]
    out = list(sents)
    if first.start > 0:
        before = doc[first.start - 1].sent
        if before.text.rstrip().endswith(":"):
            out.insert(0, before)
    tail = doc_text(doc)[stretch.end : last.end_char].strip()
    if last.end < len(doc) and not any(ch.isalpha() for ch in tail):
        after = doc[last.end].sent
        gap = doc_text(doc)[stretch.end : after.start_char]
        if len(after) <= _AFTER_SENTENCE_TOKENS and "\n" not in gap:  # not the next paragraph
            out.append(after)
    return out


def _governing_verb(quoted: list[Token]) -> Token | None:
    """The verb whose subject uses a quoted fragment ("pounded Trump as a "con artist"",
    "rated the claim "false""), when the fragment is its object or predicate, not its subject
    or part of a name ("the so-called "peace train" left")."""
    ids = {t.i for t in quoted}
    roots = [t for t in quoted if t.head.i not in ids and not t.is_punct]
    if len(roots) != 1:
        return None
    node = roots[0]
    for _ in range(4):
        if node.dep_ not in _OBJECT_ARCS or node.head.i == node.i:
            return None
        head = node.head
        if head.pos_ == "VERB":
            if head.lemma_.lower() in _NOT_USING:
                return None
            subject = next((c for c in children(head) if c.dep_ == "nsubj"), None)
            return head if subject is not None and subject.i not in ids else None
        node = head
    return None


def _colon_attribution(
    doc: Doc, stretch: Marked, cues: CueLexicon, inside: Inside
) -> Attributed | None:
    """ "The minister told reporters: "..."" and "The statement read in full: "..."": a colon
    right before the opening mark introduces the quotation; the cue is the last cue word
    before the colon in its sentence, else the colon itself, spoken by that sentence's subject."""
    i = stretch.start - 1
    while i >= 0 and doc_text(doc)[i].isspace():
        i -= 1
    if i < 0 or doc_text(doc)[i] != ":":
        return None
    colon = doc.char_span(i, i + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    for tok in reversed(doc[sent.start : colon[0].i]):
        if tok.is_alpha and not inside(tok.idx):
            match = cues.match(tok)
            if match is not None:
                return Attributed(stretch, match[0], match[1], True)
    root = sent.root
    subject = next((c for c in children(root) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and root.pos_ in ("PROPN", "NOUN") and root.i < colon[0].i:
        subject = root  # "Breitbart News:" standing alone
    if subject is None or inside(subject.idx):
        return None
    return Attributed(stretch, _COLON_CUE, [colon[0]], True, speaker=subject)


def _dash_attribution(doc: Doc, stretch: Marked) -> Attributed | None:
    """ "“...” ― Jane Doe": a dash after the closing mark, then a name on the same line."""
    m = _DASH_NAME.match(doc_text(doc), stretch.end)
    if m is None:
        return None
    dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    name = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    if dash is None or name is None or name[0].pos_ not in ("PROPN", "NOUN"):
        return None
    head = name[0]
    while head.head.i != head.i and head.dep_ in ("compound", "flat") and head.head.i - head.i <= 3:
        head = head.head
    return Attributed(stretch, _DASH_CUE, list(dash), True, speaker=head)


def _cue_after(
    doc: Doc, stretch: Marked, quoted: list[Token], *, cues: CueLexicon, inside: Inside
) -> Attributed | None:
    """A cue of saying in the quotation's last sentence after its closing mark
    ('"...," she wrote'), linked to the quotation by the parse."""
    closing = doc.char_span(stretch.end - 1, stretch.end, alignment_mode="expand")
    if closing is None or doc_text(doc)[stretch.end - 2 : stretch.end - 1] not in (",", "?", "!"):
        return None
    sent = closing[-1].sent
    for tok in doc[closing[-1].i + 1 : sent.end]:
        if inside(tok.idx):
            break
        match = cues.match(tok) if tok.is_alpha else None
        if match is not None and match[0].kind == "speech" and _linked(tok, quoted):
            return Attributed(stretch, match[0], match[1], True)
    return None


def _lead_in(doc: Doc, stretch: Marked, inside: Inside) -> Attributed | None:
    """'Jane Roe agreed. "..."' : a quotation with no cue that opens a sentence right after
    a sentence of the same paragraph about someone is that someone's (the subject of the
    sentence before), rather than a continuation of an earlier quote."""
    text = doc_text(doc)
    opening = doc.char_span(stretch.start, stretch.start + 1, alignment_mode="expand")
    if opening is None or opening[0].i == 0:
        return None
    sent = opening[0].sent
    if sent.start != opening[0].i:
        return None
    before = doc[sent.start - 1].sent
    if "\n" in text[before.end_char : stretch.start] or inside(before.start_char):
        return None
    root = before.root
    if root.pos_ not in ("VERB", "AUX") or inside(root.idx):
        return None
    subject = next((c for c in children(root) if c.dep_ == "nsubj"), None)
    if subject is None or inside(subject.idx) or subject.pos_ not in ("PROPN", "PRON"):
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in _PERSONAL:
        return None
    return Attributed(stretch, LEAD_CUE, [root], False, speaker=subject)


def _words(stretch: Marked, doc: Doc) -> int:
    return sum(1 for t in _tokens_in(doc, *stretch.inner) if t.is_alpha)


def attribute_stretch(
    doc: Doc, stretch: Marked, *, cues: CueLexicon, inside: Inside
) -> Attributed | None:
    """The best cue for one stretch, or an unattributed record for a full-sentence quotation
    (the caller may give it an earlier speaker); None for a fragment with no cue."""
    dashed = _dash_attribution(doc, stretch)
    if dashed is not None:
        return dashed
    introduced = _colon_attribution(doc, stretch, cues, inside)
    quoted = [t for p in stretch.pieces for t in _tokens_in(doc, *p)]
    if introduced is not None:
        # 'She was irritated: "Just email it," she wrote.': the cue after the quotation wins
        following = _cue_after(doc, stretch, quoted, cues=cues, inside=inside)
        return following or introduced
    best: tuple[float, Cue, list[Token], bool] | None = None
    window = _window(doc, stretch)
    for sent in window:
        after = sent.start_char >= stretch.end and sent is window[-1]
        for tok in sent:
            if inside(tok.idx) or not tok.is_alpha:
                continue
            match = cues.match(tok)
            if match is None:
                continue
            cue, covered = match
            if (
                after
                and speaker_token(
                    tok, quoted=inside, documents=cues.documents, reporting=cues.verbs
                )
                is None
            ):
                continue  # "Reporting by ..." after a quotation is no attribution
            linked = _linked(tok, quoted)
            gap = min(abs(tok.idx - stretch.end), abs(stretch.start - tok.idx))
            score = (10.0 if linked else 0.0) - gap / 40.0
            score += 1.0 if cue.kind == "speech" else 0.5 if cue.kind == "source" else 0.0
            if tok.sent.start_char <= stretch.start < tok.sent.end_char or (
                tok.sent.start_char < stretch.end <= tok.sent.end_char
            ):
                score += 3.0
            if best is None or score > best[0]:
                best = (score, cue, covered, linked)
    fragment = _words(stretch, doc) < _FRAGMENT_WORDS
    if best is not None and (best[3] or not fragment):
        return Attributed(stretch, best[1], best[2], best[3])
    verb = _governing_verb(quoted)
    if verb is not None:  # "labelled it "a con"", "thanked him for "stepping up ...""
        return Attributed(stretch, USE_CUE, [verb], True)
    if fragment:
        return None
    return _lead_in(doc, stretch, inside) or Attributed(stretch, None, [], False)
