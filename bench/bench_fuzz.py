"""Fuzz ``kalbar_nlp.parse`` with N generated and mutated inputs and check the record's properties.

The properties are those of ``tests/test_properties.py`` (``tests/fuzzing.py``): ``parse`` returns a
record or raises the documented TypeError/ValueError; every offset points at its text; date values
are valid ISO; the record is strict JSON; the same input gives the same record (checked on every
``--recheck``-th input). Inputs are word soups, random characters and mutations of the team's sample
articles, all reproducible from ``--seed``. Each input has a time limit (``signal.alarm``); an
input over it counts as a hang. Crashes (any other exception), hangs and violations are saved as
JSON files in ``--save`` (text, kind, seed, what went wrong) and counted in the summary.

    python bench/bench_fuzz.py                     # 10^6 inputs (about a day on one core)
    python bench/bench_fuzz.py --n 3000            # a few minutes
    python bench/bench_fuzz.py --n 3000 --no-ner   # rules only, faster
    python bench/bench_fuzz.py --no-ner --processes 2   # 10^6 on two cores (about 1.6 hours idle)

With ``--processes P`` the inputs are split over P processes; process k generates its share from
seed ``--seed + k``, and the summary adds up the counts of all of them.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import random
import signal
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from fuzzing import generate, sample_texts, violations  # noqa: E402

import kalbar_nlp  # noqa: E402
from kalbar_nlp.api import prepare_text  # noqa: E402


class Hang(Exception):
    """The input took longer than the time limit."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise Hang


def check_one(text: str, nlp: Any, *, recheck: bool) -> tuple[str, list[str]]:
    """Return ``(outcome, problems)``; outcome is ``ok``, ``rejected``, ``violation`` or ``crash``."""
    try:
        prepared, _ = prepare_text(text)
    except (TypeError, ValueError):
        prepared = None
    try:
        record = kalbar_nlp.parse(text, nlp=nlp).to_dict()
    except (TypeError, ValueError) as err:
        if prepared is None:
            return "rejected", []
        return "crash", [f"{type(err).__name__}: {err} (a text prepare_text accepts)"]
    except Hang:
        raise
    except Exception as err:
        return "crash", [f"{type(err).__name__}: {err}"]
    if prepared is None:
        return "violation", ["parse accepted a text that prepare_text rejects"]
    problems = violations(prepared, record)
    if recheck and kalbar_nlp.parse(text, nlp=nlp).to_dict() != record:
        problems.append("determinism: a second parse gave another record")
    return ("violation" if problems else "ok"), problems


def save(
    folder: Path, kind: str, seed: int, index: int, text: str, outcome: str, problems: list[str]
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    record = {
        "outcome": outcome,
        "kind": kind,
        "seed": seed,
        "index": index,
        "problems": problems,
        "text": text,
    }
    path = folder / f"{outcome}-{digest}.json"
    path.write_text(json.dumps(record, ensure_ascii=True, indent=1), encoding="utf-8")


def run(args: argparse.Namespace) -> dict[str, int]:
    nlp = kalbar_nlp.load(ner=not args.no_ner)
    samples = sample_texts()
    rng = random.Random(args.seed)
    counts = {"ok": 0, "rejected": 0, "violation": 0, "crash": 0, "hang": 0}
    previous = signal.signal(signal.SIGALRM, _alarm)
    start = last = time.perf_counter()
    try:
        for index in range(args.n):
            kind, text = generate(rng, samples)
            signal.alarm(args.timeout)
            try:
                outcome, problems = check_one(text, nlp, recheck=index % args.recheck == 0)
            except Hang:
                outcome, problems = "hang", [f"over {args.timeout} s"]
            finally:
                signal.alarm(0)
            counts[outcome] += 1
            if outcome in ("violation", "crash", "hang"):
                save(args.save, kind, args.seed, index, text, outcome, problems)
            now = time.perf_counter()
            if now - last > args.report_every:
                _report(index + 1, now - start, counts, final=False, name=args.name)
                last = now
    finally:
        signal.signal(signal.SIGALRM, previous)
    _report(args.n, time.perf_counter() - start, counts, final=True, name=args.name)
    return counts


def run_processes(args: argparse.Namespace) -> dict[str, int]:
    """Run ``args.processes`` shards side by side: shard k uses seed ``args.seed + k`` for its share."""
    shards = []
    for k in range(args.processes):
        share = args.n // args.processes + (1 if k < args.n % args.processes else 0)
        shards.append(
            argparse.Namespace(**{**vars(args), "n": share, "seed": args.seed + k, "name": f"shard {k}"})
        )
    start = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.processes) as pool:
        results = list(pool.map(run, shards))
    counts = {key: sum(result[key] for result in results) for key in results[0]}
    _report(args.n, time.perf_counter() - start, counts, final=True, name=f"{args.processes} processes")
    return counts


def _report(done: int, seconds: float, counts: dict[str, int], *, final: bool, name: str = "") -> None:
    rate = done / seconds if seconds else 0.0
    label = ("fuzz" if final else "  ...") + (f" ({name})" if name else "")
    print(
        f"{label}: {done} inputs in {seconds:.0f} s ({rate:.1f} inputs/s): {counts['crash']} crashes, "
        f"{counts['hang']} hangs, {counts['violation']} violations "
        f"({counts['ok']} records, {counts['rejected']} rejected as documented)",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10**6, help="inputs to generate (default: 10^6)")
    parser.add_argument("--seed", type=int, default=20240101, help="seed of the generator")
    parser.add_argument("--timeout", type=int, default=20, help="seconds allowed per input (a hang)")
    parser.add_argument("--recheck", type=int, default=20, help="parse every Nth input twice (determinism)")
    parser.add_argument("--save", type=Path, default=Path("fuzz-failures"), help="folder for failing inputs")
    parser.add_argument("--report-every", type=float, default=60.0, help="seconds between progress lines")
    parser.add_argument("--no-ner", action="store_true", help="rules only")
    parser.add_argument(
        "--processes", type=int, default=1, help="processes side by side (seeds seed, seed+1, ...)"
    )
    parser.add_argument("--shared", help="ignored (for `make bench`)")
    args = parser.parse_args()
    args.name = ""
    counts = run_processes(args) if args.processes > 1 else run(args)
    return 1 if counts["crash"] or counts["hang"] or counts["violation"] else 0


if __name__ == "__main__":
    sys.exit(main())
