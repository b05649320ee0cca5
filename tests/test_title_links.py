"""More ways a title finds its holder: asides in parentheses, post-modifiers, numbered deputies."""

from __future__ import annotations

import pytest


def links(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    return [
        (t["title"], t["person"]["text"] if t["person"] else None, t["rule"]) for t in doc._.kalbar_titles
    ]


# -- name + (title): a title in parentheses after the name -------------------------------------------
def test_titles_in_parentheses_after_each_name(nlp_rules):
    text = (
        "Pertemuan itu dihadiri Ahmad Sarbani (mantan Bupati Sambas), Wendi Kurnia "
        "(mantan Wakil Bupati Landak), serta Rudi Hartawan (mantan Wali Kota Singkawang)."
    )
    found = links(nlp_rules, text)
    assert ("mantan Bupati Sambas", "Ahmad Sarbani", "name_paren_title") in found
    assert ("mantan Wakil Bupati Landak", "Wendi Kurnia", "name_paren_title") in found
    assert ("mantan Wali Kota Singkawang", "Rudi Hartawan", "name_paren_title") in found


def test_abbreviation_in_parentheses_is_no_title_of_the_name_before(nlp_rules):
    found = links(nlp_rules, "Data itu dirilis Badan Pusat Statistik (BPS) Kalbar pada Senin.")
    assert not [f for f in found if f[2] == "name_paren_title"]


# -- name + aside + comma + title: an age or nickname in parentheses is skipped ----------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Hal itu disampaikan KH Yahya Mansur (Gus Yahya), Ketua PWNU Kalbar, kemarin.",
            ("Ketua PWNU Kalbar", "Yahya Mansur", "name_comma_title"),
        ),
        (
            "“Daging dibagi rata,” jelas Ripai, S.H. (55), Ketua Panitia Kurban Masjid Al-Ikhlas, Sabtu.",
            ("Ketua Panitia Kurban Masjid Al-Ikhlas", "Ripai", "name_comma_title"),
        ),
    ],
)
def test_aside_between_name_and_title(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


# -- a post-modifier between the post and its holder belongs to the post -----------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Hari ini Gubernur Kalbar nonaktif Budi Santoso diperiksa penyidik.",
            ("Gubernur Kalbar nonaktif", "Budi Santoso", "title_name"),
        ),
        (
            "Bupati Landak nonaktif, Karolin Margareta, hadir di sidang itu.",
            ("Bupati Landak nonaktif", "Karolin Margareta", "title_comma_name"),
        ),
        ("Ketua terpilih Andi Wijaya berpidato.", ("Ketua terpilih", "Andi Wijaya", "title_name")),
    ],
)
def test_post_modifier_stays_in_the_title(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


def test_post_modifier_after_a_name_is_no_title_word(nlp_rules):
    found = links(nlp_rules, "Andi Wijaya terpilih menjadi Ketua KONI Sambas.")
    assert all("terpilih" not in title for title, _, _ in found)


# -- `I` after a post is a Roman numeral unless a Balinese name follows --------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Rapat didampingi Wakil Ketua I Ponco Nugroho dan anggota dewan.",
            ("Wakil Ketua I", "Ponco Nugroho", "title_name"),
        ),
        (
            "Rapat itu dihadiri Kepala Desa I Made Sudarsa.",
            ("Kepala Desa", "I Made Sudarsa", "title_name"),
        ),
        ("Warga diterima Lurah Ni Luh Sari.", ("Lurah", "Ni Luh Sari", "title_name")),
    ],
)
def test_roman_numeral_or_balinese_marker(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


# -- name, bare noun + verb: the noun is the next clause's subject, no apposition ----------------------
def test_bare_noun_before_a_verb_is_no_apposition(nlp_rules):
    found = links(nlp_rules, "Dari pemeriksaan itu, kata Victor Sitorus, penyidik menggali aliran dana.")
    assert not [f for f in found if f[1] == "Victor Sitorus"]


def test_bare_noun_before_its_field_is_an_apposition(nlp_rules):
    found = links(nlp_rules, "Hal itu diungkapkan Angga Saputra, koordinator aksi, di depan kantor DPRD.")
    assert ("koordinator aksi", "Angga Saputra", "name_comma_title") in found
    found = links(nlp_rules, "Pengamanan diatur Rudi Hartono, koordinator lapangan, sejak pagi.")
    assert ("koordinator lapangan", "Rudi Hartono", "name_comma_title") in found


def test_role_with_its_field_before_a_speech_verb(nlp_rules):
    found = links(nlp_rules, "Angga Saputra, koordinator aksi mengatakan warga menolak hasil seleksi.")
    assert ("koordinator aksi", "Angga Saputra", "name_comma_title") in found


# -- a second post joined to the first takes the first post's holder ---------------------------------
@pytest.mark.parametrize(
    "text,title,holder",
    [
        (
            "Rina Wati merupakan anggota DPRD Kalbar sekaligus Ketua DPD Partai Golkar Kota Singkawang.",
            "Ketua DPD Partai Golkar Kota Singkawang",
            "Rina Wati",
        ),
        (
            "Ketika dikonfirmasi, Gus Ipul, mantan Wagub Kalbar yang saat ini juga menjabat Wali Kota "
            "Singkawang itu membantah kabar tersebut.",
            "Wali Kota Singkawang",
            "Gus Ipul",
        ),
        ("Hendra pernah menjadi Danyon 642/Kapuas dan Kasrem 121/Abw.", "Kasrem 121/Abw", "Hendra"),
    ],
)
def test_joined_posts_share_the_holder(nlp_rules, text, title, holder):
    assert (title, holder, "chained") in links(nlp_rules, text)


def test_a_post_after_a_title_and_name_is_no_second_post(nlp_rules):
    found = links(nlp_rules, "Acara itu dihadiri Bupati Sintang Jarot Winarno dan Wakil Bupati Sintang.")
    assert ("Wakil Bupati Sintang", None, None) in found


# -- one word after a post ending in its body's acronym: a region, else the holder's name ------------
def test_lone_name_after_a_post_with_its_body(nlp_rules):
    found = links(nlp_rules, "Rapat dipimpin Ketua DPRD Busroni, didampingi para wakil ketua.")
    assert ("Ketua DPRD", "Busroni", "title_name") in found


def test_lone_region_after_a_post_with_its_body(nlp_rules):
    found = links(nlp_rules, "Rapat dipimpin Ketua DPRD Sambas, didampingi para wakil ketua.")
    assert ("Ketua DPRD Sambas", None, None) in found


# -- a region closes the jurisdiction: the words after it start the name, wherever the NER starts it -
def test_name_starts_after_the_region(nlp):
    text = "Ketua DPRD Kota Malang Amithya Ratnanggani Sirraduhita, menyatakan tidak ada kenaikan tunjangan."
    found = links(nlp, text)
    assert found[0][0] == "Ketua DPRD Kota Malang"
    assert found[0][1] in {None, "Amithya Ratnanggani Sirraduhita"}


# -- a link's words on a line of their own: the line break inside the sentence is read as a space ----
def test_short_lines_inside_a_sentence_join(nlp_rules):
    text = '"Kami terus mengejar pelaku," kata\nKapolsek Pontianak Kota\nAKP I Made Sudarsa.\nIa menambahkan.'
    assert ("Kapolsek Pontianak Kota", "I Made Sudarsa", "title_rank_name") in links(nlp_rules, text)


def test_paragraph_breaks_stay_boundaries(nlp_rules):
    text = (
        "Rapat itu dipimpin langsung oleh Bupati Sintang di ruang rapat kantor bupati\n"
        "Budi Santoso dari warga setempat menyampaikan keluhan soal jalan rusak."
    )
    assert ("Bupati Sintang", None, None) in links(nlp_rules, text)


# -- post of an organisation + words that are no given names + comma + person: the words are the body -
def test_organisation_before_the_comma_is_no_holder(nlp_rules):
    found = links(nlp_rules, '"Kami siap," ujar Pelatih Arema Cronus, Joko Susilo, usai latihan.')
    assert ("Pelatih Arema Cronus", "Joko Susilo", "title_comma_name") in found


def test_a_name_before_the_comma_stays_the_holder(nlp_rules):
    found = links(nlp_rules, "Direktur Budi Santoso, Rina Wati dan Andi hadir di rapat.")
    assert ("Direktur", "Budi Santoso", "title_name") in found


# -- two posts joined by dan before two names joined by dan: paired in order -------------------------
def test_two_posts_and_two_names_pair_in_order(nlp_rules):
    found = links(nlp_rules, "Acara itu dihadiri Bupati dan Wakil Bupati Sambas, Satono dan Fahrur Rofi.")
    assert ("Bupati", "Satono", "paired") in found
    assert ("Wakil Bupati Sambas", "Fahrur Rofi", "paired") in found


def test_one_name_after_two_posts_is_no_pair(nlp_rules):
    found = links(nlp_rules, "Acara itu dihadiri Bupati dan Wakil Bupati Sambas Satono, dan warga.")
    assert ("Wakil Bupati Sambas", "Satono", "title_name") in found


# -- posts written as one-word abbreviations, and field words ----------------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            '"Itu sah," ujar hakim tunggal PN Pontianak, Imanuel Danes saat membacakan putusan.',
            ("hakim tunggal PN Pontianak", "Imanuel Danes", "title_comma_name"),
        ),
        (
            "Corsec PT Borneo Energi Rudi Hartono mengatakan.",
            ("Corsec PT Borneo Energi", "Rudi Hartono", "title_name"),
        ),
        (
            "Kabiro Kemahasiswaan Untan Febri Saputra hadir.",
            ("Kabiro Kemahasiswaan Untan", "Febri Saputra", "title_name"),
        ),
    ],
)
def test_abbreviated_posts(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


def test_unit_number_right_after_the_post(nlp_rules):
    text = '"Itu sah," ujar Kasubdit 2 Ditsiber Polda Kalbar, Alfian Joan Komalin, kepada wartawan.'
    assert ("Kasubdit 2 Ditsiber Polda Kalbar", "Alfian Joan Komalin", "title_comma_name") in links(
        nlp_rules, text
    )


def test_a_count_after_the_post_is_no_unit(nlp_rules):
    found = links(nlp_rules, "Ia pernah menjabat Bupati 2 periode di Sambas.")
    assert all("2" not in title for title, _, _ in found)


# -- a list of fields with commas inside a complement, closed by dan and the body --------------------
def test_list_of_fields_inside_the_complement(nlp_rules):
    text = "Kepala Departemen Pengawasan Bank, Asuransi, dan Pasar Modal OJK, Rina Wati, menjelaskan."
    found = links(nlp_rules, text)
    assert (
        "Kepala Departemen Pengawasan Bank, Asuransi, dan Pasar Modal OJK",
        "Rina Wati",
        "title_comma_name",
    ) in found


def test_a_list_of_names_is_no_list_of_fields(nlp_rules):
    found = links(nlp_rules, "Hadir Ketua DPRD Sambas, Budi, Andi dan Rudi Hartono.")
    assert ("Ketua DPRD Sambas", "Budi", "title_comma_name") in found


# -- name, short description + yang juga + post; a clause opener before the name ---------------------
def test_description_between_name_and_cue(nlp_rules):
    text = "Sedangkan Andi Pratama, pengusaha nasional yang juga Pengurus DPD Partai Golkar Kalbar, hadir."
    assert ("Pengurus DPD Partai Golkar Kalbar", "Andi Pratama", "yang_juga") in links(nlp_rules, text)


def test_a_verb_before_the_cue_is_no_description(nlp_rules):
    text = "Andi Pratama, kemarin menyerahkan bantuan yang juga Pengurus DPD Partai Golkar Kalbar."
    assert not [f for f in links(nlp_rules, text) if f[1] == "Andi Pratama"]


def test_list_of_posts_each_with_its_holder(nlp_rules):
    # a comma and another post after the name: a list, so the words after each post name its holder,
    # even where they hold no known given name
    text = (
        "Hadir dalam rapat itu Penjabat Sekda Kalbar H. Budi Santoso, Kepala Dinas Perhubungan Kalbar "
        "Tiopan Tumbelaka, Kepala Kantor SAR Pontianak Yopi Haryadi, dan tokoh masyarakat."
    )
    pairs = [(t["title"], t["person"]["text"]) for t in nlp_rules(text)._.kalbar_titles if t["person"]]
    assert ("Kepala Dinas Perhubungan Kalbar", "Tiopan Tumbelaka") in pairs
    assert ("Kepala Kantor SAR Pontianak", "Yopi Haryadi") in pairs


def test_weak_name_before_a_date_is_the_complement(nlp_rules):
    # near miss: no post after the comma, so the words after the post complete it
    text = "ujar Rasgianto, Ketua KUD Misaya Mina, Senin (9/6/2025)."
    pairs = [(t["title"], t["person"]["text"]) for t in nlp_rules(text)._.kalbar_titles if t["person"]]
    assert pairs == [("Ketua KUD Misaya Mina", "Rasgianto")]


def test_title_after_a_group_word_belongs_to_nobody(nlp_rules):
    text = "Rapat itu dihadiri para Kepala Madrasah Ibtidaiyah se-Kabupaten Sambas."
    assert all(t["person"] is None for t in nlp_rules(text)._.kalbar_titles)


def test_title_after_a_plain_word_keeps_its_holder(nlp_rules):
    # near miss: no group word before the post, so the name after it is the holder
    text = "Rapat itu dihadiri Kepala Madrasah Ibtidaiyah Sambas Rudi Hartono."
    pairs = [(t["title"], t["person"]["text"]) for t in nlp_rules(text)._.kalbar_titles if t["person"]]
    assert pairs and pairs[0][1] == "Rudi Hartono"


def test_former_post_in_lower_case_right_after_a_name(nlp_rules):
    text = "Yohanes Rudi mantan Kapolres Melawi hadir dalam acara itu."
    pairs = [(t["title"], t["person"]["text"]) for t in nlp_rules(text)._.kalbar_titles if t["person"]]
    assert pairs == [("mantan Kapolres Melawi", "Yohanes Rudi")]


def test_former_post_after_a_verb_has_no_holder_before_it(nlp_rules):
    # near miss: a verb, not a name, stands before the former post
    text = "Kata mantan Kapolres Melawi itu, jalan sudah aman."
    assert all(t["person"] is None for t in nlp_rules(text)._.kalbar_titles)


@pytest.mark.parametrize("quantity", ["ribuan", "ratusan", "puluhan"])
def test_title_after_a_quantity_word_belongs_to_nobody(nlp_rules, quantity):
    text = f"Kepada {quantity} guru Wahyu Hidayat juga mengingatkan pentingnya inovasi."
    assert all(t["person"] is None for t in nlp_rules(text)._.kalbar_titles)


# -- a phrase of time between the post and the comma before its holder --------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Proyek itu bermula dari kebijakan Bupati Kapuas Hulu saat itu, Rudi Hartono yang memindahnya.",
            ("Bupati Kapuas Hulu", "Rudi Hartono", "title_comma_name"),
        ),
        (
            "Kapolres Sanggau kala itu, AKBP Budi Santoso, membenarkan kejadian tersebut.",
            ("Kapolres Sanggau", "Budi Santoso", "title_comma_name"),
        ),
    ],
)
def test_time_aside_between_post_and_comma_holder(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


def test_time_aside_before_a_verb_has_no_holder_after_the_comma(nlp_rules):
    # near miss: the phrase of time is followed by a verb, so the name after the next comma is no holder
    text = "Bupati Kapuas Hulu saat itu menolak, Rudi Hartono kemudian diam."
    assert all(t["person"] is None for t in nlp_rules(text)._.kalbar_titles)


# -- Sasak names: the marker Lalu inside a sentence opens the name --------------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Kepala Dinas Sosial Kota Mataram, Lalu Samsul Adnan mengatakan bantuan sudah disalurkan.",
            ("Kepala Dinas Sosial Kota Mataram", "Lalu Samsul Adnan", "title_comma_name"),
        ),
        (
            "Gubernur NTB Lalu Muhammad Iqbal meresmikan jembatan itu, Senin.",
            ("Gubernur NTB", "Lalu Muhammad Iqbal", "title_name"),
        ),
    ],
)
def test_sasak_marker_opens_the_name(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


def test_lalu_opening_a_sentence_is_no_part_of_the_name(nlp_rules):
    # near miss: at the start of a sentence Lalu means 'then'; Lalu Lintas stays a unit's name
    text = (
        "Rudi Hartono memimpin rapat itu. Lalu Rahmat Hidayat (RH), Ketua DPD Partai Maju Sambas, "
        "menyampaikan laporan. Kasat Lalu Lintas Polres Sambas, AKP Budi Santoso, hadir."
    )
    found = links(nlp_rules, text)
    assert ("Ketua DPD Partai Maju Sambas", "Rahmat Hidayat", "name_comma_title") in found
    assert ("Kasat Lalu Lintas Polres Sambas", "Budi Santoso", "title_comma_name") in found


# -- a name ending in Jaya is no place ---------------------------------------------------------------
def test_name_ending_in_jaya_is_the_holder(nlp_rules):
    text = "Rapat itu dihadiri Bupati Novriadi Jaya, dan Wakil Bupati Hasanudin, serta para camat."
    assert ("Bupati", "Novriadi Jaya", "title_name") in links(nlp_rules, text)


@pytest.mark.parametrize(
    "text,title",
    [
        ("Kapolda Metro Jaya Irjen Budi Santoso meninjau lokasi banjir.", "Kapolda Metro Jaya"),
        ("Bupati Puncak Jaya Yuni Wonda membuka rapat itu.", "Bupati Puncak Jaya"),
    ],
)
def test_regions_ending_in_jaya_stay_jurisdictions(nlp_rules, text, title):
    # near miss: Metro Jaya and Puncak Jaya are regions, so they stay in the title
    assert title in [found[0] for found in links(nlp_rules, text)]


# -- news names of regions (region_aliases.tsv) are jurisdictions ---------------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Bupati Sidrap Syaharuddin Alrif meninjau sawah warga.", ("Bupati Sidrap", "Syaharuddin Alrif")),
        ("Bupati Taput Nikson Nababan membuka rapat itu.", ("Bupati Taput", "Nikson Nababan")),
    ],
)
def test_region_news_name_is_the_jurisdiction(nlp_rules, text, expected):
    assert expected in [(title, person) for title, person, _ in links(nlp_rules, text)]


