"""The pipeline as a spaCy object: names, order, saving and loading where kalbar_nlp was never imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import kalbar_nlp
from kalbar_nlp.pipeline import RULES_AFTER_NER, RULES_BEFORE_NER

TEXT = (
    "KalbarOnline, Sintang – Bupati Sintang, Maria Oktaviani meninjau banjir di Kecamatan Kelam Permai, "
    "Rabu (6/11/2024).\n“Kami siapkan dapur umum,” kata Maria. (Adi LC)"
)


def test_components_in_order(nlp):
    assert nlp.pipe_names == [*RULES_BEFORE_NER, "ner", *RULES_AFTER_NER]
    assert kalbar_nlp.load(ner=False).pipe_names == [*RULES_BEFORE_NER, *RULES_AFTER_NER]


def test_saved_pipeline_loads_with_plain_spacy_in_a_fresh_process(nlp, tmp_path):
    """``spacy.load`` finds the tokenizer and components through the package's entry points."""
    nlp.to_disk(tmp_path / "pipeline")
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp(sys.argv[2])\n"
        "print(json.dumps({'kalbar': 'kalbar_nlp' in sys.modules, 'pipes': nlp.pipe_names,"
        " 'dateline': doc._.kalbar_dateline, 'dates': [d['value'] for d in doc._.kalbar_dates],"
        " 'people': [p['name'] for p in doc._.kalbar_people]}))\n"
    )
    # the child never imports kalbar_nlp itself: spaCy's entry points do, on demand
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "pipeline"), TEXT],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["pipes"] == nlp.pipe_names
    assert got["dateline"]["place"] == "Sintang"
    assert got["dates"] == ["2024-11-06"]
    assert got["people"] == ["Maria Oktaviani"]
    ref = nlp(kalbar_nlp.api.make_doc(nlp, TEXT))
    assert got["people"] == [p["name"] for p in ref._.kalbar_people]


_TORCH_PROBE = (
    "import json, sys\n"
    "import kalbar_nlp\n"
    "import thinc.compat\n"
    "article = kalbar_nlp.parse(sys.argv[1])\n"
    "hidden = 'torch' not in sys.modules\n"
    "import importlib.util\n"
    "print(json.dumps({'thinc_torch': thinc.compat.has_torch, 'hidden': hidden,"
    " 'torch_installed': importlib.util.find_spec('torch') is not None,"
    " 'people': [p['name'] for p in article.to_dict()['people']]}))\n"
)


def _probe(env_extra: dict[str, str]) -> dict:
    env = {**os.environ, **env_extra}
    out = subprocess.run(
        [sys.executable, "-c", _TORCH_PROBE, TEXT],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_thinc_does_not_import_torch_for_the_pipeline():
    """A fresh ``import kalbar_nlp`` keeps PyTorch out of thinc; the records are those of thinc with it."""
    hidden = _probe({"KALBAR_NLP_THINC_TORCH": ""})
    assert hidden["thinc_torch"] is False
    assert hidden["hidden"] is True
    assert hidden["people"] == ["Maria Oktaviani"]
    kept = _probe({"KALBAR_NLP_THINC_TORCH": "1"})
    assert kept["thinc_torch"] is kept["torch_installed"]
    assert kept["people"] == hidden["people"]


def test_torch_imports_normally_after_kalbar_nlp():
    """Only thinc's view is changed: ``import torch`` still works afterwards where it is installed."""
    code = (
        "import importlib.util, kalbar_nlp\n"
        "if importlib.util.find_spec('torch') is not None:\n"
        "    import torch\n"
        "    print(torch.zeros(2).sum().item())\n"
        "else:\n"
        "    print(0.0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "0.0"
