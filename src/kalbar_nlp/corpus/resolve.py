"""Cross-article person resolution: which person mentions of a corpus are one real person.

Blocking keeps the work linear in the number of mentions: mentions are only compared inside a
block that shares a name key, one word of a name, a nickname, or a post (role + region), and a
block that holds more than :data:`MAX_CANDIDATES` people is treated as ambiguous, never scanned.
The passes, in order (each link keeps its rule name and the evidence it rests on):

1. ``full_name``: mentions with the same name key of two or more words join, unless their posts
   put them in different provinces (``full_name+region`` then joins per province, and a mention
   without a post joins the one province there is, or the one of its outlet's region).
2. ``short_form`` / ``alias``: a one-word name joins the one fuller name (or nickname given as an
   alias) that holds it, where a post or region fits (see :func:`fit`).
3. ``same_name``: one-word names join where a post or region fits.
4. ``nickname+post``: a one-word name still alone joins the one holder of the same post whose
   name contains it (``Midji`` with ``Gubernur Kalbar`` -> ``Sutarmidji``).

Names that are only initials (``IS``, ``S``) never join across articles (``initials``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from .mentions import MentionRow
from .names import given_names, is_initials, name_key
from .posts import Post, parse_post

#: A block (one word, nickname or post) holding more people than this is ambiguous.
MAX_CANDIDATES = 8
#: Length of a regency/city code (``61.04``); a province code is the first two digits.
REGENCY_CODE = 5
#: A nickname must have at least this many letters to be looked for inside a name.
MIN_NICKNAME = 3


@functools.lru_cache(maxsize=65536)
def cached_post(title: str) -> Post | None:
    """:func:`parse_post`, cached: titles repeat across a corpus."""
    return parse_post(title)


@dataclass(slots=True)
class Unit:
    """One mention row with what resolution compares."""

    row: MentionRow
    key: tuple[str, ...]
    posts: tuple[Post, ...]
    regions: tuple[str, ...]  # region codes of its posts and of its article's dateline
    nicknames: tuple[str, ...]  # one-word aliases that are no word of the name
    initials: bool
    post_keys: frozenset[tuple[str, str]]  # keys of the posts that have a region or a national scope


@dataclass(slots=True)
class Link:
    """Why a mention belongs to its person: the rule, its evidence, the mention it joined."""

    rule: str
    evidence: str
    target: int | None = None


@dataclass(slots=True)
class Context:
    """What a person (a cluster of mentions) is known by: posts and region codes."""

    post_keys: set[tuple[str, str]] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


def make_unit(row: MentionRow) -> Unit:
    """Read one mention row: name key, posts, region codes, nicknames."""
    key = name_key(row.name)
    posts = tuple(post for post in map(cached_post, row.titles) if post is not None)
    regions = {post.region_code for post in posts if post.region_code}
    if row.article_region:
        regions.add(row.article_region)
    nicknames = {alias_key[0] for alias_key in map(name_key, row.aliases) if len(alias_key) == 1}
    nicknames.difference_update(key)
    post_keys = frozenset(post.key for post in posts if post.key[1])
    return Unit(
        row, key, posts, tuple(sorted(regions)), tuple(sorted(nicknames)), is_initials(row.name), post_keys
    )


def fit(unit: Unit, context: Context) -> str | None:
    """The evidence that a mention fits a person, else ``None``.

    A shared post (role and region, or a national role) fits; so does a shared regency or city;
    a shared province fits only a name that is not a common given name (``Budi``, ``Agus``).
    A person already named in the mention's article never fits: the record keeps them apart.
    """
    if unit.row.article_id in context.articles:
        return None
    shared = sorted(unit.post_keys & context.post_keys)
    if shared:
        role, where = shared[0]
        return f"post={role}@{where}"
    regencies = {code[:REGENCY_CODE] for code in unit.regions if len(code) >= REGENCY_CODE}
    theirs = {code[:REGENCY_CODE] for code in context.regions if len(code) >= REGENCY_CODE}
    if regencies & theirs:
        return f"region={min(regencies & theirs)}"
    if len(unit.key) == 1 and unit.key[0] in given_names():
        return None
    provinces = {code[:2] for code in unit.regions} & {code[:2] for code in context.regions}
    return f"province={min(provinces)}" if provinces else None


class Resolver:
    """Union-find over mention units, with each unit's link and each cluster's context."""

    def __init__(self, rows: Iterable[MentionRow]) -> None:
        self.units: list[Unit] = [make_unit(row) for row in rows]
        self.parent = list(range(len(self.units)))
        self.links: list[Link | None] = [None] * len(self.units)
        self.sizes = [1] * len(self.units)
        self.contexts: dict[int, Context] = {}  # made when a cluster is first looked at or joined

    def find(self, index: int) -> int:
        """The root of a unit's cluster (path halving)."""
        parent = self.parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def union(self, index: int, target: int, rule: str, evidence: str) -> None:
        """Join unit ``index`` to the cluster of ``target``, recording the link on ``index``."""
        root, other = self.find(target), self.find(index)
        if self.links[index] is None:
            self.links[index] = Link(rule, evidence, target)
        if root == other:
            return
        keep, drop = min(root, other), max(root, other)
        self.parent[drop] = keep
        self.sizes[keep] += self.sizes[drop]
        kept, dropped = self.root_context(keep), self.root_context(drop)
        del self.contexts[drop]
        kept.post_keys |= dropped.post_keys
        kept.regions |= dropped.regions
        kept.articles |= dropped.articles

    def root_context(self, root: int) -> Context:
        """The context of the cluster whose root is ``root``."""
        context = self.contexts.get(root)
        if context is None:
            unit = self.units[root]
            context = Context(set(unit.post_keys), set(unit.regions), {unit.row.article_id})
            self.contexts[root] = context
        return context

    def context(self, index: int) -> Context:
        """The context of the cluster a unit is in."""
        return self.root_context(self.find(index))

    def alone(self, index: int) -> bool:
        """True where the unit has not been joined to anything."""
        return self.sizes[self.find(index)] == 1
