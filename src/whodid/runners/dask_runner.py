"""Annotate on a Dask distributed cluster: workers write Parquet shards, one process reads them.

:func:`annotate_dask` has the contract of :func:`whodid.runners.local.annotate_ordered`: it takes
``(tag, Article | None)`` jobs and yields ``(tag, Annotation | None)`` in input order.  The jobs
are cut into partitions; each partition is one Dask task, which annotates its articles through
the one core (:func:`whodid.runners.local.annotate_chunk`) and writes them as one Parquet shard
(``position``, ``id``, ``error``, ``annotation`` — the batch interface's JSON).  The calling
process reads the shards back in order, so the caller (the store's ingest, the one DuckDB
writer) sees exactly what a single-process run gives.

Each worker process loads the model, knowledge base and lexicon once, when it joins the
cluster (a worker plugin), not once per task.  Without a scheduler address a ``LocalCluster``
of ``workers`` processes is started and closed again.  With an address, the shard folder must be
on storage that the workers and this process share.

``dask`` and ``distributed`` are an optional extra: ``pip install 'whodid[dask]'``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from whodid.pipeline import Options
from whodid.records import Annotation, Article
from whodid.runners.local import Job, annotate_chunk, chunks, merge_results

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = [
    "SHARD_SCHEMA",
    "DaskOptions",
    "DaskUnavailable",
    "annotate_dask",
    "annotate_partition",
    "read_shard",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

SHARD_SCHEMA = pa.schema(
    [
        ("position", pa.int32()),  # the article's place in its partition
        ("id", pa.string()),
        ("error", pa.string()),
        ("annotation", pa.string()),  # Annotation.to_dict() as JSON (docs/interface.md)
    ]
)


class DaskUnavailable(RuntimeError):
    """``dask.distributed`` is not installed, or the scheduler cannot be reached."""


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """Where and how to run on Dask."""

    scheduler: str | None = None  # address such as tcp://10.0.0.5:8786; None: a LocalCluster
    workers: int = 2  # LocalCluster worker processes (ignored with a scheduler)
    partition_size: int = 64  # articles per task and per Parquet shard
    shard_dir: Path | None = (
        None  # where shards go (shared storage on a real cluster); else a temp folder
    )
    keep_shards: bool = False  # leave the shards for querying in place (DuckDB read_parquet)


# -- on the workers ---------------------------------------------------------------------------

_warm_lock = threading.Lock()


def _warm_up(options: Options | None) -> None:
    """Load the model, knowledge base and lexicon in this process (cached; thread-safe)."""
    with _warm_lock:
        annotate_chunk([Article(text="Kenya accused Uganda of smuggling.")], options)


def annotate_partition(articles: list[Article], *, options: Options | None, shard: str) -> str:
    """Annotate a partition and write it as one Parquet shard (atomically); return its path."""
    _warm_up(options)  # a no-op after the first call in a process
    annotations = annotate_chunk(articles, options)
    table = pa.Table.from_pylist(
        [
            {
                "position": i,
                "id": a.id,
                "error": a.error,
                "annotation": json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True),
            }
            for i, a in enumerate(annotations)
        ],
        schema=SHARD_SCHEMA,
    )
    Path(shard).parent.mkdir(parents=True, exist_ok=True)
    partial = f"{shard}.partial"
    pq.write_table(table, partial)
    os.replace(partial, shard)
    return shard


def read_shard(path: str | Path) -> list[Annotation]:
    """The annotations of a shard, in partition order."""
    from whodid.store.rows import annotation_from_dict

    table = pq.read_table(path, schema=SHARD_SCHEMA).sort_by("position")
    return [annotation_from_dict(json.loads(s)) for s in table.column("annotation").to_pylist()]


def _plugin(options: Options | None) -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class Preload(WorkerPlugin):  # type: ignore[misc]
        """Loads model, KB and lexicon as the worker starts: once per worker process."""

        name = "whodid-preload"

        def __init__(self, options: Options | None) -> None:
            self.options = options

        def setup(self, worker: Any) -> None:
            _warm_up(self.options)

    return Preload(options)


# -- on the client ----------------------------------------------------------------------------


@contextlib.contextmanager
def _client(dask: DaskOptions) -> Iterator[Client]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise DaskUnavailable(
            "--engine dask needs dask.distributed: pip install 'whodid[dask]'"
        ) from exc
    if dask.scheduler:
        try:
            client = Client(dask.scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskUnavailable(
                f"cannot reach the Dask scheduler {dask.scheduler}: {exc}"
            ) from exc
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=max(1, dask.workers),
        threads_per_worker=1,  # spaCy holds the GIL: one annotating thread per process
        processes=True,
        # a free port for the scheduler's HTTP server (and dashboard, if bokeh is installed):
        # with None it still tries 8787 and warns when another cluster holds that port
        dashboard_address=":0",
    )
    with cluster, Client(cluster, timeout="60s") as client:  # a loaded machine starts slowly
        yield client


def _failed(articles: list[Article], exc: BaseException) -> list[Annotation]:
    message = f"internal error: Dask task failed: {type(exc).__name__}: {exc}"
    return [Annotation(id=a.id, error=message) for a in articles]


def annotate_dask(
    jobs: Iterable[Job[T]],
    *,
    options: Options | None = None,
    dask: DaskOptions | None = None,
) -> Iterator[tuple[T, Annotation | None]]:
    """Annotate the articles of ``jobs`` on a Dask cluster; yield results in input order."""
    dask = dask or DaskOptions()
    keep = dask.keep_shards
    made = dask.shard_dir is None
    shard_dir = Path(dask.shard_dir or tempfile.mkdtemp(prefix="whodid-shards-"))
    shard_dir.mkdir(parents=True, exist_ok=True)
    run = uuid.uuid4().hex[:8]
    try:
        with _client(dask) as client:
            client.register_plugin(_plugin(options))
            threads = max(1, sum(client.nthreads().values()))
            window = 2 * threads  # partitions in flight: workers busy, corpus not read ahead
            pending: deque[tuple[list[Job[T]], Future | None]] = deque()

            def collect() -> Iterator[tuple[T, Annotation | None]]:
                chunk, future = pending.popleft()
                articles = [a for _, a in chunk if a is not None]
                if future is None:
                    yield from merge_results(chunk, [])
                    return
                try:
                    path = future.result()
                    annotations = read_shard(path)
                    if not keep:
                        Path(path).unlink(missing_ok=True)
                except Exception as exc:  # a task that failed for good (worker killed, ...)
                    logger.error("a Dask partition failed: %s", exc)
                    annotations = _failed(articles, exc)
                yield from merge_results(chunk, annotations)

            for n, chunk in enumerate(chunks(jobs, max(1, dask.partition_size))):
                articles = [a for _, a in chunk if a is not None]
                future = None
                if articles:
                    shard = str(shard_dir / f"part-{run}-{n:06d}.parquet")
                    future = client.submit(
                        annotate_partition, articles, options=options, shard=shard, pure=False
                    )
                pending.append((chunk, future))
                while len(pending) >= window:
                    yield from collect()
            while pending:
                yield from collect()
    finally:
        if made and not keep:
            shutil.rmtree(shard_dir, ignore_errors=True)
        elif not keep:
            for leftover in shard_dir.glob(f"part-{run}-*"):
                leftover.unlink(missing_ok=True)
