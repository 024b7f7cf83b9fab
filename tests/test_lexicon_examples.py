"""Every lexicon entry fires on its own example sentence (with the real model)."""

from __future__ import annotations

import pytest

from whodid.events.coder import code_sentence
from whodid.events.lexicon import default_lexicon

LEXICON = default_lexicon()


@pytest.fixture(scope="module")
def parsed(nlp):
    examples = [e.example for e in LEXICON.entries]
    return dict(zip(examples, nlp.pipe(examples), strict=True))


@pytest.mark.model
@pytest.mark.parametrize("entry", LEXICON.entries, ids=lambda e: e.id)
def test_entry_fires_on_its_example(entry, parsed):
    doc = parsed[entry.example]
    fired = {c.entry.id for sent in doc.sents for c in code_sentence(sent, LEXICON)}
    assert entry.id in fired, f"{entry.source}: {entry.id} did not fire; fired: {sorted(fired)}"
