"""Dates: ranges, lists and periods, with the year they share.

All texts are invented sentences in the style of regional news.
"""

from __future__ import annotations

import pytest

import kalbar_nlp


def _values(nlp, text, published=None):
    record = kalbar_nlp.parse(text, published=published, nlp=nlp).to_dict()
    return [(d["text"], d["value"]) for d in record["dates"]]


SHARED_YEARS = [
    # a range of months written with one year
    (
        "Penumpang kereta pada periode Januari hingga Juni 2025 naik 4 persen.",
        "2025-07-20",
        [("Januari hingga Juni 2025", "2025-01"), ("Januari hingga Juni 2025", "2025-06")],
    ),
    (
        "Sebanyak lima kebakaran terjadi dari November sampai akhir Desember 2024.",
        "2025-03-02",
        [
            ("November sampai akhir Desember 2024", "2024-11"),
            ("November sampai akhir Desember 2024", "2024-12"),
        ],
    ),
    # across New Year the first month lies in the year before
    (
        "Harga cabai tinggi pada Desember s/d Februari 2025.",
        "2025-06-01",
        [("Desember s/d Februari 2025", "2024-12"), ("Desember s/d Februari 2025", "2025-02")],
    ),
    (
        "Musim hujan berlangsung Oktober 2024 sampai Maret.",
        "2026-02-01",
        [("Oktober 2024", "2024-10"), ("Maret", "2025-03")],
    ),
    (
        "Libur sekolah berlangsung 28 Desember hingga 3 Januari 2025.",
        "2025-06-01",
        [("28 Desember", "2024-12-28"), ("3 Januari 2025", "2025-01-03")],
    ),
    # a range of days across two months
    (
        "Pendaftaran CPNS dibuka 1 Mei s/d 5 Juni 2023 secara daring.",
        "2025-06-01",
        [("1 Mei", "2023-05-01"), ("5 Juni 2023", "2023-06-05")],
    ),
    # the end of a range written without a year takes the start's year
    (
        "Diskon pajak kendaraan berlaku 1 Januari 2024 hingga 31 Maret.",
        "2025-06-01",
        [("1 Januari 2024", "2024-01-01"), ("31 Maret", "2024-03-31")],
    ),
    # a list of months in one sentence with the year written once, at the end
    (
        "Dinkes mencatat 40 kasus DBD pada Juni, 52 kasus pada Juli, dan 61 kasus pada Agustus 2023.",
        "2025-01-15",
        [("Juni", "2023-06"), ("Juli", "2023-07"), ("Agustus 2023", "2023-08")],
    ),
    # a list of days before one month
    (
        "Bazar UMKM digelar 5, 6, dan 7 Juli 2024 di halaman kantor bupati.",
        None,
        [
            ("5, 6, dan 7 Juli 2024", "2024-07-05"),
            ("5, 6, dan 7 Juli 2024", "2024-07-06"),
            ("5, 6, dan 7 Juli 2024", "2024-07-07"),
        ],
    ),
    (
        "Turnamen digelar 12 s.d. 14 Juli 2024.",
        None,
        [("12 s.d. 14 Juli 2024", "2024-07-12"), ("12 s.d. 14 Juli 2024", "2024-07-14")],
    ),
]

