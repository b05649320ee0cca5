"""A corpus who's-who: one person across many articles, their posts over time, what they said.

>>> import kalbar_nlp
>>> from kalbar_nlp import corpus
>>> records = kalbar_nlp.parse_many(texts)                 # or a JSON Lines file of records
>>> who = corpus.build(records)
>>> who.persons.head()                                     # one row per real person
>>> who.holders("Bupati", "61.04")                         # who was Bupati Ketapang, when
>>> who.to_parquet("corpus/")

Person mentions of different articles are joined by name keys (honorifics, degrees and
spelling variants folded), posts with their jurisdiction's region code, and the outlet's region;
see :mod:`kalbar_nlp.corpus.resolve` for the rules. Every link says which rule made it and on
what evidence (``person_mentions.rule`` / ``evidence``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .mentions import MentionRow, iter_rows
from .model import TABLE_NAMES, Corpus
from .passes import resolve
from .resolve import Resolver

__all__ = ["TABLE_NAMES", "Corpus", "MentionRow", "build", "build_from_rows"]


def build_from_rows(rows: Iterable[MentionRow]) -> Corpus:
    """Resolve mention rows (see :func:`kalbar_nlp.corpus.mentions.article_rows`) into a :class:`Corpus`."""
    return Corpus.from_resolver(resolve(Resolver(rows)))


def build(records: Any, *, progress: Callable[[int], None] | None = None) -> Corpus:
    """Build the who's-who of a corpus of records.

    Args:
        records: an iterable of :class:`~kalbar_nlp.records.Article` or record dicts (e.g. from
            :func:`kalbar_nlp.parse_many`), the path of a JSON Lines file of records, or a pandas
            DataFrame of records. Read once, streaming; error records are skipped.
        progress: called with the number of mention rows read so far, every 1000 rows.

    Returns:
        The :class:`Corpus` with its tables.
    """
    rows = iter_rows(records)
    if progress is not None:
        rows = _counted(rows, progress)
    return build_from_rows(rows)


def _counted(rows: Iterable[MentionRow], progress: Callable[[int], None]) -> Iterable[MentionRow]:
    count = 0
    for row in rows:
        count += 1
        if count % 1000 == 0:
            progress(count)
        yield row
    progress(count)
