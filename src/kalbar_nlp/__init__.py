"""kalbar_nlp: structured records from Indonesian regional news.

>>> import kalbar_nlp
>>> article = kalbar_nlp.parse("KalbarOnline, Ketapang – ...", published="2023-11-07")
>>> article.to_dict()["dateline"]["place"]
'Ketapang'
"""

from __future__ import annotations

from . import visualize
from .api import parse
from .batch import ErrorRecord, parse_many
from .dataframes import parse_dataframe
from .pipeline import build, load
from .records import Article
from .tables import to_dataframe
from .web import parse_html

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ErrorRecord",
    "__version__",
    "build",
    "load",
    "parse",
    "parse_dataframe",
    "parse_html",
    "parse_many",
    "to_dataframe",
    "visualize",
]
