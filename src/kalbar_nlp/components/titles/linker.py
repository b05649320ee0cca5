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


class TitleLinker:
    """Find title mentions and link each to its person (see the package docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lex = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc._.kalbar_titles``."""
        reader = NameReader(doc, self.lex)
        hits = find_hits(reader, merge_overlapping(excluded_ranges(doc)))
        linked = [(hit, *link(reader, hit)) for hit in hits]
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
