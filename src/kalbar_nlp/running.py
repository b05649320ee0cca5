"""Run the pipeline on Docs: memory zones, a warm-up before the first one, a bounded NER.

:func:`parse` and :func:`parse_many` (in this process or in a worker process) run the pipeline
through :func:`pipe_docs` inside :func:`memory_zone`:

* **Memory stays flat.** spaCy's ``nlp.memory_zone()`` frees the strings and lexemes that the
  texts of a zone added to the vocabulary; records are built inside the zone (a ``Doc`` is invalid
  after it). Zones are not reentrant and the vocabulary is shared, so the zones of one pipeline are
  serialised by a lock: concurrent threads parse one zone at a time (under the GIL the work
  was serial anyway).
* **The work of the NER model is bounded.** The character cap of :mod:`kalbar_nlp.api` does not
  bound the tokens (a megabyte of ``"x\\n"`` is a million tokens); the model reads at most
  :data:`MAX_NER_TOKENS` tokens of a Doc, a text without a letter is not given to it at all, and
  the record's warnings say so.
* **The cyclic garbage collector waits.** A zone pauses Python's cyclic collector (the previous
  setting comes back when the last open zone ends): the pipeline frees its objects by reference
  counting, and the collector's full passes, each over every live object, made a long text cost
  a quarter more and grow faster than the text (10x the text, up to 15x the time). What a zone
  leaves in reference cycles is collected by the collector's next pass after it.
* **Its time is linear in the tokens.** The model's arrays grow with the Doc, and past a few
  thousand tokens each token costs more (memory traffic: 10x the tokens took 20x the time). A Doc
  longer than :data:`NER_CHUNK_TOKENS` is read in pieces that end at a line or sentence end
  (the model's window is a few tokens, so a piece reads like the whole); a news article is
  shorter and is read whole, in the pipeline's batches.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import regex
from spacy.language import Language, _pipe
from spacy.tokens import Doc, Span

from .extensions import add_warning
from .text.source import doc_text

__all__ = [
    "MAX_NER_TOKENS",
    "NER_CHUNK_TOKENS",
    "collector_paused",
    "memory_zone",
    "pipe_docs",
    "reset_after_fork",
    "warm_up",
]

#: Tokens of one Doc read by the NER model; the rest of a longer Doc gets no entities from it.
MAX_NER_TOKENS = 100_000
#: Longest piece of a Doc given to the NER model at once: longer pieces cost more per token (4,000
#: tokens 20% more than 1,000); the longest dev article has 749 tokens, so news articles are read whole.
NER_CHUNK_TOKENS = 1_000

#: Where a piece may end: after a line break or a sentence's final mark followed by a space.
_PIECE_END = regex.compile(r"\n|[.!?](?=\s)")

_LETTER = regex.compile(r"\p{L}")
_WARM_TEXT = "KalbarOnline, Pontianak – Wali Kota meninjau pasar, Senin (6/11/2023). (ant)"
_locks_guard = threading.Lock()
_collector_guard = threading.Lock()
_collector_pauses = 0  # zones open in this process, in any thread
_collector_was_enabled = False  # the collector's setting before the first of them


def _zone_lock(nlp: Language) -> threading.RLock:
    lock = getattr(nlp, "_kalbar_zone_lock", None)
    if lock is None:
        with _locks_guard:
            lock = getattr(nlp, "_kalbar_zone_lock", None)
            if lock is None:
                lock = threading.RLock()
                nlp._kalbar_zone_lock = lock
    return lock


def reset_after_fork(nlp: Language) -> None:
    """Give a forked worker process fresh locks (a lock held by another thread at the fork stays held)."""
    nlp._kalbar_zone_lock = threading.RLock()
    nlp._kalbar_zone_open = False


def warm_up(nlp: Language) -> None:
    """Run the pipeline once, outside any memory zone, before the first zone or fork.

    Components load some resources on their first document; loading them here keeps what they
    add to the vocabulary out of the zones, and lets forked workers share them (copy-on-write).
    """
    if getattr(nlp, "_kalbar_warm", False):
        return
    with _zone_lock(nlp):
        if not getattr(nlp, "_kalbar_warm", False):
            nlp(_WARM_TEXT)
            nlp._kalbar_warm = True


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector; the last of nested or concurrent pauses restores it."""
    global _collector_pauses, _collector_was_enabled
    with _collector_guard:
        if _collector_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _collector_guard:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_enabled:
                gc.enable()


