"""Component `kalbar_titles` (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


class TitleLinker:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kalbar_titles = []
        return doc


@Language.factory("kalbar_titles", default_config={})
def make_titles(nlp: Language, name: str) -> TitleLinker:
    return TitleLinker(nlp, name)
