"""Direct quotes: marked spans with a cue of speech next to them, or standing as sentences of their own.

Each marked span (see :mod:`.marks`) is tried against :data:`DIRECT_RULES` in order; the first
rule that accepts it gives the quote its ``rule`` (the function's name, with hyphens) and its
speaker reference. A span no rule accepts is a title, a name, a slogan or scare quotes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...lexicons.speakers import load_quote_lexicon
from ...text.ranges import contains
from .marks import MarkedSpan, pair_marks, unclosed_warning
from .model import (
    MASK,
    MAX_SPEAKER_CHARS,
    WORD,
    Candidate,
    SpeakerRef,
    is_upper_word,
    pronoun_ref,
    strip_span,
    words_of,
)
from .patterns import PREP_BEFORE, QUOTE_WORDS, SENT_BACK, SENT_END, SENT_PUNCT, build_patterns
from .phrases import personish, speaker_after, speaker_before

INLINE_SPACE = " \t\u00a0"
SOURCE_PREPS = QUOTE_WORDS.ordered("source_prep")
POST_ADVERBS = QUOTE_WORDS.words("post_adverb")


@dataclass
class Quoted:
    """A marked span being read, with the text around it."""

    text: str
    span: MarkedSpan
    start: int  # the quoted content, without marks and outer white space
    end: int
    after_start: int  # right after the closing mark
    after: str  # the rest of the line after the closing mark (up to the next opening mark)
    sent_start: int
    before: str  # the sentence before the opening mark

    @property
    def inner_words(self) -> list[str]:
        return words_of(self.text[self.start : self.end])


@dataclass
class Attributed:
    """What a rule found: the cue, the speaker reference and where the attribution ends (cue after)."""

    cue: str | None
    ref: SpeakerRef
    attr_end: int = -1


@dataclass
class _Previous:
    """The quote before, for `“A,” kata X, “B.”`: ``attr_end`` is where its attribution ends."""

    end: int = 0
    candidate: Candidate | None = None
    attr_end: int = -1


class _PreMatch:
    """The parts of a cue found before an opening mark, with a ``re.Match``-like interface."""

    def __init__(
        self,
        window: str,
        cue: tuple[int, int],
        nya: tuple[int, int] | None,
        tail: tuple[int, int] | None,
        end: int,
    ) -> None:
        self._window = window
        self._spans = {"cue": cue, "nya": nya, "tail": tail}
        self._end = end

    def group(self, name: str) -> str | None:
        span = self._spans[name]
        return self._window[span[0] : span[1]] if span else None

    def start(self, name: str = "cue") -> int:
        span = self._spans[name]
        return span[0] if span else -1

    def end(self, name: str | None = None) -> int:
        if name is None:
            return self._end
        span = self._spans[name]
        return span[1] if span else -1


class _Shifted:
    """A match whose offsets are shifted (for re-matching after `demikian`)."""

    def __init__(self, match: Any, shift: int) -> None:
        self._match = match
        self._shift = shift

    def group(self, name: str) -> str | None:
        return self._match.group(name)

    def end(self) -> int:
        return self._match.end() + self._shift


def pre_cue(window: str) -> _PreMatch | None:
    """A cue at the end of the text before an opening mark: `Ia mengatakan, `, `kata Bupati Jarot: `.

    Looks at the last dozen words only, with dictionary look-ups (no regex alternation scan)."""
    lex = load_quote_lexicon()
    end = len(window.rstrip(INLINE_SPACE))
    if end == 0 or window[end - 1] not in ",:":
        return None
    body_end = end - 1
    words = list(WORD.finditer(window, max(0, body_end - 120), body_end))[-12:]
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group().casefold().rstrip(".")
        base, nya = word, False
        if word not in lex.verbs and word not in lex.suffixes and word.endswith("nya"):
            base, nya = word[:-3], True
        if base not in lex.verbs and base not in lex.suffixes:
            continue
        cue_start = words[index].start()
        cue_end = cue_start + len(base)
        tail = None
        if index < len(words) - 1:
            tail_start, tail_end = words[index + 1].start(), words[-1].end()
            if nya or SENT_PUNCT.search(window, tail_start, tail_end) or tail_end - tail_start > 80:
                return None
            tail = (tail_start, tail_end)
        if cue_start > 0 and window[cue_start - 1].isalnum():
            return None
        return _PreMatch(window, (cue_start, cue_end), (cue_end, cue_end + 3) if nya else None, tail, end)
    return None


def _demikian(after: str, match: Any) -> Any:
    """`.” demikian disampaikan X` / `demikian kata X`: re-match after `demikian`."""
    rest = after[match.end() :]
    lead = len(rest) - len(rest.lstrip(INLINE_SPACE))
    again = build_patterns().after_demikian.match(rest[lead:])
    if again is None:
        return None
    return _Shifted(again, match.end() + lead)


def _negative_before(before: str, match: Any) -> bool:
    words = before[match.start() :].casefold().split()
    return len(words) >= 2 and f"{words[0]} {words[1]}" in load_quote_lexicon().negatives


def ends_sentence(text: str, position: int) -> bool:
    """Does a sentence (or the paragraph) end right after ``position``?"""
    rest = text[position : position + 40].lstrip(INLINE_SPACE)
    return not rest or rest[0] in '\n.!?“"‘' or rest[0].isupper()


def sentence_start(text: str, position: int, floor: int) -> int:
    """Start of the sentence that contains ``position`` (not before ``floor``)."""
    low = max(floor, position - 400)
    match = SENT_BACK.search(text, low, position)
    return match.end() if match else low


# --------------------------------------------------------------------------- the rules, in order


def direct_cue_after(quoted: Quoted, previous: _Previous) -> Attributed | None:
    """`“...,” kata Sekda Alexander`, `.” demikian disampaikan X`."""
    if quoted.span.how != "closed":
        return None
    post = build_patterns().post_cue.match(quoted.after)
    if post is not None and post.group("cue").casefold() in POST_ADVERBS:
        post = _demikian(quoted.after, post)
    if post is None:
        return None
    cue_end = quoted.after_start + post.end()
    ref = speaker_after(quoted.text, cue_end, post.group("nya") is not None)
    ref.rule = ref.rule or "cue-after"
    return Attributed(post.group("cue") + (post.group("nya") or ""), ref, cue_end + max(0, ref.end - cue_end))


def _source_before(quoted: Quoted) -> Attributed | None:
    """`Menurut dia, “...”`, `Bagi Bupati: “...”`."""
    tail = quoted.before[-120:]
    low = tail.casefold()
    prep = PREP_BEFORE.search(tail) if any(word in low for word in SOURCE_PREPS) else None
    if prep is None or not (prep.group(2) or personish(prep.group(3) or "")):
        return None
    base = quoted.span.open - len(tail)
    if prep.group(2):
        ref = pronoun_ref(quoted.text, base + prep.start(1), base + prep.end(2), rule="")
    else:
        start, end = base + prep.start(3), base + prep.end(3)
        ref = SpeakerRef("phrase", start, end, quoted.text[start:end])
    ref.rule = "menurut"
    return Attributed(prep.group(1) + (prep.group(2) or ""), ref)


def direct_cue_before(quoted: Quoted, previous: _Previous) -> Attributed | None:
    """`Ia mengatakan, “...”`, `kata Bupati Jarot: “...”`, `Menurut dia, “...”`."""
    # a cue before the quote always ends with a comma or a colon: test that first (cheap)
    if quoted.before.rstrip(" \t\u00a0")[-1:] not in (",", ":"):
        return None
    window = quoted.before[-200:]
    pre = pre_cue(window)
    found = _source_before(quoted)
    if found is not None:
        return found
    if pre is None or _negative_before(window, pre):
        return None
    base = quoted.span.open - len(window)
    ref = speaker_before(quoted.text, quoted.sent_start, base + pre.start(), pre, base)
    return Attributed(pre.group("cue") + (pre.group("nya") or ""), ref)


def direct_split(quoted: Quoted, previous: _Previous) -> Attributed | None:
    """`“A,” kata X, “B.”`: the second part has the first part's speaker."""
    if previous.candidate is None or previous.attr_end < 0:
        return None
    if quoted.text[previous.attr_end : quoted.span.open].strip(" \t,.;:"):
        return None
    return Attributed(None, SpeakerRef("same", rule="split"))


