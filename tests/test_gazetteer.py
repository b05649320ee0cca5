"""Organisations and locations: gazetteer, head patterns, acronyms, venues, grouping.

Every sentence here is written for these tests (invented people and events).
"""

from __future__ import annotations

import pytest


def _names(items):
    return {d["name"] for d in items}


def _all_forms(items):
    return {f for d in items for f in [d["name"], *d.get("aliases", [])]}


def _parse(nlp, text):
    return nlp(text)


# ---------------------------------------------------------------- locations: regions and their codes


@pytest.mark.parametrize(
    ("text", "name", "kind", "code"),
    [
        ("Hujan deras melanda Kalbar sejak Senin pagi.", "Kalbar", "province", "61"),
        ("Ratusan warga Kalimantan Barat ikut lomba perahu.", "Kalimantan Barat", "province", "61"),
        ("Jembatan baru di Kab. Ketapang mulai dibangun.", "Ketapang", "regency", "61.04"),
        ("Banjir merendam dua desa di Kabupaten Sintang.", "Kabupaten Sintang", "regency", "61.05"),
        ("Pasar murah digelar di Kota Pontianak pekan ini.", "Kota Pontianak", "city", "61.71"),
        ("Petani di Kubu Raya mulai menanam padi.", "Kubu Raya", "regency", "61.12"),
        ("Bupati Sintang meninjau jalan rusak.", "Sintang", "regency", "61.05"),
        ("Pemudik dari Jatim memadati pelabuhan.", "Jatim", "province", "35"),
        ("Warga Gunung Kidul mendapat bantuan air bersih.", "Gunung Kidul", "regency", "34.03"),
        ("Lomba lari digelar di Kecamatan Sepulu, Minggu pagi.", "Kecamatan Sepulu", "district", "35.26.08"),
    ],
)
def test_region_with_code(nlp_rules, text, name, kind, code):
    locs = _parse(nlp_rules, text)._.kalbar_locations
    hit = [d for d in locs if d["name"] == name]
    assert hit, locs
    assert (hit[0]["kind"], hit[0]["code"]) == (kind, code)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # written only behind its admin word: named with it
        ("Warga Kecamatan Sungai Kakap mengikuti lomba perahu naga.", "Kecamatan Sungai Kakap", None),
        # also written bare (or inside a title): the bare name, the prefixed form an alias
        (
            "Banjir melanda Kabupaten Melawi. Bupati Melawi meninjau warga di Melawi.",
            "Melawi",
            "Kabupaten Melawi",
        ),
        # an abbreviated admin word is no fuller form
        ("Jembatan di Kec. Sungai Kakap rusak berat.", "Sungai Kakap", None),
    ],
)
def test_region_named_as_the_article_writes_it(nlp_rules, text, name, alias):
    locs = {d["name"]: d for d in _parse(nlp_rules, text)._.kalbar_locations}
    assert name in locs, locs
    if alias:
        assert alias in locs[name]["aliases"]


def test_admin_word_inside_a_region_name(nlp_rules):
    """``Kota Padang`` is a district of Bengkulu and the city of Padang: the article decides."""
    text = "Tiga pemuda diamankan di Kecamatan Lubuk Kilangan, Kota Padang, Senin malam."
    locs = {d["name"]: d for d in _parse(nlp_rules, text)._.kalbar_locations}
    assert (locs["Kota Padang"]["kind"], locs["Kota Padang"]["code"]) == ("city", "13.71")
    # a district whose own name opens with Kota keeps it (never the bare "Agung")
    text = "Pelaku ditangkap di rumahnya di Kota Agung, Tanggamus, Selasa."
    names = _names(_parse(nlp_rules, text)._.kalbar_locations)
    assert "Kota Agung" in names
    assert "Agung" not in names


