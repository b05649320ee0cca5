"""Speaker resolution: each quote's speaker reference to a person (or organisation) of the article.

An explicit phrase is resolved by the person mention inside it, by name tokens, by title, to an
organisation, or by reading the name in the phrase itself; pronouns, ``-nya`` and quotes without
a cue get the current speaker of the surrounding text. ``Hal tersebut disampaikan X`` gives X to
the quotes just before it that have no speaker of their own. Every speaker carries its ``rule``.
"""

from __future__ import annotations

import bisect
import functools
from typing import Any

from spacy.tokens import Doc

from ...lexicons.speech_verbs import SpeechLexicon
from ...text.ranges import merge_overlapping, overlaps
from ...text.source import doc_text
from .model import MASK, Attribution, Candidate, SpeakerRef, words_of
from .names import NameReader
from .patterns import (
    ACTIVE_VERB,
    PAREN,
    PASSIVE_VERB,
    QUOTE_WORDS,
    SENTENCE_BOUNDARY,
    VERB_NEXT,
    WEB_ADDRESS,
    build_patterns,
)
from .phrases import person_head
from .resolution import Resolution
from .roster import (
    CoverIndex,
    Mentions,
    OrgIndex,
    PersonIndex,
    covered_spans,
    load_orgs,
    load_people,
    title_linked_starts,
    title_words,
)

DEMONSTRATIVES = QUOTE_WORDS.words("demonstrative")


