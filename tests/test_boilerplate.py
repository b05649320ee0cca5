"""Boilerplate: the site furniture of scraped news is marked, the article content is not (invented texts)."""

from __future__ import annotations

import itertools

import pytest

from kalbar_nlp.text.boilerplate import KINDS, find_boilerplate
from kalbar_nlp.text.ranges import trim_and_merge as merge_ranges

P1 = "SINTANG - Banjir merendam 300 rumah warga di Kecamatan Kelam Permai, Senin (9/6/2025)."
P2 = "“Kami sudah menyalurkan bantuan sembako kepada warga terdampak,” kata Kepala BPBD Sintang."


def covered(text: str, ranges: list[list], needle: str) -> set[str]:
    """Kinds of the ranges that cover the whole of ``needle`` in ``text``."""
    s = text.index(needle)
    e = s + len(needle)
    return {k for a, b, k in ranges if a <= s and e <= b}


def touched(text: str, ranges: list[list], needle: str) -> bool:
    s = text.index(needle)
    e = s + len(needle)
    return any(a < e and s < b for a, b, _k in ranges)


# (text, [(substring that must be covered, kind)], [substrings that must stay content])
CASES = [
    (  # joined lines: a credit code after a video teaser, then the tag list on the same line
        P1 + " " + P2 + " Lihat juga Video: Banjir Rendam Kelam Permai [Gambas:Video 20detik] (rdp/idh)"
        " banjir sintang kelam permai bencana alam",
        [
            ("Lihat juga Video: Banjir Rendam Kelam Permai", "related"),
            ("(rdp/idh)", "credit"),
            ("banjir sintang kelam permai bencana alam", "tags"),
        ],
        [P1, P2],
    ),
    (  # a code with words after it inside a sentence is content
        P1 + " Bantuan (red) dibagikan kepada warga di posko utama.",
        [],
        [P1, "Bantuan (red) dibagikan kepada warga di posko utama."],
    ),
    (
        P1 + "\nBaca juga: Jembatan Gantung di Kelam Permai Putus Diterjang Arus\n" + P2,
        [("Baca juga: Jembatan Gantung di Kelam Permai Putus Diterjang Arus", "related")],
        [P1, P2],
    ),
    (
        P1
        + "BACA JUGA:Warga Sintang Gotong Royong Bersihkan Lumpur“Kami sudah menyalurkan bantuan,” katanya.",
        [("BACA JUGA:Warga Sintang Gotong Royong Bersihkan Lumpur", "related")],
        ["“Kami sudah menyalurkan"],
    ),
    (
        P1 + " Baca Juga : Polisi Tangkap Pencuri Motor di Pasar Sintang Kapolres menjelaskan bahwa pelaku "
        "sudah lama diincar petugas.",
        [("Baca Juga : Polisi Tangkap Pencuri Motor di Pasar Sintang", "related")],
        ["Kapolres menjelaskan bahwa"],
    ),
    (
        P1
        + " Baca juga: Pemkab sebut jalan rusak segera diperbaiki Baca juga: Warga keluhkan banjir susulan",
        [
            ("Baca juga: Pemkab sebut jalan rusak segera diperbaiki", "related"),
            ("Baca juga: Warga keluhkan banjir susulan", "related"),
        ],
        [P1],
    ),
    (
        P1 + "\nBaca juga:\nBantuan Logistik Mulai Disalurkan ke Kelam Permai\n" + P2,
        [("Baca juga:\nBantuan Logistik Mulai Disalurkan ke Kelam Permai", "related")],
        [P2],
    ),
    (P1 + "\nBaca Juga\n" + P2, [("Baca Juga", "related")], [P2]),
    (
        P1 + "\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\n" + P2,
        [("ADVERTISEMENT", "promo"), ("SCROLL TO CONTINUE WITH CONTENT", "promo")],
        [P1, P2],
    ),
    (
        P1 + "\n" + P2 + "\nIkuti Berita Tribun Pontianak lainnya di GOOGLE NEWS",
        [("Ikuti Berita Tribun Pontianak lainnya di GOOGLE NEWS", "promo")],
        [P2],
    ),
    (P1 + "\n" + P2 + " (Adi LC)\nComment", [("Comment", "promo")], [P2]),
    (
        P1 + "\nLihat juga Video: Banjir Rendam Ratusan Rumah di Sintang\n[Gambas:Video 20detik]\n(abc/def)\n"
        "banjir sintang\nkelam permai\nbpbd",
        [
            ("Lihat juga Video: Banjir Rendam Ratusan Rumah di Sintang", "related"),
            ("[Gambas:Video 20detik]", "promo"),
            ("(abc/def)", "credit"),
            ("banjir sintang\nkelam permai\nbpbd", "tags"),
        ],
        [P1],
    ),
    (
        P1 + "\n" + P2 + "\nTags:\nbanjir\nSintang\nBPBD Sintang",
        [("Tags:\nbanjir\nSintang\nBPBD Sintang", "tags")],
        [P2],
    ),
    (
        P1 + '\nArtikel ini telah tayang di Kompas.com dengan judul "Banjir Rendam Sintang".',
        [("Artikel ini telah tayang di Kompas.com", "syndication")],
        [P1],
    ),
    (
        P1 + "\nCopyright © 2025 KalbarOnline. All rights reserved.",
        [("Copyright © 2025 KalbarOnline", "copyright")],
        [P1],
    ),
    (P1 + "\n(*)\nEditor: Ali Amrizal", [("Editor: Ali Amrizal", "credit")], [P1]),
    (
        "Laporan Wartawan Tribun Pontianak, Rizal Fauzi\n" + P1,
        [("Laporan Wartawan Tribun Pontianak, Rizal Fauzi", "credit")],
        [P1],
    ),
    (
        P1 + "\nFoto: Kepala BPBD Sintang meninjau lokasi banjir di Kelam Permai\n" + P2,
        [("Foto: Kepala BPBD Sintang meninjau lokasi banjir di Kelam Permai", "caption")],
        [P2],
    ),
    (
        P1
        + "\nSimak\nbreaking news\ndan berita pilihan kami langsung di ponselmu. Pastikan kamu sudah install "
        "aplikasi WhatsApp ya.",
        [("breaking news\ndan berita pilihan kami", "promo")],
        [P1],
    ),
    (
        P1 + "\n-\xa0Baca Berita Terbaru Lainnya di\xa0GOOGLE NEWS\n!!!Membaca Itu Menyenangkan!!!",
        [("Baca Berita Terbaru Lainnya", "promo"), ("!!!Membaca Itu Menyenangkan!!!", "promo")],
        [P1],
    ),
]

