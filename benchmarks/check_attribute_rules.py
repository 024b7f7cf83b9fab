"""Token-by-token identity of whodid's attribute rules and lemmatizer and the model's stock
attribute_ruler and lemmatizer.

    .venv/bin/python benchmarks/check_attribute_rules.py [--articles 500] [--model NAME]
                                                         [FILE.jsonl ...] [--limit N]

Parses the benchmark corpus (``bench_speed.build_corpus``) and the ``text`` field of every
record of the JSONL files given (e.g. development sets, read in place as regression input, never
copied) with two pipelines of the same model, one with the stock ``attribute_ruler`` and
``lemmatizer`` and one with ``whodid.nlp.attribute_rules`` and ``whodid.nlp.lemmas``, and
compares every token attribute of every token. Prints the first differences and exits 1 if
there is any.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    LEMMA,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))

ATTRS = [ORTH, SPACY, TAG, POS, MORPH, LEMMA, DEP, HEAD, NORM, ENT_IOB, ENT_TYPE, ENT_KB_ID,
         SENT_START]  # fmt: skip
NAMES = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "NORM", "ENT_IOB",
         "ENT_TYPE", "ENT_KB_ID", "SENT_START"]  # fmt: skip


def texts_of(paths: list[str], limit: int | None) -> list[str]:
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if limit is not None and n >= limit:
                    break
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--limit", type=int, default=None, help="records per file")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    from bench_speed import build_corpus

    from whodid.nlp.model import load_nlp

    stock = load_nlp(args.model, stock_attribute_ruler=True)
    fast = load_nlp(args.model, stock_attribute_ruler=False)
    assert stock is not fast
    kind = type(fast.get_pipe("attribute_ruler")).__name__
    print(f"model {fast.meta.get('name')} {fast.meta.get('version')}; fast component: {kind}")
    texts = [a["text"] for a in build_corpus(args.articles, seed=1)]
    texts += texts_of(args.files, args.limit)
    tokens = differences = 0
    for number, (a, b) in enumerate(
        zip(stock.pipe(texts, batch_size=32), fast.pipe(texts, batch_size=32), strict=True)
    ):
        tokens += len(a)
        x, y = a.to_array(ATTRS), b.to_array(ATTRS)
        extra_same = [t.morph.to_json() for t in a] == [t.morph.to_json() for t in b] and [
            t.lemma_ for t in a
        ] == [t.lemma_ for t in b]
        if x.shape != y.shape or not (x == y).all() or not extra_same:
            differences += 1
            if differences <= 5:
                print(f"text {number}: differs")
                if x.shape == y.shape:
                    for i, j in zip(*(x != y).nonzero(), strict=True):
                        print(f"  token {i} {a[i].text!r} {NAMES[j]}: {x[i, j]} != {y[i, j]}")
    print(f"{len(texts)} texts, {tokens} tokens, {differences} texts with a difference")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
