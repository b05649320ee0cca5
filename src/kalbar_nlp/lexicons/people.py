"""The words the people component reads around names: ``resources/people_words.tsv``.

One word (or phrase) per line with its ``kind``: nickname markers (``Gus``, ``Cak``), the verbs
after a name that make it a speaker (besides the verbs of ``speech_verbs.tsv``), extra speech
cues, the cues of a list of initials (and the weaker suspect/victim cues), personal pronouns,
group words (``para``), the acting/former prefixes left out when two posts are compared, the
heads of street names (``Jalan``, ``Gang``), whose hero is no person of the article, and the
regional name prefixes that are part of a name (``Baiq``, ``Teuku``, Balinese ``I``/``Ni``; the
prefixes that are also everyday words, ``Lalu``, and the Balinese names after ``I``/``Ni`` are kinds
of ``title_words.tsv``, read through :func:`kalbar_nlp.lexicons.titles.load_lexicon`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .speech_verbs import load_speech_lexicon
from .table import LexiconError, read_table

PEOPLE_WORD_KINDS = (
    "nickname_marker",
    "speech_verb",
    "speech_cue",
    "initials_cue",
    "suspect_cue",
    "pronoun",
    "group_word",
    "post_prefix",
    "street_head",
    "name_prefix",
    "birth_order_prefix",
    "post_word",
    "name_cue",
)


@dataclass(frozen=True, slots=True)
class PeopleWords:
    """The word kinds of ``people_words.tsv`` (all lower case)."""

    nickname_markers: frozenset[str]
    speech_verbs: frozenset[str]
    speech_cues: frozenset[str]
    initials_cues: frozenset[str]
    suspect_cues: frozenset[str]
    pronouns: frozenset[str]
    group_words: frozenset[str]
    street_heads: frozenset[str]
    post_prefixes: tuple[str, ...]  # in file order: the longer forms come first
    name_prefixes: frozenset[str]  # part of the name before it (Baiq, Teuku)
    birth_order_prefixes: frozenset[str]  # Balinese I / Ni, only before a birth-order or caste name
    post_words: frozenset[str]  # short forms of posts after an address (Pak Wali, Pak Gub): no names
    name_cues: frozenset[str]  # words before a person's name (bernama, nama)


@functools.cache
def load_people_words() -> PeopleWords:
    """Load ``resources/people_words.tsv`` once per process.

    Raises:
        LexiconError: a row has a kind that is not one of :data:`PEOPLE_WORD_KINDS`.
    """
    groups: dict[str, list[str]] = {kind: [] for kind in PEOPLE_WORD_KINDS}
    for row in read_table("people_words.tsv", ("word", "kind"), required=("word", "kind")):
        if row["kind"] not in groups:
            raise LexiconError(f"people_words.tsv: unknown kind {row['kind']!r} for {row['word']!r}")
        groups[row["kind"]].append(row["word"].lower())
    return PeopleWords(
        nickname_markers=frozenset(groups["nickname_marker"]),
        speech_verbs=frozenset(groups["speech_verb"]),
        speech_cues=frozenset(groups["speech_cue"]),
        initials_cues=frozenset(groups["initials_cue"]),
        suspect_cues=frozenset(groups["suspect_cue"]),
        pronouns=frozenset(groups["pronoun"]),
        group_words=frozenset(groups["group_word"]),
        street_heads=frozenset(groups["street_head"]),
        post_prefixes=tuple(groups["post_prefix"]),
        name_prefixes=frozenset(groups["name_prefix"]),
        birth_order_prefixes=frozenset(groups["birth_order_prefix"]),
        post_words=frozenset(groups["post_word"]),
        name_cues=frozenset(groups["name_cue"]),
    )


@functools.cache
def speaker_verbs() -> frozenset[str]:
    """Verbs after a name that make it a speaker: ``speech_verbs.tsv`` verbs and ``speech_verb`` words."""
    return frozenset(load_speech_lexicon().verbs) | load_people_words().speech_verbs
