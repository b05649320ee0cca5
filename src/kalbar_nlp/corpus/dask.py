"""The who's-who over a Dask DataFrame of records: mentions per partition, then one reduce.

>>> from kalbar_nlp.dask import parse_dask_dataframe
>>> from kalbar_nlp.corpus.dask import build_dask
>>> records = parse_dask_dataframe(articles)     # columns id, error, record (JSON)
>>> who = build_dask(records)                    # a Corpus, as corpus.build gives

Each partition is read into mention rows where it lives (:func:`mentions_partition`, the same
reading as :func:`kalbar_nlp.corpus.build`); only those small rows travel to the client, where
resolution runs once over all of them (it needs every block of a name at once).
"""

from __future__ import annotations

from typing import Any

try:
    import dask.dataframe as dd
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(
        "kalbar_nlp.corpus.dask needs Dask: install the optional extra with  pip install 'kalbar-nlp[dask]'"
    ) from err

from .mentions import frame_rows, iter_rows, rows_frame
from .model import Corpus

__all__ = ["build_dask", "mentions_dask", "mentions_partition"]


def mentions_partition(frame: Any) -> Any:
    """Map step: a pandas partition of records (``record`` JSON column, or record columns) -> mention rows."""
    return rows_frame(iter_rows(frame))


def mentions_dask(ddf: dd.DataFrame) -> dd.DataFrame:
    """The lazy Dask DataFrame of mention rows of every partition."""
    return ddf.map_partitions(mentions_partition, meta=rows_frame([]))


def build_dask(ddf: dd.DataFrame) -> Corpus:
    """Reduce step: compute the mention rows of every partition and resolve them into a :class:`Corpus`."""
    from . import build_from_rows

    return build_from_rows(frame_rows(mentions_dask(ddf).compute()))
