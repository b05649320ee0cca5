"""Reported speech around a cue inside a sentence: a verb of saying and its content clause
(``Sekda mengatakan, bahwa ...``) and a cue between commas (``..., kata Bambang, ...``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex
from spacy.tokens import Doc

from ...lexicons.speakers import load_quote_lexicon
from .model import (
    MASK,
    MAX_SUBJECT_WORDS,
    Attribution,
    Candidate,
    SpeakerRef,
    is_upper_word,
    pronoun_ref,
    strip_span,
    words_of,
)
from .patterns import (
    ADJUNCT_END,
    AFTER_VERB,
    CLAUSE_LEAD,
    CLAUSE_VERB,
    CONNECTIVES,
    DIRECTIVE_OBJECT,
    LEADING_DATE,
    NAMING,
    QUOTE_WORDS,
    SHORT_OBJECT,
    SOURCE_NOUN,
)
from .phrases import described_person, read_phrase, source_ref, subject_ref

CLAUSE_WORDS = QUOTE_WORDS.words("clause_word")
CLAUSE_OPENERS = QUOTE_WORDS.words("clause_opener")
NOT_CLAUSE_BEFORE = QUOTE_WORDS.words("not_clause_before")
NOT_CLAUSE_VERB = QUOTE_WORDS.words("not_clause_verb")
NOT_SUBJECT_END = QUOTE_WORDS.words("not_subject_end")
SUBJECT_PARTICLES = QUOTE_WORDS.words("subject_particle")
TRAILING_ADVERBS = QUOTE_WORDS.words("trailing_adverb")
TIME_PREPS = QUOTE_WORDS.words("time_prep")
TIME_OPENERS = QUOTE_WORDS.words("time_opener")
NOT_ADJUNCT = QUOTE_WORDS.words("not_adjunct")
ADDRESSEE_PREPS = QUOTE_WORDS.words("addressee_prep")
TOPIC_PREPS = QUOTE_WORDS.words("topic_prep")
DIRECTIVE_VERBS = QUOTE_WORDS.words("directive_verb")
NAMING_VERBS = QUOTE_WORDS.words("naming_verb")
ADVERBIAL_OPENERS = QUOTE_WORDS.words("adverbial_opener")
DOCUMENT_SUBJECTS = QUOTE_WORDS.words("document_subject")
#: An active verb that opens the content: the act announced, its subject the speaker's
#: (`mengumumkan menaikkan suku bunga`, `menyampaikan mendukung penuh ...`).
ACTIVE_OPENER = regex.compile(r"me(?:m|n|ng|ny)?\p{Ll}{3,}(?:kan|i)$")
#: The most words of a subject by name set off by a comma after a verb of saying.
MAX_NAMED_SUBJECT = 4
#: The most words read for the start of a clause after a time adverbial (`sampai dengan awal Juni ...`).
MAX_CLAUSE_REACH = 9


@dataclass
class Sentence:
    """A sentence of the masked text examined for reported speech."""

    text: str  # the article text
    start: int  # where the sentence starts in ``text``
    masked: str  # the sentence as masked (direct quotes replaced by MASK)
    attributions: list[Attribution]
    next_span: tuple[int, int] | None = None  # the next sentence
    parsed: Doc | None = None  # the Doc, where it carries a dependency parse
    first_mid: tuple[int, list[Candidate]] | None = None  # memo of the first cue between commas

    @property
    def end(self) -> int:
        return self.start + len(self.masked)


def content_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The content of reported speech in ``[start, end)``: without a clause marker, the full stop
    and the punctuation around it; ``None`` under two words."""
    start, end = strip_span(text, start, end, " \t\n,;:.-–—")
    # drop a clause marker that opens the content (bahwa, jika, agar)
    lead = CLAUSE_LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    # drop the date of the statement that opens the content (`Jumat (9/12/2016) taman bumi ini ...`),
    # not a date that is the clause's subject (`Senin (9/6/2025) menjadi hari terakhir ...`)
    date = LEADING_DATE.match(text, start, end)
    if date and not _predicate_next(text[date.end() : end]):
        start = date.end()
    # keep the closing `?`/`!`, drop the full stop
    if end > start and text[end - 1] == ".":
        end -= 1
    start, end = strip_span(text, start, end)
    if len(words_of(text[start:end])) < 2:
        return None
    return start, end


