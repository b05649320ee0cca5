"""Person mentions that are a body's acronym as written (``UMKM``, ``Forkopimko``), that end in
a country's name (``Amirul Hajj Indonesia``, ``Timnas Malaysia``), or that are only the short form
of a post said after an address (``Pak Wali``, ``Pak Gub``): no person.

The title reader takes the word after a title and a comma for its holder (``Kapolres X,
Forkopimko ...``) and the NER tags acronyms as persons; a one-word mention written exactly as an
acronym of ``resources/acronyms.tsv`` names a body or a kind of body. Initials after
``berinisial``/``tersangka`` and before an age are read by their own rules and stay, unless they
spell an acronym of four letters or more (``pelaku UMKM``).
"""

from __future__ import annotations

import functools

from ...lexicons.organisations import load_organisations
from ...lexicons.people import load_people_words
from ...lexicons.regions import load_regions
from ...text.names import NameReader
from .mentions import Mention

#: rules that read initials on purpose (``tersangka RK``, ``MH (60)``)
INITIALS_RULES = frozenset({"initials", "age"})
#: initials that long are a body's acronym (``pelaku UMKM``), shorter ones may be a person's (``RI``)
MIN_ACRONYM_AS_INITIALS = 4


def _acronym(reader: NameReader, mention: Mention) -> bool:
    """A one-word mention written exactly as a known acronym."""
    if mention.end - mention.start != 1:
        return False
    text = reader.texts[mention.start]
    if mention.rule in INITIALS_RULES and len(text) < MIN_ACRONYM_AS_INITIALS:
        return False
    acronym = load_organisations().acronyms.get(text.casefold())
    return acronym is not None and acronym.acronym == text


@functools.cache
def _countries() -> frozenset[str]:
    """The one-word names of countries (``indonesia``, ``malaysia``, ``jepang``), lower case."""
    return frozenset(
        key
        for key, entries in load_regions().regions.items()
        if " " not in key and any(region.kind == "country" for region, _form in entries)
    )


def _ends_in_country(reader: NameReader, mention: Mention) -> bool:
    """A name of two words or more whose last word is a country: a team, a delegation, a body."""
    return mention.end - mention.start >= 2 and reader.keys[mention.end - 1] in _countries()


def _post_word(reader: NameReader, mention: Mention) -> bool:
    """A one-word mention that is the short form of a post (``Pak Wali menerima ...``)."""
    return mention.end - mention.start == 1 and reader.keys[mention.start] in load_people_words().post_words


def without_acronyms(reader: NameReader, mentions: list[Mention]) -> list[Mention]:
    """The mentions, without the bodies' acronyms, names ending in a country and posts taken for names."""
    return [
        mention
        for mention in mentions
        if not (_acronym(reader, mention) or _ends_in_country(reader, mention) or _post_word(reader, mention))
    ]
