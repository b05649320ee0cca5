"""The lexicon of reported speech: ``resources/speech_verbs.tsv``.

One cue per line, ``cue<TAB>type<TAB>use[<TAB>note]``: verbs of saying (``mengatakan``), suffix
cues (``katanya``), passive cues, prepositions (``menurut``), negatives, pronouns and the other
word kinds the quote and title rules read. ``use`` says where a verb is a cue: ``any``
position, only before a ``clause``, only before the requested act (``directive``: ``mendesak X agar
...``), only with a ``direct`` quote, only after a ``pronoun`` subject (``Ia mencatat ...``, not
``BPS mencatat ...``, a citation of data), or ``-`` (never on its own).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from .table import resource

LEXICON_TYPES = (
    "verb",
    "suffix",
    "passive",
    "prep",
    "negative",
    "name_ctx",
    "pronoun",
    "prefix",
    "stop",
    "person_noun",
)
LEXICON_USES = ("any", "clause", "directive", "direct", "pronoun", "-")


@dataclass(frozen=True)
class SpeechLexicon:
    """The cue lexicon of ``speech_verbs.tsv``, grouped by type (all keys lower-case)."""

    verbs: dict[str, str]
    suffixes: dict[str, str]
    passives: frozenset[str]
    preps: frozenset[str]
    negatives: frozenset[str]
    name_ctx: frozenset[str]
    pronouns: frozenset[str]
    prefixes: frozenset[str]
    stops: frozenset[str]
    person_nouns: frozenset[str] = frozenset()


def parse_lexicon(lines: Iterable[str], source: str = "speech_verbs.tsv") -> SpeechLexicon:
    """Parse the lines of a cue lexicon and check their shape.

    Args:
        lines: the TSV lines (``cue<TAB>type<TAB>use[<TAB>note]``); ``#`` comments and blank lines skipped.
        source: a name for the error messages.

    Returns:
        The :class:`SpeechLexicon`.

    Raises:
        ValueError: a line has too few columns, an unknown type or an unknown use.
    """
    groups: dict[str, dict[str, str]] = {t: {} for t in LEXICON_TYPES}
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise ValueError(f"{source}:{n}: expected cue<TAB>type<TAB>use, got {line!r}")
        cue, typ, use = cols[0].strip(), cols[1].strip(), cols[2].strip()
        if not cue:
            raise ValueError(f"{source}:{n}: empty cue")
        if typ not in LEXICON_TYPES:
            raise ValueError(
                f"{source}:{n}: unknown type {typ!r} (expected one of {', '.join(LEXICON_TYPES)})"
            )
        if use not in LEXICON_USES:
            raise ValueError(f"{source}:{n}: unknown use {use!r} (expected one of {', '.join(LEXICON_USES)})")
        groups[typ][cue.casefold()] = use
    for typ in ("verb", "suffix", "pronoun"):
        if not groups[typ]:
            raise ValueError(f"{source}: no cue of type {typ!r}")
    return SpeechLexicon(
        verbs=groups["verb"],
        suffixes=groups["suffix"],
        passives=frozenset(groups["passive"]),
        preps=frozenset(groups["prep"]),
        negatives=frozenset(groups["negative"]),
        name_ctx=frozenset(groups["name_ctx"]),
        pronouns=frozenset(groups["pronoun"]),
        prefixes=frozenset(groups["prefix"]),
        stops=frozenset(groups["stop"]),
        person_nouns=frozenset(groups["person_noun"]),
    )


@functools.cache
def load_speech_lexicon() -> SpeechLexicon:
    """Load ``resources/speech_verbs.tsv`` once per process."""
    with resource("speech_verbs.tsv").open(encoding="utf-8") as fh:
        return parse_lexicon(fh, "speech_verbs.tsv")
