"""Titles (jabatan): the position with its jurisdiction, the person it attaches to, and the rule.

Texts are written for these tests (invented people and events), in the style of regional news.
The rules are tested without the NER model (``nlp_rules``) so that they are checked on their own.
"""

from __future__ import annotations

import functools

import pytest

from kalbar_nlp.lexicons.titles import load_lexicon
from kalbar_nlp.text.scanner import Scanner


def links(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    return [
        (t["title"], t["person"]["text"] if t["person"] else None, t["rule"]) for t in doc._.kalbar_titles
    ]


def linked(nlp, text: str) -> list[tuple[str, str]]:
    return [(t, p) for t, p, _ in links(nlp, text) if p]


# -- title + name, with the jurisdiction stopping at the name -----------------------------------------
TITLE_NAME = [
    ("Bupati Melawi Darius Sembiring membuka pameran itu.", ("Bupati Melawi", "Darius Sembiring")),
    (
        "Kepala Dinas Pendidikan Kota Pontianak Sri Rahayuningsih mengatakan sekolah siap.",
        ("Kepala Dinas Pendidikan Kota Pontianak", "Sri Rahayuningsih"),
    ),
    ("Sekda Yohanes menutup rapat itu.", ("Sekda", "Yohanes")),
    (
        "Acara itu dihadiri mantan Wali Kota Singkawang Budi Hartono.",
        ("mantan Wali Kota Singkawang", "Budi Hartono"),
    ),
    ("Ketua DPRD Sambas Agus Salim menerima rombongan.", ("Ketua DPRD Sambas", "Agus Salim")),
    (
        "Wakil Gubernur Kalimantan Barat Yusuf Maulana meninjau lokasi banjir.",
        ("Wakil Gubernur Kalimantan Barat", "Yusuf Maulana"),
    ),
    (
        "Menteri Dalam Negeri (Mendagri) Arief Rahmanto meminta daerah bersiap.",
        ("Menteri Dalam Negeri", "Arief Rahmanto"),
    ),
]


@pytest.mark.parametrize("text,expected", TITLE_NAME)
def test_title_then_name(nlp_rules, text, expected):
    assert expected in linked(nlp_rules, text)


# -- title + rank + name: the rank is kept apart ---------------------------------------------------
def test_title_rank_name(nlp_rules):
    doc = nlp_rules("Kasat Reskrim Polres Sintang AKP Dedi Kurniawan membenarkan penangkapan itu.")
    (t,) = [t for t in doc._.kalbar_titles if t["person"]]
    assert t["title"] == "Kasat Reskrim Polres Sintang"
    assert t["person"]["text"] == "Dedi Kurniawan"
    assert t["person"]["ranks"] == ["AKP"]
    assert t["rule"] == "title_rank_name"


def test_military_code_jurisdiction(nlp_rules):
    got = linked(nlp_rules, "Danrem 121/Alambhana Wanawai Brigjen TNI Andi Pratama meninjau perbatasan.")
    assert got == [("Danrem 121/Alambhana Wanawai", "Andi Pratama")]


# -- title, comma, name; chains with melalui ----------------------------------------------------------
COMMA = [
    (
        "Sekretaris Daerah (Sekda) Kabupaten Sanggau, Yohanes Ontot menghadiri rapat koordinasi.",
        [("Sekretaris Daerah Kabupaten Sanggau", "Yohanes Ontot", "title_comma_name")],
    ),
    (
        "Kapolres Landak, AKBP Hendra Wijaya melalui Kapolsek Ngabang, Iptu Rudi Hartono mengatakan hal itu.",
        [
            ("Kapolres Landak", "Hendra Wijaya", "title_comma_name"),
            ("Kapolsek Ngabang", "Rudi Hartono", "title_comma_name"),
        ],
    ),
    (
        "Kegiatan dibuka Pj Gubernur Kalimantan Tengah, Suryanto didampingi para kepala dinas.",
        [("Pj Gubernur Kalimantan Tengah", "Suryanto", "title_comma_name")],
    ),
    (
        "Bhabinkamtibmas setempat, Bripka Yoga Saputra, rutin mendampingi warga.",
        [("Bhabinkamtibmas setempat", "Yoga Saputra", "title_comma_name")],
    ),
]


@pytest.mark.parametrize("text,expected", COMMA)
def test_title_comma_name(nlp_rules, text, expected):
    got = [x for x in links(nlp_rules, text) if x[1]]
    assert got == expected


# -- name, comma, title / name + cue + title ------------------------------------------------------
APPOSITION = [
    (
        "Wahyudi Santoso, Bupati Kapuas Hulu, mengatakan jalan itu segera diperbaiki.",
        ("Bupati Kapuas Hulu", "Wahyudi Santoso", "name_comma_title"),
    ),
    (
        "Hal itu disampaikan Ratna Dewi selaku Kepala Dinas Kesehatan Kabupaten Ketapang.",
        ("Kepala Dinas Kesehatan Kabupaten Ketapang", "Ratna Dewi", "selaku"),
    ),
    (
        "Rapat itu dipimpin Agus Salim, yang juga Ketua Fraksi Golkar, pada Senin pagi.",
        ("Ketua Fraksi Golkar", "Agus Salim", "yang_juga"),
    ),
    (
        "Mulyadi yang menjabat sebagai Camat Sungai Raya meninjau posko.",
        ("Camat Sungai Raya", "Mulyadi", "yang_menjabat"),
    ),
    (
        "Saat ini Hendrik Lubis menjabat Kepala Badan Pendapatan Daerah Sanggau.",
        ("Kepala Badan Pendapatan Daerah Sanggau", "Hendrik Lubis", "yang_menjabat"),
    ),
    (
        "Dana itu diterima Rudi Hartono selaku Direktur PT Borneo Makmur.",
        ("Direktur PT Borneo Makmur", "Rudi Hartono", "selaku"),
    ),
    (
        "Sementara itu, Hendra Susanto Kepala Bidang P2P menyebutkan kasus menurun.",
        ("Kepala Bidang P2P", "Hendra Susanto", "name_title"),
    ),
    (
        "Sebagai mantan Ketua KONI Kalbar dua periode, Hendra Gunawan menyampaikan dukungannya.",
        ("mantan Ketua KONI Kalbar", "Hendra Gunawan", "sebagai_lead"),
    ),
]


@pytest.mark.parametrize("text,expected", APPOSITION)
def test_name_then_title(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


# -- jurisdiction details ----------------------------------------------------------------------------
def test_parenthesised_abbreviation_is_dropped(nlp_rules):
    doc = nlp_rules("Rektor Universitas Tanjungpura (Untan) Hendri Susanto membuka seminar.")
    (t,) = doc._.kalbar_titles
    assert t["title"] == "Rektor Universitas Tanjungpura"
    assert t["person"]["text"] == "Hendri Susanto"
    assert t["abbreviations"] == [{"abbr": "Untan", "full": "Universitas Tanjungpura"}]


def test_abbreviation_closes_the_organisation(nlp_rules):
    got = linked(
        nlp_rules,
        "Kepala Lembaga Penjaminan Mutu Pendidikan (LPMP) Rinto Wibowo menegaskan aturan itu.",
    )
    assert got == [("Kepala Lembaga Penjaminan Mutu Pendidikan", "Rinto Wibowo")]


def test_name_comma_title_beats_a_weak_name_after_the_title(nlp_rules):
    got = links(nlp_rules, "Hujan turun sejak pagi, ujar Sudarmo, Ketua KUD Tirta Mandiri Jaya.")
    assert got == [("Ketua KUD Tirta Mandiri Jaya", "Sudarmo", "name_comma_title")]


def test_common_words_inside_a_complement(nlp_rules):
    got = links(nlp_rules, "Kepala Desa Teluk Satu, Marlina, mengatakan jembatan itu ambruk.")
    assert got == [("Kepala Desa Teluk Satu", "Marlina", "title_comma_name")]


def test_repeated_titles_are_each_linked(nlp_rules):
    text = ", ".join(["Bupati Sintang, Jarot, Kepala Dinas, Ani"] * 1500)
    doc = nlp_rules(text)  # its time is measured by bench/bench_hostile.py, not asserted here
    assert len(doc._.kalbar_titles) == 3000


def test_fields_of_a_link(nlp_rules):
    doc = nlp_rules("Plt Kepala Dinas Sosial Kabupaten Sintang, Maria Goreti, hadir.")
    (t,) = doc._.kalbar_titles
    assert t["role"] == "Kepala Dinas"
    assert t["jurisdiction"] == "Sosial Kabupaten Sintang"
    assert t["acting"] == "Pelaksana Tugas"
    assert t["former"] is False
    assert doc.text[t["start"] : t["end"]] == "Plt Kepala Dinas Sosial Kabupaten Sintang"
    assert doc.text[t["person"]["start"] : t["person"]["end"]] == "Maria Goreti"


# -- a title + an English organisation name (lower-case connectors, head words) + the person -------------
LONG_ORGANISATION = [
    (
        "Direktur Eksekutif Institute for Rural Studies and Policy (IRSP) Hendarto Wiranata berpendapat, "
        "harga pangan masih tinggi.",
        ("Direktur Eksekutif Institute for Rural Studies and Policy", "Hendarto Wiranata"),
    ),
    (
        "Ketua Komunitas Walk to School Marlina Situmorang mengajak orang tua ikut berjalan kaki.",
        ("Ketua Komunitas Walk to School", "Marlina Situmorang"),
    ),
    (
        "Peneliti Borneo Forest Watch Yohanes Ardianto mengatakan, tutupan hutan terus berkurang.",
        ("Peneliti Borneo Forest Watch", "Yohanes Ardianto"),
    ),
]


LONG_ORGANISATION += [
    (
        "Hal itu disampaikan Manajer Corporate Communications PT Borneo Energi, Rudi Hartanto.",
        ("Manajer Corporate Communications PT Borneo Energi", "Rudi Hartanto"),
    ),
    (
        "Peneliti dari Lembaga Kajian Hutan Tropis Siti Rahmawati mengatakan hal itu.",
        ("Peneliti dari Lembaga Kajian Hutan Tropis", "Siti Rahmawati"),
    ),
    (
        "Ketua Umum Partai Golkar Ahmad Doli Kurnia hadir dalam acara itu.",
        ("Ketua Umum Partai Golkar", "Ahmad Doli Kurnia"),
    ),
]


@pytest.mark.parametrize("text,expected", LONG_ORGANISATION)
def test_title_with_a_long_organisation_name(nlp_rules, text, expected):
    assert expected in linked(nlp_rules, text)


@pytest.mark.parametrize(
    "text,not_a_person",
    [
        (
            "Direktur Eksekutif Institute for Rural Studies and Policy Hendarto Wiranata berpendapat, "
            "harga pangan masih tinggi.",
            "Institute",
        ),
        ("Ketua Komunitas Walk to School Marlina Situmorang mengajak warga berjalan kaki.", "Walk"),
    ],
)
def test_organisation_words_are_no_name(nlp_rules, text, not_a_person):
    assert all(not p.startswith(not_a_person) for _, p in linked(nlp_rules, text))


# -- professions and roles in lower case, with field words and `dari`/`di` + organisation ----------------
PROFESSIONS = [
    (
        "Hal itu dikatakan pengamat politik Universitas Tanjungpura Jumadi Saputra di Pontianak.",
        ("pengamat politik Universitas Tanjungpura", "Jumadi Saputra"),
    ),
    (
        "Sosiolog Universitas Tanjungpura Rinaldi Hakim menilai hal itu wajar.",
        ("Sosiolog Universitas Tanjungpura", "Rinaldi Hakim"),
    ),
    (
        "Menurut epidemiolog Universitas Mulawarman Pandu Wiratama, kasus akan naik.",
        ("epidemiolog Universitas Mulawarman", "Pandu Wiratama"),
    ),
    (
        "Peneliti dari Lembaga Kajian Kalimantan Siti Rahmawati mengatakan hal itu.",
        ("Peneliti dari Lembaga Kajian Kalimantan", "Siti Rahmawati"),
    ),
    ("Kuasa hukum korban, Rudi Sinaga, mengatakan kliennya trauma.", ("Kuasa hukum korban", "Rudi Sinaga")),
    (
        "Yohanes Salim, pemerhati lingkungan dari Sintang, mengatakan hutan rusak.",
        ("pemerhati lingkungan dari Sintang", "Yohanes Salim"),
    ),
    (
        "dokter spesialis paru RSUD Soedarso, Andreas Wibisono, mengatakan pasien bertambah.",
        ("dokter spesialis paru RSUD Soedarso", "Andreas Wibisono"),
    ),
    (
        "Hal itu disampaikan dokter di Puskesmas Sungai Raya Maria Ulfa kepada wartawan.",
        ("dokter di Puskesmas Sungai Raya", "Maria Ulfa"),
    ),
    (
        "Vice President Corporate Communications PT Borneo Energi Joni Saragih mengatakan hal itu.",
        ("Vice President Corporate Communications PT Borneo Energi", "Joni Saragih"),
    ),
]


@pytest.mark.parametrize("text,expected", PROFESSIONS)
def test_professions_and_roles(nlp_rules, text, expected):
    assert expected in linked(nlp_rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "Dokter itu memeriksa pasien di ruang gawat darurat.",
        "Bupati mengatakan bahwa jalan rusak akan segera diperbaiki.",
        "Para pengamat politik menilai koalisi itu rapuh.",
    ],
)
def test_professions_without_a_name(nlp_rules, text):
    assert linked(nlp_rules, text) == []


def test_a_post_keeps_di_outside(nlp_rules):
    got = linked(nlp_rules, "Bupati Sintang Darius Sembiring di Kantor Bupati meresmikan gedung itu.")
    assert got == [("Bupati Sintang", "Darius Sembiring")]


# -- negatives: no title, or a title without a person --------------------------------------------------
NEGATIVE = [
    "Kantor Bupati Sintang dijaga ketat aparat sejak pagi.",
    "Para bupati se-Kalimantan Barat hadir dalam rapat itu.",
    "Budi, kader PDIP, ikut membagikan sembako kepada warga.",
    "Warga Desa Sungai Ambawang, Siti Aminah, mengaku senang.",
    "Korban, Andi (12), dibawa ke rumah sakit.",
    "Pembangunan Ibu Kota Nusantara terus berjalan.",
    "Bupati Sintang mengatakan program itu akan dilanjutkan.",
    "Rombongan singgah di Rumah Dinas Wali Kota Pontianak.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_person_attached(nlp_rules, text):
    assert linked(nlp_rules, text) == []


def test_lexicon_shape():
    lex = load_lexicon()
    assert lex.titles.match(["kapolres"], 0) is not None
    assert lex.ranks.match(["kombes", "pol"], 0)[0] == 2
    assert "sh" in lex.degrees
    assert lex.honorifics["h"] == "prefix"
    # a few hundred positions, each with an expansion
    n = sum(len(v) for v in lex.titles.by_first.values())
    assert n >= 300


@pytest.mark.parametrize(
    "text",
    [
        "Ketua Pantai Hotel Association hadir dalam rapat itu.",
        "Manajer Corporate Communications hadir dalam rapat itu.",
    ],
)
def test_organisation_words_never_make_a_person(nlp_rules, text):
    assert linked(nlp_rules, text) == []


PERSON_COMPLEMENT_CASES = [
    (
        "Sementara itu, kuasa hukum Darius Sembiring, Maria Simanjuntak, mengatakan kliennya akan banding.",
        ("kuasa hukum Darius Sembiring", "Maria Simanjuntak"),
    ),
    (
        "Pengacara Darius Sembiring, Maria Simanjuntak, mengatakan kliennya akan banding.",
        ("Pengacara Darius Sembiring", "Maria Simanjuntak"),
    ),
    # a list of people after an ordinary post stays as it was
    ("Hadir Bupati Sintang Jarot Winarno, Agus Salim, dan Maria Ulfa.", ("Bupati Sintang", "Jarot Winarno")),
]


@pytest.mark.parametrize("text,expected", PERSON_COMPLEMENT_CASES)
def test_post_whose_complement_is_a_person(nlp_rules, text, expected):
    assert expected in linked(nlp_rules, text)


# -- long, repetitive text: every document-wide fact is read once --------------------------------------
@pytest.fixture
def parse_checks(monkeypatch):
    """Count how often a reader asks the Doc whether it carries a dependency parse."""
    calls: list[int] = []
    original = Scanner.__dict__["has_parse"].func

    def counting(self) -> bool:
        calls.append(1)
        return original(self)

    prop = functools.cached_property(counting)
    prop.__set_name__(Scanner, "has_parse")
    monkeypatch.setattr(Scanner, "has_parse", prop)
    return calls


def test_parse_is_looked_up_once_per_document(nlp_rules, parse_checks):
    # regression: the parse was looked up once per unlinked title, a walk over the whole Doc each
    # time (``"Kepala Dinas " * 77000`` took minutes); now once per document
    doc = nlp_rules.make_doc("Kepala Dinas " * 3000)
    nlp_rules.get_pipe("kalbar_titles")(doc)
    assert len(doc._.kalbar_titles) == 3000
    assert all(t["title"] == "Kepala Dinas" and t["person"] is None for t in doc._.kalbar_titles)
    assert len(parse_checks) == 1


def test_long_repetitive_text_through_titles_and_people(nlp_rules):
    text = (
        "Sekda Alexander Wilyo hadir. " + "kata Alexander, " * 2000 + "Alexander Wilyo Budi Santoso " * 1000
    )
    doc = nlp_rules.make_doc(text)
    nlp_rules.get_pipe("kalbar_titles")(doc)
    nlp_rules.get_pipe("kalbar_people")(doc)
    (sekda,) = doc._.kalbar_titles
    assert (sekda["title"], sekda["person"]["text"]) == ("Sekda", "Alexander Wilyo")
    alexander = doc._.kalbar_people[0]
    assert alexander["name"] == "Alexander Wilyo"
    assert sum(m["rule"] == "speech_cue" for m in alexander["mentions"]) == 2000
