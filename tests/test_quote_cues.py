"""Tests of cues of reported speech written without the usual commas, of speaker descriptions and
of openers that are no quote (``kalbar_quotes``).

Every text is invented for these tests in the style of Indonesian regional news; each rule has a
positive case and a near miss that must give no quote (or a different one).
"""

from __future__ import annotations

import pytest

LEAD = "Bupati Sintang Jarot Winarno meninjau lokasi banjir di Kecamatan Ketungau. "


def quotes_of(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    for quote in doc._.kalbar_quotes:
        assert doc.text[quote["start"] : quote["end"]] == quote["text"]
    return doc._.kalbar_quotes


def texts(nlp, text: str) -> list[tuple[str, str]]:
    return [(quote["kind"], quote["text"]) for quote in quotes_of(nlp, text)]


# `indirect_cue_lead_bare`: a cue and its speaker open the sentence, no comma before the content
BARE_CUE = [
    (
        "Kata Jarot pemerintah akan segera menyalurkan bantuan kepada warga.",
        "pemerintah akan segera menyalurkan bantuan kepada warga",
    ),
    (
        "Menurut Jarot Winarno posko pengungsian sudah dibuka di tiga desa.",
        "posko pengungsian sudah dibuka di tiga desa",
    ),
    (
        "Sehingga kata dia perahu karet harus disiagakan di setiap dusun.",
        "perahu karet harus disiagakan di setiap dusun",
    ),
    (
        "Namun menurut beliau stok logistik masih cukup untuk sepekan.",
        "stok logistik masih cukup untuk sepekan",
    ),
]


@pytest.mark.parametrize(("sentence", "content"), BARE_CUE)
def test_bare_cue_opens_reported_speech(nlp_rules, sentence, content):
    found = quotes_of(nlp_rules, LEAD + sentence)
    assert [(quote["kind"], quote["text"]) for quote in found] == [("indirect", content)]
    assert found[0]["rule"] == "indirect-cue-lead-bare"
    assert found[0]["speaker"] and found[0]["speaker"]["name"] == "Jarot Winarno"


BARE_CUE_NEAR_MISSES = [
    # a phrase goes on after the name: a document, not a speaker and its content
    "Menurut UU tersebut pemerintah daerah wajib menyediakan lahan relokasi.",
    # `kata` as a noun in the middle of a sentence
    "Warga menuliskan kata Merdeka di dinding posko pengungsian.",
    # the speaker's phrase continues with an adjunct: no bare content
    "Kata Jarot kepada wartawan bantuan akan disalurkan.",
    # too short to be a statement
    "Kata Jarot cukup.",
    # `Lanjut Usia` (the elderly) opens a noun phrase, not a cue
    "Lanjut Usia Terlantar mendapat bantuan dari dinas sosial setempat.",
]


@pytest.mark.parametrize("sentence", BARE_CUE_NEAR_MISSES)
def test_bare_cue_near_misses(nlp_rules, sentence):
    assert not [q for q in quotes_of(nlp_rules, LEAD + sentence) if q["rule"] == "indirect-cue-lead-bare"]


# a description of a person closed by a demonstrative names the one speaking
def test_described_person_after_a_cue_between_commas(nlp_rules):
    text = (
        LEAD + "“Kami siaga penuh,” kata Jarot. Untuk tahap awal, lanjut orang nomor satu di Sintang itu, "
        "bantuan disalurkan ke tiga desa terdampak."
    )
    found = [q for q in quotes_of(nlp_rules, text) if q["kind"] == "indirect"]
    assert [q["text"] for q in found] == ["bantuan disalurkan ke tiga desa terdampak"]
    assert found[0]["speaker"]["name"] == "Jarot Winarno"


def test_described_person_after_menurut(nlp_rules):
    text = LEAD + "Menurut orang nomor satu di Kabupaten Sintang ini, bantuan akan segera disalurkan."
    assert texts(nlp_rules, text) == [("indirect", "bantuan akan segera disalurkan")]


def test_description_without_demonstrative_is_no_speaker(nlp_rules):
    # `orang-orang di pasar` points back to no one: no quote
    text = LEAD + "Untuk tahap awal, lanjut orang di pasar, harga beras naik tiga kali lipat."
    assert texts(nlp_rules, text) == []


# `menurut laporan ...`: a report named as the source, like `menurut keterangan polisi`
def test_menurut_laporan_closes_a_clause(nlp_rules):
    text = LEAD + "Hingga Senin (9/6/2025), belum ada korban jiwa, menurut laporan resmi pihak kepolisian."
    assert texts(nlp_rules, text) == [("indirect", "Hingga Senin (9/6/2025), belum ada korban jiwa")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hingga Senin (9/6/2025), belum ada korban jiwa, menurut laporan resmi dari pihak kepolisian.",
        "Menurut keterangan polisi, belum ada korban jiwa hingga Senin (9/6/2025).",
    ],
)
def test_statement_of_the_police_is_the_police_units(nlp_rules, sentence):
    text = "Kapolres Sintang AKBP Budi Santoso meninjau pos pengamanan Polres Sintang. " + sentence
    found = quotes_of(nlp_rules, text)
    assert len(found) == 1 and found[0]["speaker"]["name"] == "Polres Sintang"


