"""Build parsed spaCy Docs by hand, so rule tests need no model.

    doc = parse("Arnor/PROPN/nsubj/1 accused/VERB/ROOT/1/accuse Gondor/PROPN/dobj/1")

Each token is ``text/POS/dep/head[/lemma]`` with ``head`` the absolute index of its head; the
lemma defaults to the lower-cased text.
"""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

_VOCAB = English().vocab


def parse(spec: str) -> Doc:
    words, pos, deps, heads, lemmas = [], [], [], [], []
    for item in spec.split():
        parts = item.split("/")
        if len(parts) == 6 and parts[0] == "" and parts[1] == "":  # the token "/" itself
            parts = ["/", *parts[2:]]
        text, tag, dep, head = parts[:4]
        words.append(text)
        pos.append(tag)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(parts[4] if len(parts) > 4 else text.lower())
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (".", ",", "'s") for i in range(len(words))
    ]
    sent_starts = [i == 0 for i in range(len(words))]
    return Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        pos=pos,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        sent_starts=sent_starts,
    )
