"""Benchmark of the corpus who's-who: B-cubed on the cross-article gold, and speed at scale.

1. Quality: ``kalbar_nlp.corpus.build`` over the records of the dev articles (parsed here from
   ``<shared>/data/dev/articles.jsonl``, or read from ``--records``) against
   ``bench/data/crossdoc_gold.jsonl`` (which (article, person name) pairs are one real person):
   B-cubed precision, recall and F1 over the gold pairs. A gold pair the records do not have
   counts as a person of its own (a miss).
2. Scale: a synthetic corpus of ``--synthetic`` records (default 100,000) with invented names,
   posts in real regions and invented quotes, generated on the fly (never written to disk) and
   built in one streaming pass; prints records/s and the peak memory of the process.

Usage::

    python bench/bench_corpus.py --shared ../shared
    python bench/bench_corpus.py --records records.jsonl --synthetic 20000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "data" / "crossdoc_gold.jsonl"

SYLLABLES = ("ra", "di", "su", "tar", "mi", "yan", "to", "ko", "wi", "na", "har", "lin", "bu", "sa", "gan")
ROLES = ("Bupati", "Wakil Bupati", "Kapolres", "Sekda", "Kepala Dinas Pendidikan", "Camat", "Ketua DPRD")
QUALIFIERS = ("", "", "", "", "Plt. ", "Pj. ", "mantan ")
HONORIFICS = ("", "", "", "H. ", "Dr. ")


def bcubed(gold: dict[tuple[str, str], str], predicted: dict[tuple[str, str], str]) -> tuple[float, ...]:
    """B-cubed precision, recall and F1 of a predicted clustering over the gold items."""
    items = list(gold)
    pred = {item: predicted.get(item, f"missing:{item}") for item in items}
    by_gold: dict[str, set] = {}
    by_pred: dict[str, set] = {}
    for item in items:
        by_gold.setdefault(gold[item], set()).add(item)
        by_pred.setdefault(pred[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        same_gold, same_pred = by_gold[gold[item]], by_pred[pred[item]]
        both = len(same_gold & same_pred)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def dev_records(args: argparse.Namespace) -> list[dict]:
    if args.records:
        with open(args.records, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    import kalbar_nlp

    path = Path(args.shared) / "data" / "dev" / "articles.jsonl"
    with open(path, encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    return [record.to_dict() for record in kalbar_nlp.parse_many(items)]


def quality(args: argparse.Namespace) -> None:
    from kalbar_nlp import corpus

    with open(GOLD, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    gold = {(row["article_id"], row["name"]): row["cluster"] for row in rows}
    who = corpus.build(dev_records(args))
    mentions = who.person_mentions
    predicted = dict(
        zip(zip(mentions["article_id"], mentions["name"], strict=True), mentions["person_id"], strict=True)
    )
    precision, recall, f1 = bcubed(gold, predicted)
    found = sum(1 for item in gold if item in predicted)
    clusters = len(set(gold.values()))
    print(f"gold: {len(gold)} (article, name) pairs in {clusters} persons; {found} found in the records")
    print(f"B-cubed  precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}")


def _name(rng: random.Random) -> str:
    words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(2)]
    return " ".join(words)


def synthetic_records(count: int, seed: int = 13) -> Iterator[dict]:
    """Invented records: officials of real regencies with invented names, 1-4 people each."""
    from kalbar_nlp.lexicons.region_codes import region_names

    rng = random.Random(seed)
    regencies = sorted(
        {r.name for regions in region_names().values() for r in regions if r.kind == "regency"}
    )
    officials = [(_name(rng), rng.choice(ROLES), rng.choice(regencies)) for _ in range(max(10, count // 5))]
    for number in range(count):
        people, quotes = [], []
        for name, role, place in rng.sample(officials, rng.randint(1, 4)):
            written = rng.choice(HONORIFICS) + (name if rng.random() < 0.8 else name.split()[0])
            people.append(
                {
                    "name": written,
                    "aliases": [name.split()[0]],
                    "titles": [f"{rng.choice(QUALIFIERS)}{role} {place}"],
                }
            )
            quotes.append(
                {
                    "text": "Kami terus bekerja untuk warga.",
                    "kind": "direct",
                    "cue": "kata",
                    "speaker": {"name": written},
                }
            )
        year = 2015 + number % 10
        yield {
            "id": f"syn-{number}",
            "schema_version": 1,
            "published": f"{year}-{1 + number % 12:02d}-01",
            "dateline": {"place": rng.choice(regencies)},
            "dates": [],
            "people": people,
            "quotes": quotes,
        }


def scale(count: int) -> None:
    from kalbar_nlp import corpus

    corpus.build(synthetic_records(50))  # loads the lexicons once, outside the timing
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    who = corpus.build(synthetic_records(count))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"synthetic: {count} records, {len(who.person_mentions)} mentions -> {len(who.persons)} persons")
    print(
        f"  {seconds:.1f} s, {count / seconds:.0f} records/s, "
        f"peak RSS {peak / 1024:.0f} MB (+{(peak - before) / 1024:.0f} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    parser.add_argument("--records", help="records of the dev articles (JSON Lines) instead of parsing them")
    parser.add_argument(
        "--synthetic", type=int, default=100_000, help="records of the synthetic corpus (0: skip)"
    )
    args = parser.parse_args(argv)
    quality(args)
    if args.synthetic:
        scale(args.synthetic)
    return 0


if __name__ == "__main__":
    sys.exit(main())
