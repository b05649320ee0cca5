"""The parts of a scraped article that are not its content: links, prompts, tags, credits.

Scraped Indonesian news keeps the site's furniture in the text: links to other
stories (``Baca juga: ...``), calls to follow the outlet (``Ikuti Berita ... di
Google News``), tag lists, ``ADVERTISEMENT`` / ``SCROLL TO CONTINUE WITH
CONTENT``, video teasers, a trailing ``Comment``, syndication notes (``Artikel
ini telah tayang di ...``) and credit lines (``Editor: ...``). This module
finds them as a sorted list of ``[start, end, kind]`` character ranges with ``kind`` one of:

``related``    links to other articles (``Baca juga``, ``Lihat juga Video``)
``promo``      follow/subscribe/share prompts, ads, page-navigation words
``tags``       tag lists (``Tags: ...`` and the keyword lines after a credit)
``syndication`` ``Artikel ini telah tayang di ...`` notes
``copyright``  copyright lines
``caption``    photo captions (``Foto: Bupati meninjau ...``)
``credit``     labelled credit lines (``Editor: ...``, ``Laporan Wartawan ...``),
               credit codes on their own line (``(rdp/idh)``)

The ``kalbar_boilerplate`` component writes these ranges, with the credits that
:mod:`.bylines` finds inside running text, to ``doc._.kalbar_boilerplate``.

All patterns are line-anchored with bounded repetitions, so hostile input
(megabytes of text, thousands of brackets) is scanned in linear time.
"""

from __future__ import annotations

import regex

from .credits import laporan_credit
from .headlines import CREDIT_CODE, headline_end
from .lines import line_breaks
from .ranges import trim_and_merge

KINDS = ("related", "promo", "tags", "syndication", "copyright", "credit", "caption")

_FLAGS = regex.MULTILINE | regex.VERSION1 | regex.IGNORECASE

# Whitespace that is not a line break (the scrapers leave NBSPs and tabs).
_H = r"[^\S\n]"

# --- links to other stories --------------------------------------------------------------------------
# "Baca juga: Title" (to the end of the line, or the title on the next line when the line stops at ':').
_RELATED_HEAD = regex.compile(
    r"\b(?P<head>(?:baca|lihat|simak|tonton)" + _H + r"+(?:juga|pula)"
    r"|(?:berita|artikel)" + _H + r"+terkait"
    r"|baca" + _H + r"+(?:berita" + _H + r"+)?selengkapnya)"
    r"(?=" + _H + r"*(?::|\n|$|" + _H + r"(?:video|di)\b))",
    _FLAGS,
)
_OPENS_PARAGRAPH = frozenset(".!?”\"')]-\n")


def _before_spaces(text: str, pos: int) -> int:
    """``pos`` moved back over at most 20 spaces, tabs and no-break spaces."""
    before = pos
    while before > 0 and text[before - 1] in " \t\xa0" and pos - before < 20:
        before -= 1
    return before


def _opens_paragraph(text: str, pos: int, after: str = ".!?”\"')]") -> bool:
    """Whether ``text[pos:]`` opens a line or follows (after spaces) one of the characters ``after``."""
    before = _before_spaces(text, pos)
    return before == 0 or text[before - 1] == "\n" or text[before - 1] in after


def _related_context_ok(text: str, match: regex.Match) -> bool:
    """A link opens a line or follows a sentence end; a capitalised ``Baca juga:`` may follow anything."""
    before = _before_spaces(text, match.start())
    if before == 0 or text[before - 1] in _OPENS_PARAGRAPH:
        return True
    if before == match.start() or match.group("head")[:1] != "B":
        return False
    return text[match.end() : match.end() + 3].lstrip(" \t\xa0")[:1] == ":"


