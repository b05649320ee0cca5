"""The shapes of credit lines: who wrote, reported, edited or photographed an article.

* labelled credits: ``Editor: Ali Amrizal``, ``Reporter: X | Editor: Y``, ``Foto: ANTARA/Name``
  (the labels and their roles are in ``resources/byline_roles.tsv``);
* reporter lines: ``Laporan Wartawan Tribun Pontianak, Rizky``, ``Laporan Sara Masroni | Banda Aceh``.

Both the boilerplate rules (which mark these lines as ``credit``) and the byline rules (which
read the names in them) use this module. A credit is a dict ``{name, role, text, start, end,
rule, name_start, name_end}``: ``text == text[start:end]`` is the credit as written,
``name_start``/``name_end`` locate the name inside it.
"""

from __future__ import annotations

import functools

import regex

from ..lexicons.bylines import agency_names, non_name_words, role_words
from ..lexicons.outlets import CAPS_DOMAIN, DOMAIN, outlet_pattern

_V1 = regex.VERSION1
_H = r"[^\S\n]"
_PARTICLES = frozenset({"bin", "binti", "van", "de", "al", "el", "da", "dos", "von"})
_NAME_EDGE = " \xa0\t\n,.:"
CREDIT_KEYS = ("name", "role", "text", "start", "end", "rule", "name_start", "name_end")


@functools.cache
def credit_patterns() -> dict[str, regex.Pattern]:
    """The compiled credit shapes (built once from the role words and the outlet lexicon)."""
    labels = sorted(role_words(), key=len, reverse=True)
    label_rx = "|".join(
        regex.escape(label).replace(r"\ ", _H + "+") for label in labels if label != "laporan"
    )
    return {
        # "Editor: Ali", "(Reporter: A | Editor: B)", "Source:\nName", "Foto/Name"
        "labelled": regex.compile(
            r"(?:^|(?<=[|;(])|(?<=[|;]"
            + _H
            + r"))"
            + _H
            + r"*\(?(?P<label>(?i:"
            + label_rx
            + r"))"
            + r"(?:"
            + _H
            + r"*:|/(?=\p{Lu}))"  # "Editor: Ali", "Foto/Budi Santoso"
            r"\s{0,8}(?P<value>[^|;()\s][^|;()\n]{0,99})",
            regex.MULTILINE | _V1,
        ),
        # "Laporan Wartawan Tribun Pontianak, Rizky" / "Laporan Sara Masroni | Banda Aceh"
        "laporan": regex.compile(
            r"^"
            + _H
            + r"*(?P<head>(?i:laporan)(?:"
            + _H
            + r"+(?P<role>(?i:wartawan|reporter|kontributor|koresponden"
            r"|jurnalis|pewarta)))?)" + _H + r"+(?P<rest>[^\n]{2,160})",
            regex.MULTILINE | _V1,
        ),
        "outlet": regex.compile(r"(?:" + outlet_pattern() + r")", _V1),
        "domain": regex.compile(DOMAIN, _V1),
        "caps_domain": regex.compile(CAPS_DOMAIN, _V1),
        "code": regex.compile(r"[a-z]{1,6}", _V1),
        "name_token": regex.compile(
            r"(?:\p{Lu}[\p{L}'’.-]{0,24}|\p{Lu}\.|(?:bin|binti|van|de|al|el|da|dos))", _V1
        ),
        "bar": regex.compile(r"\s(?:\||I(?=\s+\p{Lu}))\s", _V1),
    }


def _name_tokens_ok(tokens: list[str]) -> bool:
    """Every token is a capitalised name word or a particle, none a non-name word, one capitalised."""
    bad = non_name_words()
    name_token = credit_patterns()["name_token"]
    capitalised = 0
    for token in tokens:
        if token.strip(".,'’").lower() in bad:
            return False
        if token.lower() in _PARTICLES:
            continue
        if not name_token.fullmatch(token) or any(char.isdigit() for char in token):
            return False
        capitalised += 1
    return capitalised > 0


def valid_name(candidate: str, *, allow_code: bool = False) -> bool:
    """Whether ``s`` looks like a credited person's name (or, with ``allow_code``, a staff code).

    Args:
        candidate: the candidate, without the role word.
        allow_code: accept a lower-case staff code such as ``mey`` or ``dai``.

    Returns:
        True for ``Adi LC``, ``Fersianus Waku``, ``Sa'dul Bahri`` (and ``mey`` with ``allow_code``);
        False for captions, sentences, outlets and the words of ``byline_nonnames.tsv``.
    """
    candidate = candidate.strip()
    if not candidate or len(candidate) > 60:
        return False
    patterns = credit_patterns()
    if allow_code and patterns["code"].fullmatch(candidate):
        return candidate not in non_name_words()
    if patterns["domain"].search(candidate):
        return False
    tokens = candidate.split()
    if not 1 <= len(tokens) <= 5 or not _name_tokens_ok(tokens):
        return False
    # a lone acronym ("(CSR)", "(ADV)") is not a name
    return not (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1)


def is_outlet(candidate: str) -> bool:
    """Whether ``candidate`` is an outlet's domain or name."""
    return bool(credit_patterns()["outlet"].fullmatch(candidate.strip()))


