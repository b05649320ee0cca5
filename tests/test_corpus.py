"""The corpus who's-who on invented records: joins, hard negatives, posts over time, tables, CLI."""

from __future__ import annotations

import json

import pytest

from kalbar_nlp import corpus
from kalbar_nlp.cli import main
from kalbar_nlp.corpus.names import name_key
from kalbar_nlp.corpus.posts import parse_post


def record(article_id, published, place, people, quotes=()):
    return {
        "id": article_id,
        "schema_version": 1,
        "published": published,
        "dateline": {"outlet": "Warta Kapuas", "place": place} if place else None,
        "dates": [],
        "people": [{"name": name, "aliases": aliases, "titles": titles} for name, aliases, titles in people],
        "quotes": [
            {"text": text, "kind": "direct", "cue": "kata", "speaker": {"name": speaker}}
            for text, speaker in quotes
        ],
    }


RECORDS = [
    record(
        "warta-1",
        "2019-03-04",
        "Pontianak",
        [
            ("H. Sutarmidji, S.H., M.Hum.", [], ["Gubernur Kalimantan Barat"]),
            ("Budi", [], ["Camat Sungai Kakap"]),
        ],
        [("Pembangunan jalan desa harus selesai tahun ini", "H. Sutarmidji, S.H., M.Hum.")],
    ),
    record(
        "warta-2",
        "2020-07-15",
        "Pontianak",
        [("Sutarmidji", ["Bang Midji"], ["Gubernur Kalbar"]), ("Rina Marlina", [], ["Plt. Bupati Ketapang"])],
        [("Kami tidak akan menaikkan pajak", "Sutarmidji")],
    ),
    record(
        "warta-3",
        "2021-01-20",
        "Ketapang",
        [("Midji", [], ["Gubernur Kalbar"]), ("Rina Marlina", [], ["Bupati Ketapang"])],
    ),
    record("warta-4", "2021-05-02", "Surabaya", [("Budi", [], ["Kapolsek Tegalsari"])]),
    record("warta-5", "2022-02-11", "Ketapang", [("Yohanes Kaliman", [], ["Bupati Ketapang"])]),
    {"id": "warta-6", "line": 7, "error": "no text"},
]


@pytest.fixture(scope="module")
def who():
    return corpus.build(RECORDS)


def person_of(who, article_id, name):
    mentions = who.person_mentions
    row = mentions[(mentions["article_id"] == article_id) & (mentions["name"] == name)]
    assert len(row) == 1
    return row.iloc[0]


def test_name_keys_fold_honorifics_degrees_and_spellings():
    assert name_key("H. Sutarmidji, S.H., M.Hum.") == name_key("Sutarmidji")
    assert name_key("Luhut Binsar Pandjaitan") == name_key("Luhut Binsar Panjaitan")
    assert name_key("Tengku Erry Nuradi") == name_key("Tengku Erri Nuradi")


def test_posts_are_normalised_with_qualifier_and_region_code():
    plt = parse_post("Plt. Kapolres Kubu Raya")
    assert (plt.role, plt.qualifier, plt.region_code) == (
        "Kepala Kepolisian Resor",
        "Pelaksana Tugas",
        "61.12",
    )
    assert parse_post("Sekda Kabupaten Ketapang").key == parse_post("Sekretaris Daerah Ketapang").key
    assert parse_post("Presiden Republik Indonesia").key == ("presiden", "national")


def test_one_official_in_three_spellings_joins(who):
    ids = {
        person_of(who, a, n)["person_id"]
        for a, n in [
            ("warta-1", "H. Sutarmidji, S.H., M.Hum."),
            ("warta-2", "Sutarmidji"),
            ("warta-3", "Midji"),
        ]
    }
    assert len(ids) == 1
    nickname = person_of(who, "warta-3", "Midji")
    assert nickname["rule"] in {"nickname+post", "alias"}
    assert "gubernur@61" in nickname["evidence"]
    person = who.persons[who.persons["person_id"] == ids.pop()].iloc[0]
    assert person["n_articles"] == 3
    assert person["n_quotes"] == 2
    assert person["region_code"] == "61"


