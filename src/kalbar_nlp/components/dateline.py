"""Component ``kalbar_dateline``: the outlet and place that open a news article.

Indonesian outlets open their copy with a dateline in a handful of shapes:

========================================  ===================  ===========================
shape                                     example              rule
========================================  ===================  ===========================
place (outlet) –                          ``Sidoarjo (beritajatim.com) –``  ``place_paren_outlet``
outlet, place –                           ``KalbarOnline, Ketapang –``      ``outlet_place``
place, outlet –                           ``PONTIANAK, KOMPAS.com -``       ``place_outlet``
outlet –                                  ``POSMETRO MEDAN–``               ``outlet_only``
place –   /  place, province –            ``Serang -``, ``Pesawaran, Lampung –``  ``place_only``
PLACE-Word (capitals, hyphen glued)       ``PONTIANAK-Wali Kota``           ``caps_place_glued``
========================================  ===================  ===========================

An outlet is either a web domain (``TRIBUNPONTIANAK.CO.ID``, ``Liputan6.com``,
``POS-KUPANG. COM``) or a name from ``resources/outlets.tsv`` (``KalbarOnline``,
``CNN Indonesia``, ``ANTARA``). A leading reporter line (``Laporan Wartawan
Tribun Pontianak, Rizky``) is skipped; it is a byline (see :mod:`.bylines`).
Outlet and place are kept as written. Only the first ~300 characters are read,
and an article that opens with an ordinary sentence gets no dateline.

Writes ``doc._.kalbar_dateline`` (``{outlet, place, text, start, end, rule}``
or ``None``) and ``doc.spans["kalbar_dateline"]`` (labels ``DATELINE``,
``OUTLET``, ``PLACE``).
"""

from __future__ import annotations

import functools

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..lexicons.datelines import not_place_words
from ..lexicons.outlets import CAPS_DOMAIN, TLD, outlet_pattern
from ..text.lines import line_breaks
from ..text.ranges import set_range_spans
from ..text.source import doc_text

HEAD_WINDOW = 300
_RECORD_KEYS = ("outlet", "place", "text", "start", "end", "rule")
_OFFSET_KEYS = ("start", "end", "outlet_start", "outlet_end", "place_start", "place_end")
#: The dateline shapes, in the order they are tried.
_RULES = (
    "place_paren_outlet",
    "outlet_place",
    "place_outlet",
    "outlet_dash_place",
    "outlet_only",
    "place_only",
    "caps_place_glued",
)
_V1 = regex.VERSION1

# A place as datelines write it: 1-4 capitalised words (BANDAR LAMPUNG, Palangka Raya, KOTA SURABAYA).
_PWORD = r"\p{Lu}[\p{L}'’]{0,24}(?:-\p{Lu}[\p{L}]{0,20})?"
PLACE = _PWORD + r"(?:[\x20\xa0]" + _PWORD + r"){0,3}"
# The dash after a dateline: -, --, –, —, or a colon (POSMETRO.CO :).
_DASH = r"(?:-{1,2}|[–—]{1,2}|:)"

# Words that open ordinary sentences and are never a dateline place on their own.


_SP = r"[\s]{0,6}"
_BARE_DASH = r"(?:-{1,2}|[–—]{1,2})"
_CAPS_PLACE = r"\p{Lu}[\p{Lu}'’-]{1,24}(?:[\x20\xa0]\p{Lu}[\p{Lu}'’-]{1,24}){0,3}"


