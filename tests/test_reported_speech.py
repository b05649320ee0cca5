"""Tests of reported speech (indirect quotes) and their speakers on invented Indonesian news text.

Each rule has a positive case and a near miss that looks like it but is no reported speech.
"""

from __future__ import annotations

import pytest


def quotes_of(nlp, text: str) -> list[dict]:
    qs = nlp(text)._.kalbar_quotes
    for q in qs:
        assert text[q["start"] : q["end"]] == q["text"]
    return qs


def texts_of(nlp, text: str) -> list[str]:
    return [q["text"] for q in quotes_of(nlp, text)]


# -- cue words: passive cues with the speaker after them, suffix cues of denial, adverbs after a verb ---
CUE_WORDS = [
    (
        "Dua warga hanyut di Sungai Kapuas. "
        "Dibenarkan Kapolres Sintang, kedua korban hingga kini belum ditemukan.",
        "kedua korban hingga kini belum ditemukan",
    ),
    (
        "Diungkap Kasat Reskrim Iptu Andi Saputra, pelaku sudah beraksi di lima lokasi berbeda.",
        "pelaku sudah beraksi di lima lokasi berbeda",
    ),
    (
        "Warga menuding bantuan tidak merata. "
        "“Semua warga sudah menerima jatah yang sama,” bantah Kades Yohanes.",
        "Semua warga sudah menerima jatah yang sama",
    ),
    (
        "Kepala Desa Nanga Mau, Antonius, menjawab singkat: warga sudah dievakuasi seluruhnya.",
        "warga sudah dievakuasi seluruhnya",
    ),
    (
        "Ia pun menegaskan kembali bahwa seluruh bantuan akan disalurkan tepat sasaran.",
        "seluruh bantuan akan disalurkan tepat sasaran",
    ),
]


@pytest.mark.parametrize(("text", "quote"), CUE_WORDS)
def test_cue_words_introduce_reported_speech(nlp_rules, text, quote):
    assert quote in texts_of(nlp_rules, text)


CUE_NEAR_MISSES = [
    # an agentless passive with no speaker named is no attribution
    "Dibenarkan atau tidak, kabar itu sudah beredar luas di kalangan warga desa.",
    # a suffix cue of direct quotes only opens no reported speech at the start of a sentence
    "Tanya jawab berlangsung hingga sore, peserta aktif mengajukan pertanyaan kepada narasumber.",
]


@pytest.mark.parametrize("text", CUE_NEAR_MISSES)
def test_cue_words_near_misses(nlp_rules, text):
    assert texts_of(nlp_rules, text) == []


# -- a verb of saying that opens the sentence without a subject heads an adverbial clause ------------------
def test_opening_clause_verb_leaves_the_speaking_verb(nlp_rules):
    qs = quotes_of(
        nlp_rules,
        "Menanggapi hal itu, Bupati Sintang Jarot Winarno menyampaikan pemerintah daerah siap "
        "menetapkan status tanggap darurat.",
    )
    assert [q["text"] for q in qs] == ["pemerintah daerah siap menetapkan status tanggap darurat"]
    assert qs[0]["speaker"]["name"] == "Jarot Winarno"


def test_opening_clause_verb_near_miss(nlp_rules):
    text = "Menanggapi hal itu, Bupati Sintang Jarot Winarno menyampaikan terima kasih kepada relawan."
    assert texts_of(nlp_rules, text) == []


# -- `Hal senada disampaikan X, yang mengatakan ...`, also after a connective -------------------------------
def test_similar_statement_with_relative_clause(nlp_rules):
    qs = quotes_of(
        nlp_rules,
        "Di sisi lain, hal senada juga disampaikan Ketua DPRD Sintang Florensius Ronny yang mengatakan "
        "dewan mendukung penuh langkah pemerintah.",
    )
    assert [q["text"] for q in qs] == ["dewan mendukung penuh langkah pemerintah"]
    assert qs[0]["speaker"]["name"] == "Florensius Ronny"


def test_similar_statement_near_miss_keeps_the_quote_before(nlp_rules):
    qs = quotes_of(
        nlp_rules,
        "“Kami sudah menyiapkan perahu karet,” kata Budi Santoso. "
        "Hal senada disampaikan Camat Sepauk Yohanes Lamba.",
    )
    assert [q["text"] for q in qs] == ["Kami sudah menyiapkan perahu karet"]
    assert qs[0]["speaker"]["name"] == "Budi Santoso"


