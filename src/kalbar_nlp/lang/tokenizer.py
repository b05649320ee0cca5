"""The news tokenizer: spaCy's ``Tokenizer`` with Indonesian news rules, a lean exception table and
guards that keep hostile text linear.

Three things differ from ``spacy.blank("id").tokenizer``:

1. the affix rules of :mod:`kalbar_nlp.lang.punctuation` (dates, money, reduplication, dashes, glue);
2. the exception table: spaCy's Indonesian exceptions plus ``resources/abbreviations.tsv``, keeping
   only the exceptions that the affix rules would tokenize differently (spaCy issue #11079: loading
   ~16k exceptions costs ~1.7 s; most are reduplications that the rules of (1) already keep whole);
3. hostile input: spaCy strips affixes one at a time and re-hashes and re-searches the rest of the
   chunk each time, which is quadratic in the length of a chunk without spaces (10,000 ``)`` take
   15 s). Suffix search looks only at the tail of a chunk, and chunks longer than
   :data:`MAX_CHUNK` characters are cut before tokenizing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

import srsly
from spacy.lang.id import Indonesian
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from .abbreviations import abbreviation_forms
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES

#: Longest run of non-space characters tokenized in one piece; longer runs (never a word,
#: a URL is rarely above 300) are cut into pieces of this size first.
MAX_CHUNK = 400
#: Characters of a chunk's tail that the suffix search looks at.
SUFFIX_WINDOW = 48
#: A window match starting this close to the window's start is re-checked on the whole chunk
#: (a lookbehind or a long ``....`` run may reach past the window).
_WINDOW_MARGIN = 12

_LONG_RUN = re.compile(r"\S{" + str(MAX_CHUNK + 1) + ",}")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")
_LOWER_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+\Z")


class PrefixSearch:
    """``prefix_search`` that uses ``re.match``: every prefix rule starts with ``^``, so ``match`` gives
    the same answer as spaCy's ``search`` without trying every position (8x faster)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex = re.compile(pattern)

    def search(self, string: str) -> re.Match[str] | None:
        """Return the prefix match at the start of ``string``, or ``None``."""
        if string.isalpha():  # every prefix rule starts with punctuation, a symbol or a currency + digit
            return None
        return self._regex.match(string)

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (PrefixSearch, (self.pattern,))


class UrlMatch:
    """``url_match`` that needs a scheme or ``www.`` for a URL with a path, so that a credit such as
    ``(Banjarmasinpost.co.id/Rizki Fadillah)`` splits at the slash; a bare domain (``KOMPAS.com``)
    and a full URL (``https://...``) stay whole."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex = re.compile(pattern)

    def match(self, string: str) -> re.Match[str] | None:
        """Return the URL match of ``string``, or ``None``."""
        if "/" in string and "://" not in string and not string[:4].lower() == "www.":
            return None
        return self._regex.match(string)

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (UrlMatch, (self.pattern,))


class TailSearch:
    """``suffix_search`` that scans only the tail of a chunk (same answer, constant time).

    spaCy serialises a searcher through ``searcher.__self__.pattern``; this class keeps that
    attribute, so ``nlp.to_disk`` works unchanged.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex = re.compile(pattern)

    def search(self, string: str) -> re.Match[str] | None:
        """Return the suffix match at the end of ``string``, or ``None``."""
        if string.isalpha():  # suffix rules end in punctuation or follow a digit, '-', ' or punctuation
            return None
        if len(string) <= SUFFIX_WINDOW:
            return self._regex.search(string)
        match = self._regex.search(string, len(string) - SUFFIX_WINDOW)
        if match is not None and match.start() - (len(string) - SUFFIX_WINDOW) >= _WINDOW_MARGIN:
            return match
        return self._regex.search(string)

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (TailSearch, (self.pattern,))


