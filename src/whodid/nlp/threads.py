"""One BLAS thread per whodid process (issue 8).

whodid's model runs its matrix products on numpy's BLAS (``whodid.nlp.matmul``), which by
default spreads each product over every core the process may use. For whodid's shapes that
buys little and costs much: on 2 cores, ``whodid annotate`` of 1,225 documents took 59.9 s
wall and 88.5 s CPU with two BLAS threads, 62.5 s and 62.5 s with one. whodid scales by
processes instead (``--workers``, Dask), each on one core, and N workers with N threads each
would fight over the cores. So the ``whodid`` command, its worker processes and the benchmark
ask for one thread, unless the user set a number: the variables must be set before numpy is
first imported, which is why this module imports nothing heavy.
"""

from __future__ import annotations

import os

# OpenBLAS (numpy's wheels), OpenMP builds, MKL (conda's numpy)
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """Set each thread-count variable to 1 unless the user set it; takes effect for numpy
    imported after the call, in this process and in the processes it starts."""
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
