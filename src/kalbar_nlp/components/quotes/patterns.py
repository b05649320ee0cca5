"""The regular expressions of the quote rules, built once from the cue lexicon and the quote words.

None has nested quantifiers; every word alternation is read from ``resources/`` (the speech-verb
lexicon and ``quote_words.tsv``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

from ...lexicons.dates import load_lexicon as load_date_lexicon
from ...lexicons.quote_words import calendar_words, load_quote_words
from ...lexicons.speakers import load_quote_lexicon

QUOTE_WORDS = load_quote_words()
SPACE = r"[^\S\n]"
ANY_SPACE = r"\s+"


def alternation(words: Iterable[str], space: str = SPACE) -> str:
    """A regex alternation of ``words``, longest first; the spaces of several-word entries match ``space``."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(space.join(regex.escape(part) for part in word.split(" ")) for word in ordered)


def kind_alternation(kind: str, space: str = SPACE) -> str:
    """:func:`alternation` of one kind of ``quote_words.tsv``."""
    return alternation(QUOTE_WORDS.ordered(kind), space)


# the clause markers in file order (the order of the original alternation in `ADJUNCT_END`)
MARKERS = "|".join(QUOTE_WORDS.ordered("clause_marker"))
CLAUSE_MARKERS = QUOTE_WORDS.words("clause_marker")
ABBREVIATIONS = QUOTE_WORDS.words("abbreviation")
CALENDAR_WORDS = calendar_words()

