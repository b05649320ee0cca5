"""Administrative regions and places in the text, and which Kemendagri region a mention means.

A region name is taken with the prefix written before it (``Kabupaten``, ``Kab.``, ``Kota``);
names that are everyday words or districts need a sign that they are places. A name that
several regions share (``Kediri``) is resolved from the article: a prefix or a title before it,
the same region named elsewhere, or its parent region.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...lexicons.entity_words import entity_words
from ...lexicons.regions import LEVEL, Region, RegionLexicon, load_regions
from ...lexicons.word_keys import split_words, word_key
from .candidates import Cand, Scan
from .tokens import PUNCT, STOP_WORDS, Tok, case_ok, low_key, tokenize

MAX_REGION_TOKENS = 7
COMPASS = entity_words("compass")
TITLE_CONTEXT = entity_words("title_context")
DISTRICT_CONTEXT = entity_words("district_context")
CITY_CONTEXT = entity_words("city_context")
REGENCY_CONTEXT = entity_words("regency_context")
PREFIX_COMPOUNDS = entity_words("prefix_compound")


def match_region(lex: RegionLexicon, toks: list[Tok], i: int, *, any_case: bool = False) -> tuple[int, list]:
    """Longest region name starting at token ``i``: (end index, [(Region, form)]) or (i, []).

    ``i`` may be the end of the text (a prefix written last: ``DPRD Kabupaten``): no region.
    """
    if i >= len(toks) or toks[i].low not in lex.region_first or not (toks[i].cap or any_case):
        return i, []
    for size in range(min(MAX_REGION_TOKENS, len(toks) - i), 0, -1):
        hits = lex.regions.get(low_key(toks[i : i + size]))
        if not hits:
            continue
        seg = toks[i : i + size]
        fitting = [(region, form) for region, form in hits if any_case or case_ok(form, seg)]
        if fitting:
            # a region name does not end inside a longer capitalised compound with a hyphen
            end = i + size
            if end < len(toks) and toks[end].text == "-" and toks[end].start == seg[-1].end:
                return i, []
            return end, fitting
    return i, []


def prefix_before(lex: RegionLexicon, toks: list[Tok], i: int) -> tuple[int, tuple[str, ...]] | None:
    """An administrative prefix (``Kabupaten``, ``Kab.``, ``Kota``...) ending just before token ``i``."""
    for size in (2, 1):
        if i - size >= 0:
            key = low_key(toks[i - size : i])
            if key in lex.prefix_kinds and toks[i - size].cap:
                return i - size, lex.prefix_kinds[key]
    return None


def prefix_at(lex: RegionLexicon, toks: list[Tok], k: int) -> int:
    """The number of tokens of an administrative prefix starting at token ``k`` (0 if none)."""
    for size in (2, 1):
        if k + size <= len(toks) and low_key(toks[k : k + size]) in lex.prefix_kinds:
            return size
    return 0


@dataclass(slots=True)
class _Around:
    """The tokens around a region name ``toks[i:j]`` and what they say about it."""

    prev: Tok | None
    nxt: Tok | None
    ctx: str  # the word before, lower case
    in_name_before: bool  # a capitalised word before it that is no title: inside a longer name
    in_name_after: bool  # a capitalised word after it in the same sentence


def _around(scan: Scan, i: int, j: int) -> _Around:
    toks, orgs = scan.toks, scan.lex.orgs
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j] if j < len(toks) else None
    ctx = prev.low if prev is not None else ""
    titled = ctx in TITLE_CONTEXT or ctx in orgs.heads or ctx in orgs.acronyms
    in_name_before = prev is not None and prev.cap and prev.low not in STOP_WORDS and not titled
    in_name_after = nxt is not None and nxt.cap and not nxt.sent_start and nxt.text not in PUNCT
    return _Around(prev, nxt, ctx, in_name_before, in_name_after)


def _district_ok(first: Tok, size: int, around: _Around) -> bool:
    """A district's name stands alone (not inside a longer capitalised name) or follows its title."""
    prev = around.prev
    if around.ctx in DISTRICT_CONTEXT:
        return True
    if prev is not None and prev.cap and prev.low not in STOP_WORDS and (not prev.sent_start or size == 1):
        return False
    if around.in_name_after:
        return False
    return not (size == 1 and first.sent_start and not first.upper)


