"""The ``kalbar-nlp`` command: parse article dumps into records (JSON Lines or Parquet)."""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .cli_run import Run
from .cli_table import format_table, table_row
from .corpus.cli import add_corpus_command, run_corpus
from .io import INPUT_FORMATS
from .outputs import add_output_arguments, open_outputs
from .readers import skipped_notes
from .signals import EXIT_INTERRUPTED, STOP_SIGNALS, Interrupted, Stopper, silence_stdout
from .workers import WorkerDied

MAIN_HELP = """\
kalbar-nlp turns Indonesian news articles into structured records (dateline, dates,
people with their titles, organisations, locations, quotes, bylines).

commands:
  parse      parse a dump of articles (JSON Lines, CSV, Parquet, .txt files; .gz too)
  corpus     build a who's-who of a corpus of records (persons, posts over time)
  version    print the version of kalbar-nlp and of its NER model

examples:
  kalbar-nlp parse data/sample_articles/articles.jsonl --table
  kalbar-nlp parse dump.jsonl.gz -o records.jsonl --workers 2
  kalbar-nlp parse dump.jsonl.gz -o records.jsonl --workers 2 --resume   # after Ctrl-C
  kalbar-nlp parse articles/ -o records.parquet
  kalbar-nlp parse pages/ --tables tables/ --tables-format csv
  kalbar-nlp parse --help

exit status: 0 done, 1 failed (see the message), 2 wrong command line, 130 interrupted
"""