def _predicate_next(rest: str) -> bool:
    """Whether ``rest`` opens with a predicate (a clause word or a verb): what came before is a subject."""
    first = (rest.split() or [""])[0].casefold().strip(",.;:")
    return first in CLAUSE_WORDS or (CLAUSE_VERB.match(first) is not None and first not in NOT_CLAUSE_VERB)


def clause_follows(rest: str) -> bool:
    """Is what follows a verb of saying a clause (a subject and its verb) rather than an object?

    A clause word (`akan`, `belum`, `pentingnya`) or a verb (me-/ber-/di-/ter-) within the first
    five words (nine after a time adverbial: `sampai dengan awal Juni 2025 belum ada ...`), not right
    after `dan`/`untuk`/`yang`, which would make it part of an object."""
    head, _comma, tail = rest.partition(",")  # the clause must start before any comma ...
    if _named_subject(head.split()) and tail.split():
        # ... or be a named subject set off by a comma: `menyampaikan Fraksi Nasdem, mendukung penuh ...`
        predicate = tail.split()[0].casefold().strip(",.;:")
        return predicate in CLAUSE_WORDS or (
            CLAUSE_VERB.match(predicate) is not None and predicate not in NOT_CLAUSE_VERB
        )
    words = [word.casefold().strip(",.;:") for word in head.split()]
    # after a time adverbial (`sampai dengan awal Juni 2025 belum ada ...`) the clause starts later
    words = words[: MAX_CLAUSE_REACH if words and words[0] in TIME_OPENERS else 5]
    for index, word in enumerate(words):
        if word in CLAUSE_WORDS and (index > 0 or word in CLAUSE_OPENERS):
            return index == 0 or words[index - 1] not in NOT_CLAUSE_BEFORE
        if (
            (index > 0 or ACTIVE_OPENER.match(word))
            and CLAUSE_VERB.match(word)
            and word not in NOT_CLAUSE_VERB
            and words[index - 1] not in NOT_CLAUSE_BEFORE
        ):
            return True
    return False


def _named_subject(words: list[str]) -> bool:
    """One to four capitalised words (`Fraksi Nasdem`, `Pemkab Sintang`): a subject by name."""
    return 1 <= len(words) <= MAX_NAMED_SUBJECT and all(is_upper_word(word) for word in words)


def _verb_blocked(sentence: Sentence, verb: Any, use: str) -> bool:
    """No content after this verb: direct-only verbs, no or too long a subject, `yang mengatakan`,
    `menyampaikan terima kasih`."""
    lex = load_quote_lexicon()
    cue = verb.group("cue").casefold()
    before = sentence.masked[: verb.start()].split()
    if use == "direct" or not before or len(before) > MAX_SUBJECT_WORDS:
        return True
    if before[-1].casefold() in NOT_SUBJECT_END or _document_subject(before):
        return True
    if use == "pronoun" and not _pronoun_subject(before):
        return True
    rest = sentence.masked[verb.end() :].split()
    if not rest:
        return False
    obj = rest[0].casefold().strip(",.")
    # `menyampaikan dukungannya`, `menyampaikan terima kasih`
    return f"{cue} {obj}" in lex.negatives or (obj.endswith("nya") and f"{cue} {obj[:-3]}" in lex.negatives)


def _pronoun_subject(subject: list[str]) -> bool:
    """`Ia juga mencatat`, `Dirinya pun mencatat`: a pronoun for a person ends the subject."""
    words = [word.casefold().strip(",.") for word in subject]
    while words and words[-1] in SUBJECT_PARTICLES | TRAILING_ADVERBS:
        words.pop()
    return bool(words) and words[-1] in load_quote_lexicon().pronouns


def _document_subject(subject: list[str]) -> bool:
    """`Data itu juga menegaskan ...`, `Dalam Inpres tersebut menekankan ...`: a document or figures
    as the subject cite data; they report no one's speech."""
    words = [word.casefold().strip(",.") for word in subject]
    while words and words[0] in TIME_PREPS:
        words = words[1:]
    return bool(words) and words[0] in DOCUMENT_SUBJECTS


def _clause_start(rest: str, cue: str) -> int | None:
    """Where the content starts after a verb of saying that takes a clause (``None``: an object)."""
    short = SHORT_OBJECT.match(rest)
    if short is not None and not clause_follows(rest[: short.end()]):
        return short.end()  # `menyampaikan pandangannya agar ...`: a short object, then the clause
    if short is not None:
        return 0  # `menyampaikan Presiden menginginkan agar ...`: the clause starts at its subject
    if cue in DIRECTIVE_VERBS and DIRECTIVE_OBJECT.match(rest):
        return 0  # `meminta para orang tua untuk tidak ...`: the object and its clause
    return 0 if clause_follows(rest) else None  # `menyampaikan Nota Keuangan ...`: an object


