"""Where the headline of a link to another story ends, when a scraper glued the next text to it.

``Baca juga: Bupati Resmikan Pasar Rakyat`` runs to the end of its line, unless the next sentence,
the next link or a credit code was glued to it on the same line (``... Pasar RakyatKetika``,
``... Pasar Rakyat (rdp/idh) sanggau``). Used by :mod:`.boilerplate`.
"""

from __future__ import annotations

import regex

from ..lexicons.headlines import headline_function_words

_H = r"[^\S\n]"
_WORD = regex.compile(r"\S{1,60}")

#: A credit code anywhere in a line: ``(rdp/idh)``, ``[isa]``, ``(*/hbb)``, ``(dai/dai) pantai lampung ...``.
CREDIT_CODE = regex.compile(
    r"[(\[]" + _H + r"*(?:\*|[a-z]{1,8})(?:" + _H + r"*/" + _H + r"*[a-z*]{1,8}){0,3}" + _H + r"*[)\]]",
    regex.VERSION1,
)

_QUOTES = "“”\"'‘"
_GLUE = regex.compile(r"(?<=[\p{Ll}\p{N}]{2})(?=\p{Lu}\p{Ll})", regex.VERSION1)
_OPENING_QUOTES = '“"‘'


def _sentence_case(words: list) -> bool:
    """Whether headline words are in sentence case (``PLN salurkan bantuan``), not Title Case."""
    return any(
        word.group()[:1].islower() and word.group().strip(",.:").lower() not in headline_function_words()
        for word in words
    )


def _stop_at_quote(words: list, index: int, start: int) -> int | None:
    """A quotation opens: the next sentence is a quote glued to the headline."""
    word = words[index].group()
    quote = next((pos for pos, char in enumerate(word) if char in _QUOTES), -1)
    if quote == 0 and word[:1] in _OPENING_QUOTES:
        return words[index - 1].end() if index else start
    if quote > 0 and word[quote] in _OPENING_QUOTES:
        return words[index].start() + quote
    return None


def _stop_at_glued_word(words: list, index: int, start: int) -> int | None:
    """A word glued to the headline's last word: ``SidoarjoKetika``."""
    glue = _GLUE.search(words[index].group())
    return words[index].start() + glue.start() if glue and index > 0 else None


def _stop_at_next_link(words: list, index: int, start: int) -> int | None:
    """The next ``Baca juga`` on the same line."""
    if index == 0 or index + 1 >= len(words) or words[index].group().lower() != "baca":
        return None
    return words[index - 1].end() if words[index + 1].group().lower().startswith("juga") else None


def _stop_at_next_sentence(words: list, index: int, start: int) -> int | None:
    """A capitalised word after a Title Case headline, followed by ordinary lower-case words."""
    if index < 2 or not words[index].group()[:1].isupper() or _sentence_case(words[1 : min(index, 4)]):
        return None
    following = [word.group() for word in words[index + 1 : index + 4]]
    if len(following) < 3 or not all(word[:1].islower() for word in following):
        return None
    content = [word for word in following if word.strip(",.").lower() not in headline_function_words()]
    return words[index - 1].end() if len(content) >= 2 else None


def _stop_at_credit_code(words: list, index: int, start: int) -> int | None:
    """A credit code after the headline (``... Tetangga (rdp/idh) garut``, where the lines were joined)."""
    if index == 0 or CREDIT_CODE.fullmatch(words[index].group()) is None:
        return None
    return words[index - 1].end()


#: Where an inline headline stops, tried in this order at every word.
_HEADLINE_STOPS = (
    _stop_at_quote,
    _stop_at_glued_word,
    _stop_at_next_link,
    _stop_at_credit_code,
    _stop_at_next_sentence,
)


def headline_end(text: str, start: int, line_end: int) -> int:
    """End of an inline related-article headline that starts at ``start`` (before ``line_end``).

    A headline runs to the end of the line unless the scraper glued the next
    sentence to it: then it stops before a quotation mark, the next ``Baca
    juga``, a word glued to the headline's last word (``SidoarjoKetika``), or
    a capitalised word followed by ordinary lower-case words (the first word
    of the next sentence).
    """
    limit = min(line_end, start + 300)
    words = list(_WORD.finditer(text, start, limit))
    if not words:
        return start
    for index in range(len(words)):
        for stop in _HEADLINE_STOPS:
            end = stop(words, index, start)
            if end is not None:
                return end
    return words[-1].end()
