"""Record the parser's records of every known article, or compare them with an earlier recording.

A refactoring that must not change behaviour is proven by identical records::

    python scripts/record_snapshot.py save /tmp/before.jsonl      # on the old tree
    python scripts/record_snapshot.py compare /tmp/before.jsonl   # on the new tree

The articles are those of ``../shared/data/dev``, ``../shared/data/articles`` (third-party text, read
where it lies and never copied) and the project's own ``data/sample_articles``. ``compare`` prints
each article whose record differs, field by field, and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import kalbar_nlp

ROOT = Path(__file__).resolve().parents[1]


def article_files(shared: Path) -> list[Path]:
    """The JSON Lines files of articles to record, those of ``shared`` first where it exists."""
    files = [shared / "data" / "dev" / "articles.jsonl"]
    files += sorted((shared / "data" / "articles").glob("*.jsonl"))
    files.append(ROOT / "data" / "sample_articles" / "articles.jsonl")
    return [f for f in files if f.is_file()]


def records(shared: Path) -> Iterator[dict]:
    """Yield ``{"source", "id", "record"}`` for every article, in file order."""
    for path in article_files(shared):
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        for row in rows:
            article = kalbar_nlp.parse(
                row["text"], id=row.get("id"), title=row.get("title"), published=row.get("published")
            )
            yield {"source": path.name, "id": row.get("id"), "record": article.to_dict()}


def _key(item: dict) -> str:
    return f"{item['source']}#{item['id']}"


def save(out: Path, shared: Path) -> int:
    """Write every record to ``out``."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for item in records(shared):
            fh.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"{n} records written to {out}")
    return 0


def compare(baseline: Path, shared: Path, limit: int) -> int:
    """Compare the current records with ``baseline``; print the differences."""
    with baseline.open(encoding="utf-8") as fh:
        before = {_key(item): item["record"] for item in map(json.loads, fh)}
    differing, seen = 0, 0
    for item in records(shared):
        seen += 1
        old = before.pop(_key(item), None)
        new = item["record"]
        if old == new:
            continue
        differing += 1
        if differing > limit:
            continue
        print(f"== {_key(item)}")
        for field in sorted(set(old or {}) | set(new)):
            a, b = (old or {}).get(field), new.get(field)
            if a != b:
                print(f"  {field}:\n    before: {json.dumps(a, ensure_ascii=False)[:600]}")
                print(f"    after:  {json.dumps(b, ensure_ascii=False)[:600]}")
    for key in before:
        differing += 1
        print(f"== {key}: in the baseline only")
    print(f"{seen} records compared, {differing} differ")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    """Command line: ``save OUT`` or ``compare BASELINE``."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=20, help="articles whose differences are printed")
    a = ap.parse_args(argv)
    if a.action == "save":
        return save(a.path, a.shared)
    return compare(a.path, a.shared, a.limit)


if __name__ == "__main__":
    sys.exit(main())
