"""Speed of whodid against the bare spaCy parse it is built on (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_speed.py [--articles 500] [--batch-size 32] [--seed 1]

Builds a corpus of news-style articles from text the project wrote itself (the example sentence
of every lexicon entry and the bundled example articles), shuffled into articles of 8 to 20
sentences, then times, in one process and one run:

1. bare ``nlp.pipe`` with the same model, components and batch size whodid uses;
2. ``whodid.annotate_many`` on the same articles (all four layers).

Prints articles/s, sentences/s, tokens/s, peak RSS and the ratio whodid / bare spaCy.
Pin the process to one core for the one-core figure: ``taskset -c 0 python ...``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def own_sentences() -> list[str]:
    from whodid.events.lexicon import default_lexicon

    sentences = [entry.example for entry in default_lexicon().entries]
    batch = ROOT / "examples" / "articles.jsonl"
    for line in batch.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        sentences.extend(p.strip() for p in text.split("\n") if len(p.split()) > 6)
    return sentences


def build_corpus(n: int, *, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    pool = own_sentences()
    corpus = []
    for i in range(n):
        k = rng.randint(8, 20)
        paragraphs = [" ".join(rng.sample(pool, rng.randint(1, 3))) for _ in range(k // 2)]
        corpus.append({"id": f"bench-{i}", "text": "\n\n".join(paragraphs), "published": "2024-05-15"})
    return corpus


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    started = time.perf_counter()
    import whodid
    from whodid.nlp.model import load_nlp
    from whodid.pipeline import Options

    nlp = load_nlp()
    list(whodid.annotate_many(["Kenya accused Uganda of smuggling."]))  # load KB, lexicon, gazetteer
    startup = time.perf_counter() - started
    corpus = build_corpus(args.articles, seed=args.seed)
    texts = [a["text"] for a in corpus]

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    bare = time.perf_counter() - t0
    sentences = sum(len(list(d.sents)) for d in docs)
    tokens = sum(len(d) for d in docs)
    del docs

    t0 = time.perf_counter()
    events = 0
    for annotation in whodid.annotate_many(corpus, options=Options(batch_size=args.batch_size)):
        events += len(annotation.events)
    full = time.perf_counter() - t0

    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"model: {nlp.meta.get('name')} {nlp.meta.get('version')} components {nlp.pipe_names}")
    print(f"corpus: {len(texts)} articles, {sentences} sentences, {tokens} tokens; {events} events")
    print(f"start-up (import + model + data): {startup:.2f} s")
    for name, seconds in (("bare spaCy", bare), ("whodid", full)):
        print(
            f"{name:>10}: {seconds:7.2f} s  {len(texts) / seconds:7.1f} articles/s  "
            f"{sentences / seconds:7.1f} sentences/s  {tokens / seconds:8.0f} tokens/s"
        )
    print(f"ratio whodid / bare spaCy: {full / bare:.3f}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
