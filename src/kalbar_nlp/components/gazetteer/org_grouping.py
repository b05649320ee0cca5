"""Organisations: mentions grouped into one entry per organisation.

Mentions with a common key (:mod:`.org_keys`) are one organisation; a mention without a region
(``Dinas Kesehatan``, ``Pemkab``) joins the one organisation with a region that it abbreviates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...lexicons.entity_words import entity_words
from ...lexicons.organisations import OrganisationLexicon
from ...lexicons.regions import Region
from ...lexicons.word_keys import normalise
from .candidates import Cand
from .forms import aliases, entity, fullest, strip_acr
from .org_keys import OrgKeys, org_keys
from .tokens import Tok

# Bare heads that name no organisation without their region.
NEED_QUALIFIER = entity_words("need_qualifier")


@dataclass(slots=True)
class _Mention:
    cand: Cand
    text: str
    start: int
    end: int
    form: str
    keys: OrgKeys


def _local_definitions(text: str, toks: list[Tok], cands: list[Cand]) -> dict[str, str]:
    """Acronyms defined in this article (``Badan Pengawas Pemilu (Bawaslu)``) and their expansions."""
    local_def: dict[str, str] = {}
    for cand in cands:
        if cand.acr_def is not None:
            acr = toks[cand.acr_def[0]].text
            local_def.setdefault(acr.casefold(), normalise(strip_acr(text, toks, cand, drop_region=True)))
    return local_def


def _regions_by_token(all_cands: list[Cand], resolved: dict[int, Region | None]) -> dict[int, Region]:
    """The resolved region of each token inside a location mention."""
    loc_by_tok: dict[int, Region] = {}
    for cand in all_cands:
        region = resolved.get(id(cand))
        if cand.label == "LOC" and region is not None:
            for k in range(cand.i, cand.j):
                loc_by_tok[k] = region
    return loc_by_tok


def _groups_by_key(mentions: list[_Mention]) -> dict[int, list[int]]:
    """Union-find over shared keys: the mentions' indexes by the root of their group."""
    parent = list(range(len(mentions)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[str, int] = {}
    for n, mention in enumerate(mentions):
        for key in mention.keys.keys:
            if key in owner:
                parent[find(n)] = find(owner[key])
            else:
                owner[key] = n
    groups: dict[int, list[int]] = {}
    for n in range(len(mentions)):
        groups.setdefault(find(n), []).append(n)
    return groups


def _joins(level: int, strong: set[str], bases: set[str], words: list[list[str]], other: _Mention) -> bool:
    """Whether a mention without a region is the organisation of ``other`` (by evidence level 0-2)."""
    if level == 0:
        return bool(strong & other.keys.bases)
    if level == 1:
        return bool(bases & other.keys.bases)
    return any(word and other.keys.words[: len(word)] == word for word in words)


def _is_bare(mention: _Mention) -> bool:
    cand = mention.cand
    return cand.j - cand.i == 1 or (cand.head is not None and normalise(mention.form) == cand.head.casefold())


def _join_unqualified(mentions: list[_Mention], groups: dict[int, list[int]]) -> None:
    """A group without a region joins the one group with a region it abbreviates, or is dropped if bare."""
    with_region = {root for root, members in groups.items() if any(mentions[x].keys.regions for x in members)}
    for root, members in list(groups.items()):
        if root in with_region:
            continue
        bases = set().union(*(mentions[x].keys.bases for x in members))
        words = [mentions[x].keys.words for x in members]
        live = [other for other in with_region if groups[other]]
        strong = {base for base in bases if base[0] in "GA"}
        hits: list[int] = []
        for level in range(3):
            hits = [
                other
                for other in live
                if any(_joins(level, strong, bases, words, mentions[y]) for y in groups[other])
            ]
            if hits:
                break
        if len(hits) == 1:
            groups[hits[0]].extend(members)
            groups[root] = []
        elif all(_is_bare(mentions[x]) and normalise(mentions[x].form) in NEED_QUALIFIER for x in members):
            groups[root] = []


def _entry(toks: list[Tok], members: list[_Mention]) -> dict[str, Any]:
    forms = [mention.form for mention in members]
    acr = next((mention.cand.acronym for mention in members if mention.cand.acronym), None)
    if acr is None:
        acr = next((toks[mention.cand.acr_def[0]].text for mention in members if mention.cand.acr_def), None)
    return {
        "name": fullest(forms),
        "acronym": acr,
        "aliases": aliases(forms),
        "mentions": [
            {"text": mention.text, "start": mention.start, "end": mention.end} for mention in members
        ],
        "source": members[0].cand.source,
    }


def group_organisations(
    text: str,
    toks: list[Tok],
    all_cands: list[Cand],
    resolved: dict[int, Region | None],
    orgs: OrganisationLexicon,
    ents: list[dict],
) -> list[dict[str, Any]]:
    """Organisation entries; each mention's record is added to ``ents``."""
    cands = [cand for cand in all_cands if cand.label == "ORG"]
    local_def = _local_definitions(text, toks, cands)
    loc_by_tok = _regions_by_token(all_cands, resolved)
    mentions = []
    for cand in cands:
        start, end = toks[cand.i].start, toks[cand.j - 1].end
        form = strip_acr(text, toks, cand)
        ents.append(entity("ORG", text[start:end], start, end, form, None, None, cand.source))
        keys = org_keys(orgs, toks, cand, local_def, loc_by_tok)
        mentions.append(_Mention(cand, text[start:end], start, end, form, keys))
    groups = _groups_by_key(mentions)
    _join_unqualified(mentions, groups)
    out = []
    for members in groups.values():
        if members:
            members.sort(key=lambda x: mentions[x].start)
            out.append(_entry(toks, [mentions[x] for x in members]))
    out.sort(key=lambda entry: entry["mentions"][0]["start"])
    return out
