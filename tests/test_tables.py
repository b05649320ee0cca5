"""to_dataframe / parse_dataframe: tidy tables with explicit dtypes that survive Parquet."""

from __future__ import annotations

import pandas as pd
import pytest

import kalbar_nlp
from kalbar_nlp.batch import ErrorRecord
from kalbar_nlp.tables import TABLES

# A hand-written record in the schema's shape (invented people), so the tables are checked
# independently of what the pipeline finds today.
RECORD = {
    "id": "tb-1",
    "schema_version": 1,
    "title": "Banjir Rendam Dua Desa",
    "published": "2024-03-12",
    "dateline": {
        "outlet": "KalbarOnline",
        "place": "Ketapang",
        "text": "KalbarOnline, Ketapang –",
        "start": 0,
        "end": 24,
    },
    "dates": [
        {
            "text": "Selasa (12/3/2024)",
            "start": 90,
            "end": 108,
            "value": "2024-03-12",
            "grain": "day",
            "weekday": "Selasa",
            "weekday_matches": True,
            "time": None,
            "timezone": None,
            "relative": False,
        },
        {
            "text": "besok",
            "start": 150,
            "end": 155,
            "value": None,
            "grain": None,
            "weekday": None,
            "weekday_matches": None,
            "time": None,
            "timezone": None,
            "relative": True,
        },
    ],
    "people": [
        {
            "name": "Yohanes Sabrang",
            "aliases": ["Yohanes"],
            "titles": ["Bupati Ketapang", "Ketua Satgas Banjir"],
            "mentions": [
                {"text": "Yohanes Sabrang", "start": 41, "end": 56},
                {"text": "Yohanes", "start": 200, "end": 207},
            ],
        },
        {"name": "Rina Wulandari", "aliases": [], "titles": [], "mentions": []},
    ],
    "organizations": [
        {
            "name": "Badan Penanggulangan Bencana Daerah",
            "acronym": "BPBD",
            "aliases": ["BPBD"],
            "mentions": [{"text": "BPBD", "start": 300, "end": 304}],
        }
    ],
    "locations": [
        {
            "name": "Ketapang",
            "kind": "regency",
            "code": "61.04",
            "aliases": [],
            "mentions": [{"text": "Ketapang", "start": 14, "end": 22}],
        }
    ],
    "quotes": [
        {
            "text": "Kami kirim perahu karet hari ini",
            "start": 120,
            "end": 152,
            "kind": "direct",
            "cue": "kata",
            "speaker": {"name": "Yohanes Sabrang", "mention": "Yohanes", "start": 200, "end": 207},
        },
        {
            "text": "warga diminta waspada",
            "start": 220,
            "end": 241,
            "kind": "indirect",
            "cue": "meminta",
            "speaker": None,
        },
    ],
    "bylines": [{"name": "Adi LC", "role": "writer", "text": "(Adi LC)", "start": 400, "end": 408}],
    "warnings": [],
}
ERROR = {"id": "tb-2", "line": 7, "error": "text: empty or whitespace only"}


@pytest.mark.parametrize(
    ("table", "rows", "check"),
    [
        (
            "articles",
            1,
            {"outlet": ["KalbarOnline"], "place": ["Ketapang"], "n_people": [2], "n_quotes": [2]},
        ),
        (
            "people",
            2,
            {
                "name": ["Yohanes Sabrang", "Rina Wulandari"],
                "n_mentions": [2, 0],
                "titles": ["Bupati Ketapang; Ketua Satgas Banjir", pd.NA],
                "first_start": [41, pd.NA],
            },
        ),
        (
            "titles",
            2,
            {"person": ["Yohanes Sabrang"] * 2, "title": ["Bupati Ketapang", "Ketua Satgas Banjir"]},
        ),
        ("organizations", 1, {"acronym": ["BPBD"], "n_mentions": [1]}),
        ("locations", 1, {"kind": ["regency"], "code": ["61.04"]}),
        (
            "quotes",
            2,
            {
                "kind": ["direct", "indirect"],
                "speaker": ["Yohanes Sabrang", pd.NA],
                "speaker_start": [200, pd.NA],
            },
        ),
        (
            "dates",
            2,
            {"value": ["2024-03-12", pd.NA], "weekday_matches": [True, pd.NA], "relative": [False, True]},
        ),
        ("bylines", 1, {"name": ["Adi LC"], "role": ["writer"], "start": [400]}),
        ("errors", 1, {"article_id": ["tb-2"], "line": [7], "error": ["text: empty or whitespace only"]}),
    ],
)
def test_tables_from_records(table, rows, check):
    df = kalbar_nlp.to_dataframe([RECORD, ERROR], table=table)
    assert len(df) == rows
    assert list(df.columns) == list(TABLES[table])
    assert {c: str(t) for c, t in df.dtypes.items()} == TABLES[table]
    if table != "errors":
        assert (df["article_id"] == "tb-1").all()
    for col, values in check.items():
        got = df[col].tolist()
        assert [None if v is pd.NA else v for v in got] == [None if v is pd.NA else v for v in values]


