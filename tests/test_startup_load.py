"""Loading the model and data before the first document (start-up, issue 8)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from whodid.nlp.model import ModelNotFound, load_nlp
from whodid.pipeline import Options, _knowledge_base, annotate_many, load, load_for_the_run


@pytest.mark.model
def test_load_builds_the_name_matcher_of_the_commands_knowledge_base(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "- name: Tarvonian Harbour Guard\n  code: TVNMIL\n  kind: organisation\n",
        encoding="utf-8",
    )
    options = Options(actor_files=(actors,))
    load(options)
    kb = _knowledge_base((actors,), ())
    vocab = load_nlp().vocab
    assert kb._matchers.get(id(vocab), (None,))[0] is vocab
    annotation = next(
        annotate_many(
            ["The Tarvonian Harbour Guard accused Peru of illegal fishing."], options=options
        )
    )
    assert "TVNMIL" in {e.source.code for e in annotation.events if e.source}


def test_the_collector_runs_again_when_loading_fails() -> None:
    assert gc.isenabled()
    with pytest.raises(ModelNotFound):
        load_for_the_run(Options(model="no_such_spacy_model_for_whodid"))
    assert gc.isenabled()
