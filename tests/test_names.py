"""The shared name reader of the text layer (``kalbar_nlp.text.names``), on invented sentences.

The reader works on the tokenizer's output only (no NER, no other component), so these tests
build their Docs with ``make_doc``.
"""

from __future__ import annotations

import pytest

from kalbar_nlp.lexicons.people import load_people_words, speaker_verbs
from kalbar_nlp.lexicons.titles import load_lexicon
from kalbar_nlp.text.names import NAME_TOKEN_REFUSALS, NameReader


@pytest.fixture(scope="module")
def read(nlp_rules):
    def make(text: str) -> NameReader:
        return NameReader(nlp_rules.make_doc(text), load_lexicon())

    return make


def test_view_hides_space_tokens(read):
    reader = read("Bupati  Sintang Jarot Winarno hadir.")
    assert [t.text for t in reader.doc][:3] == ["Bupati", " ", "Sintang"]
    assert reader.texts[:4] == ["Bupati", "Sintang", "Jarot", "Winarno"]
    assert reader.view_start(1) == 1  # the space token maps to the next kept token
    assert reader.text(0, 2) == "Bupati  Sintang"
    assert reader.space_after[0]


def test_name_run_stops_at_the_verb(read):
    reader = read("Kepala Dinas Pendidikan Sri Rahayuningsih mengatakan sekolah siap.")
    start = reader.texts.index("Sri")
    assert reader.text(start, reader.name_run(start)) == "Sri Rahayuningsih"


def test_name_run_keeps_a_particle_inside(read):
    reader = read("Warga bernama Ahmad bin Said datang ke kantor desa.")
    start = reader.texts.index("Ahmad")
    assert reader.text(start, reader.name_run(start)) == "Ahmad bin Said"


def test_name_run_back_finds_the_start(read):
    reader = read("Menurut Yohanes Paulus Tampubolon, jalan itu rusak.")
    comma = reader.texts.index(",")
    assert reader.text(reader.name_run_back(comma), comma) == "Yohanes Paulus Tampubolon"


def test_person_after_reads_rank_and_degree(read):
    reader = read("Kasat Reskrim AKBP Dedi Kurniawan, S.H., membenarkan hal itu.")
    person = reader.person_after(reader.texts.index("AKBP"))
    assert reader.text(person["token_start"], person["token_end"]) == "Dedi Kurniawan"
    assert person["ranks"] == ["AKBP"]
    assert person["honorifics"] == ["S.H."]


def test_person_before_walks_back_over_degree_and_honorific(read):
    reader = read("Acara itu dibuka oleh Dr. Siti Aminah, M.Si, pada Senin.")
    person = reader.person_before(reader.texts.index("pada") - 1)
    assert reader.text(person["token_start"], person["token_end"]) == "Siti Aminah"
    assert person["honorifics"] == ["Dr.", "M.Si"]


def test_person_before_refuses_the_end_of_an_organisation(read):
    # "Tanjungpura" follows the capitalised "Universitas": no clause opens before the name
    reader = read("Rektor Universitas Tanjungpura, Garuda Wiko, hadir.")
    assert reader.person_before(reader.texts.index(",")) is None


@pytest.mark.parametrize(
    "text,word,first,ok",
    [
        ("Pelantikan digelar pada Juni 2023 di Pontianak.", "Pelantikan", True, False),  # derived noun
        ("Pelantikan digelar pada Juni 2023 di Pontianak.", "Juni", False, False),  # a date
        ("Ibu Sri Juni Astuti membuka warungnya.", "Juni", False, True),  # a month inside a name
        ("Warga Kabupaten Sambas berkumpul.", "Kabupaten", False, False),  # a region word
        ("Dia bertemu Bupati di sana.", "Bupati", True, False),  # a post
        ("Dia bertemu Rudi Hartono di sana.", "Rudi", True, True),
    ],
)
def test_name_token_refusals(read, text, word, first, ok):
    reader = read(text)
    assert reader.name_token_ok(reader.texts.index(word), first) is ok


def test_refusals_are_named_functions():
    names = [rule.__name__ for rule in NAME_TOKEN_REFUSALS]
    assert names[0] == "no_capital_word" and "post_word" in names
    assert len(set(names)) == len(names)


def test_valid_name_refuses_a_place_before_a_demonstrative(read):
    reader = read("Wali Kota Solo itu menolak, kata Budi Santoso.")
    solo = reader.texts.index("Solo")
    assert not reader.valid_name(solo, solo + 1, True)
    budi = reader.texts.index("Budi")
    assert reader.valid_name(budi, budi + 2, False)


def test_lexicon_look_ups(read):
    reader = read("Sekda Kalbar Harisson menyebut Plt. Gubernur hadir.")
    size, entry = reader.title_at(0)
    assert size == 1 and entry.expansion == "Sekretaris Daerah"
    assert reader.place_at(1) == 1
    plt = reader.texts.index("Plt.")
    assert reader.prefix_at(plt) is not None
    assert reader.title_at(plt + 1)[1].expansion == "Gubernur"


def test_word_sets_are_read_from_resources():
    lex = load_lexicon()
    assert {"januari", "juni", "desember"} <= lex.months  # dates/months.tsv, kind full
    assert lex.cue_anchors["menjabat"] == "yang_menjabat"
    assert "Kepala Desa" in lex.local_heads and "barat daya" in lex.place_tail
    assert {"mengatakan", "berharap"} <= speaker_verbs()
    assert load_people_words().post_prefixes[0] == "pelaksana tugas"