# --- whole-line prompts --------------------------------------------------------------------------------
_PROMO_LINES = regex.compile(
    r"^" + _H + r"*(?:"
    r"advertisement|iklan|scroll" + _H + r"+to" + _H + r"+continue(?:" + _H + r"+with" + _H + r"+content)?"
    r"|comments?|selengkapnya|halaman" + _H + r"+selanjutnya|halaman" + _H + r"+berikutnya"
    r"|\[gambas:[^\]\n]{0,80}\]"
    r"|video:[^\n]{0,200}"
    r"|ikuti"
    + _H
    + r"+(?:berita|kami|saluran|whatsapp|channel|akun|update|terus|instagram|media)[^\n]{0,200}"
    r"|(?:-" + _H + r"*)?baca" + _H + r"+berita[^\n]{0,150}(?:google" + _H + r"+news|whatsapp)[^\n]{0,150}"
    r"|baca" + _H + r"+kisah" + _H + r"+inspiratif[^\n]{0,120}"
    r"|hoegeng" + _H + r"+awards?" + _H + r"+\d{4}"
    r"|akses[^\n]{0,120}google" + _H + r"+news[^\n]{0,200}"
    r"|berita" + _H + r"+terbaru[^\n]{0,80}klik[^\n]{0,40}"
    r"|(?:dapatkan|download|unduh)" + _H + r"+(?:update|berita|informasi|aplikasi)[^\n]{0,250}"
    r"|klik" + _H + r"+(?:di" + _H + r"+sini|link)[^\n]{0,120}"
    r"|(?:share|bagikan|follow)(?:" + _H + r"+(?:artikel|berita|ini|us|kami))?" + _H + r"*:[^\n]{0,120}"
    r"|!{2,}[^\n]{0,100}!{2,}"
    r"|kumpulan" + _H + r"+artikel[^\n]{0,60}"
    r"|simak" + _H + r"+berita" + _H + r"+lainnya[^\n]{0,150}"
    r"|\*{3,}"
    r")" + _H + r"*$",
    _FLAGS,
)

# Kompas/detik "Simak breaking news dan berita pilihan kami ... WhatsApp ya." (the scraper breaks its lines).
_PROMO_BLOCKS = regex.compile(
    r"^" + _H + r"*simak\s{1,5}breaking\s{1,5}news[\s\S]{0,600}?(?:whatsapp\s{1,3}ya\.?|\Z)"
    r"|^" + _H + r"*dapatkan\s{1,5}update\s{1,5}berita[\s\S]{0,400}?(?:\n\n|\Z)",
    _FLAGS,
)

# "Artikel ini telah tayang di X dengan judul ..." / "Berita ini telah tayang di ..."
_SYNDICATION = regex.compile(
    r"\b(?:artikel|berita|tulisan)"
    + _H
    + r"+ini"
    + _H
    + r"+(?:telah|sudah)"
    + _H
    + r"+(?:tayang|terbit|dimuat)[^\n]{0,400}",
    _FLAGS,
)

_COPYRIGHT = regex.compile(
    r"^" + _H + r"*(?:©|\(c\)|copyright\b|hak" + _H + r"+cipta\b)[^\n]{0,200}$",
    _FLAGS,
)

# "Tags:" / "Tag:" / "Topik:" followed by the keyword list (same line or the lines below).
_TAGS = regex.compile(r"^" + _H + r"*(?:tags?|topik|kata" + _H + r"+kunci)" + _H + r"*:", _FLAGS)

# Credit lines: "Editor: Ali", "Penulis : Budi | Editor: Citra", "Source:\nName", "sumber : ANTARA".
CREDIT_LABELS = (
    r"editor|penulis|pewarta|reporter|wartawan|redaktur|penyunting|fotografer|foto|kontributor"
    r"|koresponden|source|via|sumber|publisher|penerbit|editing|ditulis" + _H + r"+oleh"
)
_CREDIT_LINE = regex.compile(
    r"^" + _H + r"*\(?(?:" + CREDIT_LABELS + r")(?:" + _H + r"*:|/(?=(?-i:\p{Lu})))\s{0,8}[^\s][^\n]{0,119}$",
    _FLAGS,
)
# A credit code closing a line: "(rdp/idh)", "[isa/but]", "(*)" (detik puts its tag list after it).
_CODE_LINE = regex.compile(
    r"[(\[]"
    + _H
    + r"*(?:\*|[a-z]{1,8})(?:"
    + _H
    + r"*/"
    + _H
    + r"*[a-z*]{1,8}){0,3}"
    + _H
    + r"*[)\]]"
    + _H
    + r"*$",
    regex.MULTILINE | regex.VERSION1,
)
# Writer/editor codes joined by slashes ("(rdp/idh)", "[isa/but]"): a credit wherever it stands.
_SLASH_CODES = regex.compile(
    r"[(\[]" + _H + r"*[a-z*]{1,8}(?:" + _H + r"*/" + _H + r"*[a-z*]{1,8}){1,3}" + _H + r"*[)\]]",
    regex.VERSION1,
)
# What ends a sentence or a quotation: never inside a tag list.
_SENTENCE_MARKS = frozenset('.!?"“”')
MAX_TAG_RUN = 400  # characters of keywords after a credit code at the end of a text