def test_statement_of_a_named_person_stays_the_persons(nlp_rules):
    text = "Kapolres Sintang AKBP Budi Santoso meninjau pos. Menurut keterangan Budi, belum ada korban jiwa."
    found = quotes_of(nlp_rules, text)
    assert len(found) == 1 and found[0]["speaker"]["name"] == "Budi Santoso"


def test_berdasarkan_laporan_is_no_quote(nlp_rules):
    text = LEAD + "Berdasarkan laporan BPBD, banjir merendam 300 rumah warga di tiga desa."
    assert texts(nlp_rules, text) == []


# `Seperti yang dilansir dari X, ...`: a citing passive after `seperti yang` / `sebagaimana`
@pytest.mark.parametrize("lead", ["Seperti yang dilansir dari", "Sebagaimana dikutip dari"])
def test_citing_passive_after_seperti_yang(nlp_rules, lead):
    text = LEAD + f"{lead} Antara, bantuan akan segera disalurkan kepada warga di tiga desa."
    found = quotes_of(nlp_rules, text)
    assert [q["text"] for q in found] == ["bantuan akan segera disalurkan kepada warga di tiga desa"]
    assert found[0]["speaker"]["name"] == "Antara"


def test_seperti_yang_without_a_passive_is_no_quote(nlp_rules):
    text = LEAD + "Seperti yang terjadi tahun lalu, banjir merendam 300 rumah warga di tiga desa."
    assert texts(nlp_rules, text) == []


# `"...," klaimnya`: the cue of a direct quote; `Klaim X, ...` opens no quote
def test_klaimnya_after_a_direct_quote(nlp_rules):
    text = LEAD + "“Sudah kami salurkan semuanya,” klaimnya."
    assert texts(nlp_rules, text) == [("direct", "Sudah kami salurkan semuanya")]


def test_klaim_as_a_noun_opens_no_quote(nlp_rules):
    text = LEAD + "Klaim Asuransi Naik, warga diminta segera melapor ke kantor desa."
    assert texts(nlp_rules, text) == []


# an adverbial clause headed by a verb (`Menyikapi ...`) before a cue between commas is no quote
@pytest.mark.parametrize(
    "opener", ["Menyikapi banjir tahunan di wilayah itu", "Menanggapi keluhan warga desa itu"]
)
def test_verb_headed_opener_before_a_mid_cue(nlp_rules, opener):
    text = LEAD + f"{opener}, kata Jarot, pemerintah akan membangun tanggul."
    assert texts(nlp_rules, text) == [("indirect", "pemerintah akan membangun tanggul")]


def test_clause_before_a_mid_cue_stays_a_quote(nlp_rules):
    text = LEAD + "Banjir sudah surut sejak kemarin sore, kata Jarot, warga tetap diminta waspada."
    assert texts(nlp_rules, text) == [
        ("indirect", "Banjir sudah surut sejak kemarin sore"),
        ("indirect", "warga tetap diminta waspada"),
    ]


# a modal of obligation before a verb of saying: a duty, not a report (`harus memastikan`)
@pytest.mark.parametrize("modal", ["harus", "wajib", "diminta"])
def test_obligation_before_a_verb_reports_nothing(nlp_rules, modal):
    text = LEAD + f"Pemkab Sintang {modal} memastikan bantuan beras tersalurkan sesuai data penerima."
    assert texts(nlp_rules, text) == []


def test_verb_after_its_subject_still_reports(nlp_rules):
    text = LEAD + "Pemkab Sintang memastikan bantuan beras tersalurkan sesuai data penerima."
    assert texts(nlp_rules, text) == [("indirect", "bantuan beras tersalurkan sesuai data penerima")]


# findings of an investigation as the subject cite facts, they report no one's speech
@pytest.mark.parametrize(
    "subject", ["Pengembangan lebih lanjut", "Hasil pemeriksaan polisi", "Penyelidikan itu"]
)
def test_investigation_as_subject_reports_nothing(nlp_rules, subject):
    text = LEAD + f"{subject} mengungkap bahwa sabu tersebut diperoleh dari seorang pengedar di Pontianak."
    assert texts(nlp_rules, text) == []


