"""Locations: mentions grouped into one entry per region or place, and every mention's record.

Mentions of one region share its Kemendagri code (``Kalbar``/``Kalimantan Barat``); places
without a code share their name. The entry's ``name`` is the fullest form the article writes.
"""

from __future__ import annotations

from typing import Any

from ...lexicons.entity_words import entity_words
from ...lexicons.regions import LEVEL, Region
from ...lexicons.word_keys import normalise
from .candidates import Cand, Lexicon
from .containment import Containers
from .forms import aliases, bare, entity, fullest, strip_acr, strip_prefix
from .org_grouping import group_organisations
from .regions import DISTRICT_CONTEXT, resolve_regions
from .tokens import Tok
from .villages import assign_village_codes

FULL_PREFIXES = entity_words("full_prefix")
#: qualifiers left out when two places are compared (Bandara Internasional Supadio = Bandara Supadio)
KEY_QUALIFIERS = entity_words("key_qualifier")


def _join_ambiguous(resolved: dict[int, Region | None]) -> None:
    """A mention left ambiguous joins a resolved mention of the same name (Sukabumi ... Sukabumi)."""
    by_name: dict[str, Region] = {}
    for region in resolved.values():
        if region is not None and region.code:
            by_name.setdefault(region.name.casefold(), region)
    for key, region in list(resolved.items()):
        if (
            region is not None
            and not region.code
            and region.kind in LEVEL
            and region.name.casefold() in by_name
        ):
            resolved[key] = by_name[region.name.casefold()]


def _inside_orgs(cands: list[Cand]) -> set[int]:
    """The ``id`` of each location that lies inside (and is not) an organisation's span."""
    orgs = Containers((cand.i, cand.j) for cand in cands if cand.label == "ORG")
    return {id(cand) for cand in cands if cand.label == "LOC" and orgs.strictly_contains(cand.i, cand.j)}


def _skipped(toks: list[Tok], cand: Cand, mention: str, region: Region | None, inside_org: bool) -> bool:
    """``Indonesia``/``RI`` inside an organisation's name, or a district's name used as one (RSUD Meuraxa)."""
    if not inside_org:
        return False
    if mention in ("RI",) or normalise(mention) in ("indonesia", "republik indonesia"):
        return True
    core = cand.region_span[0] if cand.region_span else cand.i
    return (
        region is not None
        and region.kind == "district"
        and cand.kind is None
        and (core == 0 or toks[core - 1].low not in DISTRICT_CONTEXT)
    )


def _entry(group: dict[str, Any], names: dict[str, int]) -> dict[str, Any]:
    """One location entry; a name two entries share is given in its fullest form."""
    unique = names[normalise(group["bare"])] == 1
    return {
        "name": group["bare"] if unique else fullest(group["forms"]),
        "kind": group["kind"],
        "code": group["code"],
        "aliases": aliases(group["forms"], group["bare"] if unique else None),
        "mentions": group["mentions"],
        "source": group["source"],
    }


def _bare_name(group: dict[str, Any]) -> str:
    """A region's name without its prefix where the article also writes it bare; else as written.

    ``Kecamatan Ciemas`` written only so keeps its admin word (abbreviated ones such as ``Kab.``
    and mentions inside an organisation's name do not count); ``Kabupaten Ketapang`` beside a
    bare ``Ketapang`` (or ``Bupati Ketapang``) is named ``Ketapang``. A region whose own name
    opens with an admin word (``Kota Agung``) keeps it.
    """
    region = group["region"]
    forms = group["forms"]
    if region is not None and region.kind == "country":
        own = normalise(region.name)
        if any(normalise(form) in (own, f"republik {own}") for form in forms):
            return region.name  # Republik Indonesia: the country's name, as lists write it
    if region is None or region.kind not in LEVEL:
        return fullest(forms)
    own = normalise(region.name)
    stripped = [form if normalise(form) == own else strip_prefix(form) for form in forms]
    if all(
        bare_form != form and normalise(form).split()[0] in FULL_PREFIXES and not inside
        for bare_form, form, inside in zip(stripped, forms, group["inside"], strict=True)
    ):
        return fullest(forms)  # every mention carries its admin word in full: the place as written
    name = fullest(stripped)
    return region.name if name.islower() else name


