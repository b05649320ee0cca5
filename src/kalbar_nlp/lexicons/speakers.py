"""The cue lexicon as the quote rules read it: ``speech_verbs.tsv`` with the posts and ranks of the
titles lexicon among the words that may open a speaker phrase.

A speaker phrase reads through a title or a rank to the name (``kata Kalapas Sintang, Budi``,
``ujar Bharada Dedi``): every post of ``titles.tsv`` and every rank of ``ranks.tsv`` counts as such a
word, so the phrase rules need no list of their own beside those tables.
"""

from __future__ import annotations

import dataclasses
import functools

from .speech_verbs import SpeechLexicon, load_speech_lexicon
from .titles import load_lexicon as load_title_lexicon


def title_heads() -> frozenset[str]:
    """The first words of the posts and ranks of the titles lexicon, case-folded (``kalapas``)."""
    titles = load_title_lexicon()
    return frozenset(titles.titles.by_first) | frozenset(titles.ranks.by_first)


@functools.cache
def load_quote_lexicon() -> SpeechLexicon:
    """:func:`load_speech_lexicon` with :func:`title_heads` among its prefixes (built once)."""
    lexicon = load_speech_lexicon()
    return dataclasses.replace(lexicon, prefixes=lexicon.prefixes | title_heads())
