"""Speed of the stanza backend against the default pipeline, on the same articles.

Usage:
    python bench/bench_stanza.py [--shared ../shared] [--n 40] [--models DIR]

With ``--models`` (or ``KALBAR_STANZA_RESOURCES``) naming stanza's real
Indonesian models, those are measured; otherwise the tiny models that the
test suite trains from UD Indonesian GSD (``tests/stanza_tiny.py``) are used,
which are far smaller than stanza's released ones, so the stanza figure is
then an upper bound. Prints articles/s and words/s for both backends and the
ratio. Stanza's published CPU speed for a full pipeline is near 900 words/s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import kalbar_nlp

ROOT = Path(__file__).resolve().parents[1]


def articles(shared: Path, n: int) -> list[dict]:
    paths = [
        shared / "data" / "articles" / "pool.jsonl",
        ROOT / "data" / "sample_articles" / "articles.jsonl",
    ]
    out: list[dict] = []
    for p in paths:
        if p.is_file():
            out += [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out[:n]


def run(nlp, items: list[dict]) -> tuple[float, int]:
    t0 = time.perf_counter()
    words = 0
    for a in items:
        doc = nlp(kalbar_nlp.api.make_doc(nlp, a["text"], published=a.get("published")))
        words += sum(1 for t in doc if not t.is_space)
    return time.perf_counter() - t0, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--n", type=int, default=40, help="articles to parse with each backend")
    ap.add_argument(
        "--models", default=os.environ.get("KALBAR_STANZA_RESOURCES"), help="stanza's model folder"
    )
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    items = articles(shared, a.n)
    if not items:
        print("no articles found", file=sys.stderr)
        return 0
    if a.models:
        options, which = {"model_dir": a.models}, f"stanza models in {a.models}"
    else:
        sys.path.insert(0, str(ROOT / "tests"))
        from stanza_tiny import train_tiny_pipeline

        ud = shared / "data" / "ud" / "id-gsd"
        if not ud.is_dir():
            print("no stanza models and no UD data to train tiny ones: nothing to measure", file=sys.stderr)
            return 0
        options, which = train_tiny_pipeline(ud), "tiny test models (trained from UD GSD; upper bound)"
    default = kalbar_nlp.load()
    stanza_nlp = kalbar_nlp.load("stanza", **options)
    run(default, items[:2])
    run(stanza_nlp, items[:2])
    td, wd = run(default, items)
    ts, ws = run(stanza_nlp, items)
    print(f"articles: {len(items)}; stanza: {which}")
    print(f"{'backend':<10}{'articles/s':>12}{'words/s':>10}")
    print(f"{'default':<10}{len(items) / td:>12.1f}{wd / td:>10.0f}")
    print(f"{'stanza':<10}{len(items) / ts:>12.1f}{ws / ts:>10.0f}")
    print(f"the default pipeline is {ts / td:.1f}x faster than the stanza backend on these articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
