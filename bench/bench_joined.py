"""Paragraphs joined with single spaces (as many scrapers write ``content``): what the fields lose.

Usage:
    python bench/bench_joined.py [--shared ../shared] [--no-ner]

Parses the dev articles of ``../shared`` three ways and scores each with ``../shared/eval/score.py``:
as given (one paragraph per line), with every line break replaced by one space, and joined then
passed through :func:`kalbar_nlp.scrapers.restore_breaks` (which puts the breaks back before credit
lines and ``Baca juga`` lines, one character for one, so offsets do not move). The articles are
third-party text: they are read from ``../shared`` and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import kalbar_nlp
from kalbar_nlp.scrapers import restore_breaks


def joined(text: str) -> str:
    """The text with its paragraphs joined by single spaces."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def score(shared: Path, articles: list[dict], transform: Callable[[str], str], nlp: object) -> dict:
    """Parse the articles with ``transform`` applied to each text; return the scorer's JSON."""
    tmp = Path(tempfile.mkdtemp())
    with open(tmp / "pred.jsonl", "w", encoding="utf-8") as out:
        for item in articles:
            art = kalbar_nlp.parse(
                transform(item["text"]),
                id=item.get("id"),
                title=item.get("title"),
                published=item.get("published"),
                nlp=nlp,
            )
            out.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
    gold = shared / "data" / "dev" / "gold.jsonl"
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(gold), str(tmp / "pred.jsonl")]
    subprocess.run([*cmd, "--json", str(tmp / "score.json")], check=True, capture_output=True)
    return json.loads((tmp / "score.json").read_text(encoding="utf-8"))


def f1_of(result: dict, field: str) -> float | None:
    """The F1 of one field in the scorer's JSON output (the macro F1 for ``macro_f1``)."""
    entry = result.get(field)
    return entry.get("f1") if isinstance(entry, dict) else entry


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--no-ner", action="store_true")
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    path = shared / "data" / "dev" / "articles.jsonl"
    if not path.is_file():
        print(f"no dev set at {path}: nothing to measure", file=sys.stderr)
        return 0
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = kalbar_nlp.load(ner=not a.no_ner)
    runs = {
        "original": lambda text: text,
        "joined": joined,
        "joined+restored": lambda text: restore_breaks(joined(text)),
    }
    results = {name: score(shared, articles, transform, nlp) for name, transform in runs.items()}
    print(f"{'field':<15}" + "".join(f"{name:>17}" for name in runs))
    fields = [key for key, value in results["original"].items() if isinstance(value, dict)]
    for field in (*fields, "macro_f1"):
        values = [f1_of(results[name], field) for name in runs]
        cells = "".join(f"{v:>17.3f}" if isinstance(v, float) else f"{'-':>17}" for v in values)
        print(f"{field:<15}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
