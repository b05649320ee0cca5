"""Indirect quotes: reported speech in the sentences outside direct quotes.

The text is masked first (direct quotes and their attributions become :data:`MASK`, the ranges
that hold no content become line breaks) and cut into sentences. Each sentence is tried against
:data:`SENTENCE_RULES` in order; the first rule that returns a list ends the search. Where the
record carries a rule, it is the rule function's name with hyphens (``indirect_passive`` ->
``indirect-passive``); a cue between commas gives ``indirect-cue-mid`` or, at the end of the
sentence, ``indirect-cue-final``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from ...lexicons.speakers import load_quote_lexicon
from .cues import Sentence, content_span, mid_cue, verb_quote
from .inline import (
    fragment_end,
    indirect_cue_lead_bare,
    indirect_focus_verb,
    indirect_orphan_clause,
    indirect_trailing_passive,
    second_clause,
)
from .model import (
    MASK,
    MAX_SENTENCE_CHARS,
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
    ABBREVIATIONS,
    AFTER_VERB,
    CONNECTIVES,
    OLEH,
    QUOTE_WORDS,
    RELATIVE_VERB,
    SOURCE_NOUN,
    WEB_ADDRESS,
    build_patterns,
)
from .phrases import appositive, described_person, personish, read_phrase, source_ref, subject_ref

CITING_PASSIVES = QUOTE_WORDS.words("citing_passive")
#: The most words of an agent after `oleh` that is no name (`Diakui oleh panitia penyelenggara, ...`).
MAX_OLEH_WORDS = 4
NOT_TOPIC_END = QUOTE_WORDS.words("not_topic_end")
MARK_CHARS = "“”\"‘’«»'"


def mask_text(text: str, direct: list[Candidate], skip: list[tuple[int, int]]) -> str:
    """``text`` with each direct quote, its marks and its attribution as :data:`MASK`, and the
    ``skip`` ranges as line breaks (same length as ``text``)."""
    chars = list(text)
    for cand in direct:
        start = cand.start
        end = max(cand.end, cand.extra.get("attr_end", 0))
        while start > 0 and text[start - 1] in " \t" + MARK_CHARS:
            start -= 1
        while end < len(text) and text[end] in " \t,.;:!?" + MARK_CHARS:
            end += 1
        chars[start:end] = MASK * (end - start)
    for start, end in skip:
        chars[start:end] = "\n" * (end - start)
    return "".join(chars)


def _after_abbreviation(masked: str, position: int) -> bool:
    """Whether the boundary at ``position`` follows an abbreviation or an initial (H. Ahmad, Jl. Yani)."""
    if position <= 0 or masked[position - 1] != ".":
        return False
    dot = position - 1
    word_start = dot
    while word_start > max(0, dot - 12) and (
        masked[word_start - 1].isalnum() or masked[word_start - 1] == "."
    ):
        word_start -= 1
    word = masked[word_start:dot].casefold()
    return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """The sentences of the masked text (no break after an abbreviation or an initial)."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in build_patterns().boundary.finditer(masked):
        position = match.start()
        if (not match.group() or match.group()[0] not in "\n\x00") and _after_abbreviation(masked, position):
            continue
        if position > start:
            out.append((start, position))
        start = match.end()
    if start < len(masked):
        out.append((start, len(masked)))
    return out


# --------------------------------------------------------------------------- the rules, in order


def _lead(sentence: Sentence) -> int:
    """Where the sentence starts after a connective (`Sementara itu, ...`)."""
    connective = CONNECTIVES.match(sentence.masked)
    return connective.end() if connective else 0


def hal_tersebut(sentence: Sentence) -> list[Candidate] | None:
    """`Hal tersebut disampaikan X`: an attribution of the quotes before, not a quote; a relative
    clause after X (`..., yang menyebut bahwa ...`) reports X's words."""
    # after a connective too: `Di sisi lain, hal senada disampaikan X`
    lead, match = 0, build_patterns().hal_tersebut.match(sentence.masked)
    if match is None:
        lead = _lead(sentence)
        match = build_patterns().hal_tersebut.match(sentence.masked[lead:]) if lead else None
    if match is None:
        return None
    relative = _relative_verb(sentence, lead + match.start("sp"))
    phrase_end = relative[0] if relative is not None else lead + match.end("sp")
    start = sentence.start + lead + match.start("sp")
    ref = read_phrase(sentence.text, start, sentence.text[start : sentence.start + phrase_end])
    # `Pernyataan itu disampaikan menanggapi ...`: no speaker named; the phrase read ends before
    # `saat ...`, `dalam ...` (`Hal ini disampaikan Menhub, Dudy Purwagandhi, saat pertemuan ...`)
    if ref.kind != "phrase" or not personish(ref.text):
        return []
    ref.rule = "hal-tersebut"
    # `Hal senada disampaikan X`: X speaks next; the quotes before keep their own speaker
    sentence.attributions.append((sentence.start, ref, "topic" if match.group("similar") else "hal"))
    return _relative_quote(sentence, relative, ref) if relative is not None else []


