"""Annotate on this machine: in this process, or in a pool of worker processes.

:func:`annotate_ordered` takes ``(tag, Article | None)`` jobs and yields ``(tag, Annotation |
None)`` in input order; jobs without an article pass straight through (so a caller can keep
bookkeeping items in the same stream).  Each worker loads the model once; results come back
to the calling process, which alone writes the store.  A document that breaks the pipeline
gets an error annotation; it never ends the stream.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from whodid.nlp.threads import one_blas_thread
from whodid.pipeline import Options, annotate_many
from whodid.records import Annotation, Article

__all__ = ["annotate_chunk", "annotate_ordered", "chunks"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
Job = tuple[T, Article | None]

_worker_options: Options | None = None


def annotate_chunk(articles: list[Article], options: Options | None = None) -> list[Annotation]:
    """Annotate a list of articles through the one core; one per article, errors included.

    If the pipeline itself raises (rather than reporting a per-document error), the chunk is
    redone one article at a time so that only the culprit is marked.
    """
    try:
        return list(annotate_many(articles, options=options))
    except Exception:
        logger.warning("a chunk of %d articles failed; annotating them one by one", len(articles))
    out = []
    for article in articles:
        try:
            out.append(next(annotate_many([article], options=options)))
        except Exception as exc:
            logger.exception("failed to annotate %s", article.id)
            out.append(
                Annotation(id=article.id, error=f"internal error: {type(exc).__name__}: {exc}")
            )
    return out


def _init_worker(options: Options | None) -> None:
    global _worker_options
    _worker_options = options
    from whodid.nlp.model import load_nlp

    load_nlp(options.model if options else None)  # once per process


def _work(articles: list[Article]) -> list[Annotation]:
    return annotate_chunk(articles, _worker_options)


def chunks(jobs: Iterable[Job[T]], size: int) -> Iterator[list[Job[T]]]:
    """``jobs`` cut into chunks of ``size`` articles each (bookkeeping items without an article
    ride along), the same cut in every engine: what the pipeline learns within one batch (each
    outlet's home region) is then learned from the same stories, whatever runs them."""
    chunk: list[Job[T]] = []
    articles = 0
    for job in jobs:
        chunk.append(job)
        articles += job[1] is not None
        if articles >= size:
            yield chunk
            chunk, articles = [], 0
    if chunk:
        yield chunk


def merge_results(
    chunk: list[Job[T]], annotations: list[Annotation]
) -> Iterator[tuple[T, Annotation | None]]:
    """Pair each job's tag with its annotation; jobs without an article get None."""
    results = iter(annotations)
    for tag, article in chunk:
        yield tag, (next(results) if article is not None else None)


def _articles(chunk: list[Job[T]]) -> list[Article]:
    return [article for _, article in chunk if article is not None]


def annotate_ordered(
    jobs: Iterable[Job[T]],
    *,
    workers: int = 1,
    options: Options | None = None,
    chunk_size: int = 16,
) -> Iterator[tuple[T, Annotation | None]]:
    """Annotate the articles of ``jobs`` in ``workers`` processes; yield results in input order."""
    if workers <= 1:
        for chunk in chunks(jobs, chunk_size):
            articles = _articles(chunk)
            yield from merge_results(chunk, annotate_chunk(articles, options) if articles else [])
        return
    yield from _pooled(jobs, workers=workers, options=options, chunk_size=chunk_size)


def _new_pool(workers: int, options: Options | None) -> ProcessPoolExecutor:
    # Each worker is one process on one core: BLAS and OpenMP thread pools of their own would
    # make N workers fight over the cores. Spawned children inherit the environment at start.
    one_blas_thread()
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(options,),
    )


def _pooled(
    jobs: Iterable[Job[T]], *, workers: int, options: Options | None, chunk_size: int
) -> Iterator[tuple[T, Annotation | None]]:
    pool = _new_pool(workers, options)
    pending: deque[tuple[list[Job[T]], Future[list[Annotation]] | None]] = deque()
    window = 2 * workers  # chunks in flight: keeps workers busy without reading the corpus ahead

    def collect() -> Iterator[tuple[T, Annotation | None]]:
        nonlocal pool
        chunk, future = pending.popleft()
        if future is None:
            yield from merge_results(chunk, [])
            return
        try:
            annotations = future.result()
        except BrokenProcessPool as exc:  # a worker died (out of memory, killed): mark, restart
            logger.error("a worker process died: %s", exc)
            annotations = [
                Annotation(id=a.id, error="internal error: worker process died")
                for a in _articles(chunk)
            ]
            pool.shutdown(cancel_futures=True)
            pool = _new_pool(workers, options)
            for i, (queued, queued_future) in enumerate(pending):  # resubmit what was lost
                if queued_future is not None:
                    pending[i] = (queued, pool.submit(_work, _articles(queued)))
        yield from merge_results(chunk, annotations)

    try:
        for chunk in chunks(jobs, chunk_size):
            articles = _articles(chunk)
            pending.append((chunk, pool.submit(_work, articles) if articles else None))
            while len(pending) >= window:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        pool.shutdown(cancel_futures=True)