@pytest.mark.parametrize(
    ("text", "village", "code"),
    [
        # the district named beside it: one village of that name there
        (
            "Banjir merendam Desa Arang Limbung, Kecamatan Sungai Raya, Kabupaten Kubu Raya, Senin.",
            "Desa Arang Limbung",
            "61.12.01.2003",
        ),
        # the regency named elsewhere in the article is enough where it holds one such village
        (
            "Warga Desa Teluk Bakung mengungsi. Bupati Kubu Raya meninjau dapur umum.",
            "Desa Teluk Bakung",
            "61.12.03.2013",
        ),
        # no enclosing region named: no code
        ("Warga Desa Teluk Bakung mengungsi ke balai desa, Senin.", "Desa Teluk Bakung", None),
        # the region named does not hold a village of that name: no code
        ("Warga Desa Teluk Bakung di Kabupaten Sambas mengungsi, Senin.", "Desa Teluk Bakung", None),
        # a hamlet is never looked up
        ("Warga Dusun Lingga di Kabupaten Kubu Raya mengungsi, Senin.", "Dusun Lingga", None),
    ],
)
def test_village_code_only_where_certain(nlp_rules, text, village, code):
    locs = {d["name"]: d for d in _parse(nlp_rules, text)._.kalbar_locations}
    assert village in locs, locs
    assert locs[village]["kind"] == "village"
    assert locs[village]["code"] == code


def test_cities_and_countries_abroad(nlp_rules):
    text = (
        "Delegasi Kalbar berangkat ke Jeddah, lalu ke Kairo. Pameran itu digelar di Berlin, Jerman, "
        "dan perwakilan UNESCO Paris ikut hadir. Klub Paris Saint-Germain tidak disebut."
    )
    doc = _parse(nlp_rules, text)
    locs = {d["name"]: d for d in doc._.kalbar_locations}
    for place in ("Jeddah", "Kairo", "Berlin", "Jerman", "Paris"):
        assert place in locs, locs
    assert locs["Jerman"]["kind"] == "country"
    # a city abroad after a body's acronym is where it sits, not part of its name
    assert "UNESCO" in _names(doc._.kalbar_organizations)
    assert "UNESCO Paris" not in _names(doc._.kalbar_organizations)
    # inside a longer name (a club) the city is no place: one mention of Paris only
    assert len(locs["Paris"]["mentions"]) == 1


def test_ner_place_needs_a_locative_word():
    """A place only the model found is kept where ``di``, ``ke`` or ``wilayah`` introduce it."""
    from kalbar_nlp.components.gazetteer.candidates import Cand
    from kalbar_nlp.components.gazetteer.resolve import ner_places_backed
    from kalbar_nlp.components.gazetteer.tokens import tokenize

    text = "Warga Tanjung Lesung berkumpul. Mereka lalu ke Tanjung Lesung. Nota Keuangan dibacakan."
    toks = tokenize(text)
    starts = {tok.text: k for k, tok in reversed(list(enumerate(toks)))}
    second = max(k for k, tok in enumerate(toks) if tok.text == "Tanjung")
    cands = [
        Cand(starts["Tanjung"], starts["Tanjung"] + 2, "LOC", "other", "ner", 1),
        Cand(second, second + 2, "LOC", "other", "ner", 1),
        Cand(starts["Nota"], starts["Nota"] + 2, "LOC", "other", "ner", 1),
    ]
    kept = [text[toks[c.i].start : toks[c.j - 1].end] for c in ner_places_backed(toks, cands)]
    # both mentions of the place stay (one of them follows "ke"); the document goes
    assert kept == ["Tanjung Lesung", "Tanjung Lesung"]


def test_venue_names_need_a_proper_name_and_end_before_a_rank(nlp_rules):
    text = (
        "Petugas mendatangi Pasar Tradisional di pinggir kota, lalu ke Pasar Flamboyan. "
        "Tawuran pecah di Jalan Raya Kampung Melayu, kata Kapolsek Pasar Minggu AKP Budi Santoso. "
        "Massa bergerak ke Jalan Kapten Marsan."
    )
    names = _names(_parse(nlp_rules, text)._.kalbar_locations)
    # a head with a generic word only is no venue; a named one is
    assert "Pasar Tradisional" not in names
    assert "Pasar Flamboyan" in names
    # an address word after generic words still belongs to the road's name
    assert "Jalan Raya Kampung Melayu" in names
    assert "Jalan Raya" not in names
    # a rank ends the place's name; as a road's first word it is the hero's rank
    assert not any("AKP" in name for name in names)
    assert "Jalan Kapten Marsan" in names


