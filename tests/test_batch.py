"""parse_many: input kinds, error records in place, order, n_process=2 == n_process=1."""

from __future__ import annotations

import pandas as pd
import pytest
import spacy
from spacy.language import Language

import kalbar_nlp
from kalbar_nlp.batch import ErrorRecord, parse_many, parse_numbered

# Short invented articles in the style of regional outlets (people and events are made up).
ARTICLES = [
    {
        "id": "kb-1",
        "published": "2024-03-12",
        "text": "KalbarOnline, Ketapang – Bupati Ketapang Yohanes Sabrang meninjau banjir di Desa "
        "Sungai Awan, Selasa (12/3/2024). "
        "\u201cKami kirim perahu karet hari ini,\u201d kata Yohanes. (Adi LC)",
    },
    {
        "id": "kb-2",
        "published": "Senin, 4 November 2024 10:15 WIB",
        "text": "PONTIANAK, KOMPAS.com - Dinas Kesehatan Kota Pontianak membuka posko demam berdarah di "
        "Kecamatan Pontianak Barat pada Senin (4/11/2024). Kepala Dinas Kesehatan, dr. Rina Wulandari, "
        "meminta warga menguras bak mandi setiap pekan.",
    },
    {
        "id": "kb-3",
        "text": "Sintang (Antara) - Sebanyak 120 petani karet di Kecamatan Kelam Permai menerima bibit "
        "unggul dari pemerintah kabupaten pada 7 Oktober 2023. (ant)",
    },
    {
        "id": "kb-4",
        "title": "Jembatan Kapuas Ditutup Sementara",
        "published": "2025-01-20",
        "text": "Sanggau - Jembatan Kapuas di Kabupaten Sanggau ditutup sementara mulai besok untuk "
        "perbaikan lantai. Kepala Dinas PUPR Sanggau, Markus Eko, mengatakan "
        "perbaikan selesai dalam dua pekan.",
    },
]


def _dicts(results):
    return [r.to_dict() for r in results]


def test_articles_in_order_with_metadata(nlp_rules):
    out = list(parse_many(ARTICLES, nlp=nlp_rules))
    assert [type(r) for r in out] == [kalbar_nlp.Article] * len(ARTICLES)
    assert [r.id for r in out] == [a["id"] for a in ARTICLES]
    assert out[3].title == "Jembatan Kapuas Ditutup Sementara"
    assert out[0].published == "2024-03-12"
    assert out[1].published.startswith("2024-11-04")


def test_same_records_as_parse(nlp_rules):
    batch = _dicts(parse_many(ARTICLES, nlp=nlp_rules, batch_size=3))
    single = [
        kalbar_nlp.parse(
            a["text"], id=a["id"], title=a.get("title"), published=a.get("published"), nlp=nlp_rules
        ).to_dict()
        for a in ARTICLES
    ]
    assert batch == single


