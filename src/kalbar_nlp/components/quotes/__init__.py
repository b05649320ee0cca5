"""Component ``kalbar_quotes``: direct and indirect quotes with their speakers.

Writes ``doc._.kalbar_quotes``: a list of dicts, in text order::

    {"text", "start", "end", "kind": "direct" | "indirect", "cue",
     "speaker": {"name", "mention", "start", "end", "rule"} | None, "rule"}

``doc.text[start:end] == text`` always holds; ``text`` is the quoted content
without the quotation marks and without the attribution.

How it works, in three passes over the article text (all linear in its length):

1. **Direct quotes**: every quotation mark news uses (“ ” " ' ‘ ’ « » and ASCII
   ``''``) is classified as opening or closing from its neighbours, and a small
   state machine pairs them.  A paragraph that opens a quote and does not close
   it continues into the next paragraph (the convention of long quotes); an
   unclosed mark never runs further than :data:`MAX_QUOTE_CHARS` characters or
   :data:`MAX_QUOTE_PARAGRAPHS` paragraphs: the quote stops at the end of its
   paragraph and a warning says so.  A marked span is a quote when a cue of
   speech is next to it (``“...,” kata Sekda Alexander``, ``Ia mengatakan,
   “...”``) or when it stands as a sentence of its own; short marked spans in
   the middle of a sentence, and names after words like ``program`` or
   ``bertajuk``, are titles or scare quotes and are skipped.
2. **Indirect quotes**: in the sentences outside direct quotes, reported
   speech is a content clause after a verb of saying (``Sekda mengatakan,
   bahwa ...``), after ``Menurut X,``/``Bagi X,``, after a passive cue
   (``Dijelaskan Tenda, ...``, ``Diakui oleh panitia, ...``, ``Dilansir dari
   kompas.com, ...``), around a cue between commas (``..., kata Bambang, ...``,
   ``Kolaborasi itu, lanjutnya, melibatkan ...``, ``A, ditegaskan X, B``) or
   after a cue and its speaker that open the sentence without a comma
   (``Kata Jarot pemerintah akan ...``).
3. **Speakers**: each quote's speaker mention (``kata Sekda Alexander``,
   ``ujarnya``, ``Dirinya menjelaskan``, ``X melalui Y mengatakan`` → Y) is
   resolved to a person of ``doc._.kalbar_people`` (by the mention's span, by
   name tokens, or by title), to an organisation of
   ``doc._.kalbar_organizations``, or, for pronouns, ``-nya`` and quotes
   without a cue, to the current speaker of the surrounding text.  A pronoun
   is never output as a name; the speaker is ``None`` where the article does
   not say.  ``Hal tersebut disampaikan X`` gives X to the quotes just before
   it that have no speaker of their own.

The cue lexicon is ``resources/speech_verbs.tsv``; the other words the rules read are in
``resources/quote_words.tsv``.  Every quote and every speaker carries the ``rule`` that made it.

Modules: :mod:`.marks` (quotation marks, text -> spans), :mod:`.direct` (direct quotes),
:mod:`.reported` and :mod:`.cues` (reported speech), :mod:`.phrases` (reading a speaker phrase),
:mod:`.speakers`, :mod:`.roster` and :mod:`.names` (speaker resolution), :mod:`.patterns`
(compiled regexes), :mod:`.model` (the data the passes share), :mod:`.resolution` (the pass that gives
each quote its speaker), :mod:`.finder` (the component).
"""

from __future__ import annotations

from spacy.language import Language

from .finder import QuoteFinder
from .marks import Mark, MarkedSpan, find_marks, pair_marks
from .model import MAX_QUOTE_CHARS, MAX_QUOTE_PARAGRAPHS, MAX_UNCLOSED, Candidate, SpeakerRef
from .patterns import Patterns, build_patterns
from .speakers import SpeakerResolver

__all__ = [
    "MAX_QUOTE_CHARS",
    "MAX_QUOTE_PARAGRAPHS",
    "MAX_UNCLOSED",
    "Candidate",
    "Mark",
    "MarkedSpan",
    "Patterns",
    "QuoteFinder",
    "SpeakerRef",
    "SpeakerResolver",
    "build_patterns",
    "find_marks",
    "make_quotes",
    "pair_marks",
]


@Language.factory(
    "kalbar_quotes",
    assigns=["doc._.kalbar_quotes"],
    requires=["doc._.kalbar_people"],
    default_config={"max_quote_chars": MAX_QUOTE_CHARS},
)
def make_quotes(nlp: Language, name: str, max_quote_chars: int) -> QuoteFinder:
    """Build the ``kalbar_quotes`` component."""
    return QuoteFinder(nlp, name, max_quote_chars=max_quote_chars)
