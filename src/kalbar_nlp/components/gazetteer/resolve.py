"""Which candidate mentions are kept: spans of one label never overlap, rules before the NER."""

from __future__ import annotations

from ...lexicons.entity_words import entity_words
from ...lexicons.organisations import load_organisations
from ...lexicons.villages import village_key, villages_by_key
from ...lexicons.word_keys import split_words
from .candidates import Cand, covering, index_by_token
from .tokens import Tok, low_key

LOCATIVE = entity_words("locative")
GENERIC_VENUE_WORDS = entity_words("venue_generic")
#: a status or programme after an admin word (Desa Digital, Kota Layak Anak): no place's name
PLACE_STATUS = entity_words("place_status")
#: words before a venue suffix that make a service, not a place (Call Center 110)
SERVICE_WORDS = entity_words("service_word")
STATUS_KINDS = ("village", "district", "regency", "city", "province")


def _priority(cand: Cand) -> tuple:
    """Rules before the NER, then the longest span, then a known region, then the priority."""
    return (-(cand.prio >= 2), -(cand.j - cand.i), -bool(cand.regions), -cand.prio, cand.i)


def _choose(cands: list[Cand], label: str) -> list[Cand]:
    """Non-overlapping spans of one label, best first (see :func:`_priority`)."""
    chosen: list[Cand] = []
    taken: set[int] = set()
    for cand in sorted((cand for cand in cands if cand.label == label), key=_priority):
        if any(k in taken for k in range(cand.i, cand.j)):
            continue
        chosen.append(cand)
        taken.update(range(cand.i, cand.j))
    return chosen


def _regions_inside_venues(cands: list[Cand], chosen: list[Cand]) -> list[Cand]:
    """A region named inside a venue is a location too (Kantor Bupati Sanggau -> Sanggau)."""
    venue_at = index_by_token(
        [cand for cand in chosen if not cand.regions and cand.kind in ("venue", "other")]
    )
    chosen_ids = {id(cand) for cand in chosen}
    inner_taken: set[int] = set()
    out = []
    regions = (cand for cand in cands if cand.label == "LOC" and cand.regions)
    for cand in sorted(regions, key=lambda cand: -(cand.j - cand.i)):
        if id(cand) in chosen_ids or any(k in inner_taken for k in range(cand.i, cand.j)):
            continue
        if cand.source != "ner" and any(
            venue.i <= cand.i and cand.j <= venue.j and (venue.i, venue.j) != (cand.i, cand.j)
            for venue in venue_at.get(cand.i, ())
        ):
            out.append(cand)
            chosen_ids.add(id(cand))
            inner_taken.update(range(cand.i, cand.j))
    return out


def _inner_organisations(chosen: list[Cand]) -> list[Cand]:
    """The organisations that units were written before (``Polsek X`` of ``Unit Reskrim Polsek X``)."""
    out = []
    for cand in chosen:
        inner = cand.inner
        while inner is not None:
            out.append(inner)
            inner = inner.inner
    return out


def _crosses_rule(rule_at: dict[int, list[Cand]], cand: Cand) -> bool:
    """An NER span overlaps a rule span of the other label (not just containing it)."""
    return any(
        rule.label != cand.label
        and not (cand.i <= rule.i and rule.j <= cand.j and (rule.i, rule.j) != (cand.i, cand.j))
        for rule in covering(rule_at, cand)
    )


def _village_of_head(org: Cand, cand: Cand) -> bool:
    """The village a government's head names (``Desa X`` in ``Pemerintah Desa X``) is a place too."""
    return cand.kind == "village" and org.head is not None and cand.i < org.i + len(split_words(org.head))


def _inside_org_name(org_at: dict[int, list[Cand]], cand: Cand) -> bool:
    """An NER location, or a venue word, inside a rule organisation (not a known place)."""
    return cand.label == "LOC" and any(
        org.i <= cand.i
        and cand.j <= org.j
        and (cand.source == "ner" or (not cand.regions and org.i < cand.i))
        and not _village_of_head(org, cand)
        for org in org_at.get(cand.i, ())
    )