@contextlib.contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """Hold the pipeline's lock and open its memory zone (nested calls share the outer zone).

    The cyclic garbage collector is paused meanwhile (:func:`collector_paused`).
    """
    warm_up(nlp)
    with _zone_lock(nlp), collector_paused():
        if getattr(nlp, "_kalbar_zone_open", False) or not hasattr(nlp, "memory_zone"):
            yield
            return
        nlp._kalbar_zone_open = True
        try:
            with nlp.memory_zone():
                yield
        finally:
            nlp._kalbar_zone_open = False


class BoundedNer:
    """Run an NER component on at most ``max_tokens`` tokens of each Doc, in the pipeline's batches.

    A Doc of at most ``chunk_tokens`` tokens is read whole, with the others of its batch; a longer
    one is read piece by piece (:func:`piece_bounds`) and its entities are set from the pieces'.
    """

    def __init__(self, ner: Any, max_tokens: int | None = None, chunk_tokens: int | None = None) -> None:
        self.ner = ner
        self.max_tokens = MAX_NER_TOKENS if max_tokens is None else max_tokens
        self.chunk_tokens = NER_CHUNK_TOKENS if chunk_tokens is None else chunk_tokens

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Yield the Docs in order, each annotated by the model (within the bound)."""
        stream = iter(docs)
        while chunk := list(islice(stream, batch_size)):
            whole = min(self.chunk_tokens, self.max_tokens)
            plain = [doc for doc in chunk if len(doc) <= whole and _LETTER.search(doc_text(doc))]
            done = {id(doc) for doc in self.ner.pipe(plain, batch_size=batch_size)}
            for doc in chunk:
                if id(doc) not in done:
                    self._in_pieces(doc)
                yield doc

    def _in_pieces(self, doc: Doc) -> None:
        if not _LETTER.search(doc_text(doc)):
            return  # no letter, no name: the model has nothing to find
        end = min(len(doc), self.max_tokens)
        entities: list[Span] = []
        # the Doc's attributes as one array, made once: ``Span.as_doc`` without it copies the
        # whole Doc for every piece (quadratic in the tokens)
        attrs = doc._get_array_attrs()
        array = doc.to_array(attrs)
        for start, stop in piece_bounds(doc, end, self.chunk_tokens):
            piece = doc[start:stop].as_doc(array_head=attrs, array=array)
            self.ner(piece)
            entities.extend(
                Span(doc, start + ent.start, start + ent.end, label=ent.label) for ent in piece.ents
            )
        doc.ents = entities
        if end < len(doc):
            add_warning(
                doc,
                f"text: {len(doc):,} tokens; the NER model read the first {self.max_tokens:,} only "
                "(names after them come from the rules)",
            )


def piece_bounds(doc: Doc, end: int, size: int) -> list[tuple[int, int]]:
    """Split tokens ``[0, end)`` into pieces of at most ``size`` tokens, each ending where a line or
    sentence ends when one falls in the piece's second half (else after ``size`` tokens).

    Linear: the candidate ends are found once in the text and walked once.
    """
    starts = doc.to_array("IDX").tolist()
    text = doc_text(doc)
    # a candidate piece end is the index of the first token after a line break or final mark
    ends = [bisect_right(starts, match.end() - 1) for match in _PIECE_END.finditer(text)]
    bounds: list[tuple[int, int]] = []
    start, position = 0, 0
    while start < end:
        limit = min(start + size, end)
        stop = limit
        while position < len(ends) and ends[position] <= limit:
            if ends[position] > start + size // 2:
                stop = ends[position]
            position += 1
        if limit == end:
            stop = end
        bounds.append((start, stop))
        start = stop
    return bounds


def pipe_docs(nlp: Language, docs: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe(docs)`` in this process, with the NER bounded by :class:`BoundedNer`.

    A component failure goes to the pipeline's error handler, as in ``nlp.pipe``.
    """
    stream: Iterable[Doc] = docs
    for name, proc in nlp.pipeline:
        component = BoundedNer(proc) if name == "ner" else proc
        stream = _pipe(
            stream,
            proc=component,
            name=name,
            default_error_handler=nlp.default_error_handler,
            kwargs={"batch_size": batch_size},
        )
    return iter(stream)