def _unattributed(quoted: Quoted) -> tuple[bool, bool, bool, int] | None:
    """For a span without a cue: (stands alone, ends a sentence, looks like a title, words); ``None``
    after a word that announces a name (`program`, `bertajuk`)."""
    context = quoted.before.rstrip(" \t(")
    last_word = (words_of(context[-40:]) or [""])[-1].casefold()
    if last_word in load_quote_lexicon().name_ctx:
        return None
    inner = quoted.inner_words
    standalone = not context.strip() or context.rstrip()[-1:] in ".!?:…\n" or context.endswith(MASK)
    title_like = len(inner) <= 5 and all(is_upper_word(word) or not word.isalpha() for word in inner)
    span = quoted.span
    return standalone, ends_sentence(quoted.text, span.close + span.close_length), title_like, len(inner)


def direct_standalone(quoted: Quoted, previous: _Previous) -> Attributed | None:
    """A quote that is a sentence of its own (its speaker is the one of the text around it)."""
    shape = _unattributed(quoted)
    if shape is None:
        return None
    standalone, ends, title_like, count = shape
    if standalone and ends and count >= 2 and not (title_like and count <= 3):
        return Attributed(None, SpeakerRef("none"))
    return None


def direct_embedded(quoted: Quoted, previous: _Previous) -> Attributed | None:
    """A long quote inside a sentence (eight words or more, not a title)."""
    shape = _unattributed(quoted)
    if shape is None:
        return None
    _standalone, _ends, title_like, count = shape
    return Attributed(None, SpeakerRef("none")) if count >= 8 and not title_like else None


