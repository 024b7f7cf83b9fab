"""whodid runs its model's matrix products on the faster of numpy's BLAS and spaCy's default
blis, and the parse is the same on both (whodid.nlp.matmul; issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps

from whodid.nlp.matmul import (
    MATMUL_ENV,
    UnknownBackend,
    faster_backend,
    matmul_backend,
    matmul_of,
    pick,
    product_times,
    use_matmul,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _parse_of(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (
            t.text,
            t.tag_,
            t.pos_,
            t.dep_,
            t.head.i,
            t.lemma_,
            t.ent_iob_,
            t.ent_type_,
            t.is_sent_start,
        )
        for t in doc
    ]


def test_by_default_the_model_runs_on_the_faster_backend(nlp: Language, monkeypatch) -> None:
    monkeypatch.setenv(MATMUL_ENV, "auto")
    monkeypatch.delenv(MATMUL_ENV)
    assert matmul_backend() == matmul_backend("auto") == faster_backend()
    assert matmul_of(nlp) == {faster_backend()}


def test_the_faster_backend_is_the_one_that_took_less_time() -> None:
    assert pick({"numpy": 0.001, "blis": 0.003}) == "numpy"
    assert pick({"numpy": 0.004, "blis": 0.003}) == "blis"
    assert pick({"numpy": 0.002, "blis": 0.002}) == "numpy"
    seconds = product_times(repeat=1)
    assert set(seconds) == {"numpy", "blis"} and all(t > 0 for t in seconds.values())


def test_both_backends_give_the_same_parse(nlp: Language) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("0*.txt"))]
    assert len(texts) >= 5
    (loaded,) = matmul_of(nlp)
    parses = {}
    try:
        for backend in ("numpy", "blis"):
            assert use_matmul(nlp, backend) > 0
            assert matmul_of(nlp) == {backend}
            parses[backend] = [_parse_of(d) for d in nlp.pipe(texts)]
    finally:
        use_matmul(nlp, loaded)
    assert matmul_of(nlp) == {loaded}
    assert parses["numpy"] == parses["blis"]
    assert any(ent != "" for doc in parses["numpy"] for *_, ent, _ in doc)  # the NER ran


def test_the_setting_chooses_the_backend(monkeypatch) -> None:
    monkeypatch.setenv(MATMUL_ENV, " BLIS ")
    assert matmul_backend() == "blis"
    assert matmul_backend("numpy") == "numpy"  # the caller's choice wins
    monkeypatch.setenv(MATMUL_ENV, "mkl")
    with pytest.raises(UnknownBackend, match="mkl.*auto, numpy, blis"):
        matmul_backend()
    with pytest.raises(UnknownBackend):
        use_matmul(None, "auto")  # type: ignore[arg-type]  # a layer's backend is decided


def test_other_backends_are_left_alone(nlp: Language) -> None:
    class OtherOps(NumpyOps):  # stands for Apple's or the big-endian backend
        name = "other"

    layer = next(nlp.get_pipe("tagger").model.walk())
    before = layer.ops
    (loaded,) = matmul_of(nlp)
    try:
        layer.ops = OtherOps()
        use_matmul(nlp, "blis")
        assert isinstance(layer.ops, OtherOps)
        assert "other" in matmul_of(nlp)
    finally:
        layer.ops = before
        use_matmul(nlp, loaded)
    assert matmul_of(nlp) == {loaded}


def test_an_unknown_setting_is_a_clear_cli_error(monkeypatch, tmp_path) -> None:
    from typer.testing import CliRunner

    from whodid.cli.app import app

    article = tmp_path / "a.txt"
    article.write_text("Kenya accused Uganda of smuggling.", encoding="utf-8")
    monkeypatch.setenv(MATMUL_ENV, "gpu")
    result = CliRunner().invoke(app, ["code", str(article)])
    assert result.exit_code == 2
    assert "unknown matrix backend 'gpu'" in result.output
