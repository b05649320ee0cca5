"""Component `kalbar_gazetteer` (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


class Gazetteer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kalbar_organizations = []; doc._.kalbar_locations = []
        return doc


@Language.factory("kalbar_gazetteer", default_config={})
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)
