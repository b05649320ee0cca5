"""Convert the third-party Indonesian NER datasets in ``../shared/data/ner`` to one PER/ORG/LOC scheme.

Reads the CoNLL-style files, maps every dataset's labels to ``PER``/``ORG``/``LOC`` (NER UGM's TIME and
QUANTITY become ``O``), repairs BIO errors the seqeval way (an ``I-`` that does not continue an entity of
the same type starts one), removes from the training pool every sentence of the three held-out test
files and every near-duplicate of one, de-duplicates across datasets, and writes spaCy ``DocBin``
files under ``training/corpus/`` (git-ignored: nothing of the datasets is committed).

Held-out test files (never trained on):

* ``indolem-nerui/test.01.tsv`` (NER UI fold 1),
* ``indolem-nerugm/test.01.tsv`` (NER UGM fold 1, PER/ORG/LOC only),
* ``idner-news-2k/test.txt``.

A training sentence counts as a near-duplicate of a held-out sentence when their normalised texts
(lower-cased, only ``a-z0-9`` kept: this also hides NERGrit's lost non-ASCII characters) are equal, or
when at least ``NEAR_DUP_CONTAINMENT`` of the word trigrams of the shorter one occur in the other.

Usage::

    python training/convert.py --shared ../shared --mix base
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("PER", "ORG", "LOC")
NEAR_DUP_CONTAINMENT = 0.6
HERE = Path(__file__).resolve().parent

# Label maps: source label -> ours (None = outside).
MAP_INDOLEM = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "TIME": None, "QUANTITY": None}
MAP_IDNER = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
MAP_NERP = {"PPL": "PER", "PLC": "LOC", "IND": None, "EVT": None, "FNB": None}
MAP_NERGRIT = {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"}

# dataset key -> (relative folder, label map)
DATASETS = {
    "nerui": ("indolem-nerui", MAP_INDOLEM),
    "nerugm": ("indolem-nerugm", MAP_INDOLEM),
    "idner": ("idner-news-2k", MAP_IDNER),
    "nerp": ("indonlu-nerp", MAP_NERP),
    "nergrit": ("indonlu-nergrit", MAP_NERGRIT),
}

HELD_OUT = {
    "nerui": ("indolem-nerui/test.01.tsv", "nerui"),
    "nerugm": ("indolem-nerugm/test.01.tsv", "nerugm"),
    "idner": ("idner-news-2k/test.txt", "idner"),
}
# Development data for model selection while training (not held-out: only used to pick a checkpoint).
DEV_FILES = [("indolem-nerui/dev.01.tsv", "nerui"), ("indolem-nerugm/dev.01.tsv", "nerugm")]

TRAIN_FILES = {
    "nerui": ["indolem-nerui/train.01.tsv"],
    "nerugm": ["indolem-nerugm/train.01.tsv"],
    "idner": ["idner-news-2k/train.txt", "idner-news-2k/dev.txt"],
    "nerp": [
        "indonlu-nerp/train_preprocess.txt",
        "indonlu-nerp/valid_preprocess.txt",
        "indonlu-nerp/test_preprocess.txt",
    ],
    "nergrit": [
        "indonlu-nergrit/train_preprocess.txt",
        "indonlu-nergrit/valid_preprocess.txt",
        "indonlu-nergrit/test_preprocess.txt",
    ],
}

# Training mixes: datasets in priority order (the first copy of a duplicate sentence is kept).
# ``nerp`` is lower-cased and has no ORG label: its ``O`` tokens are written as *missing*, so it only
# teaches positive PER/LOC spans (see README of the data).
MIXES = {
    "base": ["nerui", "nerugm"],
    "base_idner": ["nerui", "nerugm", "idner"],
    "idner_first": ["nerui", "idner", "nerugm"],
    "grit": ["nerui", "nerugm", "nergrit"],
    "nerp": ["nerui", "nerugm", "nerp"],
    "all": ["nerui", "nerugm", "nergrit", "nerp"],
}


@dataclass
class Sentence:
    """One sentence: tokens, BIO tags in our scheme, its dataset, and whether ``O`` means missing."""

    words: list[str]
    tags: list[str]
    source: str
    o_is_missing: bool = False
    key: str = field(default="", init=False)

    def __post_init__(self) -> None:
        self.key = norm_key(self.words)


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def norm_words(words: Iterable[str]) -> list[str]:
    """Lower-case each word and keep only ``a-z0-9``; drop words that become empty."""
    out = []
    for w in words:
        n = _NON_ALNUM.sub("", w.lower())
        if n:
            out.append(n)
    return out


def norm_key(words: Iterable[str]) -> str:
    """Return the normalised text used to match duplicate sentences across datasets."""
    return "".join(norm_words(words))


def trigrams(words: list[str]) -> set[tuple[str, ...]]:
    """Return the set of word trigrams of normalised ``words``."""
    nw = norm_words(words)
    return {tuple(nw[i : i + 3]) for i in range(len(nw) - 2)}


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(words, tags)`` per sentence of a token-per-line file (tag in the last column)."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            parts = [p for p in parts if p != ""]
            if len(parts) < 2:
                raise ValueError(f"{path}: malformed line {line!r}")
            words.append(parts[0])
            tags.append(parts[-1])
    if words:
        yield words, tags


def map_tags(tags: list[str], mapping: dict[str, str | None]) -> list[str]:
    """Map source BIO tags to ours and repair BIO the seqeval way."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O":
            out.append("O")
            prev = "O"
            continue
        prefix, _, label = tag.partition("-")
        if label not in mapping:
            raise ValueError(f"unknown label {tag!r}")
        ours = mapping[label]
        if ours is None:
            out.append("O")
            prev = "O"
            continue
        if prefix == "I" and prev == ours:
            out.append("I-" + ours)
        else:
            out.append("B-" + ours)
        prev = ours
    return out


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return ``(start, end, label)`` spans of BIO ``tags`` (seqeval default, non-strict, semantics)."""
    spans = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if label is not None:
                spans.append((start, i, label))
                start, label = None, None
            if tag != "O":
                start, label = i, tag[2:]
    return spans


def load_file(shared: Path, rel: str, dataset: str) -> list[Sentence]:
    """Load one file of ``dataset`` as :class:`Sentence` objects in our scheme."""
    _, mapping = DATASETS[dataset]
    path = shared / "data" / "ner" / rel
    return [
        Sentence(words, map_tags(tags, mapping), dataset, o_is_missing=(dataset == "nerp"))
        for words, tags in read_conll(path)
    ]


def load_held_out(shared: Path) -> dict[str, list[Sentence]]:
    """Return the three held-out test sets, keyed ``nerui``, ``nerugm``, ``idner``."""
    return {name: load_file(shared, rel, ds) for name, (rel, ds) in HELD_OUT.items()}


class NearDupIndex:
    """Exact normalised-text and trigram-containment matching against a set of sentences."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self.keys: set[str] = set()
        self.grams: list[set[tuple[str, ...]]] = []
        self.index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for s in sentences:
            self.add(s)

    def add(self, s: Sentence) -> None:
        """Add one sentence to the index."""
        if s.key:
            self.keys.add(s.key)
        g = trigrams(s.words)
        idx = len(self.grams)
        self.grams.append(g)
        for t in g:
            self.index[t].append(idx)

    def matches(self, s: Sentence) -> bool:
        """True when ``s`` equals or nearly duplicates an indexed sentence."""
        if s.key and s.key in self.keys:
            return True
        g = trigrams(s.words)
        if len(g) < 3:
            return False
        hits: Counter[int] = Counter()
        for t in g:
            for idx in self.index.get(t, ()):
                hits[idx] += 1
        for idx, n in hits.items():
            smaller = min(len(g), len(self.grams[idx]))
            if smaller >= 3 and n / smaller >= NEAR_DUP_CONTAINMENT:
                return True
        return False


