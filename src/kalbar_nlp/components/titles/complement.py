"""The complement run: the words after a title head that may be its jurisdiction (and a name).

:func:`complement_run` walks right from the head. At each token the rules of
:data:`RUN_RULES` are tried in order; the first that knows the token either takes it into the
run (:data:`NEXT`) or ends the run (:data:`STOP`). A token no rule knows ends the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ...text.names import NameReader

YEAR = regex.compile(r"^(?:19|20)\d\d$")
ORDINAL = regex.compile(r"^ke-?\d{1,3}$")
#: the most tokens a complement run (with the name after it) may have
MAX_RUN = 22
#: the most tokens between a comma and the ``dan`` that closes a list of fields in a complement
LIST_REACH = 8
#: the most plain capitalised words after ``dan`` before the acronym or organisation word of the unit
UNIT_REACH = 3
#: what a run rule decides: take the token(s) and go on, or end the run
NEXT, STOP = "next", "stop"
#: tokens that join two parts of a complement and never end one
CONNECTORS = frozenset({"dan", "&", "-", "/"})


@dataclass(slots=True)
class RunState:
    """The walk along one complement."""

    reader: NameReader
    j: int  # the token being read
    run: list[int] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)
    all_jl: bool = True  # every word so far belongs to a jurisdiction (region, body, acronym, place)
    serves_post: bool = False  # the head serves another post (Staf Khusus Presiden, Juru Bicara Gubernur)

    def take(self, *tokens: int) -> str:
        """Put ``tokens`` in the run and move past them."""
        self.run.extend(tokens)
        self.j = tokens[-1] + 1
        return NEXT


def paren(state: RunState) -> str | None:
    """``(Bappeda)``: an abbreviation in parentheses is skipped; any other bracket ends the run."""
    reader, j, run = state.reader, state.j, state.run
    if reader.texts[j] != "(":
        return None
    paren_end = reader.paren_abbr_end(j, loose=True)
    if paren_end and (not run or state.all_jl or len(run) >= 2):
        state.skipped.append((j, paren_end))
        state.j = paren_end
        return NEXT
    return STOP


def glued_joiner(state: RunState) -> str | None:
    """``/`` or ``-`` written without spaces between two parts (``Polres Kubu/Raya``, ``XII-Tanjungpura``)."""
    reader, j = state.reader, state.j
    if (
        reader.texts[j] in {"/", "-"}
        and state.run
        and not reader.space_after[j - 1]
        and j + 1 < reader.size
        and not reader.space_after[j]
        and reader.texts[j + 1][:1].isalnum()
    ):
        return state.take(j)
    return None


def year(state: RunState) -> str | None:
    """Hari Guru Nasional 2023: a year ends a name, it is no code."""
    return STOP if YEAR.match(state.reader.texts[state.j]) else None


def number(state: RunState) -> str | None:
    """A number continues a code (``Kodim 1207``, ``SMAN 9``, ``1207/Pontianak``, ``1205-01/Sintang``,
    ``Ketua RT 03``), else ends the run."""
    reader, j, run = state.reader, state.j, state.run
    if not reader.texts[j][:1].isdigit():
        return None
    after_code = run and (reader.keys[run[-1]] in {"-", "/"} or reader.texts[run[-1]][:1].isupper())
    # the post ends in a body's acronym that takes a number (Ketua RT 03, Ketua RW 5)
    after_acronym_head = not run and j > 0 and reader.all_caps(j - 1) and len(reader.texts[j]) <= 3
    glued_code = j + 1 < reader.size and reader.texts[j + 1] in {"/", "-"} and not reader.space_after[j]
    if after_code or glued_code or after_acronym_head:
        return state.take(j)
    if (
        not run
        and len(reader.texts[j]) <= 2
        and j + 1 < reader.size
        and reader.alpha_cap(j + 1)
        and not reader.name_likely(j + 1)
    ):
        return state.take(j)  # the unit's number right after the post (Kasubdit 2 Ditsiber, Kanit 3 PPA)
    return STOP


def ordinal(state: RunState) -> str | None:
    """``ke-7`` as one token or as ``ke`` ``-`` ``7``."""
    reader, j = state.reader, state.j
    if ORDINAL.match(reader.texts[j]):
        return state.take(j)
    if (
        reader.keys[j] == "ke"
        and j + 2 < reader.size
        and reader.texts[j + 1] == "-"
        and reader.texts[j + 2][:1].isdigit()
    ):
        return state.take(j, j + 1, j + 2)
    return None


def _ends_capitalised_run(state: RunState) -> bool:
    """A capitalised word that starts something else: a time word, a rank, another post, a stop word."""
    reader, j, run = state.reader, state.j, state.run
    key, lex = reader.keys[j], reader.lex
    if key in lex.time:
        return True
    if reader.rank_at(j) or (reader.honorific_at(j) and key not in lex.org):
        return True
    principal = state.serves_post and all(reader.keys[k] == "wakil" for k in run)
    # a post right after an organisation's opener names its members (Persatuan Guru, Ikatan Dokter)
    members = bool(run) and run[-1] == j - 1 and reader.keys[run[-1]] in lex.openers
    if (
        (reader.title_at(j) or reader.prefix_at(j))
        and not principal
        and not members
        and not (key in lex.org or key in lex.admin or key in lex.acronym)
        and not (key in lex.given and run and reader.name_likely(run[-1]))
    ):
        return True
    # a capitalised common word inside the complement is part of a name (Kuala Dua)
    return key in lex.stop and key not in lex.org and key not in lex.admin and not run


def field_honorific_at(reader: NameReader, j: int) -> bool:
    """An honorific naming the field of a unit: after an organisation word that is no opener
    (``Badan Pengelola Keuangan Haji``) or before ``dan`` and an organisation word (``Menteri Haji dan
    Umrah``); ``Ketua DPRD Haji Ahmad`` keeps its honorific."""
    lex = reader.lex
    if j == 0 or reader.keys[j] not in lex.field_honorifics or not reader.texts[j][:1].isupper():
        return False
    before = reader.keys[j - 1]
    after_org = before in lex.org and before not in lex.openers and reader.texts[j - 1][:1].isupper()
    joined = j + 2 < reader.size and reader.keys[j + 1] in {"dan", "&"} and reader.keys[j + 2] in lex.org
    return after_org or joined


def field_honorific(state: RunState) -> str | None:
    """``Keuangan Haji``, ``Haji dan Umrah``: the honorific names the unit's field; the run goes on."""
    return state.take(state.j) if field_honorific_at(state.reader, state.j) else None