def _relative_verb(sentence: Sentence, phrase_start: int) -> tuple[int, Any] | None:
    """Where `, yang` starts after a speaker phrase, and the verb of saying right after it."""
    relative = RELATIVE_VERB.search(sentence.masked, phrase_start)
    if relative is None:
        return None
    verb = build_patterns().verb.match(sentence.masked, relative.end())
    return None if verb is None else (relative.start(), verb)


def _relative_quote(sentence: Sentence, relative: tuple[int, Any], ref: SpeakerRef) -> list[Candidate]:
    """`Hal senada disampaikan X, yang mengatakan bahwa ...`: the relative clause's content is X's."""
    verb = relative[1]
    after = AFTER_VERB.match(sentence.masked, verb.end())
    content_start = after.end() if after is not None else verb.end()
    span = content_span(sentence.text, sentence.start + content_start, sentence.end)
    if span is None or len(words_of(sentence.text[span[0] : span[1]])) < 3:
        return []
    speaker = SpeakerRef(ref.kind, ref.start, ref.end, ref.text, "relative")
    return [Candidate("indirect", *span, verb.group("cue"), "indirect-relative", speaker)]


def indirect_passive(sentence: Sentence) -> list[Candidate] | None:
    """`Dijelaskan Tenda, pihaknya ...`."""
    offset = sentence.start + _lead(sentence)
    match = build_patterns().passive_lead.match(sentence.masked[_lead(sentence) :])
    if match is None:
        return None
    citing = match.group("cue").casefold() in CITING_PASSIVES
    if citing:
        # `Dilansir dari X, Jokowi menyebut, ...`: the speaker inside the content comes first
        inner = build_patterns().verb.search(match.group("content"))
        if inner and len(match.group("content")[: inner.start()].split()) <= 8:
            return None
    # a site cited by its address (`Dilansir dari kompas.com, ...`) is the source as written
    site = WEB_ADDRESS.search(match.group("sp")) if citing else None
    if site is None and not (personish(match.group("sp")) or _agent_by_oleh(sentence, match)):
        return None
    span = content_span(sentence.text, offset + match.start("content"), offset + match.end("content"))
    if span is None:
        return None
    start = offset + match.start("sp")
    if site is not None:
        ref = SpeakerRef("phrase", start + site.start(), start + site.end(), site.group())
    else:
        ref = read_phrase(sentence.text, start, sentence.text[start : offset + match.end("sp")])
    ref.rule = "passive"
    return [Candidate("indirect", *span, match.group("cue"), "indirect-passive", ref)]


def _agent_by_oleh(sentence: Sentence, match: Any) -> bool:
    """`Diakui oleh panitia, ...`: `oleh` names the agent of a passive cue, a body or a group the article
    may not name (a short phrase of at most :data:`MAX_OLEH_WORDS` words)."""
    between = sentence.masked[_lead(sentence) :][match.end("cue") : match.start("sp")]
    agent = match.group("sp")
    if OLEH.search(between) is None or CONNECTIVES.match("oleh " + agent):  # `oleh karena itu`
        return False
    return 1 <= len(words_of(agent)) <= MAX_OLEH_WORDS


def indirect_passive_nya(sentence: Sentence) -> list[Candidate] | None:
    """`Diakuinya, proses itu cepat`, `Dilanjutkannya, ...`: a passive cue with `-nya` for its agent."""
    offset = sentence.start + _lead(sentence)
    match = build_patterns().passive_nya.match(sentence.masked[_lead(sentence) :])
    if match is None or match.group("cue").casefold() in CITING_PASSIVES:
        return None
    span = content_span(sentence.text, offset + match.start("content"), offset + match.end("content"))
    if span is None or len(words_of(sentence.text[span[0] : span[1]])) < 3:
        return None
    ref = pronoun_ref(sentence.text, offset + match.start("nya"), offset + match.end("nya"))
    return [Candidate("indirect", *span, match.group("cue") + "nya", "indirect-passive-nya", ref)]


