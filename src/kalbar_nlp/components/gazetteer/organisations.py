"""Organisations and venues from head patterns (``Polres`` + region, ``Dinas`` + name) and acronyms.

Each head pattern has a *slot* saying what follows the head (``resources/patterns.jsonl``); the
rule for a slot is a small function named after it (:data:`SLOT_RULES`).
"""

from __future__ import annotations

from collections.abc import Callable

from ...lexicons.entity_words import entity_word_values, entity_words
from ...lexicons.organisations import Acronym, Pattern
from ...lexicons.word_keys import split_words
from .acronyms import after_portfolio
from .candidates import Cand, Scan
from .names import MAX_NAME_TOKENS, name_run, one_word_titles, opens_name, region_stop
from .regions import match_region, region_after
from .tokens import Tok, acr_case_ok, acronym_in_parentheses, initials_match, is_name_tok, is_roman, low_key

GOVERNMENT_LEVELS = entity_words("government_level")
LEGAL_SUFFIXES = entity_words("legal_suffix")
REGION_TAILS = entity_words("region_tail")
REGION_LEADS = entity_words("region_lead")
LEGAL_FORMS = entity_words("legal_form")
LISTED_SUFFIXES = entity_words("listed_suffix")
BRANCH_WORDS = entity_word_values("branch")
JURISDICTION_KINDS = ("province", "regency", "city")
NATIONAL_WORDS = entity_words("national")


def _country_tail(toks: list[Tok], j: int) -> int:
    """Past ``RI`` / ``Republik Indonesia`` written after an organisation."""
    if j >= len(toks):
        return j
    if toks[j].text == "RI":
        return j + 1
    if j + 1 < len(toks) and toks[j].low == "republik" and toks[j + 1].low == "indonesia" and toks[j].cap:
        return j + 2
    return j


def _legal_tail(toks: list[Tok], j: int) -> int:
    """Past ``(Persero)`` / ``(Perseroda)`` and ``Tbk`` written after a company's name."""
    if j < len(toks) and acronym_in_parentheses(toks, j) and toks[j + 1].low in LEGAL_SUFFIXES:
        j += 3
    if j < len(toks) and toks[j].cap and toks[j].low in LISTED_SUFFIXES:
        j += 1
    return j


def tail(toks: list[Tok], j: int, label: str) -> int:
    """Extend an organisation with ``RI`` / ``Republik Indonesia``, ``(Persero)`` and ``Tbk`` after it."""
    if label != "ORG":
        return j
    return _legal_tail(toks, _country_tail(toks, j))


def branch_tail(scan: Scan, j: int) -> int:
    """Extend an organisation with its regional branch (``Divre IV Tanjungkarang``, ``Cabang Sintang``)."""
    toks = scan.toks
    if j >= len(toks) or not toks[j].cap or toks[j].low not in BRANCH_WORDS or j in scan.blocked:
        return j
    k = j + 1
    follower = BRANCH_WORDS[toks[j].low]
    if follower:
        if k >= len(toks) or toks[k].low != follower:
            return j
        k += 1
    if k < len(toks) and (toks[k].text.isdigit() or (is_roman(toks[k]) and toks[k].upper)):
        k += 1
    end = name_run(scan, k, 4, stop_at_region=True) if k < len(toks) else k
    return end if end > k else j


def _region_tail(toks: list[Tok], j: int) -> int:
    """Past ``Kota`` after the region of a body (``Polres Blitar Kota``) where no name follows it."""
    if j < len(toks) and toks[j].cap and toks[j].low in REGION_TAILS:
        if j + 1 >= len(toks) or not is_name_tok(toks[j + 1]):
            return j + 1
    return j


def _region_slot(scan: Scan, i: int, h: int, pattern: Pattern) -> Cand | None:
    """``Polres`` + region; ``Pemerintah Kabupaten X`` with ``X`` unknown still names a government."""
    toks, source = scan.toks, f"pattern:{pattern.head}"
    acr_def = None
    if acronym_in_parentheses(toks, h) and h + 3 < len(toks):
        acr_def, h = (h + 1, h + 2), h + 3  # Pemerintah Kabupaten (Pemkab) Bone
    found = None
    if toks[h].cap and toks[h].low in REGION_LEADS and h + 1 < len(toks):
        found = region_after(scan, h + 1, pattern.head)  # Polres Metro Jakarta Timur
    found = found or region_after(scan, h, pattern.head)
    if found is not None:
        end = tail(toks, _region_tail(toks, found[2]), pattern.label)
        return Cand(
            i, end, pattern.label, pattern.kind, source, 4,
            head=pattern.head, region_span=(found[1], found[2]), acr_def=acr_def,
        )  # fmt: skip
    if acr_def is not None:
        return None
    if pattern.needs_region:
        if toks[h].low in GOVERNMENT_LEVELS and h + 1 < len(toks) and is_name_tok(toks[h + 1]):
            j = name_run(scan, h + 1, 4, place=True)
            return Cand(i, j, pattern.label, pattern.kind, source, 4, head=pattern.head)
        return None
    j = name_run(scan, h, 4, stop_at_region=True)
    return Cand(i, j, pattern.label, pattern.kind, source, 4, head=pattern.head) if j > h else None


