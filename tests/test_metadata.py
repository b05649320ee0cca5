"""Metadata of unexpected types is read, not fatal: NaN ids, epoch dates, numbers, numpy/pandas values."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

import kalbar_nlp
from kalbar_nlp.batch import ErrorRecord, parse_many

ARTICLE = (
    "KalbarOnline, Sambas – Bupati Sambas meresmikan pasar ikan di Kecamatan Pemangkat pada "
    "Selasa (14/11/2023). Camat Pemangkat, Yusnita Harun, mengatakan pasar itu menampung 80 pedagang."
)
EPOCH = 1_700_000_000  # 2023-11-14T22:13:20Z


def test_epoch_seconds_become_an_iso_date(nlp_rules):
    for value in (EPOCH, float(EPOCH), np.int64(EPOCH)):
        art = kalbar_nlp.parse(ARTICLE, published=value, nlp=nlp_rules)
        assert art.published.startswith("2023-11-14T22:13:20"), value
        assert not any("published" in w for w in art.warnings)
    millis = kalbar_nlp.parse(ARTICLE, published=EPOCH * 1000, nlp=nlp_rules)
    assert millis.published.startswith("2023-11-14T22:13:20")
    assert any("milliseconds" in w for w in millis.warnings)


def test_a_number_that_is_no_date_is_ignored_with_a_warning(nlp_rules):
    art = kalbar_nlp.parse(ARTICLE, published=2024, nlp=nlp_rules)
    assert art.published == "2023-11-14"  # taken from the text instead
    assert any("2024" in w and "ignored" in w for w in art.warnings)


@pytest.mark.parametrize(
    "value",
    [
        pd.Timestamp("2023-11-14 08:30"),
        np.datetime64("2023-11-14T08:30"),
        dt.datetime(2023, 11, 14, 8, 30),
    ],
    ids=["pd.Timestamp", "np.datetime64", "datetime"],
)
def test_timestamps_of_every_kind(nlp_rules, value):
    art = kalbar_nlp.parse(ARTICLE, published=value, nlp=nlp_rules)
    assert art.published.startswith("2023-11-14T08:30")


@pytest.mark.parametrize("missing", [pd.NaT, np.datetime64("NaT"), float("nan"), pd.NA, None])
def test_missing_published_is_missing(nlp_rules, missing):
    art = kalbar_nlp.parse(ARTICLE, published=missing, nlp=nlp_rules)
    assert art.published == "2023-11-14"  # not given: taken from the text
    assert not any("could not read" in w or "ignored" in w for w in art.warnings)


def test_numeric_title_and_ids(nlp_rules):
    art = kalbar_nlp.parse(ARTICLE, id=7.0, title=123, nlp=nlp_rules)
    assert art.id == 7 and isinstance(art.id, int)
    assert art.title == "123" and any("title" in w for w in art.warnings)
    assert kalbar_nlp.parse(ARTICLE, id=np.int64(9), nlp=nlp_rules).id == 9
    odd = kalbar_nlp.parse(ARTICLE, id=1.5, nlp=nlp_rules)
    assert odd.id == "1.5" and any("id" in w for w in odd.warnings)
    assert kalbar_nlp.parse(ARTICLE, id=float("nan"), nlp=nlp_rules).id is None


def test_numpy_str_text_is_parsed(nlp_rules):
    art = kalbar_nlp.parse(np.str_(ARTICLE), title=np.str_("Pasar Ikan"), nlp=nlp_rules)
    assert art.title == "Pasar Ikan" and type(art.title) is str
    assert (
        art.dates and art.to_dict() == kalbar_nlp.parse(ARTICLE, title="Pasar Ikan", nlp=nlp_rules).to_dict()
    )


def test_dataframe_with_float_ids_and_epoch_dates(nlp_rules):
    df = pd.DataFrame(
        {
            "id": [1, None, 3],  # pandas makes this float64 with NaN
            "text": [ARTICLE, ARTICLE, np.nan],
            "published": [EPOCH, pd.NaT, EPOCH],
            "title": [123, "Pasar", None],
        }
    )
    assert df["id"].dtype == float
    out = list(parse_many(df.itertuples(index=False), nlp=nlp_rules))
    assert out[0].id == 1 and isinstance(out[0].id, int)
    assert out[0].published.startswith("2023-11-14") and out[0].title == "123"
    assert out[1].id is None and out[1].published == "2023-11-14"  # NaT: not given
    assert isinstance(out[2], ErrorRecord) and out[2].id == 3
    assert "missing value" in out[2].error and "None" not in out[2].error
    table = kalbar_nlp.parse_dataframe(
        df, id_col="id", published_col="published", title_col="title", nlp=nlp_rules
    )
    assert list(table["error"].isna()) == [True, True, False]


@pytest.mark.parametrize("field", ["title", "id", "published"])
def test_lone_surrogate_in_metadata_is_repaired(nlp_rules, field):
    value = "Pontianak \ud83d hari ini"
    art = kalbar_nlp.parse(ARTICLE, **{field: value}, nlp=nlp_rules)
    line = json.dumps(art.to_dict(), ensure_ascii=False)
    line.encode("utf-8")  # writable
    if field != "published":
        assert getattr(art, field) == "Pontianak \ufffd hari ini"
    assert any("surrogate" in w for w in art.warnings)


def test_lone_surrogate_in_text_keeps_offsets(nlp_rules):
    text = ARTICLE.replace("pasar ikan", "pasar \ud83d ikan")
    art = kalbar_nlp.parse(text, nlp=nlp_rules).to_dict()
    json.dumps(art, ensure_ascii=False).encode("utf-8")
    repaired = text.replace("\ud83d", "\ufffd")
    for date in art["dates"]:
        assert repaired[date["start"] : date["end"]] == date["text"]