CONNECTIVES = regex.compile(rf"^(?:{kind_alternation('connective', ANY_SPACE)})\s*,?\s*", regex.IGNORECASE)
# what may follow a verb of saying before its content: `, `, `: `, `juga, `, `bahwa`
AFTER_VERB = regex.compile(
    rf"(?i){SPACE}*(?:(?:{kind_alternation('verb_particle')})(?:{SPACE}+|(?=[,:])))?(?:[,:]|(?=(?:{MARKERS}){SPACE}))"
)
# the end of an adjunct after the verb (`kepada wartawan,` / `di Bandung, Senin (1/1), bahwa`)
ADJUNCT_END = regex.compile(rf"(?i)[,:]{SPACE}*(?:(?:{MARKERS}){SPACE}+)?|{SPACE}(?={MARKERS}{SPACE})")
SHORT_OBJECT = regex.compile(rf"(?i){SPACE}*(?:[\p{{L}}\p{{N}}\-]+{SPACE}+){{1,3}}?(?=(?:{MARKERS}){SPACE})")
# a weekday and its numbers opening reported speech (`dilansir dari X, Jumat (9/12/2016) taman ...`): the
# date of the statement, part of the attribution, not of its content
LEADING_DATE = regex.compile(
    rf"(?i)(?:hari{SPACE}+)?(?:{alternation(load_date_lexicon().weekdays)})(?![\p{{L}}])[^\S\n]*,?[^\S\n]*"
    r"\([^\S\n]*\d{1,2}[^\S\n]*[/.\-][^\S\n]*\d{1,2}(?:[^\S\n]*[/.\-][^\S\n]*\d{2,4})?[^\S\n]*\)[^\S\n]*,?[^\S\n]*"
)
SENT_END = regex.compile(r"[.!?](?=[^\S\n]|[\p{Lu}“\"]|$)|\n|[“\"]")
PREP_BEFORE = regex.compile(
    rf"(?i)(?<![\p{{L}}])({kind_alternation('source_prep')})(nya)?(?:{SPACE}+([^,\n]{{1,80}}))?{SPACE}*[,:]{SPACE}*$"
)
SENT_BACK = regex.compile(r"(?r)\n|[.!?][\"”’]?[^\S\n]+|[.!?](?=[\p{Lu}])")
ANAPHOR_TAIL = regex.compile(
    rf"([^.,;:!?\n\"“”]{{1,100}}?{SPACE}(?:{kind_alternation('anaphor_tail')})){SPACE}*(?:[.,;:!?\n]|$)"
)
SENT_PUNCT = regex.compile(r"[.!?;\n]")
OLEH = regex.compile(r"(?i)oleh[^\S\n]")
PHRASE_TOKEN = regex.compile(r"\([^()\n]{0,40}\)|[\p{L}\p{N}][\p{L}\p{N}'’\-]*\.?|[,;:!?\n\"“”]|\.")
CLAUSE_LEAD = regex.compile(rf"(?i)(?:{MARKERS})(?:{SPACE}*,)?{SPACE}+")
NAMING = regex.compile(rf"(?:\S+\s+){{0,5}}?(?:{kind_alternation('naming_phrase', ANY_SPACE)})\s")
PAREN = regex.compile(r"\([^()]{0,60}\)")
HEAD_BOUNDARY = regex.compile(r"(?:^|[.!?\n\x00:][\"”’]?\s*)$")
# a name of two to five capitalised words (ranks and initials allowed) closed by a comma
APPOSITIVE = regex.compile(
    r"((?:[\p{Lu}][\p{L}'’.\-]*[^\S\n]+){1,4}[\p{Lu}][\p{L}'’.\-]*(?:,[^\S\n]*[\p{Lu}][\p{L}.]{0,6})?)"
    r"[^\S\n]*,[^\S\n]*"
)
TRAILING_ADVERB = regex.compile(rf"(?i)[^\S\n,]+(?:{kind_alternation('trailing_adverb')})[^\S\n,]*$")
# academic degrees after a name (S.Pd., M.Si, S.H., S.I.K.): not part of the name
DEGREE = regex.compile(r"^(?:[\p{Lu}][\p{Ll}]{0,3}\.){1,3}(?:[\p{Lu}][\p{L}]{0,4}\.?)?$")
VERB_NEXT = regex.compile(rf"[,\s]*(?:(?:{kind_alternation('subject_adverb', ANY_SPACE)})\s+)?")
SOURCE_NOUN = regex.compile(rf"(?i)(?:{kind_alternation('source_noun')})(?:nya)?(?:{SPACE}|$)")
# `keterangan polisi`, `laporan resmi dari pihak kepolisian`: the statement, up to who made it
SOURCE_LEAD = regex.compile(
    rf"(?i)(?:{kind_alternation('source_noun')}){SPACE}+(?:(?:\p{{Ll}}+{SPACE}+){{0,2}}?dari{SPACE}+)?(?=\p{{L}})"
)
CALLED = regex.compile(
    rf"(?i)^[^.,;:!?\n\"“”]{{0,60}}?\byang{SPACE}+(?:(?:{kind_alternation('called_adverb')}){SPACE}+)?"
    rf"(?:{kind_alternation('called_verb')}){SPACE}+([\p{{Lu}}][^.,;:!?\n\"“”]{{0,40}})"
)
# after `Title X,`: a name of one to five capitalised words (ranks allowed), then a comma, a stop or the end
APPOSITIVE_NAME = regex.compile(
    r"[^\S\n]*((?:[\p{Lu}][\p{L}'’.\-]*[^\S\n]+){0,6}[\p{Lu}][\p{L}'’\-]*\.?)"
    rf"(?=[^\S\n]*(?:[,.;:!?\n]|$|[^\S\n](?:{kind_alternation('after_name')})[^\p{{L}}]))"
)
ACTIVE_VERB = regex.compile(r"(?:me|ber)\p{Ll}{3,}(?![\p{L}\-])")
# a passive verb right after a name and its age (`Muslim ditahan`, `Saeful (50) diamankan`): acted on
PASSIVE_VERB = regex.compile(r"(?:\(\d{1,3}\)[^\S\n]*)?di\p{Ll}{3,}(?![\p{L}\-])")
# `meminta para orang tua untuk tidak ...`: an object of up to twelve words (commas allowed: a title
# and its holder's name, `kepada Ketua DPD Partai X Kabupaten Y, Budi Santoso agar ...`), then untuk/agar
DIRECTIVE_OBJECT = regex.compile(
    rf"(?i){SPACE}*(?:[\p{{L}}\p{{N}}\-.]+,?{SPACE}+){{1,12}}?(?:{kind_alternation('directive_link')}){SPACE}"
)
CLAUSE_VERB = regex.compile(r"(?:me|ber|di)\p{Ll}{3,}$")
VIA = regex.compile(rf"(?:{SPACE}+[\p{{Lu}}]{{2,5}})*{SPACE}+(?:{kind_alternation('via')}){SPACE}+")
# `..., yang mengatakan bahwa ...`: a relative clause after a speaker, before its verb of saying
RELATIVE_VERB = regex.compile(
    rf"(?i),?{SPACE}+yang{SPACE}+(?:(?:{kind_alternation('trailing_adverb')}){SPACE}+)?(?=\p{{L}})"
)
# a web address named as a source (`dilansir dari kompas.com`, `laman resmi kemenkes.go.id`)
WEB_ADDRESS = regex.compile(
    r"(?<![\p{L}\p{N}.@\-])(?:[\p{L}\p{N}][\p{L}\p{N}\-]{0,62}\.){1,4}\p{Ll}{2,6}(?![\p{L}\p{N}])"
)
SENTENCE_BOUNDARY = regex.compile(r"\n[\n\s]*|[.!?][\"”’]?\s+|[.!?](?=[\p{Lu}])|\x00+")


