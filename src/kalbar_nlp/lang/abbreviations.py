"""The abbreviation lexicon (``resources/abbreviations.tsv``), loaded once and checked for shape."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..lexicons.table import LexiconError, parse_table, read_table

RESOURCE = "abbreviations.tsv"
KINDS = frozenset({"honorific", "degree", "rank", "place", "ref", "company", "month", "other"})
ENDS = frozenset({"never", "maybe"})
COLUMNS = ("form", "kind", "ends_sentence", "meaning")
_REQUIRED = ("form", "kind", "ends_sentence")


@dataclass(frozen=True)
class Abbreviation:
    """One abbreviation written with a period (``Kab.``, ``S.H.``)."""

    form: str
    kind: str
    ends_sentence: str  # "never" or "maybe"
    meaning: str


def _build(rows: list[dict[str, str]], source: str) -> dict[str, Abbreviation]:
    """Check the rows of the abbreviation table and key them by form."""
    out: dict[str, Abbreviation] = {}
    for row in rows:
        form, kind, ends = row["form"], row["kind"], row["ends_sentence"]
        if not form.endswith(".") or len(form) < 2 or any(char.isspace() for char in form):
            raise LexiconError(f"{source}: form {form!r} must end with '.' and contain no spaces")
        if kind not in KINDS:
            raise LexiconError(f"{source}: kind {kind!r} of {form!r} is not one of {sorted(KINDS)}")
        if ends not in ENDS:
            raise LexiconError(f"{source}: ends_sentence {ends!r} of {form!r} is not one of {sorted(ENDS)}")
        if form in out:
            raise LexiconError(f"{source}: form {form!r} is listed twice")
        out[form] = Abbreviation(form, kind, ends, row["meaning"])
    if not out:
        raise LexiconError(f"{source}: no abbreviations found")
    return out


def parse_abbreviations(text: str, source: str = RESOURCE) -> dict[str, Abbreviation]:
    """Parse the TSV text of the abbreviation lexicon.

    Args:
        text: the file's content (``#`` comment lines and the header line ``form, kind,
            ends_sentence, meaning``).
        source: the file name, for error messages.

    Returns:
        A dict from form (as written) to :class:`Abbreviation`.

    Raises:
        ValueError: a line has the wrong number of columns, an unknown kind or
            ``ends_sentence`` value, a form without a final period or with
            whitespace, or a form listed twice.
    """
    return _build(parse_table(text, source, COLUMNS, required=_REQUIRED), source)


@functools.cache
def abbreviations() -> dict[str, Abbreviation]:
    """Return the packaged abbreviation lexicon (read once per process)."""
    return _build(read_table(RESOURCE, COLUMNS, required=_REQUIRED), RESOURCE)


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
