"""Benchmark of the batch path: throughput with 1 and 2 workers, memory per worker, resume time.

Builds a dump of at least 20,000 articles by repeating ``<shared>/data/articles/pool.jsonl`` and
``data/sample_articles/articles.jsonl`` (ids made unique) in a temporary folder (never in the repo),
then runs the ``kalbar-nlp parse`` CLI as a user would:

1. throughput: the first ``--measure`` articles with ``--workers 1`` and ``--workers 2``
   (articles/s as the CLI reports it, i.e. without the pipeline's loading time), the speed-up;
2. memory: peak RSS of the CLI process and of each worker process (sampled every 0.2 s with psutil),
   and whether it stays flat as more of the dump is parsed (peak over the first third vs overall);
3. interruption: a 2-worker run over the whole dump is interrupted (SIGINT, as Ctrl-C) after
   ``--interrupt-after`` records, then restarted with ``--resume``; prints the time until the
   resumed run writes its first new record and checks that no line is lost or repeated.

Usage::

    python bench/bench_batch.py --shared ../shared            # full: 20,000-article dump
    python bench/bench_batch.py --shared ../shared --quick    # a short run (a minute or two)
    python bench/bench_batch.py --shared ../shared --no-ner   # rules only
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "sample_articles" / "articles.jsonl"


def build_dump(shared: Path, n: int, folder: Path) -> Path:
    """Repeat the pool and the sample articles into ``folder/dump.jsonl`` (``n`` lines, unique ids)."""
    sources = [shared / "data" / "articles" / "pool.jsonl", SAMPLES]
    base: list[dict] = []
    for src in sources:
        if src.is_file():
            with open(src, encoding="utf-8") as fh:
                base.extend(json.loads(line) for line in fh if line.strip())
        else:
            print(f"note: {src} is absent; the dump is built without it", file=sys.stderr)
    if not base:
        sys.exit("no articles found: pass --shared pointing at the shared folder")
    path = folder / "dump.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            a = base[i % len(base)]
            row = {k: a.get(k) for k in ("id", "title", "published", "text")}
            row["id"] = f"{a.get('id') or 'article'}#{i // len(base)}"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def head(path: Path, n: int, out: Path) -> Path:
    with open(path, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def children_cpu() -> float:
    """User + system CPU seconds of the finished child processes of this process (and theirs)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


