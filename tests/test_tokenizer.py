"""The news tokenizer (``kalbar_nlp.news_tokenizer.v1``): one table per phenomenon."""

from __future__ import annotations

import pickle
import random

import pytest
import spacy

from kalbar_nlp.lang import TOKENIZER_NAME
from kalbar_nlp.lang.abbreviations import abbreviations, parse_abbreviations
from kalbar_nlp.lang.tokenizer import MAX_CHUNK, all_exceptions, build_tokenizer


@pytest.fixture(scope="module")
def tok(nlp_rules):
    return nlp_rules.tokenizer


def words(tok, text: str) -> list[str]:
    return [t.text for t in tok(text) if not t.is_space]


def check(tok, text: str, expected: list[str]) -> None:
    got = words(tok, text)
    for piece in expected:
        assert piece in got, f"{piece!r} not a token of {text!r}: {got}"


DATES_TIMES = [
    ("Rapat digelar Selasa (07/11/2023) di Aula Garuda.", ["07/11/2023", "(", ")"]),
    ("Warga berkumpul Senin (6/11) malam.", ["6/11"]),
    ("Tahun ajaran 2025/2026 dimulai Juli.", ["2025/2026"]),
    ("Acara dimulai pukul 09.00 WIB di halaman kantor.", ["09.00", "WIB"]),
    ("Kegiatan berlangsung hingga 19.30 WITA.", ["19.30", "WITA", "."]),
    ("Pemadaman terjadi pukul 14.15WIT.", ["14.15", "WIT", "."]),
    ("Periode 2025-2029 dibahas dewan.", ["2025", "-", "2029"]),
]

MONEY = [
    ("Anggaran mencapai Rp1,5 miliar tahun ini.", ["Rp", "1,5", "miliar"]),
    ("Harga beras Rp 250.000 per karung.", ["Rp", "250.000"]),
    ("Bantuan senilai Rp1.500.000 disalurkan.", ["Rp", "1.500.000"]),
    ("Iuran Rp. 50.000 dibayar bulanan.", ["Rp.", "50.000"]),
    ("Denda Rp.75.000 dikenakan kepada pelanggar.", ["Rp.", "75.000"]),
    ("Nilai proyek Rp2,3 triliun.", ["Rp", "2,3", "triliun"]),
]

ABBREVIATIONS = [
    ("Kantor itu terletak di Jl. Ahmad Yani No. 12, Kab. Ketapang.", ["Jl.", "No.", "Kab."]),
    ("Warga Kec. Delta Pawan dan Kel. Sukaharja hadir.", ["Kec.", "Kel."]),
    ("Posko berada di Ds. Sungai Awan Kiri.", ["Ds."]),
    ("Ketua panitia H. Syarif Hidayat dan Hj. Nur Aini.", ["H.", "Hj."]),
    ("Seminar menghadirkan Dr. Rina Kartika dan dr. Bambang Wirawan.", ["Dr.", "dr."]),
    ("Rektor Prof. Ir. Budi Santoso membuka acara.", ["Prof.", "Ir."]),
    ("Camat Doni Saputra, S.STP., M.Si. memimpin rapat.", ["S.STP.", "M.Si."]),
    ("Kuasa hukum Andi Pratama, S.H., M.M. hadir.", ["S.H.", "M.M."]),
    ("Guru Sari Dewi, S.Pd. mengajar di SDN 3.", ["S.Pd."]),
    ("Pengadilan Tk. I memutus perkara itu.", ["Tk."]),
    ("Kapolres AKBP. Hendra Wijaya dan Kombes Pol. Arif Gunawan.", ["AKBP.", "Pol."]),
    ("Laporan diterima PT. Sinar Borneo Lestari.", ["PT."]),
    ("DI JL. GAJAH MADA TERJADI KEMACETAN.", ["JL."]),
]

REDUPLICATION = [
    ("Anak-anak bermain di halaman sekolah.", ["Anak-anak"]),
    ("Para anak-anak korban banjir dievakuasi.", ["anak-anak"]),
    ("Rumah-rumah warga terendam.", ["Rumah-rumah"]),
    ("Ia sering bolak-balik ke kantor desa.", ["bolak-balik"]),
    ("Warga desa-desa sekitar ikut membantu.", ["desa-desa"]),
    ("PERINGATAN UNTUK ANAK-ANAK SEKOLAH", ["ANAK-ANAK"]),
    ("Kota-Kota Besar Bersiap", ["Kota-Kota"]),
    ("Program e-KTP dan HUT ke-79 RI serta tahun 1990-an.", ["e-KTP", "ke-79", "1990-an"]),
    ("Pemain timnas U-17 divaksin Covid-19.", ["U-17", "Covid-19"]),
]

