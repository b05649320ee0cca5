"""Spelling variants of personal names (``resources/name_spellings.tsv``), for name keys.

Indonesian names keep old spellings (``Soekarno``, ``Pandjaitan``), and news writes the same name
with a doubled letter or a final ``y`` (``Harisson``, ``Erry``). :func:`spelling_key` maps a word
to one key for all of these, so that the corpus who's-who can join them.
"""

from __future__ import annotations

import functools

from .table import read_table

VOWELS = frozenset("aeiou")


@functools.cache
def spelling_rules() -> tuple[tuple[str, str], ...]:
    """``(written, key)`` pairs, longest written form first."""
    rows = read_table("name_spellings.tsv", ("written", "key", "note"))
    return tuple(sorted(((row["written"], row["key"]) for row in rows), key=lambda pair: -len(pair[0])))


def _undouble(word: str) -> str:
    out: list[str] = []
    for char in word:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)


def _y_as_i(word: str) -> str:
    chars = list(word)
    for index, char in enumerate(chars):
        following = chars[index + 1] if index + 1 < len(chars) else ""
        if char == "y" and index > 0 and following not in VOWELS:
            chars[index] = "i"
    return "".join(chars)


def spelling_key(word: str) -> str:
    """The spelling key of one lower-case word (``pandjaitan`` -> ``panjaitan``, ``erry`` -> ``eri``).

    One left-to-right pass: at each letter the longest rule that matches is applied, so that a
    rule's output is never rewritten by another rule.
    """
    rules = spelling_rules()
    out: list[str] = []
    index = 0
    while index < len(word):
        for written, key in rules:
            if word.startswith(written, index):
                out.append(key)
                index += len(written)
                break
        else:
            out.append(word[index])
            index += 1
    return _y_as_i(_undouble("".join(out)))