# ordinary sentences that use the same words: never boilerplate
CONTENT_ONLY = [
    P1 + "\nBaca juga buku panduan mitigasi banjir itu, pesan guru kepada murid-muridnya.",
    P1 + "\nWarga diminta mengikuti arahan petugas dan tidak kembali ke rumah sebelum air surut.",
    P1 + "\nBagikan bantuan kepada warga terdampak banjir secara merata, pinta Bupati.",
    P1 + "\nLaporan kerusakan jembatan sudah diterima dinas terkait sejak pekan lalu.",
    P1 + "\nSelengkapnya akan kami sampaikan setelah pendataan selesai, kata dia.",
    P1 + "\n" + P2,
]


@pytest.mark.parametrize(("text", "marked", "content"), CASES)
def test_boilerplate_marked(text: str, marked: list[tuple[str, str]], content: list[str]) -> None:
    ranges = find_boilerplate(text)
    for needle, kind in marked:
        assert kind in covered(text, ranges, needle), (needle, ranges)
    for needle in content:
        assert not touched(text, ranges, needle), (needle, ranges)
    assert all(k in KINDS for _s, _e, k in ranges)
    assert all(a < b for a, b, _k in ranges)
    assert all(x[1] <= y[0] for x, y in itertools.pairwise(ranges)), "sorted, non-overlapping"


@pytest.mark.parametrize("text", CONTENT_ONLY)
def test_content_is_not_boilerplate(text: str) -> None:
    assert find_boilerplate(text) == []


def test_merge_ranges_trims_and_merges() -> None:
    text = "  abc def ghi  "
    assert merge_ranges(text, [(0, 6, "promo"), (4, 11, "tags"), (13, 15, "credit")]) == [[2, 11, "promo"]]


def test_boilerplate_rejects_non_string() -> None:
    with pytest.raises(TypeError, match="text"):
        find_boilerplate(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "(" * 100_000,
        "Baca juga: " * 50_000,
        "Baca juga: Judul Berita\n" * 20_000,
        "Tags:\n" + "x\n" * 100_000,
        "Warga Desa Sungai Raya menggelar kerja bakti. " * 20_000,
    ],
)
def test_boilerplate_hostile_input_gives_ranges_inside_the_text(text: str) -> None:
    # its time is measured by bench/bench_hostile.py, not asserted here
    ranges = find_boilerplate(text)
    assert all(0 <= start < end <= len(text) for start, end, _kind in ranges)
    assert ranges == sorted(ranges)


def test_boilerplate_in_pipeline(nlp_rules) -> None:
    text = P1 + "\nBaca juga: Jembatan Gantung di Kelam Permai Putus\n" + P2 + "\nIkuti kami di Google News"
    doc = nlp_rules(text)
    kinds = [(text[s:e], k) for s, e, k in doc._.kalbar_boilerplate]
    assert kinds == [
        ("Baca juga: Jembatan Gantung di Kelam Permai Putus", "related"),
        ("Ikuti kami di Google News", "promo"),
    ]
    assert [(s.text, s.label_) for s in doc.spans["kalbar_boilerplate"]] == kinds


LINE_ENDING_TEXT = (
    "Pontianak - Pemerintah kota membuka posko pengaduan banjir di setiap kelurahan.\n\n"
    "Baca juga:\nWali Kota Tinjau Parit di Pontianak Utara\n\n"
    "Warga diminta melapor bila air masuk ke rumah.\n\n"
    "ADVERTISEMENT\n"
    "Editor: Ali Amrizal\n"
    "(rdp/idh)\nbanjir\nkota pontianak\n"
)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_boilerplate_does_not_depend_on_line_endings(newline: str) -> None:
    text = LINE_ENDING_TEXT.replace("\n", newline)
    got = [(text[s:e].replace(newline, "\n"), kind) for s, e, kind in find_boilerplate(text)]
    assert got == [(LINE_ENDING_TEXT[s:e], kind) for s, e, kind in find_boilerplate(LINE_ENDING_TEXT)]
    assert [kind for _text, kind in got] == ["related", "promo", "credit", "credit", "tags"]
