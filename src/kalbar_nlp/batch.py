"""Streaming batch parsing: many articles in, records (or error records) out, in input order.

:func:`parse_many` is the one batch path: the CLI, :func:`kalbar_nlp.parse_dataframe`
and the Dask integration all go through it. It validates each item with
:func:`kalbar_nlp.api.make_doc`, runs the pipeline on batches of ``batch_size`` articles (in
this process, or in the worker processes of :class:`kalbar_nlp.workers.WorkerPool` when
``n_process > 1``), and yields one result per input item, in input order:

* an :class:`~kalbar_nlp.records.Article` when the item was parsed, or
* an :class:`ErrorRecord` when it could not be (``None`` or non-text input, an empty
  text, a dict without ``text``, a line of a dump that is not JSON, a component
  that failed on this one article). The batch goes on; nothing is dropped silently.

Memory stays flat: items are read lazily, at most a few batches are in flight, and each batch is
parsed inside the pipeline's memory zone (:func:`kalbar_nlp.running.memory_zone`).
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .api import make_doc
from .metadata import is_missing, plain
from .pipeline import load
from .records import Article, doc_to_article
from .running import memory_zone, pipe_docs, reset_after_fork, warm_up
from .web import expand_item
from .workers import WorkerDied, WorkerPool, stop_all

__all__ = ["DEFAULT_BATCH_SIZE", "ErrorRecord", "WorkerDied", "parse_many", "parse_numbered"]

log = logging.getLogger(__name__)

#: Articles per batch (the unit a worker process gets when ``n_process > 1``).
DEFAULT_BATCH_SIZE = 32

#: The key under ``doc._.kalbar_meta`` that carries an item's position through ``nlp.pipe``.
_SEQ = "_batch_seq"

#: Fields read from a dict or a pandas row.
FIELDS = ("text", "id", "title", "published")


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """An input item that could not be parsed; it takes the item's place in the output.

    Attributes:
        id: the item's ``id`` when it could be read (``None`` otherwise).
        line: where the item came from: the line of a JSON Lines file, the row of a
            CSV file (the header is line 1) or a Parquet file (the first row is 1), the
            number of a ``.txt`` file in a folder, or the 1-based position of the item
            in the iterable given to :func:`parse_many`.
        error: what is wrong, in plain language (``"text: empty or whitespace only"``).
    """

    id: Any
    line: int | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"id": ..., "line": ..., "error": ...}`` as in ``SCHEMA.md``."""
        return {"id": self.id, "line": self.line, "error": self.error}

    @staticmethod
    def is_error_dict(data: Mapping[str, Any]) -> bool:
        """Tell whether a dict read back from output is an error record (not an article)."""
        return "error" in data and "schema_version" not in data


Result = Article | ErrorRecord


def _safe_id(value: Any) -> Any:
    value = plain(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, str | int) and not isinstance(value, bool) else None


def item_fields(item: Any) -> dict[str, Any]:
    """Read ``text``/``id``/``title``/``published`` from one input item.

    Args:
        item: a ``str`` or ``bytes`` (the text), a mapping with ``text`` and optional
            ``id``, ``title``, ``published`` (other keys are ignored), a pandas row
            (``Series``, an ``itertuples()`` namedtuple or an ``iterrows()`` pair).

    Returns:
        A dict with the four fields (missing ones ``None``; a missing text stays NaN/NA so that
        the error says so).

    Raises:
        TypeError: the item is of none of these kinds.
        ValueError: a mapping or row has no ``text``.
    """
    if isinstance(item, str | bytes | bytearray):
        return {"text": item, "id": None, "title": None, "published": None}
    if item is None:
        raise TypeError("text: expected str or bytes, got None")
    if (
        isinstance(item, tuple)
        and len(item) == 2
        and hasattr(item[1], "to_dict")
        and hasattr(item[1], "index")
    ):
        item = item[1]  # DataFrame.iterrows() gives (index, Series)
    if hasattr(item, "_asdict"):  # DataFrame.itertuples()
        item = item._asdict()
    elif hasattr(item, "to_dict") and hasattr(item, "index") and not isinstance(item, Mapping):  # Series
        item = item.to_dict()
    if not isinstance(item, Mapping):
        raise TypeError(f"item: expected str, bytes, dict or pandas row, got {type(item).__name__}")
    if "text" not in item:
        raise ValueError("text: missing (the item has no 'text' field)")
    fields = {name: plain(item.get(name)) for name in FIELDS}
    text = item.get("text")
    if text is not None and is_missing(text):
        fields["text"] = float("nan")  # "got a missing value (nan)", not "got None"
    return fields


def _source(item: Any) -> dict[str, Any] | None:
    """The ``source`` of an item made by a reader of web pages or scraper dumps, if any."""
    source = item.get("source") if isinstance(item, Mapping) else None
    return source if isinstance(source, dict) else None


