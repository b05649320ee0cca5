"""Web pages in: the article text and metadata of a saved news page, then the usual parse.

Needs the optional extra ``pip install 'kalbar-nlp[html]'`` (trafilatura, warcio).

>>> article = kalbar_nlp.parse_html(open("page.html", "rb").read(), url="https://example.id/a")
>>> article.published, article.source["sitename"]

The main text comes from `trafilatura <https://trafilatura.readthedocs.io>`_ as plain text with
one paragraph per line, so that datelines, ``Baca juga`` lines and credit lines (``Editor: ...``)
stay on lines of their own, as the parser expects. Menus, share buttons, related lists, tags,
comments and scripts are left out. The page's metadata fills what the caller did not give:
``title``, ``published`` (the page's publication date) and the record's ``source`` (canonical
URL, site name, author, page date). The page's author is kept as ``source["author"]`` and in
``doc._.kalbar_meta["byline_hint"]``; the record's ``bylines`` still come from the text only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from .api import make_doc
from .checks import looks_like_html
from .pipeline import load
from .records import Article, doc_to_article

__all__ = [
    "WebPage",
    "expand_item",
    "extract_html",
    "html_item",
    "looks_like_html",
    "parse_html",
    "require_extra",
]

INSTALL_HINT = "pip install 'kalbar-nlp[html]'"


class NoArticleText(ValueError):
    """The page holds no article text that trafilatura could find."""


def require_extra(module: str = "trafilatura") -> Any:
    """Import ``module`` of the ``html`` extra, or raise an ImportError that says how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as err:
        message = f"reading web pages needs {module}: install the extra with  {INSTALL_HINT}"
        raise ImportError(message) from err


@dataclass(slots=True)
class WebPage:
    """What :func:`extract_html` finds in a page: its main text and its metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def source(self, url: str | None) -> dict[str, Any]:
        """The record's ``source``: where the text came from and what the page said about itself."""
        values = {
            "url": url,
            "canonical_url": self.url,
            "sitename": self.sitename,
            "author": self.author,
            "page_title": self.title,
            "page_date": self.published,
            "language": self.language,
        }
        return {key: value for key, value in values.items() if value}


def _without_headline(text: str, title: str | None) -> str:
    """Drop the headline that trafilatura puts on the first line (the dateline must open the text)."""
    first, _, rest = text.partition("\n")
    if title and rest and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text


def _clean_author(author: str | None) -> str | None:
    if not author or author.strip().casefold() in ("unknown", "admin", "redaksi"):
        return None
    return author.strip()


#: Where pages state their publication time (Open Graph, schema.org microdata, common meta names).
PUBLISHED_XPATHS = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//meta[@name="pubdate"]/@content',
    '//meta[@name="publishdate"]/@content',
    '//meta[@name="content_PublishedDate"]/@content',
    '//time[@itemprop="datePublished"]/@datetime',
)


def _json_ld_published(value: Any) -> str | None:
    """The first ``datePublished`` in a JSON-LD value (an object, a list, or an ``@graph``)."""
    stack = [value]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            stack.extend(item.get("@graph") or [])
    return None


def published_in_metadata(tree: Any) -> str | None:
    """The publication time a page states in its metadata (meta tags, then JSON-LD), as written."""
    for xpath in PUBLISHED_XPATHS:
        values = [value.strip() for value in tree.xpath(xpath) if value.strip()]
        if values:
            return values[0]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            found = _json_ld_published(json.loads(script))
        except json.JSONDecodeError:
            continue
        if found:
            return found
    return None


def extract_html(html: str | bytes, url: str | None = None) -> WebPage:
    """Extract the main text and the metadata of a news page with trafilatura.

    Args:
        html: the page (``bytes`` are decoded by trafilatura from the page's own charset).
        url: where the page came from (helps trafilatura; kept in the record's ``source``).

    Returns:
        The :class:`WebPage`, its ``text`` one paragraph per line.

    Raises:
        ImportError: the ``html`` extra is not installed.
        NoArticleText: the page holds no article text.
    """
    trafilatura = require_extra("trafilatura")
    tree = require_extra("trafilatura.utils").load_html(html)
    if tree is None:
        raise NoArticleText("html: the page could not be read as HTML")
    stated = published_in_metadata(tree)  # before trafilatura prunes the tree
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        favor_recall=True,  # keeps short lines (a dateline's place, a credit) between <br> tags
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if doc is None or not (doc.text or "").strip():
        raise NoArticleText("html: no article text found in the page")
    text = _without_headline(doc.text.strip(), doc.title)
    return WebPage(
        text=text,
        title=doc.title or None,
        published=stated or doc.date or None,
        author=_clean_author(doc.author),
        sitename=doc.sitename or None,
        url=doc.url or None,
        language=doc.language or None,
    )


def html_item(
    html: str | bytes,
    url: str | None = None,
    *,
    id: Any = None,
    title: str | None = None,
    published: Any = None,
) -> dict[str, Any]:
    """An input item (``text``, ``id``, ``title``, ``published``, ``source``) made from a page.

    The caller's ``title`` and ``published`` win over the page's; ``id`` defaults to ``url``.
    """
    page = extract_html(html, url)
    item = {
        "text": page.text,
        "id": id if id is not None else url,
        "title": title if title is not None else page.title,
        "published": published if published not in (None, "") else page.published,
        "source": page.source(url),
    }
    if published in (None, "") and page.published:
        item["source"]["published_from"] = "page metadata"
    return item


def expand_item(item: Any) -> Any:
    """Turn an input item that holds a page (``html`` and optional ``url``, no ``text``) into an article item.

    Any other item is returned as it is. Used by :func:`kalbar_nlp.parse_many` and the CLI, so a
    dict ``{"html": ..., "url": ...}`` is parsed like a text.

    Raises:
        ImportError: the ``html`` extra is not installed.
        ValueError: the page holds no article text.
    """
    if not isinstance(item, Mapping) or "text" in item or item.get("html") is None:
        return item
    url = item.get("url")
    return html_item(
        item["html"],
        url if isinstance(url, str) and url else None,
        id=item.get("id"),
        title=item.get("title"),
        published=item.get("published"),
    )


def parse_html(
    html: str | bytes,
    url: str | None = None,
    *,
    id: str | int | None = None,
    title: str | None = None,
    published: str | dt.date | None = None,
    nlp: Language | None = None,
) -> Article:
    """Parse a saved news page into the article's record.

    Args:
        html: the page, as text or bytes.
        url: the page's address; the record's ``id`` when ``id`` is not given.
        id: passed through to the record.
        title: the title; the page's own when ``None``.
        published: the publication date; the page's metadata date when ``None``.
        nlp: a pipeline from :func:`kalbar_nlp.load`; the cached default when ``None``.

    Returns:
        The :class:`~kalbar_nlp.records.Article`; ``article.source`` holds the page's metadata
        (``canonical_url``, ``sitename``, ``author``, ``page_date``, ``published_from``).

    Raises:
        ImportError: the ``html`` extra is not installed.
        ValueError: the page holds no article text.
    """
    item = html_item(html, url, id=id, title=title, published=published)
    nlp = nlp or load()
    doc = make_doc(
        nlp,
        item["text"],
        id=item["id"],
        title=item["title"],
        published=item["published"],
        source=item["source"],
    )
    return doc_to_article(nlp(doc))
