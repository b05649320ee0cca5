# kalbar_nlp: `make demo` and `make test` are the whole quick start.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
SHARED ?= ../shared

.PHONY: demo test install install-dev lint format train bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

# The stanza extra needs torch: pin the CPU build that these machines keep on local disk
# (an unpinned torch would pull a CUDA build of several GB); the library's extra stays unpinned.
TORCH_PIN ?= torch==2.13.0

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PIP) install '$(TORCH_PIN)'
	$(PIP) install -e '.[dev,stanza]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: $(VENV)/.installed
	$(VENV)/bin/kalbar-nlp parse data/sample_articles/articles.jsonl --table

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check src tests bench training scripts
	$(VENV)/bin/ruff format --check src tests bench training scripts

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format src tests bench training scripts
	$(VENV)/bin/ruff check --fix src tests bench training scripts

test: $(VENV)/.installed-dev lint
	$(PY) -m pytest -q

train: $(VENV)/.installed-dev
	$(PY) training/train.py --shared $(SHARED)

bench: $(VENV)/.installed-dev
	for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b --shared $(SHARED) || exit 1; done

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
