"""Written forms of mentions: the text without ``(ACR)``, bare names, the fullest form, aliases."""

from __future__ import annotations

import regex

from ...lexicons.entity_words import entity_word_values, entity_words
from ...lexicons.word_keys import normalise, split_words
from .candidates import Cand
from .tokens import Tok

BARE_PREFIXES = entity_words("bare_prefix")


def _prefix_pattern() -> regex.Pattern:
    """``Kabupaten``, ``Kab.``, ``Desa`` (any case) or ``Gampong`` (as written) before a name."""
    prefixes = entity_word_values("name_prefix")
    any_case = "|".join(regex.escape(word) for word, how in prefixes.items() if how == "any_case")
    as_written = "|".join(regex.escape(word) for word, how in prefixes.items() if how != "any_case")
    return regex.compile(rf"^(?:(?i:{any_case})|{as_written})\s+(?=\p{{L}})", regex.V1)


_PREFIX_RE = _prefix_pattern()


def bare(form: str) -> str:
    """The key of a place's form without its prefixes (``Kabupaten Ketapang`` -> ``ketapang``)."""
    words = normalise(form).split()
    while words and words[0] in BARE_PREFIXES:
        words = words[1:]
    return " ".join(words)


def strip_acr(text: str, toks: list[Tok], cand: Cand, drop_region: bool = False) -> str:
    """The span's text without ``(ACR)`` inside it (``Rumah Sakit Umum Daerah (RSUD) Meuraxa``)."""
    start, end = toks[cand.i].start, toks[cand.j - 1].end
    if cand.acr_def is None:
        return text[start:end]
    first, last = cand.acr_def
    left = text[start : toks[first - 1].start].rstrip()
    right = text[toks[last].end : end].strip()
    if drop_region or not right:
        return left
    return f"{left} {right}"


def strip_prefix(form: str) -> str:
    """``Kabupaten Ketapang`` -> ``Ketapang`` (a bare name is how most lists write a place)."""
    return _PREFIX_RE.sub("", form, count=1) or form


def fullest(forms: list[str]) -> str:
    """The fullest written form: most words, then mixed case over ALL CAPS, then first seen."""

    def score(form: str) -> tuple:
        return (len(split_words(form)), not form.isupper(), sum(ch.isupper() for ch in form[:1]))

    best = max(forms, key=score)
    return " ".join(best.split())


def aliases(forms: list[str], name: str | None = None) -> list[str]:
    """The forms that differ from ``name`` (default: the fullest form), each once, as written."""
    name = name or fullest(forms)
    seen = {normalise(name)}
    out = []
    for form in forms:
        form = " ".join(form.split())
        key = normalise(form)
        if key not in seen:
            seen.add(key)
            out.append(form)
    return out


def entity(
    label: str, text: str, start: int, end: int, norm: str, kind: str | None, code: str | None, source: str
) -> dict:
    """One entry of ``doc._.kalbar_entities``."""
    return {
        "label": label,
        "text": text,
        "start": start,
        "end": end,
        "norm": norm,
        "kind": kind,
        "code": code,
        "source": source,
    }
