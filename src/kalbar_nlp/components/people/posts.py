"""The posts people hold: when two title records name one post, and bare titles that point to a person.

``title_only``: a bare title that fits exactly one titled person (``Sekda mengatakan``) becomes a
mention of that person (for the quotes component, never an alias); ``title_demonstrative``:
``Pj Sekda Bone itu`` points back to the person just named; ``pronoun_cue``: ``dia menjabat
Wadanjen Kopassus`` names the post of the person the sentence is about.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...lexicons.organisations import load_organisations
from ...lexicons.people import load_people_words
from ...lexicons.titles import Lexicon, norm_key
from ...text.names import NameReader
from ...text.ranges import Range, overlaps
from .mentions import Cluster, Mention

#: how far back (in tokens) ``Sekda Bone itu`` may point to the person just named (a few paragraphs)
DEMONSTRATIVE_REACH = 200
#: words after a title that point back to the person just named (Pj Sekda Bone itu)
DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})
#: the most cue words between a post and a second post of the same person (yang saat ini juga menjabat)
CHAIN_REACH = 6
#: the deputy of a post is another post (Wakil Bupati is not Bupati)
DEPUTY = "wakil "
#: the marker of a former post (a ``post_prefix`` that is no acting marker)
FORMER = "mantan"


def defined_abbreviations(titles: list[dict]) -> dict[str, str]:
    """Abbreviations the article defines inside titles (``Universitas Lampung (Unila)``)."""
    out: dict[str, str] = {}
    for title in titles:
        for abbreviation in title.get("abbreviations") or []:
            out[" ".join(norm_key(abbreviation["abbr"]))] = " ".join(norm_key(abbreviation["full"]))
    return out


@dataclass(slots=True)
class Posts:
    """Compares the posts of title records, with the abbreviations one article defines."""

    lex: Lexicon
    abbreviations: dict[str, str] = field(default_factory=dict)

    def post_key(self, title: dict) -> tuple[str, str, bool]:
        """(expansion without acting/former prefixes, jurisdiction in full, former) of a title record."""
        expansion = " ".join(norm_key(title.get("expansion") or title["role"]))
        for prefix in load_people_words().post_prefixes:
            expansion = expansion.replace(prefix + " ", "")
        words = []
        for written in norm_key(title.get("jurisdiction") or ""):
            word = self.abbreviations.get(written, written)
            if word in self.lex.admin:
                continue
            words.append(self.lex.place_full.get(word, word).lower())
        return expansion, " ".join(words), bool(title.get("former"))

    def acting(self, title: dict) -> str:
        """The acting marker that opens a title record's expansion (``pelaksana tugas``), else ``""``."""
        expansion = " ".join(norm_key(title.get("expansion") or title["role"]))
        return next(
            (
                prefix
                for prefix in load_people_words().post_prefixes
                if prefix != FORMER and expansion.startswith(prefix + " ")
            ),
            "",
        )

    def spelled_out(self, expansion: str, jurisdiction: str) -> frozenset[str]:
        """The words of a post key (:meth:`post_key`) with its acronyms written in full.

        ``Kadis PUPR Madina`` and ``Kepala Dinas PUPR Kabupaten Mandailing Natal`` give the same
        words (``kepala dinas pekerjaan umum dan penataan ruang mandailing natal``); region words
        (``Kabupaten``) are left out.
        """
        acronyms = load_organisations().acronyms
        words: set[str] = set()
        for word in f"{expansion} {jurisdiction}".split():
            acronym = acronyms.get(word)
            words.update(norm_key(acronym.expansions[0]) if acronym else (word,))
        return frozenset(words - self.lex.admin)

    def same_post(self, a: dict, b: dict) -> bool:
        """Do the title records ``a`` and ``b`` name one post?"""
        ea, ja, _ = self.post_key(a)
        eb, jb, _ = self.post_key(b)
        # the same post written as current and as former (Presiden / mantan Presiden) is one post
        ta, tb = " ".join(norm_key(a["title"])), " ".join(norm_key(b["title"]))
        if ta == tb or f"{ea} {ja}".strip() == f"{eb} {jb}".strip():
            return True  # Menpar / Menteri Pariwisata
        if ja and jb and self.spelled_out(ea, ja) == self.spelled_out(eb, jb):
            return True  # Kadis PUPR Madina / Kepala Dinas PUPR Kabupaten Mandailing Natal
        if ea.startswith(DEPUTY) != eb.startswith(DEPUTY):
            return False  # Bupati Sintang / Wakil Bupati Sintang: two posts, two people
        if ea != eb and not (ea.endswith(" " + eb) or eb.endswith(" " + ea)):
            # one post written with and without its office word (Kepala SMAN 9 / kepala sekolah SMAN 9)
            return bool(ja) and ja == jb and (ea.startswith(eb + " ") or eb.startswith(ea + " "))
        return not ja or not jb or ja == jb or ja in jb or jb in ja


