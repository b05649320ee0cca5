"""Quotation marks: which marks open and which close a quote, and how they pair (pure text -> spans).

Every mark news uses (“ ” " ' ‘ ’ « » and ASCII ``''``) is classified from its neighbours as
opening, closing or either; a small state machine pairs them per family (double, single). A
paragraph that opens a quote and does not close it continues into the next paragraph when that
paragraph opens again (the convention of long quotes); an unclosed mark never runs further than
``max_quote_chars`` characters or :data:`MAX_QUOTE_PARAGRAPHS` paragraphs.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import NamedTuple

import regex

from .model import MAX_QUOTE_CHARS, MAX_QUOTE_PARAGRAPHS, MAX_UNCLOSED

MARK = regex.compile(r"''|[\"“”„‟«»‘’]")
OPEN_DOUBLE = "“„‟«"
CLOSE_DOUBLE = "”»"
AMBIGUOUS_DOUBLE = ('"', "''")
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
DOUBLE, SINGLE = "d", "s"


# Curly quotation marks a scraper turned into `?` (`?Kami siap,? katanya.`, `... khusus,?? ujar X`):
# a `?` after a line start or a space and before a capital opens; after `,`/`.`/`!` and before a
# space or the end it closes (neither is where Indonesian puts a question mark).
BROKEN_OPEN = regex.compile(r"(?:^|(?<=\s))\?{1,2}(?=\p{Lu})", regex.MULTILINE)
BROKEN_CLOSE = regex.compile(r"(?<=[\p{L}\p{N}][,.!])\?{1,2}(?=\s|$)")


def repair_broken_marks(text: str) -> str:
    """``text`` with the quotation marks a scraper broke into ``?`` put back (same length).

    An opening ``??`` becomes a space and ``“``, a closing one ``”`` and a space."""
    if "?" not in text:
        return text
    chars = list(text)
    for match in BROKEN_OPEN.finditer(text):
        chars[match.start() : match.end()] = " " * (match.end() - match.start() - 1) + "“"
    for match in BROKEN_CLOSE.finditer(text):
        chars[match.start() : match.end()] = "”" + " " * (match.end() - match.start() - 1)
    return "".join(chars)


class Mark(NamedTuple):
    """A quotation mark: its position and length, its family (``d``/``s``) and role (open/close/either)."""

    position: int
    length: int
    family: str
    role: str


class MarkedSpan(NamedTuple):
    """A pair of marks: the opening mark, the closing one (length 0 when cut) and ``closed``/``unclosed``."""

    open: int
    open_length: int
    close: int
    close_length: int
    how: str


class _Context(NamedTuple):
    before: str
    after: str
    space_before: bool
    space_after: bool


def _open_double(ctx: _Context) -> tuple[str, str] | None:
    return DOUBLE, "open"


def _close_double(ctx: _Context) -> tuple[str, str] | None:
    opens = ctx.space_before and not ctx.space_after and ctx.after not in ",.;:!?"
    return DOUBLE, "open" if opens else "close"


def _ambiguous_double(ctx: _Context) -> tuple[str, str] | None:
    if ctx.space_before and not ctx.space_after:
        return DOUBLE, "open"
    if ctx.space_after and not ctx.space_before:
        return DOUBLE, "close"
    if not ctx.space_before and not ctx.space_after and (ctx.before in ".,!?;:)" or ctx.after in ".,!?;:"):
        return DOUBLE, "either"
    return None


def _open_single(ctx: _Context) -> tuple[str, str] | None:
    if ctx.before.isalnum() and ctx.after.isalnum():
        return None  # a misplaced apostrophe: Jum‘at
    return (SINGLE, "open") if not ctx.space_after else None


def _close_single(ctx: _Context) -> tuple[str, str] | None:
    if ctx.before.isalnum() and ctx.after.isalnum():
        return None  # apostrophe: Qur’an
    if ctx.space_before and not ctx.space_after:
        return SINGLE, "open"
    return (SINGLE, "close") if not ctx.space_before else None


_CLASSIFIERS: dict[str, Callable[[_Context], tuple[str, str] | None]] = {
    **dict.fromkeys(OPEN_DOUBLE, _open_double),
    **dict.fromkeys(CLOSE_DOUBLE, _close_double),
    **dict.fromkeys(AMBIGUOUS_DOUBLE, _ambiguous_double),
    OPEN_SINGLE: _open_single,
    CLOSE_SINGLE: _close_single,
}


def find_marks(text: str) -> list[Mark]:
    """The quotation marks of ``text`` that open or close a quote, in text order.

    Args:
        text: any text.

    Returns:
        One :class:`Mark` per mark that can open or close a quote (apostrophes and marks between
        two spaces are left out).
    """
    out: list[Mark] = []
    for match in MARK.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else "\n"
        ctx = _Context(before, after, before.isspace() or before in "([{—–-", after.isspace())
        found = _CLASSIFIERS[match.group()](ctx)
        if found is not None:
            out.append(Mark(start, end - start, *found))
    return out


def paragraph_starts(text: str) -> list[int]:
    """Offsets where the paragraphs (lines) of ``text`` start."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


