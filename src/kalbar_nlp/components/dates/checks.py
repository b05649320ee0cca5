"""Checks of the text around a date match: a year or a quantity, a date's usual place, a name.

Each check reads a few characters before or after the match (bounded windows), so the scan
stays linear. The words come from ``resources/dates/`` (quantity cues, count words, era marks,
street and place words).
"""

from __future__ import annotations

import regex

from ...lexicons.dates import date_words, load_lexicon, word_alternation

#: Marks of the Gregorian era after a year, as written (case matters: "M" is Masehi, "m" metres).
_ERA = frozenset(date_words("era"))
#: Words before a number that make it a quantity: "sebanyak 2024 siswa".
_QUANTITY_CUE = regex.compile(r"(?<!\w)(?i:" + word_alternation("quantity_cue", r"\s+") + r")\s{1,3}$")
#: A number or count word before a relative word: "22 tahun lalu", "dua pekan lalu" (a span, not a date).
_COUNT_BEFORE = regex.compile(r"(?:(?<![\w\-])\d+|(?<!\w)(?i:" + word_alternation("count") + r"))\s{1,3}$")
_NOT_YEAR_BEFORE = regex.compile(
    r"(?i:rp\.?|usd|\$|idr|no\.?|nomor|nomer|pasal|ayat|pukul|jam|km|kode|nip|nrp)\s{0,2}$"
)
#: A capitalised street or place word right before a day and month: "Jalan 28 Oktober" is a name.
_STREET_BEFORE = regex.compile(r"(?<!\w)(?:" + word_alternation("street") + r")\.?\s{1,3}$")
_SENTENCE_OPENING = regex.compile(r"(?:^|[.!?\"“]\s{0,3}|\n\s{0,3})$")
#: A relative word of a day right before a ``(day/month)`` (with a part of the day): "kemarin (9/6)",
#: "hari ini (10/6)", "tadi malam (9/6)": the numbers say which day it is.
_DAY_WORD_BEFORE = regex.compile(
    r"(?<!\w)(?i:"
    + "|".join(
        r"\s{1,3}".join(regex.escape(word) for word in phrase.split())
        for phrase, (unit, _offset) in sorted(load_lexicon().relative.items(), key=lambda item: -len(item[0]))
        if unit == "day"
    )
    + r")(?:\s{1,3}(?i:"
    + word_alternation("part_of_day")
    + r"))?\s{0,3},?\s{0,3}$"
)


def year_ok(text: str, match: regex.Match[str]) -> bool:
    """Reject numbers that look like years but are money, codes or quantities."""
    start = match.start("y")
    before = text[max(0, start - 12) : start]
    if _NOT_YEAR_BEFORE.search(before):
        return False
    if regex.search(r"\d{3}[\s.\-]?$", before):  # "0812 2024 ...": part of a longer number
        return False
    after = text[match.end("y") : match.end("y") + 24]
    if regex.search(r"(?<!\w)[A-Z]{1,2}\s$", before) and regex.match(r"\s[A-Z]{1,3}(?!\w)", after):
        return False  # a number plate: "KB 2024 AB"
    if regex.match(r"\s{0,2}(?:%|\d)", after):
        return False
    following = regex.match(r"\s{1,3}([A-Za-z0-9]{1,12})", after)
    if following and following.group(1) in _ERA:  # "2025 M" is Masehi, "2025 m" metres
        return True
    kind = load_lexicon().year_blockers.get(following.group(1).casefold()) if following else None
    if kind is None:
        return True
    return kind == "noun" and not _QUANTITY_CUE.search(text[max(0, start - 24) : start])


def dm_context(text: str, start: int) -> bool:
    """A ``(day/month)`` without a year and weekday counts only in a date's usual place."""
    before = text[max(0, start - 16) : start]
    if regex.search(r"(?:,|(?i:pada|tanggal|tgl\.?|hari|sejak|hingga|sampai))\s{0,3}$", before):
        return True
    return bool(_DAY_WORD_BEFORE.search(text[max(0, start - 24) : start]))


def week_reading(text: str, match: regex.Match[str]) -> bool:
    """``minggu lalu`` is "last week"; ``Minggu lalu`` mid-sentence is "last Sunday"."""
    if match.group(0)[:4].casefold() == "hari":  # "hari Minggu depan" is a Sunday
        return False
    if match.group("wd")[:1].islower() or match.group("pod1"):
        return not match.group("pod1")
    before = text[max(0, match.start() - 6) : match.start()]
    return bool(_SENTENCE_OPENING.search(before)) or match.start() == 0


def relative_ok(text: str, match: regex.Match[str], phrase: str) -> bool:
    """A relative word names a date, not a span of time (``beberapa hari ini``, ``22 tahun lalu``)."""
    before = text[max(0, match.start() - 24) : match.start()]
    if _COUNT_BEFORE.search(before):
        return False
    word = match.group("relw")
    # "Minggu lalu" written with a capital is "last Sunday" unless it opens a sentence
    return not (phrase.startswith("minggu") and word[:1] == "M" and not _SENTENCE_OPENING.search(before))


def street_name_before(text: str, start: int) -> bool:
    """Whether a capitalised street or place word stands right before ``start`` ("Jalan 28 Oktober")."""
    return bool(_STREET_BEFORE.search(text[max(0, start - 16) : start]))
