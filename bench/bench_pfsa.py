"""External benchmark: speakers, titles, direct quotes and attribution on PFSA-ID.

Usage:
    python bench/bench_pfsa.py [--shared ../shared] [--pool test|dev40|med|all] [--limit N]
                               [--speakers direct|all] [--no-ner] [--show-errors [K]]

PFSA-ID (Purnomo et al. 2022/2024; ``../shared/data/ner/pfsa-id/``) is a
token-per-line, BILOU-tagged corpus of Kompas articles in which only quoted
public figures are annotated: PERSON (the mention introducing the speaker, ranks
included), ROLE (jabatan), AFFILIATION, ..., CUE (``kata``), CUECOREF (``katanya``),
PERSONCOREF (``kata Roland``) and STATEMENT (the direct quotation, marks included;
indirect speech is not tagged). Its licence is CC BY-NC-SA: it is used here for
**evaluation only**. Nothing of it is copied into the project; it is read from
``../shared`` at run time, and ``--show-errors`` prints excerpts to stderr only.

What the script does:

1. Reads the pool (default ``test``: ``test-data.txt``, 2022 articles, ~30 s) and splits
   it into pseudo-articles at Kompas datelines (``JAKARTA , KOMPAS —``). The files keep
   article order but have no document delimiter; attribution by pronoun (``katanya``)
   and by continuation needs the article's context, so scoring per sentence would be
   unfair to the pipeline. An article whose lead has no dateline stays joined to the
   one before it (``dev-40.txt``: 332 pseudo-articles for ~408 leads).
2. Rebuilds the text: punctuation attaches to its neighbour, ``19 / 2 / 2022`` and
   ``Covid - 19`` close up, each PFSA sentence becomes a paragraph except inside an
   open quotation. Kompas' scraped text writes the opening quotation mark as ``”``;
   an opening ``”`` (decided from context, never from the tags: 99.9% agree with the
   STATEMENT boundaries of ``dev-40.txt``) is restored to ``“``. Every token keeps its
   character span, so outputs map back to token spans.
3. Parses the pseudo-articles with :func:`kalbar_nlp.parse_many` and scores, per
   label, exact and partial one-to-one matches (see the notes printed under the table).
   PFSA links no statement to its speaker: the gold speaker is the PERSON/PERSONCOREF
   next to the statement, or for pronoun cues the last tagged name before it; the
   second is noisy because PFSA leaves many mentions untagged, so attribution is also
   reported separately for the two cases.

The figures are for a rule-based system (plus our own NER) that never saw PFSA-ID,
and the label definitions differ (our titles include the jurisdiction that PFSA
splits off as AFFILIATION; our names drop ranks that PFSA keeps inside PERSON;
PFSA tags only statements of public figures, so real quotes of ordinary people count
as false positives). They are a sanity check against an outside annotation, not a
claim of comparability with the published 81.34 F1.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

POOLS = {"test": "test-data.txt", "dev40": "dev-40.txt", "med": "dev-dl-20-v2.txt"}

#: Published anchors (see ../shared/data/ner/README.md and issue 3).
ANCHOR_ALL = 81.34  # PFSA-ID-BLWCA, all 11 labels, upstream repository
ANCHOR_ROLE = 62.0  # "closest published systems reach 62 F1 on speaker roles"
ANCHOR_ATTR = 82.0  # "... and 82 F1 on quote attribution (PFSA-ID)"

OPEN_QUOTES = {"“", "‘", "«"}
CLOSE_QUOTES = {"’", "»"}
AMBIG_QUOTES = {"”", '"', "'"}
QUOTE_TOKENS = OPEN_QUOTES | CLOSE_QUOTES | AMBIG_QUOTES
NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "]", "}", "!", "?", "%", "…"}
NO_SPACE_AFTER = {"(", "[", "{"}
DASHES = {"—", "–", "-"}
PUNCT = NO_SPACE_BEFORE | NO_SPACE_AFTER | QUOTE_TOKENS | DASHES | {"/"}

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w")

Token = tuple[str, str]  # (form, BILOU tag)
Span = tuple[int, int]  # token indices [start, end)


# ---------------------------------------------------------------- reading


def read_conll(path: Path) -> list[list[Token]]:
    """Read a two-column token/tag file into sentences (blank line = sentence break)."""
    sents: list[list[Token]] = []
    cur: list[Token] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise ValueError(f"{path.name}: expected 'token<TAB>tag', got {line[:60]!r}")
            cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def is_dateline(sent: Sequence[Token]) -> bool:
    """True when the sentence opens with a Kompas dateline (``PLACE , KOMPAS —``)."""
    forms = [t for t, _ in sent[:8]]
    for i, t in enumerate(forms):
        if t == "KOMPAS" and i >= 1 and forms[i - 1] == "," and i + 1 < len(forms) and forms[i + 1] in DASHES:
            return True
    return False


def split_articles(sents: Sequence[Sequence[Token]]) -> list[list[list[Token]]]:
    """Group consecutive sentences into pseudo-articles that start at a dateline."""
    arts: list[list[list[Token]]] = []
    for s in sents:
        if not arts or is_dateline(s):
            arts.append([])
        arts[-1].append(list(s))
    return arts


# ---------------------------------------------------------------- text


def quote_roles(forms: Sequence[str]) -> list[str | None]:
    """Decide for each token whether it is an opening (``"open"``) or closing quote mark.

    Uses the text only (never the tags): ``“``/``‘`` open, ``’`` closes; an ambiguous
    ``”`` or ``"`` closes an open quotation, and otherwise opens one unless the next
    token is punctuation, or a lower-case word after punctuation (``, ” kata``: a close
    whose opening mark was missed).
    """
    roles: list[str | None] = [None] * len(forms)
    is_open = False
    for i, t in enumerate(forms):
        nxt = forms[i + 1] if i + 1 < len(forms) else ""
        if t in OPEN_QUOTES and is_open and nxt[:1].islower() and i and forms[i - 1] in PUNCT:
            roles[i] = "close"  # ``, “kata``: an opening mark typed for a closing one
            is_open = False
        elif t in OPEN_QUOTES:
            roles[i] = "open"
            is_open = True
        elif t in CLOSE_QUOTES:
            if t == "’" and not is_open:
                continue  # an apostrophe
            roles[i] = "close"
            is_open = False
        elif t in AMBIG_QUOTES:
            if t == "'" and not is_open:
                nxt = forms[i + 1] if i + 1 < len(forms) else ""
                if not nxt[:1].isupper():
                    continue
            if is_open:
                roles[i] = "close"
                is_open = False
            else:
                nxt = forms[i + 1] if i + 1 < len(forms) else ""
                prev = forms[i - 1] if i else ""
                if (
                    not nxt
                    or (nxt in PUNCT and nxt not in NO_SPACE_AFTER)
                    or (nxt[:1].islower() and prev in PUNCT)
                ):
                    roles[i] = "close"
                else:
                    roles[i] = "open"
                    is_open = True
    return roles


@dataclass
class Article:
    """A pseudo-article: rebuilt text, token spans, gold spans."""

    text: str
    tokens: list[str]
    tags: list[str]
    offsets: list[tuple[int, int]]
    sent_of: list[int]
    gold: dict[str, list[Span]] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)

    def char_to_tokens(self, start: int, end: int) -> Span | None:
        """Token span covering the characters ``[start, end)`` (``None`` if it covers none)."""
        if self.starts == []:
            self.starts = [s for s, _ in self.offsets]
        i = bisect.bisect_right(self.starts, start) - 1
        i = max(i, 0)
        while i < len(self.offsets) and self.offsets[i][1] <= start:
            i += 1
        j = i
        while j < len(self.offsets) and self.offsets[j][0] < end:
            j += 1
        return (i, j) if j > i else None

    def span_text(self, span: Span) -> str:
        return self.text[self.offsets[span[0]][0] : self.offsets[span[1] - 1][1]]


def _ends_sentence(forms: Sequence[str], sent_of: Sequence[int], i: int) -> bool:
    """Only opening punctuation follows token ``i`` up to the end of its sentence (and one follows)."""
    j = i + 1
    while j < len(forms) and sent_of[j] == sent_of[i]:
        if forms[j] not in NO_SPACE_AFTER:
            return False
        j += 1
    return j < len(forms)


def detokenize(sents: Sequence[Sequence[Token]]) -> Article:
    """Rebuild an article's text from its sentences, keeping every token's character span.

    Each sentence becomes a paragraph (``\\n\\n``) unless a quotation is open across the
    break (then a space); an opening quote mark left at the end of a sentence moves to the
    next paragraph. ``”`` used as an opening mark is written ``“`` (same length).
    """
    forms = [t for s in sents for t, _ in s]
    tags = [g for s in sents for _, g in s]
    sent_of = [k for k, s in enumerate(sents) for _ in s]
    roles = quote_roles(forms)
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    in_quote = False
    for i, t in enumerate(forms):
        role = roles[i]
        if role == "open" and t in AMBIG_QUOTES:
            t = "“" if t == "”" else t
        new_sent = i > 0 and sent_of[i] != sent_of[i - 1]
        prev = forms[i - 1] if i else ""
        prev_role = roles[i - 1] if i else None
        if i == 0:
            sep = ""
        elif role == "open" and _ends_sentence(forms, sent_of, i):
            sep = "\n\n"  # an opening mark at the end of a sentence belongs to the next one
        elif prev_role == "open" or prev in NO_SPACE_AFTER:
            sep = ""
        elif new_sent:
            sep = " " if in_quote else "\n\n"
        elif role == "close" or t in NO_SPACE_BEFORE:
            sep = ""
        elif t == "/" and _DIGIT.match(prev[-1:]) and i + 1 < len(forms) and _DIGIT.match(forms[i + 1][:1]):
            sep = ""
        elif prev == "/" and _DIGIT.match(t[:1]) and i >= 2 and _DIGIT.match(forms[i - 2][-1:]):
            sep = ""
        elif t == "-" and prev != "KOMPAS" and _WORD.match(prev[-1:]) and i + 1 < len(forms):
            sep = "" if _WORD.match(forms[i + 1][:1]) else " "
        elif (
            prev == "-"
            and i >= 2
            and forms[i - 2] != "KOMPAS"
            and _WORD.match(t[:1])
            and _WORD.match(forms[i - 2][-1:])
        ):
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        parts.append(t)
        offsets.append((pos, pos + len(t)))
        pos += len(t)
        if role == "open":
            in_quote = True
        elif role == "close":
            in_quote = False
    art = Article("".join(parts), forms, tags, offsets, sent_of)
    art.gold = bilou_spans(tags)
    return art


def bilou_spans(tags: Sequence[str]) -> dict[str, list[Span]]:
    """Decode BILOU tags into ``{label: [(start, end), ...]}`` (lenient with broken sequences)."""
    out: dict[str, list[Span]] = defaultdict(list)
    cur_label, cur_start = None, 0

    def close(end: int) -> None:
        nonlocal cur_label
        if cur_label is not None:
            out[cur_label].append((cur_start, end))
        cur_label = None

    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            close(i)
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "U":
            close(i)
            out[label].append((i, i + 1))
        elif prefix == "B" or cur_label != label:
            close(i)
            cur_label, cur_start = label, i
            if prefix == "L":
                close(i + 1)
        elif prefix == "L":
            close(i + 1)
    close(len(tags))
    return dict(out)


# ---------------------------------------------------------------- matching


def overlap_f1(a: Span, b: Span) -> float:
    """Token-overlap F1 of two spans."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    p, r = inter / (a[1] - a[0]), inter / (b[1] - b[0])
    return 2 * p * r / (p + r)


