"""Reading a speaker phrase: the words after a cue (``kata Sekda Alexander``) or the subject before a verb.

A phrase ends at a stop word, at punctuation, at the first lower-case word after a name, or after
a dozen words. Pronouns (``dia``, ``-nya``) and descriptions that point back (``pria tersebut``)
come back as ``pronoun`` references; ``X melalui Y`` gives Y; ``pria yang akrab disapa Aris`` gives
the name after the description.
"""

from __future__ import annotations

from typing import Any

from ...lexicons.speakers import load_quote_lexicon
from ...lexicons.speech_verbs import SpeechLexicon
from .model import (
    MAX_SPEAKER_CHARS,
    MAX_SUBJECT_WORDS,
    SpeakerRef,
    is_upper_word,
    pronoun_ref,
    strip_span,
    words_of,
)
from .patterns import (
    ABBREVIATIONS,
    ANAPHOR_TAIL,
    APPOSITIVE,
    APPOSITIVE_NAME,
    CALLED,
    CONNECTIVES,
    OLEH,
    PAREN,
    PHRASE_TOKEN,
    QUOTE_WORDS,
    SOURCE_LEAD,
    TRAILING_ADVERB,
    VIA,
)

INLINE_SPACE = " \t\u00a0"
DEMONSTRATIVES = QUOTE_WORDS.words("demonstrative")
VIA_WORDS = QUOTE_WORDS.words("via")
SUBJECT_VIA = QUOTE_WORDS.ordered("subject_via")
SUBJECT_PARTICLES = QUOTE_WORDS.words("subject_particle")
PERSON_ARTICLES = QUOTE_WORDS.words("person_article")
ADVERBIAL_OPENERS = QUOTE_WORDS.words("adverbial_opener")
TITLE_JOINERS = QUOTE_WORDS.words("title_joiner")
MEDIA = QUOTE_WORDS.words("medium")
#: The most words a speaker phrase holds.
MAX_PHRASE_WORDS = 12
#: The most words of a phrase without a capitalised one.
MAX_LOWER_WORDS = 5


def person_head(words: list[str], lex: SpeechLexicon) -> bool:
    """Is the first noun of a description one for a person (`pria`, `politisi`, `Kapolres`)?"""
    for word in words[:3]:
        word = word.rstrip(".")
        if word in PERSON_ARTICLES:
            continue
        return word in lex.person_nouns or word in lex.prefixes
    return False


def described_person(phrase: str) -> bool:
    """`orang nomor satu di Sintang itu`, `pria berusia 50 tahun tersebut`: a description headed by a
    noun for a person and closed by a demonstrative, which points back to the one speaking."""
    words = [word.casefold() for word in words_of(phrase)]
    return (
        1 < len(words) <= MAX_PHRASE_WORDS
        and words[-1] in DEMONSTRATIVES
        and person_head(words, load_quote_lexicon())
    )


def personish(phrase: str) -> bool:
    """A phrase that may name a person: a pronoun, at most ten words opening with a capital or a title,
    or a description of a person that points back (:func:`described_person`)."""
    lex = load_quote_lexicon()
    words = words_of(phrase)
    if not words:
        return False
    if len(words) == 1 and words[0].casefold() in lex.pronouns:
        return True
    if described_person(phrase):
        return True
    return (is_upper_word(words[0]) or words[0].casefold() in lex.prefixes) and len(words) <= 10


def title_led(phrase: str) -> bool:
    """A phrase that opens with a title or rank and names nobody yet (`Kepala Dinas Kesehatan X`)."""
    words = words_of(PAREN.sub(" ", phrase))
    return bool(words) and words[0].casefold().rstrip(".") in load_quote_lexicon().prefixes


def appositive(text: str, phrase: str, content_start: int, content_end: int) -> tuple[int, int] | None:
    """After a title-only source (`Kepala BPBD Kota X`), a name between commas belongs to it.

    Returns ``(end of the name, start of the content)`` or ``None``."""
    first = (words_of(phrase) or [""])[0].casefold().rstrip(".")
    if first not in load_quote_lexicon().prefixes:
        return None
    match = APPOSITIVE.match(text, content_start, content_end)
    if match is None:
        return None
    return match.end(1), match.end()


