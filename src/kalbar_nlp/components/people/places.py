"""Person mentions that open with the end of a place or organisation the gazetteer found.

A street's hero (``Jalan Kapten Maulana Lubis``, ``Jl. Ahmad Yani``) is no person of the article.

A name read after a title's jurisdiction may take the last words of that place with it:
``Ketua DPRD Kuantan Singingi, Riau Muslim``, ``petugas Pemkot Solo Didik STW``. Where the
gazetteer found a location or organisation that ends inside the mention and starts at or before
the mention's first word, the person's name starts after it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...lexicons.people import load_people_words
from ...text.names import NameReader
from .mentions import Mention

GAZETTEER_KEYS = ("kalbar_locations", "kalbar_organizations")
#: capitalised words between a street's head and its hero's name (Jalan Kapten, Jl. Letjen)
MAX_STREET_GAP = 3


def gazetteer_ends(doc: Doc) -> dict[int, int]:
    """The end offset of each gazetteer mention, mapped to the earliest start of a mention ending there."""
    ends: dict[int, int] = {}
    for key in GAZETTEER_KEYS:
        for item in getattr(doc._, key) or []:
            for mention in item.get("mentions") or []:
                start, end = mention.get("start"), mention.get("end")
                if isinstance(start, int) and isinstance(end, int):
                    ends[end] = min(start, ends.get(end, start))
    return ends


def _name_start(reader: NameReader, mention: Mention, ends: dict[int, int]) -> int:
    """The first token of the name after a place that ends inside ``mention`` (its own start if none)."""
    first_char = reader.chars(mention.start, mention.start + 1)[0]
    for k in range(mention.end - 1, mention.start, -1):
        place_start = ends.get(reader.chars(k - 1, k)[1])
        if place_start is not None and place_start <= first_char and reader.alpha_cap(k):
            return k
    return mention.start


def after_places(doc: Doc, reader: NameReader, mentions: list[Mention]) -> list[Mention]:
    """The mentions, each starting after a place or body the gazetteer found at its start."""
    ends = gazetteer_ends(doc)
    if not ends:
        return mentions
    for mention in mentions:
        if mention.alias_of is None and mention.end - mention.start >= 2:
            mention.start = _name_start(reader, mention, ends)
    return mentions


def _street_name(reader: NameReader, start: int) -> bool:
    """A street's head before token ``start``, with at most a few capitalised words between (a rank)."""
    heads = load_people_words().street_heads
    k = start - 1
    for _gap in range(MAX_STREET_GAP + 1):
        if k < 0:
            return False
        key = reader.keys[k].rstrip(".")
        if key in heads and reader.cap(k):
            return True
        if not (reader.texts[k] == "." or reader.cap(k)):
            return False
        k -= 1
    return False


def off_streets(reader: NameReader, mentions: list[Mention]) -> list[Mention]:
    """Without the names of streets' heroes (``Jalan Jenderal Sudirman``, ``Gang Haji Manan``)."""
    return [mention for mention in mentions if not _street_name(reader, mention.start)]
