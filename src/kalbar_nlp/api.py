"""``parse``: one article in, one :class:`~kalbar_nlp.records.Article` out."""

from __future__ import annotations

import datetime as dt
import warnings as python_warnings
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .checks import html_warning, language_warning
from .extensions import add_warning
from .metadata import coerce_id, coerce_published, coerce_title, is_missing, repair_surrogates
from .pipeline import load
from .records import Article, doc_to_article
from .running import memory_zone, pipe_docs
from .text.published import normalize_published

#: Longest text parsed in full; a longer one is cut here and the record says so.
MAX_CHARS = 1_000_000

_ENCODINGS = ("utf-8", "cp1252")


def _decode(data: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (with or without BOM), else Windows-1252, with a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ValueError("text: bytes are not text in any known encoding (they contain NUL bytes)")
    try:
        return data.decode("cp1252"), "text: bytes were not UTF-8; decoded as Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        return text, "text: bytes were not valid UTF-8; undecodable bytes were replaced with U+FFFD"


def prepare_text(text: Any) -> tuple[str, list[str]]:
    """Check and normalise an article text; return ``(text, warnings)``.

    Raises:
        TypeError: ``text`` is not ``str`` or ``bytes``.
        ValueError: ``text`` is empty, whitespace only, or undecodable bytes.
    """
    warnings: list[str] = []
    if text is None:
        raise TypeError("text: expected str or bytes, got None")
    if isinstance(text, bytes | bytearray | memoryview):
        text, warning = _decode(bytes(text))
        if warning:
            warnings.append(warning)
    elif is_missing(text):
        raise TypeError(f"text: expected str or bytes, got a missing value ({text})")
    elif not isinstance(text, str):
        raise TypeError(f"text: expected str or bytes, got {type(text).__name__}")
    text = str(text)  # a str subclass such as numpy.str_ becomes a plain str
    if not text.strip():
        raise ValueError("text: empty or whitespace only")
    text, repaired = repair_surrogates(text, "text")
    warnings += repaired
    if "\x00" in text:
        text = text.replace("\x00", " ")
        warnings.append("text: NUL characters were replaced with spaces")
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        warnings.append(
            f"text: longer than {MAX_CHARS:,} characters; only the first {MAX_CHARS:,} were parsed"
        )
    return text, warnings


def prepare_published(published: Any) -> tuple[str | None, list[str]]:
    """Normalise the caller's publication date to ISO; unreadable values become a warning."""
    published, warnings = coerce_published(published)
    if published is None:
        return None, warnings
    if isinstance(published, dt.date):  # a date, a datetime or a pandas Timestamp
        return published.isoformat(), warnings
    if not published.strip():
        return None, warnings
    value = normalize_published(published)
    if value is None:
        return None, [*warnings, f"published: could not read {published[:60]!r} as a date; it was ignored"]
    return value, warnings


def make_doc(
    nlp: Language,
    text: Any,
    *,
    id: Any = None,
    title: str | None = None,
    published: Any = None,
    source: dict[str, Any] | None = None,
) -> Doc:
    """Tokenize ``text`` and attach its metadata, ready for the pipeline's components.

    ``source`` (where the text came from: a web page's metadata) goes to the record's ``source``;
    its ``author`` is kept as ``doc._.kalbar_meta["byline_hint"]``. Metadata of another type is
    converted where its meaning is obvious (see :mod:`kalbar_nlp.metadata`).
    """
    id, id_warnings = coerce_id(id)
    title, title_warnings = coerce_title(title)
    text, warnings = prepare_text(text)
    warnings += [note for note in (html_warning(text), language_warning(text)) if note]
    iso, more = prepare_published(published)
    doc = nlp.make_doc(text)
    doc._.kalbar_meta = {
        "id": id,
        "title": title,
        "published_raw": published if isinstance(published, str) else iso,
        "published": iso,  # the caller's date as ISO; kalbar_dates checks it into kalbar_published
    }
    if source:
        doc._.kalbar_meta["source"] = dict(source)
        if source.get("author"):
            doc._.kalbar_meta["byline_hint"] = source["author"]
    doc._.kalbar_warnings = []
    for w in id_warnings + title_warnings + warnings + more:
        add_warning(doc, w)
    return doc


def parse(
    text: str | bytes,
    *,
    id: str | int | None = None,
    title: str | None = None,
    published: str | dt.date | None = None,
    nlp: Language | None = None,
) -> Article:
    """Parse one article into its record.

    Args:
        text: the article text (``bytes`` are decoded as UTF-8, else Windows-1252).
        id: passed through to the record.
        title: passed through to the record.
        published: the publication date: ISO, a ``date``/``datetime``, or a string
            as news sites print it (``Tayang: Senin, 9 Juni 2025 20:52 WITA``).
        nlp: a pipeline from :func:`kalbar_nlp.load`; the cached default when ``None``.

    Returns:
        The :class:`Article`; ``article.to_dict()`` is the record of the schema.

    Raises:
        TypeError: an argument has the wrong type.
        ValueError: the text is empty or cannot be decoded.
    """
    if isinstance(text, str) and html_warning(text):
        python_warnings.warn(
            "kalbar_nlp.parse: the text looks like an HTML page; use kalbar_nlp.parse_html(html, url) "
            "to extract the article first",
            UserWarning,
            stacklevel=2,
        )
    nlp = nlp or load()
    with memory_zone(nlp):  # the record is built inside the zone: the Doc is invalid after it
        doc = make_doc(nlp, text, id=id, title=title, published=published)
        return doc_to_article(next(pipe_docs(nlp, [doc], batch_size=1)))
