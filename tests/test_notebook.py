"""The notebooks run from top to bottom and show what they promise."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


@pytest.mark.slow
def test_quickstart_notebook_executes(tmp_path):
    path = ROOT / "notebooks" / "quickstart.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "data" in o and "text/html" in o["data"]]
    # the tables and the marked article are rendered
    assert any("<table" in h for h in html)
    assert any("Yohanes" in h or "Markus" in h for h in html)


@pytest.mark.slow
def test_whos_who_notebook_executes_from_another_folder(tmp_path, monkeypatch):
    pytest.importorskip("networkx")
    pytest.importorskip("matplotlib")
    # the kernel runs in another folder: it must import this checkout's package, whatever the cwd
    source = str(ROOT / "src")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")])))
    path = ROOT / "notebooks" / "whos_who.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    # the post timeline and the co-occurrence network are drawn; the tables are rendered
    assert len([o for o in outputs if "data" in o and "image/png" in o["data"]]) >= 2
    html = [o["data"]["text/html"] for o in outputs if "data" in o and "text/html" in o["data"]]
    assert any("person_id" in h for h in html)
