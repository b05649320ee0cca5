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
* years: ``tahun 2024``, ``Pilkada 2024``, ``UU Nomor 12 Tahun 2022``,
  ``UU Darurat No.12/1951``; periods ``2020-2024`` and school years
  ``2025/2026`` give one entry per endpoint;
* relative words (``kemarin``, ``besok``, ``lusa``, ``pekan lalu``, ``bulan depan``,
  ``tahun lalu``), resolved against the caller's publication date.

A year missing from a day and month is taken from the publication date (or, when
the caller gave none, from the article's first full date, which then becomes the
record's ``published`` with a warning); near a year boundary the year that makes
the written weekday agree is preferred. A weekday that contradicts its date keeps
the number's date, sets ``weekday_matches: false`` and adds a warning. Clock times
(``pukul 09.00 WIB``) are never dates: they are attached to the date of their
sentence. Text inside ``doc._.kalbar_boilerplate`` ranges is skipped.

Relative words inside direct quotations are listed with ``value: null``: they
count from the day the words were spoken, which the article does not pin down
(``"besok kami berangkat," katanya, Sabtu (10/2)`` in an article published on
Sunday means Sunday, not Monday). Outside quotations they count from the
publication date the caller gave; without one they stay unresolved.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..extensions import add_warning

# --------------------------------------------------------------------------- lexicons

_RESOURCE_DIR = "dates"
_UNITS = {"day", "week", "month", "year"}
_BLOCKER_KINDS = {"unit", "money", "counter", "noun"}
# words before a number that make it a quantity: "sebanyak 2024 siswa"
_QUANTITY_CUE = regex.compile(
    r"(?<!\w)(?i:sebanyak|sekitar|kurang\s+lebih|lebih\s+dari|kurang\s+dari|mencapai|total|berjumlah|jumlah"
    r"|setidaknya|sedikitnya|hampir|terdapat|ada|melibatkan|menampung|dari)\s{1,3}$"
)
_MONTH_KINDS = {"full", "abbr", "english"}
_WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_QUOTE_LOOKBACK = 3000  # characters of a paragraph searched for an open quotation mark
_MAX_DATE_WARNINGS = 10
_BACK = frozenset({"lalu", "silam", "kemarin", "yang lalu"})
_FORWARD = frozenset({"mendatang", "nanti", "besok", "depan"})
_TZ_OFFSETS = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}


