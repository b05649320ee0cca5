"""Component ``kalbar_titles``: positions (jabatan) with their jurisdiction and the person they attach to.

A title mention is an optional prefix (``Plt``, ``Pj``, ``mantan``), a position
from ``resources/titles.tsv`` (``Bupati``, ``Kapolres``, ``Kepala Dinas``) and its
complement (``Sintang``, ``Kesehatan Kabupaten Ketapang``), which stops at the
person's name, a comma, a rank or a verb. An abbreviation in parentheses after
the full form (``Sekretaris Daerah (Sekda) Kabupaten Ketapang``) is dropped from
the title text.

The title is then linked to its person by the first rule that fits; the rule's
name is kept in ``rule``:

- ``title_name``: title + name (``Bupati Sintang Jarot Winarno``, ``Sekda Alexander``)
- ``title_rank_name``: title + rank/honorific + name (``Kapolres Sleman AKBP Edy``)
- ``title_comma_name``: title + comma + name (``Kapolres Banjarbaru, AKBP Pius X Febry``);
  chains with ``melalui`` need nothing more: each title takes the name after it
- ``name_comma_title``: name + comma + title (``Jarot, Bupati Sintang, mengatakan``)
- ``selaku`` / ``yang_juga`` / ``yang_menjabat`` / ``sebagai`` / ``menjadi``: name + cue + title
  (the cue words and the rule each names are data: ``cue_anchor`` in ``title_words.tsv``)
- ``name_title``: a name right before the title (``Hendik Suprianto Kepala Bidang P2P menyebutkan``)
- ``sebagai_lead``: ``Sebagai mantan Wali Kota X dua periode, Herman HN ...``
- ``dep_appos``: an apposition read from a dependency parse, where the Doc has one
- ``name_paren_title``: name + title in parentheses (``Ahmad Sarbani (mantan Bupati Sambas)``)

Then, over the linked titles in order: ``chained``: a post joined to the one before it
(``anggota DPRD Sulut sekaligus Ketua DPD X``) takes that post's holder written before it;
``paired``: ``Bupati dan Wakil Bupati Sambas, Satono dan Fahrur Rofi`` pairs posts and names in order.

``doc._.kalbar_titles`` is a list of dicts: ``title`` (as written, with
jurisdiction), ``start``/``end`` (characters), ``token_start``/``token_end``,
``role`` (the position as written), ``expansion`` (its full form, with prefixes),
``jurisdiction`` (or None), ``sector``, ``former`` (bool), ``acting`` (``Plt``-like
prefix expansion or None), ``person`` (``{text, start, end, token_start,
token_end, ranks, honorifics}`` or None) and ``rule`` (None where no person).

The package: :mod:`.hits` (prefix, head and complement of one mention), :mod:`.complement`
(the complement run, a table of token rules), :mod:`.split` (jurisdiction and name),
:mod:`.linking` (the link rules), :mod:`.records` (the records) and :mod:`.linker` (the
component). Names are read by the shared :class:`kalbar_nlp.text.names.NameReader`.
"""

from __future__ import annotations

from spacy.language import Language

from ... import extensions  # noqa: F401
from .linker import TitleLinker

__all__ = ["TitleLinker", "make_titles"]


@Language.factory(
    "kalbar_titles",
    default_config={},
    assigns=["doc._.kalbar_titles"],
)
def make_titles(nlp: Language, name: str) -> TitleLinker:
    """Build the ``kalbar_titles`` component."""
    return TitleLinker(nlp, name)
