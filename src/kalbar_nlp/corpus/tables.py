"""The who's-who tables, built from resolved mentions (one pass over them, then grouping)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import TYPE_CHECKING

from .posts import NATIONAL
from .resolve import Resolver, Unit

if TYPE_CHECKING:
    import pandas as pd

STRING, INTEGER = "string", "Int64"

#: Column dtypes of every table of a :class:`~kalbar_nlp.corpus.Corpus`.
COLUMNS: dict[str, dict[str, str]] = {
    "persons": {
        "person_id": STRING,
        "name": STRING,
        "aliases": STRING,
        "region_code": STRING,
        "posts": STRING,
        "n_articles": INTEGER,
        "n_quotes": INTEGER,
        "first_seen": STRING,
        "last_seen": STRING,
    },
    "person_mentions": {
        "article_id": STRING,
        "name": STRING,
        "person_id": STRING,
        "rule": STRING,
        "evidence": STRING,
        "linked_article": STRING,
        "date": STRING,
        "article_region": STRING,
        "titles": STRING,
    },
    "posts": {
        "person_id": STRING,
        "person": STRING,
        "post": STRING,
        "role": STRING,
        "qualifier": STRING,
        "jurisdiction": STRING,
        "region_code": STRING,
        "scope": STRING,
        "first_seen": STRING,
        "last_seen": STRING,
        "n_articles": INTEGER,
    },
    "quotes_by_person": {
        "person_id": STRING,
        "person": STRING,
        "article_id": STRING,
        "date": STRING,
        "kind": STRING,
        "cue": STRING,
        "text": STRING,
    },
    "cooccurrence": {
        "person_a": STRING,
        "person_b": STRING,
        "name_a": STRING,
        "name_b": STRING,
        "n_articles": INTEGER,
    },
}


def frame(name: str, rows: Iterable[dict]) -> pd.DataFrame:
    """A table of :data:`COLUMNS` with its dtypes, filled column by column from streamed rows."""
    import pandas as pd

    columns = COLUMNS[name]
    data: dict[str, list] = {column: [] for column in columns}
    for row in rows:
        for column, values in data.items():
            values.append(row[column])
    arrays = {}
    for column, dtype in columns.items():  # one column at a time: the lists go as their arrays come
        arrays[column] = pd.array(data.pop(column), dtype=dtype)
    return pd.DataFrame(arrays, columns=list(columns))


def _canonical(units: list[Unit]) -> Unit:
    """The mention that names a person: the fullest name key, then the most frequent name."""
    counts = Counter(unit.row.name for unit in units)
    ranked = enumerate(units)
    return max(ranked, key=lambda item: (len(item[1].key), counts[item[1].row.name], -item[0]))[1]


def _anchor(units: list[Unit]) -> str:
    """The post (or else region) that a person is most often given: the second half of the id."""
    posts = Counter(f"{role}@{where}" for unit in units for role, where in unit.post_keys)
    if posts:
        return min(posts, key=lambda post: (-posts[post], post))
    regions = Counter(code[:2] for unit in units for code in unit.regions)
    return min(regions, key=lambda code: (-regions[code], code)) if regions else ""


def person_ids(res: Resolver) -> tuple[list[str], dict[str, list[int]]]:
    """A stable id per mention (hash of the canonical name key and its post/region), and the members."""
    members: dict[int, list[int]] = {}
    for index in range(len(res.units)):
        members.setdefault(res.find(index), []).append(index)
    ids = [""] * len(res.units)
    by_id: dict[str, list[int]] = {}
    for root in sorted(members):
        units = [res.units[index] for index in members[root]]
        seed = f"{' '.join(_canonical(units).key)}|{_anchor(units)}"
        person_id = "P" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]
        suffix = 2
        while person_id in by_id:  # same name and post, no evidence to join: kept apart
            person_id = f"{person_id.split('-')[0]}-{suffix}"
            suffix += 1
        by_id[person_id] = members[root]
        for index in members[root]:
            ids[index] = person_id
    return ids, by_id


def mention_rows(res: Resolver, ids: list[str]) -> Iterator[dict]:
    """Rows of ``person_mentions``."""
    for index, unit in enumerate(res.units):
        link = res.links[index]
        target = None if link is None or link.target is None else res.units[link.target].row.article_id
        yield (
            {
                "article_id": unit.row.article_id,
                "name": unit.row.name,
                "person_id": ids[index],
                "rule": link.rule if link else None,
                "evidence": link.evidence if link else None,
                "linked_article": target,
                "date": unit.row.date,
                "article_region": unit.row.article_region,
                "titles": "; ".join(unit.row.titles),
            }
        )


def _dates(units: list[Unit]) -> tuple[str | None, str | None]:
    dates = sorted(unit.row.date for unit in units if unit.row.date)
    return (dates[0], dates[-1]) if dates else (None, None)


def person_rows(res: Resolver, by_id: dict[str, list[int]]) -> list[dict]:
    """Rows of ``persons``."""
    rows = []
    for person_id, members in by_id.items():
        units = [res.units[index] for index in members]
        name = _canonical(units).row.name
        forms = dict.fromkeys(form for unit in units for form in (unit.row.name, *unit.row.aliases))
        posts = dict.fromkeys(post.name for unit in units for post in unit.posts)
        regions = Counter(post.region_code for unit in units for post in unit.posts if post.region_code)
        national = any(post.scope == NATIONAL for unit in units for post in unit.posts)
        if not regions and not national:  # no post says where: the outlets' regions
            regions = Counter(unit.row.article_region for unit in units if unit.row.article_region)
        first, last = _dates(units)
        rows.append(
            {
                "person_id": person_id,
                "name": name,
                "aliases": "; ".join(form for form in forms if form != name),
                "region_code": min(regions, key=lambda code: (-regions[code], code)) if regions else None,
                "posts": "; ".join(posts),
                "n_articles": len({unit.row.article_id for unit in units}),
                "n_quotes": sum(len(unit.row.quotes) for unit in units),
                "first_seen": first,
                "last_seen": last,
            }
        )
    return rows


def post_rows(res: Resolver, ids: list[str], names: dict[str, str]) -> list[dict]:
    """Rows of ``posts``: one per person and normalised post (qualifier kept apart)."""
    spans: dict[tuple, dict] = {}
    for index, unit in enumerate(res.units):
        for post in unit.posts:
            key = (ids[index], post.role, post.qualifier, post.region_code or post.jurisdiction)
            row = spans.setdefault(
                key,
                {
                    "person_id": ids[index],
                    "person": names[ids[index]],
                    "post": post.name,
                    "role": post.role,
                    "qualifier": post.qualifier,
                    "jurisdiction": post.jurisdiction,
                    "region_code": post.region_code,
                    "scope": post.scope,
                    "dates": [],
                    "articles": set(),
                },
            )
            row["articles"].add(unit.row.article_id)
            if unit.row.date:
                row["dates"].append(unit.row.date)
    rows = []
    for row in spans.values():
        dates, articles = sorted(row.pop("dates")), row.pop("articles")
        rows.append(
            {**row, "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None}
            | {"n_articles": len(articles)}
        )
    return rows


def quote_rows(res: Resolver, ids: list[str], names: dict[str, str]) -> Iterator[dict]:
    """Rows of ``quotes_by_person``."""
    return (
        {
            "person_id": ids[index],
            "person": names[ids[index]],
            "article_id": unit.row.article_id,
            "date": unit.row.date,
            "kind": kind,
            "cue": cue,
            "text": text,
        }
        for index, unit in enumerate(res.units)
        for text, kind, cue in unit.row.quotes
    )


def cooccurrence_rows(res: Resolver, ids: list[str], names: dict[str, str]) -> Iterator[dict]:
    """Rows of ``cooccurrence``: pairs of persons named in one article, with how many articles."""
    by_article: dict[str, set[str]] = {}
    for index, unit in enumerate(res.units):
        by_article.setdefault(unit.row.article_id, set()).add(ids[index])
    pairs: Counter[tuple[str, str]] = Counter()
    for persons in by_article.values():
        pairs.update(combinations(sorted(persons), 2))
    return (
        {
            "person_a": first,
            "person_b": second,
            "name_a": names[first],
            "name_b": names[second],
            "n_articles": count,
        }
        for (first, second), count in sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    )
