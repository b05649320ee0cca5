"""Stanza as an optional backend: Indonesian syntax in the same ``Doc``, offsets exact.

``kalbar_nlp.load(backend="stanza")`` replaces the news tokenizer with
:class:`StanzaTokenizer`, which runs stanza's ``tokenize, mwt, pos, lemma,
depparse`` on the article and builds the spaCy ``Doc`` from the result, so the
NER model and every kalbar_nlp component run unchanged on it and the record has
exactly the same schema.

Unlike a bridge that rebuilds the text from stanza's *words*, the ``Doc`` here
always has the article's own text (``doc.text == text``): a multi-word token
that stanza splits (``membelinya`` → ``membeli`` + ``nya``) becomes two spaCy
tokens only where the words spell the token exactly; otherwise it stays one
token carrying the annotation of its syntactic head. Whitespace stanza skips
becomes whitespace tokens, as spaCy's own tokenizer does.

Models are never downloaded in the middle of a parse: ``kalbar-nlp models
stanza`` (or :func:`download_models`) fetches stanza's Indonesian models into
stanza's resource folder (``STANZA_RESOURCES_DIR`` is honoured); a missing
model is a clear error naming that command. Local model files can be passed
instead as stanza's own options (``tokenize_model_path=...``, ...).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
DOWNLOAD_HINT = "run `kalbar-nlp models stanza` (needs network access once) or pass local model paths"
MODEL_PATH_OPTIONS = (
    "tokenize_model_path",
    "mwt_model_path",
    "pos_model_path",
    "pos_pretrain_path",
    "lemma_model_path",
    "depparse_model_path",
    "depparse_pretrain_path",
)


class StanzaModelsMissing(FileNotFoundError):
    """Stanza's Indonesian models are not on this machine."""


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "backend 'stanza' needs the optional extra: pip install 'kalbar-nlp[stanza]'"
        ) from err
    return stanza


