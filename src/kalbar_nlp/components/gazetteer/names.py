"""Runs of capitalised words that make a name after a head (``Dinas`` + ``Pendidikan Kota Bandung``)."""

from __future__ import annotations

import functools

from ...lexicons.entity_words import entity_words
from ...lexicons.organisations import OrganisationLexicon, load_person_signals
from ...lexicons.titles import load_lexicon as load_titles
from .candidates import Scan
from .regions import TITLE_CONTEXT, match_region
from .tokens import (
    CONNECTORS,
    Tok,
    abbreviation_point,
    acr_case_ok,
    acronym_in_parentheses,
    is_name_tok,
    is_roman,
    low_key,
)

MAX_NAME_TOKENS = 8
#: the most abbreviations in a row inside a name (Jalan KH. Dr. Idham Chalid)
MAX_ABBREVIATIONS = 3
# Words that open an address inside a longer name: an organisation's name stops before them.
ADDRESS_WORDS = entity_words("address")
INSIDE_NAME = entity_words("inside_name")
LIST_END = entity_words("list_end")
LIST_ITEM_WORDS = 3  # words of one field in a portfolio list (Usaha Kecil)
LIST_ITEMS = 6  # fields of one portfolio list
# Words that alone make no venue's name (Pasar Tradisional, Geopark Nasional, Jalan Raya).
GENERIC_VENUE_WORDS = entity_words("venue_generic")
# Words that join the items of a list (Desa A, B dan C): two places, never one name.
LIST_JOINS = entity_words("list_join")
# Words an organisation's name ends before: a body of its own (Fraksi), a school or budget year (Tahun)
NAME_BREAKS = entity_words("name_break")


@functools.cache
def rank_words() -> frozenset[str]:
    """One-word police and military ranks (``AKP``, ``Kompol``, ``Kapten``) of ``ranks.tsv``."""
    ranks = load_titles().ranks.by_first
    return frozenset(word for word, phrases in ranks.items() if any(len(key) == 1 for key, _value in phrases))


@functools.cache
def one_word_titles() -> frozenset[str]:
    """Posts written as one word (``Kepala``, ``Rektor``, ``Pelatih``) of ``titles.tsv``."""
    by_first = load_titles().titles.by_first
    return frozenset(word for word, phrases in by_first.items() if any(len(key) == 1 for key, _ in phrases))


def opens_name(toks: list[Tok], k: int) -> bool:
    """``toks[k]`` may open a name after a head: a name word, or a stop word that is the first word
    of a two-word field (``Lalu`` of ``Satuan Lalu Lintas``, ``Sumber`` of ``Dinas Sumber Daya Air``)."""
    tok = toks[k]
    if is_name_tok(tok):
        return True
    return tok.cap and tok.low in INSIDE_NAME and not tok.sent_start and k + 1 < len(toks) and toks[k + 1].cap


def opens_org(orgs: OrganisationLexicon, tok: Tok) -> bool:
    """Whether ``tok`` opens an organisation's name (a head: ``Pengadilan``, an acronym: ``DPRD``)."""
    if any(pattern.label == "ORG" for pattern in orgs.heads.get(tok.low, ())):
        return True
    acr = orgs.acronyms.get(tok.low)
    return acr is not None and acr.type in ("org", "regional") and acr_case_ok(acr.acronym, [tok])


ORG_REGION_KINDS = ("province", "regency", "city", "country")


def region_stop(scan: Scan, j: int, kinds: tuple[str, ...] = ORG_REGION_KINDS) -> int | None:
    """End of a region or country name at ``j`` that closes an organisation's name (Dinas X Kota Bandung).

    ``kinds`` are the kinds of region that close it.
    """
    toks, lex = scan.toks, scan.lex.regions
    k = j
    for size in (2, 1):
        if low_key(toks[j : j + size]) in lex.prefix_kinds and j + size < len(toks):
            k = j + size
            break
    end, hits = match_region(lex, toks, k, any_case=k > j)
    if not hits:
        return None
    if k == j and low_key(toks[k:end]) in lex.common_words:
        return None
    if any(region.kind in kinds for region, _form in hits):
        return end
    return None


