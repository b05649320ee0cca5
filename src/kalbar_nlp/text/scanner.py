"""A token view of one ``Doc`` and the lexicon look-ups that the title, people and quote rules share.

:class:`Scanner` hides the space tokens the tokenizer keeps (no-break spaces; a line break stays, as
a boundary written ``"\n"``) and indexes the rest by *view index*. On that view it answers the
questions every rule about persons asks: is a token capitalised, does a rank, an honorific, a
position (``titles.tsv``), an acting prefix or a place start here, is a word a given name or an
organisation word. The name reader built on it is :class:`kalbar_nlp.text.names.NameReader`.
"""

from __future__ import annotations

import functools

from spacy.attrs import IS_SPACE, ORTH, SPACY
from spacy.tokens import Doc, Span

from ..lexicons.titles import Lexicon, TitleEntry, norm_tok

#: entity labels of a person in the trained NER and in stanza's
PER_LABELS = frozenset({"PER", "PERSON"})


#: the most tokens a line cut out of a sentence may have (a link's words on a line of their own)
SHORT_LINE = 3


def _line_sizes(doc_texts: list[str], is_space: list[int]) -> list[int]:
    """For every token, the number of non-space tokens on its line."""
    sizes = [0] * len(doc_texts)
    start = 0
    for d in range(len(doc_texts) + 1):
        if d == len(doc_texts) or (is_space[d] and "\n" in doc_texts[d]):
            count = sum(1 for k in range(start, d) if not is_space[k])
            sizes[start:d] = [count] * (d - start)
            start = d + 1
    return sizes


def soft_breaks(doc_texts: list[str], is_space: list[int]) -> set[int]:
    """Line breaks inside a sentence around a short line (``kata | Kapolsek Pasar Rebo | AKP I Wayan``).

    Scraped pages put the words of a link on a line of their own; such a break is read as a space:
    one line break, a word (no full stop, colon or quote) before it, a word after it, and a line of
    at most :data:`SHORT_LINE` tokens on one side.
    """
    sizes = _line_sizes(doc_texts, is_space)
    found: set[int] = set()
    for d in range(1, len(doc_texts) - 1):
        text = doc_texts[d]
        if not (is_space[d] and text.count("\n") == 1 and text.strip(" \t") == "\n"):
            continue
        before, after = doc_texts[d - 1], doc_texts[d + 1]
        if is_space[d - 1] or is_space[d + 1] or not before[-1:].isalnum() or not after[:1].isalnum():
            continue
        if min(sizes[d - 1], sizes[d + 1]) <= SHORT_LINE:
            found.add(d)
    return found


