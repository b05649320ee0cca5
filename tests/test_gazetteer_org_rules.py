"""Organisations: the extent of a name and which capitalised phrases are organisations.

Every sentence here is written for these tests (invented people, bodies and events).
"""

from __future__ import annotations

import pytest


def _org_names(nlp, text):
    return [org["name"] for org in nlp(text)._.kalbar_organizations]


# ---------------------------------------------------------------- the extent of a name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kepala Dinas Pemuda, Olahraga dan Pariwisata Kabupaten Melawi membuka lomba dayung.",
            "Dinas Pemuda, Olahraga dan Pariwisata Kabupaten Melawi",
        ),
        (
            "Pameran digelar Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah.",
            "Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah",
        ),
        (
            "Pelatihan digelar Badan Pengembangan Sumber Daya Manusia Daerah selama tiga hari.",
            "Badan Pengembangan Sumber Daya Manusia Daerah",
        ),
    ],
)
def test_portfolio_lists_and_sumber_daya_stay_inside_the_name(nlp_rules, text, name):
    assert name in _org_names(nlp_rules, text)


def test_a_list_of_bodies_is_no_portfolio_list(nlp_rules):
    names = _org_names(nlp_rules, "Rapat itu dihadiri Dinas Sosial, Polres Sambas dan Kodim 1208 Sambas.")
    assert "Dinas Sosial" in names
    assert not any("," in name for name in names)


def test_a_list_of_people_is_no_portfolio_list(nlp_rules):
    names = _org_names(nlp_rules, "Rapat di Dinas Kesehatan, Budi dan Andi hadir lebih awal.")
    assert names == ["Dinas Kesehatan"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Direktur PT Bank Sejahtera Nusantara (Persero) Tbk hadir di sana.",
            "PT Bank Sejahtera Nusantara (Persero) Tbk",
        ),
        (
            "Proyek itu dikerjakan PT Karya Bangun Indonesia (Persero) Tbk sejak tahun lalu.",
            "PT Karya Bangun Indonesia (Persero) Tbk",
        ),
        (
            "PT Kereta Api Indonesia (Persero) Divre IV Tanjungkarang menambah jadwal kereta.",
            "PT Kereta Api Indonesia (Persero) Divre IV Tanjungkarang",
        ),
        ("Harga saham PT Tambang Raya Tbk naik tajam.", "PT Tambang Raya Tbk"),
    ],
)
def test_legal_form_and_branch_after_a_company(nlp_rules, text, name):
    assert name in _org_names(nlp_rules, text)


def test_persero_is_no_acronym_and_groups_with_the_short_name(nlp_rules):
    text = "PT Bank Negara Indonesia (Persero) Tbk membuka cabang baru. Menurut BNI, layanan itu gratis."
    orgs = nlp_rules(text)._.kalbar_organizations
    assert [org["name"] for org in orgs] == ["PT Bank Negara Indonesia (Persero) Tbk"]
    assert orgs[0]["aliases"] == ["BNI"]


def test_a_branch_word_needs_a_name_after_it(nlp_rules):
    names = _org_names(nlp_rules, "PT Sinar Kapuas membuka cabang baru di kota itu.")
    assert names == ["PT Sinar Kapuas"]


# ---------------------------------------------------------------- units before their organisation


@pytest.mark.parametrize(
    ("text", "chain", "parent"),
    [
        (
            "Petugas Subdit Jatanras Ditreskrimum Polda Kalbar menangkap dua pelaku.",
            "Subdit Jatanras Ditreskrimum Polda Kalbar",
            "Ditreskrimum Polda Kalbar",
        ),
        (
            "Tim Elang Polresta Pontianak bergerak cepat ke lokasi.",
            "Tim Elang Polresta Pontianak",
            "Polresta Pontianak",
        ),
        ("Unit PPA Polres Kubu Raya memeriksa tiga saksi.", "Unit PPA Polres Kubu Raya", "Polres Kubu Raya"),
        (
            "Tim Opsnal Reskrim Polsek Sungai Raya menyita sepeda motor.",
            "Tim Opsnal Reskrim Polsek Sungai Raya",
            "Polsek Sungai Raya",
        ),
    ],
)
def test_a_unit_before_its_organisation_is_one_name_and_the_organisation_is_listed(
    nlp_rules, text, chain, parent
):
    names = _org_names(nlp_rules, text)
    assert chain in names
    assert parent in names


