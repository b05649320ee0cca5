"""Dateline: outlet and place from the opening of an article (texts invented, outlets' real conventions)."""

from __future__ import annotations

import pytest

from kalbar_nlp.components.dateline import find_dateline
from kalbar_nlp.lexicons.outlets import outlet_lexicon

BODY = "Pemerintah daerah menggelar rapat koordinasi penanganan banjir, Senin (9/6/2025)."

# (opening, expected outlet, expected place)
OUTLET_AND_PLACE = [
    ("KalbarOnline, Sintang – ", "KalbarOnline", "Sintang"),
    ("BANJARMASINPOST.CO.ID. BANJARBARU - ", "BANJARMASINPOST.CO.ID", "BANJARBARU"),
    ("TRIBUNPONTIANAK.CO.ID, SINTANG - ", "TRIBUNPONTIANAK.CO.ID", "SINTANG"),
    ("Liputan6.com, Singkawang - ", "Liputan6.com", "Singkawang"),
    ("REPUBLIKA.CO.ID,JAKARTA -- ", "REPUBLIKA.CO.ID", "JAKARTA"),
    ("TRIBUNPEKANBARU.COM,PEKANBARU- ", "TRIBUNPEKANBARU.COM", "PEKANBARU"),
    ("POS-KUPANG. COM, OELAMASI - ", "POS-KUPANG. COM", "OELAMASI"),
    ("SURYA.CO.ID, KOTA SURABAYA - ", "SURYA.CO.ID", "KOTA SURABAYA"),
    ("Tribunlampung.co.id, Bandar Lampung\xa0– ", "Tribunlampung.co.id", "Bandar Lampung"),
    ("KBRN, Pontianak: ", "KBRN", "Pontianak"),
]
PLACE_THEN_OUTLET = [
    ("PONTIANAK, KOMPAS.com - ", "KOMPAS.com", "PONTIANAK"),
    ("SURABAYA, KOMPAS.com ", "KOMPAS.com", "SURABAYA"),  # no dash: the domain closes the dateline
    ("Sukabumi, CNN Indonesia -- ", "CNN Indonesia", "Sukabumi"),
    ("LINGGA, TRIBUNBATAM.id - ", "TRIBUNBATAM.id", "LINGGA"),
    ("BATAM, POSMETRO.CO :", "POSMETRO.CO", "BATAM"),
    ("PONTIANAK, SP - ", "SP", "PONTIANAK"),
]
OUTLET_IN_PARENTHESES = [
    ("Tuban (beritajatim.com) – ", "beritajatim.com", "Tuban"),
    ("Mojokerto (beritajatim.com)– ", "beritajatim.com", "Mojokerto"),
    ("Bandar Lampung (\nLampost.co\n)\n — ", "Lampost.co", "Bandar Lampung"),
    ("Pontianak (ANTARA) - ", "ANTARA", "Pontianak"),
    ("Kapuas Hulu (Suara Pemred) - ", "Suara Pemred", "Kapuas Hulu"),
]
OUTLET_ONLY = [
    ("POSMETRO MEDAN– ", "POSMETRO MEDAN", None),
    ("TRIBUNMANADO.CO.ID - ", "TRIBUNMANADO.CO.ID", None),
    ("WARTAKOTALIVE.COM — ", "WARTAKOTALIVE.COM", None),
    ("Merdeka.com - ", "Merdeka.com", None),
    ("KONTAN.CO.ID - JAKARTA. ", "KONTAN.CO.ID", "JAKARTA"),
]
PLACE_ONLY = [
    ("Serang - ", None, "Serang"),
    ("JAKARTA - ", None, "JAKARTA"),
    ("JAKARTA- ", None, "JAKARTA"),
    ("Ketapang\n-\n", None, "Ketapang"),
    ("Lampung Selatan\n - \n", None, "Lampung Selatan"),
    ("Sanggau, Kalimantan Barat – ", None, "Sanggau"),
    ("Palembang –", None, "Palembang"),
    ("PONTIANAK-", None, "PONTIANAK"),  # hyphen glued to the first word: only for a place in capitals
    ("KUBU RAYA-", None, "KUBU RAYA"),
]
AFTER_REPORTER_LINE = [
    ("Oleh: Rina Wulandari\nSINTANG - ", None, "SINTANG"),
    (
        "Laporan Wartawan Tribun Pontianak, Rizal Fauzi\nTRIBUNPONTIANAK.CO.ID, MEMPAWAH - ",
        "TRIBUNPONTIANAK.CO.ID",
        "MEMPAWAH",
    ),
    ("Laporan Reporter POS-KUPANG.COM, Maria Goreti\nPOS-KUPANG.COM, KUPANG - ", "POS-KUPANG.COM", "KUPANG"),
    ("Laporan Sari Ramadhani | Aceh Besar\nSERAMBINEWS.COM, JANTHO - ", "SERAMBINEWS.COM", "JANTHO"),
    # the scraper glued the reporter line and the dateline together
    ("Laporan Wartawan TRIBUNnews.com, Dedi Kurnia TRIBUNNEWS.COM, BOGOR -- ", "TRIBUNNEWS.COM", "BOGOR"),
]


