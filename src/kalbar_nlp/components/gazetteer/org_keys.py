"""Grouping keys of an organisation's mention: two mentions with a common key are one organisation.

``Pemkab Ketapang`` and ``Pemerintah Kabupaten Ketapang`` share their words once abbreviations
are expanded and the region is its code; ``KPK`` and ``Komisi Pemberantasan Korupsi`` share an
acronym key (from the article's own ``(ACR)`` or ``resources/acronyms.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...lexicons.entity_words import entity_word_values, entity_words
from ...lexicons.organisations import OrganisationLexicon
from ...lexicons.regions import Region
from .candidates import Cand
from .tokens import PUNCT, Tok

LEGAL_FORMS = entity_words("legal_form")
# (Persero), (Perseroda), Tbk after a company's name: left out of its keys (PT BNI (Persero) Tbk is BNI)
LEGAL_TAILS = entity_words("legal_suffix") | entity_words("listed_suffix")
GOV_KIND = entity_word_values("government")
ADMIN_WORDS = entity_words("admin")
# Abbreviated heads that mean the same as their long forms in keys ("" drops the word).
EXPAND = entity_word_values("key_expansion")
# Joining words left out of keys (Dinas Pendidikan dan Kebudayaan is Dinas Pendidikan Kebudayaan)
KEY_SKIPPED = entity_words("key_skip")


@dataclass(slots=True)
class OrgKeys:
    """The keys of one mention: all keys, keys without the region, its regions, its other words."""

    keys: set[str]
    bases: set[str]
    regions: list[str]
    words: list[str]


def _written_words(toks: list[Tok], cand: Cand, loc_by_tok: dict[int, Region]) -> tuple[list[str], list[str]]:
    """The mention's words as written (``raw``) and with each coded region as ``@code``."""
    raw: list[str] = []
    words: list[str] = []
    k = cand.i
    while k < cand.j:
        if cand.acr_def is not None and k == cand.acr_def[0] - 1:
            k = cand.acr_def[1] + 1
            continue
        region = loc_by_tok.get(k)
        if region is not None and region.code is not None:
            words.append("@" + region.code)
            while k < cand.j and loc_by_tok.get(k) is region:
                raw.append(toks[k].low)
                k += 1
            continue
        if toks[k].text not in PUNCT:
            words.append(toks[k].low)
            raw.append(toks[k].low)
        k += 1
    return raw, words


def _normal_words(words: list[str]) -> list[str]:
    """Without the prefix before a coded region, ``daerah`` after ``pemerintah``, and ``RI``."""
    return [
        word
        for n, word in enumerate(words)
        if not (word in ADMIN_WORDS and n + 1 < len(words) and words[n + 1].startswith("@"))
        and not (word == "daerah" and n > 0 and words[n - 1] == "pemerintah")
        and word != "ri"
    ]


def _acronym_after_head(orgs: OrganisationLexicon, rest: list[str], local_def: dict) -> str | None:
    """``Dinas PUPR`` is ``PUPR``: a head before a body's own acronym (capitals) adds nothing."""
    if len(rest) != 2 or rest[0] not in orgs.heads:
        return None
    if rest[1] in local_def:
        return rest[1]
    acr = orgs.acronyms.get(rest[1])
    if acr is None or sum(ch.isupper() for ch in acr.acronym) < 2:
        return None  # Universitas Muhammadiyah is no Muhammadiyah
    return acr.acronym.casefold()


def _leading_expansion(
    orgs: OrganisationLexicon, rest: list[str], local_def: dict
) -> list[tuple[str, list[str]]]:
    """The acronyms of the longest expansion the words open with, and the words after it.

    ``Satuan Reserse Kriminal Polres X`` opens with ``Satreskrim``'s expansion: it is keyed as
    ``Satreskrim Polres X`` is.
    """
    for size in range(len(rest) - 1, 1, -1):
        phrase = " ".join(rest[:size])
        acrs = set(orgs.expansion_to_acronym.get(phrase, ()))
        acrs.update(acr for acr, expansion in local_def.items() if expansion == phrase)
        if acrs:
            return [(acr, rest[size:]) for acr in sorted(acrs)]
    return []


