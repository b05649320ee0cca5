"""The flat CSV of records (``-o records.csv``): one row per article or error record.

The columns are the record's keys, then ``line`` and ``error``; nested fields (dateline, people,
quotes...) are JSON text in their cell.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .records import RECORD_KEYS

__all__ = ["RECORD_COLUMNS", "CsvRecordWriter"]

#: Columns of the flat CSV, in order.
RECORD_COLUMNS = (
    *RECORD_KEYS,
    "source",
    "line",
    "error",
)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


class CsvRecordWriter:
    """Write one CSV row per record (nested fields as JSON text); same interface as ``JsonlWriter``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fh = open(self.path, "w", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._fh, fieldnames=RECORD_COLUMNS, extrasaction="ignore")
        self._writer.writeheader()

    def write(self, result: Any) -> None:
        record = result if isinstance(result, dict) else result.to_dict()
        self._writer.writerow({column: _cell(record.get(column)) for column in RECORD_COLUMNS})

    def flush(self) -> None:
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()
