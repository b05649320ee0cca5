"""Parse the articles of pandas DataFrames: one DataFrame in a notebook, or one partition of a Dask job.

>>> table = kalbar_nlp.parse_dataframe(df, text_col="isi")          # the articles table
>>> people = kalbar_nlp.parse_dataframe(df, table="people")         # any tidy table
>>> kalbar_nlp.dataframes.parse_partition(pdf)                      # id, error, record (JSON)

Both take the same column arguments, keyword-only, in the same order and with the same defaults
as :func:`kalbar_nlp.dask.parse_dask_dataframe`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .batch import DEFAULT_BATCH_SIZE, ErrorRecord, load_pipeline, parse_many
from .tables import articles_frame, to_dataframe

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

__all__ = ["RECORDS_COLUMNS", "parse_dataframe", "parse_partition", "records_meta"]


#: Columns of :func:`parse_partition`'s default output (one row per input row), all ``string``.
RECORDS_COLUMNS = ("id", "error", "record")


def records_meta() -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of :func:`parse_partition`'s default output."""
    import pandas as pd

    return pd.DataFrame({c: pd.Series([], dtype="string") for c in RECORDS_COLUMNS})


def _rows(
    pdf: pd.DataFrame, text_col: str, id_col: str | None, title_col: str | None, published_col: str | None
) -> list[dict[str, Any]]:
    n = len(pdf)
    cols = {"text": text_col, "id": id_col, "title": title_col, "published": published_col}
    values = {k: (pdf[c].tolist() if c and c in pdf.columns else [None] * n) for k, c in cols.items()}
    if id_col is None:
        values["id"] = pdf.index.tolist()
    return [{k: values[k][i] for k in values} for i in range(n)]


def _json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def parse_partition(
    pdf: pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = "id",
    title_col: str | None = "title",
    published_col: str | None = "published",
    table: str | None = None,
    backend: str = "default",
    ner: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> pd.DataFrame:
    """Parse one pandas partition (runs inside a worker; the pipeline is cached per process).

    This is plain pandas: it serves Dask's ``map_partitions`` (:mod:`kalbar_nlp.dask`) and Spark's
    ``mapInPandas`` alike.

    Returns:
        With ``table=None``: one row per input row (same index), columns ``id``, ``error``
        (``<NA>`` where the article was parsed) and ``record`` (the record as JSON text, ``<NA>``
        for an error). With a table name: that tidy table of :func:`kalbar_nlp.to_dataframe`.
    """
    import pandas as pd

    if text_col not in pdf.columns:
        raise KeyError(f"{text_col!r}: no such column (columns: {', '.join(map(str, pdf.columns))})")
    nlp = load_pipeline(backend, ner=ner)
    rows = _rows(pdf, text_col, id_col, title_col, published_col)
    results = list(parse_many(rows, nlp=nlp, batch_size=batch_size))
    if table is not None:
        return to_dataframe(results, table)
    out = pd.DataFrame(
        {
            "id": [None if r.id is None else str(r.id) for r in results],
            "error": [r.error if isinstance(r, ErrorRecord) else None for r in results],
            "record": [None if isinstance(r, ErrorRecord) else _json(r.to_dict()) for r in results],
        },
        index=pdf.index,
    )
    return out.astype("string")


def _present_columns(
    df: pd.DataFrame, text_col: str, id_col: str | None, title_col: str | None, published_col: str | None
) -> tuple[str | None, str | None, str | None]:
    """Check the named columns; a default name (``id``, ``title``, ``published``) missing in df is None."""
    optional = [
        None if col == default and col not in df.columns else col
        for default, col in (("id", id_col), ("title", title_col), ("published", published_col))
    ]
    for col in (text_col, *optional):
        if col is not None and col not in df.columns:
            raise KeyError(f"{col!r}: no such column (columns: {', '.join(map(str, df.columns))})")
    return optional[0], optional[1], optional[2]


def parse_dataframe(
    df: pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = "id",
    title_col: str | None = "title",
    published_col: str | None = "published",
    table: str = "articles",
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Language | None = None,
) -> pd.DataFrame:
    """Parse the articles of a DataFrame (in a notebook, say) and return one tidy table.

    The column arguments are keyword-only, in the same order and with the same defaults as
    :func:`parse_partition` and :func:`kalbar_nlp.dask.parse_dask_dataframe`.

    Args:
        df: one article per row.
        text_col: the column with the article text.
        id_col: the column with the id; ``None`` (or the default ``"id"`` when ``df`` has no such
            column) uses the DataFrame's index as the id.
        title_col: the column with the title (the default ``"title"`` may be absent).
        published_col: the column with the publication date, ISO or as the site printed it (the
            default ``"published"`` may be absent).
        table: the table to return (see :func:`to_dataframe`); ``"articles"`` has one row per
            input row in input order, with an ``error`` column (``<NA>`` where parsing worked).
        n_process: worker processes.
        batch_size: articles per batch and worker.
        nlp: a pipeline from :func:`kalbar_nlp.load`; the cached default when ``None``.

    Returns:
        The DataFrame of ``table``, rows keyed by ``article_id``. For ``"articles"``, the
        index is ``df``'s index.

    Raises:
        KeyError: a named column is not in ``df``.
    """

    id_col, title_col, published_col = _present_columns(df, text_col, id_col, title_col, published_col)
    rows = _rows(df, text_col, id_col, title_col, published_col)
    records = [r.to_dict() for r in parse_many(rows, n_process=n_process, batch_size=batch_size, nlp=nlp)]
    if table != "articles":
        return to_dataframe(records, table)
    return articles_frame(records, df.index)
