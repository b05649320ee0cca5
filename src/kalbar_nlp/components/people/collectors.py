"""Where person mentions come from: one collector per source, each named after the rule it records.

Document-level collectors (:data:`DOC_COLLECTORS`) read the title links and the NER; the token
rules (:data:`TOKEN_RULES`) are tried in order at every token, the first that knows the token
decides where reading goes on; :func:`paren_aliases` adds the nicknames last.
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from spacy.tokens import Doc

from ...lexicons.people import load_people_words
from ...text.names import NameReader
from ...text.running_text import RunningText
from ...text.scanner import PER_LABELS
from ...text.source import doc_text
from .mentions import Mention
from .ner_names import ner_name_ok, plain_name, speech_cues

INITIALS = regex.compile(r"^\p{Lu}{2,4}$")
#: one capital: initials only in a list of suspects or victims (berinisial S (19) dan Z (7))
LETTER = regex.compile(r"^\p{Lu}$")
#: a short name a list of initials may hold before an age (inisial Ya (22), Sup (41))
SHORT_NAME = regex.compile(r"^\p{Lu}\p{Ll}{1,2}$")
#: tokens that may stand between the initials of a list (berinisial IV, WI dan NR)
INITIALS_JOINERS = frozenset({",", "dan", "serta", "&"})
#: tokens before a word that show it is inside a sentence (``oleh Lalu Iqbal``, ``, Lalu Iqbal``)
MID_SENTENCE_MARKS = frozenset({",", "("})


# -- document-level sources -----------------------------------------------------------------------
def from_titles(doc: Doc, reader: NameReader, titles: list[dict]) -> list[Mention]:
    """``title``: the people that ``kalbar_titles`` linked to a title."""
    mentions = []
    for index, title in enumerate(titles):
        person = title.get("person")
        if not person:
            continue
        start, end = reader.view_start(person["token_start"]), reader.view_end(person["token_end"])
        if start is None or end <= start:
            continue
        ranks, honorifics = list(person.get("ranks") or []), list(person.get("honorifics") or [])
        mentions.append(Mention(start, end, "title", ranks, honorifics, [index]))
    return mentions


def _ner_name_span(reader: NameReader, vs: int, ve: int) -> tuple[int, int, list[str], list[str]]:
    """The name inside an entity ``[vs, ve)``: ranks, honorifics and titles before it left out."""
    s, ranks, honorifics = reader.leading(vs)
    # a rank or honorific inside the entity: the name is after it (Jatim Kombes Puji Santosa)
    for k in range(s + 1, ve - 1):
        if (reader.rank_at(k) or reader.honorific_at(k)) and reader.cap(k):
            s, more_ranks, more_honorifics = reader.leading(k)
            ranks += more_ranks
            honorifics += more_honorifics
            break
    # a title the NER took into the name (Bupati Jarot)
    for _ in range(3):
        title = reader.title_at(s) if s < ve else None
        if not title or s + title[0] >= ve:
            break
        s, more_ranks, more_honorifics = reader.leading(s + title[0])
        ranks += more_ranks
        honorifics += more_honorifics
    # the NER ran over a bracket or a comma
    e = next((k for k in range(s, ve) if reader.texts[k] in {"(", ",", ";", "\n"}), ve)
    while e > s and not reader.texts[e - 1][:1].isalnum():
        e -= 1
    while s < e and not reader.alpha_cap(s):
        s += 1  # "adik-adik Sopiah"
    return s, e, ranks, honorifics


def from_ner(doc: Doc, reader: NameReader, titles: list[dict]) -> list[Mention]:
    """``ner``: the trained NER's ``PER`` entities that look like names."""
    mentions = []
    running = RunningText(doc_text(doc))
    for ent in doc.ents:
        if ent.label_ not in PER_LABELS:
            continue
        vs, ve = reader.view_start(ent.start), reader.view_end(ent.end)
        if vs is None or ve <= vs:
            continue
        s, e, ranks, honorifics = _ner_name_span(reader, vs, ve)
        parts = _pair_parts(reader, s, e)
        for s, e in parts:
            if e > s and ner_name_ok(reader, s, e, bool(ranks or honorifics), running):
                _, degrees = reader.skip_degrees(e)
                mentions.append(Mention(s, e, "ner", ranks, honorifics + degrees))
    return mentions


def _pair_parts(reader: NameReader, s: int, e: int) -> list[tuple[int, int]]:
    """The names of a pair the NER took as one person, split at a hyphen written without spaces.

    ``Khofifah Indar Parawansa-Emil Dardak`` gives two names; a side of one word
    (``Khofifah-Emil``, ``Sudirman-Thamrin``) is left out: a pair's short names or a road's name
    are no person of their own.
    """
    cut = next(
        (
            k
            for k in range(s + 1, e - 1)
            if reader.texts[k] in {"-", "–"}
            and not reader.space_after[k - 1]
            and not reader.space_after[k]
            and reader.alpha_cap(k - 1)
            and reader.alpha_cap(k + 1)
        ),
        None,
    )
    if cut is None:
        return [(s, e)]
    return [(a, b) for a, b in ((s, cut), (cut + 1, e)) if b - a >= 2]


