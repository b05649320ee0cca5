"""The words of the quote rules: ``resources/quote_words.tsv`` and the calendar words.

``quote_words.tsv`` (``word, kind, note``) holds, by the role they play, the small word sets
the quote rules read: clause markers (``bahwa``), sentence connectives (``Sementara itu``),
abbreviations, particles and adverbs around a verb of saying, words that make a clause of
what follows a verb, and the like (the file's header lists every kind). A word with several
roles has several rows. The calendar words (never part of a name) are the full month names
of ``dates/months.tsv``, the weekdays of ``dates/weekdays.tsv`` and the ``time_zone`` rows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .table import LexiconError, read_table

RESOURCE = "quote_words.tsv"
KINDS = frozenset(
    {
        "clause_marker",
        "connective",
        "abbreviation",
        "verb_particle",
        "trailing_adverb",
        "subject_particle",
        "subject_adverb",
        "lead_adverb",
        "hal_particle",
        "hal_as",
        "hal_similar",
        "demonstrative",
        "anaphor_tail",
        "post_adverb",
        "written_cue",
        "focus_verb",
        "fragment_opener",
        "document_subject",
        "orphan_marker",
        "generic_lead",
        "source_prep",
        "citing_passive",
        "source_noun",
        "called_adverb",
        "called_verb",
        "after_name",
        "via",
        "subject_via",
        "naming_phrase",
        "naming_verb",
        "directive_verb",
        "directive_link",
        "clause_word",
        "clause_opener",
        "not_clause_before",
        "not_clause_verb",
        "not_subject_end",
        "not_topic_end",
        "time_prep",
        "not_adjunct",
        "addressee_prep",
        "topic_prep",
        "adverbial_opener",
        "generic_subject",
        "time_zone",
        "person_article",
        "title_joiner",
        "inner_cue",
        "bare_cue",
        "bare_cue_opener",
        "not_content_start",
        "time_opener",
        "medium",
    }
)


@dataclass(frozen=True)
class QuoteWords:
    """The rows of ``quote_words.tsv`` grouped by kind, in file order (all lower-case)."""

    by_kind: dict[str, tuple[str, ...]]

    def ordered(self, kind: str) -> tuple[str, ...]:
        """The entries of ``kind`` in file order (several-word entries with single spaces)."""
        return self.by_kind.get(kind, ())

    def words(self, kind: str) -> frozenset[str]:
        """The entries of ``kind`` as a set."""
        return frozenset(self.ordered(kind))


@functools.cache
def load_quote_words() -> QuoteWords:
    """Load ``resources/quote_words.tsv`` once per process.

    Raises:
        LexiconError: a row of an unknown kind, or a kind without any row.
    """
    groups: dict[str, list[str]] = {kind: [] for kind in sorted(KINDS)}
    for row in read_table(RESOURCE, ("word", "kind", "note"), required=("word", "kind"), pad=True):
        if row["kind"] not in KINDS:
            raise LexiconError(f"resources/{RESOURCE}: unknown kind {row['kind']!r} in {row!r}")
        groups[row["kind"]].append(" ".join(row["word"].casefold().split()))
    empty = sorted(kind for kind, words in groups.items() if not words)
    if empty:
        raise LexiconError(f"resources/{RESOURCE}: no entry of kind {empty}")
    return QuoteWords({kind: tuple(words) for kind, words in groups.items()})


@functools.cache
def calendar_words() -> frozenset[str]:
    """Month names (full forms), weekday names and time zones, lower-case: never part of a name."""
    months = {
        row["form"]
        for row in read_table("dates/months.tsv", ("form", "month", "kind"))
        if row["kind"] == "full"
    }
    weekdays = {row["form"] for row in read_table("dates/weekdays.tsv", ("form", "index", "name"))}
    words = {word.casefold() for word in months | weekdays}
    return frozenset(words | load_quote_words().words("time_zone"))