def test_wali_kota_is_a_title_not_a_prefix(nlp_rules):
    locs = {
        d["name"]: d for d in _parse(nlp_rules, "Wali Kota Singkawang meninjau pasar.")._.kalbar_locations
    }
    assert (locs["Singkawang"]["kind"], locs["Singkawang"]["code"]) == ("city", "61.72")
    assert "Kota Singkawang" not in locs


def test_head_word_holds_for_a_list_of_places(nlp_rules):
    text = (
        "Banjir merendam Desa Sungai Asam, Kuala Mandor, dan Teluk Bakung, Senin. "
        "Tim menyisir Pulau Lemukutan dan Pulau Randayan."
    )
    names = _names(_parse(nlp_rules, text)._.kalbar_locations)
    assert {"Desa Sungai Asam", "Kuala Mandor", "Teluk Bakung"} <= names
    # two places joined by dan are two places
    assert {"Pulau Lemukutan", "Pulau Randayan"} <= names
    assert "Pulau Lemukutan dan Pulau Randayan" not in names


@pytest.mark.parametrize(
    "text",
    [
        # a person after the comma: no list
        "Kepala Desa Sukamaju, Budi Santoso, dan warga meninjau tanggul.",
        # where the village lies: no list
        "Warga Desa Sukamaju, Pontianak dan sekitarnya mengungsi.",
    ],
)
def test_no_list_of_places_without_place_names(nlp_rules, text):
    names = _names(_parse(nlp_rules, text)._.kalbar_locations)
    assert "Desa Sukamaju" in names
    assert not {"Budi Santoso", "Budi"} & names
    assert all(
        d["kind"] != "village" or d["name"] == "Desa Sukamaju"
        for d in _parse(nlp_rules, text)._.kalbar_locations
    )


def test_capital_and_police_unit_words_are_no_regions(nlp_rules):
    text = (
        "Pembangunan Ibu Kota Negara berlanjut. Kapolres Metro Jakarta Barat memimpin apel. "
        "Wali Kota Metro meninjau pasar."
    )
    locs = {d["name"]: d for d in _parse(nlp_rules, text)._.kalbar_locations}
    # Ibu Kota is a capital: no city called Negara
    assert "Negara" not in locs and "Kota Negara" not in locs
    # Polres Metro is a unit of a metropolitan police; the city of Metro is named as such
    assert [d["code"] for d in locs.values() if d["name"] == "Metro"] == ["18.72"]
    assert len(locs["Metro"]["mentions"]) == 1


def test_presiden_ri_names_indonesia_but_an_organisation_does_not(nlp_rules):
    doc = _parse(
        nlp_rules, "Setiap warga negara Republik Indonesia wajib memilih. Presiden RI lalu berpidato."
    )
    locs = {d["name"]: d for d in doc._.kalbar_locations}
    assert set(locs["Indonesia"]["aliases"]) == {"Republik Indonesia", "RI"}
    doc = _parse(nlp_rules, "Anggota DPR RI meninjau bendungan di Sintang.")
    assert "Indonesia" not in _names(doc._.kalbar_locations)


def test_named_venues_by_their_head(nlp_rules):
    text = (
        "Rombongan tiba di Istana Bogor, lalu berziarah ke Makam Pahlawan Kalibata. Warga berkumpul "
        "di Simpang Tiga Siantan dan di Surau Nurul Iman. Tahanan dibawa ke Mako Brimob."
    )
    names = _names(_parse(nlp_rules, text)._.kalbar_locations)
    for venue in ("Istana Bogor", "Makam Pahlawan Kalibata", "Simpang Tiga Siantan", "Surau Nurul Iman"):
        assert venue in names, names
    # a head without a name after it is no venue
    names = _names(_parse(nlp_rules, "Warga membersihkan makam dan surau setiap Jumat.")._.kalbar_locations)
    assert not names