MAX_RELATED = 300  # "Baca juga" links looked at per text
TAIL_WINDOW = 4000  # characters at the end of the text where tag lists and credit codes are looked for
HEAD_WINDOW = 400  # characters at the start where a "Laporan ..." line is looked for


_QUOTES = "“”\"'‘"


def _line_end(text: str, pos: int) -> int:
    """The position of the line break that ends the line of ``pos`` (the text's end on the last line)."""
    line_break = text.find("\n", pos)
    return len(text) if line_break < 0 else line_break


def _is_taglike(line: str) -> bool:
    """A short keyword line of a tag list (no sentence punctuation, few words)."""
    stripped = line.strip()
    if not stripped:
        return True
    if len(stripped) > 60 or stripped[-1] in '.!?”"':
        return False
    return len(stripped.split()) <= 6


def _related_end(text: str, match: regex.Match) -> int:
    """End of a link to another story: its headline on the same line or, after a bare head, the next."""
    size = len(text)
    head_end = match.end()
    line_end = _line_end(text, head_end)
    if text[head_end:line_end].strip(" :\xa0\t"):
        headline = head_end
        while headline < line_end and text[headline] in " :\xa0\t":
            headline += 1
        return headline_end(text, headline, line_end)
    # "Baca juga:" alone: the headline is on the next non-empty line
    headline = head_end
    while headline < size and text[headline] in " \t\xa0\n:" and headline - head_end < 50:
        headline += 1
    if headline >= size or text[headline] in _QUOTES:
        return head_end  # the links themselves were not scraped; the next line is content
    return headline_end(text, headline, _line_end(text, headline))


def _related(text: str) -> list[tuple[int, int, str]]:
    """Links to other stories (``Baca juga: ...``), at most :data:`MAX_RELATED` of them."""
    found = []
    for match in _RELATED_HEAD.finditer(text):
        if not _related_context_ok(text, match):
            continue
        if len(found) >= MAX_RELATED:
            break  # no real article links hundreds of stories; keep hostile input cheap
        found.append((match.start("head"), _related_end(text, match), "related"))
    return found


def _whole_lines(text: str) -> list[tuple[int, int, str]]:
    """Prompts, syndication notes and copyright lines."""
    found = []
    for pattern, kind in (
        (_PROMO_LINES, "promo"),
        (_PROMO_BLOCKS, "promo"),
        (_SYNDICATION, "syndication"),
        (_COPYRIGHT, "copyright"),
    ):
        for match in pattern.finditer(text):
            start, end = match.span()
            if pattern is _SYNDICATION and not _opens_paragraph(text, start):
                continue
            if end > start and text[start:end].strip():
                found.append((start, end, kind))
    return found


def _credit_lines(text: str) -> list[tuple[int, int, str]]:
    """Labelled credit lines and photo captions, and reporter lines at the start or the end."""
    found = []
    for match in _CREDIT_LINE.finditer(text):
        line = match.group().lstrip(" \t\xa0(")
        value = regex.split(r"[:/]", line, maxsplit=1)[1]
        # "Foto: Bupati Sintang saat meninjau ..." is a photo caption, not a credit
        kind = "caption" if line[:4].lower() == "foto" and len(value.split()) > 5 else "credit"
        found.append((match.start(), match.end(), kind))
    # "Laporan Wartawan Tribun X, Name" at the start or the end (the credit stops before a glued dateline)
    size = len(text)
    head_end = min(size, HEAD_WINDOW)
    tail_start = max(0, size - TAIL_WINDOW)
    for window_start, window_end in ((0, head_end), (max(head_end, tail_start), size)):
        for start, end, _credit in laporan_credit(text, window_start, window_end):
            found.append((start, end, "credit"))
    return found


