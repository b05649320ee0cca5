"""Component ``kalbar_dates``: every date mention of an Indonesian news article.

The finder is one precompiled pattern (``regex`` module, bounded repetitions
only), tried in one left-to-right pass at the tokens that can open a date (a
number, ``(``, a month, weekday, relative or context word such as ``pada``,
``tahun``, ``UU``), plus one pattern for clock times. The date words are data in
``resources/dates/`` (months with ``Nopember``/``Pebruari``/``Agt`` spellings,
weekdays, relative words, quantity words). Each match is resolved to an ISO
value with a grain:

* weekday plus numbers: ``Selasa (07/11/2023)``, ``Senin (6/11)``, ``Sabtu malam
  (19/07/2025)``, ``Sabtu (4/11/2023) malam``; always day/month/year order;
* written dates: ``7 November 2023``, ``Senin, 7 Nopember 2023``, ``11 November``,
  ``1-3 Agt 2024``; months and years: ``Februari 2025``, ``akhir Oktober lalu``;
* years: ``tahun 2024``, ``Pilkada 2024``, ``kuartal I-2019``, ``UU Nomor 12 Tahun 2022``,
  ``UU Darurat No.12/1951``; periods ``2020-2024`` and school years
  ``2025/2026`` give one entry per endpoint;
* relative words (``kemarin``, ``besok``, ``lusa``, ``pekan lalu``, ``bulan depan``,
  ``tahun lalu``), resolved against the caller's publication date.

A day or month written without a year inside a range or a list whose year is written
once (``Januari hingga Juni 2025``, ``pada Juni, Juli, dan Agustus 2024``) takes
that year (:mod:`.shared_years`). Any other year missing from a day and month is
taken from the publication date (or, when the caller gave none, from the article's
first full date, which then becomes the record's ``published`` with a warning); near
a year boundary the year that makes the written weekday agree is preferred. A
weekday that contradicts its date keeps the number's date, sets ``weekday_matches:
false`` and adds a warning. Clock times (``pukul 09.00 WIB``) are never dates: they
are attached to the date of their sentence. Text inside ``doc._.kalbar_boilerplate``
ranges is skipped.

Relative words inside direct quotations are listed with ``value: null``: they
count from the day the words were spoken, which the article does not pin down
(``"besok kami berangkat," katanya, Sabtu (10/2)`` in an article published on
Sunday means Sunday, not Monday). Outside quotations they count from the
publication date the caller gave; without one they stay unresolved. A relative
date that would fall outside the calendar (before year 1 or after 9999) stays
unresolved with a warning.

The package: :mod:`.patterns` (the compiled patterns), :mod:`.candidates` (matches
read into numbers, one reader per shape), :mod:`.checks` (the text around a match: a
year or a quantity, a date's place, a street name), :mod:`.shared_years` (years shared
across a range or list), :mod:`.resolution` (ISO values and grains), :mod:`.times`
(clock times); the lexicon is :mod:`kalbar_nlp.lexicons.dates`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401
from ...extensions import add_warning
from ...text.calendar import anchor_date, safe_date
from ...text.ranges import boilerplate_ranges, merge_overlapping
from ...text.source import doc_text
from .candidates import Candidate, scan
from .patterns import date_patterns
from .resolution import resolve
from .shared_years import share_years
from .times import attach_times

__all__ = ["DateFinder", "make_dates"]

_MAX_DATE_WARNINGS = 10


def _first_full(cands: list[Candidate]) -> Candidate | None:
    """The article's reference date, used when the caller gave no publication date.

    The first ``Weekday (d/m/yyyy)`` (the form reports use for the day of the
    event or statement), else the first full date with a weekday, else the first
    full date.
    """
    full = [cand for cand in cands if cand.full and safe_date(cand.year, cand.month, cand.day) is not None]  # type: ignore[arg-type]
    with_weekday = [cand for cand in full if cand.weekday is not None]
    for pick in ([cand for cand in full if cand.kind == "wdnum"], with_weekday, full):
        if pick:
            return pick[0]
    return None


def _month_first(raw: str, current: dt.date, cands: list[Candidate]) -> dt.date | None:
    """The month-first reading of ``raw`` when the article's full dates agree with it, else ``None``."""
    match = regex.match(r"\D{0,40}?(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)", raw)
    if match is None:
        return None
    day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    alternative = safe_date(year, day, month)
    if alternative is None or day == month or safe_date(year, month, day) != current:
        return None
    full = [
        date for date in (safe_date(cand.year, cand.month, cand.day) for cand in cands if cand.full) if date
    ]  # type: ignore[arg-type]
    if not full:
        return None
    distance_current = min(abs((date - current).days) for date in full)
    distance_alternative = min(abs((date - alternative).days) for date in full)
    return alternative if distance_alternative <= 3 < distance_current else None