class Scanner:
    """Token-level views of one ``Doc`` and the look-ups the title and people rules share.

    Attributes:
        doc: the document.
        lex: the lexicon of posts, ranks, honorifics and name words.
        doc_index: the doc token of every view token; ``view_index`` maps back.
        size: the number of view tokens.
        texts: the text of every view token (a line break written ``"\\n"``).
        keys: the normalised text of every view token (lower case, a trailing dot dropped).
        space_after: whether white space follows a view token.
        person_end: the end of the NER's person entity starting at a view token.
        person_tokens: the view tokens inside the NER's person entities.
        entity_label: the NER label of every view token inside an entity.
    """

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        # a view of the tokens without the spaces the tokenizer keeps as tokens (no-break spaces);
        # a line break stays, as a boundary written "\n"
        # read as arrays: no Token object is made, so the view costs the same per token on any length
        table = doc.to_array([ORTH, IS_SPACE, SPACY])
        strings = doc.vocab.strings
        doc_texts = [strings[orth] for orth in table[:, 0].tolist()]
        is_space, has_space = table[:, 1].tolist(), table[:, 2].tolist()
        soft = soft_breaks(doc_texts, is_space)
        self.doc_index = [
            d for d, text in enumerate(doc_texts) if not (is_space[d] and ("\n" not in text or d in soft))
        ]
        self.view_index = {d: v for v, d in enumerate(self.doc_index)}
        self.size = len(self.doc_index)
        self.texts = ["\n" if is_space[d] else doc_texts[d] for d in self.doc_index]
        self.keys = [norm_tok(t) for t in self.texts]
        self.space_after = [
            bool(has_space[d]) or (v + 1 < self.size and self.doc_index[v + 1] != d + 1)
            for v, d in enumerate(self.doc_index)
        ]
        self.person_end: dict[int, int] = {}
        self.person_tokens: set[int] = set()
        self.entity_label: dict[int, str] = {}
        for ent in doc.ents:
            vs = self.view_start(ent.start)
            ve = self.view_end(ent.end)
            if vs is None or ve <= vs:
                continue
            for k in range(vs, ve):
                self.entity_label[k] = ent.label_
            if ent.label_ in PER_LABELS:
                self.person_end[vs] = ve
                self.person_tokens.update(range(vs, ve))
        self._title_cache: dict[int, tuple[int, TitleEntry] | None] = {}
        self._gaz_spans: set[tuple[int, int]] | None = None
        self.has_ner = bool(doc.has_annotation("ENT_IOB"))

    @functools.cached_property
    def has_parse(self) -> bool:
        """Whether the document carries a dependency parse (read once per document)."""
        return bool(self.doc.has_annotation("DEP"))

    @functools.cached_property
    def has_sentences(self) -> bool:
        """Whether the document carries sentence boundaries (read once per document)."""
        return bool(self.doc.has_annotation("SENT_START"))

    def view_start(self, d: int) -> int | None:
        """View index of doc token ``d`` (or of the next kept token)."""
        while d < len(self.doc):
            if d in self.view_index:
                return self.view_index[d]
            d += 1
        return None

    def view_end(self, d_end: int) -> int:
        """View end index for a doc end index (exclusive)."""
        d = d_end - 1
        while d >= 0:
            if d in self.view_index:
                return self.view_index[d] + 1
            d -= 1
        return 0

    def span(self, s: int, e: int) -> Span:
        """The doc ``Span`` of view tokens ``[s, e)``."""
        return self.doc[self.doc_index[s] : self.doc_index[e - 1] + 1]

    def text(self, s: int, e: int) -> str:
        """The text of view tokens ``[s, e)`` (empty when ``e <= s``)."""
        return self.span(s, e).text if e > s else ""

    def chars(self, s: int, e: int) -> tuple[int, int]:
        """Character offsets of view tokens ``[s, e)``."""
        sp = self.span(s, e)
        return sp.start_char, sp.end_char

    # -- token classes -------------------------------------------------------------------------
    def cap(self, i: int) -> bool:
        """Whether token ``i`` begins with a capital letter."""
        t = self.texts[i]
        return bool(t) and t[0].isupper()

    def alpha_cap(self, i: int) -> bool:
        """Whether token ``i`` begins with a capital letter and holds a letter."""
        t = self.texts[i]
        return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)

    def all_caps(self, i: int) -> bool:
        """Whether token ``i`` (dots left out) is two or more capital letters (``DPRD``, ``A.K``)."""
        t = self.texts[i].replace(".", "")
        return len(t) >= 2 and t.isalpha() and t.isupper()

    def attached_dot(self, j: int) -> bool:
        """Whether token ``j`` is a full stop written without a space after the token before it."""
        return j < self.size and self.texts[j] == "." and j > 0 and not self.space_after[j - 1]

    def rank_at(self, i: int) -> tuple[int, str] | None:
        """A rank starting at ``i`` (with corps suffixes and stuck-on full stops): (length, expansion)."""
        if i >= self.size or not self.cap(i):
            return None
        m = self.lex.ranks.match(self.keys, i)
        if not m:
            return None
        j = i + m[0]
        while j < self.size:
            if self.attached_dot(j):
                j += 1
            elif (
                self.texts[j] == "("
                and j + 2 < self.size
                and (self.keys[j + 1] in self.lex.rank_suffixes or self.rank_at_plain(j + 1))
                and self.texts[j + 2] == ")"
            ):
                j += 3
            elif (
                self.keys[j] in self.lex.rank_suffixes
                and self.cap(j)
                and j + 1 < self.size
                and (self.cap(j + 1) or self.texts[j + 1] in {".", "("})
                and self.rank_at_plain(j) is None
                and not self.initial_at(j)
            ):
                j += 1
            else:
                break
        return j - i, str(m[1])

    def initial_at(self, j: int) -> bool:
        """A single capital letter with a full stop after it (``M.``): a name's initial, no corps suffix."""
        text = self.texts[j]
        return (len(text) == 2 and text[1] == ".") or (len(text) == 1 and self.attached_dot(j + 1))

    def rank_at_plain(self, i: int) -> object:
        """The lexicon's rank match at ``i`` (no suffixes, no case rule), else None."""
        return self.lex.ranks.match(self.keys, i)

    def honorific_at(self, i: int) -> tuple[int, str] | None:
        """An honorific before a name (``H.``, ``Dr.``, ``Bapak``): (length, kind); needs a name after it."""
        if i >= self.size:
            return None
        k = self.keys[i]
        kind = self.lex.honorifics.get(k)
        if kind is None:
            return None
        t = self.texts[i]
        if kind == "address" and not t[0].isupper():
            return None
        if k in {"h", "hj"} and not t[0].isupper():
            return None
        j = i + 1
        if self.attached_dot(j):
            j += 1
        if j >= self.size or not self.alpha_cap(j):
            return None
        return j - i, kind

    def title_at(self, i: int) -> tuple[int, TitleEntry] | None:
        """A position from the lexicon starting at ``i`` (case rules applied): (length, entry)."""
        if i in self._title_cache:
            return self._title_cache[i]
        res = None
        if i < self.size and self.texts[i][:1].isalpha():
            m = self.lex.titles.match(self.keys, i)
            if m:
                entry = m[1]
                assert isinstance(entry, TitleEntry)
                if entry.case != "cap" or self.cap(i):
                    res = (m[0], entry)
        self._title_cache[i] = res
        return res

    def prefix_at(self, i: int) -> tuple[int, str] | None:
        """An acting/former prefix (``Plt.``, ``mantan``) at ``i``: (length with its dot, expansion)."""
        m = self.lex.prefixes.match(self.keys, i) if i < self.size else None
        if not m:
            return None
        j = i + m[0]
        if self.attached_dot(j):
            j += 1
        return j - i, str(m[1])

    def place_at(self, i: int, limit: int | None = None) -> int:
        """Length of a capitalised place name starting at ``i`` (ending before ``limit``), else 0."""
        m = self.lex.places.match(self.keys, i, limit)
        if not m:
            return 0
        # a place is written capitalised
        if not all(self.texts[k][:1].isupper() for k in range(i, i + m[0])):
            return 0
        return m[0]

    def name_likely(self, i: int) -> bool:
        """Whether token ``i`` is a known given name."""
        return self.keys[i] in self.lex.given

    def is_orgish(self, i: int) -> bool:
        """Whether token ``i`` is a region word, a body written as one word or an organisation word."""
        k = self.keys[i]
        lex = self.lex
        return k in lex.admin or k in lex.acronym or (k in lex.org and k not in lex.given)

    def paren_abbr_end(self, i: int, loose: bool = False) -> int | None:
        """``( Sekda )`` / ``( Plt )`` at ``i``: the index after ``)``, when it holds an abbreviation.

        ``loose``: also a short capitalised word that is not a given name (``(Unila)``, ``(Mendagri)``).
        """
        if self.texts[i] != "(":
            return None
        j = i + 1
        while j < self.size and j - i <= 4 and self.texts[j] != ")":
            t = self.texts[j]
            if not (t[:1].isupper() or t in {"-", "/", "&"} or self.title_at(j) or self.prefix_at(j)):
                return None
            j += 1
        if j >= self.size or self.texts[j] != ")" or j == i + 1:
            return None
        inner = range(i + 1, j)
        if any(self.title_at(k) or self.prefix_at(k) for k in inner) or all(
            self.all_caps(k) for k in inner if self.texts[k][:1].isalpha()
        ):
            return j + 1
        if loose and j - i <= 3 and not any(self.name_likely(k) for k in inner):
            return j + 1
        return None

    def in_gazetteer(self, s: int, e: int) -> bool:
        """Whether view tokens ``[s, e)`` coincide with a location or organisation the gazetteer found."""
        if self._gaz_spans is None:
            spans: set[tuple[int, int]] = set()
            for key in ("kalbar_locations", "kalbar_organizations"):
                for item in getattr(self.doc._, key) or []:
                    for mention in item.get("mentions") or []:
                        spans.add((mention.get("start"), mention.get("end")))
            self._gaz_spans = spans
        return self.chars(s, e) in self._gaz_spans
