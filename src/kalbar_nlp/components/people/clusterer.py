"""The ``kalbar_people`` component: collect the mentions, cluster them, write the people."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...lexicons.titles import load_lexicon
from ...text.names import NameReader
from ...text.ranges import excluded_ranges, merge_overlapping, overlaps
from .bodies import without_acronyms
from .clusters import add_repeats, cluster
from .collectors import collect
from .lookup import SPAN_KEY
from .nicknames import join_quoted_nicknames
from .places import after_places, off_streets
from .posts import Posts, TitleOnly, defined_abbreviations, link_title_only
from .records import person_record, person_spans


class PeopleClusterer:
    """Collect person mentions and cluster them (see the package docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lex = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc._.kalbar_people`` and ``doc.spans["kalbar_people"]``."""
        reader = NameReader(doc, self.lex)
        titles = list(doc._.kalbar_titles or [])
        excluded = merge_overlapping(excluded_ranges(doc))
        posts = Posts(self.lex, defined_abbreviations(titles))
        mentions = [
            m for m in collect(doc, reader, titles) if not overlaps(*reader.chars(m.start, m.end), excluded)
        ]
        mentions = off_streets(reader, after_places(doc, reader, without_acronyms(reader, mentions)))
        mentions = join_quoted_nicknames(reader, mentions)
        clusters = cluster(reader, mentions)
        add_repeats(reader, clusters, excluded)
        link_title_only(TitleOnly(reader, titles, clusters, posts), excluded)
        clusters.sort(key=lambda c: min(m.start for m in c.mentions))
        people: list[dict] = []
        spans: list[Span] = []
        for person in clusters:
            record = person_record(reader, person, titles, posts)
            if record is None:
                continue
            spans += person_spans(doc, reader, person, len(people))
            people.append(record)
        doc._.kalbar_people = people
        doc.spans[SPAN_KEY] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc
