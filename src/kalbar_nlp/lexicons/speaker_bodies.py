"""Generic nouns for a kind of body as a speaker: ``resources/speaker_bodies.tsv``.

``polisi`` and ``pihak kepolisian`` stand for the police unit the article names, ``perusahaan``
for its company: each noun maps to the first words of the names of such bodies (``noun, unit``).
"""

from __future__ import annotations

import functools

from .table import read_table

RESOURCE = "speaker_bodies.tsv"


@functools.cache
def load_speaker_bodies() -> dict[str, frozenset[str]]:
    """The first words of the bodies' names (lower case) for each generic noun (lower case)."""
    units: dict[str, set[str]] = {}
    for row in read_table(RESOURCE, ("noun", "unit"), required=("noun", "unit")):
        units.setdefault(row["noun"].casefold(), set()).add(row["unit"].casefold())
    return {noun: frozenset(found) for noun, found in units.items()}