def ner_places_backed(toks: list[Tok], cands: list[Cand]) -> list[Cand]:
    """Without the NER's places that no locative word ever introduces (``di``, ``ke``, ``wilayah``).

    Nor the NER's venues of a head and generic words only (``Pasar Tradisional``).

    The model also tags people, documents, programmes and headline fragments ``LOC``; a place
    the gazetteer and the rules do not know is kept where the article writes it after a
    locative word at least once (``di Dabo Singkep``).
    """
    backed = {
        low_key(toks[cand.i : cand.j])
        for cand in cands
        if cand.source == "ner" and cand.label == "LOC" and cand.i > 0 and toks[cand.i - 1].low in LOCATIVE
    }
    return [
        cand
        for cand in cands
        if not (cand.source == "ner" and cand.label == "LOC")
        or (low_key(toks[cand.i : cand.j]) in backed and not _generic_venue(toks, cand))
    ]


def _generic_venue(toks: list[Tok], cand: Cand) -> bool:
    """A venue's head and generic words only (``Pasar Tradisional``; not ``Malang Raya``)."""
    heads = load_organisations().heads.get(toks[cand.i].low, ())
    return any(pattern.label == "LOC" for pattern in heads) and _generic_words_after(toks, cand.i + 1, cand)


def _generic_words_after(toks: list[Tok], start: int, cand: Cand) -> bool:
    """The words of ``cand`` from ``start`` (a final acronym in parentheses left out) are all generic."""
    end = cand.j
    if end - start > 3 and toks[end - 1].text == ")" and toks[end - 3].text == "(":
        end -= 3  # Ruang Terbuka Hijau (RTH)
    words = toks[start:end]
    return bool(words) and all(tok.low in GENERIC_VENUE_WORDS for tok in words)


def _status_place(toks: list[Tok], cand: Cand) -> bool:
    """An admin word + a status or programme (``Desa Digital``, ``Kabupaten Informatif``), no known village.

    ``Desa Mandiri Jaya`` and ``Desa Khusus Bahuluang`` are villages of the Kemendagri list and stay.
    """
    if not (cand.label == "LOC" and cand.kind in STATUS_KINDS and cand.source.startswith("pattern:")):
        return False
    start = cand.i + len(split_words(cand.source.removeprefix("pattern:")))
    if start >= cand.j or toks[start].low not in PLACE_STATUS:
        return False
    name = " ".join(tok.text for tok in toks[start : cand.j])
    return village_key(name) not in villages_by_key()


def _service(toks: list[Tok], cand: Cand) -> bool:
    """A venue suffix after service words only (``Call Center``, ``Command Center``): no place."""
    return (
        cand.label == "LOC"
        and cand.source == "pattern:suffix"
        and all(tok.low in SERVICE_WORDS for tok in toks[cand.i : cand.j - 1])
    )


def without_generic_venues(toks: list[Tok], cands: list[Cand]) -> list[Cand]:
    """Without venues whose words after the head are all generic (``Pasar Tradisional``).

    Nor an admin word before a status or a programme (``Desa Digital``, ``Kelurahan Merah Putih``),
    nor a service named like a venue (``Call Center``).
    """
    out = []
    for cand in cands:
        if cand.label == "LOC" and cand.head and cand.source.startswith("pattern:"):
            if _generic_words_after(toks, cand.i + len(split_words(cand.head)), cand):
                continue
        if _service(toks, cand):
            continue
        if _status_place(toks, cand):
            continue
        out.append(cand)
    return out


def resolve(cands: list[Cand]) -> list[Cand]:
    """Keep non-overlapping spans per label (longest, then priority); nesting across labels is allowed."""
    out: list[Cand] = []
    for label in ("ORG", "LOC"):
        chosen = _choose(cands, label)
        if label == "LOC":
            chosen += _regions_inside_venues(cands, chosen)
        else:
            chosen += _inner_organisations(chosen)
        out.extend(chosen)
    rule_at = index_by_token([cand for cand in out if cand.source != "ner"])
    out = [cand for cand in out if cand.source != "ner" or not _crosses_rule(rule_at, cand)]
    # the same span as an organisation and a region: the gazetteer knows better
    locs = {(cand.i, cand.j): cand for cand in out if cand.label == "LOC" and cand.regions}
    out = [
        cand
        for cand in out
        if not (cand.label == "ORG" and (cand.i, cand.j) in locs and cand.source == "ner")
    ]
    # `Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten X` holds no room called `Ruang ...`
    org_at = index_by_token([cand for cand in out if cand.label == "ORG" and cand.source != "ner"])
    out = [cand for cand in out if not _inside_org_name(org_at, cand)]
    out.sort(key=lambda cand: (cand.i, cand.j))
    return out