class InfixFinder:
    """``infix_finditer`` that does not split a reduplication at its hyphen (``ANAK-ANAK``,
    ``Kota-Kota``, ``Bertahun-Tahun``, ``Tulisan-Tulisannya``).

    The regex already keeps lower-case reduplications whole; this catches the capitalised ones,
    so spaCy's ~8k capitalised reduplication exceptions are not needed.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex = re.compile(pattern)

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        """Yield the infix matches of ``string`` that are real split points."""
        if string.isalnum():  # every infix rule consumes a character that is not a letter or digit
            return
        for match in self._regex.finditer(string):
            if match.group() == "-" and _is_reduplication(string, match.start(), match.end()):
                continue
            yield match

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (InfixFinder, (self.pattern,))


def _is_reduplication(string: str, start: int, end: int) -> bool:
    before = _LETTERS_BEFORE.search(string, max(0, start - 40), start)
    after = _LETTERS_AFTER.match(string, end, end + 40)
    if before is None or after is None:
        return False
    left, right = before.group().lower(), after.group().lower()
    if left == right or (len(left) >= 2 and right.startswith(left)):
        return True
    return len(right) >= 3 and left.endswith(right)


class NewsTokenizer(Tokenizer):
    """spaCy ``Tokenizer`` that cuts over-long chunks before tokenizing (see :data:`MAX_CHUNK`).

    Every output satisfies ``doc.text == text``.
    """

    def __call__(self, string: str) -> Doc:  # type: ignore[override]
        """Tokenize ``string``."""
        if _LONG_RUN.search(string) is None:
            return super().__call__(string)
        docs = [super(NewsTokenizer, self).__call__(piece) for piece in _pieces(string)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> NewsTokenizer:
        """Load from bytes with the linear-time searchers (spaCy would restore plain regexes).

        The exceptions are loaded once, after the searchers are in place (loading them builds
        spaCy's special-case matcher with whatever searchers are set).
        """
        exclude = list(exclude)
        super().from_bytes(bytes_data, exclude=[*exclude, "exceptions"])
        _install_searchers(self, reload_rules=False)
        if "exceptions" not in exclude:
            rules = srsly.msgpack_loads(bytes_data).get("exceptions")
            if isinstance(rules, dict):
                self.rules = rules
        return self

    def __reduce__(self) -> tuple:
        """Pickle like spaCy's ``Tokenizer`` (for ``nlp.pipe(n_process=2)``)."""
        args = (
            self.vocab,
            self.rules,
            self.prefix_search,
            self.suffix_search,
            self.infix_finditer,
            self.token_match,
            self.url_match,
        )
        return (NewsTokenizer, args, None, None)


def _pieces(string: str) -> Iterator[str]:
    """Cut ``string`` so that no piece holds a run of more than MAX_CHUNK non-space characters."""
    pos = 0
    for match in _LONG_RUN.finditer(string):
        if match.start() > pos:
            yield string[pos : match.start()]
        for i in range(match.start(), match.end(), MAX_CHUNK):
            yield string[i : min(i + MAX_CHUNK, match.end())]
        pos = match.end()
    if pos < len(string):
        yield string[pos:]


def _install_searchers(tok: Tokenizer, *, reload_rules: bool = True) -> None:
    """Replace plain regex searchers by :class:`TailSearch` / :class:`InfixFinder` (same patterns)."""
    changed = False
    if tok.prefix_search is not None and not isinstance(
        getattr(tok.prefix_search, "__self__", None), PrefixSearch
    ):
        tok.prefix_search = PrefixSearch(tok.prefix_search.__self__.pattern).search
        changed = True
    if tok.url_match is not None and not isinstance(getattr(tok.url_match, "__self__", None), UrlMatch):
        tok.url_match = UrlMatch(tok.url_match.__self__.pattern).match
        changed = True
    if tok.suffix_search is not None and not isinstance(
        getattr(tok.suffix_search, "__self__", None), TailSearch
    ):
        tok.suffix_search = TailSearch(tok.suffix_search.__self__.pattern).search
        changed = True
    if tok.infix_finditer is not None and not isinstance(
        getattr(tok.infix_finditer, "__self__", None), InfixFinder
    ):
        tok.infix_finditer = InfixFinder(tok.infix_finditer.__self__.pattern).finditer
        changed = True
    if changed and reload_rules:
        tok.rules = dict(tok.rules)  # rebuild the special-case matcher with the new searchers


def all_exceptions() -> dict[str, list[dict]]:
    """spaCy's Indonesian exceptions plus the abbreviations of ``resources/abbreviations.tsv``."""
    exc: dict[str, list[dict]] = dict(Indonesian.Defaults.tokenizer_exceptions)
    for form in abbreviation_forms():
        exc.setdefault(form, [{ORTH: form}])
    return exc


def lean_exceptions(tok: Tokenizer, exceptions: Mapping[str, list[dict]]) -> dict[str, list[dict]]:
    """Keep only the exceptions that change what ``tok``'s affix rules would do.

    An exception that is one token with no attribute besides ``ORTH`` and in which no prefix,
    suffix or infix rule matches is tokenized identically without it: the rules leave such a
    chunk whole. Everything else (several tokens, a ``NORM``, an affix inside) is kept.

    A lower-case word with inner hyphens (most of spaCy's list: ``anak-anak``) is checked against the
    suffix rules only: no prefix rule matches a letter and the infix rules never split a hyphen
    before a lower-case letter (``tests/test_tokenizer.py`` checks that the lean and the full table
    tokenize every exception and a varied text identically).
    """
    kept: dict[str, list[dict]] = {}
    for orth, tokens in exceptions.items():
        if len(tokens) == 1 and set(tokens[0]) == {ORTH}:
            if _LOWER_HYPHENATED.match(orth):
                if tok.find_suffix(orth) == 0:
                    continue
            elif (
                " " not in orth
                and tok.find_prefix(orth) == 0
                and tok.find_suffix(orth) == 0
                and not tok.find_infix(orth)
            ):
                continue
        kept[orth] = tokens
    return kept


def build_tokenizer(vocab: Vocab, *, lean: bool = True) -> NewsTokenizer:
    """Build the news tokenizer on ``vocab``.

    Args:
        vocab: the pipeline's vocabulary.
        lean: drop the exceptions that the affix rules make redundant (same output, faster
            start); ``False`` loads every exception (for comparison in tests and benchmarks).

    Returns:
        The tokenizer.
    """
    defaults = Indonesian.Defaults
    tok = NewsTokenizer(
        vocab,
        rules={},
        prefix_search=PrefixSearch(compile_prefix_regex(TOKENIZER_PREFIXES).pattern).search,
        suffix_search=TailSearch(compile_suffix_regex(TOKENIZER_SUFFIXES).pattern).search,
        infix_finditer=InfixFinder(compile_infix_regex(TOKENIZER_INFIXES).pattern).finditer,
        token_match=defaults.token_match,
        url_match=UrlMatch(defaults.url_match.__self__.pattern).match,
    )
    exceptions = all_exceptions()
    tok.rules = lean_exceptions(tok, exceptions) if lean else exceptions
    return tok
