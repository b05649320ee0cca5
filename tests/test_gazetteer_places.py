"""Locations: where a place's name ends, and what is no place.

Every sentence here is written for these tests (invented people and events).
"""

from __future__ import annotations

import pytest


def _forms(doc):
    return {form for loc in doc._.kalbar_locations for form in [loc["name"], *loc.get("aliases", [])]}


# ------------------------------------------------ a place ends where the article writes it on its own
def test_village_before_its_head_ends_at_the_form_written_alone(nlp_rules):
    text = (
        "Puluhan warga Desa Sungai Asam, Kecamatan Sungai Raya mendatangi kantor desa. "
        "Kepala Desa Sungai Asam Budi Santoso mengatakan seleksi perangkat desa sudah sesuai aturan."
    )
    doc = nlp_rules(text)
    forms = _forms(doc)
    assert "Desa Sungai Asam" in forms or "Sungai Asam" in forms
    assert not any("Budi" in form for form in forms)
    assert "Budi Santoso" in {person["name"] for person in doc._.kalbar_people}


def test_venue_and_the_regency_after_it(nlp_rules):
    text = (
        "Laga persahabatan digelar di Stadion Panglima Sudirman Kabupaten Sanggau, Sabtu. "
        "Latihan terakhir juga berlangsung di Stadion Panglima Sudirman."
    )
    forms = _forms(nlp_rules(text))
    assert "Stadion Panglima Sudirman" in forms
    assert "Sanggau" in forms or "Kabupaten Sanggau" in forms
    assert "Stadion Panglima Sudirman Kabupaten Sanggau" not in forms


def test_venue_head_of_mosque_is_no_part_of_the_mosque(nlp):
    text = (
        "Kurban dibagikan di Masjid Al-Ikhlas Sukamaju, Sabtu. "
        '"Kami ingin kurban tanpa plastik," ujar Ketua Takmir Masjid Al-Ikhlas Sukamaju Hasanuddin.'
    )
    doc = nlp(text)
    assert "Masjid Al-Ikhlas Sukamaju" in _forms(doc)
    assert "Hasanuddin" in {person["name"] for person in doc._.kalbar_people}


def test_a_word_that_goes_on_the_name_is_not_cut(nlp_rules):
    text = "Pedagang Pasar Flamboyan pindah ke Pasar Flamboyan Baru sejak Senin."
    forms = _forms(nlp_rules(text))
    assert "Pasar Flamboyan Baru" in forms


def test_shorter_form_that_runs_on_is_no_evidence(nlp_rules):
    text = (
        "Unjuk rasa digelar di Jalan Kapten Abdul Hamid, Selasa. "
        "Massa kemudian bergerak dari Jalan Kapten Abdul Hamid menuju kantor wali kota."
    )
    assert "Jalan Kapten Abdul Hamid" in _forms(nlp_rules(text))


# ------------------------------------------------ an admin word before a status names no place
def test_status_after_an_admin_word_is_no_place(nlp_rules):
    text = (
        "Pemerintah menargetkan seratus Desa Digital tahun ini. Kabupaten Informatif diumumkan "
        "Komisi Informasi. Warga Desa Sungai Kunyit ikut pelatihan."
    )
    forms = _forms(nlp_rules(text))
    assert not any(form.endswith(("Digital", "Informatif")) for form in forms)
    assert "Desa Sungai Kunyit" in forms or "Sungai Kunyit" in forms


def test_village_named_with_a_status_word_stays(nlp_rules):
    text = "Bantuan bibit dibagikan kepada petani Desa Mandiri Jaya, Senin."
    forms = _forms(nlp_rules(text))
    assert "Desa Mandiri Jaya" in forms or "Mandiri Jaya" in forms


# ------------------------------------------------ a head and generic words name no place
def test_generic_words_with_an_acronym_name_no_venue(nlp_rules):
    text = "Pemkot menambah Ruang Terbuka Hijau (RTH) di pusat kota dan merawat Ruang Terbuka Hijau Kamboja."
    forms = _forms(nlp_rules(text))
    assert "Ruang Terbuka Hijau" not in forms
    assert "Ruang Terbuka Hijau Kamboja" in forms


def test_generic_words_from_the_model_name_no_place(nlp):
    text = (
        "Harga cabai di Pasar Tradisional naik sejak pekan lalu. "
        "Pedagang di Pasar Flamboyan juga mengeluhkan pasokan yang berkurang."
    )
    forms = _forms(nlp(text))
    assert "Pasar Tradisional" not in forms
    assert "Pasar Flamboyan" in forms