PUNCTUATION = [
    ("Sidoarjo (beritajatim.com) – Warga resah.", ["Sidoarjo", "(", "beritajatim.com", ")", "–", "Warga"]),
    ("Bandar Lampung (Lampost.co) — Pemkot bergerak.", ["Lampost.co", "—", "Pemkot"]),
    ("POSMETRO MEDAN–Dalam upaya itu, warga bergerak.", ["MEDAN", "–", "Dalam"]),
    ("INDRAMAYU –Yang pernah viral kembali muncul.", ["INDRAMAYU", "–", "Yang"]),
    ("TEMPO.CO,Jakarta-Pengacara itu datang.", ["TEMPO.CO", ",", "Jakarta", "-", "Pengacara"]),
    ("Sinergi TNI-Polri terus dijaga.", ["TNI", "-", "Polri"]),
    ("“Kami siap,” kata Sekda.", ["“", "Kami", "siap", ",", "”", "kata"]),
    ("Ia menyebut ‘gerakan hijau’ itu.", ["‘", "gerakan", "hijau", "’"]),
    ("visi 2025-2029,Wali Kota berkomitmen", ["2029", ",", "Wali"]),
    ("(Banjarmasinpost.co.id/Rizki Fadillah)", ["Banjarmasinpost.co.id", "/", "Rizki"]),
]

OUTLETS = [
    ("PONTIANAK, KOMPAS.com - Gubernur meninjau lokasi.", ["KOMPAS.com", "PONTIANAK"]),
    ("TRIBUNPONTIANAK.CO.ID, SINTANG - Bupati hadir.", ["TRIBUNPONTIANAK.CO.ID", "SINTANG"]),
    ("BANJARMASINPOST.CO.ID. BANJARBARU - Hujan deras.", ["BANJARMASINPOST.CO.ID", ".", "BANJARBARU"]),
    ("Liputan6.com, Jakarta Menteri berkunjung.", ["Liputan6.com"]),
    (
        "Baca di https://www.kalbaronline.com/2023/11/07/berita-utama/ ya.",
        ["https://www.kalbaronline.com/2023/11/07/berita-utama/"],
    ),
]

GLUE = [
    ("gelaran ini.Jakarta akan menjadi tuan rumah", ["ini", ".", "Jakarta"]),
    ("pada tahun 2023.Kegiatan itu berlanjut", ["2023", ".", "Kegiatan"]),
    ("diperiksa KPK.Ketua tim menjelaskan", ["KPK", ".", "Ketua"]),
    ("Agus D.W. Martowardojo hadir.", ["D.W."]),
]

ALL = DATES_TIMES + MONEY + ABBREVIATIONS + REDUPLICATION + PUNCTUATION + OUTLETS + GLUE


@pytest.mark.parametrize(("text", "expected"), DATES_TIMES)
def test_dates_and_times(tok, text, expected):
    check(tok, text, expected)


@pytest.mark.parametrize(("text", "expected"), MONEY)
def test_money(tok, text, expected):
    check(tok, text, expected)


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_abbreviations_kept_whole(tok, text, expected):
    check(tok, text, expected)


@pytest.mark.parametrize(("text", "expected"), REDUPLICATION)
def test_reduplication_and_hyphens(tok, text, expected):
    check(tok, text, expected)


@pytest.mark.parametrize(("text", "expected"), PUNCTUATION)
def test_punctuation_and_dashes(tok, text, expected):
    check(tok, text, expected)


@pytest.mark.parametrize(("text", "expected"), OUTLETS)
def test_outlets_and_urls(tok, text, expected):
    check(tok, text, expected)


@pytest.mark.parametrize(("text", "expected"), GLUE)
def test_scraper_glue(tok, text, expected):
    check(tok, text, expected)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Ia tiba di Kalbar. Besok ia pulang.", "Kalbar."),
        ("Harga naik pada 2023. Warga mengeluh.", "2023."),
        ("Dana itu Rpx tidak jelas.", "Rp"),
        ("Sinergi TNI-Polri terus dijaga.", "TNI-Polri"),
    ],
)
def test_not_glued(tok, text, not_expected):
    assert not_expected not in words(tok, text)


