"""Clock times (``pukul 09.00 WIB``): never dates themselves, attached to the date of their sentence."""

from __future__ import annotations

import bisect
from typing import Any

import regex

from .patterns import date_patterns

_BEFORE_WINDOW = 120  # characters between a date and a time after it
_AFTER_WINDOW = 60  # characters between a time and a date after it
_LOOK_BACK = 3  # dates before a time that are looked at


def _date_before(text: str, days: list[dict[str, Any]], index: int, start: int) -> dict[str, Any] | None:
    """The nearest date before ``start`` in its sentence that has no time yet."""
    boundary = date_patterns().boundary.search
    for day in reversed(days[max(0, index - _LOOK_BACK) : index]):
        if day["end"] > start:
            continue
        gap = text[day["end"] : start]
        if len(gap) > _BEFORE_WINDOW or boundary(gap):
            return None
        if day["time"] is None:
            return day
    return None


def _date_after(text: str, days: list[dict[str, Any]], index: int, end: int) -> dict[str, Any] | None:
    """The date right after ``end`` in its sentence, when it has no time yet."""
    if index >= len(days) or days[index]["start"] < end or days[index]["time"] is not None:
        return None
    gap = text[end : days[index]["start"]]
    if len(gap) <= _AFTER_WINDOW and not date_patterns().boundary.search(gap):
        return days[index]
    return None


def _clock(time: regex.Match[str]) -> tuple[int, int] | None:
    hour, minute = int(time.group("h")), int(time.group("mi") or 0)
    if hour > 24 or (hour == 24 and minute):
        return None
    return hour, minute


def attach_times(text: str, dates: list[dict[str, Any]]) -> None:
    """Give each day-grain date the clock time (and zone) written in its sentence.

    A time goes to the nearest date before it in the same sentence (within 120
    characters), else to the next date after it (within 60 characters).
    """
    days = [date for date in dates if date["grain"] == "day" and not date["relative"]]
    if not days:
        return
    starts = [date["start"] for date in days]
    for time in date_patterns().time.finditer(text):
        clock = _clock(time)
        if clock is None:
            continue
        index = bisect.bisect_left(starts, time.start())
        best = _date_before(text, days, index, time.start()) or _date_after(text, days, index, time.end())
        if best is not None:
            best["time"] = f"{clock[0]:02d}:{clock[1]:02d}"
            best["timezone"] = time.group("tz")
