"""Speed of whodid against the bare spaCy parse it is built on (a benchmark, not a test).

    .venv/bin/python benchmarks/bench_speed.py [--articles 500] [--batch-size 32] [--seed 1]
                                               [--repeat 2] [--workers 2] [--corpus FILE]

Builds a corpus of news-style articles from text the project wrote itself (the example sentence
of every lexicon entry and the bundled example articles), shuffled into articles of 8 to 20
sentences -- or, with ``--corpus FILE``, reads the first ``--articles`` documents of a JSONL
file of your own (one object per line with a ``text``; ``published`` is used when it is an ISO
date), to time whodid on real news -- then times, in one run:

1. the stock model: bare ``nlp.pipe`` of ``spacy.load(model)`` with the components whodid keeps
   and nothing of whodid's (its own attribute_ruler, its tokenizer, its matrix backend) -- the
   baseline of issue 8, spaCy as it comes;
2. the same stock model with its matrix products on numpy's BLAS, as whodid runs its own
   (``whodid.nlp.matmul``): what the parse alone costs with that one change;
3. bare ``nlp.pipe`` of whodid's pipeline (the same model as whodid loads it: its faster
   attribute rules, its two small components, its tokenizer exception, numpy's BLAS);
4. ``whodid.annotate_many`` on the same articles (all four layers);

alternately, ``--repeat`` times each, after an untimed pass of each pipeline that fills the
vocabulary (so none starts cold).  Prints articles/s, sentences/s, tokens/s (median of the
passes), peak RSS and the ratios whodid / each bare parse, of wall time and of the process's CPU
time, medians (on a machine shared with other work, the CPU-time ratio is the steadier one).
Pin the process to one core for the one-core figure: ``taskset -c 0 python ...``.

With ``--workers N`` (N > 1) it then times ``whodid.runners.local.annotate_ordered`` (the
engine of ``whodid ingest --workers``) with 1 and with N worker processes, and prints the
speed-up (whole run, and steady state: start-up cancelled by also timing the corpus twice
over), an estimate of the steady-state speed-up with free cores from CPU times, and the peak
RSS of the largest worker.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import threading
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
        corpus.append(
            {"id": f"bench-{i}", "text": "\n\n".join(paragraphs), "published": "2024-05-15"}
        )
    return corpus


def read_corpus(path: Path, n: int) -> list[dict[str, str]]:
    """The first ``n`` documents with a non-empty ``text`` of a JSONL file, as batch records."""
    corpus: list[dict[str, str]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if len(corpus) >= n:
                break
            record = json.loads(line) if line.strip() else {}
            text = record.get("text") if isinstance(record, dict) else None
            if not isinstance(text, str) or not text.strip():
                continue
            item = {"id": f"{path.stem}-{number}", "text": text}
            published = record.get("published")
            if isinstance(published, str) and len(published) >= 10:
                item["published"] = published[:10]
            corpus.append(item)
    return corpus


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory (of this process, or of the largest finished child process)."""
    return resource.getrusage(who).ru_maxrss / 1024


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0))
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.machine()} {cpu}, {cores} core(s) usable, {memory:.0f} GB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def rate_line(name: str, seconds: float, articles: int, sentences: int, tokens: int) -> str:
    return (
        f"{name:>18}: {seconds:7.2f} s  {articles / seconds:7.1f} articles/s  "
        f"{sentences / seconds:7.1f} sentences/s  {tokens / seconds:8.0f} tokens/s"
    )


def children_cpu() -> float:
    """CPU seconds of this process's finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def high_water_mb(pid: int) -> float:
    """A process's peak resident memory since it started its program (``VmHWM``, Linux), 0 if
    unknown. Unlike ``getrusage(RUSAGE_CHILDREN)``, it leaves out the parent's memory that a
    spawned child counts between its fork and its exec."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


