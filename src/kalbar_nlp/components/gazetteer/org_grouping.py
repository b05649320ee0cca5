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
from ...lexicons.word_keys import normalise, split_words
from .candidates import Cand
from .forms import aliases, entity, fullest, strip_acr
from .org_keys import OrgKeys, org_keys
from .tokens import Tok, low_key

# Bare heads that name no organisation without their region.
NEED_QUALIFIER = entity_words("need_qualifier")
# Words for a political party (Partai): a party named without a region is the party, not its chapter.
PARTY_WORDS = entity_words("party")
PLACE_WORDS = 3  # words of a place's name written again inside an organisation's (Kubu Raya)
ARTICLE_TOKENS = 120  # tokens of a text from which a one-off NER organisation needs support


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


def _regions_by_token(
    toks: list[Tok], all_cands: list[Cand], resolved: dict[int, Region | None]
) -> dict[int, Region]:
    """The resolved region of each token inside a location mention, and of the same place written
    again inside an organisation's name (``Lembaga Pemasyarakatan (Lapas) Kotabumi`` and ``Lapas
    Kotabumi``: the second ``Kotabumi`` is the region the first one is)."""
    loc_by_tok: dict[int, Region] = {}
    by_form: dict[str, Region | None] = {}
    for cand in all_cands:
        region = resolved.get(id(cand))
        if cand.label == "LOC" and region is not None:
            for k in range(cand.i, cand.j):
                loc_by_tok[k] = region
            if region.code is not None:
                form = low_key(toks[cand.i : cand.j])
                by_form[form] = region if by_form.get(form, region) is region else None
    for cand in all_cands:
        if cand.label == "ORG":
            _same_places(toks, cand, by_form, loc_by_tok)
    return loc_by_tok


def _place_at(
    toks: list[Tok], k: int, end: int, by_form: dict[str, Region | None], loc_by_tok: dict[int, Region]
) -> tuple[int, Region | None]:
    """The longest uncoded run of words at ``k`` (before ``end``) that spells a coded place."""
    if not toks[k].cap:
        return 0, None
    for size in range(min(PLACE_WORDS, end - k), 0, -1):
        region = by_form.get(low_key(toks[k : k + size]))
        if region is not None and not any(n in loc_by_tok for n in range(k, k + size)):
            return size, region
    return 0, None


def _same_places(
    toks: list[Tok], cand: Cand, by_form: dict[str, Region | None], loc_by_tok: dict[int, Region]
) -> None:
    """Code the words of ``cand`` that spell a place the article names elsewhere."""
    k = cand.i
    while k < cand.j:
        size, region = _place_at(toks, k, cand.j, by_form, loc_by_tok)
        if region is None:
            k += 1
            continue
        for n in range(k, k + size):
            loc_by_tok[n] = region
        k += size


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


def _is_bare(mention: _Mention) -> bool:
    cand = mention.cand
    return cand.j - cand.i == 1 or (cand.head is not None and normalise(mention.form) == cand.head.casefold())


def _has_region(mentions: list[_Mention], members: list[int]) -> bool:
    return any(mentions[x].keys.regions for x in members)


class _RegionGroups:
    """The groups with a region, indexed by the bases and the leading words of their mentions."""

    def __init__(self, mentions: list[_Mention], groups: dict[int, list[int]]) -> None:
        self.mentions = mentions
        self.roots = {
            root for root, members in groups.items() if any(mentions[x].keys.regions for x in members)
        }
        self.by_base: dict[str, set[int]] = {}
        self.by_words: dict[tuple[str, ...], set[int]] = {}
        for root in self.roots:
            self.add(root, groups[root])

    def add(self, root: int, members: list[int]) -> None:
        """Index ``members`` as mentions of the group ``root``."""
        for x in members:
            keys = self.mentions[x].keys
            for base in keys.bases:
                self.by_base.setdefault(base, set()).add(root)
            for size in range(1, len(keys.words) + 1):
                self.by_words.setdefault(tuple(keys.words[:size]), set()).add(root)

    def matches(self, members: list[int]) -> set[int]:
        """The groups that ``members`` (a group without a region) abbreviate, by the first level of
        evidence that finds any: a shared acronym or government key, a shared base, leading words."""
        bases = set().union(*(self.mentions[x].keys.bases for x in members))
        strong = {base for base in bases if base[0] in "GA"}
        for level_keys in (strong, bases):
            hits = set().union(*(self.by_base.get(base, set()) for base in level_keys))
            if hits:
                return hits
        words = [self.mentions[x].keys.words for x in members]
        return set().union(*(self.by_words.get(tuple(word), set()) for word in words if word))


