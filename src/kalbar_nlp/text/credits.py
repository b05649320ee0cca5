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
    label_rx = "|".join(regex.escape(lb).replace(r"\ ", _H + "+") for lb in labels if lb not in ("laporan",))
    return {
        # "Editor: Ali", "(Reporter: A | Editor: B)", "Source:\nName"
        "labelled": regex.compile(
            r"(?:^|(?<=[|;(])|(?<=[|;]"
            + _H
            + r"))"
            + _H
            + r"*\(?(?P<label>(?i:"
            + label_rx
            + r"))"
            + _H
            + r"*:"
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
        if not name_token.fullmatch(token) or any(c.isdigit() for c in token):
            return False
        capitalised += 1
    return capitalised > 0


def valid_name(s: str, *, allow_code: bool = False) -> bool:
    """Whether ``s`` looks like a credited person's name (or, with ``allow_code``, a staff code).

    Args:
        s: the candidate, without the role word.
        allow_code: accept a lower-case staff code such as ``mey`` or ``dai``.

    Returns:
        True for ``Adi LC``, ``Fersianus Waku``, ``Sa'dul Bahri`` (and ``mey`` with ``allow_code``);
        False for captions, sentences, outlets and the words of ``byline_nonnames.tsv``.
    """
    s = s.strip()
    if not s or len(s) > 60:
        return False
    patterns = credit_patterns()
    if allow_code and patterns["code"].fullmatch(s):
        return s not in non_name_words()
    if patterns["domain"].search(s):
        return False
    tokens = s.split()
    if not 1 <= len(tokens) <= 5 or not _name_tokens_ok(tokens):
        return False
    # a lone acronym ("(CSR)", "(ADV)") is not a name
    return not (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1)


def is_outlet(s: str) -> bool:
    """Whether ``s`` is an outlet's domain or name."""
    return bool(credit_patterns()["outlet"].fullmatch(s.strip()))


def make_credit(text: str, s: int, e: int, role: str, credit: tuple[int, int], rule: str) -> dict:
    """A credit dict: the name ``text[s:e]`` inside the whole credit ``text[credit[0]:credit[1]]``.

    ``start``/``end`` locate the credit as written (``text``), as the record schema asks
    (``{"name": "Adi LC", "text": "(Adi LC)", ...}``); ``name_start``/``name_end`` locate the name.
    """
    while s < e and text[s] in _NAME_EDGE:
        s += 1
    while e > s and text[e - 1] in _NAME_EDGE:
        e -= 1
    return {
        "name": text[s:e],
        "role": role,
        "text": text[credit[0] : credit[1]],
        "start": credit[0],
        "end": credit[1],
        "rule": rule,
        "name_start": s,
        "name_end": e,
    }


def _split_names(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split ``text[s:e]`` at ``/``, ``,``, ``&`` and `` dan `` into name ranges."""
    out = []
    start = s
    for m in regex.finditer(r"\s*(?:/|,|&|\bdan\b)\s*", text[s:e]):
        out.append((start, s + m.start()))
        start = s + m.end()
    out.append((start, e))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _labelled_role(part: str, role: str) -> str | None:
    """The role credited for one name of a labelled credit, or ``None`` when it is no credit."""
    if part.lower() in agency_names():
        # "Foto: ANTARA/Nama": the photographer is the credit, not the agency
        return None if role == "photographer" else "agency"
    if role == "agency" or is_outlet(part):
        return None  # "Sumber: data BPS" and the like: only news agencies are credited
    return role if valid_name(part) else None


def labelled_credits(text: str, lo: int, hi: int) -> list[dict]:
    """Labelled credits (``Editor: Ali``) in ``text[lo:hi]``."""
    out = []
    roles = role_words()
    for m in credit_patterns()["labelled"].finditer(text, lo, hi, timeout=1.0):
        role = roles.get(" ".join(m.group("label").lower().split()))
        if role is None:
            continue
        vs, ve = m.span("value")
        credit = (m.start("label"), ve)
        for a, b in _split_names(text, vs, ve):
            part = text[a:b].strip(" \xa0\t.")
            given = _labelled_role(part, role) if part else None
            if given is not None:
                out.append(make_credit(text, a, b, given, credit, "labelled"))
    return out


def _laporan_name(text: str, m: regex.Match, role_word: str) -> tuple[int, int, int] | None:
    """``(name start, name end, credit end)`` of a reporter line, ``None`` when it names no one."""
    rest_s, rest_e = m.span("rest")
    comma = text.find(",", rest_s, rest_e)
    if 0 <= comma - rest_s <= 60:
        ns = comma + 1
    elif role_word:
        return None  # "Laporan Wartawan X" without "outlet, name": cannot tell outlet from name
    else:
        ns = rest_s
    # the name runs to the end of the line, a "|" separator, or a glued dateline (ALLCAPS.COM)
    patterns = credit_patterns()
    ne = rest_e
    glued = patterns["caps_domain"].search(text, ns, rest_e)
    if glued:
        ne = glued.start()
    credit_end = ne
    bar = patterns["bar"].search(text[ns:ne])
    if bar:
        ne = ns + bar.start()
    while credit_end > ns and text[credit_end - 1].isspace():
        credit_end -= 1
    return ns, ne, credit_end


def laporan_credit(text: str, lo: int, hi: int) -> list[tuple[int, int, dict | None]]:
    """Reporter lines (``Laporan Wartawan X, Name``) starting a line in ``text[lo:hi]``.

    Returns:
        ``(start, end, credit or None)`` for each reporter line; the credit ends
        after the name (and the ``| Place`` that Serambinews adds), before a dateline glued to it.
    """
    out: list[tuple[int, int, dict | None]] = []
    for m in credit_patterns()["laporan"].finditer(text, lo, hi, timeout=1.0):
        role_word = (m.group("role") or "").lower()
        role = "contributor" if role_word in ("kontributor", "koresponden") else "reporter"
        found = _laporan_name(text, m, role_word)
        if found is None:
            continue
        ns, ne, credit_end = found
        start = m.start("head")
        if valid_name(text[ns:ne].strip(" \xa0\t.,")):
            out.append((start, credit_end, make_credit(text, ns, ne, role, (start, credit_end), "laporan")))
        elif role_word:
            out.append((start, credit_end, None))
        # else: "Laporan keuangan ..." is a sentence, not a credit
    return out
