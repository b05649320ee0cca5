"""Show an article with its extracted spans marked, with spaCy's displaCy.

>>> html = kalbar_nlp.visualize.render("PONTIANAK, KOMPAS.com - ...", jupyter=False)
"""

from __future__ import annotations

from typing import Any

from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .records import Article, doc_to_article

SPANS_KEY = "kalbar_view"

#: The label each record field gets in the rendering, and its colour.
LABELS: dict[str, str] = {
    "DATELINE": "#c7d2fe",
    "DATE": "#fde68a",
    "PERSON": "#a7f3d0",
    "ORG": "#fbcfe8",
    "LOC": "#bfdbfe",
    "QUOTE": "#e5e7eb",
    "SPEAKER": "#fca5a5",
    "BYLINE": "#ddd6fe",
}


def article_spans(article: Article) -> list[tuple[str, int, int]]:
    """Return ``(label, start, end)`` character spans for everything the record marks."""
    out: list[tuple[str, int, int]] = []
    if article.dateline:
        out.append(("DATELINE", article.dateline.start, article.dateline.end))
    out += [("DATE", d.start, d.end) for d in article.dates]
    out += [("BYLINE", b.start, b.end) for b in article.bylines]
    for label, items in (
        ("PERSON", article.people),
        ("ORG", article.organizations),
        ("LOC", article.locations),
    ):
        out += [(label, m.start, m.end) for item in items for m in item.mentions]
    for q in article.quotes:
        out.append(("QUOTE", q.start, q.end))
        if q.speaker and q.speaker.start is not None and q.speaker.end is not None:
            out.append(("SPEAKER", q.speaker.start, q.speaker.end))
    return out


def mark(doc: Doc, article: Article | None = None) -> Doc:
    """Put the record's spans into ``doc.spans[SPANS_KEY]`` (overlaps allowed) and return ``doc``."""
    article = article or doc_to_article(doc)
    spans = []
    for label, start, end in article_spans(article):
        span: Span | None = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPANS_KEY] = spans
    return doc


def render(doc: Doc | str, *, nlp: Language | None = None, jupyter: bool | None = None, **meta: Any) -> str:
    """Render an article with its dateline, dates, people, organisations, places, quotes and bylines marked.

    Args:
        doc: a ``Doc`` from the kalbar_nlp pipeline, or a text to parse first.
        nlp: the pipeline for a text (the cached default when ``None``).
        jupyter: passed to ``displacy.render`` (``None``: detect a notebook).
        **meta: ``id``, ``title``, ``published`` for a text.

    Returns:
        The HTML markup (also displayed in a notebook).
    """
    if isinstance(doc, str):
        from .api import make_doc
        from .pipeline import load

        nlp = nlp or load()
        doc = nlp(make_doc(nlp, doc, **meta))
    mark(doc)
    options = {"spans_key": SPANS_KEY, "colors": LABELS}
    return displacy.render(doc, style="span", options=options, jupyter=jupyter) or ""