def test_a_unit_fused_into_a_title_is_the_titles(nlp_rules):
    names = _org_names(
        nlp_rules, "Menurut Kasat Reskrim Polres Sambas AKP Dedi Saputra, pelaku sudah ditahan."
    )
    assert names == ["Polres Sambas"]


def test_a_team_needs_a_capitalised_name(nlp_rules):
    names = _org_names(nlp_rules, "Kemarin tim gabungan Polres Sambas menggelar razia di pasar.")
    assert names == ["Polres Sambas"]


def test_battalions_are_organisations_of_their_own(nlp_rules):
    names = _org_names(nlp_rules, "Pasukan dari Kodim 1207 dan Batalyon 642 diterjunkan ke lokasi banjir.")
    assert names == ["Kodim 1207", "Batalyon 642"]


def test_city_police_after_the_region(nlp_rules):
    names = _org_names(nlp_rules, "Polres Blitar Kota menggelar razia. Polres Sambas Kota Baru juga ikut.")
    assert names[0] == "Polres Blitar Kota"
    assert "Polres Sambas" in names


# ---------------------------------------------------------------- the holder's name after the organisation


def test_holder_named_again_as_a_person_is_cut_off(nlp):
    text = (
        "Wakil Kepala Sekolah SMAN 4 Singkawang Rosmawati membenarkan kabar itu. "
        '"Semua siswa sudah pulang," kata Rosmawati kepada wartawan, Senin.'
    )
    names = [org["name"] for org in nlp(text)._.kalbar_organizations]
    assert "SMAN 4 Singkawang" in names
    assert not any("Rosmawati" in name for name in names)


def test_holder_with_a_given_name_after_a_titled_body_is_cut_off(nlp):
    text = "Rapat paripurna DPRD Sambas dipimpin Wakil Ketua DPRD Ahmad Halim, Senin."
    orgs = nlp(text)._.kalbar_organizations
    assert [(org["name"], org["aliases"]) for org in orgs] == [("DPRD Sambas", ["DPRD"])]


def test_a_body_named_after_a_person_keeps_its_name(nlp_rules):
    names = _org_names(nlp_rules, "Rektor Universitas Ahmad Dahlan memberi sambutan di depan wisudawan.")
    assert names == ["Universitas Ahmad Dahlan"]


# ---------------------------------------------------------------- government bodies and non-organisations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Laporan dana desa itu diperiksa Inspektorat pekan depan.", "Inspektorat"),
        ("Ketua BPD Sungai Kunyit menolak rancangan itu.", "BPD Sungai Kunyit"),
        ("Surat dikirim Pemerintah Desa Sungai Kunyit kepada camat.", "Pemerintah Desa Sungai Kunyit"),
        ("Forkopimda Sambas menggelar apel bersama di halaman kantor bupati.", "Forkopimda Sambas"),
        ("Ketua TP PKK Kabupaten Sambas membuka lomba masak.", "TP PKK Kabupaten Sambas"),
        ("Bantuan disalurkan Lazismu kepada korban banjir.", "Lazismu"),
        ("Rapat digelar Dinas Pemberdayaan Masyarakat Desa, Senin.", "Dinas Pemberdayaan Masyarakat Desa"),
        (
            "Proyek itu ditangani Dinas Pekerjaan Umum Bina Marga dan Sumber Daya Air tahun ini.",
            "Dinas Pekerjaan Umum Bina Marga dan Sumber Daya Air",
        ),
    ],
)
def test_government_bodies_and_well_known_acronyms(nlp_rules, text, name):
    assert name in _org_names(nlp_rules, text)


def test_a_village_named_by_its_government_is_a_place_too(nlp_rules):
    doc = nlp_rules("Surat itu dikirim Pemerintah Desa Sungai Kunyit kepada camat.")
    assert "Desa Sungai Kunyit" in {loc["name"] for loc in doc._.kalbar_locations}


