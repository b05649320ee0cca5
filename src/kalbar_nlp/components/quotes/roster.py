"""Who may speak in an article: its people, its organisations, and the spans where a capitalised
word is no name (organisations, places, titles, the dateline)."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from ...lexicons.speaker_bodies import load_speaker_bodies
from ...lexicons.speech_verbs import SpeechLexicon
from ...lexicons.titles import load_lexicon as load_title_lexicon
from ...text.source import doc_text
from .model import MASK, norm_tokens, words_of
from .patterns import QUOTE_WORDS

GENERIC_LEADS = QUOTE_WORDS.words("generic_lead")
#: The most words of a generic noun for a body (`rumah sakit`).
MAX_BODY_NOUN_WORDS = 2


@dataclass
class Person:
    """A person of the article as the resolver sees it (from ``kalbar_people`` or the fallback)."""

    name: str
    tokens: frozenset[str]
    alias_tokens: tuple[frozenset[str], ...]
    titles: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]
    source: str


#: An organisation: its name, its mentions and the case-folded keys it is known by.
Organization = tuple[str, list[tuple[int, int]], frozenset[str]]


@functools.cache
def title_words() -> frozenset[str]:
    """Organisation and region words of the titles lexicon (`Satgas`, `Institute`, `Kabupaten`)."""
    lex = load_title_lexicon()
    return frozenset((lex.org | lex.admin | lex.acronym) - lex.given)


def _mentions(items: Any) -> list[tuple[int, int]]:
    return [(int(item["start"]), int(item["end"])) for item in items or [] if "start" in item]


def load_people(doc: Doc, masked: str) -> list[Person]:
    """The people of ``doc._.kalbar_people`` (the fallback only where that component did not run)."""
    out: list[Person] = []
    for person in doc._.kalbar_people or []:
        name = (person.get("name") or "").strip()
        if not name:
            continue
        aliases = tuple(frozenset(norm_tokens(alias)) for alias in person.get("aliases") or [] if alias)
        mentions = tuple(
            (int(m["start"]), int(m["end"]))
            for m in person.get("mentions") or []
            if "start" in m and "end" in m
        )
        titles = tuple(person.get("titles") or [])
        out.append(Person(name, frozenset(norm_tokens(name)), aliases, titles, mentions, "people"))
    if not out and doc._.kalbar_people is None:
        # the people component did not run; when it ran and found nobody, an organisation or a
        # place the NER took for a person must not come back as a speaker (`Satgas X`)
        out = fallback_people(doc, masked)
    return out


def _person_spans(doc: Doc) -> tuple[list[tuple[int, int, str]], dict[tuple[int, int], list[str]]]:
    """Person spans of the title links and the NER, and the titles linked to each."""
    spans: list[tuple[int, int, str]] = []
    titles_of: dict[tuple[int, int], list[str]] = {}
    for title in doc._.kalbar_titles or []:
        person = title.get("person") if isinstance(title, dict) else None
        if person and "start" in person:
            key = (int(person["start"]), int(person["end"]))
            spans.append((key[0], key[1], person.get("text") or doc_text(doc)[key[0] : key[1]]))
            titles_of.setdefault(key, []).append(str(title.get("title") or title.get("role") or ""))
    for ent in doc.ents:
        if ent.label_ in ("PER", "PERSON"):
            spans.append((ent.start_char, ent.end_char, ent.text))
    return spans, titles_of


def fallback_people(doc: Doc, masked: str) -> list[Person]:
    """Without ``kalbar_people``: persons from the title links and the NER, clustered by name tokens."""
    spans, titles_of = _person_spans(doc)
    clusters: list[dict[str, Any]] = []
    for start, end, text in sorted(set(spans), key=lambda item: (-len(norm_tokens(item[2])), item[0])):
        tokens = frozenset(norm_tokens(text))
        if not tokens or masked[start : start + 1] == MASK:
            continue
        home = next((cluster for cluster in clusters if tokens <= cluster["tokens"]), None)
        if home is None:
            home = {"name": text, "tokens": tokens, "mentions": [], "titles": [], "aliases": set()}
            clusters.append(home)
        home["mentions"].append((start, end))
        home["titles"].extend(titles_of.get((start, end), []))
        home["aliases"].add(tokens)
    return [
        Person(
            cluster["name"],
            cluster["tokens"],
            tuple(cluster["aliases"]),
            tuple(cluster["titles"]),
            tuple(sorted(cluster["mentions"])),
            "fallback",
        )
        for cluster in clusters
    ]


def load_orgs(doc: Doc) -> list[Organization]:
    """The organisations of ``doc._.kalbar_organizations`` with the keys they are known by."""
    out: list[Organization] = []
    for org in doc._.kalbar_organizations or []:
        name = org.get("name")
        if not name:
            continue
        keys = {name.casefold()}
        if org.get("acronym"):
            keys.add(str(org["acronym"]).casefold())
        for alias in org.get("aliases") or []:
            keys.add(str(alias).casefold())
        out.append((name, _mentions(org.get("mentions")), frozenset(keys)))
    return out


def covered_spans(doc: Doc, orgs: list[Organization], lex: SpeechLexicon) -> list[tuple[int, int]]:
    """Spans of organisations, places, titles and the dateline: capitalised words there are not names."""
    # an "organisation" that opens with a rank or honorific is a person the gazetteer took for one
    covered = [
        (start, end)
        for name, mentions, _keys in orgs
        if (words_of(name) or [""])[0].casefold().rstrip(".") not in lex.prefixes
        for start, end in mentions
    ]
    for loc in doc._.kalbar_locations or []:
        covered += _mentions(loc.get("mentions"))
    for title in doc._.kalbar_titles or []:
        if isinstance(title, dict) and "start" in title:
            covered.append((int(title["start"]), int(title["end"])))
    dateline = doc._.kalbar_dateline
    if isinstance(dateline, dict) and dateline.get("end") is not None:
        covered.append((int(dateline.get("start") or 0), int(dateline["end"])))
    return sorted(covered)


def title_linked_starts(doc: Doc) -> frozenset[int]:
    """Start offsets of the persons a title was linked to (`Guru Besar Fakultas X Markus Silalahi`):
    such a name stays a person even where an organisation span wrongly runs over it."""
    return frozenset(
        int(title["person"]["start"])
        for title in doc._.kalbar_titles or []
        if isinstance(title, dict) and title.get("person") and "start" in title["person"]
    )


class Mentions:
    """The person mentions of an article in text order, searchable by position."""

    def __init__(self, people: list[Person]) -> None:
        self.items = sorted(
            (start, end, index) for index, person in enumerate(people) for start, end in person.mentions
        )
        self.starts = [item[0] for item in self.items]

    def from_position(self, position: int) -> int:
        """Index of the first mention that starts at or after ``position``."""
        return bisect.bisect_left(self.starts, position)


class CoverIndex:
    """Sorted spans that may overlap, asked in logarithmic time whether one strictly covers a range."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _end in spans]
        self.max_end: list[int] = []  # the furthest end among the spans up to each index
        for _start, end in spans:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)
        self.widest_at: dict[int, int] = {}  # the furthest end of the spans that start at an offset
        for start, end in spans:
            self.widest_at[start] = max(end, self.widest_at.get(start, end))

    def covers_strictly(self, start: int, end: int) -> bool:
        """Whether a span contains ``[start, end)`` and is longer than it."""
        before = bisect.bisect_left(self.starts, start)  # the spans that start before ``start``
        if before and self.max_end[before - 1] >= end:
            return True
        return self.widest_at.get(start, -1) > end


