"""Where a capitalised word stands in running text: what tells a bare name from a capitalised word.

The trained NER was taught on single, correctly cased sentences; there a bare capitalised word
(``Jokowi``, ``Juventus``) that it tags is nearly always a name. In a scraped article the same
model also fires on headlines, tag lists and captions (lines written without a full stop), on
capitalised common words (``Rasio``, ``Haul``) and on the halves of longer capitalised runs. The
questions here are asked of the text itself, so that the people and gazetteer components judge
a one-word entity the same way:

* :meth:`RunningText.in_sentence_line`: the line holding a span ends like a sentence, so it is
  running text and no headline, tag list or caption;
* :meth:`RunningText.written_lower`: the article writes the word in lower case elsewhere, so it
  is a common word capitalised here (at a sentence start, in a heading);
* :func:`stands_alone`: a one-word span whose neighbours are no capitalised words, so it is no
  piece of a longer name the model cut.
"""

from __future__ import annotations

import bisect
import functools

import regex

_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}\p{N}-]*")
_LINE_BREAK = regex.compile("\n")
#: how a line of running text ends: a full stop, a question or an exclamation, a closing quote or bracket
SENTENCE_END = frozenset('.!?"”’)')


class RunningText:
    """The text of one article, asked where a span stands (see the module docstring)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def lower_words(self) -> frozenset[str]:
        """Every word the text writes in lower case (read once per text)."""
        return frozenset(match.group() for match in _LOWER_WORD.finditer(self.text))

    def written_lower(self, word: str) -> bool:
        """Whether the text writes ``word`` (any case) in lower case somewhere."""
        return word.casefold() in self.lower_words

    @functools.cached_property
    def line_ends(self) -> list[int]:
        """The offsets of the text's line breaks, in order (found once per text)."""
        return [match.start() for match in _LINE_BREAK.finditer(self.text)]

    def in_sentence_line(self, start: int, end: int) -> bool:
        """Whether the line holding ``[start, end)`` ends like a sentence (running text).

        The line's end is looked up among :attr:`line_ends` (no scan or copy of the line), so
        asking about every entity of a one-line article stays linear.
        """
        ends = self.line_ends
        found = bisect.bisect_left(ends, end)
        stop = ends[found] if found < len(ends) else len(self.text)
        while stop > start and self.text[stop - 1].isspace():
            stop -= 1
        return stop > start and self.text[stop - 1] in SENTENCE_END


def stands_alone(before: str | None, after: str | None) -> bool:
    """Whether neither neighbouring token (``None``: none, or a sentence start) is a capitalised word."""
    return not any(
        word and word[:1].isupper() and any(ch.isalpha() for ch in word) for word in (before, after)
    )
