"""Acronyms an article defines itself: ``Badan Pengawas Pemilu (Bawaslu)``."""

from __future__ import annotations

from ...lexicons.entity_words import entity_words
from ...lexicons.organisations import Acronym, load_person_signals
from ...lexicons.word_keys import normalise
from .candidates import Cand, Scan
from .names import MAX_NAME_TOKENS
from .regions import match_region
from .tokens import CONNECTORS, Tok, initials_match, is_name_tok

# First words of capitalised phrases with an acronym that are not organisations.
NON_ORG_FIRST = entity_words("non_org_first")
# Nouns for a body that are no head of a pattern (Bank, Committee, Tim): a defined acronym's name needs one
BODY_WORDS = entity_words("body_word")
PORTFOLIO_TITLES = entity_words("portfolio_title")


def _defined_acronym(scan: Scan, k: int) -> tuple[str, Acronym | None] | None:
    """``( ACR )`` opening at token ``k``: the acronym and its lexicon entry, unless it is generic."""
    toks = scan.toks
    if toks[k].text != "(" or k + 2 >= len(toks) or toks[k + 2].text != ")":
        return None
    written = toks[k + 1]
    if not (written.cap and 2 <= len(written.text) <= 10 and sum(ch.isupper() for ch in written.text) >= 2):
        return None
    known = scan.lex.orgs.acronyms.get(written.low)
    if known is not None and known.type == "generic":
        return None
    return written.text, known


def _name_start(scan: Scan, k: int) -> int:
    """The first token of the run of capitalised words (connectors inside) that ends before ``k``."""
    toks = scan.toks
    start = k
    while start > 0 and k - start < MAX_NAME_TOKENS and (start - 1) not in scan.blocked:
        prev = toks[start - 1]
        if not (
            is_name_tok(prev) or (prev.low in CONNECTORS and start - 2 >= 0 and is_name_tok(toks[start - 2]))
        ):
            break
        start -= 1
        if prev.sent_start:
            break
    return start


def after_portfolio(scan: Scan, i: int) -> bool:
    """Token ``i`` opens a minister's portfolio, not a body: ``Menteri ESDM``, ``Menko PMK``,
    and the acronym of ``Menteri Energi dan Sumber Daya Mineral (ESDM)``.

    The ministry is listed where the article writes it (``Kementerian ESDM``), not where a post implies it.
    """
    toks = scan.toks
    if not (i > 1 and toks[i - 1].text == "("):
        return i > 0 and toks[i - 1].low in PORTFOLIO_TITLES
    for k in range(i - 2, max(i - 2 - MAX_NAME_TOKENS, -1), -1):  # the capitalised run before "("
        if toks[k].low in PORTFOLIO_TITLES:
            return True
        if not (toks[k].cap or toks[k].low in CONNECTORS):
            return False
    return False


def _inside_non_org_phrase(scan: Scan, start: int, k: int) -> bool:
    """The name ``toks[start:k]`` follows a word for a programme, a document or a room in its run.

    ``Program Bank X Jejak Kopi (JK)`` (an acronym between them), ``Ruang Satya Karya (SK)``; a
    post before a body (``Kepala Badan X (BX)``) is no such word.
    """
    toks = scan.toks
    before = start - 1
    if before > 0 and toks[before].upper and len(toks[before].text) > 1:
        before -= 1  # Program BNI Jejak Kopi
    if before < _name_start(scan, k):
        return False
    return toks[before].low in NON_ORG_FIRST and toks[before].low not in load_person_signals()


def _person_or_place(scan: Scan, start: int, k: int, people: set[int]) -> bool:
    """The name is a person's (the NER tags its words as people) or a region's (``Nusa Tenggara Barat``)."""
    toks = scan.toks
    words = [n for n in range(start, k) if toks[n].cap]
    if all(n in people and toks[n].low not in scan.lex.orgs.first_words for n in words):
        return True  # the model's person, without a word that opens a body (Himpunan, Yayasan)
    end, hits = match_region(scan.lex.regions, toks, start)
    return end == k and bool(hits)