def _phrase_ends(rest: str) -> bool:
    """Nothing but punctuation follows, or the sentence ends (`ini.Sementara itu, ...` glued)."""
    rest = rest.lstrip(INLINE_SPACE)
    return not rest.strip(",.;:!?") or rest[:1] in ".;!?"


def via_medium(phrase: str) -> bool:
    """`melalui video TikTok`, `lewat pesan singkat`: the channel of a statement, not who made it."""
    words = words_of(phrase)
    return bool(words) and words[0].casefold() in MEDIA


def speaker_after(text: str, position: int, nya: bool) -> SpeakerRef:
    """Read the speaker phrase that follows a cue at ``position`` (``kata Sekda Alexander kepada ...``)."""
    if nya:
        return pronoun_ref(text, position - 3, position)
    window = text[position : position + MAX_SPEAKER_CHARS]
    newline = window.find("\n")
    if newline >= 0:
        window = window[:newline]
    lead = len(window) - len(window.lstrip(INLINE_SPACE))
    if OLEH.match(window, lead):
        lead += 5
        lead += len(window[lead:]) - len(window[lead:].lstrip(INLINE_SPACE))
    return read_phrase(text, position + lead, window[lead:])


class _PhraseReader:
    """One left-to-right reading of a speaker phrase (see :func:`read_phrase`)."""

    def __init__(self, text: str, base: int, window: str) -> None:
        self.text = text
        self.base = base
        self.window = window
        self.lex = load_quote_lexicon()
        self.end = 0
        self.seen_upper = False
        self.count = 0
        self.via = -1

    def appositive_name(self, comma: Any) -> SpeakerRef | bool:
        """`kata Kepala Dinas Kesehatan Ketapang, Feria Kowira, ...`: the name after the title.

        Returns the phrase of `X melalui Y` (Y), ``True`` when the name ends the phrase, else ``False``."""
        window = self.window
        head = window[: comma.start()]
        if not (
            self.count
            and window[:1].casefold().strip()
            and (title_led(head) or person_head([word.casefold() for word in words_of(head)], self.lex))
        ):
            return False
        name = APPOSITIVE_NAME.match(window, comma.end())
        if name is None:
            return False
        self.end = name.end(1)
        last = name.group(1).rsplit(None, 1)[-1]
        if last.endswith(".") and len(last) > 3 and last.casefold().rstrip(".") not in ABBREVIATIONS:
            self.end -= 1  # `, Budi Santoso.`: the full stop ends the sentence, not an initial
        via = VIA.match(window, self.end)
        if via is not None:  # `kata Kapolres X, AKBP Y melalui Kasat Z`: Z speaks
            inner = read_phrase(self.text, self.base + via.end(), window[via.end() :])
            if inner.kind == "phrase" and not via_medium(inner.text):
                inner.rule = "melalui"
                return inner
        return True

    def pointing_back(self, token: Any, low: str) -> SpeakerRef | None:
        """`wakil ketua asosiasi ini`: a description that points back to the speaker."""
        window = self.window
        if not (
            low in DEMONSTRATIVES
            and self.count >= 1
            and person_head([word.casefold() for word in words_of(window[: token.start()])], self.lex)
            and (not self.seen_upper or window[:1].islower())
            and (token.group().endswith(".") or _phrase_ends(window[token.end() :]))
        ):
            return None
        end = token.end() - (1 if token.group().endswith(".") else 0)
        return pronoun_ref(self.text, self.base, self.base + end, "anaphor")

    def joins_title(self, token: Any, low: str) -> bool:
        """`Kabiro Kemahasiswaan dan Alumni Untag X`: `dan` inside a post, before a capital."""
        following = self.window[token.end() :].lstrip(INLINE_SPACE)
        return (
            low in TITLE_JOINERS
            and self.seen_upper
            and is_upper_word(following)
            and title_led(self.window[: token.start()])
        )

    def ends_before(self, word: str, low: str) -> bool:
        """A stop word, or a lower-case word after a name, ends the phrase before it."""
        return low in self.lex.stops or (
            self.seen_upper and not is_upper_word(word) and low not in self.lex.prefixes and not low.isdigit()
        )

    def step(self, token: Any) -> SpeakerRef | bool:
        """Read one token: ``True`` to go on, ``False`` to stop, or the finished reference."""
        word = token.group()
        if word.startswith("("):
            self.end = token.end()
            return True
        if word == ",":
            found = self.appositive_name(token)
            if found is not False:
                return False if found is True else found
        if word in ',;:!?\n"“”.':
            return False
        low = word.casefold().rstrip(".")
        if low in VIA_WORDS and self.seen_upper:
            self.via = token.end()
            return True
        back = self.pointing_back(token, low)
        if back is not None:
            return back
        if self.joins_title(token, low):
            return True
        if self.ends_before(word, low):
            return False
        self.count += 1
        if self.count > MAX_PHRASE_WORDS:
            return False
        if is_upper_word(word) and not (low in PERSON_ARTICLES and not self.seen_upper):
            self.seen_upper = True  # `Salah satu petugas, Didik`: the capital of `Salah` names no one
        elif low in self.lex.pronouns and self.count == 1:
            start = self.base + token.start()
            return pronoun_ref(self.text, start, start + len(word.rstrip(".")))
        elif self.count > MAX_LOWER_WORDS and not self.seen_upper:
            return False
        self.end = token.end()
        if word.endswith(".") and len(word.rstrip(".")) > 2 and low not in ABBREVIATIONS:
            self.end = token.end() - 1
            return False
        return True

    def after_words(self) -> SpeakerRef | None:
        """What the words say once read: `X melalui Y` (Y), `pria yang akrab disapa Aris`, `pria ini`."""
        window, base = self.window, self.base
        if self.via >= 0:
            rest = window[self.via :]
            lead = len(rest) - len(rest.lstrip(INLINE_SPACE))
            inner = read_phrase(self.text, base + self.via + lead, rest[lead:])
            if inner.kind == "phrase" and not via_medium(inner.text):
                inner.rule = "melalui"
                return inner
        if self.seen_upper:
            return None
        # `kata pria yang akrab disapa Aris`: the name given after the description
        called = CALLED.search(window)
        if called:
            return read_phrase(self.text, base + called.start(1), window[called.start(1) :])
        # `kata kandidat doktor dari Universitas X ini`: a description that points back
        tail = ANAPHOR_TAIL.match(window)
        if tail and person_head([word.casefold() for word in words_of(tail.group(1))], self.lex):
            return pronoun_ref(self.text, base, base + tail.end(1), "anaphor")
        return None

    def read(self) -> SpeakerRef:
        for token in PHRASE_TOKEN.finditer(self.window):
            outcome = self.step(token)
            if isinstance(outcome, SpeakerRef):
                return outcome
            if not outcome:
                break
        found = self.after_words()
        if found is not None:
            return found
        start, end = strip_span(self.text, self.base, self.base + self.end)
        if end <= start:
            return SpeakerRef("none")
        return SpeakerRef("phrase", start, end, self.text[start:end], "")


