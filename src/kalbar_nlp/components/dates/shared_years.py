"""Years shared across a range or a list: a day or month without a year takes its neighbour's year.

News writes the year once, at the end of a range or a list of dates in one sentence:
``Januari hingga Juni 2025``, ``1 Mei s/d 5 Juni 2025``, ``tujuh kasus pada Juni, 12 pada Juli
dan 16 pada Agustus 2024``. A year-less date takes the year of the next dated mention of its
sentence when it comes earlier in the calendar year (or lies across New Year in a range:
``28 Desember hingga 3 Januari 2025``); the end of a range written without a year
(``1 Januari 2025 hingga 31 Maret``) takes the year of its start. A date with ``lalu``,
``mendatang`` or another tail word counts from the publication date and is left alone, as is
one whose written weekday would disagree with the shared year and one set against the other
date (``pada Juni naik dibandingkan Desember 2024``).
"""

from __future__ import annotations

import datetime as dt

import regex

from ...lexicons.dates import word_alternation
from ...text.calendar import safe_date
from .candidates import Candidate
from .patterns import date_patterns

#: Characters between a year-less date and the dated mention whose year it may take.
_WINDOW = 160
#: A word that sets the two dates against each other: "pada Juni naik dibandingkan Desember 2024".
_COMPARE = regex.compile(r"(?<!\w)(?i:" + word_alternation("compare") + r")(?!\w)")


def _order(cand: Candidate) -> tuple[int, int]:
    return (cand.month or 0, cand.day or 0)


def _open(cand: Candidate) -> bool:
    """A day or month written without a year and without a tail word."""
    return cand.month is not None and cand.year is None and not cand.tail and cand.rel is None


def _dated(cand: Candidate) -> bool:
    return cand.month is not None and cand.year is not None


def _weekday_agrees(cand: Candidate, year: int) -> bool:
    if cand.weekday is None or cand.day is None:
        return True
    date = safe_date(year, cand.month, cand.day)  # type: ignore[arg-type]
    return date is not None and date.weekday() == cand.weekday


def _take(cand: Candidate, year: int) -> None:
    # a neighbour at the calendar's edge (31/12/9999) has no year after it to share
    if dt.MINYEAR <= year <= dt.MAXYEAR and _weekday_agrees(cand, year):
        cand.year, cand.year_from = year, "context"


def _from_next(text: str, cand: Candidate, following: Candidate) -> None:
    """``cand`` takes the year of the dated mention after it in its sentence."""
    gap = text[cand.end : following.start]
    if len(gap) > _WINDOW or date_patterns().boundary.search(gap) or _COMPARE.search(gap):
        return
    if _order(cand) <= _order(following):
        _take(cand, following.year)  # type: ignore[arg-type]
    elif date_patterns().range_gap.fullmatch(gap):
        _take(cand, following.year - 1)  # type: ignore[operator]


def _from_previous(text: str, cand: Candidate, previous: Candidate) -> None:
    """The end of a range written without a year takes the year of its start."""
    if not date_patterns().range_gap.fullmatch(text[previous.end : cand.start]):
        return
    year = previous.year if _order(previous) <= _order(cand) else previous.year + 1  # type: ignore[operator]
    _take(cand, year)  # type: ignore[arg-type]


def share_years(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Give the year-less dates of ``cands`` (in text order) the year of the range or list they belong to.

    Args:
        text: the article text.
        cands: the candidates of :func:`.candidates.scan`, changed in place.

    Returns:
        ``cands``.
    """
    previous: Candidate | None = None
    for cand in cands:
        if _open(cand) and previous is not None and _dated(previous) and previous.end <= cand.start:
            _from_previous(text, cand, previous)
        previous = cand if cand.rel is None else previous
    following: Candidate | None = None
    for cand in reversed(cands):
        if _open(cand) and following is not None and _dated(following) and cand.end <= following.start:
            _from_next(text, cand, following)
        if cand.rel is None:
            following = cand
    return cands