@pytest.mark.parametrize("table", list(TABLES))
def test_parquet_round_trip_keeps_dtypes(tmp_path, table):
    df = kalbar_nlp.to_dataframe([RECORD, ERROR], table=table)
    path = tmp_path / f"{table}.parquet"
    df.to_parquet(path)
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, df)


@pytest.mark.parametrize("table", list(TABLES))
def test_empty_input_gives_typed_empty_table(table):
    df = kalbar_nlp.to_dataframe([], table=table)
    assert df.empty and {c: str(t) for c, t in df.dtypes.items()} == TABLES[table]


@pytest.mark.parametrize(
    ("records", "table", "exc"), [([RECORD], "persons", ValueError), ([42], "people", TypeError)]
)
def test_bad_arguments(records, table, exc):
    with pytest.raises(exc):
        kalbar_nlp.to_dataframe(records, table=table)


def test_objects_and_dicts_give_the_same_tables(nlp_rules):
    texts = [
        "KalbarOnline, Sambas – Pemerintah Kabupaten Sambas membuka pasar murah di Kecamatan Tebas pada Rabu "
        "(13/3/2024). Camat Tebas, Anwar Hidayat, mengatakan pasar murah digelar "
        "hingga Jumat (15/3/2024). (mey)",
        "",
    ]
    results = list(kalbar_nlp.parse_many(texts, nlp=nlp_rules))
    assert isinstance(results[1], ErrorRecord)
    for table in TABLES:
        a = kalbar_nlp.to_dataframe(results, table)
        b = kalbar_nlp.to_dataframe([r.to_dict() for r in results], table)
        pd.testing.assert_frame_equal(a, b)
    dates = kalbar_nlp.to_dataframe(results, "dates")
    assert len(dates) == len(results[0].dates) >= 2
    assert "2024-03-13" in dates["value"].tolist()


def test_parse_dataframe_keeps_index_and_reports_errors(nlp_rules):
    df = pd.DataFrame(
        {
            "isi": [
                "KalbarOnline, Landak – Bupati Landak meresmikan puskesmas baru di Kecamatan Ngabang, Senin "
                "(4/11/2024). (rk)",
                None,
                "PONTIANAK, KOMPAS.com - Sebanyak 40 sekolah di Pontianak menggelar lomba kebersihan pada "
                "Kamis (7/11/2024).",
            ],
            "tanggal": ["2024-11-04", None, "Kamis, 7 November 2024 09:00 WIB"],
        },
        index=["x1", "x2", "x3"],
    )
    out = kalbar_nlp.parse_dataframe(df, text_col="isi", published_col="tanggal", nlp=nlp_rules)
    assert list(out.index) == ["x1", "x2", "x3"]
    assert out["article_id"].tolist() == ["x1", "x2", "x3"]
    assert out["error"].isna().tolist() == [True, False, True]
    assert out.loc["x1", "outlet"] == "KalbarOnline"
    assert out.loc["x3", "published"].startswith("2024-11-07")
    assert out["n_dates"].isna().tolist() == [False, True, False]
    dates = kalbar_nlp.parse_dataframe(
        df, text_col="isi", published_col="tanggal", table="dates", nlp=nlp_rules
    )
    assert set(dates["article_id"]) == {"x1", "x3"}
    with pytest.raises(KeyError, match="teks"):
        kalbar_nlp.parse_dataframe(df, text_col="teks", nlp=nlp_rules)
