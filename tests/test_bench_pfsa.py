"""Pure helpers of ``bench/bench_pfsa.py`` on tiny hand-written token/tag inputs.

The inputs are invented sentences in the PFSA-ID layout (token, BILOU tag); no text of the
corpus is used here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "bench" / "bench_pfsa.py"
_spec = importlib.util.spec_from_file_location("bench_pfsa", _PATH)
assert _spec and _spec.loader
bp = importlib.util.module_from_spec(_spec)
sys.modules["bench_pfsa"] = bp
_spec.loader.exec_module(bp)


def sent(text: str, tags: str = "") -> list[tuple[str, str]]:
    """Tokens split on spaces; tags given as space-separated list, default all O."""
    toks = text.split(" ")
    tg = tags.split(" ") if tags else ["O"] * len(toks)
    assert len(tg) == len(toks)
    return list(zip(toks, tg, strict=True))


# ---------------------------------------------------------------- reading and grouping


def test_read_conll_sentences_and_bad_line(tmp_path: Path) -> None:
    f = tmp_path / "mini.txt"
    f.write_text("Banjir\tO\nmelanda\tO\n\nKata\tU-CUE\nBudi\tU-PERSONCOREF\n", encoding="utf-8")
    assert bp.read_conll(f) == [
        [("Banjir", "O"), ("melanda", "O")],
        [("Kata", "U-CUE"), ("Budi", "U-PERSONCOREF")],
    ]
    bad = tmp_path / "bad.txt"
    bad.write_text("Banjir O\n", encoding="utf-8")
    with pytest.raises(ValueError, match="token<TAB>tag"):
        bp.read_conll(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PONTIANAK , KOMPAS — Hujan deras turun", True),
        ("KUBU RAYA , KOMPAS - Warga mengungsi", True),
        ("Menurut KOMPAS , hujan turun", False),
        ("Hujan deras turun di Sintang .", False),
    ],
)
def test_is_dateline(text: str, expected: bool) -> None:
    assert bp.is_dateline(sent(text)) is expected


def test_split_articles_at_datelines() -> None:
    sents = [
        sent("PONTIANAK , KOMPAS — Hujan turun ."),
        sent("Warga mengungsi ."),
        sent("SINGKAWANG , KOMPAS — Jalan rusak ."),
    ]
    arts = bp.split_articles(sents)
    assert [len(a) for a in arts] == [2, 1]


# ---------------------------------------------------------------- quotes and text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kompas' scraped text: ” opens and closes
        ("” Kami siap , ” kata Budi .", ["open", None, None, None, "close", None, None, None]),
        # typographic marks
        ("“ Kami siap , ” kata Budi .", ["open", None, None, None, "close", None, None, None]),
        # a close whose opening mark is missing
        ("Kami siap , ” kata Budi .", [None, None, None, "close", None, None, None]),
        # a scare quote around a lower-case word
        ("alias ” dokter ” Y", [None, "open", None, "close", None]),
        # an opening mark typed for a closing one
        ("” Kami siap , “ kata Budi", ["open", None, None, None, "close", None, None]),
    ],
)
def test_quote_roles(text: str, expected: list[str | None]) -> None:
    assert bp.quote_roles(text.split(" ")) == expected


def test_detokenize_spacing_and_offsets() -> None:
    art = bp.detokenize(
        [
            sent("PONTIANAK , KOMPAS — Kasus Covid - 19 naik , Senin ( 3 / 5 / 2021 ) ."),
            sent("Hujan turun . ”"),
            sent("Kami siap .", "B-STATEMENT I-STATEMENT I-STATEMENT"),
            sent(
                "Semua aman , ” kata Budi .",
                "I-STATEMENT I-STATEMENT I-STATEMENT L-STATEMENT U-CUE U-PERSONCOREF O",
            ),
        ]
    )
    assert art.text == (
        "PONTIANAK, KOMPAS — Kasus Covid-19 naik, Senin (3/5/2021).\n\n"
        "Hujan turun.\n\n“Kami siap. Semua aman,” kata Budi."
    )
    for (s, e), tok in zip(art.offsets, art.tokens, strict=True):
        assert art.text[s:e] == (tok if tok != "”" else art.text[s:e])
        assert len(art.text[s:e]) == len(tok)
    assert art.gold["CUE"] == [(len(art.tokens) - 3, len(art.tokens) - 2)]
    # the opening mark moved to the next paragraph; the statement runs across the sentence break
    (stmt,) = art.gold["STATEMENT"]
    assert art.span_text(stmt) == "Kami siap. Semua aman,”"
    # character spans map back to tokens
    start = art.text.index("Kami")
    assert art.char_to_tokens(start, start + len("Kami siap")) == (stmt[0], stmt[0] + 2)
    assert art.char_to_tokens(len(art.text), len(art.text)) is None


def test_dateline_dash_keeps_its_spaces() -> None:
    art = bp.detokenize([sent("SAMBAS , KOMPAS - Warga panen .")])
    assert art.text == "SAMBAS, KOMPAS - Warga panen."


# ---------------------------------------------------------------- spans and matching


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("B-ROLE L-ROLE U-PERSON O", {"ROLE": [(0, 2)], "PERSON": [(2, 3)]}),
        ("B-PERSON I-PERSON L-PERSON", {"PERSON": [(0, 3)]}),
        # a span that starts with I- (it crossed a sentence break in the source) is kept
        ("I-STATEMENT L-STATEMENT O U-CUE", {"STATEMENT": [(0, 2)], "CUE": [(3, 4)]}),
        # B- while another span is open closes it
        ("B-ROLE B-AFFILIATION L-AFFILIATION", {"ROLE": [(0, 1)], "AFFILIATION": [(1, 3)]}),
        ("O O", {}),
    ],
)
def test_bilou_spans(tags: str, expected: dict) -> None:
    assert bp.bilou_spans(tags.split(" ")) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 4), (0, 4), 1.0), ((0, 4), (4, 8), 0.0), ((0, 4), (2, 6), 0.5), ((0, 2), (0, 6), 0.5)],
)
def test_overlap_f1(a: tuple[int, int], b: tuple[int, int], expected: float) -> None:
    assert bp.overlap_f1(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("exact", [(0, 0)]), ("overlap", [(0, 0), (1, 1)]), ("f50", [(0, 0)])],
)
def test_match_spans_one_to_one(mode: str, expected: list[tuple[int, int]]) -> None:
    pred = [(0, 3), (10, 11)]
    gold = [(0, 3), (8, 14)]
    assert sorted(bp.match_spans(pred, gold, mode)) == expected


def test_match_spans_each_gold_once() -> None:
    assert len(bp.match_spans([(0, 3), (1, 3)], [(0, 3)], "overlap")) == 1


def test_trim_and_strip_ranks() -> None:
    forms = ["“", "Kami", "siap", ",", "”", "Ajun", "Komisaris", "Budi", "Santoso"]
    assert bp.trim((0, 5), forms) == (1, 3)
    assert bp.strip_ranks((5, 9), forms) == (7, 9)
    assert bp.strip_ranks((6, 7), forms) == (6, 7)  # never to nothing


@pytest.mark.parametrize(
    ("ours", "gold", "expected"),
    [
        ("Budi Santoso", "Ajun Komisaris Budi Santoso", True),
        ("Risma", "Tri Rismaharini", True),
        ("Budi Santoso", "Yohana Lestari", False),
        (None, "Yohana Lestari", False),
    ],
)
def test_same_person(ours: str | None, gold: str, expected: bool) -> None:
    assert bp.same_person(ours, gold) is expected


@pytest.mark.parametrize(
    ("ours", "gold", "exact", "expected"),
    [
        (
            "Kepala Dinas Kesehatan Kabupaten Sanggau",
            "Kepala | Kepala Dinas Kesehatan Kabupaten Sanggau",
            True,
            True,
        ),
        ("Kepala Dinas Kesehatan Kabupaten Sanggau", "Kepala", True, False),
        ("Kepala Dinas Kesehatan Kabupaten Sanggau", "Kepala", False, True),
        ("Bupati Sanggau", "Wali Kota Pontianak", False, False),
        ("juru bicara", "Juru Bicara", True, True),
    ],
)
def test_title_match(ours: str, gold: str, exact: bool, expected: bool) -> None:
    assert bp.title_match(ours, gold, exact) is expected


# ---------------------------------------------------------------- gold speakers and people


def _article() -> object:
    return bp.detokenize(
        [
            sent(
                "Kepala Dinas Sosial Sanggau Yohana Lestari mengatakan , bantuan tiba .",
                "B-ROLE L-ROLE B-AFFILIATION L-AFFILIATION B-PERSON L-PERSON O O O O O",
            ),
            sent(
                "” Kami siap , ” kata Yohana .",
                "B-STATEMENT I-STATEMENT I-STATEMENT I-STATEMENT L-STATEMENT U-CUE U-PERSONCOREF O",
            ),
            sent(
                "” Semua aman , ” ujarnya .",
                "B-STATEMENT I-STATEMENT I-STATEMENT I-STATEMENT L-STATEMENT U-CUECOREF O",
            ),
        ]
    )


def test_gold_speaker_named_and_inferred() -> None:
    art = _article()
    s1, s2 = art.gold["STATEMENT"]
    assert bp.gold_speaker(art, s1) == ("Yohana Lestari", "named")
    assert bp.gold_speaker(art, s2) == ("Yohana Lestari", "inferred")


def test_gold_persons_attach_role_with_affiliation() -> None:
    (g,) = bp.gold_persons(_article())
    assert g.roles == ["Kepala Dinas | Kepala Dinas Sosial Sanggau"]
    assert {"yohana", "lestari"} <= g.keys


def test_tally_prf() -> None:
    t = bp.Tally()
    t.add(3, 4, 6)
    assert t.prf() == pytest.approx((75.0, 50.0, 60.0))