def _fields_or_error(item: Any, line: int | None) -> dict[str, Any] | ErrorRecord:
    """The item's fields (a web page read into its article text first), or its error record."""
    if isinstance(item, ErrorRecord):
        return item
    raw_id = item.get("id") if isinstance(item, Mapping) else None
    try:
        item = expand_item(item)  # a web page ({"html", "url"}) becomes its article text
        fields = item_fields(item)
    except (TypeError, ValueError, ImportError) as err:  # ImportError: a page without the html extra
        return ErrorRecord(_safe_id(raw_id), line, str(err))
    fields["source"] = _source(item)
    return fields


def _make(nlp: Language, fields: dict[str, Any], line: int | None, seq: int) -> Doc | ErrorRecord:
    """Validate one item's fields and tokenize them; an invalid item becomes an :class:`ErrorRecord`."""
    try:
        doc = make_doc(
            nlp,
            fields["text"],
            id=fields["id"],
            title=fields["title"],
            published=fields["published"],
            source=fields.get("source"),
        )
    except (TypeError, ValueError) as err:
        return ErrorRecord(_safe_id(fields["id"]), line, str(err))
    except Exception as err:  # a bug in the tokenizer must not end a batch of many articles
        log.exception("kalbar_nlp: tokenizing item at line %s failed", line)
        return ErrorRecord(
            _safe_id(fields["id"]), line, f"internal error while tokenizing: {type(err).__name__}: {err}"
        )
    doc._.kalbar_meta = {**doc._.kalbar_meta, _SEQ: seq}
    return doc


# --- component failures -------------------------------------------------------------------------
#
# spaCy calls the pipeline's error handler when a component raises. The default re-raises, which
# would end the whole batch. For docs made by this module (they carry ``_SEQ`` in their meta)
# the handler below logs the failure and lets spaCy drop the doc; the batch sees the doc missing
# and writes an error record in its place. Any other doc (``parse()``, a user's own ``nlp.pipe``)
# still raises exactly as before.

_failures: dict[int, str] = {}
_sequence = itertools.count()  # unique numbers, also across threads parsing at the same time


def _batch_error_handler(name: str | None, proc: Any, docs: list[Doc] | None, error: Exception) -> None:
    if docs is None:
        raise error
    marked = [d for d in docs if isinstance(d._.kalbar_meta, dict) and _SEQ in d._.kalbar_meta]
    if len(marked) != len(docs):
        raise error
    for doc in marked:
        message = f"component {name} failed: {type(error).__name__}: {error}"
        _failures[doc._.kalbar_meta[_SEQ]] = message
        log.error("kalbar_nlp: article %r: %s", doc._.kalbar_meta.get("id"), message)


def stop_workers() -> int:
    """Kill the worker processes of this process's batches (safe in a signal handler).

    The owner of each batch then closes it as its stream unwinds.

    Returns:
        How many pools of workers there were.
    """
    return stop_all(kill=True)


def _install_error_handler(nlp: Language) -> None:
    """Install :func:`_batch_error_handler` once, unless the user set a handler of their own."""
    from spacy.util import raise_error

    if nlp.default_error_handler is _batch_error_handler:
        return
    if nlp.default_error_handler is not raise_error:
        return  # the caller chose a handler: respect it (a dropped doc still becomes an error record)
    nlp.default_error_handler = _batch_error_handler
    for _name, pipe in nlp.pipeline:
        if hasattr(pipe, "set_error_handler"):
            try:
                pipe.set_error_handler(_batch_error_handler)
            except AttributeError:
                continue  # spaCy's Cython components (ner) cannot store one; their errors still raise


def load_pipeline(backend: str = "default", ner: bool = True, **backend_options: Any) -> Language:
    """:func:`kalbar_nlp.load` (cached per process; kept for the callers of the batch API)."""
    return load(backend, ner=ner, **backend_options)


def _article(doc: Doc, line: int | None) -> Result:
    try:
        return doc_to_article(doc)
    except Exception as err:  # a bug while building one record must not end the batch
        log.exception("kalbar_nlp: building the record of line %s failed", line)
        return ErrorRecord(_safe_id(doc._.kalbar_meta.get("id")), line, f"internal error: {err!r}")


def _lost(doc: Doc, line: int | None) -> ErrorRecord:
    reason = _failures.pop(doc._.kalbar_meta[_SEQ], None)
    reason = reason or "the pipeline failed on this article (see the log for the traceback)"
    return ErrorRecord(_safe_id(doc._.kalbar_meta.get("id")), line, reason)


def _prepare(nlp: Language, item: Any, line: int | None) -> Doc | ErrorRecord:
    fields = _fields_or_error(item, line)
    return fields if isinstance(fields, ErrorRecord) else _make(nlp, fields, line, next(_sequence))