def _label_of(scan: Scan, start: int, k: int, known: Acronym | None) -> tuple[str, str | None]:
    """``ORG``, or ``LOC`` for a known place or a venue (``Gelanggang Olahraga (GOR)``)."""
    toks, orgs = scan.toks, scan.lex.orgs
    if known is not None and known.type == "place":
        return "LOC", "other"
    suffix = orgs.suffixes.get(toks[k - 1].low)
    if suffix is not None and suffix.label == "LOC":
        return "LOC", "venue"
    if any(pattern.label == "LOC" for pattern in orgs.heads.get(toks[start].low, [])):
        return "LOC", "venue"
    return "ORG", None


def _body_word(scan: Scan, tok: Tok) -> bool:
    """A word that says a name is a body's: a head (``Partai``), a suffix (``Group``), a body noun
    (``Bank``, ``Committee``, ``Tim``) or an organisation's acronym (``BNI``, ``Muhammadiyah``)."""
    orgs = scan.lex.orgs
    if tok.low in BODY_WORDS or any(pattern.label == "ORG" for pattern in orgs.heads.get(tok.low, ())):
        return True
    suffix = orgs.suffixes.get(tok.low)
    acr = orgs.acronyms.get(tok.low)
    if suffix is not None and suffix.label == "ORG":
        return True
    return acr is not None and acr.type in ("org", "regional")


def _names_a_body(scan: Scan, start: int, k: int, known: Acronym | None) -> bool:
    """``Full Name (ACR)`` names an organisation: a known one, one the model tags, or a word says so.

    Programmes, measures and documents (``On Time Performance (OTP)``, ``Jejak Kopi Khatulistiwa
    (JKK)``) have no such word.
    """
    if (known is not None and known.type in ("org", "regional", "unit")) or (start, k) in scan.ner_orgs:
        return True  # a known acronym, or the model tags the name as an organisation too
    return any(_body_word(scan, tok) for tok in scan.toks[start:k])


def _lower_head_start(scan: Scan, acr: str, lowest: int, k: int) -> int | None:
    """``fraksi Persatuan Nasional Rakyat Indonesia (FPNRI)``: a head written in lower case opens the
    name when the acronym's first capital is its initial and the other capitals the name's words'."""
    toks, head = scan.toks, lowest - 1
    if head < 0 or head in scan.blocked or toks[head].cap or not toks[head].text.isalpha():
        return None
    if not any(pattern.label == "ORG" for pattern in scan.lex.orgs.heads.get(toks[head].low, ())):
        return None
    rest = acr[1:]
    if acr[0].casefold() != toks[head].low[0] or not any(ch.isupper() for ch in rest):
        return None
    return head if initials_match(rest, toks[lowest:k]) else None


def find_acronym_definitions(scan: Scan, people: set[int] | None = None) -> list[Cand]:
    """``Capitalised Words (ACR)`` where the acronym's capitals are the words' initials, in order.

    The shortest such run is taken (``Politikus Partai Keadilan Sejahtera (PKS)`` gives the
    party); runs that open with a word for a document, a programme, money or a post
    (``Rancangan``, ``Dana``, ``Sekretaris``) or sit in such a phrase, generic acronyms (``BUMD``),
    people's initials (``people``: the tokens inside the NER's people) and regions' acronyms are
    no organisations.
    """
    toks = scan.toks
    people = people or set()
    out = []
    for k in range(len(toks)):
        defined = _defined_acronym(scan, k)
        if defined is None:
            continue
        acr, known = defined
        lowest = _name_start(scan, k)
        start = next((s for s in range(k - 1, lowest - 1, -1) if initials_match(acr, toks[s:k])), None)
        if start is None:
            start = _lower_head_start(scan, acr, lowest, k)
        if start is None:
            continue
        if after_portfolio(scan, start):
            continue
        if (
            toks[start].low in NON_ORG_FIRST
            or _inside_non_org_phrase(scan, start, k)
            or _person_or_place(scan, start, k, people)
        ):
            scan.not_orgs.add(acr)
            continue
        if normalise(" ".join(tok.text for tok in toks[start:k])) in scan.lex.orgs.generic_expansions:
            continue
        label, kind = _label_of(scan, start, k, known)
        if label == "ORG" and not _names_a_body(scan, start, k, known):
            continue
        out.append(
            Cand(start, k + 3, label, kind, "acronym_definition", 2, acronym=acr, acr_def=(k + 1, k + 2))
        )
    return out
