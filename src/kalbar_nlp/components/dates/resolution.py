"""Resolution: a candidate read into a record entry with an ISO value and a grain.

A year missing from a day and month is taken from the anchor (the publication date, or the
article's first full date); near a year boundary the year that makes the written weekday agree
is preferred. Relative words count from the caller's publication date, and not at all inside
a direct quotation (they count from the day the words were spoken).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ...lexicons.dates import WEEKDAY_NAMES
from ...text.calendar import safe_date, shift_month
from .candidates import BACK, FORWARD, Candidate

_QUOTE_LOOKBACK = 3000  # characters of a paragraph searched for an open quotation mark
_NEAR_DAYS = 200  # a year-less date is taken within about half a year of the anchor
_RELATIVE_KINDS = ("rel", "wdrel")


def pick_year(anchor: dt.date, month: int, day: int | None, weekday: int | None, tail: str) -> int:
    """The year of a day/month (or a month alone) written without one, seen from ``anchor``.

    ``lalu`` points back and ``mendatang``/``nanti`` forward; otherwise the
    occurrence nearest the anchor (within about half a year) is taken, and where
    two years are that near, the one whose weekday agrees with the written one.
    """
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        date = safe_date(year, month, day or 1)
        if date is None:
            continue
        reference = anchor if day is not None else dt.date(anchor.year, anchor.month, 1)
        delta = (date - reference).days
        if (tail in BACK and delta > 0) or (tail in FORWARD and delta < 0):
            continue
        options.append((year, date, abs(delta)))
    if not options:
        return anchor.year
    near = [option for option in options if option[2] <= _NEAR_DAYS] or [
        min(options, key=lambda option: option[2])
    ]
    if weekday is not None and day is not None:
        matching = [option for option in near if option[1].weekday() == weekday]
        if matching:
            near = matching
    return min(near, key=lambda option: option[2])[0]


def in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks opened earlier in its paragraph."""
    start = max(text.rfind("\n", max(0, pos - _QUOTE_LOOKBACK), pos) + 1, pos - _QUOTE_LOOKBACK, 0)
    segment = text[start:pos]
    curly = segment.count("“") - segment.count("”")
    return curly > 0 or segment.count('"') % 2 == 1


def _monday(anchor: dt.date, weeks: int) -> dt.date:
    return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=weeks)


def _day_value(cand: Candidate, anchor: dt.date, rec: dict[str, Any]) -> None:
    rec["value"] = (anchor + dt.timedelta(days=cand.rel[1])).isoformat()  # type: ignore[index]


def _week_value(cand: Candidate, anchor: dt.date, rec: dict[str, Any]) -> None:
    monday = _monday(anchor, cand.rel[1])  # type: ignore[index]
    rec["week"] = [monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()]


def _weekday_value(cand: Candidate, anchor: dt.date, rec: dict[str, Any]) -> None:
    step_sign = cand.rel[1]  # type: ignore[index]
    back, ahead = (anchor.weekday() - cand.weekday) % 7, (cand.weekday - anchor.weekday()) % 7  # type: ignore[operator]
    step = (back or 7) if step_sign < 0 else (ahead or 7)
    rec["value"] = (anchor + dt.timedelta(days=-step if step_sign < 0 else step)).isoformat()


def _weekday_of_week_value(cand: Candidate, anchor: dt.date, rec: dict[str, Any]) -> None:
    monday = _monday(anchor, cand.rel[1])  # type: ignore[index]
    rec["value"] = (monday + dt.timedelta(days=cand.weekday)).isoformat()  # type: ignore[arg-type]


def _calendar_year(year: int) -> int:
    """``year`` when the calendar has it (1-9999, as :class:`datetime.date`).

    Raises:
        OverflowError: the year is outside the calendar.
    """
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"year {year} is out of range")
    return year


def _month_value(cand: Candidate, anchor: dt.date, rec: dict[str, Any]) -> None:
    year, month = shift_month(anchor.year, anchor.month, cand.rel[1])  # type: ignore[index]
    rec["value"] = f"{_calendar_year(year):04d}-{month:02d}"


def _year_value(cand: Candidate, anchor: dt.date, rec: dict[str, Any]) -> None:
    rec["value"] = f"{_calendar_year(anchor.year + cand.rel[1]):04d}"  # type: ignore[index]