def indirect_cue_lead(sentence: Sentence) -> list[Candidate] | None:
    """`Ungkap Kapolres, ...`, `Katanya, ...`: a cue that opens the sentence."""
    offset = sentence.start + _lead(sentence)
    match = build_patterns().suffix_lead.match(sentence.masked[_lead(sentence) :])
    if match is None or not (match.group("nya") or personish(match.group("sp") or "")):
        return None
    span = content_span(sentence.text, offset + match.start("content"), offset + match.end("content"))
    if span is None:
        return None
    if match.group("nya"):
        ref = pronoun_ref(sentence.text, offset + match.start("nya"), offset + match.end("nya"))
    else:
        start = offset + match.start("sp")
        ref = read_phrase(sentence.text, start, sentence.text[start : offset + match.end("sp")])
        ref.rule = "cue-lead"
    return [
        Candidate(
            "indirect", *span, match.group("cue") + (match.group("nya") or ""), "indirect-cue-lead", ref
        )
    ]


def _prep_source_ok(cue: str, nya: bool, phrase: str) -> bool:
    """`Menurut dia`, `Menurut keterangan polisi` (not `menurut data BPS`), `Bagi Bupati`
    (not `bagi warga`)."""
    lex = load_quote_lexicon()
    ok = nya or personish(phrase)
    if not ok and cue == "menurut":
        ok = SOURCE_NOUN.match(phrase) is not None
    if ok and cue == "bagi" and not nya:
        ok = phrase.split()[0].casefold() in lex.pronouns or (
            is_upper_word(phrase) and len(words_of(phrase)) <= 6
        )
    return ok


def _prep_ref(sentence: Sentence, match: Any, offset: int, phrase_end: int) -> SpeakerRef:
    text = sentence.text
    phrase = match.group("sp") or ""
    if match.group("nya") is not None:
        return pronoun_ref(text, offset + match.start("nya"), offset + match.end("nya"))
    start = offset + match.start("sp")
    if phrase.casefold().endswith("nya") and len(phrase.split()) == 1:
        return pronoun_ref(text, start + len(phrase) - 3, start + len(phrase))  # `Menurut pengakuannya, ...`
    if described_person(phrase):  # `Menurut orang nomor satu di Sintang itu, ...`: the one speaking
        return pronoun_ref(text, start, start + len(phrase.rstrip()), "anaphor")
    ref = source_ref(text, start, text[start:phrase_end]) or read_phrase(
        text, start, text[start:phrase_end].replace(",", " ", 1)
    )
    if ref.kind == "phrase" and ref.end < phrase_end - 1:
        ref = SpeakerRef("phrase", start, phrase_end, text[start:phrase_end])
    ref.rule = "menurut"
    return ref


def indirect_prep(sentence: Sentence) -> list[Candidate] | None:
    """`Menurut dia, ...`, `Menurutnya ...`, `Bagi Bupati, ...`."""
    offset = sentence.start + _lead(sentence)
    match = build_patterns().prep_lead.match(sentence.masked[_lead(sentence) :])
    if match is None:
        return None
    nya = match.group("nya") is not None
    phrase = match.group("sp") or ""
    if not _prep_source_ok(match.group("cue").casefold(), nya, phrase):
        return None
    content_start, content_end = offset + match.start("content"), offset + match.end("content")
    phrase_end = offset + match.end("sp") if not nya else -1
    if not nya:
        # `Menurut Kepala BPBD Kota X, Wiku Diaz, air ...`: the name after the title is the source
        found = appositive(sentence.text, phrase, content_start, content_end)
        if found is not None:
            phrase_end, content_start = found
    span = content_span(sentence.text, content_start, content_end)
    if span is None:
        return None
    ref = _prep_ref(sentence, match, offset, phrase_end)
    return [
        Candidate("indirect", *span, match.group("cue") + (match.group("nya") or ""), "indirect-prep", ref)
    ]


