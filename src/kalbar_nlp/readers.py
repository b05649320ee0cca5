"""Readers of the dumps beside JSON Lines/CSV/Parquet: JSON arrays, web pages, web archives, XLSX.

Each yields ``(line, item)`` pairs like the readers of :mod:`kalbar_nlp.io`. Web pages are passed on
as ``{"html", "url", "id"}`` items; :func:`kalbar_nlp.web.expand_item` extracts their text when the
item is parsed, so a page without article text becomes an error record in its place.

============================  =====================================================================
``*.json``                    one JSON array of article objects (or one object, or JSON Lines)
``*.html``, ``*.htm``         one saved page; ``id`` is the file name without its extension
a folder                      every ``.txt`` / ``.html`` / ``.htm`` file below it (``.gz`` too)
``*.warc``, ``*.warc.gz``     the HTML responses of a web archive; ``id`` = ``WARC-Target-URI``
``*.xlsx``                    the first sheet, a header row then one article per row (openpyxl)
============================  =====================================================================
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from .batch import ErrorRecord

__all__ = ["FORMATS", "WarcItems", "page_files", "read_format", "skipped_notes"]

#: The formats read here (see :data:`kalbar_nlp.io.INPUT_FORMATS`).
FORMATS = ("json", "html", "warc", "xlsx")

#: File name endings of the files of a folder (``.gz`` allowed after each).
FOLDER_SUFFIXES = (".txt", ".html", ".htm")

PAGE_SUFFIXES = (".html", ".htm")

#: Content types of the WARC responses that are read as pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")

Pick = Callable[[dict[str, Any], dict[str, str]], dict[str, Any]]


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


# --- JSON ----------------------------------------------------------------------------------------


def _first_byte(path: Path) -> bytes:
    with _open_binary(path) as fh:
        head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1]


def _json_objects(values: list[Any], cols: dict[str, str], pick: Pick) -> Iterator[tuple[int, Any]]:
    for number, obj in enumerate(values, 1):
        if isinstance(obj, dict):
            yield number, pick(obj, cols)
        else:
            message = f"item {number} of the JSON array is not an object (got {type(obj).__name__})"
            yield number, ErrorRecord(None, number, message)


def read_json(
    path: Path, cols: dict[str, str], pick: Pick, read_lines: Callable[[], Iterator[tuple[int, Any]]]
) -> Iterator[tuple[int, Any]]:
    """A ``.json`` file: one array of objects (``line`` = position in it), one object, or JSON Lines."""
    if _first_byte(path) != b"[":
        try:
            with _open_binary(path) as fh:
                whole = json.load(fh)
        except (json.JSONDecodeError, UnicodeDecodeError):
            yield from read_lines()  # JSON Lines named .json
            return
        yield from _json_objects([whole], cols, pick)
        return
    try:
        with _open_binary(path) as fh:
            values = json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ValueError(f"input: {path.name} starts a JSON array but is not valid JSON: {err}") from err
    yield from _json_objects(values, cols, pick)


# --- web pages -----------------------------------------------------------------------------------


def _page_id(path: Path, root: Path | None) -> str:
    rel = _strip_gz(path.relative_to(root).as_posix() if root else path.name)
    for suffix in (*PAGE_SUFFIXES, ".txt"):
        if rel.lower().endswith(suffix):
            return rel[: -len(suffix)]
    return rel


def _file_item(path: Path, root: Path | None) -> dict[str, Any]:
    with _open_binary(path) as fh:
        data = fh.read()
    name = _strip_gz(path.name.lower())
    if name.endswith(PAGE_SUFFIXES):
        return {"html": data, "url": None, "id": _page_id(path, root)}
    return {"id": _page_id(path, root), "text": data}


def page_files(folder: Path) -> list[Path]:
    """The ``.txt``/``.html``/``.htm`` files (``.gz`` too) below ``folder``, sorted by relative path."""
    return sorted(
        (p for p in folder.rglob("*") if p.is_file() and _strip_gz(p.name.lower()).endswith(FOLDER_SUFFIXES)),
        key=lambda p: p.relative_to(folder).as_posix(),
    )


def read_folder(folder: Path) -> Iterator[tuple[int, Any]]:
    """Every text and page file of a folder; ``id`` = the relative path without its extension."""
    return ((number, _file_item(path, folder)) for number, path in enumerate(page_files(folder), 1))


# --- web archives --------------------------------------------------------------------------------


class WarcItems:
    """Stream the HTML responses of a WARC file as page items; count what is skipped.

    Attributes:
        skipped: records that are not HTML responses (requests, metadata, images, scripts...).
    """

    def __init__(self, path: Path) -> None:
        from .web import require_extra

        self._archive = require_extra("warcio.archiveiterator")
        self.path = path
        self.skipped = 0
        self._records = self._read()

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        return self

    def __next__(self) -> tuple[int, Any]:
        return next(self._records)

    def _read(self) -> Iterator[tuple[int, Any]]:
        with open(self.path, "rb") as fh:
            for number, record in enumerate(self._archive.ArchiveIterator(fh), 1):
                if not _is_html_response(record):
                    self.skipped += 1
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                yield number, {"html": record.content_stream().read(), "url": uri, "id": uri}


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    return content_type.startswith(HTML_TYPES) and status.startswith("2")


# --- spreadsheets --------------------------------------------------------------------------------


def read_xlsx(path: Path, cols: dict[str, str], pick: Pick) -> Iterator[tuple[int, Any]]:
    """The first sheet of an XLSX file through pandas (needs openpyxl); ``line`` = spreadsheet row."""
    import pandas as pd

    try:
        frame = pd.read_excel(path, engine="openpyxl", dtype=object)
    except ImportError as err:
        raise ImportError("reading .xlsx needs openpyxl:  pip install openpyxl") from err
    frame = frame.astype(object).where(frame.notna(), None)
    for number, row in enumerate(frame.to_dict("records"), 2):  # row 1 is the header
        yield number, pick({str(key): value for key, value in row.items()}, cols)


def read_format(
    fmt: str,
    path: Path,
    cols: dict[str, str],
    pick: Pick,
    read_lines: Callable[[], Iterator[tuple[int, Any]]],
) -> Iterator[tuple[int, Any]]:
    """Dispatch to the reader of ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return read_json(path, cols, pick, read_lines)
    if fmt == "html":
        return iter([(1, _file_item(path, None))])
    if fmt == "warc":
        return WarcItems(path)
    return read_xlsx(path, cols, pick)


def skipped_notes(items: object) -> list[str]:
    """The summary's note on the records a reader skipped (a web archive's non-HTML records)."""
    skipped = getattr(items, "skipped", 0)
    return [f"{skipped} non-HTML WARC records skipped"] if skipped else []
