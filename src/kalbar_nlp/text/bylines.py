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

from ..lexicons.bylines import agency_codes, agency_names, non_name_words, role_words
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


def _role_part(text: str, start: int, end: int) -> list[tuple[int, int, str]] | None:
    """A bracket part that opens with a role word: ``Foto`` of ``(Foto/Name)`` (kind ``role:<role>``),
    or ``Kontributor Tribun X Sanggau, Name`` (the role, then the name after the last comma)."""
    words = text[start:end].split()
    role = role_words().get(words[0].lower()) if words else None
    if role is None or role == "agency":
        return None  # "(Sumber X)" credits no one
    head_end = start + text[start:end].index(words[0]) + len(words[0])
    if len(words) == 1:
        return [(start, head_end, f"role:{role}")]
    comma = text.rfind(",", start, end)
    if comma < 0:
        return None
    name_start, name_end = _trim(text, comma + 1, end)
    if not valid_name(text[name_start:name_end]):
        return None
    return [(start, head_end, f"role:{role}"), (name_start, name_end, "name")]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the spaces, tabs and no-break spaces around it."""
    while start < end and text[start] in " \xa0\t":
        start += 1
    while end > start and text[end - 1] in " \xa0\t":
        end -= 1
    return start, end


def _parse_group(text: str, start: int, end: int) -> list[tuple[int, int, str]] | None:
    """Parse a bracket credit ``text[start:end]`` (inside the brackets).

    Returns:
        A list of ``(start, end, kind)`` with kind ``code``, ``name``, ``agency``, ``outlet`` or ``star``;
        ``None`` when the bracket is not a credit (``(Dusun Sambigelar)``, ``(Berita Kerja Sama)``).
    """
    parts = []
    part_start = start
    for index in range(start, end):
        if text[index] == "/":
            parts.append((part_start, index))
            part_start = index + 1
    parts.append((part_start, end))
    if len(parts) > 4:
        return None
    out = []
    for index, part in enumerate(parts):
        part_start, part_end = _trim(text, *part)
        role_led = _role_part(text, part_start, part_end) if index == 0 else None
        if role_led is not None:
            out.extend(role_led)
            continue
        kind = _part_kind(text[part_start:part_end]) if part_end > part_start else None
        if kind is None:
            return None
        out.append((part_start, part_end, kind))
    if all(kind == "outlet" or kind.startswith("role:") for _start, _end, kind in out):
        return None
    return out


def _person_role(index: int, count: int, star: bool, outlet: bool) -> str:
    """The role of the ``index``-th of ``count`` people credited in one bracket."""
    if star and count == 1:
        return "editor"  # (*/hbb): a press release edited by hbb
    if index == 0 or outlet:
        return "writer"
    return "editor" if index == count - 1 else "contributor"


def _group_bylines(text: str, start: int, end: int, parsed: list[tuple[int, int, str]]) -> list[dict]:
    """Roles for the parts of one bracket credit: first person writer, last editor, agency codes."""
    people = [(part_start, part_end) for part_start, part_end, kind in parsed if kind in ("code", "name")]
    kinds = {kind for _start, _end, kind in parsed}
    label = next((kind[5:] for kind in kinds if kind.startswith("role:")), None)
    credit = (start - 1, end + 1)
    out = [
        make_credit(text, part_start, part_end, "agency", credit, "bracket")
        for part_start, part_end, kind in parsed
        if kind == "agency"
    ]
    for index, (part_start, part_end) in enumerate(people):
        role = label or _person_role(index, len(people), "star" in kinds, "outlet" in kinds)
        out.append(make_credit(text, part_start, part_end, role, credit, "bracket"))
    return out


def _caps_line(text: str, end: int, window_start: int) -> list[dict]:
    """A last line of capitalised names (Tempo's ``ANDI SAPUTRA | BUDI HARTONO``): writers."""
    line_start = text.rfind("\n", window_start, end) + 1
    if line_start <= window_start or end - line_start > 70:
        return []
    match = _CAPS_LINE.fullmatch(text, line_start, end)
    if not match:
        return []
    out = []
    for name_start, name_end in match.spans("n"):
        name = text[name_start:name_end]
        if valid_name(name.title()) and not is_outlet(name):
            out.append(make_credit(text, name_start, name_end, "writer", (line_start, end), "caps_line"))
    return out


def _jump(text: str, pos: int, ranges: list[list]) -> int | None:
    """Where a boilerplate range that ``pos`` lies inside or right after starts (credit lines aside)."""
    around = [item for item in reversed(ranges) if item[0] < pos <= item[1]]
    found = next((item for item in around if item[2] != "credit"), None)
    if found is None:
        found = next((item for item in around if text[item[1] - 1] not in ")]"), None)
    return None if found is None else found[0]


def _closes_paragraph(text: str, opening: int, window_start: int) -> bool:
    """The bracket at ``opening`` follows a sentence end, another bracket or a line break."""
    before = opening
    while before > window_start and text[before - 1] in " \xa0\t":
        before -= 1
    return not (before > window_start and text[before - 1] not in _PARAGRAPH_END and before > 0)


def _bracket_at(text: str, pos: int, window_start: int) -> tuple[int, list[tuple[int, int, str]]] | None:
    """The bracket credit ending at ``pos``: ``(its opening position, its parts)``, or ``None``."""
    opening = text.rfind(_OPEN[text[pos - 1]], max(window_start, pos - _BRACKET_REACH), pos - 1)
    if opening < 0 or "\n" in text[opening:pos]:
        return None
    parsed = _parse_group(text, opening + 1, pos - 1)
    return None if parsed is None else (opening, parsed)


def _trailing_groups(text: str, boiler: list[list]) -> list[dict]:
    """Bracket credits at the end of the article's content (boilerplate skipped)."""
    window_start = max(0, len(text) - TAIL_WINDOW)
    ranges = sorted((item for item in boiler if item[1] > window_start), key=lambda item: item[0])
    # credit codes the boilerplate rules found before a tag list ("... Terikat (dai/dai) pantai lampung")
    marked = {item[0] for item in ranges if item[2] == "credit" and text[item[1] - 1 : item[1]] in _OPEN}
    out: list[dict] = []
    pos = len(text)
    first_text = None
    for _step in range(_MAX_GROUPS):
        while pos > window_start and text[pos - 1].isspace():
            pos -= 1
        if pos <= window_start:
            break
        # inside or right after a boilerplate range: jump over it (credit lines are parsed elsewhere)
        jump = _jump(text, pos, ranges)
        if jump is not None:
            pos = jump
            continue
        if text[pos - 1] not in _OPEN:
            if first_text is None:
                out.extend(_caps_line(text, pos, window_start))
            break
        bracket = _bracket_at(text, pos, window_start)
        if bracket is None:
            break
        opening, parsed = bracket
        kinds = {kind for _start, _end, kind in parsed}
        is_codes = kinds <= {"code", "star", "agency"}
        if first_text is not None and not (is_codes or text[opening:pos] == first_text):
            break
        # the credit closes a paragraph: a sentence end, another bracket or a line break before it
        if opening not in marked and not _closes_paragraph(text, opening, window_start):
            break
        out.extend(_group_bylines(text, opening + 1, pos - 1, parsed))
        if kinds != {"star"}:
            first_text = first_text or text[opening:pos]
        pos = opening
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
        ranges = [[lines.normal(item[0]), lines.normal(item[1]), *item[2:]] for item in boilerplate]
    return [_in_original(text, lines, credit) for credit in _scan_bylines(lines.text, ranges)]


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
    size = len(text)
    head = (0, min(size, HEAD_WINDOW))
    tail = (max(head[1], size - TAIL_WINDOW), size)
    found: list[dict] = []
    for window_start, window_end in (head, tail):
        if window_end > window_start:
            found.extend(
                credit for _start, _end, credit in laporan_credit(text, window_start, window_end) if credit
            )
            found.extend(labelled_credits(text, window_start, window_end))
    found.extend(_trailing_groups(text, boilerplate))
    found.sort(key=lambda credit: credit["name_start"])
    out, seen = [], set()
    for credit in found:
        key = (" ".join(credit["name"].lower().split()), credit["role"])
        if key in seen or not credit["name"]:
            continue
        seen.add(key)
        out.append(credit)
    return out


def credit_ranges(text: str, boilerplate: list[list]) -> list[tuple[int, int, str]]:
    """The credits of :func:`find_bylines` as ``(start, end, "credit")`` ranges, boilerplate of their own."""
    return [(credit["start"], credit["end"], "credit") for credit in find_bylines(text, boilerplate)]
