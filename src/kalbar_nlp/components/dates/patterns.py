"""The compiled patterns of the date finder: one pattern for every date shape, one for clock times.

The pattern is tried only at the tokens that can open a date (a number, ``(``, a month,
weekday, relative or context word such as ``pada``, ``tahun``, ``UU``), so the scan is one
left-to-right pass. Its words come from the date lexicon (:mod:`kalbar_nlp.lexicons.dates`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from ...lexicons.dates import DateLexicon, date_words, literal_alternation, load_lexicon, word_alternation

#: A token of the scan: a word or an opening bracket.
TOKEN = re.compile(r"\w+|\(")

# One alternative per shape; the group name of each is the candidate's kind (see candidates.KINDS).
_MAIN = r"""
    (?P<wdnum>
        (?:(?i:hari)\s{{1,3}})?(?P<wd>(?i:{wd}))(?!\w)
        (?:\s{{0,3}},?\s{{0,3}}(?P<pod1>(?i:{pod})))?
        # "Senin lalu (2/6)": the numbers say which Monday
        (?:\s{{1,3}}(?i:{weekday_rel})(?!\w)(?=\s{{0,3}},?\s{{0,3}}\())?
        \s{{0,3}},?\s{{0,3}}
        (?:
            \(\s{{0,2}}{num_dm}{num_y}\s{{0,2}}\)
          | (?P<bare>{num_dm}\s{{0,2}}(?P=sep)\s{{0,2}}(?P<y>\d{{4}}|\d{{2}}))(?![\d/]|[.,]\d)
          | (?P<bare>(?P<d>\d{{1,2}})\s{{0,2}}(?P<sep>/)\s{{0,2}}(?P<m>\d{{1,2}}))
            (?![\d/]|[.,]\d|\s{{0,2}}[-–]\s{{0,2}}\d)
        )
        (?i:{pod_tail}){tail}
    )
  | (?P<numrange>
        (?:(?:(?i:hari)\s{{1,3}})?(?P<wd>(?i:{wd}))(?!\w)(?:{joint}(?P<wd2>(?i:{wd}))(?!\w))?\s{{0,3}},?\s{{0,3}})?
        (?<![\w/.,\-])(?P<paren>\(\s{{0,2}})?
        (?P<d>\d{{1,2}})(?:\s{{0,2}}/\s{{0,2}}(?P<m1>\d{{1,2}}))?\s{{0,2}}[-–]\s{{0,2}}
        (?P<d2>\d{{1,2}})\s{{0,2}}/\s{{0,2}}(?P<m>\d{{1,2}})
        (?:\s{{0,2}}/\s{{0,2}}(?P<y>\d{{4}}|\d{{2}}))?(?(paren)\s{{0,2}}\))(?![\w/]|[.,\-]\d)
        (?i:{pod_tail}){tail}
    )
  | (?P<wdtext>
        (?:(?i:hari)\s{{1,3}})?(?P<wd>(?i:{wd}))(?!\w)(?:\s{{1,3}}(?P<pod1>(?i:{pod}))(?!\w))?
        \s{{0,3}},?\s{{0,3}}(?P<wparen>\(\s{{0,2}})?
        (?:(?P<tgl>(?i:tanggal|tgl\.?))\s{{1,3}})?
        (?P<d>\d{{1,2}})\s{{1,3}}(?(tgl)(?:(?i:bulan)\s{{1,3}})?)(?P<mon>(?i:{month_all}))(?!\w)\.?
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
        (?:(?<![\w.,/])|{after_hijri})(?:(?P<tgl>(?i:tanggal|tgl\.?))\s{{1,3}})?
        (?P<d>\d{{1,2}})(?:\s{{0,2}},\s{{0,2}}(?P<dl>\d{{1,2}})(?!\d)){{0,6}}
        (?:{joint}(?P<d2>\d{{1,2}}))?
        \s{{1,3}}(?(tgl)(?:(?i:bulan)\s{{1,3}})?)(?P<mon>(?i:{month_all}))(?!\w)\.?
        (?:\s{{1,3}}(?:(?i:tahun)\s{{1,3}})?(?P<y>{year})(?!\d))?
        (?i:{pod_tail}){tail}
    )
  | (?P<mdy>
        (?<!\w)(?P<mon>(?i:{month_all}))\.?\s{{1,3}}(?P<d>\d{{1,2}})(?i:st|nd|rd|th)?\s{{0,2}},\s{{0,3}}
        (?P<y>{year})(?!\d|[.,]\d)
    )
  | (?P<monyear>
        (?<!\w)(?:(?P<edge>(?i:{edges}))\s{{1,3}})?(?:(?i:bulan)\s{{1,3}})?
        (?P<mon>(?i:{month_all}))\.?(?:{joint}(?:(?i:{edges})\s{{1,3}})?(?P<mon2>(?i:{month_all}))\.?)?
        \s{{1,3}}(?:(?i:tahun)\s{{1,3}})?(?P<y>{year})(?![\d\-–/]|[.,]\d){tail}
    )
  | (?P<month>
        (?<!\w)
        (?:
            (?P<ctx>(?i:{ctxs}))\s{{1,3}}(?:(?i:bulan)\s{{1,3}})?
          | (?=(?:{month_full})\s{{1,3}}(?i:{month_rel})(?!\w))  # "Juni lalu", "Agustus mendatang"
        )
        (?P<mon>{month_full})(?!\w)(?!\.?\s{{1,3}}(?:(?i:tahun)\s{{1,3}})?\d|\.?\s{{0,2}}[-–])
        (?!\s{{1,3}}(?!(?i:{tail_words})(?!\w))[A-Z][a-z])  # "dari Mei Lestari": a name, not a month
        # "Januari hingga Maret 2024" is one range, read from the month on (monyear)
        (?!{joint}(?:(?i:{edges})\s{{1,3}})?(?i:{month_all})\.?\s{{1,3}}(?:(?i:tahun)\s{{1,3}})?{year})
        {tail}
    )
  | (?P<period>
        (?<!\w)(?i:{periods})\s{{0,3}}(?:IV|I{{1,3}}|[1-4])(?:\s{{0,2}}[-/]\s{{0,2}}|\s{{1,3}})
        (?:(?i:tahun)\s{{1,3}})?(?P<y>{year})(?![\w/]|[.,\-]\d)
    )
  | (?P<yrange>
        (?<![\w/\-–+])(?<!\d[.,]){yprefix}(?P<y>{year})\s{{0,2}}(?P<rsep>[-–/])\s{{0,2}}(?P<y2>{year}|\d{{2}})
        (?![\w/]|[.,\-]\d)
    )
  | (?P<year>
        (?:(?<![\w/\-–+])|{after_hijri})(?<!\d[.,]){yprefix}(?P<y>{year})(?!\d|[.,]\d|\s{{0,2}}[-–/]\s{{0,2}}\d|-an(?!\w))(?![a-z]){tail}
    )
  | (?P<wdrel>
        (?<!\w)(?:(?i:hari)\s{{1,3}})?(?P<wd>(?i:{wd}))(?:\s{{1,3}}(?P<pod1>(?i:{pod})))?
        \s{{1,3}}(?P<wdr>(?i:{weekday_rel}))(?!\w)
    )
  | (?P<rel>
        (?<![\w\-])(?P<relw>(?i:{rel}))(?!\w)
    )
    """

_TIME = r"""
    (?:(?<!\w)(?i:pukul|pkl\.?|jam)\s{1,3}(?P<h>2[0-4]|[01]?\d)(?!\d)(?:[.:](?P<mi>[0-5]\d))?(?![\d.,:]\d)
       (?:\s{0,3}(?P<tz>WIB|WITA|WIT)(?!\w))?)
  | (?:(?<![\w.,:])(?P<h>2[0-4]|[01]?\d)[.:](?P<mi>[0-5]\d)\s{0,3}(?P<tz>WIB|WITA|WIT)(?!\w))
    """

#: The end of a sentence, between a date and a clock time.
_BOUNDARY = r"\n|[.!?…](?:[\"”’)]{1,2})?\s{1,5}(?=[\"“‘(]?[A-Z])"


@dataclass(frozen=True, slots=True)
class DatePatterns:
    """The compiled patterns of the finder."""

    main: regex.Pattern[str]
    time: regex.Pattern[str]
    boundary: regex.Pattern[str]
    openers: frozenset[str]  # casefolded first words that may open a match
    date_next: regex.Pattern[str]  # a written date right after a relative word ("kemarin Minggu (8/6)")
    range_gap: regex.Pattern[str]  # the text between the two ends of a range (" hingga ", "-")


def _week_phrases(lex: DateLexicon) -> list[str]:
    """The relative phrases of a week (``pekan lalu``, ``minggu depan``) that may follow a weekday."""
    return [phrase for phrase, (unit, _offset) in lex.relative.items() if unit == "week"]


def _fragments() -> dict[str, str]:
    """The pieces the main pattern is formatted with: word alternations and number shapes."""
    lex = load_lexicon()
    pod = word_alternation("part_of_day")
    return {
        "month_all": literal_alternation(list(lex.months)),
        # a month alone must be written as a name (capitalised or in capitals): "Mei", not "mei"
        "month_full": literal_alternation(
            [
                spelling
                for form, (_month, kind) in lex.months.items()
                if kind == "full"
                for spelling in (form.capitalize(), form.upper())
            ]
        ),
        "wd": literal_alternation(list(lex.weekdays)),
        "rel": "|".join(
            r"\s{1,3}".join(regex.escape(word) for word in phrase.split())
            for phrase in sorted(lex.relative, key=lambda phrase: -len(phrase))
        ),
        "pod": pod,
        # after a weekday: "Jumat lalu", "Senin yang akan datang", "Rabu pekan lalu"
        "weekday_rel": "|".join(
            r"\s{1,3}".join(regex.escape(word) for word in phrase.split())
            for phrase in sorted(
                {*date_words("back"), *date_words("forward"), *_week_phrases(lex)},
                key=lambda phrase: (-len(phrase), phrase),
            )
        ),
        "tail_words": word_alternation("tail"),
        "tail": rf"(?P<tail>\s{{1,3}}(?i:{word_alternation('tail')})(?!\w))?",
        "pod_tail": rf"(?:\s{{1,3}}(?P<pod2>{pod})(?!\w))?",
        "num_dm": r"(?P<d>\d{1,2})\s{0,2}(?P<sep>[/\-.])\s{0,2}(?P<m>\d{1,2})",
        "num_y": r"(?:\s{0,2}(?P=sep)\s{0,2}(?P<y>\d{4}|\d{2}))?",
        "year": r"(?:19|20)\d{2}",
        "yprefix": r"(?P<yp>(?i:tahun|thn\.?)(?:\s{1,3}(?i:anggaran|ajaran))?\s{1,3}|TA\.?\s{1,3})?",
        "laws": literal_alternation(list(date_words("law"))) + r"|Permen\w{0,20}",
        "edges": word_alternation("edge"),
        # the word between the ends of a range or before the last item of a list: "6 hingga 8", "Mei-Juni"
        "joint": r"(?:\s{0,2}[-–]\s{0,2}|,?\s{1,3}(?i:" + word_alternation("range") + r")\s{1,3})",
        "ctxs": word_alternation("context"),
        # after a month named alone: the way it lies from the anchor ("Juni lalu", "Agustus mendatang")
        "month_rel": word_alternation("back") + "|" + word_alternation("forward"),
        "periods": word_alternation("period"),
        # "1446 H/2025 M", "1 Syawal 1446 H/31 Maret 2025": the Gregorian date after the Hijri one
        "after_hijri": r"(?<=(?<![\w/])\d{3,4}\s{0,2}(?i:"
        + word_alternation("hijri")
        + r")\.?\s{0,2}/\s{0,2})",
    }


def _openers() -> frozenset[str]:
    """Casefolded first words at which the main pattern is tried (besides numbers and ``(``)."""
    lex = load_lexicon()
    words = (
        *lex.months,
        *lex.weekdays,
        *(phrase.split()[0] for phrase in lex.relative),
        *date_words("context"),
        *date_words("law"),
        *date_words("opener"),
        *date_words("period"),
    )
    return frozenset(TOKEN.match(word).group().casefold() for word in words)  # type: ignore[union-attr]


@functools.cache
def date_patterns() -> DatePatterns:
    """Compile the finder's patterns once (cached)."""
    fragments = _fragments()
    flags = regex.VERBOSE | regex.VERSION0
    date_next = (
        r"\s{0,3},?\s{0,3}(?:(?i:" + fragments["pod"] + r")\s{1,3}(?=\())?"  # "besok sore (11/6)"
        r"(?:\(\s{0,2}\d|\d{1,2}\s|(?:(?i:hari)\s{1,3})?(?i:" + fragments["wd"] + r")(?!\w))"
    )
    return DatePatterns(
        regex.compile(_MAIN.format(**fragments), flags),
        regex.compile(_TIME, flags),
        regex.compile(_BOUNDARY),
        _openers(),
        regex.compile(date_next),
        regex.compile(r"\s{0,3}(?:[-–]|,?\s{0,3}(?i:" + word_alternation("range") + r"))\s{0,3}"),
    )