def test_region_with_a_generic_word_from_the_model_stays(nlp):
    text = "Wisatawan memadati kawasan wisata di Malang Raya selama libur panjang."
    assert "Malang Raya" in _forms(nlp(text))


# ------------------------------------------------ a bare name shared by a regency and its district
def test_bare_name_beside_its_district_is_the_regency(nlp_rules):
    text = (
        "Banjir merendam rumah warga Kelurahan Kapuas Kiri Hulu, Kecamatan Sintang. "
        "Bupati Sintang meninjau lokasi. Hujan di Sintang belum reda."
    )
    locs = {loc["name"]: loc for loc in nlp_rules(text)._.kalbar_locations}
    kinds = {loc["kind"] for loc in locs.values()}
    assert {"district", "regency"} <= kinds
    assert locs["Sintang"]["kind"] == "regency"


def test_name_after_a_district_word_stays_the_district(nlp_rules):
    text = "Camat Sintang memimpin rapat. Kecamatan Sintang punya dua puskesmas."
    kinds = {loc["kind"] for loc in nlp_rules(text)._.kalbar_locations}
    assert kinds == {"district"}


# ------------------------------------------------ brands before a venue's head, roads between places
def test_brand_before_a_venue_head_is_part_of_its_name(nlp_rules):
    text = "Diskon digelar di tujuh mal, dari Ayani Mega Mall hingga Lippo Mall Kemang dan Lippo Mall Puri."
    forms = _forms(nlp_rules(text))
    assert {"Lippo Mall Kemang", "Lippo Mall Puri"} <= forms
    assert "Mall Kemang" not in forms


def test_first_word_of_a_sentence_is_no_brand(nlp_rules):
    text = "Banjir merendam parkiran. Pengunjung Mall Ayani diminta memindahkan kendaraan."
    forms = _forms(nlp_rules(text))
    assert "Mall Ayani" in forms
    assert not any(form.startswith("Pengunjung") for form in forms)


def test_road_between_two_places_is_one_road(nlp_rules):
    text = "Kecelakaan terjadi di Jalan Pontianak - Sungai Pinyuh, Kabupaten Mempawah, Senin pagi."
    forms = _forms(nlp_rules(text))
    assert "Jalan Pontianak - Sungai Pinyuh" in forms


def test_dash_before_a_name_that_is_no_place_ends_the_road(nlp_rules):
    text = "Ia tinggal di Jalan Gajah Mada - Budi Santoso, tetangganya, tinggal di seberang."
    forms = _forms(nlp_rules(text))
    assert "Jalan Gajah Mada" in forms


# ------------------------------------------------ a head that opens a region's own name
def test_province_named_with_a_place_head_joins_its_short_form(nlp_rules):
    text = (
        "Polisi merazia pasar di Dabo Singkep, Kabupaten Lingga, Provinsi Kepulauan Riau (Kepri), Senin. "
        "Razia serupa digelar di seluruh Kepri."
    )
    locs = nlp_rules(text)._.kalbar_locations
    riau = [loc for loc in locs if "Riau" in loc["name"] or loc["name"] == "Kepri"]
    assert len(riau) == 1
    assert riau[0]["code"] == "21"
    assert "Kepri" in {riau[0]["name"], *riau[0]["aliases"]}


def test_island_that_is_no_region_stays_a_place(nlp_rules):
    text = "Wisatawan menyeberang ke Pulau Randayan dan Pulau Lemukutan setiap akhir pekan."
    locs = {loc["name"]: loc for loc in nlp_rules(text)._.kalbar_locations}
    assert locs["Pulau Randayan"]["kind"] == "other"


# ------------------------------------------------ a head written in lower case
def test_place_after_a_lower_case_head(nlp_rules):
    text = (
        "Rombongan melintas di jalan Tanjungpura dari arah barat. "
        "Korban tinggal di kelurahan Sungai Bangkong."
    )
    forms = {form.casefold() for form in _forms(nlp_rules(text))}
    assert {"jalan tanjungpura", "kelurahan sungai bangkong"} <= forms


def test_lower_case_head_before_a_generic_word_or_a_clause_is_no_place(nlp_rules):
    text = "Ia berjalan di jalan Raya menuju pasar. Di desa, Budi Santoso bertani."
    assert _forms(nlp_rules(text)) == set()


