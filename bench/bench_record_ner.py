"""Does the whole pipeline keep what the NER model finds? Record entities against the model alone.

On the held-out NER test sentences (NER UI fold 1, NER UGM fold 1, idner-news-2k; read from
``../shared/data/ner``, never copied), each sentence is joined into a text and parsed by
``kalbar_nlp.parse``; the record's people, organisations and locations (every mention) are
mapped back to the gold tokens and scored entity by entity (exact span and label), beside the
shipped model alone on the same tokens. The rules should add to the model, not throw its
entities away: the target is record F1 >= model F1. The column ``+model F1`` is the record with
every model entity added that overlaps no record mention: the most that trusting the model's
extra entities can give, the rest being the record's own spans (other extents, other labels).

Usage::

    python bench/bench_record_ner.py [--shared ../shared] [--sets nerui,nerugm,idner] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from convert import bio_spans, load_held_out  # noqa: E402
from evaluate import NAMES, load_ner, score_spans  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import kalbar_nlp  # noqa: E402
from kalbar_nlp.pipeline import model_path  # noqa: E402

RECORD_FIELDS = (("people", "PER"), ("organizations", "ORG"), ("locations", "LOC"))


def join_words(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as text (words joined by single spaces) and each word's character range."""
    offsets, position = [], 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    return " ".join(words), offsets


def to_token_span(start: int, end: int, offsets: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The gold tokens a character range covers exactly, or ``None`` where it cuts a token."""
    first = next((k for k, (a, _b) in enumerate(offsets) if a == start), None)
    last = next((k for k, (_a, b) in enumerate(offsets) if b == end), None)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


def record_spans(record: dict, offsets: list[tuple[int, int]]) -> set[tuple[int, int, str]]:
    """Every mention of the record's people, organisations and locations as a labelled token span."""
    spans: set[tuple[int, int, str]] = set()
    for field, label in RECORD_FIELDS:
        for item in record.get(field) or []:
            for mention in item.get("mentions") or []:
                span = to_token_span(mention["start"], mention["end"], offsets)
                if span:
                    spans.add((*span, label))
    return spans


def with_model(
    record: set[tuple[int, int, str]], model: set[tuple[int, int, str]]
) -> set[tuple[int, int, str]]:
    """The record's spans and every model span that overlaps none of them."""
    free = [span for span in model if not any(a < span[1] and span[0] < b for a, b, _label in record)]
    return record | set(free)


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sets", default="nerui,nerugm,idner")
    ap.add_argument("--limit", type=int, default=0, help="sentences per set (0 = all)")
    a = ap.parse_args(argv)
    if not (a.shared / "data" / "ner").is_dir():
        print(f"no NER data under {a.shared}: nothing to score", file=sys.stderr)
        return 0
    model = load_ner(model_path())
    held = load_held_out(a.shared)
    print(
        f"{'test set':<36}{'model F1':>10}{'record F1':>11}{'record P':>10}{'record R':>10}"
        f"{'+model F1':>11}   per label (record)"
    )
    for name in a.sets.split(","):
        sentences = held[name][: a.limit or None]
        gold = [set(bio_spans(s.tags)) for s in sentences]
        docs = model.get_pipe("ner").pipe([Doc(model.vocab, words=s.words) for s in sentences])
        model_pred = [{(e.start, e.end, e.label_) for e in doc.ents} for doc in docs]
        started = time.perf_counter()
        record_pred = []
        for sentence in sentences:
            text, offsets = join_words(sentence.words)
            record_pred.append(record_spans(kalbar_nlp.parse(text).to_dict(), offsets))
        seconds = time.perf_counter() - started
        alone, record = score_spans(gold, model_pred), score_spans(gold, record_pred)
        pairs = zip(record_pred, model_pred, strict=True)
        union = score_spans(gold, [with_model(rec, found) for rec, found in pairs])
        labels = " ".join(
            f"{lab} {record[lab]['f']:.1f}/{alone[lab]['f']:.1f}" for lab in ("PER", "ORG", "LOC")
        )
        print(
            f"{NAMES[name]:<36}{alone['overall']['f']:>10.2f}{record['overall']['f']:>11.2f}"
            f"{record['overall']['p']:>10.2f}{record['overall']['r']:>10.2f}"
            f"{union['overall']['f']:>11.2f}   {labels}"
            f"  ({len(sentences)} sentences, {seconds:.0f} s)"
        )
    print("per label: record F1 / model F1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
