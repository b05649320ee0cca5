"""The passes of cross-article resolution, in order (see :mod:`kalbar_nlp.corpus.resolve`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .names import given_names
from .resolve import MAX_CANDIDATES, MIN_NICKNAME, REGENCY_CODE, Link, Resolver, Unit, fit

AMBIGUOUS = None


def _post_provinces(unit: Unit) -> list[str]:
    return sorted({post.region_code[:2] for post in unit.posts if post.region_code})


def _province(code: str | None) -> str | None:
    return code[:2] if code else None


def join_full_names(res: Resolver) -> None:
    """Pass 1: one name key of two or more words is one person, per province of their posts."""
    blocks: dict[tuple[str, ...], list[int]] = {}
    for index, unit in enumerate(res.units):
        if len(unit.key) >= 2 and not unit.initials:
            blocks.setdefault(unit.key, []).append(index)
    for key, members in blocks.items():
        if len(members) > 1:
            _join_name_block(res, " ".join(key), members)


def _join_name_block(res: Resolver, name: str, members: list[int]) -> None:
    provinces = {index: _post_provinces(res.units[index]) for index in members}
    split = len({province for found in provinces.values() for province in found}) > 1
    rule = "full_name+region" if split else "full_name"
    anchors: dict[str, int] = {}
    loose: list[int] = []
    for index in members:
        if not provinces[index]:
            loose.append(index)
        for province in provinces[index]:
            if province in anchors:
                res.union(index, anchors[province], rule, f"name={name}; province={province}")
            else:
                anchors[province] = index
    if not split:
        target = next(iter(anchors.values()), None)
        if target is None:
            target = loose[0]
        for index in loose:
            if index != target:
                res.union(index, target, rule, f"name={name}")
        return
    _join_loose(res, name, anchors, loose)


def _join_loose(res: Resolver, name: str, anchors: dict[str, int], loose: list[int]) -> None:
    """Mentions without a post region in a name block split by province: the outlet's region decides."""
    rest: int | None = None
    for index in loose:
        province = _province(res.units[index].row.article_region)
        if province in anchors:
            evidence = f"name={name}; province={province}"
            res.union(index, anchors[province], "full_name+outlet_region", evidence)
        elif rest is None:
            rest = index
        else:
            res.union(index, rest, "full_name", f"name={name}; no post region")


def _index(res: Resolver, keys_of: Callable[[Unit], Iterable[object]]) -> dict[object, list[int] | None]:
    """Block index: key -> the roots of the clusters holding it (``None`` where too many)."""
    index: dict[object, list[int] | None] = {}
    for position, unit in enumerate(res.units):
        root = res.find(position)
        for key in keys_of(unit):
            roots = index.setdefault(key, [])
            if roots is AMBIGUOUS or root in roots:
                continue
            roots.append(root)
            if len(roots) > MAX_CANDIDATES:
                index[key] = AMBIGUOUS
    return index


def _single_words(res: Resolver) -> Iterable[int]:
    return (index for index, unit in enumerate(res.units) if len(unit.key) == 1 and not unit.initials)


def _fitting(res: Resolver, index: int, roots: Iterable[int]) -> list[tuple[int, str]]:
    own = res.find(index)
    found: dict[int, str] = {}
    for root in {res.find(root) for root in roots} - {own}:
        evidence = fit(res.units[index], res.root_context(root))
        if evidence:
            found[root] = evidence
    return sorted(found.items())


def join_short_forms(res: Resolver) -> None:
    """Pass 2: a one-word name joins the one fuller name or nickname holding it that fits."""
    words = _index(res, lambda unit: unit.key if len(unit.key) >= 2 and not unit.initials else ())
    aliases = _index(res, lambda unit: unit.nicknames)
    for index in _single_words(res):
        word = res.units[index].key[0]
        by_word, by_alias = words.get(word, []), aliases.get(word, [])
        if by_word is AMBIGUOUS or by_alias is AMBIGUOUS:
            continue
        fitting = _fitting(res, index, [*by_word, *by_alias])
        if len(fitting) == 1:
            root, evidence = fitting[0]
            rule = "short_form" if root in {res.find(r) for r in by_word} else "alias"
            res.union(index, root, rule, f"name={word}; {evidence}")


def _block_keys(unit: Unit) -> list[tuple[str, str]]:
    """The keys under which one-word names of a block meet: posts, regencies, provinces."""
    keys = [("post", f"{role}@{where}") for role, where in sorted(unit.post_keys)]
    keys += [("region", code[:REGENCY_CODE]) for code in sorted(unit.regions) if len(code) >= REGENCY_CODE]
    if unit.key[0] not in given_names():
        keys += [("province", code) for code in sorted({code[:2] for code in unit.regions})]
    return keys


def join_same_names(res: Resolver) -> None:
    """Pass 3: one-word names join where a post, regency (or, for rare names, province) is shared."""
    blocks: dict[str, dict[tuple[str, str], int]] = {}
    for index in _single_words(res):
        unit = res.units[index]
        seen = blocks.setdefault(unit.key[0], {})
        for kind, value in _block_keys(unit):
            target = seen.setdefault((kind, value), index)
            if target != index and unit.row.article_id not in res.context(target).articles:
                res.union(index, target, "same_name", f"name={unit.key[0]}; {kind}={value}")


def join_nicknames(res: Resolver) -> None:
    """Pass 4: a one-word name still alone joins the one holder of its post whose name contains it."""
    posts = _index(res, lambda unit: unit.post_keys)
    names: dict[int, set[str]] = {}
    for position, unit in enumerate(res.units):
        names.setdefault(res.find(position), set()).update(unit.key, unit.nicknames)
    for index in _single_words(res):
        unit = res.units[index]
        nickname = unit.key[0]
        if not res.alone(index) or len(nickname) < MIN_NICKNAME:
            continue
        holders: dict[int, str] = {}
        for post_key in sorted(unit.post_keys):
            for root in posts.get(post_key) or []:
                root = res.find(root)
                words = names.get(root, set())
                if root != res.find(index) and any(nickname in word and word != nickname for word in words):
                    holders.setdefault(root, f"name~{nickname}; post={post_key[0]}@{post_key[1]}")
        if len(holders) == 1:
            root, evidence = next(iter(holders.items()))
            res.union(index, root, "nickname+post", evidence)


PASSES = (join_full_names, join_short_forms, join_same_names, join_nicknames)


def resolve(res: Resolver) -> Resolver:
    """Run every pass over the resolver's units; unlinked units keep a rule saying why."""
    for run in PASSES:
        run(res)
    for index, unit in enumerate(res.units):
        if res.links[index] is None:
            rule = "initials" if unit.initials else "first_mention"
            res.links[index] = Link(rule, f"name={' '.join(unit.key)}", None)
    return res
