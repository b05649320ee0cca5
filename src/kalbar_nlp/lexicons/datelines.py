"""Words that are never a dateline's place (``resources/dateline_not_places.tsv``)."""

from __future__ import annotations

import functools

from .table import LexiconError, read_table

KINDS = frozenset({"opener", "title"})


@functools.cache
def not_place_words() -> frozenset[str]:
    """Lower-case first words of a sentence that never name a dateline place (``laporan``, ``ketua``).

    Raises:
        LexiconError: a kind other than ``opener`` or ``title``.
    """
    rows = read_table("dateline_not_places.tsv", ("word", "kind"), required=("word", "kind"))
    for row in rows:
        if row["kind"] not in KINDS:
            raise LexiconError(f"resources/dateline_not_places.tsv: unknown kind {row['kind']!r}")
    return frozenset(row["word"].lower() for row in rows)
