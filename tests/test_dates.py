"""Dates: every date mention with its ISO value, grain, weekday check and time; published normalisation.

All texts are invented sentences in the style of regional news.
"""

from __future__ import annotations

import pytest

import kalbar_nlp
from kalbar_nlp.api import make_doc
from kalbar_nlp.lexicons.dates import load_lexicon
from kalbar_nlp.text.published import normalize_published


def _parse(nlp, text, published=None):
    return kalbar_nlp.parse(text, published=published, nlp=nlp).to_dict()


def _values(nlp, text, published=None):
    return [(d["text"], d["value"]) for d in _parse(nlp, text, published)["dates"]]


# ----------------------------------------------------------------------------- what is found

WEEKDAY_NUMBERS = [
    (
        "Rapat digelar di Aula Pendopo Sintang, Selasa (07/11/2023).",
        None,
        [("Selasa (07/11/2023)", "2023-11-07")],
    ),
    ("Bupati meninjau tanggul yang jebol, Senin (6/11).", "2023-11-07", [("Senin (6/11)", "2023-11-06")]),
    (
        "Kebakaran terjadi Sabtu (4/11/2023) malam di Jalan Gajah Mada.",
        None,
        [("Sabtu (4/11/2023) malam", "2023-11-04")],
    ),
    (
        "Razia digelar pada Sabtu malam (19/07/2025) di simpang Tugu.",
        None,
        [("Sabtu malam (19/07/2025)", "2025-07-19")],
    ),
    (
        "Bantuan bibit dibagikan di Kecamatan Nanga Pinoh, Sabtu (19/7/25).",
        None,
        [("Sabtu (19/7/25)", "2025-07-19")],
    ),
    (
        "Kapolres hadir dalam apel gelar pasukan, Kamis, 9/11/2023.",
        None,
        [("Kamis, 9/11/2023", "2023-11-09")],
    ),
    (
        "Warga menggelar syukuran pada hari Jumat (10/11).",
        "2023-11-12",
        [("hari Jumat (10/11)", "2023-11-10")],
    ),
    ("Pasar murah digelar di halaman kantor camat, (20/10).", "2025-10-21", [("(20/10)", "2025-10-20")]),
]

YEAR_FROM_ANCHOR = [
    # published in early January: late-December dates belong to the year before
    (
        "Pesta kembang api digelar Sabtu (30/12) di tepian Kapuas.",
        "2024-01-03",
        [("Sabtu (30/12)", "2023-12-30")],
    ),
    # "lalu" points back, "mendatang" forward
    ("Pelatihan itu berakhir 20 Desember lalu.", "2024-01-05", [("20 Desember", "2023-12-20")]),
    ("Pendaftaran ditutup 5 Januari mendatang.", "2023-12-20", [("5 Januari", "2024-01-05")]),
    # without a publication date the year comes from the article's full date
    (
        "Sosialisasi digelar Selasa (7/11/2023). Sebelumnya, rapat persiapan Senin (6/11).",
        None,
        [("Selasa (7/11/2023)", "2023-11-07"), ("Senin (6/11)", "2023-11-06")],
    ),
]

WRITTEN = [
    ("Pelantikan dilaksanakan 7 November 2023 di Ketapang.", None, [("7 November 2023", "2023-11-07")]),
    ("Pelantikan dilaksanakan 7 Nopember 2023 di Ketapang.", None, [("7 Nopember 2023", "2023-11-07")]),
    (
        "Festival digelar pada Selasa, 7 November 2023 di Sanggau.",
        None,
        [("Selasa, 7 November 2023", "2023-11-07")],
    ),
    ("Lomba sampan digelar 17 Agt 2024 di Sungai Kapuas.", None, [("17 Agt 2024", "2024-08-17")]),
    ("Surat edaran itu bertanggal 3 Pebruari 2022.", None, [("3 Pebruari 2022", "2022-02-03")]),
    (
        "Pameran berlangsung 1-3 Desember 2023 di Mempawah.",
        None,
        [("1-3 Desember 2023", "2023-12-01"), ("1-3 Desember 2023", "2023-12-03")],
    ),
    (
        "Karnaval dimulai 11 November hingga 18 November nanti.",
        "2023-11-10",
        [("11 November", "2023-11-11"), ("18 November", "2023-11-18")],
    ),
    ("Perda itu disahkan tertanggal 2 Oktober Tahun 2014.", None, [("2 Oktober Tahun 2014", "2014-10-02")]),
    (
        "Bazar digelar 6 hingga 8 Desember 2023 di alun-alun.",
        None,
        [("6 hingga 8 Desember 2023", "2023-12-06"), ("6 hingga 8 Desember 2023", "2023-12-08")],
    ),
    (
        "Pertemuan itu digelar Rabu (8 November 2023) di Putussibau.",
        None,
        [("Rabu (8 November 2023)", "2023-11-08")],
    ),
    ("Pria kelahiran Singkawang, 15 Juni 1975 ini dilantik.", None, [("15 Juni 1975", "1975-06-15")]),
]

