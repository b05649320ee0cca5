"""Paragraphs joined with single spaces (as many scrapers write ``content``): their breaks put back.

:func:`restore_breaks` puts a line break back before credit lines and teasers and around a credit in
brackets, one character for one, so that every offset stays where it was. The line-anchored rules
(boilerplate, credits, the dateline) read a text without any line break through it (see
:func:`.lines.line_breaks`); :mod:`kalbar_nlp.scrapers` applies it to the ``content`` of dumps.
"""

from __future__ import annotations

import functools

import regex

from ..lexicons.bylines import line_openers, role_labels

#: A credit in parentheses or brackets that closes a paragraph: ``(Adi LC)``, ``[faw/beq]``, ``(*)``.
_CREDIT = r"(?:\([^()\n]{1,60}\)|\[[^\[\]\n]{1,30}\])"


#: A capitalised outlet dateline after a reporter's line: ``SERAMBINEWS.COM, MEUREUDU -``.
_OUTLET_DATELINE = r"\p{Lu}[\p{Lu}\-]{1,30}\.\s?(?:COM|CO\.ID|CO|ID|NET)\s*,\s*\p{Lu}[\p{Lu} ]{1,40}\s[-–—]"

#: What ends a paragraph before a break: a sentence's end, a closing quote or bracket, a colon.
_END = r"[.!?:\"”)\]]"


@functools.cache
def _breaks() -> regex.Pattern[str]:
    """The spaces of a joined text where a paragraph ended (one pattern, linear in the text).

    Before a credit label with its colon (``Editor:``, ``Via:``, as written in the table); before a
    line opener (``Baca juga``, ``Tags``) that follows a paragraph's end; before and after a credit in
    parentheses or brackets that follows a paragraph's end (``... katanya. (Adi LC) Comment``); and
    before an outlet's dateline in capitals (after a reporter's line); and before an opening curly
    quote after a sentence's end (a quoted paragraph, so that an unclosed quote stays in its paragraph).
    """
    labels = role_labels()
    openers = line_openers()
    label_alt = "|".join(regex.escape(label) for label in sorted(labels, key=len, reverse=True))
    opener_alt = "|".join(regex.escape(opener) for opener in sorted(openers, key=len, reverse=True))
    return regex.compile(
        rf" (?=(?:{label_alt}|{opener_alt}) ?:)"
        r"|(?<=[.!?”]) (?=“)"
        rf"|(?<={_END}) (?=(?i:{opener_alt})\b|{_CREDIT}(?:\s|$))"
        rf"|(?<={_END} ?{_CREDIT}) (?=\p{{L}})"
        rf"| (?={_OUTLET_DATELINE})"
    )


def restore_breaks(text: str) -> str:
    """Put line breaks back into a text whose paragraphs were joined by single spaces.

    A break goes before each credit line (``Editor: ...``) and teaser (``Baca juga: ...``), around a
    credit in parentheses that closes a paragraph (``... katanya. (Adi LC) Comment``), and before an
    outlet's dateline that followed a reporter's line. Each break
    replaces one space, so the text keeps its length and every offset stays where it was. A text that
    has line breaks already is returned as it is.
    """
    if "\n" in text:
        return text
    return _breaks().sub("\n", text)
