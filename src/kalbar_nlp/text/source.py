"""The text of a ``Doc``, joined once: spaCy's ``Doc.text`` joins every token's text on each access.

Every component reads the whole text (boilerplate, bylines, dateline, dates, gazetteer, quotes...);
with ``Doc.text`` each of those reads cost a pass over all the tokens. :func:`doc_text` keeps the
joined text in ``doc.user_data`` (the Doc's own store, freed with it) and checks that it still fits
the Doc (same length as the tokens' text) before giving it back; the tokens' text never changes
within the pipeline (merging or splitting tokens keeps the text).
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text"]

_KEY = "kalbar_text"


def _length(doc: Doc) -> int:
    """Characters of ``doc.text`` (from its last token, in constant time)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call for this Doc and reused after that.

    Args:
        doc: a Doc of the pipeline.

    Returns:
        The same string as ``doc.text``.
    """
    text = doc.user_data.get(_KEY)
    if isinstance(text, str) and len(text) == _length(doc):
        return text
    text = doc.text
    doc.user_data[_KEY] = text
    return text
