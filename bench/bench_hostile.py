"""Time the pipeline, component by component, on hostile texts of growing size.

Each pattern (unclosed quotes, comma runs, capitalised runs, repeated titles and cues, brackets,
thousands of dates, long tokens, newline floods, repeated ``Baca juga``, abbreviation runs, one-line
articles, ...) is repeated up to each size of ``--sizes``; the tokenizer and every pipe of the
pipeline are timed on their own (the NER as ``parse`` runs it: bounded). For each pattern the
table shows the time per size, the slowest component, and the growth ratio from one size to the
next, ten times larger. Targets: at most 20 s at 1 MB, and 10x the size in at most 12x the time;
a pattern over either is marked. Times are CPU seconds of this process (``time.process_time``), so
other work on a shared machine does not inflate them, and a size that takes little time is timed
up to three times (the least counts); each run starts after a full garbage collection and,
as in ``parse``, runs with the cyclic collector paused; ``--limit`` is wall-clock. The target is
on the total; a component growing faster than 12x is marked too.

    python bench/bench_hostile.py                        # 10 KB, 100 KB and 1 MB
    python bench/bench_hostile.py --sizes 10000 100000   # quicker
    python bench/bench_hostile.py --only comma_run x_newline
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import random
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import kalbar_nlp  # noqa: E402
from kalbar_nlp.api import make_doc  # noqa: E402
from kalbar_nlp.running import BoundedNer, collector_paused  # noqa: E402

SAMPLE = json.loads(
    (ROOT / "data" / "sample_articles" / "articles.jsonl").read_text("utf-8").splitlines()[0]
)["text"]
MAX_SECONDS_AT_1MB = 20.0
MAX_GROWTH = 12.0
#: A component faster than this at the larger size (or a tenth of it at the smaller) is not judged
#: on its growth: the ratio of two timer-noise figures means nothing.
MIN_SECONDS = 0.2
#: Each size is timed up to this many times (the least time counts) while the runs stay cheap.
REPEATS = 3
REPEAT_BUDGET = 3.0


def _soup(seed: int, words: list[str]) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(words) for _ in range(400)) + " "


#: name -> the unit repeated up to the size (a str, or a function of nothing for built units).
PATTERNS: dict[str, str | Callable[[], str]] = {
    "unclosed_quotes": "\u201cKami siap membantu warga ",
    "closing_quotes_only": "warga datang\u201d ",
    "straight_quotes_unbalanced": '"Kami siap, kata Rudi. ',
    "single_quotes": "\u2018banjir\u2019 ",
    "quote_in_quote": "\u201c\u2018\u201c\u2018 ",
    "comma_run": ", ",
    "comma_no_space": ",",
    "capitalised_run": "Budi Santoso Rahman Hakim ",
    "all_caps": "PEMERINTAH KABUPATEN KETAPANG ",
    "repeated_titles": "Kepala Dinas ",
    "title_chain": "Bupati Wali Kota Gubernur Camat ",
    "title_name_pairs": "Bupati Ketapang, Martin Rantan, ",
    "repeated_cue": "kata Rudi. ",
    "cue_nya": "katanya, ujarnya, ",
    "KATANYA": "KATANYA ",
    "speech_verbs": "mengatakan menjelaskan ",
    "nested_brackets": "((((Kapolres))) ",
    "unclosed_brackets": "(Kapolres ",
    "square_brackets": "[Baca juga: Banjir] ",
    "dates_slash": "Senin (13/5/2024) ",
    "dates_long": "13 Mei 2024, ",
    "dates_extreme": "1/1/0001 31/12/9999 ",
    "relative_dates": "tahun lalu bulan depan kemarin ",
    "times": "pukul 10.00 WIB ",
    "long_token": "x" * 5000 + " ",
    "long_digits": "9" * 1000 + " ",
    "newline_flood": "\n" * 9 + "x",
    "x_newline": "x\n",
    "crlf_lines": "Warga datang.\r\n",
    "cr_lines": "Warga datang.\r",
    "tabs": "\t" * 9 + "x",
    "baca_juga": "Baca juga: Banjir Ketapang\n",
    "abbreviations": "Jl. Kab. H. Dr. ",
    "honorifics": "H. Hj. Ir. Drs. ",
    "ranks": "AKBP Kompol Iptu ",
    "dateline_repeated": "KalbarOnline, Ketapang \u2013 ",
    "byline_repeated": "Penulis: Adi Saputra\n",
    "agency_codes": "(ant) (rk) ",
    "places": "Kabupaten Ketapang Kecamatan Sandai Desa Sungai Awan ",
    "acronyms": "DPRD BPBD PUPR Polres ",
    "kota_last": "Rapat di Polres Kota. ",
    "dashes": " \u2013 \u2014 - ",
    "slashes": "/ // /",
    "digit_slashes": "1/2/3/4/5 ",
    "emoji": "\U0001f600 ",
    "urls": "https://kalbaronline.com/2024/05/13/berita-banjir ",
    "person_list": "Rudi Hermawan, Siti Aminah, ",
    "sample_article": lambda: SAMPLE + "\n",
    "one_line_article": lambda: SAMPLE.replace("\n", " ") + " ",
    "word_soup": lambda: _soup(7, "Bupati kata Rudi “ ” ( ) , - 13/5/2024 Kota Desa H. Dr. dan".split()),
}


class OverLimit(Exception):
    """A pattern took longer than the time limit at one size."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise OverLimit