SHARED_YEARS_NEAR_MISSES = [
    # another sentence: the year stays the publication date's
    (
        "Harga beras turun pada Maret. Laporan BPS per Desember 2023 mencatat kenaikan.",
        "2025-04-10",
        [("Maret", "2025-03"), ("Desember 2023", "2023-12")],
    ),
    # "lalu" counts from the publication date, not from the date beside it
    (
        "Pada Juni lalu, BPS merilis data per Agustus 2023.",
        "2025-07-10",
        [("Juni", "2025-06"), ("Agustus 2023", "2023-08")],
    ),
    # a later month in a list that is no range keeps the publication's year
    (
        "Pada November warga mengungsi, sedangkan banjir Februari 2025 lebih kecil.",
        "2025-12-01",
        [("November", "2025-11"), ("Februari 2025", "2025-02")],
    ),
    # a weekday that disagrees with the shared year leaves the year to the publication date
    (
        "Rapat digelar Sabtu (30/12) hingga Minggu (3/1/2021).",
        "2024-01-05",
        [("Sabtu (30/12)", "2023-12-30"), ("Minggu (3/1/2021)", "2021-01-03")],
    ),
    # a date set against the other by a word of comparison keeps its own year
    (
        "Pada Juni, harga beras naik 2 persen dibandingkan Desember 2024.",
        "2025-07-15",
        [("Juni", "2025-06"), ("Desember 2024", "2024-12")],
    ),
    # numbers that do not rise are no list of days
    ("Tim kalah 3, 1 Juni lalu di kandang.", "2025-06-10", [("1 Juni", "2025-06-01")]),
    # a range at the edge of the calendar shares no year beyond it (placeholder dates in scraped data)
    (
        "Masa berlaku izin 31/12/9999 hingga Juni.",
        "2025-07-15",
        [("31/12/9999", "9999-12-31"), ("Juni", "2025-06")],
    ),
    (
        "Arsip dibuka pada bulan Desember hingga 1/1/0001.",
        "2025-07-15",
        [("bulan Desember", "2025-12"), ("1/1/0001", "0001-01-01")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), SHARED_YEARS + SHARED_YEARS_NEAR_MISSES)
def test_range_and_list_share_the_year(nlp_rules, text, published, expected):
    assert _values(nlp_rules, text, published) == expected


PERIODS = [
    ("Laba bersih bank itu pada kuartal I-2024 naik 5 persen.", [("kuartal I-2024", "2024")]),
    ("Realisasi belanja daerah semester II/2024 mencapai 90 persen.", [("semester II/2024", "2024")]),
    ("Ekonomi Kalbar triwulan III 2024 tumbuh 4,9 persen.", [("triwulan III 2024", "2024")]),
    ("Penjualan tertinggi terjadi pada Kuartal IV-2023.", [("Kuartal IV-2023", "2023")]),
]

PERIODS_NEAR_MISSES = [
    # a period without a year, and a class or code with a year-like number, are no dates
    "Mahasiswa semester 5 mengikuti KKN di desa itu.",
    "Siswa kelas I-2019 meraih juara lomba cerdas cermat.",
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_quarter_and_half_give_their_year(nlp_rules, text, expected):
    assert _values(nlp_rules, text) == expected


@pytest.mark.parametrize("text", PERIODS_NEAR_MISSES)
def test_period_near_misses_are_no_dates(nlp_rules, text):
    assert _values(nlp_rules, text) == []


NUMERIC_RANGES = [
    (
        "Festival budaya digelar Sabtu-Minggu (14-15/6/2025) di Taman Alun Kapuas.",
        None,
        [("Sabtu-Minggu (14-15/6/2025)", "2025-06-14"), ("Sabtu-Minggu (14-15/6/2025)", "2025-06-15")],
    ),
    (
        "Pasar murah dibuka Senin dan Selasa (2-3/6) di kantor lurah.",
        "2025-06-05",
        [("Senin dan Selasa (2-3/6)", "2025-06-02"), ("Senin dan Selasa (2-3/6)", "2025-06-03")],
    ),
    (
        "Jadwal vaksinasi 14-15/7/2025 di puskesmas.",
        None,
        [("14-15/7/2025", "2025-07-14"), ("14-15/7/2025", "2025-07-15")],
    ),
]

NUMERIC_RANGES_NEAR_MISSES = [
    # a fraction or score with no weekday, year or date's place is no range of days
    "Dua pertiga atau 2-3/4 anggota dewan hadir.",
    # the days must rise
    "Skor akhir laga itu 15-14/6 untuk tim tamu.",
]


@pytest.mark.parametrize(("text", "published", "expected"), NUMERIC_RANGES)
def test_numeric_day_range_gives_both_days(nlp_rules, text, published, expected):
    assert _values(nlp_rules, text, published) == expected


@pytest.mark.parametrize("text", NUMERIC_RANGES_NEAR_MISSES)
def test_numeric_range_near_misses_are_no_dates(nlp_rules, text):
    assert _values(nlp_rules, text, "2025-06-05") == []


def test_numeric_range_checks_each_weekday(nlp_rules):
    record = kalbar_nlp.parse("Lomba digelar Sabtu-Minggu (15-16/6/2025).", nlp=nlp_rules).to_dict()
    assert [(d["value"], d["weekday_matches"]) for d in record["dates"]] == [
        ("2025-06-15", False),
        ("2025-06-16", False),
    ]


WEEKDAY_RELATIVE = [
    (
        "Pelantikan akan digelar pada hari Jumat yang akan datang di Pontianak.",
        "2024-02-13",
        [("hari Jumat yang akan datang", "2024-02-16")],
    ),
    ("Sidang perdana digelar Senin silam di PN Mempawah.", "2024-02-13", [("Senin silam", "2024-02-12")]),
    # "yang akan datang" after a day and month points forward
    ("Pendaftaran ditutup 5 Maret yang akan datang.", "2024-03-10", [("5 Maret", "2025-03-05")]),
]

WEEKDAY_RELATIVE_NEAR_MISSES = [
    # "akan datang" is the verb of the sentence here, not "next Monday"
    ("Pak Camat pada Senin akan datang ke desa itu.", "2024-02-13", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAY_RELATIVE + WEEKDAY_RELATIVE_NEAR_MISSES)
def test_weekday_with_relative_word(nlp_rules, text, published, expected):
    assert _values(nlp_rules, text, published) == expected


MONTH_ALONE = [
    ("Tarif air naik mulai Juli mendatang.", "2025-06-10", [("Juli", "2025-07")]),
    ("Harga cabai tinggi sepanjang Mei.", "2025-06-10", [("Mei", "2025-05")]),
    ("Curah hujan naik memasuki November.", "2025-10-20", [("November", "2025-11")]),
    (
        "Data dari Januari hingga Maret belum dirilis.",
        "2025-06-10",
        [("Januari", "2025-01"), ("Maret", "2025-03")],
    ),
]

MONTH_ALONE_NEAR_MISSES = [
    # a month name before a capitalised word is a person's name
    ("Donasi dari Mei Lestari diterima panitia.", "2025-06-10", []),
    ("Bantuan itu diserahkan setelah Juni Rahayu melapor.", "2025-06-10", []),
    # a month word without a word of time before it stays unread
    ("Warga menanam Mei dan Juni di ladang.", "2025-06-10", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), MONTH_ALONE + MONTH_ALONE_NEAR_MISSES)
def test_month_alone_after_a_word_of_time(nlp_rules, text, published, expected):
    assert _values(nlp_rules, text, published) == expected


NUMERIC_ACROSS_MONTHS = [
    (
        "Pameran digelar Senin sampai Rabu (30/6-2/7/2025) di GOR.",
        None,
        [
            ("Senin sampai Rabu (30/6-2/7/2025)", "2025-06-30"),
            ("Senin sampai Rabu (30/6-2/7/2025)", "2025-07-02"),
        ],
    ),
    (
        "Posko mudik dibuka pada (30/12-2/1/2025) di terminal.",
        None,
        [("(30/12-2/1/2025)", "2024-12-30"), ("(30/12-2/1/2025)", "2025-01-02")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), NUMERIC_ACROSS_MONTHS)
def test_numeric_range_across_months(nlp_rules, text, published, expected):
    assert _values(nlp_rules, text, published) == expected


WEEKDAY_DAY_MONTH = [
    ("Rapat pleno digelar Kamis, 5/6 di kantor KPU.", "2025-06-10", [("Kamis, 5/6", "2025-06-05")]),
    ("Rapat pleno digelar Kamis 5/6 di kantor KPU.", "2025-06-10", [("Kamis 5/6", "2025-06-05")]),
    # a range of days after a weekday stays a range of written days
    (
        "Rapat pleno digelar Kamis, 5-6 Juni 2025.",
        None,
        [("5-6 Juni 2025", "2025-06-05"), ("5-6 Juni 2025", "2025-06-06")],
    ),
]

WEEKDAY_DAY_MONTH_NEAR_MISSES = [
    # a clock time after a weekday is no day and month
    ("Rapat pleno digelar Kamis 10.30 di kantor KPU.", "2025-06-10", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAY_DAY_MONTH + WEEKDAY_DAY_MONTH_NEAR_MISSES)
def test_weekday_with_day_and_month_unbracketed(nlp_rules, text, published, expected):
    assert _values(nlp_rules, text, published) == expected


def test_day_bulan_month(nlp_rules):
    text = "Upacara digelar pada tanggal 17 bulan Agustus 2025 di lapangan."
    assert _values(nlp_rules, text) == [("tanggal 17 bulan Agustus 2025", "2025-08-17")]
    # "bulan" after a number that is no day: a count of months
    assert _values(nlp_rules, "Proyek itu molor 3 bulan Agustus lalu.", "2025-09-01") == [
        ("bulan Agustus", "2025-08")
    ]


HIJRI_AND_GREGORIAN = [
    ("Salat Idul Adha 1446 H/2025 M digelar di Masjid Raya Mujahidin.", [("2025", "2025")]),
    ("Idul Fitri 1 Syawal 1446 H/31 Maret 2025 disambut takbir.", [("31 Maret 2025", "2025-03-31")]),
    ("Pawai 1 Muharram 1447 Hijriah / 2025 Masehi diikuti pelajar.", [("2025", "2025")]),
    ("Peringatan Maulid Nabi tahun 2025 M digelar di masjid.", [("tahun 2025", "2025")]),
]

HIJRI_NEAR_MISSES = [
    # a letter H inside a document code, and metres written "m", are no Gregorian year
    "Surat nomor 12/H/2025 diterbitkan dinas.",
    "Puncak bukit itu setinggi 2025 m dari permukaan laut.",
]


@pytest.mark.parametrize(("text", "expected"), HIJRI_AND_GREGORIAN)
def test_gregorian_date_after_hijri_one(nlp_rules, text, expected):
    assert _values(nlp_rules, text) == expected


@pytest.mark.parametrize("text", HIJRI_NEAR_MISSES)
def test_hijri_near_misses(nlp_rules, text):
    assert _values(nlp_rules, text) == []


MONTH_DAY_YEAR = [
    ("Diterbitkan Juni 10, 2025 oleh redaksi.", [("Juni 10, 2025", "2025-06-10")]),
    ("Posted on June 10th, 2025 by admin.", [("June 10th, 2025", "2025-06-10")]),
]

MONTH_DAY_YEAR_NEAR_MISSES = [
    # a number after the comma that is no year: no month-day-year date
    ("Hingga Juni 10, 15 kasus baru tercatat.", []),
    # a count after the year: no date
    ("Jumlah pasien pada Mei 5, 2025 orang lebih.", []),
]


@pytest.mark.parametrize(("text", "expected"), MONTH_DAY_YEAR + MONTH_DAY_YEAR_NEAR_MISSES)
def test_month_day_year_order(nlp_rules, text, expected):
    assert _values(nlp_rules, text, "2025-06-12") == expected


STREET_NAMES = [
    "Kantor kelurahan itu berada di Jalan 28 Oktober, Siantan.",
    "Toko itu terletak di Jl. 17 Agustus No. 5, Ketapang.",
    "Laga digelar di Stadion Gelora 10 November malam ini.",
]

STREET_NAMES_NEAR_MISSES = [
    # "jalan" in lower case is the road, and the date after it is a date
    (
        "Kecelakaan di jalan 17 Agustus lalu menewaskan dua orang.",
        [("17 Agustus", "2024-08-17")],
    ),
    # a place word before a comma, or a full date, keeps the date
    ("Upacara digelar di Lapangan, 17 Agustus 2025.", [("17 Agustus 2025", "2025-08-17")]),
]


@pytest.mark.parametrize("text", STREET_NAMES)
def test_day_and_month_in_a_street_name_is_no_date(nlp_rules, text):
    assert _values(nlp_rules, text, "2025-06-10") == []


@pytest.mark.parametrize(("text", "expected"), STREET_NAMES_NEAR_MISSES)
def test_street_name_near_misses(nlp_rules, text, expected):
    assert _values(nlp_rules, text, "2025-06-10") == expected


def test_weekday_with_part_of_day_before_written_date(nlp_rules):
    # the weekday, written with "pagi", picks the year whose 1 January is a Wednesday
    text = "Pawai digelar Rabu pagi, 1 Januari di alun-alun."
    assert _values(nlp_rules, text, "2024-07-02") == [("Rabu pagi, 1 Januari", "2025-01-01")]
    # without it the nearer 1 January is taken
    assert _values(nlp_rules, "Pawai digelar 1 Januari di alun-alun.", "2024-07-02") == [
        ("1 Januari", "2024-01-01")
    ]
    # a word that only begins like a part of the day is not one
    assert _values(nlp_rules, "Pawai digelar Rabu pagilah 1 Januari.", "2024-07-02") == [
        ("1 Januari", "2024-01-01")
    ]
