"""Title detection: an optional prefix, a position from the lexicon and its complement.

A :class:`TitleHit` is what :func:`find_hit` reads at one token: the prefixes (``Plt``,
``mantan``), the head (``Kepala Dinas``) with its field words (``pengamat politik``), the
complement (``Kesehatan Kabupaten Ketapang``) and the name right after it, if any.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...lexicons.titles import TitleEntry
from ...text.names import NameReader
from .complement import complement_run
from .split import split_run


@dataclass(slots=True)
class TitleHit:
    """One title mention, in view indexes of a :class:`~kalbar_nlp.text.names.NameReader`."""

    start: int  # first token (prefix included)
    head_start: int
    head_end: int
    end: int  # token end of the title (complement included)
    entry: TitleEntry
    prefixes: list[str]
    skipped: list[tuple[int, int]]  # parenthesised abbreviations left out of the text
    name: tuple[int, int] | None  # name tokens right after the complement
    stop: int  # token index where the complement run stopped


def read_prefixes(reader: NameReader, i: int) -> tuple[int, list[str], list[tuple[int, int]]]:
    """Up to three acting/former prefixes at ``i``, each with an abbreviation in parentheses after it.

    Returns:
        (index after the prefixes, their expansions, the parenthesised abbreviations skipped).
    """
    prefixes: list[str] = []
    skipped: list[tuple[int, int]] = []
    j = i
    for _ in range(3):
        prefix = reader.prefix_at(j)
        if not prefix:
            break
        prefixes.append(prefix[1])
        j += prefix[0]
        paren_end = reader.paren_abbr_end(j) if j < reader.size else None
        if paren_end:
            skipped.append((j, paren_end))
            j = paren_end
    return j, prefixes, skipped


def head_at(reader: NameReader, j: int) -> tuple[int, TitleEntry] | None:
    """The position at ``j``; ``Wakil`` before a position makes its deputy (``Wakil Bupati``)."""
    found = reader.title_at(j)
    if found is None and reader.keys[j] == "wakil" and j + 1 < reader.size:
        deputy_of = reader.title_at(j + 1)
        if deputy_of:
            size, entry = deputy_of
            return (
                size + 1,
                TitleEntry(
                    "Wakil " + entry.form, "Wakil " + entry.expansion, entry.sector, entry.takes, entry.case
                ),
            )
    return found


def rank_before_name(reader: NameReader, k: int, long_rank: bool) -> bool:
    """Does a person's name start at ``k``, right after a rank that is also a post?

    A known given name always counts; after a rank of two or more words
    (``Inspektur Jenderal``, ``Komisaris Besar``) any capitalised word that is not an
    organisation, place or title word counts too (``Inspektur Jenderal RZ Panca``).
    """
    if reader.name_likely(k):
        return True
    return (
        long_rank
        and reader.cap(k)
        and not reader.is_orgish(k)
        and reader.title_at(k) is None
        and reader.prefix_at(k) is None
    )


def field_words(reader: NameReader, j: int, entry: TitleEntry) -> tuple[int, int]:
    """Lower-case field words after a title head, and a `dari`/`di` before its organisation.

    ``pengamat politik Universitas X``, ``dokter spesialis paru RSUD X``, ``kuasa hukum korban``,
    ``peneliti dari Lembaga X``: (end of the head with its field words, start of the complement).
    At most three field words from the lexicon's closed list (never a verb or a function word);
    `dari`/`di` only after a profession or society post (`Bupati di Kantor X` stays as it was).
    """
    k = j
    while k < reader.size and k - j < 3 and reader.texts[k].islower() and reader.keys[k] in reader.lex.fields:
        k += 1
    if (
        k + 1 < reader.size
        and (k > j or entry.sector == "society")
        and reader.keys[k] in {"dari", "di"}
        and reader.texts[k].islower()
        and reader.alpha_cap(k + 1)
        and (reader.is_orgish(k + 1) or reader.all_caps(k + 1) or reader.place_at(k + 1))
    ):
        return k, k + 1
    return k, k


def find_hit(reader: NameReader, i: int) -> TitleHit | None:
    """The title mention starting at token ``i`` (prefixes, head, complement, name), else None."""
    j, prefixes, skipped = read_prefixes(reader, i)
    if j >= reader.size:
        return None
    head = head_at(reader, j)
    if head is None:
        return None
    rank = reader.rank_at(j)
    if (
        rank
        and rank[0] >= head[0]
        and j + rank[0] < reader.size
        and rank_before_name(reader, j + rank[0], rank[0] >= 2)
    ):
        return None  # "Komisaris Ivan Adhitira": a rank written in full, not the post Komisaris
    head_start, entry = j, head[1]
    head_end, comp_from = field_words(reader, j + head[0], entry)
    serves_post = entry.expansion.lower() in reader.lex.aide_posts
    run, stop, run_skipped = complement_run(reader, comp_from, serves_post)
    skipped.extend(run_skipped)
    comp_end, name = split_run(reader, run, stop, entry, run_skipped)
    end = comp_end if comp_end > head_end else head_end
    return TitleHit(i, head_start, head_end, end, entry, prefixes, skipped, name, stop)
