"""Date candidates: the matches of the date pattern, checked and read into numbers.

:func:`scan` runs the pattern at every token that can open a date and hands each match to
the reader of its shape (one small function per kind in :data:`READERS`); a reader returns
the :class:`Candidate` s of the match, or none when the numbers are no date (a quantity, a
code, a span of time).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import regex

from ...lexicons.dates import date_words, load_lexicon
from ...text.calendar import two_digit_year
from .checks import dm_context, relative_ok, street_name_before, week_reading, year_ok
from .patterns import TOKEN, date_patterns

#: The kinds of match, in the order of the pattern's alternatives.
KINDS = (
    "wdnum",
    "numrange",
    "wdtext",
    "law",
    "iso",
    "numdate",
    "textdate",
    "mdy",
    "monyear",
    "month",
    "period",
    "yrange",
    "year",
    "wdrel",
    "rel",
)
BACK = frozenset(date_words("back"))
FORWARD = frozenset(date_words("forward"))
EDGES = frozenset(date_words("edge"))


@dataclass(slots=True)
class Candidate:
    """A raw match before resolution."""

    kind: str
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday, as date.weekday()
    weekday_name: str | None = None  # the canonical spelling of the written weekday
    tail: str = ""
    part: str | None = None  # range endpoint: "start" / "end"
    rel: tuple[str, int] | None = None
    edge: str | None = None
    year_from: str | None = None  # "context": the year was taken from a date beside it (shared_years)

    @property
    def full(self) -> bool:
        """Whether day, month and year are all known."""
        return self.day is not None and self.month is not None and self.year is not None


@dataclass(frozen=True, slots=True)
class _Hit:
    """One match with what every reader needs: its tail word, its end before the tail, its weekday."""

    text: str
    match: regex.Match[str]
    tail: str
    end: int
    weekday: tuple[int, str] | None

    def group(self, name: str) -> str | None:
        return self.match.group(name)


def _month(form: str | None) -> tuple[int, str] | None:
    if not form:
        return None
    return load_lexicon().months.get(form.casefold().rstrip("."))


def _weekday(form: str | None) -> tuple[int, str] | None:
    if not form:
        return None
    return load_lexicon().weekdays.get(form.casefold().replace("`", "'"))


def _weekday_fields(weekday: tuple[int, str] | None) -> tuple[int | None, str | None]:
    """``(index, canonical name)`` of a written weekday, or ``(None, None)``."""
    return (weekday[0], weekday[1]) if weekday else (None, None)


def _numeric(hit: _Hit, kind: str) -> list[Candidate]:
    """``Selasa (07/11/2023)``, ``(6/11)``, ``07/11/2023``, ``2023-11-07``."""
    day, month = int(hit.group("d")), int(hit.group("m"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return []
    year = hit.group("y")
    if kind == "numdate" and year is None:
        if hit.group("sep") != "/" or not dm_context(hit.text, hit.match.start()):
            return []
    if kind == "wdnum" and year is None and hit.group("sep") not in "/":
        return []
    full_year = None if year is None else (int(year) if len(year) == 4 else two_digit_year(int(year)))
    return [
        Candidate(
            kind, hit.match.start(), hit.end, day, month, full_year, *_weekday_fields(hit.weekday), hit.tail
        )
    ]


def _numeric_range(hit: _Hit, kind: str) -> list[Candidate]:
    """``Sabtu-Minggu (14-15/6/2025)``, ``(14-15/6)``, ``(30/5-2/6/2025)``: one candidate per end."""
    last_month = int(hit.group("m"))
    first_month = int(hit.group("m1")) if hit.group("m1") else last_month
    first, last = int(hit.group("d")), int(hit.group("d2"))
    if not (1 <= first <= 31 and 1 <= last <= 31 and 1 <= first_month <= 12 and 1 <= last_month <= 12):
        return []
    if first_month == last_month and first >= last:
        return []
    year = hit.group("y")
    start = hit.match.start()
    if year is None and not hit.weekday and not (hit.group("paren") and dm_context(hit.text, start)):
        return []  # "2-3/4" alone is a fraction or a score
    last_year = None if year is None else (int(year) if len(year) == 4 else two_digit_year(int(year)))
    # "(30/12-2/1/2025)": the first day lies in the year before
    first_year = last_year - 1 if last_year is not None and first_month > last_month else last_year
    # a weekday is checked only where each end has its own ("Sabtu-Minggu")
    weekdays = [hit.weekday, _weekday(hit.group("wd2"))] if hit.group("wd2") else [None, None]
    ends = ((first, first_month, first_year), (last, last_month, last_year))
    return [
        Candidate(kind, start, hit.end, day, month, end_year, *_weekday_fields(weekday), hit.tail, part)
        for (day, month, end_year), weekday, part in zip(ends, weekdays, ("start", "end"), strict=True)
    ]


def _written_days(hit: _Hit) -> tuple[int, list[int], list[str | None]]:
    """The days of a written date with the match's start and each day's range part (none when no day)."""
    listed = [int(day) for day in hit.match.captures("dl")]
    days = [int(hit.group("d")), *listed] + ([int(hit.group("d2"))] if hit.group("d2") else [])
    start = hit.match.start()
    if not all(1 <= day <= 31 for day in days):
        return start, [], []
    if any(later <= earlier for earlier, later in itertools.pairwise(days)):
        if listed:  # "kalah 3, 1 Juni": no list of days, only the last number is the day
            start = hit.match.start("d2") if hit.group("d2") else hit.match.starts("dl")[-1]
            days = days[-1:]
        else:
            days = days[:1]
    parts: list[str | None] = ["start", "end"] if len(days) == 2 and not listed else [None] * len(days)
    return start, days, parts


def _written(hit: _Hit, kind: str) -> list[Candidate]:
    """``7 November 2023``, ``Senin, 7 Nopember 2023``, ``11 November``, ``1-3 Agt``, ``Juni 10, 2025``."""
    month_info = _month(hit.group("mon"))
    if month_info is None:
        return []
    month, month_kind = month_info
    if kind == "mdy" and not year_ok(hit.text, hit.match):
        return []  # "Mei 5, 2025 orang": a count after all
    year = int(hit.group("y")) if hit.group("y") else None
    end = hit.end
    if month_kind == "full" and not hit.group("y") and not hit.group("tail") and hit.text[end - 1] == ".":
        end -= 1  # "pada 22 Agustus." : the period ends the sentence
    if month_kind != "full" and year is None:
        return []
    if kind == "textdate" and year is None and street_name_before(hit.text, hit.match.start()):
        return []  # "Jalan 28 Oktober", "Stadion Gelora 10 November": a name
    start, days, parts = _written_days(hit)
    return [
        Candidate(kind, start, end, day, month, year, *_weekday_fields(hit.weekday), hit.tail, part)
        for day, part in zip(days, parts, strict=True)
    ]


def _month_year(hit: _Hit, kind: str) -> list[Candidate]:
    """``Februari 2025``, ``akhir Oktober 2024``, ``Januari-Maret 2024``."""
    months = [_month(hit.group("mon"))] + ([_month(hit.group("mon2"))] if hit.group("mon2") else [])
    if any(month is None for month in months):
        return []
    # abbreviated and English months must be capitalised ("Mar 2024", not "mar")
    if months[0][1] != "full" and not hit.group("mon")[:1].isupper():  # type: ignore[index]
        return []
    if not year_ok(hit.text, hit.match):
        return []
    year = int(hit.group("y"))
    parts = [None] if len(months) == 1 else ["start", "end"]
    # "Desember hingga Februari 2025": the first month lies in the year before
    years = [year - 1 if part == "start" and months[0][0] > months[1][0] else year for part in parts]  # type: ignore[index]
    return [
        Candidate(
            kind,
            hit.match.start(),
            hit.end,
            None,
            month[0],
            month_year,
            tail=hit.tail,
            part=part,
            edge=hit.group("edge"),
        )
        for month, part, month_year in zip(months, parts, years, strict=True)  # type: ignore[misc]
    ]


def _month_alone(hit: _Hit, kind: str) -> list[Candidate]:
    """``pada Oktober``, ``akhir Oktober lalu``, ``sejak bulan Mei``, ``Juni lalu``."""
    month = _month(hit.group("mon"))
    if month is None:
        return []
    match = hit.match
    start = match.start("mon")
    context = (hit.group("ctx") or "").casefold()  # none in "Juni lalu": the word after it says which
    if context in EDGES or context == "bulan":
        start = match.start("ctx")
    elif context and hit.text[match.end("ctx") : match.start("mon")].strip():  # "pada bulan Mei"
        start = match.end("ctx") + 1
    return [Candidate(kind, start, hit.end, None, month[0], None, tail=hit.tail, edge=context)]


def _weekday_relative(hit: _Hit, kind: str) -> list[Candidate]:
    """``Jumat lalu``, ``Senin yang akan datang``, ``Jumat pekan lalu``; ``minggu lalu`` as "last week"."""
    word = " ".join(hit.group("wdr").split()).casefold()  # type: ignore[union-attr]
    weekday = hit.weekday
    if weekday is None:
        return []
    match = hit.match
    if weekday[1] == "Minggu" and word in ("lalu", "depan", "kemarin") and week_reading(hit.text, match):
        return [Candidate("rel", match.start(), match.end(), rel=("week", 1 if word == "depan" else -1))]
    week = load_lexicon().relative.get(word)
    if week is not None and week[0] == "week":  # "Jumat pekan lalu": the Friday of last week
        rel = ("weekday_of_week", week[1])
        return [
            Candidate(kind, match.start(), match.end(), weekday=weekday[0], weekday_name=weekday[1], rel=rel)
        ]
    step = -1 if word in BACK else 1
    return [
        Candidate(
            kind,
            match.start(),
            match.end(),
            weekday=weekday[0],
            weekday_name=weekday[1],
            rel=("weekday", step),
        )
    ]


def _law(hit: _Hit, kind: str) -> list[Candidate]:
    """``UU Nomor 12 Tahun 2022``, ``UU Darurat No.12/1951``: the year of a regulation."""
    return [Candidate(kind, hit.match.start(), hit.match.end(), year=int(hit.group("y")))]  # type: ignore[arg-type]


def _year_range(hit: _Hit, kind: str) -> list[Candidate]:
    """``2020-2024``, ``2025/2026``: one candidate per endpoint."""
    first = int(hit.group("y"))  # type: ignore[arg-type]
    second_text = hit.group("y2")
    second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)  # type: ignore[arg-type]
    if not year_ok(hit.text, hit.match) or not 0 < second - first <= 60:
        return []
    start, end = hit.match.start(), hit.match.end()
    return [
        Candidate(kind, start, end, year=first, part="start"),
        Candidate(kind, start, end, year=second, part="end"),
    ]


def _year(hit: _Hit, kind: str) -> list[Candidate]:
    """``tahun 2024``, ``Pilkada 2024``, ``2024 lalu``; the year of ``kuartal I-2019``."""
    if not year_ok(hit.text, hit.match):
        return []
    return [Candidate(kind, hit.match.start(), hit.end, year=int(hit.group("y")), tail=hit.tail)]  # type: ignore[arg-type]


def _relative(hit: _Hit, kind: str) -> list[Candidate]:
    """``kemarin``, ``besok``, ``pekan lalu``, ``bulan depan``, ``tahun lalu``."""
    text, match = hit.text, hit.match
    phrase = " ".join(hit.group("relw").casefold().split())  # type: ignore[union-attr]
    if phrase in ("kemarin", "lalu") and regex.search(
        r"(?i:pekan|minggu|bulan|tahun)\s{1,3}$", text[max(0, match.start() - 10) : match.start()]
    ):
        return []
    info = load_lexicon().relative.get(phrase)
    if info is None or not relative_ok(text, match, phrase):
        return []
    if info[0] == "day" and date_patterns().date_next.match(text, match.end()):
        return []  # "kemarin Minggu (8/6/2025)": the written date that follows is the mention
    return [Candidate(kind, match.start(), match.end(), rel=info)]


READERS: dict[str, Callable[[_Hit, str], list[Candidate]]] = {
    "wdnum": _numeric,
    "numrange": _numeric_range,
    "numdate": _numeric,
    "iso": _numeric,
    "wdtext": _written,
    "textdate": _written,
    "mdy": _written,
    "monyear": _month_year,
    "month": _month_alone,
    "wdrel": _weekday_relative,
    "law": _law,
    "period": _year,
    "yrange": _year_range,
    "year": _year,
    "rel": _relative,
}


def candidates(text: str, match: regex.Match[str], kind: str) -> list[Candidate]:
    """The candidates of one match of kind ``kind`` (none when its numbers are no date)."""
    has_tail = "tail" in match.re.groupindex and match.group("tail")
    tail = " ".join(match.group("tail").split()).casefold() if has_tail else ""
    end = match.start("tail") if has_tail else match.end()
    hit = _Hit(text, match, tail, end, _weekday(match.group("wd")))
    return READERS[kind](hit, kind)


def scan(text: str, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Every date candidate of ``text`` outside the sorted, merged ``skip`` ranges, in text order."""
    out: list[Candidate] = []
    patterns = date_patterns()
    openers, match_at = patterns.openers, patterns.main.match
    skip_starts = [start for start, _end in skip]
    last = 0
    for token in TOKEN.finditer(text):
        pos = token.start()
        if pos < last:
            continue
        word = token.group()
        if not (
            word[0].isdigit() or word == "(" or word.casefold() in openers or word[:6].casefold() == "permen"
        ):
            continue
        match = match_at(text, pos)
        if match is None:
            continue
        last = match.end()
        if skip:
            index = bisect.bisect_right(skip_starts, match.start()) - 1
            if index >= 0 and match.start() < skip[index][1]:
                continue
        kind = next(name for name in KINDS if match.group(name) is not None)
        out.extend(candidates(text, match, kind))
    return out
