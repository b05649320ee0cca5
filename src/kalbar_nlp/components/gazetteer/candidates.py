"""Entity mentions found by a rule, the gazetteer or the NER, and what the rules share while matching."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...lexicons.organisations import OrganisationLexicon, load_organisations
from ...lexicons.regions import Region, RegionLexicon, load_regions
from .tokens import Tok


@dataclass(slots=True)
class Cand:
    """One entity mention found by a rule, the gazetteer or the NER (token indexes, end exclusive)."""

    i: int
    j: int
    label: str  # ORG or LOC
    kind: str | None
    source: str
    prio: int  # higher wins a tie
    regions: list[Region] = field(default_factory=list)  # candidate regions (LOC from the gazetteer)
    acronym: str | None = None  # the acronym this mention is (or defines)
    acr_def: tuple[int, int] | None = None  # token range of "(ACR)" inside the span
    head: str | None = None  # acronym/head that opens an ORG
    region_span: tuple[int, int] | None = None  # token range of the region inside an ORG
    as_written: bool = False  # its form keeps the (ACR) between the name and its region
    inner: Cand | None = (
        None  # the organisation a unit belongs to, also listed (Polsek X in Reskrim Polsek X)
    )


@dataclass(slots=True, frozen=True)
class Lexicon:
    """The two lexicons the gazetteer reads."""

    regions: RegionLexicon
    orgs: OrganisationLexicon

    @classmethod
    def load(cls) -> Lexicon:
        """Both lexicons, loaded once per process."""
        return cls(load_regions(), load_organisations())


@dataclass(slots=True)
class Scan:
    """One article while the rules run over it.

    ``blocked`` holds the tokens inside boilerplate and bylines; ``region_at`` the region
    mentions by their first token (and the first token of their name); ``extra`` the places
    found inside organisations' names while matching them; ``not_orgs`` the acronyms the article
    spells out as something other than an organisation (``Pekerja Migran Indonesia (PMI)``);
    ``dateline_place`` the tokens of the dateline's place.
    """

    toks: list[Tok]
    lex: Lexicon
    blocked: set[int]
    region_at: dict[int, Cand] = field(default_factory=dict)
    extra: list[Cand] = field(default_factory=list)
    not_orgs: set[str] = field(default_factory=set)  # acronyms the article defines as no organisation
    dateline_place: list[int] = field(default_factory=list)  # the tokens of the dateline's place
    ner_orgs: set[tuple[int, int]] = field(default_factory=set)  # token spans the NER tags ORG


def index_by_token(spans: list[Cand]) -> dict[int, list[Cand]]:
    """Map each token index to the spans covering it (spans are short, so this stays linear)."""
    at: dict[int, list[Cand]] = {}
    for cand in spans:
        for k in range(cand.i, cand.j):
            at.setdefault(k, []).append(cand)
    return at


def covering(at: dict[int, list[Cand]], cand: Cand) -> list[Cand]:
    """The indexed spans that share at least one token with ``cand`` (each once)."""
    seen: dict[int, Cand] = {}
    for k in range(cand.i, cand.j):
        for other in at.get(k, ()):
            seen.setdefault(id(other), other)
    return list(seen.values())
