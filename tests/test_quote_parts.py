"""Tests of the parts of ``kalbar_quotes`` that work on plain text: quotation marks, the word
lexicon of the quote rules and the rule tables. Texts are invented for these tests."""

from __future__ import annotations

import pytest

from kalbar_nlp.components.quotes import find_marks, pair_marks
from kalbar_nlp.components.quotes.direct import DIRECT_RULES, rule_name
from kalbar_nlp.components.quotes.marks import unclosed_warning
from kalbar_nlp.components.quotes.reported import SENTENCE_RULES
from kalbar_nlp.lexicons.quote_words import KINDS, calendar_words, load_quote_words
from kalbar_nlp.lexicons.table import LexiconError


def quoted(text: str) -> list[str]:
    spans, _unclosed = pair_marks(text)
    return [text[span.open + span.open_length : span.close] for span in spans]


# ---------------------------------------------------------------------------- marks


def test_curly_marks_open_and_close():
    text = "“Jalan itu rusak,” kata Camat Sungai Ambawang, Rudi Hartono."
    marks = find_marks(text)
    assert [(mark.position, mark.role) for mark in marks] == [(0, "open"), (17, "close")]
    assert quoted(text) == ["Jalan itu rusak,"]


def test_straight_marks_take_their_role_from_the_spaces_around():
    text = 'Ia berkata, "Panen padi tahun ini bagus." Warga setuju.'
    assert [mark.role for mark in find_marks(text)] == ["open", "close"]
    assert quoted(text) == ["Panen padi tahun ini bagus."]


@pytest.mark.parametrize("text", ["Ia membaca Qur’an setiap Jum‘at.", "Toko Pak Ali’s tutup."])
def test_apostrophes_are_no_marks(text):
    assert find_marks(text) == []


def test_single_marks_inside_double_marks_belong_to_the_outer_quote():
    text = "“Kami menyebutnya ‘jalan neraka’ sejak dulu,” ujar Yohanes."
    assert quoted(text) == ["Kami menyebutnya ‘jalan neraka’ sejak dulu,"]


def test_a_long_quote_reopens_in_each_paragraph():
    text = "“Paragraf pertama kutipan.\n“Paragraf kedua kutipan,” kata Lurah Siti."
    (span,) = pair_marks(text)[0]
    assert (span.open, span.how) == (0, "closed")
    assert text[span.close] == "”"


def test_an_unclosed_mark_stops_at_the_end_of_its_paragraph():
    text = "“Harga cabai naik tajam, kata pedagang.\nPasar Flamboyan ramai pembeli."
    spans, unclosed = pair_marks(text)
    assert unclosed == 1
    assert [(span.how, text[span.open + 1 : span.close]) for span in spans] == [
        ("unclosed", "Harga cabai naik tajam, kata pedagang.")
    ]
    assert "1 quotation mark(s) without a closing mark" in unclosed_warning(unclosed)


def test_an_unclosed_mark_never_runs_past_the_cap():
    text = "“" + "kata demi kata " * 400
    spans, _unclosed = pair_marks(text, max_quote_chars=100)
    assert spans[0].close - spans[0].open <= 101


# ---------------------------------------------------------------------------- words and rules


def test_quote_words_have_every_kind():
    words = load_quote_words()
    assert set(words.by_kind) == KINDS
    assert "bahwa" in words.words("clause_marker")
    assert words.ordered("clause_marker")[0] == "bahwa"
    assert "oleh karena itu" in words.words("connective")
    assert "akan" in words.words("clause_opener") and "akan" in words.words("clause_word")


def test_calendar_words_come_from_the_date_tables():
    words = calendar_words()
    assert {"senin", "jumat", "agustus", "nopember", "wib"} <= words
    assert "presiden" not in words


def test_a_quote_word_of_an_unknown_kind_fails_with_the_file(monkeypatch):
    from kalbar_nlp.lexicons import quote_words

    monkeypatch.setattr(
        quote_words, "read_table", lambda *args, **kwargs: [{"word": "konon", "kind": "rumor", "note": ""}]
    )
    quote_words.load_quote_words.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"quote_words\.tsv: unknown kind 'rumor'"):
            quote_words.load_quote_words()
    finally:
        quote_words.load_quote_words.cache_clear()


def test_rule_names_are_the_provenance_of_the_records():
    assert [rule_name(rule) for rule in DIRECT_RULES] == [
        "direct-cue-after",
        "direct-cue-before",
        "direct-split",
        "direct-standalone",
        "direct-embedded",
    ]
    assert [rule.__name__ for rule in SENTENCE_RULES][:4] == [
        "hal_tersebut",
        "indirect_passive",
        "indirect_cue_lead",
        "indirect_prep",
    ]


# ---------------------------------------------------------------------------- linear look-ups


def test_cover_index_answers_as_a_scan_of_every_span():
    import random

    from kalbar_nlp.components.quotes.roster import CoverIndex

    rnd = random.Random(7)
    spans = [(start, start + rnd.randrange(1, 30)) for start in (rnd.randrange(0, 300) for _ in range(80))]
    index = CoverIndex(spans)
    for _ in range(2000):
        start = rnd.randrange(0, 320)
        end = start + rnd.randrange(1, 20)
        scan = any(a <= start and end <= b and b - a > end - start for a, b in spans)
        assert index.covers_strictly(start, end) == scan


def test_org_index_finds_the_first_organisation_in_list_order():
    from kalbar_nlp.components.quotes.roster import OrgIndex

    orgs = [
        ("Dinas Pendidikan", [(50, 66)], frozenset({"dinas pendidikan", "disdik"})),
        ("BPBD Sintang", [(10, 22), (80, 92)], frozenset({"bpbd sintang"})),
    ]
    index = OrgIndex(orgs)
    assert index.first_inside(5, 30, "kata BPBD Sintang") == 1
    assert index.first_inside(40, 95, "...") == 0
    assert index.first_inside(100, 120, " Disdik ") == 0
    assert index.first_inside(100, 120, "Camat") is None