def _stops_before(scan: Scan, i: int, j: int, stop_at_region: bool | str, place: bool) -> bool:
    """The run from ``i`` ends before token ``j`` (an address word, a prefix, another organisation).

    A rank after the name's first word opens the person who holds a post there (``Kapolsek
    Pasar Rebo AKP ...``); as the first word it belongs to a street's hero (``Jalan Kapten X``).
    After generic words only (``Jalan Raya``) an address word still belongs to the name.
    """
    tok = scan.toks[j]
    if j > i and tok.cap and tok.low.rstrip(".") in rank_words():
        return True
    if stop_at_region is True and tok.cap and tok.low in NAME_BREAKS:
        return True  # Komisi I | Fraksi Partai X, DPRD | Fraksi X Kabupaten Y: a faction is a body of its own
    address = tok.low in ADDRESS_WORDS and not all(prev.low in GENERIC_VENUE_WORDS for prev in scan.toks[i:j])
    if place and j > i and (address or tok.low in scan.lex.regions.prefix_first):
        return True
    if stop_at_region == "after_title" and j - i >= 2 and opens_org(scan.lex.orgs, tok):
        return True  # Ruang Sidang Utama | Pengadilan Tipikor Medan: the venue, then its owner
    if not (stop_at_region and j > i and address):
        return False
    # in an organisation's name, an address word opens an address only with a name after it
    # (Dinas Pemberdayaan Masyarakat Desa)
    return stop_at_region != True or (j + 1 < len(scan.toks) and is_name_tok(scan.toks[j + 1]))  # noqa: E712


def _region_end(scan: Scan, j: int, stop_at_region: bool | str) -> int | None:
    """Where the run ends if a region that closes it starts at ``j``."""
    end = region_stop(scan, j)
    if end is not None and stop_at_region == "after_title" and j > 0:
        # a venue keeps a place word inside its name (Hotel Kapuas Permai) unless a prefix or
        # a title puts the place at its end (Kantor Gubernur Kalbar, Gedung DPRD Kota Medan)
        toks, orgs = scan.toks, scan.lex.orgs
        before = toks[j - 1].low
        if not (
            toks[j].low in scan.lex.regions.prefix_first
            or before in TITLE_CONTEXT
            or any(pattern.label == "ORG" for pattern in orgs.heads.get(before, ()))
            or before in orgs.acronyms
        ):
            return None
    return end


def _joins_by_connector(scan: Scan, i: int, j: int) -> bool:
    """``toks[j]`` is a connector between two words of one name (``Pekerjaan Umum dan Penataan``)."""
    toks, orgs = scan.toks, scan.lex.orgs
    tok = toks[j]
    if tok.low not in CONNECTORS or j <= i or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    inside = nxt.low in INSIDE_NAME and j + 2 < len(toks) and toks[j + 2].cap  # dan Sumber Daya Air
    if not (is_name_tok(nxt) or inside) or nxt.low in orgs.heads or nxt.low in orgs.acronyms:
        return False
    if nxt.low in one_word_titles():
        return False  # Kementerian X dan Kepala BPBD Y: a post opens the next phrase
    return tok.text != "-" or (toks[j - 1].end == tok.start and tok.end == nxt.start)


def _field_word(scan: Scan, k: int) -> bool:
    """``toks[k]`` may be a word of a field in a portfolio list: a name word that opens no body."""
    toks, orgs = scan.toks, scan.lex.orgs
    if k >= len(toks) or k in scan.blocked:
        return False
    tok = toks[k]
    return (
        is_name_tok(tok)
        and not tok.sent_start
        and not (tok.upper and len(tok.text) > 1)
        and tok.low not in orgs.acronyms
        and tok.low not in load_person_signals()
        and region_stop(scan, k) is None
    )


def _field_end(scan: Scan, k: int) -> int:
    """End of the words of one field from ``k`` (``k`` itself where none is one)."""
    end = k
    while end - k < LIST_ITEM_WORDS and _field_word(scan, end):
        end += 1
    return end


