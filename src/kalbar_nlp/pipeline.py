"""Build and load the kalbar_nlp spaCy pipeline (one per process, cached).

The pipeline is a blank Indonesian ``Language`` with the news tokenizer of
:mod:`kalbar_nlp.lang`, the trained NER that ships in ``models/`` and the
rule components of :mod:`kalbar_nlp.components`, in this order:

``kalbar_boilerplate`` → ``kalbar_sentences`` → ``ner`` → ``kalbar_dateline`` →
``kalbar_bylines`` → ``kalbar_dates`` → ``kalbar_gazetteer`` → ``kalbar_titles`` →
``kalbar_people`` → ``kalbar_quotes`` → ``kalbar_record_spans`` (the record's entities as
``doc.ents`` and ``doc.spans`` groups; the NER model's own in ``doc.spans["ner_raw"]``).
"""

from __future__ import annotations

import functools
import threading
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import get_current_ops, set_current_ops

from . import extensions  # noqa: F401  (declares the Doc extensions)
from .blas_ops import ner_ops

# Importing the component modules registers their factories.
from .components import (  # noqa: F401
    boilerplate,
    bylines,
    dateline,
    dates,
    gazetteer,
    people,
    quotes,
    sentences,
    titles,
)
from .lang import TOKENIZER_NAME
from .records import set_record_spans

MODEL_NAME = "ner_id_news"
RULES_BEFORE_NER = ["kalbar_boilerplate", "kalbar_sentences"]
RULES_AFTER_NER = [
    "kalbar_dateline",
    "kalbar_bylines",
    "kalbar_dates",
    "kalbar_gazetteer",
    "kalbar_titles",
    "kalbar_people",
    "kalbar_quotes",
    "kalbar_record_spans",
]
BACKENDS = ("default", "stanza")


@Language.factory(
    "kalbar_record_spans",
    requires=[
        "doc._.kalbar_people",
        "doc._.kalbar_organizations",
        "doc._.kalbar_locations",
        "doc._.kalbar_quotes",
    ],
    assigns=["doc.ents", "doc.spans"],
)
def make_record_spans(nlp: Language, name: str) -> Any:
    """The last step: the record's people, organisations, locations and quotes as spans and ents."""
    return set_record_spans


def model_path() -> Path:
    """Return the folder of the NER model that ships inside the package."""
    return Path(str(resources.files("kalbar_nlp") / "models" / MODEL_NAME))


def add_shipped_ner(nlp: Language, path: Path | None = None) -> Language:
    """Add the trained NER component stored in ``path`` (default: the shipped model).

    The model folder is a spaCy pipeline written by ``nlp.to_disk``; only its
    ``ner`` component is taken (its ``tok2vec`` is embedded, not a listener),
    so the news tokenizer of this package stays the one in use. Its matrix products go through
    numpy's OpenBLAS on one thread where that is found (:mod:`kalbar_nlp.blas_ops`).
    """
    path = Path(path) if path is not None else model_path()
    cfg_path = path / "config.cfg"
    if not cfg_path.is_file():
        raise FileNotFoundError(
            f"ner model: no config.cfg in {path}; the package is incomplete (reinstall kalbar-nlp) "
            "or the model was not built (run `make train`)"
        )
    cfg = spacy.util.load_config(cfg_path, interpolate=True)
    ner_cfg = dict(cfg["components"]["ner"])
    ner_cfg.pop("factory", None)
    ops = ner_ops()
    previous_ops = get_current_ops()
    if ops is not None:
        set_current_ops(ops)  # the model takes the ops current when it is built
    try:
        ner = nlp.add_pipe("ner", config=ner_cfg)
    finally:
        set_current_ops(previous_ops)
    # nlp.to_disk() writes the components without their vocab (it is shared, at the top level).
    ner.from_disk(path / "ner", exclude=["vocab"])
    return nlp


def build(
    *, ner: bool = True, backend: str = "default", ner_path: Path | None = None, **backend_options: Any
) -> Language:
    """Build a fresh pipeline (uncached); see :func:`load` for the cached one.

    Args:
        ner: include the trained NER model (``False`` gives the rules only, for tests
            and for speed comparisons).
        backend: ``"default"`` (spaCy rules) or ``"stanza"`` (stanza's Indonesian
            tokenizer, tagger and parser annotate the same ``Doc``; needs the
            ``kalbar-nlp[stanza]`` extra and its models).
        ner_path: a folder with another NER model in the shipped layout.
        **backend_options: options of the backend; for stanza, ``model_dir`` or stanza's own
            ``<processor>_model_path`` options for local model files.

    Returns:
        The spaCy ``Language``.
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend: must be one of {', '.join(BACKENDS)}, not {backend!r}")
    if backend_options and backend == "default":
        raise ValueError(f"backend: the default backend takes no options, got {sorted(backend_options)}")
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    if backend == "stanza":
        from .backends.stanza import add_stanza

        add_stanza(nlp, **backend_options)
    for name in RULES_BEFORE_NER:
        if backend == "stanza" and name == "kalbar_sentences":
            continue  # stanza sets the sentence boundaries
        nlp.add_pipe(name)
    if ner:
        add_shipped_ner(nlp, ner_path)
    for name in RULES_AFTER_NER:
        nlp.add_pipe(name)
    return nlp


def load(backend: str = "default", *, ner: bool = True, **backend_options: Any) -> Language:
    """Return the pipeline for this process, built once and cached.

    Args:
        backend: ``"default"`` or ``"stanza"``.
        ner: include the trained NER model.
        **backend_options: passed to the backend (hashable values only, e.g. paths as strings).

    Returns:
        The spaCy ``Language``; the same object on every call with the same arguments
        (``load()``, ``load("default")`` and ``load(ner=True)`` are one pipeline).
    """
    with _load_lock:  # threads starting at once build the pipeline once, not once each
        return _load(backend, ner, tuple(sorted(backend_options.items())))


_load_lock = threading.RLock()


@functools.cache
def _load(backend: str, ner: bool, options: tuple[tuple[str, Any], ...]) -> Language:
    return build(ner=ner, backend=backend, **dict(options))