MONTHS = [
    ("Inflasi tercatat pada November 2023 sebesar 2 persen.", None, [("November 2023", "2023-11")]),
    ("Proyek itu rampung akhir Oktober lalu.", "2023-11-10", [("akhir Oktober", "2023-10")]),
    ("Harga beras naik sejak bulan Mei.", "2025-06-10", [("bulan Mei", "2025-05")]),
    (
        "Kunjungan wisata naik pada Januari-Maret 2024.",
        None,
        [("Januari-Maret 2024", "2024-01"), ("Januari-Maret 2024", "2024-03")],
    ),
]

YEARS = [
    ("Jumlah penerima bantuan pada tahun 2024 bertambah.", None, [("tahun 2024", "2024")]),
    ("KPU menyiapkan logistik Pilkada 2024 sejak awal.", None, [("2024", "2024")]),
    ("Aturan itu tertuang dalam UU Nomor 12 Tahun 2022.", None, [("Tahun 2022", "2022")]),
    ("Ia dijerat UU Darurat No.12/1951 tentang senjata tajam.", None, [("UU Darurat No.12/1951", "1951")]),
    (
        "Penerimaan siswa tahun ajaran 2025/2026 segera dibuka.",
        None,
        [("tahun ajaran 2025/2026", "2025"), ("tahun ajaran 2025/2026", "2026")],
    ),
    ("Visi daerah periode 2020-2024 dievaluasi.", None, [("2020-2024", "2020"), ("2020-2024", "2024")]),
    ("Ia menjabat Dandim (2012–2014) di Sanggau.", None, [("2012–2014", "2012"), ("2012–2014", "2014")]),
    ("Laporan pertanggungjawaban APBD TA 2024 diserahkan.", None, [("TA 2024", "2024")]),
    # a year before a noun is still a year, unless a quantity word precedes the number
    ("Pada 2022 kasus DBD di Sambas meningkat.", None, [("2022", "2022")]),
]

RELATIVE = [
    ("Kemarin petugas memeriksa 40 rumah warga.", "2023-11-07", [("Kemarin", "2023-11-06")]),
    ("Tim akan kembali besok untuk mendata korban.", "2023-11-07", [("besok", "2023-11-08")]),
    ("Warga akan kembali lusa untuk mengambil bantuan.", "2023-11-07", [("lusa", "2023-11-09")]),
    ("Hari ini DPRD menjadwalkan rapat paripurna.", "2023-11-07", [("Hari ini", "2023-11-07")]),
    ("Pembangunan jembatan dilanjutkan bulan depan.", "2023-11-07", [("bulan depan", "2023-12")]),
    ("Anggaran naik dibanding tahun lalu.", "2023-11-07", [("tahun lalu", "2022")]),
    ("Petugas sudah memasang rambu pekan lalu.", "2023-11-07", [("pekan lalu", None)]),
    ("Gugatan itu didaftarkan Jumat lalu.", "2023-11-07", [("Jumat lalu", "2023-11-03")]),
    ("Tim tiba di lokasi Rabu pekan lalu.", "2023-11-07", [("Rabu pekan lalu", "2023-11-01")]),
    # no publication date given: relative words stay unresolved
    ("Kemarin petugas memeriksa 40 rumah warga.", None, [("Kemarin", None)]),
    # inside a direct quotation they count from the day of speaking, which is not known
    ("“Besok kami datang lagi,” kata Lurah Bambang.", "2023-11-07", [("Besok", None)]),
    # a span of time, not a date
    ("Warung itu sudah buka sejak 22 tahun lalu.", "2023-11-07", []),
    ("Hujan turun selama beberapa hari ini.", "2023-11-07", []),
    ("Stok beras lebih banyak dibanding tahun-tahun lalu.", "2023-11-07", []),
    ("Penanganan kasus Covid-19 tahun lalu jadi pelajaran.", "2023-11-07", [("tahun lalu", "2022")]),
    # a modifier of the written date that follows or precedes it
    (
        "Rapat digelar Kamis (9/11/2023) kemarin di hotel.",
        "2023-11-10",
        [("Kamis (9/11/2023)", "2023-11-09")],
    ),
    (
        "Kejadian itu terjadi pada kemarin Minggu (8/6/2025) sore.",
        "2025-06-09",
        [("Minggu (8/6/2025) sore", "2025-06-08")],
    ),
]

