"""Records in, person mentions out: one :class:`MentionRow` per person of an article.

Records come as :class:`~kalbar_nlp.records.Article` objects, record dicts, a JSON Lines file of
records (read line by line), or a pandas DataFrame (one record per row, or the ``record`` JSON
column of :func:`kalbar_nlp.dask.parse_dask_dataframe`). Error records are skipped. A row keeps
only what the who's-who needs: the name and its aliases, the titles, the article's date and
region (its dateline place), and the quotes the person is the speaker of.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..lexicons.region_codes import lookup_region
from ..records import Article

if TYPE_CHECKING:
    import pandas as pd

#: Columns of :func:`rows_frame` (lists as JSON text, so that a Dask partition is a plain table).
ROW_COLUMNS = ("article_id", "name", "aliases", "titles", "date", "article_region", "quotes")


@dataclass(slots=True)
class MentionRow:
    """One person of one article, as the corpus reads it."""

    article_id: str
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    date: str | None = None
    article_region: str | None = None
    quotes: tuple[tuple[str, str | None, str | None], ...] = field(default=())  # (text, kind, cue)


def _dicts_of_frame(frame: pd.DataFrame) -> Iterator[dict[str, Any]]:
    if "record" in frame.columns:
        for text in frame["record"]:
            if isinstance(text, str) and text:
                yield json.loads(text)
        return
    yield from frame.to_dict(orient="records")


def iter_records(source: Any) -> Iterator[dict[str, Any]]:
    """Record dicts from Articles, dicts, a JSON Lines path, or a DataFrame (streaming)."""
    if isinstance(source, str | Path):
        with open(source, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)
        return
    if hasattr(source, "to_dict") and hasattr(source, "columns"):
        yield from _dicts_of_frame(source)
        return
    for item in source:
        yield item.to_dict() if isinstance(item, Article) else item


def article_date(record: dict[str, Any]) -> str | None:
    """The article's date: its ``published`` day, else the first resolved date it mentions."""
    published = record.get("published")
    if published:
        return str(published)[:10]
    for date in record.get("dates") or []:
        if date.get("value"):
            return str(date["value"])
    return None


def article_region(record: dict[str, Any]) -> str | None:
    """The region code of the article's dateline place (the outlet's region), else ``None``."""
    place = (record.get("dateline") or {}).get("place")
    return _place_code(place) if place else None


@functools.lru_cache(maxsize=4096)
def _place_code(place: str) -> str | None:
    region = lookup_region(place)
    return region.code if region else None


def _speaker_names(person: dict[str, Any]) -> set[str]:
    return {person["name"], *(person.get("aliases") or [])}


def article_rows(record: dict[str, Any]) -> list[MentionRow]:
    """The mention rows of one record (none for an error record)."""
    if "error" in record and "schema_version" not in record:
        return []
    article_id = str(record.get("id"))
    date, region = article_date(record), article_region(record)
    rows: list[MentionRow] = []
    owner: dict[str, int] = {}
    for person in record.get("people") or []:
        for speaker in _speaker_names(person):
            owner.setdefault(speaker, len(rows))
        rows.append(
            MentionRow(
                article_id,
                person["name"],
                tuple(person.get("aliases") or ()),
                tuple(person.get("titles") or ()),
                date,
                region,
            )
        )
    quotes: dict[int, list[tuple[str, str | None, str | None]]] = {}
    for quote in record.get("quotes") or []:
        speaker = quote.get("speaker") or {}
        index = owner.get(speaker.get("name") or "")
        if index is not None:
            quotes.setdefault(index, []).append((quote["text"], quote.get("kind"), quote.get("cue")))
    for index, found in quotes.items():
        rows[index].quotes = tuple(found)
    return rows


def iter_rows(source: Any) -> Iterator[MentionRow]:
    """Mention rows of every record of ``source`` (see :func:`iter_records`), streaming."""
    for record in iter_records(source):
        yield from article_rows(record)


def rows_frame(rows: Iterable[MentionRow]) -> pd.DataFrame:
    """Mention rows as a DataFrame of :data:`ROW_COLUMNS` (lists as JSON text)."""
    import pandas as pd

    data = []
    for row in rows:
        values = asdict(row)
        for column in ("aliases", "titles", "quotes"):
            values[column] = json.dumps(values[column], ensure_ascii=False)
        data.append(values)
    return pd.DataFrame(data, columns=list(ROW_COLUMNS)).astype("string")


def frame_rows(frame: pd.DataFrame) -> Iterator[MentionRow]:
    """The inverse of :func:`rows_frame`."""
    import pandas as pd

    for values in frame.to_dict(orient="records"):
        yield MentionRow(
            str(values["article_id"]),
            str(values["name"]),
            tuple(json.loads(values["aliases"])),
            tuple(json.loads(values["titles"])),
            None if pd.isna(values["date"]) else str(values["date"]),
            None if pd.isna(values["article_region"]) else str(values["article_region"]),
            tuple(tuple(quote) for quote in json.loads(values["quotes"])),  # type: ignore[misc]
        )
