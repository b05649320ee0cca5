"""Calendar arithmetic shared by the date rules and the reader of publication dates."""

from __future__ import annotations

import datetime as dt


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date ``year-month-day``, or ``None`` when there is no such day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def two_digit_year(short: int) -> int:
    """The year a two-digit year stands for in news text: ``25`` is 2025, ``98`` is 1998."""
    return 2000 + short if short < 70 else 1900 + short


def shift_month(year: int, month: int, steps: int) -> tuple[int, int]:
    """``(year, month)`` ``steps`` months after (or, when negative, before) ``year-month``."""
    count = year * 12 + (month - 1) + steps
    return count // 12, count % 12 + 1


def anchor_date(published: str | None) -> dt.date | None:
    """The day of an ISO publication date or date-time, or ``None`` when there is none."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
