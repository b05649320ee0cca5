"""Component ``kalbar_bylines``: the journalists and agencies credited for an article.

Indonesian outlets credit their staff at the start and at the end of the copy:

* a reporter line before the dateline: ``Laporan Wartawan Tribun Pontianak, Rizky``,
  ``Laporan Reporter POS-KUPANG.COM, Eklesia Mei``, ``Laporan Sara Masroni | Banda Aceh``
  (role ``reporter``; ``Laporan Kontributor ...`` gives ``contributor``);
* labelled credit lines: ``Editor: Ali Amrizal``, ``Penulis: ...``, ``Pewarta: ...``,
  ``Reporter: X | Editor: Y``, ``Foto: ANTARA/Name``, ``Source:``/``Via:`` (the role words
  are in ``resources/byline_roles.tsv``);
* a credit in brackets closing the last paragraph: ``(Adi LC)``, ``(mey)``, ``[isa/but]``
  (writer/editor codes), ``(dai/dai)``, ``(*/hbb)`` (a press release edited by ``hbb``),
  ``(Banjarmasinpost.co.id/Rizki Fadillah)`` (outlet/writer), ``(ant)`` (agency code from
  ``resources/agency_codes.tsv``). ``(*)`` closes an article without naming anyone.

Only the first and last few thousand characters are read, and the end of the
article is found by skipping the boilerplate ranges of ``kalbar_boilerplate``
(``Baca juga``, tag lists, share prompts), which are never taken as names.
A candidate name is checked against ``resources/byline_nonnames.tsv``
(``(Berita Kerja Sama)``, ``Foto: Istimewa`` are not bylines).

Writes ``doc._.kalbar_bylines`` (list of ``{name, role, text, start, end, rule,
name_start, name_end}``: ``text == doc.text[start:end]`` is the credit as written,
``(Adi LC)``, as the record schema asks; ``name_start``/``name_end`` locate the name
inside it) and ``doc.spans["kalbar_bylines"]`` (the names, label = role), and adds the
credits to ``doc._.kalbar_boilerplate`` as kind ``credit``.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from .dateline import DOMAIN, outlet_lexicon, outlet_pattern

ROLES = ("writer", "reporter", "editor", "photographer", "contributor", "agency")
HEAD_WINDOW = 400
TAIL_WINDOW = 4000
_V1 = regex.VERSION1
_H = r"[^\S\n]"


def _read_tsv(name: str, header: list[str]) -> list[list[str]]:
    path = resources.files("kalbar_nlp") / "resources" / name
    with path.open(encoding="utf-8") as fh:
        lines = [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or rows[0][: len(header)] != header:
        raise ValueError(f"{name}: header must be {header}, got {rows[0] if rows else None}")
    for i, row in enumerate(rows[1:], start=2):
        if len(row) < len(header) or not all(c.strip() for c in row[: len(header)]):
            raise ValueError(
                f"{name}: row {i} must have {len(header)} non-empty tab-separated columns, got {row}"
            )
    return rows[1:]


@functools.cache
def role_words() -> dict[str, str]:
    """``resources/byline_roles.tsv``: lower-cased label -> role."""
    out = {}
    for row in _read_tsv("byline_roles.tsv", ["label", "role"]):
        if row[1] not in ROLES:
            raise ValueError(f"byline_roles.tsv: role of {row[0]!r} must be one of {ROLES}, got {row[1]!r}")
        out[row[0].strip().lower()] = row[1]
    return out


@functools.cache
def agency_codes() -> dict[str, str]:
    """``resources/agency_codes.tsv``: lower-cased code -> agency."""
    return {
        row[0].strip().lower(): row[1].strip() for row in _read_tsv("agency_codes.tsv", ["code", "agency"])
    }


@functools.cache
def non_name_words() -> frozenset[str]:
    """``resources/byline_nonnames.tsv``: words that are never part of a credited name."""
    return frozenset(row[0].strip().lower() for row in _read_tsv("byline_nonnames.tsv", ["word", "why"]))


@functools.cache
def _agency_names() -> frozenset[str]:
    return frozenset(w.lower() for w, k in outlet_lexicon() if k == "agency") | frozenset(
        a.lower() for a in agency_codes().values()
    )


@functools.cache
def _rx() -> dict[str, regex.Pattern]:
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
        "caps_domain": regex.compile(
            r"\p{Lu}[\p{Lu}\p{N}-]{1,40}\.(?:\x20)?(?:CO\.ID|COM|CO|ID|NET)(?![\p{L}])", _V1
        ),
        "code": regex.compile(r"[a-z]{1,6}", _V1),
        "name_token": regex.compile(
            r"(?:\p{Lu}[\p{L}'’.-]{0,24}|\p{Lu}\.|(?:bin|binti|van|de|al|el|da|dos))", _V1
        ),
    }


_PARTICLES = frozenset({"bin", "binti", "van", "de", "al", "el", "da", "dos", "von"})


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
    rx = _rx()
    if allow_code and rx["code"].fullmatch(s):
        return s not in non_name_words()
    if rx["domain"].search(s):
        return False
    tokens = s.split()
    if not 1 <= len(tokens) <= 5:
        return False
    bad = non_name_words()
    capitalised = 0
    for t in tokens:
        low = t.strip(".,'’").lower()
        if low in bad:
            return False
        if t.lower() in _PARTICLES:
            continue
        if not rx["name_token"].fullmatch(t) or any(c.isdigit() for c in t):
            return False
        capitalised += 1
    if capitalised == 0:
        return False
    # a lone acronym ("(CSR)", "(ADV)") is not a name
    return not (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1)


def _is_outlet(s: str) -> bool:
    return bool(_rx()["outlet"].fullmatch(s.strip()))


def _byline(text: str, s: int, e: int, role: str, credit: tuple[int, int], rule: str) -> dict:
    """A byline dict: the name ``text[s:e]`` inside the whole credit ``text[credit[0]:credit[1]]``.

    ``start``/``end`` locate the credit as written (``text``), as the record schema asks
    (``{"name": "Adi LC", "text": "(Adi LC)", ...}``); ``name_start``/``name_end`` locate the name.
    """
    while s < e and text[s] in " \xa0\t\n,.:":
        s += 1
    while e > s and text[e - 1] in " \xa0\t\n,.:":
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


def _labelled(text: str, lo: int, hi: int) -> list[dict]:
    """Labelled credits (``Editor: Ali``) in ``text[lo:hi]``."""
    out = []
    roles = role_words()
    agencies = _agency_names()
    for m in _rx()["labelled"].finditer(text, lo, hi, timeout=1.0):
        label = " ".join(m.group("label").lower().split())
        role = roles.get(label)
        if role is None:
            continue
        vs, ve = m.span("value")
        credit = (m.start("label"), ve)
        for a, b in _split_names(text, vs, ve):
            part = text[a:b].strip(" \xa0\t.")
            if not part:
                continue
            if part.lower() in agencies:
                if role != "photographer":  # "Foto: ANTARA/Nama": the photographer is the credit
                    out.append(_byline(text, a, b, "agency", credit, "labelled"))
            elif role == "agency":
                continue  # "Sumber: data BPS" and the like: only news agencies are credited
            elif _is_outlet(part):
                continue
            elif valid_name(part):
                out.append(_byline(text, a, b, role, credit, "labelled"))
    return out


def laporan_credit(text: str, lo: int, hi: int) -> list[tuple[int, int, dict | None]]:
    """Reporter lines (``Laporan Wartawan X, Name``) starting a line in ``text[lo:hi]``.

    Returns:
        ``(start, end, byline or None)`` for each reporter line; the credit ends
        after the name (and the ``| Place`` that Serambinews adds), before a dateline glued to it.
    """
    rx = _rx()
    out = []
    for m in rx["laporan"].finditer(text, lo, hi, timeout=1.0):
        rest_s, rest_e = m.span("rest")
        role_word = (m.group("role") or "").lower()
        role = "contributor" if role_word in ("kontributor", "koresponden") else "reporter"
        rest = text[rest_s:rest_e]
        comma = rest.find(",")
        if comma >= 0 and comma <= 60:
            ns = rest_s + comma + 1
        elif role_word:
            continue  # "Laporan Wartawan X" without "outlet, name": cannot tell outlet from name
        else:
            ns = rest_s
        # the name runs to the end of the line, a "|" separator, or a glued dateline (ALLCAPS.COM)
        ne = rest_e
        glued = rx["caps_domain"].search(text, ns, rest_e)
        if glued:
            ne = glued.start()
        bar = regex.search(r"\s(?:\||I(?=\s+\p{Lu}))\s", text[ns:ne], flags=_V1)
        credit_end = ne
        if bar:
            ne = ns + bar.start()
        while credit_end > ns and text[credit_end - 1].isspace():
            credit_end -= 1
        name = text[ns:ne].strip(" \xa0\t.,")
        if not valid_name(name):
            if not role_word:
                continue  # "Laporan keuangan ..." is a sentence, not a credit
            out.append((m.start("head"), credit_end, None))
            continue
        out.append(
            (
                m.start("head"),
                credit_end,
                _byline(text, ns, ne, role, (m.start("head"), credit_end), "laporan"),
            )
        )
    return out


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
    codes = agency_codes()
    out = []
    rx = _rx()
    for a, b in parts:
        while a < b and text[a] in " \xa0\t":
            a += 1
        while b > a and text[b - 1] in " \xa0\t":
            b -= 1
        p = text[a:b]
        if not p:
            return None
        if set(p) <= {"*"}:
            out.append((a, b, "star"))
        elif p.lower() in codes or p.lower() in _agency_names():
            out.append((a, b, "agency"))
        elif rx["code"].fullmatch(p):
            # "(red)", "(rls)": the desk or a press release, consumed without naming anyone
            out.append((a, b, "star" if p in non_name_words() else "code"))
        elif _is_outlet(p):
            out.append((a, b, "outlet"))
        elif valid_name(p):
            out.append((a, b, "name"))
        else:
            return None
    if all(k == "outlet" for _a, _b, k in out):
        return None
    return out


def _group_bylines(text: str, s: int, e: int, parsed: list[tuple[int, int, str]]) -> list[dict]:
    """Roles for the parts of one bracket credit: first person writer, last editor, agency codes."""
    people = [(a, b, k) for a, b, k in parsed if k in ("code", "name")]
    star = any(k == "star" for _a, _b, k in parsed)
    outlet = any(k == "outlet" for _a, _b, k in parsed)
    out = []
    for a, b, k in parsed:
        if k == "agency":
            out.append(_byline(text, a, b, "agency", (s - 1, e + 1), "bracket"))
    for i, (a, b, _k) in enumerate(people):
        if star and len(people) == 1:
            role = "editor"  # (*/hbb): a press release edited by hbb
        elif i == 0 or outlet:
            role = "writer"
        elif i == len(people) - 1:
            role = "editor"
        else:
            role = "contributor"
        out.append(_byline(text, a, b, role, (s - 1, e + 1), "bracket"))
    return out


_OPEN = {")": "(", "]": "["}


_CAPS_NAME = r"\p{Lu}[\p{Lu}'’.-]{0,24}(?:\x20\p{Lu}[\p{Lu}'’.-]{0,24}){1,3}"
_CAPS_LINE = regex.compile(
    r"(?P<n>" + _CAPS_NAME + r")(?:\x20?[|,/]\x20?(?P<n>" + _CAPS_NAME + r")){0,2}", _V1
)


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
        if valid_name(name.title()) and not _is_outlet(name):
            out.append(_byline(text, a, b, "writer", (ls, end), "caps_line"))
    return out


def _trailing_groups(text: str, boiler: list[list]) -> list[dict]:
    """Bracket credits at the end of the article's content (boilerplate skipped)."""
    n = len(text)
    lo = max(0, n - TAIL_WINDOW)
    ranges = sorted((r for r in boiler if r[1] > lo), key=lambda r: r[0])
    out: list[dict] = []
    pos = n
    seen_credit = False
    first_text = None
    for _step in range(60):
        while pos > lo and text[pos - 1].isspace():
            pos -= 1
        if pos <= lo:
            break
        # inside or right after a boilerplate range: jump over it (credit lines are parsed elsewhere)
        r = next((r for r in reversed(ranges) if r[0] < pos <= r[1] and r[2] != "credit"), None)
        if r is None:
            r = next((r for r in reversed(ranges) if r[0] < pos <= r[1] and text[r[1] - 1] not in ")]"), None)
        if r is not None:
            pos = r[0]
            continue
        ch = text[pos - 1]
        if ch not in _OPEN:
            if not seen_credit:
                out.extend(_caps_line(text, pos, lo))
            break
        op = text.rfind(_OPEN[ch], max(lo, pos - 90), pos - 1)
        if op < 0 or "\n" in text[op:pos]:
            break
        parsed = _parse_group(text, op + 1, pos - 1)
        if parsed is None:
            break
        group_text = text[op:pos]
        is_codes = all(k in ("code", "star", "agency") for _a, _b, k in parsed)
        if seen_credit and not (is_codes or group_text == first_text):
            break
        # the credit closes a paragraph: a sentence end, another bracket or a line break before it
        j = op
        while j > lo and text[j - 1] in " \xa0\t":
            j -= 1
        if j > lo and text[j - 1] not in ".!?\"”’'\n)]*" and j > 0:
            break
        out.extend(_group_bylines(text, op + 1, pos - 1, parsed))
        if any(k != "star" for _a, _b, k in parsed):
            seen_credit = True
            first_text = first_text or group_text
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
        order, one per (name, role).

    Raises:
        TypeError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: must be a str, not {type(text).__name__}")
    if boilerplate is None:
        from .boilerplate import find_boilerplate

        boilerplate = find_boilerplate(text)
    n = len(text)
    head = (0, min(n, HEAD_WINDOW))
    tail = (max(head[1], n - TAIL_WINDOW), n)
    found: list[dict] = []
    for lo, hi in (head, tail):
        if hi > lo:
            found.extend(b for _s, _e, b in laporan_credit(text, lo, hi) if b)
            found.extend(_labelled(text, lo, hi))
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


