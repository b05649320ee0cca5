"""Character ranges of a ``Doc`` that hold no article content, and linear-time tests on them.

The boilerplate component writes ``doc._.kalbar_boilerplate`` as sorted ``[start, end, kind]``
lists; the bylines and dateline components write their own spans. Every later component asks
this module which ranges to skip instead of reading those attributes in its own way.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

Range = tuple[int, int]


def _pair(item: object) -> Range:
    """``(start, end)`` of a stored range: a ``[start, end, kind]`` list or a dict with start/end."""
    if isinstance(item, dict):
        return int(item["start"]), int(item["end"])
    start, end = item[0], item[1]  # type: ignore[index]
    return int(start), int(end)


def boilerplate_ranges(doc: Doc) -> list[Range]:
    """The boilerplate ranges of ``doc``, sorted, as they were written (overlaps kept)."""
    return sorted(_pair(item) for item in doc._.kalbar_boilerplate or [])


def merge_overlapping(ranges: Iterable[Range]) -> list[Range]:
    """Sort ``ranges`` and merge those that overlap or touch."""
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _annotation_ranges(doc: Doc, span_key: str, items: Iterable[object]) -> list[Range]:
    """Ranges of ``doc.spans[span_key]`` and of the dicts in ``items`` that carry start and end."""
    out: list[Range] = []
    if span_key in doc.spans:
        out.extend((span.start_char, span.end_char) for span in doc.spans[span_key])
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
            out.append((item["start"], item["end"]))
    return out


def byline_ranges(doc: Doc) -> list[Range]:
    """Ranges of the credited bylines (spans and records alike)."""
    return _annotation_ranges(doc, "kalbar_bylines", doc._.kalbar_bylines or [])


def dateline_ranges(doc: Doc) -> list[Range]:
    """The range of the dateline, if there is one."""
    dateline = doc._.kalbar_dateline
    return _annotation_ranges(doc, "kalbar_dateline", [dateline] if dateline else [])


def dateline_part_ranges(doc: Doc, label: str) -> list[Range]:
    """Ranges of one part of the dateline: ``OUTLET`` or ``PLACE`` (empty without a dateline)."""
    if not doc._.kalbar_dateline or "kalbar_dateline" not in doc.spans:
        return []
    return [(span.start_char, span.end_char) for span in doc.spans["kalbar_dateline"] if span.label_ == label]


def excluded_ranges(doc: Doc) -> list[Range]:
    """Everything that holds no people or quotes: boilerplate, bylines and the dateline, unmerged."""
    return boilerplate_ranges(doc) + byline_ranges(doc) + dateline_ranges(doc)


def contains(position: int, merged: Sequence[Range]) -> bool:
    """Whether ``position`` lies inside one of the sorted, non-overlapping ``merged`` ranges."""
    k = bisect.bisect_right(merged, (position, float("inf"))) - 1
    return k >= 0 and merged[k][0] <= position < merged[k][1]


def overlaps(start: int, end: int, merged: Sequence[Range]) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted, non-overlapping ``merged`` ranges."""
    k = bisect.bisect_left(merged, (end, -1)) - 1
    return k >= 0 and merged[k][1] > start


def trim_and_merge(text: str, spans: Iterable[tuple[int, int, str]]) -> list[list]:
    """Trim white space off ``(start, end, kind)`` ranges, drop empty ones and merge overlaps.

    The earlier (and, at the same start, the longer) range's kind wins. Returns sorted,
    non-overlapping ``[start, end, kind]`` lists, the shape of ``doc._.kalbar_boilerplate``.
    """
    cleaned = []
    for start, end, kind in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            cleaned.append((start, end, kind))
    cleaned.sort(key=lambda item: (item[0], -item[1]))
    out: list[list] = []
    for start, end, kind in cleaned:
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
            continue
        out.append([start, end, kind])
    return out


def set_range_spans(doc: Doc, key: str, ranges: Iterable[Sequence]) -> None:
    """Put ``(start, end, label)`` character ranges in ``doc.spans[key]``, expanded to tokens."""
    spans = []
    for start, end, label in ranges:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans[key] = spans
