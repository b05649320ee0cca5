"""How the pipeline is run: the NER's work is bounded; results do not depend on line endings; the
cyclic garbage collector waits while a zone is open and gets its setting back."""

from __future__ import annotations

import gc
import itertools
import threading

import pytest

import kalbar_nlp
from kalbar_nlp import running
from kalbar_nlp.api import make_doc

ARTICLE = (
    "KalbarOnline, Ketapang – Bupati Ketapang, Martin Rantan, meninjau banjir di Kecamatan Sandai "
    "pada Senin (6/11/2023).\n"
    "\u201cKami kirim perahu karet dan bahan makanan hari ini,\u201d kata Martin kepada wartawan.\n"
    "Kepala BPBD Ketapang, Yudi Pratama, mengatakan air mulai surut sejak Minggu (5/11/2023).\n"
    "\u201cWarga kami minta tetap waspada,\u201d ujar Yudi.\n"
    "Penulis: Adi Saputra\n"
    "Editor: Rini Kusuma"
)


def test_ner_reads_a_bounded_number_of_tokens(nlp, monkeypatch):
    text = ARTICLE + "\n" + "x\n" * 300
    full = kalbar_nlp.parse(ARTICLE, nlp=nlp)
    assert not any("NER" in w for w in full.warnings)
    monkeypatch.setattr(running, "MAX_NER_TOKENS", 200)
    capped = kalbar_nlp.parse(text, nlp=nlp)
    assert any("NER model read the first 200" in w for w in capped.warnings)
    assert {p.name for p in capped.people} >= {"Martin Rantan"}  # the prefix is still read
    record = capped.to_dict()
    for person in record["people"]:
        for mention in person["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_a_text_without_letters_is_not_given_to_the_model(nlp):
    art = kalbar_nlp.parse(", " * 2000 + "12/11/2023 - 13.00", nlp=nlp)
    assert art.people == [] and art.organizations == []


def _summary(text: str) -> dict:
    rec = kalbar_nlp.parse(text).to_dict()
    dateline = rec["dateline"] or {}
    return {
        "people": sorted(p["name"] for p in rec["people"]),
        "quotes": [q["text"].replace("\r", "") for q in rec["quotes"]],
        "speakers": [(q.get("speaker") or {}).get("name") for q in rec["quotes"]],
        "bylines": [(b["name"], b["role"]) for b in rec["bylines"]],
        "dateline": (dateline.get("outlet"), dateline.get("place")),
        "dates": [(d["value"], d["grain"]) for d in rec["dates"]],
    }


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_results_do_not_depend_on_line_endings(nlp, ending):
    unix = _summary(ARTICLE)
    assert unix["bylines"] and unix["quotes"] and unix["people"]
    assert _summary(ARTICLE.replace("\n", ending)) == unix


def test_a_long_text_is_read_in_pieces_that_end_at_line_ends(nlp):
    text = "\n".join([ARTICLE] * 6)
    doc = make_doc(nlp, text)
    bounds = running.piece_bounds(doc, len(doc), 80)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
    assert all(stop == next_start for (_, stop), (next_start, _) in itertools.pairwise(bounds))
    assert all(0 < stop - start <= 80 for start, stop in bounds)
    for _, stop in bounds[:-1]:  # every piece but the last ends after a line break or a final mark
        previous = doc[stop - 1].text
        assert "\n" in previous or previous in {".", "!", "?"} or "\n" in doc[stop - 1].whitespace_


def test_a_piece_without_a_line_end_is_cut_at_its_size(nlp):
    doc = make_doc(nlp, "kata " * 500)
    assert running.piece_bounds(doc, 300, 100) == [(0, 100), (100, 200), (200, 300)]


def test_reading_in_pieces_finds_the_names_of_a_whole_reading(nlp, monkeypatch):
    text = "\n".join([ARTICLE] * 4)
    whole = kalbar_nlp.parse(text, nlp=nlp)
    monkeypatch.setattr(running, "NER_CHUNK_TOKENS", 60)
    pieces = kalbar_nlp.parse(text, nlp=nlp)
    assert {p.name for p in pieces.people} == {p.name for p in whole.people}
    assert [(m.start, m.end) for p in pieces.people for m in p.mentions] == [
        (m.start, m.end) for p in whole.people for m in p.mentions
    ]
    assert not any("NER" in w for w in pieces.warnings)


@pytest.fixture
def collector_setting():
    before = gc.isenabled()
    yield
    if before:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_waits_during_a_parse_and_is_enabled_again_after_it(nlp, collector_setting):
    gc.enable()
    seen = []
    with running.memory_zone(nlp):
        seen.append(gc.isenabled())
        with running.memory_zone(nlp):  # nested, as parse inside a batch
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())
    assert seen == [False, False, False]
    assert gc.isenabled()
    kalbar_nlp.parse(ARTICLE, nlp=nlp)
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled(nlp, collector_setting):
    gc.disable()
    record = kalbar_nlp.parse(ARTICLE, nlp=nlp)
    assert record.people
    assert not gc.isenabled()


def test_concurrent_pauses_restore_the_collector_when_the_last_one_ends(collector_setting):
    gc.enable()
    first_open, second_open, first_closed = threading.Event(), threading.Event(), threading.Event()
    during = []

    def first() -> None:
        with running.collector_paused():
            first_open.set()
            second_open.wait()
        first_closed.set()

    def second() -> None:
        first_open.wait()
        with running.collector_paused():
            second_open.set()
            first_closed.wait()  # the first pause ended while this one is open
            during.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert during == [False]
    assert gc.isenabled()
