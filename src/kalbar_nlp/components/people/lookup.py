"""Helpers for other components: which person a span, a title or a name points to.

The quotes component maps a speaker mention to a person with these; they read
``doc.spans["kalbar_people"]`` (each span's ``kb_id_`` is the person's index) and
``doc._.kalbar_people``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from ...lexicons.titles import load_lexicon, norm_key, norm_tok

SPAN_KEY = "kalbar_people"


def resolve_mention(doc: Doc, start: int, end: int) -> int | None:
    """Index in ``doc._.kalbar_people`` of the person mentioned at tokens ``[start, end)``, else None.

    A mention span that lies inside the given span (or contains it) counts; where several
    persons overlap, the one with the largest overlap wins.
    """
    if not isinstance(start, int) or not isinstance(end, int) or start < 0 or end < start:
        raise ValueError(
            f"resolve_mention: start/end must be token offsets with 0 <= start <= end, got {start}, {end}"
        )
    return _largest_overlap(doc, start, end, lambda sp: (sp.start, sp.end))


def _largest_overlap(doc: Doc, start: int, end: int, bounds: Callable[[Span], tuple[int, int]]) -> int | None:
    """Person index of the ``kalbar_people`` span overlapping ``[start, end)`` most (``bounds`` units)."""
    best, best_ov = None, 0
    for sp in doc.spans.get(SPAN_KEY, []):
        s, e = bounds(sp)
        ov = min(end, e) - max(start, s)
        if ov > best_ov:
            best, best_ov = int(sp.kb_id_), ov
    return best


def resolve_char_span(doc: Doc, start_char: int, end_char: int) -> int | None:
    """Like :func:`resolve_mention` with character offsets."""
    if not isinstance(start_char, int) or not isinstance(end_char, int) or end_char < start_char:
        raise ValueError(f"resolve_char_span: bad character offsets {start_char}, {end_char}")
    return _largest_overlap(doc, start_char, end_char, lambda sp: (sp.start_char, sp.end_char))


def person_by_title(doc: Doc, title_text: str) -> int | None:
    """Index of the one person whose positions fit ``title_text`` (``Sekda``, ``Kapolres Sleman``) or None."""
    if not isinstance(title_text, str) or not title_text.strip():
        raise ValueError("person_by_title: title_text must be a non-empty string")
    lex = load_lexicon()
    keys = [norm_tok(w) for w in title_text.split()]
    # strip acting/former prefixes
    while keys:
        m = lex.prefixes.match(keys, 0)
        if not m:
            break
        keys = keys[m[0] :]
    m = lex.titles.match(keys, 0) if keys else None
    if not m:
        return None
    entry = m[1]
    expansion = " ".join(norm_key(entry.expansion))  # type: ignore[attr-defined]
    juris = " ".join(keys[m[0] :])
    hits = []
    for idx, p in enumerate(doc._.kalbar_people or []):
        for pos in p.get("positions", []):
            exp = " ".join(norm_key(pos.get("expansion") or pos["role"]))
            pj = " ".join(norm_key(pos.get("jurisdiction") or ""))
            if (exp == expansion or exp.endswith(" " + expansion)) and (
                not juris or not pj or juris in pj or pj in juris
            ):
                hits.append(idx)
                break
    return hits[0] if len(hits) == 1 else None


def person_by_name(doc: Doc, name: str) -> int | None:
    """Index of the one person whose name or aliases contain every word of ``name``, else None."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError("person_by_name: name must be a non-empty string")
    words = {w.replace(".", "").lower() for w in name.split() if w[:1].isalpha()}
    if not words:
        return None
    hits = []
    for idx, p in enumerate(doc._.kalbar_people or []):
        forms = [p["name"], *p.get("aliases", [])]
        pool = {w.replace(".", "").lower() for f in forms for w in f.split()}
        if words <= pool:
            hits.append(idx)
    return hits[0] if len(hits) == 1 else None