def build_pool(shared: Path, mix: str) -> tuple[list[Sentence], list[Sentence], dict]:
    """Return ``(train, dev, stats)`` for ``mix`` with held-out and duplicate sentences removed."""
    if mix not in MIXES:
        raise ValueError(f"mix: must be one of {', '.join(MIXES)}, not {mix!r}")
    held = load_held_out(shared)
    held_index = NearDupIndex(s for sents in held.values() for s in sents)
    stats: dict = {"mix": mix, "removed_held_out": {}, "removed_duplicate": {}, "kept": {}}

    dev: list[Sentence] = []
    seen_keys: set[str] = set()
    for rel, ds in DEV_FILES:
        for s in load_file(shared, rel, ds):
            if held_index.matches(s) or s.key in seen_keys:
                continue
            seen_keys.add(s.key)
            dev.append(s)
    dev_index = NearDupIndex(dev)

    train: list[Sentence] = []
    for ds in MIXES[mix]:
        n_held = n_dup = 0
        for rel in TRAIN_FILES[ds]:
            for s in load_file(shared, rel, ds):
                if not s.key:
                    continue
                if held_index.matches(s):
                    n_held += 1
                    continue
                if s.key in seen_keys or dev_index.matches(s):
                    n_dup += 1
                    continue
                seen_keys.add(s.key)
                train.append(s)
        stats["removed_held_out"][ds] = n_held
        stats["removed_duplicate"][ds] = n_dup
        stats["kept"][ds] = sum(1 for s in train if s.source == ds)
    stats["dev"] = len(dev)
    stats["train"] = len(train)
    return train, dev, stats


def to_docbin(sentences: list[Sentence]):
    """Return a spaCy ``DocBin`` of one ``Doc`` per sentence (``O`` left missing where flagged)."""
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    vocab = spacy.blank("id").vocab
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for s in sentences:
        doc = Doc(vocab, words=s.words)
        spans = [Span(doc, a, b, label=lab) for a, b, lab in bio_spans(s.tags)]
        doc.set_ents(spans, default="missing" if s.o_is_missing else "outside")
        db.add(doc)
    return db


def write_corpus(shared: Path, mix: str, out: Path) -> dict:
    """Write ``train.spacy``, ``dev.spacy`` and ``stats.json`` for ``mix`` into ``out``; return stats."""
    train, dev, stats = build_pool(shared, mix)
    out.mkdir(parents=True, exist_ok=True)
    to_docbin(train).to_disk(out / "train.spacy")
    to_docbin(dev).to_disk(out / "dev.spacy")
    (out / "stats.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    return stats


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--mix", default="base", choices=sorted(MIXES))
    ap.add_argument("--out", type=Path, default=None, help="default: training/corpus/<mix>")
    args = ap.parse_args()
    out = args.out or HERE / "corpus" / args.mix
    stats = write_corpus(args.shared.resolve(), args.mix, out)
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
