"""One reader and validator for the tab-separated tables (and word lists) of ``resources/``.

Every table has the same shape: ``#`` comment lines and blank lines anywhere, one header row
naming the columns, then one entry per line, columns separated by a tab. Values are stripped
of surrounding white space. A row with too many columns, a missing required value or an
unexpected header raises :class:`LexiconError` naming the file and the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from importlib.resources.abc import Traversable

PACKAGE = "kalbar_nlp"


class LexiconError(ValueError):
    """A resource file does not have the shape its loader expects."""


def resource(name: str) -> Traversable:
    """The packaged file ``resources/<name>`` (``name`` may hold ``/`` for a sub-folder)."""
    path = resources.files(PACKAGE) / "resources"
    for part in name.split("/"):
        path = path / part
    return path


def _content(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of ``lines``, without comments, blank lines and the line end."""
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if line.strip() and not line.startswith("#"):
            yield number, line


def _content_lines(name: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a resource, without comments, blank lines and the line end."""
    with resource(name).open(encoding="utf-8") as fh:
        yield from _content(fh)


def read_table(
    name: str,
    columns: tuple[str, ...] | None = None,
    *,
    required: tuple[str, ...] | None = None,
    pad: bool = False,
) -> list[dict[str, str]]:
    """Read a TSV resource into one dict per row, keyed by the header's column names.

    Args:
        name: path below ``resources/``, e.g. ``"titles.tsv"`` or ``"dates/months.tsv"``.
        columns: the exact header the file must have; ``None`` accepts the file's own header.
        required: columns that must be non-empty in every row (default: the first column).
        pad: accept rows with fewer columns than the header, filling the rest with ``""``.

    Returns:
        The rows in file order, every value stripped.

    Raises:
        LexiconError: the header differs from ``columns``, a row has the wrong number of
            columns, or a required value is empty.
    """
    return _rows(_content_lines(name), name, columns, required, pad)


def parse_table(
    text: str,
    name: str,
    columns: tuple[str, ...] | None = None,
    *,
    required: tuple[str, ...] | None = None,
    pad: bool = False,
) -> list[dict[str, str]]:
    """Read the text of a table (the content of a file ``name``) as :func:`read_table` reads a resource.

    Raises:
        LexiconError: as :func:`read_table`.
    """
    return _rows(_content(text.splitlines()), name, columns, required, pad)


def _rows(
    lines: Iterator[tuple[int, str]],
    name: str,
    columns: tuple[str, ...] | None,
    required: tuple[str, ...] | None,
    pad: bool,
) -> list[dict[str, str]]:
    """Check the header of numbered content ``lines`` and read the rows after it."""
    try:
        header_line, header_text = next(lines)
    except StopIteration:
        raise LexiconError(f"resources/{name}: empty table (no header row)") from None
    header = tuple(col.strip() for col in header_text.split("\t"))
    if columns is not None and header != tuple(columns):
        raise LexiconError(f"resources/{name}:{header_line}: header must be {columns}, not {header}")
    must = header[:1] if required is None else required
    unknown = set(must) - set(header)
    if unknown:
        raise LexiconError(f"resources/{name}: required columns {sorted(unknown)} are not in {header}")
    rows: list[dict[str, str]] = []
    for number, line in lines:
        values = [value.strip() for value in line.split("\t")]
        if pad and len(values) < len(header):
            values += [""] * (len(header) - len(values))
        if len(values) != len(header):
            raise LexiconError(
                f"resources/{name}:{number}: expected {len(header)} tab-separated columns, got {len(values)}"
            )
        row = dict(zip(header, values, strict=True))
        empty = [col for col in must if not row[col]]
        if empty:
            raise LexiconError(f"resources/{name}:{number}: empty value in column(s) {empty}")
        rows.append(row)
    return rows


def read_words(name: str) -> list[str]:
    """Read a word list: one entry per line, ``#`` comments and blank lines skipped, stripped."""
    return [line.strip() for _number, line in _content_lines(name)]


def read_jsonl(name: str) -> list[dict]:
    """Read a JSON Lines resource (``#`` comments allowed); every line must be a JSON object."""
    out: list[dict] = []
    for number, line in _content_lines(name):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"resources/{name}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(value, dict):
            raise LexiconError(f"resources/{name}:{number}: expected a JSON object")
        out.append(value)
    return out
