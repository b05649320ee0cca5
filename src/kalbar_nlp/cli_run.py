"""One ``kalbar-nlp parse`` run: records to the output, rows of ``--table``, the progress bar, the summary."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .signals import EXIT_INTERRUPTED, Interrupted, Stopper

__all__ = ["Run"]


class Run:
    """The records of one ``parse`` run going to the output, the table and the progress bar."""

    def __init__(
        self,
        args: argparse.Namespace,
        writer: Any,
        bar: Any,
        stopper: Stopper,
        *,
        flush_every: int,
        table_row: Callable[[dict[str, Any]], dict[str, str]],
    ) -> None:
        self.args = args
        self.table_row = table_row
        self.writer = writer
        self.bar = bar
        self.stopper = stopper
        self.flush_every = flush_every
        self.n_articles = self.n_errors = 0
        self.rows: list[dict[str, str]] = []
        self.start = time.perf_counter()
        self.interrupted = False

    def consume(self, results: Iterator[Any]) -> None:
        """Write every result; a signal ends the loop with :attr:`interrupted` set."""
        last_flush = self.start
        try:
            for result in results:
                rec = result.to_dict()
                if "schema_version" in rec:
                    self.n_articles += 1
                else:
                    self.n_errors += 1
                if self.writer is not None:
                    self.writer.write(rec)
                if self.args.table:
                    self.rows.append(self.table_row(rec))
                if self.bar is not None:
                    self.bar.update(1)
                now = time.perf_counter()
                done = self.n_articles + self.n_errors
                if self.writer is not None and (done % self.flush_every == 0 or now - last_flush > 2.0):
                    with self.stopper.held():
                        self.writer.flush()
                    last_flush = now
        except Interrupted:
            self.interrupted = True

    def finish(self, output: Path | None, skipped: int, notes: list[str] | None = None) -> int:
        """Print the summary (with the readers' ``notes``: skipped WARC records); return the exit status."""
        if not self.args.quiet:
            seconds = time.perf_counter() - self.start
            done = self.n_articles + self.n_errors
            rate = done / seconds if seconds > 0 else 0.0
            where = f" -> {output}" if output else ""
            parts = [
                f"{self.n_articles} articles",
                f"{self.n_errors} errors",
                f"{seconds:.1f} s",
                f"{rate:.1f} articles/s",
            ]
            if skipped:
                parts.append(f"{skipped} skipped (already in the output)")
            parts += notes or []
            status = "interrupted" if self.interrupted else "done"
            print(f"kalbar-nlp parse: {status}: {', '.join(parts)}{where}", file=sys.stderr)
            if self.interrupted and output is not None:
                print(
                    f"kalbar-nlp parse: run the same command with --resume to finish {output}",
                    file=sys.stderr,
                )
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.n_errors and not self.n_articles:
            print(
                f"kalbar-nlp: error: none of the {self.n_errors} items could be parsed "
                "(see the error records)",
                file=sys.stderr,
            )
            return 1
        return 0
