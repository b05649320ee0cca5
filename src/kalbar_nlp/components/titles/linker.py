"""The ``kalbar_titles`` component: find title mentions, link each to its person, write the records."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ...lexicons.titles import load_lexicon
from ...text.names import NameReader
from ...text.ranges import Range, excluded_ranges, merge_overlapping, overlaps
from .hits import TitleHit, find_hit
from .linking import link
from .records import title_record


def surname_of_person(reader: NameReader, hit: TitleHit, i: int, excluded: list[Range]) -> int | None:
    """A surname that is also a position (``Lucky Hakim``): go on at the next token."""
    if (
        i > 0
        and hit.head_start == i
        and reader.name_likely(i)
        and reader.alpha_cap(i - 1)
        and reader.name_likely(i - 1)
        and reader.texts[i][:1].isupper()
    ):
        return i + 1
    return None


def inside_place_name(reader: NameReader, hit: TitleHit, i: int, excluded: list[Range]) -> int | None:
    """``Kantor Bupati``, ``Hari Guru``, ``Partai Buruh``: the title is part of a name; skip its head."""
    before = i - 1
    if i > 0 and (
        reader.keys[before] in reader.lex.place_context
        or (reader.keys[before] in reader.lex.openers and reader.cap(before))
    ):
        return hit.head_end
    return None


def in_excluded_range(reader: NameReader, hit: TitleHit, i: int, excluded: list[Range]) -> int | None:
    """A title inside boilerplate, a byline or the dateline: skip it."""
    if overlaps(*reader.chars(hit.start, max(hit.end, hit.head_end)), excluded):
        return hit.end
    return None


Linked = tuple[TitleHit, "dict | None", "str | None"]
HitFilter = Callable[[NameReader, TitleHit, int, list[Range]], "int | None"]
#: hits refused before linking, with the token to go on at (in this order)
HIT_FILTERS: tuple[HitFilter, ...] = (surname_of_person, inside_place_name, in_excluded_range)


def find_hits(reader: NameReader, excluded: list[Range]) -> list[TitleHit]:
    """Every title mention of the document, left to right, none inside another."""
    hits: list[TitleHit] = []
    i = 0
    while i < reader.size:
        hit = find_hit(reader, i) if reader.texts[i][:1].isalpha() else None
        if hit is None:
            i += 1
            continue
        skip_to = next(
            (j for refuse in HIT_FILTERS if (j := refuse(reader, hit, i, excluded)) is not None), None
        )
        if skip_to is not None:
            i = skip_to
            continue
        hits.append(hit)
        i = max(hit.end, hit.head_end)
    return hits


#: words that join two posts of one person (anggota DPRD Sulut sekaligus Ketua DPD ...)
POST_JOINERS = frozenset({"dan", "serta", "sekaligus", ",", "/", "&"})


def _joins_posts(reader: NameReader, start: int, end: int) -> bool:
    """Only joiners and cue words (``yang saat ini juga menjabat``) between tokens ``start`` and ``end``."""
    lex = reader.lex
    between = range(start, end)
    return (
        0 < end - start <= 7
        and all(
            reader.keys[k] in POST_JOINERS
            or reader.keys[k] in lex.cue_fillers
            or reader.keys[k] in lex.cue_anchors
            for k in between
        )
        and any(reader.keys[k] not in {","} for k in between)
    )


def chain_posts(reader: NameReader, linked: list[Linked]) -> None:
    """A post joined to the post before it takes that post's holder (``chained``).

    ``Rina merupakan anggota DPRD Kalbar sekaligus Ketua DPD Partai X``, ``Gus Ipul, mantan Wagub
    Jatim yang kini menjabat Wali Kota Pasuruan``: only when the first post's holder is written
    before it (a name after the first post, as in ``Bupati Jarot dan Wakil Bupati``, is no holder
    of the second).
    """
    for index in range(1, len(linked)):
        hit, person, _ = linked[index]
        first, holder, _ = linked[index - 1]
        if person or not holder or holder["token_end"] > first.start or hit.name:
            continue
        if _joins_posts(reader, max(first.end, first.head_end), hit.start):
            linked[index] = (hit, holder, "chained")


def _second_holder(reader: NameReader, holder: dict) -> dict | None:
    """The person after ``holder`` and ``dan`` (``Satono dan Fahrur Rofi``), else None."""
    j = holder["token_end"]
    if j < reader.size and reader.keys[j] in {"dan", "serta", "&"}:
        return reader.person_after(j + 1)
    return None


def pair_posts(reader: NameReader, linked: list[Linked]) -> None:
    """``Bupati dan Wakil Bupati Sambas, Satono dan Fahrur Rofi``: two posts, two names, in order."""
    for index in range(1, len(linked)):
        first, first_holder, _ = linked[index - 1]
        hit, holder, rule = linked[index]
        if first_holder or not holder or rule not in {"title_comma_name", "title_name"}:
            continue
        if first.end != hit.start - 1 or reader.keys[first.end] not in {"dan", "&"}:
            continue
        second = _second_holder(reader, holder)
        if second:
            linked[index - 1] = (first, holder, "paired")
            linked[index] = (hit, second, "paired")


class TitleLinker:
    """Find title mentions and link each to its person (see the package docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lex = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc._.kalbar_titles``."""
        reader = NameReader(doc, self.lex)
        hits = find_hits(reader, merge_overlapping(excluded_ranges(doc)))
        linked: list[Linked] = [(hit, *link(reader, hit)) for hit in hits]
        chain_posts(reader, linked)
        pair_posts(reader, linked)
        taken: set[int] = set()
        for _, person, _ in linked:
            if person:
                taken.update(range(person["token_start"], person["token_end"]))
        doc._.kalbar_titles = [
            title_record(reader, hit, person, rule)
            for hit, person, rule in linked
            if hit.head_start not in taken  # a word of a name that looks like a title (Lucky Hakim)
        ]
        return doc
