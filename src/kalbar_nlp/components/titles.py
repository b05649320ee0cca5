"""Component ``kalbar_titles``: positions (jabatan) with their jurisdiction and the person they attach to.

A title mention is an optional prefix (``Plt``, ``Pj``, ``mantan``), a position
from ``resources/titles.tsv`` (``Bupati``, ``Kapolres``, ``Kepala Dinas``) and its
complement (``Sintang``, ``Kesehatan Kabupaten Ketapang``), which stops at the
person's name, a comma, a rank or a verb. An abbreviation in parentheses after
the full form (``Sekretaris Daerah (Sekda) Kabupaten Ketapang``) is dropped from
the title text.

The title is then linked to its person by the first rule that fits; the rule's
name is kept in ``rule``:

- ``title_name``: title + name (``Bupati Sintang Jarot Winarno``, ``Sekda Alexander``)
- ``title_rank_name``: title + rank/honorific + name (``Kapolres Sleman AKBP Edy``)
- ``title_comma_name``: title + comma + name (``Kapolres Banjarbaru, AKBP Pius X Febry``);
  chains with ``melalui`` need nothing more: each title takes the name after it
- ``name_comma_title``: name + comma + title (``Jarot, Bupati Sintang, mengatakan``)
- ``selaku`` / ``yang_juga`` / ``yang_menjabat`` / ``sebagai``: name + cue + title

``doc._.kalbar_titles`` is a list of dicts: ``title`` (as written, with
jurisdiction), ``start``/``end`` (characters), ``token_start``/``token_end``,
``role`` (the position as written), ``expansion`` (its full form, with prefixes),
``jurisdiction`` (or None), ``sector``, ``former`` (bool), ``acting`` (``Plt``-like
prefix expansion or None), ``person`` (``{text, start, end, token_start,
token_end, ranks, honorifics}`` or None) and ``rule`` (None where no person).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..lexicons.titles import Lexicon, TitleEntry, load_lexicon, norm_tok, speech_cue_words

PER_LABELS = frozenset({"PER", "PERSON"})
NON_PERSON_LABELS = frozenset(
    {"LOC", "ORG", "GPE", "FAC", "EVT", "EVENT", "NORP", "LOCATION", "ORGANIZATION"}
)
DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut", "setempat"})
# words before a title that make it part of a place or building name (Kantor Bupati, Rumah Dinas Wali Kota)
PLACE_CONTEXT = frozenset(
    {
        "kantor",
        "rumah",
        "rujab",
        "pendopo",
        "pendapa",
        "gedung",
        "istana",
        "aula",
        "jalan",
        "jl",
        "kediaman",
        "makam",
        "rumdin",
        "wisma",
        "graha",
        "balai",
        "lapangan",
        "piala",
        # documents issued in an office's name (Peraturan Gubernur, Surat Edaran Bupati)
        "hari",  # days and events named after a profession (Hari Guru Nasional, HUT Bhayangkara)
        "hut",
        "peringatan",
        "festival",
        "lomba",
        "turnamen",
        "peraturan",
        "keputusan",
        "instruksi",
        "edaran",
        "surat",
        "pergub",
        "perbup",
        "perwali",
        "sk",
    }
)
# second words of region names (Kalimantan Barat, Kubu Raya, Tanjung Balai Baru)
PLACE_TAIL = frozenset(
    {
        "barat",
        "timur",
        "utara",
        "selatan",
        "tengah",
        "tenggara",
        "barat daya",
        "raya",
        "baru",
        "hulu",
        "hilir",
        "besar",
        "kecil",
        "laut",
        "darat",
        "atas",
        "bawah",
        "jaya",
        "lama",
        "induk",
        "pusat",
    }
)
NAME_PARTICLES = frozenset({"bin", "binti", "van", "der", "den", "de", "da", "dos", "von", "al", "el", "ibn"})
ROMAN = frozenset(
    {
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "vii",
        "viii",
        "ix",
        "x",
        "xi",
        "xii",
        "xiii",
        "xiv",
        "xv",
        "xvi",
        "xvii",
        "xviii",
    }
)
# cues between a name and its title, longest first: (tokens, rule)
# words between a name and its title (Budi, yang juga menjabat sebagai Kepala ...): the chain must hold
# one of the anchors; the rule is named after the first anchor met walking back from the title
CUE_FILLERS = frozenset(
    {
        "yang",
        "juga",
        "kini",
        "saat",
        "ini",
        "sekarang",
        "sebelumnya",
        "pernah",
        "masih",
        "sempat",
        "telah",
        "sudah",
        "akan",
        "baru",
        "resmi",
        "lalu",
        "kemudian",
        "pun",
        "itu",
    }
)
CUE_ANCHORS = {
    "selaku": "selaku",
    "sebagai": "sebagai",
    "menjabat": "yang_menjabat",
    "merupakan": "yang_juga",
    "adalah": "yang_juga",
    "menjadi": "menjadi",
    "dimutasi": "menjadi",
    "diangkat": "menjadi",
    "dilantik": "menjadi",
    "ditunjuk": "menjadi",
    "terpilih": "menjadi",
    "disahkan": "menjadi",
    "juga": "yang_juga",
}
MONTH_NAMES = frozenset(
    {
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
    }
)
# an academic degree written without a comma (S.Tr.K, M.H): capital letter, dot, letters
DEGREE_SHAPE = regex.compile(r"^(?:S|M|D|B|A|Sp|Ph)\.[A-Za-z]{1,4}(?:\.[A-Za-z]{1,4}){0,3}\.?$")
# derived nouns (pe-an, ke-an, per-an ...) that open sentences and are never names
NOUN_SHAPE = regex.compile(
    r"^(?:(?:pe|pem|pen|peng|peny|per|pel|ke)[a-z]{3,16}an|[a-z]{4,16}(?:asi|isme|itas))$"
)
PAIR_SHAPE = regex.compile(r"^\p{Lu}\p{Ll}{2,}-\p{Lu}")
# office words that may be written in lower case inside a title (jubir fraksi Partai X, kepala dinas ...)
LOWER_UNITS = frozenset(
    {
        "dinas",
        "badan",
        "bidang",
        "bagian",
        "seksi",
        "fraksi",
        "komisi",
        "partai",
        "kantor",
        "satuan",
        "unit",
        "sekolah",
        "universitas",
        "fakultas",
        "yayasan",
        "lembaga",
        "divisi",
        "departemen",
        "direktorat",
        "biro",
        "pusat",
        "balai",
        "tim",
        "panitia",
        "majelis",
    }
)
# heads of villages, districts and sectors: their jurisdiction is often a village the gazetteer does not know
LOCAL_HEADS = frozenset(
    {
        "Lurah",
        "Kepala Desa",
        "Camat",
        "Kepala Kepolisian Sektor",
        "Komandan Rayon Militer",
        "Kepala Dusun",
        "Perbekel",
        "Kepala Kampung",
        "Kepala Pekon",
        "Wali Nagari",
        "Keuchik",
        "Geuchik",
        "Sekretaris Desa",
        "Sekretaris Camat",
        "Sekretaris Lurah",
        "Penghulu",
    }
)
# speech cues before a name (kata Budi, ujar Sudarmo): "cue Name, Title" is an apposition
SPEECH_CUE_WORDS = speech_cue_words()
YEAR = regex.compile(r"^(?:19|20)\d\d$")
ORDINAL = regex.compile(r"^ke-?\d{1,3}$")
MAX_RUN = 14
# posts whose complement is a person (the client, the principal): `kuasa hukum Darius, Maria, ...`
PERSON_COMPLEMENT = frozenset(
    {
        "kuasa hukum",
        "pengacara",
        "penasihat hukum",
        "penasehat hukum",
        "advokat",
        "ajudan",
        "juru bicara",
        "jubir",
    }
)
# lower-case words inside English organisation names (Center for Strategic and International Studies)
ENGLISH_CONNECTORS = frozenset({"for", "of", "and", "the", "on", "to", "at"})
MAX_NAME = 6


@dataclass(slots=True)
class TitleHit:
    start: int  # first token (prefix included)
    head_start: int
    head_end: int
    end: int  # token end of the title (complement included)
    entry: TitleEntry
    prefixes: list[str]
    skipped: list[tuple[int, int]]  # parenthesised abbreviations left out of the text
    name: tuple[int, int] | None  # name tokens right after the complement
    stop: int  # token index where the complement run stopped


#: dependency relations that join a title and a name in stanza's (UD) analyses
APPOSITION_DEPS = frozenset({"appos", "flat", "flat:name"})


class Scanner:
    """Token-level views of one ``Doc`` and the look-ups the title and people rules share."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        # a view of the tokens without the spaces the tokenizer keeps as tokens (no-break spaces);
        # a line break stays, as a boundary written "\n"
        self.di = [t.i for t in doc if not (t.is_space and "\n" not in t.text)]
        self.vi = {d: v for v, d in enumerate(self.di)}
        self.n = len(self.di)
        toks = [doc[d] for d in self.di]
        self.texts = ["\n" if t.is_space else t.text for t in toks]
        self.keys = [norm_tok(t) for t in self.texts]
        self.ws = [
            bool(t.whitespace_) or (v + 1 < self.n and self.di[v + 1] != t.i + 1) for v, t in enumerate(toks)
        ]
        self.per_at: dict[int, int] = {}
        self.per_tok: set[int] = set()
        self.ent_tok: dict[int, str] = {}
        for ent in doc.ents:
            vs = self.view_start(ent.start)
            ve = self.view_end(ent.end)
            if vs is None or ve <= vs:
                continue
            for k in range(vs, ve):
                self.ent_tok[k] = ent.label_
            if ent.label_ in PER_LABELS:
                self.per_at[vs] = ve
                self.per_tok.update(range(vs, ve))
        self._title_cache: dict[int, tuple[int, TitleEntry] | None] = {}
        self._gaz_spans: set[tuple[int, int]] | None = None
        self.has_ner = bool(doc.has_annotation("ENT_IOB"))

    def view_start(self, d: int) -> int | None:
        """View index of doc token ``d`` (or of the next kept token)."""
        while d < len(self.doc):
            if d in self.vi:
                return self.vi[d]
            d += 1
        return None

    def view_end(self, d_end: int) -> int:
        """View end index for a doc end index (exclusive)."""
        d = d_end - 1
        while d >= 0:
            if d in self.vi:
                return self.vi[d] + 1
            d -= 1
        return 0

    def span(self, s: int, e: int) -> Span:
        """The doc ``Span`` of view tokens ``[s, e)``."""
        return self.doc[self.di[s] : self.di[e - 1] + 1]

    def text(self, s: int, e: int) -> str:
        return self.span(s, e).text if e > s else ""

    def chars(self, s: int, e: int) -> tuple[int, int]:
        sp = self.span(s, e)
        return sp.start_char, sp.end_char

    # -- token classes -------------------------------------------------------------------------
    def cap(self, i: int) -> bool:
        t = self.texts[i]
        return bool(t) and t[0].isupper()

    def alpha_cap(self, i: int) -> bool:
        t = self.texts[i]
        return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)

    def all_caps(self, i: int) -> bool:
        t = self.texts[i].replace(".", "")
        return len(t) >= 2 and t.isalpha() and t.isupper()

    def attached_dot(self, j: int) -> bool:
        return j < self.n and self.texts[j] == "." and j > 0 and not self.ws[j - 1]

    def rank_at(self, i: int) -> tuple[int, str] | None:
        """A rank starting at ``i`` (with corps suffixes and stuck-on full stops): (length, expansion)."""
        if i >= self.n or not self.cap(i):
            return None
        m = self.lex.ranks.match(self.keys, i)
        if not m:
            return None
        j = i + m[0]
        while j < self.n:
            if self.attached_dot(j):
                j += 1
            elif (
                self.texts[j] == "("
                and j + 2 < self.n
                and (self.keys[j + 1] in self.lex.rank_suffixes or self.rank_at_plain(j + 1))
                and self.texts[j + 2] == ")"
            ):
                j += 3
            elif (
                self.keys[j] in self.lex.rank_suffixes
                and self.cap(j)
                and j + 1 < self.n
                and (self.cap(j + 1) or self.texts[j + 1] in {".", "("})
                and self.rank_at_plain(j) is None
            ):
                j += 1
            else:
                break
        return j - i, str(m[1])

    def rank_at_plain(self, i: int) -> object:
        return self.lex.ranks.match(self.keys, i)

    def honorific_at(self, i: int) -> tuple[int, str] | None:
        """An honorific before a name (``H.``, ``Dr.``, ``Bapak``): (length, kind); needs a name after it."""
        if i >= self.n:
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
        if j >= self.n or not self.alpha_cap(j):
            return None
        return j - i, kind

    def title_at(self, i: int) -> tuple[int, TitleEntry] | None:
        """A position from the lexicon starting at ``i`` (case rules applied): (length, entry)."""
        if i in self._title_cache:
            return self._title_cache[i]
        res = None
        if i < self.n and self.texts[i][:1].isalpha():
            m = self.lex.titles.match(self.keys, i)
            if m:
                entry = m[1]
                assert isinstance(entry, TitleEntry)
                if entry.case != "cap" or self.cap(i):
                    res = (m[0], entry)
        self._title_cache[i] = res
        return res

    def prefix_at(self, i: int) -> tuple[int, str] | None:
        m = self.lex.prefixes.match(self.keys, i) if i < self.n else None
        if not m:
            return None
        j = i + m[0]
        if self.attached_dot(j):
            j += 1
        return j - i, str(m[1])

    def place_at(self, i: int, limit: int | None = None) -> int:
        m = self.lex.places.match(self.keys, i, limit)
        if not m:
            return 0
        # a place is written capitalised
        if not all(self.texts[k][:1].isupper() for k in range(i, i + m[0])):
            return 0
        return m[0]

    def name_likely(self, i: int) -> bool:
        return self.keys[i] in self.lex.given

    def is_orgish(self, i: int) -> bool:
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
        while j < self.n and j - i <= 4 and self.texts[j] != ")":
            t = self.texts[j]
            if not (t[:1].isupper() or t in {"-", "/", "&"} or self.title_at(j) or self.prefix_at(j)):
                return None
            j += 1
        if j >= self.n or self.texts[j] != ")" or j == i + 1:
            return None
        inner = range(i + 1, j)
        if any(self.title_at(k) or self.prefix_at(k) for k in inner) or all(
            self.all_caps(k) for k in inner if self.texts[k][:1].isalpha()
        ):
            return j + 1
        if loose and j - i <= 3 and not any(self.name_likely(k) for k in inner):
            return j + 1
        return None

    # -- names ---------------------------------------------------------------------------------
    def name_token_ok(self, j: int, first: bool) -> bool:
        t = self.texts[j]
        k = self.keys[j]
        lex = self.lex
        if not t[:1].isupper() or not any(c.isalpha() for c in t):
            return False
        if any(c.isdigit() for c in t):
            return False
        if k in lex.time and (
            first or k not in MONTH_NAMES or (j + 1 < self.n and self.texts[j + 1][:1].isdigit())
        ):
            return False
        if (k in lex.stop and k not in lex.given) or (first and k in lex.geo):
            return False
        if not first and ((self.degree_at(j) and (self.all_caps(j) or "." in t)) or DEGREE_SHAPE.match(t)):
            # a degree ends a name; initials inside one (Agus D.W. Martowardojo) are followed by more name
            nxt = j + 1
            if nxt < self.n and self.texts[nxt] == ".":
                nxt += 1
            if not (
                nxt < self.n
                and self.alpha_cap(nxt)
                and not self.degree_at(nxt)
                and not DEGREE_SHAPE.match(self.texts[nxt])
                and self.keys[nxt] not in lex.stop
            ):
                return False
        if k in lex.honorifics and lex.honorifics[k] == "prefix" and (t.endswith(".") or len(k) > 2):
            return False  # Prof., Dr., Hj. are no part of a name
        if PAIR_SHAPE.match(t):
            return False  # "Kamil-Uu": two names joined (a candidate pair), not one name
        if k not in lex.given and NOUN_SHAPE.match(k):
            return False  # pelantikan, kegiatan, pembangunan: a sentence-initial noun, not a name
        if k in lex.admin or k in lex.acronym or (k in lex.org and k not in lex.given):
            return False
        if (
            not first
            and (self.title_at(j) or self.rank_at_plain(j) or self.prefix_at(j))
            and k not in lex.given
        ):
            return False
        if first and (self.title_at(j) and k not in lex.given):
            return False
        return True

    def name_run(self, i: int, limit: int | None = None) -> int:
        """End (exclusive) of a capitalised name starting at ``i``; ``i`` itself where there is none."""
        end = self.n if limit is None else min(limit, self.n)
        j = i
        count = 0
        while j < end and count < MAX_NAME:
            t = self.texts[j]
            if (
                j > i
                and t in {"-", "'", "’"}
                and not self.ws[j - 1]
                and j + 1 < end
                and not self.ws[j]
                and (self.texts[j + 1][:1].islower() or (t != "-" and self.texts[j + 1][:1].isalpha()))
            ):
                j += 2
                continue
            if (
                j > i
                and self.keys[j] in NAME_PARTICLES
                and self.ws[j - 1]
                and j + 1 < end
                and self.alpha_cap(j + 1)
            ):
                j += 1
                continue
            if not self.name_token_ok(j, j == i):
                break
            j += 1
            count += 1
            if j < end and self.attached_dot(j) and len(self.texts[j - 1]) <= 2:
                j += 1  # an initial written "S ." by the tokenizer
        # do not end on a particle
        while j > i and self.keys[j - 1] in NAME_PARTICLES:
            j -= 1
        return j

    def name_run_back(self, end: int, floor: int = 0) -> int:
        """Start of a capitalised name that ends just before ``end`` (``end`` itself where there is none)."""
        j = end
        count = 0
        while j - 1 >= floor and count < MAX_NAME:
            k = j - 1
            t = self.texts[k]
            if t == "." and k > floor and not self.ws[k - 1] and len(self.texts[k - 1]) <= 2:
                j -= 1
                continue
            if t in {"-", "'", "’"} and k > floor and not self.ws[k - 1] and not self.ws[k]:
                j -= 1
                continue
            if self.keys[k] in NAME_PARTICLES and j < end:
                j -= 1
                continue
            if not self.name_token_ok(k, False):
                break
            j -= 1
            count += 1
        while j < end and (self.keys[j] in NAME_PARTICLES or not self.alpha_cap(j)):
            j += 1
        if j < end and not self.name_token_ok(j, True):
            return end
        return j

    def skip_degrees(self, j: int) -> tuple[int, list[str]]:
        """Skip ``, S.H., M.Si.`` after a name; returns (new index, degrees as written)."""
        found: list[str] = []
        while j + 1 < self.n and self.texts[j] == ",":
            k = j + 1
            d = self.degree_at(k)
            if not d:
                break
            found.append(self.text(k, k + d))
            j = k + d
        return j, found

    def degree_at(self, k: int) -> int:
        """Length in tokens of an academic degree at ``k`` (``S.STP`` + ``.`` counts as one), else 0."""
        if k >= self.n:
            return 0
        t = self.texts[k]
        if not t[:1].isupper() and not t.startswith(("dr", "drg")):
            return 0
        key = t.lower().replace(".", "")
        n = 1
        # tokens like "S.Sos" "." or "Sp" "." "A" glued without spaces
        while k + n < self.n and not self.ws[k + n - 1] and self.texts[k + n] not in {",", "(", ")"}:
            key += self.texts[k + n].lower().replace(".", "")
            n += 1
        if key in self.lex.degrees and (("." in self.text(k, k + n)) or len(key) >= 2):
            return n
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
        hons: list[str] = []
        j = i
        for _ in range(6):
            r = self.rank_at(j)
            if r:
                ranks.append(self.text(j, j + r[0]))
                j += r[0]
                continue
            h = self.honorific_at(j)
            if h:
                hons.append(self.text(j, j + h[0]))
                j += h[0]
                continue
            break
        return j, ranks, hons

    def valid_name(self, s: int, e: int, anchored: bool) -> bool:
        """Is ``doc[s:e]`` a plausible person name? ``anchored``: a rank/honorific/title made it likely."""
        if e <= s:
            return False
        if any(self.texts[k][:1].isupper() and self.is_orgish(k) for k in range(s, e)):
            return False  # `Gili Hotel Association`, `Corporate Communications`: an organisation
        if any(k in self.per_tok for k in range(s, e)):
            return True
        toks = [k for k in range(s, e) if self.texts[k][:1].isalpha()]
        if not toks or (len(toks) == 1 and len(self.texts[toks[0]].rstrip(".")) == 1):
            return False
        if self.place_at(s, e) == e - s:
            return False
        if e < self.n and self.keys[e] in DEMONSTRATIVES:
            return False  # "Wali Kota Solo itu": a place, not a name
        if anchored:
            return True
        return any(self.name_likely(k) for k in toks) or len(toks) >= 2