class SpeakerResolver:
    """Resolve speaker references to people (or organisations) of the article."""

    def __init__(self, doc: Doc, masked: str, lex: SpeechLexicon, masked_source: str | None = None) -> None:
        self.doc = doc
        self.text = masked_source if masked_source is not None else doc_text(doc)
        self.masked = masked
        self.lex = lex
        self.people = load_people(doc, masked)
        self.orgs = load_orgs(doc)
        self.mentions = Mentions(self.people)
        self.names = NameReader(masked, lex, self.covered)
        self.person_index = [PersonIndex(person, self.text) for person in self.people]
        self.org_index = OrgIndex(self.orgs)
        self.org_ranges = merge_overlapping(
            start_end for _n, mentions, _k in self.orgs for start_end in mentions
        )
        self.quote_spans: list[tuple[int, int]] = []

    # -------------------------------------------------------------- inputs

    @functools.cached_property
    def _covered(self) -> list[tuple[int, int]]:
        return covered_spans(self.doc, self.orgs, self.lex)

    def covered(self) -> list[tuple[int, int]]:
        """Spans of organisations, places and titles: capitalised words there are not names."""
        return self._covered

    @functools.cached_property
    def cover_index(self) -> CoverIndex:
        return CoverIndex(self.covered())

    @functools.cached_property
    def title_linked(self) -> frozenset[int]:
        """Start offsets of the persons a title was linked to."""
        return title_linked_starts(self.doc)

    @property
    def people_from_component(self) -> bool:
        return bool(self.people) and self.people[0].source == "people"

    # -------------------------------------------------------------- explicit phrases

    def _speaker(self, index: int, mention: str, start: int, end: int, rule: str) -> dict[str, Any]:
        return {"name": self.people[index].name, "mention": mention, "start": start, "end": end, "rule": rule}

    def _person_in(self, start: int, end: int) -> tuple[int, int, int] | None:
        """The first person mention inside ``[start, end)`` not part of a title, organisation or place."""
        items = self.mentions.items
        index = self.mentions.from_position(start)
        while index < len(items) and items[index][0] < end:
            mention_start, mention_end, person = items[index]
            if mention_end <= end and (
                mention_start in self.title_linked
                or not self.cover_index.covers_strictly(mention_start, mention_end)
            ):
                return mention_start, mention_end, person
            index += 1
        return None

    def _by_name_tokens(self, tokens: set[str], before: int) -> int | None:
        """`Sekda Alexander` -> Alexander Wilyo; the nearest earlier mention wins ties."""
        best, best_key = None, (0.0, -1)
        for index, person in enumerate(self.people):
            keys = [person.tokens, *person.alias_tokens]
            score = max((len(tokens & key) / len(tokens) for key in keys if tokens), default=0.0)
            recent = self.person_index[index].last_before(before)
            if score >= 0.5 and (score, recent) > best_key:
                best, best_key = index, (score, recent)
        return best

    def _anaphor(self, phrase: str) -> bool:
        """`Politisi PPP ini`, `pria tersebut`: a description that points back to the current speaker."""
        words = [word.casefold() for word in words_of(phrase)]
        return 2 <= len(words) <= 6 and words[-1] in DEMONSTRATIVES and person_head(words, self.lex)

    def _by_title(self, phrase: str, before: int) -> int | None:
        """The person (most recently mentioned before ``before``) whose title or alias fits ``phrase``."""
        words = [word.casefold().rstrip(".") for word in words_of(PAREN.sub(" ", phrase))]
        titles = [word for word in words if word in self.lex.prefixes]
        if not titles:
            return None
        norm_phrase = " ".join(words)
        best, best_pos = None, -2
        for index in range(len(self.people)):
            if not self._has_title(index, titles, norm_phrase):
                continue
            pos = self.person_index[index].last_before(before)
            if pos > best_pos:
                best, best_pos = index, pos
        return best

    def _has_title(self, index: int, titles: list[str], norm_phrase: str) -> bool:
        person = self.people[index]
        for title in person.titles:
            norm_title = " ".join(word.casefold().rstrip(".") for word in words_of(title))
            if norm_title and (norm_title in norm_phrase or norm_phrase in norm_title):
                return True
        if any(all(word in key for word in titles[:1]) for key in person.alias_tokens):
            return True
        return titles[0] in self.person_index[index].context_words()

    def _organization(self, ref: SpeakerRef, rule: str) -> dict[str, Any] | None:
        """An organisation as the speaker (the phrase names no one)."""
        start, end, phrase = ref.start, ref.end, ref.text
        found = self.org_index.first_inside(start, end, phrase)
        if found is None:
            found = self.org_index.by_head(phrase, [name for name, _m, _k in self.orgs])
        if found is None:
            return None
        name = self.orgs[found][0]
        return {"name": name, "mention": phrase, "start": start, "end": end, "rule": f"{rule}:organization"}

    def _site(self, ref: SpeakerRef, site: Any, rule: str) -> dict[str, Any]:
        """A web address named as the source, as written (`kompas.com`, `kemenkes.go.id`)."""
        start, end = ref.start + site.start(), ref.start + site.end()
        return {
            "name": site.group(),
            "mention": site.group(),
            "start": start,
            "end": end,
            "rule": f"{rule}:site",
        }

    def _from_phrase(
        self, ref: SpeakerRef, name_words: list[tuple[str, int]], rule: str
    ) -> dict[str, Any] | None:
        """No person of the article fits: read the name from the phrase itself, if it looks like one."""
        phrase = ref.text
        if not all(self.names.name_like(word) for word, _ in name_words):
            name_words = []  # a run with a number or a common word in it is no name (`Piala Dunia U-17`)
        if len(name_words) == 1 and name_words[0][1] == 0 and len(words_of(phrase)) > 1:
            name_words = []  # `Terkait ...`, `Rilis ...`: the capital of the first word of a sentence
        org_words = title_words()
        last_org = max(
            (index for index, (word, _) in enumerate(name_words) if word.casefold().rstrip(".") in org_words),
            default=-1,
        )
        if last_org >= 0:
            # `Corporate Communications Borneo Air Sinta Dewi`: the name follows the organisation's words
            name_words = name_words[last_org + 1 :] if len(name_words) - last_org - 1 >= 2 else []
        if not name_words:
            return None
        start = ref.start + name_words[0][1]
        name = self.names.expand_name([word for word, _ in name_words], start)
        if not name:
            return None
        end = ref.start + name_words[-1][1] + len(name_words[-1][0])
        return {
            "name": name,
            "mention": self.text[start:end],
            "start": start,
            "end": end,
            "rule": f"{rule}:phrase",
        }

    def resolve_phrase(self, ref: SpeakerRef, before: int) -> dict[str, Any] | None:
        """Resolve an explicit speaker phrase (``Sekda Alexander``, ``Iptu Tenda Sukendar``)."""
        start, end, phrase = ref.start, ref.end, ref.text
        rule = ref.rule or "explicit"
        hit = self._person_in(start, end)
        if hit is not None:
            m_start, m_end, index = hit
            return self._speaker(index, self.text[m_start:m_end], m_start, m_end, f"{rule}:mention")
        name_words = self.names.name_words(phrase, start)
        if (
            rule != "subject"
            and len(name_words) == 1
            and name_words[0][0].casefold().rstrip(".") in self.lex.prefixes
        ):
            name_words = []  # `kata Kasintel`: a bare post after a cue names its holder, no person `Kasintel`
        tokens = {word.casefold().strip(".'’") for word, _ in name_words}
        best = self._by_name_tokens(tokens, before)
        if best is not None:
            return self._speaker(best, phrase, start, end, f"{rule}:name")
        if self._anaphor(phrase):
            return {"anaphor": True}
        site = WEB_ADDRESS.search(phrase)
        if site is not None:  # `dilansir dari kompas.com`: the outlet, or the site as written
            return self._organization(ref, rule) or self._site(ref, site, rule)
        if tokens:
            return self._from_phrase(ref, name_words, rule) or self._organization(ref, rule)
        # by title (`ucap Bupati`, `Kepala Kantor SAR Lampung mengatakan`)
        index = self._by_title(phrase, before)
        if index is not None:
            return self._speaker(index, phrase, start, end, f"{rule}:title")
        return self._organization(ref, rule) or self._from_phrase(ref, name_words, rule)

    # -------------------------------------------------------------- the current speaker

    def _trim_back(self, low: int, position: int) -> int:
        """``position`` moved back over the opening mark, spaces and line breaks before a quote."""
        while position > low and self.masked[position - 1] in ' \t\n\u00a0\x00“”"‘’':
            position -= 1
        return position

    def _in_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self.quote_spans, (position, 1 << 60)) - 1
        return index >= 0 and self.quote_spans[index][0] <= position < self.quote_spans[index][1]

    def _sentence_start(self, position: int, reach: int = 400) -> int:
        """Where the sentence before ``position`` starts (after a line break, `. ` or a quote).

        Looks back ``reach`` characters first; further only when those hold six words or fewer
        (beyond them the sentence is too long for a subject anyway)."""
        masked = self.masked
        low = max(0, position - reach)
        found = max(
            masked.rfind("\n", low, position),
            masked.rfind(". ", low, position),
            masked.rfind(MASK, low, position),
        )
        if found >= 0 or low == 0 or len(masked[low:position].split()) > 6:
            return found + 1 if found >= 0 else low
        return (
            max(
                masked.rfind("\n", 0, position),
                masked.rfind(". ", 0, position),
                masked.rfind(MASK, 0, position),
            )
            + 1
        )

    def _subject_position(self, start: int, end: int) -> bool:
        """Near the start of its sentence, or right before a verb of saying (`..., Djoko menyampaikan`)."""
        masked = self.masked
        gap = VERB_NEXT.match(masked, end, end + 60)
        if gap is not None and PASSIVE_VERB.match(masked, gap.end(), end + 60):
            return False  # `Muslim ditahan ...`, `Saeful diamankan ...`: the one acted on, no speaker
        if len(masked[self._sentence_start(start) : start].split()) <= 6:
            return True
        if gap is None:
            return False
        # the person is the subject of the clause: an active verb follows (me-, ber-, or a verb of saying)
        return (
            build_patterns().verb.match(masked, gap.end(), end + 60) is not None
            or ACTIVE_VERB.match(masked, gap.end(), end + 60) is not None
        )

    def _salient_mention(self, start: int, end: int, before: int) -> bool:
        return (
            self.masked[start] != MASK
            and not self._in_quote(start)
            and self._subject_position(start, end)
            and self._few_boundaries(end, self._trim_back(end, before))
        )

    def _few_boundaries(self, start: int, end: int, most: int = 2) -> bool:
        """Whether at most ``most`` sentence boundaries lie in ``[start, end)`` (stops counting after)."""
        for count, _match in enumerate(SENTENCE_BOUNDARY.finditer(self.masked, start, end), 1):
            if count > most:
                return False
        return True

    def salient(
        self, before: int, last: tuple[int, dict[str, Any]] | None, nearest_ok: bool = True
    ) -> dict[str, Any] | None:
        """The current speaker at ``before``: the last speaker, or a person who became the subject since;
        where no one has spoken yet (and ``nearest_ok``), the person named last before ``before``."""
        items = self.mentions.items
        index = self.mentions.from_position(before) - 1
        nearest = index
        floor = last[0] if last else -1
        while index >= 0 and items[index][0] > floor:
            start, end, person = items[index]
            if self._salient_mention(start, end, before):
                return self._speaker(person, self.text[start:end], start, end, "salient")
            index -= 1
        if last is not None:
            return dict(last[1])
        if nearest >= 0 and nearest_ok and self.people_from_component:
            # no one has spoken yet: the person named last before the quote
            start, end, person = items[nearest]
            return self._speaker(person, self.text[start:end], start, end, "salient-nearest")
        return None

    def not_a_person(self, speaker: dict[str, Any]) -> bool:
        """Is a resolved speaker an organisation or a place (so `dia`/`-nya` cannot refer to it)?"""
        rule = str(speaker.get("rule") or "")
        if rule.endswith(":organization"):
            return True
        if not rule.endswith(":phrase"):
            return False
        start, end = speaker.get("start", -1), speaker.get("end", -1)
        if overlaps(start, end, self.org_ranges):
            return True
        org_words = title_words()
        return any(
            word.casefold().rstrip(".") in org_words for word in words_of(str(speaker.get("name") or ""))
        )

    def resolve_all(self, cands: list[Candidate], events: list[Attribution]) -> None:
        """Give each candidate its speaker, in text order (see :class:`.resolution.Resolution`)."""
        self.quote_spans = sorted((cand.start, cand.end) for cand in cands)
        Resolution(self, cands).run(events)
