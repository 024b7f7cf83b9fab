"""The one core: text in, Annotation out. Every door (CLI, store, runners) calls this.

    Article → boilerplate mask → spaCy Doc → actors, times → clauses → coder
            → actors resolved, ontology, confidence → event dates → Annotation

``annotate_many`` streams documents through ``nlp.pipe``; the model, the knowledge base and
the lexicon are loaded once per process. The core does no I/O.
"""

from __future__ import annotations

import functools
import gc
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from whodid.actors.kb import ActorKB
from whodid.actors.resolve import DocActors
from whodid.actors.tables import configured_files
from whodid.attach import date_events
from whodid.events.assemble import (
    build_event,
    drop_background_acled,
    inherit_targets,
    rank_below_stance,
    rank_nested,
)
from whodid.events.coder import code_sentence
from whodid.events.lexicon import Lexicon, default_lexicon
from whodid.geo import dateline_place_of, find_places, learn_outlet, locate_events, locate_words
from whodid.geo.gazetteer import default_gazetteer
from whodid.geo.outlet import OutletMemory
from whodid.ingest.records_io import article_from_record
from whodid.nlp.model import load_nlp, word_lists
from whodid.nlp.tree import sentences
from whodid.quotes import attribute_statements, find_quotes, link_events
from whodid.records import Annotation, Article, Event, Span
from whodid.text.clean import boilerplate_spans
from whodid.text.doctext import doc_text, keep_text
from whodid.text.truecase import truecase
from whodid.time.timex import find_timexes

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Options:
    """How to annotate. Keyword-only everywhere; the defaults suit most news text."""

    model: str | None = None  # spaCy model name; else $WHODID_SPACY_MODEL, else the bundled one
    actor_files: tuple[Path, ...] = ()  # extra actor dictionaries (own YAML or PETRARCH text)
    agent_files: tuple[Path, ...] = ()  # extra agent dictionaries
    batch_size: int = 32  # documents parsed together (at most)
    # characters parsed together (at most; a longer document goes alone): spaCy's memory for a
    # batch grows with its tokens (≈ 20 KB each), so 32 long articles would need a gigabyte
    batch_chars: int = 64_000
    keep_negated: bool = True  # report negated events (flagged) rather than drop them
    min_confidence: float = 0.0  # drop events ranked below this
    # learn each outlet's home region from the batch's stories with a ``url`` (places of a
    # story then depend on the outlet's other stories in the batch); False: each story alone
    outlet_memory: bool = True


@functools.cache
def _knowledge_base(actor_files: tuple[Path, ...], agent_files: tuple[Path, ...]) -> ActorKB:
    kb = ActorKB.builtin()
    if actor_files or agent_files:
        kb = kb.with_files(actor_files=actor_files, agent_files=agent_files)
    return kb


def _masked(start: int, end: int, mask: list[tuple[int, int]]) -> bool:
    """More than half of [start, end) lies in boilerplate."""
    if not mask:
        return False
    covered = sum(max(0, min(end, b) - max(start, a)) for a, b in mask)
    return covered * 2 > max(1, end - start)