def _acronyms_of(
    orgs: OrganisationLexicon,
    cand: Cand,
    rest: list[str],
    raw: list[str],
    regions: list[str],
    local_def: dict,
) -> tuple[set[str], list[str], list[str]]:
    """The acronyms the mention is or spells out, the words after them, and the regions to key them with."""
    first = rest[0] if rest else ""
    written_acr = cand.acronym.casefold() if cand.acronym and cand.acr_def is None else None
    if written_acr and " ".join(rest).startswith(written_acr):
        return {written_acr}, rest[len(written_acr.split()) :], regions
    if first and (first in local_def or first in orgs.acronyms):
        return {first if first in local_def else orgs.acronyms[first].acronym.casefold()}, rest[1:], regions
    head_acr = _acronym_after_head(orgs, rest, local_def)
    if head_acr is not None:
        return {head_acr}, [], regions
    acrs: set[str] = set()
    raw_phrase = " ".join(word for word in raw if word != "ri")
    for phrase in {" ".join(rest), raw_phrase}:
        acrs.update(acr for acr, expansion in local_def.items() if expansion and phrase == expansion)
        acrs |= orgs.expansion_to_acronym.get(phrase, set())
    if raw_phrase in orgs.expansion_to_acronym or raw_phrase in local_def.values():
        return acrs, [], []
    return acrs, [], regions


def _government_kind(
    words: list[str], regions: list[str], cand: Cand, loc_by_tok: dict[int, Region]
) -> str | None:
    """``regency``, ``city`` or ``province`` for a government without its name (``Pemkab``)."""
    gov = GOV_KIND.get(words[0]) if len(words) == 1 else None
    if gov is None and regions:
        region = next((loc_by_tok[k] for k in range(cand.i, cand.j) if k in loc_by_tok), None)
        gov = region.kind if region is not None else None
    return gov or None


def _inner_acronym_key(toks: list[Tok], cand: Cand, loc_by_tok: dict[int, Region]) -> str | None:
    """The acronym and the words after it (``Koperasi Desa (Kopdes) Merah Putih``: kopdes merah putih)."""
    if cand.acr_def is None or cand.acr_def[1] + 1 >= cand.j:
        return None
    after = [
        tok.low for k, tok in enumerate(toks[cand.acr_def[1] + 1 : cand.j], cand.acr_def[1] + 1)
        if tok.text not in PUNCT and k not in loc_by_tok
    ]  # fmt: skip
    if not after:
        return None
    return " ".join([toks[cand.acr_def[0]].low, *after])


def org_keys(
    orgs: OrganisationLexicon, toks: list[Tok], cand: Cand, local_def: dict, loc_by_tok: dict[int, Region]
) -> OrgKeys:
    """Keys of one organisation mention (see the module docstring)."""
    raw, words = _written_words(toks, cand, loc_by_tok)
    norm_words = _normal_words(words)
    regions = [word for word in norm_words if word.startswith("@")]
    rest = [EXPAND.get(word, word) for word in norm_words if not word.startswith("@")]
    rest = [word for word in rest if word and word not in LEGAL_TAILS]
    for size in (3, 2, 1):  # PT DNG and PT Dalihan Natolu Group (DNG) share their acronym
        if len(rest) > size and " ".join(rest[:size]) in LEGAL_FORMS:
            rest = rest[size:]  # Perusahaan Umum Bulog is Perum Bulog
            break
    joined = [word for word in rest if word not in KEY_SKIPPED]  # the words without dan, serta, &
    keys = {"N " + " ".join([*rest, *regions]), "N " + " ".join([*joined, *regions])}
    bases = {"N " + " ".join(rest), "N " + " ".join(joined)} if joined else set()
    acrs, tail, acr_regions = _acronyms_of(orgs, cand, rest, raw, regions, local_def)
    for acr in acrs:
        keys.add("A " + " ".join([acr, *tail, *acr_regions]))
        bases.add("A " + " ".join([acr, *tail]))
    for acr, tail in _leading_expansion(orgs, rest, local_def):
        keys.add("A " + " ".join([acr, *tail, *regions]))
        bases.add("A " + " ".join([acr, *tail]))
    inner = _inner_acronym_key(toks, cand, loc_by_tok)
    if inner is not None:
        keys.add(" ".join(["A", inner, *regions]))
        bases.add("A " + inner)
    if rest == ["pemerintah"]:
        gov = _government_kind(words, regions, cand, loc_by_tok)
        if gov:
            bases.add("G " + gov)
    return OrgKeys(keys, bases, regions, rest)
