"""Clustering person mentions: overlapping mentions merge, then names group by their words.

Mentions cluster when the words of one are a subset of the other's (``Sekda Alexander`` →
``Alexander`` ⊂ ``Alexander Wilyo``); a one-word short form (``Risma``) joins the one earlier
full name it shortens; a nickname joins the person it follows. :func:`add_repeats` then reads
the later uses of part of a known name.
"""

from __future__ import annotations

from ...text.names import NameReader
from ...text.ranges import Range, overlaps
from .mentions import RULE_RANK, Cluster, ClusterIndex, Mention, name_tokens, short_form, short_form_owner


def merge_overlaps(mentions: list[Mention]) -> tuple[list[int], dict[int, Mention]]:
    """Overlapping mentions: the most reliable keeps its boundaries and takes the others' information.

    Returns:
        The indexes of the kept mentions and, by ``id`` of every merged mention, the one that took it
        (``mentions`` then holds the taking mention at the merged one's index).
    """
    order = sorted(
        range(len(mentions)), key=lambda k: (RULE_RANK.get(mentions[k].rule, 9), mentions[k].start)
    )
    kept: list[int] = []
    owner: dict[int, int] = {}  # token -> kept mention covering it
    host: dict[int, Mention] = {}
    for k in order:
        mention = mentions[k]
        taker = next((owner[t] for t in range(mention.start, mention.end) if t in owner), None)
        if taker is None:
            kept.append(k)
            for t in range(mention.start, mention.end):
                owner[t] = k
            continue
        into = mentions[taker]
        host[id(mention)] = into
        into.ranks += [r for r in mention.ranks if r not in into.ranks]
        into.honorifics += [x for x in mention.honorifics if x not in into.honorifics]
        into.titles += [t for t in mention.titles if t not in into.titles]
        if (
            mention.alias_of is not None
            and into.alias_of is None
            and (into.start, into.end)
            == (
                mention.start,
                mention.end,
            )
        ):
            into.alias_of = mention.alias_of  # "Saifullah Yusuf (Gus Ipul)": the NER's name is the nickname
        mentions[k] = into
    return kept, host


def _short_form_clusters(clusters: list[Cluster], word: str, index: ClusterIndex) -> list[int]:
    """Clusters of two or more words of which ``word`` shortens one (``Risma`` for Tri Rismaharini)."""
    return [
        ci
        for ci in index.shortened_by(word)
        if clusters[ci].mentions
        and len(clusters[ci].tokens) >= 2
        and any(short_form(word, token) for token in clusters[ci].tokens)
    ]


def _candidates(clusters: list[Cluster], words: list[str], initials: bool, index: ClusterIndex) -> list[int]:
    """The clusters a name of ``words`` may belong to (a short form is recorded as an alias).

    Every fit shares a word with the name, so only the clusters the index names are compared.
    """
    word_set = set(words)
    found = []
    for ci in index.fitting(word_set):
        cluster = clusters[ci]
        if not cluster.mentions:
            continue  # absorbed into a fuller name
        if initials:
            fits = word_set == cluster.tokens or word_set <= cluster.alias_tokens
        else:
            fits = (
                word_set <= cluster.tokens or cluster.tokens <= word_set or word_set <= cluster.alias_tokens
            )
        if fits:
            found.append(ci)
    if not found and len(words) == 1 and not initials and len(words[0]) >= 4:
        short = _short_form_clusters(clusters, words[0], index)
        if len(short) == 1:
            clusters[short[0]].alias_tokens |= word_set
            index.add(short[0], clusters[short[0]])
            found = short
    return found


def _choose(
    clusters: list[Cluster],
    candidates: list[int],
    word_set: set[str],
    where: dict[int, int],
    index: ClusterIndex,
) -> int:
    """The candidate the name joins; a fuller name absorbs every shorter cluster it contains."""
    exact = [ci for ci in candidates if clusters[ci].tokens == word_set]
    target = exact[-1] if exact else max(candidates, key=lambda ci: clusters[ci].mentions[-1].start)
    for ci in candidates:
        if ci != target and clusters[ci].tokens <= word_set and clusters[ci].mentions:
            clusters[target].mentions += clusters[ci].mentions
            clusters[target].tokens |= clusters[ci].tokens
            for absorbed in clusters[ci].mentions:
                where[id(absorbed)] = target
            clusters[ci].mentions = []
            clusters[ci].tokens = set()
    index.add(target, clusters[target])
    return target


