"""Component `kalbar_bylines` (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


class BylineFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kalbar_bylines = []
        return doc


@Language.factory("kalbar_bylines", default_config={})
def make_bylines(nlp: Language, name: str) -> BylineFinder:
    return BylineFinder(nlp, name)