def test_two_budis_in_different_regions_stay_apart(who):
    kakap = person_of(who, "warta-1", "Budi")
    tegalsari = person_of(who, "warta-4", "Budi")
    assert kakap["person_id"] != tegalsari["person_id"]


def test_posts_over_time_and_holders(who):
    holders = who.holders("Bupati", "61.04")
    assert list(holders["person"]) == ["Rina Marlina", "Rina Marlina", "Yohanes Kaliman"]
    acting = holders[holders["qualifier"] == "Pelaksana Tugas"].iloc[0]
    assert (acting["first_seen"], acting["last_seen"]) == ("2020-07-15", "2020-07-15")
    governor = who.posts[who.posts["person"].str.contains("Sutarmidji")]
    assert governor["region_code"].tolist() == ["61"]
    row = governor.iloc[0]
    assert (row["first_seen"], row["last_seen"], row["n_articles"]) == ("2019-03-04", "2021-01-20", 3)
    assert who.holders("Kapolsek")["person"].tolist() == ["Budi"]


def test_tables_have_their_columns(who):
    assert {"article_id", "name", "person_id", "rule", "evidence"} <= set(who.person_mentions.columns)
    assert {"person_id", "name", "aliases", "posts", "n_articles", "first_seen", "last_seen"} <= set(
        who.persons.columns
    )
    assert {"person_id", "post", "role", "qualifier", "region_code", "first_seen", "last_seen"} <= set(
        who.posts.columns
    )
    assert {"person_id", "article_id", "text"} <= set(who.quotes_by_person.columns)
    pairs = who.cooccurrence
    assert set(pairs.columns) == {"person_a", "person_b", "name_a", "name_b", "n_articles"}
    rina = pairs[(pairs["name_a"] == "Rina Marlina") | (pairs["name_b"] == "Rina Marlina")]
    assert rina["n_articles"].max() == 2  # with the governor in warta-2 and warta-3
    assert len(who.person_mentions) == 8  # the error record is skipped


def test_to_parquet_round_trip(who, tmp_path):
    who.to_parquet(tmp_path / "who")
    back = corpus.Corpus.read_parquet(tmp_path / "who")
    for name in corpus.TABLE_NAMES:
        assert back.table(name).equals(who.table(name)), name


def test_graphml_export(who, tmp_path):
    nx = pytest.importorskip("networkx")
    path = who.to_graphml(tmp_path / "pairs.graphml")
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == len(who.persons)
    assert graph.number_of_edges() == len(who.cooccurrence)


def test_cli_round_trip(tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    assert main(["corpus", str(records), "-o", str(tmp_path / "out")]) == 0
    assert "persons" in capsys.readouterr().err
    back = corpus.Corpus.read_parquet(tmp_path / "out")
    direct = corpus.build(records)
    assert back.persons.equals(direct.persons)
    assert main(["corpus", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "x")]) == 1


def test_build_from_articles_and_dataframe():
    import pandas as pd

    from kalbar_nlp.records import Article, Person

    article = Article(
        id="a1", published="2024-01-02", people=[Person(name="Rina Marlina", titles=["Bupati Ketapang"])]
    )
    assert corpus.build([article]).persons["name"].tolist() == ["Rina Marlina"]
    frame = pd.DataFrame({"record": [json.dumps(r) for r in RECORDS]})
    assert len(corpus.build(frame).persons) == len(corpus.build(RECORDS).persons)


def test_dask_dataframe_of_records_gives_the_same_corpus():
    dd = pytest.importorskip("dask.dataframe")
    import pandas as pd

    from kalbar_nlp.corpus.dask import build_dask

    frame = pd.DataFrame({"id": [str(r["id"]) for r in RECORDS], "record": [json.dumps(r) for r in RECORDS]})
    who = build_dask(dd.from_pandas(frame, npartitions=3))
    direct = corpus.build(RECORDS)
    assert who.persons.equals(direct.persons)
    assert who.posts.equals(direct.posts)
