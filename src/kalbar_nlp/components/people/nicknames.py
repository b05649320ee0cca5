"""A nickname in quotation marks inside a name: ``Munafri 'Appi' Arifuddin``, ``Andi "Ucok" Saputra``.

The name's two parts are read as two mentions (``Munafri`` after the title, ``Arifuddin`` by the
NER); where one ends at the opening mark and the other starts after the closing mark, they are one
name, and the quoted words are its nickname.
"""

from __future__ import annotations

from ...text.names import NameReader
from .mentions import Mention

QUOTE_MARKS = frozenset({"'", '"', "‘", "’", "“", "”", "`"})
#: words of a nickname between the marks
MAX_NICKNAME_WORDS = 2


def _closing_mark(reader: NameReader, opening: int) -> int | None:
    """The closing mark of a nickname of capitalised words opened at ``opening``, if there is one."""
    for close in range(opening + 2, min(opening + 2 + MAX_NICKNAME_WORDS, reader.size)):
        if reader.texts[close] in QUOTE_MARKS:
            words = range(opening + 1, close)
            return close if all(reader.alpha_cap(k) for k in words) else None
    return None


def _second_part(reader: NameReader, start: int, by_start: dict[int, Mention]) -> Mention | None:
    """The name's part after the closing mark: a mention there, or a plausible name."""
    if start in by_start:
        return by_start[start]
    end = reader.name_run(start) if start < reader.size else start
    return Mention(start, end, "quoted_nickname") if reader.valid_name(start, end, True) else None


def join_quoted_nicknames(reader: NameReader, mentions: list[Mention]) -> list[Mention]:
    """The mentions, plus one whole name and its nickname where a quoted nickname splits a name."""
    by_start = {mention.start: mention for mention in mentions if mention.alias_of is None}
    extra: list[Mention] = []
    for first in mentions:
        opening = first.end
        if first.alias_of is not None or opening >= reader.size or reader.texts[opening] not in QUOTE_MARKS:
            continue
        close = _closing_mark(reader, opening)
        second = _second_part(reader, close + 1, by_start) if close is not None else None
        if second is None:
            continue
        whole = Mention(
            first.start,
            second.end,
            "quoted_nickname",
            list(first.ranks),
            list(first.honorifics),
            list(first.titles),
        )
        extra += [whole, Mention(opening + 1, close, "paren_alias", alias_of=whole)]
    return mentions + extra
