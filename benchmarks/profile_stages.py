"""CPU time of each stage of ``annotate_doc`` over pre-parsed benchmark articles (not a test).

    .venv/bin/python benchmarks/profile_stages.py [--articles 150] [--seed 3] [--passes 1]
                                                  [--cprofile tottime]

Parses the articles of ``bench_speed.build_corpus`` with ``nlp.pipe`` (timed: the parse), runs
the rules over them once untimed, then once more with each stage that ``whodid.pipeline``
calls timed, and prints each stage's CPU time and its share of the parse (the benchmark's
ratio whodid / bare spaCy is about 1 + the rules' share). Stages call one another lazily
(the actors' memory resolves heads when the coder or the event builder asks), so a stage's
time includes what it triggers. With ``--passes N`` the parse and the rules run N times each
and each one's least time counts (steadier on a machine shared with other work). With
``--cprofile KEY`` it prints a cProfile of the rules sorted by KEY instead. To compare two
versions, run it on each, alternately, with ``PYTHONPATH`` pointing at the ``src`` of a
``git archive`` of the older commit.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from bench_speed import build_corpus

STAGES = (
    "boilerplate_spans",
    "find_timexes",
    "DocActors",
    "code_sentence",
    "build_event",
    "date_events",
    "find_places",
    "dateline_place_of",
    "locate_events",
    "locate_words",
    "find_quotes",
    "attribute_statements",
    "link_events",
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--cprofile", metavar="KEY", help="print a cProfile sorted by KEY")
    parser.add_argument(
        "--passes",
        type=int,
        default=1,
        help="timed passes over the articles; each stage's least time counts (a loaded machine)",
    )
    args = parser.parse_args()

    import whodid.pipeline as pipeline
    from whodid.events.lexicon import default_lexicon
    from whodid.ingest.records_io import article_from_record
    from whodid.nlp.model import load_nlp

    nlp = load_nlp()
    kb = pipeline._knowledge_base((), ())
    lexicon = default_lexicon()
    options = pipeline.Options()
    articles = [article_from_record(r) for r in build_corpus(args.articles, seed=args.seed)]
    list(nlp.pipe([a.text for a in articles[:20]]))  # warm the vocabulary
    parse = float("inf")
    for _ in range(max(1, args.passes)):
        started = time.process_time()
        docs = list(nlp.pipe([a.text for a in articles], batch_size=options.batch_size))
        parse = min(parse, time.process_time() - started)

    def rules() -> None:
        for doc, article in zip(docs, articles, strict=True):
            pipeline.annotate_doc(doc, article, kb=kb, lexicon=lexicon, options=options)

    rules()  # warm: the KB matcher, the gazetteer, caches
    if args.cprofile:
        profile = cProfile.Profile()
        profile.runcall(rules)
        pstats.Stats(profile).sort_stats(args.cprofile).print_stats(40)
        return

    spent: dict[str, float] = defaultdict(float)
    least: dict[str, float] = {}

    def timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                result = func(*a, **k)
                return list(result) if name == "code_sentence" else result
            finally:
                spent[name] += time.process_time() - t

        return wrapper

    for name in STAGES:
        setattr(pipeline, name, timed(name, getattr(pipeline, name)))
    total = float("inf")
    for _ in range(max(1, args.passes)):
        spent.clear()
        started = time.process_time()
        rules()
        elapsed = time.process_time() - started
        total = min(total, elapsed)
        spent["(annotate_doc itself)"] = elapsed - sum(spent.values())
        for name, seconds in spent.items():
            least[name] = min(least.get(name, float("inf")), seconds)
    passes = f" (least of {args.passes} passes)" if args.passes > 1 else ""
    print(f"{len(docs)} articles: parse {parse:.2f} s CPU, rules {total:.2f} s{passes}", end="")
    print(f" = {100 * total / parse:.1f} % of the parse")
    rest = least.pop("(annotate_doc itself)")
    for name, seconds in sorted(least.items(), key=lambda kv: -kv[1]):
        print(f"  {name:22s} {seconds:6.3f} s {100 * seconds / parse:5.1f} %")
    print(f"  {'(annotate_doc itself)':22s} {rest:6.3f} s {100 * rest / parse:5.1f} %")


if __name__ == "__main__":
    main()
