"""Tokenizer and sentence splitter against UD Indonesian GSD, scored the CoNLL 2018 way.

    .venv/bin/python bench/bench_ud.py --shared ../shared [--errors 20]

The raw text is rebuilt from the ``# text`` lines (sentences joined by one space: GSD has no
paragraph marks), tokenized by the news tokenizer and split by ``kalbar_sentences``. As in the
CoNLL 2018 evaluation script, spans are character offsets over the text with whitespace removed;
gold tokens are the surface tokens (a multi-word token range such as ``ayahnya`` = ``ayah`` +
``nya`` counts as one token); precision, recall and F1 are over exactly matching spans. stanza's
published figures for id_gsd are printed beside ours.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

STANZA = {"tokens": 99.88, "sentences": 93.04}
FILES = {"test": "id_gsd-ud-test.conllu", "dev": "id_gsd-ud-dev.conllu"}


def read_conllu(path: Path) -> tuple[list[str], list[list[str]]]:
    """Return the ``# text`` of each sentence and its surface tokens."""
    texts: list[str] = []
    tokens: list[list[str]] = []
    text: str | None = None
    forms: list[str] = []
    skip_until = 0
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("# text ="):
                text = line[len("# text =") :].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if text is not None:
                    texts.append(text)
                    tokens.append(forms)
                text, forms, skip_until = None, [], 0
            else:
                cols = line.split("\t")
                tid = cols[0]
                if "." in tid:
                    continue
                if "-" in tid:
                    end = int(tid.split("-")[1])
                    forms.append(cols[1])
                    skip_until = end
                elif int(tid) > skip_until:
                    forms.append(cols[1])
    if text is not None:
        texts.append(text)
        tokens.append(forms)
    return texts, tokens


def nonspace_spans(pieces: list[str]) -> list[tuple[int, int]]:
    """Spans of consecutive pieces in non-whitespace character offsets."""
    spans = []
    pos = 0
    for piece in pieces:
        n = sum(1 for ch in piece if not ch.isspace())
        spans.append((pos, pos + n))
        pos += n
    return spans


def prf(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> tuple[float, float, float]:
    """Precision, recall, F1 (percent) of exactly matching spans."""
    g, p = Counter(gold), Counter(pred)
    hit = sum((g & p).values())
    prec = hit / max(1, sum(p.values()))
    rec = hit / max(1, sum(g.values()))
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return 100 * prec, 100 * rec, 100 * f1


def evaluate(nlp: spacy.language.Language, path: Path, n_errors: int) -> dict[str, object]:
    """Score one CoNLL-U file; return figures and error examples."""
    texts, gold_tokens = read_conllu(path)
    raw = " ".join(texts)
    gold_tok = nonspace_spans([f for forms in gold_tokens for f in forms])
    gold_sent = nonspace_spans(texts)
    if gold_tok[-1][1] != gold_sent[-1][1]:
        raise ValueError(f"{path}: tokens do not spell the # text lines")
    t0 = time.perf_counter()
    doc = nlp(raw)
    seconds = time.perf_counter() - t0
    pred_tok = nonspace_spans([t.text for t in doc if not t.is_space])
    pred_sent = nonspace_spans([s.text for s in doc.sents if s.text.strip()])
    tok = prf(gold_tok, pred_tok)
    sent = prf(gold_sent, pred_sent)
    # error examples: gold tokens that no predicted token matches, with the predicted pieces
    pred_set = set(pred_tok)
    flat_gold = [f for forms in gold_tokens for f in forms]
    tok_errors: Counter[str] = Counter()
    starts = {s: e for s, e in pred_tok}
    for form, span in zip(flat_gold, gold_tok, strict=True):
        if span not in pred_set:
            tok_errors[f"gold {form!r} / pred starts here: {starts.get(span[0]) is not None}"] += 1
    return {
        "file": path.name,
        "sentences": len(texts),
        "tokens": len(gold_tok),
        "tok": tok,
        "sent": sent,
        "seconds": seconds,
        "tok_errors": tok_errors.most_common(n_errors),
        "sent_examples": _sentence_errors(texts, [s.text for s in doc.sents], n_errors),
    }


def _sentence_errors(gold: list[str], pred: list[str], n: int) -> list[str]:
    gold_ends = set(e for _, e in nonspace_spans(gold))
    pred_ends = set(e for _, e in nonspace_spans([p for p in pred if p.strip()]))
    out: list[str] = []
    flat = "".join(ch for ch in " ".join(gold) if not ch.isspace())
    for kind, ends in (("missed", gold_ends - pred_ends), ("extra", pred_ends - gold_ends)):
        for e in sorted(ends)[:n]:
            out.append(f"{kind:6} …{flat[max(0, e - 30) : e]}|{flat[e : e + 25]}…")
    return out


def build_nlp() -> spacy.language.Language:
    """Blank Indonesian pipeline with the news tokenizer and ``kalbar_sentences`` only."""
    import kalbar_nlp.components.sentences  # noqa: F401  (registers the factory)
    from kalbar_nlp.lang import TOKENIZER_NAME

    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    nlp.add_pipe("kalbar_sentences")
    nlp.max_length = 5_000_000
    return nlp


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder")
    ap.add_argument("--errors", type=int, default=0, help="print this many error examples per kind")
    args = ap.parse_args(argv)
    folder = args.shared / "data" / "ud" / "id-gsd"
    if not folder.is_dir():
        print(f"bench_ud: {folder} not found (pass --shared)", file=sys.stderr)
        return 2
    nlp = build_nlp()
    print("UD Indonesian GSD — CoNLL 2018 span F1 (precision / recall / F1)")
    print(f"{'file':24} {'sents':>6} {'tokens':>7}  {'tokens P/R/F1':>22}  {'sentences P/R/F1':>22}")
    for split in ("test", "dev"):
        res = evaluate(nlp, folder / FILES[split], args.errors)
        tp, tr, tf = res["tok"]
        sp, sr, sf = res["sent"]
        print(
            f"{res['file']:24} {res['sentences']:>6} {res['tokens']:>7}  "
            f"{tp:6.2f} {tr:6.2f} {tf:6.2f}  {sp:6.2f} {sr:6.2f} {sf:6.2f}"
        )
        if args.errors:
            for err, count in res["tok_errors"]:
                print(f"    token {count:3}  {err}")
            for line in res["sent_examples"]:
                print(f"    sent   {line}")
    print(f"{'stanza (published, test)':24} {'':>6} {'':>7}  {'':>13} {STANZA['tokens']:6.2f}  "
          f"{'':>13} {STANZA['sentences']:6.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
