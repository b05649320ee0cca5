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

Outputs: JSON Lines (one record or error record per line, flushed per batch, appendable for
``--resume``) and Parquet (:class:`ParquetRecordWriter`: nested columns whose Arrow types follow the
dataclasses of :mod:`kalbar_nlp.records`, plus ``line`` and ``error`` for error records).
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import itertools
import json
import os
import sys
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from . import readers
from .batch import ErrorRecord
from .csv_output import CsvRecordWriter
from .records import Article
from .scrapers import adapt_row, is_newswatch

__all__ = [
    "INPUT_FORMATS",
    "JsonlWriter",
    "ParquetRecordWriter",
    "count_items",
    "detect_format",
    "read_items",
    "read_jsonl_output",
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


# --- writers --------------------------------------------------------------------------------------


def record_dict(result: Article | ErrorRecord | dict[str, Any]) -> dict[str, Any]:
    """Return the JSON dict of a result (an article record or an error record)."""
    return result if isinstance(result, dict) else result.to_dict()


class JsonlWriter:
    """Write one JSON object per line to a file or stdout; :meth:`flush` makes them durable.

    Args:
        path: the output file, or ``None``/``"-"`` for stdout.
        append: append to an existing file (for ``--resume``); a last line cut short by a killed
            process is removed first, so the file stays valid JSON Lines.
    """

    def __init__(self, path: str | Path | None, *, append: bool = False) -> None:
        self.path = None if path in (None, "-") else Path(path)
        if self.path is None:
            self._fh: IO[str] = sys.stdout
        else:
            if append and self.path.exists():
                repair_jsonl_tail(self.path)
            self._fh = open(self.path, "a" if append else "w", encoding="utf-8", newline="\n")
        self._pending: list[str] = []

    def write(self, result: Article | ErrorRecord | dict[str, Any]) -> None:
        line = json.dumps(record_dict(result), ensure_ascii=False) + "\n"
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: JSON escapes keep the line valid UTF-8
            line = json.dumps(record_dict(result), ensure_ascii=True) + "\n"
        self._pending.append(line)

    def flush(self) -> None:
        """Write the buffered lines in one go and flush them to the OS."""
        if self._pending:
            self._fh.write("".join(self._pending))
            self._pending.clear()
        self._fh.flush()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self.path is not None:
                self._fh.close()


def repair_jsonl_tail(path: Path) -> int:
    """Cut a last line that a killed writer left unfinished; return the bytes removed."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with open(path, "rb+") as fh:
        fh.seek(max(0, size - 1))
        if fh.read(1) == b"\n":
            return 0
        # find the start of the unfinished line
        pos = size
        while pos > 0:
            step = min(1 << 16, pos)
            fh.seek(pos - step)
            block = fh.read(step)
            idx = block.rfind(b"\n")
            if idx >= 0:
                pos = pos - step + idx + 1
                break
            pos -= step
        fh.truncate(pos)
        return size - pos


def read_jsonl_output(path: Path) -> Iterator[dict[str, Any]]:
    """Read back the records of a JSON Lines output (for ``--resume``); an unfinished last line is skipped."""
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return  # cut short by a kill; JsonlWriter(append=True) removes it
            yield json.loads(raw)


# --- Parquet ----------------------------------------------------------------------------------


def _arrow_type(tp: Any) -> Any:
    """Map a type hint of :mod:`kalbar_nlp.records` to an Arrow type (``Any``/``dict`` become JSON text)."""
    import pyarrow as pa

    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _arrow_type(args[0]) if len(args) == 1 else pa.string()
    if origin is list:
        return pa.list_(_arrow_type(typing.get_args(tp)[0]))
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = [f for f in dataclasses.fields(tp) if f.metadata.get("record", True)]  # not Article.text
        return pa.struct([pa.field(f.name, _arrow_type(hints[f.name])) for f in fields])
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}.get(tp, pa.string())


def _to_arrow_value(value: Any, arrow_type: Any) -> Any:
    import pyarrow as pa

    if value is None:
        return None
    if pa.types.is_struct(arrow_type):
        return {f.name: _to_arrow_value(value.get(f.name), f.type) for f in arrow_type}
    if pa.types.is_list(arrow_type):
        return [_to_arrow_value(v, arrow_type.value_type) for v in value]
    if pa.types.is_string(arrow_type) and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return value


def record_arrow_schema() -> Any:
    """The Arrow schema of a Parquet output: the record's fields, then ``line`` and ``error``.

    ``id`` is stored as text (an integer id ``7`` becomes ``"7"``); fields typed ``Any`` or ``dict``
    in :mod:`kalbar_nlp.records` are stored as JSON text.
    """
    import pyarrow as pa

    struct = _arrow_type(Article)
    fields = [pa.field("id", pa.string())] + [f for f in struct if f.name != "id"]
    fields += [pa.field("line", pa.int64()), pa.field("error", pa.string())]
    return pa.schema(fields).with_metadata({b"pandas": _pandas_metadata(fields)})


def _pandas_metadata(fields: list[Any]) -> bytes:
    """pandas metadata so that ``pd.read_parquet`` gives ``string``/``Int64``/``boolean`` columns back."""
    import pyarrow as pa

    def kind(t: Any) -> tuple[str, str]:
        if pa.types.is_string(t):
            return "unicode", "string"
        if pa.types.is_integer(t):
            return "int64", "Int64"
        if pa.types.is_boolean(t):
            return "bool", "boolean"
        return "object", "object"

    columns = []
    for f in fields:
        pandas_type, numpy_type = kind(f.type)
        columns.append(
            {
                "name": f.name,
                "field_name": f.name,
                "pandas_type": pandas_type,
                "numpy_type": numpy_type,
                "metadata": None,
            }
        )
    meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": columns,
        "creator": {"library": "kalbar_nlp"},
        "pandas_version": "2.1.0",
    }
    return json.dumps(meta).encode()


class ParquetRecordWriter:
    """Stream records into one Parquet file with ``pyarrow.parquet.ParquetWriter``.

    Rows are written in row groups of ``row_group_size``; the file is valid once :meth:`close`
    has run (the CLI closes it on Ctrl-C and on SIGTERM; a SIGKILL leaves it unreadable, so use
    JSON Lines when a run must survive that, and for ``--resume``).
    """

    def __init__(self, path: str | Path, *, row_group_size: int = 2048) -> None:
        import pyarrow.parquet as pq

        self.path = Path(path)
        self.schema = record_arrow_schema()
        self.row_group_size = row_group_size
        self._rows: list[dict[str, Any]] = []
        self._writer = pq.ParquetWriter(self.path, self.schema, compression="zstd")

    def write(self, result: Article | ErrorRecord | dict[str, Any]) -> None:
        d = record_dict(result)
        row = {f.name: _to_arrow_value(d.get(f.name), f.type) for f in self.schema}
        if d.get("id") is not None:
            row["id"] = str(d["id"])
        self._rows.append(row)
        if len(self._rows) >= self.row_group_size:
            self._write_rows()

    def _write_rows(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows.clear()

    def flush(self) -> None:
        """Rows are written per row group; nothing to do between groups."""

    def close(self) -> None:
        self._write_rows()
        self._writer.close()


def open_writer(path: str | Path | None, *, append: bool = False) -> JsonlWriter | ParquetRecordWriter:
    """Open the writer for an output path: Parquet for ``*.parquet``/``*.pq``, a flat CSV for ``*.csv``
    (nested fields as JSON text), else JSON Lines."""
    if path not in (None, "-") and str(path).lower().endswith((".parquet", ".pq")):
        if append:
            raise ValueError(
                "--resume works with JSON Lines output only (a Parquet file cannot be appended to)"
            )
        return ParquetRecordWriter(path)
    if path not in (None, "-") and str(path).lower().endswith(".csv"):
        if append:
            raise ValueError("--resume works with JSON Lines output only (not with a CSV file)")
        return CsvRecordWriter(path)
    if path not in (None, "-") and str(path).lower().endswith(".gz"):
        raise ValueError("output: write plain .jsonl (compress it afterwards), .csv or .parquet")
    return JsonlWriter(path, append=append)


def file_size(path: str | Path) -> int:
    """Size in bytes of a file, or 0 when it does not exist."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
