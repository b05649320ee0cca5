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
   (``Dijelaskan Tenda, ...``) or around a cue between commas (``..., kata
   Bambang, ...``, ``Kolaborasi itu, lanjutnya, melibatkan ...``).
3. **Speakers**: each quote's speaker mention (``kata Sekda Alexander``,
   ``ujarnya``, ``Dirinya menjelaskan``, ``X melalui Y mengatakan`` → Y) is
   resolved to a person of ``doc._.kalbar_people`` (by the mention's span, by
   name tokens, or by title), to an organisation of
   ``doc._.kalbar_organizations``, or, for pronouns, ``-nya`` and quotes
   without a cue, to the current speaker of the surrounding text.  A pronoun
   is never output as a name; the speaker is ``None`` where the article does
   not say.  ``Hal tersebut disampaikan X`` gives X to the quotes just before
   it that have no speaker of their own.

The cue lexicon is ``resources/speech_verbs.tsv``.  Every quote and every
speaker carries the ``rule`` that made it.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares the Doc extensions)
from ..extensions import add_warning
from ..lexicons.speech_verbs import SpeechLexicon, load_speech_lexicon
from ..lexicons.titles import load_lexicon as load_title_lexicon

#: A direct quote whose closing mark is missing stops after this many characters.
MAX_QUOTE_CHARS = 3000
#: ... or after this many paragraphs.
MAX_QUOTE_PARAGRAPHS = 6
#: Beyond this many unclosed marks in one text, unclosed marks are only counted (hostile or broken text).
MAX_UNCLOSED = 50
#: Longest speaker phrase read after a cue, in characters.
MAX_SPEAKER_CHARS = 120
#: Longest sentence examined for reported speech (longer runs are cut).
MAX_SENTENCE_CHARS = 2000
#: Longest subject before a verb of saying, in words.
MAX_SUBJECT_WORDS = 30


_OPEN_DOUBLE = "“„‟«"
_CLOSE_DOUBLE = "”»"
_AMBIG_DOUBLE = '"'
_OPEN_SINGLE = "‘"
_CLOSE_SINGLE = "’"
_MASK = "\x00"

# Words that tie a content clause to its verb; stripped from the start of the content.
_CLAUSE_MARKERS = ("bahwa", "bahwasanya", "jika", "kalau", "agar", "supaya", "apabila")
_CONNECTIVES = regex.compile(
    r"^(?:(?:Sementara|Selain|Meski|Namun|Oleh\s+karena|Untuk|Karena)\s+itu|Selanjutnya|Kemudian|Lebih\s+lanjut"
    r"|Di\s+sisi\s+lain|Di\s+samping\s+itu|Dalam\s+kesempatan\s+(?:itu|tersebut|yang\s+sama)|Namun|Adapun|Sedangkan"
    r"|Terpisah|Sebelumnya|Senada|Hal\s+senada)\s*,?\s*",
    regex.IGNORECASE,
)
_ABBREVIATIONS = frozenset(
    "h hj dr drs dra ir prof st jl jln no kab kec kel ds tk sdn smp sma smk pt cv tbk ps dsb dll dkk a.n u.p "
    "s.h s.e s.t s.pd s.sos s.ag s.kom s.ip s.stp m.si m.m m.h m.pd m.kes m.t m.sc ph.d bpk sdr gg rt rw "
    "kh mr mrs ms yth sp spt pol inf kol".split()
)
_MARKERS_ALT = "|".join(_CLAUSE_MARKERS)
# what may follow a verb of saying before its content: `, `, `: `, `juga, `, `bahwa`
_AFTER_VERB = regex.compile(
    rf"(?i)[^\S\n]*(?:(?:juga|pun|pula|lagi|pula)[^\S\n]+)?(?:[,:]|(?=(?:{_MARKERS_ALT})[^\S\n]))"
)
# the end of an adjunct after the verb (`kepada wartawan,` / `di Bandung, Senin (1/1), bahwa`)
_ADJUNCT_END = regex.compile(
    rf"(?i)[,:][^\S\n]*(?:(?:{_MARKERS_ALT})[^\S\n]+)?|[^\S\n](?={_MARKERS_ALT}[^\S\n])"
)
_SHORT_OBJECT = regex.compile(
    rf"(?i)[^\S\n]*(?:[\p{{L}}\p{{N}}\-]+[^\S\n]+){{1,3}}?(?=(?:{_MARKERS_ALT})[^\S\n])"
)
_SENT_END = regex.compile(r"[.!?](?=[^\S\n]|[\p{Lu}“\"]|$)|\n|[“\"]")
_CALENDAR_WORDS = frozenset(
    "senin selasa rabu kamis jumat jum'at sabtu minggu ahad januari februari maret april mei juni juli "
    "agustus september oktober november desember wib wita wit".split()
)
_PREP_BEFORE = regex.compile(
    r"(?i)(?<![\p{L}])(menurut|bagi)(nya)?(?:[^\S\n]+([^,\n]{1,80}))?[^\S\n]*[,:][^\S\n]*$"
)
_SENT_BACK = regex.compile(r"(?r)\n|[.!?][\"”’]?[^\S\n]+|[.!?](?=[\p{Lu}])")
_ANAPHOR_TAIL = regex.compile(r"([^.,;:!?\n\"“”]{1,100}?[^\S\n](?:ini|tersebut))[^\S\n]*(?:[.,;:!?\n]|$)")
_SENT_PUNCT = regex.compile(r"[.!?;\n]")
_OLEH = regex.compile(r"(?i)oleh[^\S\n]")
_PHRASE_TOKEN = regex.compile(r"\([^()\n]{0,40}\)|[\p{L}\p{N}][\p{L}\p{N}'’\-]*\.?|[,;:!?\n\"“”]|\.")
_CLAUSE_LEAD = regex.compile(rf"(?i)(?:{_MARKERS_ALT})(?:[^\S\n]*,)?[^\S\n]+")
_NAMING = regex.compile(r"(?:\S+\s+){0,5}?(?:sebagai|dengan\s+sebutan|dengan\s+istilah)\s")
_PAREN = regex.compile(r"\([^()]{0,60}\)")
_HEAD_BOUNDARY = regex.compile(r"(?:^|[.!?\n\x00:][\"”’]?\s*)$")
# a name of two to five capitalised words (ranks and initials allowed) closed by a comma
_APPOSITIVE = regex.compile(
    r"((?:[\p{Lu}][\p{L}'’.\-]*[^\S\n]+){1,4}[\p{Lu}][\p{L}'’.\-]*(?:,[^\S\n]*[\p{Lu}][\p{L}.]{0,6})?)"
    r"[^\S\n]*,[^\S\n]*"
)
_TRAILING_ADVERB = regex.compile(
    r"(?i)[^\S\n,]+(?:juga|pun|pula|lantas|lalu|kemudian|sempat|turut|kembali|sendiri|telah|sudah|bahkan|"
    r"masih|tetap|justru|malah|memang|lagi|selanjutnya|akhirnya|langsung|secara\s+terpisah)[^\S\n,]*$"
)
# academic degrees after a name (S.Pd., M.Si, S.H., S.I.K.): not part of the name
_DEGREE = regex.compile(r"^(?:[\p{Lu}][\p{Ll}]{0,3}\.){1,3}(?:[\p{Lu}][\p{L}]{0,4}\.?)?$")
_VERB_NEXT = regex.compile(r"[,\s]*(?:(?:juga|pun|pula|lalu|kemudian|turut)\s+)?")
_SOURCE_NOUN = regex.compile(
    r"(?i)(?:keterangan|pengakuan|penuturan|penjelasan|kesaksian|cerita|pernyataan|catatan)(?:nya)?(?:[^\S\n]|$)"
)
_CALLED = regex.compile(
    r"(?i)^[^.,;:!?\n\"“”]{0,60}?\byang[^\S\n]+(?:akrab[^\S\n]+|biasa[^\S\n]+)?(?:disapa|dipanggil)"
    r"[^\S\n]+([\p{Lu}][^.,;:!?\n\"“”]{0,40})"
)
# after `Title X,`: a name of one to five capitalised words (ranks allowed), then a comma, a stop or the end
_APPOSITIVE_NAME = regex.compile(
    r"[^\S\n]*((?:[\p{Lu}][\p{L}'’.\-]*[^\S\n]+){0,6}[\p{Lu}][\p{L}'’\-]*\.?)"
    r"(?=[^\S\n]*(?:[,.;:!?\n]|$|[^\S\n](?:kepada|saat|ketika|di|dalam|usai|seusai|pada|melalui)[^\p{L}]))"
)
# capitalised at the start of a sentence, but never a person's name
_GENERIC_SUBJECTS = frozenset(
    "pemerintah polisi kepolisian warga masyarakat pihak tim panitia petugas pemkab pemkot pemprov dinas "
    "badan kementerian presiden menteri gubernur bupati wali pejabat aparat tni polri kpk kejaksaan "
    "pengadilan hakim jaksa terdakwa tersangka korban pelaku saksi keluarga mereka kami kita".split()
)
_ACTIVE_VERB = regex.compile(r"(?:me|ber)\p{Ll}{3,}(?![\p{L}\-])")
_ADVERBIAL_OPENERS = frozenset(
    "untuk guna demi dalam pada di dari terkait soal mengenai tentang selain meski meskipun walaupun "
    "sementara sedangkan namun adapun kemudian selanjutnya sebelumnya saat ketika setelah sebelum jika kalau "
    "apabila karena sebab dengan melalui berdasarkan menurut bagi".split()
)
_DIRECTIVE_VERBS = frozenset(
    {"meminta", "mendorong", "mengajak", "mengimbau", "berpesan", "menginstruksikan"}
)
# `meminta para orang tua untuk tidak ...`: an object of up to eight words, then untuk/agar/supaya
_DIRECTIVE_OBJECT = regex.compile(
    r"(?i)[^\S\n]*(?:[\p{L}\p{N}\-.]+[^\S\n]+){1,8}?(?:untuk|agar|supaya)[^\S\n]"
)
# words that make a clause of what follows a verb of saying (`menyampaikan Presiden menginginkan ...`)
_CLAUSE_WORDS = frozenset(
    "akan sudah telah belum tidak tak masih sedang harus perlu bisa dapat mampu ingin tengah siap "
    "pentingnya perlunya adanya ada merupakan adalah menjadi".split()
)
# a subjectless clause may open with these (`membenarkan telah menangkap ...`, `menyampaikan akan maju`)
_CLAUSE_OPENERS = frozenset(
    "akan sudah telah belum tidak tak masih sedang harus perlu siap pentingnya perlunya adanya".split()
)
_NOT_CLAUSE_BEFORE = frozenset({"dan", "serta", "untuk", "yang", "dengan", "dalam", "agar", "atau", "guna"})
_CLAUSE_VERB = regex.compile(r"(?:me|ber|di)\p{Ll}{3,}$")
# me-/ber-/di- words that are prepositions or determiners, not the verb of a clause
_NOT_CLAUSE_VERB = frozenset(
    "melalui mengenai menuju menurut meliputi menjelang mengingat bersama berupa berbagai berdasarkan "
    "bersifat berikut berikutnya dimana diantaranya di antaranya dimaksud".split()
)


