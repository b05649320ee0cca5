"""Splitting a complement run into the title's jurisdiction and the name after it.

``Kepala Dinas Kesehatan Kabupaten Ketapang Sri Rahayu``: the run after the head is
``Kesehatan Kabupaten Ketapang Sri Rahayu``; the jurisdiction words (regions, organisation
words, acronyms, codes) are flagged by :func:`jl_flags`, and :func:`split_run` decides where the
person's name starts, from the given names, the trained NER, the organisation openers and the
token that stopped the run.
"""

from __future__ import annotations

from ...lexicons.titles import TitleEntry
from ...text.names import NameReader
from .complement import ORDINAL, field_honorific_at

#: (end of the complement, name span or None)
Split = tuple[int, "tuple[int, int] | None"]
#: Balinese name markers (I Wayan Diar, Ni Made Sari)
BALINESE_MARKERS = frozenset({"I", "Ni"})


def _place_length(reader: NameReader, run: list[int], p: int) -> int:
    """Length of a place name at run position ``p`` that lies wholly inside the run, else 0."""
    j = run[p]
    size = reader.place_at(j, run[-1] + 1) if reader.texts[j][:1].isupper() else 0
    if size and all(run[p + q] == j + q for q in range(size) if p + q < len(run)) and p + size <= len(run):
        return size
    return 0


def _balinese_marker(reader: NameReader, run: list[int], p: int) -> bool:
    """``I`` / ``Ni`` before a Balinese birth-order or caste name (``I Wayan``), no Roman numeral."""
    return (
        reader.texts[run[p]] in BALINESE_MARKERS
        and p + 1 < len(run)
        and reader.keys[run[p + 1]] in reader.lex.balinese_names
    )


def _served_post(reader: NameReader, run: list[int], p: int) -> bool:
    """Run position ``p`` lies in a post that opens the run: the post an aide serves (``Staf Khusus
    Presiden``, ``Juru Bicara Wakil Presiden``)."""
    first = reader.title_at(run[0])
    return first is not None and p < first[0] and run[p] == run[0] + p


def _jurisdiction_word(reader: NameReader, run: list[int], p: int) -> bool:
    """A region, organisation or body word, an acronym, a numeral, a code, a lower-case word or the
    field after a unit word."""
    j = run[p]
    key, text, lex = reader.keys[j], reader.texts[j], reader.lex
    after_code = p > 0 and reader.texts[run[p - 1]] in {"/", "-"}
    # the word right after Bidang/Seksi/Bagian names the unit's field (Bidang Kemaritiman Luhut)
    after_field_unit = p > 0 and run[p - 1] == j - 1 and reader.keys[j - 1] in lex.field_units
    return bool(
        (key in lex.admin or key in lex.geo)
        or key in lex.org
        or key in lex.acronym
        or reader.all_caps(j)
        or key in lex.roman
        or after_code
        or after_field_unit
        or _served_post(reader, run, p)
        or field_honorific_at(reader, j)
        or ORDINAL.match(text)
        or key in {"dan", "&", "-", "/", "ke"}
        or text[:1].isdigit()
        or text.islower()
    )


def jl_flags(reader: NameReader, run: list[int]) -> list[bool]:
    """Which run tokens belong to a jurisdiction (region, organisation word, acronym, code)."""
    flags = [False] * len(run)
    p = 0
    after_admin = 0  # words left that may name the region after a region word (Kabupaten Kubu Raya)
    while p < len(run):
        key = reader.keys[run[p]]
        place = _place_length(reader, run, p)
        if place:
            flags[p : p + place] = [True] * place
            p += place
            after_admin = 0
            continue
        if _balinese_marker(reader, run, p) or reader.marker_before_name(run[p]):
            after_admin = 0
        elif key in reader.lex.doctors:  # RSUD dr Soedarso: the doctor's name is the hospital's
            flags[p] = True
            after_admin = 2
        elif _jurisdiction_word(reader, run, p):
            flags[p] = True
            after_admin = 2 if (key in reader.lex.admin or key in reader.lex.geo) else 0
        elif after_admin == 2 or (after_admin == 1 and key in reader.lex.place_tail):
            flags[p] = True
            after_admin -= 1
        elif key in reader.lex.place_tail and p > 0 and flags[p - 1]:
            flags[p] = True
        else:
            after_admin = 0
        p += 1
    return flags


