"""Which entities of the trained NER the rules keep, judged by where they stand in the text.

The texts are invented. The NER's entities are set by hand (the rules are tested without the
model), as the model would tag them.
"""

from __future__ import annotations

import pytest

from kalbar_nlp.text.running_text import RunningText, stands_alone


def _people_with_ents(nlp_rules, text: str, words: list[str]) -> list[str]:
    """The people's names when the NER tagged each of ``words`` (first occurrence) as ``PER``."""
    doc = nlp_rules.make_doc(text)
    for name, proc in nlp_rules.pipeline:
        if name == "kalbar_dateline":
            spans = []
            for word in words:
                start = text.index(word)
                spans.append(doc.char_span(start, start + len(word), label="PER"))
            doc.ents = spans
        doc = proc(doc)
    return [person["name"] for person in doc._.kalbar_people]


def test_running_text_questions():
    running = RunningText("Warga Desa Sukamaju menolak tambang.\nTambang Emas Ditolak Warga\nkata dia")
    assert running.in_sentence_line(0, 5)
    assert not running.in_sentence_line(37, 44)  # a headline-like line
    assert running.written_lower("Tambang")
    assert not running.written_lower("Sukamaju")
    assert stands_alone("tersangka", "dan")
    assert stands_alone(None, ",")
    assert not stands_alone("Bupati", "dan")


def test_initials_the_ner_tags_in_a_sentence_are_people(nlp_rules):
    text = "Setelah itu tersangka UA dan ZI diamankan di kantor polisi untuk diperiksa."
    names = _people_with_ents(nlp_rules, text, ["UA", "ZI"])
    assert {"UA", "ZI"} <= set(names)


def test_initials_after_a_title_are_a_person(nlp_rules):
    text = "Kunjungan itu juga dihadiri Wapres JK pada pekan lalu."
    assert "JK" in _people_with_ents(nlp_rules, text, ["JK"])


@pytest.mark.parametrize(
    "text,word",
    [
        ("Polisi amankan UA dan ZI di rumahnya", "ZI"),  # a headline: no full stop, no suspect cue
        ("Sekolah itu menerima bantuan dari PKBM setempat tahun ini.", "PKBM"),  # four letters
        ("Bantuan itu diserahkan kepada RT Slamet di balai desa.", "RT"),  # a name follows
    ],
)
def test_initials_outside_running_text_are_no_people(nlp_rules, text, word):
    assert word not in _people_with_ents(nlp_rules, text, [word])


def test_sentence_line_end_skips_trailing_spaces_and_reads_the_last_line():
    running = RunningText("Kata dia.   \nJudul Tanpa Titik\nIa pulang ke Sambas.")
    assert running.in_sentence_line(0, 4)  # spaces after the full stop
    assert not running.in_sentence_line(13, 18)  # a line without a full stop
    assert running.in_sentence_line(34, 40)  # the last line, no line break after it
