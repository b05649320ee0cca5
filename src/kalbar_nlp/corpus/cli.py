"""The ``kalbar-nlp corpus`` command: records in, a who's-who folder of Parquet tables out."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

CORPUS_HELP = """\
Build a who's-who of a corpus from its records (the output of `kalbar-nlp parse`): one person
across many articles, their posts over time (region codes), their quotes, who appears with whom.

INPUT is a JSON Lines file of records (error records are skipped) or a Parquet file of records
written by `kalbar-nlp parse -o records.parquet`. It is read once, streaming.

OUTPUT (-o) is a folder that gets one Parquet file per table:
  persons.parquet           one row per person: id, name, aliases, region code, posts, counts, dates
  person_mentions.parquet   one row per person of an article, with the person id and the link's
                            rule and evidence (why this mention is this person)
  posts.parquet             one row per person and post: role, qualifier (Plt, Pj, mantan),
                            jurisdiction, region code, first/last date, articles
  quotes_by_person.parquet  one row per quote of a person
  cooccurrence.parquet      pairs of persons named in the same article, with counts
and, with --graphml, cooccurrence.graphml (for Gephi or networkx; needs networkx).

examples:
  kalbar-nlp parse dump.jsonl -o records.jsonl
  kalbar-nlp corpus records.jsonl -o corpus/
  kalbar-nlp corpus records.jsonl -o corpus/ --graphml
"""


def add_corpus_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``corpus`` sub-command to the ``kalbar-nlp`` sub-parsers; returns its parser."""
    parser = subparsers.add_parser(
        "corpus",
        help="build a who's-who of a corpus of records (persons, posts over time, quotes, co-occurrence)",
        description=CORPUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="INPUT", help="records: a .jsonl file (or .parquet from parse)")
    parser.add_argument("-o", "--output", metavar="FOLDER", required=True, help="folder for the tables")
    parser.add_argument("--graphml", action="store_true", help="also write cooccurrence.graphml")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress on stderr: auto = only when stderr is a terminal",
    )
    return parser


def _source(path: Path) -> Any:
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    if path.suffix == ".parquet":
        import pandas as pd

        return pd.read_parquet(path)
    return path


def _progress_bar(args: argparse.Namespace) -> Any:
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    if args.quiet or not show:
        return None
    from tqdm import tqdm

    return tqdm(unit=" mentions", desc="reading", file=sys.stderr, dynamic_ncols=True)


def run_corpus(args: argparse.Namespace) -> int:
    """Run ``kalbar-nlp corpus``; returns the exit status (1 on a usage or input problem)."""
    from . import build

    try:
        source = _source(Path(args.input))
        bar = _progress_bar(args)
        start = time.perf_counter()
        done = [0]

        def progress(count: int) -> None:
            if bar is not None:
                bar.update(count - done[0])
            done[0] = count

        who = build(source, progress=progress)
        if bar is not None:
            bar.close()
        folder = who.to_parquet(args.output)
        if args.graphml:
            who.to_graphml(folder / "cooccurrence.graphml")
    except (ValueError, OSError, ImportError) as err:
        print(f"kalbar-nlp corpus: error: {err}", file=sys.stderr)
        return 1
    if not args.quiet:
        seconds = time.perf_counter() - start
        print(
            f"kalbar-nlp corpus: {len(who.person_mentions)} mentions -> {len(who.persons)} persons, "
            f"{len(who.posts)} posts, {len(who.quotes_by_person)} quotes, "
            f"{len(who.cooccurrence)} pairs in {seconds:.1f} s -> {folder}",
            file=sys.stderr,
        )
    return 0