def stop_kind(reader: NameReader, j: int) -> str:
    """What stopped a complement run at ``j``: end, comma, paren, rank, punct or word."""
    if j >= reader.size:
        return "end"
    text = reader.texts[j]
    if text == ",":
        return "comma"
    if text == "(":
        return "paren"
    if reader.rank_at(j) or reader.honorific_at(j):
        return "rank"
    if not text[:1].isalnum():
        return "punct"
    return "word"


def _ner_span_ok(reader: NameReader, j: int) -> bool:
    """The NER's person at ``j`` holds name words only, no place, and no organisation word follows."""
    end = reader.person_end[j]
    inside = range(j, min(end, reader.size))
    return (
        all(reader.name_token_ok(k, k == j) for k in inside if reader.alpha_cap(k))
        and not any(reader.place_at(k) for k in inside)
        and not (end < reader.size and reader.keys[end] in reader.lex.org)
    )


def _ner_name(reader: NameReader, run: list[int], flags: list[bool]) -> Split | None:
    """The trained NER says where a person starts when the words give no sign (no given name)."""
    if any(reader.name_likely(j) and not flags[p] for p, j in enumerate(run)):
        return None
    for p, j in enumerate(run):
        if j in reader.person_end and not flags[p] and _ner_span_ok(reader, j):
            p = _after_region(reader, run, flags, p)
            comp_end = run[p - 1] + 1 if p else run[0]
            return comp_end, (run[p], max(reader.person_end[j], reader.name_run(run[p])))
    return None


def _after_region(reader: NameReader, run: list[int], flags: list[bool], p: int) -> int:
    """Where the name starts when the NER's person starts at run position ``p``.

    ``Ketua DPRD Kota Malang Amithya Ratnanggani``: a region closes the jurisdiction, so the
    unknown words between it and the NER's start are the first words of the name.
    """
    q = p - 1
    while q >= 0 and not flags[q]:
        q -= 1
    gap = range(q + 1, p)
    if q < 0 or not gap or not _ends_place(reader, run, q):
        return p
    if all(reader.alpha_cap(run[k]) and reader.name_token_ok(run[k], k == q + 1) for k in gap):
        return q + 1
    return p


def _ends_place(reader: NameReader, run: list[int], q: int) -> bool:
    """Does a place name end at run position ``q``?"""
    return any(_place_length(reader, run, r) == q - r + 1 for r in range(max(0, q - 3), q + 1))


def _lone_name(reader: NameReader, j: int, entry: TitleEntry) -> bool:
    """One capitalised word after a post that ends in its body's acronym (``Ketua DPRD``), no place.

    Regions are known to the gazetteer, so after ``Ketua DPRD`` a single word that is no region,
    acronym or common word is the holder's name; a village head's village may be missing from the
    gazetteer, so local heads keep the word.
    """
    return (
        reader.alpha_cap(j)
        and not reader.all_caps(j)
        and not reader.place_at(j)
        and entry.expansion not in reader.lex.local_heads
        and len(entry.form.split()) >= 2
        and reader.all_caps(j - 1)
        and reader.name_token_ok(j, True)
    )


def _start_without_given(
    reader: NameReader, run: list[int], entry: TitleEntry, last_jl: int, kind: str, opener: bool
) -> tuple[Split | None, int]:
    """No given name in the run: (the split where it is decided here, else None; the name's run position)."""
    whole = (run[-1] + 1, None)
    if last_jl == len(run) - 1 or kind == "rank" or (opener and kind != "word"):
        return whole, 0
    lower_head = run[0] > 0 and reader.texts[run[0] - 1][:1].islower()
    if last_jl < 0 and lower_head and len(run) <= 3 and all(reader.alpha_cap(j) for j in run):
        name_end = reader.name_run(run[0])
        if name_end > run[0] and reader.valid_name(run[0], name_end, True):
            return (run[0], (run[0], name_end)), 0  # "dengan jubir Mutoyo, serta ..."
    if last_jl >= 0:
        return None, last_jl + 1
    if len(run) == 1 and _lone_name(reader, run[0], entry):
        return None, 0  # "Ketua DPRD Busroni, didampingi ...": no place, so a name
    if len(run) == 1 and (entry.takes == "place" or kind != "word"):
        return whole, 0
    if kind in {"comma", "paren"} and entry.takes == "place":
        return whole, 0
    return None, 0