def test_short_and_full_forms_are_one_location(nlp_rules):
    text = "Gubernur Kalbar membuka pameran. Produk dari seluruh Kalimantan Barat dipamerkan di sana."
    locs = _parse(nlp_rules, text)._.kalbar_locations
    kb = [d for d in locs if d["code"] == "61"]
    assert len(kb) == 1
    assert kb[0]["name"] == "Kalimantan Barat"
    assert kb[0]["aliases"] == ["Kalbar"]
    assert len(kb[0]["mentions"]) == 2


def test_mentions_give_the_text_back(nlp_rules):
    text = "Rapat digelar di Aula Garuda, Kantor Bupati Ketapang, Selasa siang."
    doc = _parse(nlp_rules, text)
    for item in [*doc._.kalbar_locations, *doc._.kalbar_organizations]:
        for m in item["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Pada Juli lalu, harga cabai naik tajam.", "Juli"),  # a month that is also a district
        ("Puncak acara jatuh pada malam hari.", "Puncak"),  # an everyday word that is also a regency
        ("Karo Ops Polda Kalbar memimpin rapat.", "Karo"),  # a post, not the regency
        ("Mahasiswa Sastra Indonesia menggelar pentas.", "Indonesia"),  # part of another name
        ("Para warga menuju kota untuk berbelanja.", "Kota"),
    ],
)
def test_everyday_words_are_not_places(nlp_rules, text, absent):
    assert absent not in _names(_parse(nlp_rules, text)._.kalbar_locations)


def test_parent_region_resolves_a_shared_name(nlp_rules):
    text = "Gubernur Jawa Barat berkunjung ke Sukabumi. Di Sukabumi ia meresmikan pasar."
    locs = _parse(nlp_rules, text)._.kalbar_locations
    suk = [d for d in locs if d["name"] == "Sukabumi"]
    assert len(suk) == 1 and suk[0]["code"] == "32.02" and len(suk[0]["mentions"]) == 2


def test_city_or_regency_from_the_article(nlp_rules):
    text = "Pemkot Kediri menggelar vaksinasi. Warga Kediri antusias datang ke Kota Kediri."
    locs = _parse(nlp_rules, text)._.kalbar_locations
    kediri = [d for d in locs if d["name"] == "Kediri"]
    assert len(kediri) == 1 and kediri[0]["kind"] == "city" and kediri[0]["code"] == "35.71"


# ---------------------------------------------------------------- locations: venues, villages, countries


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Acara berlangsung di Aula Rahadi Osman, Senin.", "Aula Rahadi Osman", "venue"),
        (
            "Sosialisasi digelar di Gedung Serba Guna Mekar Jaya kemarin.",
            "Gedung Serba Guna Mekar Jaya",
            "venue",
        ),
        ("Kecelakaan terjadi di Jalan Ahmad Yani, Minggu malam.", "Jalan Ahmad Yani", "venue"),
        ("Tim menyisir Jl. Gajah Mada hingga pagi.", "Jl. Gajah Mada", "venue"),
        ("Tamu menginap di Hotel Kapuas Permai selama tiga hari.", "Hotel Kapuas Permai", "venue"),
        ("Salat Id dipusatkan di Masjid Raya Mujahidin.", "Masjid Raya Mujahidin", "venue"),
        ("Upacara digelar di Lapangan Keboen Sajoek.", "Lapangan Keboen Sajoek", "venue"),
        ("Bupati menerima tamu di Pendopo Bupati, Rabu.", "Pendopo Bupati", "venue"),
        ("Perahu karam di Sungai Kapuas saat hujan.", "Sungai Kapuas", "other"),
        ("Wisatawan berlibur ke Pulau Lemukutan.", "Pulau Lemukutan", "other"),
        ("Warga Desa Sungai Ambawang Kuala menggelar kenduri.", "Desa Sungai Ambawang Kuala", "village"),
        ("Banjir melanda Kelurahan Tambelan Sampit semalam.", "Kelurahan Tambelan Sampit", "village"),
        ("Delegasi dari Jepang dan Korea Selatan hadir.", "Korea Selatan", "country"),
        ("Harga minyak di Amerika Serikat naik.", "Amerika Serikat", "country"),
    ],
)
def test_venues_places_countries(nlp_rules, text, name, kind):
    locs = _parse(nlp_rules, text)._.kalbar_locations
    hit = [d for d in locs if d["name"] == name]
    assert hit, locs
    assert hit[0]["kind"] == kind