def _dedupe(events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for event, token in events:
        key = (
            event.trigger.start,
            event.cameo,
            event.source.code if event.source else None,
            event.source.start if event.source else None,
            event.target.start if event.target else None,
            event.target.code if event.target else None,  # a role shared by listed names
        )
        if key not in seen:
            seen.add(key)
            out.append((event, token))
    return out


def annotate_doc(
    doc: Doc,
    article: Article,
    *,
    kb: ActorKB,
    lexicon: Lexicon,
    options: Options,
    outlets: OutletMemory | None = None,
) -> Annotation:
    """All layers for one parsed document; ``outlets``: what the batch's stories said of each
    outlet's home region."""
    text = article.text
    if doc_text(doc) != text:
        keep_text(doc, text)  # parsed truecased: spans report the text as given
    mask = boilerplate_spans(text)
    times = find_timexes(text, article.published, doc)
    actors = DocActors(kb, doc, published=article.published)
    found: list[tuple[Event, Token]] = []
    for index, sentence in enumerate(sentences(doc)[0]):
        start, end = sentence.start_char, sentence.end_char
        if _masked(start, end, mask):
            continue
        evidence: Span | None = None  # built for the first event of the sentence
        in_sentence: list[tuple[Event, Token]] = []
        for candidate in code_sentence(sentence, lexicon, is_actor=actors.is_actor):
            if _masked(candidate.head.idx, candidate.head.idx + len(candidate.head), mask):
                continue
            if evidence is None:
                evidence = Span(start, end, doc_text(doc)[start:end])
            event = build_event(candidate, sentence=index, evidence=evidence, actors=actors)
            if candidate.converse and (event.source is None or not event.source.code):
                continue  # "A met B" read from B's side needs B known
            if event.negated and not options.keep_negated:
                continue
            in_sentence.append((event, candidate.head))
        inherit_targets(in_sentence, lexicon.light_verbs)
        rank_nested(in_sentence)
        rank_below_stance(in_sentence)
        drop_background_acled(in_sentence)
        found.extend(item for item in in_sentence if item[0].confidence >= options.min_confidence)
    found = _dedupe(found)
    date_events(found, doc=doc, timexes=times, published=article.published)
    mentioned = find_places(
        doc, actors=actors, url=article.url, source=article.source, memory=outlets, learn=False
    )
    dateline = dateline_place_of(text, mentioned)
    # places in captions, credits and copyright lines are not the story's; the dateline's is
    places = [p for p in mentioned if p is dateline or not _masked(p.start, p.end, mask)]
    locate_events(found, places=places, dateline=dateline)
    located = locate_words(doc, article.locate, places=places, dateline=dateline)
    quotes = [
        q
        for q in find_quotes(doc, actors=actors)
        if not _masked(q.content.start, q.content.end, mask)
    ]
    events = attribute_statements([e for e, _ in found], quotes)
    link_events(events, quotes)
    return Annotation(
        id=article.id,
        events=events,
        places=places,
        times=times,
        quotes=quotes,
        located=located if article.locate else None,
    )


_CASE_WORDS: dict[tuple[int, int], tuple[Language, Lexicon, frozenset[str]]] = {}


def _common_words(nlp: Language, lexicon: Lexicon) -> frozenset[str]:
    """Words the truecaser never capitalises alone: the model's verbs, adjectives and adverbs,
    and every event word ("lathicharge"); built once per model and lexicon."""
    hit = _CASE_WORDS.get((id(nlp), id(lexicon)))
    if hit is None or hit[0] is not nlp or hit[1] is not lexicon:
        hit = (nlp, lexicon, word_lists(nlp).common | lexicon.words())
        _CASE_WORDS[(id(nlp), id(lexicon))] = hit
    return hit[2]


@dataclass(frozen=True, slots=True)
class Failed:
    """An input item that could not be read; it passes through as an error annotation."""

    id: str
    error: str


Item = Article | dict[str, Any] | str | Failed


def _to_article(item: Article | dict[str, Any] | str) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    return article_from_record(item)


def _outlets_learned(
    stream: Iterable[tuple[Doc, Annotation | Article]], outlets: OutletMemory, size: int
) -> Iterator[tuple[Doc, Annotation | Article]]:
    """The parsed stream, ``size`` documents at a time, once ``outlets`` has learned from
    their places (and from all earlier ones) where each outlet is at home: a story early in
    the batch benefits from the outlet's later stories of the same window."""
    window: list[tuple[Doc, Annotation | Article]] = []
    for item in stream:
        window.append(item)
        if len(window) >= size:
            _learn(window, outlets)
            yield from window
            window = []
    _learn(window, outlets)
    yield from window


def _learn(window: list[tuple[Doc, Annotation | Article]], outlets: OutletMemory) -> None:
    for doc, payload in window:
        if isinstance(payload, Annotation) or not payload.url:
            continue
        try:
            if doc_text(doc) != payload.text:
                keep_text(doc, payload.text)
            learn_outlet(doc, outlets, url=payload.url, source=payload.source)
        except Exception:  # the document's own annotation reports the error
            log.debug("no outlet evidence from %s", payload.id, exc_info=True)


def batches(items: Iterable[tuple[str, Any]], *, size: int, chars: int) -> Iterator[list[Any]]:
    """``(text, payload)`` items grouped in order: at most ``size`` items and, unless one item
    alone is longer, at most ``chars`` characters of text per group."""
    group: list[tuple[str, Any]] = []
    held = 0
    for item in items:
        if group and (len(group) >= size or held + len(item[0]) > chars):
            yield group
            group, held = [], 0
        group.append(item)
        held += len(item[0])
    if group:
        yield group


def _parsed(
    nlp: Language, items: Iterable[tuple[str, Any]], *, size: int, chars: int
) -> Iterator[tuple[Doc, Any]]:
    """``nlp.pipe`` over ``(text, payload)`` items, batched by :func:`batches` (a document's
    parse does not depend on its batch: only memory and speed do)."""
    for group in batches(items, size=size, chars=chars):
        yield from nlp.pipe(group, as_tuples=True, batch_size=len(group))


def _loaded(options: Options) -> tuple[Language, ActorKB, Lexicon]:
    """The model, the knowledge base and the lexicon for ``options`` (each loaded once)."""
    nlp = load_nlp(options.model)
    conf_actors, conf_agents = configured_files()  # $WHODID_CONFIG; command-line files win
    kb = _knowledge_base((*options.actor_files, *conf_actors), (*options.agent_files, *conf_agents))
    return nlp, kb, default_lexicon()


def load(options: Options | None = None) -> None:
    """Load now, in one piece, what the first document would load: the model, the knowledge
    base and its name matcher, the lexicon and the gazetteer (all kept for the process)."""
    nlp, kb, _ = _loaded(options or Options())
    kb.matcher(nlp.vocab)
    default_gazetteer()


def load_for_the_run(options: Options | None = None) -> None:
    """:func:`load`, with the garbage collector paused, then freeze what was loaded; for the
    processes whodid owns (its commands, its worker processes), where the data lives as long as
    the process. The collector's full passes over the heap while it grew (and once more after
    the first document) cost 0.25-0.4 s of start-up; documents are collected as before."""
    gc.disable()
    try:
        load(options)
    finally:
        gc.enable()
    gc.freeze()


def annotate_many(items: Iterable[Item], *, options: Options | None = None) -> Iterator[Annotation]:
    """Annotate documents in order, streaming through ``nlp.pipe``.

    Items are Articles, batch-interface records (``{"id", "text", "published", ...}``) or plain
    strings; ``Failed`` items (unreadable input lines) pass through. A bad item yields an
    Annotation with ``error`` set and the stream goes on.
    """
    options = options or Options()
    nlp, kb, lexicon = _loaded(options)
    common = _common_words(nlp, lexicon)
    # each outlet's home region, learned from its stories
    outlets = OutletMemory() if options.outlet_memory else None

    def prepared() -> Iterator[tuple[str, Annotation | Article]]:
        for item in items:
            if isinstance(item, Failed):
                yield "", Annotation(id=item.id, error=item.error)
                continue
            try:
                article = _to_article(item)
            except (ValueError, TypeError, KeyError) as exc:
                ident = item.get("id", "") if isinstance(item, dict) else ""
                yield "", Annotation(id=str(ident), error=str(exc))
                continue
            # a lower-cased story is parsed with its capitals restored (same offsets)
            yield truecase(article.text, common=common), article

    stream = _parsed(nlp, prepared(), size=options.batch_size, chars=options.batch_chars)
    if outlets is not None:
        stream = _outlets_learned(stream, outlets, options.batch_size)
    for doc, payload in stream:
        if isinstance(payload, Annotation):
            yield payload
            continue
        try:
            yield annotate_doc(
                doc, payload, kb=kb, lexicon=lexicon, options=options, outlets=outlets
            )
        except Exception as exc:  # one bad document never aborts a batch
            log.exception("failed to annotate %s", payload.id)
            yield Annotation(id=payload.id, error=f"internal error: {type(exc).__name__}: {exc}")


def annotate(
    text: str, *, published: date | None = None, options: Options | None = None
) -> Annotation:
    """Annotate one document: events, places, times and quotes."""
    return next(annotate_many([Article(text=text, published=published)], options=options))
