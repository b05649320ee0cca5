"""Places listed after one head word: ``Desa Sungai Ambawang, Kuala Dua, dan Punggur``.

The head (``Desa``, ``Kelurahan``, ``Pulau``) is written once and holds for every item of a
list closed by ``dan``/``serta``: each item is a place of the same kind. A list is read only
where every item is a capitalised name that is no known larger region, no person's or title's word and
no organisation (``Desa Sukamaju, Kecamatan X`` or ``Desa Sukamaju, Budi ...`` are no lists).
"""

from __future__ import annotations

from ...lexicons.entity_words import entity_words
from ...lexicons.organisations import load_person_signals
from .candidates import Cand, Scan
from .names import ADDRESS_WORDS, LIST_JOINS, name_run, opens_org
from .regions import match_region

LIST_HEADS = entity_words("list_head")
MAX_ITEMS = 6
#: An item that names one of these is where the list's places lie, not one of them (Desa A, Pontianak).
LARGER_PLACES = ("province", "regency", "city", "country", "other")
MAX_ITEM_TOKENS = 4


def _item_ok(scan: Scan, k: int) -> bool:
    """Token ``k`` may open an item of a place list."""
    toks, lex = scan.toks, scan.lex
    tok = toks[k]
    if not tok.cap or tok.sent_start or k in scan.blocked:
        return False
    if tok.low in ADDRESS_WORDS or tok.low in lex.regions.prefix_first or tok.low in load_person_signals():
        return False
    if opens_org(lex.orgs, tok):
        return False
    hits = match_region(lex.regions, toks, k)[1]
    return not any(region.kind in LARGER_PLACES for region, _form in hits)


def _items(scan: Scan, k: int) -> list[tuple[int, int]]:
    """The items after token ``k``: ``, B``, ``, dan C``, ``dan C``; only a list closed by ``dan``."""
    toks = scan.toks
    items: list[tuple[int, int]] = []
    while k < len(toks) and len(items) < MAX_ITEMS:
        start = k + 1 if toks[k].text == "," else k
        joined = start < len(toks) and toks[start].low in LIST_JOINS and toks[start].text != ","
        start += int(joined)
        if start == k or start >= len(toks) or not _item_ok(scan, start):
            return []
        end = name_run(scan, start, MAX_ITEM_TOKENS, place=True)
        if end <= start:
            return []
        items.append((start, end))
        if joined:
            return items
        k = end
    return []


def distribute_heads(scan: Scan, cands: list[Cand]) -> list[Cand]:
    """The places a listed head word also names (``Desa A, B dan C`` -> B and C)."""
    out = []
    for cand in cands:
        if cand.label != "LOC" or cand.regions or scan.toks[cand.i].low not in LIST_HEADS:
            continue
        for start, end in _items(scan, cand.j):
            out.append(Cand(start, end, "LOC", cand.kind, cand.source, 3))
    return out
