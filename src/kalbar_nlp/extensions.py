"""The one table of custom ``Doc`` attributes that kalbar_nlp components use.

Every attribute is prefixed ``kalbar_`` and holds only msgpack-able values
(``None``, str, int, float, bool, lists and dicts of those), so that a ``Doc``
survives ``nlp.pipe(..., n_process=2)`` and ``DocBin`` round trips.

Components annotate the ``Doc``; :mod:`kalbar_nlp.records` turns the
annotated ``Doc`` into an :class:`~kalbar_nlp.records.Article` in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class Extension:
    """One ``Doc._.kalbar_*`` attribute: who writes it and what it holds.

    ``holds`` names the value's type in :mod:`kalbar_nlp.annotations` (a list of that
    TypedDict where the value is a list); ``writer`` is the one pipeline step that sets it.
    """

    writer: str
    holds: str
    description: str
    default: object = None


DOC_EXTENSIONS: dict[str, Extension] = {
    "kalbar_meta": Extension(
        "parse and parse_many (api, batch)", "MetaAnnotation", "input metadata: id, title, published, source"
    ),
    "kalbar_published": Extension(
        "kalbar_dates (from the caller's date in kalbar_meta, checked; inferred where none was given)",
        "str",
        "publication date, ISO 'YYYY-MM-DD' or ISO date-time, or None",
    ),
    "kalbar_boilerplate": Extension(
        "kalbar_boilerplate", "list[[start, end, kind]]", "character ranges that are not article content"
    ),
    "kalbar_dateline": Extension(
        "kalbar_dateline", "DatelineAnnotation", "the outlet and place opening the text"
    ),
    "kalbar_dates": Extension("kalbar_dates", "list[DateAnnotation]", "date mentions resolved to ISO"),
    "kalbar_bylines": Extension(
        "kalbar_bylines", "list[BylineAnnotation]", "credited journalists and agencies"
    ),
    "kalbar_entities": Extension(
        "kalbar_gazetteer", "list[EntityAnnotation]", "every located organisation, place and person mention"
    ),
    "kalbar_titles": Extension(
        "kalbar_titles", "list[TitleAnnotation]", "posts and the person each is linked to"
    ),
    "kalbar_people": Extension("kalbar_people", "list[PersonAnnotation]", "the article's people"),
    "kalbar_organizations": Extension(
        "kalbar_gazetteer", "list[OrganizationAnnotation]", "the article's organisations"
    ),
    "kalbar_locations": Extension("kalbar_gazetteer", "list[LocationAnnotation]", "the article's places"),
    "kalbar_quotes": Extension("kalbar_quotes", "list[QuoteAnnotation]", "direct and indirect quotes"),
    "kalbar_warnings": Extension(
        "every step, through add_warning()", "list[str]", "plain-language warnings for the record"
    ),
}


def register_extensions() -> None:
    """Declare every ``Doc._.kalbar_*`` attribute once (idempotent, never forced)."""
    for name, extension in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=extension.default)


def add_warning(doc: Doc, message: str) -> None:
    """Append a plain-language warning to ``doc._.kalbar_warnings`` (no duplicates)."""
    if not message or not message.strip():
        raise ValueError("warning: message must be a non-empty string")
    warnings = list(doc._.kalbar_warnings or [])
    if message not in warnings:
        warnings.append(message)
    doc._.kalbar_warnings = warnings


register_extensions()