def _first_mid_cue(sentence: Sentence) -> tuple[int, list[Candidate]]:
    """The first cue between commas that gives quotes: its start and its quotes (``-1, []`` if none)."""
    if sentence.first_mid is None:
        sentence.first_mid = (-1, [])
        for match in build_patterns().mid_cue.finditer(sentence.masked):
            found = mid_cue(sentence, match)
            if found:
                sentence.first_mid = (match.start(), found)
                break
    return sentence.first_mid


def indirect_cue_mid_first(sentence: Sentence) -> list[Candidate] | None:
    """A cue between commas before the first verb of saying (`A, kata Bambang, B menyebut ...`)."""
    mid_start, found = _first_mid_cue(sentence)
    if mid_start < 0:
        return None
    verb = build_patterns().verb.search(sentence.masked)
    return found if verb is None or mid_start < verb.start() else None


def _speaking_verb(sentence: Sentence) -> Any:
    """The first verb of saying of the sentence, past an opening clause without a subject.

    `Menanggapi hal itu, Bupati menyampaikan ...`, `Menjawab pertanyaan wartawan, ia menegaskan ...`:
    a verb that opens the sentence (after a connective) heads an adverbial clause; the verb after
    its comma is the one whose subject speaks."""
    pattern = build_patterns().verb
    verb = pattern.search(sentence.masked)
    if verb is None or sentence.masked[_lead(sentence) : verb.start()].strip():
        return verb
    comma = sentence.masked.find(",", verb.end())
    following = pattern.search(sentence.masked, comma) if comma >= 0 else None
    return following or verb


def indirect_verb(sentence: Sentence) -> list[Candidate] | None:
    """`Subject VERB, bahwa ...`: only the first verb of saying in a sentence introduces its content."""
    verb = _speaking_verb(sentence)
    if verb is None:
        return None
    found = verb_quote(sentence, verb)
    if found is not None:
        return [found]
    # no reported speech (`X menyampaikan terima kasih ...`), but X is now the one speaking
    before = sentence.masked[: verb.start()].split()
    if 0 < len(before) <= MAX_SUBJECT_WORDS and before[-1].casefold() not in NOT_TOPIC_END:
        ref = subject_ref(sentence.text, sentence.start, sentence.start + verb.start())
        if ref.kind == "phrase":
            sentence.attributions.append((sentence.start, ref, "topic"))
    return second_clause(sentence, verb)


def indirect_cue_mid(sentence: Sentence) -> list[Candidate] | None:
    """`A, kata Bambang, B`, `A, lanjutnya, B`, `A, ujar dia.`."""
    return _first_mid_cue(sentence)[1] or None


SentenceRule = Callable[[Sentence], "list[Candidate] | None"]
#: The rules of reported speech, in order; the first that returns a list ends the sentence.
SENTENCE_RULES: tuple[SentenceRule, ...] = (
    hal_tersebut,
    indirect_passive,
    indirect_cue_lead,
    indirect_prep,
    indirect_cue_lead_bare,
    indirect_orphan_clause,
    indirect_passive_nya,
    indirect_cue_mid_first,
    indirect_focus_verb,
    indirect_verb,
    indirect_cue_mid,
    indirect_trailing_passive,
)


def sentence_quotes(sentence: Sentence) -> list[Candidate]:
    """The indirect quotes of one sentence (the first rule that answers decides)."""
    for rule in SENTENCE_RULES:
        found = rule(sentence)
        if found is not None:
            return found
    return []


def find_indirect(
    text: str, masked: str, parsed: Doc | None = None
) -> tuple[list[Candidate], list[Attribution]]:
    """The indirect quotes of the masked text, and the sentences that name a speaker without a quote."""
    out: list[Candidate] = []
    attributions: list[Attribution] = []
    spans = []
    for start, end in sentence_spans(masked):
        start, end = strip_span(masked, start, min(end, start + MAX_SENTENCE_CHARS), " \t\u00a0\n-–—•*")
        if end - start >= 8:
            spans.append((start, end))
    covered = -1
    for index, (start, end) in enumerate(spans):
        if start < covered:
            continue
        following = spans[index + 1] if index + 1 < len(spans) else None
        sentence = Sentence(text, start, masked[start:end], attributions, following, parsed)
        found = sentence_quotes(sentence)
        out.extend(found)
        if found:
            last = max(found, key=lambda cand: cand.end)
            last.end = fragment_end(text, masked, last.end, end, following) or last.end
            covered = last.end
    return out, attributions
