"""Prefix, suffix and infix rules: ``spacy.lang.id``'s, adjusted for news text.

Each change to spaCy's Indonesian rules is named here, with the news text it
is for. Rules are taken from spaCy and edited (never copied), so an upgrade of
spaCy's lists flows through; a rule this module replaces must still exist in
spaCy, or the import fails loudly instead of silently tokenizing differently.

Changes:

* ``Rp``/``IDR``/``USD`` split off a number only when a digit follows
  (``Rp1,5``, ``Rp.250.000``), never off a word (``Rpx``); ``Rp.`` before a
  digit is one prefix token.
* Dates and fractions stay whole: no split at ``/`` between digits
  (``07/11/2023``, ``6/11``, ``2025/2026``).
* A hyphen between letters splits only before a capital after at least two
  letters (``Jakarta-Pengacara``, ``TNI-Polri``); reduplication and
  lower-case compounds stay whole (``anak-anak``, ``Anak-anak``,
  ``jual-beli``, ``e-KTP``); an all-capital reduplication is recognised by
  :class:`~kalbar_nlp.lang.tokenizer.InfixFinder` (``ANAK-ANAK``).
  En and em dashes, ``--`` and ``~`` still split everywhere (``MEDAN–Dalam``).
* Ordinals and decades stay whole (``ke-18``, ``1960-an``); codes with a
  number stay whole (``Covid-19``, ``U-17``).
* Scraper glue is split: a period between a number or an acronym and a
  capitalised word (``2023.Kegiatan``, ``KPK.Ketua``), a comma between a
  number and a word (``2029,Wali``).
* Time zones split off a time (``09.00WIB``); a period splits off a word ending in a capital after a
  lower-case letter (``DivX.``), as spaCy already does after two capitals (``KPK.``).
"""

from __future__ import annotations

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER, HYPHENS
from spacy.lang.id.punctuation import (
    CURRENCY,
)
from spacy.lang.id.punctuation import (
    TOKENIZER_INFIXES as ID_INFIXES,
)
from spacy.lang.id.punctuation import (
    TOKENIZER_PREFIXES as ID_PREFIXES,
)
from spacy.lang.id.punctuation import (
    TOKENIZER_SUFFIXES as ID_SUFFIXES,
)
from spacy.lang.punctuation import TOKENIZER_INFIXES as BASE_INFIXES

_A, _AL, _AU = ALPHA, ALPHA_LOWER, ALPHA_UPPER

# Currency words that spaCy's Indonesian prefixes split off anything.
_WORD_CURRENCIES = ("Rp", "IDR", "USD", "RMB", "SGD")


def _replace(rules: list[str], old: str, new: list[str], what: str) -> list[str]:
    """Replace rule ``old`` (which must exist) by the rules ``new``, in place of it."""
    if old not in rules:
        raise RuntimeError(f"kalbar_nlp tokenizer: spaCy no longer has the {what} rule {old!r}")
    i = rules.index(old)
    return [*rules[:i], *new, *rules[i + 1 :]]


def _prefixes() -> list[str]:
    rules = list(ID_PREFIXES)
    for cur in _WORD_CURRENCIES:
        rules = _replace(rules, cur, [f"{cur}(?=[0-9])"], "prefix")
    return [r"Rp\.(?=[0-9])", *rules]


def _suffixes() -> list[str]:
    return [
        *ID_SUFFIXES,
        r"(?<=[0-9])(?:WIB|WITA|WIT)",
        rf"(?<=[{_AL}][{_AU}])\.",  # "film DivX." / "Rp5 M." ends a sentence
    ]


def _infixes() -> list[str]:
    rules = list(ID_INFIXES)
    # base: hyphens and dashes between letters
    base_hyphen = rf"(?<=[{_A}])(?:{HYPHENS})(?=[{_A}])"
    if base_hyphen not in BASE_INFIXES:
        raise RuntimeError("kalbar_nlp tokenizer: spaCy's base hyphen infix changed")
    rules = _replace(
        rules,
        base_hyphen,
        [
            rf"(?<=[{_A}0-9])(?:–|—|--|---|——|~)(?=[{_A}0-9])",
            rf"(?<=[{_A}]{{2}})-(?=[{_AU}])",
            rf"(?<=[0-9])-(?=[{_AU}][{_AL}])",
        ],
        "infix",
    )
    # id: digit / digit (would break 07/11/2023)
    rules = _replace(rules, r"(?<=[0-9])[\\/](?=[0-9%-])", [r"(?<=[0-9])[\\/](?=[%-])"], "infix")
    # id: letter - digit (would break ke-18, Covid-19, U-17)
    rules = _replace(rules, rf"(?<=[{_A}])-(?=[0-9])", [], "infix")
    # id: digit - letter (would break 1960-an); keep it for other words (5-tahun is rare, 10-Kota kept)
    rules = _replace(
        rules,
        rf"(?<=[0-9])-(?=[{_A}])",
        [rf"(?<=[0-9])-(?!an\b)(?=[{_AL}])"],
        "infix",
    )
    # id: letter [/-] currency-or-letter (would break every reduplication)
    rules = _replace(
        rules,
        rf"(?<=[{_A}])[\/-](?={CURRENCY}|[{_A}])",
        [rf"(?<=[{_A}])\/(?={CURRENCY}|[{_A}])", rf"(?<=[{_A}])-(?={CURRENCY})"],
        "infix",
    )
    # scraper glue
    rules += [
        rf"(?<=[0-9])\.(?=[{_AU}][{_AL}])",
        rf"(?<=[{_AU}]{{2}})\.(?=[{_AU}][{_AL}]{{2}})",
        rf"(?<=[0-9]),(?=[{_A}])",
    ]
    return rules


TOKENIZER_PREFIXES: list[str] = _prefixes()
TOKENIZER_SUFFIXES: list[str] = _suffixes()
TOKENIZER_INFIXES: list[str] = _infixes()