BAD_ITEMS = [
    (None, "text: expected str or bytes, got None"),
    (42, "item: expected str, bytes, dict or pandas row, got int"),
    (["a list"], "item: expected str, bytes, dict or pandas row, got list"),
    ({"id": "no-text"}, "text: missing"),
    ({"id": "empty", "text": ""}, "text: empty or whitespace only"),
    ({"id": "blank", "text": " \n\t "}, "text: empty or whitespace only"),
    ({"id": "nul", "text": b"\x00\x9f\x92\x00\xff"}, "NUL bytes"),
    ({"id": "none", "text": None}, "text: expected str or bytes, got None"),
    ({"id": "num", "text": 3.5}, "text: expected str or bytes, got float"),
    ({"id": "bad-date", "text": "Pontianak - Hujan deras.", "published": [2024]}, "published: expected str"),
    ({"id": ["x"], "text": "Pontianak - Hujan deras."}, "id: expected str, int or None"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_ITEMS)
def test_bad_item_becomes_error_record_in_place(nlp_rules, bad, message):
    items = [ARTICLES[0], bad, ARTICLES[1]]
    out = list(parse_many(items, nlp=nlp_rules))
    assert len(out) == 3
    assert isinstance(out[0], kalbar_nlp.Article) and isinstance(out[2], kalbar_nlp.Article)
    err = out[1]
    assert isinstance(err, ErrorRecord)
    assert message in err.error
    assert err.line == 2
    expected_id = bad.get("id") if isinstance(bad, dict) and isinstance(bad.get("id"), str) else None
    assert err.id == expected_id
    assert set(err.to_dict()) == {"id", "line", "error"}


def test_input_kinds_texts_bytes_series_tuples(nlp_rules):
    text = ARTICLES[0]["text"]
    df = pd.DataFrame(ARTICLES)
    items = [text, text.encode("utf-8"), df.iloc[1], next(df.itertuples(index=False)), next(df.iterrows())]
    out = list(parse_many(items, nlp=nlp_rules))
    assert all(isinstance(r, kalbar_nlp.Article) for r in out)
    assert out[0].to_dict()["dates"] == out[1].to_dict()["dates"]
    assert [r.id for r in out] == [None, None, "kb-2", "kb-1", "kb-1"]


def test_pandas_missing_values_are_none(nlp_rules):
    df = pd.DataFrame({"id": [7, 8], "text": [ARTICLES[2]["text"], None], "published": [None, "2024-01-01"]})
    out = list(parse_many(df.itertuples(index=False), nlp=nlp_rules))
    assert isinstance(out[0], kalbar_nlp.Article) and out[0].id == 7
    assert not any("could not read" in w for w in out[0].warnings)  # NaN/None is "not given", not a bad date
    assert isinstance(out[1], ErrorRecord) and out[1].id == 8


def test_numbered_pairs_pass_error_records_through(nlp_rules):
    pairs = [(3, ARTICLES[0]), (4, ErrorRecord(None, 4, "line is not valid JSON")), (5, {"text": ""})]
    out = _dicts(parse_numbered(pairs, nlp=nlp_rules))
    assert out[1] == {"id": None, "line": 4, "error": "line is not valid JSON"}
    assert out[2] == {"id": None, "line": 5, "error": "text: empty or whitespace only"}


@pytest.mark.parametrize(
    ("kwargs", "field"), [({"n_process": 0}, "n_process"), ({"batch_size": 0}, "batch_size")]
)
def test_bad_arguments_raise_at_call(nlp_rules, kwargs, field):
    with pytest.raises(ValueError, match=field):
        parse_many(ARTICLES, nlp=nlp_rules, **kwargs)


def test_two_processes_equal_one(nlp_rules):
    items = []
    for i in range(30):
        a = dict(ARTICLES[i % len(ARTICLES)])
        a["id"] = f"{a['id']}-{i}"
        items.append(a)
        if i % 7 == 3:
            items.append({"id": f"bad-{i}", "text": "   "})
        if i % 11 == 5:
            items.append(None)
    one = _dicts(parse_many(items, nlp=nlp_rules, n_process=1, batch_size=4))
    two = _dicts(parse_many(items, nlp=nlp_rules, n_process=2, batch_size=4))
    assert len(one) == len(items)
    assert two == one


@pytest.fixture(scope="module")
def fragile_nlp():
    """A tiny pipeline whose one component fails on texts containing BOOM."""
    name = "kalbar_test_fragile"
    if name not in Language.factories:

        @Language.component(name)
        def fragile(doc):
            if "BOOM" in doc.text:
                raise RuntimeError("boom in the component")
            return doc

    nlp = spacy.blank("id")
    nlp.add_pipe(name)
    return nlp


@pytest.mark.parametrize("n_process", [1, 2])
def test_component_failure_becomes_error_record(fragile_nlp, n_process):
    items = [
        {"id": "a", "text": "Pontianak - aman."},
        {"id": "b", "text": "Sambas - BOOM."},
        {"id": "c", "text": "Mempawah - aman."},
    ]
    out = list(parse_many(items, nlp=fragile_nlp, n_process=n_process, batch_size=1))
    assert [type(r) for r in out] == [kalbar_nlp.Article, ErrorRecord, kalbar_nlp.Article]
    assert out[1].id == "b" and out[1].line == 2
    if n_process == 1:
        assert "boom in the component" in out[1].error


def test_parse_still_raises_on_component_failure(fragile_nlp):
    list(parse_many(["Sambas - BOOM."], nlp=fragile_nlp))  # installs the batch error handler
    with pytest.raises(RuntimeError, match="boom"):
        kalbar_nlp.parse("Sambas - BOOM.", nlp=fragile_nlp)