def _read_tsv(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read one lexicon file of ``resources/dates``; check its header and row shape."""
    path = resources.files("kalbar_nlp") / "resources" / _RESOURCE_DIR / name
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0]) != columns:
        want = "\t".join(columns)
        raise ValueError(f"lexicon {name}: header must be {want!r}, got {rows[:1]!r}")
    out = []
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(columns) or not all(c.strip() for c in row):
            raise ValueError(f"lexicon {name}: row {n} must have {len(columns)} non-empty columns: {row!r}")
        out.append(dict(zip(columns, (c.strip() for c in row), strict=True)))
    return out


@dataclass(frozen=True, slots=True)
class DateLexicon:
    """Month, weekday, relative-word and quantity-word tables, loaded once."""

    months: dict[str, tuple[int, str]]  # casefolded form -> (month, kind)
    weekdays: dict[str, tuple[int, str]]  # casefolded form -> (index, canonical name)
    relative: dict[str, tuple[str, int]]  # phrase -> (unit, offset)
    year_blockers: dict[str, str]  # casefolded word -> unit | money | counter | noun


@functools.cache
def load_lexicon() -> DateLexicon:
    """Load and check the date lexicons of ``resources/dates`` (cached)."""
    months: dict[str, tuple[int, str]] = {}
    for r in _read_tsv("months.tsv", ("form", "month", "kind")):
        month = int(r["month"])
        if not 1 <= month <= 12 or r["kind"] not in _MONTH_KINDS:
            raise ValueError(f"lexicon months.tsv: bad row {r!r}")
        months[r["form"].casefold()] = (month, r["kind"])
    weekdays: dict[str, tuple[int, str]] = {}
    for r in _read_tsv("weekdays.tsv", ("form", "index", "name")):
        idx = int(r["index"])
        if not 0 <= idx <= 6 or r["name"] not in _WEEKDAY_NAMES:
            raise ValueError(f"lexicon weekdays.tsv: bad row {r!r}")
        weekdays[r["form"].casefold()] = (idx, r["name"])
    relative: dict[str, tuple[str, int]] = {}
    for r in _read_tsv("relative.tsv", ("phrase", "unit", "offset")):
        if r["unit"] not in _UNITS:
            raise ValueError(f"lexicon relative.tsv: unknown unit in {r!r}")
        relative[" ".join(r["phrase"].casefold().split())] = (r["unit"], int(r["offset"]))
    blockers: dict[str, str] = {}
    for r in _read_tsv("year_blockers.tsv", ("word", "kind")):
        if r["kind"] not in _BLOCKER_KINDS:
            raise ValueError(f"lexicon year_blockers.tsv: unknown kind in {r!r}")
        blockers[r["word"].casefold()] = r["kind"]
    return DateLexicon(months, weekdays, relative, blockers)


# --------------------------------------------------------------------------- patterns


def _alt(forms: list[str]) -> str:
    """A regex alternation of literal forms, longest first (so ``Agustus`` beats ``Agu``)."""
    return "|".join(regex.escape(f) for f in sorted(set(forms), key=lambda s: (-len(s), s)))


# Words that open a date expression besides month, weekday and relative words; the
# pattern below uses exactly these, and the scan tries the pattern only where a
# token is one of them, a number or "(" (a linear pass without trying every offset).
_CTX_WORDS = (
    "pada",
    "bulan",
    "akhir",
    "awal",
    "pertengahan",
    "medio",
    "sejak",
    "hingga",
    "sampai",
    "per",
    "selama",
    "jelang",
    "menjelang",
)
_EDGE_WORDS = ("awal", "akhir", "pertengahan", "medio")
_LAW_WORDS = (
    "UU",
    "Undang-Undang",
    "Undang-undang",
    "Perppu",
    "Perpu",
    "PP",
    "Perpres",
    "Perda",
    "Pergub",
    "Perbup",
    "Perwali",
    "Perwal",
    "Keppres",
    "Kepres",
    "Inpres",
    "PKPU",
    "Perkap",
    "Perpol",
    "Perma",
    "Perban",
    "Perdes",
    "Qanun",
)
_OTHER_OPENERS = ("hari", "tanggal", "tgl", "tahun", "thn", "ta", "permen")
_TOKEN = re.compile(r"\w+|\(")


@dataclass(frozen=True, slots=True)
class _Patterns:
    main: regex.Pattern[str]
    time: regex.Pattern[str]
    boundary: regex.Pattern[str]
    openers: frozenset[str]  # casefolded first words that may open a match
    date_next: regex.Pattern[str]  # a written date right after a relative word ("kemarin Minggu (8/6)")


@functools.cache
def _patterns() -> _Patterns:
    lex = load_lexicon()
    month_all = _alt([f for f in lex.months])
    # a month alone must be written as a name (capitalised or in capitals): "Mei", not "mei"
    month_full = _alt(
        [c for f, (_m, k) in lex.months.items() if k == "full" for c in (f.capitalize(), f.upper())]
    )
    wd = _alt(list(lex.weekdays))
    rel = "|".join(
        r"\s{1,3}".join(regex.escape(w) for w in p.split())
        for p in sorted(lex.relative, key=lambda s: -len(s))
    )
    pod = r"dini\s{1,3}hari|pagi|siang|sore|petang|malam|subuh"
    tail = r"(?P<tail>\s{1,3}(?i:lalu|silam|kemarin|mendatang|nanti|besok|ini|yang\s{1,3}lalu)(?!\w))?"
    pod_tail = rf"(?:\s{{1,3}}(?P<pod2>{pod})(?!\w))?"
    num_dm = r"(?P<d>\d{1,2})\s{0,2}(?P<sep>[/\-.])\s{0,2}(?P<m>\d{1,2})"
    num_y = r"(?:\s{0,2}(?P=sep)\s{0,2}(?P<y>\d{4}|\d{2}))?"
    year = r"(?:19|20)\d{2}"
    yprefix = r"(?P<yp>(?i:tahun|thn\.?)(?:\s{1,3}(?i:anggaran|ajaran))?\s{1,3}|TA\.?\s{1,3})?"
    laws = _alt(list(_LAW_WORDS)) + r"|Permen\w{0,20}"
    edges = "|".join(_EDGE_WORDS)
    ctxs = "|".join(_CTX_WORDS)
    main = rf"""
    (?P<wdnum>
        (?:(?i:hari)\s{{1,3}})?(?P<wd>(?i:{wd}))(?!\w)
        (?:\s{{0,3}},?\s{{0,3}}(?P<pod1>(?i:{pod})))?
        \s{{0,3}},?\s{{0,3}}
        (?:
            \(\s{{0,2}}{num_dm}{num_y}\s{{0,2}}\)
          | (?P<bare>{num_dm}\s{{0,2}}(?P=sep)\s{{0,2}}(?P<y>\d{{4}}))(?![\d/])
        )
        (?i:{pod_tail}){tail}
    )
  | (?P<wdtext>
        (?:(?i:hari)\s{{1,3}})?(?P<wd>(?i:{wd}))(?!\w)\s{{0,3}},?\s{{0,3}}(?P<wparen>\(\s{{0,2}})?
        (?:(?i:tanggal|tgl\.?)\s{{1,3}})?
        (?P<d>\d{{1,2}})\s{{1,3}}(?P<mon>(?i:{month_all}))(?!\w)\.?
        (?:\s{{1,3}}(?:(?i:tahun)\s{{1,3}})?(?P<y>{year})(?!\d))?
        (?(wparen)\s{{0,2}}\))
        (?i:{pod_tail}){tail}
    )
  | (?P<law>
        (?<![\w/])(?:{laws})(?:\s{{1,3}}[A-Z][a-z]{{1,15}})?\s{{0,3}}(?:(?:No|Nomor|Nomer|Nmr)\.?\s{{0,3}})?
        \d{{1,4}}\s{{0,2}}/\s{{0,2}}(?P<y>{year})(?![\w/])
    )
  | (?P<iso>
        (?<![\w/.\-])(?P<y>{year})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\w/]|[.\-]\d)
    )
  | (?P<numdate>
        (?<![\w/.,\-])
        (?:
            (?P<paren>\()\s{{0,2}}{num_dm}{num_y}\s{{0,2}}\)
          | {num_dm}\s{{0,2}}(?P=sep)\s{{0,2}}(?P<y>\d{{4}})(?![\w/]|[.,\-]\d)
        )
        (?i:{pod_tail}){tail}
    )
  | (?P<textdate>
        (?<![\w.,/])(?:(?i:tanggal|tgl\.?)\s{{1,3}})?
        (?P<d>\d{{1,2}})
        (?:(?:\s{{0,2}}[-–]\s{{0,2}}|\s{{1,3}}(?i:hingga|sampai(?:\s{{1,3}}dengan)?|s\.?\s?d\.?|dan)\s{{1,3}})
           (?P<d2>\d{{1,2}}))?
        \s{{1,3}}(?P<mon>(?i:{month_all}))(?!\w)\.?
        (?:\s{{1,3}}(?:(?i:tahun)\s{{1,3}})?(?P<y>{year})(?!\d))?
        (?i:{pod_tail}){tail}
    )
  | (?P<monyear>
        (?<!\w)(?:(?P<edge>(?i:{edges}))\s{{1,3}})?(?:(?i:bulan)\s{{1,3}})?
        (?P<mon>(?i:{month_all}))\.?(?:\s{{0,2}}[-–]\s{{0,2}}(?P<mon2>(?i:{month_all}))\.?)?
        \s{{1,3}}(?:(?i:tahun)\s{{1,3}})?(?P<y>{year})(?![\d\-–/]|[.,]\d){tail}
    )
  | (?P<month>
        (?<!\w)(?P<ctx>(?i:{ctxs}))
        \s{{1,3}}(?:(?i:bulan)\s{{1,3}})?(?P<mon>{month_full})(?!\w)(?!\.?\s{{1,3}}(?:(?i:tahun)\s{{1,3}})?\d|\.?\s{{0,2}}[-–])
        {tail}
    )
  | (?P<yrange>
        (?<![\w/\-–+])(?<!\d[.,]){yprefix}(?P<y>{year})\s{{0,2}}(?P<rsep>[-–/])\s{{0,2}}(?P<y2>{year}|\d{{2}})
        (?![\w/]|[.,\-]\d)
    )
  | (?P<year>
        (?<![\w/\-–+])(?<!\d[.,]){yprefix}(?P<y>{year})(?!\d|[.,]\d|\s{{0,2}}[-–/]\s{{0,2}}\d|-an(?!\w))(?![a-z]){tail}
    )
  | (?P<wdrel>
        (?<!\w)(?:(?i:hari)\s{{1,3}})?(?P<wd>(?i:{wd}))(?:\s{{1,3}}(?P<pod1>(?i:{pod})))?
        \s{{1,3}}(?P<wdr>(?i:(?:pekan|minggu)\s{{1,3}}(?:lalu|depan|kemarin)|lalu|kemarin|mendatang|depan|nanti|besok
                          |yang\s{{1,3}}lalu))(?!\w)
    )
  | (?P<rel>
        (?<![\w\-])(?P<relw>(?i:{rel}))(?!\w)
    )
    """
    time = r"""
    (?:(?<!\w)(?i:pukul|pkl\.?|jam)\s{1,3}(?P<h>2[0-4]|[01]?\d)(?!\d)(?:[.:](?P<mi>[0-5]\d))?(?![\d.,:]\d)
       (?:\s{0,3}(?P<tz>WIB|WITA|WIT)(?!\w))?)
  | (?:(?<![\w.,:])(?P<h>2[0-4]|[01]?\d)[.:](?P<mi>[0-5]\d)\s{0,3}(?P<tz>WIB|WITA|WIT)(?!\w))
    """
    boundary = r"\n|[.!?…](?:[\"”’)]{1,2})?\s{1,5}(?=[\"“‘(]?[A-Z])"
    flags = regex.VERBOSE | regex.VERSION0
    openers = {
        _TOKEN.match(w).group().casefold()
        for w in (  # type: ignore[union-attr]
            *lex.months,
            *lex.weekdays,
            *(p.split()[0] for p in lex.relative),
            *_CTX_WORDS,
            *_LAW_WORDS,
            *_OTHER_OPENERS,
        )
    }
    return _Patterns(
        regex.compile(main, flags),
        regex.compile(time, flags),
        regex.compile(boundary),
        frozenset(openers),
        regex.compile(
            rf"\s{{0,3}},?\s{{0,3}}(?:\(\s{{0,2}}\d|\d{{1,2}}\s|(?:(?i:hari)\s{{1,3}})?(?i:{wd})(?!\w))"
        ),
    )


# --------------------------------------------------------------------------- helpers


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _pick_year(anchor: dt.date, month: int, day: int | None, wd: int | None, tail: str) -> int:
    """The year of a day/month (or a month alone) written without one, seen from ``anchor``.

    ``lalu`` points back and ``mendatang``/``nanti`` forward; otherwise the
    occurrence nearest the anchor (within about half a year) is taken, and where
    two years are that near, the one whose weekday agrees with the written one.
    """
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        date = _safe_date(y, month, day or 1)
        if date is None:
            continue
        if day is None:  # month grain: compare month starts
            date = dt.date(y, month, 1)
            ref = dt.date(anchor.year, anchor.month, 1)
        else:
            ref = anchor
        delta = (date - ref).days
        if tail in _BACK and delta > 0:
            continue
        if tail in _FORWARD and delta < 0:
            continue
        cands.append((y, date, abs(delta)))
    if not cands:
        return anchor.year
    near = [c for c in cands if c[2] <= 200] or [min(cands, key=lambda c: c[2])]
    if wd is not None and day is not None:
        matching = [c for c in near if c[1].weekday() == wd]
        if matching:
            near = matching
    return min(near, key=lambda c: c[2])[0]


def _in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks opened earlier in its paragraph."""
    start = max(text.rfind("\n", max(0, pos - _QUOTE_LOOKBACK), pos) + 1, pos - _QUOTE_LOOKBACK, 0)
    seg = text[start:pos]
    curly = seg.count("“") - seg.count("”")
    return curly > 0 or seg.count('"') % 2 == 1