def _names_a_party(orgs: OrganisationLexicon, mention: _Mention) -> bool:
    """The mention is a party's: ``Partai X``, or an acronym that stands for one (``Golkar``, ``PDIP``)."""
    cand = mention.cand
    if cand.head is not None and cand.head.casefold() in PARTY_WORDS:
        return True
    acr = orgs.acronyms.get(cand.acronym.casefold()) if cand.acronym else None
    return (
        acr is not None
        and bool(acr.expansions)
        and split_words(acr.expansions[0])[0].casefold() in PARTY_WORDS
    )


def _join_unqualified(
    orgs: OrganisationLexicon, mentions: list[_Mention], groups: dict[int, list[int]]
) -> None:
    """A group without a region joins the one group with a region it abbreviates, or is dropped if bare.

    A party named without a region is the party itself, not the chapter of a region (``Golkar`` and
    ``Partai Golkar Sulawesi Utara`` are two organisations).
    """
    with_region = _RegionGroups(mentions, groups)
    for root, members in list(groups.items()):
        if root in with_region.roots or all(_names_a_party(orgs, mentions[x]) for x in members):
            continue
        hits = with_region.matches(members)
        if len(hits) == 1:
            [target] = hits
            groups[target].extend(members)
            with_region.add(target, members)
            groups[root] = []
        elif all(_is_bare(mentions[x]) and normalise(mentions[x].form) in NEED_QUALIFIER for x in members):
            groups[root] = []


def _unsupported(toks: list[Tok], members: list[_Mention]) -> bool:
    """An organisation only the model found, once, in an article (a text of many words).

    Measured on the dev articles: in news the model's one-off organisations are mostly
    programmes, indices, products, nicknames, headline fragments, glued words and people (right 2
    times in 17 on the development folds, 1 in 12 on the held-back ones); a body an article is
    about comes back, or a rule knows its form. A single sentence (the model's own domain, where
    its organisations are mostly right) keeps them.
    """
    return len(toks) >= ARTICLE_TOKENS and len(members) == 1 and members[0].cand.source == "ner"


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
    loc_by_tok = _regions_by_token(toks, all_cands, resolved)
    mentions = []
    for cand in cands:
        start, end = toks[cand.i].start, toks[cand.j - 1].end
        form = text[start:end] if cand.as_written else strip_acr(text, toks, cand)
        keys = org_keys(orgs, toks, cand, local_def, loc_by_tok)
        mentions.append(_Mention(cand, text[start:end], start, end, form, keys))
    groups = _groups_by_key(mentions)
    _join_unqualified(orgs, mentions, groups)
    out = []
    for members in groups.values():
        if not members or _unsupported(toks, [mentions[x] for x in members]):
            continue
        members.sort(key=lambda x: mentions[x].start)
        out.append(_entry(toks, [mentions[x] for x in members]))
        for x in members:
            mention = mentions[x]
            ents.append(
                entity(
                    "ORG",
                    mention.text,
                    mention.start,
                    mention.end,
                    mention.form,
                    None,
                    None,
                    mention.cand.source,
                )
            )
    out.sort(key=lambda entry: entry["mentions"][0]["start"])
    return out