class WorkerMemory:
    """The largest peak resident memory of this process's child processes, read from
    ``/proc`` every 0.2 s while a run lasts (a high-water mark, so no peak is missed, only the
    last 0.2 s of a worker's life)."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            for child in _children(os.getpid()):
                self.peak = max(self.peak, high_water_mb(child))

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def time_workers(
    corpus: list[dict[str, str]], *, workers: int, batch_size: int
) -> tuple[float, float, float, float]:
    """Seconds for the local runner to annotate the corpus with ``workers`` processes: wall
    time, CPU time of this process, CPU time of the worker processes (all of them); and the
    largest worker's peak resident memory in MB (0 without worker processes)."""
    from whodid.ingest.records_io import article_from_record
    from whodid.pipeline import Options
    from whodid.runners.local import annotate_ordered

    jobs = [(i, article_from_record(a)) for i, a in enumerate(corpus)]
    options = Options(batch_size=batch_size)
    t0, c0, k0 = time.perf_counter(), time.process_time(), children_cpu()
    with WorkerMemory() as memory:
        done = sum(
            1 for _ in annotate_ordered(jobs, workers=workers, options=options, chunk_size=16)
        )
    seconds = time.perf_counter() - t0
    assert done == len(corpus)
    return seconds, time.process_time() - c0, children_cpu() - k0, memory.peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--corpus", type=Path, help="time a JSONL file of your own documents instead"
    )
    parser.add_argument(
        "--repeat", type=int, default=2, help="timed passes of each, the best counts (0: none)"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="also time the local runner with N processes"
    )
    args = parser.parse_args()

    from whodid.nlp.threads import one_blas_thread

    one_blas_thread()  # as the whodid command does: before numpy is first imported
    started, started_cpu = time.perf_counter(), time.process_time()
    import whodid
    from whodid.nlp.model import USED_COMPONENTS, load_nlp, model_name
    from whodid.pipeline import Options

    nlp = load_nlp()
    list(
        whodid.annotate_many(["Kenya accused Uganda of smuggling."])
    )  # load KB, lexicon, gazetteer
    startup = time.perf_counter() - started
    startup_cpu = time.process_time() - started_cpu
    if args.corpus:
        corpus = read_corpus(args.corpus, args.articles)
        print(f"corpus file: {args.corpus}")
    else:
        corpus = build_corpus(args.articles, seed=args.seed)
    texts = [a["text"] for a in corpus]
    options = Options(batch_size=args.batch_size)

    n = len(texts)
    print(f"machine: {machine()}")
    print(f"model: {nlp.meta.get('name')} {nlp.meta.get('version')} components {nlp.pipe_names}")
    print(f"start-up (import + model + data): {startup:.2f} s ({startup_cpu:.2f} s CPU)")
    import spacy
    from spacy.language import Language

    def stock_model() -> Language:
        """The model as spaCy loads it, less the components whodid does not run."""
        loaded = spacy.load(model_name())
        for pipe in [p for p in loaded.pipe_names if p not in USED_COMPONENTS]:
            loaded.remove_pipe(pipe)
        return loaded

    stock = stock_model()
    print(f"stock model (baseline): components {stock.pipe_names}")
    for _doc in stock.pipe(texts, batch_size=args.batch_size):
        pass
    from whodid.nlp.matmul import matmul_of, use_matmul

    stock_numpy = stock_model()
    use_matmul(stock_numpy, "numpy")
    print(
        f"matrix products: stock model {sorted(matmul_of(stock))}, "
        f"stock model on numpy {sorted(matmul_of(stock_numpy))}, whodid {sorted(matmul_of(nlp))}"
    )
    docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    sentences = sum(len(list(d.sents)) for d in docs)
    tokens = sum(len(d) for d in docs)
    del docs  # this first pass also fills the vocabulary, so both timed runs start warm
    print(f"corpus: {n} articles, {sentences} sentences, {tokens} tokens")

    # Wall time, and the process's CPU time: on a machine shared with other work the wall time
    # also counts the time spent waiting for the core, the CPU time does not.
    wall: dict[str, list[float]] = {"stock": [], "stock_numpy": [], "bare": [], "whodid": []}
    cpu: dict[str, list[float]] = {"stock": [], "stock_numpy": [], "bare": [], "whodid": []}
    events = 0
    for _ in range(args.repeat):
        for name, pipeline in (("stock", stock), ("stock_numpy", stock_numpy), ("bare", nlp)):
            t0, c0 = time.perf_counter(), time.process_time()
            for _doc in pipeline.pipe(texts, batch_size=args.batch_size):
                pass
            wall[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        events = sum(len(a.events) for a in whodid.annotate_many(corpus, options=options))
        wall["whodid"].append(time.perf_counter() - t0)
        cpu["whodid"].append(time.process_time() - c0)
    if args.repeat > 0:
        med = {k: statistics.median(v) for k, v in wall.items()}
        med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
        print(f"events: {events}")
        print(rate_line("stock model", med["stock"], n, sentences, tokens))
        print(rate_line("stock on numpy BLAS", med["stock_numpy"], n, sentences, tokens))
        print(rate_line("bare whodid nlp", med["bare"], n, sentences, tokens))
        print(rate_line("whodid", med["whodid"], n, sentences, tokens))
        each = ", ".join(f"{k} " + " ".join(f"{x:.2f}" for x in v) for k, v in cpu.items())
        print(f"CPU time of each pass (s): {each}")
        print(
            f"CPU time, median of {args.repeat}: stock model {med_cpu['stock']:.2f} s, "
            f"stock on numpy BLAS {med_cpu['stock_numpy']:.2f} s, "
            f"bare whodid nlp {med_cpu['bare']:.2f} s, whodid {med_cpu['whodid']:.2f} s"
        )
        issue = med_cpu["whodid"] / med_cpu["stock"]
        print(
            f"ratio whodid / stock model (issue 8 baseline): CPU {issue:.3f}, "
            f"wall {med['whodid'] / med['stock']:.3f}"
        )
        print(
            f"ratio whodid / stock on numpy BLAS (the parse at whodid's matrix speed): "
            f"CPU {med_cpu['whodid'] / med_cpu['stock_numpy']:.3f}, "
            f"wall {med['whodid'] / med['stock_numpy']:.3f}"
        )
        print(
            f"ratio whodid / bare whodid nlp (what the rules add to whodid's own parse): "
            f"CPU {med_cpu['whodid'] / med_cpu['bare']:.3f}, "
            f"wall {med['whodid'] / med['bare']:.3f}"
        )
        print(f"peak RSS: {peak_rss_mb():.0f} MB")

    if args.workers > 1:
        # Each run includes the workers' start-up; the run on the corpus twice over, minus the
        # run on the corpus once, is the steady-state time of one corpus (start-up cancels).
        twice = corpus + [{**a, "id": a["id"] + "-b"} for a in corpus]
        one, one_cpu, _, _ = time_workers(corpus, workers=1, batch_size=args.batch_size)
        one2, one2_cpu, _, _ = time_workers(twice, workers=1, batch_size=args.batch_size)
        many, many_cpu, many_kids, worker_mb = time_workers(
            corpus, workers=args.workers, batch_size=args.batch_size
        )
        many2, many2_cpu, many2_kids, worker2_mb = time_workers(
            twice, workers=args.workers, batch_size=args.batch_size
        )
        print(rate_line("runner, 1 process", one, n, sentences, tokens))
        print(rate_line(f"runner, {args.workers} workers", many, n, sentences, tokens))
        print(f"speed-up {args.workers} workers / 1, whole run: {one / many:.2f}")
        print(rate_line("steady, 1 process", one2 - one, n, sentences, tokens))
        print(rate_line(f"steady, {args.workers} workers", many2 - many, n, sentences, tokens))
        steady = (one2 - one) / (many2 - many)
        print(f"speed-up {args.workers} workers / 1, steady state: {steady:.2f}")
        # On a machine busy with other work the workers wait for cores, and the wall-time
        # speed-up says more about the machine than about whodid. From CPU time: what the
        # steady-state speed-up is with free cores, if the work spreads evenly over the workers
        # (the calling process, which merges the results, runs alongside them).
        one_steady = one2_cpu - one_cpu
        parent, kids = many2_cpu - many_cpu, many2_kids - many_kids
        ideal = one_steady / max(parent, kids / args.workers)
        print(
            f"CPU time, steady state: 1 process {one_steady:.2f} s; {args.workers} workers "
            f"{kids:.2f} s in all, calling process {parent:.2f} s; "
            f"speed-up with free cores ≈ {ideal:.2f}"
        )
        print(
            f"peak RSS of the largest worker: {max(worker_mb, worker2_mb):.0f} MB (VmHWM; "
            f"getrusage of the children, which also counts this process's memory at each "
            f"fork: {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB)"
        )


if __name__ == "__main__":
    main()