def fuller(a: dict, b: dict) -> dict:
    """Of two records of one post, the one with a jurisdiction, else the longer written form."""

    def score(title: dict) -> tuple[int, int, int]:
        """(has a jurisdiction, length of the expansion, length of the title)."""
        return (1 if title.get("jurisdiction") else 0, len(title.get("expansion") or ""), len(title["title"]))

    score_a, score_b = score(a), score(b)
    if score_a[0] != score_b[0]:
        return a if score_a[0] > score_b[0] else b
    # the written full form beats the abbreviation (Wakil Bupati Indramayu over Wabup Indramayu)
    return a if len(a["title"]) >= len(b["title"]) else b


@dataclass(slots=True)
class TitleOnly:
    """What :func:`link_title_only` reads once per document."""

    reader: NameReader
    titles: list[dict]
    clusters: list[Cluster]
    posts: Posts
    named_ends: list[tuple[int, int]] = field(default_factory=list)  # (mention end, cluster), sorted
    named_starts: list[tuple[int, int]] | None = None  # (doc token, cluster), sorted; made when first needed

    def __post_init__(self) -> None:
        """Sort the ends of the named mentions once (bare titles never add a named mention)."""
        self.named_ends = sorted(
            (m.end, ci) for ci, c in enumerate(self.clusters) for m in c.mentions if not m.is_title_only
        )


def _held_posts(ctx: TitleOnly) -> list[list[int]]:
    """For every cluster, one title record of each post its mentions hold."""
    held_by: list[list[int]] = []
    for known in ctx.clusters:
        held: dict[tuple, int] = {}
        for mention in known.mentions:
            for x in mention.titles:
                held.setdefault((*ctx.posts.post_key(ctx.titles[x]), ctx.titles[x]["title"]), x)
        held_by.append(list(held.values()))
    return held_by


def _bare_title_span(ctx: TitleOnly, title: dict, excluded: list[Range]) -> tuple[int, int] | None:
    """View tokens of a title with no person that may stand for one (capitalised, not after ``para``)."""
    reader = ctx.reader
    if title.get("person"):
        return None
    s = reader.view_start(title["token_start"])
    if s is None or (s > 0 and reader.keys[s - 1] in load_people_words().group_words):
        return None
    if not reader.texts[s][:1].isupper() and not title.get("former"):
        return None
    if overlaps(title["start"], title["end"], excluded):
        return None
    ts, te = reader.view_start(title["token_start"]), reader.view_end(title["token_end"])
    if ts is None or te <= ts:
        return None
    return ts, te


def _just_named(ctx: TitleOnly, ts: int) -> int | None:
    """The cluster of the named mention ending last before token ``ts``, within reach."""
    k = bisect.bisect_right(ctx.named_ends, (ts, float("inf"))) - 1
    if k < 0 or ts - ctx.named_ends[k][0] > DEMONSTRATIVE_REACH:
        return None
    return ctx.named_ends[k][1]


