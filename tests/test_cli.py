"""The kalbar-nlp CLI: formats, error records in place, --table, Parquet, interruption and --resume."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from kalbar_nlp.cli import main

PLACES = ["Ketapang", "Sintang", "Sanggau", "Sambas", "Mempawah", "Landak", "Bengkayang", "Kapuas Hulu"]


def article(i: int) -> dict:
    """A short invented article (people and events are made up)."""
    place = PLACES[i % len(PLACES)]
    return {
        "id": f"art-{i:05d}",
        "title": f"Warga {place} Gotong Royong",
        "published": f"2024-0{1 + i % 9}-{10 + i % 18}",
        "text": f"KalbarOnline, {place} \u2013 Ratusan warga {place} bergotong royong membersihkan "
        f"saluran air pada Sabtu ({10 + i % 18}/{1 + i % 9}/2024). Kepala Desa Sungai Raya, "
        f"Hendrik Sulaiman, mengatakan kegiatan serupa digelar setiap bulan. "
        f"\u201cKami ingin kampung bebas banjir,\u201d katanya. (rk{i % 7})",
    }


BROKEN = [
    b'{"id": "broken-json", "text": "Sambas - jalan rusak"',  # bad JSON (no closing brace)
    b'{"id": "no-text", "title": "Tanpa isi"}',  # missing text
    b"\x89PNG\r\x1a\x00\x00\x00\rIHDR\x00\x00\x01\xff\xfe binary blob",  # binary garbage
    b'{"id": "empty-text", "text": ""}',  # empty text
    b'["a", "list"]',  # JSON but not an object
]


def write_dump(path: Path, n: int, broken_every: int = 0) -> list[tuple[int, str | None]]:
    """Write a JSON Lines dump; return the expected (line, id) of each input line."""
    expected = []
    with open(path, "wb") as fh:
        line = 0
        for i in range(n):
            if broken_every and i % broken_every == broken_every // 2:
                raw = BROKEN[(i // broken_every) % len(BROKEN)]
                line += 1
                fh.write(raw + b"\n")
                obj_id = None
                if raw.startswith(b'{"id": "no-text"') or raw.startswith(b'{"id": "empty-text"'):
                    obj_id = json.loads(raw)["id"]
                expected.append((line, obj_id))
            line += 1
            a = article(i)
            fh.write(json.dumps(a, ensure_ascii=False).encode() + b"\n")
            expected.append((line, a["id"]))
    return expected


def read_out(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def check_one_per_line(out: list[dict], expected: list[tuple[int, str | None]]) -> None:
    """Every input line appears exactly once, in input order, as a record or an error record."""
    assert len(out) == len(expected)
    for rec, (line, id_) in zip(out, expected, strict=True):
        assert rec["id"] == id_
        if "error" in rec:
            assert rec["line"] == line
            assert set(rec) == {"id", "line", "error"}
        else:
            assert rec["schema_version"] == 1


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    cap = capsys.readouterr()
    return code, cap.out, cap.err


# --- in-process runs (rules only, fast) -------------------------------------------------------


def test_jsonl_with_broken_lines_to_stdout(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    expected = write_dump(dump, 12, broken_every=3)
    code, out, err = run(["parse", str(dump), "--no-ner"], capsys)
    assert code == 0
    recs = [json.loads(line) for line in out.splitlines()]
    check_one_per_line(recs, expected)
    errors = {r["line"]: r["error"] for r in recs if "error" in r}
    assert any("not valid JSON" in e for e in errors.values())
    assert any("missing" in e for e in errors.values())
    assert any("binary" in e or "UTF-8" in e for e in errors.values())
    assert any("empty" in e for e in errors.values())
    assert "12 articles, 4 errors" in err


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".csv", ".csv.gz", ".parquet"])
def test_input_formats_give_the_same_records(tmp_path, capsys, suffix):
    rows = [article(i) for i in range(4)]
    src = tmp_path / f"dump{suffix}"
    if suffix.startswith(".jsonl"):
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
        src.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    elif suffix.startswith(".csv"):
        opener = gzip.open if suffix.endswith(".gz") else open
        with opener(src, "wt", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["id", "title", "published", "text"])
            w.writeheader()
            w.writerows(rows)
    else:
        pd.DataFrame(rows).to_parquet(src)
    out = tmp_path / "out.jsonl"
    code, _, _ = run(["parse", str(src), "-o", str(out), "--no-ner", "-q"], capsys)
    assert code == 0
    recs = read_out(out)
    assert [r["id"] for r in recs] == [r["id"] for r in rows]
    assert [r["title"] for r in recs] == [r["title"] for r in rows]
    assert all(r["dates"] for r in recs)


def test_txt_folder_and_gz(tmp_path, capsys):
    folder = tmp_path / "arsip"
    (folder / "2024").mkdir(parents=True)
    (folder / "b.txt").write_text(article(1)["text"], encoding="utf-8")
    (folder / "2024" / "a.txt.gz").write_bytes(gzip.compress(article(2)["text"].encode()))
    (folder / "kosong.txt").write_text("  \n", encoding="utf-8")
    (folder / "cp1252.txt").write_bytes(
        article(3)["text"].replace("\u201c", "\x93").encode("latin-1", "replace")
    )
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(["parse", str(folder), "-o", str(out), "--no-ner", "-q"], capsys)
    assert code == 0
    recs = read_out(out)
    assert [r["id"] for r in recs] == ["2024/a", "b", "cp1252", "kosong"]
    assert "error" in recs[3] and recs[3]["line"] == 4
    assert "error" not in recs[2]


def test_single_txt_file(tmp_path, capsys):
    src = tmp_path / "berita-ketapang.txt"
    src.write_text(article(0)["text"], encoding="utf-8")
    code, out, _ = run(["parse", str(src), "--no-ner", "-q"], capsys)
    assert code == 0
    assert json.loads(out)["id"] == "berita-ketapang"


def test_parquet_output_keeps_types(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    expected = write_dump(dump, 6, broken_every=3)
    out = tmp_path / "out.parquet"
    code, _, _ = run(["parse", str(dump), "-o", str(out), "--no-ner", "-q", "--workers", "2"], capsys)
    assert code == 0
    df = pd.read_parquet(out)
    assert len(df) == len(expected)
    assert str(df["id"].dtype) == "string" and str(df["line"].dtype) == "Int64"
    assert str(df["schema_version"].dtype) == "Int64"
    assert df["error"].notna().sum() == 2
    ok = df[df["error"].isna()]
    assert all(len(d) > 0 for d in ok["dates"])
    assert {"value", "grain", "start", "end"} <= set(ok["dates"].iloc[0][0])


def test_table_view(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 3, broken_every=3)
    code, out, _ = run(["parse", str(dump), "--table", "--no-ner", "-q"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "outlet", "place", "dates", "people", "quotes", "bylines"]
    assert len(lines) == 2 + 4
    assert "KalbarOnline" in lines[2] and "Ketapang" in lines[2]
    assert "ERROR" in lines[3]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", "nowhere.jsonl"], "no such file"),
        (["parse", "{dump}", "--workers", "0"], "--workers"),
        (["parse", "{dump}", "--resume"], "--resume: needs -o"),
        (["parse", "{dump}", "-o", "{tmp}/out.parquet", "--resume"], "JSON Lines"),
        (["parse", "{tmp}/notes.doc"], "cannot tell the format"),
    ],
)
def test_usage_errors_are_clear(tmp_path, capsys, args, message):
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 1)
    (tmp_path / "notes.doc").write_text("x")
    (tmp_path / "out.parquet").write_text("x")
    args = [a.format(dump=dump, tmp=tmp_path) for a in args]
    code, _, err = run(args, capsys)
    assert code == 1
    assert message in err


def test_resume_refuses_another_input(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 3)
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"id": "someone-else", "schema_version": 1}) + "\n")
    code, _, err = run(["parse", str(dump), "-o", str(out), "--resume", "--no-ner"], capsys)
    assert code == 1 and "another input" in err


def test_resume_repairs_a_cut_last_line(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    expected = write_dump(dump, 8, broken_every=4)
    out = tmp_path / "out.jsonl"
    assert run(["parse", str(dump), "-o", str(out), "--no-ner", "-q"], capsys)[0] == 0
    full = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(full[:4]) + full[4][:25])  # as if killed while writing line 5
    code, _, err = run(["parse", str(dump), "-o", str(out), "--no-ner", "--resume"], capsys)
    assert code == 0 and "4 skipped" in err
    check_one_per_line(read_out(out), expected)
    assert out.read_bytes() == b"".join(full)


def test_help_explains_with_examples(capsys):
    for argv in (["--help"], ["parse", "--help"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 0
        text = capsys.readouterr().out
        assert "examples:" in text and "kalbar-nlp parse" in text
    assert main(["version"]) == 0
    assert capsys.readouterr().out.startswith("kalbar-nlp ")


# --- a real process, 2 workers, interrupted and resumed ----------------------------------------


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kalbar_nlp.cli", *args]


def _count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "group"),
    [(signal.SIGINT, True), (signal.SIGKILL, True), (signal.SIGTERM, False)],
    ids=["ctrl-c", "kill-9-job", "kill-main-process"],
)
def test_two_workers_interrupted_and_resumed(tmp_path, sig, group):
    dump = tmp_path / "dump.jsonl"
    expected = write_dump(dump, 300, broken_every=25)
    out = tmp_path / "out.jsonl"
    cmd = _cli("parse", str(dump), "-o", str(out), "--workers", "2", "--batch-size", "8", "--no-ner")
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while _count_lines(out) < 30 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    if group:
        os.killpg(proc.pid, sig)  # Ctrl-C, or a kill of the whole job (main process and workers)
    else:
        os.kill(proc.pid, sig)  # `kill PID`: the main process stops its workers itself
    try:
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.stderr.close()
    done = _count_lines(out)
    assert 0 < done < len(expected)
    if sig != signal.SIGKILL:
        assert proc.returncode == 130
        check_one_per_line(read_out(out), expected[:done])  # a valid file: whole lines only
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "skipped (already in the output)" in resumed.stderr
    check_one_per_line(read_out(out), expected)


@pytest.mark.slow
def test_default_pipeline_with_ner(tmp_path, capsys, nlp):
    dump = tmp_path / "dump.jsonl"
    expected = write_dump(dump, 3, broken_every=3)
    out = tmp_path / "out.jsonl"
    code, _, err = run(["parse", str(dump), "-o", str(out)], capsys)
    assert code == 0, err
    recs = read_out(out)
    check_one_per_line(recs, expected)
    assert any(r.get("people") for r in recs if "error" not in r)
