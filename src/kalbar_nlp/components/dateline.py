"""Component `kalbar_dateline` (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


class DatelineFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kalbar_dateline = None
        return doc


@Language.factory("kalbar_dateline", default_config={})
def make_dateline(nlp: Language, name: str) -> DatelineFinder:
    return DatelineFinder(nlp, name)