NOT_DATES = [
    ("Surat bernomor Kep/667/V/2025 diterbitkan Polda Kalbar.", None),
    ("Harga naik menjadi Rp 2.025 per liter.", None),
    ("Biaya pendaftaran Rp2025 dibayar di loket.", None),
    ("Tim tuan rumah menang 2-1 atas tamunya.", None),
    ("Skuad U-17 berlatih di Stadion Sultan Syarif Abdurrahman.", None),
    ("Sebanyak 2024 orang mengikuti jalan sehat.", None),
    ("Panitia mencatat sebanyak 2025 siswa mendaftar.", None),
    ("Gudang itu menampung 1980 ton gabah.", None),
    ("Hubungi posko di 0812 2024 5566 untuk informasi.", None),
    ("Apel dimulai pukul 07.30 WIB di halaman kantor.", None),
    ("Dua pertiga atau 2/3 anggota dewan hadir.", None),
    ("Korban berusia 45 tahun dibawa ke puskesmas.", None),
    ("Laga berakhir dengan skor (2-1) untuk tim tamu.", None),
    ("Mobil dengan nomor polisi KB 2024 AB disita.", None),
    ("Lagu-lagu era 1990-an diputar sepanjang malam.", None),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    WEEKDAY_NUMBERS + YEAR_FROM_ANCHOR + WRITTEN + MONTHS + YEARS + RELATIVE,
)
def test_dates_found_with_value(nlp_rules, text, published, expected):
    assert _values(nlp_rules, text, published) == expected


@pytest.mark.parametrize(("text", "published"), NOT_DATES)
def test_not_dates(nlp_rules, text, published):
    assert _parse(nlp_rules, text, published)["dates"] == []


# ----------------------------------------------------------------------------- fields of a mention


@pytest.mark.parametrize(
    ("text", "published", "grain", "relative"),
    [
        ("Rapat digelar Selasa (7/11/2023).", None, "day", False),
        ("Inflasi pada November 2023 turun.", None, "month", False),
        ("Program itu berjalan sejak tahun 2019.", None, "year", False),
        ("Kemarin petugas berjaga.", "2023-11-07", "day", True),
        ("Tahun lalu panen gagal.", "2023-11-07", "year", True),
    ],
)
def test_grain_and_relative_flag(nlp_rules, text, published, grain, relative):
    (d,) = _parse(nlp_rules, text, published)["dates"]
    assert (d["grain"], d["relative"]) == (grain, relative)


@pytest.mark.parametrize(
    ("text", "time_", "zone"),
    [
        ("Rapat digelar Selasa (7/11/2023) pukul 09.00 WIB di aula.", "09:00", "WIB"),
        ("Banjir datang Senin (9/6/2025) sekira pukul 07.00 WIB pagi.", "07:00", "WIB"),
        ("Pada Kamis, 29 Mei 2025 pukul 12.30 WITA, tim tiba.", "12:30", "WITA"),
        ("Kebakaran terjadi Sabtu (4/11/2023) malam sekitar pukul 21.45 WIT.", "21:45", "WIT"),
        ("Kegiatan dimulai pukul 08.00 WIB, Rabu (8/11/2023), di lapangan.", "08:00", "WIB"),
        # a time in another sentence does not belong to the date
        ("Rapat digelar Selasa (7/11/2023). Warga lain datang pukul 10.00 WIB.", None, None),
    ],
)
def test_time_and_zone_belong_to_the_date(nlp_rules, text, time_, zone):
    (d,) = _parse(nlp_rules, text)["dates"]
    assert (d["time"], d["timezone"]) == (time_, zone)


@pytest.mark.parametrize(
    ("text", "said", "actual"),
    [
        ("Sidang digelar Kamis (7/11/2023) di PN Ketapang.", "Kamis", "Selasa"),
        ("Pawai digelar Selasa, 12 Februari 2024 di Sambas.", "Selasa", "Senin"),
    ],
)
def test_wrong_weekday_keeps_the_number_and_warns(nlp_rules, text, said, actual):
    rec = _parse(nlp_rules, text)
    (d,) = rec["dates"]
    assert d["weekday"] == said and d["weekday_matches"] is False
    assert any(said in w and actual in w for w in rec["warnings"])


