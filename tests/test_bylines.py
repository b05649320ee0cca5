"""Bylines: credited journalists and agencies at the start and end (texts invented, real conventions)."""

from __future__ import annotations

import pytest

from kalbar_nlp.api import make_doc
from kalbar_nlp.text.bylines import find_bylines
from kalbar_nlp.text.credits import valid_name

BODY = (
    "Bupati Sanggau meninjau jembatan gantung yang putus di Kecamatan Tayan Hilir, Senin (9/6/2025).\n"
    "“Perbaikan kami mulai pekan depan dengan dana tanggap darurat,” ujarnya."
)
DATELINE = "SANGGAU - "

# (text, expected [(name, role), ...] in text order)
END_BRACKETS = [
    (BODY + " (Adi LC)\nComment", [("Adi LC", "writer")]),
    (BODY + " (mey)", [("mey", "writer")]),
    (BODY + "[isa/but]", [("isa", "writer"), ("but", "editor")]),
    (
        BODY + "[isa/but]BACA JUGA:Warga Tayan Hilir Gotong Royong Bangun Jembatan Darurat",
        [("isa", "writer"), ("but", "editor")],
    ),
    (BODY + "(dai/dai)\n\njembatan putus\nsanggau\n", [("dai", "writer"), ("dai", "editor")]),
    (BODY + " (Banjarmasinpost.co.id/Rizki Fadillah)", [("Rizki Fadillah", "writer")]),
    (BODY + "\n(Tribunpontianak.co.id/ Hendra Wijaya)", [("Hendra Wijaya", "writer")]),
    (BODY + "(*/hbb)", [("hbb", "editor")]),
    (BODY + " (ant)", [("ant", "agency")]),
    (BODY + "(esa) (esa/yp)", [("esa", "writer"), ("yp", "editor")]),
    (BODY + "\n(Kapuas).(Tribunpontianak.co.id/Bayu Hartono)", [("Bayu Hartono", "writer")]),
    (
        BODY + " (Art)\nBaca berita lainnya di: Google News.\nBerita terbaru Tribun Pontianak: klik di sini.",
        [("Art", "writer")],
    ),
]
# lines joined with single spaces by a scraper, or put back by restore_breaks around the credit only
JOINED_TAILS = [
    (
        BODY + " Lihat juga Video: Jembatan Gantung Putus di Sanggau [Gambas:Video 20detik] (rdp/idh)"
        " sanggau jembatan putus bencana alam Hoegeng Awards 2025 Baca kisah inspiratif di sini Selengkapnya",
        [("rdp", "writer"), ("idh", "editor")],
    ),
    (
        BODY + "\n(azh/azh)\nsanggau jembatan putus tayan Hoegeng Awards 2025 Baca di sini Selengkapnya",
        [("azh", "writer"), ("azh", "editor")],
    ),
    (
        BODY + " Video: Warga Seberangi Sungai dengan Rakit Bambu (dai/dai) jembatan putus sanggau tayan",
        [("dai", "writer"), ("dai", "editor")],
    ),
    (BODY + "(esa)\n(esa/yp)", [("esa", "writer"), ("yp", "editor")]),
]
OTHER_SHAPES = [
    # a photographer's credit with a slash, in brackets or on its own line
    (BODY + " (Foto/Budi Santoso)", [("Budi Santoso", "photographer")]),
    ("Foto/Budi Santoso\n" + DATELINE + BODY, [("Budi Santoso", "photographer")]),
    # a contributor's bracket: outlet and place, then the name after the comma
    (BODY + "\n(Kontributor Tribun Pontianak Sanggau, Yohanes Kurnia)", [("Yohanes Kurnia", "contributor")]),
    # a reporter line without the comma after a known outlet, and two reporters joined by `dan`
    (
        "Laporan Wartawan Tribun Pontianak Rizal Fauzi\nTRIBUNPONTIANAK.CO.ID, SANGGAU - " + BODY,
        [("Rizal Fauzi", "reporter")],
    ),
    (
        "Laporan Wartawan Tribun Pontianak, Rizal Fauzi dan Dedi Saputra\nTRIBUNPONTIANAK.CO.ID, SANGGAU - "
        + BODY,
        [("Rizal Fauzi", "reporter"), ("Dedi Saputra", "reporter")],
    ),
]
LABELLED = [
    (BODY + " (*)\nEditor: Ali Amrizal", [("Ali Amrizal", "editor")]),
    (
        BODY + "\nPenulis: Budi Santoso\nEditor: Citra Lestari",
        [("Budi Santoso", "writer"), ("Citra Lestari", "editor")],
    ),
    (
        BODY + "\nPewarta: Dedi Kurniawan\nEditor : Fajar Nugroho\nCopyright © ANTARA 2025",
        [("Dedi Kurniawan", "reporter"), ("Fajar Nugroho", "editor")],
    ),
    (
        BODY + "\n(Reporter: Andi Wijaya | Editor: Sri Rahayu)",
        [("Andi Wijaya", "reporter"), ("Sri Rahayu", "editor")],
    ),
    (
        BODY + "\nSource:\n\nYuni Kartika\nVia:\n\nHeri Purnomo\nTags:\njembatan\nsanggau",
        [("Yuni Kartika", "writer"), ("Heri Purnomo", "editor")],
    ),
    ("Foto: ANTARA/Yusuf Ramadhan\n" + DATELINE + BODY, [("Yusuf Ramadhan", "photographer")]),
    (BODY + "\nsumber : ANTARA", [("ANTARA", "agency")]),
]
REPORTER_LINES = [
    (
        "Laporan Wartawan Tribun Pontianak, Rizal Fauzi\nTRIBUNPONTIANAK.CO.ID, SANGGAU - " + BODY,
        [("Rizal Fauzi", "reporter")],
    ),
    (
        "Laporan Reporter POS-KUPANG.COM, Maria Goreti\nPOS-KUPANG.COM, KUPANG - " + BODY,
        [("Maria Goreti", "reporter")],
    ),
    (
        "Laporan Sari Ramadhani | Aceh Besar\nSERAMBINEWS.COM, JANTHO - " + BODY,
        [("Sari Ramadhani", "reporter")],
    ),
    (
        "Laporan Wartawan TRIBUNnews.com, Dedi Kurnia TRIBUNNEWS.COM, BOGOR -- " + BODY,
        [("Dedi Kurnia", "reporter")],
    ),
    (
        "Laporan Kontributor Tribun Pontianak, Yohanes Kurnia\n" + DATELINE + BODY,
        [("Yohanes Kurnia", "contributor")],
    ),
    (DATELINE + BODY + "(*)\nLaporan Wartawan Tribunjabar.id, Adi Pratama", [("Adi Pratama", "reporter")]),
    (
        DATELINE + BODY + "\nANDI SAPUTRA | BUDI HARTONO",
        [("ANDI SAPUTRA", "writer"), ("BUDI HARTONO", "writer")],
    ),
]
NO_BYLINE = [
    BODY,
    BODY + " (*)",
    BODY + " *****",
    BODY + " (Berita Kerja Sama)\nBaca juga: Bupati Resmikan Pasar Rakyat di Tayan",
    BODY + "\nBaca juga: Bupati Resmikan Jembatan (Foto Budi)\nIkuti Berita Tribun Pontianak di GOOGLE NEWS",
    BODY + " Perbaikan dimulai di Dusun Sungai Jaman (Kecamatan Tayan Hilir).",
    BODY + " Perbaikan dimulai di Dusun Sungai Jaman (Kabupaten Sanggau)",
    BODY + " (red)",
    BODY + " (Sumber Antara)",
    "Laporan Wartawan Warga Desa Sungai Jaman\n" + BODY,
    BODY + "\nfoto/bupati meninjau lokasi jembatan",
    BODY + " Perbaikan jembatan (red) dibiayai dana tanggap darurat kabupaten",
    BODY + " Warga menyeberang (sementara) dengan rakit bambu di sungai",
    BODY + " (Bersambung)",
    BODY + "\nSumber: data BPBD Kabupaten Sanggau",
    BODY + "\nFoto: Bupati Sanggau meninjau lokasi jembatan putus di Kecamatan Tayan Hilir",
    BODY + "\nFoto: Istimewa",
    BODY + "\nEditor: Tim Redaksi",
    "Laporan keuangan daerah dinilai baik oleh BPK.\n" + BODY,
    BODY + "\nPILIHAN EDITOR",
    "",
]