def cluster(reader: NameReader, mentions: list[Mention]) -> list[Cluster]:
    """Group the mentions into one cluster per person, in the order the persons are first named."""
    kept, host = merge_overlaps(mentions)
    clusters: list[Cluster] = []
    where: dict[int, int] = {}  # mention id -> cluster
    index = ClusterIndex()
    for k in sorted(set(kept), key=lambda q: mentions[q].start):
        mention = mentions[k]
        words = name_tokens(reader, mention.start, mention.end)
        if not words:
            continue
        word_set = set(words)
        target = None
        if mention.alias_of is not None:
            host_of = host.get(id(mention.alias_of), mention.alias_of)
            target = where.get(id(host_of))
        if target is None:
            initials = len(words) == 1 and reader.all_caps(mention.start)
            candidates = _candidates(clusters, words, initials, index)
            if candidates:
                target = _choose(clusters, candidates, word_set, where, index)
        if target is None:
            clusters.append(Cluster(set(word_set), [mention]))
            where[id(mention)] = len(clusters) - 1
            index.add(len(clusters) - 1, clusters[-1])
            continue
        joined = clusters[target]
        joined.mentions.append(mention)
        if mention.alias_of is None:
            joined.tokens |= word_set
        else:
            joined.alias_tokens |= word_set
        index.add(target, joined)
        where[id(mention)] = target
    return [c for c in clusters if c.mentions]


def _repeat_owner(
    reader: NameReader, i: int, clusters: list[Cluster], owners: dict[str, list[int]], index: ClusterIndex
) -> int | None:
    """The one cluster whose name word (or short form) token ``i`` is, else None."""
    key = reader.texts[i].replace(".", "").lower()
    found = owners.get(key)
    if found is None and key.isalpha() and not reader.place_at(i):
        found = short_form_owner(key, clusters, i, index)
    if not found or len(found) != 1 or reader.title_at(i) or reader.is_orgish(i) or key in reader.lex.stop:
        return None
    return found[0]


def _inside_longer_name(reader: NameReader, i: int, e: int) -> bool:
    """The words ``[i, e)`` continue, or follow, capitalised words of another name."""
    stop = reader.lex.stop
    if e < reader.size and reader.alpha_cap(e) and not reader.is_orgish(e) and reader.keys[e] not in stop:
        return True  # part of a longer unknown name: not this person
    return (
        i > 0
        and reader.alpha_cap(i - 1)
        and reader.keys[i - 1] not in stop
        and reader.title_at(i - 1) is None
    )


def add_repeats(reader: NameReader, clusters: list[Cluster], excluded: list[Range]) -> None:
    """``repeat``: later uses of part of a known name (``Alexander``) become mentions."""
    covered: set[int] = set()
    for known in clusters:
        for mention in known.mentions:
            covered.update(range(mention.start, mention.end))
    owners: dict[str, list[int]] = {}
    index = ClusterIndex()
    for ci, known in enumerate(clusters):
        index.add(ci, known)
        for token in known.tokens:
            if len(token) >= 3:
                owners.setdefault(token, []).append(ci)
    i = 0
    while i < reader.size:
        ci = (
            None
            if i in covered or not reader.alpha_cap(i)
            else _repeat_owner(reader, i, clusters, owners, index)
        )
        if ci is None:
            i += 1
            continue
        e = i + 1
        while (
            e < reader.size
            and e not in covered
            and reader.alpha_cap(e)
            and reader.texts[e].replace(".", "").lower() in clusters[ci].tokens
        ):
            e += 1
        if not _inside_longer_name(reader, i, e) and not overlaps(*reader.chars(i, e), excluded):
            clusters[ci].mentions.append(Mention(i, e, "repeat"))
            covered.update(range(i, e))
        i = e