def _directed(rest: str) -> bool:
    """An object and the act requested of it (`para guru untuk ...`, `agar ...`), or an object and its
    verb (`kepada seluruh guru di Kota Malang aktif mengikuti ...`)."""
    if DIRECTIVE_OBJECT.match(rest) or CLAUSE_LEAD.match(rest.lstrip(" ,")):
        return True
    words = [word.casefold().strip(",.;:") for word in rest.split(",")[0].split()[:8]]
    return any(
        index > 0
        and CLAUSE_VERB.match(word)
        and word not in NOT_CLAUSE_VERB
        and words[index - 1] not in NOT_CLAUSE_BEFORE
        for index, word in enumerate(words)
    )


#: What :func:`_directive_start` gives where the verb is no request of an addressee.
NOT_DIRECTIVE = -1


def _directive_start(rest: str, first: str, cue: str, use: str) -> int | None:
    """Where a request's content starts after its verb, ``None`` for none, :data:`NOT_DIRECTIVE` if
    the rule does not apply.

    `meminta kepada para guru agar ...`, `memberikan pesan kepada Bupati agar ...`: the addressee and
    the requested act, without the preposition; `mendesak pemerintah untuk ...`, `menyarankan agar
    ...`: the object and the act."""
    if first in ADDRESSEE_PREPS and (use == "directive" or cue in DIRECTIVE_VERBS):
        prep_end = len(rest) - len(rest.lstrip()) + len(rest.split()[0])
        return prep_end if _directed(rest[prep_end:]) else None
    if use == "directive":
        return 0 if _directed(rest) else None
    return NOT_DIRECTIVE


def _content_bounds(sentence: Sentence, verb: Any, use: str) -> tuple[int, int] | None:
    """The bounds (relative to the sentence start) of what may be the content after a verb."""
    lex = load_quote_lexicon()
    rest = sentence.masked[verb.end() :]
    words = rest.split()
    first = words[0].casefold().strip(",.:") if words else ""
    second = words[1].casefold().strip(",.:") if len(words) > 1 else ""
    start, end = verb.end(), len(sentence.masked)
    directive = _directive_start(rest, first, verb.group("cue").casefold(), use)
    if directive != NOT_DIRECTIVE:
        return None if directive is None else (start + directive, end)
    after_verb = AFTER_VERB.match(rest)
    if not rest.strip(" \t\u00a0.:"):
        # `X mengatakan. Pihaknya ...` / `X menjelaskan:` + next sentence
        following = sentence.next_span
        if following is None or following[0] - sentence.end > 3:
            return None
        return following[0] - sentence.start, following[1] - sentence.start
    if after_verb is not None:
        return start + after_verb.end(), end
    if first in lex.stops and not (first in TIME_PREPS and second in NOT_ADJUNCT):
        # an adjunct before the content: `mengatakan kepada wartawan, bahwa ...`
        adjunct = ADJUNCT_END.search(rest[:160])
        if adjunct is not None:
            return start + adjunct.end(), end
        if first in ADDRESSEE_PREPS or use == "clause":
            return None
        return start, end  # `Ia menjelaskan dari target itu ...`: the "adjunct" starts the content
    if use == "clause":
        clause = _clause_start(rest, verb.group("cue").casefold())
        return None if clause is None else (start + clause, end)
    if first in TOPIC_PREPS:
        return None
    return start, end


