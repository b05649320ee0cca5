"""Time the ``kalbar_titles`` and ``kalbar_people`` components on long, repetitive invented text.

Usage:
    python bench/bench_titles_people.py [SIZE ...]

For each input (a title repeated with no name, capitalised names repeated, ``kata X,``
repeated) and each size in characters (default 100 000 and 1 000 000), the two components
run on the tokenizer's output alone and the seconds each takes are printed. Both walk the
document a bounded number of times per token, so ten times the text should take about ten
times as long; the numbers are printed, never asserted (the machine's load decides them).
"""

from __future__ import annotations

import sys
import time

import kalbar_nlp

INPUTS = {
    "titles": "Kepala Dinas ",
    "capitalised": "Alexander Wilyo Budi Santoso Dewi Lestari ",
    "kata": "kata Budi, ",
}
OPENING = "Sekda Alexander Wilyo hadir. "


def main(sizes: list[int]) -> None:
    """Print one line per input and size: characters, tokens, seconds of titles and of people."""
    nlp = kalbar_nlp.load(ner=False)
    nlp.max_length = max(sizes) + 1000
    titles, people = nlp.get_pipe("kalbar_titles"), nlp.get_pipe("kalbar_people")
    for name, unit in INPUTS.items():
        for size in sizes:
            doc = nlp.make_doc(OPENING + unit * (size // len(unit)))
            start = time.perf_counter()
            titles(doc)
            middle = time.perf_counter()
            people(doc)
            end = time.perf_counter()
            print(
                f"{name:12s} {len(doc.text):>9d} chars {len(doc):>8d} tokens"
                f"  titles {middle - start:7.2f} s  people {end - middle:7.2f} s",
                flush=True,
            )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100_000, 1_000_000])
