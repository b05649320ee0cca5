"""kalbar_nlp: structured records from Indonesian regional news.

>>> import kalbar_nlp
>>> article = kalbar_nlp.parse("KalbarOnline, Ketapang – ...", published="2023-11-07")
>>> article.to_dict()["dateline"]["place"]
'Ketapang'
"""

from __future__ import annotations

from .thinc_import import import_thinc_without_torch

import_thinc_without_torch()  # before spaCy: thinc would import PyTorch, which the pipeline never uses

from . import visualize  # noqa: E402
from .api import parse  # noqa: E402
from .batch import ErrorRecord, parse_many  # noqa: E402
from .dataframes import parse_dataframe  # noqa: E402
from .pipeline import build, load  # noqa: E402
from .records import Article  # noqa: E402
from .tables import to_dataframe  # noqa: E402
from .web import parse_html  # noqa: E402

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