# ------------------------------------------------ an area word before a region
def test_area_word_before_a_region_leaves_the_region(nlp_rules):
    text = "Tawuran terjadi di Kawasan Duren Sawit, Jakarta Timur, Sabtu malam."
    forms = _forms(nlp_rules(text))
    assert "Duren Sawit" in forms
    assert "Kawasan Duren Sawit" not in forms


def test_area_with_a_name_of_its_own_stays(nlp_rules):
    text = "Patroli digelar di Kawasan Industri Wijayakusuma dan Kawasan Puncak."
    forms = _forms(nlp_rules(text))
    assert {"Kawasan Industri Wijayakusuma", "Kawasan Puncak"} <= forms


def test_noun_before_a_venue_head_is_no_brand(nlp_rules):
    text = "Jaksa menyelidiki korupsi Pembangunan Hotel Kapuas Permai di Sanggau."
    forms = _forms(nlp_rules(text))
    assert "Hotel Kapuas Permai" in forms
    assert not any(form.startswith("Pembangunan") for form in forms)


# ------------------------------------------ prisons are bodies; the town they are named after is a place
def _org_forms(doc):
    return {form for org in doc._.kalbar_organizations for form in [org["name"], *org.get("aliases", [])]}


def test_prison_is_an_organisation_and_its_district_a_place(nlp_rules):
    doc = nlp_rules("Petugas Lapas Kotabumi menggelar razia kamar hunian warga binaan, Senin malam.")
    assert "Lapas Kotabumi" in _org_forms(doc)
    assert "Lapas Kotabumi" not in _forms(doc)
    assert "Kotabumi" in _forms(doc)


def test_district_name_inside_another_name_is_no_place(nlp_rules):
    # near miss: a district's name after a capitalised word that is no prison or district body
    doc = nlp_rules("Warga menonton pertunjukan Sanggar Kotabumi di halaman balai desa.")
    assert "Kotabumi" not in _forms(doc)


# ------------------------------------------------ spellings news uses beside the official names
def test_split_spelling_of_a_jakarta_district(nlp_rules):
    forms = _forms(nlp_rules("Tawuran remaja pecah di Kramat Jati, Jakarta Timur, Minggu dini hari."))
    assert "Kramat Jati" in forms


def test_one_half_of_a_split_spelling_is_no_place(nlp_rules):
    # near miss: the first half alone names no district of that spelling
    forms = _forms(nlp_rules("Warga menanam pohon jati di halaman sekolah, Senin."))
    assert not any("Jati" in form for form in forms)


def test_wall_street_is_a_place(nlp_rules):
    forms = _forms(nlp_rules("Indeks saham di Wall Street ditutup menguat pada Kamis waktu setempat."))
    assert "Wall Street" in forms


# ------------------------------------------------ a bare name beside the same place written in full
def _names(doc):
    return [loc["name"] for loc in doc._.kalbar_locations]


def test_bare_name_joins_the_village_written_with_its_prefix(nlp_rules):
    doc = nlp_rules(
        "Program itu diluncurkan di Desa Ciwaru, Kabupaten Sukabumi. Nelayan di Ciwaru menyambut baik."
    )
    names = _names(doc)
    assert "Desa Ciwaru" in names
    assert "Ciwaru" not in names


def test_pekon_is_a_village_prefix_too(nlp_rules):
    doc = nlp_rules("Warga Pekon Sukamaju menanam padi. Hasil panen di Sukamaju melimpah tahun ini.")
    assert "Sukamaju" not in _names(doc)


def test_village_district_and_regency_of_one_name_stay_apart(nlp_rules):
    # near miss: every mention carries its own prefix, or names the regency (Bupati Sambas)
    doc = nlp_rules(
        "Banjir melanda Desa Sambas, Kecamatan Sambas, Kabupaten Sambas. Bupati Sambas meninjau lokasi."
    )
    names = _names(doc)
    assert "Desa Sambas" in names
    assert "Kecamatan Sambas" in names
    assert "Sambas" in names


def test_place_written_with_and_without_its_qualifier_is_one(nlp_rules):
    doc = nlp_rules(
        "Pesawat mendarat di Bandara Internasional Supadio, Kubu Raya. "
        "Penumpang di Bandara Supadio mengantre."
    )
    names = _names(doc)
    assert "Bandara Internasional Supadio" in names
    assert "Bandara Supadio" not in names