def _check_published(doc: Doc, cands: list[Candidate]) -> str | None:
    """Reread an ambiguous numeric publication date month first when the article's dates say so.

    Some scrapers store ``8/7/2025 16:15`` for 7 August (US order). Day first is
    the rule; it is given up only when the article's own full dates lie within
    three days of the month-first reading and farther from the day-first one.
    """
    given = doc._.kalbar_published
    raw = (doc._.kalbar_meta or {}).get("published_raw")
    current = anchor_date(given)
    if current is None or not isinstance(raw, str):
        return given
    alternative = _month_first(raw, current, cands)
    if alternative is None:
        return given
    new = alternative.isoformat() + given[10:]  # type: ignore[index]
    doc._.kalbar_published = new
    add_warning(
        doc,
        f"published: {raw.strip()!r} was read month first ({alternative.isoformat()}), "
        "because the article's own dates agree with that reading",
    )
    return new


class DateFinder:
    """The ``kalbar_dates`` component: writes ``doc._.kalbar_dates`` and ``doc.spans[spans_key]``."""

    def __init__(
        self, nlp: Language, name: str, spans_key: str = "kalbar_dates", infer_published: bool = True
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.infer_published = infer_published
        self.pat = date_patterns()

    def _anchor(self, doc: Doc, cands: list[Candidate], given: str | None) -> dt.date | None:
        """The day year-less dates are read from: the publication date, else the article's first full date."""
        anchor = anchor_date(given)
        if anchor is not None:
            return anchor
        inferred_from = _first_full(cands)
        if inferred_from is None:
            return None
        anchor = safe_date(inferred_from.year, inferred_from.month, inferred_from.day)  # type: ignore[arg-type]
        if anchor is not None and self.infer_published:
            doc._.kalbar_published = anchor.isoformat()
            add_warning(
                doc,
                f"published: not given; taken as {anchor.isoformat()} from the date "
                f"{doc_text(doc)[inferred_from.start : inferred_from.end]!r} in the text",
            )
        return anchor

    def __call__(self, doc: Doc) -> Doc:
        """Find, resolve and write the dates of ``doc``."""
        text = doc_text(doc)
        cands = share_years(text, scan(text, merge_overlapping(boilerplate_ranges(doc))))
        doc._.kalbar_published = (doc._.kalbar_meta or {}).get("published")
        given = _check_published(doc, cands)
        anchor = self._anchor(doc, cands, given)
        notes: list[str] = []
        dates = [resolve(text, cand, anchor, anchor_date(given), notes) for cand in cands]
        distinct = list(dict.fromkeys(notes))
        for note in distinct[:_MAX_DATE_WARNINGS]:
            add_warning(doc, note)
        if len(distinct) > _MAX_DATE_WARNINGS:
            add_warning(doc, f"dates: {len(distinct) - _MAX_DATE_WARNINGS} more date warnings were left out")
        attach_times(text, dates)
        doc._.kalbar_dates = dates
        if self.spans_key:
            self._write_spans(doc, dates)
        return doc

    def _write_spans(self, doc: Doc, dates: list[dict[str, Any]]) -> None:
        spans = []
        for date in dates:
            span = doc.char_span(
                date["start"], date["end"], label=date["grain"] or "DATE", alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans


@Language.factory(
    "kalbar_dates",
    default_config={"spans_key": "kalbar_dates", "infer_published": True},
    assigns=["doc._.kalbar_dates", "doc._.kalbar_published", "doc._.kalbar_warnings"],
    requires=["doc._.kalbar_boilerplate"],
)
def make_dates(nlp: Language, name: str, spans_key: str, infer_published: bool) -> DateFinder:
    """Create the ``kalbar_dates`` component (see the package docstring)."""
    return DateFinder(nlp, name, spans_key=spans_key, infer_published=infer_published)
