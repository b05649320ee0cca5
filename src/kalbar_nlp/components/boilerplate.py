"""Component ``kalbar_boilerplate``: mark the parts of a scraped article that are not its content.

Runs first and writes ``doc._.kalbar_boilerplate``: the sorted, non-overlapping
``[start, end, kind]`` ranges of :func:`kalbar_nlp.text.boilerplate.find_boilerplate`
(links to other stories, prompts, tag lists, syndication and copyright lines, captions,
credit lines) together with the credits the byline rules find inside running text
(``(Adi LC)``, ``(Reporter: A | Editor: B)``) as kind ``credit``. This component is the
only writer of the attribute; the same ranges are put in ``doc.spans["kalbar_boilerplate"]``
(label = kind). Later components skip these ranges.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..text.boilerplate import find_boilerplate
from ..text.bylines import credit_ranges
from ..text.ranges import set_range_spans, trim_and_merge
from ..text.source import doc_text


def boilerplate_with_credits(text: str) -> list[list]:
    """The boilerplate ranges of ``text`` with the byline credits merged in (kind ``credit``)."""
    ranges = find_boilerplate(text)
    credits = credit_ranges(text, ranges)
    if not credits:
        return ranges
    return trim_and_merge(text, [tuple(item) for item in ranges] + credits)


class Boilerplate:
    """Writes ``doc._.kalbar_boilerplate`` and ``doc.spans["kalbar_boilerplate"]``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Mark the boilerplate of ``doc``."""
        ranges = boilerplate_with_credits(doc_text(doc))
        doc._.kalbar_boilerplate = ranges
        set_range_spans(doc, "kalbar_boilerplate", [tuple(item) for item in ranges])
        return doc


@Language.factory(
    "kalbar_boilerplate",
    default_config={},
    assigns=["doc._.kalbar_boilerplate", "doc.spans"],
)
def make_boilerplate(nlp: Language, name: str) -> Boilerplate:
    """Create the ``kalbar_boilerplate`` component."""
    return Boilerplate(nlp, name)