def test_right_weekday_matches_without_warning(nlp_rules):
    rec = _parse(nlp_rules, "Sidang digelar Selasa (7/11/2023).", "2023-11-07")
    assert rec["dates"][0]["weekday_matches"] is True
    assert not [w for w in rec["warnings"] if w.startswith("dates:")]


def test_year_is_chosen_so_that_the_weekday_agrees(nlp_rules):
    # published 2 January 2024: 31/12 was a Sunday in 2023, a Tuesday in 2024
    (d,) = _parse(nlp_rules, "Warga berkumpul Minggu (31/12) malam.", "2024-01-02")["dates"]
    assert d["value"] == "2023-12-31" and d["weekday_matches"] is True


def test_offsets_are_exact(nlp_rules):
    text = (
        "KalbarOnline, Sambas – Festival Pesisir digelar Sabtu (14/9/2024) malam pukul 19.30 WIB.\n"
        "Panitia menyiapkan acara sejak Agustus 2024 dan akhir Juli lalu.\n"
        "Tahun lalu, menurut panitia, pengunjung mencapai 5.000 orang; target tahun 2025 naik.\n"
        "“Besok kami umumkan pemenang,” kata Ketua Panitia, Yohanes.\n"
    )
    rec = _parse(nlp_rules, text, "Minggu, 15 September 2024 08:10 WIB")
    assert len(rec["dates"]) >= 5
    for d in rec["dates"]:
        assert text[d["start"] : d["end"]] == d["text"]


def test_spans_are_written(nlp_rules):
    doc = nlp_rules(make_doc(nlp_rules, "Rapat digelar Selasa (7/11/2023) di Aula dan pada tahun 2024."))
    assert [s.text for s in doc.spans["kalbar_dates"]] == ["Selasa (7/11/2023)", "tahun 2024"]


def test_boilerplate_ranges_are_skipped(nlp_rules):
    text = "Rapat digelar Selasa (7/11/2023).\nBaca juga: Festival Budaya 2019 Ramai Pengunjung\nLanjutan."
    doc = make_doc(nlp_rules, text)
    start = text.index("Baca juga")
    doc._.kalbar_boilerplate = [[start, text.index("\nLanjutan"), "read_also"]]
    doc = nlp_rules.get_pipe("kalbar_dates")(doc)
    assert [d["value"] for d in doc._.kalbar_dates] == ["2023-11-07"]


# ----------------------------------------------------------------------------- published


def test_published_is_inferred_with_a_warning(nlp_rules):
    rec = _parse(nlp_rules, "Sekda membuka pelatihan, Selasa (07/11/2023). Pelatihan berakhir Kamis (9/11).")
    assert rec["published"] == "2023-11-07"
    assert any("published" in w and "2023-11-07" in w for w in rec["warnings"])
    assert rec["dates"][1]["value"] == "2023-11-09"


def test_published_given_is_not_inferred(nlp_rules):
    rec = _parse(nlp_rules, "Sekda membuka pelatihan, Selasa (07/11/2023).", "2023-11-08")
    assert rec["published"] == "2023-11-08"
    assert not [w for w in rec["warnings"] if w.startswith("published")]


def test_ambiguous_numeric_published_follows_the_article(nlp_rules):
    # a scraper's month-first "8/7/2025" for 7 August, the date the article itself gives
    rec = _parse(nlp_rules, "Kepala dinas diperiksa jaksa, Kamis (7/8/2025).", "8/7/2025 16:15")
    assert rec["published"] == "2025-08-07T16:15:00"
    assert any("month first" in w for w in rec["warnings"])


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2023-11-07", "2023-11-07"),
        ("2023-11-07T10:15:00+07:00", "2023-11-07T10:15:00+07:00"),
        ("2023-11-07 10:15", "2023-11-07T10:15:00"),
        ("Tayang: Senin, 9 Juni 2025 20:52 WITA", "2025-06-09T20:52:00+08:00"),
        ("Selasa, 07 November 2023 - 10:15 WIB", "2023-11-07T10:15:00+07:00"),
        ("Jumat, 10 November 2023, 11:26 WIB", "2023-11-10T11:26:00+07:00"),
        ("Rabu, 4 Juni 2025-  15:03 WIT", "2025-06-04T15:03:00+09:00"),
        ("10/11/2023", "2023-11-10"),
        ("10/22/2025 9:53", "2025-10-22T09:53:00"),
        ("2015/08/25", "2015-08-25"),
        ("07 Nov 2023", "2023-11-07"),
        ("10-Apr-19", "2019-04-10"),
        ("11 Juni 2025 |06:45 WIB", "2025-06-11T06:45:00+07:00"),
        ("Selasa, 10 Jun 2025 - 21:32 WIB_x0000_", "2025-06-10T21:32:00+07:00"),
        ("Diperbarui 13 Agustus 2025, 05:00 WIB", "2025-08-13T05:00:00+07:00"),
        ("12 Pebruari 2024", "2024-02-12"),
        ("20231107", "2023-11-07"),
        ("June 9, 2025 8:52 PM", "2025-06-09T20:52:00"),
        ("2023-11-07T10:15:00Z", "2023-11-07T10:15:00+00:00"),
        ("kemarin sore", None),
        ("31/02/2024", None),
        ("", None),
    ],
)
def test_normalize_published(raw, iso):
    assert normalize_published(raw) == iso


