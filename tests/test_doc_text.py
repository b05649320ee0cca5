"""``text.source.doc_text``: the Doc's text joined once, always equal to ``Doc.text``."""

from __future__ import annotations

import kalbar_nlp
from kalbar_nlp.text.source import doc_text

TEXT = "KalbarOnline, Sambas – Camat Teluk Keramat, Yohanes Dedi meresmikan jembatan desa, Kamis (7/3/2024)."


def test_doc_text_is_the_docs_text_and_is_kept():
    nlp = kalbar_nlp.load(ner=False)
    doc = nlp.make_doc(TEXT)
    first = doc_text(doc)
    assert first == doc.text == TEXT
    assert doc_text(doc) is first  # joined once


def test_doc_text_after_merging_tokens_is_still_the_text():
    nlp = kalbar_nlp.load(ner=False)
    doc = nlp.make_doc(TEXT)
    doc_text(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[4:6])  # "Teluk Keramat"
    assert doc_text(doc) == doc.text == TEXT


def test_doc_text_of_another_docs_store_is_not_trusted():
    nlp = kalbar_nlp.load(ner=False)
    short = nlp.make_doc("Warga Sambas menyambut baik.")
    long = nlp.make_doc(TEXT)
    doc_text(long)
    short.user_data.update(long.user_data)  # a store copied from another Doc
    assert doc_text(short) == "Warga Sambas menyambut baik."
    assert doc_text(nlp.make_doc(" ")) == " "
