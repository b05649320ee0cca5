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

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: $(VENV)/.installed
	$(VENV)/bin/kalbar-nlp parse data/sample_articles/articles.jsonl --table

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check src tests bench training
	$(VENV)/bin/ruff format --check src tests bench training

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format src tests bench training
	$(VENV)/bin/ruff check --fix src tests bench training

test: $(VENV)/.installed-dev lint
	$(PY) -m pytest -q

train: $(VENV)/.installed-dev
	$(PY) training/train.py --shared $(SHARED)

bench: $(VENV)/.installed-dev
	for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b --shared $(SHARED) || exit 1; done

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
