"""Light checks of an input text: is it markup rather than article text, and is it Indonesian?

Both only warn (the record's ``warnings``); the text is parsed as given.
"""

from __future__ import annotations

import functools
import re

__all__ = ["html_warning", "language_warning", "looks_like_html", "stop_word_ratios"]

#: Opening of a text that is an HTML document rather than article text (checked case-insensitively).
HTML_OPENINGS = ("<!doctype html", "<html", "<?xml", "<head", "<body")

#: Tags whose presence in the first part of a text marks it as markup.
HTML_TAGS = ("<p>", "<p ", "<div", "<br", "</p>", "<script", "<meta ", "<title>", "<span", "</a>")

#: Fewer words than this are too few to judge the language of.
MIN_WORDS = 40

#: Share of Indonesian stop words below which a text is not taken for Indonesian.
MIN_INDONESIAN_RATIO = 0.10

#: How much of the text is looked at (the opening is enough to judge).
SAMPLE_CHARS = 5000

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def looks_like_html(text: str) -> bool:
    """Tell whether ``text`` is an HTML document or fragment rather than article text."""
    head = text[:SAMPLE_CHARS].lstrip().lower()
    if head.startswith(HTML_OPENINGS):
        return True
    return sum(head.count(tag) for tag in HTML_TAGS) >= 2


def html_warning(text: str) -> str | None:
    """A warning for a text that is markup, pointing to :func:`kalbar_nlp.parse_html`; else ``None``."""
    if not looks_like_html(text):
        return None
    return (
        "text: looks like an HTML page, not article text; tags and scripts will be read as words "
        "(use kalbar_nlp.parse_html, or the CLI on .html files, to extract the article first)"
    )


@functools.cache
def _stop_words() -> tuple[frozenset[str], frozenset[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.id.stop_words import STOP_WORDS as INDONESIAN

    return frozenset(INDONESIAN), frozenset(ENGLISH - INDONESIAN)


def stop_word_ratios(text: str) -> tuple[float, float, int]:
    """Return ``(indonesian, english, words)``: the shares of spaCy's stop words of each language."""
    indonesian, english = _stop_words()
    words = [match.group().lower() for match in _WORD.finditer(text[:SAMPLE_CHARS])]
    if not words:
        return 0.0, 0.0, 0
    n_id = sum(word in indonesian for word in words)
    n_en = sum(word in english for word in words)
    return n_id / len(words), n_en / len(words), len(words)


def language_warning(text: str) -> str | None:
    """A warning when ``text`` does not read as Indonesian (by its share of stop words); else ``None``."""
    indonesian, english, n_words = stop_word_ratios(text)
    if n_words < MIN_WORDS:
        return None
    if indonesian >= MIN_INDONESIAN_RATIO and indonesian >= english:
        return None
    guess = "English" if english > indonesian else "not Indonesian"
    return (
        f"text: does not read as Indonesian ({guess}: {indonesian:.0%} Indonesian stop words, "
        f"{english:.0%} English ones); the rules and the model are made for Indonesian news"
    )
