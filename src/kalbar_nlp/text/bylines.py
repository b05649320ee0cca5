"""The credits of an article: reporter lines, labelled credits and the bracket credit at its end.

Indonesian outlets credit their staff at the start and at the end of the copy: a reporter line
before the dateline, labelled credit lines (see :mod:`.credits`), and a credit in brackets
closing the last paragraph: ``(Adi LC)``, ``(mey)``, ``[isa/but]`` (writer/editor codes),
``(*/hbb)`` (a press release edited by ``hbb``), ``(Banjarmasinpost.co.id/Rizki Fadillah)``
(outlet/writer), ``(ant)`` (an agency code). ``(*)`` closes an article without naming anyone.

Only the first and last few thousand characters are read, and the end of the article is found
by skipping its boilerplate ranges (``Baca juga``, tag lists, share prompts).
"""

from __future__ import annotations

import regex

from ..lexicons.bylines import agency_codes, agency_names, non_name_words
from .boilerplate import scan_boilerplate
from .credits import credit_patterns, is_outlet, labelled_credits, laporan_credit, make_credit, valid_name
from .lines import LineBreaks, line_breaks

HEAD_WINDOW = 400
TAIL_WINDOW = 4000
_MAX_GROUPS = 60  # bracket credits looked at, from the end
_BRACKET_REACH = 90  # characters of one bracket credit
_OPEN = {")": "(", "]": "["}
_PARAGRAPH_END = ".!?\"”’'\n)]*"
_CAPS_NAME = r"\p{Lu}[\p{Lu}'’.-]{0,24}(?:\x20\p{Lu}[\p{Lu}'’.-]{0,24}){1,3}"
_CAPS_LINE = regex.compile(
    r"(?P<n>" + _CAPS_NAME + r")(?:\x20?[|,/]\x20?(?P<n>" + _CAPS_NAME + r")){0,2}", regex.VERSION1
)


def _part_kind(part: str) -> str | None:
    """The kind of one ``/``-separated part of a bracket: star, agency, code, outlet or name."""
    if set(part) <= {"*"}:
        return "star"
    if part.lower() in agency_codes() or part.lower() in agency_names():
        return "agency"
    if credit_patterns()["code"].fullmatch(part):
        # "(red)", "(rls)": the desk or a press release, consumed without naming anyone
        return "star" if part in non_name_words() else "code"
    if is_outlet(part):
        return "outlet"
    return "name" if valid_name(part) else None


def _parse_group(text: str, s: int, e: int) -> list[tuple[int, int, str]] | None:
    """Parse a bracket credit ``text[s:e]`` (inside the brackets).

    Returns:
        A list of ``(start, end, kind)`` with kind ``code``, ``name``, ``agency``, ``outlet`` or ``star``;
        ``None`` when the bracket is not a credit (``(Dusun Sambigelar)``, ``(Berita Kerja Sama)``).
    """
    parts = []
    start = s
    for i in range(s, e):
        if text[i] == "/":
            parts.append((start, i))
            start = i + 1
    parts.append((start, e))
    if len(parts) > 4:
        return None
    out = []
    for a, b in parts:
        while a < b and text[a] in " \xa0\t":
            a += 1
        while b > a and text[b - 1] in " \xa0\t":
            b -= 1
        kind = _part_kind(text[a:b]) if b > a else None
        if kind is None:
            return None
        out.append((a, b, kind))
    if all(k == "outlet" for _a, _b, k in out):
        return None
    return out


def _group_bylines(text: str, s: int, e: int, parsed: list[tuple[int, int, str]]) -> list[dict]:
    """Roles for the parts of one bracket credit: first person writer, last editor, agency codes."""
    people = [(a, b, k) for a, b, k in parsed if k in ("code", "name")]
    star = any(k == "star" for _a, _b, k in parsed)
    outlet = any(k == "outlet" for _a, _b, k in parsed)
    credit = (s - 1, e + 1)
    out = [make_credit(text, a, b, "agency", credit, "bracket") for a, b, k in parsed if k == "agency"]
    for i, (a, b, _k) in enumerate(people):
        if star and len(people) == 1:
            role = "editor"  # (*/hbb): a press release edited by hbb
        elif i == 0 or outlet:
            role = "writer"
        elif i == len(people) - 1:
            role = "editor"
        else:
            role = "contributor"
        out.append(make_credit(text, a, b, role, credit, "bracket"))
    return out


def _caps_line(text: str, end: int, lo: int) -> list[dict]:
    """A last line of capitalised names (Tempo's ``ANDI SAPUTRA | BUDI HARTONO``): writers."""
    ls = text.rfind("\n", lo, end) + 1
    if ls <= lo or end - ls > 70:
        return []
    m = _CAPS_LINE.fullmatch(text, ls, end)
    if not m:
        return []
    out = []
    for a, b in m.spans("n"):
        name = text[a:b]
        if valid_name(name.title()) and not is_outlet(name):
            out.append(make_credit(text, a, b, "writer", (ls, end), "caps_line"))
    return out


