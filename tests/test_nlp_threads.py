"""The whodid command and its workers ask numpy's BLAS for one thread (whodid.nlp.threads)."""

from __future__ import annotations

import os
import subprocess
import sys

from whodid.nlp.threads import THREAD_VARIABLES, one_blas_thread


def test_one_thread_unless_the_user_chose(monkeypatch) -> None:
    for name in THREAD_VARIABLES:
        monkeypatch.setenv(name, "0")  # recorded, so the test leaves the environment as it was
        monkeypatch.delenv(name)
    monkeypatch.setenv("MKL_NUM_THREADS", "4")
    one_blas_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "1"
    assert os.environ["MKL_NUM_THREADS"] == "4"


def test_the_command_sets_it_before_numpy_is_imported() -> None:
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARIABLES}
    probe = (
        "import sys, os\n"
        "import whodid.cli\n"
        "print('numpy' in sys.modules, os.environ.get('OPENBLAS_NUM_THREADS'))\n"
        "import whodid.cli.app\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "1", "True"]
