"""pandas views of records: tidy tables, one row per item, each with the article id.

>>> records = list(kalbar_nlp.parse_many(texts))
>>> people = kalbar_nlp.to_dataframe(records, table="people")
>>> people.to_parquet("people.parquet")   # dtypes (string, Int64, boolean) survive the round trip

Tables (every one has ``article_id`` first, a ``string`` column):

============== ===========================================================================
articles       one row per article: title, published, outlet, place, counts, warnings
people         one row per person: name, aliases, titles (``"; "``-joined), mentions
titles         one row per (person, title)
organizations  one row per organisation: name, acronym, aliases, source, mentions
locations      one row per location: name, kind, code, aliases, source, mentions
quotes         one row per quote: text, offsets, kind, cue, speaker
dates          one row per date mention: text, offsets, value, grain, weekday, time...
bylines        one row per byline: name, role, text, offsets
errors         one row per error record: line, error
============== ===========================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .batch import ErrorRecord
from .records import Article, record_from_row

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TABLES", "articles_frame", "empty_table", "to_dataframe"]

S, INT, B = "string", "Int64", "boolean"

#: Column dtypes of every table (pandas extension dtypes, kept by Parquet).
TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": S,
        "title": S,
        "published": S,
        "outlet": S,
        "place": S,
        "dateline": S,
        "n_dates": INT,
        "n_people": INT,
        "n_organizations": INT,
        "n_locations": INT,
        "n_quotes": INT,
        "n_bylines": INT,
        "n_warnings": INT,
        "warnings": S,
    },
    "people": {
        "article_id": S,
        "name": S,
        "aliases": S,
        "titles": S,
        "ranks": S,
        "honorifics": S,
        "n_mentions": INT,
        "first_start": INT,
        "first_end": INT,
    },
    "titles": {"article_id": S, "person": S, "title": S},
    "organizations": {
        "article_id": S,
        "name": S,
        "acronym": S,
        "aliases": S,
        "source": S,
        "n_mentions": INT,
        "first_start": INT,
        "first_end": INT,
    },
    "locations": {
        "article_id": S,
        "name": S,
        "kind": S,
        "code": S,
        "aliases": S,
        "source": S,
        "n_mentions": INT,
        "first_start": INT,
        "first_end": INT,
    },
    "quotes": {
        "article_id": S,
        "text": S,
        "start": INT,
        "end": INT,
        "kind": S,
        "cue": S,
        "speaker": S,
        "speaker_mention": S,
        "speaker_start": INT,
        "speaker_end": INT,
    },
    "dates": {
        "article_id": S,
        "text": S,
        "start": INT,
        "end": INT,
        "value": S,
        "grain": S,
        "weekday": S,
        "weekday_matches": B,
        "time": S,
        "timezone": S,
        "relative": B,
    },
    "bylines": {"article_id": S, "name": S, "role": S, "text": S, "start": INT, "end": INT},
    "errors": {"article_id": S, "line": INT, "error": S},
}

JOIN = "; "


def _join(values: Iterable[Any] | None) -> str | None:
    values = [str(v) for v in values or [] if v is not None]
    return JOIN.join(values) if values else None


def _sid(value: Any) -> str | None:
    return None if value is None else str(value)


def _first(mentions: list[dict[str, Any]] | None, key: str) -> int | None:
    return mentions[0][key] if mentions else None


def _articles(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    dl = rec.get("dateline") or {}
    yield {
        "title": rec.get("title"),
        "published": rec.get("published"),
        "outlet": dl.get("outlet"),
        "place": dl.get("place"),
        "dateline": dl.get("text"),
        **{
            f"n_{k}": len(rec.get(k) or [])
            for k in ("dates", "people", "organizations", "locations", "quotes", "bylines", "warnings")
        },
        "warnings": " | ".join(rec.get("warnings") or []) or None,
    }


def _people(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for p in rec.get("people") or []:
        m = p.get("mentions") or []
        yield {
            "name": p.get("name"),
            "aliases": _join(p.get("aliases")),
            "titles": _join(p.get("titles")),
            "ranks": _join(p.get("ranks")),
            "honorifics": _join(p.get("honorifics")),
            "n_mentions": len(m),
            "first_start": _first(m, "start"),
            "first_end": _first(m, "end"),
        }


def _titles(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for p in rec.get("people") or []:
        for t in p.get("titles") or []:
            yield {"person": p.get("name"), "title": t}


def _entities(key: str, extra: tuple[str, ...]) -> Callable[[dict[str, Any]], Iterator[dict[str, Any]]]:
    def rows(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
        for e in rec.get(key) or []:
            m = e.get("mentions") or []
            yield {
                "name": e.get("name"),
                **{k: e.get(k) for k in extra},
                "aliases": _join(e.get("aliases")),
                "source": e.get("source"),
                "n_mentions": len(m),
                "first_start": _first(m, "start"),
                "first_end": _first(m, "end"),
            }

    return rows


def _quotes(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for q in rec.get("quotes") or []:
        sp = q.get("speaker") or {}
        yield {
            "text": q.get("text"),
            "start": q.get("start"),
            "end": q.get("end"),
            "kind": q.get("kind"),
            "cue": q.get("cue"),
            "speaker": sp.get("name"),
            "speaker_mention": sp.get("mention"),
            "speaker_start": sp.get("start"),
            "speaker_end": sp.get("end"),
        }


def _items(key: str, columns: tuple[str, ...]) -> Callable[[dict[str, Any]], Iterator[dict[str, Any]]]:
    def rows(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
        for d in rec.get(key) or []:
            yield {c: d.get(c) for c in columns}

    return rows


_ROWS: dict[str, Callable[[dict[str, Any]], Iterator[dict[str, Any]]]] = {
    "articles": _articles,
    "people": _people,
    "titles": _titles,
    "organizations": _entities("organizations", ("acronym",)),
    "locations": _entities("locations", ("kind", "code")),
    "quotes": _quotes,
    "dates": _items("dates", tuple(c for c in TABLES["dates"] if c != "article_id")),
    "bylines": _items("bylines", tuple(c for c in TABLES["bylines"] if c != "article_id")),
}


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, Article | ErrorRecord):
        return record.to_dict()
    if isinstance(record, dict):
        return record_from_row(record)
    raise TypeError(f"records: expected Article, ErrorRecord or dict items, got {type(record).__name__}")


def _is_error(rec: dict[str, Any]) -> bool:
    return ErrorRecord.is_error_dict(rec)


def empty_table(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of ``table`` (a Dask ``meta``)."""
    import pandas as pd

    cols = _columns(table)
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in cols.items()})


