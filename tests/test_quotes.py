"""Tests of ``kalbar_quotes``: direct and indirect quotes, their speakers, and hostile input.

All texts are written for these tests (invented people and events) in the style of
Indonesian regional news.
"""

from __future__ import annotations

import pytest

from kalbar_nlp.lexicons.speech_verbs import load_speech_lexicon, parse_lexicon

PRONOUNS = {"dia", "ia", "beliau", "dirinya", "nya", "pihaknya", "mereka"}


def quotes_of(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    qs = doc._.kalbar_quotes
    for q in qs:  # the offsets always give the text back
        assert doc.text[q["start"] : q["end"]] == q["text"]
        assert q["rule"]
        if q["speaker"]:
            assert q["speaker"]["name"].casefold() not in PRONOUNS
            assert q["speaker"]["rule"]
    return qs


def simple(qs: list[dict]) -> list[tuple[str, str]]:
    return [(q["kind"], q["text"]) for q in qs]


# ---------------------------------------------------------------------------- direct quotes

DIRECT = [
    # curly marks, cue after the quote
    (
        "Pontianak – Banjir merendam dua desa. “Kami sudah menyiapkan perahu karet untuk warga,” kata Rudi.",
        [("direct", "Kami sudah menyiapkan perahu karet untuk warga")],
    ),
    # ASCII marks
    (
        'Sintang - Jalan itu rusak parah. "Perbaikan dimulai bulan depan," ujar Kadis PUPR Hendra Wijaya.',
        [("direct", "Perbaikan dimulai bulan depan")],
    ),
    # single curly marks with a cue
    (
        "Warga antre sejak pagi. ‘Stok beras kami cukup sampai akhir tahun,’ tutur Maria Ulfa, pengelola.",
        [("direct", "Stok beras kami cukup sampai akhir tahun")],
    ),
    # two ASCII apostrophes as marks
    (
        "Rapat berlangsung alot. ''Kami menolak kenaikan tarif itu,'' tegas Yohanes Lamba.",
        [("direct", "Kami menolak kenaikan tarif itu")],
    ),
    # a quote split by its attribution is two quotes
    (
        "“Tahun ini kami menanam seribu pohon,” ujarnya. “Tahun depan jumlahnya kami lipatgandakan.”",
        [
            ("direct", "Tahun ini kami menanam seribu pohon"),
            ("direct", "Tahun depan jumlahnya kami lipatgandakan."),
        ],
    ),
    # cue before the quote
    (
        "Camat Sungai Ambawang Darius Tono mengatakan, “Posko kesehatan dibuka selama 24 jam.”",
        [("direct", "Posko kesehatan dibuka selama 24 jam.")],
    ),
    # a quote with a colon before it
    (
        "Ia menjelaskan: “Semua peserta wajib membawa kartu identitas.”",
        [("direct", "Semua peserta wajib membawa kartu identitas.")],
    ),
    # glued paragraphs (the scraper lost the line break)
    (
        "Lomba perahu digelar Minggu (3/8/2025).“Peserta datang dari lima kabupaten,” kata Samuel Dedi.",
        [("direct", "Peserta datang dari lima kabupaten")],
    ),
    # `“A,” kata X, “B.”`: two quotes in one sentence
    (
        "“Kami masih menunggu hasil laboratorium,” kata Yanti, “setelah itu baru kami umumkan.”",
        [("direct", "Kami masih menunggu hasil laboratorium"), ("direct", "setelah itu baru kami umumkan.")],
    ),
    # a question in a court report
    (
        "“Apakah saudara menerima uang itu?” tanya hakim ketua Benny Sitorus.\n“Tidak, Pak,” jawab terdakwa.",
        [("direct", "Apakah saudara menerima uang itu?"), ("direct", "Tidak, Pak")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT)
def test_direct_quotes(nlp_rules, text, expected):
    assert simple(quotes_of(nlp_rules, text)) == expected


def test_quote_over_paragraphs_is_one_quote(nlp_rules):
    text = (
        "Ketapang – Bupati Ketapang Yosef Antonius meninjau pasar.\n"
        "“Harga cabai naik dua kali lipat dalam sepekan. Kami akan menggelar operasi pasar.\n"
        "“Pedagang juga kami minta tidak menimbun barang,” kata Yosef."
    )
    qs = quotes_of(nlp_rules, text)
    assert len(qs) == 1
    assert qs[0]["text"].startswith("Harga cabai naik")
    assert qs[0]["text"].endswith("tidak menimbun barang")
    assert "\n" in qs[0]["text"]


def test_two_closed_paragraphs_are_two_quotes_with_one_speaker(nlp_rules):
    text = (
        "Kepala BPBD Landak Agus Salim meninjau tanggul.\n"
        "“Tanggul ini jebol sepanjang dua puluh meter,” kata Agus.\n"
        "“Perbaikan darurat dimulai besok pagi bersama warga.”"
    )
    qs = quotes_of(nlp_rules, text)
    assert [q["kind"] for q in qs] == ["direct", "direct"]
    assert qs[0]["speaker"]["name"] == qs[1]["speaker"]["name"] == "Agus Salim"
    assert qs[1]["speaker"]["rule"] == "continuation"


# ---------------------------------------------------------------------------- not quotes

NEGATIVES = [
    # programme titles and names
    "Pemerintah provinsi meluncurkan program “Kalbar Bersih” di Pontianak, Senin (2/6/2025).",
    "Festival bertajuk “Pesona Danau Sentarum” dibuka oleh wakil bupati kemarin.",
    "Para siswa menonton film berjudul 'Anak Sungai Kapuas' di aula sekolah.",
    "Kelompok itu dijuluki “Geng Motor Malam” oleh warga sekitar.",
    # scare quotes in the middle of a sentence
    "Keberadaan “oknum” dalam penyaluran pupuk bersubsidi sudah lama dikeluhkan petani.",
    "Warga menyebut jalan itu sebagai “jalan neraka” karena berlubang di mana-mana.",
    # hoping, wanting, feeling are not speech
    "Bupati Sanggau Paolus Hadi berharap pembangunan jembatan selesai tahun ini.",
    "Ketua DPRD mengapresiasi kerja keras petugas pemadam kebakaran.",
    "Warga merasa lega setelah listrik kembali menyala.",
    # citing data is not speech
    "Berdasarkan data BPS Kalbar, angka kemiskinan turun menjadi 6,2 persen.",
    # verb + object that is not reported speech
    "Gubernur menyampaikan terima kasih kepada seluruh relawan.",
    "Wakil bupati menyampaikan Nota Keuangan Rancangan APBD 2026 dalam rapat paripurna.",
    "Dalam kesempatan itu, kepala dinas menyampaikan ucapan selamat kepada para pemenang lomba.",
    # a verb of saying with an object, not a clause
    "Dinas Kesehatan menyampaikan surat edaran terkait kewaspadaan demam berdarah kepada puskesmas.",
    "Korban sempat meminta pertolongan, sehingga warga sekitar segera berdatangan ke lokasi.",
    "Kapolres Melawi membenarkan kejadian tersebut.",
    "Ketua KONI menyampaikan dukungannya terhadap pelaksanaan turnamen itu.",
    # `tindakan tegas`, `lebih lanjut`, `sudah jelas` are no cues
    "Petugas akan mengambil tindakan tegas, terutama bagi pengendara yang melawan arus.",
    "Kasus ini masih diselidiki lebih lanjut oleh kepolisian.",
    # verbs of urging report only the requested act (an object, then agar/untuk)
    "Meski pekerjaannya menuntut, ia tetap menyempatkan diri berolahraga setiap pagi.",
    "Para buruh menuntut kenaikan upah minimum kabupaten tahun depan.",
    "Warga mendesak pembangunan jembatan darurat di Desa Sungai Ayak.",
    "Oditur menuntut hukuman mati dan pemecatan dari dinas militer terhadap terdakwa.",
    # `kata` as a noun, and a bare cue without a comma after its speaker
    "Harga beras naik dengan kata lain, warga harus lebih berhemat bulan ini.",
    "Pemkab menyiapkan lahan baru untuk relokasi pedagang kata Budi.",
    # a di- verb with -nya that is no cue of speech
    "Diumumkannya hasil seleksi itu membuat para peserta lega.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_quotes(nlp_rules, text):
    assert quotes_of(nlp_rules, text) == []


BROKEN_MARKS = [
    # curly marks a scraper turned into `?`: read as marks, the text keeps its `?`
    (
        "Menpar meninjau geopark itu.\n\n?Atraksinya harus berkelas dunia,? kata Menpar Budi Santoso.",
        ["Atraksinya harus berkelas dunia"],
    ),
    ('"Kami menggandeng kota tetangga,?? ujar Bupati Budi Santoso.', ["Kami menggandeng kota tetangga"]),
    # a real question mark stays one
    ("Warga bertanya apa yang terjadi? Tidak ada yang tahu sebab kebakaran itu.", []),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN_MARKS)
def test_quotation_marks_broken_into_question_marks(nlp_rules, text, expected):
    qs = quotes_of(nlp_rules, text)
    assert [q["text"] for q in qs if q["kind"] == "direct"] == expected


# ---------------------------------------------------------------------------- indirect quotes

INDIRECT = [
    # content clause after a verb of saying, `bahwa` dropped
    (
        "Sekda mengatakan, bahwa kegiatan ini merupakan bagian dari program desa mandiri.",
        "kegiatan ini merupakan bagian dari program desa mandiri",
    ),
    (
        "Menurut dia, harga karet mulai membaik sejak awal bulan.",
        "harga karet mulai membaik sejak awal bulan",
    ),
    ("Menurutnya jumlah pemudik tahun ini diperkirakan naik.", "jumlah pemudik tahun ini diperkirakan naik"),
    (
        "Dirinya menjelaskan, pengerjaan jalan ditargetkan rampung Desember.",
        "pengerjaan jalan ditargetkan rampung Desember",
    ),
    (
        "Ia menegaskan bahwa seluruh sekolah wajib menerapkan kurikulum baru.",
        "seluruh sekolah wajib menerapkan kurikulum baru",
    ),
    (
        "Dijelaskan Darius, pihaknya telah menurunkan tim ke lokasi longsor.",
        "pihaknya telah menurunkan tim ke lokasi longsor",
    ),
    (
        "Kapolsek meminta agar warga tidak menyalakan petasan di jalan raya.",
        "warga tidak menyalakan petasan di jalan raya",
    ),
    ("Kepala dinas mengatakan kepada wartawan, stok vaksin masih mencukupi.", "stok vaksin masih mencukupi"),
    (
        "Ia menyebut ribuan personel akan dikerahkan ke titik rawan.",
        "ribuan personel akan dikerahkan ke titik rawan",
    ),
    # a clause without comma or `bahwa` after a verb that otherwise takes objects
    (
        "Dalam rapat itu, Wagub menyampaikan Presiden menginginkan agar desa tidak kekurangan pangan.",
        "Presiden menginginkan agar desa tidak kekurangan pangan",
    ),
    ("Kapolres membenarkan telah menangkap dua pelaku pencurian.", "telah menangkap dua pelaku pencurian"),
    ("Maka ia meminta orang tua untuk tidak menitipkan anak.", "orang tua untuk tidak menitipkan anak"),
    # verbs of urging, proposing and denying
    (
        "Anggota DPRD itu mendesak pemerintah kabupaten untuk segera memperbaiki jalan tersebut.",
        "pemerintah kabupaten untuk segera memperbaiki jalan tersebut",
    ),
    (
        "Ketua RT menyarankan agar warga menyimpan dokumen penting di tempat yang aman.",
        "warga menyimpan dokumen penting di tempat yang aman",
    ),
    (
        "Kapolsek mengimbau masyarakat, untuk tidak ragu melapor jika melihat hal mencurigakan.",
        "masyarakat, untuk tidak ragu melapor jika melihat hal mencurigakan",
    ),
    (
        "Kepala desa menepis anggapan bahwa dana desa dipakai untuk kepentingan pribadi.",
        "dana desa dipakai untuk kepentingan pribadi",
    ),
    # a directive verb with its addressee after `kepada`: the addressee and the act, without `kepada`
    (
        "Wali Kota Budi Santoso meminta kepada seluruh guru aktif mengikuti program pelatihan.",
        "seluruh guru aktif mengikuti program pelatihan",
    ),
    (
        "Budi Santoso memberikan pesan kepada bupati yang baru dilantik agar bergerak cepat.",
        "bupati yang baru dilantik agar bergerak cepat",
    ),
    # a passive cue with -nya for its agent, also after a connective
    (
        "Bek itu bergabung pekan lalu. Diakuinya, proses kepindahan ke klub itu terbilang cukup cepat.",
        "proses kepindahan ke klub itu terbilang cukup cepat",
    ),
    (
        "Bek itu bergabung pekan lalu. Bahkan, ditegaskannya tidak ada halangan dari manajemen lama.",
        "tidak ada halangan dari manajemen lama",
    ),
    # a scraper's single line break inside the sentence does not cut the content
    (
        "Kapolres Budi Santoso mengatakan, kedua pelaku berinisial K\nditangkap di wilayah Tayan Hilir.",
        "kedua pelaku berinisial K\nditangkap di wilayah Tayan Hilir",
    ),
    # `Hal ini diungkapkan X, yang menyebut bahwa ...`: the relative clause reports X's words
    (
        "Volume sampah turun. Hal ini diungkapkan oleh Kepala DLH, Sy. Dedi Saputra, yang menyebut bahwa "
        "volume sampah masih dalam batas wajar.",
        "volume sampah masih dalam batas wajar",
    ),
    # a cue inside the clause without a comma before it (a comma after its speaker)
    (
        "Gubernur Budi meninjau pantai. Pemprov menurut Budi, akan tetap memperhatikan kawasan selatan.",
        "akan tetap memperhatikan kawasan selatan",
    ),
    (
        "Gubernur Budi Santoso meninjau pantai. Dalam artian kata Budi, perhatian pemprov tidak berubah.",
        "perhatian pemprov tidak berubah",
    ),
    # a cue between commas after a short subject: the clause after it
    ("Perbaikan itu, lanjutnya, melibatkan warga dari tiga desa.", "melibatkan warga dari tiga desa"),
    # an adverbial opener before the cue belongs to the clause after it
    (
        "Untuk mengatasi banjir tahunan itu, kata Bupati Landak Karolin, pemkab akan membangun tanggul.",
        "pemkab akan membangun tanggul",
    ),
    # a cue that opens the sentence
    (
        "Ungkap Ketua KONI Sintang itu, atlet daerah siap bertanding di Porprov.",
        "atlet daerah siap bertanding di Porprov",
    ),
    # a cue at the end of the sentence
    ("Semua jalur mudik sudah dipetakan, kata dia.", "Semua jalur mudik sudah dipetakan"),
    # the verb ends its sentence and the content follows
    (
        "Kepala Bawaslu Landak, Herkulanus Dedi mengatakan. Pihaknya sudah memanggil kepala desa tersebut.",
        "Pihaknya sudah memanggil kepala desa tersebut",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INDIRECT)
def test_indirect_quotes(nlp_rules, text, expected):
    qs = quotes_of(nlp_rules, text)
    assert simple(qs) == [("indirect", expected)]


def test_indirect_split_by_attribution_is_two_quotes(nlp_rules):
    text = "Harga gabah di tingkat petani sudah naik, kata Bambang Sutejo, namun ongkos pupuk juga ikut naik."
    qs = quotes_of(nlp_rules, text)
    assert simple(qs) == [
        ("indirect", "Harga gabah di tingkat petani sudah naik"),
        ("indirect", "namun ongkos pupuk juga ikut naik"),
    ]
    assert {q["speaker"]["name"] for q in qs} == {"Bambang Sutejo"}


# ---------------------------------------------------------------------------- speakers

ARTICLE = (
    "KalbarOnline, Ketapang – Sekretaris Daerah (Sekda) Kabupaten Ketapang, Alexander Wilyo membuka rapat "
    "koordinasi penanganan stunting, Selasa (7/11/2023).\n"
    "Sekda mengatakan, bahwa angka stunting di Ketapang turun dua persen dalam setahun.\n"
    "“Kita tidak boleh berpuas diri, karena masih banyak desa yang angkanya tinggi,” kata Sekda Alexander.\n"
    "Kolaborasi itu, lanjutnya, melibatkan puskesmas, kader posyandu dan pemerintah desa.\n"
    "“Kami minta kepala desa menganggarkan dana desa untuk makanan tambahan,” ujarnya.\n"
    "Sementara itu, Kepala Dinas Kesehatan Ketapang, Feria Kowira mengatakan, pihaknya menambah ahli gizi.\n"
    "“Setiap puskesmas nanti punya dua tenaga gizi,” tutur Feria."
)


def test_speakers_across_the_article(nlp_rules):
    qs = quotes_of(nlp_rules, ARTICLE)
    got = [(q["kind"], q["speaker"]["name"] if q["speaker"] else None) for q in qs]
    assert got == [
        ("indirect", "Alexander Wilyo"),
        ("direct", "Alexander Wilyo"),
        ("indirect", "Alexander Wilyo"),
        ("direct", "Alexander Wilyo"),
        ("indirect", "Feria Kowira"),
        ("direct", "Feria Kowira"),
    ]
    # the pronoun is kept as the mention, never as the name
    ujarnya = qs[3]["speaker"]
    assert ujarnya["mention"] == "nya" and ujarnya["rule"] == "pronoun"


SPEAKERS = [
    # explicit name after the cue, with rank and title stripped
    (
        "“Pelaku sudah kami tahan,” kata Kasat Reskrim Polres Sintang AKP Ridwan Saputra kepada wartawan.",
        "Ridwan Saputra",
    ),
    # `X melalui Y`: Y gave the statement
    (
        "Kapolres Kubu Raya AKBP Arief Hidayat melalui Kasi Humas Iptu Tono Sugiarto mengatakan, "
        "patroli malam ditingkatkan.",
        "Tono Sugiarto",
    ),
    (
        "“Patroli malam kami tingkatkan,” kata Kapolres Kubu Raya AKBP Arief Hidayat melalui Kasi Humas "
        "Iptu Tono Sugiarto.",
        "Tono Sugiarto",
    ),
    # `kata dia` with the speaker in the sentence before
    (
        "Ketua Gapoktan Sungai Pinyuh Lukas Empi menunjukkan sawahnya. “Panen tahun ini bagus,” kata dia.",
        "Lukas Empi",
    ),
    # honorifics and degrees around the name (a dot in `M.Pd.` ends no sentence)
    (
        "Kepala Dinas Pendidikan Kalbar, Dr. Hj. Ratna Sari, M.Pd., menjelaskan pendaftaran dibuka daring.",
        "Ratna Sari",
    ),
    # a post of the titles lexicon opens the phrase: the name after its comma is the speaker
    (
        "“Kami memastikan keamanan di dalam lapas,” kata Kalapas Sintang, Budi Hartono, Senin (9/6/2025).",
        "Budi Hartono",
    ),
    # a lower-case word that is no post ends the phrase before the comma: no name is read after it
    ("“Airnya naik cepat sekali,” kata warga setempat, Senin (9/6/2025).", None),
    # `melalui` a medium or a platform: the person before it speaks
    (
        "“Saya tidak pernah menerima uang dari siapa pun,” kata Wali Kota Singkawang Tjhai Chui Mie "
        "melalui video TikTok yang dikirimkan kepada wartawan.",
        "Tjhai Chui Mie",
    ),
    # `dan` inside a post before the name
    (
        "“Hari depan bangsa ada di tangan kalian,” kata Kabiro Kemahasiswaan dan Alumni Untan "
        "Budi Santoso saat membacakan pesan pahlawan.",
        "Budi Santoso",
    ),
    # `salah satu petugas ..., Name`: the name after the description, not the organisation in it
    (
        "“Tadi dicek dari CCTV masuk jam lima pagi,” ungkap salah satu petugas keamanan Pemkot Sintang, "
        "Budi Santoso.",
        "Budi Santoso",
    ),
    # a name after an opener's comma is the subject, not the opener's words
    (
        "Selain kenaikan jumlah pengangguran, Timbul Siregar menilai perubahan aturan mendorong klaim naik.",
        "Timbul Siregar",
    ),
    # a bare post after a cue is no person's name
    ("“Kerugian negara mencapai miliaran rupiah,” kata Kasintel.", None),
    # nobody named: no speaker
    ("“Airnya naik cepat sekali tadi malam,” ujar seorang warga.", None),
    # the name given after a description
    ("“Kami terus berlatih setiap sore,” kata pria yang akrab disapa Bang Udin itu.", "Udin"),
    # a description with a demonstrative points back to the person just named
    (
        "Ketua RT Samsul Bahri ikut mengungsi. “Airnya cepat naik,” kata pria berusia 50 tahun itu.",
        "Samsul Bahri",
    ),
    # `Menurut pengakuannya`: the suffix stands for the person just named
    (
        "Kades Sukamaju Agus Riyanto ikut ke lokasi. Menurut pengakuannya, tanggul itu sudah lama retak.",
        "Agus Riyanto",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS)
def test_speaker_resolution(nlp_rules, text, speaker):
    qs = quotes_of(nlp_rules, text)
    assert len(qs) == 1
    got = qs[0]["speaker"]["name"] if qs[0]["speaker"] else None
    assert got == speaker


def test_hal_tersebut_disampaikan_gives_the_speaker(nlp_rules):
    text = (
        "Pasar murah digelar di halaman kantor camat.\n"
        "“Kami jual beras di bawah harga pasar supaya warga terbantu.”\n"
        "Hal tersebut disampaikan Kepala Disperindag Sambas, Yuliana Rahmah, Rabu (4/6/2025)."
    )
    qs = quotes_of(nlp_rules, text)
    assert len(qs) == 1  # the attribution itself is no quote
    assert qs[0]["speaker"]["name"] == "Yuliana Rahmah"
    assert qs[0]["speaker"]["rule"] == "hal-tersebut"


def test_provenance_rules(nlp_rules):
    qs = quotes_of(nlp_rules, ARTICLE)
    assert {q["rule"] for q in qs} >= {"indirect-verb", "direct-cue-after", "indirect-cue-mid"}
    assert qs[1]["cue"] == "kata"


# ---------------------------------------------------------------------------- robustness


def test_unclosed_mark_does_not_swallow_the_article(nlp_rules):
    text = (
        "“Kami akan terus mengawasi harga sembako, kata Bupati Melawi Dadi Sunarya.\n"
        "Operasi pasar digelar di lima kecamatan.\n"
        "Sementara itu, harga minyak goreng masih bertahan tinggi."
    )
    doc = nlp_rules(text)
    for q in doc._.kalbar_quotes:
        assert "\n" not in q["text"]
    assert any("closing mark" in w for w in doc._.kalbar_warnings)


def test_hostile_text_keeps_quotes_bounded(nlp_rules):
    from kalbar_nlp.components.quotes import QuoteFinder

    finder = QuoteFinder(nlp_rules, "q")
    doc = nlp_rules.make_doc("Warga berkata “" * 20_000 + " selesai.")
    finder(doc)  # its time is measured by bench/bench_hostile.py, not asserted here
    assert all(len(q["text"]) <= 3000 for q in doc._.kalbar_quotes)
    assert any("without a closing mark" in w for w in doc._.kalbar_warnings)


def test_many_marks_alone_give_bounded_quotes_with_exact_offsets(nlp_rules):
    from kalbar_nlp.components.quotes import QuoteFinder

    finder = QuoteFinder(nlp_rules, "q")
    for text in ("“" * 100_000, '"' * 100_000, "a “b" * 30_000, ("x ” " * 30_000)):
        doc = nlp_rules.make_doc(text)
        finder(doc)  # its time is measured by bench/bench_hostile.py, not asserted here
        for quote in doc._.kalbar_quotes:
            assert text[quote["start"] : quote["end"]] == quote["text"]
            assert len(quote["text"]) <= 3000


def test_boilerplate_is_skipped(nlp_rules):
    from kalbar_nlp.components.quotes import QuoteFinder

    text = "Baca juga: “Kami siap menang,” kata pelatih Persikat.\nIsi berita dimulai di sini."
    doc = nlp_rules.make_doc(text)
    doc._.kalbar_boilerplate = [[0, text.index("\n"), "read_also"]]
    QuoteFinder(nlp_rules, "q")(doc)
    assert doc._.kalbar_quotes == []


# ---------------------------------------------------------------------------- lexicon


def test_lexicon_loads_with_every_group():
    lex = load_speech_lexicon()
    assert "mengatakan" in lex.verbs and "kata" in lex.suffixes and "menurut" in lex.preps
    assert "menyampaikan terima kasih" in lex.negatives and "program" in lex.name_ctx
    assert lex.verbs["menyampaikan"] == "clause"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["mengatakan\tverb\n"], "expected cue"),
        (["mengatakan\tkata_kerja\tany\n"], "unknown type"),
        (["mengatakan\tverb\tsometimes\n"], "unknown use"),
        (["kata\tsuffix\tany\n", "dia\tpronoun\t-\n"], "no cue of type 'verb'"),
    ],
)
def test_lexicon_shape_errors(lines, message):
    with pytest.raises(ValueError, match=message):
        parse_lexicon(lines, "test.tsv")


def test_dependency_parse_gives_the_subject(nlp_rules):
    """Where the Doc has a parse (the stanza backend), the speaker is the verb's subject."""
    from spacy.tokens import Doc

    from kalbar_nlp.components.quotes import QuoteFinder

    words = "Sebelumnya , Rina Marlina mengatakan , jalan itu sudah diperbaiki .".split()
    spaces = [False, True, True, True, False, True, True, True, True, False, False]
    heads = [4, 0, 4, 2, 4, 4, 9, 6, 9, 4, 4]
    deps = ["advmod", "punct", "nsubj", "flat", "root", "punct", "nsubj", "det", "aux", "ccomp", "punct"]
    doc = Doc(nlp_rules.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    QuoteFinder(nlp_rules, "q")(doc)
    (q,) = doc._.kalbar_quotes
    assert q["text"] == "jalan itu sudah diperbaiki"
    assert q["speaker"]["name"] == "Rina Marlina"
    assert q["speaker"]["rule"].startswith("subject-dep")


def test_a_person_the_people_component_rejected_is_no_speaker(nlp_rules):
    """The NER's person that kalbar_people dropped (an organisation) does not come back for `-nya`."""
    text = (
        "Satgas Kampung Sehat akan meminta bukti tes kepada warga. "
        "Petugas hotel juga wajib memeriksa tamu. “Pengawasan warga sangat penting,” katanya."
    )
    doc = nlp_rules.make_doc(text)
    for name, proc in nlp_rules.pipeline:
        if name == "kalbar_dateline":
            doc.ents = [doc.char_span(0, len("Satgas Kampung Sehat"), label="PER")]
        doc = proc(doc)
    assert doc._.kalbar_people == []
    (q,) = [q for q in doc._.kalbar_quotes if q["kind"] == "direct"]
    assert q["speaker"] is None


# -- `dia`/`-nya` refer to whoever spoke last, directly or indirectly (never to an organisation) ----------
PRONOUN_AFTER_INDIRECT = [
    (
        "Bupati Sambas Hendra Gunawan membuka pameran itu. “UMKM harus naik kelas,” katanya. "
        "Menurut Guru Besar Fakultas Ekonomi Universitas Tanjungpura Markus Silalahi, Kalbar harus "
        "beralih dari tambang. “Industri pangan perlu disiapkan,” ujarnya.",
        "Markus Silalahi",
    ),
    (
        "Bupati Sambas Hendra Gunawan membuka pameran itu. “UMKM harus naik kelas,” katanya. "
        "Pengamat ekonomi Markus Silalahi mengakui bahwa transisi itu tidak mudah. "
        "“Industri pangan perlu disiapkan,” ujarnya.",
        "Markus Silalahi",
    ),
    (
        "Bupati Sambas Hendra Gunawan membuka pameran itu. “UMKM harus naik kelas,” katanya. "
        "Dinas Koperasi Kabupaten Sambas akan menggelar pelatihan bulan depan. "
        "“Kami siapkan pendampingan,” ujarnya.",
        "Hendra Gunawan",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), PRONOUN_AFTER_INDIRECT)
def test_pronoun_refers_to_the_last_person_who_spoke(nlp_rules, text, speaker):
    qs = [q for q in quotes_of(nlp_rules, text) if q["kind"] == "direct"]
    assert qs[-1]["speaker"]["name"] == speaker


# -- a speaker phrase made of organisation words is no person; the name after them is ---------------------
ORG_WORD_SPEAKERS = [
    ("“Kami siap melayani tamu,” kata Corporate Communications Borneo Air Sinta Dewi.", "not Corporate"),
    ("“Hotel mulai penuh,” kata Ketua Pantai Hotel Association.", None),
]


@pytest.mark.parametrize(("text", "speaker"), ORG_WORD_SPEAKERS)
def test_organisation_words_are_no_speaker_name(nlp_rules, text, speaker):
    (q,) = quotes_of(nlp_rules, text)
    name = q["speaker"]["name"] if q["speaker"] else None
    if speaker is None:
        assert name is None or "Association" not in name
    else:
        assert name is not None and "Corporate" not in name and "Communications" not in name


# -- the speaker's mention is always the text at its offsets, as written ----------------------------------
MENTION_TEXTS = [
    "“KAMI SIAP MENGAWAL PEMILU,” KATANYA.",
    "“Kami siap mengawal pemilu,” KataNya.",
    "MENURUTNYA, PEMILU TAHUN INI BERJALAN AMAN DAN LANCAR.",
    "Pemilu tahun ini, LANJUTNYA, berjalan aman dan lancar.",
    "KATANYA, PEMILU TAHUN INI BERJALAN AMAN DAN LANCAR.",
    "Menurut PENGAKUANNYA, pemilu tahun ini berjalan aman dan lancar.",
    "Camat Sungai Raya Rudi Hartono hadir. MENURUTNYA, “Pemilu berjalan aman.”",
]


@pytest.mark.parametrize("text", MENTION_TEXTS)
def test_speaker_mention_is_the_text_at_its_offsets(nlp_rules, text):
    prefix = "Camat Sungai Raya Rudi Hartono meninjau TPS di Kubu Raya. "
    doc = nlp_rules(prefix + text)
    assert doc._.kalbar_quotes
    for q in doc._.kalbar_quotes:
        sp = q["speaker"]
        if sp is not None and sp.get("start", -1) >= 0:
            assert doc.text[sp["start"] : sp["end"]] == sp["mention"]


# -- line endings: \r\n and \r give the quotes and speakers of \n -----------------------------------------
LINE_ENDING_ARTICLE = (
    "Bupati Kapuas Hulu Fransiskus Diaan meninjau banjir di Putussibau.\n"
    "“Kami sudah menyiapkan posko di tiga kecamatan.\n"
    "“Bantuan beras tiba besok pagi,” kata Fransiskus.\n"
    "Ia mengatakan, bahwa warga diminta tetap waspada.\n"
    "Menurutnya, air mulai surut sejak Senin malam.\n"
    "“Jangan panik,” ujarnya.\n"
)


def _comparable(doc) -> list[tuple]:
    out = []
    for q in doc._.kalbar_quotes:
        assert doc.text[q["start"] : q["end"]] == q["text"]
        assert q["text"] == q["text"].strip() and not q["text"].endswith("\r")
        sp = q["speaker"] or {}
        if sp.get("start", -1) >= 0:
            assert doc.text[sp["start"] : sp["end"]] == sp["mention"]
        out.append(
            (q["text"].replace("\r\n", "\n").replace("\r", "\n"), q["kind"], q["rule"], sp.get("name"))
        )
    return out


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_line_endings_do_not_change_the_quotes(nlp_rules, line_end):
    expected = _comparable(nlp_rules(LINE_ENDING_ARTICLE))
    assert len(expected) >= 4
    assert _comparable(nlp_rules(LINE_ENDING_ARTICLE.replace("\n", line_end))) == expected


CURRENT_SPEAKER = [
    # an ordinal opener before the verb: the verb's subject is the one who was speaking
    (
        "Ketua Forum Guru Honorer Medan Budi Santoso mengatakan, guru sudah lama menunggu. "
        "Pertama, meminta agar pemkot menambah anggaran gaji guru honorer.",
        "pemkot menambah anggaran gaji guru honorer",
        "Budi Santoso",
    ),
    # a description with a demonstrative, the next sentence glued to it by the scraper
    (
        "Bupati Ketapang Martin Rantan meninjau posyandu.“Masih banyak cara menangani stunting,” ungkap "
        "mantan Ketua DPRD Ketapang ini.Sementara itu, Ketua TP PKK Ketapang Wati Rantan menyatakan "
        "pihaknya siap.",
        "Masih banyak cara menangani stunting",
        "Martin Rantan",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CURRENT_SPEAKER)
def test_openers_and_descriptions_keep_the_current_speaker(nlp_rules, text, quote, speaker):
    found = [q for q in quotes_of(nlp_rules, text) if q["text"] == quote]
    assert found and found[0]["speaker"] and found[0]["speaker"]["name"] == speaker
