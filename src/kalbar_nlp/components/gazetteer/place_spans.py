"""Where a place's span starts and ends, before the spans of one label are chosen (:mod:`.resolve`).

* a brand written before a venue's head belongs to its name (``Lippo Mall Nusantara``);
* a road between two places runs on to the second (``Jalan Banda Aceh - Medan``);
* a road named after a hero with a rank takes the hero's name (``Jalan Letjen Suprapto``): the
  person the NER reads there is no cut;
* a road ends before the region written after it with its prefix (``Jalan Ahmad Yani Kota
  Banjarbaru``: the road and the city);
* a place after its head written in lower case is read too (``di jalan Soekarno Hatta``);
* an area word before a region's name leaves the region (``Kawasan Duren Sawit``);
* a place a head read that is a region's name is that region (``Kepulauan Riau (Kepri)``);
* a place ends where the article writes it on its own (``Kepala Desa Truneng Sukirman`` beside
  ``Desa Truneng``).
"""

from __future__ import annotations

from ...lexicons.entity_words import entity_word_values, entity_words
from ...lexicons.organisations import load_person_signals
from ...lexicons.regions import load_regions
from ...lexicons.word_keys import split_words
from ...text.names import NOUN_SHAPE
from .candidates import Cand, Scan
from .names import name_run, rank_words
from .regions import match_region, prefix_at
from .tokens import Tok, is_name_tok, low_key

ADDRESS_WORDS = entity_words("address")
GENERIC_VENUE_WORDS = entity_words("venue_generic")
#: words that go on a place's name after a shorter place (Pasar Baru, Bali Timur, Jalan Raya)
NAME_TAILS = entity_words("name_tail") | entity_words("compass") | GENERIC_VENUE_WORDS
#: the kinds of place a rule reads as a head and a name (Desa X, Masjid X, Pulau X)
NAMED_PLACE_KINDS = ("venue", "village", "other")
#: heads of roads that may run from one place to another
ROAD_HEADS = entity_words("road_head")
DASHES = frozenset({"-", "–", "—"})
#: heads of places still read when written in lower case, with the kind of place they open
LOWER_HEADS = entity_word_values("lower_head")
MAX_LOWER_NAME = 4
#: heads that name an area around a place (Kawasan Duren Sawit): with a region's name, the region
AREA_HEADS = entity_words("area_head")
#: the most tokens of a street hero's name after the rank, points included (Jalan Kapten H. Maulana Lubis)
MAX_HERO_NAME = 6
#: words of a brand before a venue's head (Lippo Mall, Grand Palace Hotel)
MAX_BRAND_WORDS = 2


def _named_place(cand: Cand) -> bool:
    """A place a rule read as a head and the name after it (``Desa Truneng``, ``Stadion Kanjuruhan``)."""
    return cand.label == "LOC" and cand.source.startswith("pattern:") and cand.kind in NAMED_PLACE_KINDS


def _ends_complete(scan_toks: list[Tok], cand: Cand, stops: frozenset[str]) -> bool:
    """The span ends where its name ends: no capitalised word runs on after it (or an admin word does)."""
    if cand.j >= len(scan_toks):
        return True
    nxt = scan_toks[cand.j]
    return nxt.sent_start or not is_name_tok(nxt) or nxt.low in stops


def cut_at_known_forms(toks: list[Tok], cands: list[Cand]) -> list[Cand]:
    """End a place's span where the article elsewhere writes the same place on its own.

    ``Kepala Desa Truneng Sukirman`` beside ``warga Desa Truneng, ...`` is the village Truneng and
    its head; ``Stadion Kanjuruhan Kabupaten Malang`` beside ``di Stadion Kanjuruhan.`` is the
    stadium and the regency it lies in. A shorter form counts only where nothing capitalised runs
    on after it (or an admin or address word does: ``Desa Truneng Kecamatan ...``), and the cut
    never parts a name from a word that goes on it (``Pasar Baru`` beside ``Pasar``, ``Bukit Raya``).
    Returns ``cands``.
    """
    stops = ADDRESS_WORDS | load_regions().prefix_first
    places = [cand for cand in cands if _named_place(cand)]
    complete = {low_key(toks[cand.i : cand.j]) for cand in places if _ends_complete(toks, cand, stops)}
    for cand in places:
        for k in range(cand.j - 1, cand.i + 1, -1):
            nxt = toks[k]
            runs_on = nxt.cap and not nxt.sent_start and nxt.low not in NAME_TAILS
            if runs_on and low_key(toks[cand.i : k]) in complete:
                cand.j = k
                if cand.region_span is not None and cand.region_span[1] > k:
                    cand.region_span = None
                if cand.acr_def is not None and cand.acr_def[1] >= k:
                    cand.acr_def = None
                break
    return cands


