"""The gazetteer's own light tokenizer, and tests on single tokens and written forms.

The gazetteer matches lexicon keys word by word (:mod:`kalbar_nlp.lexicons.word_keys`), so it
splits the text the same way instead of using the spaCy tokens: ``Kab.`` is two tokens here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from ...lexicons.entity_words import entity_words
from ...lexicons.word_keys import WORD, split_words

SENT_END = frozenset('.!?"“”‘’|•')
PUNCT = frozenset(".,!?:;\"“”'‘’()[]|–—•/-")
ROMAN = regex.compile(r"(?i)^(?:[ivx]{1,5}|[ivx]{1,4}[a-d])$")
STOP_WORDS = entity_words("stop")
CONNECTORS = entity_words("connector")
MIN_GLUED_TO_DOMAIN = 4  # letters of a word glued to a web address (kepadakompas.com, not disway.id)
#: abbreviations written with a point inside a name (Jalan Dr. Soedarso, Jl. Jend. Sudirman)
NAME_ABBREVIATIONS = entity_words("name_abbreviation")


@dataclass(slots=True)
class Tok:
    """One word or punctuation mark of the text, with its character offsets and case."""

    text: str
    low: str
    start: int
    end: int
    cap: bool  # starts with an upper-case letter (or is all caps)
    upper: bool  # all letters upper case (KPK, PONTIANAK)
    sent_start: bool


def _glue_pattern() -> regex.Pattern:
    """A function word that scraped text glued to a name (``keDPRD``, ``kepadadetikcom``, ``TPSyang``)."""
    words = "|".join(sorted(entity_words("glued"), key=len, reverse=True))
    return regex.compile(
        rf"^(?:(?P<before>{words})(?=\p{{Lu}}|detik)|(?P<acronym>\p{{Lu}}{{2,}})(?={words}$))", regex.V1
    )


GLUED = _glue_pattern()


def glued_to_domain() -> list[str]:
    """The glued words that may stick to a web address in lower case, longest first.

    Short ones (``di``, ``ke``, ``dan``) open real outlets' addresses (``disway.id``, ``kedaipena.com``).
    """
    return sorted(
        (word for word in entity_words("glued") if len(word) >= MIN_GLUED_TO_DOMAIN), key=len, reverse=True
    )


def _glued_domain_pattern() -> regex.Pattern:
    """A function word glued to a web address in lower case (``diterimaberitajatim.com``)."""
    words = "|".join(glued_to_domain())
    domains = "|".join(
        regex.escape(domain) for domain in sorted(entity_words("outlet_domain"), key=len, reverse=True)
    )
    return regex.compile(
        rf"(?:{words})(?=[\p{{Ll}}\p{{N}}][\p{{L}}\p{{N}}-]{{1,40}}\.(?:{domains})\b)", regex.V1
    )


GLUED_DOMAIN = _glued_domain_pattern()


def _pieces(word: str, start: int, text: str) -> tuple[tuple[str, int], ...]:
    """The word, or its two parts where a function word is glued to a name (see :data:`GLUED`) or
    to a web address (see :data:`GLUED_DOMAIN`; the address runs on past the word's end)."""
    match = GLUED.match(word)
    cut = match.end() if match is not None else 0
    if not cut:
        domain = GLUED_DOMAIN.match(text, start, start + len(word) + 50)
        cut = domain.end() - start if domain is not None and domain.end() < start + len(word) else 0
    if not cut:
        return ((word, start),)
    return ((word[:cut], start), (word[cut:], start + cut))


def tokenize(text: str) -> list[Tok]:
    """Split ``text`` into words and single punctuation marks (independent of the spaCy tokenizer).

    A function word glued to a name where a link's text lost its space (``keDPRD Kota Medan``,
    ``TPSyang``) is split off.
    """
    toks: list[Tok] = []
    prev_end = 0
    prev_word = ""
    for match in WORD.finditer(text):
        for word, start in _pieces(match.group(), match.start(), text):
            end = start + len(word)
            cap = word[0].isupper()
            upper = cap and word.isupper()
            # a line break in the gap since the last word: find() reads the gap without copying it
            broken = text.find("\n", prev_end, start) >= 0
            # the point of an abbreviation before a name ends no sentence (Jalan Dr. Soedarso)
            ended = prev_word in SENT_END and not (cap and abbreviation_point(toks, len(toks) - 1))
            sent = not toks or broken or ended
            toks.append(Tok(word, word.casefold(), start, end, cap, upper, sent))
            prev_end, prev_word = end, word
    return toks


def abbreviation_point(toks: list[Tok], k: int) -> bool:
    """The point at ``k`` closes an initial or a name's abbreviation (``A.``, ``Dr.``, ``Jend.``).

    Such a point does not end a sentence or a name: ``Jalan Dr. Soedarso``, ``Jl. A. Yani``.
    """
    if not 1 <= k < len(toks) or toks[k].text != "." or toks[k - 1].end != toks[k].start:
        return False
    word = toks[k - 1]
    return (len(word.text) == 1 and word.upper) or word.low in NAME_ABBREVIATIONS


def low_key(toks: list[Tok]) -> str:
    """The lexicon key of a run of tokens."""
    return " ".join(tok.low for tok in toks)


def is_name_tok(tok: Tok) -> bool:
    """A capitalised word (or a number) that is no clause word: it may be part of a name."""
    return (tok.cap or tok.text.isdigit()) and tok.low not in STOP_WORDS


def is_roman(tok: Tok) -> bool:
    """A Roman numeral (``IV``, ``XIIa``), as in ``Kodam XII``."""
    return ROMAN.match(tok.text) is not None


def case_ok(form: str, toks: list[Tok]) -> bool:
    """The written tokens have the capitals of the lexicon form (ALL CAPS text passes)."""
    for word, tok in zip(split_words(form), toks, strict=False):
        if not word[0].isalpha():
            continue
        if word.isupper() and len(word) > 1:
            if not tok.upper:
                return False
        elif word[0].isupper() and not tok.cap:
            return False
    return True


def acr_case_ok(acronym: str, written: list[Tok]) -> bool:
    """The written tokens spell ``acronym`` with its capitals (``KPK``, ``BAWASLU`` for ``Bawaslu``)."""
    for word, tok in zip(split_words(acronym), written, strict=False):
        if word == tok.text:
            continue
        if sum(ch.isupper() for ch in word) >= 2 and word.isupper():
            return False  # KPK must be written KPK
        if tok.upper and len(tok.text) > 1:
            continue  # BAWASLU
        if word[0].isupper() and tok.cap and word[1:].casefold() == tok.text[1:].casefold():
            continue
        return False
    return True


def initials_match(acr: str, words: list[Tok]) -> bool:
    """Each capital of ``acr`` opens one capitalised word of ``words``, in order, the first one first."""
    caps = [ch.casefold() for ch in acr if ch.isupper()]
    initials = [tok.low[0] for tok in words if tok.cap and tok.text not in PUNCT]
    if not caps or not initials or caps[0] != initials[0] or len(initials) > len(acr) + 2:
        return False
    remaining = iter(initials)
    return all(ch in remaining for ch in caps)


def acronym_in_parentheses(toks: list[Tok], k: int) -> bool:
    """``( X )`` opens at token ``k`` with a capitalised ``X``: an acronym inside a name."""
    return toks[k].text == "(" and k + 2 < len(toks) and toks[k + 2].text == ")" and toks[k + 1].cap


def tokens_inside(toks: list[Tok], ranges: list[tuple[int, int]]) -> set[int]:
    """Indexes of the tokens that lie wholly inside one of ``ranges`` (character offsets)."""
    out: set[int] = set()
    if not ranges:
        return out
    starts = [tok.start for tok in toks]
    for range_start, range_end in ranges:
        k = bisect.bisect_left(starts, range_start)
        while k < len(toks) and toks[k].end <= range_end:
            out.add(k)
            k += 1
    return out
