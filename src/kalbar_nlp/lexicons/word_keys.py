"""How the gazetteer's lexicons and rules split a written form into words and compare them.

A *word* is a run of letters, marks and digits or a single other character (``Kab.`` is the
words ``Kab`` and ``.``); a *key* is the casefolded words joined by single spaces. Lexicon
entries are indexed by key and text tokens are looked up by the same key, so both sides agree.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]", regex.V1)


def split_words(text: str) -> list[str]:
    """The words of ``text`` (``"Kab. Ketapang"`` -> ``["Kab", ".", "Ketapang"]``)."""
    return WORD.findall(text)


def word_key(words: Iterable[str]) -> str:
    """The lookup key of a sequence of words: casefolded and joined by single spaces."""
    return " ".join(word.casefold() for word in words)


def normalise(text: str) -> str:
    """The key of ``text`` without full stops and commas (``"Kab. Ketapang"`` -> ``"kab ketapang"``)."""
    return " ".join(word.casefold() for word in WORD.findall(text) if word not in ".,")