def _head_word(cand: Cand) -> str:
    """The first word of the head a pattern span was read from (``jalan`` of ``pattern:Jalan``)."""
    head = cand.source.removeprefix("pattern:")
    return head.split()[0].casefold() if head else ""


def _brand_ok(toks: list[Tok], start: int, head: int) -> bool:
    """One or two words before the head: no sentence's first word, rank, title, given name or noun.

    ``Pembangunan Hotel X`` (a derived noun: the building of hotel X) has no brand.
    """
    signals = load_person_signals()
    words = toks[start:head]
    return (
        0 < len(words) <= MAX_BRAND_WORDS
        and not words[0].sent_start
        and not any(tok.low in signals or NOUN_SHAPE.match(tok.low) for tok in words)
    )


def join_brands(toks: list[Tok], cands: list[Cand]) -> None:
    """A venue read from both sides of its head is one venue (``Lippo Mall`` + ``Mall Nusantara``).

    A suffix word of the patterns (``Mall``, ``Hotel``, ``Plaza``) that also opens a venue closes
    the brand before it and opens the name after it: the span runs from the brand to the name.
    """
    suffix_end = {cand.j: cand for cand in cands if cand.source == "pattern:suffix" and cand.label == "LOC"}
    for cand in cands:
        if cand.label != "LOC" or cand.kind != "venue" or cand.source == "pattern:suffix":
            continue
        brand = suffix_end.get(cand.i + 1)
        if brand is not None and cand.source.startswith("pattern:") and _brand_ok(toks, brand.i, cand.i):
            cand.i = brand.i


def join_road_ends(toks: list[Tok], cands: list[Cand]) -> None:
    """A road from one place to another runs on to the second (``Jalan Banda Aceh - Medan``)."""
    region_at = {cand.i: cand for cand in cands if cand.label == "LOC" and cand.regions}
    for cand in cands:
        road = cand.label == "LOC" and cand.source.startswith("pattern:") and _head_word(cand) in ROAD_HEADS
        if not road:
            continue
        if cand.j + 1 < len(toks) and toks[cand.j].text in DASHES and cand.j + 1 in region_at:
            cand.j = region_at[cand.j + 1].j


def join_road_heroes(scan: Scan, cands: list[Cand]) -> None:
    """A road cut after a rank, or before its name, runs on through the hero's name.

    The NER's person in a street's name (``Jalan Letjen`` + ``Suprapto``, ``Jl.`` + ``H. Rais A.
    Rachman``) is no cut of the road.
    """
    toks = scan.toks
    for cand in cands:
        road = cand.label == "LOC" and cand.source.startswith("pattern:") and _head_word(cand) in ROAD_HEADS
        if not road or cand.j - cand.i < 2 or cand.j >= len(toks):
            continue
        last = toks[cand.j - 1]
        # cut after a rank (Jalan Letjen | Suprapto) or with no name at all (Jl. | H. Rais A. Rachman)
        cut = last.low.rstrip(".") in rank_words() or cand.j == cand.i + len(split_words(cand.head or ""))
        if cut and toks[cand.j].cap and not toks[cand.j].sent_start:
            end = name_run(scan, cand.j, MAX_HERO_NAME, place=True)
            # the hero's name ends before a region written after the road (Surabaya)
            cand.j = next(
                (k for k in range(cand.j + 1, end) if match_region(scan.lex.regions, toks, k)[1]), end
            )


