"""Component ``kalbar_sentences``: sentence boundaries for Indonesian news (sets ``token.is_sent_start``).

Rules, in one linear pass over the tokens:

* **Paragraphs.** A blank line always ends a sentence; so does a single line break, except where a
  scraper broke a line inside a sentence (the next line starts in lower case or with ``,``/``.``, or
  one of the two lines is a fragment of at most two words with no final punctuation, no ``:`` and
  not all in capitals: ``asal\\nGarut\\nterhadap``, ``Gubernur Jakarta\\nPramono\\nAnung membuka``).
* **Sentence ends.** ``.``, ``!``, ``?``, ``…`` end a sentence when the next word starts with a
  capital, a digit or an opening quote or bracket before one. Not after an abbreviation that is
  always followed by a name or number (``Jl.``, ``Kab.``, ``H.``, ``Dr.``, ``No.``, see
  ``resources/abbreviations.tsv``), an initial (``Pius X. Febry``, ``Agus D.W. Martowardojo``; but
  ``Grup E. Sedangkan ...`` ends before the function word) or a
  list number opening a line (``1. Pendidikan``). Degrees and ``dll.`` may end a sentence
  (``..., M.Si. Dalam sambutannya``) unless another abbreviation follows (``S.H. M.H.``).
* **Quotations.** Nothing inside a closed quotation mark pair of the same paragraph ends a sentence,
  so a quotation stays with its attribution (``“Kami siap. Semua aman,” ujarnya.``); a quotation
  that ends with ``.``/``!``/``?`` ends the sentence at its closing mark (``“Kami siap.” Lalu ...``).
* **Scraper glue** (``ini.Jakarta``) is split by the tokenizer, then ends a sentence like any period.

Whitespace tokens stay with the sentence before them, so every sentence starts with a word.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_SPACE, SENT_START, SPACY
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..lang.abbreviations import abbreviations, never_ending
from ..text.source import doc_text

END_PUNCT = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "!!!", "???"})
OPEN_QUOTES = frozenset({"“", "„", "«"})
CLOSE_QUOTES = frozenset({"”", "»"})
STRAIGHT_QUOTES = frozenset({'"', "″"})
OPEN_BRACKETS = frozenset({"(", "[", "‘", "'"})
#: Tokens that may follow a sentence end and still belong to it.
TRAILERS = frozenset({")", "]", "’", "'", *END_PUNCT})

#: Function words (spaCy's Indonesian stop words) that open a sentence after an initial-like
#: "E." / "D.W."; the few that are also given names are left out.
SENTENCE_OPENERS = frozenset(STOP_WORDS - {"hari", "dini", "bung", "wong"})
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}\Z")
_LINE_END_PUNCT = tuple(".!?:;\"”’')]")
_ENUMERATOR = re.compile(r"(?:\d{1,3}|[a-zA-Z]|[IVXivx]{1,5})\Z")
_FRAGMENT_WORDS = 2
#: A quotation longer than this (in tokens) is taken for a stray mark and does not hold sentences together.
MAX_QUOTE_TOKENS = 300
#: Lower-case words of at most this many letters before "." may be unlisted abbreviations (``jt.``, ``tdk.``).
_SHORT_WORD = 3


def soft_newlines(text: str) -> set[int]:
    """Character offsets of the single line breaks that a scraper put inside a sentence.

    Args:
        text: the document text.

    Returns:
        The offsets of ``\\n`` characters that do not end a sentence.
    """
    soft: set[int] = set()
    if "\n" not in text:
        return soft
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    stripped = [line.strip() for line in lines]
    fragment = [_is_fragment(line) for line in stripped]
    # right to left, so that a fragment line can look at the break after it
    next_soft = False
    for k in range(len(lines) - 2, -1, -1):
        prev, nxt = stripped[k], stripped[k + 1]
        is_soft = False
        if prev and nxt and not prev.endswith(_LINE_END_PUNCT):
            first = nxt[0]
            if first.islower() or first in ",.;:!?)”’%":
                is_soft = True
            elif fragment[k] or (fragment[k + 1] and next_soft):
                is_soft = True
        if is_soft:
            soft.add(starts[k] + len(lines[k]))
        next_soft = is_soft
    return soft


def _is_fragment(line: str) -> bool:
    if not line or ":" in line or line.endswith(_LINE_END_PUNCT):
        return False
    if len(line.split()) > _FRAGMENT_WORDS:
        return False
    return not (line.isupper() and sum(char.isalpha() for char in line) > 1)


class Sentences:
    """Set sentence starts on every token of a ``Doc`` (see the module docstring for the rules)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.never_end = never_ending()
        self.abbrev_forms = frozenset(abbreviations()) | frozenset(form.upper() for form in abbreviations())
        self.exception_forms = frozenset(
            orth for orth in nlp.Defaults.tokenizer_exceptions if orth.endswith(".") and len(orth) > 1
        )

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        count = len(doc)
        if count == 0:
            return doc
        words = [token.text for token in doc]
        flags = doc.to_array([IS_SPACE, SPACY]).tolist()  # one pass in C, not a Token object per read
        spaces = [bool(row[0]) for row in flags]
        gap = [bool(row[1]) for row in flags]
        starts = [False] * count
        soft = soft_newlines(doc_text(doc))
        para_start = 0
        for i in range(count + 1):
            if i == count or (
                spaces[i] and "\n" in words[i] and self._hard_break(doc[i].idx, words[i], soft)
            ):
                if para_start < i:
                    self._paragraph(words, spaces, gap, starts, para_start, i)
                para_start = i + 1
        starts[0] = True
        # one array write: setting token.is_sent_start one by one re-checks the whole Doc each time
        values = (
            numpy.array([1 if is_start else -1 for is_start in starts], dtype="int64")
            .astype("uint64")
            .reshape(count, 1)
        )
        doc.from_array([SENT_START], values)
        return doc

    @staticmethod
    def _hard_break(idx: int, word: str, soft: set[int]) -> bool:
        if word.count("\n") > 1:
            return True
        return idx + word.index("\n") not in soft

    def _paragraph(
        self, words: list[str], spaces: list[bool], gap: list[bool], starts: list[bool], first: int, end: int
    ) -> None:
        """Mark the sentence starts of the paragraph ``words[first:end]`` (its first word starts one)."""
        k = first
        while k < end and spaces[k]:
            k += 1
        if k >= end:
            return
        starts[k] = True
        sent_first = k
        inside, quote_ends = self._quotes(words, spaces, gap, first, end)
        i = k
        while i < end:
            word = words[i]
            end_here = False
            if i in quote_ends:
                end_here = True
            elif not inside[i - first] and self._ends(words, i, sent_first):
                end_here = True
            if end_here:
                j = i + 1
                while j < end and (words[j] in TRAILERS or (words[j] in CLOSE_QUOTES and j in quote_ends)):
                    j += 1
                k = j
                while k < end and spaces[k]:
                    k += 1
                if k < end and self._starts(
                    words, k, end, after=word, before=words[i - 1] if i > first else ""
                ):
                    starts[k] = True
                    sent_first = k
                    i = k
                    continue
            i += 1

    def _ends(self, words: list[str], i: int, sent_first: int) -> bool:
        word = words[i]
        if word in END_PUNCT:
            if word == "." and i > sent_first:
                prev = words[i - 1]
                if i - 1 == sent_first and _ENUMERATOR.match(prev):
                    return False  # "1. Pendidikan", "a. Pertama"
            return True
        if len(word) > 1 and word.endswith("."):
            if _INITIALS.match(word):
                return True  # decided by _starts: only before a function word
            if word in self.never_end:
                return False
            return word in self.abbrev_forms or word in self.exception_forms
        return False

    def _starts(self, words: list[str], k: int, end: int, *, after: str, before: str) -> bool:
        """Does ``words[k]`` start a sentence, given the end mark ``after`` and the word ``before`` it?"""
        word = words[k]
        first = word[0]
        if first in OPEN_QUOTES or first in STRAIGHT_QUOTES or word in OPEN_BRACKETS or word == "``":
            if k + 1 < end:
                nxt = words[k + 1]
                return nxt[:1].isupper() or nxt[:1].isdigit()
            return False
        if _INITIALS.match(after) or (after == "." and len(before) == 1 and before.isupper()):
            # an initial ("Pius X. Febry") ends a sentence only before a function word that
            # opens sentences and is no name ("... Grup E. Sedangkan Grup F ...")
            return first.isupper() and word.lower() in SENTENCE_OPENERS
        if first.isupper() or first.isdigit():
            # after an abbreviation that may end a sentence, another abbreviation continues it
            return not (len(after) > 1 and after.endswith(".") and self._is_abbreviation(word))
        if first.islower() and after == ".":
            # a period before a lower-case word ends a sentence (a typo), unless the word before
            # it is short enough to be an unlisted abbreviation ("Rp2 jt. per bulan")
            return len(before) > _SHORT_WORD or not before.islower()
        return False

    def _is_abbreviation(self, word: str) -> bool:
        return (
            len(word) > 1
            and word.endswith(".")
            and (word in self.abbrev_forms or word in self.exception_forms or bool(_INITIALS.match(word)))
        )

    @staticmethod
    def _quotes(
        words: list[str], spaces: list[bool], gap: list[bool], first: int, end: int
    ) -> tuple[list[bool], set[int]]:
        """Tokens in a closed quotation of ``words[first:end]``, and the closing marks that end a sentence."""
        inside = [False] * (end - first)
        quote_ends: set[int] = set()
        open_at: int | None = None
        for i in range(first, end):
            word = words[i]
            if word in OPEN_QUOTES:
                open_at = i
                continue
            if word not in CLOSE_QUOTES and word not in STRAIGHT_QUOTES:
                continue
            space_before = i == first or spaces[i - 1] or gap[i - 1] or words[i - 1] in OPEN_BRACKETS
            space_after = i + 1 >= end or spaces[i + 1] or gap[i]
            opener_like = space_before and not space_after
            closer_like = space_after and not space_before
            if open_at is None or (opener_like and word in STRAIGHT_QUOTES):
                # a mark that looks like an opener (re)opens; an unmatched closer is ignored
                if opener_like or (word in STRAIGHT_QUOTES and not closer_like):
                    open_at = i
                continue
            if i - open_at <= MAX_QUOTE_TOKENS:
                for j in range(open_at + 1, i):
                    inside[j - first] = True
                last = i - 1
                while last > open_at and spaces[last]:
                    last -= 1
                if last > open_at and words[last] in END_PUNCT:
                    quote_ends.add(i)
            open_at = None
        return inside, quote_ends


@Language.factory(
    "kalbar_sentences",
    default_config={},
    assigns=["token.is_sent_start"],
)
def make_sentences(nlp: Language, name: str) -> Sentences:
    """Build the ``kalbar_sentences`` component."""
    return Sentences(nlp, name)
