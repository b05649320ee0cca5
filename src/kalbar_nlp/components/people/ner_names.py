"""Which ``PER`` entities of the trained NER are persons' names: an ordered table of refusals.

An entity with no anchor (rank, honorific, known given name, speech cue) is kept only where its
context backs it up. Bare names in running text were measured on the 179 dev articles and left
out: one-word names standing alone in a sentence were right 5 times in 22, names of two or three
words 3 times in 10 (on scraped news most are nicknames, characters, places and common words);
initials (``tersangka UA dan ZI``) added one right person and no wrong one, and are kept
(:func:`initials_name`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from ...lexicons.people import load_people_words, speaker_verbs
from ...lexicons.titles import speech_cue_words
from ...text.names import DEGREE_SHAPE, NameReader
from ...text.running_text import RunningText, stands_alone


@functools.cache
def speech_cues() -> frozenset[str]:
    """Cues before a name: the one-word speech cues and the people lexicon's (``katanya``, ``akrab``)."""
    return speech_cue_words() | load_people_words().speech_cues


def bare_title(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """The NER took a bare title (``Sekda``) for a name."""
    title = reader.title_at(s)
    return bool(title) and title[0] >= e - s


def no_capital(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """No word, or no capitalised word."""
    return not words or not any(reader.alpha_cap(k) for k in words)


def title_inside(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """``Asta Cita Presiden``: a title inside is no part of a name."""
    return any(reader.title_at(k) and reader.keys[k] not in reader.lex.given for k in words[1:])


def word_refused(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """A capitalised word the name reader refuses."""
    return any(not reader.name_token_ok(k, k == words[0]) for k in words if reader.alpha_cap(k))


def lone_letter(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """A lone letter."""
    return len(words) == 1 and len(reader.texts[words[0]].strip(".")) == 1


def degree_only(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """``S.Sos.``, ``M.H.`` after a name."""
    return reader.degree_at(s) >= e - s or all(DEGREE_SHAPE.match(reader.texts[k]) for k in words)


def spells_acronym(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """The end of a name the acronym after it spells (``Penerimaan Peserta Didik Baru (PPDB)``)."""
    if not (e + 2 < reader.size and reader.texts[e] == "(" and reader.all_caps(e + 1)):
        return False
    acronym = reader.texts[e + 1].replace(".", "")
    first = e - len(acronym)
    initials = "".join(reader.texts[k][:1] for k in range(max(first, 0), e))
    return first >= 0 and initials.upper() == acronym.upper()


def organisation(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """An organisation word, or a common word that is no given name."""
    lex = reader.lex
    return any(reader.is_orgish(k) for k in words) or any(
        reader.keys[k] in lex.stop and reader.keys[k] not in lex.given for k in words
    )


def place(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """A place name, or a location or organisation the gazetteer found."""
    return reader.place_at(s, e) >= e - s or reader.in_gazetteer(s, e)


def region_inside(reader: NameReader, s: int, e: int, words: list[int]) -> bool:
    """A region name inside (``Ngopeni Nglakoni Jawa Tengah``)."""
    return any(reader.place_at(k, e) >= 2 for k in words)


NerRefusal = Callable[[NameReader, int, int, list[int]], bool]
#: a ``PER`` entity is no name where one of these holds (tried in order)
NER_REFUSALS: tuple[NerRefusal, ...] = (
    bare_title,
    no_capital,
    title_inside,
    word_refused,
    lone_letter,
    degree_only,
    spells_acronym,
    organisation,
    place,
    region_inside,
)


def strong_context(reader: NameReader, s: int, e: int) -> bool:
    """A name the given-name list does not know, said by a speech cue or followed by an age."""
    if s > 0 and reader.keys[s - 1] in speech_cues():
        return True
    nxt = e
    if nxt < reader.size and reader.texts[nxt] == ",":
        nxt += 1
    if nxt < reader.size and reader.keys[nxt] in speaker_verbs():
        return True  # "Rasgianto mengatakan", "Rasgianto, Ketua KUD ..., mengatakan"
    if e < reader.size and reader.texts[e] == "," and e + 1 < reader.size and reader.title_at(e + 1):
        return True
    return (
        e + 2 < reader.size
        and reader.texts[e] == "("
        and reader.texts[e + 1].isdigit()
        and reader.texts[e + 2] == ")"
    )


def _title_before(reader: NameReader, s: int) -> bool:
    """A one-word title right before ``s`` (``Presiden SBY``, ``Wapres JK``)."""
    title = reader.title_at(s - 1) if s > 0 else None
    return bool(title) and title[0] == 1


def initials_name(reader: NameReader, s: int, e: int, running: RunningText) -> bool:
    """Initials the model tags as a person inside running text (``tersangka UA dan ZI``)."""
    if e - s != 1 or not reader.all_caps(s) or len(reader.texts[s]) > 3:
        return False
    start, end = reader.chars(s, e)
    before = None if s == 0 or _title_before(reader, s) else reader.texts[s - 1]
    after = reader.texts[e] if e < reader.size else None
    return stands_alone(before, after) and running.in_sentence_line(start, end)


def ner_name_ok(
    reader: NameReader, s: int, e: int, anchored: bool, running: RunningText | None = None
) -> bool:
    """Keep a ``PER`` entity of the NER only where it looks like a person's name."""
    words = [k for k in range(s, e) if reader.texts[k][:1].isalpha()]
    if any(refuse(reader, s, e, words) for refuse in NER_REFUSALS):
        return False
    if anchored:
        return True
    return (
        any(reader.name_likely(k) for k in words)
        or strong_context(reader, s, e)
        or (running is not None and initials_name(reader, s, e, running))
    )


def plain_name(reader: NameReader, s: int, e: int) -> bool:
    """A name with no anchor: every word a name-like capitalised word, none a place or body."""
    if any(reader.is_orgish(k) for k in range(s, e)):
        return False
    return reader.valid_name(s, e, False) and (any(reader.name_likely(k) for k in range(s, e)) or e - s >= 2)