def region_ok(scan: Scan, i: int, j: int, regs: list[Region], prefixed: bool) -> bool:
    """Reject names that are only everyday words or districts without a sign that they are places."""
    if prefixed:
        return True
    toks = scan.toks
    words = low_key(toks[i:j])
    if words in STOP_WORDS:
        return False  # Juli, Senin: a month or a day that is also a district's name
    first = toks[i]
    around = _around(scan, i, j)
    districts_only = all(region.kind == "district" for region in regs)
    if words in scan.lex.regions.common_words:
        # an everyday word (Puncak, Batu, Pati) names a place only mid-sentence, not inside a longer
        # name (Karo Ops, Pati TNI); a district named by one is taken only behind its prefix or title
        if districts_only and around.ctx not in DISTRICT_CONTEXT:
            return False
        if (first.sent_start and not first.upper) or around.in_name_before or around.in_name_after:
            return False
    if all(region.kind in ("country", "other") for region in regs):
        # Bahasa Indonesia, Indonesia Corruption Watch: part of another name
        if (around.in_name_before and not around.prev.sent_start) or around.in_name_after:
            return False
    return not districts_only or _district_ok(first, j - i, around)


def _typed_by_prefix(
    regs: list[Region], start: int, prefix: tuple[int, tuple[str, ...]] | None
) -> tuple[list[Region], int]:
    """The regions a prefix allows (``Kota Kediri``: the city), and where the mention starts."""
    if prefix is None:
        return regs, start
    allowed = prefix[1]
    typed = [region for region in regs if region.kind in allowed]
    if typed:
        return typed, prefix[0]
    if any(region.kind in LEVEL for region in regs) and "district" not in allowed:
        # "Kota Kediri" where only a regency is known keeps the city reading apart
        regs = [region for region in regs if region.kind not in LEVEL] or regs
    return regs, start


def _prefixed_reading(scan: Scan, i: int, j: int) -> list[Region]:
    """A name that opens with an admin word read as prefix + region too (``Kota Padang``).

    ``Kota Padang`` is a district of Bengkulu and the city of Padang; the article's context
    decides between them (:func:`resolve_regions`).
    """
    toks, lex = scan.toks, scan.lex.regions
    size = prefix_at(lex, toks, i)
    if not size or i + size >= j:
        return []
    end, hits = match_region(lex, toks, i + size, any_case=True)
    allowed = lex.prefix_kinds[low_key(toks[i : i + size])]
    return [region for region, _form in hits if end == j and region.kind in allowed]


def _region_at(scan: Scan, i: int, districts: bool) -> Cand | None:
    """The region mention whose name starts at token ``i``, with its prefix, if it is one."""
    toks, lex = scan.toks, scan.lex.regions
    prefix = prefix_before(lex, toks, i)
    if prefix is not None and prefix[0] > 0 and toks[prefix[0] - 1].low in PREFIX_COMPOUNDS:
        prefix = None  # Ibu Kota Negara: a capital, not the city of Negara
    j, hits = match_region(lex, toks, i, any_case=prefix is not None)
    if not hits:
        return None
    regs, start = _typed_by_prefix([region for region, _form in hits], i, prefix)
    if prefix is not None and prefix[0] > 0 and toks[prefix[0] - 1].low in CITY_CONTEXT:
        start = i  # Wali Kota Pasuruan: the admin word belongs to the title, the place is Pasuruan
    if not region_ok(scan, i, j, regs, prefix is not None):
        return None
    regs = [*regs, *_prefixed_reading(scan, i, j)]
    if (
        j < len(toks)
        and toks[j].low in COMPASS
        and toks[j].cap
        and not toks[j].sent_start
        and all(region.kind in ("province", "country", "other") for region in regs)
    ):
        # Bali Timur, Indonesia Timur: a part of a larger place
        name = " ".join(tok.text for tok in toks[i : j + 1])
        regs, j = [Region(None, "other", name)], j + 1
    if not districts:
        regs = [region for region in regs if region.kind != "district"]
        if not regs:
            return None
    return Cand(start, j, "LOC", None, "gazetteer", 3, regs, region_span=(i, j))