def test_investigator_as_subject_reports(nlp_rules):
    text = (
        LEAD + "Kasat Resnarkoba mengungkap bahwa sabu tersebut diperoleh dari seorang pengedar di Pontianak."
    )
    assert texts(nlp_rules, text) == [
        ("indirect", "sabu tersebut diperoleh dari seorang pengedar di Pontianak")
    ]


# `mencatat`: a person's notes are reported speech; a body's are a citation of data
def test_mencatat_after_a_pronoun_reports(nlp_rules):
    text = "Kepala BPS Wahyu Santoso hadir. Ia juga mencatat adanya kenaikan harga beras pada Mei 2025."
    found = quotes_of(nlp_rules, text)
    assert [q["text"] for q in found] == ["adanya kenaikan harga beras pada Mei 2025"]
    assert found[0]["speaker"]["name"] == "Wahyu Santoso"


def test_mencatat_after_a_body_cites_data(nlp_rules):
    text = "Kepala BPS Wahyu Santoso hadir. BPS Kalbar mencatat adanya kenaikan harga beras pada Mei 2025."
    assert texts(nlp_rules, text) == []


# a site cited by its web address is the source, as written
@pytest.mark.parametrize(
    ("lead", "site"),
    [
        ("Seperti dilansir dari kompas.com,", "kompas.com"),
        ("Dikutip dari laman resmi kemenparekraf.go.id,", "kemenparekraf.go.id"),
    ],
)
def test_site_cited_by_its_address(nlp_rules, lead, site):
    text = f"Geopark itu ramai dikunjungi. {lead} taman bumi ini memiliki paket wisata lengkap."
    found = quotes_of(nlp_rules, text)
    assert [q["text"] for q in found] == ["taman bumi ini memiliki paket wisata lengkap"]
    assert found[0]["speaker"]["name"] == site


def test_address_after_a_passive_that_cites_nothing_is_no_source(nlp_rules):
    text = "Geopark itu ramai dikunjungi. Dijelaskan di laman kemenparekraf.go.id, taman bumi ini indah."
    assert texts(nlp_rules, text) == []


# a request to an addressee given by title and name, then `agar` and the requested act
def test_request_to_a_titled_addressee_with_a_name(nlp_rules):
    text = (
        LEAD + "Jarot menitipkan pesan kepada Ketua DPC Partai Hanura Kabupaten Sintang, Budi Santoso agar "
        "partai ikut mengawal program pangan."
    )
    addressee = "Ketua DPC Partai Hanura Kabupaten Sintang, Budi Santoso"
    assert texts(nlp_rules, text) == [("indirect", f"{addressee} agar partai ikut mengawal program pangan")]


def test_message_without_a_requested_act_is_no_quote(nlp_rules):
    text = LEAD + "Jarot menitipkan pesan kepada Ketua DPC Partai Hanura Kabupaten Sintang, Budi Santoso."
    assert texts(nlp_rules, text) == []


# a time adverbial between a verb that takes a clause and the clause's subject
def test_time_adverbial_before_the_clause(nlp_rules):
    content = "sampai dengan awal Juni 2025 belum ada laporan warga yang mengungsi"
    assert texts(nlp_rules, LEAD + f"Jarot menyampaikan {content}.") == [("indirect", content)]


def test_time_adverbial_before_an_object_is_no_quote(nlp_rules):
    text = LEAD + "Jarot menyampaikan sejak awal tahun laporan keuangan daerah kepada DPRD Sintang."
    assert texts(nlp_rules, text) == []


# a verb that takes a clause, then the announced act as an active verb (its subject the speaker's)
def test_announced_act_after_a_clause_verb(nlp_rules):
    text = LEAD + "Pemkab Sintang juga mengumumkan menaikkan insentif guru honorer sebesar sepuluh persen."
    assert texts(nlp_rules, text) == [("indirect", "menaikkan insentif guru honorer sebesar sepuluh persen")]


def test_preposition_like_verb_after_a_clause_verb_is_no_act(nlp_rules):
    text = LEAD + "Jarot menyampaikan mengenai program ketahanan pangan di tiga kecamatan."
    assert texts(nlp_rules, text) == []


# `Diberitakan X, ...` cites an outlet; `Diberitakan sebelumnya, ...` names no one
def test_diberitakan_with_an_outlet(nlp_rules):
    text = "Banjir melanda. Diberitakan Kompas.com sebelumnya, banjir merendam 300 rumah di Sintang."
    found = quotes_of(nlp_rules, text)
    assert [q["text"] for q in found] == ["banjir merendam 300 rumah di Sintang"]
    assert found[0]["speaker"]["name"] == "Kompas.com"


@pytest.mark.parametrize("lead", ["Diberitakan sebelumnya,", "Seperti diberitakan,"])
def test_diberitakan_without_a_source_is_no_quote(nlp_rules, lead):
    text = f"Banjir merendam tiga desa. {lead} banjir merendam 300 rumah di Sintang."
    assert texts(nlp_rules, text) == []


