"""How much of a dev-set score is fitting: scores by outlet fold, and a change's gain on seen vs unseen folds.

The 179 dev articles of ``../shared/data/dev`` come from about 55 sites in two dozen
networks. This script puts every site (``surabaya.tribunnews.com``, ``beritajatim``,
``detik.com/jatim``; or, with ``--group network``, every network such as ``tribunnews``) into
one of ``--folds`` folds, so that the articles of one site are never split, and scores
predictions per fold with ``../shared/eval/score.py``.

The protocol for a rule or lexicon change (see the README's accuracy section):

1. Look at the misses of the development folds only (``--by-article --folds-shown 0,1,2``).
2. Write the rule from what they show and from general knowledge of Indonesian news.
3. Score the predictions before and after (``--baseline BEFORE.jsonl AFTER.jsonl``): the gain
   on the development folds is what the author saw; the gain on the held-back folds (3, 4)
   estimates the gain on news the rule was never written for. A rule that only fits shows a
   gain on the first and none (or a loss) on the second.

It also reports the historical split: the first 41 articles, on which the rules were tuned
before the dev set grew, against the 138 added later.

Usage::

    python bench/score_folds.py PRED.jsonl [--baseline BEFORE.jsonl] [--folds 5] [--seen 0,1,2]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
TUNED_ARTICLES = 41  # the first lines of gold.jsonl: the articles the first rules were tuned on


def load_scorer(shared: Path) -> ModuleType:
    """Import ``shared/eval/score.py`` (standard library only) as a module."""
    spec = importlib.util.spec_from_file_location("kalbar_dev_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|id|co|net|org|tv|news|info)\b(?:/[a-z0-9-]+)?")
_SUFFIX_LABELS = {"com", "id", "co", "net", "org", "tv", "news", "info", "or", "go", "ac", "web", "my", "www"}
# sub-domains that are a section of one newsroom's site, not a regional newsroom of its own
_SECTION_LABELS = {"www", "news", "nasional", "ekonomi", "economy", "hukum", "daerah", "bisniskeuangan", "m"}


def outlet_site(article: dict) -> str:
    """The site an article comes from: its host (a regional channel path kept), else its outlet's words.

    ``Surya (surabaya.tribunnews.com)`` is ``surabaya.tribunnews.com``, ``detikJatim (detik.com/jatim)``
    is ``detik.com/jatim``, ``Okezone`` and ``okezone.com`` are both ``okezone``.
    """
    text = f"{article.get('outlet') or ''} {article.get('url') or ''}".lower()
    domains = _DOMAIN.findall(text)
    if domains:
        host, _, path = domains[-1].partition("/")
        labels = host.split(".")
        while len(labels) > 2 and labels[0] in _SECTION_LABELS:
            labels = labels[1:]
        name = ".".join(labels)
        if len(labels) == 2 or all(label in _SUFFIX_LABELS for label in labels[1:]):
            name = labels[0]  # okezone.com and Okezone are one site
        regional_channel = labels[0] == "detik" and path and not path.startswith("berita")
        return f"{name}/{path}" if regional_channel else name
    words = re.findall(r"[a-z]+", text)
    return words[0] if words else "unknown"


def outlet_network(article: dict) -> str:
    """The network of an article's site: ``surabaya.tribunnews.com`` and ``Tribunnews`` are ``tribunnews``."""
    site = outlet_site(article).partition("/")[0]
    labels = [label for label in site.split(".") if label not in _SUFFIX_LABELS]
    return labels[-1] if labels else site


