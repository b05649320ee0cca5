"""Speed of the full default pipeline, each figure side by side with a bare spaCy baseline in the same run.

Prints, in one run:

1. **Throughput** on one core: articles/s and tokens/s of ``kalbar_nlp.parse_many`` (the full default
   pipeline, records included) and of spaCy's bare Indonesian tokenizer (``spacy.blank("id")``) on
   the same articles in the same process, and the ratio of the two.
2. **Cold start**: ``import kalbar_nlp; kalbar_nlp.parse(text)`` and ``import spacy; spacy.blank("id")``,
   each in a fresh subprocess, alternating, and the ratio.
3. **Workers**: ``parse_many(..., n_process=1)`` and ``n_process=2`` over the same articles: wall time,
   CPU time per article (this process and its workers), the speed-up, the largest worker's peak RSS.
4. **Per component**: each component's share of the pipeline's CPU time.
5. With ``--memory-articles N``: the largest worker's resident memory after each tenth of ``N`` articles
   parsed by two workers (flat means no growth with the dump's size).

The machine may be shared: every figure is the best of ``--repeat`` runs, measured both as CPU time
(``time.process_time``/``resource.getrusage``, what the work costs) and wall time (what the other
processes on the machine left of it). Ratios are computed from CPU time, the wall-time ratio is
printed next to it. The articles are ``<shared>/data/articles/pool.jsonl`` (read where they lie,
never copied), else the project's ``data/sample_articles``.

    python bench/bench_speed.py --shared ../shared
    python bench/bench_speed.py --shared ../shared --repeat 5 --worker-articles 2000
    python bench/bench_speed.py --shared ../shared --skip cold --skip workers --memory-articles 10000
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import kalbar_nlp  # noqa: E402

SAMPLES = ROOT / "data" / "sample_articles" / "articles.jsonl"
COLD_TEXT = "KalbarOnline, Pontianak – Wali Kota meninjau pasar, Senin (6/11/2023). (ant)"
COLD_OURS = f"import kalbar_nlp; kalbar_nlp.parse({COLD_TEXT!r})"
COLD_BARE = 'import spacy; spacy.blank("id")'


def load_articles(shared: Path) -> tuple[list[dict[str, Any]], str]:
    """The benchmark's articles (``text``, ``id``, ``title``, ``published``) and where they came from."""
    path = shared / "data" / "articles" / "pool.jsonl"
    if not path.is_file():
        path = SAMPLES
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    keys = ("text", "id", "title", "published")
    return [{key: row.get(key) for key in keys} for row in rows], str(path)


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    """User + system CPU seconds of this process (or of its finished children)."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def repeated(articles: list[dict[str, Any]], total: int) -> Iterator[dict[str, Any]]:
    """``total`` articles: the benchmark's over and over, each copy with its own id."""
    for index in range(total):
        row = articles[index % len(articles)]
        yield {**row, "id": f"{row['id']}#{index}"}


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, float]:
    """Run ``run`` ``repeat`` times; best CPU seconds (this process and its children), best wall seconds."""
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu0 = cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN)
        wall0 = time.perf_counter()
        run()
        best_wall = min(best_wall, time.perf_counter() - wall0)
        best_cpu = min(best_cpu, cpu_seconds() + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu0)
    return best_cpu, best_wall


def throughput(articles: list[dict[str, Any]], repeat: int) -> dict[str, float]:
    """Articles/s and tokens/s of the full pipeline and of the bare tokenizer, same process, same articles."""
    import spacy  # after kalbar_nlp (imported at the top), as in a user's program

    texts = [row["text"] for row in articles]
    bare = spacy.blank("id")
    tokens = sum(len(doc) for doc in bare.pipe(texts))
    kalbar_nlp.load()
    list(kalbar_nlp.parse_many(articles[:4]))  # warm: the first call loads what components load lazily
    bare_cpu, bare_wall = best_of(repeat, lambda: [bare.make_doc(text) for text in texts])
    full_cpu, full_wall = best_of(repeat, lambda: list(kalbar_nlp.parse_many(articles)))
    return {
        "articles": len(texts),
        "tokens": tokens,
        "bare_cpu": bare_cpu,
        "bare_wall": bare_wall,
        "full_cpu": full_cpu,
        "full_wall": full_wall,
    }


