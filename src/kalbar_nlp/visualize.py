"""Show an article with its extracted spans marked, with spaCy's displaCy.

>>> html = kalbar_nlp.visualize.render("PONTIANAK, KOMPAS.com - ...")   # or render(article)

In a notebook the returned markup displays itself (it has ``_repr_html_``); elsewhere it is a ``str``.
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


class Markup(str):
    """The HTML of a rendering: a ``str`` everywhere, displayed as HTML by a notebook (``_repr_html_``)."""

    def _repr_html_(self) -> str:
        return str(self)


def _article_doc(article: Article, nlp: Language | None) -> Doc:
    """A ``Doc`` of an article's text carrying the record's spans (the text is not parsed again)."""
    if article.text is None:
        raise ValueError(
            "render: this Article has no text (Article.from_dict(record) without text=...); "
            "pass text= to from_dict, or render the text itself"
        )
    from .pipeline import load

    doc = (nlp or load()).make_doc(article.text)
    return mark(doc, article)


def render(
    doc: Doc | Article | str, *, nlp: Language | None = None, jupyter: bool | None = None, **meta: Any
) -> Markup:
    """Render an article with its dateline, dates, people, organisations, places, quotes and bylines marked.

    Args:
        doc: a ``Doc`` from the kalbar_nlp pipeline, an :class:`Article` (with its ``text``), or a
            text to parse first.
        nlp: the pipeline for a text (the cached default when ``None``).
        jupyter: ``True`` also displays the markup at once (IPython ``display``); by default the
            returned :class:`Markup` is shown as HTML when it ends a notebook cell.
        **meta: ``id``, ``title``, ``published`` for a text.

    Returns:
        The HTML markup, a ``str`` with ``_repr_html_``.
    """
    if isinstance(doc, Article):
        doc = _article_doc(doc, nlp)
    else:
        if isinstance(doc, str):
            from .api import make_doc
            from .pipeline import load

            nlp = nlp or load()
            doc = nlp(make_doc(nlp, doc, **meta))
        mark(doc)
    options = {"spans_key": SPANS_KEY, "colors": LABELS}
    markup = Markup(displacy.render(doc, style="span", options=options, jupyter=False) or "")
    if jupyter:
        from IPython.display import HTML, display

        display(HTML(markup))
    return markup