def _continues_list(scan: Scan, j: int) -> bool:
    """The comma at ``j`` separates fields of a list that closes with ``dan`` + a field inside one name.

    ``Dinas Pemuda, Olahraga dan Pariwisata``, ``Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil
    dan Menengah``; a list of bodies or people (``Dinas Sosial, Polres dan Kodim``) is no such list.
    """
    toks = scan.toks
    k = j
    for _item in range(LIST_ITEMS):
        if k >= len(toks) or toks[k].text != ",":
            return False
        k += 1
        if k < len(toks) and toks[k].low in LIST_END:
            return _field_end(scan, k + 1) > k + 1
        end = _field_end(scan, k)
        if end == k:
            return False
        if end < len(toks) and toks[end].low in LIST_END:
            return _field_end(scan, end + 1) > end + 1
        k = end
    return False


def _abbreviations_lead_to_name(scan: Scan, j: int) -> bool:
    """After the point at ``j``, more abbreviations (``H. Dr.``) and then a name word (``Soedarso``).

    A head or an admin prefix (``Jl.``, ``Kab.``) is no name word: ``Kab. H. Dr. Jl.`` holds no name.
    """
    toks, heads, prefixes = scan.toks, scan.lex.orgs.heads, scan.lex.regions.prefix_first
    k = j + 1
    for _ in range(MAX_ABBREVIATIONS):
        if k >= len(toks) or not is_name_tok(toks[k]) or toks[k].low in heads or toks[k].low in prefixes:
            return False
        if not abbreviation_point(toks, k + 1):
            return True
        k += 2
    return False


def _step(scan: Scan, i: int, j: int, lists: bool = False, place_name: bool = False) -> int:
    """How many tokens from ``j`` the run takes next (0: it ends here)."""
    toks = scan.toks
    tok = toks[j]
    if j > i and tok.sent_start and toks[j - 1].text in ".!?":
        return 0
    if is_name_tok(tok) or (is_roman(tok) and j > i and tok.text.isupper()):
        return 1
    if j > i and abbreviation_point(toks, j) and _abbreviations_lead_to_name(scan, j):
        return 1  # Jalan Dr. Soedarso, Jl. A. Yani: the point of an abbreviation inside the name
    if tok.low in INSIDE_NAME and not tok.sent_start and j + 1 < len(toks) and toks[j + 1].cap:
        return 1  # Badan Pengembangan Sumber Daya Manusia, Satuan Lalu Lintas
    if _joins_by_connector(scan, i, j) and not (place_name and toks[j].low in LIST_JOINS):
        # two places joined by ``dan`` are two places (Pulau Lemukutan dan Pulau Randayan)
        return 2
    if lists and j > i and _continues_list(scan, j):
        return 1
    if j > i and acronym_in_parentheses(toks, j):
        # an acronym in parentheses inside a name: Pemerintah Kabupaten (Pemkab) Bone
        if j + 3 < len(toks) and is_name_tok(toks[j + 3]) and not toks[j + 3].sent_start:
            return 3
    return 0


def name_run(scan: Scan, i: int, limit: int, stop_at_region: bool | str = False, place: bool = False) -> int:
    """End of a run of capitalised words from ``i`` (connectors inside, no clause words).

    With ``stop_at_region`` the run ends after a region or country (``Dinas Pendidikan Kota Bandung``
    does not take the name of the official who follows) and before an address word (``Desa``);
    ``"after_title"`` (venues) ends it there only where a prefix or a title puts the place at the
    end. With ``place`` it ends before an address word or an administrative prefix. ``limit`` counts
    tokens, but not the commas of a portfolio list.
    """
    toks = scan.toks
    j = i
    words = 0
    while j < len(toks) and words < limit and j not in scan.blocked:
        if _stops_before(scan, i, j, stop_at_region, place):
            break
        if stop_at_region:
            end = _region_end(scan, j, stop_at_region)
            if end is not None:
                return end
        step = _step(
            scan, i, j, lists=stop_at_region is True, place_name=place or stop_at_region == "after_title"
        )
        if not step:
            break
        words += step if toks[j].text != "," else 0  # a list's commas are no words
        j += step
    return j