def test_normalize_published_rejects_non_strings():
    with pytest.raises(TypeError, match="published"):
        normalize_published(20231107)  # type: ignore[arg-type]


def test_unreadable_published_is_a_warning(nlp_rules):
    rec = _parse(nlp_rules, "Rapat digelar Selasa (7/11/2023).", "bukan tanggal")
    assert any("published" in w and "bukan tanggal" in w for w in rec["warnings"])


@pytest.mark.parametrize(
    ("published", "text", "mention"),
    [
        ("0001-01-01T00:00:00Z", "Banjir merendam rumah warga kemarin.", "kemarin"),
        ("0001-01-01", "Tahun lalu tanggul itu jebol.", "Tahun lalu"),
        ("0001-01-01", "Pekan lalu warga mengungsi ke balai desa.", "Pekan lalu"),
        ("9999-12-31", "Posko ditutup besok pagi.", "besok"),
        ("9999-12-31", "Tanggul baru dibangun bulan depan.", "bulan depan"),
        ("9999-12-01", "Tanggul baru dibangun bulan depan.", "bulan depan"),
    ],
)
def test_relative_date_outside_the_calendar_is_unresolved_with_a_warning(nlp_rules, published, text, mention):
    rec = _parse(nlp_rules, text, published)
    (date,) = [d for d in rec["dates"] if d["text"] == mention]
    assert date["value"] is None
    assert any(mention in w and "outside the calendar" in w for w in rec["warnings"])


def test_relative_date_at_the_calendar_edge_inside_it_is_resolved(nlp_rules):
    assert _values(nlp_rules, "Tanggul baru dibangun bulan depan.", "0001-01-01") == [
        ("bulan depan", "0001-02")
    ]
    assert _values(nlp_rules, "Banjir merendam rumah warga kemarin.", "9999-12-31") == [
        ("kemarin", "9999-12-30")
    ]


# ----------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        "1/" * 50_000,
        "12/11/" * 30_000,
        "2024-" * 40_000,
        "9" * 200_000,
        "(" * 50_000 + "7/11" + ")" * 50_000,
        "Senin (" * 20_000,
        "pada pada pada " * 20_000,
        ("Selasa (7/11/2023) pukul 09.00 WIB, " * 5_000),
    ],
)
def test_hostile_text_gives_exact_offsets(nlp_rules, text):
    # its time is measured by bench/bench_hostile.py, not asserted here
    doc = make_doc(nlp_rules, text, published="2023-11-07")
    nlp_rules.get_pipe("kalbar_dates")(doc)
    for d in doc._.kalbar_dates:
        assert text[d["start"] : d["end"]] == d["text"]


def test_lexicons_are_loaded_and_complete():
    lex = load_lexicon()
    assert {m for m, _k in lex.months.values()} == set(range(1, 13))
    assert {i for i, _n in lex.weekdays.values()} == set(range(7))
    assert lex.months["nopember"] == (11, "full") and lex.months["agt"] == (8, "abbr")
    assert lex.year_blockers["orang"] == "counter" and lex.year_blockers["siswa"] == "noun"


# ----------------------------------------------------------------------------- dev set


@pytest.mark.shared
def test_dev_set_dates_f1(nlp_rules, shared_dir):
    from conftest import read_jsonl

    dev = shared_dir / "data" / "dev"
    gold = {g["id"]: g for g in read_jsonl(dev / "gold.jsonl")}
    tp = fp = fn = 0
    for a in read_jsonl(dev / "articles.jsonl"):
        rec = _parse(nlp_rules, a["text"], a.get("published") or None)
        pv = {d["value"] for d in rec["dates"] if d["value"]}
        gv = {d["value"] for d in gold[a["id"]].get("dates") or [] if d.get("value")}
        tp, fp, fn = tp + len(pv & gv), fp + len(pv - gv), fn + len(gv - pv)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.90, (tp, fp, fn)