_KINDS = (
    "wdnum",
    "wdtext",
    "law",
    "iso",
    "numdate",
    "textdate",
    "monyear",
    "month",
    "yrange",
    "year",
    "wdrel",
    "rel",
)


@dataclass(slots=True)
class _Cand:
    """A raw match before resolution."""

    kind: str
    start: int
    end: int
    d: int | None = None
    m: int | None = None
    y: int | None = None
    wd: int | None = None
    wd_text: str | None = None
    tail: str = ""
    part: str | None = None  # range endpoint: "start" / "end"
    rel: tuple[str, int] | None = None
    edge: str | None = None

    @property
    def full(self) -> bool:
        return self.d is not None and self.m is not None and self.y is not None


# --------------------------------------------------------------------------- finder


class DateFinder:
    """The ``kalbar_dates`` component: writes ``doc._.kalbar_dates`` and ``doc.spans[spans_key]``."""

    def __init__(
        self, nlp: Language, name: str, spans_key: str = "kalbar_dates", infer_published: bool = True
    ):
        self.name = name
        self.spans_key = spans_key
        self.infer_published = infer_published
        self.lex = load_lexicon()
        self.pat = _patterns()

    # -- scanning ------------------------------------------------------------------

    def _month(self, form: str | None) -> tuple[int, str] | None:
        if not form:
            return None
        return self.lex.months.get(form.casefold().rstrip("."))

    def _weekday(self, form: str | None) -> tuple[int, str] | None:
        if not form:
            return None
        return self.lex.weekdays.get(form.casefold().replace("`", "'"))

    def _year_ok(self, text: str, m: regex.Match[str]) -> bool:
        """Reject numbers that look like years but are money, codes or quantities."""
        s = m.start("y")
        before = text[max(0, s - 12) : s]
        if regex.search(
            r"(?i:rp\.?|usd|\$|idr|no\.?|nomor|nomer|pasal|ayat|pukul|jam|km|kode|nip|nrp)\s{0,2}$", before
        ):
            return False
        if regex.search(r"\d{3}[\s.\-]?$", before):  # "0812 2024 ...": part of a longer number
            return False
        after = text[m.end("y") : m.end("y") + 24]
        if regex.search(r"(?<!\w)[A-Z]{1,2}\s$", before) and regex.match(r"\s[A-Z]{1,3}(?!\w)", after):
            return False  # a number plate: "KB 2024 AB"
        if regex.match(r"\s{0,2}(?:%|\d)", after):
            return False
        nxt = regex.match(r"\s{1,3}([A-Za-z0-9]{1,12})", after)
        kind = self.lex.year_blockers.get(nxt.group(1).casefold()) if nxt else None
        if kind is None:
            return True
        return kind == "noun" and not _QUANTITY_CUE.search(text[max(0, s - 24) : s])

    def _scan(self, text: str, skip: list[tuple[int, int]]) -> list[_Cand]:
        out: list[_Cand] = []
        openers, match = self.pat.openers, self.pat.main.match
        skip_starts = [a for a, _b in skip]
        last = 0
        for tok in _TOKEN.finditer(text):
            pos = tok.start()
            if pos < last:
                continue
            w = tok.group()
            if not (w[0].isdigit() or w == "(" or w.casefold() in openers or w[:6].casefold() == "permen"):
                continue
            m = match(text, pos)
            if m is None:
                continue
            last = m.end()
            if skip:
                k = bisect.bisect_right(skip_starts, m.start()) - 1
                if k >= 0 and m.start() < skip[k][1]:
                    continue
            kind = next(k for k in _KINDS if m.group(k) is not None)
            out.extend(self._cands(text, m, kind))
        return out

    def _cands(self, text: str, m: regex.Match[str], kind: str) -> list[_Cand]:
        g = m.group
        tail = " ".join((g("tail") or "").split()).casefold() if "tail" in m.re.groupindex else ""
        end = m.start("tail") if g("tail") else m.end()
        wdi = self._weekday(g("wd"))
        wd = wdi[0] if wdi else None
        if kind in ("wdnum", "numdate", "iso"):
            d, mo = int(g("d")), int(g("m"))
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                return []
            y = g("y")
            if kind == "numdate" and y is None and (g("sep") != "/" or not self._dm_context(text, m.start())):
                return []
            if kind == "wdnum" and y is None and g("sep") not in "/":
                return []
            year = None if y is None else (int(y) if len(y) == 4 else _two_digit_year(int(y)))
            start = m.start()
            return [_Cand(kind, start, end, d, mo, year, wd, wdi[1] if wdi else None, tail)]
        if kind in ("wdtext", "textdate"):
            mon = self._month(g("mon"))
            if mon is None:
                return []
            month, mkind = mon
            y = int(g("y")) if g("y") else None
            if mkind == "full" and not g("y") and not g("tail") and text[end - 1] == ".":
                end -= 1  # "pada 22 Agustus." : the period ends the sentence
            if mkind != "full" and y is None:
                return []
            days = [int(g("d"))] + ([int(g("d2"))] if g("d2") else [])
            if not all(1 <= x <= 31 for x in days):
                return []
            if len(days) == 2 and days[1] <= days[0]:
                days = days[:1]
            parts = [None] if len(days) == 1 else ["start", "end"]
            return [
                _Cand(kind, m.start(), end, x, month, y, wd, wdi[1] if wdi else None, tail, part)
                for x, part in zip(days, parts, strict=True)
            ]
        if kind == "monyear":
            months = [self._month(g("mon"))] + ([self._month(g("mon2"))] if g("mon2") else [])
            if any(x is None for x in months):
                return []
            mon1 = g("mon")
            if not self._month_cased(mon1, months[0]):
                return []
            y = int(g("y"))
            if not self._year_ok(text, m):
                return []
            parts = [None] if len(months) == 1 else ["start", "end"]
            return [
                _Cand(kind, m.start(), end, None, mm[0], y, tail=tail, part=p, edge=g("edge"))
                for mm, p in zip(months, parts, strict=True)
            ]
        if kind == "month":
            mon = self._month(g("mon"))
            if mon is None:
                return []
            start = m.start("mon")
            ctx = g("ctx").casefold()
            if ctx in ("akhir", "awal", "pertengahan", "medio", "bulan"):
                start = m.start("ctx")
            elif text[m.end("ctx") : m.start("mon")].strip():  # "pada bulan Mei"
                start = m.end("ctx") + 1
            return [_Cand(kind, start, end, None, mon[0], None, tail=tail, edge=ctx)]
        if kind == "wdrel":
            word = " ".join(g("wdr").split()).casefold()
            if wdi is None:
                return []
            if wdi[1] == "Minggu" and word in ("lalu", "depan", "kemarin") and self._week_reading(text, m):
                unit_k = ("week", 1 if word == "depan" else -1)
                return [_Cand("rel", m.start(), m.end(), rel=unit_k)]
            if word.split()[0] in ("pekan", "minggu"):  # "Jumat pekan lalu": the Friday of last week
                k = 1 if word.endswith("depan") else -1
                rel = ("weekday_of_week", k)
                return [_Cand(kind, m.start(), m.end(), wd=wdi[0], wd_text=wdi[1], rel=rel)]
            k = -1 if word in _BACK else 1
            return [_Cand(kind, m.start(), m.end(), wd=wdi[0], wd_text=wdi[1], rel=("weekday", k))]
        if kind == "law":
            return [_Cand(kind, m.start(), m.end(), y=int(g("y")))]
        if kind == "yrange":
            y1 = int(g("y"))
            y2s = g("y2")
            y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
            if not self._year_ok(text, m) or not 0 < y2 - y1 <= 60:
                return []
            return [
                _Cand(kind, m.start(), m.end(), y=y1, part="start"),
                _Cand(kind, m.start(), m.end(), y=y2, part="end"),
            ]
        if kind == "year":
            if not self._year_ok(text, m):
                return []
            return [_Cand(kind, m.start(), end, y=int(g("y")), tail=tail)]
        if kind == "rel":
            phrase = " ".join(g("relw").casefold().split())
            if phrase in ("kemarin", "lalu") and regex.search(
                r"(?i:pekan|minggu|bulan|tahun)\s{1,3}$", text[max(0, m.start() - 10) : m.start()]
            ):
                return []
            info = self.lex.relative.get(phrase)
            if info is None:
                return []
            if not self._relative_ok(text, m, phrase):
                return []
            if info[0] == "day" and self.pat.date_next.match(text, m.end()):
                return []  # "kemarin Minggu (8/6/2025)": the written date that follows is the mention
            return [_Cand(kind, m.start(), m.end(), rel=info)]
        return []

    @staticmethod
    def _month_cased(form: str, mon: tuple[int, str]) -> bool:
        """Abbreviated and English months must be capitalised (``Mar 2024``, not ``mar``)."""
        return mon[1] == "full" or form[:1].isupper()

    @staticmethod
    def _dm_context(text: str, start: int) -> bool:
        """A ``(day/month)`` without a year and weekday counts only in a date's usual place."""
        before = text[max(0, start - 16) : start]
        return bool(regex.search(r"(?:,|(?i:pada|tanggal|tgl\.?|hari|sejak|hingga|sampai))\s{0,3}$", before))

    @staticmethod
    def _week_reading(text: str, m: regex.Match[str]) -> bool:
        """``minggu lalu`` is "last week"; ``Minggu lalu`` mid-sentence is "last Sunday"."""
        if m.group(0)[:4].casefold() == "hari":  # "hari Minggu depan" is a Sunday
            return False
        if m.group("wd")[:1].islower() or m.group("pod1"):
            return not m.group("pod1")
        before = text[max(0, m.start() - 6) : m.start()]
        return bool(regex.search(r"(?:^|[.!?\"“]\s{0,3}|\n\s{0,3})$", before)) or m.start() == 0

    @staticmethod
    def _relative_ok(text: str, m: regex.Match[str], phrase: str) -> bool:
        before = text[max(0, m.start() - 24) : m.start()]
        # "beberapa hari ini", "22 tahun lalu", "dua pekan lalu": a span of time, not a date
        if regex.search(
            r"(?:(?<![\w\-])\d+|(?<!\w)(?i:beberapa|sekian|belasan|puluhan|ratusan|se|satu|dua|tiga|empat|lima"
            r"|enam|tujuh|delapan|sembilan|sepuluh|ke))\s{1,3}$",
            before,
        ):
            return False
        word = m.group("relw")
        if phrase.startswith("minggu") and word[:1] == "M":
            # "Minggu lalu" written with a capital is "last Sunday" unless it opens a sentence
            if not regex.search(r"(?:^|[.!?\"“]\s{0,3}|\n\s{0,3})$", before):
                return False
        return True

    # -- resolution ----------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        skip: list[tuple[int, int]] = []
        for a, b, *_ in sorted(doc._.kalbar_boilerplate or []):
            if skip and a <= skip[-1][1]:
                skip[-1] = (skip[-1][0], max(skip[-1][1], int(b)))
            else:
                skip.append((int(a), int(b)))
        cands = self._scan(text, skip)
        given = self._check_published(doc, cands)
        anchor = _anchor_date(given)
        inferred_from: _Cand | None = None
        if anchor is None:
            inferred_from = self._first_full(cands)
            if inferred_from is not None:
                anchor = _safe_date(inferred_from.y, inferred_from.m, inferred_from.d)  # type: ignore[arg-type]
        if inferred_from is not None and anchor is not None and self.infer_published:
            doc._.kalbar_published = anchor.isoformat()
            add_warning(
                doc,
                f"published: not given; taken as {anchor.isoformat()} from the date "
                f"{text[inferred_from.start : inferred_from.end]!r} in the text",
            )
        rel_anchor = _anchor_date(given)
        notes: list[str] = []
        dates = [self._resolve(doc, text, c, anchor, rel_anchor, notes) for c in cands]
        distinct = list(dict.fromkeys(notes))
        for note in distinct[:_MAX_DATE_WARNINGS]:
            add_warning(doc, note)
        if len(distinct) > _MAX_DATE_WARNINGS:
            add_warning(doc, f"dates: {len(distinct) - _MAX_DATE_WARNINGS} more date warnings were left out")
        self._attach_times(text, dates)
        doc._.kalbar_dates = dates
        if self.spans_key:
            spans = []
            for d in dates:
                span = doc.char_span(
                    d["start"], d["end"], label=d["grain"] or "DATE", alignment_mode="expand"
                )
                if span is not None:
                    spans.append(span)
            doc.spans[self.spans_key] = spans
        return doc

    @staticmethod
    def _check_published(doc: Doc, cands: list[_Cand]) -> str | None:
        """Reread an ambiguous numeric publication date month first when the article's dates say so.

        Some scrapers store ``8/7/2025 16:15`` for 7 August (US order). Day first is
        the rule; it is given up only when the article's own full dates lie within
        three days of the month-first reading and farther from the day-first one.
        """
        given = doc._.kalbar_published
        raw = (doc._.kalbar_meta or {}).get("published_raw")
        cur = _anchor_date(given)
        if cur is None or not isinstance(raw, str):
            return given
        m = regex.match(r"\D{0,40}?(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)", raw)
        if m is None:
            return given
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        alt = _safe_date(y, d, mo)
        if alt is None or d == mo or _safe_date(y, mo, d) != cur:
            return given
        full = [x for x in (_safe_date(c.y, c.m, c.d) for c in cands if c.full) if x]  # type: ignore[arg-type]
        if not full:
            return given
        d_cur = min(abs((x - cur).days) for x in full)
        d_alt = min(abs((x - alt).days) for x in full)
        if d_alt <= 3 < d_cur:
            new = alt.isoformat() + given[10:]  # type: ignore[index]
            doc._.kalbar_published = new
            add_warning(
                doc,
                f"published: {raw.strip()!r} was read month first ({alt.isoformat()}), "
                "because the article's own dates agree with that reading",
            )
            return new
        return given

    @staticmethod
    def _first_full(cands: list[_Cand]) -> _Cand | None:
        """The article's reference date, used when the caller gave no publication date.

        The first ``Weekday (d/m/yyyy)`` (the form reports use for the day of the
        event or statement), else the first full date with a weekday, else the first
        full date.
        """
        full = [c for c in cands if c.full and _safe_date(c.y, c.m, c.d) is not None]  # type: ignore[arg-type]
        for pick in (
            [c for c in full if c.kind == "wdnum"],
            [c for c in full if c.wd is not None],
            full,
        ):
            if pick:
                return pick[0]
        return None

    def _resolve(
        self,
        doc: Doc,
        text: str,
        c: _Cand,
        anchor: dt.date | None,
        rel_anchor: dt.date | None,
        notes: list[str],
    ) -> dict[str, Any]:
        mention = text[c.start : c.end]
        rec: dict[str, Any] = {
            "text": mention,
            "start": c.start,
            "end": c.end,
            "value": None,
            "grain": None,
            "weekday": None,
            "weekday_matches": None,
            "time": None,
            "timezone": None,
            "relative": c.kind in ("rel", "wdrel"),
            "rule": c.kind,
        }
        if c.part:
            rec["range"] = c.part
        if c.kind in ("rel", "wdrel"):
            unit, k = c.rel  # type: ignore[misc]
            rec["grain"] = {"week": None, "weekday": "day", "weekday_of_week": "day"}.get(unit, unit)
            if c.wd_text:
                rec["weekday"] = c.wd_text
            if _in_quote(text, c.start):
                rec["rule"] = "relative_in_quote"
                return rec
            if rel_anchor is None:
                return rec
            if unit == "day":
                rec["value"] = (rel_anchor + dt.timedelta(days=k)).isoformat()
            elif unit == "week":
                monday = rel_anchor - dt.timedelta(days=rel_anchor.weekday()) + dt.timedelta(weeks=k)
                rec["week"] = [monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()]
            elif unit == "weekday":
                back, ahead = (rel_anchor.weekday() - c.wd) % 7, (c.wd - rel_anchor.weekday()) % 7  # type: ignore[operator]
                step = (back or 7) if k < 0 else (ahead or 7)
                day = rel_anchor + dt.timedelta(days=-step if k < 0 else step)
                rec["value"] = day.isoformat()
            elif unit == "weekday_of_week":
                monday = rel_anchor - dt.timedelta(days=rel_anchor.weekday()) + dt.timedelta(weeks=k)
                rec["value"] = (monday + dt.timedelta(days=c.wd)).isoformat()  # type: ignore[operator]
            elif unit == "month":
                y, mo = _shift_month(rel_anchor.year, rel_anchor.month, k)
                rec["value"] = f"{y:04d}-{mo:02d}"
            else:
                rec["value"] = f"{rel_anchor.year + k:04d}"
            return rec
        if c.wd_text is not None:
            rec["weekday"] = c.wd_text
        if c.d is None and c.m is None:  # year grain
            rec["value"], rec["grain"] = f"{c.y:04d}", "year"
            return rec
        if c.d is None:  # month grain
            y = c.y
            if y is None:
                if anchor is None:
                    rec["grain"] = "month"
                    return rec
                y = _pick_year(anchor, c.m, None, None, c.tail)  # type: ignore[arg-type]
                rec["year_from"] = "published" if rel_anchor else "article"
            rec["value"], rec["grain"] = f"{y:04d}-{c.m:02d}", "month"
            return rec
        y = c.y
        if y is None:
            if anchor is None:
                rec["grain"] = "day"
                return rec
            y = _pick_year(anchor, c.m, c.d, c.wd, c.tail)  # type: ignore[arg-type]
            rec["year_from"] = "published" if rel_anchor else "article"
        date = _safe_date(y, c.m, c.d)  # type: ignore[arg-type]
        rec["grain"] = "day"
        if date is None:
            notes.append(f"dates: {mention!r} is not a calendar date; it was left unresolved")
            return rec
        rec["value"] = date.isoformat()
        if c.wd is not None:
            ok = date.weekday() == c.wd
            rec["weekday_matches"] = ok
            if not ok:
                notes.append(
                    f"dates: {mention!r} says {c.wd_text}, but {date.isoformat()} is a "
                    f"{_WEEKDAY_NAMES[date.weekday()]}; the date's numbers were kept",
                )
        return rec

    def _attach_times(self, text: str, dates: list[dict[str, Any]]) -> None:
        """Give each day-grain date the clock time (and zone) written in its sentence.

        A time goes to the nearest date before it in the same sentence (within 120
        characters), else to the next date after it (within 60 characters).
        """
        days = [d for d in dates if d["grain"] == "day" and not d["relative"]]
        if not days:
            return
        starts = [d["start"] for d in days]
        boundary = self.pat.boundary.search
        for t in self.pat.time.finditer(text):
            hour, minute = int(t.group("h")), int(t.group("mi") or 0)
            if hour > 24 or (hour == 24 and minute):
                continue
            i = bisect.bisect_left(starts, t.start())
            best = None
            for d in reversed(days[max(0, i - 3) : i]):  # the nearest dates before the time
                if d["end"] > t.start():
                    continue
                gap = text[d["end"] : t.start()]
                if len(gap) > 120 or boundary(gap):
                    break
                if d["time"] is None:
                    best = d
                    break
            if best is None and i < len(days) and days[i]["start"] >= t.end() and days[i]["time"] is None:
                gap = text[t.end() : days[i]["start"]]
                if len(gap) <= 60 and not boundary(gap):
                    best = days[i]
            if best is not None:
                best["time"] = f"{hour:02d}:{minute:02d}"
                best["timezone"] = t.group("tz")