def test_diinformasikan_by_a_named_officer(nlp_rules):
    text = LEAD + "Diinformasikan Kasi Humas Polres Sintang Iptu Budi Santoso, arus lalu lintas sudah normal."
    found = quotes_of(nlp_rules, text)
    assert [q["text"] for q in found] == ["arus lalu lintas sudah normal"]
    assert found[0]["speaker"]["name"] == "Budi Santoso"


# longer connectives before a cue that opens the sentence
@pytest.mark.parametrize(
    "sentence",
    [
        "Lebih jauh dikatakan Jarot, bantuan belum merata ke tiga desa.",
        "Namun demikian, menurut Jarot, bantuan belum merata ke tiga desa.",
        "Tak hanya itu, kata Jarot, bantuan belum merata ke tiga desa.",
    ],
)
def test_connective_before_an_opening_cue(nlp_rules, sentence):
    assert texts(nlp_rules, LEAD + sentence) == [("indirect", "bantuan belum merata ke tiga desa")]


def test_connective_alone_reports_nothing(nlp_rules):
    assert texts(nlp_rules, LEAD + "Namun demikian, bantuan belum merata ke tiga desa.") == []


# the date of a statement between the cue and the content belongs to the attribution
@pytest.mark.parametrize(
    "sentence",
    [
        "Jarot mengatakan, Senin (9/6/2025), bantuan sudah disalurkan ke tiga desa.",
        "Seperti dilansir dari Antara, Senin (9/6) bantuan sudah disalurkan ke tiga desa.",
    ],
)
def test_date_of_the_statement_is_not_content(nlp_rules, sentence):
    assert texts(nlp_rules, LEAD + sentence) == [("indirect", "bantuan sudah disalurkan ke tiga desa")]


def test_date_as_the_subject_of_the_content_stays(nlp_rules):
    text = LEAD + "Jarot mengatakan Senin (9/6/2025) menjadi hari terakhir pendataan warga."
    assert texts(nlp_rules, text) == [("indirect", "Senin (9/6/2025) menjadi hari terakhir pendataan warga")]


# a passive cue and its speaker set off by commas inside the sentence
def test_passive_cue_between_commas(nlp_rules):
    first, second = "Banjir sudah surut sejak kemarin sore", "namun warga tetap diminta waspada"
    found = quotes_of(nlp_rules, LEAD + f"{first}, diungkapkan Jarot, {second}.")
    assert [q["text"] for q in found] == [first, second]
    assert {q["speaker"]["name"] for q in found} == {"Jarot Winarno"}


def test_passive_cue_after_a_bare_subject_gives_one_quote(nlp_rules):
    text = LEAD + "Jumlah pengungsi, ditegaskan Jarot, mencapai 300 orang di tiga desa."
    assert texts(nlp_rules, text) == [("indirect", "mencapai 300 orang di tiga desa")]


def test_passive_cue_with_an_unnamed_group_is_no_quote(nlp_rules):
    assert texts(nlp_rules, LEAD + "Jumlah pengungsi, dikatakan warga, terus bertambah setiap hari.") == []


# `oleh` names the agent of a passive cue, also a group in lower case
@pytest.mark.parametrize("agent", ["panitia", "panitia penyelenggara"])
def test_passive_cue_with_an_agent_after_oleh(nlp_rules, agent):
    text = f"Festival digelar di Sintang. Diakui oleh {agent}, jumlah peserta tahun ini melebihi target."
    assert texts(nlp_rules, text) == [("indirect", "jumlah peserta tahun ini melebihi target")]


@pytest.mark.parametrize("lead", ["Dijelaskan pula,", "Disampaikan oleh karena itu,"])
def test_passive_cue_without_an_agent_is_no_quote(nlp_rules, lead):
    text = f"Festival digelar di Sintang. {lead} jumlah peserta tahun ini melebihi target."
    assert texts(nlp_rules, text) == []


# verbs that signal or hint a view take a clause
@pytest.mark.parametrize("verb", ["mengindikasikan,", "mengisyaratkan bahwa", "mensinyalir,"])
def test_signalling_verbs_report_a_clause(nlp_rules, verb):
    text = LEAD + f"Jarot {verb} anggaran tanggul akan dinaikkan tahun depan."
    assert texts(nlp_rules, text) == [("indirect", "anggaran tanggul akan dinaikkan tahun depan")]


def test_signalling_verb_after_figures_cites_data(nlp_rules):
    text = LEAD + "Data curah hujan mengindikasikan, banjir susulan akan terjadi pekan depan."
    assert texts(nlp_rules, text) == []