def test_place_inside_a_title_or_organisation_is_a_location(nlp_rules):
    doc = _parse(nlp_rules, "Kapolres Melawi memimpin apel di halaman Polres Melawi.")
    assert "Melawi" in _names(doc._.kalbar_locations)
    assert "Polres Melawi" in _names(doc._.kalbar_organizations)


def test_indonesia_inside_an_organisation_is_no_location(nlp_rules):
    doc = _parse(nlp_rules, "Bank Indonesia menahan suku bunga, kata Lembaga Administrasi Negara RI.")
    assert "Indonesia" not in _names(doc._.kalbar_locations)
    assert "RI" not in _names(doc._.kalbar_locations)
    assert {"Bank Indonesia", "Lembaga Administrasi Negara RI"} <= _names(doc._.kalbar_organizations)


# ---------------------------------------------------------------- organisations: head patterns


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Polres Sintang menangkap dua pelaku.", "Polres Sintang"),
        ("Anggota Polsek Sungai Raya berjaga di pasar.", "Polsek Sungai Raya"),
        ("Polda Kalbar menggelar operasi lalu lintas.", "Polda Kalbar"),
        ("Pemkab Landak menyalurkan bantuan bibit.", "Pemkab Landak"),
        ("Pemprov Kalbar menyiapkan anggaran.", "Pemprov Kalbar"),
        ("Pemerintah Kabupaten Kapuas Hulu membuka lowongan.", "Pemerintah Kabupaten Kapuas Hulu"),
        ("Dinas Kesehatan Kabupaten Sambas Ratna Dewi mengimbau warga.", "Dinas Kesehatan Kabupaten Sambas"),
        ("Rapat paripurna DPRD Sekadau berjalan lancar.", "DPRD Sekadau"),
        ("Kejari Bengkayang menahan tersangka.", "Kejari Bengkayang"),
        ("Sidang digelar di Pengadilan Negeri Mempawah.", "Pengadilan Negeri Mempawah"),
        ("Mahasiswa Universitas Tanjungpura meneliti gambut.", "Universitas Tanjungpura"),
        ("Karyawan PT Sawit Makmur Lestari mogok kerja.", "PT Sawit Makmur Lestari"),
        ("Kader Partai Harapan Rakyat berkumpul.", "Partai Harapan Rakyat"),
        ("Pasien dirujuk ke RSUD Soedarso kemarin.", "RSUD Soedarso"),
        ("Siswa SMA Negeri 1 Ngabang juara lomba.", "SMA Negeri 1 Ngabang"),
        ("Kementerian Kesehatan RI mengirim vaksin.", "Kementerian Kesehatan RI"),
        ("Badan Pusat Statistik merilis data inflasi.", "Badan Pusat Statistik"),
        ("Komisi Pemberantasan Korupsi memeriksa saksi.", "Komisi Pemberantasan Korupsi"),
        ("BPBD Kubu Raya mendirikan posko.", "BPBD Kubu Raya"),
        ("Bank Kalbar membuka kantor cabang baru.", "Bank Kalbar"),
    ],
)
def test_org_patterns(nlp_rules, text, name):
    orgs = _parse(nlp_rules, text)._.kalbar_organizations
    assert name in _names(orgs), orgs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Para perangkat daerah pemerintah provinsi hadir.", None),
        ("Para perusahaan diminta taat aturan.", None),
        ("Seluruh OPD wajib hadir dalam apel pagi.", None),
        ("Gaji ASN dan PNS naik tahun ini.", None),
        ("Rancangan Peraturan Daerah (Raperda) itu disahkan.", None),
        ("Dana Alokasi Khusus (DAK) cair bulan depan.", None),
        ("Pelaku UMKM mendapat pelatihan.", None),
    ],
)
def test_not_organisations(nlp_rules, text, name):
    assert _parse(nlp_rules, text)._.kalbar_organizations == []