#: How a relative word's unit is counted from the anchor day.
RELATIVE_UNITS: dict[str, Callable[[Candidate, dt.date, dict[str, Any]], None]] = {
    "day": _day_value,
    "week": _week_value,
    "weekday": _weekday_value,
    "weekday_of_week": _weekday_of_week_value,
    "month": _month_value,
    "year": _year_value,
}
_UNIT_GRAINS = {"week": None, "weekday": "day", "weekday_of_week": "day"}


def _relative(
    text: str, cand: Candidate, anchor: dt.date | None, rec: dict[str, Any], notes: list[str]
) -> dict[str, Any]:
    unit = cand.rel[0]  # type: ignore[index]
    rec["grain"] = _UNIT_GRAINS.get(unit, unit)
    if cand.weekday_name:
        rec["weekday"] = cand.weekday_name
    if in_quote(text, cand.start):
        rec["rule"] = "relative_in_quote"
        return rec
    if anchor is None:
        return rec
    try:
        RELATIVE_UNITS[unit](cand, anchor, rec)
    except OverflowError:
        rec["value"] = None
        rec.pop("week", None)
        notes.append(
            f"dates: {rec['text']!r} counted from {anchor.isoformat()} falls outside the calendar "
            "(years 1-9999); it was left unresolved"
        )
    return rec


def _year_of(cand: Candidate, anchor: dt.date, rel_anchor: dt.date | None, rec: dict[str, Any]) -> int:
    """The candidate's year, or the one picked from ``anchor`` (noted in ``year_from``)."""
    if cand.year is not None:
        if cand.year_from:
            rec["year_from"] = cand.year_from
        return cand.year
    rec["year_from"] = "published" if rel_anchor else "article"
    return pick_year(anchor, cand.month, cand.day, cand.weekday, cand.tail)  # type: ignore[arg-type]


def _fixed(
    text: str,
    cand: Candidate,
    anchor: dt.date | None,
    rel_anchor: dt.date | None,
    rec: dict[str, Any],
    notes: list[str],
) -> dict[str, Any]:
    if cand.weekday_name is not None:
        rec["weekday"] = cand.weekday_name
    if cand.day is None and cand.month is None:  # year grain
        rec["value"], rec["grain"] = f"{cand.year:04d}", "year"
        return rec
    rec["grain"] = "month" if cand.day is None else "day"
    if cand.year is None and anchor is None:
        return rec
    year = _year_of(cand, anchor, rel_anchor, rec)  # type: ignore[arg-type]
    if cand.day is None:
        rec["value"] = f"{year:04d}-{cand.month:02d}"
        return rec
    mention = rec["text"]
    date = safe_date(year, cand.month, cand.day)  # type: ignore[arg-type]
    if date is None:
        notes.append(f"dates: {mention!r} is not a calendar date; it was left unresolved")
        return rec
    rec["value"] = date.isoformat()
    if cand.weekday is not None:
        agrees = date.weekday() == cand.weekday
        rec["weekday_matches"] = agrees
        if not agrees:
            notes.append(
                f"dates: {mention!r} says {cand.weekday_name}, but {date.isoformat()} is a "
                f"{WEEKDAY_NAMES[date.weekday()]}; the date's numbers were kept",
            )
    return rec


def resolve(
    text: str, cand: Candidate, anchor: dt.date | None, rel_anchor: dt.date | None, notes: list[str]
) -> dict[str, Any]:
    """The record entry of one candidate; warnings about it are appended to ``notes``.

    Args:
        text: the article text.
        cand: the candidate.
        anchor: the day a year-less date is read from (publication date or the article's own).
        rel_anchor: the caller's publication date, the day relative words count from.
        notes: collects the warnings.

    Returns:
        ``{text, start, end, value, grain, weekday, weekday_matches, time, timezone, relative, rule}``
        and, where they apply, ``range``, ``week`` and ``year_from``.
    """
    rec: dict[str, Any] = {
        "text": text[cand.start : cand.end],
        "start": cand.start,
        "end": cand.end,
        "value": None,
        "grain": None,
        "weekday": None,
        "weekday_matches": None,
        "time": None,
        "timezone": None,
        "relative": cand.kind in _RELATIVE_KINDS,
        "rule": cand.kind,
    }
    if cand.part:
        rec["range"] = cand.part
    if cand.kind in _RELATIVE_KINDS:
        return _relative(text, cand, rel_anchor, rec, notes)
    return _fixed(text, cand, anchor, rel_anchor, rec, notes)