def test_a_bare_village_council_needs_its_village(nlp_rules):
    assert _org_names(nlp_rules, "Anggota BPD menolak rancangan itu.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bantuan diberikan kepada Keluarga Penerima Manfaat (KPM) di desa itu.",
        "Pekerja yang terkena PHK bisa mengklaim Jaminan Kehilangan Pekerjaan (JKP) mulai bulan depan.",
        "Jalan protokol ditutup saat Car Free Day (CFD) setiap Minggu pagi.",
        "Ikan dijual di Tempat Pelelangan Ikan (TPI) setiap pagi.",
        "Warga dijerat Undang-Undang Informasi dan Transaksi Elektronik (ITE) oleh polisi.",
        "Pemerintah menyalurkan Kredit Usaha Rakyat (KUR) kepada petani.",
        "Para Pekerja Migran Indonesia (PMI) dipulangkan dari Malaysia.",
        "Taman itu menjadi Ruang Terbuka Hijau (RTH) bagi warga.",
    ],
)
def test_programmes_facilities_and_laws_with_an_acronym_are_no_organisations(nlp_rules, text):
    assert _org_names(nlp_rules, text) == []


# ---------------------------------------------------------------- outlets and platforms


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Hal itu disampaikan Wali Kota, dilansir Antara, Selasa (10/6/2025).", "Antara"),
        ('"Kami siap," kata Rudi kepada Kontan, Selasa.', "Kontan"),
        ("Dikutip dari CNBC, harga minyak naik dua persen.", "CNBC"),
    ],
)
def test_an_outlet_named_after_a_citing_word_is_an_organisation(nlp_rules, text, outlet):
    assert outlet in _org_names(nlp_rules, text)


def test_an_outlet_name_without_a_citing_word_or_a_common_word_is_none(nlp_rules):
    names = _org_names(
        nlp_rules, "Jarak antara dua desa itu jauh. Polisi menangkap pria berinisial AP dari Sambas."
    )
    assert names == []


def test_platforms_are_no_organisations(nlp_rules):
    assert _org_names(nlp_rules, "Video itu beredar di sejumlah WA Group dan diunggah ke Facebook.") == []


def test_a_bare_unit_or_prison_needs_its_region(nlp_rules):
    text = "Puluhan personel Brimob berjaga di depan Lapas. Situasi Lapas Kelas IIA Sambas kondusif."
    names = _org_names(nlp_rules, text)
    assert "Brimob" not in names
    assert "Lapas" not in names


def test_acronym_inside_a_name_groups_with_its_short_form(nlp):
    text = (
        "Pemerintah membentuk Koperasi Desa (Kopdes) Merah Putih di setiap desa. "
        "Menurut menteri, Kopdes Merah Putih akan membuka lapangan kerja."
    )
    orgs = nlp(text)._.kalbar_organizations
    assert [(org["name"], org["aliases"]) for org in orgs] == [
        ("Koperasi Desa Merah Putih", ["Kopdes Merah Putih"])
    ]


def test_jakarta_police_and_the_religious_affairs_office(nlp_rules):
    text = (
        "Data dari Polres Metro Jakarta Timur mencatat tujuh kasus. Hadir Kepala Kantor Kemenag Padang, "
        "Edy. Di Lampung, Polres Metro menangkap dua pelaku."
    )
    names = _org_names(nlp_rules, text)
    assert names == ["Polres Metro Jakarta Timur", "Kantor Kemenag Padang", "Polres Metro"]


def test_regulations_are_no_organisations(nlp):
    text = (
        "Aturan itu tertuang dalam Perwal Nomor 12 Tahun 2024 dan Permendagri Nomor 77 Tahun 2020. "
        "Pelaku dijerat Pasal 362 KUHP oleh penyidik Polres Sambas."
    )
    assert [org["name"] for org in nlp(text)._.kalbar_organizations] == ["Polres Sambas"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Anggota Komisi II Fraksi Partai Hanura, Markus Alin, meninjau jalan rusak.",
            ["Komisi II", "Fraksi Partai Hanura"],
        ),
        (
            "Rapat dihadiri anggota DPRD Fraksi Hanura Kabupaten Sanggau.",
            ["Fraksi Hanura Kabupaten Sanggau"],
        ),
    ],
)
def test_a_faction_ends_the_name_of_the_body_before_it(nlp_rules, text, names):
    assert _org_names(nlp_rules, text) == names