class Run:
    """One CLI run in its own session, with RSS sampling of the process and its workers."""

    def __init__(self, args: list[str]) -> None:
        cmd = [sys.executable, "-m", "kalbar_nlp.cli", "parse", *args]
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.ps = psutil.Process(self.proc.pid)
        self.parent_peak = 0
        self.worker_peak: dict[int, int] = {}
        self.samples: list[tuple[float, int, int]] = []  # (time, records written, max worker RSS now)

    def sample(self, output: Path | None = None) -> None:
        try:
            self.parent_peak = max(self.parent_peak, self.ps.memory_info().rss)
            now = 0
            for child in self.ps.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.worker_peak[child.pid] = max(self.worker_peak.get(child.pid, 0), rss)
                now = max(now, rss)
            done = count_lines(output) if output is not None else 0
            self.samples.append((time.perf_counter() - self.start, done, now))
        except psutil.Error:
            pass

    def wait(
        self, output: Path | None = None, *, stop_after: int | None = None, first_new_after: int | None = None
    ):
        """Sample until the run ends (or ``stop_after`` records exist: then SIGINT it)."""
        first_new = None
        while self.proc.poll() is None:
            self.sample(output)
            done = self.samples[-1][1] if self.samples else 0
            if first_new_after is not None and first_new is None and done > first_new_after:
                first_new = time.perf_counter() - self.start
            if stop_after is not None and done >= stop_after:
                os.killpg(self.proc.pid, signal.SIGINT)
                stop_after = None
            time.sleep(0.2)
        self.seconds = time.perf_counter() - self.start
        self.stderr = self.proc.stderr.read()
        self.proc.stderr.close()
        self.first_new = first_new
        return self

    def rate(self) -> float:
        """articles/s from the CLI's summary line (parsing time only, not the loading time)."""
        for line in self.stderr.splitlines():
            found = re.search(r"([0-9.]+) articles/s", line)
            if found:
                return float(found.group(1))
        raise RuntimeError(f"no summary in the CLI's stderr:\n{self.stderr}")

    def worker_mb(self) -> list[float]:
        return [v / 2**20 for v in self.worker_peak.values()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    ap.add_argument("--n", type=int, default=20_000, help="articles in the dump (default 20,000)")
    ap.add_argument(
        "--measure", type=int, default=1000, help="articles for the throughput runs (default 1,000)"
    )
    ap.add_argument("--interrupt-after", type=int, default=None, help="records before the interruption")
    ap.add_argument("--quick", action="store_true", help="a short run: 2,000-article dump, 200 measured")
    ap.add_argument("--no-ner", action="store_true", help="rules only (without the NER model)")
    args = ap.parse_args()
    if args.quick:
        args.n, args.measure = min(args.n, 2000), min(args.measure, 200)
    interrupt_after = args.interrupt_after or min(args.n // 2, 3 * args.measure)
    extra = ["--no-ner"] if args.no_ner else []
    pipeline = "rules only (--no-ner)" if args.no_ner else "full default pipeline (with NER)"
    print(
        f"kalbar-nlp batch benchmark: {pipeline}; {os.cpu_count()} CPUs; load average "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )

    with tempfile.TemporaryDirectory(prefix="kalbar-bench-") as tmp:
        tmpdir = Path(tmp)
        dump = build_dump(args.shared.resolve(), args.n, tmpdir)
        size_mb = dump.stat().st_size / 2**20
        print(f"dump: {args.n:,} articles, {size_mb:.1f} MB ({tmpdir})")
        part = head(dump, args.measure, tmpdir / "part.jsonl")

        results = {}
        one = head(dump, 1, tmpdir / "one.jsonl")
        cpu_fixed = {}
        for workers in (1, 2):  # CPU time of a run over 1 article: loading, forking, shutting down
            before = children_cpu()
            Run([str(one), "-o", str(tmpdir / "one-out.jsonl"), "--workers", str(workers), *extra]).wait()
            cpu_fixed[workers] = children_cpu() - before
        cpu_per_article = {}
        for workers in (1, 2):
            out = tmpdir / f"out-{workers}.jsonl"
            before = children_cpu()
            run = Run([str(part), "-o", str(out), "--workers", str(workers), *extra]).wait(out)
            cpu_per_article[workers] = (children_cpu() - before - cpu_fixed[workers]) / max(
                1, args.measure - 1
            )
            if run.proc.returncode != 0:
                print(run.stderr, file=sys.stderr)
                return 1
            results[workers] = run
            mem = run.worker_mb() or [run.parent_peak / 2**20]
            print(
                f"{workers} worker(s): {run.rate():6.1f} articles/s ({args.measure} articles, "
                f"{run.seconds:.1f} s wall with loading); peak RSS: main {run.parent_peak / 2**20:.0f} MB, "
                f"per worker {', '.join(f'{m:.0f}' for m in mem)} MB"
            )
        r1, r2 = results[1].rate(), results[2].rate()
        print(
            f"speed-up with 2 workers: {r2 / r1:.2f}x  ({r1 / 1:.1f} -> {r2:.1f} articles/s; "
            f"{r1:.1f} articles/s per core with 1 worker)"
        )
        c1, c2 = cpu_per_article[1], cpu_per_article[2]
        print(
            f"CPU time per article (all processes, loading excluded): {c1 * 1000:.0f} ms with 1 worker = "
            f"{1 / c1:.1f} articles per CPU-second; {c2 * 1000:.0f} ms with 2 workers -> speed-up on 2 idle "
            f"cores about {2 * c1 / c2:.2f}x (the wall-clock figures above depend on the machine's load)"
        )
        same = (tmpdir / "out-1.jsonl").read_bytes() == (tmpdir / "out-2.jsonl").read_bytes()
        print(f"records with 2 workers identical to 1 worker: {same}")

        # interruption on the whole dump, then --resume
        out = tmpdir / "out-full.jsonl"
        first = Run([str(dump), "-o", str(out), "--workers", "2", *extra]).wait(
            out, stop_after=interrupt_after
        )
        done = count_lines(out)
        third = [s[2] for s in first.samples if 0 < s[1] <= done / 3]
        overall = [s[2] for s in first.samples]
        if third and overall:
            print(
                f"memory vs progress (2 workers, whole dump): peak worker RSS {max(third) / 2**20:.0f} MB "
                f"over the first {done // 3} records, {max(overall) / 2**20:.0f} MB over {done} records"
            )
        valid = all(json.loads(x) is not None for x in out.read_text(encoding="utf-8").splitlines())
        print(
            f"interrupted (SIGINT) after {done:,} records: exit status {first.proc.returncode}, "
            f"file valid: {valid}"
        )
        resumed = Run([str(dump), "-o", str(out), "--workers", "2", "--resume", *extra])
        resumed.wait(out, stop_after=done + args.measure // 2, first_new_after=done)
        print(
            f"resume: first new record {resumed.first_new:.1f} s after the restart "
            f"(pipeline loading and skipping {done:,} records included)"
        )
        for line in resumed.stderr.splitlines():
            if "resuming" in line:
                print(f"  CLI: {line.strip()}")
        lines = out.read_text(encoding="utf-8").splitlines()
        ids = [json.loads(x).get("id") for x in lines]
        expected = [json.loads(x)["id"] for x in head(dump, len(lines), tmpdir / "expect.jsonl").open()]
        print(
            f"after resume: {len(lines):,} records, in input order without loss or repeat: {ids == expected}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