def test_two_airports_stay_two_places(nlp_rules):
    # near miss: the names differ by more than a qualifier
    doc = nlp_rules("Pesawat terbang dari Bandara Internasional Supadio menuju Bandara Juwata di Tarakan.")
    names = _names(doc)
    assert "Bandara Internasional Supadio" in names
    assert "Bandara Juwata" in names


def test_place_read_from_its_acronym_is_one_place(nlp_rules):
    doc = nlp_rules("Transformasi sosial di IKN Nusantara berjalan. Pembangunan IKN terus dikebut tahun ini.")
    assert len([name for name in _names(doc) if "IKN" in name]) == 1


def test_acronym_place_and_a_region_stay_apart(nlp_rules):
    # near miss: the acronym's place is no region of the same text
    doc = nlp_rules("Pembangunan IKN di Kabupaten Penajam Paser Utara terus dikebut tahun ini.")
    names = _names(doc)
    assert "IKN" in names
    assert any("Penajam Paser Utara" in name for name in names)


def test_call_center_is_a_service_not_a_place(nlp_rules):
    forms = _forms(
        nlp_rules("Polres Lingga membuka layanan pengaduan melalui Call Center 110 selama 24 jam.")
    )
    assert "Call Center" not in forms


def test_named_center_stays_a_venue(nlp_rules):
    # near miss: a brand before the suffix names a building
    forms = _forms(nlp_rules("Pameran UMKM digelar di Jogja Expo Center, Sabtu pagi."))
    assert "Jogja Expo Center" in forms


# ------------------------------------------------ roads named after heroes with ranks
def test_road_named_after_a_hero_with_a_rank_keeps_the_name(nlp):
    forms = _forms(
        nlp("Massa berunjuk rasa di Jalan Kapten Maulana Lubis, Selasa. Arus di Jalan Letjen Suprapto padat.")
    )
    assert "Jalan Kapten Maulana Lubis" in forms
    assert "Jalan Letjen Suprapto" in forms


def test_road_hero_stops_before_the_city(nlp):
    # near miss: the city after the hero's name is no part of the road
    forms = _forms(nlp("Rumah korban berada di Jalan Mayjen Sungkono Surabaya, Jawa Timur."))
    assert "Jalan Mayjen Sungkono Surabaya" not in forms


def test_road_ends_before_the_city_written_with_its_prefix(nlp_rules):
    forms = _forms(
        nlp_rules("Sejumlah pedagang di Jalan Ahmad Yani Kota Banjarbaru mengeluhkan sepinya pembeli.")
    )
    assert "Jalan Ahmad Yani" in forms
    assert "Jalan Ahmad Yani Kota Banjarbaru" not in forms


def test_road_whose_name_is_a_region_keeps_it(nlp_rules):
    # near miss: the region right after the head is the road's own name
    forms = _forms(nlp_rules("Truk terguling di Jalan Kota Baru, Senin pagi."))
    assert not any(form == "Jalan" for form in forms)


# ------------------------------------------------ points of abbreviations inside a road's name
@pytest.mark.parametrize(
    "text,road",
    [
        ("Kecelakaan terjadi di Jalan Dr. Soedarso, Pontianak, Senin.", "Jalan Dr. Soedarso"),
        ("Arus lalu lintas di Jl. A. Yani padat merayap.", "Jl. A. Yani"),
        ("Pawai budaya melintas Jalan Jend. Sudirman pada Minggu pagi.", "Jalan Jend. Sudirman"),
        ("Warga Jl. H. Rais A. Rachman ikut kerja bakti.", "Jl. H. Rais A. Rachman"),
    ],
)
def test_abbreviation_point_inside_a_road_name(nlp, text, road):
    assert road in _forms(nlp(text))


def test_initial_that_ends_a_sentence_joins_no_name(nlp_rules):
    # near miss: the point after an initial, then a new sentence
    forms = _forms(nlp_rules("Pelaku berinisial K. Polisi menangkapnya di Desa Sungai Asam, Senin."))
    assert not any(form.startswith("K.") for form in forms)
    assert "Desa Sungai Asam" in forms


def test_abbreviation_point_near_the_end_of_the_text(nlp_rules):
    # the look past an abbreviation's point stops at the last token
    assert "Jalan Dr. Soedarso" in _forms(nlp_rules("Rapat warga digelar di Jalan Dr. Soedarso"))
