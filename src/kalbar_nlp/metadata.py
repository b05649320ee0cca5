"""Read an article's metadata (``id``, ``title``, ``published``) whatever type the caller gave.

Dumps and DataFrames carry metadata of many types: pandas turns an int id column with one gap
into floats, scrapers store ``published`` as epoch seconds, a title may be a number, a text may
be a ``numpy.str_``. An article is never discarded for its metadata: what has one obvious
meaning is converted (NaN/NaT → missing, ``7.0`` → ``7``, epoch seconds → ISO in UTC,
``numpy``/``pandas`` scalars and timestamps → Python values), anything else is dropped or turned
into text with a warning in the record. Text that cannot be written as UTF-8 (a lone surrogate
such as ``"\\ud83d"`` from a JSON escape) is repaired with U+FFFD, with a warning.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import regex

__all__ = ["coerce_id", "coerce_published", "coerce_title", "is_missing", "plain", "repair_surrogates"]

_SURROGATE = regex.compile(r"[\ud800-\udfff]")

#: Epoch seconds read as a publication time (1973-03-03 to 2100-01-01); 1000 times that is read as
#: epoch milliseconds. A smaller number (a year such as ``2024``?) has no one obvious meaning.
_EPOCH_SECONDS = (100_000_000, 4_102_444_800)


def is_missing(value: Any) -> bool:
    """Tell whether ``value`` is ``None`` or a pandas/numpy missing value (NaN, NaT, ``pd.NA``)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    if type(value).__module__ == "numpy" and type(value).__name__ in ("datetime64", "timedelta64"):
        return str(value) == "NaT"
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        item = value.item()
        return isinstance(item, float) and math.isnan(item)
    return False


def plain(value: Any) -> Any:
    """Turn missing values into ``None`` and numpy scalars and ``str`` subclasses into Python values."""
    if is_missing(value):
        return None
    if isinstance(value, str) and type(value) is not str:
        return str(value)  # numpy.str_ and other str subclasses (spaCy wants a plain str)
    if type(value).__module__ == "numpy" and type(value).__name__ == "datetime64":
        return _datetime64(value)
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _datetime64(value: Any) -> dt.datetime | None:
    import numpy as np

    micros = value.astype("datetime64[us]").astype(np.int64)
    return dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=int(micros))


def repair_surrogates(value: str, field: str) -> tuple[str, list[str]]:
    """Replace lone surrogates (not writable as UTF-8) by U+FFFD, one character for one."""
    if not _SURROGATE.search(value):
        return value, []
    return _SURROGATE.sub("\ufffd", value), [
        f"{field}: lone surrogate characters (not valid Unicode text) were replaced with U+FFFD"
    ]


def coerce_id(value: Any) -> tuple[str | int | None, list[str]]:
    """Return the id as ``str``/``int``/``None`` and the warnings; an integral float becomes an int.

    Raises:
        TypeError: the id is a list, dict or another value that is no id.
    """
    value = plain(value)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value, []
    if isinstance(value, str):
        return repair_surrogates(value, "id")
    if isinstance(value, float) and value.is_integer():
        return int(value), []
    if isinstance(value, float):
        return repr(value), [f"id: {value!r} is not an integer; it was turned into text"]
    raise TypeError(f"id: expected str, int or None, got {type(value).__name__}")


def coerce_title(value: Any) -> tuple[str | None, list[str]]:
    """Return the title as ``str``/``None`` and the warnings; a number or date becomes text.

    Raises:
        TypeError: the title is a list, dict or another value that is not text.
    """
    value = plain(value)
    if value is None:
        return None, []
    if isinstance(value, str):
        return repair_surrogates(value, "title")
    if isinstance(value, int | float | dt.date) and not isinstance(value, bool):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        return text, [f"title: expected text, got {type(value).__name__}; it was turned into text"]
    raise TypeError(f"title: expected str or None, got {type(value).__name__}")


def coerce_published(value: Any) -> tuple[str | dt.date | None, list[str]]:
    """Return ``published`` as ``str``, ``date``/``datetime`` or ``None``, and the warnings.

    Epoch seconds (an int or float between 1973 and 2100) become an ISO datetime in UTC; pandas
    and numpy timestamps become ``datetime``; a number out of that range is ignored with a warning.

    Raises:
        TypeError: ``published`` is a list, dict or another value that is no date.
    """
    value = plain(value)
    if value is None or isinstance(value, str | dt.date):
        if isinstance(value, str):
            return repair_surrogates(value, "published")
        return value, []
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp that is not a datetime subclass
        return value.to_pydatetime(), []
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _epoch(value)
    raise TypeError(f"published: expected str, date, datetime or epoch seconds, got {type(value).__name__}")


def _epoch(value: float) -> tuple[dt.datetime | None, list[str]]:
    low, high = _EPOCH_SECONDS
    if low <= value < high:
        return dt.datetime.fromtimestamp(value, tz=dt.UTC), []
    if low * 1000 <= value < high * 1000:
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC), [
            f"published: {value!r} was read as epoch milliseconds"
        ]
    return None, [f"published: the number {value!r} is no epoch time of 1973-2100; it was ignored"]