def match_spans(pred: Sequence[Span], gold: Sequence[Span], mode: str) -> list[tuple[int, int]]:
    """One-to-one matches ``(pred_index, gold_index)``.

    ``mode`` is ``"exact"`` (same span), ``"overlap"`` (any shared token) or ``"f50"``
    (token-overlap F1 ≥ 0.5); among candidates the best overlap wins, greedily.
    """
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            f = overlap_f1(p, g)
            ok = p == g if mode == "exact" else (f > 0 if mode == "overlap" else f >= 0.5)
            if ok:
                cands.append((-f, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def trim(span: Span, forms: Sequence[str]) -> Span:
    """Drop quote marks and punctuation at both ends of a span."""
    s, e = span
    while s < e and forms[s] in PUNCT:
        s += 1
    while e > s and forms[e - 1] in PUNCT:
        e -= 1
    return (s, e) if e > s else span


@dataclass
class Tally:
    """True positives, false positives and false negatives of one row."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


# ---------------------------------------------------------------- gold speakers

RANK_WORDS = {
    "ajun", "komisaris", "besar", "jenderal", "brigadir", "inspektur", "polisi", "ajudan", "kolonel",
    "letnan", "mayor", "kapten", "laksamana", "marsekal", "muda", "madya", "pertama", "dua", "satu",
    "akbp", "kompol", "iptu", "ipda", "aiptu", "aipda", "brigjen", "irjen", "komjen", "kombes", "pol",
    "bripka", "briptu", "bripda", "mayjen", "letjen", "serka", "serma", "sertu", "prof", "dr",
    "h", "hj", "ir", "kh", "bapak", "ibu", "pak", "bu",
}  # fmt: skip


PRONOUNS = {"dia", "ia", "beliau", "mereka", "kami", "saya", "aku", "nya", "dirinya", "pihaknya"}


def name_keys(s: str | None) -> set[str]:
    """Case-folded name tokens without ranks, honorifics and punctuation."""
    if not s:
        return set()
    toks = re.findall(r"\w+", s.casefold())
    return {t for t in toks if len(t) > 1 and t not in RANK_WORDS and not t.isdigit()}


def gold_speaker(art: Article, stmt: Span) -> tuple[str | None, str]:
    """The gold speaker of a statement, as text, and how it was found.

    PFSA links no statement to its speaker, so it is derived from the tags: the
    PERSON/PERSONCOREF after it in its sentence (``, ” kata Roland``), else the last one
    before it (``X mengatakan, ”…”``; or, for a pronoun cue ``katanya``, the last tagged name),
    resolved to the full PERSON mention when one contains it. ``how`` is ``"named"`` when the
    name stands next to the statement (after it, or before it in the same sentence) and
    ``"inferred"`` otherwise: PFSA leaves many mentions untagged, so walking back to the last
    tagged name can pick the wrong person.
    """
    people = sorted(art.gold.get("PERSON", []) + art.gold.get("PERSONCOREF", []))
    corefs = sorted(art.gold.get("CUECOREF", []))
    end_sent = art.sent_of[stmt[1] - 1]
    # after the statement, within its last sentence or the next one
    horizon = stmt[1] + 12
    after = [p for p in people if stmt[1] <= p[0] < horizon and art.sent_of[p[0]] <= end_sent + 1]
    pron = [c for c in corefs if stmt[1] <= c[0] < horizon]
    surface = None
    how = "inferred"
    if after and not (pron and pron[0][0] < after[0][0]):
        surface = after[0]
        how = "named"
    else:
        before = [p for p in people if p[1] <= stmt[0]]
        if before:
            surface = before[-1]
            if art.sent_of[surface[0]] == art.sent_of[stmt[0]] and not pron:
                how = "named"
    if surface is not None and name_keys(art.span_text(surface)) <= PRONOUNS:
        how = "inferred"
    while surface is not None and name_keys(art.span_text(surface)) <= PRONOUNS:
        earlier = [p for p in people if p[1] <= surface[0]]
        surface = earlier[-1] if earlier else None
    if surface is None:
        return None, how
    text = art.span_text(surface)
    keys = name_keys(text)
    full = [p for p in art.gold.get("PERSON", []) if keys and keys <= name_keys(art.span_text(p))]
    if full:
        before_full = [p for p in full if p[0] <= surface[0]]
        return art.span_text((before_full or full)[-1]), how
    return text, how


def strip_ranks(span: Span, forms: Sequence[str]) -> Span:
    """Drop leading ranks and honorifics (``Ajun Komisaris``, ``H.``) from a gold name span:
    PFSA keeps them inside PERSON, our names keep them apart."""
    s, e = span
    while e - s > 1 and (forms[s].casefold().rstrip(".") in RANK_WORDS or forms[s] == "."):
        s += 1
    return (s, e)


def title_refers(gold: str, person: dict[str, Any], gold_people: Sequence[GoldPerson]) -> bool:
    """A gold speaker given by title only (``kata Presiden``, PERSONCOREF ``Presiden``) is our
    speaker when the title is one of our speaker's titles, or the role of a gold person of
    the same name."""
    g = norm_text(gold)
    if not g or name_keys(gold) & {k for gp in gold_people for k in gp.keys}:
        return False
    if any(g == norm_text(t) or norm_text(t).startswith(g + " ") for t in person.get("titles") or []):
        return True
    name = name_keys(person.get("name"))
    return any(name & gp.keys and any(g in norm_text(r) for r in gp.roles) for gp in gold_people if gp.spans)


def same_person(ours: str | None, gold: str | None) -> bool:
    """Our speaker name and the gold speaker share a name token (ranks and honorifics aside),
    or one name token starts the other (``Risma``/``Rismaharini``, ``Jokowi``/``Joko``)."""
    a, b = name_keys(ours), name_keys(gold)
    if a & b:
        return True
    return any(len(x) >= 4 and len(y) >= 4 and (x.startswith(y) or y.startswith(x)) for x in a for y in b)


# ---------------------------------------------------------------- scoring


ROWS = [
    (
        "PERSON",
        "our quote speakers vs gold speakers (PERSON spans clustered by name); a pair matches when one of "
        "the person's mentions is / overlaps one of its PERSON spans",
        "",
    ),
    (
        "PERSON+COREF",
        "named speaker mentions of direct quotes (+ each speaker's first mention) vs PERSON and "
        "PERSONCOREF spans",
        "",
    ),
    (
        "ROLE",
        "titles of our speakers vs ROLE strings of the matched gold speaker; exact = equal to ROLE or "
        "ROLE+AFFILIATION, partial = containment or token-overlap F1 >= 0.6 (shared/eval/score.py)",
        f"{ANCHOR_ROLE:.0f}*",
    ),
    ("STATEMENT", "direct quotes vs STATEMENT (exact / overlap-F1 >= 0.5)", ""),
    ("CUE", "quote cue vs CUE and CUECOREF", ""),
]


@dataclass
class Result:
    """Tallies, counts and examples of errors."""

    exact: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    partial: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    attr: Counter = field(default_factory=Counter)
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    counts: Counter = field(default_factory=Counter)


def context(art: Article, span: Span, width: int = 90) -> str:
    """The span in brackets with some text around it, on one line."""
    s, e = art.offsets[span[0]][0], art.offsets[span[1] - 1][1]
    left = art.text[max(0, s - width) : s]
    right = art.text[e : e + width]
    return " ".join(f"…{left}[[{art.text[s:e]}]]{right}…".split())


def find_cue(art: Article, cue: str, q: Span) -> Span | None:
    """Token span of the cue word nearest to a quote (after it preferred)."""
    cue_l = cue.casefold()
    first = len(cue_l.split())
    best, best_d = None, 10**9
    lo, hi = max(0, q[0] - 40), min(len(art.tokens), q[1] + 25)
    for i in range(lo, hi):
        if q[0] <= i < q[1]:
            continue
        cand = " ".join(art.tokens[i : i + first]).casefold()
        if cand == cue_l:
            d = i - q[1] if i >= q[1] else (q[0] - i) + 5
            if d < best_d:
                best, best_d = (i, i + first), d
    return best


@dataclass
class GoldPerson:
    """One quoted person of the gold: PERSON spans with the same name, and their ROLE strings."""

    keys: set[str]
    spans: list[Span]
    roles: list[str]


def gold_persons(art: Article) -> list[GoldPerson]:
    """Cluster gold PERSON spans by shared name tokens; attach each ROLE (with the AFFILIATION
    right after it, as ``role | role affiliation``) to the nearest PERSON of its sentence."""
    out: list[GoldPerson] = []
    owner: dict[Span, GoldPerson] = {}
    for sp in art.gold.get("PERSON", []):
        keys = name_keys(art.span_text(sp))
        g = next((g for g in out if keys & g.keys), None)
        if g is None:
            g = GoldPerson(set(keys), [], [])
            out.append(g)
        g.keys |= keys
        g.spans.append(sp)
        owner[sp] = g
    aff = dict(art.gold.get("AFFILIATION", []))
    for r in art.gold.get("ROLE", []):
        cands = [p for p in owner if art.sent_of[p[0]] == art.sent_of[r[0]]]
        if not cands:
            cands = [p for p in owner if abs(p[0] - r[0]) <= 30]
        if not cands:
            out.append(GoldPerson(set(), [], [art.span_text(r)]))  # a role without its person
            continue
        p = min(cands, key=lambda p: p[0] - r[1] if p[0] >= r[1] else 2 * (r[0] - p[1]) + 1)
        text = art.span_text(r)
        if r[1] in aff:
            text += " | " + art.span_text((r[0], aff[r[1]]))
        owner[p].roles.append(text)
    return [g for g in out if g.spans] + [g for g in out if not g.spans]


def match_people(
    ours: Sequence[tuple[str, list[Span], list[str]]],
    gold: Sequence[GoldPerson],
    mode: str,
    forms: Sequence[str],
) -> list[tuple[int, int]]:
    """One-to-one person matches: one of our mentions is (exact) or overlaps one gold PERSON span."""
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    for i, (_, spans, _) in enumerate(ours):
        for j, g in enumerate(gold):
            if j in used or not g.spans:
                continue
            hit = any(
                (s == strip_ranks(gs, forms) if mode == "exact" else overlap_f1(s, gs) > 0)
                for s in spans
                for gs in g.spans
            )
            if hit:
                out.append((i, j))
                used.add(j)
                break
    return out


def norm_text(s: str) -> str:
    """Case- and punctuation-insensitive form of a title (as ``shared/eval/score.py`` does)."""
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())


def title_match(ours: str, gold: str, exact: bool) -> bool:
    """Our title against a gold ``role | role affiliation``: exact is equality with either form;
    partial is containment either way, or token-overlap F1 >= 0.6 (the scorer's title rule)."""
    forms = [norm_text(x) for x in gold.split(" | ")]
    o = norm_text(ours)
    if not o:
        return False
    if exact:
        return o in forms
    for f in forms:
        if f and (f in o or o in f):
            return True
        a, b = Counter(o.split()), Counter(f.split())
        common = sum((a & b).values())
        if common and 2 * common / (sum(a.values()) + sum(b.values())) >= 0.6:
            return True
    return False


def match_titles(ours: Sequence[str], gold: Sequence[str], exact: bool) -> list[tuple[int, int]]:
    """One-to-one matches between a person's titles and the gold roles of the same person."""
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    for i, t in enumerate(ours):
        for j, g in enumerate(gold):
            if j not in used and title_match(t, g, exact):
                out.append((i, j))
                used.add(j)
                break
    return out


def score_article(
    art: Article, rec: dict[str, Any], res: Result, keep: int, speakers_of: str = "direct"
) -> None:
    """Add one pseudo-article's matches to the tallies.

    ``speakers_of`` says whose people count as our speakers (PERSON, PERSON+COREF, ROLE):
    the speakers of ``"direct"`` quotes only (PFSA's STATEMENT is the direct quotation), or
    of ``"all"`` our quotes (PFSA also tags as PERSON some people quoted only indirectly,
    but leaves many indirect speakers untagged).
    """
    forms = art.tokens
    people = {p["name"]: p for p in rec.get("people") or []}
    quotes = [q for q in rec.get("quotes") or [] if q.get("kind") == "direct"]
    res.counts["our_direct"] += len(quotes)
    res.counts["our_indirect"] += sum(1 for q in rec.get("quotes") or [] if q.get("kind") == "indirect")

    def err(kind: str, text: str) -> None:
        res.counts["err:" + kind] += 1
        if len(res.errors[kind]) < keep:
            res.errors[kind].append(text)

    # --- STATEMENT
    g_stmt = [trim(s, forms) for s in art.gold.get("STATEMENT", [])]
    p_stmt: list[Span] = []
    p_quote: list[dict[str, Any]] = []
    for q in quotes:
        sp = art.char_to_tokens(q["start"], q["end"])
        if sp:
            p_stmt.append(trim(sp, forms))
            p_quote.append(q)
    for mode, tallies in (("exact", res.exact), ("f50", res.partial)):
        m = match_spans(p_stmt, g_stmt, mode)
        tallies["STATEMENT"].add(len(m), len(p_stmt), len(g_stmt))
        if mode == "f50":
            stmt_matches = m
    matched_g = {j for _, j in stmt_matches}
    matched_p = {i for i, _ in stmt_matches}
    for j, g in enumerate(g_stmt):
        if j not in matched_g:
            touching = any(overlap_f1(p, g) > 0 for p in p_stmt)
            err(
                "statement missed (boundaries)" if touching else "statement missed (no quote found)",
                context(art, g),
            )
    for i, p in enumerate(p_stmt):
        if i not in matched_p and not any(overlap_f1(p, g) > 0 for g in g_stmt):
            err("quote not in gold (unannotated or not a quote)", context(art, p))

    # precision among quotes of people PFSA annotates as speakers in this article
    gold_names: set[str] = set()
    for g in art.gold.get("PERSON", []) + art.gold.get("PERSONCOREF", []):
        gold_names |= name_keys(art.span_text(g))
    on_gold = [
        i for i, q in enumerate(p_quote) if name_keys((q.get("speaker") or {}).get("name")) & gold_names
    ]
    res.counts["stmt_pred_gold_speaker"] += len(on_gold)
    res.counts["stmt_tp_gold_speaker"] += sum(1 for i in on_gold if i in matched_p)

    # --- attribution on matched statements
    gold_people = gold_persons(art)
    for i, j in stmt_matches:
        gs, how = gold_speaker(art, g_stmt[j])
        q = p_quote[i]
        ours = (q.get("speaker") or {}).get("name")
        if gs is None:
            res.attr["gold speaker unknown"] += 1
            continue
        if ours is None:
            res.attr["ours: none"] += 1
            res.attr[how + ":none"] += 1
            err("speaker missing", f"gold={gs!r} :: " + context(art, g_stmt[j], 40))
        elif same_person(ours, gs) or title_refers(gs, people.get(ours or "", {}), gold_people):
            res.attr["correct"] += 1
            res.attr[how + ":correct"] += 1
        else:
            res.attr["wrong"] += 1
            res.attr[how + ":wrong"] += 1
            err(
                f"speaker wrong ({how} gold, rule {(q.get('speaker') or {}).get('rule')})",
                f"ours={ours!r} ({(q.get('speaker') or {}).get('rule')}) gold={gs!r} :: "
                + context(art, g_stmt[j], 40),
            )

    # --- speakers (PERSON), speaker mentions (PERSON+COREF), their titles (ROLE)
    speakers: dict[str, list[Span]] = {}  # name -> the spans of its named speaker mentions
    mentions: list[Span] = []
    all_quotes = rec.get("quotes") or []
    for q in quotes if speakers_of == "direct" else all_quotes:
        sp = q.get("speaker") or {}
        name = sp.get("name")
        if name:
            speakers.setdefault(name, [])
        named = sp.get("rule") != "pronoun" and (sp.get("mention") or "")[:1].isupper()
        if sp.get("start") is not None and named:
            t = art.char_to_tokens(sp["start"], sp["end"])
            if t:
                mentions.append(t)
                if name:
                    speakers[name].append(t)
    ours: list[tuple[str, list[Span], list[str]]] = []  # (name, mention spans, titles)
    for name, cue_spans in speakers.items():
        person = people.get(name) or {}
        spans = [art.char_to_tokens(m["start"], m["end"]) for m in person.get("mentions") or []]
        spans = sorted({t for t in spans + cue_spans if t})
        ours.append((name, spans, list(person.get("titles") or [])))
    g_any = sorted(
        {strip_ranks(g, forms) for g in art.gold.get("PERSON", []) + art.gold.get("PERSONCOREF", [])}
    )
    intro = [min(sp) for _, sp, _ in ours if sp]
    all_mentions = sorted(set(mentions + intro))
    n_roles_gold = sum(len(g.roles) for g in gold_people)
    n_titles = sum(len(t) for _, _, t in ours)
    for mode, tallies in (("exact", res.exact), ("overlap", res.partial)):
        m_any = match_spans(all_mentions, g_any, mode)
        tallies["PERSON+COREF"].add(len(m_any), len(all_mentions), len(g_any))
        pairs = match_people(ours, gold_people, mode, forms)
        tallies["PERSON"].add(len(pairs), len(ours), sum(1 for g in gold_people if g.spans))
        tp_roles = 0
        for i, j in pairs:
            hits = match_titles(ours[i][2], gold_people[j].roles, exact=mode == "exact")
            tp_roles += len(hits)
            if mode == "overlap":
                matched_titles = {a for a, _ in hits}
                for k, t in enumerate(ours[i][2]):
                    if k not in matched_titles and norm_text(t).split()[0] in RANK_WORDS:
                        err("title: a rank given as title", f"{ours[i][0]!r}: {t!r}")
                if len(hits) < len(gold_people[j].roles):
                    kind = "title: none attached" if not ours[i][2] else "title: other than gold"
                    err(kind, f"{ours[i][0]!r}: ours {ours[i][2]} gold {gold_people[j].roles}")
        tallies["ROLE"].add(tp_roles, n_titles, n_roles_gold)
        if mode == "overlap":
            hit_g = {j for _, j in pairs}
            for j, g in enumerate(gold_people):
                if j not in hit_g:
                    who = " / ".join(art.span_text(sp) for sp in g.spans)
                    where = context(art, g.spans[0], 60) if g.spans else ""
                    known = any(same_person(p, who) for p in people) if g.spans else False
                    kind = (
                        "speaker person missed ("
                        + ("a person of ours, no quote" if known else "not a person of ours")
                        + ")"
                    )
                    err(kind, f"{who!r} roles {g.roles} :: {where}")
            hit_o = {i for i, _ in pairs}
            for i, (name, _, titles) in enumerate(ours):
                if i not in hit_o:
                    err("speaker person not in gold", f"{name!r} titles {titles}")
            res.counts["gold_role"] += n_roles_gold

    # --- CUE
    g_cue = sorted(art.gold.get("CUE", []) + art.gold.get("CUECOREF", []))
    p_cue: list[Span] = []
    for q, sp in zip(p_quote, p_stmt, strict=True):
        if q.get("cue"):
            c = find_cue(art, q["cue"], sp)
            if c and c not in p_cue:
                p_cue.append(c)
    for mode, tallies in (("exact", res.exact), ("overlap", res.partial)):
        tallies["CUE"].add(len(match_spans(p_cue, g_cue, mode)), len(p_cue), len(g_cue))
    res.counts["gold_statements"] += len(g_stmt)
    res.counts["gold_person"] += len(art.gold.get("PERSON", []))


def load_pool(shared: Path, pool: str) -> list[list[list[Token]]]:
    """Pseudo-articles of a pool; ``all`` = test + dev40 + the MED articles not in dev40."""
    base = shared / "data" / "ner" / "pfsa-id"
    if pool != "all":
        return split_articles(read_conll(base / POOLS[pool]))
    test = split_articles(read_conll(base / POOLS["test"]))
    dev = split_articles(read_conll(base / POOLS["dev40"]))
    seen = {tuple(t for t, _ in s) for a in dev + test for s in a if len(s) >= 5}
    med = []
    for a in split_articles(read_conll(base / POOLS["med"])):
        long = [s for s in a if len(s) >= 5]
        if long and sum(tuple(t for t, _ in s) in seen for s in long) / len(long) < 0.5:
            med.append(a)
    return test + dev + med


def print_table(res: Result, out: Any = sys.stdout) -> None:
    """The per-label table with the published anchors."""
    print(
        f"{'label':<14}{'exact P':>8}{'R':>7}{'F1':>7}  {'partial P':>9}{'R':>7}{'F1':>7}  {'anchor':>7}",
        file=out,
    )
    for label, _desc, anchor in ROWS:
        pe, re_, fe = res.exact[label].prf()
        pp, rp, fp = res.partial[label].prf()
        print(f"{label:<14}{pe:8.1f}{re_:7.1f}{fe:7.1f}  {pp:9.1f}{rp:7.1f}{fp:7.1f}  {anchor:>7}", file=out)
    a = res.attr
    scored = a["correct"] + a["wrong"] + a["ours: none"]
    acc = 100 * a["correct"] / scored if scored else 0.0
    given = a["correct"] + a["wrong"]
    prec = 100 * a["correct"] / given if given else 0.0
    print(
        f"{'ATTRIBUTION':<14}speaker right on {acc:.1f}% of {scored} matched statements "
        f"(precision {prec:.1f}% where we name one; none given {a['ours: none']}, "
        f"gold speaker not derivable {a['gold speaker unknown']})   anchor {ANCHOR_ATTR:.0f}*",
        file=out,
    )
    for how in ("named", "inferred"):
        tot = sum(a[f"{how}:{k}"] for k in ("correct", "wrong", "none"))
        if tot:
            print(
                f"{'  ' + how:<14}{100 * a[how + ':correct'] / tot:.1f}% of {tot} "
                + (
                    "(gold name next to the statement: ', ” kata Roland', 'X mengatakan, “…”')"
                    if how == "named"
                    else "(gold by walking back to the last tagged name: pronoun cues, continuation)"
                ),
                file=out,
            )
    n = res.counts["stmt_pred_gold_speaker"]
    if n:
        print(
            f"{'STATEMENT*':<14}precision {100 * res.counts['stmt_tp_gold_speaker'] / n:.1f} (f50) "
            f"on the {n} direct "
            "quotes whose speaker is one PFSA annotates in the article",
            file=out,
        )
    print("", file=out)
    print("exact = same tokens (PERSON: the gold span without leading ranks/honorifics);", file=out)
    print(
        "partial = any token overlap (STATEMENT: token-overlap F1 >= 0.5, as ../shared/eval/score.py).",
        file=out,
    )
    for label, desc, _ in ROWS:
        print(f"  {label}: {desc}", file=out)
    print(
        f"anchors: {ANCHOR_ALL} F1 over all 11 PFSA labels (PFSA-ID-BLWCA, upstream, trained on PFSA-ID);\n"
        f"  * issue 3: the closest published systems reach {ANCHOR_ROLE:.0f} F1 on speaker roles and "
        f"{ANCHOR_ATTR:.0f} F1 on quote attribution.\n"
        "These figures are for a rule-based system never trained on PFSA-ID, and the label definitions\n"
        "differ (our titles include the jurisdiction PFSA tags as AFFILIATION; our names drop ranks;\n"
        "PFSA tags only statements of public figures, so unannotated real quotes count as false positives).",
        file=out,
    )


def run(a: argparse.Namespace) -> int:
    import kalbar_nlp

    shared = Path(a.shared)
    if not (shared / "data" / "ner" / "pfsa-id").is_dir():
        print(f"no PFSA-ID data under {shared}: nothing to score", file=sys.stderr)
        return 0
    t0 = time.perf_counter()
    arts_tok = load_pool(shared, a.pool)
    if a.limit:
        arts_tok = arts_tok[: a.limit]
    arts = [detokenize(s) for s in arts_tok]
    t1 = time.perf_counter()
    nlp = kalbar_nlp.load(ner=not a.no_ner)
    t2 = time.perf_counter()
    items = [{"text": art.text, "id": f"pfsa-{a.pool}-{k}"} for k, art in enumerate(arts)]
    res = Result()
    n_tok = 0
    keep = a.show_errors or 0
    for art, rec in zip(arts, kalbar_nlp.parse_many(items, nlp=nlp), strict=True):
        d = rec.to_dict()
        if "error" in d and "schema_version" not in d:
            res.counts["parse_errors"] += 1
            continue
        n_tok += len(art.tokens)
        score_article(art, d, res, keep, a.speakers)
    t3 = time.perf_counter()
    print(
        f"PFSA-ID pool {a.pool}: {len(arts)} pseudo-articles, {sum(len(s) for s in arts_tok)} sentences, "
        f"{n_tok} tokens; gold {res.counts['gold_statements']} statements, "
        f"{res.counts['gold_person']} PERSON, "
        f"{res.counts['gold_role']} ROLE; ours {res.counts['our_direct']} direct + "
        f"{res.counts['our_indirect']} indirect quotes (indirect are not scored: PFSA tags none)"
    )
    print(
        f"time: read+rebuild {t1 - t0:.1f} s, load {t2 - t1:.1f} s, parse+score {t3 - t2:.1f} s "
        f"({len(arts) / max(t3 - t2, 1e-9):.1f} articles/s, {n_tok / max(t3 - t2, 1e-9):,.0f} tokens/s); "
        f"NER {'off' if a.no_ner else 'on'}"
    )
    print()
    print_table(res)
    errs = {k[4:]: v for k, v in res.counts.items() if k.startswith("err:")}
    if errs:
        print("\nerror kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(errs.items(), key=lambda x: -x[1])))
    if keep:
        for kind, examples in sorted(res.errors.items()):
            print(f"\n== {kind} ({res.counts['err:' + kind]})", file=sys.stderr)
            for ex in examples:
                print("  - " + ex, file=sys.stderr)
    return 0


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument(
        "--pool", default="test", choices=[*POOLS, "all"], help="which PFSA-ID file (default: test)"
    )
    ap.add_argument("--limit", type=int, default=0, help="only the first N pseudo-articles (default: all)")
    ap.add_argument(
        "--speakers",
        default="direct",
        choices=["direct", "all"],
        help="speakers of our direct quotes (default) or of all quotes count for PERSON/ROLE",
    )
    ap.add_argument("--no-ner", action="store_true", help="rules only, without the trained NER")
    ap.add_argument(
        "--show-errors",
        type=int,
        nargs="?",
        const=5,
        default=0,
        metavar="K",
        help="K examples per error kind",
    )
    return run(ap.parse_args(list(argv) if argv is not None else None))


if __name__ == "__main__":
    sys.exit(main())