@pytest.mark.parametrize(
    ("text", "expected"), END_BRACKETS + JOINED_TAILS + OTHER_SHAPES + LABELLED + REPORTER_LINES
)
def test_bylines_found(text: str, expected: list[tuple[str, str]]) -> None:
    got = find_bylines(text)
    assert [(b["name"], b["role"]) for b in got] == expected
    for b in got:
        assert text[b["start"] : b["end"]] == b["text"]
        assert text[b["name_start"] : b["name_end"]] == b["name"]
        assert b["name"] in b["text"]


@pytest.mark.parametrize("text", NO_BYLINE)
def test_no_byline(text: str) -> None:
    assert find_bylines(text) == []


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Adi LC", True),
        ("Sa'dul Bahri", True),
        ("Muhammad bin Abdullah", True),
        ("CSR", False),
        ("Berita Kerja Sama", False),
        ("Humas Polres Sintang", False),
        ("Kompas.com", False),
        ("rapat pembahasan anggaran", False),
        ("Budi 2025", False),
    ],
)
def test_valid_name(name: str, ok: bool) -> None:
    assert valid_name(name) is ok


def test_bylines_rejects_non_string() -> None:
    with pytest.raises(TypeError, match="text"):
        find_bylines(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "(" * 100_000,
        "(abc/" * 30_000 + ")",
        "(" + "a/" * 50_000 + ")",
        "Editor: " * 100_000,
        "Laporan " * 100_000,
        "\n" * 200_000 + "(abc)",
    ],
)
def test_bylines_hostile_input_gives_exact_offsets(text: str) -> None:
    # its time is measured by bench/bench_hostile.py, not asserted here
    for byline in find_bylines(text):
        assert text[byline["start"] : byline["end"]] == byline["text"]