def _jump(text: str, pos: int, ranges: list[list]) -> int | None:
    """Where a boilerplate range that ``pos`` lies inside or right after starts (credit lines aside)."""
    r = next((r for r in reversed(ranges) if r[0] < pos <= r[1] and r[2] != "credit"), None)
    if r is None:
        r = next((r for r in reversed(ranges) if r[0] < pos <= r[1] and text[r[1] - 1] not in ")]"), None)
    return None if r is None else r[0]


def _closes_paragraph(text: str, op: int, lo: int) -> bool:
    """The bracket at ``op`` follows a sentence end, another bracket or a line break."""
    j = op
    while j > lo and text[j - 1] in " \xa0\t":
        j -= 1
    return not (j > lo and text[j - 1] not in _PARAGRAPH_END and j > 0)


def _bracket_at(text: str, pos: int, lo: int) -> tuple[int, list[tuple[int, int, str]]] | None:
    """The bracket credit ending at ``pos``: ``(its opening position, its parts)``, or ``None``."""
    ch = text[pos - 1]
    op = text.rfind(_OPEN[ch], max(lo, pos - _BRACKET_REACH), pos - 1)
    if op < 0 or "\n" in text[op:pos]:
        return None
    parsed = _parse_group(text, op + 1, pos - 1)
    return None if parsed is None else (op, parsed)


def _trailing_groups(text: str, boiler: list[list]) -> list[dict]:
    """Bracket credits at the end of the article's content (boilerplate skipped)."""
    lo = max(0, len(text) - TAIL_WINDOW)
    ranges = sorted((r for r in boiler if r[1] > lo), key=lambda r: r[0])
    out: list[dict] = []
    pos = len(text)
    first_text = None
    for _step in range(_MAX_GROUPS):
        while pos > lo and text[pos - 1].isspace():
            pos -= 1
        if pos <= lo:
            break
        # inside or right after a boilerplate range: jump over it (credit lines are parsed elsewhere)
        jump = _jump(text, pos, ranges)
        if jump is not None:
            pos = jump
            continue
        if text[pos - 1] not in _OPEN:
            if first_text is None:
                out.extend(_caps_line(text, pos, lo))
            break
        bracket = _bracket_at(text, pos, lo)
        if bracket is None:
            break
        op, parsed = bracket
        is_codes = all(k in ("code", "star", "agency") for _a, _b, k in parsed)
        if first_text is not None and not (is_codes or text[op:pos] == first_text):
            break
        # the credit closes a paragraph: a sentence end, another bracket or a line break before it
        if not _closes_paragraph(text, op, lo):
            break
        out.extend(_group_bylines(text, op + 1, pos - 1, parsed))
        if any(k != "star" for _a, _b, k in parsed):
            first_text = first_text or text[op:pos]
        pos = op
    return out


def find_bylines(text: str, boilerplate: list[list] | None = None) -> list[dict]:
    """Find the credited journalists and agencies of an article.

    Args:
        text: the article text.
        boilerplate: the ``[start, end, kind]`` ranges of :func:`.boilerplate.find_boilerplate`
            (computed when ``None``).

    Returns:
        Byline dicts ``{name, role, text, start, end, rule, name_start, name_end}`` in text
        order, one per (name, role). Line ends may be ``\\n``, ``\\r\\n`` or ``\\r``: the
        credits are the same, with offsets into ``text``.

    Raises:
        TypeError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: must be a str, not {type(text).__name__}")
    lines = line_breaks(text)
    if boilerplate is None:
        ranges = scan_boilerplate(lines.text)
    else:
        ranges = [[lines.normal(r[0]), lines.normal(r[1]), *r[2:]] for r in boilerplate]
    return [_in_original(text, lines, b) for b in _scan_bylines(lines.text, ranges)]


def _in_original(text: str, lines: LineBreaks, credit: dict) -> dict:
    """A credit found in ``lines.text`` with its offsets and text in the original ``text``."""
    start, end = lines.original(credit["start"]), lines.original(credit["end"])
    name_start, name_end = lines.original(credit["name_start"]), lines.original(credit["name_end"])
    return {
        **credit,
        "name": text[name_start:name_end],
        "text": text[start:end],
        "start": start,
        "end": end,
        "name_start": name_start,
        "name_end": name_end,
    }


def _scan_bylines(text: str, boilerplate: list[list]) -> list[dict]:
    """:func:`find_bylines` on a text whose line ends are all ``\\n``."""
    n = len(text)
    head = (0, min(n, HEAD_WINDOW))
    tail = (max(head[1], n - TAIL_WINDOW), n)
    found: list[dict] = []
    for lo, hi in (head, tail):
        if hi > lo:
            found.extend(b for _s, _e, b in laporan_credit(text, lo, hi) if b)
            found.extend(labelled_credits(text, lo, hi))
    found.extend(_trailing_groups(text, boilerplate))
    found.sort(key=lambda b: b["name_start"])
    out, seen = [], set()
    for b in found:
        key = (" ".join(b["name"].lower().split()), b["role"])
        if key in seen or not b["name"]:
            continue
        seen.add(key)
        out.append(b)
    return out


def credit_ranges(text: str, boilerplate: list[list]) -> list[tuple[int, int, str]]:
    """The credits of :func:`find_bylines` as ``(start, end, "credit")`` ranges, boilerplate of their own."""
    return [(b["start"], b["end"], "credit") for b in find_bylines(text, boilerplate)]
