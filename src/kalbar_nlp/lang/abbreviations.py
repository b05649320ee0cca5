"""The abbreviation lexicon (``resources/abbreviations.tsv``), loaded once and checked for shape."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

RESOURCE = "abbreviations.tsv"
KINDS = frozenset({"honorific", "degree", "rank", "place", "ref", "company", "month", "other"})
ENDS = frozenset({"never", "maybe"})


@dataclass(frozen=True)
class Abbreviation:
    """One abbreviation written with a period (``Kab.``, ``S.H.``)."""

    form: str
    kind: str
    ends_sentence: str  # "never" or "maybe"
    meaning: str


def parse_abbreviations(text: str, source: str = RESOURCE) -> dict[str, Abbreviation]:
    """Parse the TSV text of the abbreviation lexicon.

    Args:
        text: the file's content (``#`` comment lines and one header line allowed).
        source: the file name, for error messages.

    Returns:
        A dict from form (as written) to :class:`Abbreviation`.

    Raises:
        ValueError: a line has the wrong number of columns, an unknown kind or
            ``ends_sentence`` value, a form without a final period or with
            whitespace, or a form listed twice.
    """
    out: dict[str, Abbreviation] = {}
    header_seen = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if cols[:3] == ["form", "kind", "ends_sentence"]:
                continue
        if len(cols) != 4:
            raise ValueError(f"{source}:{lineno}: expected 4 tab-separated columns, got {len(cols)}")
        form, kind, ends, meaning = (c.strip() for c in cols)
        if not form.endswith(".") or len(form) < 2 or any(ch.isspace() for ch in form):
            raise ValueError(f"{source}:{lineno}: form {form!r} must end with '.' and contain no spaces")
        if kind not in KINDS:
            raise ValueError(f"{source}:{lineno}: kind {kind!r} is not one of {sorted(KINDS)}")
        if ends not in ENDS:
            raise ValueError(f"{source}:{lineno}: ends_sentence {ends!r} is not one of {sorted(ENDS)}")
        if form in out:
            raise ValueError(f"{source}:{lineno}: form {form!r} is listed twice")
        out[form] = Abbreviation(form, kind, ends, meaning)
    if not out:
        raise ValueError(f"{source}: no abbreviations found")
    return out


@functools.cache
def abbreviations() -> dict[str, Abbreviation]:
    """Return the packaged abbreviation lexicon (read once per process)."""
    text = (resources.files("kalbar_nlp") / "resources" / RESOURCE).read_text(encoding="utf-8")
    return parse_abbreviations(text)


def abbreviation_forms() -> list[str]:
    """Every form the tokenizer keeps whole: each listed form and its ALL-CAPS spelling."""
    forms: list[str] = []
    for form in abbreviations():
        forms.append(form)
        upper = form.upper()
        if upper != form:
            forms.append(upper)
    return forms


@functools.cache
def never_ending() -> frozenset[str]:
    """Forms (and their ALL-CAPS spellings) after which a sentence never ends."""
    out: set[str] = set()
    for form, abbr in abbreviations().items():
        if abbr.ends_sentence == "never":
            out.update({form, form.upper()})
    return frozenset(out)
