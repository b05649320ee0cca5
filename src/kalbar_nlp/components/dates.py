"""Component `kalbar_dates` (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


def normalize_published(value: str) -> str | None:
    """Return ISO for a publication date string, or ``None`` when it cannot be read."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


class DateFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kalbar_dates = []
        return doc


@Language.factory("kalbar_dates", default_config={})
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