def capitalised(state: RunState) -> str | None:
    """A capitalised word is taken unless it starts something else; it may end the jurisdiction-only run."""
    reader, j = state.reader, state.j
    if not reader.texts[j][:1].isupper():
        return None
    if _ends_capitalised_run(state):
        return STOP
    key, lex = reader.keys[j], reader.lex
    if not (
        key in lex.org
        or (key in lex.admin or key in lex.geo)
        or key in lex.acronym
        or reader.all_caps(j)
        or reader.place_at(j)
        or (state.serves_post and reader.title_at(j))
    ):
        state.all_jl = False
    return state.take(j)


def _list_end(reader: NameReader, j: int) -> int | None:
    """After the comma at ``j``: the ``dan`` that closes a list of fields (``, Asuransi, dan Pasar
    Modal OJK``), where only capitalised words that are no given names and commas come before it
    and capitalised words up to a body's acronym or organisation word follow it; else None."""
    k = j + 1
    while k < reader.size and k - j <= LIST_REACH and reader.keys[k] != "dan":
        if not (reader.texts[k] == "," or (reader.alpha_cap(k) and not reader.name_likely(k))):
            return None
        k += 1
    if k >= reader.size or reader.keys[k] != "dan" or k == j + 1:
        return None
    for after in range(k + 1, min(k + 5, reader.size)):
        if not reader.alpha_cap(after):
            return None
        if reader.all_caps(after) or reader.is_orgish(after):
            return k
    return None


def listed_fields(state: RunState) -> str | None:
    """``Kepala Departemen Pengawasan Bank, Asuransi, dan Pasar Modal OJK``: a list of fields
    with commas inside the complement, closed by ``dan`` and the body's name."""
    reader, j = state.reader, state.j
    if reader.texts[j] != "," or not state.run:
        return None
    end = _list_end(reader, j)
    return state.take(*range(j, end + 1)) if end is not None else None


def _unit_word(reader: NameReader, k: int) -> bool:
    """An organisation or region word, a body's acronym or a place at token ``k``."""
    return bool(
        reader.is_orgish(k) or reader.keys[k] in reader.lex.org or reader.place_at(k) or reader.all_caps(k)
    )


def _unit_follows(reader: NameReader, nxt: int) -> bool:
    """``Kemahasiswaan dan Alumni Untag Surabaya``: plain capitalised words after ``dan`` that no
    given name interrupts before a body's acronym, an organisation word or a place within reach."""
    for k in range(nxt + 1, min(nxt + 1 + UNIT_REACH, reader.size)):
        if not reader.alpha_cap(k) or reader.name_likely(k) or reader.title_at(k) or reader.rank_at(k):
            return False
        if _unit_word(reader, k):
            return True
    return False


def conjunction(state: RunState) -> str | None:
    """``dan``/``&`` between two parts of a unit (``Dinas Pemuda dan Olahraga``, ``Bagian
    Pemberitaan dan Publikasi KPK``): the word after it is an organisation or place word, or a
    plain word on the way to one, after a word that is no given name."""
    reader, j = state.reader, state.j
    nxt = j + 1
    if (
        reader.keys[j] in {"dan", "&"}
        and state.run
        and nxt < reader.size
        and reader.alpha_cap(nxt)
        and not reader.title_at(nxt)
        and not reader.rank_at(nxt)
        and reader.keys[nxt] not in reader.lex.given
        and (
            _unit_word(reader, nxt) or (not reader.name_likely(state.run[-1]) and _unit_follows(reader, nxt))
        )
    ):
        return state.take(j)
    return None


