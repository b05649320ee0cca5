"""Kemendagri codes for the villages an article names, where its context makes them certain.

A village (``Desa Sungai Asam``, ``Kelurahan Tanjung Hilir``, ``Gampong Meunasah Manyang``)
gets its code only when its name and a district or regency the article names (the dateline's
place included) resolve to exactly one village of ``resources/villages.tsv``: first the
districts named, then the regencies and cities. A name found in none of them, or in two
villages of the same district or regency, keeps no code. Hamlets (``Dusun``, ``Jorong``) are
below the villages of the table and are never looked up.
"""

from __future__ import annotations

from typing import Any

from ...lexicons.entity_words import entity_words
from ...lexicons.villages import village_key, villages_by_key
from ...lexicons.word_keys import normalise

VILLAGE_PREFIXES = entity_words("village_prefix")
#: How many parts of a village's code name its district and its regency (61.12.01.2001).
PARENT_DEPTHS = ((3, ("district",)), (2, ("regency", "city")))


def _keys(form: str) -> list[str]:
    """The keys a village's written form is looked up by: without its prefix, and whole."""
    words = normalise(form).split()
    if len(words) < 2 or words[0] not in VILLAGE_PREFIXES:
        return []
    return [village_key(" ".join(words[1:])), village_key(" ".join(words))]


def village_code(forms: list[str], parents: dict[str, set[str]]) -> str | None:
    """The code of the one village these forms name inside the article's ``parents`` (by kind)."""
    codes: set[str] = set()
    for form in forms:
        for key in _keys(form):
            codes.update(villages_by_key().get(key, ()))
    for depth, kinds in PARENT_DEPTHS:
        named = set().union(*(parents.get(kind, set()) for kind in kinds))
        inside = {code for code in codes if ".".join(code.split(".")[:depth]) in named}
        if inside:
            return inside.pop() if len(inside) == 1 else None
    return None


def assign_village_codes(groups: list[dict[str, Any]]) -> None:
    """Give each village group (and its mentions' records) its code where it is certain."""
    villages = [group for group in groups if group["kind"] == "village" and not group["code"]]
    parents: dict[str, set[str]] = {}
    for group in groups:
        if group["code"] and group["kind"] in ("district", "regency", "city"):
            parents.setdefault(group["kind"], set()).add(group["code"])
    if not villages or not parents:
        return
    for group in villages:
        if not any(_keys(form) for form in group["forms"]):
            continue
        code = village_code(group["forms"], parents)
        if code is not None:
            group["code"] = code
            for record in group["records"]:
                record["code"] = code
