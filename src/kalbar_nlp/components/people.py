"""Component `kalbar_people` (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401


class PeopleClusterer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kalbar_people = []
        return doc


@Language.factory("kalbar_people", default_config={})
def make_people(nlp: Language, name: str) -> PeopleClusterer:
    return PeopleClusterer(nlp, name)