def build(pattern: str, size: int) -> str:
    unit = PATTERNS[pattern]
    unit = unit() if callable(unit) else unit
    return (unit * (size // len(unit) + 1))[:size]


def time_components(nlp: Any, text: str) -> dict[str, float]:
    """Seconds of the tokenizer and of each pipe on ``text``, run as ``parse`` runs them: the NER
    bounded, the cyclic garbage collector paused (after a full collection, so that no run
    inherits the garbage of the one before)."""
    gc.collect()
    with collector_paused():
        return _component_times(nlp, text)


def _component_times(nlp: Any, text: str) -> dict[str, float]:
    times: dict[str, float] = {}
    start = time.process_time()
    doc = make_doc(nlp, text)
    times["tokenizer"] = time.process_time() - start
    for name, proc in nlp.pipeline:
        start = time.process_time()
        if name == "ner":
            next(BoundedNer(proc).pipe([doc]))
        else:
            doc = proc(doc)
        times[name] = time.process_time() - start
    return times


Row = tuple[int, dict[str, float] | None, str]


def best_times(nlp: Any, text: str, budget: float = REPEAT_BUDGET) -> dict[str, float]:
    """Per component, the least time of up to :data:`REPEATS` runs (repeated while they are cheap)."""
    best = time_components(nlp, text)
    spent = sum(best.values())
    for _ in range(REPEATS - 1):
        if spent > budget:
            break
        again = time_components(nlp, text)
        spent += sum(again.values())
        best = {name: min(seconds, again.get(name, seconds)) for name, seconds in best.items()}
    return best


def measure(nlp: Any, pattern: str, sizes: list[int], limit: int) -> list[Row]:
    """``(size, seconds per component or None, note)`` per size; sizes after an over-limit one are skipped."""
    rows: list[Row] = []
    for size in sizes:
        signal.alarm(limit)
        try:
            times = best_times(nlp, build(pattern, size))
        except OverLimit:
            rows.append((size, None, f"over {limit} s"))
            break
        except Exception as err:
            rows.append((size, None, f"error: {type(err).__name__}: {err}"[:90]))
            continue
        finally:
            signal.alarm(0)
        slowest = sorted(times.items(), key=lambda kv: -kv[1])[:2]
        rows.append((size, times, ", ".join(f"{name} {seconds:.2f}" for name, seconds in slowest)))
    return rows


def worst_growth(small: dict[str, float], large: dict[str, float]) -> tuple[str, float]:
    """The component whose time grew most, among those measurable at both sizes."""
    growth = {
        name: large[name] / small[name]
        for name in large
        if large[name] >= MIN_SECONDS and small.get(name, 0.0) >= MIN_SECONDS / 10
    }
    if not growth:
        return "-", 1.0
    name = max(growth, key=growth.get)
    return name, growth[name]


def verdict(rows: list[Row]) -> str:
    """Growth of the total and of the worst component per 10x; marks growth over 12x and 20 s at 1 MB.

    The target is on the total (what a caller waits for); a component that grows faster is marked
    too, so that it is looked at before it dominates.
    """
    marks = []
    for (size_a, times_a, _), (size_b, times_b, _) in itertools.pairwise(rows):
        if times_a and times_b and size_b == 10 * size_a:
            total = sum(times_b.values()) / max(sum(times_a.values()), 0.002)
            name, growth = worst_growth(times_a, times_b)
            flag = " SUPER-LINEAR" if total > MAX_GROWTH else ""
            component_flag = " (component >12x)" if growth > MAX_GROWTH else ""
            marks.append(f"x{total:.0f} total{flag}, {name} x{growth:.0f}{component_flag}")
    for size, times, note in rows:
        if times is None:
            marks.append(note)
        elif size >= 1_000_000 and sum(times.values()) > MAX_SECONDS_AT_1MB:
            marks.append(f"SLOW at {size // 1000} KB")
    return "; ".join(marks)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--only", nargs="+", choices=sorted(PATTERNS), help="these patterns only")
    parser.add_argument("--limit", type=int, default=300, help="seconds allowed per pattern and size")
    parser.add_argument("--no-ner", action="store_true", help="rules only")
    parser.add_argument("--shared", help="ignored (for `make bench`)")
    args = parser.parse_args()
    nlp = kalbar_nlp.load(ner=not args.no_ner)
    kalbar_nlp.parse(SAMPLE, nlp=nlp)  # warm up
    previous = signal.signal(signal.SIGALRM, _alarm)
    flagged = 0
    try:
        for pattern in args.only or list(PATTERNS):
            rows = measure(nlp, pattern, sorted(args.sizes), args.limit)
            cells = "  ".join(
                f"{size // 1000:>5} KB {'-' if times is None else f'{sum(times.values()):7.2f} s'} ({note})"
                for size, times, note in rows
            )
            mark = verdict(rows)
            flagged += "SUPER-LINEAR" in mark or "SLOW" in mark or "over " in mark or "error" in mark
            print(f"{pattern:<27} {cells}  -> {mark}", flush=True)
    finally:
        signal.signal(signal.SIGALRM, previous)
    print(f"hostile: {len(args.only or PATTERNS)} patterns, {flagged} flagged")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