def roads_before_regions(scan: Scan, cands: list[Cand]) -> None:
    """A road ends before an admin prefix and the region that closes its span (``... Kota Banjarbaru``)."""
    toks, lex = scan.toks, scan.lex.regions
    for cand in cands:
        road = cand.label == "LOC" and cand.source.startswith("pattern:") and _head_word(cand) in ROAD_HEADS
        if not road:
            continue
        for k in range(cand.i + 2, cand.j - 1):
            size = prefix_at(lex, toks, k)
            if size and match_region(lex, toks, k + size, any_case=True)[0] == cand.j:
                cand.j = k
                cand.region_span = None
                break


def _same_place(toks: list[Tok], region: Cand, cand: Cand) -> bool:
    """``cand`` is the region's name as written, or the name and an acronym in parentheses."""
    if region.j == cand.j:
        return True
    return cand.j - region.j == 3 and toks[region.j].text == "(" and toks[cand.j - 1].text == ")"


def adopt_regions(toks: list[Tok], cands: list[Cand]) -> None:
    """A place a head read that is a region's own name is that region (``Kepulauan Riau (Kepri)``).

    ``Kepulauan``, ``Pulau`` and the like open places, and also the names of provinces and
    regencies (``Kepulauan Bangka Belitung``, ``Pulau Morotai``): the place gets the region's code,
    so that its short forms (``Kepri``, ``Babel``) join it.
    """
    region_at: dict[int, Cand] = {}
    for cand in cands:
        if cand.label == "LOC" and cand.regions and cand.source == "gazetteer":
            region_at.setdefault(cand.region_span[0] if cand.region_span else cand.i, cand)
    for cand in cands:
        if cand.label != "LOC" or cand.regions or not cand.source.startswith("pattern:"):
            continue
        region = region_at.get(cand.i)
        if region is not None and _same_place(toks, region, cand):
            cand.regions = list(region.regions)
            cand.kind = None
            cand.region_span = (cand.i, region.j)


def lower_case_heads(scan: Scan, cands: list[Cand]) -> list[Cand]:
    """A place after its head written in lower case (``di jalan Soekarno Hatta``, ``kelurahan Gedong``).

    Only the heads of ``lower_head`` (their value is the kind of place) and only where no
    organisation covers the name; the name is read as after a capitalised head (the longest
    place wins in :func:`.resolve.resolve`).
    """
    toks = scan.toks
    taken = {k for cand in cands if cand.label == "ORG" for k in range(cand.i, cand.j)}
    out = []
    for k, tok in enumerate(toks[:-1]):
        kind = LOWER_HEADS.get(tok.low)
        nxt = toks[k + 1]
        if kind is None or tok.cap or k in scan.blocked or k + 1 in taken:
            continue
        if not (nxt.cap and is_name_tok(nxt) and not nxt.sent_start and nxt.low not in GENERIC_VENUE_WORDS):
            continue
        end = name_run(scan, k + 1, MAX_LOWER_NAME, place=True)
        if end > k + 1:
            out.append(Cand(k, end, "LOC", kind, f"pattern:{tok.text}", 3))
    return out


def without_area_words(scan: Scan, cands: list[Cand]) -> list[Cand]:
    """``Kawasan`` + a region's name is the region (``kawasan Duren Sawit``): the area word goes."""
    out = []
    for cand in cands:
        if cand.label == "LOC" and not cand.regions and _head_word(cand) in AREA_HEADS:
            end, hits = match_region(scan.lex.regions, scan.toks, cand.i + 1)
            common = low_key(scan.toks[cand.i + 1 : end]) in scan.lex.regions.common_words
            if hits and end == cand.j and not common:  # Kawasan Puncak stays an area
                regions = [region for region, _form in hits]
                out.append(
                    Cand(cand.i + 1, end, "LOC", None, "gazetteer", 3, regions, region_span=(cand.i + 1, end))
                )
                continue
        out.append(cand)
    return out


def shape_places(scan: Scan, cands: list[Cand]) -> list[Cand]:
    """The candidates with their places' spans shaped (see the module docstring)."""
    cands = without_area_words(scan, [*cands, *lower_case_heads(scan, cands)])
    adopt_regions(scan.toks, cands)
    join_brands(scan.toks, cands)
    join_road_ends(scan.toks, cands)
    join_road_heroes(scan, cands)
    roads_before_regions(scan, cands)
    return cut_at_known_forms(scan.toks, cands)
