"""whodid runs its model's matrix products on numpy's BLAS, and the parse is the same as on
spaCy's default blis (whodid.nlp.matmul; issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps

from whodid.nlp.matmul import (
    MATMUL_ENV,
    UnknownBackend,
    matmul_backend,
    matmul_of,
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


def test_whodids_model_runs_on_numpy_blas_by_default(nlp: Language, monkeypatch) -> None:
    monkeypatch.delenv(MATMUL_ENV, raising=False)
    assert matmul_backend() == "numpy"
    assert matmul_of(nlp) == {"numpy"}


def test_both_backends_give_the_same_parse(nlp: Language) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("0*.txt"))]
    assert len(texts) >= 5
    on_numpy = [_parse_of(d) for d in nlp.pipe(texts)]
    try:
        assert use_matmul(nlp, "blis") > 0
        assert matmul_of(nlp) == {"blis"}
        on_blis = [_parse_of(d) for d in nlp.pipe(texts)]
    finally:
        use_matmul(nlp, "numpy")
    assert matmul_of(nlp) == {"numpy"}
    assert on_numpy == on_blis
    assert any(ent != "" for doc in on_numpy for *_, ent, _ in doc)  # the NER ran


def test_the_setting_chooses_the_backend(monkeypatch) -> None:
    monkeypatch.setenv(MATMUL_ENV, " BLIS ")
    assert matmul_backend() == "blis"
    assert matmul_backend("numpy") == "numpy"  # the caller's choice wins
    monkeypatch.setenv(MATMUL_ENV, "mkl")
    with pytest.raises(UnknownBackend, match="mkl.*numpy, blis"):
        matmul_backend()


def test_other_backends_are_left_alone(nlp: Language) -> None:
    class OtherOps(NumpyOps):  # stands for Apple's or the big-endian backend
        name = "other"

    layer = next(nlp.get_pipe("tagger").model.walk())
    before = layer.ops
    try:
        layer.ops = OtherOps()
        use_matmul(nlp, "blis")
        assert isinstance(layer.ops, OtherOps)
        assert "other" in matmul_of(nlp)
    finally:
        layer.ops = before
        use_matmul(nlp, "numpy")
    assert matmul_of(nlp) == {"numpy"}


def test_an_unknown_setting_is_a_clear_cli_error(monkeypatch, tmp_path) -> None:
    from typer.testing import CliRunner

    from whodid.cli.app import app

    article = tmp_path / "a.txt"
    article.write_text("Kenya accused Uganda of smuggling.", encoding="utf-8")
    monkeypatch.setenv(MATMUL_ENV, "gpu")
    result = CliRunner().invoke(app, ["code", str(article)])
    assert result.exit_code == 2
    assert "unknown matrix backend 'gpu'" in result.output
