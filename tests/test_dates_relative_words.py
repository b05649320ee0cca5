"""Dates written with a relative word beside their numbers or their month (``kemarin (9/6)``,
``Senin lalu (2/6)``, ``Juni lalu``), and the near misses that stay as they were.

All texts are invented sentences in the style of regional news.
"""

from __future__ import annotations

import pytest

import kalbar_nlp

PUBLISHED = "2025-06-10"  # a Tuesday


def _values(nlp, text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None]]:
    record = kalbar_nlp.parse(text, published=published, nlp=nlp).to_dict()
    return [(date["text"], date["value"]) for date in record["dates"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative word of a day before a (day/month): the numbers give the day
        ("Kemarin (9/6) warga berkumpul di posko banjir.", [("(9/6)", "2025-06-09")]),
        ("Hari ini (10/6) jalan itu ditutup untuk umum.", [("(10/6)", "2025-06-10")]),
        ("Bantuan tiba besok sore (11/6) di Sintang.", [("(11/6)", "2025-06-11")]),
        # a weekday with `lalu`/`kemarin` and its numbers: the numbers, not the publication date
        ("Rapat digelar Senin lalu (2/6) di kantor camat.", [("Senin lalu (2/6)", "2025-06-02")]),
        (
            "Pelaku ditangkap Minggu kemarin (8/6/2025) malam.",
            [("Minggu kemarin (8/6/2025) malam", "2025-06-08")],
        ),
        # a month written alone with the word that says which way it lies
        ("Kasus itu dilaporkan Mei lalu ke Polres Sintang.", [("Mei", "2025-05")]),
        ("Pembangunan dimulai Agustus mendatang di Nanga Pinoh.", [("Agustus", "2025-08")]),
        ("Kasus itu dilaporkan Desember lalu ke Polres Sintang.", [("Desember", "2024-12")]),
    ],
)
def test_relative_word_beside_a_date(nlp_rules, text, expected):
    assert _values(nlp_rules, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a (day/month) after an ordinary word is a ratio or a code, not a date
        "Skor pertandingan itu (9/6) untuk tuan rumah.",
        # a month's name used as a person's name, then a verb
        "Ketua RT, Juni Ardianto, lalu melapor ke polisi.",
        # a month without a word that says which one: left alone as before
        "Warga menyebut Juni sebagai bulan panen.",
    ],
)
def test_near_misses_give_no_date(nlp_rules, text):
    assert _values(nlp_rules, text) == []


def test_weekday_lalu_without_numbers_still_counts_from_the_anchor(nlp_rules):
    assert _values(nlp_rules, "Rapat digelar Senin lalu di kantor camat.") == [("Senin lalu", "2025-06-09")]