def resources_dir(model_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return stanza's resource folder: ``model_dir``, else ``$STANZA_RESOURCES_DIR``, else the default."""
    if model_dir is not None:
        return Path(model_dir)
    stanza = _import_stanza()
    return Path(os.environ.get("STANZA_RESOURCES_DIR") or stanza.resources.common.DEFAULT_MODEL_DIR)


def download_models(model_dir: str | os.PathLike[str] | None = None) -> Path:
    """Fetch stanza's default Indonesian models (the one step that needs the network); return the folder."""
    stanza = _import_stanza()
    folder = resources_dir(model_dir)
    stanza.download("id", model_dir=str(folder), processors=PROCESSORS, verbose=False)
    return folder


def make_stanza_pipeline(model_dir: str | os.PathLike[str] | None = None, **options: Any) -> Any:
    """Build a ``stanza.Pipeline`` for Indonesian without ever downloading.

    Args:
        model_dir: stanza's resource folder (default: ``$STANZA_RESOURCES_DIR`` or stanza's default).
        **options: stanza options, such as ``tokenize_model_path`` and the other
            ``<processor>_model_path`` / ``<processor>_pretrain_path`` for local model files.

    Raises:
        StanzaModelsMissing: the models are not there; the message names the command that fetches them.
    """
    stanza = _import_stanza()
    options = {k: str(v) if isinstance(v, os.PathLike) else v for k, v in options.items()}
    options.setdefault("use_gpu", False)
    if any(k in options for k in MODEL_PATH_OPTIONS):
        missing = [
            f"{k}={options[k]}" for k in MODEL_PATH_OPTIONS if k in options and not Path(options[k]).exists()
        ]
        if missing:
            raise StanzaModelsMissing(f"stanza model files not found: {', '.join(missing)}")
        # Explicit files: no resources.json is needed; give stanza an empty one so it never fetches one.
        # It lives in a private folder (a fixed name in the shared temp folder could be anyone's file).
        with tempfile.TemporaryDirectory(prefix="kalbar_nlp_stanza_") as folder:
            resources = Path(folder) / "resources.json"
            resources.write_text(json.dumps({}), encoding="utf-8")
            return stanza.Pipeline(
                lang="id",
                processors=PROCESSORS,
                download_method=None,
                resources_filepath=str(resources),
                allow_unknown_language=True,
                logging_level="WARN",
                **options,
            )
    folder = resources_dir(model_dir)
    if not (folder / "resources.json").is_file() or not (folder / "id").is_dir():
        raise StanzaModelsMissing(f"stanza's Indonesian models are not in {folder}: {DOWNLOAD_HINT}")
    return stanza.Pipeline(
        lang="id",
        dir=str(folder),
        processors=PROCESSORS,
        download_method=None,
        logging_level="WARN",
        **options,
    )


def _pieces(token_text: str, words: list[Any]) -> list[tuple[str, list[Any]]]:
    """Split a stanza token into surface pieces, one per word where the words spell the token exactly."""
    if len(words) == 1:
        return [(token_text, words)]
    out, pos, low = [], 0, token_text.lower()
    for w in words:
        wt = w.text.lower()
        if not wt or not low.startswith(wt, pos):
            return [(token_text, words)]
        out.append((token_text[pos : pos + len(wt)], [w]))
        pos += len(wt)
    if pos != len(token_text):
        return [(token_text, words)]
    return out


def _gap_pieces(gap: str) -> list[str]:
    """Split text that stanza left out of every token into whitespace and non-whitespace runs."""
    out: list[str] = []
    for ch in gap:
        if out and out[-1][-1].isspace() == ch.isspace():
            out[-1] += ch
        else:
            out.append(ch)
    return out


class StanzaTokenizer:
    """A spaCy tokenizer that runs stanza and returns a ``Doc`` with its syntax and the original text."""

    def __init__(self, vocab: Vocab, pipeline: Any) -> None:
        self.vocab = vocab
        self.pipeline = pipeline

    def __call__(self, text: str) -> Doc:
        return self.to_doc(text, self.pipeline(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        stanza = _import_stanza()
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._bulk(stanza, batch)
                batch = []
        if batch:
            yield from self._bulk(stanza, batch)

    def _bulk(self, stanza: Any, texts: list[str]) -> Iterator[Doc]:
        docs = self.pipeline.bulk_process([stanza.Document([], text=t) for t in texts])
        for text, sdoc in zip(texts, docs, strict=True):
            yield self.to_doc(text, sdoc)

    def to_doc(self, text: str, sdoc: Any) -> Doc:
        """Build the spaCy ``Doc`` of ``text`` from stanza's analysis ``sdoc`` (text unchanged)."""
        words: list[str] = []
        spaces: list[bool] = []
        pos: list[str] = []
        lemmas: list[str] = []
        heads: list[int] = []
        deps: list[str] = []
        cursor = 0

        def add_gap(gap: str) -> None:
            for piece in _gap_pieces(gap):
                if piece == " " and words and not spaces[-1]:
                    spaces[-1] = True
                    continue
                if piece.isspace() and piece.startswith(" ") and words and not spaces[-1]:
                    spaces[-1] = True
                    piece = piece[1:]
                words.append(piece)
                spaces.append(False)
                pos.append("SPACE" if piece.isspace() else "X")
                lemmas.append(piece)
                heads.append(max(len(words) - 2, 0))
                deps.append("dep")

        for sent in sdoc.sentences:
            word_to_tok: dict[int, int] = {}
            pending: list[tuple[int, int, str]] = []
            for tok in sent.tokens:
                start, end = tok.start_char, tok.end_char
                if start is None or end is None or start < cursor or text[start:end] != tok.text:
                    raise ValueError(
                        f"stanza: token {tok.text!r} does not match the text at {start}:{end}; "
                        "the stanza backend needs character offsets from stanza's tokenizer"
                    )
                add_gap(text[cursor:start])
                ids = {w.id for w in tok.words}
                for piece, ws in _pieces(tok.text, list(tok.words)):
                    # the piece carries the annotation of its word whose head lies outside the piece
                    main = next((w for w in ws if not w.head or w.head not in ids), ws[0])
                    idx = len(words)
                    words.append(piece)
                    spaces.append(False)
                    pos.append(main.upos or "X")
                    lemmas.append(main.lemma or piece)
                    heads.append(idx)
                    deps.append("dep")
                    for w in ws:
                        word_to_tok[w.id] = idx
                    pending.append((idx, int(main.head or 0), main.deprel or "dep"))
                cursor = end
            for idx, head, dep in pending:
                heads[idx] = word_to_tok.get(head, idx) if head else idx
                deps[idx] = dep if head and heads[idx] != idx else "ROOT"
        add_gap(text[cursor:])
        doc = Doc(self.vocab, words=words, spaces=spaces, pos=pos, lemmas=lemmas, heads=heads, deps=deps)
        if doc.text != text:  # pragma: no cover - guarded by construction
            raise ValueError("stanza: the Doc's text differs from the article text")
        return doc


def add_stanza(nlp: Language, **options: Any) -> Language:
    """Make ``nlp`` tokenize, tag, lemmatize and parse with stanza (see :func:`make_stanza_pipeline`)."""
    nlp.tokenizer = StanzaTokenizer(nlp.vocab, make_stanza_pipeline(**options))
    return nlp
