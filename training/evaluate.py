"""Score an NER model folder on the three held-out test files, entity-level, the seqeval way.

A predicted entity counts only when its span and label both equal a gold entity (exact match).
Gold BIO is read with seqeval's default (non-strict) chunking: an ``I-`` tag that does not continue an
entity of the same type starts a new one. Precision, recall and F1 are micro-averaged per label and
overall, as ``seqeval.metrics.classification_report`` does.

The model folder is either the shipped one (``src/kalbar_nlp/models/ner_id_news``) or any spaCy
pipeline folder with ``config.cfg`` and ``ner/`` (e.g. ``training/output/<run>/model-best``); it is
loaded exactly as the package loads it (:func:`kalbar_nlp.pipeline.add_shipped_ner`). The gold
tokenisation is kept: the component runs on a ``Doc`` built from the file's tokens.

Usage::

    python training/evaluate.py [MODEL_DIR] --shared ../shared [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from convert import HELD_OUT, LABELS, bio_spans, load_held_out  # noqa: E402

NAMES = {
    "nerui": "NER UI fold 1 test",
    "nerugm": "NER UGM fold 1 test (PER/ORG/LOC)",
    "idner": "idner-news-2k test",
}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Return precision, recall and F1 (percent) from counts."""
    p = 100.0 * tp / n_pred if n_pred else 0.0
    r = 100.0 * tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 2), "r": round(r, 2), "f": round(f, 2), "support": n_gold}


def score_spans(gold: list[set], pred: list[set]) -> dict[str, dict[str, float]]:
    """Entity-level exact-match scores per label and overall (micro) for parallel span-set lists."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for span in g:
            n_gold[span[2]] += 1
        for span in p:
            n_pred[span[2]] += 1
            if span in g:
                tp[span[2]] += 1
    out = {lab: prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in LABELS}
    out["overall"] = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def load_ner(model_dir: Path):
    """Return a blank Indonesian pipeline with the ``ner`` of ``model_dir`` added as the package does.

    This mirrors :func:`kalbar_nlp.pipeline.add_shipped_ner` (``config.cfg`` -> ``[components.ner]``,
    ``add_pipe`` then ``from_disk``) without importing the rule components, so a model can be scored
    on its own; ``tests/test_ner_model.py`` checks the package's own loader.
    """
    import spacy

    cfg = spacy.util.load_config(model_dir / "config.cfg", interpolate=True)
    ner_cfg = dict(cfg["components"]["ner"])
    ner_cfg.pop("factory", None)
    nlp = spacy.blank("id")
    nlp.add_pipe("ner", config=ner_cfg).from_disk(model_dir / "ner", exclude=["vocab"])
    return nlp


def evaluate(model_dir: Path, shared: Path) -> dict:
    """Score ``model_dir`` on the held-out files; return ``{test: {label: {p, r, f, support}}}``."""
    from spacy.tokens import Doc

    nlp = load_ner(model_dir)
    ner = nlp.get_pipe("ner")
    held = load_held_out(shared)
    results: dict = {}
    n_tokens = 0
    t0 = time.perf_counter()
    for name, sents in held.items():
        docs = [Doc(nlp.vocab, words=s.words) for s in sents]
        n_tokens += sum(len(d) for d in docs)
        docs = list(ner.pipe(docs, batch_size=256))
        gold = [set(bio_spans(s.tags)) for s in sents]
        pred = [{(e.start, e.end, e.label_) for e in d.ents} for d in docs]
        results[name] = score_spans(gold, pred)
    results["_tokens_per_s"] = round(n_tokens / (time.perf_counter() - t0))
    return results


def format_table(results: dict) -> str:
    """Return a plain-text table of ``results`` (F1 per label and overall, P/R overall)."""
    lines = [f"{'held-out test':<36} {'PER':>6} {'ORG':>6} {'LOC':>6} | {'P':>6} {'R':>6} {'F1':>6}"]
    for name in HELD_OUT:
        r = results[name]
        o = r["overall"]
        lines.append(
            f"{NAMES[name]:<36} {r['PER']['f']:>6.2f} {r['ORG']['f']:>6.2f} {r['LOC']['f']:>6.2f} | "
            f"{o['p']:>6.2f} {o['r']:>6.2f} {o['f']:>6.2f}"
        )
    return "\n".join(lines)


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", nargs="?", type=Path, default=None, help="default: the shipped model")
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = ap.parse_args()
    if args.model is None:
        from kalbar_nlp.pipeline import model_path

        args.model = model_path()
    results = evaluate(args.model, args.shared.resolve())
    print(f"model: {args.model}")
    print(format_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