def _sources(out: str) -> dict[str, str]:
    """The regex source of every dateline shape, around the outlet pattern ``out``."""
    return {
        # Sidoarjo (beritajatim.com) –   Bandar Lampung (\nLampost.co\n)\n —   Jakarta (ANTARA) -
        "place_paren_outlet": rf"(?P<place>{PLACE}){_SP}\({_SP}(?P<outlet>{out}){_SP}\)(?:{_SP}{_DASH})?",
        # TRIBUNPONTIANAK.CO.ID, SINTANG -   BANJARMASINPOST.CO.ID. BANJARBARU -   TEMPO.CO,Jakarta-
        "outlet_place": rf"(?P<outlet>{out})[\x20\xa0]{{0,3}}[,.][\x20\xa0]{{0,3}}"
        rf"(?P<place>{PLACE}){_SP}{_DASH}",
        # PONTIANAK, KOMPAS.com -   Sukabumi, CNN Indonesia --   SURABAYA, KOMPAS.com Presiden ...
        # (without a dash only when the outlet is a domain, which cannot be a sentence's subject)
        "place_outlet": rf"(?P<place>{PLACE})[\x20\xa0]{{0,3}},[\x20\xa0]{{0,3}}(?P<outlet>{out})"
        rf"(?:{_SP}{_DASH}|(?<=\.(?i:{TLD}))(?=\s))",
        # KONTAN.CO.ID - JAKARTA. Harga ...   (the place in capitals after the dash, closed by a period)
        "outlet_dash_place": rf"(?P<outlet>{out}){_SP}{_BARE_DASH}{_SP}(?P<place>{_CAPS_PLACE})\.(?=\s)",
        # POSMETRO MEDAN–   TRIBUNMANADO.CO.ID -   Merdeka.com -
        "outlet_only": rf"(?P<outlet>{out}){_SP}{_DASH}",
        # PONTIANAK-Wali Kota ...: a place in capitals (5+ letters) may have the hyphen glued on both sides
        "caps_place_glued": r"(?P<place>(?=[\p{Lu}\x20\xa0]{5})\p{Lu}{2,24}(?:[\x20\xa0]\p{Lu}{2,24}){0,2})"
        r"-{1,2}(?=\p{Lu}\p{Ll})",
        # Serang -   JAKARTA- PT ...   Jakarta\n-\n   Tulang Bawang, Lampung –
        "place_only": rf"(?P<place>{PLACE})(?:[\x20\xa0]{{0,3}},[\x20\xa0]{{0,3}}(?P<region>{PLACE}))?"
        r"(?:\s{1,6}(?:-{1,2}|[–—]{1,2})|(?:-{1,2}|[–—]{1,2})(?=\s)|[–—]{1,2})",
    }


@functools.cache
def _patterns() -> dict[str, regex.Pattern]:
    """The compiled dateline shapes (built once, with the outlet lexicon)."""
    return {rule: regex.compile(source, _V1) for rule, source in _sources(outlet_pattern()).items()}


# A reporter line before the dateline: "Laporan Wartawan X, Name\n" or glued "... Name TRIBUNNEWS.COM, BOGOR".
_LAPORAN = regex.compile(r"(?i:laporan)\b[^\n]{0,160}", _V1)
_CAPS_DOMAIN = regex.compile(r"(?<=\s)" + CAPS_DOMAIN, _V1)
_BYLINE_LINE = regex.compile(
    r"(?:(?i:oleh|penulis|reporter|editor|pewarta)[\x20\xa0]*:|(?i:oleh)[\x20\xa0]+\p{Lu})[^\n]{0,80}\n", _V1
)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _dateline_start(text: str) -> int:
    """Where a dateline may start: after leading space and a leading reporter/author line."""
    pos = 0
    limit = min(len(text), HEAD_WINDOW)
    while pos < limit and text[pos].isspace():
        pos += 1
    reporter = _LAPORAN.match(text, pos)
    if reporter:
        line = reporter.group()
        glued = _CAPS_DOMAIN.search(line, 1)
        if glued and "," in line[: glued.start()]:
            return pos + glued.start()
        return _skip_space(text, reporter.end())
    author = _BYLINE_LINE.match(text, pos)
    if author and len(author.group()) < 80:
        return _skip_space(text, author.end())
    return pos