def test_region_news_name_after_a_given_name_stays_in_the_name(nlp_rules):
    # near miss: once the name has started, a word that is also a region's news name is part of it
    text = "Ketua DPRD Kalbar Andi Taput membuka rapat itu."
    assert ("Ketua DPRD Kalbar", "Andi Taput") in [
        (title, person) for title, person, _ in links(nlp_rules, text)
    ]


# -- name + comma + title with an abbreviation in parentheses at its end ---------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Rudi Hartono, Kepala Badan Penanggulangan Bencana Daerah (BPBD), mengatakan banjir meluas.",
            ("Kepala Badan Penanggulangan Bencana Daerah", "Rudi Hartono", "name_comma_title"),
        ),
        (
            "Prof. Dr. Lestari, guru besar teknologi pangan dari Universitas Tanjungpura (Untan), menjawab.",
            ("guru besar teknologi pangan dari Universitas Tanjungpura", "Lestari", "name_comma_title"),
        ),
    ],
)
def test_title_ending_in_an_abbreviation_after_name_and_comma(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


def test_name_after_the_abbreviation_is_the_holder(nlp_rules):
    # near miss: a name right after the parenthesis holds the post, not the name before the comma
    text = "Menurut Rudi Hartono, Kepala Badan Penanggulangan Bencana Daerah (BPBD) Budi Santoso hadir."
    found = links(nlp_rules, text)
    assert ("Kepala Badan Penanggulangan Bencana Daerah", "Budi Santoso", "title_name") in found


# -- the words right after an organisation's opener name it when a person follows the comma ---------
def test_company_name_after_its_opener_is_no_holder(nlp_rules):
    text = "General Manager PT Sinar Jaya, Rudi Hartono, menjelaskan rencana itu."
    assert ("General Manager PT Sinar Jaya", "Rudi Hartono", "title_comma_name") in links(nlp_rules, text)


def test_name_after_an_opener_without_a_person_after_the_comma_is_the_holder(nlp_rules):
    # near miss: no person after the comma, so the name after the opener word holds the post
    text = "Ketua Yayasan Rudi Hartono, mengatakan bantuan sudah disalurkan."
    assert ("Ketua Yayasan", "Rudi Hartono", "title_name") in links(nlp_rules, text)


# -- the member's faction between the post and the comma before its holder -----------------------------
def test_faction_aside_between_post_and_comma_holder(nlp_rules):
    text = "Anggota DPRD Kalbar dari Fraksi PDI Perjuangan, Rudi Hartono, mengatakan hal itu."
    assert ("Anggota DPRD Kalbar", "Rudi Hartono", "title_comma_name") in links(nlp_rules, text)


def test_origin_after_dari_is_no_faction_aside(nlp_rules):
    # near miss: dari + a region names the represented region, part of the post
    text = "Anggota DPR RI dari dapil Kalbar I, Rudi Hartono, mengatakan hal itu."
    assert ("Anggota DPR RI dari dapil Kalbar I", "Rudi Hartono", "title_comma_name") in links(
        nlp_rules, text
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Bupati Sambas yang baru, Rudi Hartono, mengatakan jalan akan diperbaiki.",
            ("Bupati Sambas", "Rudi Hartono", "title_comma_name"),
        ),
        (
            "Kepala Dinas Pendidikan Kalbar yang baru dilantik, Rudi Hartono, meninjau sekolah.",
            ("Kepala Dinas Pendidikan Kalbar", "Rudi Hartono", "title_comma_name"),
        ),
    ],
)
def test_relative_clause_between_post_and_comma_holder(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


def test_relative_clause_naming_another_post_is_no_aside(nlp_rules):
    # near miss: a capitalised post inside the clause; the name after the comma holds neither post
    text = "Kapolres yang didampingi Kasat Reskrim, mengatakan hal itu kepada Rudi Hartono."
    assert all(t["person"] is None for t in nlp_rules(text)._.kalbar_titles)


def test_relative_clause_about_someone_else_is_no_aside(nlp_rules):
    # near miss: the clause names the post's companion, who does not hold the post
    text = "“Kami siap,” kata Bupati Sambas yang didampingi istrinya, Rina Marlina."
    assert all(t["person"] is None for t in nlp_rules(text)._.kalbar_titles)


# -- a role with the event it serves (Ketua panitia kegiatan, Koordinator acara) -----------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Ketua panitia kegiatan, Rudi Hartono, mengatakan acara berjalan lancar.",
            ("Ketua panitia kegiatan", "Rudi Hartono", "title_comma_name"),
        ),
        (
            "Koordinator acara, Budi Santoso, menambahkan hal itu.",
            ("Koordinator acara", "Budi Santoso", "title_comma_name"),
        ),
        (
            "Manajer tim, Budi Santoso, menambahkan hal itu.",
            ("Manajer tim", "Budi Santoso", "title_comma_name"),
        ),
        (
            "Ketua panitia pelaksana, Rudi Hartono, mengatakan acara lancar.",
            ("Ketua panitia pelaksana", "Rudi Hartono", "title_comma_name"),
        ),
    ],
)
def test_role_with_the_event_it_serves(nlp_rules, text, expected):
    assert expected in links(nlp_rules, text)


def test_event_word_after_a_verb_is_no_field(nlp_rules):
    # near miss: 'acara' is the object of a verb, not the field of the post
    text = "Bupati Sambas membuka acara, Rudi Hartono hadir."
    assert all(t["person"] is None for t in nlp_rules(text)._.kalbar_titles)
