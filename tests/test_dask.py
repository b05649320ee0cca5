"""kalbar_nlp.dask on a LocalCluster with 2 worker processes gives the single-process records."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import kalbar_nlp
from kalbar_nlp.batch import parse_many

try:
    import dask.dataframe  # noqa: F401
    import distributed
except ImportError:  # the dev extra has them; a plain install may not
    distributed = None
needs_dask = pytest.mark.skipif(distributed is None, reason="dask[distributed] is not installed")

PLACES = ["Ketapang", "Sintang", "Sanggau", "Sambas", "Mempawah", "Landak", "Bengkayang", "Melawi"]


def _articles() -> pd.DataFrame:
    rows = []
    for i, place in enumerate(PLACES * 2):
        rows.append(
            {
                "id": f"dk-{i}",
                "published": f"2024-0{1 + i % 9}-1{i % 9}",
                "text": f"{place} (KalbarNews) - Pemerintah Kabupaten {place} menyalurkan bantuan beras "
                f"kepada {100 + i} keluarga pada Senin ({10 + i % 9}/{1 + i % 9}/2024). Camat setempat, Budi "
                f"Santoso, mengatakan bantuan tahap kedua dijadwalkan bulan depan. (rd{i})",
            }
        )
    rows[5]["text"] = "   "  # an empty text: an error record in its place
    return pd.DataFrame(rows)


def test_missing_dask_names_the_extra(monkeypatch):
    import importlib
    import sys

    monkeypatch.delitem(sys.modules, "kalbar_nlp.dask", raising=False)
    for name in ("dask", "dask.bag", "dask.dataframe"):
        monkeypatch.setitem(sys.modules, name, None)  # makes `import dask...` fail
    with pytest.raises(ImportError, match=r"kalbar-nlp\[dask\]"):
        importlib.import_module("kalbar_nlp.dask")


@pytest.fixture(scope="module")
def client():
    if distributed is None:
        pytest.skip("dask[distributed] is not installed")
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@needs_dask
@pytest.mark.slow
def test_dataframe_on_two_worker_processes_equals_single_process(client, nlp_rules):
    import dask.dataframe as dd

    from kalbar_nlp.dask import parse_dask_dataframe
    from kalbar_nlp.dataframes import RECORDS_COLUMNS

    pdf = _articles()
    ddf = dd.from_pandas(pdf, npartitions=4)
    lazy = parse_dask_dataframe(ddf, ner=False)
    assert list(lazy.dtypes.index) == list(RECORDS_COLUMNS)
    out = lazy.compute()
    assert len(out) == len(pdf)
    expected = [r.to_dict() for r in parse_many(pdf.to_dict("records"), nlp=nlp_rules)]
    got = [
        json.loads(r) if isinstance(r, str) else {"id": i, "error": e}
        for i, e, r in out.itertuples(index=False)
    ]
    for exp, g in zip(expected, got, strict=True):
        if "error" in exp:
            assert g == {"id": exp["id"], "error": exp["error"]}
        else:
            assert g == exp
    # the workers really did the work, each in its own process
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2


@needs_dask
@pytest.mark.slow
def test_tidy_table_and_bag(client, nlp_rules):
    import dask.bag as db
    import dask.dataframe as dd

    from kalbar_nlp.dask import parse_bag, parse_dask_dataframe

    pdf = _articles()
    records = list(parse_many(pdf.to_dict("records"), nlp=nlp_rules))
    dates = parse_dask_dataframe(dd.from_pandas(pdf, npartitions=3), table="dates", ner=False).compute()
    expected = kalbar_nlp.to_dataframe(records, "dates")
    pd.testing.assert_frame_equal(dates.reset_index(drop=True), expected)

    bag = db.from_sequence(pdf.to_dict("records"), npartitions=3)
    got = parse_bag(bag, ner=False).compute()
    exp = [r.to_dict() for r in records]
    assert [g.get("id") for g in got] == [e.get("id") for e in exp]
    assert [g for g in got if "error" not in g] == [e for e in exp if "error" not in e]
