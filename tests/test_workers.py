"""Worker processes: a stream stopped early stops them, they never outlive the main process."""

from __future__ import annotations

import gc
import itertools
import json
import subprocess
import sys
import textwrap

import psutil
import pytest
from conftest import wait_until

import kalbar_nlp
from kalbar_nlp.batch import parse_many
from kalbar_nlp.workers import WorkerDied, WorkerPool

ROWS = [
    {
        "id": f"a{i}",
        "text": f"KalbarOnline, Sambas – Warga Desa Sebangun {i} membersihkan parit pada Senin (6/11/2023). "
        "Kepala Desa, Yusnita Harun, mengatakan kerja bakti digelar setiap bulan.",
    }
    for i in range(300)
]


def _live_children() -> list[psutil.Process]:
    alive = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE:
                alive.append(child)
        except psutil.NoSuchProcess:
            continue
    return alive


def test_stream_stopped_early_stops_the_workers(nlp_rules):
    before = {p.pid for p in _live_children()}
    stream = parse_many(ROWS, n_process=2, batch_size=4, nlp=nlp_rules)
    first = list(itertools.islice(stream, 40))
    assert [r.id for r in first] == [f"a{i}" for i in range(40)]
    workers = [p for p in _live_children() if p.pid not in before]
    assert len(workers) == 2
    del stream
    gc.collect()
    assert wait_until(lambda: not any(p.is_running() and p.status() != "zombie" for p in workers), 30)


def test_two_workers_give_the_records_of_one(nlp_rules):
    rows = [*ROWS[:50], {"id": "empty", "text": " "}, None, *ROWS[50:70]]
    one = [r.to_dict() for r in parse_many(rows, batch_size=3, nlp=nlp_rules)]
    two = [r.to_dict() for r in parse_many(rows, n_process=2, batch_size=3, nlp=nlp_rules)]
    assert two == one and len(one) == len(rows)


def _boom(batch):
    if batch == "die":
        import os

        os._exit(3)
    return batch * 2


def test_a_killed_worker_is_an_error_not_a_hang():
    pool = WorkerPool(_boom, 2)
    try:
        pool.start()
        results = pool.map(iter([1, 2, "die", 4]))
        assert next(results) == 2 and next(results) == 4
        with pytest.raises(WorkerDied, match="exit status 3"):
            next(results)
    finally:
        pool.close()
    assert all(not p.is_alive() for p in pool._procs)


def _run_python(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.slow
def test_an_unclosed_stream_does_not_keep_the_process_alive():
    done = _run_python(
        f"""
        import itertools, kalbar_nlp
        rows = {json.dumps(ROWS[:100])}
        stream = kalbar_nlp.parse_many(rows, n_process=2, batch_size=2, nlp=kalbar_nlp.load(ner=False))
        print(len(list(itertools.islice(stream, 5))))
        # the stream is neither closed nor exhausted when the interpreter exits
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"


def test_threads_on_a_cold_start_build_the_pipeline_once():
    done = _run_python(
        """
        import threading, kalbar_nlp
        from kalbar_nlp import pipeline
        builds = []
        real = pipeline.build
        def counting(**kwargs):
            builds.append(kwargs)
            return real(**kwargs)
        pipeline.build = counting
        text = "KalbarOnline, Sambas – Camat Pemangkat, Yusnita Harun, meninjau pasar pada Senin (6/11/2023)."
        out = []
        def work():
            nlp = kalbar_nlp.load(ner=False)
            out.append(kalbar_nlp.parse(text, nlp=nlp).to_dict())
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads: t.start()
        for t in threads: t.join()
        assert len(out) == 4 and all(o == out[0] for o in out), out
        print(len(builds))
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def test_parsing_new_words_does_not_grow_the_vocabulary(nlp_rules):
    def text(i: int) -> str:
        words = " ".join(f"kata{i}x{j}zq" for j in range(30))
        return f"KalbarOnline, Sambas – {words}. Camat Pemangkat meninjau pasar pada Senin (6/11/2023)."

    kalbar_nlp.parse(text(0), nlp=nlp_rules)
    strings = len(nlp_rules.vocab.strings)
    for i in range(1, 40):
        kalbar_nlp.parse(text(i), nlp=nlp_rules)
    list(parse_many([text(i) for i in range(40, 80)], nlp=nlp_rules))
    assert len(nlp_rules.vocab.strings) == strings