def test_a_faction_keeps_its_own_parliament(nlp_rules):
    names = _org_names(nlp_rules, "Ketua Fraksi Partai Hanura DPRD Sanggau membuka rapat.")
    assert names == ["Fraksi Partai Hanura DPRD Sanggau"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Rapat dengan Komisi IX DPR RI digelar kemarin.", ["Komisi IX DPR RI", "DPR RI"]),
        (
            "Komisi A DPRD Kota Singkawang memanggil dinas.",
            ["Komisi A DPRD Kota Singkawang", "DPRD Kota Singkawang"],
        ),
    ],
)
def test_a_lettered_commission_lists_its_council_too(nlp_rules, text, names):
    assert _org_names(nlp_rules, text) == names


def test_a_named_commission_is_one_body(nlp_rules):
    names = _org_names(nlp_rules, "Komisi Informasi Kalimantan Barat menggelar sidang sengketa.")
    assert names == ["Komisi Informasi Kalimantan Barat"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Peneliti dari Borneo Forest Watch menilai izin itu bermasalah.", ["Borneo Forest Watch"]),
        (
            "Turnamen itu disetujui Asian Football Federation dan Garuda Airways.",
            ["Asian Football Federation", "Garuda Airways"],
        ),
        ("Pengunjung membeli jam tangan merek Watch di pasar.", []),
    ],
)
def test_english_and_business_suffix_words_close_a_name(nlp_rules, text, names):
    assert _org_names(nlp_rules, text) == names


_MARKET_NEWS = (
    "Bursa Wall Street ditutup menguat pada Kamis. Indeks Dow Jones naik 0,5 persen dan Nasdaq naik "
    "tipis setelah rilis data inflasi. Para investor menunggu keputusan bank sentral soal suku bunga "
    "pekan depan. Harga {stock} naik 2 persen, sedangkan saham minyak melemah karena harga minyak "
    "mentah turun. Analis menilai pasar masih dibayangi ketidakpastian perang dagang antara Amerika "
    "Serikat dan China. Sementara itu, {rater} memangkas proyeksi ekonomi global tahun ini menjadi "
    "2,9 persen. Menurut analis, pasar akan tetap bergejolak hingga akhir tahun."
)


def test_a_company_named_once_is_kept_after_a_word_for_a_company(nlp):
    text = _MARKET_NEWS.format(stock="saham Microsoft", rater="perusahaan pemeringkat Moody")
    names = _org_names(nlp, text)
    assert "Microsoft" in names
    assert "Moody" in names


def test_a_name_the_model_tags_once_without_such_a_word_is_dropped(nlp):
    text = _MARKET_NEWS.format(stock="Microsoft", rater="pemeringkat Moody")
    names = _org_names(nlp, text)
    assert "Microsoft" not in names
    assert "Moody" not in names


def test_company_context_words():
    from kalbar_nlp.components.gazetteer.ner_filter import _company_context
    from kalbar_nlp.components.gazetteer.tokens import tokenize

    toks = tokenize("Harga saham Zentra naik, klub raksasa Persatu menang, lalu Dia dan Zentra pergi.")
    at = {tok.text: k for k, tok in enumerate(toks)}
    assert _company_context(toks, at["Persatu"])
    assert _company_context(toks, 2)  # saham Zentra
    assert not _company_context(toks, at["Zentra"])  # dan Zentra


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Persebaya Surabaya menjamu PSIS Semarang pada laga pekan ini.",
            ["Persebaya Surabaya", "PSIS Semarang"],
        ),
        ("Ia pernah membela Persik sebelum pindah ke Persik Kediri.", ["Persik Kediri"]),
        ("Pedagang menjual buah persik dan apel di pasar.", []),
    ],
)
def test_football_clubs_with_their_home_region(nlp_rules, text, names):
    assert _org_names(nlp_rules, text) == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Pendaftaran santri Pondok Pesantren Darul Falah Tahun Ajaran 2025 dibuka.",
            "Pondok Pesantren Darul Falah",
        ),
        ("Laporan keuangan Dinas Kesehatan Tahun Anggaran 2024 sudah diperiksa.", "Dinas Kesehatan"),
    ],
)
def test_a_school_or_budget_year_is_no_part_of_a_name(nlp_rules, text, name):
    assert _org_names(nlp_rules, text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Situasi Lapas Kelas IIA Sambas kondusif usai razia.", "Lapas Kelas IIA Sambas"),
        ("Warga binaan Rutan Kelas IIB Sanggau mengikuti upacara.", "Rutan Kelas IIB Sanggau"),
    ],
)
def test_a_prison_is_an_organisation_not_a_place(nlp_rules, text, name):
    doc = nlp_rules(text)
    assert [org["name"] for org in doc._.kalbar_organizations] == [name]
    assert name not in [loc["name"] for loc in doc._.kalbar_locations]


