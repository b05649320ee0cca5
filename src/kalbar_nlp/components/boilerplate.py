"""Component `kalbar_boilerplate` (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


class Boilerplate:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kalbar_boilerplate = []
        return doc


@Language.factory("kalbar_boilerplate", default_config={})
def make_boilerplate(nlp: Language, name: str) -> Boilerplate:
    return Boilerplate(nlp, name)
