# yuqi: `make demo` and `make test` each create .venv when missing, install, then run.
# `make unit` is the fast loop (no crawl, browser or slow test; see tests/conftest.py);
# `make test` runs lint, typecheck, every test and the fast eval gate (what CI runs).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= data
SHARED ?= ../shared

.PHONY: demo test lint typecheck unit eval eval-fast fixtures bench fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/yuqi demo --data-dir $(DATA)

test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -q
	$(BIN)/python -m evals --fast

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy yuqi pipeline spiders warehouse reports demo bench evals

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not crawl and not browser and not slow"

eval: $(STAMP)
	$(BIN)/python -m evals --shared $(SHARED)

eval-fast: $(STAMP)
	$(BIN)/python -m evals --fast

fixtures: $(STAMP)
	$(BIN)/python -m tests.fixtures regen

bench: $(STAMP)
	$(BIN)/python -m bench

fuzz: $(STAMP)
	$(BIN)/python -m bench.fuzz_extract --mutants 5000 --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache
