"""Organisations: where a name ends, and which spans are no organisation.

Every sentence here is written for these tests (invented people, bodies and events).
"""

from __future__ import annotations


def _org_names(nlp, text):
    return [org["name"] for org in nlp(text)._.kalbar_organizations]


# ---------------------------------------------------------------- the jurisdiction after (ACR)


def test_the_region_after_a_long_bodys_acronym_is_its_jurisdiction(nlp_rules):
    text = (
        "Kepala Dinas Pekerjaan Umum Bina Marga dan Sumber Daya Air (DPUBMSDA) Kabupaten Melawi "
        "meninjau jembatan itu. Seleksi digelar Badan Kepegawaian dan Pengembangan Sumber Daya "
        "Manusia (BKPSDM) Kota Singkawang pekan lalu."
    )
    names = _org_names(nlp_rules, text)
    assert "Dinas Pekerjaan Umum Bina Marga dan Sumber Daya Air (DPUBMSDA) Kabupaten Melawi" in names
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Singkawang" in names


def test_a_national_bodys_chapter_keeps_the_national_name(nlp_rules):
    text = "Seminar itu digelar Persatuan Perawat Pensiunan Indonesia (PPPI) Provinsi Kalbar di Pontianak."
    names = _org_names(nlp_rules, text)
    assert "Persatuan Perawat Pensiunan Indonesia" in names
    assert not any("Provinsi" in name for name in names)


# ---------------------------------------------------------------- a defined acronym that is no body


def test_a_programme_or_room_before_a_defined_acronym_is_no_organisation(nlp_rules):
    text = (
        "Bank itu menyalurkan Program BRI Tani Maju Bersama (TMB) ke petani. Rapat digelar di "
        "Ruang Sasana Bhakti Praja (SBP), lalu Kepala Badan Pengelola Pajak Daerah (BPPD) berbicara."
    )
    names = _org_names(nlp_rules, text)
    assert "Tani Maju Bersama" not in names
    assert "Sasana Bhakti Praja" not in names
    assert "Badan Pengelola Pajak Daerah" in names


def test_a_provinces_acronym_is_no_organisation(nlp_rules):
    text = "Pemilih di Nusa Tenggara Timur (NTT) diminta mengecek data ke Badan Pengawas Pemilu (Bawaslu)."
    names = _org_names(nlp_rules, text)
    assert "Nusa Tenggara Timur" not in names
    assert "Badan Pengawas Pemilu" in names


def test_a_persons_initials_are_no_organisation(nlp):
    text = (
        "Dalam musyawarah daerah partai itu, Bambang Suryadi Hartono (BSH) bersaing dengan dua kader "
        "lain. Dukungan juga datang dari Himpunan Pengusaha Muda Indonesia (HIPMI)."
    )
    names = _org_names(nlp, text)
    assert "Bambang Suryadi Hartono" not in names
    assert "Himpunan Pengusaha Muda Indonesia" in names


# ---------------------------------------------------------------- one body in variant forms


def test_a_head_before_a_bodys_acronym_is_the_same_body(nlp_rules):
    text = (
        "Kepala Dinas PUPR Kabupaten Sintang meninjau jalan itu. Menurut PUPR Sintang, perbaikan "
        "selesai bulan depan."
    )
    orgs = nlp_rules(text)._.kalbar_organizations
    assert [org["name"] for org in orgs] == ["Dinas PUPR Kabupaten Sintang"]


def test_a_university_named_after_a_body_is_another_body(nlp_rules):
    text = (
        "Mahasiswa Universitas Muhammadiyah Pontianak ikut membantu. Bantuan itu dihimpun "
        "Muhammadiyah Kota Pontianak sejak pekan lalu."
    )
    assert len(nlp_rules(text)._.kalbar_organizations) == 2


def test_the_models_person_with_a_bodys_head_word_stays_an_organisation():
    from kalbar_nlp.components.gazetteer.acronyms import find_acronym_definitions
    from kalbar_nlp.components.gazetteer.candidates import Lexicon, Scan
    from kalbar_nlp.components.gazetteer.tokens import tokenize

    def defined(text):
        toks = tokenize(text)
        every_token = set(range(len(toks)))  # as if the model tagged the whole sentence a person
        scan = Scan(toks, Lexicon.load(), set())
        return [cand.acronym for cand in find_acronym_definitions(scan, every_token)]

    assert defined("Bantuan datang dari Yayasan Bina Karya Mandiri (YBKM) kemarin.") == ["YBKM"]
    assert defined("Dukungan datang dari Bambang Suryadi Hartono (BSH) kemarin.") == []


# ---------------------------------------------------------------- the holder after a complete name


def test_an_unknown_name_after_a_titled_complete_body_is_its_holder(nlp_rules):
    names = _org_names(nlp_rules, "Rapat dipimpin Ketua DPRD Karjono, didampingi para wakil ketua.")
    assert "DPRD Karjono" not in names


def test_a_place_after_a_titled_body_stays_in_its_name(nlp_rules):
    names = _org_names(nlp_rules, "Rapat dipimpin Ketua DPRD Kubu Raya, didampingi para wakil ketua.")
    assert names == ["DPRD Kubu Raya"]


# ---------------------------------------------------------------- a post before a name closed by a suffix


def test_a_post_before_a_suffixed_name_is_no_part_of_it(nlp_rules):
    text = (
        "Rektor Khatulistiwa Global University memberi sambutan. Pelatih Borneo Raya FC menyiapkan "
        "tim, dibantu Sinar Kapuas Group."
    )
    names = _org_names(nlp_rules, text)
    assert names == ["Khatulistiwa Global University", "Borneo Raya FC", "Sinar Kapuas Group"]


# ---------------------------------------------------------------- the model's one-off organisations


def _grouped(text, spans):
    from kalbar_nlp.components.gazetteer.candidates import Cand, Lexicon
    from kalbar_nlp.components.gazetteer.org_grouping import group_organisations
    from kalbar_nlp.components.gazetteer.tokens import tokenize

    toks = tokenize(text)
    starts = {tok.start: k for k, tok in enumerate(toks)}
    cands = []
    for phrase, nth in spans:
        at = -1
        for _ in range(nth + 1):
            at = text.index(phrase, at + 1)
        i = starts[at]
        cands.append(Cand(i, i + len(phrase.split()), "ORG", None, "ner", 1))
    return [org["name"] for org in group_organisations(text, toks, cands, {}, Lexicon.load().orgs, [])]


FILLER = " Warga desa itu bergotong royong membersihkan parit dan jalan setiap pekan." * 12


def test_a_one_off_model_organisation_in_an_article_needs_support():
    text = "Harga sepeda motor Kilat Jaya naik lagi." + FILLER
    assert _grouped(text, [("Kilat Jaya", 0)]) == []


def test_a_model_organisation_named_twice_or_in_one_sentence_stays():
    text = "Koperasi itu bermitra dengan Sumber Tani Lestari. Sumber Tani Lestari membeli gabah." + FILLER
    assert _grouped(text, [("Sumber Tani Lestari", 0), ("Sumber Tani Lestari", 1)]) == ["Sumber Tani Lestari"]
    assert _grouped("Harga sepeda motor Kilat Jaya naik lagi.", [("Kilat Jaya", 0)]) == ["Kilat Jaya"]


# ---------------------------------------------------------------- function words glued to a name


def test_a_function_word_glued_to_a_name_is_split_off():
    from kalbar_nlp.components.gazetteer.tokens import tokenize

    def words(text):
        return [tok.text for tok in tokenize(text)]

    assert words("dibawa keDPRD Kota Sambas") == ["dibawa", "ke", "DPRD", "Kota", "Sambas"]
    assert words("ada TPSyang penuh") == ["ada", "TPS", "yang", "penuh"]
    assert words("kedua pihak di Kediri") == ["kedua", "pihak", "di", "Kediri"]  # words, not glue
    assert words("BUMDes dan KPU") == ["BUMDes", "dan", "KPU"]


