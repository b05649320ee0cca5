"""News outlets named in the body (``kepada detikcom``, ``dikutip dari Kompas.com``, ``dilansir Antara``).

An outlet's web domain is recognised by its shape anywhere in the body; an outlet's name from
``resources/outlets.tsv`` (``Antara``, ``Kontan``) only after a word that cites a source
(``kepada``, ``dilansir``, ``dikutip dari``), where it cannot be a common word or a person's
initials. The outlet of the dateline and the credits is dropped later with them.
"""

from __future__ import annotations

import functools

import regex

from ...lexicons.entity_words import entity_words
from ...lexicons.outlets import outlet_lexicon
from ...lexicons.word_keys import split_words, word_key
from .candidates import Cand, Scan
from .tokens import glued_to_domain, low_key

CITING = entity_words("citing")
MIN_NAME = 3  # shorter names (AP, SP) are more often a person's initials
CITING_MARKS = "/"  # a mark some sites put between the citing word and the outlet

# after a space or mark, or after a function word glued to it (kepadadetikcom: a link lost its space)
_GLUED = "|".join(sorted(entity_words("glued"), key=len, reverse=True))
_TO_DOMAIN = frozenset(glued_to_domain())
_OUTLET = regex.compile(
    rf"(?:(?<![\p{{L}}\p{{N}}.@/-])|(?<=(?<![\p{{L}}\p{{N}}])(?:{_GLUED})))"
    r"(?:detik(?:com|\p{Lu}\p{Ll}+)|[\p{L}\p{N}][\p{L}\p{N}-]{1,40}"
    r"\.(?i:" + "|".join(regex.escape(domain) for domain in sorted(entity_words("outlet_domain"))) + r"))"
    r"(?![\p{L}\p{N}]|\.\p{L})",
    regex.V1,
)


@functools.cache
def _outlet_names() -> tuple[dict[str, str], int]:
    """The outlets' names by their word key, and the most words a name has."""
    names = {
        word_key(split_words(written)): written
        for written, _kind in outlet_lexicon()
        if len(written) >= MIN_NAME
    }
    return names, max((len(key.split()) for key in names), default=1)


def _cited(scan: Scan, i: int) -> bool:
    """A word that cites a source comes before token ``i`` (marks such as ``/`` between them)."""
    k = i - 1
    while k >= 0 and scan.toks[k].text in CITING_MARKS:
        k -= 1
    return k >= 0 and scan.toks[k].low in CITING


def _named_outlets(scan: Scan) -> list[Cand]:
    """Outlets' names from the lexicon after a citing word (``dilansir Antara``)."""
    names, longest = _outlet_names()
    out = []
    for i, tok in enumerate(scan.toks):
        if not tok.cap or i in scan.blocked or not _cited(scan, i):
            continue
        for size in range(min(longest, len(scan.toks) - i), 0, -1):
            if low_key(scan.toks[i : i + size]) in names and not any(
                k in scan.blocked for k in range(i, i + size)
            ):
                out.append(Cand(i, i + size, "ORG", None, "outlet", 3))
                break
    return out


def find_outlets(text: str, scan: Scan) -> list[Cand]:
    """News outlets named in the body: web domains anywhere, lexicon names after a citing word."""
    out = _named_outlets(scan)
    starts = {tok.start: k for k, tok in enumerate(scan.toks)}
    ends = {tok.end: k + 1 for k, tok in enumerate(scan.toks)}
    toks = scan.toks
    # overlapped: an address glued to a word (diterimaberitajatim.com) is read from each token start
    for match in _OUTLET.finditer(text, overlapped=True):
        i, j = starts.get(match.start()), ends.get(match.end())
        if i is None or j is None or any(k in scan.blocked for k in range(i, j)):
            continue
        if toks[i].low in _TO_DOMAIN and j - i > 1 and toks[i + 1].start == toks[i].end:
            continue  # diterima|beritajatim.com: the glued word is no part of the address
        out.append(Cand(i, j, "ORG", None, "outlet", 3))
    return out