@dataclass(frozen=True)
class Patterns:
    """Regular expressions built once from the cue lexicon (no nested quantifiers)."""

    marks: Any
    post_cue: Any
    verb: Any
    passive_lead: Any
    passive_nya: Any
    hal_tersebut: Any
    prep_lead: Any
    suffix_lead: Any
    after_demikian: Any
    mid_cue: Any
    boundary: Any


def _cue_alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _reported_suffixes(suffixes: dict[str, str]) -> list[str]:
    """The suffix cues that may introduce reported speech (not those of direct quotes only, `tanya`)."""
    return [cue for cue, use in suffixes.items() if use != "direct"]


@functools.cache
def build_patterns() -> Patterns:
    """Compile the patterns that hold the cue lexicon (cached per process)."""
    lex = load_quote_lexicon()
    suffix = _cue_alternation(_reported_suffixes(lex.suffixes))
    verbs = _cue_alternation(lex.verbs)
    passives = _cue_alternation(lex.passives)
    preps = _cue_alternation(lex.preps)
    post_adverbs = QUOTE_WORDS.words("post_adverb")
    post_cues = _cue_alternation(set(lex.suffixes) | set(lex.verbs) | post_adverbs)
    written = "|".join(QUOTE_WORDS.ordered("written_cue"))
    inner = _cue_alternation(QUOTE_WORDS.words("inner_cue"))
    return Patterns(
        marks=regex.compile(r"''|[\"“”„‟«»‘’]"),
        # after a closing mark: `,” kata Sekda Alexander`, `,” ujarnya`, `.” demikian disampaikan X`
        post_cue=regex.compile(
            rf"^{SPACE}{{0,3}}[,.;:!?…\-–—]{{0,2}}{SPACE}{{0,3}}(?P<cue>{post_cues})(?P<nya>nya)?(?![\p{{L}}\p{{N}}])",
            regex.IGNORECASE,
        ),
        verb=regex.compile(
            rf"(?<![\p{{L}}\p{{N}}\-])(?P<cue>{verbs})(?![\p{{L}}\p{{N}}\-])", regex.IGNORECASE
        ),
        passive_lead=regex.compile(
            rf"^(?:(?:{kind_alternation('lead_adverb')}){SPACE}+)?(?P<cue>{passives}){SPACE}+(?:(?:oleh|dari){SPACE}+)?"
            rf"(?P<sp>[^,\n]{{1,100}}?){SPACE}*,{SPACE}*(?P<content>.+)$",
            regex.IGNORECASE | regex.DOTALL,
        ),
        # `Diakuinya, ...`, `Bahkan, ditegaskannya tidak ...`: the speaker is the one speaking
        passive_nya=regex.compile(
            rf"^(?:(?:{kind_alternation('lead_adverb')}){SPACE}+)?(?P<cue>{passives})(?P<nya>nya)"
            rf"(?:{SPACE}*,)?{SPACE}*(?P<content>.+)$",
            regex.IGNORECASE | regex.DOTALL,
        ),
        hal_tersebut=regex.compile(
            rf"^(?:(?:[\p{{L}}\-]+{SPACE}+){{1,2}}(?:{kind_alternation('demonstrative')}|(?P<similar>{kind_alternation('hal_similar')}))"
            rf"|{alternation(post_adverbs)}){SPACE}+"
            rf"(?:(?:{kind_alternation('hal_particle')}){SPACE}+)?(?:(?:{kind_alternation('hal_as')}){SPACE}+)?"
            rf"(?P<cue>{passives}){SPACE}+(?:oleh{SPACE}+)?(?P<sp>[^\n]{{1,400}})$",
            regex.IGNORECASE,
        ),
        prep_lead=regex.compile(
            rf"^(?P<cue>{preps})(?:(?P<nya>nya)(?:{SPACE}+(?:{kind_alternation('verb_particle')})(?=,))?{SPACE}*,?"
            rf"|{SPACE}+(?P<sp>[^,\n]{{1,100}}?){SPACE}*,){SPACE}*(?P<content>.+)$",
            regex.IGNORECASE | regex.DOTALL,
        ),
        # `Ungkap Kapolres, ...`, `Kata dia, ...`: a cue that opens the sentence
        suffix_lead=regex.compile(
            rf"^(?P<cue>{suffix})(?:(?P<nya>nya)|{SPACE}+(?P<sp>[^,\n]{{1,100}}?)){SPACE}*,{SPACE}*(?P<content>.+)$",
            regex.IGNORECASE | regex.DOTALL,
        ),
        after_demikian=regex.compile(
            rf"(?P<cue>{_cue_alternation(lex.passives | set(lex.suffixes))}|{written})"
            r"(?P<nya>nya)?(?![\p{L}\p{N}])",
            regex.IGNORECASE,
        ),
        # a cue between commas or at the end: `A, kata Bambang, B`, `A, lanjutnya, B`, `A, ujar dia.`
        # ... and without the comma before it for the cues that are no other word (`Pemprov menurut
        # Uu, akan ...`, `X lanjut dia, Y`)
        mid_cue=regex.compile(
            rf"(?:,{SPACE}*(?P<cue>{suffix}|menurut)|(?<=[\p{{L}}\p{{N}})]){SPACE}+(?P<cue>{inner}))"
            rf"(?P<nya>nya)?(?:{SPACE}+(?P<sp>[^,.;:\n]{{1,100}}?))?{SPACE}*"
            r"(?P<end>[,;]|\.?[^\S\n]*$)",
            regex.IGNORECASE,
        ),
        # a single line break between a word and a lower-case word is a scraper's break inside the
        # sentence (`... berinisial K\nditangkap di ...`), not a boundary
        boundary=regex.compile(
            r"\n{2,}|\n(?![^\S\n]*\p{Ll})|(?<![\p{L}\p{N},])\n|\x00+|(?<=[.!?…])[\"”’]?[^\S\n]+(?=[\p{Lu}\p{N}“\"‘(\[])|(?<=[.!?])(?=[\p{Lu}][\p{Ll}])"
            r"|(?<=[\p{Ll}]{2}[.!?])(?=[\p{Lu}])"
        ),
    )


