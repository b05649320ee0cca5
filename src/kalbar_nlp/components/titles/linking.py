"""Linking a title to its person: an ordered table of rules, the first that fits wins.

Every rule takes a :class:`LinkContext` and returns ``(person, rule)`` or None; the rule name is
kept in the title's ``rule`` (see the package docstring for the list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from ...lexicons.people import load_people_words
from ...lexicons.titles import speech_cue_words
from ...text.names import NameReader
from .hits import TitleHit, head_at, read_prefixes

#: dependency relations that join a title and a name in stanza's (UD) analyses
APPOSITION_DEPS = frozenset({"appos", "flat", "flat:name"})
Person = dict
#: an active or passive verb (menggali, bertugas, diperiksa): a word that opens a predicate
VERB_SHAPE = regex.compile(r"^(?:me|ber|di)\p{Ll}{3,}$")
Link = tuple[Person, str]


@dataclass(slots=True)
class LinkContext:
    """One title with the persons the rules share: the one before a cue, the one before a comma."""

    reader: NameReader
    hit: TitleHit
    cue_person: Person | None
    cue_rule: str | None
    comma_person: Person | None


def cue_person(reader: NameReader, b: int) -> tuple[Person | None, str | None]:
    """Name + cue + title (``Budi selaku``, ``Budi, yang juga menjabat sebagai``) ending before ``b``."""
    lex = reader.lex
    rule = None
    k = b - 1
    while k >= 0 and b - k <= 6 and (reader.keys[k] in lex.cue_fillers or reader.keys[k] in lex.cue_anchors):
        if reader.keys[k] in lex.cue_anchors:
            rule = lex.cue_anchors[reader.keys[k]]  # the first anchor in reading order names the rule
        k -= 1
    if rule is None or k >= b - 1:
        return None, None
    end = k + 1
    if end > 0 and reader.texts[end - 1] == ",":
        end -= 1
    person = reader.person_before(end) or _person_before_description(reader, end)
    return (person, rule) if person else (None, None)


def _person_before_description(reader: NameReader, end: int) -> Person | None:
    """``Christian Pua, pengusaha nasional yang juga ...``: a name, a comma and a short lower-case
    description (no verb) before the cue."""
    k = end
    while k > 0 and end - k < 3 and reader.texts[k - 1].isalpha() and reader.texts[k - 1].islower():
        if VERB_SHAPE.match(reader.texts[k - 1]) or reader.keys[k - 1] in reader.lex.cue_fillers:
            return None
        k -= 1
    if k == end or k < 2 or reader.texts[k - 1] != ",":
        return None
    return reader.person_before(k - 1)


def _organisation_after_lower_head(reader: NameReader, hit: TitleHit) -> bool:
    """``anggota Jaringan Geopark Dunia``: after a lower-case head, the 'name' is an organisation."""
    if not hit.name or not reader.texts[hit.head_start][:1].islower():
        return False
    words = range(*hit.name)
    long_unknown = not any(reader.name_likely(k) for k in words) and hit.name[1] - hit.name[0] > 3
    return long_unknown or any(reader.all_caps(k) and len(reader.texts[k]) >= 4 for k in words)


def _comma_person(reader: NameReader, hit: TitleHit) -> Person | None:
    """``ujar Rasgianto, Ketua KUD Misaya Mina``: a person before a comma, where the name after is weak."""
    b = hit.start
    if not (hit.name and b > 0 and reader.texts[b - 1] == ","):
        return None
    person = reader.person_before(b - 1)
    if not person:
        return None
    start = person["token_start"]
    said = start > 0 and reader.keys[start - 1] in speech_cue_words()
    likely = any(
        reader.name_likely(k) or k in reader.person_tokens for k in range(start, person["token_end"])
    )
    weak = not any(reader.name_likely(k) for k in range(*hit.name))
    return person if said or (likely and weak) else None


def _after_skipped(hit: TitleHit, j: int) -> int:
    """``j`` moved past the parenthesised abbreviations that start there."""
    for start, end in hit.skipped:
        if start == j:
            j = end
    return j


def _list_goes_on(reader: NameReader, e: int) -> bool:
    """A comma at ``e`` and another post after it: a list of posts each with its holder
    (``Muhadjir Effendy, Menteri Perhubungan Dudy Purwagandhi, Kepala Badan X Fadlul``)."""
    nxt = e + 1
    if e >= reader.size or reader.texts[e] != "," or nxt >= reader.size:
        return False
    start, _, _ = read_prefixes(reader, nxt)
    return start < reader.size and head_at(reader, start) is not None


def title_name(ctx: LinkContext) -> Link | None:
    """Title + name (``Bupati Sintang Jarot Winarno``); the name may prove to be the complement."""
    reader, hit = ctx.reader, ctx.hit
    if not hit.name:
        return None
    s, e = hit.name
    if (
        ctx.comma_person
        and (e >= reader.size or reader.texts[e] in {".", ",", ";"})
        and not _list_goes_on(reader, e)
    ):
        # "ujar Rasgianto, Ketua KUD Misaya Mina.": the words after the title are its complement
        hit.end = e
        return ctx.comma_person, "name_comma_title"
    if ctx.cue_person and (e >= reader.size or not reader.texts[e][:1].isupper()):
        # "M Rayhan selaku Direktur PT Rona Namora": the words after the title are its complement
        hit.end = e
        return ctx.cue_person, str(ctx.cue_rule)
    _, degrees = reader.skip_degrees(e)
    return {"token_start": s, "token_end": e, "ranks": [], "honorifics": degrees}, "title_name"


def title_rank_name(ctx: LinkContext) -> Link | None:
    """Title + rank/honorific + name (``Kapolres Sleman AKBP Edy``)."""
    reader = ctx.reader
    j = _after_skipped(ctx.hit, ctx.hit.end)
    if j < reader.size and (reader.rank_at(j) or reader.honorific_at(j)):
        person = reader.person_after(j)
        if person:
            return person, "title_rank_name"
    return None


#: the most regions written after a title and its comma before the holder
REGION_ASIDES = 3


def _past_region_asides(reader: NameReader, j: int) -> int:
    """The comma at ``j`` moved past regions written between commas after a title.

    ``Kepala Desa Sumberejo, Kecamatan Wonosalam, Rudi``: ``Kecamatan Wonosalam,`` tells where the
    village lies; the holder comes after it. A region is a capitalised region word and capitalised
    words up to the next comma.
    """
    for _ in range(REGION_ASIDES):
        k = j + 1
        if not (k < reader.size and reader.keys[k] in reader.lex.admin and reader.texts[k][:1].isupper()):
            return j
        k += 1
        while k < reader.size and k - j <= 5 and reader.alpha_cap(k):
            k += 1
        if k == j + 2 or k >= reader.size or reader.texts[k] != ",":
            return j
        j = k
    return j


#: the most words of a faction's name after ``dari Fraksi`` (``dari Fraksi PDI Perjuangan``)
FACTION_WORDS = 4
#: the most lower-case words of a relative clause after a post (``yang baru dilantik``)
RELATIVE_WORDS = 4


def _clause_word(reader: NameReader, k: int) -> bool:
    """A lower-case word of a clause about the post itself (``baru``, ``dilantik``, ``kini``, ``nonaktif``);
    ``yang didampingi istrinya, Rina`` is about someone else."""
    lex = reader.lex
    key = reader.keys[k]
    return reader.texts[k].islower() and (
        key in lex.cue_fillers or key in lex.cue_anchors or key in lex.post_modifiers
    )


def _past_aside(reader: NameReader, j: int) -> int:
    """``j`` moved past an aside before a comma, else ``j``: a phrase of time (``Bupati X saat itu,
    Budi``), a short relative clause (``Kapolres X yang baru, AKBP Budi``) or the member's faction
    (``Anggota DPRD Kalbar dari Fraksi Golkar, Rudi``), no part of the title."""
    if j >= reader.size:
        return j
    found = reader.lex.time_asides.match(reader.keys, j)
    k = j + found[0] if found else j
    if k == j and reader.keys[j] == "yang" and reader.texts[j].islower():
        k = j + 1  # a short relative clause of the post's own words: "Bupati Sambas yang baru dilantik, Rudi"
        while k < reader.size and k - j <= RELATIVE_WORDS and _clause_word(reader, k):
            k += 1
        k = k if k > j + 1 else j
    if (
        k == j
        and reader.keys[j] == "dari"
        and reader.texts[j].islower()
        and j + 1 < reader.size
        and reader.keys[j + 1] in reader.lex.factions
        and reader.alpha_cap(j + 1)
    ):
        k = j + 2
        while k < reader.size and k - j - 2 < FACTION_WORDS and reader.alpha_cap(k):
            k += 1
    return k if k > j and k < reader.size and reader.texts[k] == "," else j


def title_comma_name(ctx: LinkContext) -> Link | None:
    """Title + comma + name (``Kapolres Banjarbaru, AKBP Pius X Febry``), regions between commas
    after the title skipped (``Kepala Desa X, Kecamatan Y, Rudi``), and an aside before the comma
    (``Bupati Kuantan Singingi saat itu, Sukarmis``, ``Anggota DPRD X dari Fraksi Y, Rudi``)."""
    reader = ctx.reader
    j = _past_aside(reader, _after_skipped(ctx.hit, ctx.hit.end))
    if j < reader.size and reader.texts[j] == ",":
        j = _past_region_asides(reader, j)
        person = reader.person_after(j + 1)
        if person:
            return person, "title_comma_name"
    return None


def name_comma_title(ctx: LinkContext) -> Link | None:
    """Name + comma + title (``Jarot, Bupati Sintang, mengatakan``)."""
    reader, hit = ctx.reader, ctx.hit
    b = hit.start
    if b - 1 < 0 or reader.texts[b - 1] != ",":
        return None
    head = head_at(reader, hit.head_start)
    bare = hit.end <= hit.head_end and head is not None and hit.head_start + head[0] == hit.head_end
    end = _after_skipped(hit, hit.end)  # "Rudi, Kepala BPBD (Badan ...), mengatakan"
    after_ok = (
        end >= reader.size
        or reader.texts[end] in {",", ".", ")", ";"}
        # "kata Victor, penyidik menggali ...": a bare noun before a verb is the next clause's subject
        or (reader.texts[end][:1].islower() and not (bare and VERB_SHAPE.match(reader.texts[end])))
    )
    person = reader.person_before(b - 1) if after_ok else None
    return (person, "name_comma_title") if person else None


def name_paren_title(ctx: LinkContext) -> Link | None:
    """Name + title in parentheses (``Ahmad Sarbani (mantan Bupati Sambas), ...``)."""
    reader, hit = ctx.reader, ctx.hit
    b = hit.start
    if b - 1 < 1 or reader.texts[b - 1] != "(":
        return None
    end = _after_skipped(hit, max(hit.end, hit.head_end))
    if end >= reader.size or reader.texts[end] not in {")", "/", ";"}:
        return None
    person = reader.person_before(b - 1)
    return (person, "name_paren_title") if person else None


def name_cue_title(ctx: LinkContext) -> Link | None:
    """Name + cue + title (``Budi selaku Ketua``): the rule is named after the cue."""
    return (ctx.cue_person, str(ctx.cue_rule)) if ctx.cue_person else None


def name_title(ctx: LinkContext) -> Link | None:
    """A name right before the title (``Sementara itu, Hendik Suprianto Kepala Bidang P2P menyebutkan``,
    ``ADM mantan anggota DPR RI``: a former post in lower case after a name)."""
    reader, hit = ctx.reader, ctx.hit
    b = hit.start
    former_lower = "mantan" in hit.prefixes and reader.texts[b].islower()
    if not (
        b > 0 and reader.alpha_cap(b - 1) and (reader.texts[hit.head_start][:1].isupper() or former_lower)
    ):
        return None
    after = _after_skipped(hit, hit.end)
    if (
        after < reader.size
        and reader.texts[after] not in {",", "(", "."}
        and not reader.texts[after][:1].islower()
    ):
        return None
    person = reader.person_before(b)
    if person and any(
        reader.name_likely(k) or (former_lower and k in reader.person_tokens)
        for k in range(person["token_start"], person["token_end"])
    ):
        return person, "name_title"
    return None


def sebagai_lead(ctx: LinkContext) -> Link | None:
    """``Sebagai mantan Wali Kota Bandar Lampung dua periode, Herman HN menyampaikan ...``."""
    reader, hit = ctx.reader, ctx.hit
    b = hit.start
    if not (
        b > 0
        and reader.keys[b - 1] in {"sebagai", "selaku"}
        and (b - 1 == 0 or not reader.texts[b - 2][:1].isalpha())
    ):
        return None
    k = hit.end
    while (
        k < reader.size
        and k - hit.end < 6
        and reader.texts[k] != ","
        and (reader.texts[k].islower() or reader.texts[k].isdigit())
    ):
        k += 1
    if k < reader.size and reader.texts[k] == ",":
        person = reader.person_after(k + 1)
        if person:
            return person, "sebagai_lead"
    return None


def dep_appos(ctx: LinkContext) -> Link | None:
    """The name that the title stands in apposition to, read from the dependency parse if any.

    ``Jarot Winarno, 54 tahun, Bupati Sintang, ...``: the title's head word is an ``appos`` of the
    name (or the name a ``flat``/``appos`` dependent of the title); the rules above, which look at
    the words next to the title, cannot see past ``54 tahun``.
    """
    reader, hit = ctx.reader, ctx.hit
    if not reader.has_parse:
        return None
    doc = reader.doc
    first, last = reader.doc_index[hit.start], reader.doc_index[max(hit.end, hit.head_end) - 1]
    head = doc[reader.doc_index[hit.head_start]]
    near = []
    if head.dep_ in APPOSITION_DEPS and not first <= head.head.i <= last:
        near.append(head.head)
    near += [c for c in head.children if c.dep_ in APPOSITION_DEPS and not first <= c.i <= last]
    for tok in near:
        v = reader.view_index.get(tok.i)
        if (
            v is None
            or not reader.alpha_cap(v)
            or (v in reader.entity_label and v not in reader.person_tokens)
        ):
            continue
        s = reader.name_run_back(v + 1)
        e = reader.name_run(s) if s <= v else v
        if s <= v < e and reader.valid_name(s, e, False):
            return {"token_start": s, "token_end": e, "ranks": [], "honorifics": []}, "dep_appos"
    return None


LinkRule = Callable[[LinkContext], "Link | None"]
#: the linking rules, in the order they are tried
LINK_RULES: tuple[LinkRule, ...] = (
    title_name,
    title_rank_name,
    title_comma_name,
    name_comma_title,
    name_paren_title,
    name_cue_title,
    name_title,
    sebagai_lead,
    dep_appos,
)


def link(reader: NameReader, hit: TitleHit) -> tuple[Person | None, str | None]:
    """The person a title belongs to and the rule that found it, else ``(None, None)``.

    A title after a group word (``para Kepala Madrasah``, ``seluruh Camat``) names a group and
    belongs to nobody.
    """
    if hit.start > 0 and reader.keys[hit.start - 1] in load_people_words().group_words:
        hit.name = None
        return None, None
    person, rule = cue_person(reader, hit.start)
    if _organisation_after_lower_head(reader, hit):
        hit.name = None
    ctx = LinkContext(reader, hit, person, rule, _comma_person(reader, hit))
    for link_rule in LINK_RULES:
        found = link_rule(ctx)
        if found is not None:
            return found
    return None, None
