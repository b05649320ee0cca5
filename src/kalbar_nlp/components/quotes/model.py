"""What the quote passes hand each other: limits, speaker references, candidates, small text helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

#: A direct quote whose closing mark is missing stops after this many characters.
MAX_QUOTE_CHARS = 3000
#: ... or after this many paragraphs.
MAX_QUOTE_PARAGRAPHS = 6
#: Beyond this many unclosed marks in one text, unclosed marks are only counted (hostile or broken text).
MAX_UNCLOSED = 50
#: Longest speaker phrase read after a cue, in characters.
MAX_SPEAKER_CHARS = 120
#: Longest sentence examined for reported speech (longer runs are cut).
MAX_SENTENCE_CHARS = 2000
#: Longest subject before a verb of saying, in words.
MAX_SUBJECT_WORDS = 30

#: What replaces a direct quote (and its attribution) in the masked text the later passes read.
MASK = "\x00"
#: White space trimmed off a quote or a phrase, with the punctuation that may border it.
EDGE_CHARS = " \t\n,;:-–—"

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’\-]*")


@dataclass
class SpeakerRef:
    """Where a quote says its speaker is (before resolution).

    ``kind`` is ``phrase`` (a speaker phrase to resolve), ``pronoun`` (``dia``, ``-nya``, an
    anaphor), ``same`` (the speaker of the quote before) or ``none``.
    """

    kind: str
    start: int = -1
    end: int = -1
    text: str = ""
    rule: str = ""


@dataclass
class Candidate:
    """A quote found in the text, before its speaker is resolved."""

    kind: str
    start: int
    end: int
    cue: str | None
    rule: str
    ref: SpeakerRef
    order: int = 0
    speaker: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


#: A sentence that is no quote but names a speaker: ``(position, speaker phrase, "hal" | "topic")``.
Attribution = tuple[int, SpeakerRef, str]


def pronoun_ref(text: str, start: int, end: int, rule: str = "pronoun") -> SpeakerRef:
    """A pronoun reference to ``text[start:end]`` (its mention is always that slice, as written)."""
    return SpeakerRef("pronoun", start, end, text[start:end], rule)


def words_of(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, with inner dots, apostrophes and hyphens)."""
    return WORD.findall(text)


def is_upper_word(word: str) -> bool:
    """Whether ``word`` starts with a capital letter."""
    return bool(word) and word[0].isupper()


def strip_span(text: str, start: int, end: int, chars: str = EDGE_CHARS) -> tuple[int, int]:
    """``[start, end)`` without the ``chars`` at either end."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def norm_tokens(text: str) -> list[str]:
    """The case-folded words of ``text`` without outer dots and apostrophes."""
    return [word.casefold().strip(".'’") for word in words_of(text) if word.strip(".'’")]
