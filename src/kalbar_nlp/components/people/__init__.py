"""Component ``kalbar_people``: every named person, with all mentions clustered into one entry.

Person mentions come from (the rule name is kept in each entry's ``rules``):

- ``title``: the people that ``kalbar_titles`` linked to a title (``Bupati Sintang Jarot Winarno``);
- ``ner``: the trained NER's ``PER`` entities;
- ``rank`` / ``honorific``: a capitalised name after a rank or an honorific (``AKBP Nuredy``,
  ``H. Ahmad``, ``Ibu Sopiah``);
- ``speech_cue``: a name after a speech cue (``kata Budi``, ``ujar Sri Wahyuni``, ``Menurut Andi``);
- ``age``: a name or initials followed by an age in parentheses (``MA (11)``);
- ``initials``: initials after ``berinisial`` or a role in a case (``berinisial K``, ``tersangka HM``);
- ``name_cue``: a name that opens with a known given name after ``bernama`` / ``nama``;
- ``name_prefix``: a name with its regional prefix (``Baiq Nurul``, ``I Made Sudarsana``, ``Lalu Iqbal``);
- ``paren_alias``: a nickname in parentheses after a name (``H. Ahmad Muhdlor Ali (Gus Muhdlor)``);
- ``repeat``: a later use of part of a known name (``Alexander``, ``Wilyo``);
- ``title_only``: a bare title that points to one known holder (``Sekda mengatakan``) — a mention for the
  quotes component, never an alias.

Ranks, honorifics and degrees are stripped from the names and kept in ``ranks`` / ``honorifics``.
Mentions cluster when the words of one are a subset of the other's (``Sekda Alexander`` →
``Alexander`` ⊂ ``Alexander Wilyo``). ``name`` is the fullest form, ``aliases`` the other forms as written.
Journalists in the credits and the dateline, and boilerplate, hold no people.

Helpers for other components (the quotes component maps a speaker mention to a person):
:func:`resolve_mention`, :func:`resolve_char_span`, :func:`person_by_title`, :func:`person_by_name`
(in :mod:`.lookup`).
``doc.spans["kalbar_people"]`` holds every mention, with ``kb_id_`` set to the person's index in
``doc._.kalbar_people``.

The package: :mod:`.collectors` (one collector per source), :mod:`.ner_names` (which NER
entities are names), :mod:`.mentions` and :mod:`.clusters` (clustering), :mod:`.posts` (posts
and bare titles), :mod:`.records` (the output) and :mod:`.clusterer` (the component). Names are
read by the shared :class:`kalbar_nlp.text.names.NameReader`; the component reads the title
records only, never the titles component.
"""

from __future__ import annotations

from spacy.language import Language

from ... import extensions  # noqa: F401
from .clusterer import PeopleClusterer
from .lookup import SPAN_KEY, person_by_name, person_by_title, resolve_char_span, resolve_mention

__all__ = [
    "SPAN_KEY",
    "PeopleClusterer",
    "make_people",
    "person_by_name",
    "person_by_title",
    "resolve_char_span",
    "resolve_mention",
]


@Language.factory(
    "kalbar_people",
    default_config={},
    assigns=["doc._.kalbar_people", "doc.spans"],
    requires=["doc._.kalbar_titles", "doc._.kalbar_locations", "doc._.kalbar_organizations"],
)
def make_people(nlp: Language, name: str) -> PeopleClusterer:
    """Build the ``kalbar_people`` component."""
    return PeopleClusterer(nlp, name)