DirectRule = Callable[[Quoted, _Previous], Attributed | None]
#: The rules of direct quotes, in order; the first that accepts a span names the quote's rule.
DIRECT_RULES: tuple[DirectRule, ...] = (
    direct_cue_after,
    direct_cue_before,
    direct_split,
    direct_standalone,
    direct_embedded,
)


def rule_name(rule: Callable[..., Any]) -> str:
    """The provenance a rule gives: its name with hyphens (``direct_cue_after`` -> ``direct-cue-after``)."""
    return rule.__name__.replace("_", "-")


def _quoted(text: str, spans: list[MarkedSpan], index: int, floor: int) -> Quoted:
    span = spans[index]
    start, end = strip_span(text, span.open + span.open_length, span.close, " \t\n,;:")
    after_start = span.close + span.close_length
    next_open = spans[index + 1].open if index + 1 < len(spans) else len(text)
    after = text[after_start : min(len(text), after_start + MAX_SPEAKER_CHARS + 40, next_open)]
    newline = after.find("\n")
    if newline >= 0:
        after = after[:newline]
    sent_start = sentence_start(text, span.open, max(floor, 0))
    return Quoted(text, span, start, end, after_start, after, sent_start, text[sent_start : span.open])


def _attribute(quoted: Quoted, previous: _Previous) -> tuple[str, Attributed] | None:
    for rule in DIRECT_RULES:
        found = rule(quoted, previous)
        if found is not None:
            return rule_name(rule), found
    return None


def find_direct(
    text: str, paras: list[int], skip: list[tuple[int, int]], warnings: list[str], max_quote_chars: int
) -> list[Candidate]:
    """The direct quotes of ``text`` (marked spans outside the ``skip`` ranges), in text order."""
    spans, unclosed = pair_marks(text, paras, max_quote_chars)
    if unclosed:
        warnings.append(unclosed_warning(unclosed))
    out: list[Candidate] = []
    previous = _Previous()
    for index, span in enumerate(spans):
        quoted = _quoted(text, spans, index, previous.end)
        if quoted.end <= quoted.start or contains(quoted.start, skip) or not quoted.inner_words:
            continue
        attributed = _attribute(quoted, previous)
        if attributed is None:
            continue  # a title, a name, a slogan or scare quotes
        rule, found = attributed
        if rule == "direct-cue-after":
            previous.attr_end = found.attr_end
        if span.how == "unclosed":
            rule += "-unclosed"
        cand = Candidate("direct", quoted.start, quoted.end, found.cue, rule, found.ref)
        if rule.startswith("direct-cue-after"):
            # the attribution and the rest of its sentence (`kata Imam saat ditemui di ...`) are no quote
            after_start = quoted.after_start
            tail = SENT_END.search(text, after_start, min(len(text), after_start + 400))
            cand.extra["attr_end"] = tail.start() if tail else min(len(text), after_start + 400)
        out.append(cand)
        previous.candidate = cand
        previous.end = span.close + span.close_length
        if rule != "direct-cue-after" and rule != "direct-split":
            previous.attr_end = -1
    return out
