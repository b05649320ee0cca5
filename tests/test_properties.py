"""Properties of every record, for any text (hypothesis; deterministic and bounded in time).

For any input, ``parse`` returns a record or raises the documented TypeError/ValueError; every
offset points at its text; date values are valid ISO; the record is strict JSON; the same input
gives the same record. Inputs: random text, a soup of news words and marks, and mutations of the
team's sample articles (tests/fuzzing.py; bench/bench_fuzz.py runs the same at scale).
"""

from __future__ import annotations

import random

import pytest
from fuzzing import (
    date_violations,
    generate,
    json_violations,
    mutate,
    offset_violations,
    sample_texts,
    token_soup,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kalbar_nlp
from kalbar_nlp.api import prepare_text

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SAMPLES = sample_texts()

texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list(" \n\r\t.,-/()\"'“”“aAbBkK0123456789")), max_size=300),
    st.binary(max_size=200),
)
soups = st.builds(
    lambda seed, n: token_soup(random.Random(seed), n), st.integers(0, 2**32), st.integers(1, 300)
)
mutants = st.builds(
    lambda sample, seed, steps: mutate(SAMPLES[sample], random.Random(seed), steps),
    st.integers(0, len(SAMPLES) - 1),
    st.integers(0, 2**32),
    st.integers(1, 10),
)


def _parse(text, nlp) -> tuple[str, dict] | None:
    """The record and the text as parsed, or None where the documented errors apply."""
    try:
        prepared, _ = prepare_text(text)
    except (TypeError, ValueError):
        with pytest.raises((TypeError, ValueError)):
            kalbar_nlp.parse(text, nlp=nlp)
        return None
    return prepared, kalbar_nlp.parse(text, nlp=nlp).to_dict()


def _check(text, nlp, *, twice: bool = False) -> None:
    parsed = _parse(text, nlp)
    if parsed is None:
        return
    prepared, record = parsed
    problems = offset_violations(prepared, record) + date_violations(record) + json_violations(record)
    assert not problems, (text, problems)
    if twice:
        assert kalbar_nlp.parse(text, nlp=nlp).to_dict() == record


@SETTINGS
@given(text=texts)
def test_any_text_gives_a_valid_record(nlp, text):
    _check(text, nlp)


@SETTINGS
@given(text=soups)
def test_news_word_soup_gives_a_valid_record(nlp, text):
    _check(text, nlp)


@settings(SETTINGS, max_examples=80)
@given(text=mutants)
def test_mutated_articles_give_valid_records(nlp, text):
    _check(text, nlp)


@settings(SETTINGS, max_examples=20)
@given(text=st.one_of(soups, mutants))
def test_the_same_input_gives_the_same_record(nlp, text):
    _check(text, nlp, twice=True)


def test_speaker_offsets_of_an_upper_case_cue(nlp):
    text = "Sambas - Rudi Hermawan datang. \u201cKami siap membantu warga,\u201d KATANYA."
    record = kalbar_nlp.parse(text, nlp=nlp).to_dict()
    assert not offset_violations(text, record)


def test_a_fuzzer_input_whose_speaker_phrase_holds_a_carriage_return(nlp):
    """bench_fuzz.py --seed 20240101, input 1022: the speaker mention was read with ``\\r`` as ``\\n``."""
    rng, samples = random.Random(20240101), sample_texts()
    for _ in range(1023):
        _kind, text = generate(rng, samples)
    assert "\r" in text
    assert offset_violations(text, kalbar_nlp.parse(text, nlp=nlp).to_dict()) == []
