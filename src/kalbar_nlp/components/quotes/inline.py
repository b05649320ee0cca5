"""Reported speech beyond a verb of saying right after its subject: the object-focus form of a verb
after a pronoun (``Dia katakan, ...``, ``Untuk itu, ia sampaikan, perlu ...``), a second clause
after a verb that reports nothing, and a quote that runs on into a sentence that cannot stand
alone (``... bersamaan. Di antaranya ...``)."""

from __future__ import annotations

from typing import Any

import regex

from ...lexicons.speakers import load_quote_lexicon
from .cues import ADVERBIAL_OPENERS, Sentence, content_span, verb_quote
from .model import Candidate, SpeakerRef, is_upper_word, pronoun_ref, words_of
from .patterns import (
    CONNECTIVES,
    QUOTE_WORDS,
    build_bare_cue,
    build_focus_cue,
    build_patterns,
    build_trailing_passive,
    kind_alternation,
)
from .phrases import personish, read_phrase

#: The fewest words of a clause before the cue that make it a quote of its own.
MIN_CLAUSE_WORDS = 4
#: The most words of the subject of a second clause (`..., dia hanya memastikan bahwa ...`).
MAX_CLAUSE_SUBJECT = 4
#: The most characters between a sentence and the next one that continues its quote (same paragraph).
MAX_CONTINUATION_GAP = 3
ORPHAN_MARKER = regex.compile(rf"(?i)(?:{kind_alternation('orphan_marker')})[^\S\n]*,?[^\S\n]+")
FRAGMENT_OPENER = regex.compile(rf"(?i)(?:{kind_alternation('fragment_opener')})(?![\p{{L}}\p{{N}}])")
DEMONSTRATIVES = QUOTE_WORDS.words("demonstrative")
NOT_CONTENT_START = QUOTE_WORDS.words("not_content_start")


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


def second_clause(sentence: Sentence, verb: Any) -> list[Candidate] | None:
    """`X enggan memberikan penjelasan lebih jauh, dia hanya memastikan bahwa ...`: where the first verb
    of saying reports nothing, a clause after a comma with a subject of its own and its verb may."""
    comma = sentence.masked.find(",", verb.end())
    if comma < 0:
        return None
    rest = Sentence(
        sentence.text,
        sentence.start + comma + 1,
        sentence.masked[comma + 1 :],
        sentence.attributions,
        sentence.next_span,
        sentence.parsed,
    )
    second = build_patterns().verb.search(rest.masked)
    subject = rest.masked[: second.start()].split() if second is not None else []
    if not 1 <= len(subject) <= MAX_CLAUSE_SUBJECT or not _names_someone(subject[0]):
        return None  # `..., serta mendesak polisi ...`: the same subject goes on, no new clause
    found = verb_quote(rest, second)
    return [found] if found is not None else None


def _names_someone(word: str) -> bool:
    """A subject's first word that names someone: a pronoun, a capitalised word or a title."""
    low = word.casefold()
    lex = load_quote_lexicon()
    return low in lex.pronouns or low in lex.prefixes or is_upper_word(word)


def fragment_end(
    text: str, masked: str, quote_end: int, sentence_end: int, following: tuple[int, int] | None
) -> int | None:
    """Where reported speech that ends its sentence runs on into the next sentence of the paragraph
    when that one opens with a word that cannot start a statement of its own (`Melainkan ...`,
    `Di antaranya ...`, `Yakni ...`); ``None`` where it does not."""
    if (
        following is None
        or quote_end < sentence_end - 2
        or following[0] - sentence_end > MAX_CONTINUATION_GAP
    ):
        return None
    if "\n\n" in masked[sentence_end : following[0]] or not FRAGMENT_OPENER.match(masked, following[0]):
        return None
    span = content_span(text, following[0], following[1])
    return span[1] if span is not None else None


