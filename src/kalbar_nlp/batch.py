"""Streaming batch parsing: many articles in, records (or error records) out, in input order.

:func:`parse_many` is the one batch path: the CLI, :func:`kalbar_nlp.parse_dataframe`
and the Dask integration all go through it. It validates each item with
:func:`kalbar_nlp.api.make_doc`, runs ``nlp.pipe(docs, n_process=..., batch_size=...)``
and yields one result per input item, in input order:

* an :class:`~kalbar_nlp.records.Article` when the item was parsed, or
* an :class:`ErrorRecord` when it could not be (``None`` or non-text input, an empty
  text, a dict without ``text``, a line of a dump that is not JSON, a component
  that failed on this one article). The batch goes on; nothing is dropped silently.

Memory stays flat: items are read lazily and at most a few batches are in flight.
"""

from __future__ import annotations

import functools
import gc
import logging
import math
import multiprocessing
import multiprocessing.util
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .api import make_doc
from .pipeline import load
from .records import Article, doc_to_article
from .web import expand_item

__all__ = ["DEFAULT_BATCH_SIZE", "ErrorRecord", "parse_many", "parse_numbered"]

log = logging.getLogger(__name__)

#: Articles per batch handed to ``nlp.pipe`` (per worker process when ``n_process > 1``).
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


def _clean(value: Any) -> Any:
    """Turn pandas/numpy missing values and scalars into plain Python values."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
        return value
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    return value


def _safe_id(value: Any) -> Any:
    value = _clean(value)
    return value if isinstance(value, str | int) and not isinstance(value, bool) else None


def item_fields(item: Any) -> dict[str, Any]:
    """Read ``text``/``id``/``title``/``published`` from one input item.

    Args:
        item: a ``str`` or ``bytes`` (the text), a mapping with ``text`` and optional
            ``id``, ``title``, ``published`` (other keys are ignored), a pandas row
            (``Series``, an ``itertuples()`` namedtuple or an ``iterrows()`` pair).

    Returns:
        A dict with the four fields (missing ones ``None``).

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
    return {name: _clean(item.get(name)) for name in FIELDS}


def _source(item: Any) -> dict[str, Any] | None:
    """The ``source`` of an item made by a reader of web pages or scraper dumps, if any."""
    source = item.get("source") if isinstance(item, Mapping) else None
    return source if isinstance(source, dict) else None


def _make(nlp: Language, item: Any, line: int | None, seq: int) -> Doc | ErrorRecord:
    """Validate one item and tokenize it; an invalid item becomes an :class:`ErrorRecord`."""
    raw_id = item.get("id") if isinstance(item, Mapping) else None
    try:
        item = expand_item(item)  # a web page ({"html", "url"}) becomes its article text
        fields = item_fields(item)
        raw_id = fields["id"]
        doc = make_doc(
            nlp,
            fields["text"],
            id=fields["id"],
            title=fields["title"],
            published=fields["published"],
            source=_source(item),
        )
    except (TypeError, ValueError, ImportError) as err:  # ImportError: a page without the html extra
        return ErrorRecord(_safe_id(raw_id), line, str(err))
    except Exception as err:  # a bug in the tokenizer must not end a batch of many articles
        log.exception("kalbar_nlp: tokenizing item at line %s failed", line)
        return ErrorRecord(
            _safe_id(raw_id), line, f"internal error while tokenizing: {type(err).__name__}: {err}"
        )
    doc._.kalbar_meta = {**doc._.kalbar_meta, _SEQ: seq}
    return doc


# --- component failures -------------------------------------------------------------------------
#
# spaCy calls the pipeline's error handler when a component raises. The default re-raises, which
# would end the whole batch. For docs made by this module (they carry ``_SEQ`` in their meta)
# the handler below logs the failure and lets spaCy drop the doc; the parent process sees the gap in
# the sequence numbers and writes an error record in its place. Any other doc (``parse()``, a user's
# own ``nlp.pipe``) still raises exactly as before.

_failures: dict[int, str] = {}
_active_multiprocess = 0
_children_before: set[int | None] = set()  # child processes that existed before a batch started
_lock = threading.Lock()


def _batch_error_handler(name: str | None, proc: Any, docs: list[Doc] | None, error: Exception) -> None:
    if docs is None:
        # spaCy's parent process reporting a failed batch of a worker (the traceback is in `error`)
        if _active_multiprocess:
            log.error("kalbar_nlp: a worker failed on a batch; its articles become error records: %s", error)
            return
        raise error
    marked = [d for d in docs if isinstance(d._.kalbar_meta, dict) and _SEQ in d._.kalbar_meta]
    if len(marked) != len(docs):
        raise error
    for doc in marked:
        message = f"component {name} failed: {type(error).__name__}: {error}"
        _failures[doc._.kalbar_meta[_SEQ]] = message
        log.error("kalbar_nlp: article %r: %s", doc._.kalbar_meta.get("id"), message)


class _WorkerSignals:
    """Run in every process forked by ``multiprocessing`` while a batch is active (see below)."""

    @staticmethod
    def after_fork(_self: object) -> None:
        if _active_multiprocess:
            # Ctrl-C goes to the whole process group: a worker ends at once and quietly (no
            # traceback per worker); the main process writes what it has and stops the others.
            signal.signal(signal.SIGINT, _exit_quietly)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _exit_quietly(signum: int, _frame: Any) -> None:
    os._exit(128 + signum)


