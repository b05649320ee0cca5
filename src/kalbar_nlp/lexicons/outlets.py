"""The outlets of ``resources/outlets.tsv`` and the shape of an outlet's web domain.

An outlet is either a web domain (``TRIBUNPONTIANAK.CO.ID``, ``Liputan6.com``, ``POS-KUPANG. COM``),
recognised by its shape, or a name from ``outlets.tsv`` (``KalbarOnline``, ``CNN Indonesia``,
``ANTARA``: ``written<TAB>kind<TAB>note`` with kind ``outlet`` or ``agency``). Datelines and
credits read both.
"""

from __future__ import annotations

import functools

import regex

from .table import LexiconError, read_table

OUTLET_KINDS = ("outlet", "agency")

#: The top-level domains of news sites.
TLD = r"(?:co\.id|or\.id|go\.id|web\.id|my\.id|com|co(?!\.id\b)|id|net|org|news|info|tv|asia)"
#: A web domain as outlets print it: KOMPAS.com, TRIBUN-BALI.COM, BANJARMASINPOST.CO.ID, POS-KUPANG. COM.
DOMAIN = (
    r"(?:[\p{L}\p{N}][\p{L}\p{N}-]{0,40}\.)?(?!(?i:co|or|go|web|my|ac|sch)\.(?i:id)\b)"
    r"[\p{L}\p{N}][\p{L}\p{N}-]{1,40}"
    r"\.(?:\x20(?=COM\b))?(?i:" + TLD + r")(?![\p{L}\p{N}-])"
)
#: A domain in capitals glued to the text before it (``... Name TRIBUNNEWS.COM, BOGOR``).
CAPS_DOMAIN = r"\p{Lu}[\p{Lu}\p{N}-]{1,40}\.(?:\x20)?(?:CO\.ID|COM|CO|ID|NET)(?![\p{L}])"


@functools.cache
def outlet_lexicon() -> tuple[tuple[str, str], ...]:
    """The outlet names of ``resources/outlets.tsv`` as ``(written, kind)``, longest first.

    Raises:
        LexiconError: the header is not ``written, kind, note``, a name is empty or a kind is
            not ``outlet`` or ``agency``.
    """
    rows: list[tuple[str, str]] = []
    for row in read_table("outlets.tsv", ("written", "kind", "note"), required=("written", "kind"), pad=True):
        if row["kind"] not in OUTLET_KINDS:
            raise LexiconError(f"resources/outlets.tsv: kind must be outlet or agency, not {row['kind']!r}")
        rows.append((row["written"], row["kind"]))
    rows.sort(key=lambda row: -len(row[0]))
    return tuple(rows)


@functools.cache
def outlet_pattern() -> str:
    """Regex source that matches an outlet: a domain or a lexicon name (case-insensitive, whole words)."""
    names = "|".join(
        regex.escape(written).replace(r"\ ", r"[\x20\xa0]") for written, _kind in outlet_lexicon()
    )
    return r"(?:" + DOMAIN + r"|(?i:(?:" + names + r"))(?![\p{L}\p{N}]))"
