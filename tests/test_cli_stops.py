"""The CLI under signals to the main process, `| head`, kill -9, full disks and bad columns."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from conftest import wait_until
from test_cli import check_one_per_line, read_out, write_dump

from kalbar_nlp.cli import main


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kalbar_nlp.cli", *args]


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _gone(procs: list[psutil.Process]) -> bool:
    def dead(proc: psutil.Process) -> bool:
        try:
            return proc.status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True

    return all(dead(p) for p in procs)


def _start(
    cmd: list[str], out: Path, lines: int = 20, **popen
) -> tuple[subprocess.Popen, list[psutil.Process]]:
    """Start the CLI in its own session and wait (for a condition, not a time) until it is writing."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, start_new_session=True, **popen)
    assert wait_until(lambda: _lines(out) >= lines or proc.poll() is not None)
    assert proc.poll() is None, "the run ended before it could be stopped"
    return proc, psutil.Process(proc.pid).children()


@pytest.mark.slow
@pytest.mark.parametrize(
    "signals", [[signal.SIGINT], [signal.SIGINT, signal.SIGINT]], ids=["ctrl-c", "ctrl-c-twice"]
)  # SIGTERM to the main process: test_cli.py::test_two_workers_interrupted_and_resumed
def test_signal_to_the_main_process_ends_the_run_and_resume_completes_it(tmp_path, signals):
    dump = tmp_path / "dump.jsonl"
    expected = write_dump(dump, 400, broken_every=25)
    out = tmp_path / "out.jsonl"
    cmd = _cli("parse", str(dump), "-o", str(out), "--workers", "2", "--batch-size", "4", "--no-ner")
    proc, workers = _start(cmd, out)
    assert len(workers) == 2
    try:
        for sig in signals:
            try:
                os.kill(proc.pid, sig)  # the main process only, as `timeout`, systemd and docker do
            except ProcessLookupError:
                break  # already ended by the first one
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.stderr.close()
    assert proc.returncode == 130
    assert wait_until(lambda: _gone(workers), 30), "a worker outlived the main process"
    done = _lines(out)
    assert 0 < done < len(expected)
    check_one_per_line(read_out(out), expected[:done])
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    check_one_per_line(read_out(out), expected)


@pytest.mark.slow
def test_head_closes_the_pipe(tmp_path):
    dump = tmp_path / "big.jsonl"
    write_dump(dump, 2000)
    cmd = _cli("parse", str(dump), "--workers", "2", "--batch-size", "4", "--no-ner", "-q")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        first = [proc.stdout.readline() for _ in range(3)]
        workers = psutil.Process(proc.pid).children()
        proc.stdout.close()  # what `| head -3` does after its third line
        proc.wait(timeout=60)
        err = proc.stderr.read().decode()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.stderr.close()
    assert [json.loads(line)["id"] for line in first] == ["art-00000", "art-00001", "art-00002"]
    assert proc.returncode == 0
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert wait_until(lambda: _gone(workers), 30)


@pytest.mark.slow
def test_kill_9_of_the_main_process_leaves_no_worker_and_resume_completes(tmp_path):
    dump = tmp_path / "dump.jsonl"
    expected = write_dump(dump, 400)
    out = tmp_path / "out.jsonl"
    cmd = _cli("parse", str(dump), "-o", str(out), "--workers", "2", "--batch-size", "4", "--no-ner")
    proc, workers = _start(cmd, out)
    try:
        proc.kill()
        proc.wait(timeout=30)
    finally:
        proc.stderr.close()
    assert wait_until(lambda: _gone(workers), 30), "orphaned workers"
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    check_one_per_line(read_out(out), expected)


# --- in-process: output errors, columns, exit codes ----------------------------------------------


def test_output_that_cannot_be_written_is_a_one_line_error(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 3)
    (tmp_path / "folder").mkdir()
    for target in ("/dev/full", str(tmp_path / "folder")):
        if target == "/dev/full" and not os.path.exists(target):
            continue
        code = main(["parse", str(dump), "-o", target, "--no-ner", "-q"])
        err = capsys.readouterr().err
        assert code == 1, target
        assert err.startswith("kalbar-nlp: error: output:") and err.count("\n") == 1, err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_to_a_full_device(tmp_path):
    dump = tmp_path / "dump.jsonl"
    write_dump(dump, 3)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            _cli("parse", str(dump), "--no-ner", "-q"),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("kalbar-nlp: error: output:") and done.stderr.count("\n") == 1, done.stderr


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_wrong_text_column_fails_fast_naming_the_columns(tmp_path, capsys, suffix):
    src = tmp_path / f"dump{suffix}"
    if suffix == ".jsonl":
        src.write_text(json.dumps({"id": "a", "isi": "Sambas - hujan."}) + "\n", encoding="utf-8")
    else:
        src.write_text("id,isi\na,Sambas - hujan.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    code = main(["parse", str(src), "-o", str(out), "--no-ner", "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert "'text'" in err and "isi" in err and "id" in err
    assert out.read_text() == "kept\n"  # refused before the output was opened
    assert main(["parse", str(src), "--text-col", "isi", "--no-ner", "-q"]) == 0


def test_a_run_where_every_line_is_an_error_fails(tmp_path, capsys):
    src = tmp_path / "dump.jsonl"
    src.write_text('{"id": "a", "text": ""}\nnot json\n', encoding="utf-8")
    code = main(["parse", str(src), "--no-ner", "-q"])
    cap = capsys.readouterr()
    assert code == 1 and "none of the 2 items" in cap.err
    assert len(cap.out.splitlines()) == 2  # the error records are still written


def test_lone_surrogate_in_a_jsonl_line_does_not_stop_the_run(tmp_path, capsys):
    lines = [
        json.dumps({"id": "a", "text": "Sambas - Warga membersihkan parit pada Senin (6/11/2023)."}),
        '{"id": "b\\ud83d", "title": "Banjir \\ud83d", "text": "Sintang - Banjir surut pada Selasa."}',
        json.dumps({"id": "c", "text": "Sanggau - Jembatan diperbaiki pada Rabu (8/11/2023)."}),
    ]
    src = tmp_path / "dump.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(src), "-o", str(out), "--no-ner", "-q"]) == 0
    recs = read_out(out)
    assert [r["id"] for r in recs] == ["a", "b\ufffd", "c"]
    assert recs[1]["title"] == "Banjir \ufffd" and any("surrogate" in w for w in recs[1]["warnings"])
    assert main(["parse", str(src), "--no-ner", "-q"]) == 0  # stdout too
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_json_error_message_and_nan_text(tmp_path, capsys):
    src = tmp_path / "dump.jsonl"
    src.write_bytes(b'{"id": "a", "text": "Sambas\tx\x01"}\n{"id": "b", "text": NaN}\n')
    main(["parse", str(src), "--no-ner", "-q"])
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "at at" not in recs[0]["error"] and "at column" in recs[0]["error"]
    assert "None" not in recs[1]["error"] and "missing" in recs[1]["error"]


def test_usage_errors_exit_2_as_the_help_says(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["parse", "--no-such-option", "x.jsonl"])
    assert exc.value.code == 2
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["parse", "--help"])
    help_text = capsys.readouterr().out
    assert "2    the command line is wrong" in help_text and "130" in help_text