def make_credit(
    text: str, name_start: int, name_end: int, role: str, credit: tuple[int, int], rule: str
) -> dict:
    """A credit dict: the name ``text[name_start:name_end]`` inside the credit ``text[credit[0]:credit[1]]``.

    ``start``/``end`` locate the credit as written (``text``), as the record schema asks
    (``{"name": "Adi LC", "text": "(Adi LC)", ...}``); ``name_start``/``name_end`` locate the name.
    """
    while name_start < name_end and text[name_start] in _NAME_EDGE:
        name_start += 1
    while name_end > name_start and text[name_end - 1] in _NAME_EDGE:
        name_end -= 1
    return {
        "name": text[name_start:name_end],
        "role": role,
        "text": text[credit[0] : credit[1]],
        "start": credit[0],
        "end": credit[1],
        "rule": rule,
        "name_start": name_start,
        "name_end": name_end,
    }


def _split_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at ``/``, ``,``, ``&`` and `` dan `` into name ranges."""
    out = []
    part_start = start
    for separator in regex.finditer(r"\s*(?:/|,|&|\bdan\b)\s*", text[start:end]):
        out.append((part_start, start + separator.start()))
        part_start = start + separator.end()
    out.append((part_start, end))
    return [(part_start, part_end) for part_start, part_end in out if text[part_start:part_end].strip()]


def _labelled_role(part: str, role: str) -> str | None:
    """The role credited for one name of a labelled credit, or ``None`` when it is no credit."""
    if part.lower() in agency_names():
        # "Foto: ANTARA/Nama": the photographer is the credit, not the agency
        return None if role == "photographer" else "agency"
    if role == "agency" or is_outlet(part):
        return None  # "Sumber: data BPS" and the like: only news agencies are credited
    return role if valid_name(part) else None


def labelled_credits(text: str, window_start: int, window_end: int) -> list[dict]:
    """Labelled credits (``Editor: Ali``) in the window ``text[window_start:window_end]``."""
    out = []
    roles = role_words()
    for match in credit_patterns()["labelled"].finditer(text, window_start, window_end, timeout=1.0):
        role = roles.get(" ".join(match.group("label").lower().split()))
        if role is None:
            continue
        value_start, value_end = match.span("value")
        credit = (match.start("label"), value_end)
        for part_start, part_end in _split_names(text, value_start, value_end):
            part = text[part_start:part_end].strip(" \xa0\t.")
            given = _labelled_role(part, role) if part else None
            if given is not None:
                out.append(make_credit(text, part_start, part_end, given, credit, "labelled"))
    return out


def _laporan_name(text: str, match: regex.Match, role_word: str) -> tuple[int, int, int] | None:
    """``(name start, name end, credit end)`` of a reporter line, ``None`` when it names no one."""
    rest_start, rest_end = match.span("rest")
    comma = text.find(",", rest_start, rest_end)
    patterns = credit_patterns()
    outlet = patterns["outlet"].match(text, rest_start, rest_end)
    if 0 <= comma - rest_start <= 60:
        name_start = comma + 1
    elif role_word and outlet is not None and outlet.end() < rest_end and text[outlet.end()] in " \xa0\t":
        name_start = outlet.end()  # "Laporan Wartawan Tribun Pontianak Rizal": the outlet, then the name
    elif role_word:
        return None  # "Laporan Wartawan X" without a known outlet or a comma: cannot tell outlet from name
    else:
        name_start = rest_start
    # the name runs to the end of the line, a "|" separator, or a glued dateline (ALLCAPS.COM)
    name_end = rest_end
    glued = patterns["caps_domain"].search(text, name_start, rest_end)
    if glued:
        name_end = glued.start()
    credit_end = name_end
    bar = patterns["bar"].search(text[name_start:name_end])
    if bar:
        name_end = name_start + bar.start()
    while credit_end > name_start and text[credit_end - 1].isspace():
        credit_end -= 1
    return name_start, name_end, credit_end


def laporan_credit(text: str, window_start: int, window_end: int) -> list[tuple[int, int, dict | None]]:
    """Reporter lines (``Laporan Wartawan X, Name``) starting a line in ``text[window_start:window_end]``.

    Returns:
        ``(start, end, credit or None)`` for each reporter line; the credit ends
        after the name (and the ``| Place`` that Serambinews adds), before a dateline glued to it.
    """
    out: list[tuple[int, int, dict | None]] = []
    for match in credit_patterns()["laporan"].finditer(text, window_start, window_end, timeout=1.0):
        role_word = (match.group("role") or "").lower()
        role = "contributor" if role_word in ("kontributor", "koresponden") else "reporter"
        found = _laporan_name(text, match, role_word)
        if found is None:
            continue
        name_start, name_end, credit_end = found
        start = match.start("head")
        # "Laporan Wartawan X, Rizal Fauzi dan Dedi Saputra": two reporters
        names = [
            (part_start, part_end)
            for part_start, part_end in _split_names(text, name_start, name_end)
            if valid_name(text[part_start:part_end].strip(" \xa0\t.,"))
        ]
        if names and len(names) == len(_split_names(text, name_start, name_end)):
            for part_start, part_end in names:
                credit = make_credit(text, part_start, part_end, role, (start, credit_end), "laporan")
                out.append((start, credit_end, credit))
        elif role_word:
            out.append((start, credit_end, None))
        # else: "Laporan keuangan ..." is a sentence, not a credit
    return out