def _place_slot(scan: Scan, i: int, h: int, pattern: Pattern) -> Cand | None:
    """``Desa`` + name, ``Kecamatan`` + a district; known regencies and provinces are the gazetteer's."""
    toks, source = scan.toks, f"pattern:{pattern.head}"
    if not toks[h].cap:
        return None
    if pattern.kind == "district":
        end, hits = match_region(scan.lex.regions, toks, h, any_case=True)
        regs = [region for region, _form in hits if region.kind == "district"]
        if regs:
            return Cand(i, end, "LOC", "district", source, 4, regs)
    if pattern.kind in ("regency", "province"):
        _end, hits = match_region(scan.lex.regions, toks, h, any_case=True)
        if hits:
            return None
    j = name_run(scan, h, 4, place=True)
    return Cand(i, j, "LOC", pattern.kind, source, 3) if j > h else None


def _number_name_slot(scan: Scan, i: int, h: int, pattern: Pattern) -> Cand | None:
    """``SMA Negeri 1`` + place, ``Kodam XII`` + name."""
    toks = scan.toks
    k = h
    if k < len(toks) and toks[k].low == "negeri":
        k += 1
    if k >= len(toks) or not (toks[k].text.isdigit() or (is_roman(toks[k]) and toks[k].upper)):
        return None
    k += 1
    j = name_run(scan, k, 3) if k < len(toks) and toks[k].cap else k
    return Cand(i, j, pattern.label, pattern.kind, f"pattern:{pattern.head}", 4, head=pattern.head)


def _trailing_acronym(toks: list[Tok], i: int, h: int, j: int) -> bool:
    """``PT Dalihan Natolu Group (DNG)``: the acronym after the name is the name's own."""
    if not (j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].cap):
        return False
    acr = toks[j + 1].text
    return initials_match(acr, toks[i:j]) or initials_match(acr, toks[h:j])


def _jurisdiction_after(scan: Scan, j: int) -> int:
    """Past the region written after a body's ``(ACR)``: ``Dinas Kesehatan (Dinkes) Kota Bandung``.

    Only a province, regency or city (a country after the acronym is rarely part of the name). The
    name is then listed as written, acronym inside: a reader quotes it so, and without the acronym
    it could be the name of the body or of its regional office.
    """
    toks = scan.toks
    if (
        j >= len(toks)
        or j in scan.blocked
        or not toks[j].cap
        or toks[j].low not in scan.lex.regions.prefix_first
    ):
        return j
    end = region_stop(scan, j, JURISDICTION_KINDS)
    return j if end is None else end


def _name_slot(scan: Scan, i: int, h: int, pattern: Pattern) -> Cand | None:
    """``Dinas`` + capitalised words (an organisation), ``Aula`` + name (a venue)."""
    toks = scan.toks
    head_acr = None
    if acronym_in_parentheses(toks, h) and h + 3 < len(toks):
        head_acr, h = (h + 1, h + 2), h + 3  # Rumah Sakit Umum Daerah (RSUD) Meuraxa
    if not opens_name(toks, h) or (
        toks[h].sent_start and toks[h - 1].text in ".!?" and not pattern.head.endswith(".")
    ):
        return None
    stop: bool | str = True if pattern.label == "ORG" else "after_title"
    j = name_run(scan, h, MAX_NAME_TOKENS, stop_at_region=stop)
    if j <= h:
        return None
    j = tail(toks, j, pattern.label)
    if pattern.label == "ORG":
        j = branch_tail(scan, j)
    acr_def = head_acr
    for k in range(i, j - 2):
        if toks[k].text == "(" and toks[k + 2].text == ")" and toks[k + 1].low not in LEGAL_SUFFIXES:
            acr_def = (k + 1, k + 2)
    if acr_def is None and _trailing_acronym(toks, i, h, j):
        acr_def, j = (j + 1, j + 2), j + 3
    acr_end = j
    if (
        pattern.label == "ORG"
        and acr_def is not None
        and acr_def[1] + 1 == j
        and toks[acr_def[0] - 2].low not in NATIONAL_WORDS
    ):
        j = _jurisdiction_after(scan, j)
    return Cand(
        i, j, pattern.label, pattern.kind, f"pattern:{pattern.head}", 4,
        head=pattern.head, acr_def=acr_def, as_written=j > acr_end,
    )  # fmt: skip


def _no_body_slot(scan: Scan, i: int, h: int, pattern: Pattern) -> Cand | None:
    """``Majelis Hakim``: the head names a panel or a group, no organisation (nor its shorter head)."""
    return None