class BylineFinder:
    """Writes ``doc._.kalbar_bylines`` and ``doc.spans["kalbar_bylines"]``; marks credits as boilerplate."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        _rx()  # load the lexicons and compile once, at pipeline build time

    def __call__(self, doc: Doc) -> Doc:
        from .boilerplate import merge_ranges, set_spans

        boiler = doc._.kalbar_boilerplate
        bylines = find_bylines(doc.text, boiler)
        doc._.kalbar_bylines = [
            {k: b[k] for k in ("name", "role", "text", "start", "end", "rule", "name_start", "name_end")}
            for b in bylines
        ]
        set_spans(doc, "kalbar_bylines", [(b["name_start"], b["name_end"], b["role"]) for b in bylines])
        if bylines:
            extra = [(b["start"], b["end"], "credit") for b in bylines]
            merged = merge_ranges(doc.text, [tuple(r) for r in (boiler or [])] + extra)
            doc._.kalbar_boilerplate = merged
            set_spans(doc, "kalbar_boilerplate", [tuple(r) for r in merged])
        return doc


@Language.factory("kalbar_bylines", default_config={})
def make_bylines(nlp: Language, name: str) -> BylineFinder:
    """Create the ``kalbar_bylines`` component."""
    return BylineFinder(nlp, name)
