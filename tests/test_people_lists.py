"""People named only by initials in lists of suspects and victims, and other list shapes."""

from __future__ import annotations

import pytest


def names(nlp, text: str) -> set[str]:
    import kalbar_nlp

    return {p["name"] for p in kalbar_nlp.parse(text, nlp=nlp).to_dict()["people"]}


def test_single_letters_with_ages_after_berinisial(nlp_rules):
    got = names(nlp_rules, "Pelaku mencabuli dua anak berinisial S (6) dan Z (7) di Kampung Sungai Raya.")
    assert {"S", "Z"} <= got


def test_initials_after_a_suspect_word(nlp_rules):
    got = names(nlp_rules, "Kemudian tersangka UA dan ZI diamankan di wilayah hukum Polda Kalbar.")
    assert {"UA", "ZI"} <= got


def test_list_of_suspects_with_ages(nlp_rules):
    text = (
        "Identitas para tersangka adalah ZM (37), narapidana kasus narkotika, M (33), "
        "narapidana kasus pencurian, dan T (41), narapidana kasus narkotika."
    )
    assert {"ZM", "M", "T"} <= names(nlp_rules, text)


def test_short_names_before_ages_after_inisial(nlp_rules):
    got = names(nlp_rules, "Tiga tukang palak inisial Ya (22), Sup (41) dan AT (39) ditangkap polisi.")
    assert {"Ya", "Sup", "AT"} <= got


def test_one_capital_right_after_berinisial(nlp_rules):
    got = names(nlp_rules, "Kemudian, kedua pelaku berinisial K ditangkap di wilayah Polda Kalbar.")
    assert "K" in got
    got = names(nlp_rules, "Identitas korban inisial W usia 24 tahun, warga Kelurahan Sungai Jawi.")
    assert "W" in got


def test_initials_that_end_the_sentence_lose_the_full_stop(nlp_rules):
    text = "Sabu itu diperoleh dari seseorang berinisial RM. Pada Kamis, RM diamankan di Desa Sungai Asam."
    got = names(nlp_rules, text)
    assert "RM" in got
    assert "RM." not in got


def test_one_capital_after_a_suspect_word_needs_an_age(nlp_rules):
    # near miss: only `berinisial`/`inisial` make a bare capital an initial
    assert "B" not in names(nlp_rules, "Polisi menangkap pelaku B dan kawan-kawannya di pasar.")


@pytest.mark.parametrize(
    "text,not_a_person",
    [
        ("Tersangka KPK diperiksa penyidik pada Senin.", "KPK"),
        ("Para korban PT Maju Jaya melapor ke polisi.", "PT"),
        ("Seorang korban A tidak dikenal.", "A"),
        ("Nilai siswa kelas A (12) naik.", "A"),
    ],
)
def test_acronyms_and_bare_letters_are_no_initials(nlp_rules, text, not_a_person):
    assert not_a_person not in names(nlp_rules, text)


def test_a_pair_joined_by_a_hyphen_is_two_people(nlp):
    text = "Diketahui, jabatan Rudi Hartono Wijaya-Sari Wulandari akan habis pada Senin."
    got = names(nlp, text)
    assert "Rudi Hartono Wijaya-Sari Wulandari" not in got
    assert got <= {"Rudi Hartono Wijaya", "Sari Wulandari"}


def test_a_road_named_after_two_people_is_no_person(nlp):
    assert names(nlp, "Car free night digelar di sepanjang Sudirman-Thamrin pada Sabtu malam.") == set()


def test_nickname_in_parentheses_the_ner_also_found(nlp):
    import kalbar_nlp

    text = (
        "Dana itu diberikan kepada Sekjen PWNU Kalbar Saifullah Yasin (Gus Ipul) sebesar Rp 10 juta. "
        "Gus Ipul tidak tinggal diam dan melapor ke polisi."
    )
    people = kalbar_nlp.parse(text, nlp=nlp).to_dict()["people"]
    holder = next(p for p in people if p["name"] == "Saifullah Yasin")
    assert "Gus Ipul" in holder["aliases"]
    assert "Gus Ipul" not in {p["name"] for p in people}


def test_two_short_names_joined_by_a_hyphen_before_a_cue(nlp_rules):
    got = names(nlp_rules, "Rudi-Sari dilantik sebagai Bupati dan Wakil Bupati Sambas pada 2021.")
    assert "Rudi-Sari" not in got


@pytest.mark.parametrize(
    "text,not_a_person",
    [
        ("Warga berkumpul di Simpang Garuda sejak pagi.", "Simpang Garuda"),
        ("Orang Tua siswa diminta hadir di sekolah.", "Orang Tua"),
    ],
)
def test_place_and_common_openers_are_no_names(nlp_rules, text, not_a_person):
    assert not_a_person not in names(nlp_rules, text)