def find_regions(scan: Scan, districts: bool = True) -> list[Cand]:
    """Every region and place mention of the text, left to right, none overlapping."""
    toks, lex = scan.toks, scan.lex.regions
    out: list[Cand] = []
    i = 0
    while i < len(toks):
        cand = None
        if i not in scan.blocked and toks[i].low in lex.region_first:
            cand = _region_at(scan, i, districts)
        if cand is None:
            i += 1
            continue
        out.append(cand)
        i = cand.j
    return out


def _dateline_segments(toks: list[Tok], inside: list[int]) -> list[tuple[int, int]]:
    """The comma-separated parts of the dateline's place (``Pesawaran, Lampung``) as token ranges."""
    segments: list[list[int]] = []
    for k in inside:
        if toks[k].text in PUNCT:
            segments.append([])
        elif segments and segments[-1] and segments[-1][-1] == k - 1:
            segments[-1].append(k)
        else:
            segments.append([k])
    return [(part[0], part[-1] + 1) for part in segments if part]


def dateline_places(scan: Scan, inside: list[int]) -> list[Cand]:
    """The dateline's place as locations: the rule book lists it even where it is no known region.

    ``SERANG -`` (an everyday word opening the text), ``OELAMASI -`` (a town no list holds) and
    ``WASHINGTON, KOMPAS.com -`` are places because the dateline says so. ``inside`` holds the
    indexes of the place's tokens.
    """
    toks, lex = scan.toks, scan.lex.regions
    out = []
    for i, j in _dateline_segments(toks, inside):
        size = prefix_at(lex, toks, i) if j - i > 1 else 0
        end, hits = match_region(lex, toks, i + size, any_case=True)
        if size:
            allowed = lex.prefix_kinds[low_key(toks[i : i + size])]
            hits = [(region, form) for region, form in hits if region.kind in allowed]
        regs = [region for region, _form in hits] if end == j else []
        kind = None if regs else "other"
        out.append(Cand(i, j, "LOC", kind, "dateline", 3, regs, region_span=(i + size, j) if regs else None))
    return out


def region_after(scan: Scan, k: int, head: str | None = None) -> tuple[int, int, int] | None:
    """A region (with an optional prefix) starting at token ``k``: (start, region start, end).

    A region found here that the gazetteer did not take on its own (it is inside an
    organisation's name) is added to ``scan.extra``: it is a location of the article too.
    """
    toks, lex = scan.toks, scan.lex.regions
    prefix_size = prefix_at(lex, toks, k)
    known = scan.region_at.get(k) or scan.region_at.get(k + prefix_size)
    if known is not None:
        # a city or area abroad after a body's name is where it sits, not its name (UNESCO Paris)
        if all(region.kind == "other" for region in known.regions):
            return None
        return k, max(known.i, k), known.j
    j, hits = match_region(lex, toks, k + prefix_size, any_case=prefix_size > 0)
    if prefix_size:
        allowed = lex.prefix_kinds[low_key(toks[k : k + prefix_size])]
        hits = [(region, form) for region, form in hits if region.kind in allowed]
    if hits and (head or "").casefold() not in DISTRICT_CONTEXT:
        hits = [(region, form) for region, form in hits if region.kind != "district"]
    hits = [(region, form) for region, form in hits if region.kind != "other"]
    if not hits:
        return None
    regs = [region for region, _form in hits]
    new = Cand(k, j, "LOC", None, "gazetteer", 3, regs, region_span=(k + prefix_size, j))
    scan.region_at[k] = new
    scan.extra.append(new)
    return k, k + prefix_size, j