# -- `-nya` before anyone has spoken: the person named last; not after a speaker no one could name --------
def test_pronoun_before_any_speaker_is_the_person_named_last(nlp):
    qs = quotes_of(
        nlp,
        "Klub Persiko Kota Baru resmi merekrut penyerang Andi Saputra pekan ini. "
        "Diakuinya, proses kepindahan itu berjalan cepat dan lancar.",
    )
    assert [q["text"] for q in qs] == ["proses kepindahan itu berjalan cepat dan lancar"]
    assert qs[0]["speaker"]["name"] == "Andi Saputra"


def test_pronoun_after_an_unnamed_speaker_is_not_the_person_named_last(nlp):
    qs = quotes_of(
        nlp,
        "Klub Persiko Kota Baru resmi merekrut penyerang Andi Saputra pekan ini. "
        "“Latihan dimulai besok pagi,” kata pelatih kepala klub. "
        "Diakuinya, proses kepindahan itu berjalan cepat dan lancar.",
    )
    assert qs[-1]["text"] == "proses kepindahan itu berjalan cepat dan lancar"
    assert qs[-1]["speaker"] is None


# -- a second clause with a subject of its own after a verb that reports nothing --------------------------
def test_second_clause_after_a_verb_that_reports_nothing(nlp_rules):
    text = (
        "Kapolres Sintang AKBP Dwi Prasetyo menyampaikan terima kasih kepada relawan, "
        "dia juga memastikan bahwa pencarian korban terus dilakukan hingga malam."
    )
    assert texts_of(nlp_rules, text) == ["pencarian korban terus dilakukan hingga malam"]


def test_second_clause_near_miss_same_subject_goes_on(nlp_rules):
    text = (
        "Kuasa hukum Aan Saputra menyampaikan terima kasih kepada hakim, "
        "serta mendesak polisi menghentikan seluruh proses penyidikan."
    )
    assert texts_of(nlp_rules, text) == []


# -- statements as noun phrases (memberikan keterangan bahwa), belief as a clause (yakin bahwa) -----------
STATEMENT_PHRASES = [
    (
        "Wali Kota Pontianak Edi Kamtono memberikan keterangan bahwa pemkot akan menambah armada sampah.",
        "pemkot akan menambah armada sampah",
    ),
    (
        "Kepala BPBD Sintang Budi Santoso yakin bahwa tanggul baru mampu menahan banjir tahun depan.",
        "tanggul baru mampu menahan banjir tahun depan",
    ),
    (
        "Kerusakan jalan itu sudah terjadi sejak tahun lalu, menurut keterangan Kepala Desa Antonius.",
        "Kerusakan jalan itu sudah terjadi sejak tahun lalu",
    ),
]


@pytest.mark.parametrize(("text", "quote"), STATEMENT_PHRASES)
def test_statement_phrases_introduce_reported_speech(nlp_rules, text, quote):
    assert texts_of(nlp_rules, text) == [quote]


STATEMENT_NEAR_MISSES = [
    "Warga semakin yakin dengan program bedah rumah yang digulirkan pemerintah desa.",
    "Petugas memberikan keterangan kepada penyidik di ruang pemeriksaan Polres Sintang.",
    "Harga beras naik sejak pekan lalu, menurut data Badan Pusat Statistik Kalbar.",
]


@pytest.mark.parametrize("text", STATEMENT_NEAR_MISSES)
def test_statement_phrases_near_misses(nlp_rules, text):
    assert texts_of(nlp_rules, text) == []


