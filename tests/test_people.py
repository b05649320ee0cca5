"""People across mentions: names without titles/ranks/honorifics, aliases, one entry per person.

Texts are written for these tests (invented people and events). The rules are tested without the
NER model (``nlp_rules``); one test checks the full pipeline keeps the same contract.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from kalbar_nlp.components import people as people_mod


def people(nlp, text: str) -> list[dict]:
    return nlp(text)._.kalbar_people


def by_name(nlp, text: str) -> dict[str, dict]:
    return {p["name"]: p for p in people(nlp, text)}


# -- clustering of mentions ------------------------------------------------------------------------
def test_title_name_and_later_mentions_cluster(nlp_rules):
    text = (
        "Sekretaris Daerah (Sekda) Kabupaten Sanggau, Yohanes Ontot menghadiri rapat koordinasi. "
        "Sekda Yohanes mengatakan rapat itu penting. Yohanes menambahkan, semua dinas harus hadir. "
        "Menurut Ontot, anggaran sudah disiapkan."
    )
    (p,) = people(nlp_rules, text)
    assert p["name"] == "Yohanes Ontot"
    assert set(p["aliases"]) >= {"Yohanes", "Ontot"}
    assert p["titles"] == ["Sekretaris Daerah Kabupaten Sanggau"]
    assert len(p["mentions"]) >= 4
    for m in p["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]


def test_nickname_in_parentheses(nlp_rules):
    text = (
        "Bupati Kapuas Hulu H. Ahmad Fauzan Ali (Gus Fauzan) membuka festival budaya. "
        "Menurut Gus Fauzan, festival itu digelar tiap tahun."
    )
    (p,) = people(nlp_rules, text)
    assert p["name"] == "Ahmad Fauzan Ali"
    assert "Gus Fauzan" in p["aliases"]
    assert p["honorifics"] == ["H."]
    assert p["titles"] == ["Bupati Kapuas Hulu"]


def test_two_people_sharing_a_first_name_stay_apart(nlp_rules):
    text = "Kepala Dinas Sosial Budi Santoso hadir bersama Camat Sungai Pinyuh Budi Hartono."
    got = by_name(nlp_rules, text)
    assert set(got) == {"Budi Santoso", "Budi Hartono"}
    assert got["Budi Hartono"]["titles"] == ["Camat Sungai Pinyuh"]


def test_one_title_per_post(nlp_rules):
    text = (
        "Wakil Bupati Sambas Fahrul Rozi meninjau pasar. "
        "Wabup Sambas Fahrul mengatakan harga cabai turun. Wakil Bupati Sambas itu juga menyapa pedagang."
    )
    (p,) = people(nlp_rules, text)
    assert p["name"] == "Fahrul Rozi"
    assert p["titles"] == ["Wakil Bupati Sambas"]


def test_former_post_keeps_mantan(nlp_rules):
    (p,) = people(nlp_rules, "Acara itu dihadiri mantan Wali Kota Singkawang Budi Hartono.")
    assert p["titles"] == ["mantan Wali Kota Singkawang"]
    assert p["positions"][0]["former"] is True


# -- ranks, honorifics and degrees are not names ------------------------------------------------------
STRIPPED = [
    ("Kapolres Landak AKBP Hendra Wijaya memimpin apel.", "Hendra Wijaya", ["AKBP"], []),
    ("Kegiatan dibuka Kombes Pol Agus Setiawan di halaman mapolda.", "Agus Setiawan", ["Kombes Pol"], []),
    (
        "Sambutan disampaikan Hj. Siti Rahmah, S.Pd., M.Si. di aula sekolah.",
        "Siti Rahmah",
        [],
        ["Hj.", "S.Pd.", "M.Si."],
    ),
    (
        "Ceramah diberikan Prof. Dr. Ir. Hasanuddin Lubis di masjid raya.",
        "Hasanuddin Lubis",
        [],
        ["Prof.", "Dr.", "Ir."],
    ),
    ("Bantuan diserahkan kepada Ibu Sri Wahyuni di rumahnya.", "Sri Wahyuni", [], ["Ibu"]),
]


@pytest.mark.parametrize("text,name,ranks,hons", STRIPPED)
def test_ranks_and_honorifics_are_kept_apart(nlp_rules, text, name, ranks, hons):
    got = by_name(nlp_rules, text)
    assert name in got, got
    assert got[name]["ranks"] == ranks
    assert got[name]["honorifics"] == hons


# -- ranks spelled out in full (national-press style) are ranks, never titles or parts of names ------------
FULL_RANKS = [
    (
        "Kepala Polresta Singkawang Ajun Komisaris Besar Yosef Manurung memimpin apel.",
        "Yosef Manurung",
        ["Ajun Komisaris Besar"],
        ["Kepala Polresta Singkawang"],
    ),
    (
        "Kepala Satuan Reserse Kriminal Ajun Komisaris Rudi Harsono menunjukkan barang bukti.",
        "Rudi Harsono",
        ["Ajun Komisaris"],
        ["Kepala Satuan Reserse Kriminal"],
    ),
    (
        "Direktur Reserse Narkoba Polda Kalbar Komisaris Besar Hadi Pranoto mengatakan jaringan itu besar.",
        "Hadi Pranoto",
        ["Komisaris Besar"],
        ["Direktur Reserse Narkoba Polda Kalbar"],
    ),
    (
        "Wakil Direktur Reserse Umum Inspektur Jenderal ZA Marbun Siregar menjelaskan kasus itu.",
        "ZA Marbun Siregar",
        ["Inspektur Jenderal"],
        ["Wakil Direktur Reserse Umum"],
    ),
    (
        "Brigadir Jenderal TNI Andreas Kolo meninjau pos perbatasan.",
        "Andreas Kolo",
        ["Brigadir Jenderal TNI"],
        [],
    ),
    ("Laksamana Muda TNI Yohanes Wenas meresmikan dermaga itu.", "Yohanes Wenas", ["Laksamana Muda TNI"], []),
    ("Marsekal Pertama Rizal Hakim tiba di pangkalan udara.", "Rizal Hakim", ["Marsekal Pertama"], []),
    ("Ajun Inspektur Satu Darto Sumarno berjaga di pos.", "Darto Sumarno", ["Ajun Inspektur Satu"], []),
    ("Komisaris Heru Pamungkas memimpin penggerebekan itu.", "Heru Pamungkas", ["Komisaris"], []),
]


@pytest.mark.parametrize("text,name,ranks,titles", FULL_RANKS)
def test_full_ranks_are_ranks(nlp_rules, text, name, ranks, titles):
    got = by_name(nlp_rules, text)
    assert name in got, got
    assert got[name]["ranks"] == ranks
    assert got[name]["titles"] == titles


def test_inspektur_jenderal_of_a_ministry_is_a_post(nlp_rules):
    got = by_name(nlp_rules, "Inspektur Jenderal Kementerian Pertanian Wahyu Santosa membuka audit itu.")
    assert got["Wahyu Santosa"]["titles"] == ["Inspektur Jenderal Kementerian Pertanian"]
    assert got["Wahyu Santosa"]["ranks"] == []


# -- a short form of one word of an earlier full name is the same person ---------------------------------
SHORT_FORMS = [
    (
        "Wali Kota Singkawang Sri Wahyuningsih meninjau pasar. Ningsih mengatakan harga stabil.",
        {"Sri Wahyuningsih": {"Ningsih"}},
    ),
    (
        "Bupati Landak Karolin Margareta membuka festival. Menurut Karol, festival itu digelar tiap tahun.",
        {"Karolin Margareta": {"Karol"}},
    ),
]


@pytest.mark.parametrize("text,expected", SHORT_FORMS)
def test_short_form_of_a_full_name(nlp_rules, text, expected):
    got = by_name(nlp_rules, text)
    for name, aliases in expected.items():
        assert name in got, got
        assert aliases <= set(got[name]["aliases"])
    assert len(got) == len(expected)


def test_ambiguous_short_form_stays_apart(nlp_rules):
    text = (
        "Bupati Landak Karolin Margareta dan Kepala Dinas Pariwisata Karolina Sitompul membuka festival. "
        "Karol mengatakan festival digelar tiap tahun."
    )
    got = by_name(nlp_rules, text)
    assert "Karol" not in got["Karolin Margareta"]["aliases"]
    assert "Karol" not in got["Karolina Sitompul"]["aliases"]


# -- people without titles -----------------------------------------------------------------------------
def test_initials_with_age_are_people(nlp_rules):
    got = by_name(nlp_rules, "Seorang pelajar berinisial RA (15) ditemukan selamat oleh warga.")
    assert "RA" in got


def test_initials_listed_after_berinisial(nlp_rules):
    got = by_name(nlp_rules, "Polisi menangkap tiga pemuda berinisial AR, DS dan MY di sebuah kos.")
    assert {"AR", "DS", "MY"} <= set(got)


def test_rank_with_its_abbreviation_in_parentheses(nlp_rules):
    got = by_name(nlp_rules, "Oditur menuntut Kopral Dua (Kopda) Sahrul Ramadan dipecat dari dinas militer.")
    assert got["Sahrul Ramadan"]["ranks"] == ["Kopral Dua (Kopda)"]


def test_surname_that_is_a_position_is_not_a_title(nlp_rules):
    (p,) = people(
        nlp_rules, "Bupati Melawi Lukman Hakim meninjau jalan. Lukman Hakim, menyebut jalan itu rusak."
    )
    assert p["name"] == "Lukman Hakim"
    assert p["titles"] == ["Bupati Melawi"]


def test_title_with_demonstrative_points_back(nlp_rules):
    text = (
        "“Belanja pegawai harus ditekan,” kata Hendra Gunawan di kantor bupati, Selasa. "
        "Pj Sekda Sambas itu juga meminta laporan tiap bulan. Para kepala sekolah tersebut hadir."
    )
    (p,) = people(nlp_rules, text)
    assert p["name"] == "Hendra Gunawan"
    assert p["titles"] == ["Pj Sekda Sambas"]
    assert any(m["rule"] == "title_demonstrative" for m in p["mentions"])


def test_initials_inside_a_name_are_not_degrees(nlp_rules):
    got = by_name(nlp_rules, "Gubernur Bank Sentral Budi D.W. Hartanto memaparkan data inflasi.")
    assert "Budi D.W. Hartanto" in got


def test_lowercase_title_then_an_unknown_name(nlp_rules):
    got = by_name(nlp_rules, "Fraksi itu menyampaikan pandangannya dengan jubir Sutarjo, serta fraksi lain.")
    assert got["Sutarjo"]["titles"] == ["jubir"]


def test_a_fuller_name_absorbs_earlier_short_ones(nlp_rules):
    text = (
        "“Siap,” kata Andi Saputra. “Oke,” ujar Wijaya. Kapolres Sintang AKBP Andi Saputra Wijaya hadir. "
        "Kapolsek Melawi Iptu Rudi Hartono juga hadir."
    )
    got = by_name(nlp_rules, text)
    assert set(got) == {"Andi Saputra Wijaya", "Rudi Hartono"}
    assert set(got["Andi Saputra Wijaya"]["aliases"]) >= {"Andi Saputra", "Wijaya"}


def test_honorifics_before_a_name_in_apposition(nlp_rules):
    got = by_name(
        nlp_rules, "Menurut Prof. Dr. Nurhadi Susanto, guru besar Universitas Tanjungpura, inflasi turun."
    )
    assert got["Nurhadi Susanto"]["honorifics"] == ["Prof.", "Dr."]
    assert got["Nurhadi Susanto"]["titles"] == ["guru besar Universitas Tanjungpura"]


def test_pronoun_with_a_post_refers_to_the_sentence_subject(nlp_rules):
    text = (
        "Kolonel Inf Bayu Permana resmi menjabat Danrem 121/Alambhana Wanawai. "
        "Sebelumnya, dia menjabat Dandim 1207/Pontianak selama dua tahun."
    )
    (p,) = people(nlp_rules, text)
    assert p["name"] == "Bayu Permana"
    assert p["titles"] == ["Danrem 121/Alambhana Wanawai", "Dandim 1207/Pontianak"]
    assert any(m["rule"] == "pronoun_cue" for m in p["mentions"])


def test_speaker_after_speech_cue(nlp_rules):
    text = "“Kami siap membantu,” kata Andreas Pardede di lokasi."
    assert "Andreas Pardede" in by_name(nlp_rules, text)


# -- negatives -------------------------------------------------------------------------------------------
NOT_PEOPLE = [
    "Pembangunan Ibu Kota Nusantara terus dikebut pemerintah.",
    "Polres Sintang mengatakan kasus itu masih diselidiki.",
    "Pelantikan bupati dijadwalkan pekan depan di Gedung Pancasila.",
    "Bupati Sintang mengatakan program itu akan dilanjutkan.",
    "Para peserta, korban dan warga memadati halaman kantor desa.",
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_no_person(nlp_rules, text):
    assert people(nlp_rules, text) == []


# -- journalists in the credits are bylines, not people ---------------------------------------------------
def test_byline_names_are_not_people(nlp_rules):
    text = "Kapolres Landak AKBP Hendra Wijaya memimpin apel. Penulis: Rudi Hartono"
    doc = nlp_rules.make_doc(text)
    for name, proc in nlp_rules.pipeline:
        if name == "kalbar_people":
            start = text.index("Rudi")
            doc.spans["kalbar_bylines"] = [doc.char_span(start, len(text), label="writer")]
        doc = proc(doc)
    assert [p["name"] for p in doc._.kalbar_people] == ["Hendra Wijaya"]


# -- helpers for the quotes component ----------------------------------------------------------------------
def test_helpers_resolve_mentions_and_titles(nlp_rules):
    text = (
        "Kepala Dinas Kesehatan Kabupaten Ketapang, Ratna Dewi membuka posyandu. "
        "Kapolres Ketapang AKBP Joko Susilo ikut hadir. Kadis mengatakan imunisasi gratis."
    )
    doc = nlp_rules(text)
    names = [p["name"] for p in doc._.kalbar_people]
    assert names == ["Ratna Dewi", "Joko Susilo"]
    spans = doc.spans[people_mod.SPAN_KEY]
    assert all(isinstance(s, Span) for s in spans)
    # the bare title "Kadis" points to Ratna Dewi, whose post is Kepala Dinas
    kadis = next(s for s in spans if s.text == "Kadis")
    assert int(kadis.kb_id_) == 0
    assert people_mod.resolve_mention(doc, kadis.start, kadis.end) == 0
    joko = text.index("Joko")
    assert people_mod.resolve_char_span(doc, joko, joko + 4) == 1
    assert people_mod.person_by_title(doc, "Kapolres") == 1
    assert people_mod.person_by_title(doc, "Kepala Dinas Kesehatan") == 0
    assert people_mod.person_by_title(doc, "Camat") is None
    assert people_mod.person_by_name(doc, "Ratna") == 0
    assert people_mod.person_by_name(doc, "Siti") is None
    with pytest.raises(ValueError, match="title_text"):
        people_mod.person_by_title(doc, "  ")
    with pytest.raises(ValueError, match="start"):
        people_mod.resolve_mention(doc, 5, 2)


def test_full_pipeline_contract(nlp):
    doc = nlp("Bupati Sintang Jarot Winarno membuka pameran. Jarot mengatakan pameran digelar tiap tahun.")
    for p in doc._.kalbar_people:
        assert set(p) >= {"name", "aliases", "titles", "mentions", "positions", "ranks", "honorifics", "rule"}
        assert p["name"] not in p["aliases"]
    assert any(
        p["name"] == "Jarot Winarno" and p["titles"] == ["Bupati Sintang"] for p in doc._.kalbar_people
    )


@pytest.mark.parametrize(
    "text,word",
    [
        ("Kendati hujan deras, warga tetap datang ke lapangan.", "Kendati"),
        ("Tujuannya agar warga tertib saat antre bantuan.", "Tujuannya"),
        ("Artinya pasokan beras masih aman sampai akhir tahun.", "Artinya"),
    ],
)
def test_sentence_openers_the_ner_took_for_names_are_no_people(nlp_rules, text, word):
    doc = nlp_rules.make_doc(text)
    for name, proc in nlp_rules.pipeline:
        if name == "kalbar_dateline":
            doc.ents = [doc.char_span(0, len(word), label="PER")]
        doc = proc(doc)
    assert doc._.kalbar_people == []


def test_a_deputy_post_is_another_post(nlp_rules):
    got = by_name(nlp_rules, "Acara itu dihadiri Bupati Sintang Jarot Winarno dan Wakil Bupati Sintang.")
    assert got["Jarot Winarno"]["titles"] == ["Bupati Sintang"]


# -- a place that ends inside a name --------------------------------------------------------------
def test_name_starts_after_the_place_of_the_title(nlp_rules):
    text = (
        "Mantan Ketua DPRD Kapuas Hulu, Kalbar Hendri Saputra ditahan jaksa. "
        "Hendri diduga terlibat korupsi proyek jalan."
    )
    assert set(by_name(nlp_rules, text)) == {"Hendri Saputra"}


def test_name_starts_after_the_body_the_ner_ran_over(nlp):
    text = '"Tadi dicek dari kamera pengawas," ungkap petugas keamanan Pemkot Singkawang Budi Hartono.'
    assert set(by_name(nlp, text)) == {"Budi Hartono"}


def test_place_word_inside_a_name_stays(nlp_rules):
    text = "Menurut Made Bali Wirawan, upacara adat itu digelar di pura desa."
    assert set(by_name(nlp_rules, text)) == {"Made Bali Wirawan"}


# -- a street's hero is no person -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Massa berunjuk rasa di depan kantor wali kota di Jalan Kapten Maulana Lubis, Selasa.",
        "Kecelakaan terjadi di Jalan Jenderal Ahmad Yani, Pontianak.",
        "Toko itu berada di Jl. Letjen Suprapto nomor 5.",
        "Warga Gang Haji Abdul Manan mengeluhkan banjir.",
    ],
)
def test_street_hero_is_no_person(nlp, text):
    assert people(nlp, text) == []


def test_person_after_the_word_jalan_in_a_clause_stays(nlp):
    text = "Saat di jalan, Kapten Budi Santoso melihat kecelakaan itu. Budi lalu menolong korban."
    assert set(by_name(nlp, text)) == {"Budi Santoso"}


# -- a nickname in quotation marks inside a name ---------------------------------------------------
def test_quoted_nickname_inside_a_name(nlp):
    text = (
        "Sementara itu, Wali Kota Singkawang Hendra 'Aheng' Wijaya menargetkan pemilihan ketua RT "
        "digelar November. Aheng menilai pemilihan itu penting bagi warga."
    )
    (person,) = people(nlp, text)
    assert person["name"] == "Hendra Wijaya"
    assert "Aheng" in person["aliases"]
    assert person["titles"] == ["Wali Kota Singkawang"]


def test_quoted_word_after_a_name_is_no_nickname(nlp_rules):
    text = 'Camat Sungai Kakap Budi Santoso menyebut program itu "Gerakan" warga, bukan proyek dinas.'
    assert set(by_name(nlp_rules, text)) == {"Budi Santoso"}


# -- a body's acronym is no person ------------------------------------------------------------------
def test_acronym_after_a_title_and_a_comma_is_no_holder(nlp_rules):
    text = (
        '"Kami koordinasi dengan Kapolres Kubu Raya, Forkopimda juga, untuk mengatasi tawuran," '
        "kata Budi Santoso."
    )
    assert set(by_name(nlp_rules, text)) == {"Budi Santoso"}


def test_long_acronym_after_a_role_word_is_no_initials(nlp_rules):
    text = "Pameran itu diikuti pelaku UMKM dari tujuh kecamatan."
    assert people(nlp_rules, text) == []


def test_short_initials_after_a_cue_stay(nlp_rules):
    text = "Polisi menangkap dua tersangka berinisial AS (31) dan RK (25) di rumahnya."
    assert {"AS", "RK"} <= set(by_name(nlp_rules, text))


# -- an acting post is a post of its own -------------------------------------------------------------
def test_acting_post_and_substantive_post_are_two_posts(nlp_rules):
    text = (
        "Rina Marlina dilantik sebagai Plt Bupati Melawi pada Maret. "
        "Tiga bulan kemudian, Bupati Melawi Rina Marlina dilantik secara definitif."
    )
    person = by_name(nlp_rules, text)["Rina Marlina"]
    assert set(person["titles"]) == {"Plt Bupati Melawi", "Bupati Melawi"}


def test_one_acting_post_written_twice_stays_one_post(nlp_rules):
    # near miss: the same acting post in a short and a long form is one post
    text = (
        "Plt Bupati Melawi Rina Marlina membuka rapat. "
        "Pelaksana Tugas Bupati Melawi Rina Marlina mengatakan anggaran cukup."
    )
    person = by_name(nlp_rules, text)["Rina Marlina"]
    assert person["titles"] == ["Pelaksana Tugas Bupati Melawi"]


# -- a title with a demonstrative points back across a few paragraphs --------------------------------
FILLER = (
    "Kegiatan senam itu diikuti ratusan warga dari berbagai desa dan berlangsung meriah sejak pagi "
    "hingga siang hari dengan iringan musik daerah serta pembagian hadiah kepada para peserta. "
)


def test_former_post_with_demonstrative_points_back_a_few_paragraphs(nlp_rules):
    text = (
        "Ketua panitia, Hendra Gunawan, membuka acara itu di lapangan desa, Minggu. "
        + FILLER * 3
        + "Ditanya soal pencalonannya, mantan Pj Bupati Sambas itu mengaku sudah siap."
    )
    p = by_name(nlp_rules, text)["Hendra Gunawan"]
    assert "mantan Pj Bupati Sambas" in p["titles"]


def test_former_post_with_demonstrative_far_beyond_reach_has_no_holder(nlp_rules):
    # near miss: many paragraphs without any name in between are too far to point back
    text = (
        "Ketua panitia, Hendra Gunawan, membuka acara itu di lapangan desa, Minggu. "
        + FILLER * 12
        + "Ditanya soal pencalonannya, mantan Pj Bupati Sambas itu mengaku sudah siap."
    )
    p = by_name(nlp_rules, text)["Hendra Gunawan"]
    assert "mantan Pj Bupati Sambas" not in p["titles"]


def test_pria_yang_juga_title_itu_points_back_to_the_person(nlp_rules):
    text = (
        "“Anggaran sudah cukup,” kata Agus Salim di kantornya, Senin. "
        "Pria yang juga Asisten II Setda Melawi itu meminta dinas berhemat."
    )
    found = by_name(nlp_rules, text)
    assert "Pria" not in found
    assert found["Agus Salim"]["titles"] == ["Asisten II Setda Melawi"]


def test_name_with_a_given_word_after_a_title_stays_a_person(nlp_rules):
    # near miss: a capitalised word that is a given name still opens a holder's name
    found = by_name(nlp_rules, "Asisten II Setda Melawi Agus Salim menyebut anggaran sudah cukup.")
    assert found["Agus Salim"]["titles"] == ["Asisten II Setda Melawi"]


def test_post_chained_to_a_demonstrative_post_points_back(nlp_rules):
    text = (
        "“Itu fitnah,” kata Saifudin Yusuf di Surabaya, Senin. Ketika dikonfirmasi, Mantan Wagub Jatim "
        "yang saat ini juga menjabat Wali Kota Pasuruan itu mengirimkan video klarifikasi."
    )
    person = by_name(nlp_rules, text)["Saifudin Yusuf"]
    assert set(person["titles"]) == {"Mantan Wagub Jatim", "Wali Kota Pasuruan"}


def test_post_joined_by_dan_to_a_demonstrative_post_stays_apart(nlp_rules):
    # near miss: no cue word (menjabat, juga, sebagai) joins the two posts
    text = (
        "“Itu fitnah,” kata Saifudin Yusuf di Surabaya, Senin. Ketika dikonfirmasi, Mantan Wagub Jatim "
        "dan Wali Kota Pasuruan itu mengirimkan video klarifikasi."
    )
    assert by_name(nlp_rules, text)["Saifudin Yusuf"]["titles"] == ["Wali Kota Pasuruan"]


# -- one post written with an acronym and a short place, and in full ---------------------------------
def test_post_with_acronym_and_post_in_full_are_one_post(nlp_rules):
    text = (
        "Kadis PUPR Madina Rina Marlina diperiksa jaksa. "
        "Sebelumnya, Kepala Dinas PUPR Kabupaten Mandailing Natal Rina Marlina membantah tuduhan itu."
    )
    person = by_name(nlp_rules, text)["Rina Marlina"]
    assert person["titles"] == ["Kepala Dinas PUPR Kabupaten Mandailing Natal"]


def test_post_of_another_office_in_the_same_region_stays_apart(nlp_rules):
    # near miss: the words differ (Sekretaris, not Kepala Dinas), so two posts
    text = (
        "Kadis PUPR Madina Rina Marlina diperiksa jaksa. "
        "Kini Sekretaris Dinas PUPR Kabupaten Mandailing Natal Rina Marlina membantah tuduhan itu."
    )
    person = by_name(nlp_rules, text)["Rina Marlina"]
    assert len(person["titles"]) == 2
