"""Rebuild the shipped NER model from ``../shared`` and print its held-out evaluation.

One command (``make train``) does everything, deterministically (fixed seed, one thread):

1. :mod:`convert` writes the training mix (``training/corpus/<mix>/``, git-ignored);
2. ``spacy train`` with ``training/configs/<config>.cfg`` (``training/output/<run>/``, git-ignored);
3. the best checkpoint is exported to ``src/kalbar_nlp/models/ner_id_news/`` with a clean vocabulary
   (no training-data strings) and only the ``ner`` component (its tok2vec is embedded);
4. :mod:`evaluate` scores the exported model on the three held-out test files.

Usage::

    python training/train.py --shared ../shared                 # the shipped recipe
    python training/train.py --shared ../shared --mix grit --config cnn --set width=128 --no-export
"""

from __future__ import annotations

import os

# One thread and a fixed seed make the run reproducible (and leave the other core to the team).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import convert  # noqa: E402
import evaluate  # noqa: E402

PACKAGE_MODEL = ROOT / "src" / "kalbar_nlp" / "models" / "ner_id_news"

# The shipped recipe (chosen from the experiments recorded in the model card).
DEFAULT_MIX = "grit"
DEFAULT_CONFIG = "cnn"
DEFAULT_SEED = 0
DEFAULT_STEPS = 2500

# Short names for the config values the experiments vary.
SETTINGS = {
    "width": [
        "components.ner.model.tok2vec.embed.width",
        "components.ner.model.tok2vec.encode.width",
    ],
    "depth": ["components.ner.model.tok2vec.encode.depth"],
    "window": ["components.ner.model.tok2vec.encode.window_size"],
    "hidden": ["components.ner.model.hidden_width"],
    "dropout": ["training.dropout"],
    "lr": ["training.optimizer.learn_rate"],
}


def parse_value(text: str):
    """Parse a ``--set`` value as JSON when possible (numbers, lists), else keep the string."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def train_run(
    shared: Path,
    *,
    mix: str,
    config: str,
    seed: int,
    steps: int,
    settings: dict[str, object],
    run_name: str,
) -> Path:
    """Convert the data, train, and return the folder of the best checkpoint."""
    from spacy.cli.train import train as spacy_train

    corpus = HERE / "corpus" / mix
    stats = convert.write_corpus(shared, mix, corpus)
    print(f"data ({mix}): {json.dumps(stats)}", flush=True)
    overrides: dict[str, object] = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "system.seed": seed,
        "training.max_steps": steps,
    }
    for key, value in settings.items():
        for path in SETTINGS.get(key, [key]):
            overrides[path] = value
    out = HERE / "output" / run_name
    if out.exists():
        shutil.rmtree(out)
    cfg_path = HERE / "configs" / f"{config}.cfg"
    t0 = time.perf_counter()
    spacy_train(cfg_path, out, overrides=overrides, use_gpu=-1)
    minutes = (time.perf_counter() - t0) / 60
    (out / "run.json").write_text(
        json.dumps({"mix": mix, "config": config, "overrides": overrides, "minutes": round(minutes, 1)}),
        encoding="utf-8",
    )
    print(f"trained in {minutes:.1f} min", flush=True)
    return out / "model-best"


def export(trained_dir: Path, dest: Path, meta_extra: dict | None = None) -> Path:
    """Write the ``ner`` of ``trained_dir`` into ``dest`` as a fresh pipeline (clean vocabulary).

    The training pipeline's vocabulary holds every token of the training data; a new blank "id"
    pipeline gets only the component's weights and labels, so no dataset text is shipped.
    """
    import spacy

    trained = spacy.load(trained_dir)
    ner_cfg = dict(trained.config["components"]["ner"])
    ner_cfg.pop("factory", None)
    nlp = spacy.blank("id")
    ner = nlp.add_pipe("ner", config=ner_cfg)
    ner.from_bytes(trained.get_pipe("ner").to_bytes(exclude=["vocab"]), exclude=["vocab"])
    nlp.meta.update(
        {
            "name": "ner_id_news",
            "version": "0.1.0",
            "description": "Indonesian news NER (PER, ORG, LOC) shipped with kalbar_nlp; see MODEL_CARD.md",
            "license": "see MODEL_CARD.md (trained on CC BY 4.0 / MIT / Apache-2.0 data)",
            "author": "kalbar_nlp developers",
            "performance": trained.meta.get("performance", {}),
        }
    )
    if meta_extra:
        nlp.meta.update(meta_extra)
    card = dest / "MODEL_CARD.md"
    keep = card.read_text(encoding="utf-8") if card.is_file() else None
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest, exclude=["tokenizer"])
    if keep is not None:
        card.write_text(keep, encoding="utf-8")
    return dest


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--mix", default=DEFAULT_MIX, choices=sorted(convert.MIXES))
    ap.add_argument("--config", default=DEFAULT_CONFIG, help="name of a file in training/configs/")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--steps", type=int, default=DEFAULT_STEPS)
    ap.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help=f"{list(SETTINGS)} or a config path"
    )
    ap.add_argument("--name", default=None, help="run folder name under training/output/")
    ap.add_argument("--no-export", action="store_true", help="do not replace the shipped model")
    ap.add_argument("--from-run", type=Path, default=None, help="export this trained folder, no training")
    args = ap.parse_args()
    shared = args.shared.resolve()
    if not (shared / "data" / "ner").is_dir():
        raise SystemExit(f"--shared: no data/ner folder in {shared}")
    settings = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"--set: expected KEY=VALUE, got {item!r}")
        settings[key] = parse_value(value)
    if args.from_run is not None:
        best = args.from_run.resolve()
    else:
        name = args.name or "-".join([args.mix, args.config, *(f"{k}{v}" for k, v in settings.items())])
        best = train_run(
            shared,
            mix=args.mix,
            config=args.config,
            seed=args.seed,
            steps=args.steps,
            settings=settings,
            run_name=name,
        )
    target = best
    if not args.no_export:
        target = export(best, PACKAGE_MODEL)
        size = sum(f.stat().st_size for f in target.rglob("*") if f.is_file())
        print(f"exported to {target} ({size / 1e6:.1f} MB)")
    results = evaluate.evaluate(target, shared)
    print(f"model: {target}")
    print(evaluate.format_table(results))
    (best.parent / "heldout.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
