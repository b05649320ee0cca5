"""One pass over the quotes of an article in text order, giving each its speaker.

The pass keeps the last speaker and the last person who spoke; pronouns, ``-nya`` and quotes
without a cue take the current speaker from :meth:`.speakers.SpeakerResolver.salient`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Attribution, Candidate, SpeakerRef

if TYPE_CHECKING:
    from .speakers import SpeakerResolver

#: Quotes whose speaker came from the text around them, not from an explicit attribution.
WEAK_PREFIXES = ("continuation", "salient")


class Resolution:
    """One pass over the quotes in text order, keeping the last speaker and the last person who spoke.

    ``events`` are sentences that are not quotes but name a speaker: ``hal`` (`Hal tersebut
    disampaikan X`: X speaks the quotes just before that have no speaker of their own) and
    ``topic`` (`X menyampaikan terima kasih ...`: X becomes the current speaker for `-nya`)."""

    def __init__(self, resolver: SpeakerResolver, cands: list[Candidate]) -> None:
        self.resolver = resolver
        self.cands = cands
        self.last: tuple[int, dict[str, Any]] | None = None
        self.last_person: tuple[int, dict[str, Any]] | None = None
        # a quote named its speaker but no person of the article fits: `-nya` after it is that speaker,
        # not whoever was named last
        self.unresolved = False

    def remember(self, position: int, speaker: dict[str, Any]) -> None:
        self.last = (position, speaker)
        if not self.resolver.not_a_person(speaker):
            self.last_person = self.last

    def apply_event(self, position: int, ref: SpeakerRef, kind: str, upto: int) -> None:
        speaker = self.resolver.resolve_phrase(ref, position)
        if speaker is None or speaker.get("anaphor"):
            return
        if kind != "hal" and self.resolver.not_a_person(speaker):
            return  # `Satgas X akan meminta ...`: an organisation is no antecedent for `-nya`
        if kind == "hal":
            speaker["rule"] = "hal-tersebut"
            self._give_back(speaker, upto)
        else:
            speaker["rule"] = "salient-subject"
        self.remember(position, speaker)

    def _give_back(self, speaker: dict[str, Any], upto: int) -> None:
        """`Hal tersebut disampaikan X`: X speaks the quotes before without a speaker of their own."""
        for quote in reversed(self.cands[:upto]):
            rule = quote.speaker["rule"] if quote.speaker else ""
            weak = rule.startswith(WEAK_PREFIXES) or rule.endswith(":phrase")
            if quote.speaker is not None and not weak and not rule.startswith("split"):
                break
            if quote.speaker is None or weak:
                quote.speaker = dict(speaker)

    def speaker_of(self, cand: Candidate, previous: Candidate | None) -> dict[str, Any] | None:
        resolver, ref = self.resolver, cand.ref
        speaker: dict[str, Any] | None = None
        if ref.kind == "phrase":
            speaker = resolver.resolve_phrase(ref, ref.start)
            if speaker is not None and speaker.get("anaphor"):
                ref = SpeakerRef("pronoun", ref.start, ref.end, ref.text, "anaphor")
                speaker = None
        if ref.kind == "pronoun":
            # `dia`/`-nya` refer to the last person who spoke, never to an organisation
            current = resolver.salient(
                min(ref.start, cand.start) if ref.start >= 0 else cand.start,
                self.last_person,
                nearest_ok=not self.unresolved,
            )
            if current is not None:
                rule = ref.rule or "pronoun"
                speaker = {**current, "mention": ref.text, "start": ref.start, "end": ref.end, "rule": rule}
        elif ref.kind == "same" and previous is not None:
            speaker = dict(previous.speaker) if previous.speaker else None
            if speaker:
                speaker["rule"] = "split"
        elif ref.kind == "none" and cand.kind == "direct":
            current = resolver.salient(cand.start, self.last, nearest_ok=not self.unresolved)
            if current is not None:
                speaker = {**current, "rule": "continuation"}
        return speaker

    def run(self, events: list[Attribution]) -> None:
        events = sorted(events, key=lambda event: event[0])
        event_index = 0
        previous: Candidate | None = None
        for cand in self.cands:
            while event_index < len(events) and events[event_index][0] < cand.start:
                self.apply_event(*events[event_index], cand.order)
                event_index += 1
            cand.speaker = self.speaker_of(cand, previous)
            if cand.speaker is not None:
                self.remember(cand.start, cand.speaker)
            elif cand.ref.kind == "phrase":
                self.unresolved = True
            previous = cand
        for event in events[event_index:]:
            self.apply_event(*event, len(self.cands))
