"""Reported speech around a cue written inside the clause, not as a verb after its subject:
the object-focus form of a verb of saying after a pronoun (``Dia katakan, ...``, ``Untuk itu, ia
sampaikan, perlu ...``)."""

from __future__ import annotations

from .cues import ADVERBIAL_OPENERS, Sentence, content_span
from .model import Candidate, SpeakerRef, pronoun_ref, words_of
from .patterns import CONNECTIVES, build_focus_cue

#: The fewest words of a clause before the cue that make it a quote of its own.
MIN_CLAUSE_WORDS = 4


def indirect_focus_verb(sentence: Sentence) -> list[Candidate] | None:
    """`Dia katakan, ...`, `Untuk itu, ia sampaikan, perlu ...`: the content after the cue is the
    pronoun's; a clause of its own before the cue (not an opener like `Untuk itu`) is one too."""
    match = build_focus_cue().search(sentence.masked)
    if match is None:
        return None
    text, start = sentence.text, sentence.start
    after = content_span(text, start + match.end(), sentence.end)
    if after is None:
        return None
    ref = pronoun_ref(text, start + match.start("sp"), start + match.end("sp"), "focus-verb")
    cue = sentence.masked[match.start("sp") : match.end("cue")]
    lead = CONNECTIVES.match(sentence.masked[: match.start()])
    before = content_span(text, start + (lead.end() if lead else 0), start + match.start())
    before_words = words_of(text[before[0] : before[1]]) if before is not None else []
    if before is not None and len(before_words) >= MIN_CLAUSE_WORDS:
        if before_words[0].casefold() not in ADVERBIAL_OPENERS:
            return [
                Candidate("indirect", *before, cue, "indirect-focus-verb", ref),
                Candidate("indirect", *after, cue, "indirect-focus-verb", SpeakerRef("same", rule="split")),
            ]
    return [Candidate("indirect", *after, cue, "indirect-focus-verb", ref)]
