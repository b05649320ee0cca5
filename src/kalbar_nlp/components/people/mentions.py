"""Person mentions and clusters of mentions, and the words of a name that are compared."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from ...lexicons.people import load_people_words
from ...text.names import NameReader

#: which source decides a mention's boundaries when two overlap (lower wins; others rank 9)
RULE_RANK = {
    "quoted_nickname": -1,  # a whole name around a quoted nickname, made from two mentions
    "title": 0,
    "rank": 1,
    "honorific": 2,
    "speech_cue": 3,
    "age": 4,
    "name_prefix": 4,  # the prefix the NER leaves out (Baiq Nurul Hidayati) stays in the name
    "ner": 5,
    "paren_alias": 6,
    "repeat": 7,
}


#: names with more words than this look their clusters up word by word (2**8 subsets at most)
MAX_SUBSET_WORDS = 8


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


class ClusterIndex:
    """Which clusters may fit a name: look-ups by word instead of a comparison with every cluster.

    The index only grows: it may name a cluster that no longer fits (callers check every cluster
    it names), never miss one. A look-up costs about the number of clusters that share the name's
    rarest word, not the number of clusters, so clustering stays linear in the number of mentions.
    """

    def __init__(self) -> None:
        self.by_word: dict[str, set[int]] = defaultdict(set)  # name word -> clusters
        self.by_alias: dict[str, set[int]] = defaultdict(set)  # nickname word -> clusters
        self.by_words: dict[frozenset[str], set[int]] = defaultdict(set)  # all name words -> clusters
        self.by_short_form: dict[str, set[int]] = defaultdict(set)  # a short form of a name word

    def add(self, ci: int, cluster: Cluster) -> None:
        """Index cluster ``ci`` with its words as they are now (call again after they change)."""
        for word in cluster.tokens:
            self.by_word[word].add(ci)
            # the forms :func:`short_form` accepts: a prefix of 4+ letters or a suffix of 5+ letters,
            # at least two letters shorter than the word
            for size in range(4, len(word) - 1):
                self.by_short_form[word[:size]].add(ci)
            for size in range(5, len(word) - 1):
                self.by_short_form[word[-size:]].add(ci)
        for word in cluster.alias_tokens:
            self.by_alias[word].add(ci)
        self.by_words[frozenset(cluster.tokens)].add(ci)

    def fitting(self, words: set[str]) -> list[int]:
        """Clusters that may hold all of ``words``, or only words among them, or all as nicknames."""
        found: set[int] = set()
        found |= min((self.by_word.get(word, set()) for word in words), key=len)
        found |= min((self.by_alias.get(word, set()) for word in words), key=len)
        if len(words) > MAX_SUBSET_WORDS:
            for word in words:
                found |= self.by_word.get(word, set())
            return sorted(found)
        ordered = sorted(words)
        for size in range(1, len(ordered) + 1):
            for subset in itertools.combinations(ordered, size):
                found |= self.by_words.get(frozenset(subset), set())
        return sorted(found)

    def shortened_by(self, key: str) -> list[int]:
        """The clusters that may hold a name word ``key`` shortens, in cluster order."""
        return sorted(self.by_short_form.get(key, set()))


def short_form_owner(key: str, clusters: list[Cluster], before: int, index: ClusterIndex) -> list[int] | None:
    """The one cluster, named with two words or more before token ``before``, that ``key`` shortens."""
    owners = [
        ci
        for ci in index.shortened_by(key)
        if len(clusters[ci].tokens) >= 2
        and any(m.start < before for m in clusters[ci].mentions)
        and any(short_form(key, token) for token in clusters[ci].tokens)
    ]
    return owners if len(owners) == 1 else None