def test_a_prison_named_again_after_its_town_is_one_organisation(nlp_rules):
    text = (
        "Lembaga Pemasyarakatan (Lapas) Kotabumi bersama Kodim 0412 melakukan kontrol. "
        "Sinergi antara Lapas Kotabumi dan Kodim 0412 terus dijaga."
    )
    orgs = nlp_rules(text)._.kalbar_organizations
    assert [(org["name"], org["aliases"]) for org in orgs] == [
        ("Lembaga Pemasyarakatan Kotabumi", ["Lapas Kotabumi"]),
        ("Kodim 0412", []),
    ]


def test_a_party_without_a_region_is_not_its_regional_chapter(nlp_rules):
    text = (
        "Musda Partai Golkar Kalimantan Barat digelar pekan depan. "
        "Menurut dia, Golkar siap memenangkan pemilu."
    )
    assert _org_names(nlp_rules, text) == ["Partai Golkar Kalimantan Barat", "Golkar"]


def test_a_bare_government_still_joins_its_region(nlp_rules):
    orgs = nlp_rules(
        "Pemkab Sambas membangun jalan. Pemkab juga memperbaiki jembatan."
    )._.kalbar_organizations
    assert [(org["name"], org["aliases"]) for org in orgs] == [("Pemkab Sambas", ["Pemkab"])]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Bantuan diserahkan kepada Gapoktan Maju Bersama di desa itu.", ["Gapoktan Maju Bersama"]),
        ("Relawan Komunitas Peduli Sungai membersihkan sampah.", ["Komunitas Peduli Sungai"]),
        ("Mahasiswa STKIP Singkawang menggelar bakti sosial.", ["STKIP Singkawang"]),
        ("Anggota Lanal Pontianak membantu evakuasi.", ["Lanal Pontianak"]),
        ("Warga binaan LPKA Kelas II Sungai Raya belajar menjahit.", ["LPKA Kelas II Sungai Raya"]),
        ("Kegiatan komunitas warga berjalan lancar.", []),
    ],
)
def test_heads_of_institutions_societies_and_colleges(nlp_rules, text, names):
    assert _org_names(nlp_rules, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Balai Wilayah Sungai Kalimantan I memperbaiki tanggul.", ["Balai Wilayah Sungai Kalimantan I"]),
        ("Balai Karantina Pertanian Pontianak memeriksa daging.", ["Balai Karantina Pertanian Pontianak"]),
        ("Rapat warga digelar di Balai Pertemuan Desa Sungai Ambawang.", []),
        ("Wali kota menerima tamu di Balai Kota Singkawang.", []),
    ],
)
def test_a_balai_is_an_agency_unless_it_names_a_hall(nlp_rules, text, names):
    assert _org_names(nlp_rules, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Puluhan anggota Paspampres berjaga di bandara.", ["Paspampres"]),
        ("Kepala BPKPD Kabupaten Sambas menjelaskan pendapatan naik.", ["BPKPD Kabupaten Sambas"]),
        ("Ia mengurus kartu BPJS di kantor desa.", ["BPJS"]),
        ("Peserta BPJS Kesehatan mengeluh antrean panjang.", ["BPJS Kesehatan"]),
    ],
)
def test_national_agencies_known_by_their_acronym(nlp_rules, text, names):
    assert _org_names(nlp_rules, text) == names


def test_a_bare_dpd_needs_its_qualifier(nlp_rules):
    assert _org_names(nlp_rules, "Menurut dia, siapa pun kader bisa memimpin DPD.") == []
    assert _org_names(nlp_rules, "Anggota DPD RI asal Kalbar hadir dalam rapat itu.") == ["DPD RI"]