def _columns(table: str) -> dict[str, str]:
    if table not in TABLES:
        raise ValueError(f"table: must be one of {', '.join(TABLES)}, not {table!r}")
    return TABLES[table]


def to_dataframe(records: Iterable[Any], table: str = "articles") -> pd.DataFrame:
    """Turn records into one tidy pandas table.

    Args:
        records: :class:`~kalbar_nlp.records.Article` objects, :class:`~kalbar_nlp.batch.ErrorRecord`
            objects or their ``to_dict()`` dicts (read back from JSON Lines, say), in any mix; or the
            DataFrame of a nested Parquet output (``pd.read_parquet("records.parquet")``).
        table: ``"articles"``, ``"people"``, ``"titles"``, ``"organizations"``, ``"locations"``,
            ``"quotes"``, ``"dates"``, ``"bylines"`` or ``"errors"``. Error records only appear
            in ``"errors"``.

    Returns:
        A DataFrame with ``article_id`` first and the dtypes of :data:`TABLES` (``string``,
        ``Int64``, ``boolean``), which Parquet keeps. List values (aliases, titles) are joined
        with ``"; "``.

    Raises:
        ValueError: unknown ``table``.
        TypeError: an item is not a record.
    """
    import pandas as pd

    cols = _columns(table)
    if isinstance(records, pd.DataFrame):  # the nested Parquet output read back with pd.read_parquet
        records = records.to_dict("records")
    rows: list[dict[str, Any]] = []
    for record in records:
        rec = _as_dict(record)
        aid = _sid(rec.get("id"))
        if table == "errors":
            if _is_error(rec):
                rows.append({"article_id": aid, "line": rec.get("line"), "error": rec.get("error")})
            continue
        if _is_error(rec):
            continue
        rows.extend({"article_id": aid, **row} for row in _ROWS[table](rec))
    if not rows:
        return empty_table(table)
    df = pd.DataFrame.from_records(rows, columns=list(cols))
    return df.astype(cols)


def articles_frame(records: list[dict[str, Any]], index: Any) -> pd.DataFrame:
    """The ``articles`` table of ``records`` (error records as rows with ``error``), on ``index``."""
    import pandas as pd

    out = pd.DataFrame.from_records(
        [
            {
                "article_id": _sid(r.get("id")),
                **(next(_articles(r)) if not _is_error(r) else {}),
                "error": r.get("error"),
            }
            for r in records
        ],
        columns=[*TABLES["articles"], "error"],
    )
    out = out.astype({**TABLES["articles"], "error": "string"})
    out.index = index
    return out
