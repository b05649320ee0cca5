"""Train a tiny stanza Indonesian pipeline offline, for the stanza backend's tests.

The model hub cannot be reached from the test machines, so the tests build
their own stanza models from UD Indonesian GSD (``../shared/data/ud/id-gsd``)
with stanza's own training entry points: tokenizer (with MWT labels), MWT
expander, tagger, dictionary lemmatizer and dependency parser, each with a few
hundred steps and small dimensions, and word vectors from a small word2vec
file made from the treebank itself. Their quality is irrelevant: the tests
check the bridge (offsets, ``-nya``, sentence boundaries, entities kept, the
record's shape, syntax used where present).

The result is cached per stanza version in ``KALBAR_TEST_CACHE`` (default
``<repo>/.cache``), so a session trains it once.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import random
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")


def cache_dir() -> Path:
    import stanza

    base = Path(os.environ.get("KALBAR_TEST_CACHE", ROOT / ".cache"))
    return base / f"stanza-tiny-id-{stanza.__version__}"


def _conllu_sentences(path: Path) -> list[list[str]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            cur.append(line)
        elif cur:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def _write_conllu(sents: list[list[str]], path: Path) -> None:
    path.write_text("".join("\n".join(s) + "\n\n" for s in sents), encoding="utf-8")


def _plaintext(sents: list[list[str]], path: Path, per_paragraph: int = 4) -> None:
    """Raw text of the sentences (from their ``# text`` lines), a few sentences to a paragraph.

    Several sentences share a paragraph so that the tokenizer learns sentence breaks that are
    not paragraph breaks, as in news text.
    """
    texts = [next(line[len("# text = ") :] for line in s if line.startswith("# text = ")) for s in sents]
    paras = [" ".join(texts[i : i + per_paragraph]) for i in range(0, len(texts), per_paragraph)]
    path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")


def _word2vec(sents: list[list[str]], path: Path, dim: int = 16) -> None:
    """A small random word2vec-format file over the treebank's vocabulary (lower-cased)."""
    rng = random.Random(13)
    counts = Counter(
        line.split("\t")[1].lower()
        for s in sents
        for line in s
        if not line.startswith("#") and "-" not in line.split("\t")[0] and "." not in line.split("\t")[0]
    )
    words = [w for w, _ in counts.most_common() if " " not in w]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {dim}\n")
        for w in words:
            fh.write(w + " " + " ".join(f"{rng.uniform(-0.5, 0.5):.4f}" for _ in range(dim)) + "\n")


@contextlib.contextmanager
def _quiet():
    logger = logging.getLogger("stanza")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        logger.setLevel(level)


@contextlib.contextmanager
def _one_thread() -> Iterator[None]:
    """Train on one thread: the models are tiny, and on a loaded machine PyTorch's thread pool
    waits on busy cores (a run took over 30 minutes instead of one)."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def train_tiny_pipeline(
    ud_dir: Path, out: Path | None = None, *, steps: int = 200, syntax_steps: int = 60
) -> dict[str, str]:
    """Train (or reuse) a tiny stanza Indonesian pipeline; return its ``<processor>_model_path`` options."""
    out = Path(out) if out is not None else cache_dir()
    done = out / "paths.json"
    if done.is_file():
        paths = json.loads(done.read_text())
        if all(Path(p).exists() for p in paths.values()):
            return paths
    from stanza.models import lemmatizer, mwt_expander, parser, tagger, tokenizer
    from stanza.models.common.pretrain import Pretrain
    from stanza.utils.datasets import prepare_tokenizer_data
    from stanza.utils.datasets.contract_mwt import contract_mwt

    data = out / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    train_s = _conllu_sentences(ud_dir / "id_gsd-ud-dev.conllu")
    dev_s = _conllu_sentences(ud_dir / "id_gsd-ud-test.conllu")[:120]
    train, dev = data / "train.conllu", data / "dev.conllu"
    _write_conllu(train_s, train)
    _write_conllu(dev_s, dev)
    for name, sents in (("train", train_s), ("dev", dev_s)):
        _plaintext(sents, data / f"{name}.txt")
        prepare_tokenizer_data.main(
            [str(data / f"{name}.txt"), str(data / f"{name}.conllu"),
             "-o", str(data / f"{name}.toklabels"), "-m", str(data / f"{name}-mwt.json")]
        )  # fmt: skip
    contract_mwt(str(dev), str(data / "dev.in.conllu"))

    w2v = data / "vectors.txt"
    _word2vec(train_s + dev_s, w2v)
    pt = out / "id_tiny.pretrain.pt"
    Pretrain(str(pt), str(w2v)).load()

    models = out / "models"
    tok, mwt, pos, lem, dep = (models / f"{n}.pt" for n in ("tokenize", "mwt", "pos", "lemma", "depparse"))
    common = ["--shorthand", "id_gsd", "--seed", "7", "--mode", "train", "--save_dir", str(models)]
    small = ["--hidden_dim", "32", "--word_emb_dim", "16", "--tag_emb_dim", "8", "--transformed_dim", "16",
             "--deep_biaff_hidden_dim", "32", "--no_char", "--wordvec_pretrain_file", str(pt),
             "--max_steps", str(syntax_steps), "--eval_interval", str(syntax_steps)]  # fmt: skip
    plan = [
        (tok, tokenizer.main, ["--lang", "id", "--txt_file", str(data / "train.txt"),
         "--label_file", str(data / "train.toklabels"), "--mwt_json_file", str(data / "train-mwt.json"),
         "--dev_txt_file", str(data / "dev.txt"), "--dev_label_file", str(data / "dev.toklabels"),
         "--dev_conll_gold", str(dev), "--steps", str(steps), "--eval_steps", str(steps),
         "--batch_size", "16", "--emb_dim", "16", "--hidden_dim", "32", "--use_mwt", "--max_seqlen", "400"]),
        (mwt, mwt_expander.main, ["--lang", "id", "--train_file", str(train),
         "--eval_file", str(data / "dev.in.conllu"), "--gold_file", str(dev),
         "--output_file", str(data / "mwt.out.conllu"), "--dict_only"]),
        (pos, tagger.main, ["--lang", "id", "--train_file", str(train), "--eval_file", str(dev),
         "--output_file", str(data / "pos.out.conllu"), "--batch_size", "100",
         "--composite_deep_biaff_hidden_dim", "32", *small]),
        (lem, lemmatizer.main, ["--train_file", str(train), "--eval_file", str(dev),
         "--output_file", str(data / "lemma.out.conllu"), "--dict_only"]),
        (dep, parser.main, ["--lang", "id", "--train_file", str(train), "--eval_file", str(dev),
         "--output_file", str(data / "dep.out.conllu"), "--batch_size", "500", *small]),
    ]  # fmt: skip
    with _one_thread():
        for target, train_main, args in plan:
            if not target.exists():  # a model already trained by an interrupted run is kept
                with _quiet():
                    train_main([*common, "--save_name", target.name, *args])
    paths = {
        "tokenize_model_path": str(tok),
        "mwt_model_path": str(mwt),
        "pos_model_path": str(pos),
        "pos_pretrain_path": str(pt),
        "lemma_model_path": str(lem),
        "depparse_model_path": str(dep),
        "depparse_pretrain_path": str(pt),
    }
    missing = [p for p in paths.values() if not Path(p).exists()]
    if missing:
        raise RuntimeError(f"tiny stanza training did not write {missing}")
    done.write_text(json.dumps(paths, indent=1))
    return paths


if __name__ == "__main__":
    import sys
    import time

    t0 = time.time()
    print(train_tiny_pipeline(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
    print(f"{time.time() - t0:.0f} s")