# -- token rules: (reader, token, mentions) -> the token to go on at, or None ----------------------
def rank_or_honorific(reader: NameReader, i: int, mentions: list[Mention]) -> int | None:
    """``rank`` / ``honorific``: a name after a rank or an honorific (``AKBP Nuredy``, ``Ibu Sopiah``)."""
    rank = reader.rank_at(i) if reader.cap(i) else None
    honorific = None if rank else reader.honorific_at(i)
    if not (rank or honorific):
        return None
    person = reader.person_after(i)
    if not person:
        return i + 1
    rule = "rank" if rank else "honorific"
    mentions.append(
        Mention(person["token_start"], person["token_end"], rule, person["ranks"], person["honorifics"])
    )
    return person["token_end"]


def speech_cue(reader: NameReader, i: int, mentions: list[Mention]) -> int | None:
    """``speech_cue``: a name after a speech cue (``kata Budi``, ``akrab disapa Budi``)."""
    key = reader.keys[i]
    if key not in speech_cues() or i + 1 >= reader.size:
        return None
    j = i + 1
    if key == "akrab" and j < reader.size and reader.keys[j] == "disapa":
        j += 1
    person = reader.person_after(j) if reader.title_at(j) is None else None
    if not person:
        return i + 1
    start, end = person["token_start"], person["token_end"]
    if not (person["ranks"] or person["honorifics"] or plain_name(reader, start, end)):
        return i + 1
    if end >= reader.size or not reader.texts[end][:1].isupper() or reader.texts[end] == "(":
        mentions.append(Mention(start, end, "speech_cue", person["ranks"], person["honorifics"]))
    return i + 1


def _age_after(reader: NameReader, j: int) -> bool:
    """An age in parentheses at ``j`` (``(19)``)."""
    texts = reader.texts
    return (
        j + 2 < reader.size
        and texts[j] == "("
        and texts[j + 1].isdigit()
        and texts[j + 2] == ")"
        and 0 < int(texts[j + 1]) < 120
    )


def age(reader: NameReader, i: int, mentions: list[Mention]) -> int | None:
    """``age``: a name or initials followed by an age in parentheses (``MA (11)``, ``…, M (33), …``)."""
    if not (i > 0 and _age_after(reader, i)):
        return None
    text, before = reader.texts[i - 1], reader.keys[i - 2] if i >= 2 else ","
    if INITIALS.match(text) and (i < 2 or not reader.alpha_cap(i - 2)):
        mentions.append(Mention(i - 1, i, "age"))  # MH (60)
        return i + 1
    if LETTER.match(text) and (before in INITIALS_JOINERS or before in _list_cues()):
        mentions.append(Mention(i - 1, i, "age"))  # tersangka ZM (37), M (33) dan T (41)
        return i + 1
    start = reader.name_run_back(i)
    if start < i and (reader.valid_name(start, i, False) or all(reader.all_caps(k) for k in range(start, i))):
        mentions.append(Mention(start, i, "age"))
    return i + 1


def _list_cues() -> frozenset[str]:
    """Words that open a list of initials (``berinisial``) or of suspects and victims (``tersangka``)."""
    words = load_people_words()
    return words.initials_cues | words.suspect_cues


def _initials_text(reader: NameReader, j: int) -> str:
    """The token at ``j``, without the full stop of a sentence it ends (``berinisial RM.``)."""
    text = reader.texts[j]
    return text[:-1] if len(text) > 1 and text.endswith(".") and text[:-1].isalpha() else text


def _initials_at(reader: NameReader, j: int, strong: bool) -> bool:
    """Initials at ``j`` in a list after a cue (``strong``: after ``berinisial``, else ``tersangka``).

    One capital or a short name counts only before an age (``S (6)``, ``Ya (22)``); after
    ``berinisial`` two to four capitals count, after a role word only those that are no body's
    acronym and open no name (``tersangka KPK``, ``korban PT X`` are no persons).
    """
    text = _initials_text(reader, j) if strong else reader.texts[j]
    if LETTER.match(text):
        # berinisial K ditangkap: after the cue itself one capital is a person's initial
        return strong or _age_after(reader, j + 1)
    if SHORT_NAME.match(text):
        return _age_after(reader, j + 1)
    if not INITIALS.match(text):
        return False
    if strong:
        return True
    lex = reader.lex
    followed = j + 1 < reader.size and reader.alpha_cap(j + 1)
    return not (followed or reader.keys[j] in lex.acronym or reader.keys[j] in lex.org or reader.place_at(j))


