"""The date lexicons of ``resources/dates/``: months, weekdays, relative words and date words.

* ``months.tsv`` (``form, month, kind``): month names as news writes them, with the
  ``Nopember``/``Pebruari``/``Agt`` spellings; ``kind`` ``full`` may stand alone, ``abbr`` and
  ``english`` only with a day or a year. :func:`month_names` is the loader every rule shares.
* ``weekdays.tsv`` (``form, index, name``), ``relative.tsv`` (``phrase, unit, offset``) and
  ``year_blockers.tsv`` (``word, kind``): see :class:`DateLexicon`.
* ``words.tsv`` (``word, kind``): the words the date patterns are built from (words that open
  a date, regulation names, the ``lalu``/``mendatang`` tails, parts of the day, quantity cues,
  the ``hingga``/``s/d`` words of ranges, the ``kuartal``/``semester`` periods).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .table import LexiconError, read_table

MONTH_KINDS = frozenset({"full", "abbr", "english"})
WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
UNITS = frozenset({"day", "week", "month", "year"})
BLOCKER_KINDS = frozenset({"unit", "money", "counter", "noun"})
WORD_KINDS = frozenset(
    {
        "context",
        "edge",
        "law",
        "opener",
        "back",
        "forward",
        "tail",
        "part_of_day",
        "quantity_cue",
        "count",
        "range",
        "period",
        "hijri",
        "era",
        "street",
        "compare",
    }
)


@dataclass(frozen=True, slots=True)
class DateLexicon:
    """Month, weekday, relative-word and quantity-word tables, loaded once."""

    months: dict[str, tuple[int, str]]  # casefolded form -> (month, kind)
    weekdays: dict[str, tuple[int, str]]  # casefolded form -> (index, canonical name)
    relative: dict[str, tuple[str, int]]  # phrase -> (unit, offset)
    year_blockers: dict[str, str]  # casefolded word -> unit | money | counter | noun


def _table(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """A table of ``resources/dates/`` whose every column must be filled."""
    return read_table(f"dates/{name}", columns, required=columns)


def _bad_row(name: str, row: dict[str, str], why: str) -> LexiconError:
    return LexiconError(f"resources/dates/{name}: {why} in {row!r}")


@functools.cache
def month_names() -> dict[str, tuple[int, str]]:
    """``resources/dates/months.tsv``: casefolded form -> ``(month 1-12, kind)`` (cached).

    Raises:
        LexiconError: a month outside 1-12 or a kind other than full, abbr or english.
    """
    months: dict[str, tuple[int, str]] = {}
    for row in _table("months.tsv", ("form", "month", "kind")):
        month = int(row["month"])
        if not 1 <= month <= 12 or row["kind"] not in MONTH_KINDS:
            raise _bad_row("months.tsv", row, "bad month or kind")
        months[row["form"].casefold()] = (month, row["kind"])
    return months


def _weekdays() -> dict[str, tuple[int, str]]:
    weekdays: dict[str, tuple[int, str]] = {}
    for row in _table("weekdays.tsv", ("form", "index", "name")):
        index = int(row["index"])
        if not 0 <= index <= 6 or row["name"] not in WEEKDAY_NAMES:
            raise _bad_row("weekdays.tsv", row, "bad index or name")
        weekdays[row["form"].casefold()] = (index, row["name"])
    return weekdays


def _relative() -> dict[str, tuple[str, int]]:
    relative: dict[str, tuple[str, int]] = {}
    for row in _table("relative.tsv", ("phrase", "unit", "offset")):
        if row["unit"] not in UNITS:
            raise _bad_row("relative.tsv", row, "unknown unit")
        relative[" ".join(row["phrase"].casefold().split())] = (row["unit"], int(row["offset"]))
    return relative


def _year_blockers() -> dict[str, str]:
    blockers: dict[str, str] = {}
    for row in _table("year_blockers.tsv", ("word", "kind")):
        if row["kind"] not in BLOCKER_KINDS:
            raise _bad_row("year_blockers.tsv", row, "unknown kind")
        blockers[row["word"].casefold()] = row["kind"]
    return blockers


@functools.cache
def load_lexicon() -> DateLexicon:
    """Load and check the date lexicons of ``resources/dates`` (cached).

    Raises:
        LexiconError: a table has the wrong header, an empty value or an unknown kind.
    """
    return DateLexicon(month_names(), _weekdays(), _relative(), _year_blockers())


@functools.cache
def _word_table() -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {kind: [] for kind in sorted(WORD_KINDS)}
    for row in _table("words.tsv", ("word", "kind")):
        if row["kind"] not in WORD_KINDS:
            raise _bad_row("words.tsv", row, "unknown kind")
        grouped[row["kind"]].append(" ".join(row["word"].split()))
    return {kind: tuple(words) for kind, words in grouped.items()}


def date_words(kind: str) -> tuple[str, ...]:
    """The words of ``resources/dates/words.tsv`` of one ``kind``, in file order.

    Raises:
        KeyError: ``kind`` is not one of :data:`WORD_KINDS`.
    """
    return _word_table()[kind]


def word_alternation(kind: str, space: str = r"\s{1,3}") -> str:
    """A regex alternation of the words of ``kind`` in file order, inner spaces as ``space``."""
    return "|".join(space.join(regex.escape(part) for part in word.split()) for word in date_words(kind))


def literal_alternation(forms: list[str]) -> str:
    """A regex alternation of literal forms, longest first (so ``Agustus`` beats ``Agu``)."""
    return "|".join(regex.escape(form) for form in sorted(set(forms), key=lambda form: (-len(form), form)))
