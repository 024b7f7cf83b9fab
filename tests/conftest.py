from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy model, loaded once for the whole test session."""
    from whodid.nlp.model import load_nlp

    return load_nlp()
