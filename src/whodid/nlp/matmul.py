"""The model's matrix products on numpy's BLAS rather than blis (issue 8).

thinc, which runs spaCy's models, hands every matrix product of a layer (the two tok2vec
encoders of ``en_core_web_sm``, the feature layers of the parser and of NER, the tagger's
output layer: about half of the parse) to ``blis``. On the machines whodid was measured on,
blis reaches about a third of the speed of the OpenBLAS that numpy's wheels ship: 26-31
against 78-94 GFLOP/s on one core for the model's shapes (6,000 x 288 by 288 x 288 and the
like). ``thinc.api.NumpyOps(use_blis=False)`` is the same thinc backend with ``gemm`` handed to
``numpy.dot``; whodid puts its own model's layers on it where it is the faster (below). Same
weights, same operations, and the same parse: every tag, head, dependency, lemma and entity of
300 benchmark articles and of the 1,225 comparison documents came out identical
(``docs/performance.md``; the test ``tests/test_nlp_matmul.py`` parses whodid's own sentences
both ways). The transition steps of the parser and of NER keep thinc's compiled blis calls
(they are not reachable from Python).

Which of the two is faster depends on how numpy was built: pip's wheels ship OpenBLAS, but a
numpy linked to a reference BLAS (some system packages) would be several times slower than
blis. So by default (``$WHODID_MATMUL`` unset or ``auto``) whodid times one product of the
model's shape both ways when it loads the model (≈ 17 ms) and keeps the faster;
``$WHODID_MATMUL=numpy`` or ``=blis`` decides without timing (``blis`` is spaCy's default).
Only layers on thinc's plain CPU backend change: a model on a GPU or on another backend
(Apple's Accelerate, big-endian) keeps it.

numpy's BLAS runs its matrix products on as many threads as the process may use cores; the
``whodid`` command, its worker processes (``whodid ingest --workers``) and Dask's workers run
one thread each (``whodid.nlp.threads``), so that N workers do not fight over N cores.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from thinc.api import NumpyOps

log = logging.getLogger(__name__)

MATMUL_ENV = "WHODID_MATMUL"
BACKENDS = ("numpy", "blis")
AUTO = "auto"  # the faster of the two on this machine, timed once per process
SETTINGS = (AUTO, *BACKENDS)


class UnknownBackend(ValueError):
    """$WHODID_MATMUL (or the caller) names no backend whodid knows."""


def matmul_backend(name: str | None = None) -> str:
    """The backend to use: the argument, else $WHODID_MATMUL, else "auto" (the faster one,
    :func:`faster_backend`). numpy without a BLAS library always means blis."""
    chosen = (name or os.environ.get(MATMUL_ENV) or AUTO).strip().lower()
    if chosen not in SETTINGS:
        raise UnknownBackend(
            f"unknown matrix backend {chosen!r} (from {MATMUL_ENV} or the caller): "
            f"use one of {', '.join(SETTINGS)}"
        )
    if chosen != "blis" and not _numpy_has_blas():
        log.info("numpy was built without a BLAS library: the model keeps blis")
        return "blis"
    return faster_backend() if chosen == AUTO else chosen


@functools.cache
def faster_backend() -> str:
    """The backend that computes one product of the model's shape faster here (timed once)."""
    seconds = product_times()
    log.debug("one %s product: %s", _SHAPE, seconds)
    return pick(seconds)


def pick(seconds: dict[str, float]) -> str:
    """numpy's BLAS unless blis took less time."""
    return "blis" if seconds["blis"] < seconds["numpy"] else "numpy"


# rows x inner by inner x out: an encoder layer of en_core_web_sm over 512 tokens
_SHAPE = (512, 288, 288)


def product_times(repeat: int = 3) -> dict[str, float]:
    """Least seconds of ``repeat`` products of :data:`_SHAPE` on each backend, after one
    untimed product each (the first call loads the library's kernels)."""
    import numpy

    rows, inner, out = _SHAPE
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((rows, inner), dtype=numpy.float32)
    w = rng.standard_normal((out, inner), dtype=numpy.float32)
    times = {}
    for backend in BACKENDS:
        ops = NumpyOps(use_blis=backend == "blis")
        ops.gemm(x, w, trans2=True)
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            ops.gemm(x, w, trans2=True)
            best = min(best, time.perf_counter() - started)
        times[backend] = best
    return times


def _numpy_has_blas() -> bool:
    try:
        import numpy

        config: Any = numpy.__config__.CONFIG  # type: ignore[attr-defined]
        return bool(config["Build Dependencies"]["blas"]["found"])
    except (AttributeError, KeyError, TypeError):  # older numpy: no build record, assume yes
        return True


def use_matmul(nlp: Language, backend: str) -> int:
    """Put every layer of ``nlp``'s components that runs on thinc's plain CPU backend on
    ``backend`` ("numpy" or "blis"); returns how many layers it changed."""
    if backend not in BACKENDS:
        raise UnknownBackend(f"unknown matrix backend {backend!r}: use numpy or blis")
    ops = NumpyOps(use_blis=backend == "blis")
    changed = 0
    for layer in _layers(nlp):
        if type(layer.ops) is NumpyOps:  # subclasses (Apple, big-endian) keep their own
            layer.ops = ops
            changed += 1
    return changed


def matmul_of(nlp: Language) -> set[str]:
    """The backends the layers of ``nlp`` run their matrix products on ("numpy", "blis", or
    the name of another thinc backend)."""
    found: set[str] = set()
    for layer in _layers(nlp):
        ops = layer.ops
        if type(ops) is NumpyOps:
            found.add("blis" if ops.use_blis else "numpy")
        else:
            found.add(getattr(ops, "name", type(ops).__name__))
    return found


def _layers(nlp: Language) -> Iterator[Any]:
    """Every thinc layer of every component of ``nlp`` that has a model."""
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()
