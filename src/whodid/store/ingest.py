"""Ingest a corpus into the store: read, key by content hash, annotate, write in batches.

The annotation of every article comes from :func:`whodid.pipeline.annotate_many` (through the
local runner); the store codes nothing itself.  Each batch — articles with all their layers,
sightings and error rows — is one transaction, and every row is keyed, so a run killed at any
moment and started again ends with the same store as an uninterrupted run.  Articles already
stored (same content hash) are not annotated again; their new sightings are recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.ingest.corpus import CorpusOptions, iter_corpus
from whodid.ingest.items import Found, Problem
from whodid.pipeline import Options
from whodid.records import Annotation, Article
from whodid.runners.local import annotate_ordered
from whodid.store.consolidate import consolidate
from whodid.store.db import Batch, Store, StoredArticle, error_row, sighting_row
from whodid.store.dedup import content_hash, minhash

__all__ = ["DEFAULT_DB", "IngestOptions", "IngestReport", "ingest"]

logger = logging.getLogger(__name__)

DEFAULT_DB = Path("whodid.duckdb")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to ingest."""

    workers: int = 1  # annotating processes (1: in this process)
    batch_size: int = 32  # articles per transaction
    chunk_size: int = 16  # articles handed to a worker at a time (Dask: per task and shard)
    corpus: CorpusOptions = field(default_factory=CorpusOptions)
    annotate: Options = field(default_factory=Options)
    consolidate: bool = True  # recompute stories and merged events at the end
    engine: str = "local"  # "local" (processes here) or "dask" (whodid.runners.dask_runner)
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster of `workers`
    shard_dir: Path | None = None  # Dask: where workers write Parquet shards (None: temporary)
    keep_shards: bool = False  # Dask: keep the shards after loading them into the store


@dataclass(slots=True)
class IngestReport:
    """What a run did, so far (passed to the progress callback) or in all."""

    items: int = 0  # articles and problems read
    new: int = 0  # articles coded and stored
    duplicates: int = 0  # articles already stored (or met earlier in the run)
    errors: int = 0  # inputs that gave no article, and articles the pipeline failed on
    warnings: int = 0
    events: int = 0  # event mentions stored
    batches: int = 0
    derived: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _New:
    article_id: str
    found: Found


@dataclass(frozen=True, slots=True)
class _Seen:
    article_id: str
    found: Found


_Tag = _New | _Seen | Problem


def _jobs(
    paths: Iterable[str | Path], options: IngestOptions, known: set[str]
) -> Iterator[tuple[_Tag, Article | None]]:
    for item in iter_corpus(paths, options=options.corpus):
        if isinstance(item, Problem):
            yield item, None
            continue
        article_id = content_hash(item.article.text)
        if article_id in known:
            yield _Seen(article_id, item), None
        else:
            known.add(article_id)
            yield _New(article_id, item), item.article


def _record(batch: Batch, report: IngestReport, tag: _Tag, annotation: Annotation | None) -> None:
    report.items += 1
    if isinstance(tag, Problem):
        batch.errors.append(
            error_row(origin=tag.origin, locator=tag.locator, kind=tag.kind, message=tag.message)
        )
        report.errors += 1
        return
    found = tag.found
    batch.sightings.append(
        sighting_row(tag.article_id, found.article, origin=found.origin, locator=found.locator)
    )
    for warning in found.warnings:
        batch.errors.append(
            error_row(
                origin=found.origin,
                locator=found.locator,
                kind="record",
                message=warning,
                level="warning",
                article_id=tag.article_id,
            )
        )
        report.warnings += 1
    if isinstance(tag, _Seen):
        report.duplicates += 1
        return
    assert annotation is not None
    batch.articles.append(
        StoredArticle(tag.article_id, found.article, annotation, minhash(found.article.text))
    )
    report.new += 1
    report.events += len(annotation.events)
    if annotation.error:
        batch.errors.append(
            error_row(
                origin=found.origin,
                locator=found.locator,
                kind="annotate",
                message=annotation.error,
                article_id=tag.article_id,
            )
        )
        report.errors += 1


def _annotated(
    jobs: Iterator[tuple[_Tag, Article | None]], options: IngestOptions
) -> Iterator[tuple[_Tag, Annotation | None]]:
    """The jobs annotated in input order, on this machine or on a Dask cluster."""
    if options.engine == "dask":
        from whodid.runners.dask_runner import DaskOptions, annotate_dask

        dask = DaskOptions(
            scheduler=options.scheduler,
            workers=options.workers,
            partition_size=options.chunk_size,
            shard_dir=options.shard_dir,
            keep_shards=options.keep_shards,
        )
        return annotate_dask(jobs, options=options.annotate, dask=dask)
    if options.engine != "local":
        raise ValueError(f"unknown engine {options.engine!r} (local or dask)")
    return annotate_ordered(
        jobs, workers=options.workers, options=options.annotate, chunk_size=options.chunk_size
    )


def ingest(
    paths: Iterable[str | Path],
    *,
    db: Path | str = DEFAULT_DB,
    options: IngestOptions | None = None,
    progress: Callable[[IngestReport], Any] | None = None,
) -> IngestReport:
    """Ingest files, folders (recursively) and ``"-"`` (JSON Lines on stdin) into store ``db``."""
    options = options or IngestOptions()
    report = IngestReport()
    with Store(db) as store:
        known = store.article_ids()
        batch = Batch()
        results = _annotated(_jobs(paths, options, known), options)
        for tag, annotation in results:
            _record(batch, report, tag, annotation)
            if len(batch.articles) >= options.batch_size or len(batch) >= 8 * options.batch_size:
                store.write(batch)
                report.batches += 1
                logger.info("committed batch %d (%d articles so far)", report.batches, report.new)
                batch = Batch()
            if progress is not None:
                progress(report)
        store.write(batch)
        report.batches += 1 if len(batch) else 0
        logger.info("committed batch %d (%d articles so far)", report.batches, report.new)
        if options.consolidate and not store.is_consolidated():
            report.derived = consolidate(store)
    return report
