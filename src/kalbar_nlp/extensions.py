"""The one table of custom ``Doc`` attributes that kalbar_nlp components use.

Every attribute is prefixed ``kalbar_`` and holds only msgpack-able values
(``None``, str, int, float, bool, lists and dicts of those), so that a ``Doc``
survives ``nlp.pipe(..., n_process=2)`` and ``DocBin`` round trips.

Components annotate the ``Doc``; :mod:`kalbar_nlp.records` turns the
annotated ``Doc`` into an :class:`~kalbar_nlp.records.Article` in one place.
"""

from __future__ import annotations

from spacy.tokens import Doc

# name -> (default, what it holds)
DOC_EXTENSIONS: dict[str, tuple[object, str]] = {
    "kalbar_meta": (None, "input metadata: {'id', 'title', 'published_raw'}"),
    "kalbar_published": (None, "publication date, ISO 'YYYY-MM-DD' or ISO date-time, or None"),
    "kalbar_boilerplate": (None, "list of [start, end, kind] character ranges that are not article content"),
    "kalbar_dateline": (None, "dict with outlet, place, text, start, end, rule; or None"),
    "kalbar_dates": (None, "list of date dicts as in the record schema, plus 'rule'"),
    "kalbar_bylines": (None, "list of byline dicts as in the record schema, plus 'rule'"),
    "kalbar_entities": (None, "list of entity dicts (label, text, start, end, norm, kind, code, source)"),
    "kalbar_titles": (None, "list of title links (title, person span, rule)"),
    "kalbar_people": (None, "list of person dicts as in the record schema, plus provenance"),
    "kalbar_organizations": (None, "list of organisation dicts as in the record schema"),
    "kalbar_locations": (None, "list of location dicts as in the record schema"),
    "kalbar_quotes": (None, "list of quote dicts as in the record schema, plus 'rule'"),
    "kalbar_warnings": (None, "list of plain-language warning strings"),
}


def register_extensions() -> None:
    """Declare every ``Doc._.kalbar_*`` attribute once (idempotent, never forced)."""
    for name, (default, _doc) in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def add_warning(doc: Doc, message: str) -> None:
    """Append a plain-language warning to ``doc._.kalbar_warnings`` (no duplicates)."""
    if not message or not message.strip():
        raise ValueError("warning: message must be a non-empty string")
    warnings = list(doc._.kalbar_warnings or [])
    if message not in warnings:
        warnings.append(message)
    doc._.kalbar_warnings = warnings


register_extensions()
