"""The credit lexicons: role words, agency codes and words that are never part of a name.

* ``resources/byline_roles.tsv`` (``label, role``): the label before ``:`` or after ``Laporan``
  and the role it gives (``Editor`` -> editor, ``Pewarta`` -> reporter);
* ``resources/agency_codes.tsv`` (``code, agency``): credit codes of news agencies (``ant``);
* ``resources/byline_nonnames.tsv`` (``word, why``): words of captions and desks
  (``Berita Kerja Sama``, ``Istimewa``, ``Tim Redaksi``), never in a credited name.
"""

from __future__ import annotations

import functools

from .outlets import outlet_lexicon
from .table import LexiconError, read_table

ROLES = ("writer", "reporter", "editor", "photographer", "contributor", "agency")


def _rows(name: str, columns: tuple[str, str]) -> list[dict[str, str]]:
    return read_table(name, columns, required=columns)


@functools.cache
def role_words() -> dict[str, str]:
    """``resources/byline_roles.tsv``: lower-cased label -> role.

    Raises:
        LexiconError: a role is not one of :data:`ROLES`.
    """
    out = {}
    for row in _rows("byline_roles.tsv", ("label", "role")):
        if row["role"] not in ROLES:
            raise LexiconError(
                f"resources/byline_roles.tsv: role of {row['label']!r} must be one of {ROLES}, "
                f"got {row['role']!r}"
            )
        out[row["label"].lower()] = row["role"]
    return out


@functools.cache
def role_labels() -> tuple[str, ...]:
    """The labels of ``resources/byline_roles.tsv`` as written (``Editor``, ``Pewarta Foto``)."""
    return tuple(row["label"] for row in _rows("byline_roles.tsv", ("label", "role")))


@functools.cache
def line_openers() -> tuple[str, ...]:
    """``resources/line_openers.tsv``: the words that open a line of their own (``Baca juga``, ``Tags``)."""
    return tuple(row["opener"] for row in read_table("line_openers.tsv", ["opener"], required=["opener"]))


@functools.cache
def agency_codes() -> dict[str, str]:
    """``resources/agency_codes.tsv``: lower-cased code -> agency."""
    return {row["code"].lower(): row["agency"] for row in _rows("agency_codes.tsv", ("code", "agency"))}


@functools.cache
def non_name_words() -> frozenset[str]:
    """``resources/byline_nonnames.tsv``: words that are never part of a credited name."""
    return frozenset(row["word"].lower() for row in _rows("byline_nonnames.tsv", ("word", "why")))


@functools.cache
def agency_names() -> frozenset[str]:
    """Lower-cased names of news agencies: the agencies of ``outlets.tsv`` and of the agency codes."""
    return frozenset(written.lower() for written, kind in outlet_lexicon() if kind == "agency") | frozenset(
        agency.lower() for agency in agency_codes().values()
    )