# ---------------------------------------------------------------- acronyms and grouping


def test_acronym_defined_in_the_text(nlp_rules):
    text = "Pelatihan digelar Lembaga Administrasi Negara (LAN). Peserta LAN berasal dari 12 daerah."
    orgs = _parse(nlp_rules, text)._.kalbar_organizations
    assert len(orgs) == 1
    assert orgs[0]["name"] == "Lembaga Administrasi Negara"
    assert orgs[0]["acronym"] == "LAN"
    assert len(orgs[0]["mentions"]) == 2


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "Pemerintah Kabupaten Ketapang menggelar rapat. Pemkab Ketapang juga mengundang camat.",
            "Pemerintah Kabupaten Ketapang",
            "Pemkab Ketapang",
        ),
        (
            "Komisi Pemberantasan Korupsi memanggil saksi. Juru bicara KPK membenarkan hal itu.",
            "Komisi Pemberantasan Korupsi",
            "KPK",
        ),
        (
            "Badan Pengawas Pemilu (Bawaslu) Sambas menerima laporan. Bawaslu Sambas lalu memanggil saksi.",
            "Badan Pengawas Pemilu Sambas",
            "Bawaslu Sambas",
        ),
        (
            "Rapat DPRD Kota Singkawang dimulai pukul 09.00. Ketua DPRD Singkawang membuka rapat.",
            "DPRD Kota Singkawang",
            "DPRD Singkawang",
        ),
        (
            "Dinas Kesehatan (Dinkes) Kota Pontianak membuka posko. Dinkes menyiapkan obat.",
            "Dinas Kesehatan Kota Pontianak",
            "Dinkes",
        ),
        (
            "Pemkab Melawi menyalurkan beras. Bantuan Pemkab diterima warga.",
            "Pemkab Melawi",
            "Pemkab",
        ),
    ],
)
def test_org_grouping(nlp_rules, text, name, alias):
    orgs = _parse(nlp_rules, text)._.kalbar_organizations
    hit = [d for d in orgs if d["name"] == name]
    assert len(hit) == 1, orgs
    assert alias in hit[0]["aliases"]
    assert len(orgs) == 1


def test_unit_before_its_organisation(nlp_rules):
    orgs = _parse(nlp_rules, "Personel Polairud Polda Kalbar menyisir sungai.")._.kalbar_organizations
    assert _names(orgs) == {"Polairud Polda Kalbar"}


def test_outlet_named_in_the_body(nlp_rules):
    orgs = _parse(nlp_rules, "Hal itu disampaikannya kepada Kalbarnews.com, Senin.")._.kalbar_organizations
    assert "Kalbarnews.com" in _names(orgs)


# ---------------------------------------------------------------- provenance, dateline, boilerplate


def test_entities_carry_their_source(nlp_rules):
    doc = _parse(nlp_rules, "Polres Sintang menggelar apel di Aula Polres.")
    assert doc._.kalbar_entities
    for e in doc._.kalbar_entities:
        assert e["label"] in ("ORG", "LOC") and e["source"]
        assert doc.text[e["start"] : e["end"]] == e["text"]


def test_dateline_place_is_a_location_and_outlet_is_not_an_org(nlp_rules):
    text = "PONTIANAK, KALBARWARTA.COM - Wali Kota meninjau banjir di Kecamatan Pontianak Utara, Senin."
    doc = _parse(nlp_rules, text)
    assert doc._.kalbar_dateline is not None, "dateline component did not find the dateline"
    assert "KALBARWARTA.COM" not in _names(doc._.kalbar_organizations)
    assert "Pontianak" in _names(doc._.kalbar_locations) or "PONTIANAK" in _names(doc._.kalbar_locations)