SlotRule = Callable[[Scan, int, int, Pattern], "Cand | None"]
SLOT_RULES: dict[str, SlotRule] = {
    "region": _region_slot,
    "place": _place_slot,
    "number_name": _number_name_slot,
    "name": _name_slot,
    "none": _no_body_slot,
}


def apply_head(scan: Scan, i: int, h: int, pattern: Pattern) -> Cand | None:
    """The mention a head ``toks[i:h]`` opens, by the rule of its slot."""
    if h >= len(scan.toks) or h in scan.blocked:
        return None
    return SLOT_RULES[pattern.slot](scan, i, h, pattern)


def apply_acronym(scan: Scan, i: int, a: int, acr: Acronym) -> Cand | None:
    """The mention an acronym ``toks[i:a]`` opens: alone, with its region, or with its organisation."""
    toks, orgs, source = scan.toks, scan.lex.orgs, "acronym"
    if acr.type == "place":
        j = a + 1 if a < len(toks) and toks[a].text == "Nusantara" else a
        return Cand(i, j, "LOC", "other", source, 3, acronym=acr.acronym)
    if acr.type == "generic" or after_portfolio(scan, i):
        return None
    found = region_after(scan, a, acr.acronym) if a < len(toks) and a not in scan.blocked else None
    if found is not None:
        end = tail(toks, found[2], "ORG")
        return Cand(
            i,
            end,
            "ORG",
            None,
            source,
            4,
            acronym=acr.acronym,
            head=acr.acronym,
            region_span=(found[1], found[2]),
        )
    if acr.type == "unit":
        # Humas Polres Sintang: the unit belongs to the organisation that follows
        if a < len(toks) and (toks[a].low in orgs.acronyms or toks[a].low in orgs.heads):
            return Cand(i, a, "ORG", None, source, 1, acronym=acr.acronym, head=acr.acronym)
        return None
    end = tail(toks, a, "ORG")
    return Cand(i, end, "ORG", None, source, 3, acronym=acr.acronym, head=acr.acronym)


def _head_at(scan: Scan, i: int) -> Cand | None:
    """The longest head pattern at token ``i`` and the mention it opens."""
    toks, orgs = scan.toks, scan.lex.orgs
    for size in range(min(orgs.head_max, len(toks) - i), 0, -1):
        patterns = orgs.heads.get(low_key(toks[i : i + size]))
        if not patterns:
            continue
        head_words = split_words(patterns[0].head)
        if any(
            word.isupper() and len(word) > 1 and not tok.upper
            for word, tok in zip(head_words, toks[i : i + size], strict=False)
        ):
            continue
        return apply_head(scan, i, i + size, patterns[0])
    return None


def _acronym_at(scan: Scan, i: int) -> Cand | None:
    """The longest acronym at token ``i`` (written with its capitals) and the mention it opens."""
    toks, orgs = scan.toks, scan.lex.orgs
    for size in range(min(orgs.acr_max, len(toks) - i), 0, -1):
        acr = orgs.acronyms.get(low_key(toks[i : i + size]))
        if acr is None or not acr_case_ok(acr.acronym, toks[i : i + size]):
            continue
        return apply_acronym(scan, i, i + size, acr)
    return None


def _suffix_at(scan: Scan, i: int) -> Cand | None:
    """Suffix words close a name: ``Sultan Hotel``, ``Bhayangkara FC``."""
    toks = scan.toks
    tok = toks[i]
    pattern = scan.lex.orgs.suffixes.get(tok.low)
    if pattern is None or i == 0 or not tok.cap or tok.sent_start:
        return None
    start = i
    while start > 0 and i - start < 5 and is_name_tok(toks[start - 1]) and (start - 1) not in scan.blocked:
        start -= 1
        if toks[start].sent_start:
            break
    if start > 0 and toks[start - 1].text == "The":
        start -= 1
    while start < i and toks[start].low in one_word_titles():
        start += 1  # Rektor IPB University: the post before the name is no part of it
    # Saham PT Aneka Tambang Tbk: a legal form opens the company's name
    start = next((k for k in range(start, i) if toks[k].low in LEGAL_FORMS), start)
    return Cand(start, i + 1, pattern.label, pattern.kind, "pattern:suffix", 2) if start < i else None


def find_patterns(scan: Scan) -> list[Cand]:
    """Organisations and venues opened by a head, an acronym or closed by a suffix word."""
    out: list[Cand] = []
    first_words = scan.lex.orgs.first_words
    for i, tok in enumerate(scan.toks):
        if i in scan.blocked or not (tok.cap or tok.text.isdigit()) or tok.low not in first_words:
            continue
        for rule in (_head_at, _acronym_at, _suffix_at):
            cand = rule(scan, i)
            if cand is not None:
                out.append(cand)
    return out
