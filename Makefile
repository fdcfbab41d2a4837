# news-eda: `make help` lists the targets. Every target sets up .venv first when it is missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= seeds
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

.DEFAULT_GOAL := help
.PHONY: help setup report figures test lint unit nbval fresh browser lab bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'
	@echo "  make report CORPUS=path [GROUP=column] [COLUMNS='{\"text\": \"story\"}'] reports on another corpus"

setup: $(STAMP) ## Create .venv and install the pinned requirements (once)

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "news-eda needs Python 3.11, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

report: setup ## Run every notebook on CORPUS (default seeds/) and export HTML reports to reports/
	$(BIN)/python -m analysis report --corpus $(CORPUS) $(if $(GROUP),--group $(GROUP)) $(if $(COLUMNS),--columns '$(COLUMNS)') $(if $(filter seeds,$(CORPUS)),--figures-dir figures) $(REPORT_FLAGS)

figures: setup ## Re-execute every notebook in place (clean kernel) and rewrite figures/
	$(BIN)/python -m analysis run-notebooks

test: setup lint unit nbval fresh browser ## Lint, unit tests, nbval, stale-output check, browser test of the reports

lint: setup ## ruff over analysis/, tests/ and scripts/
	$(BIN)/ruff check analysis tests scripts

unit: setup ## Unit tests (offline; ../shared/data tests skip when it is absent)
	$(BIN)/pytest -q -m "not browser" tests

nbval: setup ## Check that every notebook still runs and still says the same thing
	$(BIN)/pytest -q --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider $(NOTEBOOKS)

fresh: setup ## Fail when committed figures or notebook outputs differ from a fresh run
	$(BIN)/python -m analysis check-fresh

browser: setup ## Build reports and open every page in headless Chromium (skips without /usr/bin/chromium)
	$(BIN)/pytest -q -m browser tests/test_browser.py

lab: setup ## Open JupyterLab on the notebooks
	scripts/lab.sh

bench: setup ## Run the benchmark scripts (print speed ratios; slow, needs ../shared/data)
	@for script in scripts/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean: ## Remove generated reports and caches (keeps .venv and figures/)
	rm -rf reports .cache