def parse_batch(nlp: Language, pairs: list[tuple[int | None, Any]], batch_size: int) -> list[Result]:
    """Parse one batch of ``(line, item)`` pairs in this process, inside the pipeline's memory zone.

    Records are built inside the zone (its Docs and strings are freed when it ends).
    """
    with memory_zone(nlp):
        made = [(line, _prepare(nlp, item, line)) for line, item in pairs]
        lines = {slot._.kalbar_meta[_SEQ]: line for line, slot in made if isinstance(slot, Doc)}
        parsed = {}
        for doc in pipe_docs(nlp, [slot for _, slot in made if isinstance(slot, Doc)], batch_size):
            seq = doc._.kalbar_meta[_SEQ]
            parsed[seq] = _article(doc, lines[seq])
        return [
            slot
            if isinstance(slot, ErrorRecord)
            else parsed.pop(slot._.kalbar_meta[_SEQ], None) or _lost(slot, line)
            for line, slot in made
        ]


_forked_in: int | None = None  # the process whose pipeline copy has had its locks reset


def _parse_in_worker(nlp: Language, batch_size: int, pairs: list[tuple[int | None, Any]]) -> list[Result]:
    global _forked_in
    if _forked_in != os.getpid():
        reset_after_fork(nlp)
        _forked_in = os.getpid()
    return parse_batch(nlp, pairs, batch_size)


def _batches(
    pairs: Iterable[tuple[int | None, Any]], batch_size: int
) -> Iterator[list[tuple[int | None, Any]]]:
    stream = iter(pairs)
    while batch := list(itertools.islice(stream, batch_size)):
        yield batch


def _for_workers(
    pairs: Iterable[tuple[int | None, Any]], batch_size: int
) -> Iterator[list[tuple[int | None, Any]]]:
    """Batches whose items are plain dicts (a pandas row or namedtuple is read here, not pickled)."""
    for batch in _batches(pairs, batch_size):
        yield [(line, _fields_or_error(item, line)) for line, item in batch]


def parse_numbered(
    pairs: Iterable[tuple[int | None, Any]],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Result]:
    """Like :func:`parse_many`, for ``(line, item)`` pairs; an item may already be an :class:`ErrorRecord`.

    Readers of dumps (:mod:`kalbar_nlp.io`) give the line numbers and turn unreadable lines
    into error records; those pass through in their place.
    """
    if not isinstance(n_process, int) or isinstance(n_process, bool) or n_process < 1:
        raise ValueError(f"n_process: expected an int >= 1, got {n_process!r}")
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size: expected an int >= 1, got {batch_size!r}")
    nlp = nlp or load()
    _install_error_handler(nlp)
    warm_up(nlp)
    if n_process > 1:
        return _stream_workers(pairs, nlp, n_process, batch_size)
    return _stream(pairs, nlp, batch_size)


def _stream(pairs: Iterable[tuple[int | None, Any]], nlp: Language, batch_size: int) -> Iterator[Result]:
    for batch in _batches(pairs, batch_size):
        yield from parse_batch(nlp, batch, batch_size)


def _stream_workers(
    pairs: Iterable[tuple[int | None, Any]], nlp: Language, n_process: int, batch_size: int
) -> Iterator[Result]:
    """Parse in worker processes; closing the stream (or dropping it) stops them."""
    pool = WorkerPool(functools.partial(_parse_in_worker, nlp, batch_size), n_process)
    try:
        pool.start()
        for results in pool.map(_for_workers(pairs, batch_size)):
            yield from results
    finally:
        pool.close()


def parse_many(
    items: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    nlp: Language | None = None,
) -> Iterator[Result]:
    """Parse many articles, streaming, and yield one result per item in input order.

    Args:
        items: any iterable (a list, a generator over a dump, ``df.itertuples()``...) of
            texts (``str``/``bytes``), dicts with ``text`` and optional ``id``, ``title``,
            ``published``, or pandas rows with those columns.
        n_process: worker processes; ``1`` parses in this process. Stopping the stream early
            (``islice``, ``break``, closing or dropping it) stops the workers; they never
            outlive this process.
        batch_size: articles per batch (the unit a worker gets).
        nlp: a pipeline from :func:`kalbar_nlp.load`; the cached default when ``None``.

    Yields:
        An :class:`~kalbar_nlp.records.Article` per parsed item, or an :class:`ErrorRecord`
        (``id``, ``line`` = 1-based position of the item, ``error``) for an item that could
        not be parsed. Use ``result.to_dict()`` on either; ``isinstance(result, ErrorRecord)``
        tells them apart.

    Raises:
        TypeError: ``items`` is a single text (a ``str`` or ``bytes``) rather than an iterable of them.
        ValueError: ``n_process`` or ``batch_size`` is not a positive int.
        WorkerDied: a worker process was killed while it held work (the output so far is valid).

    Example:
        >>> for rec in kalbar_nlp.parse_many([{"id": "a1", "text": "..."}, None], n_process=2):
        ...     print(rec.to_dict())
    """
    if isinstance(items, str | bytes | bytearray):
        raise TypeError(
            "items: expected an iterable of articles, got a single text; use kalbar_nlp.parse(text) "
            "or parse_many([text])"
        )
    return parse_numbered(enumerate(items, 1), nlp=nlp, n_process=n_process, batch_size=batch_size)