def _tag_run_start(text: str) -> int:
    """Where the run of keywords that ends the text may start: after its last sentence mark."""
    start = len(text)
    while start > 0 and len(text) - start < MAX_TAG_RUN and text[start - 1] not in _SENTENCE_MARKS:
        start -= 1
    return start if start == 0 or text[start - 1] in _SENTENCE_MARKS else len(text)


def _code_before_tags(text: str, code: regex.Match, run_start: int) -> bool:
    """A credit code followed, to the end of the text, by keywords only (detik's tag list after
    ``(rdp/idh)``, on the same line where a scraper joined the lines)."""
    if code.start() < run_start or not text[code.end() :].strip():
        return False
    slashed = _SLASH_CODES.fullmatch(code.group()) is not None
    return slashed or _opens_paragraph(text, code.start(), '.!?”"')


def _codes_before_tags(text: str) -> list[tuple[int, int, str]]:
    """Credit codes with the keywords after them, where the keywords run to the end of the text."""
    run_start = _tag_run_start(text)
    last = None
    for last in CREDIT_CODE.finditer(text, run_start):  # noqa: B007 (the last code is kept)
        pass
    if last is None or not _code_before_tags(text, last, run_start):
        return []
    return [(last.start(), last.end(), "credit"), (last.end(), len(text), "tags")]


def _tail_blocks(text: str) -> list[tuple[int, int, str]]:
    """Tag lists near the end, and credit codes on their own line with the keyword lines after them."""
    found = []
    tail_start = max(0, len(text) - TAIL_WINDOW)
    # tag lists: "Tags:" and everything after it that still looks like keywords
    tags = _TAGS.search(text, tail_start)
    if tags is not None:
        found.append((tags.start(), _tag_block_end(text, tags.end()), "tags"))
    # keyword lines after a credit code on its own line (detik: "(azh/azh)\nbandung\njual beli kursi")
    for code in _CODE_LINE.finditer(text, tail_start):
        if not _opens_paragraph(text, code.start(), '.!?”"'):
            continue
        found.append((code.start(), code.end(), "credit"))
        keywords_end = _tag_block_end(text, code.end())
        if keywords_end > code.end():
            found.append((code.end(), keywords_end, "tags"))
    return found + _codes_before_tags(text)


def find_boilerplate(text: str) -> list[list]:
    """Return the non-content ranges of ``text`` as sorted ``[start, end, kind]`` lists.

    Line ends may be ``\\n``, ``\\r\\n`` or ``\\r``: the ranges are the same, as offsets into ``text``.

    Args:
        text: the article text.

    Returns:
        Non-overlapping ranges, sorted by start; ``kind`` is one of :data:`KINDS`.

    Raises:
        TypeError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: must be a str, not {type(text).__name__}")
    lines = line_breaks(text)
    return [
        [lines.original(start), lines.original(end), kind]
        for start, end, kind in scan_boilerplate(lines.text)
    ]


def scan_boilerplate(text: str) -> list[list]:
    """:func:`find_boilerplate` on a text whose line ends are all ``\\n`` (see :mod:`.lines`)."""
    found = _related(text) + _whole_lines(text) + _credit_lines(text) + _tail_blocks(text)
    return trim_and_merge(text, found)


def _tag_block_end(text: str, pos: int) -> int:
    """End of the run of keyword-like lines that starts at ``pos`` (``pos`` when there is none)."""
    end = pos
    line_start = pos
    size = len(text)
    lines = 0
    while line_start < size and lines < 80:
        line_end = _line_end(text, line_start)
        line = text[line_start:line_end]
        if _CODE_LINE.match(line.strip()) or (not _is_taglike(line) and not _PROMO_LINES.fullmatch(line)):
            break  # another credit code ("(esa)" then "(esa/yp)") is no keyword
        if line.strip():
            end = line_end
        line_start = line_end + 1
        lines += 1
    return end
