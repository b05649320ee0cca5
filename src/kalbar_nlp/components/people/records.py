"""The records of ``doc._.kalbar_people`` and the spans of ``doc.spans["kalbar_people"]``."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...text.names import NameReader
from .mentions import Cluster, Mention, name_tokens
from .nicknames import QUOTE_MARKS
from .posts import Posts, fuller


def _squeeze(text: str) -> str:
    """``text`` with every run of white space made one space."""
    return " ".join(text.split())


def _name_text(reader: NameReader, mention: Mention) -> str:
    """A mention's name as written; a name around a quoted nickname without the nickname."""
    if mention.rule == "quoted_nickname":
        marks = [k for k in range(mention.start, mention.end) if reader.texts[k] in QUOTE_MARKS]
        if len(marks) >= 2:
            before = reader.text(mention.start, marks[0])
            return _squeeze(f"{before} {reader.text(marks[1] + 1, mention.end)}")
    return _written(reader, mention)


def _written(reader: NameReader, mention: Mention) -> str:
    """A mention as written; initials without the full stop of the sentence they end (``RM.``)."""
    text = _squeeze(reader.text(mention.start, mention.end))
    return text[:-1] if mention.rule == "initials" and text.endswith(".") else text


def name_and_aliases(reader: NameReader, names: list[Mention]) -> tuple[str, list[str]]:
    """The fullest form of the name, and every other form as written (first use first)."""
    full = [m for m in names if m.alias_of is None and m.rule != "paren_alias"] or names
    best = max(full, key=lambda m: (len(name_tokens(reader, m.start, m.end)), -m.start))
    name = _name_text(reader, best)
    aliases: list[str] = []
    seen = {name.casefold()}
    for mention in sorted(names, key=lambda m: m.start):
        text = _written(reader, mention)
        if text.casefold() not in seen:
            seen.add(text.casefold())
            aliases.append(text)
    return name, aliases


def positions(ordered: list[Mention], titles: list[dict], posts: Posts) -> list[dict]:
    """The posts of one person, one record per post (the fuller form kept); acting posts stay apart."""
    found: list[dict] = []
    for mention in ordered:
        for ti in mention.titles:
            title = titles[ti]
            position = {
                "title": title["title"],
                "role": title["role"],
                "expansion": title["expansion"],
                "jurisdiction": title["jurisdiction"],
                "former": title.get("former", False),
                "rule": title.get("rule") or mention.rule,
                "start": title["start"],
                "end": title["end"],
            }
            for q, other in enumerate(found):
                # an acting post is a post of its own (Plt Bupati X and Bupati X; Pj and Plh Gubernur X)
                if posts.acting(position) == posts.acting(other) and posts.same_post(position, other):
                    found[q] = fuller(other, position)
                    break
            else:
                found.append(position)
    return found


def _marks_and_rules(mentions: list[Mention]) -> tuple[list[str], list[str], list[str]]:
    """Ranks, honorifics and rules of the mentions, each once, in the order met."""
    ranks: list[str] = []
    honorifics: list[str] = []
    rules: list[str] = []
    for mention in mentions:
        ranks += [r for r in mention.ranks if r not in ranks]
        honorifics += [h for h in mention.honorifics if h not in honorifics]
        if mention.rule not in rules:
            rules.append(mention.rule)
    return ranks, honorifics, rules


def person_record(reader: NameReader, person: Cluster, titles: list[dict], posts: Posts) -> dict | None:
    """The record of one person (None where every mention is a bare title)."""
    names = [m for m in person.mentions if not m.is_title_only]
    if not names:
        return None
    name, aliases = name_and_aliases(reader, names)
    ordered = sorted(person.mentions, key=lambda m: m.start)
    held = positions(ordered, titles, posts)
    ranks, honorifics, rules = _marks_and_rules(person.mentions)
    return {
        "name": name,
        "aliases": aliases,
        "titles": [p["title"] for p in held],
        "mentions": [
            {
                "text": reader.text(m.start, m.end),
                "start": reader.chars(m.start, m.end)[0],
                "end": reader.chars(m.start, m.end)[1],
                "rule": m.rule,
            }
            for m in ordered
        ],
        "positions": held,
        "ranks": ranks,
        "honorifics": honorifics,
        "rule": names[0].rule,
        "rules": rules,
    }


def person_spans(doc: Doc, reader: NameReader, person: Cluster, index: int) -> list[Span]:
    """The spans of one person's mentions, ``kb_id_`` set to the person's index."""
    spans = []
    for mention in sorted(person.mentions, key=lambda m: m.start):
        span = reader.span(mention.start, mention.end)
        spans.append(Span(doc, span.start, span.end, label="PERSON", kb_id=str(index)))
    return spans
