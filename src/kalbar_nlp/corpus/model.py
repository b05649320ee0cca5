"""The :class:`Corpus`: a who's-who of many articles as tidy pandas tables."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import tables
from .resolve import Resolver

if TYPE_CHECKING:
    import pandas as pd

TABLE_NAMES = tuple(tables.COLUMNS)


class Corpus:
    """People across articles, their posts over time, what they said and with whom they appear.

    Attributes:
        persons: one row per corpus person (``person_id``, canonical ``name``, ``aliases``, main
            ``region_code``, ``posts``, ``n_articles``, ``n_quotes``, ``first_seen``, ``last_seen``).
        person_mentions: one row per person of an article (``article_id``, ``name`` as the record
            gives it, ``person_id``, and the link's ``rule``, ``evidence`` and ``linked_article``).
        posts: one row per person and normalised post (``role``, ``qualifier``, ``jurisdiction``,
            ``region_code``, ``first_seen``, ``last_seen``, ``n_articles``).
        quotes_by_person: one row per quote whose speaker is a corpus person.
        cooccurrence: pairs of persons named in the same article, with the number of articles.
    """

    def __init__(self, frames: dict[str, pd.DataFrame]) -> None:
        self.persons: pd.DataFrame = frames["persons"]
        self.person_mentions: pd.DataFrame = frames["person_mentions"]
        self.posts: pd.DataFrame = frames["posts"]
        self.quotes_by_person: pd.DataFrame = frames["quotes_by_person"]
        self.cooccurrence: pd.DataFrame = frames["cooccurrence"]

    @classmethod
    def from_resolver(cls, res: Resolver) -> Corpus:
        """Build the tables of a resolved set of mentions."""
        ids, by_id = tables.person_ids(res)
        persons = tables.person_rows(res, by_id)
        names = {row["person_id"]: row["name"] for row in persons}
        frames = {
            "persons": tables.frame("persons", persons),
            "person_mentions": tables.frame("person_mentions", tables.mention_rows(res, ids)),
            "posts": tables.frame("posts", tables.post_rows(res, ids, names)),
            "quotes_by_person": tables.frame("quotes_by_person", tables.quote_rows(res, ids, names)),
            "cooccurrence": tables.frame("cooccurrence", tables.cooccurrence_rows(res, ids, names)),
        }
        frames["persons"] = frames["persons"].sort_values(
            ["n_articles", "name"], ascending=[False, True], ignore_index=True
        )
        return cls(frames)

    def table(self, name: str) -> pd.DataFrame:
        """One table by name (``persons``, ``person_mentions``, ``posts``, ...)."""
        if name not in TABLE_NAMES:
            raise ValueError(f"table: must be one of {', '.join(TABLE_NAMES)}, not {name!r}")
        return getattr(self, name)

    def __repr__(self) -> str:
        return (
            f"Corpus({len(self.persons)} persons, {len(self.person_mentions)} mentions, "
            f"{len(self.posts)} posts, {len(self.quotes_by_person)} quotes)"
        )

    def holders(self, role: str | None = None, region_code: str | None = None) -> pd.DataFrame:
        """Who held a post when: posts rows for a role and/or region, ordered by first date.

        Args:
            role: the normalised role, case-insensitive (``"Bupati"``, ``"Kepala Kepolisian Resor"``);
                an abbreviation is read through the title lexicon (``"Kapolres"``).
            region_code: a Kemendagri code (``"61.04"``); ``None`` for every region.
        """
        posts = self.posts
        if role is not None:
            from .posts import cached_role

            wanted = cached_role(role).casefold()
            posts = posts[posts["role"].str.casefold() == wanted]
        if region_code is not None:
            posts = posts[posts["region_code"] == region_code]
        return posts.sort_values(["role", "region_code", "first_seen", "person"], ignore_index=True)

    def to_parquet(self, directory: str | Path) -> Path:
        """Write every table as ``<directory>/<table>.parquet`` (dtypes kept); returns the folder."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        for name in TABLE_NAMES:
            self.table(name).to_parquet(folder / f"{name}.parquet", index=False)
        return folder

    @classmethod
    def read_parquet(cls, directory: str | Path) -> Corpus:
        """Read a folder written by :meth:`to_parquet`."""
        import pandas as pd

        folder = Path(directory)
        return cls({name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLE_NAMES})

    def graph(self, min_articles: int = 1) -> Any:
        """The co-occurrence graph as a ``networkx.Graph`` (needs networkx).

        Nodes are person ids with ``name``, ``n_articles`` and ``region_code``; edges carry
        ``weight`` (articles in common). Pairs seen in fewer than ``min_articles`` are left out.
        """
        try:
            import networkx as nx
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError("Corpus.graph needs networkx: pip install 'kalbar-nlp[corpus]'") from err
        graph = nx.Graph()
        for row in self.persons.itertuples(index=False):
            region = row.region_code if isinstance(row.region_code, str) else ""
            graph.add_node(
                row.person_id,
                name=row.name,
                n_articles=int(row.n_articles),
                region_code=region,
            )
        pairs = self.cooccurrence[self.cooccurrence["n_articles"] >= min_articles]
        for row in pairs.itertuples(index=False):
            graph.add_edge(row.person_a, row.person_b, weight=int(row.n_articles))
        return graph

    def to_graphml(self, path: str | Path, min_articles: int = 1) -> Path:
        """Write the co-occurrence graph as GraphML (for Gephi or networkx); returns the path."""
        import networkx as nx

        target = Path(path)
        nx.write_graphml(self.graph(min_articles), target)
        return target
