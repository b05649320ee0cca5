"""The article record (``SCHEMA.md`` in the package) and the one place it is built from a ``Doc``.

Components only annotate the ``Doc`` (``doc._.kalbar_*``); :func:`doc_to_article`
reads those annotations and returns an :class:`Article`. ``Article.to_dict()``
gives exactly the JSON of the record contract, plus optional provenance
fields that the contract allows (``rule``) where a researcher may want to ask
"why did it say that?".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .annotations import (
    BylineAnnotation,
    DateAnnotation,
    DatelineAnnotation,
    LocationAnnotation,
    MentionAnnotation,
    OrganizationAnnotation,
    PersonAnnotation,
    QuoteAnnotation,
    SpeakerAnnotation,
)
from .text.source import doc_text

SCHEMA_VERSION = 1

#: The keys of a record, in the schema's order (``source`` follows where known).
RECORD_KEYS = (
    "id",
    "schema_version",
    "title",
    "published",
    "dateline",
    "dates",
    "people",
    "organizations",
    "locations",
    "quotes",
    "bylines",
    "warnings",
)


@dataclass(slots=True)
class Mention:
    """One place in the text: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Dateline:
    outlet: str | None
    place: str | None
    text: str
    start: int
    end: int
    rule: str | None = None


@dataclass(slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str | None
    grain: str | None
    weekday: str | None = None
    weekday_matches: bool | None = None
    time: str | None = None
    timezone: str | None = None
    relative: bool = False
    rule: str | None = None


@dataclass(slots=True)
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    positions: list[dict[str, Any]] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Organization:
    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    source: str | None = None


@dataclass(slots=True)
class Location:
    name: str
    kind: str = "other"
    code: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    source: str | None = None


@dataclass(slots=True)
class Speaker:
    name: str
    mention: str | None = None
    start: int | None = None
    end: int | None = None
    rule: str | None = None


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str
    cue: str | None = None
    speaker: Speaker | None = None
    rule: str | None = None


@dataclass(slots=True)
class Byline:
    name: str
    role: str
    text: str
    start: int
    end: int
    rule: str | None = None


@dataclass(slots=True)
class Article:
    """One parsed article; ``to_dict()`` is the record of ``SCHEMA.md``."""

    id: Any = None
    title: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    dates: list[DateMention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    #: Where the text came from (a web page's canonical URL, site name, author...), when known.
    source: dict[str, Any] | None = None
    #: The text that was parsed (every offset points into it). Not part of the record: ``to_dict``
    #: leaves it out, as SCHEMA.md does, so that records stay small.
    text: str | None = field(default=None, repr=False, compare=False, metadata={"record": False})

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-serialisable data, in the schema's key order.

        ``source`` is added after ``warnings`` when known; ``text`` is never included.
        """
        d = asdict(self)
        out = {k: d[k] for k in RECORD_KEYS}
        if self.source is not None:
            out["source"] = d["source"]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, text: str | None = None) -> Article:
        """Build an :class:`Article` back from its ``to_dict()`` record (read from JSON Lines, say).

        Args:
            data: the record; each field is read key by key, as from a Doc's annotations
                (the record's keys are a subset of them), so unknown keys are ignored.
            text: the article text the record's offsets point into, when the caller has it.

        Raises:
            ValueError: ``data`` is an error record (``{"id", "line", "error"}``).
        """
        if "error" in data and "schema_version" not in data:
            raise ValueError(f"record: {data.get('id')!r} is an error record: {data['error']}")
        dl = data.get("dateline")
        return cls(
            id=data.get("id"),
            title=data.get("title"),
            published=data.get("published"),
            dateline=_dateline(dl) if dl else None,
            dates=[_date(d) for d in data.get("dates") or []],
            people=[_person(p) for p in data.get("people") or []],
            organizations=[_organization(o) for o in data.get("organizations") or []],
            locations=[_location(x) for x in data.get("locations") or []],
            quotes=[_quote(q) for q in data.get("quotes") or []],
            bylines=[_byline(b) for b in data.get("bylines") or []],
            warnings=list(data.get("warnings") or []),
            schema_version=data.get("schema_version", SCHEMA_VERSION),
            source=data.get("source"),
            text=text,
        )


def _mentions(items: list[MentionAnnotation] | None) -> list[Mention]:
    return [Mention(text=m["text"], start=m["start"], end=m["end"]) for m in items or []]


def _dateline(d: DatelineAnnotation) -> Dateline:
    return Dateline(
        outlet=d.get("outlet"),
        place=d.get("place"),
        text=d["text"],
        start=d["start"],
        end=d["end"],
        rule=d.get("rule"),
    )


def _date(d: DateAnnotation) -> DateMention:
    # year_from and range are working notes of the dates component, not record fields
    return DateMention(
        text=d["text"],
        start=d["start"],
        end=d["end"],
        value=d.get("value"),
        grain=d.get("grain"),
        weekday=d.get("weekday"),
        weekday_matches=d.get("weekday_matches"),
        time=d.get("time"),
        timezone=d.get("timezone"),
        relative=d.get("relative", False),
        rule=d.get("rule"),
    )


def _person(d: PersonAnnotation) -> Person:
    # the person's own rule/rules and each mention's rule stay on the Doc (provenance)
    return Person(
        name=d["name"],
        aliases=list(d.get("aliases") or []),
        titles=list(d.get("titles") or []),
        mentions=_mentions(d.get("mentions")),
        positions=[dict(position) for position in d.get("positions") or []],
        ranks=list(d.get("ranks") or []),
        honorifics=list(d.get("honorifics") or []),
    )


def _organization(d: OrganizationAnnotation) -> Organization:
    return Organization(
        name=d["name"],
        acronym=d.get("acronym"),
        aliases=list(d.get("aliases") or []),
        mentions=_mentions(d.get("mentions")),
        source=d.get("source"),
    )


def _location(d: LocationAnnotation) -> Location:
    return Location(
        name=d["name"],
        kind=d.get("kind", "other"),
        code=d.get("code"),
        aliases=list(d.get("aliases") or []),
        mentions=_mentions(d.get("mentions")),
        source=d.get("source"),
    )


def _speaker(d: SpeakerAnnotation | None) -> Speaker | None:
    if not d:
        return None
    return Speaker(
        name=d["name"], mention=d.get("mention"), start=d.get("start"), end=d.get("end"), rule=d.get("rule")
    )


def _quote(d: QuoteAnnotation) -> Quote:
    return Quote(
        text=d["text"],
        start=d["start"],
        end=d["end"],
        kind=d["kind"],
        cue=d.get("cue"),
        speaker=_speaker(d.get("speaker")),
        rule=d.get("rule"),
    )


def _byline(d: BylineAnnotation) -> Byline:
    # name_start/name_end locate the name inside the credit; the record keeps the credit's range
    return Byline(
        name=d["name"], role=d["role"], text=d["text"], start=d["start"], end=d["end"], rule=d.get("rule")
    )


def _plain(value: Any) -> Any:
    """Arrays and missing values of a row read back from Parquet, as plain lists and ``None``."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple) or type(value).__name__ == "ndarray":
        return [_plain(item) for item in value]
    if isinstance(value, float) and value != value:
        return None
    return None if type(value).__name__ in ("NAType", "NaTType") else value


def record_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A record dict (or error-record dict) from a dict, such as a row of the nested Parquet output.

    Parquet rows carry ``line`` and ``error`` on every row and give lists back as arrays; a row
    with an ``error`` becomes ``{"id", "line", "error"}``, any other loses those two columns.
    """
    rec = {str(key): _plain(value) for key, value in row.items()}
    if "schema_version" in rec and "error" in rec:
        if rec["error"] is not None:
            return {"id": rec.get("id"), "line": rec.get("line"), "error": rec["error"]}
        rec.pop("error")
        rec.pop("line", None)
    return rec


def doc_to_article(doc: Doc) -> Article:
    """Build the :class:`Article` from a ``Doc`` annotated by the kalbar_nlp pipeline.

    Each record field is read from the one Doc extension that holds it (see
    :mod:`kalbar_nlp.annotations`); the mapping is spelled out key by key, so a key a
    component adds reaches the record only when it is added here too.
    """
    meta = doc._.kalbar_meta or {}
    dateline = doc._.kalbar_dateline
    return Article(
        id=meta.get("id"),
        title=meta.get("title"),
        # kalbar_dates checks the caller's date (or infers one); without that step, the caller's date
        published=doc._.kalbar_published or meta.get("published"),
        dateline=_dateline(dateline) if dateline else None,
        dates=[_date(d) for d in doc._.kalbar_dates or []],
        people=[_person(p) for p in doc._.kalbar_people or []],
        organizations=[_organization(o) for o in doc._.kalbar_organizations or []],
        locations=[_location(x) for x in doc._.kalbar_locations or []],
        quotes=[_quote(q) for q in doc._.kalbar_quotes or []],
        bylines=[_byline(b) for b in doc._.kalbar_bylines or []],
        warnings=list(doc._.kalbar_warnings or []),
        source=meta.get("source"),
        text=doc_text(doc),
    )


#: The span groups that :func:`set_record_spans` fills: group -> (Doc extension, label).
SPAN_GROUPS: dict[str, tuple[str, str]] = {
    "people": ("kalbar_people", "PERSON"),
    "organizations": ("kalbar_organizations", "ORG"),
    "locations": ("kalbar_locations", "LOC"),
}

#: The span group that keeps the NER model's own entities once ``doc.ents`` holds the record's.
RAW_NER_KEY = "ner_raw"


def _spans(doc: Doc, offsets: list[tuple[int, int]], label: str) -> list[Span]:
    spans = (doc.char_span(start, end, label=label, alignment_mode="expand") for start, end in offsets)
    return [span for span in spans if span is not None]


def set_record_spans(doc: Doc) -> Doc:
    """Show what the record says on the ``Doc`` itself, for displaCy and span-based tools.

    ``doc.spans`` gets the groups ``people``, ``organizations``, ``locations`` (every mention) and
    ``quotes``; ``doc.ents`` is set from the record's people, organisations and locations (longest
    mention first where they overlap); the NER model's own entities stay in
    ``doc.spans["ner_raw"]``. The record itself (:func:`doc_to_article`) does not change.
    """
    doc.spans[RAW_NER_KEY] = list(doc.ents)
    entities: list[Span] = []
    for group, (attribute, label) in SPAN_GROUPS.items():
        items = getattr(doc._, attribute) or []
        offsets = [(m["start"], m["end"]) for item in items for m in item.get("mentions") or []]
        doc.spans[group] = _spans(doc, offsets, label)
        entities += doc.spans[group]
    quotes = [(q["start"], q["end"]) for q in doc._.kalbar_quotes or []]
    doc.spans["quotes"] = _spans(doc, quotes, "QUOTE")
    doc.ents = filter_spans(entities)
    return doc