def excluded_char_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges that hold no people: boilerplate, bylines and the dateline."""
    out: list[tuple[int, int]] = []
    for item in doc._.kalbar_boilerplate or []:
        if isinstance(item, (list, tuple)) and len(item) >= 2:
            out.append((int(item[0]), int(item[1])))
    for key in ("kalbar_bylines", "kalbar_dateline"):
        if key in doc.spans:
            out.extend((sp.start_char, sp.end_char) for sp in doc.spans[key])
    for b in doc._.kalbar_bylines or []:
        if isinstance(b, dict) and "start" in b and "end" in b:
            out.append((int(b["start"]), int(b["end"])))
    dl = doc._.kalbar_dateline
    if isinstance(dl, dict) and "start" in dl and "end" in dl:
        out.append((int(dl["start"]), int(dl["end"])))
    return out


def in_ranges(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in ranges)


class TitleLinker:
    """Find title mentions and link each to its person (see the module docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lex = load_lexicon()

    # -- detection ------------------------------------------------------------------------------
    def find_hit(self, sc: Scanner, i: int) -> TitleHit | None:
        prefixes: list[str] = []
        skipped: list[tuple[int, int]] = []
        j = i
        for _ in range(3):
            p = sc.prefix_at(j)
            if not p:
                break
            prefixes.append(p[1])
            j += p[0]
            pe = sc.paren_abbr_end(j) if j < sc.n else None
            if pe:
                skipped.append((j, pe))
                j = pe
        if j >= sc.n:
            return None
        t = sc.title_at(j)
        if t is None and sc.keys[j] == "wakil" and j + 1 < sc.n:
            t2 = sc.title_at(j + 1)
            if t2:
                t = (
                    t2[0] + 1,
                    TitleEntry(
                        "Wakil " + t2[1].form,
                        "Wakil " + t2[1].expansion,
                        t2[1].sector,
                        t2[1].takes,
                        t2[1].case,
                    ),
                )
        if t is None:
            return None
        r = sc.rank_at(j)
        if r and r[0] >= t[0] and j + r[0] < sc.n and self.rank_before_name(sc, j + r[0], r[0] >= 2):
            return None  # "Komisaris Ivan Adhitira": a rank written in full, not the post Komisaris
        head_start, head_end = j, j + t[0]
        entry = t[1]
        head_end, comp_from = self.field_words(sc, head_end, entry)
        run, stop, skipped2 = self.complement_run(sc, comp_from)
        skipped.extend(skipped2)
        comp_end, name = self.split_run(sc, run, stop, entry, skipped2)
        end = comp_end if comp_end > head_end else head_end
        # a skipped abbreviation right after the head but no complement: the title ends at the head
        return TitleHit(i, head_start, head_end, end, entry, prefixes, skipped, name, stop)

    def field_words(self, sc: Scanner, j: int, entry: TitleEntry) -> tuple[int, int]:
        """Lower-case field words after a title head, and a `dari`/`di` before its organisation.

        ``pengamat politik Universitas X``, ``dokter spesialis paru RSUD X``, ``kuasa hukum korban``,
        ``peneliti dari Lembaga X``: (end of the head with its field words, start of the complement).
        At most three field words from the lexicon's closed list (never a verb or a function word);
        `dari`/`di` only after a profession or society post (`Bupati di Kantor X` stays as it was).
        """
        k = j
        while k < sc.n and k - j < 3 and sc.texts[k].islower() and sc.keys[k] in self.lex.fields:
            k += 1
        if (
            k + 1 < sc.n
            and (k > j or entry.sector == "society")
            and sc.keys[k] in {"dari", "di"}
            and sc.texts[k].islower()
            and sc.alpha_cap(k + 1)
            and (sc.is_orgish(k + 1) or sc.all_caps(k + 1) or sc.place_at(k + 1))
        ):
            return k, k + 1
        return k, k

    @staticmethod
    def rank_before_name(sc: Scanner, k: int, long_rank: bool) -> bool:
        """Does a person's name start at ``k``, right after a rank that is also a post?

        A known given name always counts; after a rank of two or more words
        (``Inspektur Jenderal``, ``Komisaris Besar``) any capitalised word that is not an
        organisation, place or title word counts too (``Inspektur Jenderal RZ Panca``).
        """
        if sc.name_likely(k):
            return True
        return (
            long_rank
            and sc.cap(k)
            and not sc.is_orgish(k)
            and sc.title_at(k) is None
            and sc.prefix_at(k) is None
        )

    def complement_run(self, sc: Scanner, j0: int) -> tuple[list[int], int, list[tuple[int, int]]]:
        """Tokens after a title head that may be its complement (and the name that follows)."""
        lex = self.lex
        run: list[int] = []
        skipped: list[tuple[int, int]] = []
        j = j0
        all_jl = True
        while j < sc.n and len(run) < MAX_RUN:
            t = sc.texts[j]
            k = sc.keys[j]
            if t == "(":
                pe = sc.paren_abbr_end(j, loose=True)
                if pe and (not run or all_jl or len(run) >= 2):
                    skipped.append((j, pe))
                    j = pe
                    continue
                break
            if (
                t in {"/", "-"}
                and run
                and not sc.ws[j - 1]
                and j + 1 < sc.n
                and not sc.ws[j]
                and sc.texts[j + 1][:1].isalnum()
            ):
                run.append(j)
                j += 1
                continue
            if YEAR.match(t):
                break  # Hari Guru Nasional 2023: a year ends a name, it is no code
            if t[:1].isdigit():
                if (run and (sc.keys[run[-1]] in {"-", "/"} or sc.texts[run[-1]][:1].isupper())) or (
                    j + 1 < sc.n and sc.texts[j + 1] == "/"
                ):
                    run.append(j)
                    j += 1
                    continue
                break
            if ORDINAL.match(t):
                run.append(j)  # ke-7 as one token
                j += 1
                continue
            if k == "ke" and j + 2 < sc.n and sc.texts[j + 1] == "-" and sc.texts[j + 2][:1].isdigit():
                run.extend([j, j + 1, j + 2])
                j += 3
                continue
            if t[:1].isupper():
                if k in lex.time:
                    break
                if sc.rank_at(j) or (sc.honorific_at(j) and k not in lex.org):
                    break
                if (
                    (sc.title_at(j) or sc.prefix_at(j))
                    and not (k in lex.org or k in lex.admin or k in lex.acronym)
                    and not (k in lex.given and run and sc.name_likely(run[-1]))
                ):
                    break
                if k in lex.stop and k not in lex.org and k not in lex.admin and not run:
                    break  # a capitalised common word inside the complement is part of a name (Kuala Dua)
                run.append(j)
                if not (
                    k in lex.org
                    or (k in lex.admin or k in lex.geo)
                    or k in lex.acronym
                    or sc.all_caps(j)
                    or sc.place_at(j)
                ):
                    all_jl = False
                j += 1
                continue
            if (
                k in {"dan", "&"}
                and run
                and j + 1 < sc.n
                and sc.alpha_cap(j + 1)
                and not sc.title_at(j + 1)
                and not sc.rank_at(j + 1)
                and sc.keys[j + 1] not in lex.given
                and (
                    sc.is_orgish(j + 1)
                    or sc.keys[j + 1] in lex.org
                    or sc.place_at(j + 1)
                    or sc.all_caps(j + 1)
                )
            ):
                run.append(j)
                j += 1
                continue
            if (
                k in ENGLISH_CONNECTORS
                and run
                and sc.texts[run[-1]][:1].isupper()
                and j + 1 < sc.n
                and sc.alpha_cap(j + 1)
            ):
                run.append(j)  # Institute for Development of Economics, Bike to Work
                j += 1
                continue
            if k == "setempat" and (not run or all_jl):
                run.append(j)
                j += 1
                break
            if (
                t.islower()
                and (k in LOWER_UNITS or k in lex.admin)
                and all_jl
                and j + 1 < sc.n
                and sc.texts[j + 1][:1].isupper()
            ):
                run.append(j)
                j += 1
                continue
            break
        # drop a trailing connector
        while run and sc.keys[run[-1]] in {"dan", "&", "-", "/"}:
            run.pop()
        stop = run[-1] + 1 if run else j0
        # paren skipped after the run's last token: the stop is after it
        for s, e in skipped:
            if s == stop:
                stop = e
        return run, stop, skipped

    def jl_flags(self, sc: Scanner, run: list[int]) -> list[bool]:
        """Which run tokens belong to a jurisdiction (region, organisation word, acronym, code)."""
        lex = self.lex
        flags = [False] * len(run)
        p = 0
        after_admin = 0
        while p < len(run):
            j = run[p]
            k = sc.keys[j]
            t = sc.texts[j]
            n_place = sc.place_at(j, run[-1] + 1) if t[:1].isupper() else 0
            if (
                n_place
                and all(run[p + q] == j + q for q in range(n_place) if p + q < len(run))
                and p + n_place <= len(run)
            ):
                for q in range(n_place):
                    flags[p + q] = True
                p += n_place
                after_admin = 0
                continue
            after_code = p > 0 and sc.texts[run[p - 1]] in {"/", "-"}
            if (
                t in {"I", "Ni"}
                and p + 1 < len(run)
                and sc.name_likely(run[p + 1])
                and not sc.is_orgish(run[p + 1])
            ):
                after_admin = 0
                p += 1
                continue  # Balinese name marker (I Wayan Diar, Ni Made Sari)
            if (
                (k in lex.admin or k in lex.geo)
                or k in lex.org
                or k in lex.acronym
                or sc.all_caps(j)
                or k in ROMAN
                or after_code
                or ORDINAL.match(t)
                or k in {"dan", "&", "-", "/", "ke"}
                or t[:1].isdigit()
                or t.islower()
            ):
                flags[p] = True
                after_admin = 2 if (k in lex.admin or k in lex.geo) else 0
                p += 1
                continue
            if after_admin == 2 or (after_admin == 1 and k in PLACE_TAIL):
                flags[p] = True
                after_admin -= 1
                p += 1
                continue
            if k in PLACE_TAIL and p > 0 and flags[p - 1]:
                flags[p] = True
                p += 1
                continue
            after_admin = 0
            p += 1
        return flags

    def split_run(
        self,
        sc: Scanner,
        run: list[int],
        stop: int,
        entry: TitleEntry,
        skipped: list[tuple[int, int]] | None = None,
    ) -> tuple[int, tuple[int, int] | None]:
        """Split the run into complement and name: (complement end token, name span or None)."""
        if not run:
            return stop, None
        lex = self.lex
        flags = self.jl_flags(sc, run)
        # the trained NER says where a person starts when the words give no sign (no given name)
        if not any(sc.name_likely(j) and not flags[p] for p, j in enumerate(run)):
            for p, j in enumerate(run):
                if (
                    j in sc.per_at
                    and not flags[p]
                    and all(
                        sc.name_token_ok(k, k == j)
                        for k in range(j, min(sc.per_at[j], sc.n))
                        if sc.alpha_cap(k)
                    )
                    and not any(sc.place_at(k) for k in range(j, min(sc.per_at[j], sc.n)))
                    and not (sc.per_at[j] < sc.n and sc.keys[sc.per_at[j]] in lex.org)
                ):
                    comp_end = run[p - 1] + 1 if p else run[0]
                    return comp_end, (j, max(sc.per_at[j], sc.name_run(j)))
        first_name = next((p for p, j in enumerate(run) if sc.name_likely(j) and not flags[p]), None)
        limit = first_name if first_name is not None else len(run)
        last_jl = max((p for p in range(limit) if flags[p]), default=-1)
        stop_kind = self.stop_kind(sc, stop)
        # unknown words after an organisation word continue its name (Partai Gerindra, PT Gag Nikel)
        opener = last_jl >= 0 and sc.keys[run[last_jl]] in lex.openers
        if first_name is None:
            if last_jl == len(run) - 1 or stop_kind == "rank" or (opener and stop_kind != "word"):
                return run[-1] + 1, None
            lower_head = run[0] > 0 and sc.texts[run[0] - 1][:1].islower()
            if last_jl < 0 and lower_head and len(run) <= 3 and all(sc.alpha_cap(j) for j in run):
                name_end = sc.name_run(run[0])
                if name_end > run[0] and sc.valid_name(run[0], name_end, True):
                    return run[0], (run[0], name_end)  # "dengan jubir Mutoyo, serta ..."
            if last_jl < 0:
                if len(run) == 1 and (entry.takes == "place" or stop_kind != "word"):
                    return run[-1] + 1, None
                if stop_kind in {"comma", "paren"} and entry.takes == "place":
                    return run[-1] + 1, None
                name_start_p = 0
            else:
                name_start_p = last_jl + 1
        elif opener or (last_jl < 0 and entry.expansion in LOCAL_HEADS and first_name <= 2):
            # unknown words before the first given name: an organisation's name after its opener word,
            # or the village/district of a local head (Lurah Sempur Andri, Kepala Desa Mandrajaya Agustina)
            name_start_p = first_name
            if opener and first_name == last_jl + 1 and len(run) - first_name >= 3:
                # the opener's own name takes at least one word, even a given name
                # (Universitas Mulawarman Pandu Wiratama, Lembaga Kajian Borneo Siti Rahmawati)
                name_start_p = first_name + 1
        else:
            name_start_p = last_jl + 1
        # an abbreviation in parentheses closes the organisation's name (Badan X (Bappebti) Indrasari)
        for ps, _pe in skipped or []:
            before = [p for p, j in enumerate(run) if j < ps]
            if before and before[-1] + 1 > name_start_p and before[-1] + 1 < len(run):
                name_start_p = before[-1] + 1
        if first_name is not None:
            # two words that are no given names, then two or more given names: the first two end the
            # organisation's name (Lembaga Kajian Hutan Tropis Siti Rahmawati)
            for q in range(len(run) - 3, name_start_p, -1):
                if (
                    not sc.name_likely(run[q])
                    and not sc.name_likely(run[q - 1])
                    and sc.name_likely(run[q + 1])
                    and sc.name_likely(run[q + 2])
                    and run[q + 2] == run[q - 1] + 3
                ):
                    name_start_p = q + 1
                    break
        name_start_p = self.past_org_head(sc, run, flags, name_start_p)
        if name_start_p < 0:
            return run[-1] + 1, None
        comp_end = run[name_start_p - 1] + 1 if name_start_p > 0 else run[0]
        name_start = run[name_start_p]
        name_end = sc.name_run(name_start)
        if name_end <= name_start or not sc.valid_name(name_start, name_end, True):
            return (run[-1] + 1 if first_name is None else comp_end), None
        if (
            stop_kind == "comma"
            and name_end == stop
            and name_end - name_start == 1
            and self.person_after(sc, stop + 1) is not None
        ):
            return run[-1] + 1, None  # "Wakil Rektor I Universitas Bakrie, Tri Pujadi Susilo"
        if stop_kind == "comma" and name_end == stop and entry.form.lower() in PERSON_COMPLEMENT:
            other = self.person_after(sc, stop + 1)
            if other is not None and other["token_end"] < sc.n and sc.texts[other["token_end"]] == ",":
                return run[-1] + 1, None  # "kuasa hukum Darius, Maria, mengatakan": Darius is the client
        return comp_end, (name_start, name_end)

    def past_org_head(self, sc: Scanner, run: list[int], flags: list[bool], p0: int) -> int:
        """Move the name's start past an organisation whose head word follows it.

        ``Peneliti Borneo Forest Watch Yohanes Ardianto``: the words before ``Watch`` name the
        organisation even when one of them is also a given name; the person is the run of names
        after the last organisation word (the first given name after it).
        """
        p = p0
        for _ in range(3):
            e = sc.name_run(run[p])
            if e not in run or sc.keys[e] not in self.lex.org:
                return p
            q0 = run.index(e) + 1
            later = next(
                (q for q in range(q0, len(run)) if sc.name_likely(run[q]) and not flags[q]),
                None,
            )
            if later is None:
                # the words up to the end of the run name the organisation (PT Borneo Energi, Rudi)
                return -1 if all(sc.alpha_cap(j) or flags[q] for q, j in enumerate(run)) else p
            p = max([q for q in range(q0 - 1, later) if flags[q]], default=q0 - 1) + 1
        return p

    @staticmethod
    def stop_kind(sc: Scanner, j: int) -> str:
        if j >= sc.n:
            return "end"
        t = sc.texts[j]
        if t == ",":
            return "comma"
        if t == "(":
            return "paren"
        if sc.rank_at(j) or sc.honorific_at(j):
            return "rank"
        if not t[:1].isalnum():
            return "punct"
        return "word"

    # -- linking --------------------------------------------------------------------------------
    def person_after(
        self, sc: Scanner, j: int, limit: int | None = None, require: bool = False
    ) -> dict | None:
        """A person written at ``j`` (ranks and honorifics first): dict with token span, ranks, honorifics."""
        if j >= sc.n:
            return None
        s, ranks, hons = sc.leading(j)
        if s >= sc.n:
            return None
        e = sc.name_run(s, limit)
        if e <= s and s in sc.per_at:
            e = sc.per_at[s]
        if e <= s or not sc.valid_name(s, e, bool(ranks or hons) or not require):
            return None
        _, degrees = sc.skip_degrees(e)
        return {"token_start": s, "token_end": e, "ranks": ranks, "honorifics": hons + degrees}

    def person_before(self, sc: Scanner, end: int) -> dict | None:
        """A person written just before token ``end`` (degrees after the name skipped)."""
        e = sc.degrees_back(end)
        degrees: list[str] = []
        if e < end:
            _, degrees = sc.skip_degrees(e)
        s = sc.name_run_back(e)
        if s >= e:
            return None
        # ranks/honorifics written before the name
        ranks: list[str] = []
        hons: list[str] = []
        first = s
        for _ in range(4):
            found = False
            for back in (1, 2, 3):
                b = first - back
                if b < 0:
                    break
                r = sc.rank_at(b)
                if r and first <= b + r[0] < e:
                    # the rank may have taken the first words of the run (Kolonel Inf | Bayu Permana)
                    if b + r[0] > s:
                        s = b + r[0]
                    ranks.insert(0, sc.text(b, b + r[0]))
                    first, found = b, True
                    break
                h = sc.honorific_at(b)
                if h and b + h[0] == first:
                    hons.insert(0, sc.text(b, first))
                    first, found = b, True
                    break
            if not found:
                break
        before = first - 1
        anchored = bool(ranks or hons) or (before >= 0 and sc.keys[before] in SPEECH_CUE_WORDS)
        if not anchored and before >= 0:
            bt = sc.texts[before]
            # the name must open a clause or follow a verb/conjunction, not continue an organisation
            if bt[:1].isupper() and bt[:1].isalpha():
                return None
        if not sc.valid_name(s, e, anchored):
            return None
        return {"token_start": s, "token_end": e, "ranks": ranks, "honorifics": hons + degrees}

    def __call__(self, doc: Doc) -> Doc:
        sc = Scanner(doc, self.lex)
        excluded = excluded_char_ranges(doc)
        hits: list[TitleHit] = []
        i = 0
        while i < sc.n:
            hit = self.find_hit(sc, i) if sc.texts[i][:1].isalpha() else None
            if hit is None:
                i += 1
                continue
            if (
                i > 0
                and hit.head_start == i
                and sc.name_likely(i)
                and sc.alpha_cap(i - 1)
                and sc.name_likely(i - 1)
                and sc.texts[i][:1].isupper()
            ):
                i += 1
                continue  # a surname that is also a position (Lucky Hakim)
            if i > 0 and (
                sc.keys[i - 1] in PLACE_CONTEXT or (sc.keys[i - 1] in self.lex.openers and sc.cap(i - 1))
            ):
                i = hit.head_end
                continue
            if in_ranges(*sc.chars(hit.start, max(hit.end, hit.head_end)), excluded):
                i = hit.end
                continue
            hits.append(hit)
            i = max(hit.end, hit.head_end)
        linked = [(h, *self.link(sc, h)) for h in hits]
        taken: set[int] = set()
        for _, p, _ in linked:
            if p:
                taken.update(range(p["token_start"], p["token_end"]))
        links: list[dict] = []
        for h, person, rule in linked:
            if h.head_start in taken:
                continue  # a word of a name that looks like a title (Lucky Hakim)
            links.append(self.to_dict(sc, h, person, rule))
        doc._.kalbar_titles = links
        return doc

    def cue_person(self, sc: Scanner, b: int) -> tuple[dict | None, str | None]:
        """Name + cue + title (``Budi selaku``, ``Budi, yang juga menjabat sebagai``) ending before ``b``."""
        rule = None
        k = b - 1
        while k >= 0 and b - k <= 6 and (sc.keys[k] in CUE_FILLERS or sc.keys[k] in CUE_ANCHORS):
            if sc.keys[k] in CUE_ANCHORS:
                rule = CUE_ANCHORS[sc.keys[k]]  # the first anchor in reading order names the rule
            k -= 1
        if rule is None or k >= b - 1:
            return None, None
        end = k + 1
        if end > 0 and sc.texts[end - 1] == ",":
            end -= 1
        p = self.person_before(sc, end)
        return (p, rule) if p else (None, None)

    def link(self, sc: Scanner, h: TitleHit) -> tuple[dict | None, str | None]:
        b = h.start
        cue_p, cue_rule = self.cue_person(sc, b)
        lower_head = sc.texts[h.head_start][:1].islower()
        if (
            lower_head
            and h.name
            and (
                (not any(sc.name_likely(k) for k in range(*h.name)) and h.name[1] - h.name[0] > 3)
                or any(sc.all_caps(k) and len(sc.texts[k]) >= 4 for k in range(*h.name))
            )
        ):
            h.name = None  # "anggota Jaringan Geopark Dunia": an organisation, not a name
        comma_p = None
        if h.name and b > 0 and sc.texts[b - 1] == ",":
            comma_p = self.person_before(sc, b - 1)
            if comma_p:
                ps = comma_p["token_start"]
                said = ps > 0 and sc.keys[ps - 1] in SPEECH_CUE_WORDS
                likely = any(sc.name_likely(k) or k in sc.per_tok for k in range(ps, comma_p["token_end"]))
                weak = not any(sc.name_likely(k) for k in range(*h.name))
                if not (said or (likely and weak)):
                    comma_p = None
        # title + name
        if h.name:
            s, e = h.name
            if comma_p and (e >= sc.n or sc.texts[e] in {".", ",", ";"}):
                # "ujar Rasgianto, Ketua KUD Misaya Mina.": the words after the title are its complement
                h.end = e
                return comma_p, "name_comma_title"
            if cue_p and (e >= sc.n or not sc.texts[e][:1].isupper()):
                # "M Rayhan selaku Direktur PT Rona Namora": the words after the title are its complement
                h.end = e
                return cue_p, cue_rule
            _, degrees = sc.skip_degrees(e)
            return {"token_start": s, "token_end": e, "ranks": [], "honorifics": degrees}, "title_name"
        j = h.end
        for s, e in h.skipped:
            if s == j:
                j = e
        if j < sc.n and (sc.rank_at(j) or sc.honorific_at(j)):
            p = self.person_after(sc, j)
            if p:
                return p, "title_rank_name"
        if j < sc.n and sc.texts[j] == ",":
            p = self.person_after(sc, j + 1)
            if p:
                return p, "title_comma_name"
        # name + comma + title / name + cue + title
        if b - 1 >= 0 and sc.texts[b - 1] == ",":
            after_ok = (
                h.end >= sc.n or sc.texts[h.end] in {",", ".", ")", ";"} or sc.texts[h.end][:1].islower()
            )
            if after_ok:
                p = self.person_before(sc, b - 1)
                if p:
                    return p, "name_comma_title"
        if cue_p:
            return cue_p, cue_rule
        # "Sementara itu, Hendik Suprianto Kepala Bidang P2P menyebutkan ...": a name right before the title
        if b > 0 and sc.alpha_cap(b - 1) and sc.texts[h.head_start][:1].isupper():
            after = h.end
            for s_, e_ in h.skipped:
                if s_ == after:
                    after = e_
            if after >= sc.n or sc.texts[after] in {",", "(", "."} or sc.texts[after][:1].islower():
                p = self.person_before(sc, b)
                if p and any(sc.name_likely(k) for k in range(p["token_start"], p["token_end"])):
                    return p, "name_title"
        # "Sebagai mantan Wali Kota Bandar Lampung dua periode, Herman HN menyampaikan ..."
        if (
            b > 0
            and sc.keys[b - 1] in {"sebagai", "selaku"}
            and (b - 1 == 0 or not sc.texts[b - 2][:1].isalpha())
        ):
            k = h.end
            while (
                k < sc.n
                and k - h.end < 6
                and sc.texts[k] != ","
                and (sc.texts[k].islower() or sc.texts[k].isdigit())
            ):
                k += 1
            if k < sc.n and sc.texts[k] == ",":
                p = self.person_after(sc, k + 1)
                if p:
                    return p, "sebagai_lead"
        # where the Doc carries a dependency parse (the stanza backend), an apposition the rules missed
        p = self.dep_person(sc, h)
        if p:
            return p, "dep_appos"
        return None, None

    @staticmethod
    def dep_person(sc: Scanner, h: TitleHit) -> dict | None:
        """The name that the title stands in apposition to, read from the dependency parse if any.

        ``Jarot Winarno, 54 tahun, Bupati Sintang, ...``: the title's head word is an ``appos`` of the
        name (or the name a ``flat``/``appos`` dependent of the title); the rules above, which look at
        the words next to the title, cannot see past ``54 tahun``.
        """
        doc = sc.doc
        if not doc.has_annotation("DEP"):
            return None
        first, last = sc.di[h.start], sc.di[max(h.end, h.head_end) - 1]
        head = doc[sc.di[h.head_start]]
        near = []
        if head.dep_ in APPOSITION_DEPS and not first <= head.head.i <= last:
            near.append(head.head)
        near += [c for c in head.children if c.dep_ in APPOSITION_DEPS and not first <= c.i <= last]
        for tok in near:
            v = sc.vi.get(tok.i)
            if v is None or not sc.alpha_cap(v) or (v in sc.ent_tok and v not in sc.per_tok):
                continue
            s = sc.name_run_back(v + 1)
            e = sc.name_run(s) if s <= v else v
            if s <= v < e and sc.valid_name(s, e, False):
                return {"token_start": s, "token_end": e, "ranks": [], "honorifics": []}
        return None

    def to_dict(self, sc: Scanner, h: TitleHit, person: dict | None, rule: str | None) -> dict:
        # the title text without the parenthesised abbreviations
        pieces: list[str] = []
        k = h.start
        for s, e in sorted(h.skipped):
            if s >= h.end:
                continue
            if k < s:
                pieces.append(sc.text(k, s))
            k = e
        if k < h.end:
            pieces.append(sc.text(k, h.end))
        text = " ".join(" ".join(p.split()) for p in pieces if p.strip())
        role = " ".join(sc.text(h.head_start, h.head_end).split())
        comp_start = h.head_end
        for s, e in h.skipped:
            if s == comp_start:
                comp_start = e
        jurisdiction = " ".join(sc.text(comp_start, h.end).split()) if h.end > comp_start else None
        abbreviations = []
        for ps, pe in h.skipped:
            if comp_start < ps <= h.end:
                inner = " ".join(sc.text(ps + 1, pe - 1).split())
                full = " ".join(sc.text(comp_start, ps).split())
                if inner and full:
                    abbreviations.append({"abbr": inner, "full": full})
        former = any(p == "mantan" for p in h.prefixes)
        acting = next((p for p in h.prefixes if p != "mantan"), None)
        exp_parts = [p for p in h.prefixes] + [h.entry.expansion]
        out = {
            "title": text,
            "start": sc.chars(h.start, h.end)[0],
            "end": sc.chars(h.start, h.end)[1],
            "token_start": sc.di[h.start],
            "token_end": sc.di[h.end - 1] + 1,
            "role": role,
            "expansion": " ".join(exp_parts),
            "jurisdiction": jurisdiction,
            "sector": h.entry.sector,
            "former": former,
            "acting": acting,
            "abbreviations": abbreviations,
            "person": None,
            "rule": None,
        }
        if person:
            s, e = person["token_start"], person["token_end"]
            sp = sc.span(s, e)
            out["person"] = {
                "text": sp.text,
                "start": sp.start_char,
                "end": sp.end_char,
                "token_start": sp.start,
                "token_end": sp.end,
                "ranks": person.get("ranks", []),
                "honorifics": person.get("honorifics", []),
            }
            out["rule"] = rule
        return out


@Language.factory("kalbar_titles", default_config={})
def make_titles(nlp: Language, name: str) -> TitleLinker:
    """Build the ``kalbar_titles`` component."""
    return TitleLinker(nlp, name)