def english_connector(state: RunState) -> str | None:
    """Institute for Development of Economics, Bike to Work: a lower-case word inside an English name."""
    reader, j, run = state.reader, state.j, state.run
    if (
        reader.keys[j] in reader.lex.english_connectors
        and run
        and reader.texts[run[-1]][:1].isupper()
        and j + 1 < reader.size
        and reader.alpha_cap(j + 1)
    ):
        return state.take(j)
    return None


def origin(state: RunState) -> str | None:
    """``Anggota DPD RI asal Kalbar``, ``Anggota DPR RI dari dapil Kalbar I``: the region a member
    of a legislature represents, after a lower-case ``asal``/``dapil``/``dari``."""
    reader, j = state.reader, state.j
    words = [j + 1, j] if reader.keys[j] == "dari" else [j]
    last = words[0]
    if (
        last + 1 < reader.size
        and reader.texts[j].islower()
        and reader.keys[last] in reader.lex.origins
        and (not state.run or state.all_jl)
        and (reader.place_at(last + 1) or reader.all_caps(last + 1))
    ):
        return state.take(*sorted(words))
    return None


def named_after_doctor(state: RunState) -> str | None:
    """``RSUD dr Soedarso``: a doctor's honorific after a hospital's words opens the rest of its name."""
    reader, j = state.reader, state.j
    before = j - 1
    if state.skipped and state.skipped[-1][1] == j:
        before = state.skipped[-1][0] + 1  # the abbreviation: Rumah Sakit Umum Daerah (RSUD) dr Soedarso
    if not (
        reader.keys[j] in reader.lex.doctors
        and before >= 0
        and reader.keys[before] in reader.lex.hospitals
        and j + 1 < reader.size
        and reader.alpha_cap(j + 1)
    ):
        return None
    # the holder (or the hospital's town) comes after the doctor's name: "RSUD dr Soedarso, dr Rudi";
    # "Direktur RSUD dr Budi Santoso mengatakan" keeps dr as the holder's honorific
    after = reader.name_run(j + 1)
    if after < reader.size and (
        reader.texts[after] in {",", "("}
        or reader.honorific_at(after)
        or reader.rank_at(after)
        or reader.place_at(after)
    ):
        return state.take(j)
    return None


def setempat(state: RunState) -> str | None:
    """``Camat setempat``: the local one; the word closes the complement."""
    if state.reader.keys[state.j] == "setempat" and (not state.run or state.all_jl):
        state.take(state.j)
        return STOP
    return None


def post_modifier(state: RunState) -> str | None:
    """``Gubernur Sumut nonaktif Budi``, ``Ketua terpilih``: a word of the post between it and its holder."""
    reader, j = state.reader, state.j
    if reader.texts[j].islower() and reader.keys[j] in reader.lex.post_modifiers:
        return state.take(j)
    return None


def lower_unit(state: RunState) -> str | None:
    """An office word written in lower case before a capitalised name (``kepala dinas Pendidikan``)."""
    reader, j = state.reader, state.j
    key = reader.keys[j]
    if (
        reader.texts[j].islower()
        and (key in reader.lex.lower_units or key in reader.lex.admin)
        and state.all_jl
        and j + 1 < reader.size
        and reader.texts[j + 1][:1].isupper()
    ):
        return state.take(j)
    return None


RunRule = Callable[[RunState], "str | None"]
#: the rules of a complement run, tried in this order at every token
RUN_RULES: tuple[RunRule, ...] = (
    paren,
    glued_joiner,
    year,
    number,
    ordinal,
    field_honorific,
    named_after_doctor,
    capitalised,
    listed_fields,
    conjunction,
    english_connector,
    origin,
    setempat,
    post_modifier,
    lower_unit,
)


def _walk(state: RunState) -> None:
    """Apply :data:`RUN_RULES` token by token until one ends the run (or none knows the token)."""
    reader = state.reader
    while state.j < reader.size and len(state.run) < MAX_RUN:
        decision = next((d for rule in RUN_RULES if (d := rule(state)) is not None), STOP)
        if decision == STOP:
            return


def complement_run(
    reader: NameReader, j0: int, serves_post: bool = False
) -> tuple[list[int], int, list[tuple[int, int]]]:
    """Tokens after a title head that may be its complement (and the name that follows).

    Args:
        reader: the document's name reader.
        j0: the first token after the head.
        serves_post: the head serves another post, which opens the complement (``Staf Khusus
            Presiden``, ``Juru Bicara Gubernur Kalbar``).

    Returns:
        (the run's tokens, the token where the run stopped, the parenthesised abbreviations skipped).
    """
    state = RunState(reader, j0, serves_post=serves_post)
    _walk(state)
    run = state.run
    # drop a trailing connector
    while run and reader.keys[run[-1]] in CONNECTORS:
        run.pop()
    stop = run[-1] + 1 if run else j0
    # paren skipped after the run's last token: the stop is after it
    for s, e in state.skipped:
        if s == stop:
            stop = e
    return run, stop, state.skipped
