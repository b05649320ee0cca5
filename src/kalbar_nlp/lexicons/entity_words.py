"""The words of the gazetteer's rules (``resources/entity_words.tsv``), grouped by their role.

Each line of the table is one word and one ``kind`` (its role: ``stop``, ``connector``,
``title_context``...); a word with several roles has several lines. Kinds that map a word to
something (``key_expansion``, ``government``, ``name_prefix``) carry it in the ``value`` column.
"""

from __future__ import annotations

import functools

from .table import LexiconError, read_table

NAME = "entity_words.tsv"
KINDS = (
    "stop",
    "connector",
    "compass",
    "title_context",
    "district_context",
    "address",
    "non_org_first",
    "locative",
    "legal_form",
    "admin",
    "need_qualifier",
    "city_context",
    "regency_context",
    "bare_prefix",
    "full_prefix",
    "village_prefix",
    "venue_generic",
    "name_tail",
    "place_status",
    "road_head",
    "lower_head",
    "area_head",
    "list_head",
    "list_join",
    "prefix_compound",
    "key_expansion",
    "government",
    "government_level",
    "name_prefix",
    "outlet_domain",
    "inside_name",
    "list_end",
    "legal_suffix",
    "listed_suffix",
    "branch",
    "name_break",
    "lettered_unit",
    "company_context",
    "party",
    "unit_head",
    "unit_title",
    "region_tail",
    "citing",
    "platform",
    "region_lead",
    "national",
    "glued",
    "key_skip",
    "key_qualifier",
    "service_word",
    "name_abbreviation",
    "body_word",
    "portfolio_title",
)


@functools.cache
def _entries() -> dict[str, dict[str, str]]:
    """Every kind's words, in file order, each with its value (``""`` where the kind has none)."""
    by_kind: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for number, row in enumerate(read_table(NAME, ("word", "kind", "value"), pad=True), 1):
        if row["kind"] not in by_kind:
            raise LexiconError(
                f"resources/{NAME}: entry {number} ({row['word']!r}): unknown kind {row['kind']!r}"
            )
        by_kind[row["kind"]][row["word"]] = row["value"]
    return by_kind


@functools.cache
def entity_words(kind: str) -> frozenset[str]:
    """The words of one ``kind`` (see :data:`KINDS`)."""
    return frozenset(_entries()[kind])


def entity_word_values(kind: str) -> dict[str, str]:
    """The words of one ``kind`` mapped to their ``value``, in file order (a copy)."""
    return dict(_entries()[kind])