def test_an_outlet_and_a_body_after_a_glued_function_word(nlp_rules):
    text = "Hal itu disampaikan Budi kepadadetikKalbar, Senin. Aduan dibawa keDPRD Kota Singkawang."
    names = _org_names(nlp_rules, text)
    assert "detikKalbar" in names
    assert "DPRD Kota Singkawang" in names


def test_a_name_with_and_without_its_joining_word_is_one_body(nlp_rules):
    text = (
        "Surat itu dikirim Dinas Pendidikan dan Kebudayaan kepada sekolah. Menurut Dinas Pendidikan "
        "Kebudayaan, aturan itu berlaku bulan depan. Dinas Pendidikan dan Dinas Kebudayaan ikut hadir."
    )
    names = _org_names(nlp_rules, text)
    assert names == ["Dinas Pendidikan dan Kebudayaan", "Dinas Pendidikan", "Dinas Kebudayaan"]


def test_a_unit_spelled_out_before_its_parent_is_its_acronym(nlp_rules):
    text = (
        "Kasus itu ditangani Satuan Reserse Kriminal Polres Sambas. Satreskrim Polres Sambas sudah "
        "memeriksa saksi, dibantu Satresnarkoba Polres Sambas."
    )
    names = _org_names(nlp_rules, text)
    assert names == ["Satuan Reserse Kriminal Polres Sambas", "Satresnarkoba Polres Sambas"]


def test_a_defined_acronym_names_a_body_only_with_a_word_for_one(nlp_rules):
    text = (
        "Tingkat Hunian Kamar (THK) hotel naik. Pinjaman itu dari Kapuas River Bank (KRB), dan rapat "
        "Kapuas Planning Committee (KPC) digelar kemarin."
    )
    names = _org_names(nlp_rules, text)
    assert "Tingkat Hunian Kamar" not in names
    assert "Kapuas River Bank" in names
    assert "Kapuas Planning Committee" in names


def test_a_defined_acronym_the_model_tags_as_an_organisation_stays_one():
    from kalbar_nlp.components.gazetteer.acronyms import find_acronym_definitions
    from kalbar_nlp.components.gazetteer.candidates import Lexicon, Scan
    from kalbar_nlp.components.gazetteer.tokens import tokenize

    toks = tokenize("Massa Gerombolan Rimba Raya (GRR) menyerang pos itu.")
    scan = Scan(toks, Lexicon.load(), set())
    assert find_acronym_definitions(scan) == []
    scan.ner_orgs = {(1, 4)}  # Gerombolan Rimba Raya
    assert [cand.acronym for cand in find_acronym_definitions(scan)] == ["GRR"]


def test_a_ministers_portfolio_is_no_organisation(nlp_rules):
    text = (
        "Usulan itu disampaikan kepada Menteri Energi dan Sumber Daya Mineral (ESDM) saat berkunjung. "
        "Menko PMK juga hadir. Surat dikirim ke Kementerian ESDM. Kepala BPBD Sintang ikut hadir."
    )
    names = _org_names(nlp_rules, text)
    assert names == ["Kementerian ESDM", "BPBD Sintang"]


def test_dan_before_a_post_ends_a_name(nlp_rules):
    text = "Surat dikirim ke Kementerian Sosial dan Kepala BPBD Sintang pekan lalu."
    assert _org_names(nlp_rules, text) == ["Kementerian Sosial", "BPBD Sintang"]
    text = "Rapat digelar Dinas Pendidikan dan Kebudayaan pekan lalu."
    assert _org_names(nlp_rules, text) == ["Dinas Pendidikan dan Kebudayaan"]


def test_a_legal_form_written_out_is_the_same_company(nlp_rules):
    text = (
        "Beras disalurkan Perusahaan Umum Sinar Tirta ke pasar. Direktur Perum Sinar Tirta memantau "
        "harga, bersama Perusahaan Umum Daerah Tirta Raya."
    )
    orgs = nlp_rules(text)._.kalbar_organizations
    assert [org["name"] for org in orgs] == [
        "Perusahaan Umum Sinar Tirta",
        "Perusahaan Umum Daerah Tirta Raya",
    ]
