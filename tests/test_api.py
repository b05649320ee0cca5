"""The public API: types, bad input, record shape and offsets."""

from __future__ import annotations

import json

import pytest

import kalbar_nlp
from kalbar_nlp.api import MAX_CHARS, prepare_text

ARTICLE = (
    "KalbarOnline, Sambas – Wakil Bupati Sambas, Rahmad Hidayat membuka Festival Pesisir Paloh "
    "di Kecamatan Paloh, Sabtu (14/9/2024).\n"
    "“Festival ini kami gelar untuk memperkenalkan penyu hijau kepada wisatawan,” kata Rahmad.\n"
    "Menurut dia, jumlah pengunjung tahun ini naik dua kali lipat. (Sri)\n"
)


@pytest.mark.parametrize(
    ("value", "error", "field"),
    [
        (None, TypeError, "text"),
        (123, TypeError, "text"),
        (["teks"], TypeError, "text"),
        ("", ValueError, "text"),
        ("   \n\t ", ValueError, "text"),
        (b"\x00\x01\x02\xff\xfe", ValueError, "text"),
    ],
)
def test_bad_text_is_a_clear_error(nlp_rules, value, error, field):
    with pytest.raises(error, match=field):
        kalbar_nlp.parse(value, nlp=nlp_rules)


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        # numbers are read now (tests/test_metadata.py); containers are no metadata
        ({"title": ["Banjir"]}, TypeError, "title"),
        ({"id": {"url": "x"}}, TypeError, "id"),
        ({"published": [2024, 9, 14]}, TypeError, "published"),
    ],
)
def test_bad_metadata_is_a_clear_error(nlp_rules, kwargs, error, field):
    with pytest.raises(error, match=field):
        kalbar_nlp.parse(ARTICLE, nlp=nlp_rules, **kwargs)


def test_bytes_are_decoded_with_a_warning_when_not_utf8(nlp_rules):
    art = kalbar_nlp.parse(ARTICLE.encode("cp1252", errors="replace"), nlp=nlp_rules)
    assert any("Windows-1252" in w for w in art.warnings)
    utf8 = kalbar_nlp.parse(ARTICLE.encode("utf-8"), nlp=nlp_rules)
    assert utf8.warnings == [] or all("Windows-1252" not in w for w in utf8.warnings)


def test_unreadable_published_is_a_warning_not_an_error(nlp_rules):
    art = kalbar_nlp.parse(ARTICLE, published="kemarin sore", nlp=nlp_rules)
    assert any("kemarin sore" in w for w in art.warnings)
    # the caller's value is dropped; the date is then taken from the article, and the record says so
    assert art.published == "2024-09-14"
    assert len(art.warnings) >= 2


def test_published_strings_as_sites_print_them(nlp_rules):
    cases = {
        "2024-09-14": "2024-09-14",
        "Tayang: Senin, 9 Juni 2025 20:52 WITA": "2025-06-09T20:52:00+08:00",
        "Selasa, 07 November 2023 - 10:15 WIB": "2023-11-07T10:15:00+07:00",
    }
    for raw, iso in cases.items():
        assert kalbar_nlp.parse(ARTICLE, published=raw, nlp=nlp_rules).published == iso


def test_record_has_exactly_the_schema_keys_and_is_json(nlp_rules):
    rec = kalbar_nlp.parse(
        ARTICLE, id="a-1", title="Festival", published="2024-09-14", nlp=nlp_rules
    ).to_dict()
    assert list(rec) == [
        "id", "schema_version", "title", "published", "dateline", "dates", "people",
        "organizations", "locations", "quotes", "bylines", "warnings",
    ]  # fmt: skip
    assert rec["id"] == "a-1" and rec["title"] == "Festival" and rec["published"] == "2024-09-14"
    assert rec["schema_version"] == 1
    assert json.loads(json.dumps(rec)) == rec
    assert all(isinstance(w, str) and w.strip() for w in rec["warnings"])


def _spans(rec: dict) -> list[tuple[str, int, int]]:
    """Every (text, start, end) the record claims, from every field that carries offsets."""
    out = []
    if rec["dateline"]:
        out.append((rec["dateline"]["text"], rec["dateline"]["start"], rec["dateline"]["end"]))
    for key in ("dates", "bylines", "quotes"):
        out += [(x["text"], x["start"], x["end"]) for x in rec[key]]
    for q in rec["quotes"]:
        sp = q.get("speaker") or {}
        if sp.get("start") is not None:
            out.append((sp["mention"], sp["start"], sp["end"]))
    for key in ("people", "organizations", "locations"):
        out += [(m["text"], m["start"], m["end"]) for x in rec[key] for m in x["mentions"]]
    return out


def test_every_offset_gives_the_mention_back(nlp):
    rec = kalbar_nlp.parse(ARTICLE, published="2024-09-14", nlp=nlp).to_dict()
    spans = _spans(rec)
    assert spans, "the sample article has a dateline, dates, a person and quotes"
    for text, start, end in spans:
        assert ARTICLE[start:end] == text


def test_huge_text_is_cut_with_a_warning(nlp_rules):
    text = (ARTICLE + "\n") * (MAX_CHARS // len(ARTICLE) + 50)
    assert len(text) > MAX_CHARS
    art = kalbar_nlp.parse(text, nlp=nlp_rules)
    assert any("only the first" in w for w in art.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Tanpa titik di akhir kalimat dan tanpa apa pun lagi " * 200,
        "“Kutipan yang tidak pernah ditutup, kata seseorang di Pontianak " * 100,
        "(" * 20000 + " Pontianak",
        "1/" * 20000,
        "“" * 5000 + "”" * 10,
    ],
    ids=["no-sentence-end", "unbalanced-quote", "parentheses", "slashes", "quote-marks"],
)
def test_hostile_text_gives_a_record_with_exact_offsets(nlp_rules, text):
    # its time is measured by bench/bench_hostile.py, not asserted here
    art = kalbar_nlp.parse(text, nlp=nlp_rules)
    rec = art.to_dict()
    for span_text, start, end in _spans(rec):
        assert text[start:end] == span_text


def test_prepare_text_replaces_nul():
    text, warnings = prepare_text("Pontianak\x00 hari ini")
    assert "\x00" not in text and warnings


def test_load_is_cached():
    assert kalbar_nlp.load(ner=False) is kalbar_nlp.load(ner=False)
    with pytest.raises(ValueError, match="backend"):
        kalbar_nlp.load("udpipe")
