"""Known column sets of scraper dumps, read without ``--*-col`` flags.

news-watch (an Indonesian news scraper) writes CSV, JSON (one array), JSONL or XLSX with exactly the
columns ``title, publish_date, author, content, keyword, category, source, link``:

* ``content`` is the text, ``link`` the id, ``title`` the title;
* ``publish_date`` (``YYYY-MM-DD HH:MM:SS``, Western Indonesia Time with no zone) becomes
  ``published`` with ``+07:00``;
* ``author`` (unless ``"Unknown"``) goes to the record's ``source`` and is offered to the bylines
  as ``byline_hint``; ``source``, ``category`` and ``keyword`` are kept in ``source`` too.

A row with an ``html`` column and no text column is a saved page: it is passed on as
``{"html", "url", ...}`` and its article text is extracted by :mod:`kalbar_nlp.web`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .text.joined import restore_breaks

__all__ = [
    "NEWSWATCH_COLUMNS",
    "adapt_row",
    "is_newswatch",
    "newswatch_item",
    "restore_breaks",
    "wib_timestamp",
]

#: The columns of a news-watch dump, in its order.
NEWSWATCH_COLUMNS = ("title", "publish_date", "author", "content", "keyword", "category", "source", "link")

#: The columns that identify a news-watch row (with no ``text`` column).
NEWSWATCH_KEYS = frozenset({"content", "link", "publish_date"})

#: news-watch's value for a field it could not fill.
MISSING = "unknown"

#: Western Indonesia Time, news-watch's (unstated) zone.
WIB = dt.timezone(dt.timedelta(hours=7))

#: Columns that may hold the address of a saved page.
URL_COLUMNS = ("url", "link", "target_uri")


def is_newswatch(row: Mapping[str, Any]) -> bool:
    """Tell whether a row has news-watch's columns (and no ``text``)."""
    return "text" not in row and NEWSWATCH_KEYS <= row.keys()


def _known(value: Any) -> Any:
    """``None`` for an empty value or news-watch's ``"Unknown"``."""
    if value is None or (isinstance(value, str) and value.strip().casefold() in ("", MISSING)):
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    return value


def wib_timestamp(value: Any) -> Any:
    """``2024-03-12 09:30:00`` (WIB, no zone) -> ``2024-03-12T09:30:00+07:00``; other values unchanged."""
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=WIB)).isoformat()
    if not isinstance(value, str):
        return value
    try:
        stamp = dt.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return value
    return stamp.replace(tzinfo=WIB).isoformat()


def newswatch_item(row: Mapping[str, Any]) -> dict[str, Any]:
    """The input item of one news-watch row."""
    source = {
        "url": _known(row.get("link")),
        "sitename": _known(row.get("source")),
        "author": _known(row.get("author")),
        "category": _known(row.get("category")),
        "keyword": _known(row.get("keyword")),
    }
    source = {key: str(value) for key, value in source.items() if value is not None}
    return {
        "text": restore_breaks(content) if isinstance(content := row.get("content"), str) else content,
        "id": _known(row.get("link")),
        "title": _known(row.get("title")),
        "published": wib_timestamp(_known(row.get("publish_date"))),
        "source": source or None,
    }


def _page_item(row: Mapping[str, Any], cols: Mapping[str, str]) -> dict[str, Any]:
    url = next((row[key] for key in URL_COLUMNS if isinstance(row.get(key), str) and row[key]), None)
    item = {field: row[col] for field, col in cols.items() if field != "text" and col in row}
    item.setdefault("id", url)
    return {**item, "html": row["html"], "url": url}


def adapt_row(row: Mapping[str, Any], cols: Mapping[str, str], *, defaults: bool) -> dict[str, Any] | None:
    """The item of a row that has no text column, when its columns are known; else ``None``.

    Args:
        row: one row or JSON object of a dump.
        cols: the field -> column mapping in use.
        defaults: the caller kept the default column names (news-watch is only recognised then).
    """
    if row.get("html") is not None:
        return _page_item(row, cols)
    if defaults and is_newswatch(row):
        return newswatch_item(row)
    return None
