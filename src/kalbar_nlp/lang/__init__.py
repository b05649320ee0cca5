"""Indonesian news tokenizer: ``spacy.lang.id`` plus the rules that news text needs.

The tokenizer is registered as ``kalbar_nlp.news_tokenizer.v1``; :mod:`kalbar_nlp.pipeline` puts it
in the ``[nlp.tokenizer]`` block of a blank ``"id"`` pipeline. See :mod:`.punctuation` for the
rules, :mod:`.tokenizer` for the lean exception table and the guards against hostile text, and
``resources/abbreviations.tsv`` for the abbreviations kept whole (``Jl.``, ``Kab.``, ``S.H.``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.util import registry

from .tokenizer import NewsTokenizer, build_tokenizer

TOKENIZER_NAME = "kalbar_nlp.news_tokenizer.v1"

__all__ = ["TOKENIZER_NAME", "NewsTokenizer", "build_tokenizer", "create_news_tokenizer"]


@registry.tokenizers(TOKENIZER_NAME)
def create_news_tokenizer() -> Callable[[Language], NewsTokenizer]:
    """Return the factory spaCy calls to build the news tokenizer for ``nlp``."""

    def make(nlp: Language) -> NewsTokenizer:
        return build_tokenizer(nlp.vocab)

    return make
