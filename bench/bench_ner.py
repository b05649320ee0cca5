"""Benchmark the shipped NER: throughput on one core, with and without the model, and the cold start.

Prints:

* tokens/s and articles/s of the whole default pipeline with the NER and without it
  (``kalbar_nlp.load(ner=False)``), and of the ``ner`` component alone, on one thread, per CPU second
  of this process (so that other jobs on a shared machine do not distort the figure);
* the cold start, in fresh interpreters: from ``import kalbar_nlp`` to the first parsed article, against
  a bare ``import spacy; spacy.blank("id")``, measured alternately in the same run (median of
  ``--repeat``), with the ratio (target ≤ 1.5).

The articles are read from ``../shared/data/dev/articles.jsonl`` (third-party text, never copied into
the project); without ``../shared`` invented sentences are used.

Usage::

    python bench/bench_ner.py --shared ../shared [--repeat 3] [--rounds 5]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

FALLBACK_TEXTS = [
    "Pontianak – Bupati Melawi, Hendrikus Sanggau, meresmikan jembatan gantung di Kecamatan Nanga Pinoh "
    "pada Senin (3/6/2024). Ia didampingi Kepala Dinas Pekerjaan Umum Melawi, Rina Oktaviani. "
    '"Jembatan ini ditunggu warga sejak lama," kata Hendrikus kepada wartawan.',
    "Kapolres Landak AKBP Dwi Hartanto mengimbau warga agar tidak membakar lahan selama musim kemarau. "
    "Polres Landak bersama Manggala Agni telah memadamkan api di tiga desa sejak Kamis.",
]

BARE = 'import time; t = time.perf_counter(); import spacy; spacy.blank("id"); print(time.perf_counter() - t)'
KALBAR = (
    "import sys, time; t = time.perf_counter(); import kalbar_nlp; kalbar_nlp.parse(sys.stdin.read()); "
    "print(time.perf_counter() - t)"
)


def load_texts(shared: Path) -> list[str]:
    """Return the dev articles' texts, or invented ones when ``../shared`` is absent."""
    path = shared / "data" / "dev" / "articles.jsonl"
    if not path.is_file():
        print(f"(no {path}: using {len(FALLBACK_TEXTS)} invented articles)")
        return FALLBACK_TEXTS
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def throughput(nlp, texts: list[str], rounds: int) -> tuple[float, float, int]:
    """Return ``(tokens/s, articles/s, tokens)`` of ``nlp.pipe`` over ``texts`` repeated ``rounds`` times.

    Time is the process's CPU time (one thread), so other jobs on a shared machine do not count.
    """
    list(nlp.pipe(texts[:2]))  # warm-up
    n_tok = 0
    t0 = time.process_time()
    for _ in range(rounds):
        for doc in nlp.pipe(texts):
            n_tok += len(doc)
    dt = time.process_time() - t0
    return n_tok / dt, rounds * len(texts) / dt, n_tok


def ner_only_timed(nlp, texts: list[str], rounds: int) -> float:
    """Return tokens/s of the ``ner`` component alone (tokenisation not counted)."""
    ner = nlp.get_pipe("ner")
    docs = [nlp.make_doc(t) for t in texts]
    list(ner.pipe([nlp.make_doc(t) for t in texts[:2]]))
    n_tok = 0
    spent = 0.0
    for _ in range(rounds):
        batch = [nlp.make_doc(d.text) for d in docs]
        t0 = time.process_time()
        for doc in ner.pipe(batch):
            n_tok += len(doc)
        spent += time.process_time() - t0
    return n_tok / spent


def cold_start(text: str, repeat: int) -> tuple[float, float]:
    """Return the median seconds of a bare spaCy start and of kalbar_nlp's first parse (fresh processes)."""
    env = dict(os.environ)
    bare: list[float] = []
    ours: list[float] = []
    for _ in range(repeat):
        for code, out in ((BARE, bare), (KALBAR, ours)):
            res = subprocess.run(
                [sys.executable, "-c", code], input=text, capture_output=True, text=True, env=env, check=True
            )
            out.append(float(res.stdout.strip().splitlines()[-1]))
    return statistics.median(bare), statistics.median(ours)


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--repeat", type=int, default=3, help="cold-start measurements per variant")
    ap.add_argument("--rounds", type=int, default=5, help="passes over the articles for throughput")
    args = ap.parse_args()
    texts = load_texts(args.shared.resolve())

    import kalbar_nlp

    with_ner = kalbar_nlp.load()
    without = kalbar_nlp.load(ner=False)
    tps_with, aps_with, n_tok = throughput(with_ner, texts, args.rounds)
    tps_without, aps_without, _ = throughput(without, texts, args.rounds)
    tps_ner = ner_only_timed(with_ner, texts, args.rounds)
    print(f"articles: {len(texts)} x {args.rounds} rounds, {n_tok:,} tokens, one thread, per CPU second")
    print(f"pipeline with NER     {tps_with:>10,.0f} tokens/s  {aps_with:>7.1f} articles/s")
    print(f"pipeline without NER  {tps_without:>10,.0f} tokens/s  {aps_without:>7.1f} articles/s")
    print(f"ner component alone   {tps_ner:>10,.0f} tokens/s")

    bare, ours = cold_start(texts[0], args.repeat)
    ratio = ours / bare
    print(f"cold start, bare `import spacy; spacy.blank('id')`: {bare:.2f} s (median of {args.repeat})")
    print(f"cold start, `import kalbar_nlp` + first parse:      {ours:.2f} s (median of {args.repeat})")
    print(f"cold start ratio: {ratio:.2f}x (target <= 1.5x) {'OK' if ratio <= 1.5 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