def test_bylines_in_pipeline(nlp_rules) -> None:
    text = DATELINE + BODY + " (Adi LC)\nComment"
    doc = nlp_rules(text)
    assert doc._.kalbar_bylines == [
        {
            "name": "Adi LC",
            "role": "writer",
            "text": "(Adi LC)",
            "start": len(text) - 16,
            "end": len(text) - 8,
            "rule": "bracket",
            "name_start": len(text) - 15,
            "name_end": len(text) - 9,
        }
    ]
    assert [(s.text, s.label_) for s in doc.spans["kalbar_bylines"]] == [("Adi LC", "writer")]
    kinds = {(text[s:e], k) for s, e, k in doc._.kalbar_boilerplate}
    assert ("(Adi LC)", "credit") in kinds and ("Comment", "promo") in kinds


def test_dev_set_bylines(shared_dir) -> None:
    """Byline F1 on the dev set (third-party text, read from ../shared only)."""
    import json

    gold = {}
    with open(shared_dir / "data" / "dev" / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            gold[g["id"]] = {b["name"].lower() for b in g.get("bylines") or []}
    tp = fp = fn = 0
    with open(shared_dir / "data" / "dev" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            pred = {b["name"].lower() for b in find_bylines(a["text"])}
            g = gold[a["id"]]
            tp, fp, fn = tp + len(pred & g), fp + len(pred - g), fn + len(g - pred)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.85


LINE_ENDING_TEXT = (
    "Laporan Wartawan Tribun Pontianak, Rizky Prabowo\n"
    "SINTANG - Banjir merendam tiga desa di Kecamatan Ketungau Hulu sejak Senin pagi.\n\n"
    "Baca juga: Jembatan Gantung Putus di Kapuas Hulu\n\n"
    "Warga mengungsi ke balai desa dan posko di halaman kantor camat. (Adi LC)\n\n"
    "Editor: Ali Amrizal\n"
    "Tags: banjir\nsintang\n"
)


def _credits(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (b["name"], b["role"], b["rule"], b["text"].replace("\r\n", "\n").replace("\r", "\n"))
        for b in find_bylines(text)
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_bylines_do_not_depend_on_line_endings(newline: str) -> None:
    text = LINE_ENDING_TEXT.replace("\n", newline)
    assert _credits(text) == _credits(LINE_ENDING_TEXT)
    assert [b["name"] for b in find_bylines(text)] == ["Rizky Prabowo", "Adi LC", "Ali Amrizal"]
    for b in find_bylines(text):
        assert text[b["start"] : b["end"]] == b["text"]
        assert text[b["name_start"] : b["name_end"]] == b["name"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_bylines_in_pipeline_do_not_depend_on_line_endings(nlp_rules, newline: str) -> None:
    text = LINE_ENDING_TEXT.replace("\n", newline)
    doc, plain = nlp_rules(text), nlp_rules(LINE_ENDING_TEXT)
    assert [b["name"] for b in doc._.kalbar_bylines] == [b["name"] for b in plain._.kalbar_bylines]
    assert doc._.kalbar_dateline["place"] == plain._.kalbar_dateline["place"] == "SINTANG"
    kinds = [(text[s:e].replace(newline, "\n"), k) for s, e, k in doc._.kalbar_boilerplate]
    assert kinds == [(LINE_ENDING_TEXT[s:e], k) for s, e, k in plain._.kalbar_boilerplate]


def test_credits_of_a_text_whose_lines_were_joined() -> None:
    """Paragraphs joined with single spaces: the credits are read as if the breaks were there."""
    lines = [
        "Laporan Wartawan Tribun Pontianak, Rizal Fauzi",
        "TRIBUNPONTIANAK.CO.ID, SANGGAU - Bupati Sanggau meninjau jembatan yang putus, Senin (9/6/2025).",
        "“Perbaikan kami mulai pekan depan,” ujarnya. (Adi LC)",
        "Editor: Ali Amrizal",
    ]
    joined = " ".join(lines)
    got = [(b["name"], b["role"]) for b in find_bylines(joined)]
    assert got == [("Rizal Fauzi", "reporter"), ("Adi LC", "writer"), ("Ali Amrizal", "editor")]
    assert got == [(b["name"], b["role"]) for b in find_bylines("\n".join(lines))]
    for b in find_bylines(joined):
        assert joined[b["start"] : b["end"]] == b["text"]


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        # the text cuts the credited name short: the caller's author completes it
        (BODY + " (Dedi Saputr)", "Dedi Saputra", [("Dedi Saputra", "writer")]),
        # no credit in the text, but the author's name closes it
        (BODY + "\nDedi Saputra", "Dedi Saputra", [("Dedi Saputra", "writer")]),
        # the text credits someone else: its own credit stays
        (BODY + " (Adi LC)", "Dedi Saputra", [("Adi LC", "writer")]),
        # the author is not in the text: no credit from the metadata alone
        (BODY, "Dedi Saputra", []),
        # a hint that is no name changes nothing
        (BODY + " (Adi LC)", "Redaksi Tribun", [("Adi LC", "writer")]),
    ],
)
def test_byline_hint_of_the_caller(nlp_rules, text: str, hint: str, expected: list) -> None:
    doc = make_doc(nlp_rules, text, source={"author": hint})
    for _name, component in nlp_rules.pipeline:
        doc = component(doc)
    assert [(b["name"], b["role"]) for b in doc._.kalbar_bylines] == expected