def _anchor_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


@Language.factory(
    "kalbar_dates",
    default_config={"spans_key": "kalbar_dates", "infer_published": True},
)
def make_dates(nlp: Language, name: str, spans_key: str, infer_published: bool) -> DateFinder:
    """Create the ``kalbar_dates`` component (see the module docstring)."""
    return DateFinder(nlp, name, spans_key=spans_key, infer_published=infer_published)


# --------------------------------------------------------------------------- published


@functools.cache
def _published_patterns() -> dict[str, regex.Pattern[str]]:
    lex = load_lexicon()
    months = _alt(list(lex.months))
    tm = (
        r"(?P<H>[01]?\d|2[0-3])[:.](?P<M>[0-5]\d)(?:[:.](?P<S>[0-5]\d))?(?:\s{0,2}(?P<ampm>(?i:am|pm)))?"
        r"(?:\s{0,3}(?P<tz>WIB|WITA|WIT|Z|UTC|GMT|[+-]\d{2}:?\d{2})(?P<gmtoff>(?<=GMT|UTC)[+-]\d{1,2})?)?"
    )
    sep = r"[\s,|\-–—]{0,6}(?:(?i:pukul|jam|pkl\.?)\s{1,3})?"
    flags = regex.VERSION0
    return {
        "ymd": regex.compile(
            rf"(?<!\d)(?P<y>\d{{4}})[/.\-](?P<m>\d{{1,2}})[/.\-](?P<d>\d{{1,2}})(?!\d)(?:{sep}{tm})?", flags
        ),
        "dmy": regex.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})[/.\-](?P<m>\d{{1,2}})[/.\-](?P<y>\d{{4}}|\d{{2}})(?!\d)"
            rf"(?:{sep}{tm})?",
            flags,
        ),
        "dmony": regex.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})[\s\-.]{{1,3}}(?P<mon>(?i:{months}))\.?(?!\w)[\s\-.,]{{1,3}}"
            rf"(?P<y>\d{{4}}|\d{{2}})(?!\d)(?:{sep}{tm})?",
            flags,
        ),
        "mondy": regex.compile(
            rf"(?<!\w)(?P<mon>(?i:{months}))\.?\s{{1,3}}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}"
            rf"(?P<y>\d{{4}})(?!\d)(?:{sep}{tm})?",
            flags,
        ),
    }


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
    s = regex.sub(r"_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b-\x1f\u200b\ufeff]", " ", value).strip()
    s = s.replace("\u00a0", " ")
    if not s or len(s) > 200:
        return None
    try:
        if regex.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return dt.date.fromisoformat(s).isoformat()
        if regex.fullmatch(r"(?:19|20)\d{6}", s):  # compact 20231107
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:])).isoformat()
        if regex.fullmatch(
            r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?", s
        ):
            return dt.datetime.fromisoformat(s.replace(" ", "T", 1)).isoformat()
    except ValueError:
        return None
    pats = _published_patterns()
    lex = load_lexicon()
    for name in ("ymd", "dmony", "dmy", "mondy"):
        m = pats[name].search(s)
        if m is None:
            continue
        y = int(m.group("y"))
        y = y if len(m.group("y")) == 4 else _two_digit_year(y)
        d = int(m.group("d"))
        if name in ("dmony", "mondy"):
            mo = lex.months[m.group("mon").casefold()][0]
        else:
            mo = int(m.group("m"))
        date = _safe_date(y, mo, d)
        if date is None and name == "dmy":
            date = _safe_date(y, d, mo)  # month-first fallback ("10/22/2025")
        if date is None:
            continue
        return _with_time(date, m)
    return None


def _with_time(date: dt.date, m: regex.Match[str]) -> str:
    if m.group("H") is None:
        return date.isoformat()
    hour, minute, sec = int(m.group("H")), int(m.group("M")), int(m.group("S") or 0)
    ampm = (m.group("ampm") or "").casefold()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    tz = m.group("tz")
    tzinfo = None
    if tz in _TZ_OFFSETS:
        tzinfo = dt.timezone(dt.timedelta(hours=int(_TZ_OFFSETS[tz][1:3])))
    elif tz in ("Z", "UTC", "GMT"):
        off = m.group("gmtoff")
        tzinfo = dt.timezone(dt.timedelta(hours=int(off))) if off else dt.UTC
    elif tz:
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        tzinfo = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    return dt.datetime(date.year, date.month, date.day, hour, minute, sec, tzinfo=tzinfo).isoformat()