def source_ref(text: str, base: int, phrase: str) -> SpeakerRef | None:
    """`keterangan polisi`, `laporan resmi dari pihak kepolisian`: the one who made the statement
    named as a source (read after the statement's noun), or ``None`` where the phrase names none."""
    lead = SOURCE_LEAD.match(phrase)
    if lead is None:
        return None
    ref = read_phrase(text, base + lead.end(), phrase[lead.end() :])
    return ref if ref.kind == "phrase" else None


def read_phrase(text: str, base: int, window: str) -> SpeakerRef:
    """A speaker phrase: the words of ``window`` (at ``base`` in ``text``) up to a stop word,
    a comma or the end of the sentence."""
    return _PhraseReader(text, base, window).read()


def speaker_before(text: str, sent_start: int, cue_start: int, match: Any, base: int) -> SpeakerRef:
    """Speaker of `Subject VERB, “...”` or `kata Subject: “...”`."""
    lex = load_quote_lexicon()
    if match.group("nya"):
        return pronoun_ref(text, base + match.end("cue"), base + match.end("nya"))
    cue = match.group("cue").casefold()
    if cue in lex.suffixes and cue not in lex.verbs and match.group("tail"):
        start = base + match.start("tail")
        ref = read_phrase(text, start, text[start : base + match.end("tail")].lstrip(INLINE_SPACE))
        ref.rule = ref.rule or "cue-before"
        return ref
    return subject_ref(text, sent_start, cue_start)


