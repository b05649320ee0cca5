"""Units written before their organisation belong to its name (``Tim Elang Polresta Pontianak``).

A unit is a unit acronym of ``resources/acronyms.tsv`` (``Reskrim``, ``Ditsiber``) or a unit head of
``resources/entity_words.tsv`` (``Tim``, ``Unit``, ``Subdit``) with the unit's own name after it
(``Tim Elang``, ``Unit PPA``, ``Subdit Jatanras``). Units nest (``Tim Opsnal Reskrim Polsek X``),
so the organisation's mention is extended backwards over each of them in turn. A council's unit
named by a letter or a numeral (``Komisi IX DPR RI``) lists its council as well.
"""

from __future__ import annotations

from dataclasses import replace

from ...lexicons.entity_words import entity_words
from .candidates import Cand, Scan
from .tokens import acr_case_ok, is_name_tok, is_roman

UNIT_HEADS = entity_words("unit_head")
UNIT_TITLES = entity_words("unit_title")
UNIT_NAME_WORDS = 2  # words of a unit's own name after its head (Seksi Pidana Khusus)
# Heads of a council's units named by a letter or a numeral (Komisi IX DPR RI, Komisi A DPRD X)
LETTERED_UNITS = entity_words("lettered_unit")


def _unit_acronym(scan: Scan, k: int) -> bool:
    """``toks[k]`` is a unit acronym written with its capitals (``Reskrim``, ``Satintelkam``)."""
    tok = scan.toks[k]
    acr = scan.lex.orgs.acronyms.get(tok.low)
    return acr is not None and acr.type == "unit" and acr_case_ok(acr.acronym, [tok])


def _unit_head(scan: Scan, k: int) -> bool:
    """``toks[k]`` is a capitalised unit head (``Tim``, ``Unit``, ``Subdit``)."""
    tok = scan.toks[k]
    return tok.cap and tok.low in UNIT_HEADS and k not in scan.blocked


def _unit_name_word(scan: Scan, k: int) -> bool:
    """``toks[k]`` may be a word of a unit's own name: a name word that opens no organisation."""
    tok = scan.toks[k]
    orgs = scan.lex.orgs
    return (
        is_name_tok(tok)
        and not tok.text.isdigit()
        and not tok.sent_start
        and tok.low not in orgs.heads
        and k not in scan.blocked
    )


def _unit_before(scan: Scan, i: int) -> int:
    """The first token of the unit written right before token ``i`` (``i`` itself where there is none)."""
    start = i
    if i > 0 and (i - 1) not in scan.blocked and _unit_acronym(scan, i - 1):
        start = i - 2 if i > 1 and _unit_head(scan, i - 2) else i - 1  # Unit Reskrim Polsek X
    else:
        for size in range(1, UNIT_NAME_WORDS + 1):
            head = i - size - 1
            if head < 0 or not _unit_name_word(scan, head + 1):
                break
            if _unit_head(scan, head):
                start = head
                break
    if start > 0 and scan.toks[start - 1].low in UNIT_TITLES:
        return i  # Kasat Reskrim Polres X: the unit belongs to the title
    return start


def _takes_units(scan: Scan, cand: Cand) -> bool:
    """An organisation that units belong to: an acronym's mention or a head with its region (Polres X)."""
    if cand.label != "ORG" or cand.head is None or cand.acr_def is not None:
        return False
    return cand.source == "acronym" or cand.region_span is not None


def attach_units(scan: Scan, cands: list[Cand]) -> list[Cand]:
    """Each organisation that takes units, extended backwards over the units written before it.

    The organisation itself stays an organisation of the article (``Polsek X`` in ``Reskrim Polsek
    X``): the longer mention carries it as its ``inner`` mention.
    """
    out = []
    for cand in cands:
        start = cand.i
        while _takes_units(scan, cand):
            earlier = _unit_before(scan, start)
            if earlier == start:
                break
            start = earlier
        if start == cand.i:
            out.append(cand)
            continue
        chain = replace(cand, i=start, inner=cand)
        out.append(chain)
    return _lettered_units(scan, out)


def _designator(scan: Scan, k: int) -> bool:
    """``toks[k]`` names a council's unit: a Roman numeral in capitals or one capital letter (IX, A)."""
    if k >= len(scan.toks):
        return False
    tok = scan.toks[k]
    return tok.upper and (is_roman(tok) or (len(tok.text) == 1 and tok.text.isalpha()))


def _lettered_units(scan: Scan, cands: list[Cand]) -> list[Cand]:
    """A council's lettered unit lists its council too: ``Komisi IX DPR RI`` gives ``DPR RI``.

    The head's own rule reads the whole name; the council's mention that ends it (an acronym's or
    a head's with its region) becomes its ``inner`` mention, as a unit's organisation does.
    """
    councils: dict[tuple[int, int], Cand] = {
        (cand.i, cand.j): cand
        for cand in cands
        if cand.label == "ORG" and (cand.source == "acronym" or cand.region_span is not None)
    }
    out = []
    for cand in cands:
        head = cand.head.casefold() if cand.head else ""
        if (
            cand.label == "ORG"
            and cand.inner is None
            and head in LETTERED_UNITS
            and _designator(scan, cand.i + 1)
        ):
            council = councils.get((cand.i + 2, cand.j))
            if council is not None:
                cand = replace(cand, inner=council)
        out.append(cand)
    return out


def _unit_acronym_type(scan: Scan, cand: Cand) -> str | None:
    """``unit`` or ``regional`` where ``cand`` is an acronym's mention that may open a longer name."""
    if cand.source != "acronym" or cand.region_span is not None or cand.head is None:
        return None
    acr = scan.lex.orgs.acronyms.get(cand.head.casefold())
    if acr is None or acr.type not in ("regional", "unit"):
        return None
    if cand.i > 0 and scan.toks[cand.i - 1].low in UNIT_TITLES:
        return None  # Kasat Reskrim Polres X
    return acr.type


def compose_units(scan: Scan, cands: list[Cand]) -> list[Cand]:
    """A unit acronym written before its organisation is one organisation (``Polairud Polda Lampung``).

    After a unit of type ``unit`` (``Reskrim Polsek X``) the organisation stays one of the article
    as well (the longer mention's ``inner`` mention); a ``regional`` one names a body of its own
    (``Satreskrim Polres X``). A unit after a title fused with it (``Kasat Reskrim Polres X``) is
    the title's.
    """
    orgs = {cand.i: cand for cand in cands if cand.label == "ORG" and cand.region_span is not None}
    out = []
    used: set[int] = set()
    for cand in sorted(cands, key=lambda cand: (cand.i, -(cand.j - cand.i))):
        nxt = orgs.get(cand.j)
        unit_type = _unit_acronym_type(scan, cand)
        if cand.label == "ORG" and nxt is not None and unit_type is not None and id(nxt) not in used:
            used.add(id(nxt))
            out.append(
                Cand(
                    cand.i, nxt.j, "ORG", None, cand.source, 4, acronym=cand.acronym, head=cand.head,
                    region_span=nxt.region_span, inner=nxt if unit_type == "unit" else None,
                )
            )  # fmt: skip
            continue
        if not (cand.source == "acronym" and cand.prio == 1):  # a unit without its organisation is none
            out.append(cand)
    return [cand for cand in out if id(cand) not in used]
