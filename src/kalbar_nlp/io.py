"""Read article dumps and write records, streaming (memory stays flat whatever the dump size).

Readers yield ``(line, item)`` pairs for :func:`kalbar_nlp.batch.parse_numbered`: ``item`` is a
dict with ``text`` and optional ``id``, ``title``, ``published``, or an
:class:`~kalbar_nlp.batch.ErrorRecord` for a line that cannot be read (not JSON, not an object),
so that it keeps its place in the output.

Inputs (chosen by file name; ``.gz`` means gzip-compressed):

============================  =====================================================================
``*.jsonl``, ``*.ndjson``     one JSON object per line (``-`` reads JSON Lines from stdin)
``*.csv``                     a header row, then one article per row
``*.parquet``, ``*.pq``       one article per row, read in record batches
``*.txt``                     one article per file; ``id`` is the file name without ``.txt``
a folder                      every ``*.txt`` / ``*.html`` / ``*.htm`` (``.gz`` too) below it, sorted;
                              ``id`` = relative path without the extension
``*.json``, ``*.html``,       see :mod:`kalbar_nlp.readers` (JSON arrays, web pages, web archives,
``*.warc``, ``*.xlsx``        spreadsheets)
============================  =====================================================================

Rows without a text column are recognised when they hold a saved page (an ``html`` column) or a
known scraper's columns (:mod:`kalbar_nlp.scrapers`).

The writers of records (JSON Lines, Parquet, CSV) are in :mod:`kalbar_nlp.record_files`; the
names are also importable from here.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from . import readers
from .batch import ErrorRecord
from .record_files import (
    JsonlWriter,
    ParquetRecordWriter,
    file_size,
    open_writer,
    read_jsonl_output,
    record_arrow_schema,
    record_dict,
    repair_jsonl_tail,
)
from .scrapers import adapt_row, is_newswatch

__all__ = [
    "INPUT_FORMATS",
    "JsonlWriter",
    "ParquetRecordWriter",
    "count_items",
    "detect_format",
    "file_size",
    "open_writer",
    "read_items",
    "read_jsonl_output",
    "record_arrow_schema",
    "record_dict",
    "repair_jsonl_tail",
]

INPUT_FORMATS = ("jsonl", "csv", "parquet", "txt", "folder", *readers.FORMATS)

#: Largest CSV field accepted (a whole article text lives in one field).
CSV_FIELD_LIMIT = 64 * 1024 * 1024


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def detect_format(path: str | Path) -> str:
    """Return the input format of ``path`` from its name: one of :data:`INPUT_FORMATS`.

    Raises:
        ValueError: the name has no known extension.
        FileNotFoundError: the path does not exist.
    """
    if str(path) == "-":
        return "jsonl"
    p = Path(path)
    if p.is_dir():
        return "folder"
    if not p.exists():
        raise FileNotFoundError(f"input: no such file or folder: {p}")
    suffix = Path(_strip_gz(p.name.lower())).suffix
    formats = {
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".json": "json",
        ".csv": "csv",
        ".parquet": "parquet",
        ".pq": "parquet",
        ".txt": "txt",
        ".html": "html",
        ".htm": "html",
        ".warc": "warc",
        ".xlsx": "xlsx",
    }
    if suffix not in formats:
        raise ValueError(
            f"input: cannot tell the format of {p.name!r} from its extension; use .jsonl, .json, .csv, "
            ".parquet, .xlsx, .txt, .html, .warc (optionally .gz) or a folder of .txt/.html files, "
            "or pass --format"
        )
    if formats[suffix] == "parquet" and p.name.lower().endswith(".gz"):
        raise ValueError("input: a Parquet file is compressed inside; do not gzip it")
    return formats[suffix]


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _columns(
    text_col: str, id_col: str | None, title_col: str | None, published_col: str | None
) -> dict[str, str]:
    cols = {"text": text_col}
    for field, col in (("id", id_col), ("title", title_col), ("published", published_col)):
        if col:
            cols[field] = col
    return cols


#: The field -> column mapping of the default column names.
DEFAULT_COLUMNS = {"text": "text", "id": "id", "title": "title", "published": "published"}


def _pick(obj: dict[str, Any], cols: dict[str, str]) -> dict[str, Any]:
    if cols["text"] not in obj:  # a saved page (html column) or a known scraper's columns
        adapted = adapt_row(obj, cols, defaults=cols == DEFAULT_COLUMNS)
        if adapted is not None:
            return adapted
    item = {field: obj[col] for field, col in cols.items() if col in obj}
    if cols["text"] not in obj:
        item.pop("text", None)
    return item


def _read_jsonl(path: str | Path, cols: dict[str, str]) -> Iterator[tuple[int, Any]]:
    fh = sys.stdin.buffer if str(path) == "-" else _open_binary(Path(path))
    try:
        for line_no, raw in enumerate(fh, 1):
            if not raw.strip():
                yield line_no, ErrorRecord(None, line_no, "line is empty")
                continue
            try:
                obj = json.loads(raw)
            except UnicodeDecodeError:
                yield line_no, ErrorRecord(None, line_no, "line is not UTF-8 text (binary data?)")
                continue
            except json.JSONDecodeError as err:
                yield (
                    line_no,
                    ErrorRecord(
                        None,
                        line_no,
                        f"line is not valid JSON: {err.msg.removesuffix(' at')} at column {err.colno}",
                    ),
                )
                continue
            except RecursionError:
                yield line_no, ErrorRecord(None, line_no, "line is not valid JSON: nested too deeply")
                continue
            if not isinstance(obj, dict):
                yield (
                    line_no,
                    ErrorRecord(None, line_no, f"line is JSON but not an object (got {type(obj).__name__})"),
                )
                continue
            yield line_no, _pick(obj, cols)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _read_csv(path: Path, cols: dict[str, str]) -> Iterator[tuple[int, Any]]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    with io.TextIOWrapper(_open_binary(path), encoding="utf-8-sig", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh)
        row_no = 1  # the header is line 1; the first article is line 2
        while True:
            row_no += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                yield row_no, ErrorRecord(None, row_no, f"row is not valid CSV: {err}")
                continue
            if None in row:  # more fields than the header names
                row.pop(None)
            yield (
                row_no,
                _pick({k: (v if v != "" or k == cols["text"] else None) for k, v in row.items()}, cols),
            )


#: Lines of a JSON Lines file looked at to tell that its objects have no text field at all.
_JSONL_PEEK_LINES = 20


def _holds_text(keys: Iterable[str], text_col: str) -> bool:
    """Whether rows with these columns hold an article: the text column, a saved page, a known dump."""
    present = dict.fromkeys(keys, "")
    return text_col in present or "html" in present or is_newswatch(present)


def _check_csv_columns(path: Path, text_col: str) -> None:
    """Fail fast when the header has no text column (instead of one error record per row)."""
    with io.TextIOWrapper(_open_binary(path), encoding="utf-8-sig", errors="replace", newline="") as fh:
        header = next(csv.reader(fh), [])
    if header and not _holds_text(header, text_col):
        raise ValueError(f"input: {path.name} has no column {text_col!r} (columns: {', '.join(header)})")


def _check_jsonl_columns(path: str | Path, text_col: str) -> None:
    """Fail fast when none of the first objects of a JSON Lines file has the text field."""
    if str(path) == "-":
        return  # stdin cannot be read twice; a run where every line is an error still fails
    keys: dict[str, None] = {}
    with _open_binary(Path(path)) as fh:
        for raw in itertools.islice(fh, _JSONL_PEEK_LINES):
            try:
                obj = json.loads(raw)
            except (ValueError, RecursionError):
                continue
            if isinstance(obj, dict):
                if _holds_text(obj, text_col):
                    return
                keys.update(dict.fromkeys(map(str, obj)))
    if keys:
        raise ValueError(
            f"input: the objects of {Path(path).name} have no field {text_col!r} "
            f"(fields: {', '.join(keys)}); use --text-col"
        )


def _read_parquet(path: Path, cols: dict[str, str], batch_size: int = 256) -> Iterator[tuple[int, Any]]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    names = set(pf.schema_arrow.names)
    if cols["text"] not in names:
        raise ValueError(
            f"input: {path.name} has no column {cols['text']!r} (columns: {', '.join(sorted(names))})"
        )
    wanted = [c for c in cols.values() if c in names]
    row_no = 0
    for batch in pf.iter_batches(batch_size=batch_size, columns=wanted):
        for row in batch.to_pylist():
            row_no += 1
            yield row_no, _pick(row, cols)


def _txt_item(path: Path, id_: str) -> dict[str, Any]:
    with _open_binary(path) as fh:
        data = fh.read()
    return {"id": id_, "text": data}  # bytes: make_doc decodes them (UTF-8, else Windows-1252 + warning)


def _txt_id(path: Path, root: Path | None) -> str:
    rel = path.relative_to(root).as_posix() if root else path.name
    rel = _strip_gz(rel)
    return rel[:-4] if rel.lower().endswith(".txt") else rel


def read_items(
    path: str | Path,
    *,
    format: str | None = None,
    text_col: str = "text",
    id_col: str | None = "id",
    title_col: str | None = "title",
    published_col: str | None = "published",
) -> Iterator[tuple[int, Any]]:
    """Stream ``(line, item)`` pairs from a dump; see the module docstring for the formats.

    Args:
        path: a file, a folder of ``.txt`` files, or ``-`` for JSON Lines on stdin.
        format: one of :data:`INPUT_FORMATS`; guessed from the name when ``None``.
        text_col, id_col, title_col, published_col: the field/column names to read.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ValueError: unknown format, or a Parquet file without the text column.
    """
    fmt = format or detect_format(path)
    if fmt not in INPUT_FORMATS:
        raise ValueError(f"format: must be one of {', '.join(INPUT_FORMATS)}, not {fmt!r}")
    cols = _columns(text_col, id_col, title_col, published_col)
    p = Path(path)
    if fmt == "jsonl":
        _check_jsonl_columns(path, cols["text"])
        return _read_jsonl(path, cols)
    if fmt == "csv":
        _check_csv_columns(p, cols["text"])
        return _read_csv(p, cols)
    if fmt == "parquet":
        return _read_parquet(p, cols)
    if fmt == "txt":
        return iter([(1, _txt_item(p, _txt_id(p, None)))])
    if fmt in readers.FORMATS:
        return readers.read_format(fmt, p, cols, _pick, lambda: _read_jsonl(p, cols))
    return readers.read_folder(p)  # .txt and .html/.htm files


def count_items(path: str | Path, *, format: str | None = None) -> int | None:
    """Count the items of a dump cheaply (for a progress bar); ``None`` when it cannot be known."""
    fmt = format or detect_format(path)
    if str(path) == "-":
        return None
    p = Path(path)
    if fmt == "folder":
        return len(readers.page_files(p))
    if fmt in ("txt", "html"):
        return 1
    if fmt in ("json", "warc", "xlsx"):
        return None
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(p).metadata.num_rows
    n = 0
    last = b"\n"
    with _open_binary(p) as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    n += last != b"\n"
    return n - 1 if fmt == "csv" else n
