"""Component ``kalbar_sentences``: sentence boundaries, one table per phenomenon."""

from __future__ import annotations

import pytest

from kalbar_nlp.components.sentences import soft_newlines


def sents(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text.strip() for s in doc.sents if s.text.strip()]


PERIODS = [
    (
        "Banjir merendam tiga desa. Warga mengungsi ke balai desa.",
        ["Banjir merendam tiga desa.", "Warga mengungsi ke balai desa."],
    ),
    ("Apakah jembatan itu aman? Petugas memeriksanya. Hasilnya baik!", 3),
    ("Harga naik pada 2023. Warga mengeluh.", ["Harga naik pada 2023.", "Warga mengeluh."]),
    ("Stok beras menipis. 200 karung datang besok.", 2),
    ("Petugas sudah tiba di lokasi. sementara warga masih bertahan.", 2),
]

ABBREVIATIONS = [
    ("Kantor itu di Jl. Ahmad Yani, Kab. Ketapang. Warga datang.", 2),
    ("Acara di Kec. Delta Pawan dan Kel. Sampit dibuka H. Syarif.", 1),
    ("Hadir Hj. Nur Aini, Dr. Rina Kartika dan dr. Bambang Wirawan.", 1),
    ("Rektor Prof. Ir. Budi Santoso hadir. Ia memberi sambutan.", 2),
    ("Surat No. 12 diterbitkan Pengadilan Tk. I Sintang.", 1),
    ("Kombes Pol. Arif Gunawan memimpin apel.", 1),
    ("Camat Doni Saputra, S.STP., M.Si. memimpin rapat.", 1),
    ("Rapat dipimpin Camat Doni Saputra, M.Si. Dalam sambutannya ia berterima kasih.", 2),
    ("Kuasa hukumnya Andi Pratama, S.H. M.H. tidak hadir.", 1),
    ("Bantuan berupa beras, gula, minyak, dll. Semua dibagikan hari ini.", 2),
    ("Bantuan disalurkan PT. Sinar Borneo ke warga.", 1),
]

INITIALS = [
    ("Kapolres AKBP Pius X. Febry Aceng Loda memimpin apel.", 1),
    ("Gubernur BI Agus D.W. Martowardojo hadir. Ia berbicara singkat.", 2),
    ("Sambutan disampaikan Budi S. Wibowo di aula.", 1),
    ("Jakarta menjadi tuan rumah Grup C dan Grup E. Sedangkan Grup F digelar di Bandung.", 2),
    ("Warga diminta mengonsumsi vitamin C. Namun stok di apotek terbatas.", 2),
    ("Bantuan diserahkan M. Hari Santoso kepada warga.", 1),
]

QUOTATIONS = [
    (
        "“Kami siap,” kata Sekda. Rapat lalu dimulai.",
        ["“Kami siap,” kata Sekda.", "Rapat lalu dimulai."],
    ),
    ("“Kami siap. Semua aman,” ujarnya.", ["“Kami siap. Semua aman,” ujarnya."]),
    ('"Kami siap. Semua aman," ujar Kapolsek. Warga lega.', 2),
    ("“Kami siap!” kata Camat. Semua bertepuk tangan.", 2),
    ("Bupati menutup rapat. “Kerja keras kita berhasil.” Hadirin bertepuk tangan.", 3),
    ("Ia berkata, “Apa kabar? Semua sehat?” lalu tersenyum.", 1),
    ("Warga mengusung spanduk “Kalbar Bersih”. Acara berlangsung tertib.", 2),
]

PARAGRAPHS = [
    ("Banjir melanda Sintang\nWarga mengungsi ke sekolah", 2),
    ("Paragraf pertama tanpa titik\n\nParagraf kedua", 2),
    ("Laporan Wartawan Tribun, Rina Sari\nTRIBUNPONTIANAK.CO.ID, SINTANG - Bupati hadir.", 2),
    ("Kasus itu melibatkan oknum asal\nGarut\nterhadap anak di bawah umur.", 1),
    ("Gubernur Jakarta\nPramono\nAnung membuka acara itu.", 1),
    ("Penyidik memeriksa saksi, dilansir\ndetikJabar\n, Selasa (10/6/2025).", 1),
    ("Hasil rapat diumumkan.\nADVERTISEMENT\nWarga menunggu.", 3),
    ("1. Pendidikan gratis\n2. Kesehatan murah", 2),
]

GLUE = [
    (
        "Kota itu sudah siap menggelar acara ini.Jakarta akan menjadi tuan rumah.",
        ["Kota itu sudah siap menggelar acara ini.", "Jakarta akan menjadi tuan rumah."],
    ),
    ("Rapat usai pada 2023.Kegiatan berikutnya digelar Januari.", 2),
]

TABLE = PERIODS + ABBREVIATIONS + INITIALS + QUOTATIONS + PARAGRAPHS + GLUE


def check(nlp, text, expected):
    got = sents(nlp, text)
    if isinstance(expected, int):
        assert len(got) == expected, got
    else:
        assert got == expected


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_sentence_ends(nlp_rules, text, expected):
    check(nlp_rules, text, expected)


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_abbreviations(nlp_rules, text, expected):
    check(nlp_rules, text, expected)


@pytest.mark.parametrize(("text", "expected"), INITIALS)
def test_initials(nlp_rules, text, expected):
    check(nlp_rules, text, expected)


@pytest.mark.parametrize(("text", "expected"), QUOTATIONS)
def test_quotations_stay_with_attribution(nlp_rules, text, expected):
    check(nlp_rules, text, expected)


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_paragraphs_and_scraper_line_breaks(nlp_rules, text, expected):
    check(nlp_rules, text, expected)


@pytest.mark.parametrize(("text", "expected"), GLUE)
def test_scraper_glue(nlp_rules, text, expected):
    check(nlp_rules, text, expected)


def test_sentences_start_with_a_word(nlp_rules):
    doc = nlp_rules("Satu kalimat.\n\n  Dua kalimat.  \nTiga.")
    for sent in doc.sents:
        assert not sent[0].is_space or sent.start == 0


def test_soft_newlines_offsets():
    text = "oknum asal\nGarut\nterhadap anak.\nBaris baru."
    soft = soft_newlines(text)
    assert {text.index("\nGarut"), text.index("\nterhadap")} == soft


@pytest.mark.parametrize(
    "text",
    [
        "“" * 3000,
        '"a. B' * 3000,
        "Kata. " * 20_000,
        "a\n" * 20_000,
        "“Kami siap. " * 3000,
        "",
        "   ",
    ],
    ids=lambda t: repr(t[:8]),
)
def test_hostile_text_round_trips(nlp_rules, text):
    doc = nlp_rules(text)  # its time is measured by bench/bench_hostile.py, not asserted here
    assert doc.text == text
    assert all(isinstance(t.is_sent_start, bool) for t in doc)


def test_unclosed_quote_does_not_swallow_the_paragraph(nlp_rules):
    text = "Ia berkata, “Kami siap. Semua aman. Warga lalu pulang. Petugas berjaga."
    assert len(sents(nlp_rules, text)) == 4