_worker_signals = _WorkerSignals()
multiprocessing.util.register_after_fork(_worker_signals, _WorkerSignals.after_fork)


def stop_workers() -> int:
    """Terminate the spaCy worker processes of this process (call it from a signal handler).

    When only the main process is signalled, its workers would go on and could block on a full pipe
    while spaCy waits for them; terminating them first lets the batch end at once.

    Returns:
        How many worker processes were terminated.
    """
    if not _active_multiprocess:
        return 0
    n = 0
    for proc in multiprocessing.active_children():
        if proc.pid not in _children_before:  # started by the batch in progress
            proc.terminate()
            n += 1
    return n


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


def _msgpack_entry_points_once() -> None:
    """Load srsly's msgpack encoder/decoder entry points once instead of at every (de)serialisation.

    srsly looks its msgpack extensions up (in catalogue's whole registry and among all installed
    packages' entry points) each time it packs or unpacks: a few ms per call in a large environment,
    nine calls per ``Doc.to_bytes``, which made ``nlp.pipe(n_process=2)`` slower than one process.
    The same extensions are looked up once here; the result of (de)serialisation is unchanged.
    """
    import srsly.msgpack as srsly_msgpack

    for registry in (srsly_msgpack.msgpack_encoders, srsly_msgpack.msgpack_decoders):
        if getattr(registry, "_kalbar_frozen", False):
            continue
        functions = dict(registry.get_all())  # the registered extensions and the entry points' ones
        registry.get_all = functools.partial(dict, functions)  # this instance only: no per-call scan
        registry._kalbar_frozen = True


_WARM_TEXT = "KalbarOnline, Pontianak – Wali Kota meninjau pasar, Senin (6/11/2023). (ant)"


def _warm_up(nlp: Language) -> None:
    """Run the pipeline once before worker processes are forked.

    Components load some resources lazily on their first document; loading them here means the
    workers share them (copy-on-write) instead of each loading its own copy.
    """
    if getattr(nlp, "_kalbar_warm", False):
        return
    nlp(_WARM_TEXT)
    nlp._kalbar_warm = True


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
    if n_process > 1:
        _msgpack_entry_points_once()
        _warm_up(nlp)
    return _stream(pairs, nlp, n_process, batch_size)


def _stream(
    pairs: Iterable[tuple[int | None, Any]], nlp: Language, n_process: int, batch_size: int
) -> Iterator[Result]:
    global _active_multiprocess
    # One slot per item in input order: an ErrorRecord, or (seq, line, id) of a doc in the pipe.
    pending: deque[ErrorRecord | tuple[int, int | None, Any]] = deque()

    def docs() -> Iterator[Doc]:
        for seq, (line, item) in enumerate(pairs):
            made = item if isinstance(item, ErrorRecord) else _make(nlp, item, line, seq)
            if isinstance(made, ErrorRecord):
                pending.append(made)
                continue
            pending.append((seq, line, made._.kalbar_meta.get("id")))
            yield made

    def lost(slot: tuple[int, int | None, Any]) -> ErrorRecord:
        seq, line, id_ = slot
        reason = (
            _failures.pop(seq, None) or "the pipeline failed on this article (see the log for the traceback)"
        )
        return ErrorRecord(_safe_id(id_), line, reason)

    if n_process > 1:
        with _lock:
            _active_multiprocess += 1
            _children_before.update(p.pid for p in multiprocessing.active_children())
        # Objects that exist now are never touched by the workers' garbage collector, so the pages
        # they share with this process stay shared (less memory per worker).
        gc.freeze()
    try:
        for doc in nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
            seq = doc._.kalbar_meta[_SEQ]
            while pending:
                slot = pending.popleft()
                if isinstance(slot, ErrorRecord):
                    yield slot
                elif slot[0] == seq:
                    break
                else:
                    yield lost(slot)  # dropped by spaCy after a component error
            meta = dict(doc._.kalbar_meta)
            meta.pop(_SEQ, None)
            doc._.kalbar_meta = meta
            yield doc_to_article(doc)
        while pending:
            slot = pending.popleft()
            yield slot if isinstance(slot, ErrorRecord) else lost(slot)
    finally:
        if n_process > 1:
            gc.unfreeze()
            with _lock:
                _active_multiprocess -= 1


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
        n_process: worker processes (spaCy multiprocessing); ``1`` parses in this process.
        batch_size: articles per batch handed to each worker.
        nlp: a pipeline from :func:`kalbar_nlp.load`; the cached default when ``None``.

    Yields:
        An :class:`~kalbar_nlp.records.Article` per parsed item, or an :class:`ErrorRecord`
        (``id``, ``line`` = 1-based position of the item, ``error``) for an item that could
        not be parsed. Use ``result.to_dict()`` on either; ``isinstance(result, ErrorRecord)``
        tells them apart.

    Raises:
        TypeError: ``items`` is a single text (a ``str`` or ``bytes``) rather than an iterable of them.
        ValueError: ``n_process`` or ``batch_size`` is not a positive int.

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
