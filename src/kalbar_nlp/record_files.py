"""Write records as they come: JSON Lines (appendable for ``--resume``), Parquet and CSV files.

JSON Lines holds one record or error record per line, flushed per batch; a line cut short by a
kill is repaired when the file is appended to. Parquet (:class:`ParquetRecordWriter`) has nested
columns whose Arrow types follow the dataclasses of :mod:`kalbar_nlp.records`, plus ``line`` and
``error`` for error records. :func:`open_writer` picks the writer from the file name.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .batch import ErrorRecord
from .csv_output import CsvRecordWriter
from .records import Article

__all__ = [
    "JsonlWriter",
    "ParquetRecordWriter",
    "file_size",
    "open_writer",
    "read_jsonl_output",
    "record_arrow_schema",
    "record_dict",
    "repair_jsonl_tail",
]

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
