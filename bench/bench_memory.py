"""Memory of a long-running process that parses texts full of new words (the vocabulary's strings).

Parses ``--n`` texts (default 1,500) of random made-up words with ``kalbar_nlp.parse`` and prints
the resident memory and the size of the vocabulary's string store as it goes. ``parse`` runs in
the pipeline's memory zone (``kalbar_nlp.running.memory_zone``), so both stay flat;
``--no-zone`` turns the zone off to show what it saves.

    python bench/bench_memory.py
    python bench/bench_memory.py --no-zone
"""

from __future__ import annotations

import argparse
import contextlib
import random
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import psutil  # noqa: E402

import kalbar_nlp  # noqa: E402
from kalbar_nlp import api  # noqa: E402


def random_text(rng: random.Random, words: int = 400) -> str:
    made_up = (
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 12))) for _ in range(words)
    )
    return "KalbarOnline, Pontianak – " + " ".join(made_up) + ". Senin (6/11/2023)."


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1500, help="texts to parse")
    parser.add_argument("--no-zone", action="store_true", help="parse without the memory zone")
    parser.add_argument("--no-ner", action="store_true", help="rules only")
    parser.add_argument("--shared", help="ignored (for `make bench`)")
    args = parser.parse_args()
    nlp = kalbar_nlp.load(ner=not args.no_ner)
    if args.no_zone:
        api.memory_zone = lambda _nlp: contextlib.nullcontext()
    rng = random.Random(1)
    process = psutil.Process()
    kalbar_nlp.parse(random_text(rng), nlp=nlp)
    first = process.memory_info().rss
    for i in range(1, args.n + 1):
        kalbar_nlp.parse(random_text(rng), nlp=nlp)
        if i % 250 == 0 or i == args.n:
            rss = process.memory_info().rss
            print(
                f"{i:>5} texts: {rss / 2**20:7.1f} MB resident, {len(nlp.vocab.strings):>8} strings",
                flush=True,
            )
    growth = (process.memory_info().rss - first) / 2**20
    print(f"memory ({'no zone' if args.no_zone else 'memory zone'}): {growth:+.1f} MB over {args.n} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
