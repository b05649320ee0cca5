"""The typed contract between the components and the record: what each ``doc._.kalbar_*`` holds.

Every Doc extension has one writer (the component named beside it in
:data:`kalbar_nlp.extensions.DOC_EXTENSIONS`) and one value type, declared here as a
``TypedDict`` so that a reader (:mod:`kalbar_nlp.records`, the corpus tools, a researcher's
own code) knows every key. Values are plain msgpack-able data, never custom objects, so a
``Doc`` survives ``DocBin`` round trips and worker processes.

Keys marked ``NotRequired`` are written only where they apply. Provenance keys (``rule``,
``rules``, ``source``) name the rule or source that made an item.
"""

from typing import NotRequired, TypedDict


class MetaAnnotation(TypedDict, total=False):
    """``kalbar_meta``: the caller's metadata, passed through to the record."""

    id: object
    title: str | None
    published_raw: object
    published: str | None
    source: dict
    byline_hint: str


class DatelineAnnotation(TypedDict):
    """``kalbar_dateline``: the outlet and place that open the article."""

    outlet: str | None
    place: str | None
    text: str
    start: int
    end: int
    rule: str


class DateAnnotation(TypedDict):
    """One item of ``kalbar_dates``: a date mention resolved to ISO."""

    text: str
    start: int
    end: int
    value: str | None
    grain: str | None
    weekday: str | None
    weekday_matches: bool | None
    time: str | None
    timezone: str | None
    relative: bool
    rule: str
    year_from: NotRequired[str]
    range: NotRequired[str]


class BylineAnnotation(TypedDict):
    """One item of ``kalbar_bylines``: a credited journalist, editor or agency."""

    name: str
    role: str
    text: str
    start: int
    end: int
    rule: str
    name_start: int
    name_end: int


class EntityAnnotation(TypedDict):
    """One item of ``kalbar_entities``: a located organisation, place or person mention."""

    label: str
    text: str
    start: int
    end: int
    norm: str
    kind: str | None
    code: str | None
    source: str


class MentionAnnotation(TypedDict):
    """A place in the text: ``doc.text[start:end] == text``."""

    text: str
    start: int
    end: int
    rule: NotRequired[str]


class TitledPersonAnnotation(TypedDict):
    """The person a title is linked to, inside a :class:`TitleAnnotation`."""

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    ranks: list[str]
    honorifics: list[str]


class AbbreviationAnnotation(TypedDict):
    """An abbreviation of a title and its full form (``Kadis`` / ``Kepala Dinas``)."""

    abbr: str
    full: str


class TitleAnnotation(TypedDict):
    """One item of ``kalbar_titles``: a post (jabatan) and the person it is linked to."""

    title: str
    start: int
    end: int
    token_start: int
    token_end: int
    role: str
    expansion: str
    jurisdiction: str | None
    sector: str
    former: bool
    acting: str | None
    abbreviations: list[AbbreviationAnnotation]
    person: TitledPersonAnnotation | None
    rule: str


class PositionAnnotation(TypedDict):
    """A post held by a person, inside a :class:`PersonAnnotation`."""

    title: str
    role: str
    expansion: str
    jurisdiction: str | None
    former: bool
    rule: str
    start: int
    end: int


class PersonAnnotation(TypedDict):
    """One item of ``kalbar_people``: one person of the article and every mention of them."""

    name: str
    aliases: list[str]
    titles: list[str]
    mentions: list[MentionAnnotation]
    positions: list[PositionAnnotation]
    ranks: list[str]
    honorifics: list[str]
    rule: str
    rules: list[str]


class OrganizationAnnotation(TypedDict):
    """One item of ``kalbar_organizations``."""

    name: str
    acronym: str | None
    aliases: list[str]
    mentions: list[MentionAnnotation]
    source: str | None


class LocationAnnotation(TypedDict):
    """One item of ``kalbar_locations``, with its Kemendagri code where it is a region."""

    name: str
    kind: str
    code: str | None
    aliases: list[str]
    mentions: list[MentionAnnotation]
    source: str | None


class SpeakerAnnotation(TypedDict):
    """The speaker of a quote: the person's name and the mention that names them."""

    name: str
    mention: str | None
    start: int | None
    end: int | None
    rule: str | None


class QuoteAnnotation(TypedDict):
    """One item of ``kalbar_quotes``: a direct or indirect quote."""

    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    speaker: SpeakerAnnotation | None
    rule: str | None
