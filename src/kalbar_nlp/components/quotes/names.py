"""Reading a name out of a speaker phrase when no person of the article fits it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple

import regex

from ...lexicons.speech_verbs import SpeechLexicon
from ...text.ranges import contains, merge_overlapping
from .model import WORD, is_upper_word
from .patterns import CALENDAR_WORDS, DEGREE, HEAD_BOUNDARY, PAREN, QUOTE_WORDS

GENERIC_SUBJECTS = QUOTE_WORDS.words("generic_subject")


@functools.lru_cache(maxsize=4096)
def name_pattern(words: tuple[str, ...]) -> Any:
    """``words`` with up to three capitalised words on either side (bounded: no backtracking blow-up)."""
    return regex.compile(
        r"(?<![\p{L}\p{N}])((?:[\p{Lu}][\p{L}'’\-]*\.?[^\S\n]){0,3})"
        + r"[^\S\n]".join(regex.escape(word) for word in words)
        + r"((?:[^\S\n][\p{Lu}][\p{L}'’\-]*){0,3})(?![\p{L}\p{N}])"
    )


class _Expansion(NamedTuple):
    """One place where the words of a name occur, and the names it may give."""

    name_end: int  # where the words to the left end (the phrase's own start when it is the phrase)
    name: str | None  # with the left and right words kept (``None``: more than two left words)
    without_left: str  # with no left word (the phrase itself gives no evidence for them)


class NameReader:
    """Name-like words of a phrase, checked against the article's own spelling and covered spans."""

    def __init__(self, masked: str, lex: SpeechLexicon, covered: Callable[[], list[tuple[int, int]]]) -> None:
        self.masked = masked
        self.lex = lex
        self.covered = covered
        self._lower_words: set[str] | None = None
        self._expansions: dict[tuple[str, ...], tuple[list[_Expansion], list[int], dict[int, int]]] = {}

    @functools.cached_property
    def _covered_merged(self) -> list[tuple[int, int]]:
        return merge_overlapping(self.covered())

    def _breaks_run(
        self, word: str, offset: int, next_upper: bool, paren: list[tuple[int, int]], base: int
    ) -> bool:
        low = word.casefold().rstrip(".")
        return (
            not is_upper_word(word)
            or any(start <= offset < end for start, end in paren)  # a phrase holds a few at most
            or (base >= 0 and contains(base + offset, self._covered_merged))
            or (low in self.lex.prefixes and next_upper)
            or ("." in word[:-1] and bool(DEGREE.match(word)))
        )

    def name_words(self, phrase: str, base: int = -1) -> list[tuple[str, int]]:
        """The last run of name-like words of a phrase, with their offsets: capitalised, not a title,
        rank or honorific before a name, not inside an organisation, place or title the article names."""
        tokens = [(match.group(), match.start()) for match in WORD.finditer(phrase)]
        # drop parenthesised abbreviations: `Sekretaris Daerah (Sekda) Kabupaten`
        paren = [(match.start(), match.end()) for match in PAREN.finditer(phrase)]
        runs: list[list[tuple[str, int]]] = [[]]
        for index, (word, offset) in enumerate(tokens):
            next_upper = index + 1 < len(tokens) and is_upper_word(tokens[index + 1][0])
            if self._breaks_run(word, offset, next_upper, paren, base):
                if runs[-1]:
                    runs.append([])
                continue
            runs[-1].append((word, offset))
        runs = [run for run in runs if run]
        return runs[-1] if runs else []

    def name_like(self, word: str) -> bool:
        """A capitalised word that the article never writes in lower case and that is no weekday or month."""
        if self._lower_words is None:
            self._lower_words = {found for found in WORD.findall(self.masked) if found.islower()}
        low = word.casefold().rstrip(".")
        if any(char.isdigit() for char in word):
            return False  # `U-17`, `2025`: no part of a name
        return low not in self._lower_words and low not in CALENDAR_WORDS and low not in GENERIC_SUBJECTS

    def _left_cut(self, match: Any, left: list[str]) -> int:
        """How many of the capitalised words left of a match are no part of the name."""
        cut = 0
        for index, word in enumerate(left):
            if word.casefold().rstrip(".") in self.lex.prefixes:
                cut = index + 1
        # a left extension must stay a name: it starts after the last title or rank word,
        # and not with the first word of a sentence (`Dijelaskan Tenda`)
        head = self.masked[max(0, match.start() - 3) : match.start()]
        if cut == 0 and left and (match.start() == 0 or HEAD_BOUNDARY.search(head)):
            cut = 1
        # at most one given name to the left, and only a name-like one (`Wabup Rouf` -> `Abdul Rouf`,
        # not `Persma Manado Hengky Kawalo`)
        cut = max(cut, len(left) - 1)
        if left[cut:] and not all(self.name_like(word) for word in left[cut:]):
            cut = len(left)
        if contains(match.start(1), self._covered_merged):
            cut = len(left)  # a title, place or organisation
        return cut

    def _expansions_of(self, words: tuple[str, ...]) -> tuple[list[_Expansion], list[int], dict[int, int]]:
        """Every occurrence of ``words`` in the text (read once per name), and the indexes of those
        that keep their left words, longest name first (the earliest among equals), and the index of
        the occurrence whose words start at each offset."""
        if words not in self._expansions:
            found: list[_Expansion] = []
            for match in name_pattern(words).finditer(self.masked):
                left_words = match.group(1).split()
                left = left_words[self._left_cut(match, left_words) :]
                right = match.group(2).split()
                stop = next(
                    (index for index, word in enumerate(right) if word.casefold() in self.lex.prefixes),
                    len(right),
                )
                name = " ".join([*left, *words, *right[:stop]]) if len(left) <= 2 else None
                found.append(_Expansion(match.end(1), name, " ".join([*words, *right[:stop]])))
            ranked = sorted(
                (index for index, item in enumerate(found) if item.name is not None),
                key=lambda index: (-len(found[index].name or ""), index),
            )
            by_end = {item.name_end: index for index, item in enumerate(found)}
            self._expansions[words] = (found, ranked, by_end)
        return self._expansions[words]

    def expand_name(self, words: list[str], own_start: int = -1) -> str | None:
        """Without a people list: the longest run of capitalised words in the text that contains ``words``.

        The occurrence that is the phrase itself (its words start at ``own_start``) gives no left
        words; among names of equal length the earliest occurrence wins."""
        if not words:
            return None
        words = words[:4]
        best = " ".join(words)
        found, ranked, by_end = self._expansions_of(tuple(words))
        choices = [(len(found[index].name or ""), -index, found[index].name) for index in ranked[:2]]
        choices = [choice for choice in choices if found[-choice[1]].name_end != own_start][:1]
        own = by_end.get(own_start)
        if own is not None:
            choices.append((len(found[own].without_left), -own, found[own].without_left))
        if choices:
            length, _index, name = max(choices)
            if length > len(best) and name:
                return name
        return best
