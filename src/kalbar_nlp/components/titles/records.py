"""The record of one title mention (an item of ``doc._.kalbar_titles``)."""

from __future__ import annotations

from ...text.names import NameReader
from .hits import TitleHit


def _squeeze(text: str) -> str:
    """``text`` with every run of white space made one space."""
    return " ".join(text.split())


def title_text(reader: NameReader, hit: TitleHit) -> str:
    """The title as written, without the parenthesised abbreviations."""
    pieces: list[str] = []
    k = hit.start
    for start, end in sorted(hit.skipped):
        if start >= hit.end:
            continue
        if k < start:
            pieces.append(reader.text(k, start))
        k = end
    if k < hit.end:
        pieces.append(reader.text(k, hit.end))
    return " ".join(_squeeze(piece) for piece in pieces if piece.strip())


def complement_start(hit: TitleHit) -> int:
    """The first token of the complement (after an abbreviation right after the head)."""
    start = hit.head_end
    for paren_start, paren_end in hit.skipped:
        if paren_start == start:
            start = paren_end
    return start


def abbreviations(reader: NameReader, hit: TitleHit, comp_start: int) -> list[dict]:
    """Abbreviations defined inside the complement: ``Universitas Lampung (Unila)``."""
    out = []
    for paren_start, paren_end in hit.skipped:
        if comp_start < paren_start <= hit.end:
            inner = _squeeze(reader.text(paren_start + 1, paren_end - 1))
            full = _squeeze(reader.text(comp_start, paren_start))
            if inner and full:
                out.append({"abbr": inner, "full": full})
    return out


def person_record(reader: NameReader, person: dict) -> dict:
    """The ``person`` of a title record: text, characters and doc tokens, ranks and honorifics."""
    span = reader.span(person["token_start"], person["token_end"])
    return {
        "text": span.text,
        "start": span.start_char,
        "end": span.end_char,
        "token_start": span.start,
        "token_end": span.end,
        "ranks": person.get("ranks", []),
        "honorifics": person.get("honorifics", []),
    }


def title_record(reader: NameReader, hit: TitleHit, person: dict | None, rule: str | None) -> dict:
    """The record of ``hit`` (see the package docstring for its keys)."""
    comp_start = complement_start(hit)
    start_char, end_char = reader.chars(hit.start, hit.end)
    return {
        "title": title_text(reader, hit),
        "start": start_char,
        "end": end_char,
        "token_start": reader.doc_index[hit.start],
        "token_end": reader.doc_index[hit.end - 1] + 1,
        "role": _squeeze(reader.text(hit.head_start, hit.head_end)),
        "expansion": " ".join([*hit.prefixes, hit.entry.expansion]),
        "jurisdiction": _squeeze(reader.text(comp_start, hit.end)) if hit.end > comp_start else None,
        "sector": hit.entry.sector,
        "former": any(prefix == "mantan" for prefix in hit.prefixes),
        "acting": next((prefix for prefix in hit.prefixes if prefix != "mantan"), None),
        "abbreviations": abbreviations(reader, hit, comp_start),
        "person": person_record(reader, person) if person else None,
        "rule": rule if person else None,
    }