PARSE_HELP = """\
Parse every article of INPUT and write one record per article, in input order.

INPUT is one of (chosen by its name; a .gz suffix means gzip-compressed):
  *.jsonl[.gz]     one JSON object per line: "text" and optional "id", "title",
                   "published" (ISO or as the site printed it); other keys ignored
  *.csv[.gz]       a header row with the same column names
  *.parquet        the same columns
  *.json[.gz]      one JSON array of such objects (what several scrapers write)
  *.xlsx           a spreadsheet with the same columns (needs openpyxl)
  *.txt[.gz]       one article; its id is the file name without .txt
  *.html, *.htm    one saved web page; the article text and metadata are extracted
                   with trafilatura (pip install 'kalbar-nlp[html]')
  *.warc[.gz]      the HTML responses of a web archive; id = WARC-Target-URI; other
                   records are skipped and counted in the summary
  a folder         every *.txt / *.html / *.htm (.gz too) below it, sorted; id = relative path
  -                JSON Lines on stdin
Column names can be changed with --text-col, --id-col, --title-col, --published-col.
Rows with an "html" column (and an optional "url") instead of "text" are web pages.
news-watch dumps (title, publish_date, author, content, keyword, category, source,
link) are recognised without flags: content -> text, link -> id, publish_date (WIB).

OUTPUT (-o) is JSON Lines (default: stdout), Parquet (*.parquet) or a flat CSV (*.csv,
one row per record, nested fields as JSON text). Each line is the
record of SCHEMA.md, or an error record where an input item cannot be parsed:
  {"id": <id or null>, "line": <input line / row number>, "error": "<what is wrong>"}
so every input line has exactly one output line, in the same order. A bad line
(not JSON, no "text", empty text, binary data) never stops the run.

Interruptions: records are written line by line and flushed after every batch, so
Ctrl-C or a killed process loses at most the batches in flight and leaves a valid
JSON Lines file; run the same command again with --resume to parse only the rest
(the items already in OUTPUT are skipped; their ids are checked against the input).
--resume needs a JSON Lines OUTPUT file.

Progress (articles/s and time left) is shown on stderr when it is a terminal; a
summary (articles, errors, seconds) is printed on stderr at the end.
Exit status:
  0    the run finished (even with some error records), or the reader of stdout
       stopped reading (`| head`)
  1    the run could not start or finish: a missing input or text column, a bad option
       value, an output that cannot be written, a worker process killed; or every
       item was an error
  2    the command line is wrong (an unknown option, a missing INPUT)
  130  interrupted by Ctrl-C or SIGTERM (the output stays valid: finish it with --resume)

examples:
  kalbar-nlp parse data/sample_articles/articles.jsonl --table
  kalbar-nlp parse dump.jsonl.gz -o records.jsonl --workers 2
  kalbar-nlp parse dump.jsonl.gz -o records.jsonl --workers 2 --resume
  kalbar-nlp parse dump.csv --text-col isi --id-col url -o records.parquet
  kalbar-nlp parse dump.jsonl --no-ner -o records.jsonl      # rules only, faster
  kalbar-nlp parse crawl.warc.gz -o records.jsonl --tables tables/
  kalbar-nlp parse newswatch.csv -o records.csv
  cat dump.jsonl | kalbar-nlp parse - > records.jsonl
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``kalbar-nlp`` (exposed for the docs and the tests)."""
    parser = argparse.ArgumentParser(
        prog="kalbar-nlp", description=MAIN_HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"kalbar-nlp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_parse_command(sub)
    sub.add_parser("version", help="print the versions of kalbar-nlp, its NER model and spaCy")
    add_models_command(sub)
    add_corpus_command(sub)
    return parser


def add_parse_command(sub: Any) -> argparse.ArgumentParser:
    """The ``parse`` command: what to read, how to write it, how to run."""
    parse = sub.add_parser(
        "parse",
        help="parse a dump of articles into records",
        description=PARSE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument(
        "input", metavar="INPUT", help="a .jsonl/.csv/.parquet/.txt file (.gz too), a folder, or -"
    )
    parse.add_argument(
        "-o", "--output", metavar="OUTPUT", help="output .jsonl or .parquet file (default: stdout)"
    )
    parse.add_argument("--format", choices=INPUT_FORMATS, help="input format (default: from the name)")
    add_output_arguments(parse)
    add_run_arguments(parse)
    add_pipeline_arguments(parse)
    add_column_arguments(parse)
    return parse


def add_run_arguments(parse: argparse.ArgumentParser) -> None:
    """Workers, batches, resuming, and what is shown on the terminal."""
    parse.add_argument(
        "-w", "--workers", type=int, default=1, metavar="N", help="worker processes (default: 1)"
    )
    parse.add_argument(
        "--batch-size",
        type=int,
        default=None,
        metavar="N",
        help="articles per batch and worker (default: 32)",
    )
    parse.add_argument(
        "--resume",
        action="store_true",
        help="skip the items already in OUTPUT (JSON Lines) and append the rest",
    )
    parse.add_argument(
        "--table",
        action="store_true",
        help="print a readable table (id, outlet, place, dates, people, "
        "quotes, bylines) to stdout instead of JSON; with -o the records still go to OUTPUT",
    )
    parse.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    parse.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr: auto = only when stderr is a terminal",
    )


def add_pipeline_arguments(parse: argparse.ArgumentParser) -> None:
    """Which pipeline parses: with or without the NER model, and which backend."""
    parse.add_argument(
        "--no-ner",
        action="store_true",
        help="leave out the NER model (rules only; faster, fewer people/orgs)",
    )
    parse.add_argument(
        "--backend",
        choices=("default", "stanza"),
        default="default",
        help="'stanza' needs the kalbar-nlp[stanza] extra (default: default)",
    )
    parse.add_argument(
        "--stanza-models",
        metavar="PATH",
        help="with --backend stanza: stanza's resource folder (default: $STANZA_RESOURCES_DIR or "
        "stanza's own), or a JSON file of stanza options such as tokenize_model_path",
    )


def add_column_arguments(parse: argparse.ArgumentParser) -> None:
    """The names of the input's fields or columns."""
    parse.add_argument(
        "--text-col", default="text", help="field/column with the article text (default: text)"
    )
    parse.add_argument("--id-col", default="id", help="field/column with the id (default: id)")
    parse.add_argument("--title-col", default="title", help="field/column with the title (default: title)")
    parse.add_argument(
        "--published-col", default="published", help="field/column with the date (default: published)"
    )


def add_models_command(sub: Any) -> None:
    """The ``models`` command: fetch an optional backend's models."""
    models = sub.add_parser(
        "models",
        help="fetch the models of an optional backend (the one step that needs the network)",
        description="Fetch the models of an optional backend into its own resource folder. The NER model "
        "ships inside kalbar-nlp; only optional backends need this. Nothing is ever downloaded while "
        "parsing.\n\nexamples:\n  kalbar-nlp models stanza\n  STANZA_RESOURCES_DIR=/data/stanza "
        "kalbar-nlp models stanza\n  kalbar-nlp models stanza --dir /data/stanza",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    models.add_argument("backend", choices=("stanza",), help="which backend's models")
    models.add_argument(
        "--dir", help="where to put them (default: $STANZA_RESOURCES_DIR or stanza's own folder)"
    )


def backend_options(args: argparse.Namespace) -> dict[str, str]:
    """The backend options that ``--stanza-models`` names (a folder, or a JSON file of stanza options)."""
    path = getattr(args, "stanza_models", None)
    if not path:
        return {}
    if args.backend != "stanza":
        raise ValueError("--stanza-models: only with --backend stanza")
    p = Path(path)
    if p.is_dir():
        return {"model_dir": str(p)}
    if p.is_file():
        try:
            options = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise ValueError(f"--stanza-models: {p} is not a JSON object of stanza options: {err}") from err
        if not isinstance(options, dict) or not all(isinstance(v, str) for v in options.values()):
            raise ValueError(f"--stanza-models: {p} must hold a JSON object of string options")
        return options
    raise FileNotFoundError(f"--stanza-models: no such folder or file: {p}")


def _models(args: argparse.Namespace) -> int:
    from .backends.stanza import download_models

    folder = download_models(args.dir)
    print(f"kalbar-nlp: stanza's Indonesian models are in {folder}", file=sys.stderr)
    return 0


def _resume_skip(output: Path, items: Iterator[tuple[int, Any]]) -> tuple[int, Iterator[tuple[int, Any]]]:
    """Skip the input items whose results are already in ``output``; return (how many, the rest).

    The output is in input order, one line per item, so its first N lines are the first N items;
    ids (and line numbers of error records) are checked so that a different input is refused.
    """
    from .record_files import read_jsonl_output

    done = 0
    for rec in read_jsonl_output(output):
        try:
            line, item = next(items)
        except StopIteration:
            raise ValueError(f"--resume: {output} has more records than the input has items") from None
        done += 1
        out_id = rec.get("id")
        in_id = item.id if hasattr(item, "error") else (item.get("id") if isinstance(item, dict) else None)
        if out_id is not None and in_id is not None and str(out_id) != str(in_id):
            raise ValueError(
                f"--resume: record {done} of {output} has id {out_id!r} but input item {done} (line {line}) "
                f"has id {in_id!r}; is this the output of another input? Use another -o, or drop --resume "
                "to overwrite."
            )
        if "error" in rec and rec.get("line") is not None and rec.get("line") != line and out_id is None:
            raise ValueError(
                f"--resume: error record {done} of {output} is for line {rec['line']}, not line {line}"
            )
    return done, items


def _version() -> int:
    import spacy

    from .pipeline import model_path

    meta_path = model_path() / "meta.json"
    model = "absent"
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        model = f"{meta.get('name', 'ner_id_news')} {meta.get('version', '?')}"
    python = sys.version.split()[0]
    print(f"kalbar-nlp {__version__} (NER model: {model}; spaCy {spacy.__version__}; Python {python})")
    return 0


def _progress(args: argparse.Namespace, total: int | None) -> Any:
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    if args.quiet or not show:
        return None
    from tqdm import tqdm

    return tqdm(
        total=total, unit=" articles", desc="parsing", file=sys.stderr, smoothing=0.1, dynamic_ncols=True
    )


def _check_numbers(args: argparse.Namespace) -> None:
    if args.workers < 1:
        raise ValueError("--workers: must be 1 or more")
    if args.batch_size is not None and args.batch_size < 1:
        raise ValueError("--batch-size: must be 1 or more")
    if args.resume and not args.output:
        raise ValueError("--resume: needs -o OUTPUT (a JSON Lines file)")


def _parse(args: argparse.Namespace, stopper: Stopper) -> int:
    from . import batch, io

    _check_numbers(args)
    fmt = args.format or io.detect_format(args.input)
    items = io.read_items(
        args.input,
        format=fmt,
        text_col=args.text_col,
        id_col=args.id_col,
        title_col=args.title_col,
        published_col=args.published_col,
    )
    skipped = 0
    output = Path(args.output) if args.output else None
    resuming = bool(args.resume and output is not None and output.exists())
    if resuming:
        io.open_writer(output, append=True).close()  # refuses Parquet; repairs a cut last line
        t0 = time.perf_counter()
        skipped, items = _resume_skip(output, items)
        if not args.quiet:
            print(
                f"kalbar-nlp parse: resuming: {skipped} items already in {output} "
                f"(checked in {time.perf_counter() - t0:.1f} s)",
                file=sys.stderr,
            )
    nlp = batch.load_pipeline(args.backend, ner=not args.no_ner, **backend_options(args))
    writer = open_outputs(args, output, append=resuming)
    total = None
    bar = None
    if not args.quiet:
        total = (
            io.count_items(args.input, format=fmt)
            if (args.progress == "always" or sys.stderr.isatty())
            else None
        )
        bar = _progress(args, None if total is None else max(0, total - skipped))
    batch_size = args.batch_size or batch.DEFAULT_BATCH_SIZE
    results = batch.parse_numbered(items, nlp=nlp, n_process=args.workers, batch_size=batch_size)
    run = Run(args, writer, bar, stopper, flush_every=batch_size * args.workers, table_row=table_row)
    try:
        run.consume(results)
    except batch.WorkerDied as err:
        if err.signum not in STOP_SIGNALS:
            raise
        run.interrupted = True  # the whole job is being stopped (SIGTERM to the process group)
    finally:
        with stopper.held():  # stop the workers and close the output, whatever arrives meanwhile
            results.close()
            if writer is not None:
                writer.close()
            if bar is not None:
                bar.close()
    if args.table:
        print(format_table(run.rows))
    return run.finish(output, skipped, skipped_notes(items))  # notes: e.g. WARC records that are no page


def _fail(message: str) -> int:
    print(f"kalbar-nlp: error: {message}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kalbar-nlp``; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 1
    if args.command == "version":
        return _version()
    if args.command == "corpus":
        return run_corpus(args)
    if args.command == "models":
        try:
            return _models(args)
        except (ImportError, OSError) as err:
            return _fail(str(err))
    # A worker that died on an article shows as an error in the summary; spaCy's warning adds nothing.
    warnings.filterwarnings("ignore", message=r"\[W127\]")
    with Stopper() as stopper:
        try:
            return _parse(args, stopper)
        except (ValueError, FileNotFoundError, ImportError) as err:
            return _fail(str(err))
        except Interrupted:  # before parsing started (e.g. while loading the pipeline)
            print("kalbar-nlp: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        except BrokenPipeError:  # e.g. `kalbar-nlp parse dump.jsonl | head`: the reader has had enough
            silence_stdout()
            return 0
        except OSError as err:  # the output cannot be written: a full disk, a folder, no permission
            silence_stdout()
            return _fail(f"output: {err.strerror or err} ({err.filename or 'stdout'})")
        except WorkerDied as err:
            return _fail(f"{err}; the records before it are in the output (use --resume)")


if __name__ == "__main__":
    sys.exit(main())