def resolve_regions(locs: list[Cand], toks: list[Tok]) -> dict[int, Region | None]:
    """Pick one region per mention (by ``id``), using the article's unambiguous mentions as context."""
    out: dict[int, Region | None] = {}
    sure: set[str] = set()
    for cand in locs:
        codes = {region.code for region in cand.regions}
        if len(cand.regions) == 1 and cand.regions[0].code:
            sure.add(cand.regions[0].code)
        elif len(codes) == 1 and None not in codes:
            sure.add(next(iter(codes)))
    prefixes = {code.split(".")[0] for code in sure}
    prefixes |= {".".join(code.split(".")[:2]) for code in sure if "." in code}
    for cand in locs:
        if not cand.regions:
            out[id(cand)] = None
            continue
        regs = cand.regions
        if len(regs) > 1:
            regs = _narrow(_bare_above_district(toks, cand, regs), _context_kind(toks, cand), sure, prefixes)
        if len(regs) > 1 and len({region.code for region in regs}) > 1:
            # still ambiguous (a district name found in several regencies): keep the kind, drop the code
            out[id(cand)] = Region(None, regs[0].kind, regs[0].name)
        else:
            out[id(cand)] = regs[0]
    return out


def _bare_above_district(toks: list[Tok], cand: Cand, regs: list[Region]) -> list[Region]:
    """A name written bare that a regency or city shares with a district means the larger region.

    ``warga Kecamatan Gresik`` is the district; ``Gresik`` alone in the same article is the regency
    (no ``Kecamatan``, ``Camat`` or ``Polsek`` before it).
    """
    start = cand.region_span[0] if cand.region_span else cand.i
    if start != cand.i or (start > 0 and toks[start - 1].low in DISTRICT_CONTEXT):
        return regs
    larger = [region for region in regs if region.kind != "district"]
    if not any(region.kind in ("regency", "city") for region in larger):
        return regs
    return larger


def _narrow(regs: list[Region], ctx: str | None, sure: set[str], prefixes: set[str]) -> list[Region]:
    """Narrow the regions a name may mean, step by step; a step that would leave none is skipped."""
    low = min(LEVEL.get(region.kind, 0) for region in regs)
    has_regency = any(region.kind == "regency" for region in regs)
    steps = (
        [r for r in regs if r.code in sure],  # the article names this very region elsewhere
        [r for r in regs if r.kind == ctx],  # Pemkot/Wali Kota before it: a city
        [r for r in regs if r.code and ".".join(r.code.split(".")[:-1]) in prefixes],  # its parent is named
        [r for r in regs if LEVEL.get(r.kind, 0) == low],  # the larger region
        [r for r in regs if r.kind != "city" or not has_regency],  # a regency before a city
    )
    for step in steps:
        pick = [region for region in step if region in regs]
        if pick:
            regs = pick
        if len(regs) == 1:
            break
    return regs


def _context_kind(toks: list[Tok], cand: Cand) -> str | None:
    """``city`` or ``regency`` where a word just before the mention says which (``Pemkot``, ``Bupati``)."""
    for k in range(max(0, cand.i - 2), cand.i):
        if toks[k].low in CITY_CONTEXT:
            return "city"
        if toks[k].low in REGENCY_CONTEXT:
            return "regency"
    return None


def lookup_region(name: str) -> list[Region]:
    """The regions a written name may mean (``"Kalbar"`` -> Kalimantan Barat, code ``61``)."""
    if not isinstance(name, str):
        raise TypeError(f"name: expected str, not {type(name).__name__}")
    lex = load_regions()
    words = split_words(name)
    if not words:
        return []
    two_word_prefix = lex.prefix_kinds.get(word_key(words[:2]))
    prefix = two_word_prefix or lex.prefix_kinds.get(words[0].casefold())
    if prefix is not None:
        size = 2 if two_word_prefix else 1
        return [
            region for region, _form in lex.regions.get(word_key(words[size:]), []) if region.kind in prefix
        ]
    return [region for region, form in lex.regions.get(word_key(words), []) if case_ok(form, tokenize(name))]