def _clause_follows(rest: str) -> bool:
    """Is what follows a verb of saying a clause (a subject and its verb) rather than an object?

    A clause word (`akan`, `belum`, `pentingnya`) or a verb (me-/ber-/di-/ter-) within the first
    six words, not right after `dan`/`untuk`/`yang`, which would make it part of an object."""
    head = rest.split(",")[0]  # the clause must start before any comma
    words = [w.casefold().strip(",.;:") for w in head.split()[:5]]
    for k, w in enumerate(words):
        if w in _CLAUSE_WORDS and (k > 0 or w in _CLAUSE_OPENERS):
            return k == 0 or words[k - 1] not in _NOT_CLAUSE_BEFORE
        if (
            k > 0
            and _CLAUSE_VERB.match(w)
            and w not in _NOT_CLAUSE_VERB
            and words[k - 1] not in _NOT_CLAUSE_BEFORE
        ):
            return True
    return False


_VIA = regex.compile(r"(?:[^\S\n]+[\p{Lu}]{2,5})*[^\S\n]+(?:melalui|lewat|via)[^\S\n]+")
_NAMING_VERBS = frozenset({"menyebut", "menyebutkan", "menilai", "menganggap", "memandang"})
_NOT_ADJUNCT = frozenset({"ini", "itu", "sekarang", "kini"})
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’\-]*")


def _alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    """Regular expressions built once from the lexicon (no nested quantifiers)."""

    marks: Any
    post_cue: Any
    verb: Any
    passive_lead: Any
    hal_tersebut: Any
    prep_lead: Any
    suffix_lead: Any
    after_demikian: Any
    mid_cue: Any
    boundary: Any


@functools.cache
def build_patterns() -> Patterns:
    """Compile the component's patterns from the lexicon (cached per process)."""
    lex = load_speech_lexicon()
    suffix = _alt(lex.suffixes)
    verbs = _alt(lex.verbs)
    passives = _alt(lex.passives)
    preps = _alt(lex.preps)
    post_cues = _alt(set(lex.suffixes) | set(lex.verbs) | {"demikian", "begitu"})
    return Patterns(
        marks=regex.compile(r"''|[\"“”„‟«»‘’]"),
        # after a closing mark: `,” kata Sekda Alexander`, `,” ujarnya`, `.” demikian disampaikan X`
        post_cue=regex.compile(
            rf"^[^\S\n]{{0,3}}[,.;:!?…\-–—]{{0,2}}[^\S\n]{{0,3}}(?P<cue>{post_cues})(?P<nya>nya)?(?![\p{{L}}\p{{N}}])",
            regex.IGNORECASE,
        ),
        verb=regex.compile(
            rf"(?<![\p{{L}}\p{{N}}\-])(?P<cue>{verbs})(?![\p{{L}}\p{{N}}\-])", regex.IGNORECASE
        ),
        passive_lead=regex.compile(
            rf"^(?:(?:Masih|Juga|Seperti)[^\S\n]+)?(?P<cue>{passives})[^\S\n]+(?:(?:oleh|dari)[^\S\n]+)?(?P<sp>[^,\n]{{1,100}}?)[^\S\n]*,[^\S\n]*(?P<content>.+)$",
            regex.IGNORECASE | regex.DOTALL,
        ),
        hal_tersebut=regex.compile(
            r"^(?:(?:[\p{L}\-]+[^\S\n]+){1,2}(?:tersebut|itu|ini)|Demikian|Begitu)[^\S\n]+"
            rf"(?:(?:juga|pula)[^\S\n]+)?(?:(?:sebagaimana|seperti)[^\S\n]+)?(?P<cue>{passives})[^\S\n]+(?:oleh[^\S\n]+)?"
            r"(?P<sp>[^\n]{1,400})$",
            regex.IGNORECASE,
        ),
        prep_lead=regex.compile(
            rf"^(?P<cue>{preps})(?:(?P<nya>nya)[^\S\n]*,?|[^\S\n]+(?P<sp>[^,\n]{{1,100}}?)[^\S\n]*,)[^\S\n]*(?P<content>.+)$",
            regex.IGNORECASE | regex.DOTALL,
        ),
        # `Ungkap Kapolres, ...`, `Kata dia, ...`: a cue that opens the sentence
        suffix_lead=regex.compile(
            rf"^(?P<cue>{suffix})(?:(?P<nya>nya)|[^\S\n]+(?P<sp>[^,\n]{{1,100}}?))[^\S\n]*,[^\S\n]*(?P<content>.+)$",
            regex.IGNORECASE | regex.DOTALL,
        ),
        after_demikian=regex.compile(
            rf"(?P<cue>{_alt(lex.passives | set(lex.suffixes))}|tertulis|tulis)(?P<nya>nya)?"
            r"(?![\p{L}\p{N}])",
            regex.IGNORECASE,
        ),
        # a cue between commas or at the end: `A, kata Bambang, B`, `A, lanjutnya, B`, `A, ujar dia.`
        mid_cue=regex.compile(
            rf",[^\S\n]*(?P<cue>{suffix}|menurut)(?P<nya>nya)?(?:[^\S\n]+(?P<sp>[^,.;:\n]{{1,100}}?))?[^\S\n]*"
            r"(?P<end>[,;]|\.?[^\S\n]*$)",
            regex.IGNORECASE,
        ),
        boundary=regex.compile(
            r"\n+|\x00+|(?<=[.!?…])[\"”’]?[^\S\n]+(?=[\p{Lu}\p{N}“\"‘(\[])|(?<=[.!?])(?=[\p{Lu}][\p{Ll}])"
            r"|(?<=[\p{Ll}]{2}[.!?])(?=[\p{Lu}])"
        ),
    )


# --------------------------------------------------------------------------- data


@dataclass
class SpeakerRef:
    """Where a quote says its speaker is (before resolution)."""

    kind: str  # "phrase" | "pronoun" | "none"
    start: int = -1
    end: int = -1
    text: str = ""
    rule: str = ""


@dataclass
class Candidate:
    """A quote found in the text, before its speaker is resolved."""

    kind: str
    start: int
    end: int
    cue: str | None
    rule: str
    ref: SpeakerRef
    order: int = 0
    speaker: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Person:
    """A person of the article as the resolver sees it (from ``kalbar_people`` or the fallback)."""

    name: str
    tokens: frozenset[str]
    alias_tokens: tuple[frozenset[str], ...]
    titles: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]
    source: str


# --------------------------------------------------------------------------- helpers


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _is_upper_word(w: str) -> bool:
    return bool(w) and w[0].isupper()


def _strip_span(text: str, start: int, end: int, chars: str = " \t\n,;:-–—") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _norm_tokens(s: str) -> list[str]:
    return [w.casefold().strip(".'’") for w in _words(s) if w.strip(".'’")]


# --------------------------------------------------------------------------- the component