def _subject_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The subject before a verb without a connective before it and trailing adverbs after it."""
    start, end = strip_span(text, start, end)
    connective = CONNECTIVES.match(text[start:end])
    if connective:
        start += connective.end()
    # trailing adverbs are not part of the subject: `Manajer asal Portugal itu lantas`, `Dwi juga`
    while True:
        adverb = TRAILING_ADVERB.search(text, start, end)
        if adverb is None or adverb.start() <= start:
            return start, end
        end = adverb.start()


def subject_ref(text: str, sent_start: int, verb_start: int) -> SpeakerRef:
    """The speaker inside the subject before a verb of saying."""
    start, end = _subject_bounds(text, sent_start, verb_start)
    subject = text[start:end]
    words = words_of(subject)
    if not words:
        return SpeakerRef("none")
    # `Ia juga`, `Dirinya pun`, `Dia sendiri`
    core = [word for word in words if word.casefold() not in SUBJECT_PARTICLES]
    if (
        core
        and core[-1].casefold() in load_quote_lexicon().pronouns
        and (len(core) == 1 or "," in subject or not any(is_upper_word(word) for word in core[1:-1]))
    ):
        # `Ia`, `Dirinya pun`, `Ketika ditanya soal itu, ia`
        found = text.rfind(core[-1], start, end)
        return SpeakerRef("pronoun", found, found + len(core[-1]), core[-1], "pronoun")
    if len(words) == 1 and text[start:verb_start].rstrip().endswith(","):
        # `Pertama, meminta agar ...`: an opener, the verb's subject is the one speaking
        return SpeakerRef("pronoun", start, end, subject, "opener")
    if len(words) > MAX_SUBJECT_WORDS:
        return SpeakerRef("none")
    low = subject.casefold()
    for via in SUBJECT_VIA:
        found = low.rfind(f" {via} ")
        if found >= 0 and not via_medium(low[found + len(via) + 2 :]):
            via_end = start + found + len(via) + 2
            return SpeakerRef("phrase", via_end, end, text[via_end:end], "melalui")
    return _after_opener(text, start, end) or SpeakerRef("phrase", start, end, subject, "subject")


def _after_opener(text: str, start: int, end: int) -> SpeakerRef | None:
    """`Selain kenaikan jumlah PHK, Timbole menilai`: after an adverbial opener and its comma, a name is
    the subject (`Kepala Dinas X, Dr. Ratna, M.Pd., menjelaskan` keeps its whole subject)."""
    comma = text.rfind(",", start, end)
    if comma < 0 or (words_of(text[start:comma]) or [""])[0].casefold() not in ADVERBIAL_OPENERS:
        return None
    tail_start, tail_end = strip_span(text, comma + 1, end)
    tail = words_of(text[tail_start:tail_end])
    lex = load_quote_lexicon()
    if not 1 <= len(tail) <= 5 or not all(
        is_upper_word(word) or word.casefold() in lex.prefixes for word in tail
    ):
        return None
    if not is_upper_word(tail[0]) and tail[0].casefold() not in lex.prefixes:
        return None
    return SpeakerRef("phrase", tail_start, tail_end, text[tail_start:tail_end], "subject")
