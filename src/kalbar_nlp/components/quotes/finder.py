"""The ``kalbar_quotes`` component: the three passes (direct, indirect, speakers) over one Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ... import extensions  # noqa: F401  (declares the Doc extensions)
from ...extensions import add_warning
from ...lexicons.speakers import load_quote_lexicon
from ...text.ranges import boilerplate_ranges, merge_overlapping
from ...text.source import doc_text
from .direct import find_direct
from .marks import paragraph_starts, repair_broken_marks
from .model import MAX_QUOTE_CHARS, Candidate
from .patterns import build_patterns
from .reported import find_indirect, mask_text
from .speakers import SpeakerResolver


def _dateline_range(doc: Doc, text_length: int) -> list[tuple[int, int]]:
    """The dateline's range, where the dateline component wrote one inside the text."""
    dateline = doc._.kalbar_dateline
    if isinstance(dateline, dict) and isinstance(dateline.get("end"), int) and dateline["end"] <= text_length:
        return [(int(dateline.get("start") or 0), int(dateline["end"]))]
    return []


def reading_text(text: str) -> str:
    """``text`` with ``\r\n`` read as `` \n`` and a lone ``\r`` as ``\n`` (same length, same offsets).

    The rules then see one line-ending convention, and the ``\r`` of ``\r\n`` is white space they
    trim like any other: no quote or speaker ends with it, and the results do not depend on it.
    Quotation marks a scraper broke into ``?`` are read as marks (:func:`.marks.repair_broken_marks`)."""
    text = text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text
    return repair_broken_marks(text)


def _speaker_record(text: str, speaker: dict | None) -> dict | None:
    """The speaker with its mention read from the text as given (the rules read ``reading_text``)."""
    if not speaker or not isinstance(speaker.get("start"), int) or not isinstance(speaker.get("end"), int):
        return speaker
    return {**speaker, "mention": text[speaker["start"] : speaker["end"]]}


def _record(text: str, cand: Candidate) -> dict:
    return {
        "text": text[cand.start : cand.end],
        "start": cand.start,
        "end": cand.end,
        "kind": cand.kind,
        "cue": cand.cue,
        "speaker": _speaker_record(text, cand.speaker),
        "rule": cand.rule,
    }


class QuoteFinder:
    """Find direct and indirect quotes and resolve their speakers (see the package docstring)."""

    def __init__(self, nlp: Language, name: str, max_quote_chars: int = MAX_QUOTE_CHARS) -> None:
        if not isinstance(max_quote_chars, int) or max_quote_chars < 50:
            raise ValueError("max_quote_chars: must be an integer of at least 50")
        self.name = name
        self.max_quote_chars = max_quote_chars
        self.lex = load_quote_lexicon()
        self.pat = build_patterns()

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc._.kalbar_quotes`` (and a warning for marks without a closing mark)."""
        source = doc_text(doc)
        text = reading_text(source)
        # where the Doc carries a dependency parse (the stanza backend), the subject of a verb of
        # saying is read from it; otherwise from the words before the verb
        parsed = doc if doc.has_annotation("DEP") else None
        warnings: list[str] = []
        skip = merge_overlapping(boilerplate_ranges(doc))
        direct = find_direct(text, paragraph_starts(text), skip, warnings, self.max_quote_chars)
        masked = mask_text(text, direct, skip + _dateline_range(doc, len(source)))
        indirect, attributions = find_indirect(text, masked, parsed)
        cands = sorted(direct + indirect, key=lambda cand: (cand.start, cand.end))
        for order, cand in enumerate(cands):
            cand.order = order
        SpeakerResolver(doc, masked, self.lex, text).resolve_all(cands, attributions)
        doc._.kalbar_quotes = [_record(source, cand) for cand in cands]
        for warning in warnings:
            add_warning(doc, warning)
        return doc
