"""The organisation lexicon: head patterns, acronyms, and the words that open a person's mention.

Read from ``resources/patterns.jsonl`` (``Polres`` + region, ``Dinas`` + name, ``X Hotel``) and
``resources/acronyms.tsv`` (``KPK``, ``BPBD`` + region; generic ones such as ``OPD`` are never
entities). :func:`load_person_signals` reads the people and titles tables to tell people from
organisations.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .regions import KINDS, load_regions
from .table import LexiconError, read_jsonl, read_table, read_words
from .word_keys import normalise, split_words, word_key

SLOTS = ("name", "region", "number_name", "place", "none")  # none: a panel or group, no body (Majelis Hakim)
ACRONYM_TYPES = ("org", "regional", "generic", "unit", "place")


@dataclass(slots=True)
class Pattern:
    """A head word and what follows it (``slot``); a ``suffix`` pattern closes the name instead."""

    head: str
    label: str
    slot: str
    kind: str | None
    position: str
    needs_region: bool


@dataclass(slots=True)
class Acronym:
    """An acronym as written, its expansions and its type (see :data:`ACRONYM_TYPES`)."""

    acronym: str
    expansions: list[str]
    type: str


@dataclass(slots=True)
class OrganisationLexicon:
    """Head patterns and acronyms indexed by key."""

    heads: dict[str, list[Pattern]] = field(default_factory=dict)
    head_max: int = 1
    suffixes: dict[str, Pattern] = field(default_factory=dict)
    acronyms: dict[str, Acronym] = field(default_factory=dict)  # casefolded acronym key -> entry
    acr_max: int = 1
    first_words: set[str] = field(default_factory=set)  # first words of heads, acronyms and suffixes
    expansion_to_acronym: dict[str, set[str]] = field(
        default_factory=dict
    )  # casefolded expansion -> acronyms
    generic_expansions: set[str] = field(default_factory=set)  # expansions of generic acronyms (not entities)


def _pattern(number: int, entry: dict) -> Pattern:
    """One checked line of ``patterns.jsonl``."""
    where = f"resources/patterns.jsonl: entry {number}"
    if not entry.get("head") or entry.get("label") not in ("ORG", "LOC"):
        raise LexiconError(f"{where} needs 'head' and label ORG or LOC")
    if entry.get("slot", "name") not in SLOTS:
        raise LexiconError(f"{where}: unknown slot {entry.get('slot')!r}")
    if entry.get("kind") is not None and entry["kind"] not in KINDS:
        raise LexiconError(f"{where}: unknown kind {entry['kind']!r}")
    return Pattern(
        entry["head"],
        entry["label"],
        entry.get("slot", "name"),
        entry.get("kind"),
        entry.get("position", "prefix"),
        bool(entry.get("needs_region", False)),
    )


def _add_patterns(lex: OrganisationLexicon) -> None:
    for number, entry in enumerate(read_jsonl("patterns.jsonl"), 1):
        pattern = _pattern(number, entry)
        if pattern.position == "suffix":
            lex.suffixes[pattern.head.casefold()] = pattern
        else:
            key = word_key(split_words(pattern.head))
            lex.heads.setdefault(key, []).append(pattern)
            lex.head_max = max(lex.head_max, len(key.split()))


def _add_acronyms(lex: OrganisationLexicon) -> None:
    for row in read_table("acronyms.tsv", ("acronym", "expansion", "type"), required=()):
        if row["type"] not in ACRONYM_TYPES:
            raise LexiconError(f"resources/acronyms.tsv: unknown type {row['type']!r} for {row['acronym']!r}")
        acr = Acronym(row["acronym"], [exp for exp in row["expansion"].split("|") if exp], row["type"])
        key = word_key(split_words(acr.acronym))
        lex.acronyms[key] = acr
        lex.acr_max = max(lex.acr_max, len(key.split()))
        for expansion in acr.expansions:
            if acr.type == "generic":
                lex.generic_expansions.add(normalise(expansion))
            else:
                lex.expansion_to_acronym.setdefault(normalise(expansion), set()).add(acr.acronym.casefold())


@functools.cache
def load_organisations() -> OrganisationLexicon:
    """Load and index the head patterns and acronyms (cached: once per process)."""
    lex = OrganisationLexicon()
    _add_patterns(lex)
    _add_acronyms(lex)
    lex.first_words = {key.split()[0] for key in [*lex.heads, *lex.acronyms, *lex.suffixes]}
    return lex


@functools.cache
def load_person_signals() -> frozenset[str]:
    """Lower-case words that open a person's mention: ranks, titles, honorifics, given names.

    Read from ``ranks.tsv``, ``titles.tsv``, ``honorifics.tsv`` (their first column) and
    ``given_names.txt``; used only to reject NER organisations and places that are really
    people or posts. Heads of organisations and region names are never signals.
    """
    out = {name.casefold() for name in read_words("given_names.txt")}
    for name in ("ranks.tsv", "titles.tsv", "honorifics.tsv"):
        for row in read_table(name, pad=True, required=()):
            form = next(iter(row.values()))
            if form and not form[0].isdigit():
                out.add(word_key(split_words(form)))
    orgs, regions = load_organisations(), load_regions()
    return frozenset(
        word
        for word in out
        if word not in orgs.heads and word not in orgs.acronyms and word not in regions.regions
    )
