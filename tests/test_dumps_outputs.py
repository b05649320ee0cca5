"""Scraper dumps in (JSON arrays, news-watch CSV/JSON/JSONL/XLSX), CSV and tidy tables out, interfaces."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pandas as pd
import pytest

import kalbar_nlp
from kalbar_nlp.cli import main
from kalbar_nlp.scrapers import restore_breaks

NEWSWATCH = [
    {
        "title": "Wali Kota Tinjau Pasar Flamboyan",
        "publish_date": "2024-03-04 10:15:00",
        "author": "Dewi Lestari",
        "content": "KalbarOnline, Pontianak \u2013 Wali Kota Pontianak, Hendra Wijaya, meninjau Pasar "
        "Flamboyan, Senin (4/3/2024). \u201cHarga beras masih stabil,\u201d kata Hendra. "
        "Editor: Andi Saputra",
        "keyword": "pasar",
        "category": "Unknown",
        "source": "kalbaronline.example",
        "link": "https://kalbaronline.example/pasar",
    },
    {
        "title": "Kosong",
        "publish_date": "2024-03-05 08:00:00",
        "author": "Unknown",
        "content": "",
        "keyword": "",
        "category": "Daerah",
        "source": "x",
        "link": "https://x.example/kosong",
    },
]


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def check_newswatch(records):
    first = records[0]
    assert first["id"] == "https://kalbaronline.example/pasar"
    assert first["published"] == "2024-03-04T10:15:00+07:00"
    assert first["title"] == "Wali Kota Tinjau Pasar Flamboyan"
    assert first["source"]["author"] == "Dewi Lestari" and "category" not in first["source"]
    assert [(b["name"], b["role"]) for b in first["bylines"]] == [("Andi Saputra", "editor")]
    assert records[1]["id"] == "https://x.example/kosong" and "error" in records[1]


@pytest.mark.parametrize("kind", ["json", "jsonl", "csv", "xlsx"])
def test_newswatch_dumps_without_flags(tmp_path, capsys, kind):
    path = tmp_path / f"newswatch.{kind}"
    if kind == "json":
        path.write_text(json.dumps(NEWSWATCH, indent=2), encoding="utf-8")
    elif kind == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in NEWSWATCH) + "\n", encoding="utf-8")
    elif kind == "csv":
        pd.DataFrame(NEWSWATCH).to_csv(path, index=False)
    else:
        pytest.importorskip("openpyxl")
        pd.DataFrame(NEWSWATCH).to_excel(path, index=False)
    code, records, _ = run(["parse", str(path), "--no-ner", "-q"], capsys)
    assert code == 0 and len(records) == 2
    check_newswatch(records)


def test_json_array_of_articles(tmp_path, capsys):
    items = [
        {"id": "a1", "text": "KalbarOnline, Sambas \u2013 Harga beras naik, Senin (4/3/2024)."},
        "not an object",
        {"id": "a3", "text": "KalbarOnline, Sintang \u2013 Jalan rusak diperbaiki, Selasa (5/3/2024)."},
    ]
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(items, indent=2), encoding="utf-8")
    _code, records, _ = run(["parse", str(path), "--no-ner", "-q"], capsys)
    assert [r.get("id") for r in records] == ["a1", None, "a3"]
    assert records[1] == {
        "id": None,
        "line": 2,
        "error": "item 2 of the JSON array is not an object (got str)",
    }


def test_restore_breaks_keeps_offsets():
    joined = "Warga senang, \u201d kata Hendra. (Adi LC) Comment Editor: lain. Baca juga: Judul"
    restored = restore_breaks(joined)
    assert len(restored) == len(joined)
    assert restored.splitlines() == [
        "Warga senang, \u201d kata Hendra.",
        "(Adi LC)",
        "Comment",
        "Editor: lain.",
        "Baca juga: Judul",
    ]
    quoted = restore_breaks("Harga naik. \u201cKami siap,\u201d kata Hendra. SERAMBINEWS.COM, SAMBAS - Warga")
    assert quoted.splitlines() == [
        "Harga naik.",
        "\u201cKami siap,\u201d kata Hendra.",
        "SERAMBINEWS.COM, SAMBAS - Warga",
    ]
    assert restore_breaks("Satu.\nEditor: Dua") == "Satu.\nEditor: Dua"


def records_file(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in NEWSWATCH) + "\n", encoding="utf-8")
    return path


def test_csv_output_is_flat(tmp_path, capsys):
    out = tmp_path / "records.csv"
    code, _, _ = run(["parse", str(records_file(tmp_path)), "--no-ner", "-q", "-o", str(out)], capsys)
    assert code == 0
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["id"] == "https://kalbaronline.example/pasar"
    assert json.loads(rows[0]["people"])[0]["name"] == "Hendra Wijaya"
    assert json.loads(rows[0]["dateline"])["place"] == "Pontianak"
    assert rows[1]["error"] and rows[1]["line"] == "2"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_tables_output(tmp_path, capsys, fmt):
    folder = tmp_path / "tables"
    args = ["parse", str(records_file(tmp_path)), "--no-ner", "-q", "--tables", str(folder)]
    code, records, _ = run([*args, "--tables-format", fmt], capsys)
    assert code == 0 and records == []  # without -o only the tables are written
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    assert {p.stem for p in folder.iterdir()} == set(kalbar_nlp.tables.TABLES)
    people = read(folder / f"people.{fmt}")
    assert list(people["name"]) == ["Hendra Wijaya"]
    errors = read(folder / f"errors.{fmt}")
    assert list(errors["line"]) == [2]
    assert len(read(folder / f"articles.{fmt}")) == 1


def test_nested_parquet_reads_back_into_to_dataframe(tmp_path, capsys):
    out = tmp_path / "records.parquet"
    run(["parse", str(records_file(tmp_path)), "--no-ner", "-q", "-o", str(out)], capsys)
    frame = pd.read_parquet(out)
    people = kalbar_nlp.to_dataframe(frame, table="people")
    assert list(people["name"]) == ["Hendra Wijaya"]
    assert list(kalbar_nlp.to_dataframe(frame.to_dict("records"), table="errors")["line"]) == [2]
    assert list(kalbar_nlp.to_dataframe(frame, table="quotes")["text"]) == ["Harga beras masih stabil"]


def test_interfaces(nlp_rules):
    text = NEWSWATCH[0]["content"]
    with pytest.raises(TypeError, match="single text"):
        kalbar_nlp.parse_many(text)
    art = kalbar_nlp.parse(text, id="a1", nlp=nlp_rules)
    assert art.text == text and "text" not in art.to_dict()
    again = kalbar_nlp.Article.from_dict(json.loads(json.dumps(art.to_dict())), text=text)
    assert again == art and again.to_dict() == art.to_dict()
    markup = kalbar_nlp.visualize.render(again)
    assert isinstance(markup, str) and "Hendra" in markup and "PERSON" in markup
    assert markup._repr_html_() == markup
    with pytest.raises(ValueError, match="no text"):
        kalbar_nlp.visualize.render(kalbar_nlp.Article.from_dict(art.to_dict()))
    with pytest.raises(TypeError):
        kalbar_nlp.parse_dataframe(pd.DataFrame({"text": [text]}), "text")  # keyword-only columns
    frame = pd.DataFrame({"isi": [text], "tanggal": ["2024-03-04"]}, index=["r1"])
    out = kalbar_nlp.parse_dataframe(frame, text_col="isi", published_col="tanggal", nlp=nlp_rules)
    assert list(out["article_id"]) == ["r1"] and list(out["published"]) == ["2024-03-04"]


def test_python_dash_m(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kalbar_nlp", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("kalbar-nlp ")


def test_record_spans_and_ents_follow_the_record(nlp):
    text = (
        "KalbarOnline, Sintang \u2013 Bupati Sintang, Maria Oktaviani, meresmikan Pasar Inpres bersama Dinas "
        "Perdagangan Sintang, Rabu (6/11/2024). \u201cPasar ini untuk warga,\u201d kata Maria."
    )
    doc = nlp(kalbar_nlp.api.make_doc(nlp, text))
    art = kalbar_nlp.records.doc_to_article(doc)
    people = [m.text for p in art.people for m in p.mentions]
    assert [s.text for s in doc.spans["people"]] == people
    assert [s.text for s in doc.spans["quotes"]] == [q.text for q in art.quotes]
    assert {s.text for s in doc.spans["organizations"]} == {"Dinas Perdagangan Sintang"}
    assert {(e.text, e.label_) for e in doc.ents} >= {("Maria Oktaviani", "PERSON"), ("Maria", "PERSON")}
    assert "ner_raw" in doc.spans