@pytest.mark.parametrize(
    ("opening", "outlet", "place"),
    OUTLET_AND_PLACE
    + PLACE_THEN_OUTLET
    + OUTLET_IN_PARENTHESES
    + OUTLET_ONLY
    + PLACE_ONLY
    + AFTER_REPORTER_LINE,
)
def test_dateline_found(opening: str, outlet: str | None, place: str | None) -> None:
    text = opening + BODY
    d = find_dateline(text)
    assert d is not None
    assert (d["outlet"], d["place"]) == (outlet, place)
    assert text[d["start"] : d["end"]] == d["text"]
    assert not text[d["end"] :].startswith(("-", "–", "—")), "the dash belongs to the dateline"
    assert d["rule"]


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "Sekda Kapuas Hulu Mohd Zaini membuka kegiatan pelatihan aparatur desa di Putussibau.",
        "Warga Desa Sungai Ambawang - terutama petani sawit - mengeluhkan harga pupuk.",
        "Ketua DPRD Sintang – Florensius Ronny – menegaskan pentingnya pengawasan anggaran.",
        "“Kami siap membantu korban banjir,” kata Bupati Sanggau kepada wartawan.",
        "Jakarta-Bandung kini bisa ditempuh dalam waktu kurang dari satu jam.",
        "KPK-Polri menandatangani nota kesepahaman pencegahan korupsi.",
        "Oleh-oleh khas Sintang laris dibeli wisatawan.\nSINTANG - Banjir datang lagi.",
        "PUNCAK Bukit Kelam di Sintang ramai dikunjungi wisatawan saat libur panjang.",
        "Laporan keuangan Pemkab Sambas tahun 2024 mendapat opini WTP dari BPK.",
        "Ini Dia - daftar sekolah yang menerima bantuan laptop.",
        "",
        "   \n  ",
    ],
)
def test_no_false_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_rejects_non_string() -> None:
    with pytest.raises(TypeError, match="text"):
        find_dateline(None)  # type: ignore[arg-type]


def test_outlet_lexicon_shape() -> None:
    rows = outlet_lexicon()
    assert rows and all(kind in ("outlet", "agency") for _w, kind in rows)
    assert [len(w) for w, _k in rows] == sorted((len(w) for w, _k in rows), reverse=True)


@pytest.mark.parametrize("text", ["(" * 100_000, "A" * 200_000 + " -", "a.com, " * 50_000, "-" * 100_000])
def test_dateline_hostile_input_gives_exact_offsets(text: str) -> None:
    # its time is measured by bench/bench_hostile.py, not asserted here
    found = find_dateline(text)
    assert found is None or text[found["start"] : found["end"]] == found["text"]


def test_dateline_in_pipeline(nlp_rules) -> None:
    text = "TRIBUNPONTIANAK.CO.ID, SINTANG - " + BODY
    doc = nlp_rules(text)
    d = doc._.kalbar_dateline
    assert (d["outlet"], d["place"], d["start"], d["end"]) == ("TRIBUNPONTIANAK.CO.ID", "SINTANG", 0, 32)
    labels = {s.label_: s.text for s in doc.spans["kalbar_dateline"]}
    assert labels["PLACE"] == "SINTANG"
    assert labels["OUTLET"].startswith("TRIBUNPONTIANAK")
    assert nlp_rules(BODY)._.kalbar_dateline is None


def test_dev_set_datelines(shared_dir) -> None:
    """Outlet and place F1 on the dev set (third-party text, read from ../shared only)."""
    import json

    gold = {}
    with open(shared_dir / "data" / "dev" / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            gold[g["id"]] = g.get("dateline") or {}
    ok = total = 0
    with open(shared_dir / "data" / "dev" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            d = find_dateline(a["text"]) or {}
            for key in ("outlet", "place"):
                g, p = (gold[a["id"]].get(key) or "").lower(), (d.get(key) or "").lower()
                if g or p:
                    total += 1
                    ok += g == p
    assert ok / total >= 0.9


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_dateline_does_not_depend_on_line_endings(newline: str) -> None:
    plain = "Laporan Wartawan Tribun Pontianak, Rizky Prabowo\nSINTANG - Banjir merendam tiga desa.\n"
    text = plain.replace("\n", newline)
    got, want = find_dateline(text), find_dateline(plain)
    assert got is not None and want is not None
    assert (got["outlet"], got["place"], got["rule"]) == (want["outlet"], want["place"], want["rule"])
    assert got["place"] == "SINTANG"
    assert text[got["start"] : got["end"]] == got["text"]
    assert got["start"] == want["start"] + (len(newline) - 1)
