"""An organisation's name ends before the name of the person who holds a post in it.

``Kepala Sekolah SMPN 33 Sumiyati``, ``Ketua DPRD Busroni``, ``Kepala Biro Pemerintahan Pemprov
Rina Astuti``: the rules read a run of capitalised words after a head, and the holder's name runs
on from the organisation's. The run is cut before a tail of plain name words that the article
shows to be a person: the NER tags the tail, or its first word alone, as a person elsewhere in the
article; or the organisation follows a title and its name is complete (an acronym, a number or a
place ends it): ``Ketua DPRD Busroni`` names the holder even where the name is no given name the
lexicon knows.
"""

from __future__ import annotations

from ...lexicons.organisations import load_person_signals
from ...lexicons.word_keys import split_words
from .candidates import Cand, Scan
from .names import region_stop
from .tokens import STOP_WORDS, Tok, acronym_in_parentheses

HOLDER_WORDS = 3  # words of a holder's name at the end of an organisation's run


def _plain_name_word(scan: Scan, k: int, places: set[int]) -> bool:
    """``toks[k]`` may be a word of a person's name: capitalised, no acronym, head, number or place."""
    tok = scan.toks[k]
    if not tok.cap or tok.low in STOP_WORDS or tok.low in scan.lex.orgs.first_words:
        return False
    if tok.upper and len(tok.text) > 1:
        return False
    return k not in places and region_stop(scan, k) is None


def _keeps_a_name_word(scan: Scan, cand: Cand) -> bool:
    """A head whose slot is a name (``Dinas``, ``Universitas``) keeps at least one word of it."""
    if cand.head is None or cand.acronym is not None or cand.region_span is not None:
        return False
    patterns = scan.lex.orgs.heads.get(" ".join(word.casefold() for word in split_words(cand.head)), [])
    return any(pattern.slot == "name" for pattern in patterns)


def _head_end(toks: list[Tok], cand: Cand) -> int:
    """The first token after the head that opens ``cand``'s name, and the first after its number.

    An acronym in parentheses after the head is the head's (``Pemerintah Desa (Pemdes) Sukamaju``):
    the name starts after it.
    """
    if cand.head is None:
        return cand.i + 1
    k = cand.i + len(split_words(cand.head))
    if k < cand.j and acronym_in_parentheses(toks, k):
        k += 3
    while k < cand.j and (toks[k].text.isdigit() or toks[k].low == "negeri"):
        k += 1  # SMPN 33, SMA Negeri 1: the number is the school's name
    return k


def _closed_before(scan: Scan, cand: Cand, k: int) -> bool:
    """The organisation's name is complete before ``k``: it ends in an acronym, a number or a place."""
    prev = scan.toks[k - 1]
    if prev.text.isdigit() or prev.text == ")" or (prev.upper and len(prev.text) > 1):
        return True
    return cand.region_span is not None and cand.region_span[1] == k


def _holder_start(scan: Scan, cand: Cand, person_words: set[str], places: set[int]) -> int | None:
    """Where the holder's name at the end of ``cand`` starts, if it has one."""
    toks = scan.toks
    signals = load_person_signals()
    titled = cand.i > 0 and toks[cand.i - 1].low in signals
    head_end = _head_end(toks, cand)
    first = max(head_end, cand.j - HOLDER_WORDS)
    if _keeps_a_name_word(scan, cand):
        first = max(first, head_end + 1)
    start = None
    for k in range(cand.j - 1, first - 1, -1):
        if not _plain_name_word(scan, k, places):
            break
        tail = " ".join(tok.text for tok in toks[k : cand.j])
        if toks[k].text in person_words or tail in person_words or (titled and _closed_before(scan, cand, k)):
            start = k
    return start


def trim_holders(scan: Scan, cands: list[Cand], text: str, people: list[tuple[int, int]]) -> None:
    """Cut the holder's name off the end of each rule organisation (see the module docstring)."""
    person_words = {" ".join(text[start:end].split()) for start, end in people}
    places = {k for region in scan.region_at.values() for k in range(region.i, region.j)}
    for cand in cands:
        if cand.region_span is not None:
            places.update(range(*cand.region_span))
    for cand in cands:
        if (
            cand.label != "ORG"
            or cand.source in ("ner", "outlet", "acronym_definition")
            or cand.j - cand.i < 2
        ):
            continue
        start = _holder_start(scan, cand, person_words, places)
        if start is None or start <= cand.i:
            continue
        cand.j = start
        if cand.region_span is not None and cand.region_span[1] > start:
            cand.region_span = None
        if cand.acr_def is not None and cand.acr_def[1] >= start:
            cand.acr_def = None
