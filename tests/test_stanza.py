"""The stanza backend: stanza's syntax in the same Doc, the article text and its offsets unchanged.

The bridge logic is tested on hand-made stanza analyses (no models needed); the
real stanza runs use a tiny Indonesian pipeline the tests train themselves from
UD Indonesian GSD (``tests/stanza_tiny.py``, cached per stanza version; skipped
without ``../shared``), and, where ``KALBAR_STANZA_RESOURCES`` names a folder
with stanza's real Indonesian models, those too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace as NS

import pytest
from conftest import SAMPLES, read_jsonl

import kalbar_nlp

stanza = pytest.importorskip("stanza")

from kalbar_nlp.backends.stanza import (  # noqa: E402
    StanzaModelsMissing,
    StanzaTokenizer,
    _pieces,
    make_stanza_pipeline,
)


def word(id_, text, head, deprel, upos="NOUN", lemma=None):
    return NS(id=id_, text=text, head=head, deprel=deprel, upos=upos, lemma=lemma or text.lower())


def token(text, start, words):
    return NS(text=text, start_char=start, end_char=start + len(text), words=words)


def analysis(text: str, sentences: list[list[tuple[str, list]]]) -> NS:
    """A stanza-like Document: tokens located in ``text`` in order, with the given words."""
    sents, cursor = [], 0
    for toks in sentences:
        out = []
        for tok_text, words in toks:
            start = text.index(tok_text, cursor)
            out.append(token(tok_text, start, words))
            cursor = start + len(tok_text)
        sents.append(NS(tokens=out))
    return NS(sentences=sents)


@pytest.fixture(scope="module")
def bridge(nlp_rules):
    return StanzaTokenizer(nlp_rules.vocab, pipeline=None)


def test_clitic_split_keeps_the_text_and_offsets(bridge):
    text = "Warga  membelinya kemarin.\nIa senang."
    sdoc = analysis(
        text,
        [
            [
                ("Warga", [word(1, "Warga", 2, "nsubj")]),
                ("membelinya", [word(2, "membeli", 0, "root", "VERB"), word(3, "nya", 2, "obj", "PRON")]),
                ("kemarin", [word(4, "kemarin", 2, "obl")]),
                (".", [word(5, ".", 2, "punct", "PUNCT")]),
            ],
            [("Ia", [word(1, "Ia", 2, "nsubj", "PRON")]), ("senang", [word(2, "senang", 0, "root", "ADJ")]),
             (".", [word(3, ".", 2, "punct", "PUNCT")])],
        ],
    )  # fmt: skip
    doc = bridge.to_doc(text, sdoc)
    assert doc.text == text
    assert [t.text for t in doc if not t.is_space] == [
        "Warga",
        "membeli",
        "nya",
        "kemarin",
        ".",
        "Ia",
        "senang",
        ".",
    ]
    beli, nya = doc[2], doc[3]
    assert (beli.idx, nya.idx) == (text.index("membelinya"), text.index("membelinya") + 7)
    assert beli.dep_ == "ROOT" and nya.head.i == beli.i and nya.dep_ == "obj" and nya.pos_ == "PRON"
    assert doc[0].head.i == beli.i and doc[0].dep_ == "nsubj"
    assert [s.text.strip() for s in doc.sents] == ["Warga  membelinya kemarin.", "Ia senang."]


def test_clitic_that_does_not_spell_the_token_stays_whole(bridge):
    text = "Dia ke sana."
    # words that do not spell the surface ("ke" -> "kepada" + "nya"): one token with the head's analysis
    sdoc = analysis(
        text,
        [[("Dia", [word(1, "Dia", 4, "nsubj", "PRON")]),
          ("ke", [word(2, "kepada", 4, "case", "ADP"), word(3, "nya", 2, "fixed", "PRON")]),
          ("sana", [word(4, "sana", 0, "root", "ADV")]), (".", [word(5, ".", 4, "punct", "PUNCT")])]],
    )  # fmt: skip
    doc = bridge.to_doc(text, sdoc)
    assert doc.text == text
    assert [t.text for t in doc] == ["Dia", "ke", "sana", "."]
    assert doc[1].pos_ == "ADP" and doc[1].head.i == 2 and doc[0].head.i == 2


@pytest.mark.parametrize(
    ("surface", "words", "expected"),
    [
        ("bukunya", ["buku", "nya"], ["buku", "nya"]),
        ("Bukunya", ["buku", "nya"], ["Buku", "nya"]),
        ("dibelikannya", ["dibelikan", "nya"], ["dibelikan", "nya"]),
        ("ke", ["kepada", "nya"], ["ke"]),
        ("rumah", ["rumah"], ["rumah"]),
    ],
)
def test_pieces(surface, words, expected):
    pieces = _pieces(surface, [word(i + 1, w, 0, "dep") for i, w in enumerate(words)])
    assert [p for p, _ in pieces] == expected
    assert "".join(p for p, _ in pieces) == surface


def test_missing_models_name_the_command(tmp_path):
    with pytest.raises(StanzaModelsMissing, match="kalbar-nlp models stanza"):
        make_stanza_pipeline(model_dir=tmp_path)
    with pytest.raises(StanzaModelsMissing, match="tokenize_model_path"):
        make_stanza_pipeline(tokenize_model_path=tmp_path / "nope.pt")


# --- real stanza, tiny models trained here -------------------------------------------------------

ARTICLES = read_jsonl(SAMPLES / "articles.jsonl")


@pytest.fixture(scope="session")
def tiny_paths(shared_dir) -> dict[str, str]:
    from stanza_tiny import train_tiny_pipeline

    return train_tiny_pipeline(shared_dir / "data" / "ud" / "id-gsd")


@pytest.fixture(scope="session")
def stanza_nlp(tiny_paths):
    return kalbar_nlp.load("stanza", **tiny_paths)


def _offsets(rec: dict) -> list[tuple[str, int, int]]:
    out = [(x["text"], x["start"], x["end"]) for k in ("dates", "bylines", "quotes") for x in rec[k]]
    for k in ("people", "organizations", "locations"):
        out += [(m["text"], m["start"], m["end"]) for x in rec[k] for m in x["mentions"]]
    if rec["dateline"]:
        out.append((rec["dateline"]["text"], rec["dateline"]["start"], rec["dateline"]["end"]))
    return out


@pytest.mark.slow
def test_stanza_doc_carries_syntax_and_the_original_text(stanza_nlp):
    text = ARTICLES[0]["text"]
    doc = stanza_nlp.make_doc(text)
    assert doc.text == text
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("LEMMA")
    assert len(list(doc.sents)) >= 3
    for sent in doc.sents:
        roots = [t for t in sent if t.dep_ == "ROOT"]
        assert roots, sent.text


@pytest.fixture(scope="module")
def both_records(stanza_nlp, nlp) -> list[tuple[dict, dict, dict]]:
    """(article, stanza record, default record) for every sample article, parsed once."""
    out = []
    for art in ARTICLES:
        meta = {"id": art["id"], "title": art["title"], "published": art["published"]}
        rec = kalbar_nlp.parse(art["text"], nlp=stanza_nlp, **meta).to_dict()
        ref = kalbar_nlp.parse(art["text"], nlp=nlp, **meta).to_dict()
        out.append((art, rec, ref))
    return out


@pytest.mark.slow
def test_stanza_records_have_the_same_shape_and_exact_offsets(both_records):
    for art, rec, ref in both_records:
        assert list(rec) == list(ref)
        assert {k: type(v) for k, v in rec.items()} == {k: type(v) for k, v in ref.items()}
        for mention, start, end in _offsets(rec):
            assert art["text"][start:end] == mention


@pytest.mark.slow
def test_stanza_backend_keeps_entities_and_dateline(both_records):
    kept = total = 0
    for _art, rec, ref in both_records:
        assert rec["dateline"] == ref["dateline"]
        names = {p["name"] for p in rec["people"]}
        total += len(ref["people"])
        kept += sum(p["name"] in names for p in ref["people"])
    # tiny models tokenize worse than the news tokenizer, yet most people survive the bridge
    assert kept / total >= 0.6


def _parsed_doc(nlp, text: str, deps: dict[int, tuple[int, str]]):
    """The default pipeline's tokens for ``text`` with a hand-made dependency parse (as stanza gives)."""
    from spacy.tokens import Doc

    plain = kalbar_nlp.api.make_doc(nlp, text, published="2024-11-07")
    words = [t.text for t in plain]
    heads = [deps.get(i, (i, "ROOT"))[0] for i in range(len(words))]
    labels = [deps.get(i, (i, "ROOT"))[1] for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in plain], heads=heads, deps=labels)
    doc._.kalbar_meta, doc._.kalbar_published = plain._.kalbar_meta, plain._.kalbar_published
    doc._.kalbar_warnings = []
    for name, proc in nlp.pipeline:
        if name != "kalbar_sentences":  # the parse sets the sentences, as with stanza
            doc = proc(doc)
    return doc


