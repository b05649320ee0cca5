"""Parse Dask DataFrames and Bags of articles (optional extra: ``pip install 'kalbar-nlp[dask]'``).

Each partition is parsed with :func:`kalbar_nlp.parse_many` in the worker that holds it; the
pipeline is loaded once per worker process (``kalbar_nlp.load`` is cached per process) and reused
for every partition that worker gets.

>>> import dask.dataframe as dd
>>> from kalbar_nlp.dask import parse_dask_dataframe
>>> ddf = dd.read_parquet("dump/*.parquet")               # columns: id, text, published ...
>>> records = parse_dask_dataframe(ddf)                   # lazy; columns id, error, record (JSON)
>>> people = parse_dask_dataframe(ddf, table="people")    # or straight to a tidy table
>>> people.to_parquet("people/")                          # string / Int64 / boolean dtypes kept

Any Dask cluster works the same: create a ``distributed.Client`` for it before computing (every
worker needs ``kalbar-nlp`` installed, the same version as the client).
"""

from __future__ import annotations

from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(
        "kalbar_nlp.dask needs Dask: install the optional extra with  pip install 'kalbar-nlp[dask]'"
    ) from err


from .batch import DEFAULT_BATCH_SIZE, load_pipeline, parse_many
from .dataframes import parse_partition, records_meta
from .tables import TABLES, empty_table

__all__ = ["parse_bag", "parse_dask_dataframe", "parse_partition", "parse_records"]


def parse_dask_dataframe(
    ddf: dd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = "id",
    title_col: str | None = "title",
    published_col: str | None = "published",
    table: str | None = None,
    backend: str = "default",
    ner: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> dd.DataFrame:
    """Parse a Dask DataFrame of articles, lazily, partition by partition.

    Args:
        ddf: one article per row.
        text_col, id_col, title_col, published_col: column names (a missing optional column is
            read as ``None``; ``id_col=None`` uses the index as the id).
        table: ``None`` for one row per article (``id``, ``error``, ``record`` as JSON text), or a
            table name of :func:`kalbar_nlp.to_dataframe` (``"people"``, ``"quotes"``...).
        backend, ner: passed to :func:`kalbar_nlp.load` in each worker.
        batch_size: articles per ``nlp.pipe`` batch.

    Returns:
        A lazy Dask DataFrame with declared ``meta``; call ``.compute()`` or ``.to_parquet(...)``.
    """
    if table is not None and table not in TABLES:
        raise ValueError(f"table: must be one of {', '.join(TABLES)}, not {table!r}")
    meta = records_meta() if table is None else empty_table(table)
    return ddf.map_partitions(
        parse_partition,
        text_col=text_col,
        id_col=id_col,
        title_col=title_col,
        published_col=published_col,
        table=table,
        backend=backend,
        ner=ner,
        batch_size=batch_size,
        meta=meta,
    )


def parse_records(
    items: list[Any], backend: str = "default", ner: bool = True, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[dict[str, Any]]:
    """Parse one Bag partition (texts or dicts) into record dicts and error-record dicts, in order."""
    nlp = load_pipeline(backend, ner=ner)
    return [r.to_dict() for r in parse_many(items, nlp=nlp, batch_size=batch_size)]


def parse_bag(
    bag: db.Bag, *, backend: str = "default", ner: bool = True, batch_size: int = DEFAULT_BATCH_SIZE
) -> db.Bag:
    """Parse a Dask Bag of texts or dicts (``text`` + optional ``id``, ``title``, ``published``).

    Returns:
        A lazy Bag of record dicts (``Article.to_dict()``), or error-record dicts
        (``{"id", "line", "error"}``, ``line`` = position within the partition) in their place.

    Example:
        >>> bag = db.read_text("dump-*.jsonl").map(json.loads)
        >>> parse_bag(bag).map(json.dumps).to_textfiles("records-*.jsonl")
    """
    return bag.map_partitions(parse_records, backend, ner, batch_size)