class PersonIndex:
    """The mentions of one person, sorted, with the words just before each (for titles)."""

    def __init__(self, person: Person, text: str) -> None:
        self.starts = sorted(start for start, _end in person.mentions)
        self._text = text
        self._context_words: frozenset[str] | None = None

    def last_before(self, position: int) -> int:
        """The start of the last mention before ``position`` (-1 if none)."""
        index = bisect.bisect_left(self.starts, position)
        return self.starts[index - 1] if index else -1

    def context_words(self) -> frozenset[str]:
        """The words of the 80 characters before each mention, case-folded (read once)."""
        if self._context_words is None:
            words: set[str] = set()
            for start in self.starts:
                words.update(words_of(self._text[max(0, start - 80) : start].casefold()))
            self._context_words = frozenset(words)
        return self._context_words


class OrgIndex:
    """Where the organisations are mentioned and the keys they are known by, for quick look-ups."""

    def __init__(self, orgs: list[Organization]) -> None:
        self.mentions = sorted(
            (start, end, index) for index, (_n, ments, _k) in enumerate(orgs) for start, end in ments
        )
        self.starts = [item[0] for item in self.mentions]
        self.by_key: dict[str, int] = {}
        for index, (_name, _ments, keys) in enumerate(orgs):
            for key in keys:
                self.by_key.setdefault(key, index)

    def by_head(self, phrase: str, names: list[str]) -> int | None:
        """The organisation a generic phrase stands for: `Dinas Kesehatan` for the one article body
        whose name starts so (`Dinas Kesehatan Bangka Tengah`), `polisi`/`pihak kepolisian` for the
        police unit the article names first, `perusahaan` for its company (``names``: the
        organisations' names in list order)."""
        words = [word.casefold() for word in words_of(phrase)]
        while words and words[0] in GENERIC_LEADS:
            words = words[1:]
        head = " ".join(words)
        units = load_speaker_bodies().get(head) if len(words) <= MAX_BODY_NOUN_WORDS else None
        if units:
            first_words = [(name.split() or [""])[0].casefold() for name in names]
            return next((index for index, first in enumerate(first_words) if first in units), None)
        found = {index for index, name in enumerate(names) if name.casefold().startswith(head + " ")}
        return found.pop() if len(words) >= 2 and len(found) == 1 else None

    def first_inside(self, start: int, end: int, phrase: str) -> int | None:
        """The first organisation (in list order) mentioned inside ``[start, end)`` or named by ``phrase``."""
        found = self.by_key.get(phrase.casefold().strip())
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.mentions) and self.mentions[index][0] < end:
            m_start, m_end, org = self.mentions[index]
            if m_start >= start and m_end <= end and (found is None or org < found):
                found = org
            index += 1
        return found
