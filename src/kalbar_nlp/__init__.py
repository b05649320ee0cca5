"""kalbar_nlp: structured records from Indonesian regional news.

>>> import kalbar_nlp
>>> article = kalbar_nlp.parse("KalbarOnline, Ketapang – ...", published="2023-11-07")
>>> article.to_dict()["dateline"]["place"]
'Ketapang'
"""

from __future__ import annotations

from .api import parse
from .pipeline import build, load
from .records import Article

__version__ = "0.1.0"

__all__ = ["Article", "__version__", "build", "load", "parse"]
