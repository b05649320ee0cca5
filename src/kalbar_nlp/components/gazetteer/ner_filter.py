"""Which entities of the trained NER the gazetteer keeps, and the people it reads from it.

The model also tags ranks, posts and capitalised first words of sentences as ``ORG``/``LOC``;
an entity is kept only where it looks like a name. ``PER`` entities are left to the people
component, but they block places inside names and trim people off the end of rule spans.

Why a one-word entity the gazetteer does not know needs backing (measured on the 179 dev
articles): taken when it stands alone inside a sentence of running text and the article never
writes it in lower case, the model's one-word ``ORG`` entities were right 5 times in 18; on clean
single sentences (NER UI) the same entities are right 9 times in 10. The model was trained on
such sentences; on scraped news it also tags programmes, documents and capitalised common words.
A word for a company or a club before the name (``saham Apple``, ``perusahaan rating Fitch``) backs
such an organisation up, even where the article names it once.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from ...lexicons.entity_words import entity_words
from ...lexicons.organisations import Acronym, load_person_signals
from .acronyms import NON_ORG_FIRST
from .candidates import Cand, Lexicon
from .regions import match_region
from .tokens import CONNECTORS, PUNCT, STOP_WORDS, Tok, low_key

NER_LABELS = {"ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
PERSON_LABELS = ("PER", "PERSON")
LOCATIVE = entity_words("locative")
# Nouns that say the name after them is a company's or a club's (saham Apple, klub Chelsea)
COMPANY_CONTEXT = entity_words("company_context")


def _single_ok(toks: list[Tok], i: int, label: str, support: int) -> bool:
    """A one-word NER entity unknown to the gazetteer: kept where the article backs it up."""
    tok = toks[i]
    if support >= 2:
        return True  # the model found it more than once
    if any(ch.isupper() for ch in tok.text[1:]) and not tok.upper:
        return True  # TransJakarta, detikJabar: inner capitals mark a brand
    return label == "LOC" and i > 0 and toks[i - 1].low in LOCATIVE


def _company_context(toks: list[Tok], i: int) -> bool:
    """A noun for a company or a club comes before token ``i``, right before it or with one plain word
    between them: ``saham Apple``, ``perusahaan rating Fitch``, ``klub raksasa Chelsea``."""
    if i > 0 and toks[i - 1].low in COMPANY_CONTEXT:
        return True
    between = toks[i - 1] if i > 1 else None
    return (
        between is not None
        and between.text.isalpha()
        and not between.cap
        and between.low not in STOP_WORDS
        and toks[i - 2].low in COMPANY_CONTEXT
    )


def _single_word_ok(tok: Tok) -> bool:
    """A one-word span is no capitalised first word of a sentence and no short unknown acronym."""
    if tok.sent_start and not tok.upper:
        return False  # Belakangan, Masih: a capitalised first word of a sentence
    return not (tok.upper and len(tok.text) <= 6)  # CCTV, TKP, IUP: more often a thing than a body


def ner_ok(lex: Lexicon, seg: list[Tok], acr: Acronym | None) -> bool:
    """Whether an NER ``ORG``/``LOC`` span looks like a name (the model also tags ranks and people)."""
    if acr is not None:
        return acr.type != "generic"
    words = [tok for tok in seg if tok.text not in PUNCT]
    if not words or seg[0].low in STOP_WORDS or seg[0].text in PUNCT:
        return False
    if any(not (tok.cap or tok.text.isdigit() or tok.low in CONNECTORS) for tok in words):
        return False  # lower-case words inside: a phrase, not a name
    first = words[0]
    if low_key(seg) in lex.orgs.heads or first.low in NON_ORG_FIRST:
        return False  # Rumah Sakit, Mapolsek, Laporan ...: a head without its name, or no body at all
    head_acr = lex.orgs.acronyms.get(first.low)
    if head_acr is not None and head_acr.type == "generic":
        return False  # APBD Perubahan
    signals = load_person_signals()
    if first.low in signals or low_key(words[:2]) in signals:
        return False  # a rank, a title, an honorific or a given name opens it: a person or a post
    return len(words) != 1 or _single_word_ok(words[0])


def _candidate(lex: Lexicon, toks: list[Tok], ent: Span, i: int, j: int, support: int) -> Cand | None:
    """The candidate an NER ``ORG``/``LOC`` entity over ``toks[i:j]`` gives, if it is kept."""
    label = NER_LABELS[ent.label_]
    seg = toks[i:j]
    key = low_key(seg)
    acr = lex.orgs.acronyms.get(key)
    if not ner_ok(lex, seg, acr):
        return None
    context = label == "ORG" and _company_context(toks, i)
    if len(seg) == 1 and acr is None and not (context or _single_ok(toks, i, label, support)):
        return None
    end, hits = match_region(lex.regions, toks, i)
    if hits and end == j:
        if key in lex.regions.common_words:
            return None
        return Cand(i, j, "LOC", None, "ner+gazetteer", 2, [region for region, _form in hits])
    kind = None if label == "ORG" else "other"
    source = "ner+context" if context else "ner"  # a company the words before it back up
    return Cand(i, j, label, kind, source, 1, acronym=acr.acronym if acr else None)


def ner_candidates(
    doc: Doc, toks: list[Tok], lex: Lexicon, use_ner: bool
) -> tuple[list[Cand], list[tuple[int, int]]]:
    """NER ORG/LOC entities as candidates, and PER character ranges."""
    cands: list[Cand] = []
    people: list[tuple[int, int]] = []
    ents = doc.ents if use_ner else ()
    if not ents:
        return cands, people
    starts = {tok.start: k for k, tok in enumerate(toks)}
    ends = {tok.end: k + 1 for k, tok in enumerate(toks)}
    support = Counter((ent.label_, ent.text.casefold()) for ent in ents)
    for ent in ents:
        if ent.label_ in PERSON_LABELS:
            people.append((ent.start_char, ent.end_char))
            continue
        i, j = starts.get(ent.start_char), ends.get(ent.end_char)
        if ent.label_ not in NER_LABELS or i is None or j is None or j <= i:
            continue
        cand = _candidate(lex, toks, ent, i, j, support[(ent.label_, ent.text.casefold())])
        if cand is not None:
            cands.append(cand)
    return cands, people


def trim_people(toks: list[Tok], cands: list[Cand], people: list[tuple[int, int]]) -> None:
    """Cut a person the NER found at the end of a rule span (``PT Gag Nikel Arya Aditya``).

    The person opens with a rank, a title, an honorific or a given name, starts at the third
    token of the span or later and runs to its end or beyond; the first such person is cut.
    """
    if not people:
        return
    first_tok = {tok.start: k for k, tok in enumerate(toks)}
    signals = load_person_signals()
    by_first: dict[int, list[tuple[int, int]]] = {}  # first token -> (order, end) of the people there
    for order, (start, end) in enumerate(people):
        if start in first_tok and toks[first_tok[start]].low in signals:
            by_first.setdefault(first_tok[start], []).append((order, end))
    for cand in cands:
        if cand.source == "ner":
            continue
        end_char = toks[cand.j - 1].end
        found = [
            (order, k)
            for k in range(cand.i + 2, cand.j)  # rule spans are a few tokens long
            for order, end in by_first.get(k, ())
            if end >= end_char
        ]
        if found:
            _cut(toks, cand, min(found)[1])


def _cut(toks: list[Tok], cand: Cand, person_i: int) -> None:
    """End ``cand`` before the person at ``person_i`` (and before the connector or mark before it)."""
    j = person_i
    while j > cand.i + 1 and (toks[j - 1].low in CONNECTORS or toks[j - 1].text in ",-(/"):
        j -= 1
    cand.j = j
    if cand.region_span is not None and cand.region_span[1] > j:
        cand.region_span = None
    if cand.acr_def is not None and cand.acr_def[1] >= j:
        cand.acr_def = None