def assign_folds(articles: list[dict], folds: int, group: str = "site") -> dict[str, int]:
    """Article id -> fold: whole sites (or networks), largest first, each into the smallest fold.

    Ties go to the fold holding fewer of the first, tuned articles, so those spread over all folds.
    """
    key = outlet_site if group == "site" else outlet_network
    members: dict[str, list[str]] = {}
    tuned: dict[str, int] = {}
    for position, article in enumerate(articles):
        name = key(article)
        members.setdefault(name, []).append(str(article.get("id")))
        tuned[name] = tuned.get(name, 0) + (position < TUNED_ARTICLES)
    sizes, tuned_in = [0] * folds, [0] * folds
    fold_of: dict[str, int] = {}
    for name in sorted(members, key=lambda name: (-len(members[name]), name)):
        target = min(range(folds), key=lambda k: (sizes[k], tuned_in[k], k))
        sizes[target] += len(members[name])
        tuned_in[target] += tuned[name]
        for article_id in members[name]:
            fold_of[article_id] = target
    return fold_of


def score_subset(scorer: ModuleType, gold: dict, pred: dict, ids: list[str]) -> dict[str, float]:
    """Per-field F1, speaker accuracy and macro F1 of the articles ``ids``."""
    tallies = {field: scorer.Tally() for field in scorer.FIELDS}
    speaker = scorer.Tally()
    for article_id in ids:
        scorer.score_article(gold[article_id], pred.get(article_id, {}), tallies, speaker)
    result = {field: tallies[field].prf()["f1"] for field in scorer.FIELDS}
    judged = speaker.tp + speaker.fp
    result["speaker_acc"] = round(speaker.tp / judged, 4) if judged else 0.0
    result["macro"] = round(sum(result[field] for field in scorer.FIELDS) / len(scorer.FIELDS), 4)
    return result


def print_table(rows: dict[str, dict[str, float]], columns: list[str]) -> None:
    """Print one line per subset, one column per field."""
    print(f"{'subset':<26}" + "".join(f"{col[:9]:>10}" for col in columns))
    for name, values in rows.items():
        print(f"{name:<26}" + "".join(f"{values[col]:>10.3f}" for col in columns))


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path, help="predicted records of the dev articles (JSON Lines)")
    ap.add_argument("--baseline", type=Path, help="records before the change, to report its gain per fold")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seen", default="0,1,2", help="the development folds (the others are held back)")
    ap.add_argument("--group", choices=["site", "network"], default="site", help="what one fold keeps whole")
    ap.add_argument("--list", action="store_true", help="print each article's fold and outlet network")
    a = ap.parse_args(argv)
    dev = a.shared / "data" / "dev"
    if not (dev / "gold.jsonl").is_file():
        print(f"no dev set at {dev}: nothing to score", file=sys.stderr)
        return 0
    scorer = load_scorer(a.shared)
    gold = scorer.load(str(dev / "gold.jsonl"))
    with open(dev / "articles.jsonl", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    fold_of = assign_folds(articles, a.folds, a.group)
    if a.list:
        for article in articles:
            print(fold_of[str(article.get("id"))], outlet_site(article), article.get("id"))
    seen = {int(k) for k in a.seen.split(",") if k.strip()}
    ids = [article_id for article_id in gold if article_id in fold_of]
    subsets = {
        f"fold {k} ({sum(fold_of[i] == k for i in ids)} articles)": [i for i in ids if fold_of[i] == k]
        for k in range(a.folds)
    }
    subsets[f"development folds {sorted(seen)}"] = [i for i in ids if fold_of[i] in seen]
    subsets["held-back folds"] = [i for i in ids if fold_of[i] not in seen]
    order = list(gold)
    subsets[f"first {TUNED_ARTICLES} (tuned)"] = order[:TUNED_ARTICLES]
    subsets[f"other {len(order) - TUNED_ARTICLES}"] = order[TUNED_ARTICLES:]
    subsets["all"] = order
    columns = [*scorer.FIELDS, "speaker_acc", "macro"]
    pred = scorer.load(str(a.pred))
    rows = {name: score_subset(scorer, gold, pred, members) for name, members in subsets.items()}
    print_table(rows, columns)
    if a.baseline:
        before = scorer.load(str(a.baseline))
        print("\ngain over the baseline (after - before):")
        gains = {}
        for name, members in subsets.items():
            old = score_subset(scorer, gold, before, members)
            gains[name] = {col: rows[name][col] - old[col] for col in columns}
        print_table(gains, columns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