HOSTILE = [
    ")" * 20_000,
    "“" * 20_000,
    "Rp" * 20_000,
    "a-" * 20_000,
    "." * 20_000,
    "x" * 50_000,
    "A-a" * 10_000,
    "(" * 5000 + "Kab." + ")" * 5000,
    "\n\n\n  \t " * 2000,
    "https://" + "a/" * 10_000,
    "Jl." * 5000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:6]))
def test_hostile_text_round_trips(tok, text):
    doc = tok(text)  # its time is measured by bench/bench_hostile.py, not asserted here
    assert doc.text == text


def test_round_trip_on_random_text(tok):
    rng = random.Random(7)
    alphabet = "aAzZ09 .,-–—/()“”\"'’‘:;!?\n\tRpJl.Kab.@#%&*+=<>[]{}ñé…\u00a0\u200b"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        assert tok(text).text == text
    long_run = "".join(rng.choice("ab.-/)(") for _ in range(MAX_CHUNK * 3 + 7))
    assert tok(long_run).text == long_run


def test_long_chunk_cut_only_when_longer_than_limit(tok):
    url = "https://kalbaronline.com/" + "a" * (MAX_CHUNK - 40)
    assert words(tok, url) == [url]


# a varied news-like sample for the lean / full comparison (written for this test)
SAMPLE = (
    "\n".join(text for text, _ in ALL)
    + """
KalbarOnline, Ketapang – Bupati Ketapang, H. Martin Rantan, S.H., M.Sos. meninjau Jl. Gajah Mada,
Kel. Sampit, Kec. Delta Pawan, Rabu (8/11/2023) pukul 10.00 WIB. Anak-anak, ibu-ibu dan bapak-bapak
menyambutnya. “Kami siap membantu. Semua aman,” ujarnya. TERIMA KASIH BOLAK-BALIK, Sayur-Mayur,
Adik-Beradik, KUPU-KUPU, Kupu-Kupu, kupu-kupunya, sehari-hari, Sehari-Hari, SEHARI-HARI, o.O :) <3
Rp1,5 miliar; Rp 250.000; US$5; 50km; 30%; 1960-an; ke-2; s.d. a.n. dll. dkk. Jan. Des. Jum'at
"""
)


@pytest.mark.slow
def test_lean_exceptions_tokenize_identically(nlp_rules):
    lean = nlp_rules.tokenizer
    full = build_tokenizer(nlp_rules.vocab, lean=False)
    assert len(lean.rules) < len(full.rules) / 3
    assert [t.text for t in lean(SAMPLE)] == [t.text for t in full(SAMPLE)]
    exceptions = list(all_exceptions())
    joined = " ".join(exceptions)
    assert [t.text for t in lean(joined)] == [t.text for t in full(joined)]
    wrapped = " ".join(f"({e})," for e in exceptions[::7])
    assert [t.text for t in lean(wrapped)] == [t.text for t in full(wrapped)]


def test_registered_in_pipeline_config(nlp_rules):
    assert nlp_rules.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_NAME


def test_to_disk_and_pickle_keep_the_rules(nlp_rules, tmp_path):
    text = "Warga Jl. Ahmad Yani, ANAK-ANAK dan Rp1,5 miliar pada 07/11/2023."
    expected = words(nlp_rules.tokenizer, text)
    nlp_rules.tokenizer.to_disk(tmp_path / "tok")
    fresh = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    fresh.tokenizer.from_disk(tmp_path / "tok")
    assert words(fresh.tokenizer, text) == expected
    clone = pickle.loads(pickle.dumps(nlp_rules.tokenizer))
    assert words(clone, text) == expected


def test_abbreviation_file_shape():
    table = abbreviations()
    assert table["Kab."].ends_sentence == "never"
    assert table["M.Si."].ends_sentence == "maybe"
    for bad in [
        "form\tkind\tends_sentence\tmeaning\nKab\tplace\tnever\tno period",
        "form\tkind\tends_sentence\tmeaning\nKab.\tplace\tsometimes\tbad value",
        "form\tkind\tends_sentence\tmeaning\nKab.\tcity\tnever\tbad kind",
        "form\tkind\tends_sentence\tmeaning\nKab.\tplace\tnever",
        "form\tkind\tends_sentence\tmeaning\nKab.\tplace\tnever\tx\nKab.\tplace\tnever\ty",
    ]:
        with pytest.raises(ValueError, match=r"abbreviations\.tsv"):
            parse_abbreviations(bad)
