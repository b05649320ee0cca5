"""Outputs beside JSON Lines and nested Parquet: a flat CSV of records, and the tidy tables.

* :class:`~kalbar_nlp.csv_output.CsvRecordWriter` (``-o records.csv``): one row per article or
  error record; the columns are the record's keys, then ``line`` and ``error``; nested fields
  (dateline, people, quotes...) are JSON text in their cell.
* :class:`TablesWriter` (``--tables DIR``): the tables of :func:`kalbar_nlp.to_dataframe`
  (articles, people, titles, organizations, locations, quotes, dates, bylines, errors), one file
  per table, written in chunks so that memory stays flat: ``DIR/people.parquet`` or
  ``DIR/people.csv``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .csv_output import RECORD_COLUMNS, CsvRecordWriter
from .record_files import open_writer
from .records import Article
from .tables import TABLES, to_dataframe

__all__ = [
    "RECORD_COLUMNS",
    "TABLE_FORMATS",
    "CsvRecordWriter",
    "TablesWriter",
    "Writers",
    "add_output_arguments",
    "combine",
    "open_outputs",
]

TABLE_FORMATS = ("parquet", "csv")


class TablesWriter:
    """Write the tidy tables of the records into a folder, one Parquet (or CSV) file per table.

    Args:
        folder: created when missing; existing table files in it are replaced.
        format: ``"parquet"`` or ``"csv"``.
        chunk_size: records held in memory before their rows are written.
    """

    def __init__(self, folder: str | Path, *, format: str = "parquet", chunk_size: int = 1000) -> None:
        if format not in TABLE_FORMATS:
            raise ValueError(f"tables format: must be one of {', '.join(TABLE_FORMATS)}, not {format!r}")
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise ValueError(f"--tables: {self.folder} exists and is not a folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.format = format
        self.chunk_size = chunk_size
        self._records: list[dict[str, Any]] = []
        self._writers: dict[str, Any] = {}
        self._started: set[str] = set()

    def path(self, table: str) -> Path:
        """The file of ``table``."""
        return self.folder / f"{table}.{self.format}"

    def write(self, result: Article | Any) -> None:
        self._records.append(result if isinstance(result, dict) else result.to_dict())
        if len(self._records) >= self.chunk_size:
            self.flush()

    def flush(self) -> None:
        """Write the rows of the records held so far to every table."""
        for table in TABLES:
            if self._records or table not in self._started:
                self._write_table(table, to_dataframe(self._records, table))
        self._records.clear()

    def _write_table(self, table: str, frame: Any) -> None:
        if self.format == "csv":
            first = table not in self._started
            frame.to_csv(self.path(table), mode="w" if first else "a", header=first, index=False)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            arrow = pa.Table.from_pandas(frame, preserve_index=False)
            if table not in self._writers:
                self._writers[table] = pq.ParquetWriter(self.path(table), arrow.schema, compression="zstd")
            self._writers[table].write_table(arrow)
        self._started.add(table)

    def close(self) -> None:
        self.flush()
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()


class Writers:
    """Several writers behind the one interface (``write``, ``flush``, ``close``)."""

    def __init__(self, writers: list[Any]) -> None:
        self.writers = writers

    def write(self, result: Any) -> None:
        for writer in self.writers:
            writer.write(result)

    def flush(self) -> None:
        for writer in self.writers:
            writer.flush()

    def close(self) -> None:
        for writer in self.writers:
            writer.close()


def combine(*writers: Any) -> Any:
    """One writer for the writers given (``None`` ones left out); ``None`` when there is none."""
    present = [writer for writer in writers if writer is not None]
    if not present:
        return None
    return present[0] if len(present) == 1 else Writers(present)


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``--tables`` and ``--tables-format`` options of ``kalbar-nlp parse``."""
    parser.add_argument(
        "--tables",
        metavar="DIR",
        help="also write the tidy tables (articles, people, titles, organizations, locations, quotes, "
        "dates, bylines, errors) into DIR, one file per table; without -o, only the tables are written",
    )
    parser.add_argument(
        "--tables-format",
        choices=TABLE_FORMATS,
        default="parquet",
        help="file format of --tables (default: parquet)",
    )


def open_outputs(args: argparse.Namespace, output: Path | None, *, append: bool) -> Any:
    """The writers of a run: ``-o`` (stdout unless ``--table`` or ``--tables`` replace it) and ``--tables``.

    Returns:
        One writer, or ``None`` when nothing is written (``--table`` alone).
    """
    records_elsewhere = (args.table or args.tables) and output is None
    records = None if records_elsewhere else open_writer(output, append=append)
    tables = TablesWriter(args.tables, format=args.tables_format) if args.tables else None
    return combine(records, tables)
