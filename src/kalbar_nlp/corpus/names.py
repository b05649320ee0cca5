"""Name keys: the form of a person's name that the corpus compares across articles.

``H. Sutarmidji, S.H., M.Hum.`` and ``Sutarmidji`` have one key (``("sutarmiji",)``): honorifics,
ranks and degrees are dropped, letters are lower-cased, spelling variants are folded
(:func:`kalbar_nlp.lexicons.name_spellings.spelling_key`), and one-letter initials inside a
longer name (``Agus D.W. Martowardojo``) are left out.
"""

from __future__ import annotations

import functools

import regex

from ..lexicons.name_spellings import spelling_key
from ..lexicons.titles import load_lexicon, norm_tok

WORD = regex.compile(r"[\p{L}\p{M}'’]+")
#: Words of a name that are initials (``D.W.``, ``S``, ``IS``): at most this many letters.
INITIAL_LENGTH = 2


@functools.cache
def _dropped_words() -> frozenset[str]:
    """Normalised honorific and degree words that are never part of a name key."""
    lexicon = load_lexicon()
    return frozenset(lexicon.honorifics) | lexicon.degrees


def _strip_rank(tokens: list[str]) -> list[str]:
    """Drop a rank written before the name (``AKBP``, ``Kombes Pol``)."""
    keys = [norm_tok(token) for token in tokens]
    if not keys:
        return tokens
    match = load_lexicon().ranks.match(keys, 0)
    return tokens[match[0] :] if match and match[0] < len(tokens) else tokens


def name_words(name: str) -> list[str]:
    """The words of a name without honorifics, ranks and degrees (as written, in order)."""
    head = name.split(",")[0]  # degrees follow a comma: "Sutarmidji, S.H., M.Hum."
    tokens = _strip_rank(head.split())
    dropped = _dropped_words()
    words: list[str] = []
    for token in tokens:
        key = norm_tok(token)
        if key in dropped or key.replace(".", "") in dropped:
            continue
        words.extend(WORD.findall(token))
    return words


def _is_initial(word: str) -> bool:
    """One letter (``R``), or two or fewer letters in capitals (``IS``, ``DW``), is an initial."""
    return len(word) == 1 or (len(word) <= INITIAL_LENGTH and word.isupper())


@functools.lru_cache(maxsize=1 << 17)
def name_key(name: str) -> tuple[str, ...]:
    """The comparison key of a name: lower-case spelling keys of its words, initials left out.

    Initials are kept where nothing else would remain (``IS``, ``S``): such a key is
    :func:`is_initials` and never joins across articles.
    """
    words = name_words(name)
    kept = [word for word in words if not _is_initial(word)] or words
    return tuple(key for key in (spelling_key(word.casefold()) for word in kept) if key)


@functools.lru_cache(maxsize=1 << 17)
def is_initials(name: str) -> bool:
    """True where the name is only initials (``IS``, ``S``, ``A.R.``): too weak to join anything."""
    words = name_words(name)
    return bool(words) and all(_is_initial(word) for word in words)


def given_names() -> frozenset[str]:
    """Common given names (``resources/given_names.txt``), lower case."""
    return load_lexicon().given
