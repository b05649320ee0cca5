"""Parse ``../shared/data/dev/articles.jsonl`` and score it with ``../shared/eval/score.py``.

Usage:
    python bench/score_dev.py [--shared ../shared] [--no-ner] [--by-article] [--out pred.jsonl]
                              [--backend stanza --stanza-models DIR_OR_JSON]

Prints the per-field table of the scorer (and each article's misses with
``--by-article``). The dev articles are third-party text: they are read from
``../shared`` and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import kalbar_nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--no-ner", action="store_true", help="rules only, without the trained NER")
    ap.add_argument("--backend", default="default", choices=["default", "stanza"])
    ap.add_argument(
        "--stanza-models",
        help="with --backend stanza: stanza's resource folder, or a JSON file of stanza model paths",
    )
    ap.add_argument("--by-article", action="store_true", help="print each article's misses")
    ap.add_argument("--out", help="keep the predictions here (JSON Lines)")
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    dev = shared / "data" / "dev"
    if not (dev / "articles.jsonl").is_file():
        print(f"no dev set at {dev}: nothing to score", file=sys.stderr)
        return 0
    options: dict[str, str] = {}
    if a.stanza_models:
        p = Path(a.stanza_models)
        options = {"model_dir": str(p)} if p.is_dir() else json.loads(p.read_text(encoding="utf-8"))
    nlp = kalbar_nlp.load(a.backend, ner=not a.no_ner, **options)
    out = Path(a.out) if a.out else Path(tempfile.mkdtemp()) / "pred.jsonl"
    t0 = time.perf_counter()
    n = 0
    with open(dev / "articles.jsonl", encoding="utf-8") as fin, open(out, "w", encoding="utf-8") as fout:
        for line in fin:
            item = json.loads(line)
            art = kalbar_nlp.parse(
                item["text"],
                id=item.get("id"),
                title=item.get("title"),
                published=item.get("published"),
                nlp=nlp,
            )
            fout.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    dt = time.perf_counter() - t0
    print(f"parsed {n} dev articles in {dt:.1f} s ({n / dt:.1f} articles/s), backend {a.backend}")
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(dev / "gold.jsonl"), str(out)]
    if a.by_article:
        cmd.append("--by-article")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