def _group_locations(
    text: str, toks: list[Tok], cands: list[Cand], resolved: dict[int, Region | None], ents: list[dict]
) -> list[dict[str, Any]]:
    """Location entries, one per region or place; each mention's record is added to ``ents``."""
    groups: dict[Any, dict[str, Any]] = {}
    inside = _inside_orgs(cands)
    for cand in cands:
        if cand.label != "LOC":
            continue
        region = resolved.get(id(cand))
        start, end = toks[cand.i].start, toks[cand.j - 1].end
        mention = text[start:end]
        inside_org = id(cand) in inside
        if _skipped(toks, cand, mention, region, inside_org):
            continue
        kind = cand.kind or (region.kind if region else "other")
        code = region.code if region else None
        form = strip_acr(text, toks, cand)
        # a place read from its acronym (IKN, IKN Nusantara) is one place
        own = ("acronym", cand.acronym.casefold()) if cand.acronym and cand.source == "acronym" else None
        key: Any = code or (region.name.casefold() if region else None) or own or (kind, bare(form))
        source = cand.source + ("+org" if inside_org else "")
        record = entity("LOC", mention, start, end, region.name if region else form, kind, code, source)
        ents.append(record)
        group = groups.setdefault(
            key,
            {
                "forms": [],
                "inside": [],
                "records": [],
                "kind": kind,
                "code": code,
                "mentions": [],
                "source": source,
                "region": region,
            },
        )
        group["forms"].append(form)
        group["inside"].append(inside_org)
        group["records"].append(record)
        group["mentions"].append({"text": mention, "start": start, "end": end})
    assign_village_codes(list(groups.values()))
    joined = _qualified_joined(_same_name_joined(groups))
    names: dict[str, int] = {}
    for group in joined:
        group["bare"] = _bare_name(group)
        names[normalise(group["bare"])] = names.get(normalise(group["bare"]), 0) + 1
    return [_entry(group, names) for group in joined]


def _weak(group: dict[str, Any]) -> bool:
    """A place written only without a prefix that is no region, or only a district by its name.

    A bare name the gazetteer could not place (the NER's ``Ciwaru``) or read as a district
    somewhere in the country (7,285 districts share names with villages) is weak evidence: where
    the article also writes a place of that name with its prefix, it is that place.
    """
    region = group["region"]
    if not all(bare(form) == normalise(form) for form in group["forms"]):
        return False
    return (region is None and group["code"] is None) or (region is not None and region.kind == "district")


def _same_name_joined(groups: dict[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    """The groups, a weak place (:func:`_weak`) joined to a place of the same name the article writes in full.

    ``Ciwaru`` beside ``Desa Ciwaru`` is that village. Places that carry a prefix or a code of a
    regency keep their groups: ``Desa Sambas``, ``Kecamatan Sambas`` and ``Kabupaten Sambas`` are
    three places, and ``Bupati Sambas`` names the regency.
    """
    by_name: dict[str, dict[str, Any]] = {}
    for group in groups.values():
        if not _weak(group):
            for form in group["forms"]:
                by_name.setdefault(bare(form), group)
    out: list[dict[str, Any]] = []
    for group in groups.values():
        into = by_name.get(bare(group["forms"][0])) if _weak(group) else None
        if into is not None:
            for field in ("forms", "inside", "records", "mentions"):
                into[field] += group[field]
            continue
        out.append(group)
    return out


def _unqualified(form: str) -> str:
    """A place's key without its qualifiers (``bandara internasional supadio`` -> ``bandara supadio``)."""
    return " ".join(word for word in bare(form).split() if word not in KEY_QUALIFIERS)


def _qualified_joined(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places without a code that differ only by a qualifier are one (``Bandara Internasional Supadio``).

    The later group joins the earlier one; regions keep their codes apart.
    """
    out: list[dict[str, Any]] = []
    by_key: dict[str, dict[str, Any]] = {}
    for group in groups:
        uncoded = group["region"] is None and group["code"] is None
        keys = {_unqualified(form) for form in group["forms"]} if uncoded else set()
        into = next((by_key[key] for key in keys if key in by_key), None)
        if into is not None:
            for field in ("forms", "inside", "records", "mentions"):
                into[field] += group[field]
            continue
        out.append(group)
        for key in keys:
            by_key.setdefault(key, group)
    return out


def group_entities(text: str, toks: list[Tok], cands: list[Cand], lex: Lexicon) -> tuple[list, list, list]:
    """Organisation entries, location entries and every mention's record (sorted by position)."""
    resolved = resolve_regions([cand for cand in cands if cand.label == "LOC"], toks)
    _join_ambiguous(resolved)
    ents: list[dict[str, Any]] = []
    locs = _group_locations(text, toks, cands, resolved, ents)
    orgs = group_organisations(text, toks, cands, resolved, lex.orgs, ents)
    ents.sort(key=lambda ent: (ent["start"], ent["end"]))
    return orgs, locs, ents