def test_a_panel_of_judges_is_no_organisation(nlp_rules):
    text = "Ketua Majelis Hakim Rudi Hartanto menunda sidang di Pengadilan Negeri Sintang."
    assert _org_names(nlp_rules, text) == ["Pengadilan Negeri Sintang"]


def test_a_council_of_scholars_is_an_organisation(nlp_rules):
    assert _org_names(nlp_rules, "Majelis Ulama Indonesia menggelar rapat pleno.") == [
        "Majelis Ulama Indonesia"
    ]


def _holder_trimmed(text, head, person):
    """The organisation ``head (ACR) ...`` as read to the sentence's end, trimmed of a holder named
    ``person`` (a name the model tags as a person elsewhere in the text)."""
    from kalbar_nlp.components.gazetteer.candidates import Cand, Lexicon, Scan
    from kalbar_nlp.components.gazetteer.holders import trim_holders
    from kalbar_nlp.components.gazetteer.tokens import tokenize

    toks = tokenize(text)
    scan = Scan(toks, Lexicon.load(), set())
    first = next(k for k, tok in enumerate(toks) if tok.text == head.split()[0])
    end = next(k for k, tok in enumerate(toks) if tok.text == "kemarin")
    opening = next(k for k, tok in enumerate(toks) if tok.text == "(")
    cand = Cand(first, end, "ORG", None, f"pattern:{head}", 4, head=head, acr_def=(opening + 1, opening + 2))
    last = text.rindex(person)
    trim_holders(scan, [cand], text, [(last, last + len(person))])
    return text[toks[cand.i].start : toks[cand.j - 1].end]


def test_the_name_after_a_heads_acronym_is_kept_whole():
    text = "Bantuan diberikan kepada Pemerintah Desa (Pemdes) Sukamaju kemarin. Warga Sukamaju senang."
    assert _holder_trimmed(text, "Pemerintah Desa", "Sukamaju") == "Pemerintah Desa (Pemdes) Sukamaju"


def test_a_holder_after_the_name_is_still_cut_off():
    text = "Hadir Ketua Dinas (Diskes) Sukamaju Rudiyanto kemarin. Menurut Rudiyanto, acara lancar."
    assert _holder_trimmed(text, "Dinas", "Rudiyanto") == "Dinas (Diskes) Sukamaju"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Dalam keterangan resmi yang diterimaberitajatim.com, ia menyebut acara siap.", "beritajatim.com"),
        ("Hal itu disampaikan kepadakompas.com kemarin.", "kompas.com"),
        ("Seperti dikutip dari disway.id, acara itu batal.", "disway.id"),
        ("Seperti dikutip dari kedaipena.com, acara itu batal.", "kedaipena.com"),
    ],
)
def test_a_word_glued_to_an_outlets_address_is_split_off(nlp_rules, text, outlet):
    assert _org_names(nlp_rules, text) == [outlet]


def test_a_lower_case_head_opens_the_name_its_acronym_spells(nlp_rules):
    text = "Pandangan itu disampaikan fraksi Persatuan Nasional Rakyat Indonesia (FPNRI) melalui jubirnya."
    assert _org_names(nlp_rules, text) == ["fraksi Persatuan Nasional Rakyat Indonesia"]


def test_a_lower_case_word_that_is_no_head_stays_out(nlp_rules):
    text = "Pandangan itu disampaikan kelompok Warga Peduli Lingkungan (KWPL) kemarin."
    assert _org_names(nlp_rules, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Satuan Lalu Lintas Polresta Pontianak menindak 300 pelanggar.",
            "Satuan Lalu Lintas Polresta Pontianak",
        ),
        ("Dinas Sumber Daya Air Kota Pontianak menguras parit.", "Dinas Sumber Daya Air Kota Pontianak"),
    ],
)
def test_a_field_opening_with_a_stop_word_is_read_after_the_head(nlp_rules, text, name):
    assert _org_names(nlp_rules, text) == [name]


def test_a_stop_word_opening_a_sentence_opens_no_name(nlp_rules):
    assert _org_names(nlp_rules, "Acara digelar di Polres Sambas. Lalu Budi pulang ke rumah.") == [
        "Polres Sambas"
    ]