@pytest.mark.parametrize(
    ("text", "place", "code"),
    [
        # an everyday word opening the text is still the dateline's place
        ("Serang - Gubernur Banten meresmikan jembatan baru di pinggir kota.", "Serang", "36.04"),
        # a town no list holds
        ("NANGA LEMPUK, KALBARWARTA.COM - Warga memperbaiki jalan desa bersama-sama.", "NANGA LEMPUK", None),
        # a place abroad
        ("KAIRO, KALBARWARTA.COM - Mahasiswa asal Kalbar menggelar doa bersama.", "KAIRO", None),
    ],
)
def test_dateline_place_always_listed(nlp_rules, text, place, code):
    locs = {d["name"]: d for d in _parse(nlp_rules, text)._.kalbar_locations}
    assert place in locs, locs
    assert locs[place]["code"] == code


def test_place_inside_the_outlet_brand_is_no_location(nlp_rules):
    text = "TRIBUN-SAMBAS.COM, SINGKAWANG - Wali Kota meninjau pasar yang terbakar, Senin."
    names = _names(_parse(nlp_rules, text)._.kalbar_locations)
    assert "SINGKAWANG" in names
    assert "SAMBAS" not in names and "Sambas" not in names


def test_people_are_not_listed(nlp_rules):
    doc = _parse(nlp_rules, "Sekda Ketapang Alexander Wilyo hadir di Aula Garuda.")
    assert "Alexander Wilyo" not in _all_forms(doc._.kalbar_organizations) | _all_forms(
        doc._.kalbar_locations
    )


def test_empty_text(nlp_rules):
    doc = _parse(nlp_rules, "")
    assert doc._.kalbar_organizations == [] and doc._.kalbar_locations == []


@pytest.mark.shared
def test_dev_set_scores(shared_dir, nlp_rules):
    """Rules alone reach the targets on the dev set (locations F1 >= 0.75, organisations >= 0.65)."""
    import json
    import sys

    sys.path.insert(0, str(shared_dir / "eval"))
    import score  # type: ignore[import-not-found]

    from kalbar_nlp.records import doc_to_article

    dev = shared_dir / "data" / "dev"
    gold = {}
    with open(dev / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            gold[g["id"]] = g
    tallies = {f: score.Tally() for f in ("organizations", "locations")}
    gz = nlp_rules.get_pipe("kalbar_gazetteer")
    with open(dev / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            doc = nlp_rules.make_doc(item["text"])
            for name, proc in nlp_rules.pipeline:
                if name in ("kalbar_boilerplate", "kalbar_sentences", "kalbar_dateline", "kalbar_bylines"):
                    doc = proc(doc)
            doc = gz(doc)
            rec = doc_to_article(doc).to_dict()
            for f, t in tallies.items():
                keys = score.entity_keys(gold[item["id"]].get(f))
                pairs, up, ug = score.match_entities(score.dedupe(score.pred_names(rec[f])), keys)
                t.add(len(pairs), len(up), len(ug))
    assert tallies["locations"].prf()["f1"] >= 0.75
    assert tallies["organizations"].prf()["f1"] >= 0.65


# ---------------------------------------------------------------- with the trained NER


@pytest.mark.parametrize(
    ("text", "org", "loc"),
    [
        ("Kapolres Sintang AKBP Rudi Hartono memimpin apel di Polres Sintang.", "Polres Sintang", "Sintang"),
        (
            "Wakil Ketua DPRD Kalbar Siti Aminah meninjau banjir di Kabupaten Sambas.",
            "DPRD Kalbar",
            "Kabupaten Sambas",
        ),
    ],
)
def test_rules_win_with_the_ner(nlp, text, org, loc):
    doc = nlp(text)
    assert org in _names(doc._.kalbar_organizations)
    assert loc in _names(doc._.kalbar_locations)
    people = {"Rudi Hartono", "Siti Aminah"}
    assert not people & (_all_forms(doc._.kalbar_organizations) | _all_forms(doc._.kalbar_locations))


def test_place_inside_a_venue_is_a_location(nlp_rules):
    doc = _parse(nlp_rules, "Apel siaga digelar di halaman Kantor Bupati Sanggau, Senin pagi.")
    locs = {d["name"]: d for d in doc._.kalbar_locations}
    assert locs["Kantor Bupati Sanggau"]["kind"] == "venue"
    assert locs["Sanggau"]["code"] == "61.03"


@pytest.mark.parametrize(
    ("text", "org", "not_a_place"),
    [
        (
            "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sanggau memperbaiki jalan desa.",
            "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sanggau",
            "Ruang Kabupaten Sanggau",
        ),
        (
            "Rapat digelar Dinas Tata Ruang Kota Singkawang pada Senin pagi.",
            "Dinas Tata Ruang Kota Singkawang",
            "Ruang Kota Singkawang",
        ),
    ],
)
def test_venue_word_inside_an_organisation_name_is_no_place(nlp_rules, text, org, not_a_place):
    doc = _parse(nlp_rules, text)
    assert org in _names(doc._.kalbar_organizations)
    assert not_a_place not in _names(doc._.kalbar_locations)
    # the region inside the organisation's name is still a place
    assert any(n in _names(doc._.kalbar_locations) for n in ("Sanggau", "Singkawang"))


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ia anggota DPRD Kabupaten", "DPRD Kabupaten"),
        ("Rapat di Polres Kota", "Polres Kota"),
        ("Surat itu dikirim ke Kantor Pemerintah Provinsi", None),
        ("Relawan mendaftar di BPBD Kab.", None),
    ],
)
def test_prefix_as_the_last_word_of_the_text(nlp_rules, text, org):
    """A region prefix written last (no region after it) reads like one followed by a full stop."""
    doc = _parse(nlp_rules, text)
    assert [loc for loc in doc._.kalbar_locations if loc["code"]] == []  # no region without its name
    if org is not None:
        assert _names(doc._.kalbar_organizations) == {org}
    with_stop = _parse(nlp_rules, text + ".")
    assert _names(with_stop._.kalbar_organizations) == _names(doc._.kalbar_organizations)
    assert _names(with_stop._.kalbar_locations) == _names(doc._.kalbar_locations)


