"""Component `kalbar_sentences` (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


class Sentences:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        pass
        return doc


@Language.factory("kalbar_sentences", default_config={})
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp, name)
