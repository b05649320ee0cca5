"""Function words of headlines (``resources/headline_function_words.tsv``)."""

from __future__ import annotations

import functools

from .table import read_table


@functools.cache
def headline_function_words() -> frozenset[str]:
    """Lower-case words that stand lower-case inside a Title Case headline (``di``, ``dan``, ``usai``)."""
    return frozenset(row["word"].lower() for row in read_table("headline_function_words.tsv", ("word",)))