def _start_with_given(
    reader: NameReader, run: list[int], entry: TitleEntry, first_name: int, last_jl: int, opener: bool
) -> int:
    """Run position of the name when the run holds a given name (at ``first_name``)."""
    if opener or (last_jl < 0 and entry.expansion in reader.lex.local_heads and first_name <= 2):
        # unknown words before the first given name: an organisation's name after its opener word,
        # or the village/district of a local head (Lurah Sempur Andri, Kepala Desa Mandrajaya Agustina)
        if opener and first_name == last_jl + 1 and len(run) - first_name >= 3:
            # the opener's own name takes at least one word, even a given name
            # (Universitas Mulawarman Pandu Wiratama, Lembaga Kajian Borneo Siti Rahmawati)
            return first_name + 1
        return first_name
    return last_jl + 1


def _after_abbreviation(run: list[int], skipped: list[tuple[int, int]], start: int) -> int:
    """An abbreviation in parentheses closes the organisation's name (Badan X (Bappebti) Indrasari)."""
    for paren_start, _paren_end in skipped:
        before = [p for p, j in enumerate(run) if j < paren_start]
        if before and start < before[-1] + 1 < len(run):
            start = before[-1] + 1
    return start


def _after_two_plain_words(reader: NameReader, run: list[int], start: int) -> int:
    """Two words that are no given names, then two or more given names: the first two end the
    organisation's name (Lembaga Kajian Hutan Tropis Siti Rahmawati)."""
    likely = reader.name_likely
    for q in range(len(run) - 3, start, -1):
        if (
            not likely(run[q])
            and not likely(run[q - 1])
            and likely(run[q + 1])
            and likely(run[q + 2])
            and run[q + 2] == run[q - 1] + 3
        ):
            return q + 1
    return start


def past_org_head(reader: NameReader, run: list[int], flags: list[bool], p0: int) -> int:
    """Move the name's start past an organisation whose head word follows it.

    ``Peneliti Borneo Forest Watch Yohanes Ardianto``: the words before ``Watch`` name the
    organisation even when one of them is also a given name; the person is the run of names
    after the last organisation word (the first given name after it). -1: no name at all.
    """
    p = p0
    for _ in range(3):
        e = reader.name_run(run[p])
        if e not in run or reader.keys[e] not in reader.lex.org:
            return p
        q0 = run.index(e) + 1
        later = next(
            (q for q in range(q0, len(run)) if reader.name_likely(run[q]) and not flags[q]),
            None,
        )
        if later is None:
            # the words up to the end of the run name the organisation (PT Borneo Energi, Rudi)
            return -1 if all(reader.alpha_cap(j) or flags[q] for q, j in enumerate(run)) else p
        p = max([q for q in range(q0 - 1, later) if flags[q]], default=q0 - 1) + 1
    return p


def _name_is_no_holder(
    reader: NameReader, stop: int, kind: str, entry: TitleEntry, name: tuple[int, int]
) -> bool:
    """A one-word name (or, after a post of an organisation, words that are no given names) before a
    comma and another person, or the client of a lawyer-like post.

    ``Wakil Rektor I Universitas Bakrie, Tri Pujadi Susilo``: Bakrie is no person; nor is ``Sinar Jaya``
    right after its opener in ``General Manager PT Sinar Jaya, Rudi Hartono``;
    ``kuasa hukum Darius, Maria, mengatakan``: Darius is the client.
    """
    name_start, name_end = name
    if kind != "comma" or name_end != stop:
        return False
    if name_end - name_start == 1 and reader.person_after(stop + 1) is not None:
        return True
    after_opener = reader.keys[name_start - 1] in reader.lex.openers  # "General Manager PT Sinar Jaya, Rudi"
    if (
        after_opener
        or (entry.takes == "org" and not any(reader.name_likely(k) for k in range(name_start, name_end)))
    ) and reader.person_after(stop + 1, require=True) is not None:
        return True  # "Pelatih Arema Cronus, Joko Susilo": words that are no given names name the club
    if entry.form.lower() not in reader.lex.person_complement:
        return False
    other = reader.person_after(stop + 1)
    return other is not None and other["token_end"] < reader.size and reader.texts[other["token_end"]] == ","


