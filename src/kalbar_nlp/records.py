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

from spacy.tokens import Doc

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

SCHEMA_VERSION = 1


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

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-serialisable data, in the schema's key order."""
        d = asdict(self)
        order = [
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
        ]
        return {k: d[k] for k in order}


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
        published=doc._.kalbar_published,
        dateline=_dateline(dateline) if dateline else None,
        dates=[_date(d) for d in doc._.kalbar_dates or []],
        people=[_person(p) for p in doc._.kalbar_people or []],
        organizations=[_organization(o) for o in doc._.kalbar_organizations or []],
        locations=[_location(x) for x in doc._.kalbar_locations or []],
        quotes=[_quote(q) for q in doc._.kalbar_quotes or []],
        bylines=[_byline(b) for b in doc._.kalbar_bylines or []],
        warnings=list(doc._.kalbar_warnings or []),
    )
