"""``find_quotes``: every reported statement of a parsed document, direct and indirect.

1. Stretches in quotation marks (``marks``) get their cue (``direct``).
2. Cue words outside quotation marks give indirect speech (``indirect``); a quotation that
   stands inside such a complement and hangs from the same cue joins it ("saying that "...""),
   so one statement is one quote.
3. A quotation split around its attribution ("The reality is," Salazar said, "that ...")
   becomes one quote whose content runs from the first mark to the last; a quotation with no
   cue of its own continues the speaker of the quote just before it.
4. A transcript paragraph ("WALLACE: Let's start ...") is its labelled speaker's quote.
5. Speakers are resolved like any actor (``DocActors.resolve``): "he said" carries the code
   and name of the person "he" stands for.

Content spans include the quotation marks (the PARC/PolNeAR convention); ``direct`` is true
when at least half of the content stands in quotation marks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from whodid.nlp.tree import children, tree_of
from whodid.quotes.cues import CueLexicon, default_cues
from whodid.quotes.direct import USE_CUE, Attributed, Inside, attribute_stretch
from whodid.quotes.indirect import Reported, reported_content
from whodid.quotes.labels import speaker_labels
from whodid.quotes.marks import Marked, quoted_stretches
from whodid.quotes.speaker import ActorResolver, cue_span, speaker_actor, speaker_token
from whodid.records import Actor, Quote, Span
from whodid.text.doctext import doc_text

__all__ = ["find_quotes"]

logger = logging.getLogger(__name__)

_SPLIT_GAP = 160  # characters between the two halves of a split quotation
_CONTINUE_GAP = 700  # a cue-less quotation continues a quote that ended at most this far before


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    cue: list[Token]  # empty: continues the previous speaker
    pieces: list[tuple[int, int]] = field(default_factory=list)  # quoted parts
    speaker: Token | None = None  # named by the attribution itself ("― Jane Doe")

    @property
    def head(self) -> int | None:
        return self.cue[0].i if self.cue else None


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return max(a0, b0) < min(a1, b1)


def _drafts(
    reported: list[Reported], heads: list[Token], attributed: list[Attributed]
) -> list[_Draft]:
    drafts: list[_Draft] = []
    absorbed: set[int] = set()
    for r, head in zip(reported, heads, strict=True):
        draft = _Draft(r.start, r.end, [head, *(t for t in r.cue_tokens if t.i != head.i)])
        for k, a in enumerate(attributed):
            s = a.stretch
            if k in absorbed or not _overlap(r.start, r.end, s.start, s.end):
                continue
            # a fragment a verb of the reported clause uses ("said families would pay "more"")
            same_cue = (bool(a.cue_tokens) and a.cue_tokens[0].i == head.i) or a.cue is USE_CUE
            shared = min(r.end, s.end) - max(r.start, s.start)
            within = shared * 2 >= s.end - s.start
            own_cue_inside = bool(a.cue_tokens) and r.start <= a.cue_tokens[0].idx < r.end
            if same_cue or (within and not (a.linked and own_cue_inside)):
                absorbed.add(k)
                draft.start, draft.end = min(draft.start, s.start), max(draft.end, s.end)
                draft.pieces.extend(s.pieces)
        drafts.append(draft)
    for k, a in enumerate(attributed):
        if k not in absorbed:
            s = a.stretch
            drafts.append(_Draft(s.start, s.end, list(a.cue_tokens), list(s.pieces), a.speaker))
    drafts.sort(key=lambda d: (d.start, -d.end))
    return _merge_split(drafts)


def _merge_split(drafts: list[_Draft]) -> list[_Draft]:
    """Join the halves of a quotation split around its attribution, and give a cue-less
    quotation the cue of the quotation just before it."""
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and d.pieces and prev.pieces and d.head is not None:
            cue_at = d.cue[0].idx
            if (
                d.head == prev.head
                and prev.end <= cue_at < d.start
                and d.start - prev.end <= _SPLIT_GAP
            ):
                prev.end = d.end
                prev.pieces.extend(d.pieces)
                continue
        if not d.cue:
            if prev is None or not prev.cue or d.start - prev.end > _CONTINUE_GAP:
                continue
            d.cue, d.speaker = list(prev.cue), prev.speaker
        out.append(d)
    return out


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _outer_beliefs(
    reported: list[Reported], heads: list[Token]
) -> tuple[list[Reported], list[Token]]:
    """ "Roe said she believed the vote was rigged": the belief is part of what Roe said, one
    attribution, not a second one by "she"."""
    speech = {h.i for r, h in zip(reported, heads, strict=True) if r.cue.kind == "speech"}
    keep = [
        k
        for k, (r, h) in enumerate(zip(reported, heads, strict=True))
        if not (
            r.cue.kind == "belief"
            and h.dep_ == "ccomp"
            and h.head.i in speech
            and any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in children(h))
        )
    ]
    return [reported[k] for k in keep], [heads[k] for k in keep]


def _quoted_share(d: _Draft) -> float:
    quoted = sum(max(0, min(d.end, b) - max(d.start, a)) for a, b in d.pieces)
    return quoted / max(1, d.end - d.start)


def find_quotes(
    doc: Doc,
    *,
    actors: ActorResolver,
    cues: CueLexicon | None = None,
    beliefs: bool = True,
) -> list[Quote]:
    """Every quote of ``doc`` in text order: speaker (resolved through ``actors``), cue,
    content and whether it is direct. ``beliefs=False`` leaves out "X believes that ..."."""
    cues = cues or default_cues()
    stretches: list[Marked] = quoted_stretches(doc_text(doc))
    inside = Inside(stretches)
    attributed = [
        a
        for a in (attribute_stretch(doc, s, cues=cues, inside=inside) for s in stretches)
        if a is not None and (beliefs or a.cue is None or a.cue.kind != "belief")
    ]
    reported: list[Reported] = []
    heads: list[Token] = []
    tree = tree_of(doc)
    lowers, lemmas, by_head = tree.lowers(), tree.lemma_lowers(), cues.by_head
    for i, tok in enumerate(tree.tokens):
        if lemmas[i] not in by_head and lowers[i] not in by_head:
            continue  # most words head no cue (``CueLexicon.match`` looks them up so)
        if not tok.is_alpha or inside(tok.idx):
            continue
        r = reported_content(tok, cues=cues)
        if r is not None and (beliefs or r.cue.kind != "belief"):
            reported.append(r)
            heads.append(tok)
    reported, heads = _outer_beliefs(reported, heads)
    drafts = _drafts(reported, heads, attributed)
    labels = [_Draft(x.start, x.end, [x.colon], [], x.speaker) for x in speaker_labels(doc)]
    if labels:  # a transcript line is one speaker's, whatever quotation marks it holds
        drafts = [
            d for d in drafts if not any(_overlap(d.start, d.end, x.start, x.end) for x in labels)
        ]
        drafts = sorted([*drafts, *labels], key=lambda d: (d.start, -d.end))
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    speakers: dict[int, Actor | None] = {}
    for d in drafts:
        if (d.start, d.end) in seen or not d.cue:
            continue
        seen.add((d.start, d.end))
        head = d.cue[0]
        if head.i not in speakers:
            token = d.speaker or speaker_token(
                head, quoted=inside, documents=cues.documents, reporting=cues.verbs
            )
            speakers[head.i] = speaker_actor(token, actors, quoted=inside)
        quotes.append(
            Quote(
                speaker=speakers[head.i],
                cue=cue_span(d.cue),
                content=Span(d.start, d.end, doc_text(doc)[d.start : d.end]),
                direct=_quoted_share(d) >= 0.5,
            )
        )
    logger.debug("%d quotes from %d quotation stretches", len(quotes), len(stretches))
    return quotes