def initials(reader: NameReader, i: int, mentions: list[Mention]) -> int | None:
    """``initials``: each set of initials in a list after ``berinisial`` or ``tersangka`` (``IV, WI, NR``)."""
    words = load_people_words()
    strong = reader.keys[i] in words.initials_cues
    if not (strong or (reader.keys[i] in words.suspect_cues and reader.texts[i].islower())):
        return None
    j = i + 1
    while j < reader.size and j - i <= 12:
        text = reader.texts[j]
        if _initials_at(reader, j, strong):
            mentions.append(Mention(j, j + 1, "initials"))
        elif reader.keys[j] not in INITIALS_JOINERS and not text.isdigit() and text not in {"(", ")"}:
            break
        j += 1
    return i + 1


def _prefix_opens_name(reader: NameReader, i: int) -> bool:
    """The regional prefix at ``i`` is part of the name after it (see :func:`name_prefix`)."""
    words = load_people_words()
    key = reader.keys[i]
    if key in words.name_prefixes:
        return True
    if key in words.birth_order_prefixes:
        return reader.keys[i + 1] in reader.lex.balinese_names
    if key in reader.lex.name_markers:
        before = reader.texts[i - 1] if i > 0 else "\n"
        return before[:1].islower() or before in MID_SENTENCE_MARKS
    return False


def name_prefix(reader: NameReader, i: int, mentions: list[Mention]) -> int | None:
    """``name_prefix``: a name with the regional prefix that is part of it.

    ``Baiq Nurul Hidayati``, ``Teuku Umar``, ``Ki Hajar Dewantara``; ``I``/``Ni`` only before a
    Balinese birth-order or caste name (``I Made Sudarsana``, ``Ni Luh Putu``: not the numeral of
    ``Kelas I Medan``); ``Lalu``, also the word "then", only inside a sentence (``oleh Lalu Iqbal``).
    """
    text = reader.texts[i]
    written_as_name = reader.cap(i) and (len(text) == 1 or text[1:].islower())  # not KI, TENGKU
    if not (written_as_name and i + 1 < reader.size and reader.alpha_cap(i + 1)):
        return None
    if not _prefix_opens_name(reader, i):
        return None
    end = reader.name_run(i + 1)
    if end <= i + 1 or not reader.valid_name(i + 1, end, True):
        return None
    mentions.append(Mention(i, end, "name_prefix"))
    return end


def name_cue(reader: NameReader, i: int, mentions: list[Mention]) -> int | None:
    """``name_cue``: a name opening with a known given name after ``bernama`` or ``nama`` (``nama Siti``)."""
    if reader.keys[i] not in load_people_words().name_cues or not reader.texts[i].islower():
        return None
    start = i + 1
    end = reader.name_run(start) if start < reader.size else start
    if end <= start or not reader.valid_name(start, end, False):
        return i + 1
    if any(reader.is_orgish(k) for k in range(start, end)) or not reader.name_likely(start):
        return i + 1  # the name opens with a known given name (not: dengan nama Toko Maju Jaya)
    mentions.append(Mention(start, end, "name_cue"))
    return end


TokenRule = Callable[[NameReader, int, list[Mention]], "int | None"]
#: the token rules, tried in this order at every token
TOKEN_RULES: tuple[TokenRule, ...] = (rank_or_honorific, speech_cue, age, initials, name_prefix, name_cue)


def from_tokens(doc: Doc, reader: NameReader, titles: list[dict]) -> list[Mention]:
    """The mentions of :data:`TOKEN_RULES`, left to right."""
    mentions: list[Mention] = []
    i = 0
    while i < reader.size:
        i = next((j for rule in TOKEN_RULES if (j := rule(reader, i, mentions)) is not None), i + 1)
    return mentions


DocCollector = Callable[[Doc, NameReader, list[dict]], list[Mention]]
#: the sources of mentions, in the order their mentions are listed
DOC_COLLECTORS: tuple[DocCollector, ...] = (from_titles, from_ner, from_tokens)


def paren_aliases(reader: NameReader, mentions: list[Mention]) -> list[Mention]:
    """``paren_alias``: a nickname in parentheses after a name (``H. Ahmad Muhdlor Ali (Gus Muhdlor)``)."""
    extra: list[Mention] = []
    for mention in mentions:
        j, _ = reader.skip_degrees(mention.end)  # skip ", S.H." degrees
        if j >= reader.size or reader.texts[j] != "(":
            continue
        e = reader.name_run(j + 1)
        if j + 1 < e < reader.size and reader.texts[e] == ")" and not reader.texts[j + 1].isdigit():
            if not any(reader.is_orgish(k) for k in range(j + 1, e)):
                extra.append(Mention(j + 1, e, "paren_alias", alias_of=mention))
    return extra


def collect(doc: Doc, reader: NameReader, titles: list[dict]) -> list[Mention]:
    """Every mention of every source, then the nicknames in parentheses after them."""
    mentions = [mention for collector in DOC_COLLECTORS for mention in collector(doc, reader, titles)]
    return mentions + paren_aliases(reader, mentions)