class _Pairing:
    """The state machine that pairs marks (one open quote per family at a time)."""

    def __init__(self, text: str, paras: list[int], max_quote_chars: int) -> None:
        self.text = text
        self.paras = paras
        self.max_quote_chars = max_quote_chars
        self.spans: list[MarkedSpan] = []
        self.unclosed = 0
        # per family: [open_pos, open_len, first_para, current_para] or None
        self.state: dict[str, list[int] | None] = {DOUBLE: None, SINGLE: None}

    def para_of(self, position: int) -> int:
        return bisect.bisect_right(self.paras, position) - 1

    def para_end(self, para: int) -> int:
        return self.paras[para + 1] - 1 if para + 1 < len(self.paras) else len(self.text)

    def cut(self, family: str, limit: int) -> None:
        """Close a quote without its closing mark: at its paragraph's end, the next mark or the cap."""
        open_state = self.state[family]
        self.state[family] = None
        if open_state is None:
            return
        start, length, _first_para, para = open_state
        end = min(self.para_end(para), start + length + self.max_quote_chars, limit)
        self.unclosed += 1
        if self.unclosed <= MAX_UNCLOSED:
            self.spans.append(MarkedSpan(start, length, end, 0, "unclosed"))

    def _continues(self, mark: Mark, para: int, open_state: list[int]) -> str:
        """For a mark in a later paragraph than the open quote: ``reopen``, ``cut`` or ``keep``."""
        if para <= open_state[3]:
            return "keep"
        at_para_start = not self.text[self.paras[para] : mark.position].strip()
        gap_blank = all(
            not self.text[self.paras[q] : self.para_end(q)].strip() for q in range(open_state[3] + 1, para)
        )
        if mark.role in ("open", "either") and at_para_start and gap_blank:
            return "reopen"  # the usual convention: each paragraph of a long quote reopens
        # a closer in a later paragraph: the quote ran over paragraphs without reopening
        return "cut" if mark.role == "open" else "keep"

    def feed(self, mark: Mark) -> None:
        family = mark.family
        if family == SINGLE and self.state[DOUBLE] is not None:
            return  # quotes inside quotes belong to the outer quote
        open_state = self.state[family]
        para = self.para_of(mark.position)
        if open_state is not None:
            start, _length, first_para, _para = open_state
            if mark.position - start > self.max_quote_chars or para - first_para >= MAX_QUOTE_PARAGRAPHS:
                self.cut(family, mark.position)
                open_state = None
            else:
                step = self._continues(mark, para, open_state)
                if step == "reopen":
                    open_state[3] = para
                    return
                if step == "cut":
                    self.cut(family, mark.position)
                    open_state = None
        if open_state is None:
            if mark.role in ("open", "either"):
                if family == DOUBLE and self.state[SINGLE] is not None:
                    self.cut(SINGLE, mark.position)
                self.state[family] = [mark.position, mark.length, para, para]
            return
        if mark.role in ("close", "either"):
            self.state[family] = None
            self.spans.append(MarkedSpan(open_state[0], open_state[1], mark.position, mark.length, "closed"))
        else:  # a second opener in the same paragraph: the first was never closed
            self.cut(family, mark.position)
            self.state[family] = [mark.position, mark.length, para, para]


def pair_marks(
    text: str, paras: list[int] | None = None, max_quote_chars: int = MAX_QUOTE_CHARS
) -> tuple[list[MarkedSpan], int]:
    """Pair the quotation marks of ``text`` into quoted spans.

    Args:
        text: any text.
        paras: the paragraph starts of ``text`` (computed when ``None``).
        max_quote_chars: the longest quote a mark without its closing mark may open.

    Returns:
        The spans sorted by their opening mark, and how many marks were never closed (only the
        first :data:`MAX_UNCLOSED` of those are spans).
    """
    pairing = _Pairing(text, paragraph_starts(text) if paras is None else paras, max_quote_chars)
    for mark in find_marks(text):
        pairing.feed(mark)
    for family in (DOUBLE, SINGLE):
        pairing.cut(family, len(text))
    return sorted(pairing.spans), pairing.unclosed


def unclosed_warning(unclosed: int) -> str:
    """The warning for ``unclosed`` marks without a closing mark."""
    return (
        f"quotes: {unclosed} quotation mark(s) without a closing mark; each such quote was cut at "
        "the end of its paragraph or at the next mark"
        + (f" (only the first {MAX_UNCLOSED} were read as quotes)" if unclosed > MAX_UNCLOSED else "")
    )
