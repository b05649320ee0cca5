"""Component ``kalbar_people``: every named person, with all mentions clustered into one entry.

Person mentions come from (the rule name is kept in each entry's ``rules``):

- ``title``: the people that ``kalbar_titles`` linked to a title (``Bupati Sintang Jarot Winarno``);
- ``ner``: the trained NER's ``PER`` entities;
- ``rank`` / ``honorific``: a capitalised name after a rank or an honorific (``AKBP Nuredy``,
  ``H. Ahmad``, ``Ibu Sopiah``);
- ``speech_cue``: a name after a speech cue (``kata Budi``, ``ujar Sri Wahyuni``, ``Menurut Andi``);
- ``age``: a name or initials followed by an age in parentheses (``MA (11)``);
- ``paren_alias``: a nickname in parentheses after a name (``H. Ahmad Muhdlor Ali (Gus Muhdlor)``);
- ``repeat``: a later use of part of a known name (``Alexander``, ``Wilyo``);
- ``title_only``: a bare title that points to one known holder (``Sekda mengatakan``) — a mention for the
  quotes component, never an alias.

Ranks, honorifics and degrees are stripped from the names and kept in ``ranks`` / ``honorifics``.
Mentions cluster when the words of one are a subset of the other's (``Sekda Alexander`` →
``Alexander`` ⊂ ``Alexander Wilyo``). ``name`` is the fullest form, ``aliases`` the other forms as written.
Journalists in the credits and the dateline, and boilerplate, hold no people.

Helpers for other components (the quotes component maps a speaker mention to a person):
:func:`resolve_mention`, :func:`resolve_char_span`, :func:`person_by_title`, :func:`person_by_name`.
``doc.spans["kalbar_people"]`` holds every mention, with ``kb_id_`` set to the person's index in
``doc._.kalbar_people``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..lexicons.titles import load_lexicon, norm_key, norm_tok, speech_cue_words
from .titles import (
    CUE_ANCHORS,
    CUE_FILLERS,
    DEGREE_SHAPE,
    PER_LABELS,
    Scanner,
    excluded_char_ranges,
    in_ranges,
)

SPAN_KEY = "kalbar_people"
# speech cues before a name (the shared list) and the markers of a nickname (akrab disapa Budi)
SPEECH_CUES = speech_cue_words() | {"katanya", "sapa", "akrab"}
# which source decides a mention's boundaries when two overlap (lower wins)
RULE_RANK = {
    "title": 0,
    "rank": 1,
    "honorific": 2,
    "speech_cue": 3,
    "age": 4,
    "ner": 5,
    "paren_alias": 6,
    "repeat": 7,
}
# words before a nickname (Gus Muhdlor, Cak Imin, Kang Emil): left out when names are compared
NICKNAME_MARKERS = frozenset(
    {
        "gus",
        "cak",
        "kang",
        "bung",
        "mas",
        "mbak",
        "bang",
        "ning",
        "neng",
        "uda",
        "uni",
        "abah",
        "umi",
        "daeng",
        "ajo",
        "kak",
        "om",
        "tante",
        "opa",
        "oma",
        "ko",
        "ci",
        "koh",
        "cik",
    }
)
SPEECH_VERBS = frozenset(
    {
        "mengatakan",
        "menjelaskan",
        "menambahkan",
        "menuturkan",
        "mengungkapkan",
        "menyampaikan",
        "menegaskan",
        "menyebutkan",
        "menyebut",
        "menyatakan",
        "mengaku",
        "mengakui",
        "menilai",
        "menerangkan",
        "memaparkan",
        "membenarkan",
        "berharap",
        "meminta",
        "mengimbau",
        "bilang",
    }
)
INITIALS = regex.compile(r"^\p{Lu}{2,4}$")
PRONOUNS = frozenset({"ia", "dia", "beliau", "dirinya"})
GROUP_WORDS = frozenset({"para", "seluruh", "sejumlah", "semua", "beberapa", "setiap", "tiap", "se"})


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    rule: str
    ranks: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    titles: list[int] = field(default_factory=list)  # indexes into doc._.kalbar_titles
    alias_of: Mention | None = None  # the mention this one is a nickname of
    is_title_only: bool = False


@dataclass(slots=True)
class Cluster:
    tokens: set[str]
    mentions: list[Mention]
    alias_tokens: set[str] = field(default_factory=set)


def short_form(key: str, token: str) -> bool:
    """Is ``key`` a short form of the name word ``token`` (Risma/Rismaharini, Ningsih/Wahyuningsih)?"""
    if len(token) < len(key) + 2:
        return False
    return (len(key) >= 4 and token.startswith(key)) or (len(key) >= 5 and token.endswith(key))


def short_form_owner(key: str, clusters: list[Cluster], before: int) -> list[int] | None:
    """The one cluster, named with two words or more before token ``before``, that ``key`` shortens."""
    owners = [
        ci
        for ci, c in enumerate(clusters)
        if len(c.tokens) >= 2
        and any(m.start < before for m in c.mentions)
        and any(short_form(key, t) for t in c.tokens)
    ]
    return owners if len(owners) == 1 else None


def name_tokens(sc: Scanner, s: int, e: int) -> list[str]:
    """The comparable words of a name (lower case, no dots; nickname markers like ``Gus`` left out)."""
    out = []
    for k in range(s, e):
        t = sc.texts[k].replace(".", "").replace("’", "'").lower()
        if t and t[0].isalpha() and not (t in NICKNAME_MARKERS and k + 1 < e):
            out.append(t)
    return out


class PeopleClusterer:
    """Collect person mentions and cluster them (see the module docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lex = load_lexicon()

    # -- collection -------------------------------------------------------------------------
    def collect(self, doc: Doc, sc: Scanner, titles: list[dict]) -> list[Mention]:
        from .titles import TitleLinker

        mentions: list[Mention] = []
        for ti, t in enumerate(titles):
            p = t.get("person")
            if p:
                ps, pe = sc.view_start(p["token_start"]), sc.view_end(p["token_end"])
                if ps is None or pe <= ps:
                    continue
                mentions.append(
                    Mention(
                        ps, pe, "title", list(p.get("ranks") or []), list(p.get("honorifics") or []), [ti]
                    )
                )
        linker = TitleLinker.__new__(TitleLinker)
        linker.lex = self.lex
        for ent in doc.ents:
            if ent.label_ not in PER_LABELS:
                continue
            vs, ve = sc.view_start(ent.start), sc.view_end(ent.end)
            if vs is None or ve <= vs:
                continue
            s, ranks, hons = sc.leading(vs)
            # a rank or honorific inside the entity: the name is after it (Jatim Kombes Puji Santosa)
            for k in range(s + 1, ve - 1):
                r = sc.rank_at(k) or sc.honorific_at(k)
                if r and sc.cap(k):
                    s, r2, h2 = sc.leading(k)
                    ranks += r2
                    hons += h2
                    break
            # a title the NER took into the name (Bupati Jarot)
            for _ in range(3):
                t = sc.title_at(s) if s < ve else None
                if not t or s + t[0] >= ve:
                    break
                s += t[0]
                s, r2, h2 = sc.leading(s)
                ranks += r2
                hons += h2
            e = ve
            for k in range(s, ve):
                if sc.texts[k] in {"(", ",", ";", "\n"}:
                    e = k  # the NER ran over a bracket or a comma
                    break
            while e > s and not sc.texts[e - 1][:1].isalnum():
                e -= 1
            while s < e and not sc.alpha_cap(s):
                s += 1  # "adik-adik Sopiah"
            if e > s and self.ner_name_ok(sc, s, e, bool(ranks or hons)):
                _, degrees = sc.skip_degrees(e)
                mentions.append(Mention(s, e, "ner", ranks, hons + degrees))
        i = 0
        while i < sc.n:
            key = sc.keys[i]
            r = sc.rank_at(i) if sc.cap(i) else None
            h = None if r else sc.honorific_at(i)
            if r or h:
                p = linker.person_after(sc, i)
                if p:
                    mentions.append(
                        Mention(
                            p["token_start"],
                            p["token_end"],
                            "rank" if r else "honorific",
                            p["ranks"],
                            p["honorifics"],
                        )
                    )
                    i = p["token_end"]
                    continue
            elif key in SPEECH_CUES and i + 1 < sc.n:
                j = i + 1
                if key == "akrab" and j < sc.n and sc.keys[j] == "disapa":
                    j += 1
                if sc.title_at(j) is None:
                    p = linker.person_after(sc, j)
                    if p and (
                        p["ranks"] or p["honorifics"] or self.plain_name(sc, p["token_start"], p["token_end"])
                    ):
                        after = p["token_end"]
                        if (
                            after >= sc.n
                            or not sc.texts[after][:1].isupper()
                            or sc.texts[after]
                            in {
                                "(",
                            }
                        ):
                            mentions.append(
                                Mention(
                                    p["token_start"],
                                    p["token_end"],
                                    "speech_cue",
                                    p["ranks"],
                                    p["honorifics"],
                                )
                            )
            elif (
                sc.texts[i] == "("
                and i + 2 < sc.n
                and sc.texts[i + 1].isdigit()
                and sc.texts[i + 2] == ")"
                and 0 < int(sc.texts[i + 1]) < 120
                and i > 0
            ):
                if INITIALS.match(sc.texts[i - 1]) and (i < 2 or not sc.alpha_cap(i - 2)):
                    mentions.append(Mention(i - 1, i, "age"))  # MH (60)
                else:
                    s = sc.name_run_back(i)
                    if s < i and (sc.valid_name(s, i, False) or all(sc.all_caps(k) for k in range(s, i))):
                        mentions.append(Mention(s, i, "age"))
            elif key in {"inisial", "berinisial"}:
                # "berinisial IV, WI dan NR": every set of initials in the list
                j = i + 1
                while j < sc.n and j - i <= 12:
                    if INITIALS.match(sc.texts[j]):
                        mentions.append(Mention(j, j + 1, "initials"))
                    elif (
                        sc.keys[j] not in {",", "dan", "serta", "&"}
                        and not sc.texts[j].isdigit()
                        and sc.texts[j] not in {"(", ")"}
                    ):
                        break
                    j += 1
            i += 1
        return mentions

    def ner_name_ok(self, sc: Scanner, s: int, e: int, anchored: bool) -> bool:
        """Keep a ``PER`` entity of the NER only where it looks like a person's name."""
        if sc.title_at(s) and sc.title_at(s)[0] >= e - s:
            return False  # the NER took a bare title (Sekda) for a name
        toks = [k for k in range(s, e) if sc.texts[k][:1].isalpha()]
        if not toks or not any(sc.alpha_cap(k) for k in toks):
            return False
        if any(sc.title_at(k) and sc.keys[k] not in self.lex.given for k in toks[1:]):
            return False  # "Asta Cita Presiden": a title inside is no part of a name
        if any(not sc.name_token_ok(k, k == toks[0]) for k in toks if sc.alpha_cap(k)):
            return False
        if len(toks) == 1 and len(sc.texts[toks[0]].strip(".")) == 1:
            return False  # a lone letter
        if sc.degree_at(s) >= e - s or all(DEGREE_SHAPE.match(sc.texts[k]) for k in toks):
            return False  # S.Sos., M.H. after a name
        if e + 2 < sc.n and sc.texts[e] == "(" and sc.all_caps(e + 1):
            acro = sc.texts[e + 1].replace(".", "")
            first = e - len(acro)
            if first >= 0 and "".join(sc.texts[k][:1] for k in range(first, e)).upper() == acro.upper():
                return False  # the end of a name the acronym spells (Penerimaan Peserta Didik Baru (PPDB))
        if any(sc.is_orgish(k) for k in toks) or any(
            sc.keys[k] in self.lex.stop and sc.keys[k] not in self.lex.given for k in toks
        ):
            return False
        if sc.place_at(s, e) >= e - s or self.in_gazetteer(sc, s, e):
            return False
        if any(sc.place_at(k, e) >= 2 for k in toks):
            return False  # a region name inside (Ngopeni Nglakoni Jawa Tengah)
        if anchored:
            return True
        return any(sc.name_likely(k) for k in toks) or self.strong_context(sc, s, e)

    def in_gazetteer(self, sc: Scanner, s: int, e: int) -> bool:
        """Does the span coincide with a location or an organisation the gazetteer found?"""
        spans = getattr(sc, "_gaz_spans", None)
        if spans is None:
            spans = set()
            for key in ("kalbar_locations", "kalbar_organizations"):
                for item in getattr(sc.doc._, key) or []:
                    for m in item.get("mentions") or []:
                        spans.add((m.get("start"), m.get("end")))
            sc._gaz_spans = spans
        return sc.chars(s, e) in spans

    def strong_context(self, sc: Scanner, s: int, e: int) -> bool:
        """A name the given-name list does not know, said by a speech cue or followed by an age."""
        if s > 0 and sc.keys[s - 1] in SPEECH_CUES:
            return True
        nxt = e
        if nxt < sc.n and sc.texts[nxt] == ",":
            nxt += 1
        if nxt < sc.n and sc.keys[nxt] in SPEECH_VERBS:
            return True  # "Rasgianto mengatakan", "Rasgianto, Ketua KUD ..., mengatakan"
        if e < sc.n and sc.texts[e] == "," and e + 1 < sc.n and sc.title_at(e + 1):
            return True
        return e + 2 < sc.n and sc.texts[e] == "(" and sc.texts[e + 1].isdigit() and sc.texts[e + 2] == ")"

    def plain_name(self, sc: Scanner, s: int, e: int) -> bool:
        """A name with no anchor: every word a name-like capitalised word, none a place or body."""
        if any(sc.is_orgish(k) for k in range(s, e)):
            return False
        return sc.valid_name(s, e, False) and (any(sc.name_likely(k) for k in range(s, e)) or e - s >= 2)

    def add_paren_aliases(self, sc: Scanner, mentions: list[Mention]) -> None:
        """``Name (Nick)``: the nickname becomes a mention of the same person."""
        extra: list[Mention] = []
        for m in mentions:
            j = m.end
            # skip ", S.H." degrees
            j, _ = sc.skip_degrees(j)
            if j < sc.n and sc.texts[j] == "(":
                e = sc.name_run(j + 1)
                if e > j + 1 and e < sc.n and sc.texts[e] == ")" and not sc.texts[j + 1].isdigit():
                    inner = range(j + 1, e)
                    if not any(sc.is_orgish(k) for k in inner):
                        extra.append(Mention(j + 1, e, "paren_alias", alias_of=m))
        mentions.extend(extra)

    # -- clustering -------------------------------------------------------------------------
    def cluster(self, sc: Scanner, mentions: list[Mention]) -> list[Cluster]:
        # overlapping mentions: the most reliable one keeps its boundaries and takes the others' information
        order = sorted(
            range(len(mentions)), key=lambda k: (RULE_RANK.get(mentions[k].rule, 9), mentions[k].start)
        )
        kept: list[int] = []
        owner: dict[int, int] = {}  # token -> kept mention covering it
        self.host: dict[int, Mention] = {}
        for k in order:
            m = mentions[k]
            host = next((owner[t] for t in range(m.start, m.end) if t in owner), None)
            if host is None:
                kept.append(k)
                for t in range(m.start, m.end):
                    owner[t] = k
                continue
            h = mentions[host]
            self.host[id(m)] = h
            h.ranks += [r for r in m.ranks if r not in h.ranks]
            h.honorifics += [x for x in m.honorifics if x not in h.honorifics]
            h.titles += [t for t in m.titles if t not in h.titles]
            mentions[k] = h
        clusters: list[Cluster] = []
        where: dict[int, int] = {}  # mention id -> cluster
        for k in sorted(set(kept), key=lambda q: mentions[q].start):
            m = mentions[k]
            toks = name_tokens(sc, m.start, m.end)
            if not toks:
                continue
            tset = set(toks)
            target = None
            host_of = self.host.get(id(m.alias_of), m.alias_of) if m.alias_of is not None else None
            if host_of is not None and id(host_of) in where:
                target = where[id(host_of)]
            if target is None:
                initials = len(toks) == 1 and sc.all_caps(m.start)
                cands = []
                for ci, c in enumerate(clusters):
                    if not c.mentions:
                        continue  # absorbed into a fuller name
                    if initials:
                        ok = tset == c.tokens or tset <= c.alias_tokens
                    else:
                        ok = tset <= c.tokens or c.tokens <= tset or tset <= c.alias_tokens
                    if ok:
                        cands.append(ci)
                if not cands and len(toks) == 1 and not initials and len(toks[0]) >= 4:
                    # a short form of one word of an earlier full name (Risma for Tri Rismaharini)
                    short = [
                        ci
                        for ci, c in enumerate(clusters)
                        if c.mentions and len(c.tokens) >= 2 and any(short_form(toks[0], t) for t in c.tokens)
                    ]
                    if len(short) == 1:
                        clusters[short[0]].alias_tokens |= tset
                        cands = short
                if cands:
                    exact = [ci for ci in cands if clusters[ci].tokens == tset]
                    target = (
                        exact[-1] if exact else max(cands, key=lambda ci: clusters[ci].mentions[-1].start)
                    )
                    # a fuller name absorbs every shorter cluster it contains
                    for ci in cands:
                        if ci != target and clusters[ci].tokens <= tset and clusters[ci].mentions:
                            clusters[target].mentions += clusters[ci].mentions
                            clusters[target].tokens |= clusters[ci].tokens
                            for mm in clusters[ci].mentions:
                                where[id(mm)] = target
                            clusters[ci].mentions = []
                            clusters[ci].tokens = set()
            if target is None:
                clusters.append(Cluster(set(tset), [m]))
                where[id(m)] = len(clusters) - 1
            else:
                c = clusters[target]
                c.mentions.append(m)
                if m.alias_of is None:
                    c.tokens |= tset
                else:
                    c.alias_tokens |= tset
                where[id(m)] = target
        return [c for c in clusters if c.mentions]

    def add_repeats(self, sc: Scanner, clusters: list[Cluster], excluded: list[tuple[int, int]]) -> None:
        """Later uses of part of a known name (``Alexander``) become mentions."""
        covered = set()
        for c in clusters:
            for m in c.mentions:
                covered.update(range(m.start, m.end))
        owners: dict[str, list[int]] = {}
        for ci, c in enumerate(clusters):
            for t in c.tokens:
                if len(t) >= 3:
                    owners.setdefault(t, []).append(ci)
        i = 0
        while i < sc.n:
            if i in covered or not sc.alpha_cap(i):
                i += 1
                continue
            key = sc.texts[i].replace(".", "").lower()
            cis = owners.get(key)
            if cis is None and key.isalpha() and not sc.place_at(i):
                cis = short_form_owner(key, clusters, i)
            if not cis or len(cis) != 1 or sc.title_at(i) or sc.is_orgish(i) or key in self.lex.stop:
                i += 1
                continue
            ci = cis[0]
            e = i + 1
            while (
                e < sc.n
                and e not in covered
                and sc.alpha_cap(e)
                and sc.texts[e].replace(".", "").lower() in clusters[ci].tokens
            ):
                e += 1
            if e < sc.n and sc.alpha_cap(e) and not sc.is_orgish(e) and sc.keys[e] not in self.lex.stop:
                i = e  # part of a longer unknown name: not this person
                continue
            if (
                i > 0
                and sc.alpha_cap(i - 1)
                and sc.keys[i - 1] not in self.lex.stop
                and sc.title_at(i - 1) is None
            ):
                i = e
                continue
            if not in_ranges(*sc.chars(i, e), excluded):
                clusters[ci].mentions.append(Mention(i, e, "repeat"))
                covered.update(range(i, e))
            i = e

    # -- titles ---------------------------------------------------------------------------
    def set_abbreviations(self, titles: list[dict]) -> None:
        """Abbreviations the article defines inside titles (``Universitas Lampung (Unila)``)."""
        self.abbr: dict[str, str] = {}
        for t in titles:
            for a in t.get("abbreviations") or []:
                self.abbr[" ".join(norm_key(a["abbr"]))] = " ".join(norm_key(a["full"]))

    def post_key(self, t: dict) -> tuple[str, str, bool]:
        exp = " ".join(norm_key(t.get("expansion") or t["role"]))
        for p in ("pelaksana tugas ", "pelaksana harian ", "penjabat sementara ", "penjabat ", "mantan "):
            exp = exp.replace(p, "")
        juris = t.get("jurisdiction") or ""
        abbr = getattr(self, "abbr", {})
        words = []
        for w0 in norm_key(juris):
            w = abbr.get(w0, w0)
            if w in self.lex.admin:
                continue
            words.append(self.lex.place_full.get(w, w).lower())
        return exp, " ".join(words), bool(t.get("former"))

    def same_post(self, a: dict, b: dict) -> bool:
        ea, ja, _ = self.post_key(a)
        eb, jb, _ = self.post_key(b)
        # the same post written as current and as former (Presiden / mantan Presiden) is one post
        ta, tb = " ".join(norm_key(a["title"])), " ".join(norm_key(b["title"]))
        if ta == tb or f"{ea} {ja}".strip() == f"{eb} {jb}".strip():
            return True  # Menpar / Menteri Pariwisata
        if ea != eb and not (ea.endswith(" " + eb) or eb.endswith(" " + ea)):
            # one post written with and without its office word (Kepala SMAN 9 / kepala sekolah SMAN 9)
            return bool(ja) and ja == jb and (ea.startswith(eb + " ") or eb.startswith(ea + " "))
        return not ja or not jb or ja == jb or ja in jb or jb in ja

    @staticmethod
    def fuller(a: dict, b: dict) -> dict:
        def score(t: dict) -> tuple[int, int, int]:
            return (1 if t.get("jurisdiction") else 0, len(t.get("expansion") or ""), len(t["title"]))

        sa, sb = score(a), score(b)
        if sa[0] != sb[0]:
            return a if sa[0] > sb[0] else b
        # the written full form beats the abbreviation (Wakil Bupati Indramayu over Wabup Indramayu)
        return a if len(a["title"]) >= len(b["title"]) else b

    def link_title_only(
        self, sc: Scanner, titles: list[dict], clusters: list[Cluster], excluded: list[tuple[int, int]]
    ) -> None:
        """A bare title (``Sekda mengatakan``) that fits exactly one titled person becomes a mention."""
        posts_of: list[list[int]] = []
        for c in clusters:
            held: dict[tuple, int] = {}
            for m in c.mentions:
                for x in m.titles:
                    held.setdefault((*self.post_key(titles[x]), titles[x]["title"]), x)
            posts_of.append(list(held.values()))
        for ti, t in enumerate(titles):
            if t.get("person"):
                continue
            s = sc.view_start(t["token_start"])
            if s is None or (s > 0 and sc.keys[s - 1] in GROUP_WORDS):
                continue
            if not sc.texts[s][:1].isupper() and not t.get("former"):
                continue
            if in_ranges(t["start"], t["end"], excluded):
                continue
            owners = [
                ci for ci, held in enumerate(posts_of) if any(self.same_post(t, titles[x]) for x in held)
            ]
            ts, te = sc.view_start(t["token_start"]), sc.view_end(t["token_end"])
            if ts is None or te <= ts:
                continue
            rule = "title_only"
            if (
                len(owners) != 1
                and t.get("jurisdiction")
                and te < sc.n
                and sc.keys[te] in {"itu", "tersebut"}
            ):
                # "Pj Sekda Bone itu mengatakan": the title points back to the person just named
                near = [
                    (m.end, ci)
                    for ci, c in enumerate(clusters)
                    for m in c.mentions
                    if not m.is_title_only and m.end <= ts and ts - m.end <= 80
                ]
                if near:
                    owners = [max(near)[1]]
                    rule = "title_demonstrative"
            if len(owners) != 1:
                ci = self.pronoun_subject(sc, ts, clusters)
                if ci is None:
                    continue
                owners, rule = [ci], "pronoun_cue"
            m = Mention(ts, te, rule, titles=[ti], is_title_only=True)
            clusters[owners[0]].mentions.append(m)

    def pronoun_subject(self, sc: Scanner, ts: int, clusters: list[Cluster]) -> int | None:
        """``dia menjabat Wadanjen Kopassus``: the person the sentence (or the one before) is about.

        Only a personal pronoun followed by a cue chain (``menjabat``, ``sebagai``, ``menjadi``) counts;
        the person is the first one named in the same sentence before the pronoun, else in the
        previous sentence that names someone.
        """
        k = ts - 1
        anchor = False
        while k >= 0 and ts - k <= 6 and (sc.keys[k] in CUE_FILLERS or sc.keys[k] in CUE_ANCHORS):
            anchor = anchor or sc.keys[k] in CUE_ANCHORS
            k -= 1
        if not anchor or k < 0 or sc.keys[k] not in PRONOUNS:
            return None
        doc = sc.doc
        if not doc.has_annotation("SENT_START"):
            return None
        sent = doc[sc.di[k]].sent
        firsts: list[tuple[int, int]] = []  # (doc token, cluster) of named mentions
        for ci, c in enumerate(clusters):
            for m in c.mentions:
                if not m.is_title_only:
                    firsts.append((sc.di[m.start], ci))
        firsts.sort()
        same = [ci for d, ci in firsts if sent.start <= d < sc.di[k]]
        if same:
            return same[0]
        for _ in range(2):
            if sent.start == 0:
                return None
            sent = doc[sent.start - 1].sent
            prev = [ci for d, ci in firsts if sent.start <= d < sent.end]
            if prev:
                return prev[0]
        return None

    # -- output ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        sc = Scanner(doc, self.lex)
        titles = list(doc._.kalbar_titles or [])
        excluded = excluded_char_ranges(doc)
        self.set_abbreviations(titles)
        mentions = self.collect(doc, sc, titles)
        self.add_paren_aliases(sc, mentions)
        mentions = [m for m in mentions if not in_ranges(*sc.chars(m.start, m.end), excluded)]
        clusters = self.cluster(sc, mentions)
        self.add_repeats(sc, clusters, excluded)
        self.link_title_only(sc, titles, clusters, excluded)
        people: list[dict] = []
        spans: list[Span] = []
        clusters.sort(key=lambda c: min(m.start for m in c.mentions))
        for c in clusters:
            names = [m for m in c.mentions if not m.is_title_only]
            if not names:
                continue
            idx = len(people)
            full = [m for m in names if m.alias_of is None and m.rule != "paren_alias"] or names
            best = max(full, key=lambda m: (len(name_tokens(sc, m.start, m.end)), -m.start))
            name = " ".join(sc.text(best.start, best.end).split())
            aliases: list[str] = []
            seen = {name.casefold()}
            for m in sorted(names, key=lambda m: m.start):
                txt = " ".join(sc.text(m.start, m.end).split())
                if txt.casefold() not in seen:
                    seen.add(txt.casefold())
                    aliases.append(txt)
            posts: list[dict] = []
            for m in sorted(c.mentions, key=lambda m: m.start):
                for ti in m.titles:
                    t = titles[ti]
                    pos = {
                        "title": t["title"],
                        "role": t["role"],
                        "expansion": t["expansion"],
                        "jurisdiction": t["jurisdiction"],
                        "former": t.get("former", False),
                        "rule": t.get("rule") or m.rule,
                        "start": t["start"],
                        "end": t["end"],
                    }
                    for q, other in enumerate(posts):
                        if self.same_post(pos, other):
                            posts[q] = self.fuller(other, pos)
                            break
                    else:
                        posts.append(pos)
            ranks: list[str] = []
            hons: list[str] = []
            rules: list[str] = []
            for m in c.mentions:
                ranks += [r for r in m.ranks if r not in ranks]
                hons += [h for h in m.honorifics if h not in hons]
                if m.rule not in rules:
                    rules.append(m.rule)
            ordered = sorted(c.mentions, key=lambda m: m.start)
            people.append(
                {
                    "name": name,
                    "aliases": aliases,
                    "titles": [p["title"] for p in posts],
                    "mentions": [
                        {
                            "text": sc.text(m.start, m.end),
                            "start": sc.chars(m.start, m.end)[0],
                            "end": sc.chars(m.start, m.end)[1],
                            "rule": m.rule,
                        }
                        for m in ordered
                    ],
                    "positions": posts,
                    "ranks": ranks,
                    "honorifics": hons,
                    "rule": names[0].rule if names else ordered[0].rule,
                    "rules": rules,
                }
            )
            for m in ordered:
                sp = sc.span(m.start, m.end)
                spans.append(Span(doc, sp.start, sp.end, label="PERSON", kb_id=str(idx)))
        doc._.kalbar_people = people
        doc.spans[SPAN_KEY] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


# -- helpers for other components ----------------------------------------------------------
def resolve_mention(doc: Doc, start: int, end: int) -> int | None:
    """Index in ``doc._.kalbar_people`` of the person mentioned at tokens ``[start, end)``, else None.

    A mention span that lies inside the given span (or contains it) counts; where several
    persons overlap, the one with the largest overlap wins.
    """
    if not isinstance(start, int) or not isinstance(end, int) or start < 0 or end < start:
        raise ValueError(
            f"resolve_mention: start/end must be token offsets with 0 <= start <= end, got {start}, {end}"
        )
    return _largest_overlap(doc, start, end, lambda sp: (sp.start, sp.end))


def _largest_overlap(doc: Doc, start: int, end: int, bounds: Callable[[Span], tuple[int, int]]) -> int | None:
    """Person index of the ``kalbar_people`` span overlapping ``[start, end)`` most (``bounds`` units)."""
    best, best_ov = None, 0
    for sp in doc.spans.get(SPAN_KEY, []):
        s, e = bounds(sp)
        ov = min(end, e) - max(start, s)
        if ov > best_ov:
            best, best_ov = int(sp.kb_id_), ov
    return best


def resolve_char_span(doc: Doc, start_char: int, end_char: int) -> int | None:
    """Like :func:`resolve_mention` with character offsets."""
    if not isinstance(start_char, int) or not isinstance(end_char, int) or end_char < start_char:
        raise ValueError(f"resolve_char_span: bad character offsets {start_char}, {end_char}")
    return _largest_overlap(doc, start_char, end_char, lambda sp: (sp.start_char, sp.end_char))


def person_by_title(doc: Doc, title_text: str) -> int | None:
    """Index of the one person whose positions fit ``title_text`` (``Sekda``, ``Kapolres Sleman``) or None."""
    if not isinstance(title_text, str) or not title_text.strip():
        raise ValueError("person_by_title: title_text must be a non-empty string")
    lex = load_lexicon()
    keys = [norm_tok(w) for w in title_text.split()]
    # strip acting/former prefixes
    while keys:
        m = lex.prefixes.match(keys, 0)
        if not m:
            break
        keys = keys[m[0] :]
    m = lex.titles.match(keys, 0) if keys else None
    if not m:
        return None
    entry = m[1]
    expansion = " ".join(norm_key(entry.expansion))  # type: ignore[attr-defined]
    juris = " ".join(keys[m[0] :])
    hits = []
    for idx, p in enumerate(doc._.kalbar_people or []):
        for pos in p.get("positions", []):
            exp = " ".join(norm_key(pos.get("expansion") or pos["role"]))
            pj = " ".join(norm_key(pos.get("jurisdiction") or ""))
            if (exp == expansion or exp.endswith(" " + expansion)) and (
                not juris or not pj or juris in pj or pj in juris
            ):
                hits.append(idx)
                break
    return hits[0] if len(hits) == 1 else None


def person_by_name(doc: Doc, name: str) -> int | None:
    """Index of the one person whose name or aliases contain every word of ``name``, else None."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError("person_by_name: name must be a non-empty string")
    words = {w.replace(".", "").lower() for w in name.split() if w[:1].isalpha()}
    if not words:
        return None
    hits = []
    for idx, p in enumerate(doc._.kalbar_people or []):
        forms = [p["name"], *p.get("aliases", [])]
        pool = {w.replace(".", "").lower() for f in forms for w in f.split()}
        if words <= pool:
            hits.append(idx)
    return hits[0] if len(hits) == 1 else None


@Language.factory("kalbar_people", default_config={})
def make_people(nlp: Language, name: str) -> PeopleClusterer:
    """Build the ``kalbar_people`` component."""
    return PeopleClusterer(nlp, name)