def _dep_subject(parsed: Doc | None, verb_char: int) -> tuple[int, int] | None:
    """Character span of the subject (``nsubj``) of the verb at ``verb_char`` in a parsed Doc."""
    if parsed is None:
        return None
    span = parsed.char_span(verb_char, verb_char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for child in span[0].children:
        if child.dep_ in ("nsubj", "nsubj:pass", "csubj") and child.i < span[0].i:
            subtree = list(child.subtree)
            return subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
    return None


def verb_quote(sentence: Sentence, verb: Any) -> Candidate | None:
    """`Subject VERB, bahwa ...`: the content clause after a verb of saying, or ``None``."""
    cue = verb.group("cue")
    use = load_quote_lexicon().verbs.get(cue.casefold(), "any")
    if _verb_blocked(sentence, verb, use):
        return None
    bounds = _content_bounds(sentence, verb, use)
    if bounds is None:
        return None
    text, start = sentence.text, sentence.start
    span = content_span(text, start + bounds[0], start + bounds[1])
    if span is None:
        return None
    if cue.casefold() in NAMING_VERBS and NAMING.match(text, span[0], span[1]):
        return None  # `menyebut jalan itu sebagai "jalan neraka"` names, it does not report
    dep = _dep_subject(sentence.parsed, start + verb.start())
    if dep is not None:
        ref = subject_ref(text, dep[0], dep[1])
        ref.rule = "subject-dep" if ref.rule == "subject" else ref.rule
    else:
        ref = subject_ref(text, start, start + verb.start())
    return Candidate("indirect", *span, cue, "indirect-verb", ref)


def _mid_speaker_ok(cue: str, nya: bool, phrase: str) -> bool:
    """A cue between commas names a speaker: `-nya`, or a phrase opening with a pronoun,
    a capital or a title."""
    lex = load_quote_lexicon()
    if nya:
        return not phrase
    words = words_of(phrase)
    if not words:
        return False
    first = words[0].casefold()
    if cue.casefold() == "menurut" and SOURCE_NOUN.match(phrase):
        return True  # `..., menurut keterangan polisi.`: a statement named as the source
    named = first in lex.pronouns or is_upper_word(words[0]) or first in lex.prefixes
    if not (named or described_person(phrase)):
        return False
    return cue.casefold() != "menurut" or bool(phrase)


def _mid_ref(sentence: Sentence, match: Any, nya: bool) -> SpeakerRef:
    start = sentence.start
    if nya:
        return pronoun_ref(sentence.text, start + match.start("nya"), start + match.end("nya"))
    phrase_start = start + match.start("sp")
    phrase = sentence.text[phrase_start : start + match.end("sp")]
    if described_person(phrase):  # `lanjut orang nomor satu di Sintang itu`: the one speaking
        return pronoun_ref(sentence.text, phrase_start, phrase_start + len(phrase.rstrip()), "anaphor")
    ref = source_ref(sentence.text, phrase_start, phrase) or read_phrase(sentence.text, phrase_start, phrase)
    ref.rule = "cue-mid"
    return ref


def mid_cue(sentence: Sentence, match: Any) -> list[Candidate]:
    """`A, kata Bambang, B`, `A, lanjutnya, B`, `A, ujar dia.`: the clauses around a cue between commas."""
    cue = match.group("cue")
    nya = match.group("nya") is not None
    if not _mid_speaker_ok(cue, nya, (match.group("sp") or "").strip()):
        return []
    if not match.group().startswith(",") and match.group("end") not in (",", ";"):
        return []  # a cue without a comma before it needs one after its speaker (`X lanjut dia, Y`)
    text, start, masked = sentence.text, sentence.start, sentence.masked
    # the clause before the cue starts after the last mask in the sentence
    before_start = masked.rfind(MASK, 0, match.start()) + 1
    ref = _mid_ref(sentence, match, nya)
    cue_text = cue + ("nya" if nya else "")
    before = content_span(text, start + before_start, start + match.start())
    after = None
    if match.group("end") in (",", ";"):
        after = content_span(text, start + match.end(), start + len(masked))
    lead = CONNECTIVES.match(masked[before_start:])
    if before is not None and lead is not None:
        before = content_span(text, start + before_start + lead.end(), start + match.start())
    if after is not None:
        before_words = words_of(text[before[0] : before[1]]) if before is not None else []
        # a clause of its own before the cue is a quote of its own; an adverbial opener
        # (`Untuk mencapai visi itu, kata X, ...`) belongs to the clause after the cue
        if len(before_words) >= 4 and before_words[0].casefold() not in ADVERBIAL_OPENERS:
            return [
                Candidate("indirect", *before, cue_text, "indirect-cue-mid", ref),
                Candidate("indirect", *after, cue_text, "indirect-cue-mid", SpeakerRef("same", rule="split")),
            ]
        return [Candidate("indirect", *after, cue_text, "indirect-cue-mid", ref)]
    if before is not None and len(words_of(text[before[0] : before[1]])) >= 3:
        return [Candidate("indirect", *before, cue_text, "indirect-cue-final", ref)]
    return []