def test_religious_order_suffix_and_honorific_are_no_name(nlp_rules):
    got = names(nlp_rules, "Misa dipimpin oleh Pastor Yohanes Lamere SVD, kata Habib Ahmad Alatas.")
    assert {"Yohanes Lamere", "Ahmad Alatas"} <= got


def test_title_with_ini_points_back_to_the_person_just_named(nlp_rules):
    import kalbar_nlp

    text = (
        "“Jalan itu harus segera diperbaiki,” kata Paulus Hadinata di Sanggau, Senin. "
        "Mantan Bupati Sanggau ini juga meminta warga bersabar."
    )
    (person,) = kalbar_nlp.parse(text, nlp=nlp_rules).to_dict()["people"]
    assert person["name"] == "Paulus Hadinata"
    assert person["titles"] == ["Mantan Bupati Sanggau"]


# ------------------------------------------------ regional name prefixes are part of the name
@pytest.mark.parametrize(
    "text,name",
    [
        ("Bantuan itu diserahkan oleh Lalu Muhammad Iqbal di Mataram, Senin.", "Lalu Muhammad Iqbal"),
        ("Baiq Nurul Hidayati hadir bersama warga dalam acara itu.", "Baiq Nurul Hidayati"),
        ("Pemenang lomba adalah I Made Sudarsana dari Gianyar.", "I Made Sudarsana"),
        ("Murid-murid membaca kisah Ki Hajar Dewantara di kelas.", "Ki Hajar Dewantara"),
        ("Warga mengenang perjuangan Teuku Umar di Meulaboh.", "Teuku Umar"),
        ("Sekolah itu dinamai sesuai pahlawan Aceh, Cut Nyak Dhien, oleh warga.", "Cut Nyak Dhien"),
        ("Hadiah diserahkan kepada Ni Ayu Kartika dari Tabanan.", "Ni Ayu Kartika"),
    ],
)
def test_regional_name_prefix_stays_in_the_name(nlp_rules, text, name):
    assert name in names(nlp_rules, text)


@pytest.mark.parametrize(
    "text,not_a_name",
    [
        # `Lalu` opening a sentence is the word "then"
        ("Petugas memeriksa lokasi. Lalu Kapolsek Sungai Raya meminta warga menjauh.", "Lalu Kapolsek"),
        # `I` before no Balinese name is a numeral
        ("Seorang napi Lapas Kelas I Medan kabur pada Minggu dini hari.", "I Medan"),
        # an acronym written in capitals is no prefix
        ("Ketua KI Aceh Nasruddin meminta badan publik terbuka.", "KI Aceh Nasruddin"),
    ],
)
def test_prefix_words_that_open_no_name(nlp_rules, text, not_a_name):
    assert not_a_name not in names(nlp_rules, text)


def test_a_name_ending_in_a_country_is_no_person(nlp_rules):
    text = "Anggota Amirul Hajj Indonesia meninjau pemondokan jamaah. Jamaah Indonesia tiba di Madinah."
    got = names(nlp_rules, text)
    assert not any(name.endswith("Indonesia") for name in got)


def test_person_after_a_body_ending_in_a_country_stays(nlp_rules):
    # near miss: the country ends the body's name, not the person's
    got = names(nlp_rules, "Ketua Umum PSSI Erick Thohir memuji Timnas Indonesia usai laga, Selasa.")
    assert "Erick Thohir" in got


def test_short_form_of_a_post_after_an_address_is_no_person(nlp_rules):
    got = names(nlp_rules, '"Pak Wali menerima usulan kami," kata Budi Santoso. Pak Gub juga hadir di sana.')
    assert "Wali" not in got
    assert "Gub" not in got
    assert "Budi Santoso" in got


def test_name_after_an_address_stays(nlp_rules):
    # near miss: a real name after the same address
    assert "Waluyo" in names(nlp_rules, "Pak Waluyo menerima usulan warga di kantornya, Senin.")


def test_name_after_nama_opening_with_a_given_name(nlp_rules):
    got = names(nlp_rules, "Dari hasil tes, muncul nama Fitria Ayu Lestari dengan nilai tertinggi.")
    assert "Fitria Ayu Lestari" in got


def test_shop_after_nama_is_no_person(nlp_rules):
    # near miss: the name after `nama` opens with no given name
    got = names(nlp_rules, "Usaha itu terdaftar dengan nama Toko Maju Jaya sejak tahun lalu.")
    assert not any("Toko" in name for name in got)


def test_owner_after_milik(nlp_rules):
    assert "Rahmat Hidayat" in names(
        nlp_rules, "Polisi mengungkap perampokan di warung milik Rahmat Hidayat, Senin."
    )
    # near miss: a body after milik is no person
    assert not names(nlp_rules, "Lahan itu milik Pemkab Sanggau sejak lama.")
