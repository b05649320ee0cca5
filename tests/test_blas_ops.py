"""``blas_ops``: the NER's matrix products on numpy's OpenBLAS, one thread, same entities."""

from __future__ import annotations

import numpy
import pytest
import spacy
from thinc.api import get_current_ops

from kalbar_nlp import blas_ops, pipeline
from kalbar_nlp.pipeline import add_shipped_ner

TEXTS = [
    "KalbarOnline, Sintang – Bupati Sintang, Maria Oktaviani meninjau banjir di Kecamatan Kelam Permai, "
    "Rabu (6/11/2024). Kepala BPBD Kalbar, Yohanes Dedi, menyiapkan dapur umum di Pontianak.",
    "Ketua DPRD Kubu Raya Agus Salim bersama Kapolres AKBP Rudi Hartono menghadiri rapat di kantor "
    "Dinas Pendidikan Provinsi Kalimantan Barat, Senin.",
]


def _entities(nlp: spacy.language.Language) -> list[list[tuple[int, int, str]]]:
    return [[(ent.start, ent.end, ent.label_) for ent in nlp(text).ents] for text in TEXTS]


def test_ner_gives_the_same_entities_with_either_ops(monkeypatch):
    if blas_ops.ner_ops() is None:
        pytest.skip("no OpenBLAS in this process: the NER keeps thinc's ops")
    fast = add_shipped_ner(spacy.blank("id"))
    assert isinstance(fast.get_pipe("ner").model.ops, blas_ops.OneThreadBlasOps)
    assert not isinstance(get_current_ops(), blas_ops.OneThreadBlasOps)  # the current ops are restored
    monkeypatch.setattr(pipeline, "ner_ops", lambda: None)  # thinc's own ops (BLIS)
    plain = add_shipped_ner(spacy.blank("id"))
    assert not isinstance(plain.get_pipe("ner").model.ops, blas_ops.OneThreadBlasOps)
    found = _entities(fast)
    assert found == _entities(plain)
    assert any(label == "PER" for ents in found for _, _, label in ents)


def test_gemm_is_numpys_product_and_leaves_the_thread_count_alone():
    ops = blas_ops.ner_ops()
    if ops is None:
        pytest.skip("no OpenBLAS in this process")
    _, get_threads = blas_ops._thread_functions()
    before = get_threads()
    left = numpy.arange(12, dtype="f").reshape(3, 4)
    right = numpy.arange(8, dtype="f").reshape(2, 4)
    numpy.testing.assert_allclose(ops.gemm(left, right, trans2=True), left @ right.T)
    assert get_threads() == before
