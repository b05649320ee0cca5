"""Region names to Kemendagri codes (``resources/regions.tsv`` and ``region_aliases.tsv``).

A plain look-up by name for text outside an article's context (a post's jurisdiction in a
title, a dateline's place): ``Ketapang`` -> ``61.04``, ``Kota Pontianak`` -> ``61.71``,
``Sumut`` -> ``12``. Names shared by several regions keep every candidate with its kind, so the
caller can prefer a city for ``Wali Kota`` and a regency for ``Bupati``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .table import read_table

#: Prefixes that name the kind of a region (``Kota Pontianak``, ``Kabupaten Ketapang``).
KIND_PREFIXES = (
    ("provinsi ", "province"),
    ("kabupaten ", "regency"),
    ("kab. ", "regency"),
    ("kab ", "regency"),
    ("kota ", "city"),
)


@dataclass(frozen=True, slots=True)
class RegionName:
    """One region a name can stand for."""

    code: str
    kind: str
    name: str


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace(".", ". ").split())


@functools.cache
def region_names() -> dict[str, tuple[RegionName, ...]]:
    """Casefolded name -> the regions (provinces, regencies, cities, districts) it can name."""
    index: dict[str, list[RegionName]] = {}
    by_code: dict[str, RegionName] = {}
    for row in read_table("regions.tsv", ("code", "kind", "name", "short", "variants"), pad=True):
        region = RegionName(row["code"], row["kind"], row["short"])
        by_code[row["code"]] = region
        forms = {row["name"], row["short"], *filter(None, row["variants"].split("|"))}
        for form in forms:
            index.setdefault(_fold(form), []).append(region)
    for row in read_table("region_aliases.tsv", ("alias", "code")):
        region = by_code.get(row["code"])
        if region is not None:
            index.setdefault(_fold(row["alias"]), []).append(region)
    return {name: tuple(dict.fromkeys(regions)) for name, regions in index.items()}


def lookup_region(name: str, prefer: str | None = None) -> RegionName | None:
    """The region a name stands for, else ``None``.

    Args:
        name: a region name as written (``Ketapang``, ``Kota Pontianak``, ``Kalbar``).
        prefer: the kind to take where the name is shared (``"city"``, ``"regency"``...);
            a prefix such as ``Kota`` in ``name`` decides first.

    Returns:
        The one region meant: the only candidate, or the one of the preferred kind, else the
        highest-level candidate (province before regency/city before district).
    """
    folded = _fold(name)
    for prefix, kind in KIND_PREFIXES:
        if folded.startswith(prefix):
            prefer = kind
            folded = folded[len(prefix) :]
            break
    candidates = region_names().get(folded, ())
    if not candidates:
        return None
    chosen = [region for region in candidates if region.kind == prefer]
    pool = chosen or list(candidates)
    return min(pool, key=lambda region: (region.code.count("."), region.code))
