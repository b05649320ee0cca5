"""The parser against the team's own sample articles and their expected records.

``data/sample_articles/expected.jsonl`` holds what an attentive reader extracts
(the gold format of the project's evaluation). The fields are scored the way
the evaluation scores them: names case- and punctuation-insensitive, a
predicted name matching any alias of an expected entity, dates as sets of
values, quotes by token overlap. The floors are a little under what the
parser measured when they were set: a drop below them is a regression.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from conftest import SAMPLES, read_jsonl

import kalbar_nlp

ARTICLES = read_jsonl(SAMPLES / "articles.jsonl")
EXPECTED = {g["id"]: g for g in read_jsonl(SAMPLES / "expected.jsonl")}

FLOORS = {
    "dateline_outlet": 0.95,
    "dateline_place": 0.95,
    "dates": 0.90,
    "bylines": 0.90,
    "people": 0.85,
    "titles": 0.70,
    "organizations": 0.60,
    "locations": 0.70,
    "quotes_direct": 0.90,
    "quotes_all": 0.80,
}


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def overlap(a: str, b: str) -> float:
    ta, tb = norm(a).split(), norm(b).split()
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


class Tally(Counter):
    def add(self, tp: int, fp: int, fn: int) -> None:
        self.update(tp=tp, fp=fp, fn=fn)

    def f1(self) -> float:
        tp, fp, fn = self["tp"], self["fp"], self["fn"]
        return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def score(records: list[dict]) -> dict[str, Tally]:
    t = {k: Tally() for k in FLOORS}
    for rec in records:
        gold = EXPECTED[rec["id"]]
        for key in ("outlet", "place"):
            g, p = norm((gold["dateline"] or {}).get(key)), norm((rec["dateline"] or {}).get(key))
            t["dateline_" + key].add(
                int(bool(g) and g == p), int(bool(p) and g != p), int(bool(g) and g != p)
            )
        gv, pv = {d["value"] for d in gold["dates"]}, {d["value"] for d in rec["dates"] if d["value"]}
        t["dates"].add(len(gv & pv), len(pv - gv), len(gv - pv))
        gb, pb = {norm(b["name"]) for b in gold["bylines"]}, {norm(b["name"]) for b in rec["bylines"]}
        t["bylines"].add(len(gb & pb), len(pb - gb), len(gb - pb))
        for field in ("people", "organizations", "locations"):
            golds = [{norm(e["name"]), *map(norm, e["aliases"])} for e in gold[field]]
            used: set[int] = set()
            for item in rec[field]:
                hit = next(
                    (j for j, g in enumerate(golds) if j not in used and norm(item["name"]) in g), None
                )
                if hit is None:
                    t[field].add(0, 1, 0)
                    continue
                used.add(hit)
                t[field].add(1, 0, 0)
                if field == "people":
                    gt = list(gold[field][hit]["titles"])
                    for title in item["titles"]:
                        m = next((x for x in gt if norm(x) in norm(title) or norm(title) in norm(x)), None)
                        if m is None:
                            m = next((x for x in gt if overlap(x, title) >= 0.6), None)
                        if m is None:
                            t["titles"].add(0, 1, 0)
                        else:
                            gt.remove(m)
                            t["titles"].add(1, 0, 0)
                    t["titles"].add(0, 0, len(gt))
            t[field].add(0, 0, len(golds) - len(used))
            if field == "people":
                for j in set(range(len(golds))) - used:
                    t["titles"].add(0, 0, len(gold[field][j]["titles"]))
        for kind in ("direct", "all"):
            gq = [q for q in gold["quotes"] if kind == "all" or q["kind"] == "direct"]
            pq = [q for q in rec["quotes"] if kind == "all" or q["kind"] == "direct"]
            free = list(range(len(gq)))
            tp = 0
            for q in pq:
                best = max(free, key=lambda j: overlap(q["text"], gq[j]["text"]), default=None)
                if best is not None and overlap(q["text"], gq[best]["text"]) >= 0.5:
                    free.remove(best)
                    tp += 1
            t["quotes_" + kind].add(tp, len(pq) - tp, len(gq) - tp)
    return t


@pytest.fixture(scope="module")
def records(nlp) -> list[dict]:
    return [
        kalbar_nlp.parse(a["text"], id=a["id"], title=a["title"], published=a["published"], nlp=nlp).to_dict()
        for a in ARTICLES
    ]


def test_samples_are_well_formed():
    assert 8 <= len(ARTICLES) <= 12
    assert [a["id"] for a in ARTICLES] == list(EXPECTED)
    for a in ARTICLES:
        gold = EXPECTED[a["id"]]
        for q in gold["quotes"]:
            # every expected quote is really in the article (modulo the removed attribution)
            assert all(tok in norm(a["text"]) for tok in norm(q["text"]).split()), q["text"]


@pytest.mark.parametrize("field", list(FLOORS))
def test_parser_reaches_the_floor_on_the_samples(records, field):
    tally = score(records)[field]
    assert tally.f1() >= FLOORS[field], f"{field}: F1 {tally.f1():.3f} ({dict(tally)})"


def test_wrong_weekday_is_flagged(records):
    rec = next(r for r in records if r["id"] == "sample-antara-11")
    date = next(d for d in rec["dates"] if d["text"].startswith("Jumat"))
    assert date["value"] == "2024-09-12" and date["weekday_matches"] is False
    assert any("Jumat" in w for w in rec["warnings"])


def test_offsets_are_exact_in_every_sample(records):
    for a, rec in zip(ARTICLES, records, strict=True):
        text = a["text"]
        for d in rec["dates"] + rec["bylines"] + rec["quotes"]:
            assert text[d["start"] : d["end"]] == d["text"]
        for field in ("people", "organizations", "locations"):
            for item in rec[field]:
                for m in item["mentions"]:
                    assert text[m["start"] : m["end"]] == m["text"]