def test_parse_prefix_as_the_last_word():
    import kalbar_nlp

    article = kalbar_nlp.parse("Rapat di Polres Kota")
    assert [org.name for org in article.organizations] == ["Polres Kota"]


def test_repeated_heads_and_prefixes(nlp_rules):
    """Heads, titles and prefixes repeated over a long text (32 KB) each give their own mention."""
    text = "Jl. Kab. H. Dr. " * 2000
    doc = _parse(nlp_rules, text)
    assert doc._.kalbar_organizations == []
    [street] = doc._.kalbar_locations
    assert (street["name"], street["kind"]) == ("Jl. Kab", "venue")
    assert len(street["mentions"]) == 2000
    assert street["mentions"][-1] == {"text": "Jl. Kab", "start": len(text) - 16, "end": len(text) - 9}


def test_many_people_places_and_organisations(nlp_rules):
    """A long text (44 KB) of people, places inside names and organisations with and without a region.

    Every repetition gives the same entities: the place inside a person's name is no place, the
    person after a company's name is cut off, the region inside an organisation is a location
    and ``Dinas Kesehatan`` joins ``Dinas Kesehatan Kota Pontianak``.
    """
    unit = (
        "Warga Sintang bertemu Bambang Sintang Putra dari PT Gag Nikel Arya Aditya. "
        "Dinas Kesehatan Kota Pontianak dan Dinas Kesehatan menggelar vaksinasi. "
    )
    repeats = 300
    doc = nlp_rules.make_doc(unit * repeats)
    people = []
    for k in range(repeats):
        for name in ("Bambang Sintang Putra", "Arya Aditya"):
            start = k * len(unit) + unit.index(name)
            people.append(doc.char_span(start, start + len(name), label="PER"))
    doc.ents = people
    for _name, proc in nlp_rules.pipeline:
        doc = proc(doc)
    orgs = {d["name"]: len(d["mentions"]) for d in doc._.kalbar_organizations}
    assert orgs == {"PT Gag Nikel": repeats, "Dinas Kesehatan Kota Pontianak": 2 * repeats}
    locs = {(d["name"], d["source"]): len(d["mentions"]) for d in doc._.kalbar_locations}
    assert locs == {("Sintang", "gazetteer"): repeats, ("Pontianak", "gazetteer+org"): repeats}