def test_quotes_take_the_speaker_from_the_parse_where_present(nlp):
    text = (
        "Bupati Sintang Jarot Winarno didampingi Camat Kelam Permai Siti Aminah mengatakan jalan itu rusak."
    )
    # 0 Bupati 1 Sintang 2 Jarot 3 Winarno 4 didampingi 5 Camat 6 Kelam 7 Permai 8 Siti 9 Aminah
    # 10 mengatakan 11 jalan 12 itu 13 rusak 14 .
    deps = {0: (10, "nsubj"), 1: (0, "flat"), 2: (0, "flat"), 3: (0, "flat"), 4: (0, "acl"), 5: (4, "obj")}
    deps |= {i: (5, "flat") for i in range(6, 10)}
    deps |= {11: (13, "nsubj"), 12: (11, "det"), 13: (10, "ccomp"), 14: (10, "punct")}
    parsed = _parsed_doc(nlp, text, deps)
    plain = nlp(kalbar_nlp.api.make_doc(nlp, text, published="2024-11-07"))
    (q_parsed,), (q_plain,) = parsed._.kalbar_quotes, plain._.kalbar_quotes
    assert q_parsed["text"] == q_plain["text"] == "jalan itu rusak"
    assert q_parsed["speaker"]["name"] == "Jarot Winarno"
    assert q_parsed["speaker"]["rule"].startswith("subject-dep")
    assert not q_plain["speaker"]["rule"].startswith("subject-dep")