def print_throughput(result: dict[str, float]) -> None:
    """Print the throughput table."""
    n, tokens = result["articles"], result["tokens"]
    print(f"\n1. throughput, one core: {n} articles, {tokens:,} tokens (spaCy's bare tokenizer's count)")
    print(f"   {'':34s} {'articles/s':>11s} {'tokens/s':>10s} {'(wall art/s)':>13s}")
    for label, key in (
        ("full default pipeline (parse_many)", "full"),
        ('bare tokenizer spacy.blank("id")', "bare"),
    ):
        cpu, wall = result[f"{key}_cpu"], result[f"{key}_wall"]
        print(f"   {label:34s} {n / cpu:11.1f} {tokens / cpu:10,.0f} {n / wall:13.1f}")
    ratio_cpu = result["bare_cpu"] / result["full_cpu"]
    ratio_wall = result["bare_wall"] / result["full_wall"]
    print(f"   pipeline / bare tokenizer speed: {ratio_cpu:.3f} (CPU time), {ratio_wall:.3f} (wall)")


def run_child(code: str) -> tuple[float, float]:
    """CPU and wall seconds of ``python -c code`` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    cpu0 = cpu_seconds(resource.RUSAGE_CHILDREN)
    wall0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, stdout=subprocess.DEVNULL)
    return cpu_seconds(resource.RUSAGE_CHILDREN) - cpu0, time.perf_counter() - wall0


def cold_start(repeat: int) -> dict[str, tuple[float, float]]:
    """Best CPU and wall seconds of each cold start, runs alternating so that both see the same load."""
    best: dict[str, list[float]] = {"ours": [float("inf")] * 2, "bare": [float("inf")] * 2}
    for _ in range(repeat):
        for key, code in (("bare", COLD_BARE), ("ours", COLD_OURS)):
            cpu, wall = run_child(code)
            best[key] = [min(best[key][0], cpu), min(best[key][1], wall)]
    return {key: (value[0], value[1]) for key, value in best.items()}


def print_cold_start(result: dict[str, tuple[float, float]], repeat: int) -> None:
    """Print the cold-start table."""
    print(f"\n2. cold start, fresh subprocesses, best of {repeat} (CPU s / wall s)")
    print(f"   import kalbar_nlp; parse(text)     {result['ours'][0]:6.2f} / {result['ours'][1]:6.2f}")
    print(f'   import spacy; spacy.blank("id")    {result["bare"][0]:6.2f} / {result["bare"][1]:6.2f}')
    ratio_cpu = result["ours"][0] / result["bare"][0]
    ratio_wall = result["ours"][1] / result["bare"][1]
    print(f"   kalbar_nlp / bare spaCy: {ratio_cpu:.2f} (CPU time), {ratio_wall:.2f} (wall)")


def workers(articles: list[dict[str, Any]], total: int, repeat: int) -> dict[int, tuple[float, float, float]]:
    """Per worker count: best wall seconds, best CPU seconds (parent + workers), largest worker RSS (MB)."""
    items = list(repeated(articles, total))
    results = {}
    for n_process in (1, 2):
        peaks: list[float] = []
        cpu, wall = best_of(
            repeat,
            lambda n=n_process, seen=peaks: seen.append(_drain(kalbar_nlp.parse_many(items, n_process=n))),
        )
        results[n_process] = (wall, cpu, max(peaks))
    return results


def _drain(stream: Iterable[Any]) -> float:
    """Read the stream to its end; the largest resident memory (MB) seen in a worker process meanwhile."""
    import psutil

    me = psutil.Process()
    peak = 0
    for count, _ in enumerate(stream):
        if count % 50 == 0:
            for child in me.children():
                with contextlib.suppress(psutil.Error):
                    peak = max(peak, child.memory_info().rss)
    return peak / 2**20


def print_workers(result: dict[int, tuple[float, float, float]], total: int, repeat: int) -> None:
    """Print the workers table."""
    print(f"\n3. workers: {total} articles, best of {repeat}")
    print(f"   {'':10s} {'wall s':>8s} {'articles/s':>11s} {'CPU ms/article':>15s}")
    for n_process, (wall, cpu, _peak) in result.items():
        label = f"{n_process} worker" + ("s" if n_process > 1 else "")
        print(f"   {label:10s} {wall:8.2f} {total / wall:11.1f} {1000 * cpu / total:15.1f}")
    print(f"   2 workers / 1 worker (wall): {result[1][0] / result[2][0]:.2f}x")
    print(f"   largest worker's resident memory (sampled): {result[2][2]:.0f} MB")


def memory_over(articles: list[dict[str, Any]], total: int) -> list[tuple[int, float]]:
    """Parse ``total`` articles with two workers; the largest worker's resident MB after each tenth."""
    import psutil

    me = psutil.Process()
    items = repeated(articles, total)
    marks: list[tuple[int, float]] = []
    step = max(1, total // 10)
    for count, _ in enumerate(kalbar_nlp.parse_many(items, n_process=2), 1):
        if count % step == 0:
            sizes = []
            for child in me.children():
                with contextlib.suppress(psutil.Error):
                    sizes.append(child.memory_info().rss / 2**20)
            marks.append((count, max(sizes, default=0.0)))
    return marks


def print_memory(marks: list[tuple[int, float]]) -> None:
    """Print the workers' memory as the run went on."""
    print(f"\n5. memory of two workers over {marks[-1][0] if marks else 0} articles (largest worker, MB)")
    print("   " + "  ".join(f"{count}: {mb:.0f}" for count, mb in marks))
    if len(marks) >= 2:
        print(f"   growth from the first tenth to the end: {marks[-1][1] - marks[0][1]:+.0f} MB")


def component_shares(articles: list[dict[str, Any]], repeat: int) -> dict[str, float]:
    """Best CPU seconds of each step (making the Docs, each component, the records) over the articles."""
    from kalbar_nlp.api import make_doc
    from kalbar_nlp.records import doc_to_article
    from kalbar_nlp.running import BoundedNer, memory_zone

    nlp = kalbar_nlp.load()
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(repeat):
        with memory_zone(nlp):
            spent: dict[str, float] = {}
            start = time.process_time()
            docs = [make_doc(nlp, row["text"], published=row["published"]) for row in articles]
            spent["tokenizer (make_doc)"] = time.process_time() - start
            for name, proc in nlp.pipeline:
                start = time.process_time()
                if name == "ner":
                    docs = list(BoundedNer(proc).pipe(docs, batch_size=32))
                else:
                    docs = [proc(doc) for doc in docs]
                spent[name] = time.process_time() - start
            start = time.process_time()
            for doc in docs:
                doc_to_article(doc)
            spent["records"] = time.process_time() - start
        for name, seconds in spent.items():
            best[name] = min(best[name], seconds)
    return dict(best)


def print_shares(shares: dict[str, float]) -> None:
    """Print each step's share of the pipeline's time."""
    total = sum(shares.values())
    print(f"\n4. per component (CPU time, best of each): {total:.2f} s in all")
    for name, seconds in sorted(shares.items(), key=lambda item: -item[1]):
        print(f"   {name:24s} {seconds:7.3f} s {100 * seconds / total:5.1f}%")


def main() -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (the best is kept)")
    parser.add_argument("--worker-articles", type=int, default=600, help="articles for the workers' run")
    parser.add_argument(
        "--memory-articles",
        type=int,
        default=0,
        help="also parse this many with two workers, watching memory",
    )
    parser.add_argument("--skip", action="append", default=[], choices=["cold", "workers", "components"])
    args = parser.parse_args()
    articles, source = load_articles(args.shared.resolve())
    print(f"articles: {source}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    cold = None if "cold" in args.skip else cold_start(args.repeat)  # before this process gets busy
    print_throughput(throughput(articles, args.repeat))
    if cold is not None:
        print_cold_start(cold, args.repeat)
    if "workers" not in args.skip:
        print_workers(workers(articles, args.worker_articles, args.repeat), args.worker_articles, args.repeat)
    if "components" not in args.skip:
        print_shares(component_shares(articles, args.repeat))
    if args.memory_articles:
        print_memory(memory_over(articles, args.memory_articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
