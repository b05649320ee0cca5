"""Indonesian news tokenizer: ``spacy.lang.id`` plus the rules that news text needs."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

TOKENIZER_NAME = "kalbar_nlp.news_tokenizer.v1"


@registry.tokenizers(TOKENIZER_NAME)
def create_news_tokenizer() -> Callable[[Language], Tokenizer]:
    """Return the factory spaCy calls to build the news tokenizer for ``nlp``."""

    def make(nlp: Language) -> Tokenizer:
        from spacy.util import registry as reg

        default = reg.tokenizers.get("spacy.Tokenizer.v1")()
        return default(nlp)

    return make