def _name_inside_organisation(reader: NameReader, run: list[int], stop: int, name: tuple[int, int]) -> bool:
    """Organisation words after the 'name' inside the run, before a comma: the words name a body.

    ``Kepala Departemen Pengawasan Bank dan Dana Pensiun Otoritas Jasa Keuangan, Rina``: ``Dana
    Pensiun`` is followed by ``Otoritas``, so it is part of the body's name and the holder is the
    person after the comma.
    """
    name_end = name[1]
    return (
        stop_kind(reader, stop) == "comma"
        and name_end in run
        and (reader.keys[name_end] in reader.lex.openers or reader.is_orgish(name_end))
        and reader.person_after(stop + 1) is not None
    )


def _name_start(
    reader: NameReader, run: list[int], stop: int, entry: TitleEntry, flags: list[bool]
) -> tuple[Split | None, int, bool]:
    """Where the name starts in the run: (a split decided early, else None; run position; given name seen)."""
    first_name = next((p for p, j in enumerate(run) if reader.name_likely(j) and not flags[p]), None)
    if first_name and (
        _balinese_marker(reader, run, first_name - 1) or reader.marker_before_name(run[first_name - 1])
    ):
        first_name -= 1  # the name starts at its marker (Kepala Desa I Made Sudarsa, Gubernur NTB Lalu Iqbal)
    limit = first_name if first_name is not None else len(run)
    last_jl = max((p for p in range(limit) if flags[p]), default=-1)
    kind = stop_kind(reader, stop)
    # unknown words after an organisation word continue its name (Partai Gerindra, PT Gag Nikel)
    opener = last_jl >= 0 and reader.keys[run[last_jl]] in reader.lex.openers
    if first_name is None:
        decided, start = _start_without_given(reader, run, entry, last_jl, kind, opener)
        return decided, start, False
    return None, _start_with_given(reader, run, entry, first_name, last_jl, opener), True


def _holder_after_mark(reader: NameReader, run: list[int], stop: int) -> bool:
    """The run stops at a rank or honorific with a person after it, an organisation opener or
    acronym comes first and not every word is a given name: the words before the mark name the
    body (``Direktur RSUD Abdul Moeloek dr Imam Ghozali``, ``Pimpinan Pondok Pesantren Darul Ulum KH
    Ahmad``)."""
    return (
        stop_kind(reader, stop) == "rank"
        and any(reader.keys[k] in reader.lex.openers or reader.all_caps(k) for k in (run[0] - 1, run[0]))
        and not all(reader.name_likely(k) for k in run)
        and reader.person_after(stop) is not None
    )


def _local_place_before_holder(reader: NameReader, run: list[int], stop: int, entry: TitleEntry) -> bool:
    """``Kepala Kampung Bumi Ratu, Suyatno``: after a village or district head, capitalised words
    that hold no known region or body, before a comma and a person, name a village the gazetteer
    does not know (even where they look like given names)."""
    return (
        entry.expansion in reader.lex.local_heads
        and stop_kind(reader, stop) == "comma"
        and len(run) <= 4
        and all(reader.alpha_cap(k) for k in run)
        and not any(jl_flags(reader, run))
        and reader.person_after(stop + 1, require=True) is not None
    )


def split_run(
    reader: NameReader,
    run: list[int],
    stop: int,
    entry: TitleEntry,
    skipped: list[tuple[int, int]] | None = None,
) -> Split:
    """Split the run into complement and name: (complement end token, name span or None)."""
    if not run:
        return stop, None
    if _holder_after_mark(reader, run, stop) or _local_place_before_holder(reader, run, stop, entry):
        return run[-1] + 1, None
    flags = jl_flags(reader, run)
    by_ner = _ner_name(reader, run, flags)
    if by_ner is not None:
        return by_ner
    decided, start, has_given = _name_start(reader, run, stop, entry, flags)
    if decided is not None:
        return decided
    start = _after_abbreviation(run, skipped or [], start)
    if has_given:
        start = _after_two_plain_words(reader, run, start)
    start = past_org_head(reader, run, flags, start)
    if start < 0:
        return run[-1] + 1, None
    comp_end = run[start - 1] + 1 if start > 0 else run[0]
    name_start = run[start]
    name_end = reader.name_run(name_start)
    if name_end <= name_start or not reader.valid_name(name_start, name_end, True):
        return (comp_end if has_given else run[-1] + 1), None
    if _name_is_no_holder(reader, stop, stop_kind(reader, stop), entry, (name_start, name_end)):
        return run[-1] + 1, None
    if _name_inside_organisation(reader, run, stop, (name_start, name_end)):
        return run[-1] + 1, None
    return comp_end, (name_start, name_end)