# -- a pronoun and the object-focus form of a verb of saying (`Dia katakan, ...`) -------------------------
FOCUS_VERBS = [
    (
        "Bupati Sintang Jarot Winarno meninjau lokasi banjir. "
        "Dia katakan, anggaran perbaikan sudah disetujui dewan.",
        ["anggaran perbaikan sudah disetujui dewan"],
    ),
    (
        "Bupati Sintang Jarot Winarno meninjau lokasi banjir. "
        "Untuk itu, ia sampaikan, perlu dukungan seluruh warga.",
        ["perlu dukungan seluruh warga"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOCUS_VERBS)
def test_pronoun_and_object_focus_verb(nlp_rules, text, expected):
    qs = quotes_of(nlp_rules, text)
    assert [q["text"] for q in qs] == expected
    assert qs[0]["speaker"]["name"] == "Jarot Winarno"


def test_object_focus_verb_near_miss(nlp_rules):
    text = (
        "Bupati Sintang Jarot Winarno meninjau lokasi banjir. Hal itu ia sampaikan saat rapat bersama camat."
    )
    assert texts_of(nlp_rules, text) == []


# -- reported speech runs on into a sentence that cannot stand alone ---------------------------------------
def test_quote_runs_on_into_a_fragment_sentence(nlp_rules):
    text = (
        "Kepala Puskesmas Sumiyati menjawab bahwa hal itu bisa saja didasari banyak faktor. "
        "Di antaranya akibat makanan yang dikonsumsi saat sarapan."
    )
    assert texts_of(nlp_rules, text) == [
        "hal itu bisa saja didasari banyak faktor. Di antaranya akibat makanan yang dikonsumsi saat sarapan"
    ]


def test_quote_does_not_run_on_into_a_sentence_of_its_own(nlp_rules):
    text = "Kapolsek Iptu Andi mengatakan pelaku sudah ditahan. Di kantor polisi, pelaku diperiksa penyidik."
    assert texts_of(nlp_rules, text) == ["pelaku sudah ditahan"]


def test_quote_does_not_run_on_into_the_next_paragraph(nlp_rules):
    text = (
        "Kapolsek Iptu Andi mengatakan pelaku sudah ditahan sejak Senin.\n\n"
        "Di antaranya dua orang warga Desa Nanga Mau yang ikut membantu."
    )
    assert texts_of(nlp_rules, text) == ["pelaku sudah ditahan sejak Senin"]


# -- a person acted on (`Saeful ditahan ...`) does not take over `-nya` from the one speaking ---------------
def test_person_acted_on_does_not_become_the_speaker(nlp):
    qs = quotes_of(
        nlp,
        "“Pelaku kami tangkap di rumahnya,” kata Kapolsek Sintang Iptu Andi Saputra. "
        "Tersangka Saeful Anwar (50) ditahan di Mapolsek Sintang sejak Senin. "
        "“Barang bukti sudah kami amankan,” ujarnya.",
    )
    assert qs[-1]["speaker"]["name"] == "Andi Saputra"


def test_person_who_acts_becomes_the_speaker(nlp):
    qs = quotes_of(
        nlp,
        "“Pelaku kami tangkap di rumahnya,” kata Kapolsek Sintang Iptu Andi Saputra. "
        "Kepala Kejari Sintang Saeful Anwar menjelaskan hal itu kepada wartawan. "
        "“Berkasnya segera kami limpahkan,” katanya.",
    )
    assert qs[-1]["speaker"]["name"] == "Saeful Anwar"


# -- promising and responding are no verbs of saying (berjanji, menanggapi) --------------------------------
def test_promise_is_no_reported_speech(nlp_rules):
    assert (
        texts_of(nlp_rules, "Bupati Sintang Jarot Winarno berjanji akan memperbaiki jalan itu tahun depan.")
        == []
    )
    assert texts_of(nlp_rules, "Camat Sepauk Yohanes Lamba menanggapi keluhan warga soal jalan rusak.") == []


def test_saying_the_same_is_reported_speech(nlp_rules):
    text = "Bupati Sintang Jarot Winarno mengatakan akan memperbaiki jalan itu tahun depan."
    assert texts_of(nlp_rules, text) == ["akan memperbaiki jalan itu tahun depan"]


# -- a document or figures as the subject cite data, no one's speech ----------------------------------------
DOCUMENT_SUBJECTS = [
    "Data itu juga menegaskan seluruh kecamatan di kota ini masuk zona rawan banjir.",
    "Dalam Inpres tersebut menekankan penghematan pada belanja perjalanan dinas.",
]


@pytest.mark.parametrize("text", DOCUMENT_SUBJECTS)
def test_document_subject_is_no_speaker(nlp_rules, text):
    assert texts_of(nlp_rules, text) == []


def test_person_subject_with_data_is_reported_speech(nlp_rules):
    text = "Kepala BPS Kalbar Moh Wahyu menegaskan seluruh kecamatan di kota ini masuk zona rawan banjir."
    assert texts_of(nlp_rules, text) == ["seluruh kecamatan di kota ini masuk zona rawan banjir"]


# -- a purpose phrase before a verb of saying (`Dalam upaya memastikan ...`) has no subject -----------------
def test_purpose_phrase_is_no_subject(nlp_rules):
    text = (
        "Dalam upaya memastikan proses penerimaan siswa berjalan bersih, Ombudsman Kalbar "
        "berkoordinasi dengan dinas pendidikan."
    )
    assert texts_of(nlp_rules, text) == []


def test_subject_before_the_same_verb_reports(nlp_rules):
    text = "Kepala Ombudsman Kalbar Nurul Hikmah memastikan proses penerimaan siswa berjalan bersih."
    assert texts_of(nlp_rules, text) == ["proses penerimaan siswa berjalan bersih"]


# -- a sentence that opens with `Bahwa` is a content clause of the statement before it ---------------------
def test_orphan_bahwa_clause_continues_the_speaker(nlp_rules):
    qs = quotes_of(
        nlp_rules,
        "Kapolres Aceh Jaya AKBP Zulfa Renaldo menyampaikan bahwa pengungkapan itu bermula dari "
        "laporan lapas.\n"
        "Bahwa ada temuan sabu dalam razia rutin di lingkungan lapas itu.",
    )
    assert [q["text"] for q in qs] == [
        "pengungkapan itu bermula dari laporan lapas",
        "ada temuan sabu dalam razia rutin di lingkungan lapas itu",
    ]
    assert qs[1]["speaker"]["name"] == "Zulfa Renaldo"


def test_bahwa_inside_a_sentence_without_a_cue_is_no_quote(nlp_rules):
    assert texts_of(nlp_rules, "Warga sudah lama tahu bahwa jalan di desa itu rusak parah.") == []


# -- colloquial `minta` with its addressee after `ke` and the requested act ---------------------------------
def test_minta_with_the_requested_act(nlp_rules):
    text = "Camat Sepauk Yohanes Lamba minta ke masyarakat jangan melupakan sejarah berdirinya desa itu."
    assert texts_of(nlp_rules, text) == ["masyarakat jangan melupakan sejarah berdirinya desa itu"]


def test_minta_maaf_is_no_request(nlp_rules):
    text = "Camat Sepauk Yohanes Lamba minta maaf kepada warga karena acara itu terlambat dimulai."
    assert texts_of(nlp_rules, text) == []


# -- a named subject set off by a comma after a clause verb (`menyampaikan Fraksi Nasdem, mendukung ...`) ----
def test_named_subject_set_off_by_a_comma(nlp_rules):
    text = (
        "Dalam reses itu, Ketua Fraksi Yohanes Lamba menyampaikan Fraksi Hanura, mendukung penuh "
        "seluruh kebijakan bupati."
    )
    assert texts_of(nlp_rules, text) == ["Fraksi Hanura, mendukung penuh seluruh kebijakan bupati"]


def test_named_object_and_relative_clause_is_no_quote(nlp_rules):
    text = "Bupati Sintang Jarot Winarno menyampaikan Nota Keuangan, yang berisi rencana belanja daerah."
    assert texts_of(nlp_rules, text) == []


# -- `Hal ini disampaikan <title>, <name>, saat ...`: the speaker phrase ends before `saat ...` -------------
def test_hal_tersebut_with_a_long_tail_names_the_speaker(nlp_rules):
    qs = quotes_of(
        nlp_rules,
        "Pemerintah menilai bandara itu secara teknis bisa dipakai jamaah haji. Hal ini disampaikan "
        "Menteri Perhubungan (Menhub), Dudy Purwagandhi, saat pertemuan dengan otoritas bandara di "
        "Makkah, Arab Saudi, Minggu (8/6).",
    )
    assert [q["text"] for q in qs] == ["bandara itu secara teknis bisa dipakai jamaah haji"]
    assert qs[0]["speaker"]["name"] == "Dudy Purwagandhi"


def test_hal_tersebut_without_a_speaker_names_no_one(nlp_rules):
    qs = quotes_of(
        nlp_rules,
        "Pemerintah menilai bandara itu secara teknis bisa dipakai jamaah haji. Hal ini disampaikan "
        "menanggapi keluhan jamaah soal antrean panjang di Jeddah.",
    )
    assert [q["speaker"] for q in qs] == [None]


# -- `Polisi`/`pihak kepolisian` and a body's short name speak for the body the article names -------------
def test_generic_police_and_short_body_names_resolve_to_the_article_bodies(nlp):
    qs = quotes_of(
        nlp,
        "SINTANG - Polres Sintang menangkap dua pelaku pencurian sepeda motor, Senin (2/6/2025). "
        "Pihak kepolisian mengatakan kedua pelaku sudah beraksi di lima lokasi berbeda. "
        "Dinas Kesehatan Kabupaten Sintang juga menggelar vaksinasi di Desa Nanga Mau. "
        "Dinas Kesehatan menyebut belum ada kasus baru di desa itu.",
    )
    assert [q["speaker"]["name"] if q["speaker"] else None for q in qs] == [
        "Polres Sintang",
        "Dinas Kesehatan Kabupaten Sintang",
    ]


def test_unnamed_group_stays_without_speaker(nlp):
    qs = quotes_of(
        nlp,
        "SINTANG - Polres Sintang menangkap dua pelaku pencurian sepeda motor, Senin (2/6/2025). "
        "Warga setempat mengatakan pencurian sudah sering terjadi di desa itu.",
    )
    assert [q["speaker"] for q in qs] == [None]


def test_generic_company_resolves_to_the_company_the_article_names(nlp):
    qs = quotes_of(
        nlp,
        "KETAPANG - PT Sinar Jaya Abadi membuka kebun sawit baru di Kecamatan Sandai, Senin (2/6/2025). "
        "Pihak perusahaan mengatakan seluruh izin lingkungan sudah dipenuhi.",
    )
    assert [q["speaker"]["name"] for q in qs] == ["PT Sinar Jaya Abadi"]


def test_speaker_bodies_table_maps_nouns_to_first_words():
    from kalbar_nlp.lexicons.speaker_bodies import load_speaker_bodies

    bodies = load_speaker_bodies()
    assert {"polres", "polsek"} <= bodies["polisi"]
    assert "pt" in bodies["perusahaan"]
    assert "warga" not in bodies


# -- more verbs and suffix cues of saying from the language's common stock -----------------------------------
MORE_CUES = [
    ("Warga Desa Nanga Mau, Yohanes Lamba, bercerita, dulu sungai itu jernih.", "dulu sungai itu jernih"),
    (
        "Kepala BPBD Sintang Budi Santoso mengimbuhkan, posko pengungsian dibuka hingga akhir bulan.",
        "posko pengungsian dibuka hingga akhir bulan",
    ),
    ("“Pokoknya semua sudah beres,” celetuk Camat Sepauk Yohanes Lamba.", "Pokoknya semua sudah beres"),
]


@pytest.mark.parametrize(("text", "quote"), MORE_CUES)
def test_more_cues_of_saying(nlp_rules, text, quote):
    assert texts_of(nlp_rules, text) == [quote]


def test_telling_about_a_topic_is_no_quote(nlp_rules):
    assert (
        texts_of(nlp_rules, "Film dokumenter itu bercerita tentang kehidupan nelayan di Sungai Kapuas.") == []
    )


# -- a passive cue and its speaker closing the sentence (`A, diungkapkan oleh X.`) --------------------------
TRAILING_PASSIVES = [
    (
        "Kerusakan jalan itu sudah terjadi sejak tahun lalu, diungkapkan oleh Kepala Desa Antonius.",
        "Kerusakan jalan itu sudah terjadi sejak tahun lalu",
        "Antonius",
    ),
    (
        "Pembangunan jembatan dimulai bulan depan, sebagaimana disampaikan Bupati Sintang Jarot Winarno.",
        "Pembangunan jembatan dimulai bulan depan",
        "Jarot Winarno",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), TRAILING_PASSIVES)
def test_trailing_passive_cue(nlp_rules, text, quote, speaker):
    qs = quotes_of(nlp_rules, text)
    assert [q["text"] for q in qs] == [quote]
    assert qs[0]["speaker"]["name"] == speaker


def test_trailing_passive_without_a_speaker_is_no_quote(nlp_rules):
    text = "Pembangunan jembatan dimulai bulan depan, seperti dilansir dari laman resmi pemerintah daerah."
    assert texts_of(nlp_rules, text) == []


# -- `Menurutnya lagi, ...`: the particle after the cue is no part of the content --------------------------
def test_particle_after_menurutnya_is_not_content(nlp_rules):
    assert texts_of(nlp_rules, "Menurutnya lagi, antusiasme warga cukup tinggi.") == [
        "antusiasme warga cukup tinggi"
    ]


def test_particle_without_comma_stays_content(nlp_rules):
    assert texts_of(nlp_rules, "Menurutnya lagi warga datang sejak pagi.") == ["lagi warga datang sejak pagi"]
