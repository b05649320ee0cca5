"""Shared fixtures: the pipeline is built once per session; ../shared is optional."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
SAMPLES = ROOT / "data" / "sample_articles"


@pytest.fixture(scope="session")
def nlp():
    """The full default pipeline (with the shipped NER), as users get it."""
    import kalbar_nlp

    return kalbar_nlp.load()


@pytest.fixture(scope="session")
def nlp_rules():
    """The pipeline without the NER model: rule components only."""
    import kalbar_nlp

    return kalbar_nlp.load(ner=False)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (third-party data); tests that need it skip cleanly without it."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is absent: third-party data not available")
    return SHARED


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def wait_until(condition: Callable[[], bool], timeout: float = 120.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass (a generous bound, not a timing)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