def test_titles_take_an_apposition_from_the_parse_where_the_rules_cannot_see_it(nlp):
    text = "Jarot Winarno, 54 tahun, Bupati Sintang, meninjau banjir di Kelam Permai."
    # 0 Jarot 1 Winarno 2 , 3 54 4 tahun 5 , 6 Bupati 7 Sintang 8 , 9 meninjau 10 banjir 11 di
    # 12 Kelam 13 Permai 14 .
    deps = {0: (9, "nsubj"), 1: (0, "flat"), 2: (4, "punct"), 3: (4, "nummod"), 4: (0, "appos")}
    deps |= {5: (6, "punct"), 6: (0, "appos"), 7: (6, "nmod"), 8: (6, "punct"), 10: (9, "obj")}
    deps |= {11: (12, "case"), 12: (9, "obl"), 13: (12, "flat"), 14: (9, "punct")}
    plain = nlp(kalbar_nlp.api.make_doc(nlp, text))
    parsed = _parsed_doc(nlp, text, deps)

    def titles(doc) -> list[list[str]]:
        return [p["titles"] for p in doc._.kalbar_people if p["name"] == "Jarot Winarno"]

    assert titles(plain) == [[]]
    (title,) = parsed._.kalbar_titles
    assert title["rule"] == "dep_appos"
    assert titles(parsed) == [["Bupati Sintang"]]


REAL = os.environ.get("KALBAR_STANZA_RESOURCES")


@pytest.mark.slow
@pytest.mark.skipif(not REAL, reason="KALBAR_STANZA_RESOURCES does not name stanza's Indonesian models")
def test_real_stanza_models_parse_the_samples():
    nlp = kalbar_nlp.load("stanza", model_dir=REAL)
    for art in ARTICLES:
        rec = kalbar_nlp.parse(art["text"], nlp=nlp, published=art["published"]).to_dict()
        json.dumps(rec)
        for mention, start, end in _offsets(rec):
            assert art["text"][start:end] == mention
    assert Path(REAL).is_dir()


def test_cli_names_the_models_command_when_stanza_models_are_missing(tmp_path, capsys, monkeypatch):
    from kalbar_nlp import cli

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "a", "text": ARTICLES[0]["text"]}) + "\n", encoding="utf-8")
    assert cli.main(["parse", str(inp), "-o", str(tmp_path / "out.jsonl"), "--backend", "stanza", "-q"]) == 1
    assert "kalbar-nlp models stanza" in capsys.readouterr().err
    assert cli.main(["parse", str(inp), "--stanza-models", str(tmp_path), "-q"]) == 1
    assert "only with --backend stanza" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_parses_with_the_stanza_backend(tiny_paths, tmp_path):
    from kalbar_nlp import cli

    options = tmp_path / "stanza.json"
    options.write_text(json.dumps(tiny_paths), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["parse", str(SAMPLES / "articles.jsonl"), "-o", str(out), "--backend", "stanza"]
    assert cli.main([*args, "--stanza-models", str(options), "-q"]) == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [a["id"] for a in ARTICLES]
    for art, rec in zip(ARTICLES, records, strict=True):
        for mention, start, end in _offsets(rec):
            assert art["text"][start:end] == mention


@pytest.mark.slow
def test_explicit_model_files_use_a_private_temporary_folder(tiny_paths, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    planted = tmp_path / "kalbar_nlp_stanza_resources.json"
    planted.write_text("not JSON: a file of another user")  # must be neither read nor needed
    make_stanza_pipeline(**tiny_paths)
    assert sorted(p.name for p in tmp_path.iterdir()) == [planted.name]  # nothing left behind
