"""The name reader: where a person's name starts and ends, read on the token view of a ``Doc``.

:class:`NameReader` adds to :class:`~kalbar_nlp.text.scanner.Scanner` the reading of names that
the title, people and quote rules share: which words may be part of a name (an ordered table
of refusals), the run of name words after or before a position, the ranks and honorifics
written before a name, the academic degrees after it, and whether a run of words is a
plausible name at all. A *person* found by :meth:`NameReader.person_after` or
:meth:`NameReader.person_before` is a dict ``{token_start, token_end, ranks, honorifics}`` in
view indexes.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..lexicons.titles import speech_cue_words
from .scanner import Scanner

# an academic degree written without a comma (S.Tr.K, M.H): capital letter, dot, letters
DEGREE_SHAPE = regex.compile(r"^(?:S|M|D|B|A|Sp|Ph)\.[A-Za-z]{1,4}(?:\.[A-Za-z]{1,4}){0,3}\.?$")
# derived nouns (pe-an, ke-an, per-an ...) that open sentences and are never names
NOUN_SHAPE = regex.compile(
    r"^(?:(?:pe|pem|pen|peng|peny|per|pel|ke)[a-z]{3,16}an|[a-z]{4,16}(?:asi|isme|itas))$"
)
# two capitalised names joined by a hyphen (a candidate pair: Kamil-Uu)
PAIR_SHAPE = regex.compile(r"^\p{Lu}\p{Ll}{2,}-\p{Lu}")
#: the most words a name may have
MAX_NAME = 6
#: the most words of an age or nickname in parentheses after a name
MAX_ASIDE = 3
#: tokens that end a sentence (a capitalised word after one may be an adverb: Lalu, 'then')
SENTENCE_ENDS = frozenset({".", "!", "?", "\u201c", "\u201d", '"'})
#: joiners written without spaces inside a name (Abdul-Rahman, O'Neil)
JOINERS = frozenset({"-", "'", "’"})


# -- which words may be part of a name: refusals, tried in order ------------------------------------
def no_capital_word(reader: NameReader, j: int, first: bool) -> bool:
    """Not capitalised, or no letter in it."""
    text = reader.texts[j]
    return not text[:1].isupper() or not any(c.isalpha() for c in text)


def has_digit(reader: NameReader, j: int, first: bool) -> bool:
    """A digit inside (``Covid-19``)."""
    return any(c.isdigit() for c in reader.texts[j])


def time_word(reader: NameReader, j: int, first: bool) -> bool:
    """A weekday or month; a month inside a name only when no number follows it (Sri Juni, not Juni 2023)."""
    key = reader.keys[j]
    if key not in reader.lex.time:
        return False
    next_is_number = j + 1 < reader.size and reader.texts[j + 1][:1].isdigit()
    return first or key not in reader.lex.months or next_is_number


def common_word(reader: NameReader, j: int, first: bool) -> bool:
    """A capitalised common word that is no given name, or a place word opening the name."""
    key, lex = reader.keys[j], reader.lex
    return (key in lex.stop and key not in lex.given) or (first and key in lex.geo)


def degree_ending(reader: NameReader, j: int, first: bool) -> bool:
    """A degree ends a name; initials inside one (Agus D.W. Martowardojo) are followed by more name."""
    text = reader.texts[j]
    if first or not (
        (reader.degree_at(j) and (reader.all_caps(j) or "." in text)) or DEGREE_SHAPE.match(text)
    ):
        return False
    nxt = j + 1
    if nxt < reader.size and reader.texts[nxt] == ".":
        nxt += 1
    more_name = (
        nxt < reader.size
        and reader.alpha_cap(nxt)
        and not reader.degree_at(nxt)
        and not DEGREE_SHAPE.match(reader.texts[nxt])
        and reader.keys[nxt] not in reader.lex.stop
    )
    return not more_name


def honorific_prefix(reader: NameReader, j: int, first: bool) -> bool:
    """``Prof.``, ``Dr.``, ``Hj.`` are no part of a name."""
    key, text = reader.keys[j], reader.texts[j]
    return reader.lex.honorifics.get(key) == "prefix" and (text.endswith(".") or len(key) > 2)


def joined_pair(reader: NameReader, j: int, first: bool) -> bool:
    """``Kamil-Uu``: two names joined (a candidate pair), not one name."""
    return bool(PAIR_SHAPE.match(reader.texts[j]))


def derived_noun(reader: NameReader, j: int, first: bool) -> bool:
    """``pelantikan``, ``kegiatan``: a sentence-initial noun, not a name."""
    key = reader.keys[j]
    return key not in reader.lex.given and bool(NOUN_SHAPE.match(key))


def organisation_word(reader: NameReader, j: int, first: bool) -> bool:
    """A region word, a body written as one word, or an organisation word that is no given name."""
    key, lex = reader.keys[j], reader.lex
    return key in lex.admin or key in lex.acronym or (key in lex.org and key not in lex.given)


def post_word(reader: NameReader, j: int, first: bool) -> bool:
    """A position, rank or acting prefix that is no given name (after the first word: also a rank)."""
    if reader.keys[j] in reader.lex.given:
        return False
    if first:
        return bool(reader.title_at(j))
    return bool(reader.title_at(j) or reader.rank_at_plain(j) or reader.prefix_at(j))


NameTokenRefusal = Callable[["NameReader", int, bool], bool]
#: a word is part of a name unless one of these refuses it (in this order)
NAME_TOKEN_REFUSALS: tuple[NameTokenRefusal, ...] = (
    no_capital_word,
    has_digit,
    time_word,
    common_word,
    degree_ending,
    honorific_prefix,
    joined_pair,
    derived_noun,
    organisation_word,
    post_word,
)


class NameReader(Scanner):
    """The token view of a ``Doc`` with the reading of person names on it."""

    def name_token_ok(self, j: int, first: bool) -> bool:
        """May token ``j`` be a word of a name (``first``: its first word)?"""
        if self.marker_before_name(j):
            return True
        return not any(refuse(self, j, first) for refuse in NAME_TOKEN_REFUSALS)

    def opens_sentence(self, j: int) -> bool:
        """Does token ``j`` open a sentence or a line?"""
        return j == 0 or not self.texts[j - 1].strip() or self.texts[j - 1] in SENTENCE_ENDS

    def marker_before_name(self, j: int) -> bool:
        """A Sasak marker of nobility before a given name, inside a sentence (``, Lalu Samsul Adnan``)."""
        nxt = j + 1
        return (
            self.keys[j] in self.lex.name_markers
            and self.texts[j][:1].isupper()
            and not self.opens_sentence(j)
            and nxt < self.size
            and self.name_likely(nxt)
            and not self.is_orgish(nxt)
        )

    def _joined_word(self, i: int, j: int, end: int) -> bool:
        """A joiner written without spaces inside a name run (``Abdul-rahman``, ``O'Neil``)."""
        text = self.texts[j]
        return (
            j > i
            and text in JOINERS
            and not self.space_after[j - 1]
            and j + 1 < end
            and not self.space_after[j]
            and (self.texts[j + 1][:1].islower() or (text != "-" and self.texts[j + 1][:1].isalpha()))
        )

    def _inner_particle(self, i: int, j: int, end: int) -> bool:
        """A particle (``bin``, ``van``) between two name words."""
        return (
            j > i
            and self.keys[j] in self.lex.name_particles
            and self.space_after[j - 1]
            and j + 1 < end
            and self.alpha_cap(j + 1)
        )

    def name_run(self, i: int, limit: int | None = None) -> int:
        """End (exclusive) of a capitalised name starting at ``i``; ``i`` itself where there is none."""
        end = self.size if limit is None else min(limit, self.size)
        j = i
        count = 0
        while j < end and count < MAX_NAME:
            if self._joined_word(i, j, end):
                j += 2
                continue
            if self._inner_particle(i, j, end):
                j += 1
                continue
            if not self.name_token_ok(j, j == i):
                break
            j += 1
            count += 1
            if j < end and self.attached_dot(j) and len(self.texts[j - 1]) <= 2:
                j += 1  # an initial written "S ." by the tokenizer
        # do not end on a particle
        while j > i and self.keys[j - 1] in self.lex.name_particles:
            j -= 1
        return j

    def name_run_back(self, end: int, floor: int = 0) -> int:
        """Start of a capitalised name that ends just before ``end`` (``end`` itself where there is none)."""
        j = end
        count = 0
        while j - 1 >= floor and count < MAX_NAME:
            k = j - 1
            text = self.texts[k]
            glued = k > floor and not self.space_after[k - 1]
            # a joiner as name_run reads it: a hyphen only before a lower-case word (Abdul-rahman);
            # before a capital it joins two names (Khofifah-Emil)
            joined = (
                text in JOINERS
                and glued
                and not self.space_after[k]
                and (text != "-" or (j < self.size and self.texts[j][:1].islower()))
            )
            if (text == "." and glued and len(self.texts[k - 1]) <= 2) or joined:
                j -= 1
                continue
            if self.keys[k] in self.lex.name_particles and j < end:
                j -= 1
                continue
            if not self.name_token_ok(k, False):
                break
            j -= 1
            count += 1
        while j < end and (self.keys[j] in self.lex.name_particles or not self.alpha_cap(j)):
            j += 1
        if j < end and not self.name_token_ok(j, True):
            return end
        return j

    def skip_degrees(self, j: int) -> tuple[int, list[str]]:
        """Skip ``, S.H., M.Si.`` after a name; returns (new index, degrees as written)."""
        found: list[str] = []
        while j + 1 < self.size and self.texts[j] == ",":
            k = j + 1
            size = self.degree_at(k)
            if not size:
                break
            found.append(self.text(k, k + size))
            j = k + size
        return j, found

    def degree_at(self, k: int) -> int:
        """Length in tokens of an academic degree at ``k`` (``S.STP`` + ``.`` counts as one), else 0."""
        if k >= self.size:
            return 0
        text = self.texts[k]
        if not text[:1].isupper() and not text.startswith(("dr", "drg")):
            return 0
        key = text.lower().replace(".", "")
        size = 1
        # tokens like "S.Sos" "." or "Sp" "." "A" glued without spaces
        while (
            k + size < self.size
            and not self.space_after[k + size - 1]
            and self.texts[k + size] not in {",", "(", ")"}
        ):
            key += self.texts[k + size].lower().replace(".", "")
            size += 1
        if key in self.lex.degrees and (("." in self.text(k, k + size)) or len(key) >= 2):
            return size
        return 0

    def degrees_back(self, end: int) -> int:
        """Walk back over ``, S.H., M.Si`` ending at ``end``; returns the index where the name ends."""
        j = end
        while j - 2 >= 0:
            # find a degree ending at j
            found = False
            for size in (1, 2, 3):
                k = j - size
                if k - 1 >= 0 and self.texts[k - 1] == "," and self.degree_at(k) == size:
                    j = k - 1
                    found = True
                    break
            if not found:
                break
        return j

    def leading(self, i: int) -> tuple[int, list[str], list[str]]:
        """Skip ranks and honorifics before a name: (index of the name, ranks, honorifics)."""
        ranks: list[str] = []
        honorifics: list[str] = []
        j = i
        for _ in range(6):
            rank = self.rank_at(j)
            if rank:
                ranks.append(self.text(j, j + rank[0]))
                j += rank[0]
                continue
            honorific = self.honorific_at(j)
            if honorific:
                honorifics.append(self.text(j, j + honorific[0]))
                j += honorific[0]
                continue
            break
        return j, ranks, honorifics

    def valid_name(self, s: int, e: int, anchored: bool) -> bool:
        """Is ``doc[s:e]`` a plausible person name? ``anchored``: a rank/honorific/title made it likely."""
        if e <= s:
            return False
        if any(
            self.texts[k][:1].isupper() and self.is_orgish(k) and not self.marker_before_name(k)
            for k in range(s, e)
        ):
            return False  # `Gili Hotel Association`, `Corporate Communications`: an organisation
        if any(k in self.person_tokens for k in range(s, e)):
            return True
        words = [k for k in range(s, e) if self.texts[k][:1].isalpha()]
        if not words or (len(words) == 1 and len(self.texts[words[0]].rstrip(".")) == 1):
            return False
        if self.place_at(s, e) == e - s:
            return False
        if e < self.size and self.keys[e] in self.lex.demonstratives:
            return False  # "Wali Kota Solo itu": a place, not a name
        if anchored:
            return True
        return any(self.name_likely(k) for k in words) or len(words) >= 2

    # -- persons ---------------------------------------------------------------------------------
    def person_after(self, j: int, limit: int | None = None, require: bool = False) -> dict | None:
        """A person written at ``j`` (ranks and honorifics first): dict with token span, ranks, honorifics."""
        if j >= self.size:
            return None
        s, ranks, honorifics = self.leading(j)
        if s >= self.size:
            return None
        e = self.name_run(s, limit)
        if e <= s and s in self.person_end:
            e = self.person_end[s]
        if e <= s or not self.valid_name(s, e, bool(ranks or honorifics) or not require):
            return None
        _, degrees = self.skip_degrees(e)
        return {"token_start": s, "token_end": e, "ranks": ranks, "honorifics": honorifics + degrees}

    def _marks_before(self, s: int, e: int) -> tuple[int, int, list[str], list[str]]:
        """Ranks and honorifics before the name ``[s, e)``: (name start, first mark, ranks, honorifics).

        A rank may have taken the first words of the run (``Kolonel Inf | Bayu Permana``): the name
        then starts after it.
        """
        ranks: list[str] = []
        honorifics: list[str] = []
        first = s
        for _ in range(4):
            found = False
            for back in (1, 2, 3):
                b = first - back
                if b < 0:
                    break
                rank = self.rank_at(b)
                if rank and first <= b + rank[0] < e:
                    s = max(s, b + rank[0])
                    ranks.insert(0, self.text(b, b + rank[0]))
                    first, found = b, True
                    break
                honorific = self.honorific_at(b)
                if honorific and b + honorific[0] == first:
                    honorifics.insert(0, self.text(b, first))
                    first, found = b, True
                    break
            if not found:
                break
        return s, first, ranks, honorifics

    def aside_back(self, end: int) -> int:
        """Start of a short aside in parentheses ending just before ``end`` (an age ``(55)`` or a
        nickname ``(Gus Yahya)``, ``(ADM)``), else ``end`` itself."""
        if end < 3 or self.texts[end - 1] != ")":
            return end
        k = end - 2
        while k > 0 and end - 1 - k <= MAX_ASIDE and self.texts[k] != "(":
            if not (self.texts[k].isdigit() or self.alpha_cap(k)):
                return end
            k -= 1
        if self.texts[k] != "(" or k == end - 2:
            return end
        return k

    def _sentence_opener(self, k: int) -> bool:
        """A capitalised word that opens a clause (``Sedangkan``, ``Namun``), no place or body word."""
        key, lex = self.keys[k], self.lex
        if key in lex.name_markers and self.opens_sentence(k):
            return True  # "Lalu Aditya Moha (ADM), Ketua ...": 'then' at the start of a sentence
        return key in lex.stop and not (key in lex.geo or key in lex.org or key in lex.admin)

    def person_before(self, end: int) -> dict | None:
        """A person written just before token ``end`` (an aside and degrees after the name skipped)."""
        e = self.degrees_back(self.aside_back(end))
        degrees: list[str] = []
        if e < end:
            _, degrees = self.skip_degrees(e)
        s = self.name_run_back(e)
        if s >= e:
            return None
        s, first, ranks, honorifics = self._marks_before(s, e)
        inner, inner_ranks, inner_honorifics = self.leading(s)
        if inner < e:  # "KH Yahya", "R Ahmad": marks the name run took in
            s, ranks, honorifics = inner, ranks + inner_ranks, honorifics + inner_honorifics
        before = first - 1
        anchored = bool(ranks or honorifics) or (before >= 0 and self.keys[before] in speech_cue_words())
        if not anchored and before >= 0:
            text = self.texts[before]
            # the name must open a clause or follow a verb/conjunction, not continue an organisation
            if text[:1].isupper() and text[:1].isalpha() and not self._sentence_opener(before):
                return None
        if not self.valid_name(s, e, anchored):
            return None
        return {"token_start": s, "token_end": e, "ranks": ranks, "honorifics": honorifics + degrees}
