"""Publication dates as callers and news sites write them, read into ISO dates and date-times.

The caller's ``published`` string is read here, before any component runs: ISO dates and
date-times, and the strings sites print (``Tayang: Senin, 9 Juni 2025 20:52 WITA``,
``10/11/2023``, ``07 Nov 2023``, ``10-Apr-19``). Month names come from the date lexicon.
"""

from __future__ import annotations

import datetime as dt
import functools

import regex

from ..lexicons.dates import literal_alternation, month_names
from .calendar import safe_date, two_digit_year

#: The offsets of the Indonesian time zones.
TZ_OFFSETS = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}
_READ_ORDER = ("ymd", "dmony", "dmy", "mondy")


@functools.cache
def _published_patterns() -> dict[str, regex.Pattern[str]]:
    months = literal_alternation(list(month_names()))
    clock = (
        r"(?P<H>[01]?\d|2[0-3])[:.](?P<M>[0-5]\d)(?:[:.](?P<S>[0-5]\d))?(?:\s{0,2}(?P<ampm>(?i:am|pm)))?"
        r"(?:\s{0,3}(?P<tz>WIB|WITA|WIT|Z|UTC|GMT|[+-]\d{2}:?\d{2})(?P<gmtoff>(?<=GMT|UTC)[+-]\d{1,2})?)?"
    )
    sep = r"[\s,|\-–—]{0,6}(?:(?i:pukul|jam|pkl\.?)\s{1,3})?"
    flags = regex.VERSION0
    return {
        "ymd": regex.compile(
            rf"(?<!\d)(?P<y>\d{{4}})[/.\-](?P<m>\d{{1,2}})[/.\-](?P<d>\d{{1,2}})(?!\d)(?:{sep}{clock})?",
            flags,
        ),
        "dmy": regex.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})[/.\-](?P<m>\d{{1,2}})[/.\-](?P<y>\d{{4}}|\d{{2}})(?!\d)"
            rf"(?:{sep}{clock})?",
            flags,
        ),
        "dmony": regex.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})[\s\-.]{{1,3}}(?P<mon>(?i:{months}))\.?(?!\w)[\s\-.,]{{1,3}}"
            rf"(?P<y>\d{{4}}|\d{{2}})(?!\d)(?:{sep}{clock})?",
            flags,
        ),
        "mondy": regex.compile(
            rf"(?<!\w)(?P<mon>(?i:{months}))\.?\s{{1,3}}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}"
            rf"(?P<y>\d{{4}})(?!\d)(?:{sep}{clock})?",
            flags,
        ),
    }


def _iso(value: str) -> str | None:
    """``value`` read as an ISO date, compact date or ISO date-time; ``""`` when it is none of them.

    Raises:
        ValueError: ``value`` has an ISO shape but is no real date.
    """
    if regex.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value).isoformat()
    if regex.fullmatch(r"(?:19|20)\d{6}", value):  # compact 20231107
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()
    if regex.fullmatch(
        r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?", value
    ):
        return dt.datetime.fromisoformat(value.replace(" ", "T", 1)).isoformat()
    return ""


def _match_date(name: str, match: regex.Match[str]) -> dt.date | None:
    """The date of one pattern's match (a day-first ``dmy`` falls back to month first)."""
    year = int(match.group("y"))
    year = year if len(match.group("y")) == 4 else two_digit_year(year)
    day = int(match.group("d"))
    if name in ("dmony", "mondy"):
        month = month_names()[match.group("mon").casefold()][0]
    else:
        month = int(match.group("m"))
    date = safe_date(year, month, day)
    if date is None and name == "dmy":
        date = safe_date(year, day, month)  # month-first fallback ("10/22/2025")
    return date


def normalize_published(value: str) -> str | None:
    """Normalise a publication date as callers and news sites write it.

    Accepts ISO dates and date-times (``2023-11-07``, ``2023-11-07T10:15:00+07:00``)
    and the strings sites print: ``Tayang: Senin, 9 Juni 2025 20:52 WITA``,
    ``Selasa, 07 November 2023 - 10:15 WIB``, ``Jumat, 10 November 2023, 11:26 WIB``,
    ``10/11/2023`` (day first), ``2015/08/25``, ``07 Nov 2023``, ``10-Apr-19``.
    A numeric date whose day-first reading is impossible but month-first is not
    (``10/22/2025 9:53``, a scraper's US format) is read month first.

    Args:
        value: the string to read.

    Returns:
        ``YYYY-MM-DD``, or an ISO date-time (``2025-06-09T20:52:00+08:00``) when a
        time is given (with its offset when a zone is given: WIB +07:00, WITA
        +08:00, WIT +09:00); ``None`` when no date can be read.

    Raises:
        TypeError: ``value`` is not a string.
    """
    if not isinstance(value, str):
        raise TypeError(f"published: expected str, got {type(value).__name__}")
    cleaned = regex.sub(r"_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b-\x1f\u200b\ufeff]", " ", value).strip()
    cleaned = cleaned.replace("\u00a0", " ")
    if not cleaned or len(cleaned) > 200:
        return None
    try:
        iso = _iso(cleaned)
    except ValueError:
        return None
    if iso:
        return iso
    patterns = _published_patterns()
    for name in _READ_ORDER:
        match = patterns[name].search(cleaned)
        if match is None:
            continue
        date = _match_date(name, match)
        if date is not None:
            return _with_time(date, match)
    return None


def _zone(match: regex.Match[str]) -> dt.tzinfo | None:
    """The time zone written after a time: WIB/WITA/WIT, Z/UTC/GMT (with an offset) or ``+07:00``."""
    zone = match.group("tz")
    if zone in TZ_OFFSETS:
        return dt.timezone(dt.timedelta(hours=int(TZ_OFFSETS[zone][1:3])))
    if zone in ("Z", "UTC", "GMT"):
        offset = match.group("gmtoff")
        return dt.timezone(dt.timedelta(hours=int(offset))) if offset else dt.UTC
    if zone:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    return None


def _with_time(date: dt.date, match: regex.Match[str]) -> str:
    """``date`` with the time of ``match`` (an ISO date-time), or the bare ISO date when it has none."""
    if match.group("H") is None:
        return date.isoformat()
    hour, minute, second = int(match.group("H")), int(match.group("M")), int(match.group("S") or 0)
    ampm = (match.group("ampm") or "").casefold()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return dt.datetime(date.year, date.month, date.day, hour, minute, second, tzinfo=_zone(match)).isoformat()