class QuoteFinder:
    """Find direct and indirect quotes and resolve their speakers (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, max_quote_chars: int = MAX_QUOTE_CHARS) -> None:
        if not isinstance(max_quote_chars, int) or max_quote_chars < 50:
            raise ValueError("max_quote_chars: must be an integer of at least 50")
        self.name = name
        self.max_quote_chars = max_quote_chars
        self.lex = load_speech_lexicon()
        self.pat = build_patterns()

    # ------------------------------------------------------------------ entry point

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        # where the Doc carries a dependency parse (the stanza backend), the subject of a verb of
        # saying is read from it; otherwise from the words before the verb
        self._parsed = doc if doc.has_annotation("DEP") else None
        warnings: list[str] = []
        skip = _boilerplate_ranges(doc)
        dl = doc._.kalbar_dateline
        dateline = []
        if isinstance(dl, dict) and isinstance(dl.get("end"), int) and dl["end"] <= len(text):
            dateline = [(int(dl.get("start") or 0), int(dl["end"]))]
        paras = _paragraph_starts(text)
        direct = self._direct(text, paras, skip, warnings)
        masked = self._mask(text, direct, skip + dateline)
        indirect, attributions = self._indirect(text, masked)
        cands = sorted(direct + indirect, key=lambda c: (c.start, c.end))
        for i, c in enumerate(cands):
            c.order = i
        resolver = SpeakerResolver(doc, masked, self.lex, text)
        resolver.resolve_all(cands, attributions)
        doc._.kalbar_quotes = [
            {
                "text": text[c.start : c.end],
                "start": c.start,
                "end": c.end,
                "kind": c.kind,
                "cue": c.cue,
                "speaker": c.speaker,
                "rule": c.rule,
            }
            for c in cands
        ]
        for w in warnings:
            add_warning(doc, w)
        return doc

    # ------------------------------------------------------------------ direct quotes

    def _marks(self, text: str) -> list[tuple[int, int, str, str]]:
        """Classified marks: (position, length, family 'd'|'s', role 'open'|'close'|'either')."""
        out: list[tuple[int, int, str, str]] = []
        n = len(text)
        for m in self.pat.marks.finditer(text):
            i, j = m.span()
            c = m.group()
            prev = text[i - 1] if i > 0 else "\n"
            nxt = text[j] if j < n else "\n"
            prev_space = prev.isspace() or prev in "([{—–-"
            next_space = nxt.isspace()
            if c in _OPEN_DOUBLE:
                out.append((i, j - i, "d", "open"))
            elif c in _CLOSE_DOUBLE:
                role = "open" if prev_space and not next_space and nxt not in ",.;:!?" else "close"
                out.append((i, j - i, "d", role))
            elif c == _AMBIG_DOUBLE or c == "''":
                if prev_space and not next_space:
                    role = "open"
                elif next_space and not prev_space:
                    role = "close"
                elif not prev_space and not next_space:
                    role = "either" if prev in ".,!?;:)" or nxt in ".,!?;:" else ""
                else:
                    role = ""
                if role:
                    out.append((i, j - i, "d", role))
            elif c == _OPEN_SINGLE:
                if prev.isalnum() and nxt.isalnum():
                    continue  # a misplaced apostrophe: Jum‘at
                if not next_space:
                    out.append((i, 1, "s", "open"))
            elif c == _CLOSE_SINGLE:
                if prev.isalnum() and nxt.isalnum():
                    continue  # apostrophe: Qur’an
                if prev_space and not next_space:
                    out.append((i, 1, "s", "open"))
                elif not prev_space:
                    out.append((i, 1, "s", "close"))
        return out

    def _pair(self, text: str, paras: list[int], warnings: list[str]) -> list[tuple[int, int, int, int, str]]:
        """Pair marks into spans: (open, open_len, close, close_len, rule)."""
        spans: list[tuple[int, int, int, int, str]] = []
        unclosed = 0
        # state per family: [open_pos, open_len, first_para, current_para] or None
        state: dict[str, list[int] | None] = {"d": None, "s": None}

        def para_of(i: int) -> int:
            return bisect.bisect_right(paras, i) - 1

        def para_end(p: int) -> int:
            return paras[p + 1] - 1 if p + 1 < len(paras) else len(text)

        def cut(fam: str, limit: int) -> None:
            """Close a quote without its closing mark: at its paragraph's end, the next mark or the cap."""
            nonlocal unclosed
            st = state[fam]
            state[fam] = None
            if st is None:
                return
            o, olen, _p0, pcur = st
            end = min(para_end(pcur), o + olen + self.max_quote_chars, limit)
            unclosed += 1
            if unclosed <= MAX_UNCLOSED:
                spans.append((o, olen, end, 0, "unclosed"))

        for i, ln, fam, role in self._marks(text):
            if fam == "s" and state["d"] is not None:
                continue  # quotes inside quotes belong to the outer quote
            st = state[fam]
            p = para_of(i)
            if st is not None:
                o, olen, p0, pcur = st
                too_long = i - o > self.max_quote_chars or p - p0 >= MAX_QUOTE_PARAGRAPHS
                if too_long:
                    cut(fam, i)
                    st = None
                elif p > pcur:
                    at_par_start = not text[paras[p] : i].strip()
                    gap_blank = all(not text[paras[q] : para_end(q)].strip() for q in range(pcur + 1, p))
                    if role in ("open", "either") and at_par_start and gap_blank:
                        st[3] = p  # the usual convention: each paragraph of a long quote reopens
                        continue
                    if role == "open":
                        cut(fam, i)
                        st = None
                    # a closer in a later paragraph: the quote ran over paragraphs without reopening
            if st is None:
                if role in ("open", "either"):
                    if fam == "d" and state["s"] is not None:
                        cut("s", i)
                    state[fam] = [i, ln, p, p]
                continue
            if role in ("close", "either"):
                o, olen = st[0], st[1]
                state[fam] = None
                spans.append((o, olen, i, ln, "closed"))
            else:  # a second opener in the same paragraph: the first was never closed
                cut(fam, i)
                state[fam] = [i, ln, p, p]
        for fam in ("d", "s"):
            cut(fam, len(text))
        if unclosed:
            warnings.append(
                f"quotes: {unclosed} quotation mark(s) without a closing mark; each such quote was cut at "
                "the end of its paragraph or at the next mark"
                + (f" (only the first {MAX_UNCLOSED} were read as quotes)" if unclosed > MAX_UNCLOSED else "")
            )
        return sorted(spans)

    def _direct(
        self, text: str, paras: list[int], skip: list[tuple[int, int]], warnings: list[str]
    ) -> list[Candidate]:
        out: list[Candidate] = []
        spans = self._pair(text, paras, warnings)
        prev_end = 0
        prev_cand: Candidate | None = None
        prev_attr_end = -1
        for k, (o, olen, c, clen, how) in enumerate(spans):
            cs, ce = _strip_span(text, o + olen, c, " \t\n,;:")
            if ce <= cs or _in_ranges(cs, skip):
                continue
            inner = text[cs:ce]
            n_words = len(_words(inner))
            if n_words == 0:
                continue
            after_start = c + clen
            nxt_open = spans[k + 1][0] if k + 1 < len(spans) else len(text)
            after = text[after_start : min(len(text), after_start + MAX_SPEAKER_CHARS + 40, nxt_open)]
            nl = after.find("\n")
            if nl >= 0:
                after = after[:nl]
            sent_start = _sentence_start(text, o, max(prev_end, 0))
            before = text[sent_start:o]
            post = self.pat.post_cue.match(after) if how == "closed" else None
            if post is not None and post.group("cue").casefold() in ("demikian", "begitu"):
                post = self._demikian(after, post)
            ref = SpeakerRef("none")
            cue: str | None = None
            rule = ""
            if post is not None:
                cue = post.group("cue") + (post.group("nya") or "")
                ref = self._speaker_after(text, after_start + post.end(), post.group("nya") is not None)
                ref.rule = ref.rule or "cue-after"
                rule = "direct-cue-after"
                prev_attr_end = after_start + post.end() + max(0, ref.end - (after_start + post.end()))
            else:
                # a cue before the quote always ends with a comma or a colon: test that first (cheap)
                lead_in = before.rstrip(" \t\u00a0")[-1:] in (",", ":")
                pre = self._pre_cue(before[-200:]) if lead_in else None
                tail120 = before[-120:]
                low120 = tail120.casefold()
                prep = (
                    _PREP_BEFORE.search(tail120)
                    if lead_in and ("menurut" in low120 or "bagi" in low120)
                    else None
                )
                if prep is not None and (prep.group(2) or self._personish(prep.group(3) or "")):
                    base = o - len(before[-120:])
                    cue = prep.group(1) + (prep.group(2) or "")
                    if prep.group(2):
                        ref = SpeakerRef(
                            "pronoun", base + prep.start(1), base + prep.end(2), prep.group(1) + "nya"
                        )
                    else:
                        s3, e3 = base + prep.start(3), base + prep.end(3)
                        ref = SpeakerRef("phrase", s3, e3, text[s3:e3])
                    ref.rule = "menurut"
                    rule = "direct-cue-before"
                elif pre is not None and not self._negative_before(before[-200:], pre):
                    base = o - len(before[-200:])
                    cue = pre.group("cue") + (pre.group("nya") or "")
                    ref = self._speaker_before(text, sent_start, base + pre.start(), pre, base)
                    rule = "direct-cue-before"
                elif (
                    prev_cand is not None
                    and prev_attr_end >= 0
                    and not text[prev_attr_end:o].strip(" \t,.;:")
                ):
                    # “A,” kata X, “B.”: the second part has the first part's speaker
                    ref = SpeakerRef("same", rule="split")
                    rule = "direct-split"
                else:
                    ctx = before.rstrip(" \t(")
                    last_word = (_words(ctx[-40:]) or [""])[-1].casefold()
                    standalone = not ctx.strip() or ctx.rstrip()[-1:] in ".!?:…\n" or ctx.endswith(_MASK)
                    ends_sentence = self._ends_sentence(text, c + clen)
                    title_like = n_words <= 5 and all(
                        _is_upper_word(w) or not w.isalpha() for w in _words(inner)
                    )
                    if last_word in self.lex.name_ctx:
                        continue
                    if standalone and ends_sentence and n_words >= 2 and not (title_like and n_words <= 3):
                        rule = "direct-standalone"
                    elif n_words >= 8 and not title_like:
                        rule = "direct-embedded"
                    else:
                        continue  # a title, a name, a slogan or scare quotes
            if how == "unclosed":
                rule += "-unclosed"
            cand = Candidate("direct", cs, ce, cue, rule, ref)
            if rule.startswith("direct-cue-after"):
                # the attribution and the rest of its sentence (`kata Imam saat ditemui di ...`) are no quote
                tail = _SENT_END.search(text, after_start, min(len(text), after_start + 400))
                cand.extra["attr_end"] = tail.start() if tail else min(len(text), after_start + 400)
            out.append(cand)
            prev_cand = cand
            prev_end = c + clen
            if rule != "direct-cue-after":
                prev_attr_end = -1 if rule not in ("direct-split",) else prev_attr_end
        return out

    def _appositive(self, text: str, sp: str, c_start: int, c_end: int) -> tuple[int, int] | None:
        """After a title-only source (`Kepala BPBD Kota X`), a name between commas belongs to it.

        Returns ``(end of the name, start of the content)`` or ``None``."""
        first = (_words(sp) or [""])[0].casefold().rstrip(".")
        if first not in self.lex.prefixes:
            return None
        m = _APPOSITIVE.match(text, c_start, c_end)
        if m is None:
            return None
        return m.end(1), m.end()

    def _dep_subject(self, verb_char: int) -> tuple[int, int] | None:
        """Character span of the subject (``nsubj``) of the verb at ``verb_char`` in a parsed Doc."""
        doc = getattr(self, "_parsed", None)
        if doc is None:
            return None
        span = doc.char_span(verb_char, verb_char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        for child in span[0].children:
            if child.dep_ in ("nsubj", "nsubj:pass", "csubj") and child.i < span[0].i:
                sub = list(child.subtree)
                return sub[0].idx, sub[-1].idx + len(sub[-1].text)
        return None

    def _pre_cue(self, window: str) -> _PreMatch | None:
        """A cue at the end of the text before an opening mark: `Ia mengatakan, `, `kata Bupati Jarot: `.

        Looks at the last dozen words only, with dictionary look-ups (no regex alternation scan)."""
        end = len(window.rstrip(" \t\u00a0"))
        if end == 0 or window[end - 1] not in ",:":
            return None
        body_end = end - 1
        words = list(_WORD.finditer(window, max(0, body_end - 120), body_end))[-12:]
        if not words:
            return None
        for k in range(len(words) - 1, -1, -1):
            w = words[k].group().casefold().rstrip(".")
            base, nya = w, False
            if w not in self.lex.verbs and w not in self.lex.suffixes and w.endswith("nya"):
                base, nya = w[:-3], True
            if base in self.lex.verbs or base in self.lex.suffixes:
                cs = words[k].start()
                ce = cs + len(base)
                tail = None
                if k < len(words) - 1:
                    ts, te = words[k + 1].start(), words[-1].end()
                    if nya or _SENT_PUNCT.search(window, ts, te) or te - ts > 80:
                        return None
                    tail = (ts, te)
                if cs > 0 and (window[cs - 1].isalnum()):
                    return None
                return _PreMatch(window, cs, ce, (ce, ce + 3) if nya else None, tail, end)
        return None

    def _demikian(self, after: str, m: Any) -> Any:
        """`.” demikian disampaikan X` / `demikian kata X`: re-match after `demikian`."""
        rest = after[m.end() :]
        lead = len(rest) - len(rest.lstrip(" \t\u00a0"))
        m2 = self.pat.after_demikian.match(rest[lead:])
        if m2 is None:
            return None
        return _Shifted(m2, m.end() + lead)

    def _ends_sentence(self, text: str, i: int) -> bool:
        """Does a sentence (or the paragraph) end right after position ``i``?"""
        t = text[i : i + 40].lstrip(" \t\u00a0")
        return not t or t[0] in '\n.!?“"‘' or t[0].isupper()

    def _negative_before(self, before: str, m: Any) -> bool:
        words = before[m.start() :].casefold().split()
        return len(words) >= 2 and f"{words[0]} {words[1]}" in self.lex.negatives

    def _personish(self, phrase: str) -> bool:
        words = _words(phrase)
        if not words:
            return False
        if len(words) == 1 and words[0].casefold() in self.lex.pronouns:
            return True
        return (_is_upper_word(words[0]) or words[0].casefold() in self.lex.prefixes) and len(words) <= 10

    # ------------------------------------------------------------------ speaker phrases

    def _speaker_after(self, text: str, i: int, nya: bool) -> SpeakerRef:
        """Read the speaker phrase that follows a cue at ``i`` (``kata Sekda Alexander kepada ...``)."""
        if nya:
            return SpeakerRef("pronoun", i - 3, i, "nya", "pronoun")
        window = text[i : i + MAX_SPEAKER_CHARS]
        nl = window.find("\n")
        if nl >= 0:
            window = window[:nl]
        lead = len(window) - len(window.lstrip(" \t\u00a0"))
        if _OLEH.match(window, lead):
            lead += 5
            lead += len(window[lead:]) - len(window[lead:].lstrip(" \t\u00a0"))
        return self._read_phrase(text, i + lead, window[lead:])

    def _read_phrase(self, text: str, base: int, window: str) -> SpeakerRef:
        """A speaker phrase: words up to a stop word, a comma or the end of the sentence."""
        end = 0
        seen_upper = False
        n = 0
        via = -1
        for m in _PHRASE_TOKEN.finditer(window):
            tok = m.group()
            if tok.startswith("("):
                end = m.end()
                continue
            if tok == "," and n and window[:1].casefold().strip() and self._title_led(window[: m.start()]):
                # `kata Kepala Dinas Kesehatan Ketapang, Feria Kowira, ...`: the name after the title
                app = _APPOSITIVE_NAME.match(window, m.end())
                if app is not None:
                    end = app.end(1)
                    via_m = _VIA.match(window, end)
                    if via_m is not None:  # `kata Kapolres X, AKBP Y melalui Kasat Z`: Z speaks
                        inner = self._read_phrase(text, base + via_m.end(), window[via_m.end() :])
                        if inner.kind == "phrase":
                            inner.rule = "melalui"
                            return inner
                    break
            if tok in ',;:!?\n"“”.':
                break
            low = tok.casefold().rstrip(".")
            if low in ("melalui", "lewat", "via") and seen_upper:
                via = m.end()
                continue
            if (
                low in ("ini", "itu", "tersebut")
                and n >= 1
                and _person_head([w.casefold() for w in _words(window[: m.start()])], self.lex)
                and (not seen_upper or window[:1].islower())
                and not window[m.end() :].strip(" \t\u00a0,.;:!?")
            ):
                # `wakil ketua asosiasi ini`: a description that points back to the speaker
                e_tok = m.end() - (1 if tok.endswith(".") else 0)
                return SpeakerRef("pronoun", base, base + e_tok, window[:e_tok], "anaphor")
            if low in self.lex.stops or (
                seen_upper and not _is_upper_word(tok) and low not in self.lex.prefixes and not low.isdigit()
            ):
                break
            n += 1
            if n > 12:
                break
            if _is_upper_word(tok):
                seen_upper = True
            elif low in self.lex.pronouns and n == 1:
                tok = tok.rstrip(".")
                return SpeakerRef("pronoun", base + m.start(), base + m.start() + len(tok), tok, "pronoun")
            elif n > 5 and not seen_upper:
                break
            end = m.end()
            if tok.endswith(".") and len(tok.rstrip(".")) > 2 and low not in _ABBREVIATIONS:
                end = m.end() - 1
                break
        if via >= 0:
            sub = window[via:]
            lead = len(sub) - len(sub.lstrip(" \t\u00a0"))
            inner = self._read_phrase(text, base + via + lead, sub[lead:])
            if inner.kind == "phrase":
                inner.rule = "melalui"
                return inner
        if not seen_upper:
            # `kata pria yang akrab disapa Aris`: the name given after the description
            m = _CALLED.search(window)
            if m:
                return self._read_phrase(text, base + m.start(1), window[m.start(1) :])
            # `kata kandidat doktor dari Universitas X ini`: a description that points back
            m = _ANAPHOR_TAIL.match(window)
            if m and _person_head([w.casefold() for w in _words(m.group(1))], self.lex):
                return SpeakerRef("pronoun", base, base + m.end(1), window[: m.end(1)], "anaphor")
        s, e = _strip_span(text, base, base + end)
        if e <= s:
            return SpeakerRef("none")
        return SpeakerRef("phrase", s, e, text[s:e], "")

    def _title_led(self, phrase: str) -> bool:
        """A phrase that opens with a title or rank and names nobody yet (`Kepala Dinas Kesehatan X`)."""
        words = _words(_PAREN.sub(" ", phrase))
        return bool(words) and words[0].casefold().rstrip(".") in self.lex.prefixes

    def _speaker_before(self, text: str, sent_start: int, cue_start: int, m: Any, base: int) -> SpeakerRef:
        """Speaker of `Subject VERB, “...”` or `kata Subject: “...”`."""
        if m.group("nya"):
            return SpeakerRef("pronoun", base + m.end("cue"), base + m.end("nya"), "nya", "pronoun")
        cue = m.group("cue").casefold()
        if cue in self.lex.suffixes and cue not in self.lex.verbs and m.group("tail"):
            s = base + m.start("tail")
            ref = self._read_phrase(text, s, text[s : base + m.end("tail")].lstrip(" \t\u00a0"))
            ref.rule = ref.rule or "cue-before"
            return ref
        return self._subject_ref(text, sent_start, cue_start)

    def _subject_ref(self, text: str, sent_start: int, verb_start: int) -> SpeakerRef:
        """The speaker inside the subject before a verb of saying."""
        s, e = _strip_span(text, sent_start, verb_start)
        subj = text[s:e]
        m = _CONNECTIVES.match(subj)
        if m:
            s += m.end()
            subj = text[s:e]
        # trailing adverbs are not part of the subject: `Manajer asal Portugal itu lantas`, `Dwi juga`
        while True:
            t = _TRAILING_ADVERB.search(text, s, e)
            if t is None or t.start() <= s:
                break
            e = t.start()
            subj = text[s:e]
        words = _words(subj)
        if not words:
            return SpeakerRef("none")
        # `Ia juga`, `Dirinya pun`, `Dia sendiri`
        core = [
            w
            for w in words
            if w.casefold() not in ("juga", "pun", "sendiri", "lalu", "kemudian", "pula", "bahkan", "pun")
        ]
        if (
            core
            and core[-1].casefold() in self.lex.pronouns
            and (len(core) == 1 or "," in subj or not any(_is_upper_word(w) for w in core[1:-1]))
        ):
            # `Ia`, `Dirinya pun`, `Ketika ditanya soal itu, ia`
            i = text.rfind(core[-1], s, e)
            return SpeakerRef("pronoun", i, i + len(core[-1]), core[-1], "pronoun")
        if len(words) > MAX_SUBJECT_WORDS or (len(words) == 1 and subj.rstrip().endswith(",")):
            return SpeakerRef("none")  # too long, or an adverb (`Pertama, meminta ...`)
        low = subj.casefold()
        for kw in (" melalui ", " lewat "):
            k = low.rfind(kw)
            if k >= 0:
                s2 = s + k + len(kw)
                return SpeakerRef("phrase", s2, e, text[s2:e], "melalui")
        return SpeakerRef("phrase", s, e, subj, "subject")

    # ------------------------------------------------------------------ indirect quotes

    def _mask(self, text: str, direct: list[Candidate], skip: list[tuple[int, int]]) -> str:
        chars = list(text)
        for c in direct:
            a = c.start
            b = max(c.end, c.extra.get("attr_end", 0))
            # the marks themselves too
            while a > 0 and text[a - 1] in " \t“”\"‘’«»'":
                a -= 1
            while b < len(text) and text[b] in " \t,.;:!?“”\"‘’«»'":
                b += 1
            chars[a:b] = _MASK * (b - a)
        for a, b in skip:
            chars[a:b] = "\n" * (b - a)
        return "".join(chars)

    def _sentences(self, masked: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        start = 0
        for m in self.pat.boundary.finditer(masked):
            a = m.start()
            # do not split after abbreviations and initials (H. Ahmad, Jl. Ahmad Yani, M. Rizal)
            if (not m.group() or m.group()[0] not in "\n\x00") and a > 0 and masked[a - 1] == ".":
                dot = a - 1
                wstart = dot
                while wstart > max(0, dot - 12) and (
                    masked[wstart - 1].isalnum() or masked[wstart - 1] == "."
                ):
                    wstart -= 1
                word = masked[wstart:dot].casefold()
                if (len(word) == 1 and word.isalpha()) or word in _ABBREVIATIONS:
                    continue
            if a > start:
                out.append((start, a))
            start = m.end()
        if start < len(masked):
            out.append((start, len(masked)))
        return out

    def _indirect(self, text: str, masked: str) -> tuple[list[Candidate], list[tuple[int, SpeakerRef, str]]]:
        out: list[Candidate] = []
        attributions: list[tuple[int, SpeakerRef, str]] = []
        sents = []
        for s0, e0 in self._sentences(masked):
            s, e = _strip_span(masked, s0, min(e0, s0 + MAX_SENTENCE_CHARS), " \t\u00a0\n-–—•*")
            if e - s >= 8:
                sents.append((s, e))
        covered = -1
        for k, (s, e) in enumerate(sents):
            if s < covered:
                continue
            nxt = sents[k + 1] if k + 1 < len(sents) else None
            found = self._sentence_quotes(text, s, masked[s:e], attributions, nxt)
            out.extend(found)
            if found:
                covered = max(c.end for c in found)
        return out, attributions

    def _content(self, text: str, a: int, b: int) -> tuple[int, int] | None:
        a, b = _strip_span(text, a, b, " \t\n,;:.-–—")
        # drop a clause marker that opens the content (bahwa, jika, agar)
        m = _CLAUSE_LEAD.match(text, a, b)
        if m:
            a = m.end()
        # keep the closing `?`/`!`, drop the full stop
        if b > a and text[b - 1] == ".":
            b -= 1
        a, b = _strip_span(text, a, b, " \t\n,;:-–—")
        if len(_words(text[a:b])) < 2:
            return None
        return a, b

    def _sentence_quotes(
        self,
        text: str,
        s: int,
        sent: str,
        attributions: list[tuple[int, SpeakerRef, str]],
        nxt: tuple[int, int] | None = None,
    ) -> list[Candidate]:
        lex, pat = self.lex, self.pat
        lead = _CONNECTIVES.match(sent)
        off = lead.end() if lead else 0
        body = sent[off:]
        # 1. `Hal tersebut disampaikan X`: an attribution, not a quote
        m = pat.hal_tersebut.match(sent)
        if m and not self._personish(m.group("sp")):
            return []  # `Pernyataan itu disampaikan menanggapi ...`: no speaker named
        if m:
            sp_s = s + m.start("sp")
            ref = self._read_phrase(text, sp_s, text[sp_s : s + m.end("sp")])
            if ref.kind == "phrase":
                ref.rule = "hal-tersebut"
                attributions.append((s, ref, "hal"))
            return []
        # 2. `Dijelaskan Tenda, pihaknya ...`
        m = pat.passive_lead.match(body)
        if m and m.group("cue").casefold() in ("dikutip", "dilansir"):
            # `Dilansir dari X, Jokowi menyebut, ...`: the speaker inside the content comes first
            inner = pat.verb.search(m.group("content"))
            if inner and len(m.group("content")[: inner.start()].split()) <= 8:
                m = None
        if m and self._personish(m.group("sp")):
            span = self._content(text, s + off + m.start("content"), s + off + m.end("content"))
            if span:
                sp_s = s + off + m.start("sp")
                ref = self._read_phrase(text, sp_s, text[sp_s : s + off + m.end("sp")])
                ref.rule = "passive"
                return [Candidate("indirect", *span, m.group("cue"), "indirect-passive", ref)]
        # 2b. `Ungkap Kapolres, ...`
        m = pat.suffix_lead.match(body)
        if m and (m.group("nya") or self._personish(m.group("sp") or "")):
            span = self._content(text, s + off + m.start("content"), s + off + m.end("content"))
            if span:
                if m.group("nya"):
                    ref = SpeakerRef(
                        "pronoun", s + off + m.start("nya"), s + off + m.end("nya"), "nya", "pronoun"
                    )
                else:
                    sp_s = s + off + m.start("sp")
                    ref = self._read_phrase(text, sp_s, text[sp_s : s + off + m.end("sp")])
                    ref.rule = "cue-lead"
                cue = m.group("cue") + (m.group("nya") or "")
                return [Candidate("indirect", *span, cue, "indirect-cue-lead", ref)]
        # 3. `Menurut dia, ...`, `Menurutnya ...`, `Bagi Bupati, ...`
        m = pat.prep_lead.match(body)
        if m:
            nya = m.group("nya") is not None
            sp = m.group("sp") or ""
            ok = nya or self._personish(sp)
            if not ok and m.group("cue").casefold() == "menurut":
                # `Menurut keterangan polisi, ...`, `menurut pengakuannya, ...` (not `menurut data BPS`)
                ok = _SOURCE_NOUN.match(sp) is not None
            if ok and m.group("cue").casefold() == "bagi" and not nya:
                ok = sp.split()[0].casefold() in lex.pronouns or (_is_upper_word(sp) and len(_words(sp)) <= 6)
            if ok:
                c_start, sp_end = s + off + m.start("content"), s + off + m.end("sp") if not nya else -1
                if not nya:
                    # `Menurut Kepala BPBD Kota X, Wiku Diaz, air ...`: the name after the title is the source
                    app = self._appositive(text, sp, c_start, s + off + m.end("content"))
                    if app is not None:
                        sp_end, c_start = app
                span = self._content(text, c_start, s + off + m.end("content"))
                if span:
                    if nya:
                        ref = SpeakerRef(
                            "pronoun", s + off + m.start("nya"), s + off + m.end("nya"), "nya", "pronoun"
                        )
                    elif sp.casefold().endswith("nya") and len(sp.split()) == 1:
                        # `Menurut pengakuannya, ...`
                        sp_s = s + off + m.start("sp")
                        ref = SpeakerRef("pronoun", sp_s + len(sp) - 3, sp_s + len(sp), "nya", "pronoun")
                    else:
                        sp_s = s + off + m.start("sp")
                        ref = self._read_phrase(text, sp_s, text[sp_s:sp_end].replace(",", " ", 1))
                        if ref.kind == "phrase" and ref.end < sp_end - 1:
                            ref = SpeakerRef("phrase", sp_s, sp_end, text[sp_s:sp_end])
                        ref.rule = "menurut"
                    cue = m.group("cue") + (m.group("nya") or "")
                    return [Candidate("indirect", *span, cue, "indirect-prep", ref)]
        # 4./5. a verb of saying, or a cue between commas, whichever comes first
        first_mid = next((mm for mm in pat.mid_cue.finditer(sent) if self._mid_cue(text, s, sent, mm)), None)
        first_verb = pat.verb.search(sent)
        if first_mid is not None and (first_verb is None or first_mid.start() < first_verb.start()):
            return self._mid_cue(text, s, sent, first_mid)
        # 4. `Subject VERB, bahwa ...`
        for vm in pat.verb.finditer(sent):
            res = self._verb_quote(text, s, sent, vm, nxt)
            if res is not None:
                return [res]
            # no reported speech (`X menyampaikan terima kasih ...`), but X is now the one speaking
            before = sent[: vm.start()].split()
            if 0 < len(before) <= MAX_SUBJECT_WORDS and before[-1].casefold() not in ("yang", "untuk"):
                ref = self._subject_ref(text, s, s + vm.start())
                if ref.kind == "phrase":
                    attributions.append((s, ref, "topic"))
            break  # only the first verb of saying in a sentence introduces its content
        # 5. `A, kata Bambang, B`, `A, lanjutnya, B`, `A, ujar dia.`
        for mm in pat.mid_cue.finditer(sent):
            res2 = self._mid_cue(text, s, sent, mm)
            if res2:
                return res2
        return []

    def _verb_quote(
        self, text: str, s: int, sent: str, vm: Any, nxt: tuple[int, int] | None = None
    ) -> Candidate | None:
        lex = self.lex
        cue = vm.group("cue")
        use = lex.verbs.get(cue.casefold(), "any")
        if use == "direct":
            return None
        before = sent[: vm.start()]
        bwords = before.split()
        if not bwords or len(bwords) > MAX_SUBJECT_WORDS:
            return None
        if bwords[-1].casefold() in (
            "yang",
            "untuk",
            "dan",
            "atau",
            "akan?",
            "tidak",
            "belum",
            "ingin",
            "perlu",
        ):
            return None
        rest = sent[vm.end() :]
        rwords = rest.split()
        if rwords:
            obj = rwords[0].casefold().strip(",.")
            pair = f"{cue.casefold()} {obj}"
            # `menyampaikan dukungannya`, `menyampaikan terima kasih`
            if pair in lex.negatives or (
                obj.endswith("nya") and f"{cue.casefold()} {obj[:-3]}" in lex.negatives
            ):
                return None
        a = vm.end()
        end = s + len(sent)
        m = _AFTER_VERB.match(rest)
        first = rwords[0].casefold().strip(",.:") if rwords else ""
        second = rwords[1].casefold().strip(",.:") if len(rwords) > 1 else ""
        if not rest.strip(" \t\u00a0.:"):
            # `X mengatakan. Pihaknya ...` / `X menjelaskan:` + next sentence
            if nxt is None or nxt[0] - (s + len(sent)) > 3:
                return None
            a, end = nxt[0] - s, nxt[1]
        elif m is not None:
            a += m.end()
        elif first in lex.stops and not (first in ("saat", "pada", "dalam", "di") and second in _NOT_ADJUNCT):
            # an adjunct before the content: `mengatakan kepada wartawan, bahwa ...`
            k = _ADJUNCT_END.search(rest[:160])
            if k is not None:
                a += k.end()
            elif first in ("kepada", "melalui", "lewat", "via") or use == "clause":
                return None
            # else `Ia menjelaskan dari target itu ...`: the "adjunct" is the start of the content
        elif use == "clause":
            k = _SHORT_OBJECT.match(rest)
            if k is not None and not _clause_follows(rest[: k.end()]):
                # `menyampaikan pandangannya agar ...`: a short object, then the clause
                a += k.end()
            elif k is not None:
                pass  # `menyampaikan Presiden menginginkan agar ...`: the clause starts at its subject
            elif cue.casefold() in _DIRECTIVE_VERBS and _DIRECTIVE_OBJECT.match(rest):
                pass  # `meminta para orang tua untuk tidak ...`: the object and its clause
            elif not _clause_follows(rest):
                return None  # `menyampaikan Nota Keuangan ...`: an object, not a clause
        elif first in ("tentang", "mengenai", "soal", "hal", "kepada"):
            return None
        span = self._content(text, s + a, end)
        if span is None:
            return None
        if cue.casefold() in _NAMING_VERBS and _NAMING.match(text, span[0], span[1]):
            return None  # `menyebut jalan itu sebagai "jalan neraka"` names, it does not report
        dep = self._dep_subject(s + vm.start())
        if dep is not None:
            ref = self._subject_ref(text, dep[0], dep[1])
            ref.rule = "subject-dep" if ref.rule == "subject" else ref.rule
        else:
            ref = self._subject_ref(text, s, s + vm.start())
        return Candidate("indirect", *span, cue, "indirect-verb", ref)

    def _mid_cue(self, text: str, s: int, sent: str, mm: Any) -> list[Candidate]:
        lex = self.lex
        cue = mm.group("cue")
        nya = mm.group("nya") is not None
        sp = (mm.group("sp") or "").strip()
        if nya and sp:
            return []
        if not nya:
            spw = _words(sp)
            if not spw:
                return []
            if not (
                spw[0].casefold() in lex.pronouns
                or _is_upper_word(spw[0])
                or spw[0].casefold() in lex.prefixes
            ):
                return []
        if cue.casefold() == "menurut" and not (nya or sp):
            return []
        # the clause before the cue starts after the last mask in the sentence
        a_start = sent.rfind(_MASK, 0, mm.start()) + 1
        out: list[Candidate] = []
        if nya:
            ref = SpeakerRef("pronoun", s + mm.start("nya"), s + mm.end("nya"), "nya", "pronoun")
        else:
            sp_s = s + mm.start("sp")
            ref = self._read_phrase(text, sp_s, text[sp_s : s + mm.end("sp")])
            ref.rule = "cue-mid"
        cue_txt = cue + ("nya" if nya else "")
        a_span = self._content(text, s + a_start, s + mm.start())
        b_span = None
        if mm.group("end") in (",", ";"):
            b_span = self._content(text, s + mm.end(), s + len(sent))
        lead = _CONNECTIVES.match(sent[a_start:])
        if a_span is not None and lead is not None:
            a_span = self._content(text, s + a_start + lead.end(), s + mm.start())
        if b_span is not None:
            a_words = _words(text[a_span[0] : a_span[1]]) if a_span is not None else []
            # a clause of its own before the cue is a quote of its own; an adverbial opener
            # (`Untuk mencapai visi itu, kata X, ...`) belongs to the clause after the cue
            if len(a_words) >= 4 and a_words[0].casefold() not in _ADVERBIAL_OPENERS:
                out.append(Candidate("indirect", *a_span, cue_txt, "indirect-cue-mid", ref))
                out.append(
                    Candidate(
                        "indirect", *b_span, cue_txt, "indirect-cue-mid", SpeakerRef("same", rule="split")
                    )
                )
            else:
                out.append(Candidate("indirect", *b_span, cue_txt, "indirect-cue-mid", ref))
        elif a_span is not None and len(_words(text[a_span[0] : a_span[1]])) >= 3:
            out.append(Candidate("indirect", *a_span, cue_txt, "indirect-cue-final", ref))
        return out


class _PreMatch:
    """The parts of a cue found before an opening mark, with a ``re.Match``-like interface."""

    def __init__(
        self,
        s: str,
        cue_start: int,
        cue_end: int,
        nya: tuple[int, int] | None,
        tail: tuple[int, int] | None,
        end: int,
    ) -> None:
        self._s = s
        self._spans = {"cue": (cue_start, cue_end), "nya": nya, "tail": tail}
        self._end = end

    def group(self, name: str) -> str | None:
        sp = self._spans[name]
        return self._s[sp[0] : sp[1]] if sp else None

    def start(self, name: str = "cue") -> int:
        sp = self._spans[name]
        return sp[0] if sp else -1

    def end(self, name: str | None = None) -> int:
        if name is None:
            return self._end
        sp = self._spans[name]
        return sp[1] if sp else -1


class _Shifted:
    """A match whose offsets are shifted (for re-matching after `demikian`)."""

    def __init__(self, m: Any, shift: int) -> None:
        self._m = m
        self._shift = shift

    def group(self, name: str) -> str | None:
        return self._m.group(name)

    def end(self) -> int:
        return self._m.end() + self._shift


# --------------------------------------------------------------------------- speakers


class SpeakerResolver:
    """Resolve speaker references to people (or organisations) of the article."""

    def __init__(self, doc: Doc, masked: str, lex: SpeechLexicon, masked_source: str | None = None) -> None:
        self.doc = doc
        self.text = masked_source if masked_source is not None else doc.text
        self.masked = masked
        self.lex = lex
        self.people = self._load_people(doc)
        self.orgs = self._load_orgs(doc)
        # person mentions in text order: (start, end, person index)
        ments = [(a, b, k) for k, p in enumerate(self.people) for a, b in p.mentions]
        ments.sort()
        self.mentions = ments
        self.mention_starts = [m[0] for m in ments]
        self._covered_spans: list[tuple[int, int]] | None = None
        self._linked_starts: frozenset[int] | None = None
        self._lower_words: set[str] | None = None
        self._verb_re = build_patterns().verb
        self.boundary = regex.compile(r"\n[\n\s]*|[.!?][\"”’]?\s+|[.!?](?=[\p{Lu}])|\x00+")
        self.quote_spans: list[tuple[int, int]] = []

    # -------------------------------------------------------------- inputs

    def _load_people(self, doc: Doc) -> list[Person]:
        out: list[Person] = []
        for p in doc._.kalbar_people or []:
            name = (p.get("name") or "").strip()
            if not name:
                continue
            aliases = tuple(frozenset(_norm_tokens(a)) for a in p.get("aliases") or [] if a)
            ments = tuple(
                (int(m["start"]), int(m["end"]))
                for m in p.get("mentions") or []
                if "start" in m and "end" in m
            )
            out.append(
                Person(
                    name,
                    frozenset(_norm_tokens(name)),
                    aliases,
                    tuple(p.get("titles") or []),
                    ments,
                    "people",
                )
            )
        if not out and doc._.kalbar_people is None:
            # the people component did not run; when it ran and found nobody, an organisation or a
            # place the NER took for a person must not come back as a speaker (`Satgas X`)
            out = self._fallback_people(doc)
        return out

    def _fallback_people(self, doc: Doc) -> list[Person]:
        """Without ``kalbar_people``: persons from the title links and the NER, clustered by name tokens."""
        spans: list[tuple[int, int, str]] = []
        titles_of: dict[tuple[int, int], list[str]] = {}
        for t in doc._.kalbar_titles or []:
            per = t.get("person") if isinstance(t, dict) else None
            if per and "start" in per:
                key = (int(per["start"]), int(per["end"]))
                spans.append((key[0], key[1], per.get("text") or doc.text[key[0] : key[1]]))
                titles_of.setdefault(key, []).append(str(t.get("title") or t.get("role") or ""))
        for ent in doc.ents:
            if ent.label_ in ("PER", "PERSON"):
                spans.append((ent.start_char, ent.end_char, ent.text))
        clusters: list[dict[str, Any]] = []
        for a, b, txt in sorted(set(spans), key=lambda x: (-len(_norm_tokens(x[2])), x[0])):
            toks = frozenset(_norm_tokens(txt))
            if not toks or self.masked[a : a + 1] == _MASK:
                continue
            home = next((c for c in clusters if toks <= c["tokens"]), None)
            if home is None:
                home = {"name": txt, "tokens": toks, "mentions": [], "titles": [], "aliases": set()}
                clusters.append(home)
            home["mentions"].append((a, b))
            home["titles"].extend(titles_of.get((a, b), []))
            home["aliases"].add(toks)
        return [
            Person(
                c["name"],
                c["tokens"],
                tuple(c["aliases"]),
                tuple(c["titles"]),
                tuple(sorted(c["mentions"])),
                "fallback",
            )
            for c in clusters
        ]

    def _load_orgs(self, doc: Doc) -> list[tuple[str, list[tuple[int, int]], frozenset[str]]]:
        out = []
        for o in doc._.kalbar_organizations or []:
            name = o.get("name")
            if not name:
                continue
            ments = [(int(m["start"]), int(m["end"])) for m in o.get("mentions") or [] if "start" in m]
            keys = {name.casefold()}
            if o.get("acronym"):
                keys.add(str(o["acronym"]).casefold())
            for a in o.get("aliases") or []:
                keys.add(str(a).casefold())
            out.append((name, ments, frozenset(keys)))
        return out

    # -------------------------------------------------------------- resolution

    def _speaker(self, k: int, mention: str, start: int, end: int, rule: str) -> dict[str, Any]:
        return {"name": self.people[k].name, "mention": mention, "start": start, "end": end, "rule": rule}

    def _person_in(self, a: int, b: int) -> tuple[int, int, int] | None:
        """The first person mention inside ``[a, b)`` that is not part of a title, organisation or place."""
        i = bisect.bisect_left(self.mention_starts, a)
        while i < len(self.mentions) and self.mentions[i][0] < b:
            ms, me, k = self.mentions[i]
            if me <= b:
                if ms in self._title_linked() or not any(
                    ca <= ms and me <= cb and cb - ca > me - ms for ca, cb in self._covered()
                ):
                    return ms, me, k
            i += 1
        return None

    def _title_linked(self) -> frozenset[int]:
        """Start offsets of the persons a title was linked to (`Guru Besar Fakultas X Markus Silalahi`):
        such a name stays a person even where an organisation span wrongly runs over it."""
        if self._linked_starts is None:
            self._linked_starts = frozenset(
                int(t["person"]["start"])
                for t in self.doc._.kalbar_titles or []
                if isinstance(t, dict) and t.get("person") and "start" in t["person"]
            )
        return self._linked_starts

    def _covered(self) -> list[tuple[int, int]]:
        """Spans of organisations, places and titles: capitalised words there are not names."""
        if self._covered_spans is None:
            # an "organisation" that opens with a rank or honorific is a person the gazetteer took for one
            cov = [
                (a, b)
                for name, ments, _k in self.orgs
                if (_words(name) or [""])[0].casefold().rstrip(".") not in self.lex.prefixes
                for a, b in ments
            ]
            for loc in self.doc._.kalbar_locations or []:
                cov += [(int(m["start"]), int(m["end"])) for m in loc.get("mentions") or [] if "start" in m]
            for t in self.doc._.kalbar_titles or []:
                if isinstance(t, dict) and "start" in t:
                    cov.append((int(t["start"]), int(t["end"])))
            dl = self.doc._.kalbar_dateline
            if isinstance(dl, dict) and dl.get("end") is not None:
                cov.append((int(dl.get("start") or 0), int(dl["end"])))
            self._covered_spans = sorted(cov)
        return self._covered_spans

    def _name_words(self, phrase: str, base: int = -1) -> list[tuple[str, int]]:
        """The last run of name-like words of a phrase, with their offsets: capitalised, not a title,
        rank or honorific before a name, not inside an organisation, place or title the article names."""
        toks = [(m.group(), m.start()) for m in _WORD.finditer(phrase)]
        # drop parenthesised abbreviations: `Sekretaris Daerah (Sekda) Kabupaten`
        paren = [(m.start(), m.end()) for m in _PAREN.finditer(phrase)]
        cov = self._covered() if base >= 0 else []
        runs: list[list[tuple[str, int]]] = [[]]
        for n, (w, off) in enumerate(toks):
            low = w.casefold().rstrip(".")
            nxt_upper = n + 1 < len(toks) and _is_upper_word(toks[n + 1][0])
            in_paren = any(a <= off < b for a, b in paren)
            covered = base >= 0 and any(a <= base + off < b for a, b in cov)
            is_prefix = low in self.lex.prefixes and nxt_upper
            if (
                not _is_upper_word(w)
                or in_paren
                or covered
                or is_prefix
                or ("." in w[:-1] and _DEGREE.match(w))
            ):
                if runs[-1]:
                    runs.append([])
                continue
            runs[-1].append((w, off))
        runs = [r for r in runs if r]
        return runs[-1] if runs else []

    def _name_like(self, w: str) -> bool:
        """A capitalised word that the article never writes in lower case and that is no weekday or month."""
        if self._lower_words is None:
            self._lower_words = {x for x in _WORD.findall(self.masked) if x.islower()}
        low = w.casefold().rstrip(".")
        if any(ch.isdigit() for ch in w):
            return False  # `U-17`, `2025`: no part of a name
        return low not in self._lower_words and low not in _CALENDAR_WORDS and low not in _GENERIC_SUBJECTS

    def _anaphor(self, phrase: str) -> bool:
        """`Politisi PPP ini`, `pria tersebut`: a description that points back to the current speaker."""
        words = [w.casefold() for w in _words(phrase)]
        return (
            2 <= len(words) <= 6 and words[-1] in ("ini", "itu", "tersebut") and _person_head(words, self.lex)
        )

    def resolve_phrase(self, ref: SpeakerRef, before: int) -> dict[str, Any] | None:
        """Resolve an explicit speaker phrase (``Sekda Alexander``, ``Iptu Tenda Sukendar``)."""
        a, b = ref.start, ref.end
        rule = ref.rule or "explicit"
        phrase = ref.text
        hit = self._person_in(a, b)
        if hit is not None:
            ms, me, k = hit
            return self._speaker(k, self.text[ms:me], ms, me, f"{rule}:mention")
        name_words = self._name_words(phrase, a)
        toks = {w.casefold().strip(".'’") for w, _ in name_words}
        # by name tokens (`Sekda Alexander` -> Alexander Wilyo); the nearest earlier mention wins ties
        best, best_key = None, (0.0, -1)
        for k, p in enumerate(self.people):
            keys = [p.tokens, *p.alias_tokens]
            score = max((len(toks & key) / len(toks) for key in keys if toks), default=0.0)
            recent = max((ms for ms, _ in p.mentions if ms < before), default=-1)
            if score >= 0.5 and (score, recent) > best_key:
                best, best_key = k, (score, recent)
        if best is not None:
            return self._speaker(best, phrase, a, b, f"{rule}:name")
        if self._anaphor(phrase):
            return {"anaphor": True}
        if not toks:
            # by title (`ucap Bupati`, `Kepala Kantor SAR Lampung mengatakan`)
            k = self._by_title(phrase, before)
            if k is not None:
                return self._speaker(k, phrase, a, b, f"{rule}:title")
        # an organisation as the speaker
        for name, ments, keys in self.orgs:
            if any(ms >= a and me <= b for ms, me in ments) or phrase.casefold().strip() in keys:
                if not toks:
                    return {
                        "name": name,
                        "mention": phrase,
                        "start": a,
                        "end": b,
                        "rule": f"{rule}:organization",
                    }
        # no person of the article fits: read the name from the phrase itself, if it looks like one
        if not all(self._name_like(w) for w, _ in name_words):
            name_words = []  # a run with a number or a common word in it is no name (`Piala Dunia U-17`)
        if len(name_words) == 1 and name_words[0][1] == 0 and len(_words(phrase)) > 1:
            name_words = []  # `Terkait ...`, `Rilis ...`: the capital of the first word of a sentence
        org_words = _title_words()
        last_org = max(
            (i for i, (w, _) in enumerate(name_words) if w.casefold().rstrip(".") in org_words), default=-1
        )
        if last_org >= 0:
            # `Corporate Communications Borneo Air Sinta Dewi`: the name follows the organisation's words
            name_words = name_words[last_org + 1 :] if len(name_words) - last_org - 1 >= 2 else []
        if name_words:
            s0 = a + name_words[0][1]
            name = self._expand_name([w for w, _ in name_words], s0)
            if name:
                e0 = a + name_words[-1][1] + len(name_words[-1][0])
                return {
                    "name": name,
                    "mention": self.text[s0:e0],
                    "start": s0,
                    "end": e0,
                    "rule": f"{rule}:phrase",
                }
        return None

    @property
    def people_from_component(self) -> bool:
        return bool(self.people) and self.people[0].source == "people"

    def _expand_name(self, words: list[str], own_start: int = -1) -> str | None:
        """Without a people list: the longest run of capitalised words in the text that contains ``words``."""
        if not words:
            return None
        words = words[:4]
        pat = _name_pattern(tuple(words))
        best = " ".join(words)
        for m in pat.finditer(self.masked):
            # a left extension must stay a name: it starts after the last title or rank word,
            # and not with the first word of a sentence (`Dijelaskan Tenda`)
            lw = m.group(1).split()
            cut = 0
            for i, w in enumerate(lw):
                if w.casefold().rstrip(".") in self.lex.prefixes:
                    cut = i + 1
            head = self.masked[max(0, m.start() - 3) : m.start()]
            if cut == 0 and lw and (m.start() == 0 or _HEAD_BOUNDARY.search(head)):
                cut = 1
            # at most one given name to the left, and only a name-like one (`Wabup Rouf` -> `Abdul Rouf`,
            # not `Persma Manado Hengky Kawalo`)
            cut = max(cut, len(lw) - 1)
            if lw[cut:] and not all(self._name_like(w) for w in lw[cut:]):
                cut = len(lw)
            if any(a <= m.start(1) < b for a, b in self._covered()) or m.end(1) == own_start:
                cut = len(lw)  # a title, place or organisation; or the phrase itself (no evidence)
            left = lw[cut:]
            right = [w for w in m.group(2).split()]
            stop = next((i for i, w in enumerate(right) if w.casefold() in self.lex.prefixes), len(right))
            cand = " ".join([*left, *words, *right[:stop]])
            if len(cand) > len(best) and len(left) <= 2:
                best = cand
        return best

    def _by_title(self, phrase: str, before: int) -> int | None:
        """The person (most recently mentioned before ``before``) whose title or alias fits ``phrase``."""
        words = [w.casefold().rstrip(".") for w in _words(_PAREN.sub(" ", phrase))]
        title_words = [w for w in words if w in self.lex.prefixes]
        norm_phrase = " ".join(words)
        if not title_words:
            return None
        best, best_pos = None, -2
        for k, p in enumerate(self.people):
            hit = False
            for t in p.titles:
                nt = " ".join(w.casefold().rstrip(".") for w in _words(t))
                if nt and (nt in norm_phrase or norm_phrase in nt):
                    hit = True
            if not hit:
                hit = any(all(w in key for w in title_words[:1]) for key in p.alias_tokens)
            if not hit:
                for ms, _me in p.mentions:
                    ctx = self.text[max(0, ms - 80) : ms].casefold()
                    if title_words[0] in _words(ctx):
                        hit = True
                        break
            if hit:
                pos = max((ms for ms, _ in p.mentions if ms < before), default=-1)
                if pos > best_pos:
                    best, best_pos = k, pos
        return best

    def salient(self, before: int, last: tuple[int, dict[str, Any]] | None) -> dict[str, Any] | None:
        """The current speaker at ``before``: the last speaker, or a person who became the subject since."""
        i = bisect.bisect_left(self.mention_starts, before) - 1
        floor = last[0] if last else -1
        while i >= 0 and self.mentions[i][0] > floor:
            ms, me, k = self.mentions[i]
            if (
                self.masked[ms] != _MASK
                and not self._in_quote(ms)
                and self._subject_position(ms, me)
                and len(self.boundary.findall(self.masked, me, self._trim_back(me, before))) <= 2
            ):
                return self._speaker(k, self.text[ms:me], ms, me, "salient")
            i -= 1
        if last is not None:
            return dict(last[1])
        if i >= 0 and self.people_from_component:
            ms, me, k = self.mentions[i]
            return self._speaker(k, self.text[ms:me], ms, me, "salient")
        return None

    def not_a_person(self, sp: dict[str, Any]) -> bool:
        """Is a resolved speaker an organisation or a place (so `dia`/`-nya` cannot refer to it)?"""
        rule = str(sp.get("rule") or "")
        if rule.endswith(":organization"):
            return True
        if not rule.endswith(":phrase"):
            return False
        a, b = sp.get("start", -1), sp.get("end", -1)
        if any(ms < b and a < me for _n, ments, _k in self.orgs for ms, me in ments):
            return True
        org_words = _title_words()
        return any(w.casefold().rstrip(".") in org_words for w in _words(str(sp.get("name") or "")))

    def _trim_back(self, lo: int, i: int) -> int:
        """``i`` moved back over the opening mark, spaces and line breaks before a quote."""
        while i > lo and self.masked[i - 1] in ' \t\n\u00a0\x00“”"‘’':
            i -= 1
        return i

    def _in_quote(self, i: int) -> bool:
        k = bisect.bisect_right(self.quote_spans, (i, 1 << 60)) - 1
        return k >= 0 and self.quote_spans[k][0] <= i < self.quote_spans[k][1]

    def _subject_position(self, ms: int, me: int) -> bool:
        """Near the start of its sentence, or right before a verb of saying (`..., Djoko menyampaikan`)."""
        k = max(
            self.masked.rfind("\n", 0, ms), self.masked.rfind(". ", 0, ms), self.masked.rfind(_MASK, 0, ms)
        )
        head = self.masked[k + 1 : ms]
        if len(head.split()) <= 6:
            return True
        gap = _VERB_NEXT.match(self.masked, me, me + 60)
        if gap is None:
            return False
        # the person is the subject of the clause: an active verb follows (me-, ber-, or a verb of saying)
        return (
            self._verb_re.match(self.masked, gap.end(), me + 60) is not None
            or _ACTIVE_VERB.match(self.masked, gap.end(), me + 60) is not None
        )

    def resolve_all(self, cands: list[Candidate], events: list[tuple[int, SpeakerRef, str]]) -> None:
        """Give each candidate its speaker, in text order.

        ``events`` are sentences that are not quotes but name a speaker: ``hal`` (`Hal tersebut
        disampaikan X`: X speaks the quotes just before that have no speaker of their own) and
        ``topic`` (`X menyampaikan terima kasih ...`: X becomes the current speaker for `-nya`)."""
        last: tuple[int, dict[str, Any]] | None = None
        last_person: tuple[int, dict[str, Any]] | None = None
        prev: Candidate | None = None
        self.quote_spans = sorted((c.start, c.end) for c in cands)
        events = sorted(events, key=lambda x: x[0])
        ev_i = 0

        def apply_event(pos: int, ref: SpeakerRef, kind: str, upto: int) -> None:
            nonlocal last, last_person
            sp = self.resolve_phrase(ref, pos)
            if sp is None or sp.get("anaphor"):
                return
            if kind != "hal" and self.not_a_person(sp):
                return  # `Satgas X akan meminta ...`: an organisation is no antecedent for `-nya`
            if kind == "hal":
                sp["rule"] = "hal-tersebut"
                for q in reversed(cands[:upto]):
                    rule = q.speaker["rule"] if q.speaker else ""
                    weak = rule.startswith(("continuation", "salient")) or rule.endswith(":phrase")
                    if q.speaker is not None and not weak and not rule.startswith("split"):
                        break
                    if q.speaker is None or weak:
                        q.speaker = dict(sp)
            else:
                sp["rule"] = "salient-subject"
            last = (pos, sp)
            if not self.not_a_person(sp):
                last_person = last

        for c in cands:
            while ev_i < len(events) and events[ev_i][0] < c.start:
                apply_event(*events[ev_i], c.order)
                ev_i += 1
            ref = c.ref
            sp: dict[str, Any] | None = None
            if ref.kind == "phrase":
                sp = self.resolve_phrase(ref, ref.start)
                if sp is not None and sp.get("anaphor"):
                    ref = SpeakerRef("pronoun", ref.start, ref.end, ref.text, "anaphor")
                    sp = None
            if ref.kind == "pronoun":
                # `dia`/`-nya` refer to the last person who spoke, never to an organisation
                cur = self.salient(min(ref.start, c.start) if ref.start >= 0 else c.start, last_person)
                if cur is not None:
                    sp = {
                        **cur,
                        "mention": ref.text,
                        "start": ref.start,
                        "end": ref.end,
                        "rule": ref.rule or "pronoun",
                    }
            elif ref.kind == "same" and prev is not None:
                sp = dict(prev.speaker) if prev.speaker else None
                if sp:
                    sp["rule"] = "split"
            elif ref.kind == "none" and c.kind == "direct":
                cur = self.salient(c.start, last)
                if cur is not None:
                    sp = {**cur, "rule": "continuation"}
            c.speaker = sp
            if sp is not None:
                last = (c.start, sp)
                if not self.not_a_person(sp):
                    last_person = last
            prev = c
        while ev_i < len(events):
            apply_event(*events[ev_i], len(cands))
            ev_i += 1


# --------------------------------------------------------------------------- small utilities


@functools.cache
def _title_words() -> frozenset[str]:
    """Organisation and region words of the titles lexicon (`Satgas`, `Institute`, `Kabupaten`)."""
    lex = load_title_lexicon()
    return frozenset((lex.org | lex.admin | lex.acronym) - lex.given)


def _person_head(words: list[str], lex: SpeechLexicon) -> bool:
    """Is the first noun of a description one for a person (`pria`, `politisi`, `Kapolres`)?"""
    for w in words[:3]:
        w = w.rstrip(".")
        if w in ("sang", "si", "seorang", "para"):
            continue
        return w in lex.person_nouns or w in lex.prefixes
    return False


@functools.lru_cache(maxsize=4096)
def _name_pattern(words: tuple[str, ...]) -> Any:
    """``words`` with up to three capitalised words on either side (bounded: no backtracking blow-up)."""
    return regex.compile(
        r"(?<![\p{L}\p{N}])((?:[\p{Lu}][\p{L}'’\-]*\.?[^\S\n]){0,3})"
        + r"[^\S\n]".join(regex.escape(w) for w in words)
        + r"((?:[^\S\n][\p{Lu}][\p{L}'’\-]*){0,3})(?![\p{L}\p{N}])"
    )


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _boilerplate_ranges(doc: Doc) -> list[tuple[int, int]]:
    out = []
    for item in doc._.kalbar_boilerplate or []:
        try:
            a, b = int(item[0]), int(item[1])
        except (TypeError, ValueError, IndexError, KeyError):
            a, b = int(item["start"]), int(item["end"])  # dict form
        out.append((a, b))
    return sorted(out)


def _in_ranges(i: int, ranges: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(ranges, (i, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= i < ranges[k][1]


def _sentence_start(text: str, i: int, floor: int) -> int:
    """Start of the sentence that contains ``i`` (not before ``floor``)."""
    lo = max(floor, i - 400)
    m = _SENT_BACK.search(text, lo, i)
    return m.end() if m else lo


@Language.factory(
    "kalbar_quotes",
    assigns=["doc._.kalbar_quotes"],
    requires=["doc._.kalbar_people"],
    default_config={"max_quote_chars": MAX_QUOTE_CHARS},
)
def make_quotes(nlp: Language, name: str, max_quote_chars: int) -> QuoteFinder:
    """Build the ``kalbar_quotes`` component."""
    return QuoteFinder(nlp, name, max_quote_chars=max_quote_chars)