def _points_back(ctx: TitleOnly, ti: int, te: int) -> bool:
    """Is title ``ti`` (ending at view token ``te``) followed by a demonstrative, directly or through
    a second post joined by cue words (``Mantan Wagub Jatim yang kini menjabat Wali Kota Pasuruan itu``)?"""
    reader, lex = ctx.reader, ctx.reader.lex
    if te < reader.size and reader.keys[te] in DEMONSTRATIVES:
        return True
    if ti + 1 >= len(ctx.titles) or ctx.titles[ti + 1].get("person"):
        return False
    second = ctx.titles[ti + 1]
    ss, se = reader.view_start(second["token_start"]), reader.view_end(second["token_end"])
    if ss is None or not 0 < ss - te <= CHAIN_REACH or se >= reader.size:
        return False
    between = [reader.keys[k] for k in range(te, ss)]
    return (
        all(key in lex.cue_fillers or key in lex.cue_anchors for key in between)
        and any(key in lex.cue_anchors for key in between)
        and bool(second.get("jurisdiction"))
        and reader.keys[se] in DEMONSTRATIVES
    )


def _owner(ctx: TitleOnly, ti: int, span: tuple[int, int], owners: list[int]) -> tuple[int, str] | None:
    """The cluster the bare title ``ti`` points to and the rule that says so, else None."""
    title = ctx.titles[ti]
    ts, te = span
    if len(owners) == 1:
        return owners[0], "title_only"
    if title.get("jurisdiction") and _points_back(ctx, ti, te):
        # "Pj Sekda Bone itu mengatakan": the title points back to the person just named
        near = _just_named(ctx, ts)
        if near is not None:
            return near, "title_demonstrative"
    ci = pronoun_subject(ctx, ts)
    return (ci, "pronoun_cue") if ci is not None else None


def link_title_only(ctx: TitleOnly, excluded: list[Range]) -> None:
    """A bare title (``Sekda mengatakan``) that fits exactly one titled person becomes a mention."""
    titled = [(ci, held) for ci, held in enumerate(_held_posts(ctx)) if held]  # only they can own a post
    for ti, title in enumerate(ctx.titles):
        span = _bare_title_span(ctx, title, excluded)
        if span is None:
            continue
        owners = [ci for ci, held in titled if any(ctx.posts.same_post(title, ctx.titles[x]) for x in held)]
        found = _owner(ctx, ti, span, owners)
        if found is not None:
            ci, rule = found
            ctx.clusters[ci].mentions.append(Mention(*span, rule, titles=[ti], is_title_only=True))


def _pronoun_before(ctx: TitleOnly, ts: int) -> int | None:
    """The token of a personal pronoun before a cue chain (``dia menjabat``) that ends at ``ts``."""
    reader, lex = ctx.reader, ctx.reader.lex
    k = ts - 1
    anchor = False
    while k >= 0 and ts - k <= 6 and (reader.keys[k] in lex.cue_fillers or reader.keys[k] in lex.cue_anchors):
        anchor = anchor or reader.keys[k] in lex.cue_anchors
        k -= 1
    if not anchor or k < 0 or reader.keys[k] not in load_people_words().pronouns:
        return None
    return k


def _first_named(firsts: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The cluster of the first named mention starting in doc tokens ``[start, end)``, else None."""
    k = bisect.bisect_left(firsts, (start, -1))
    return firsts[k][1] if k < len(firsts) and firsts[k][0] < end else None


def pronoun_subject(ctx: TitleOnly, ts: int) -> int | None:
    """``dia menjabat Wadanjen Kopassus``: the person the sentence (or the one before) is about.

    Only a personal pronoun followed by a cue chain (``menjabat``, ``sebagai``, ``menjadi``) counts;
    the person is the first one named in the same sentence before the pronoun, else in the
    previous sentence that names someone.
    """
    k = _pronoun_before(ctx, ts)
    if k is None:
        return None
    reader = ctx.reader
    doc = reader.doc
    if not reader.has_sentences:
        return None
    sent = doc[reader.doc_index[k]].sent
    if ctx.named_starts is None:  # the named mentions do not change while bare titles are linked
        ctx.named_starts = sorted(
            (reader.doc_index[m.start], ci)
            for ci, c in enumerate(ctx.clusters)
            for m in c.mentions
            if not m.is_title_only
        )
    firsts = ctx.named_starts
    same = _first_named(firsts, sent.start, reader.doc_index[k])
    if same is not None:
        return same
    for _ in range(2):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        before = _first_named(firsts, sent.start, sent.end)
        if before is not None:
            return before
    return None