def indirect_orphan_clause(sentence: Sentence) -> list[Candidate] | None:
    """`X menyampaikan bahwa A.` + `Bahwa B.`: a sentence that opens with `bahwa` is a content clause
    of the statement before it, spoken by the same speaker."""
    marker = ORPHAN_MARKER.match(sentence.masked)
    if marker is None:
        return None
    span = content_span(sentence.text, sentence.start + marker.end(), sentence.end)
    if span is None or len(words_of(sentence.text[span[0] : span[1]])) < MIN_CLAUSE_WORDS - 1:
        return None
    cue = marker.group().strip(" ,")
    return [Candidate("indirect", *span, cue, "indirect-orphan-clause", SpeakerRef("same", rule="split"))]


def indirect_trailing_passive(sentence: Sentence) -> list[Candidate] | None:
    """`A, diungkapkan oleh Kepala Desa X.`, `A, sebagaimana disampaikan Bupati X.`: the clause before a
    passive cue that closes the sentence is the speaker's."""
    match = build_trailing_passive().search(sentence.masked)
    if match is None or not personish(match.group("sp")):
        return None
    text, start = sentence.text, sentence.start
    lead = CONNECTIVES.match(sentence.masked[: match.start()])
    before = content_span(text, start + (lead.end() if lead else 0), start + match.start())
    sp_start = start + match.start("sp")
    ref = read_phrase(text, sp_start, text[sp_start : start + match.end("sp")])
    ref.rule = "trailing-passive"
    cue = match.group("cue")
    if match.group("after") is not None:
        return _mid_passive(sentence, match, before, ref)
    if before is None or len(words_of(text[before[0] : before[1]])) < MIN_CLAUSE_WORDS - 1:
        return None
    return [Candidate("indirect", *before, cue, "indirect-trailing-passive", ref)]


def _mid_passive(
    sentence: Sentence, match: Any, before: tuple[int, int] | None, ref: SpeakerRef
) -> list[Candidate] | None:
    """`A, ditegaskan Jarot, B`: B is the speaker's; A too where it is a clause of its own (not a bare
    subject or an adverbial opener)."""
    text, start, cue = sentence.text, sentence.start, match.group("cue")
    after = content_span(text, start + match.start("after"), sentence.end)
    if after is None:
        return None
    before_words = words_of(text[before[0] : before[1]]) if before is not None else []
    if (
        before is not None
        and len(before_words) >= MIN_CLAUSE_WORDS
        and before_words[0].casefold() not in ADVERBIAL_OPENERS
    ):
        return [
            Candidate("indirect", *before, cue, "indirect-mid-passive", ref),
            Candidate("indirect", *after, cue, "indirect-mid-passive", SpeakerRef("same", rule="split")),
        ]
    return [Candidate("indirect", *after, cue, "indirect-mid-passive", ref)]


def _bare_content_ok(first: str) -> bool:
    """The first word after a bare cue's speaker opens a content clause, not the rest of a phrase
    (`kata Jarot kepada wartawan`, `menurut UU tersebut`, `kata Sambutan yang ...`)."""
    low = first.casefold()
    return not (low in load_quote_lexicon().stops or low in DEMONSTRATIVES or low in NOT_CONTENT_START)


def indirect_cue_lead_bare(sentence: Sentence) -> list[Candidate] | None:
    """`Kata Jarot pemerintah akan ...`, `Sehingga kata Budi ada ...`, `Menurut dia warga ...`: a cue
    and its speaker open the sentence, without the comma before the content."""
    lead = CONNECTIVES.match(sentence.masked)
    offset = lead.end() if lead else 0
    match = build_bare_cue().match(sentence.masked[offset:])
    if match is None:
        return None
    content = match.group("content")
    if not _bare_content_ok(content.split()[0].strip(",.;:")):
        return None
    text, base = sentence.text, sentence.start + offset
    span = content_span(text, base + match.start("content"), base + match.end("content"))
    if span is None or len(words_of(text[span[0] : span[1]])) < MIN_CLAUSE_WORDS:
        return None
    if match.group("pronoun"):
        ref = pronoun_ref(text, base + match.start("pronoun"), base + match.end("pronoun"))
    else:
        ref = read_phrase(text, base + match.start("name"), match.group("name"))
        ref.rule = "cue-lead-bare"
    return [Candidate("indirect", *span, match.group("cue"), "indirect-cue-lead-bare", ref)]
