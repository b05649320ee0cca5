"""Posts: a title as written (``Plt. Kapolres Pesawaran``) read into one normalised post.

A post is a role (the title lexicon's expansion: ``Kapolres`` and ``Kepala Kepolisian Resor``
are one role), its qualifiers (``Pelaksana Tugas``, ``Penjabat``, ``mantan``: kept apart, not
part of the role) and its jurisdiction with the Kemendagri region code (``Pesawaran`` ->
``18.09``). National posts (``Presiden RI``, ``Menteri Dalam Negeri``) have no region code and
the scope ``national``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..lexicons.region_codes import KIND_PREFIXES, lookup_region, region_names
from ..lexicons.titles import load_lexicon, norm_tok

NATIONAL = "national"
#: How far (in words) a jurisdiction may stand from the start of the title.
MAX_TITLE_WORDS = 12
#: The longest region name looked up word by word (``Kota Waringin Timur``).
MAX_PLACE_WORDS = 3


@dataclass(frozen=True)
class Post:
    """One normalised post of a person in one article (shared between mentions: titles repeat)."""

    title: str
    role: str
    qualifier: str | None = None
    jurisdiction: str | None = None
    region_code: str | None = None
    scope: str | None = None

    @functools.cached_property
    def key(self) -> tuple[str, str]:
        """What two mentions must share to hold the same post: role and region (or scope)."""
        where = self.region_code or self.scope or (self.jurisdiction or "").casefold()
        return self.role.casefold(), where

    @property
    def name(self) -> str:
        """The post as a reader names it: ``Bupati Ketapang``, ``Presiden``."""
        return f"{self.role} {self.jurisdiction}" if self.jurisdiction and self.region_code else self.role


def _qualifiers(keys: list[str]) -> tuple[list[str], int]:
    """Leading qualifiers (``Plt``, ``Pj``, ``mantan``) in their expanded form, and where the rest starts."""
    prefixes = load_lexicon().prefixes
    found: list[str] = []
    index = 0
    while index < len(keys):
        match = prefixes.match(keys, index)
        if match is None:
            break
        found.append(str(match[1]))
        index += match[0]
    return found, index


def _region_span(keys: list[str], index: int) -> int:
    """The length of the longest region name (``region_codes``) starting at ``keys[index]``, else 0."""
    names = region_names()
    for length in range(min(MAX_PLACE_WORDS, len(keys) - index), 0, -1):
        if " ".join(keys[index : index + length]) in names:
            return length
    return 0


def _place(keys: list[str], start: int, national: bool) -> tuple[int, int, str] | None:
    """The first place name at or after ``start``: (start, end, canonical name).

    A national post (``Menteri Negara ...``) takes no district: its words are names of bodies.
    """
    places = load_lexicon().places
    for index in range(start, min(len(keys), MAX_TITLE_WORDS)):
        match = places.match(keys, index)
        length = match[0] if match else _region_span(keys, index)
        if not length:
            continue
        name = str(match[1]) if match else " ".join(keys[index : index + length])
        region = lookup_region(name)
        if not (national and region is not None and region.kind == "district"):
            return index, index + length, name
    return None


@functools.cache
def _kind_words() -> dict[str, str]:
    """Words that name a kind of region (``kota`` -> city), from the region lexicon."""
    return {prefix.strip().rstrip("."): kind for prefix, kind in KIND_PREFIXES}


@functools.cache
def _nation_words() -> frozenset[str]:
    """Words of the place names that are no Indonesian region (``Republik Indonesia``)."""
    names = load_lexicon().place_full.values()
    foreign = [name for name in names if lookup_region(name) is None]
    return frozenset(word.casefold() for name in foreign for word in name.split())


def _role_words(words: list[str]) -> list[str]:
    """The words that belong to the role: up to the first lower-case or numbered word."""
    kept: list[str] = []
    for word in words:
        if not word[:1].isupper():
            break
        kept.append(word)
    return kept


def _region_kind(role: str, keys: list[str], place_start: int) -> str | None:
    """The kind of region the post's jurisdiction is: from an admin word before it, else the role."""
    kinds = _kind_words()
    before = keys[place_start - 1] if place_start > 0 else ""
    if before in kinds:
        return kinds[before]
    role_kinds = [kinds[word] for word in role.casefold().split() if word in kinds]
    return role_kinds[0] if role_kinds else "regency"


def parse_post(title: str) -> Post | None:
    """Read a title as written into a :class:`Post` (``None`` for an empty title).

    >>> parse_post("Plt. Bupati Ketapang").key
    ('bupati', '61.04')
    """
    words = title.split()
    if not words:
        return None
    keys = [norm_tok(word) for word in words]
    qualifiers, start = _qualifiers(keys)
    match = load_lexicon().titles.match(keys, start) if start < len(keys) else None
    role_words = [match[1].expansion] if match else []  # type: ignore[union-attr]
    after_role = start + match[0] if match else start
    sector = match[1].sector if match else ""  # type: ignore[union-attr]
    place = _place(keys, after_role, sector == NATIONAL)
    end = place[0] if place else len(words)
    admin = load_lexicon().admin
    while end > after_role and keys[end - 1] in admin:
        end -= 1
    role_words += _role_words(words[after_role:end])
    if not role_words:
        role_words = words[start:end] or words[start:]
    role = " ".join(role_words) or title
    qualifier = " ".join(qualifiers) or None
    if place is None:
        return Post(title, role, qualifier, None, None, NATIONAL if sector == NATIONAL else None)
    region = lookup_region(place[2], _region_kind(role, keys, place[0]))
    if region is None:  # Indonesia, RI: the nation ("Presiden Republik Indonesia" -> "Presiden")
        nation_words = _nation_words() | set(place[2].casefold().split())
        kept = role.split()
        while len(kept) > 1 and kept[-1].casefold() in nation_words:
            kept.pop()
        return Post(title, " ".join(kept), qualifier, place[2], None, NATIONAL)
    return Post(title, role, qualifier, region.name, region.code, region.kind)


@functools.lru_cache(maxsize=1024)
def cached_role(text: str) -> str:
    """The normalised role of a role as written (``Kapolres`` -> ``Kepala Kepolisian Resor``)."""
    post = parse_post(text)
    return post.role if post else text