def _clean(value: str | None) -> str | None:
    """``value`` with its white space (no-break spaces and line breaks too) collapsed to single spaces."""
    if value is None:
        return None
    value = " ".join(value.replace("\xa0", " ").split())
    return value or None


def find_dateline(text: str) -> dict | None:
    """Find the dateline at the start of ``text``.

    Args:
        text: the article text.

    Returns:
        ``{"outlet", "place", "text", "start", "end", "rule", "outlet_start", "outlet_end",
        "place_start", "place_end"}`` (outlet or place may be ``None``), or ``None`` when the
        article does not open with a dateline. Line ends may be ``\\n``, ``\\r\\n`` or
        ``\\r``: the dateline is the same, with offsets into ``text``.

    Raises:
        TypeError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: must be a str, not {type(text).__name__}")
    lines = line_breaks(text)
    found = _scan_dateline(lines.text)
    if found is None:
        return None
    for key in _OFFSET_KEYS:
        if found[key] is not None:
            found[key] = lines.original(found[key])
    found["text"] = text[found["start"] : found["end"]]
    return found


def _place_ok(head: str, match: regex.Match, rule: str) -> bool:
    """The place of a match (if any) opens no ordinary sentence, and a bare place is plausible."""
    place = match.group("place") if "place" in match.re.groupindex else None
    if place is not None and place.split()[0].lower() in not_place_words():
        return False
    return rule not in ("place_only", "caps_place_glued") or _plausible_place_only(head, match)


def _found(match: regex.Match, rule: str) -> dict:
    """The dateline dict of a match."""
    outlet = match.groupdict().get("outlet")
    place = match.groupdict().get("place")
    return {
        "outlet": _clean(outlet),
        "place": _clean(place),
        "text": match.group(),
        "start": match.start(),
        "end": match.end(),
        "rule": rule,
        "outlet_start": match.start("outlet") if outlet else None,
        "outlet_end": match.end("outlet") if outlet else None,
        "place_start": match.start("place") if place else None,
        "place_end": match.end("place") if place else None,
    }


def _scan_dateline(text: str) -> dict | None:
    """:func:`find_dateline` on a text whose line ends are all ``\\n``."""
    start = _dateline_start(text)
    head = text[: start + HEAD_WINDOW]
    patterns = _patterns()
    for rule in _RULES:
        match = patterns[rule].match(head, start, timeout=0.5)
        if match and _place_ok(head, match, rule):
            return _found(match, rule)
    return None


def _plausible_place_only(head: str, match: regex.Match) -> bool:
    """A bare ``Place -`` opening: the place is short and what follows starts a sentence."""
    if len(match.group("place")) > 40:
        return False
    rest = head[match.end() : match.end() + 3].lstrip()
    return not rest or not rest[0].islower()


class DatelineFinder:
    """Writes ``doc._.kalbar_dateline`` and ``doc.spans["kalbar_dateline"]``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        _patterns()  # compile once, at pipeline build time

    def __call__(self, doc: Doc) -> Doc:
        """Find the dateline of ``doc``."""
        found = find_dateline(doc_text(doc))
        ranges = []
        if found is not None:
            doc._.kalbar_dateline = {key: found[key] for key in _RECORD_KEYS}
            for label, start, end in (
                ("DATELINE", found["start"], found["end"]),
                ("OUTLET", found["outlet_start"], found["outlet_end"]),
                ("PLACE", found["place_start"], found["place_end"]),
            ):
                if start is not None:
                    ranges.append((start, end, label))
        else:
            doc._.kalbar_dateline = None
        set_range_spans(doc, "kalbar_dateline", ranges)
        return doc


@Language.factory(
    "kalbar_dateline",
    default_config={},
    assigns=["doc._.kalbar_dateline", "doc.spans"],
)
def make_dateline(nlp: Language, name: str) -> DatelineFinder:
    """Create the ``kalbar_dateline`` component."""
    return DatelineFinder(nlp, name)
