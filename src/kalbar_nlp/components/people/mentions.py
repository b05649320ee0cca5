"""Person mentions and clusters of mentions, and the words of a name that are compared."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...lexicons.people import load_people_words
from ...text.names import NameReader

#: which source decides a mention's boundaries when two overlap (lower wins; others rank 9)
RULE_RANK = {
    "title": 0,
    "rank": 1,
    "honorific": 2,
    "speech_cue": 3,
    "age": 4,
    "ner": 5,
    "paren_alias": 6,
    "repeat": 7,
}


@dataclass(slots=True)
class Mention:
    """One mention of a person: view tokens ``[start, end)`` and the rule that found it."""

    start: int
    end: int
    rule: str
    ranks: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    titles: list[int] = field(default_factory=list)  # indexes into doc._.kalbar_titles
    alias_of: Mention | None = None  # the mention this one is a nickname of
    is_title_only: bool = False


@dataclass(slots=True)
class Cluster:
    """The mentions of one person, with the words of the person's name (and of the nicknames)."""

    tokens: set[str]
    mentions: list[Mention]
    alias_tokens: set[str] = field(default_factory=set)


def name_tokens(reader: NameReader, s: int, e: int) -> list[str]:
    """The comparable words of a name (lower case, no dots; nickname markers like ``Gus`` left out)."""
    markers = load_people_words().nickname_markers
    out = []
    for k in range(s, e):
        word = reader.texts[k].replace(".", "").replace("’", "'").lower()
        if word and word[0].isalpha() and not (word in markers and k + 1 < e):
            out.append(word)
    return out


def short_form(key: str, token: str) -> bool:
    """Is ``key`` a short form of the name word ``token`` (Risma/Rismaharini, Ningsih/Wahyuningsih)?"""
    if len(token) < len(key) + 2:
        return False
    return (len(key) >= 4 and token.startswith(key)) or (len(key) >= 5 and token.endswith(key))


def short_form_owner(key: str, clusters: list[Cluster], before: int) -> list[int] | None:
    """The one cluster, named with two words or more before token ``before``, that ``key`` shortens."""
    owners = [
        ci
        for ci, cluster in enumerate(clusters)
        if len(cluster.tokens) >= 2
        and any(m.start < before for m in cluster.mentions)
        and any(short_form(key, token) for token in cluster.tokens)
    ]
    return owners if len(owners) == 1 else None