@functools.cache
def build_focus_cue() -> Any:
    """`Dia katakan, ...`, `Untuk itu, ia sampaikan, ...`: a pronoun, the object-focus form of a verb
    of saying, a comma (compiled once)."""
    pronouns = _cue_alternation(set(load_quote_lexicon().pronouns) - {"nya"})
    return regex.compile(
        rf"(?i)(?:^|,{SPACE}*)(?P<sp>{pronouns}){SPACE}+"
        rf"(?:(?:{kind_alternation('verb_particle')}){SPACE}+)?(?P<cue>{kind_alternation('focus_verb')})"
        rf"{SPACE}*[,:]{SPACE}*"
    )


@functools.cache
def build_trailing_passive() -> Any:
    """`A, diungkapkan oleh Kepala Desa X.`, `A, sebagaimana disampaikan Bupati X.`: a passive cue and
    its speaker after the clause, closing the sentence or set off by commas before more of the
    statement (`A, ditegaskan Jarot, B`) (compiled once)."""
    passives = _cue_alternation(load_quote_lexicon().passives)
    return regex.compile(
        rf"(?i),{SPACE}*(?:(?:{kind_alternation('hal_as')}){SPACE}+)?(?P<cue>{passives}){SPACE}+"
        rf"(?:(?:oleh|dari){SPACE}+)?(?P<sp>[^,.;:!?\n]{{1,100}}?){SPACE}*"
        rf"(?:[.!]?{SPACE}*$|,{SPACE}*(?P<after>(?s:.+))$)"
    )


@functools.cache
def build_bare_cue() -> Any:
    """`Kata Jarot pemerintah akan ...`, `Sehingga kata dia warga ...`: a cue that opens the sentence
    (after a conjunction) with its speaker, a pronoun or capitalised words, and no comma before the
    content, which starts with a lower-case word after a name (compiled once)."""
    pronouns = _cue_alternation(set(load_quote_lexicon().pronouns) - {"nya"})
    name = r"(?:[\p{Lu}][\p{L}'’.\-]*[^\S\n]+){0,4}[\p{Lu}][\p{L}'’\-]*"
    return regex.compile(
        rf"^(?:(?i:{kind_alternation('bare_cue_opener')}){SPACE}+)?(?P<cue>(?i:{kind_alternation('bare_cue')}))"
        rf"{SPACE}+(?:(?P<pronoun>(?i:{pronouns}))(?![\p{{L}}\p{{N}}])|(?P<name>{name})(?={SPACE}+\p{{Ll}}))"
        rf"{SPACE}+(?P<content>[\p{{L}}\p{{N}}][^\n]*)$",
        regex.DOTALL,
    )
