# The two commands a newcomer needs: `make run` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2
# The browser tests (tests/e2e) drive Debian's chromium, and inject axe-core from the npm registry.
CHROMIUM := /usr/bin/chromium
AXE := tests/e2e/node_modules/axe-core/axe.min.js

.PHONY: run dev test bench check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app alone (what `make run` needs).
$(VENV)/.app: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The app with the test extras.
$(VENV)/.test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.app

# Installed only when missing (CI runs as root). Playwright's own browser download is never used:
# without this file the browser tests fail, saying so; they do not skip.
$(CHROMIUM):
	apt-get update
	apt-get install -y chromium

$(AXE): tests/e2e/package.json tests/e2e/package-lock.json
	command -v npm >/dev/null || (apt-get update && apt-get install -y npm)
	npm ci --prefix tests/e2e --no-audit --no-fund
	touch $@

run: $(VENV)/.app
	$(BIN)/flask --app quizapp db upgrade
	$(BIN)/flask --app quizapp questions check || true
	$(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) 'quizapp:create_app()'

dev: $(VENV)/.app
	$(BIN)/flask --app quizapp db upgrade
	$(BIN)/flask --app quizapp run --debug --host $(HOST) --port $(PORT)

test: $(VENV)/.test $(CHROMIUM) $(AXE)
	$(BIN)/ruff check quizapp tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

check: $(VENV)/.app
	$(BIN)/flask --app quizapp questions check

bench: $(VENV)/.test
	$(BIN)/python bench/load_bench.py
	$(BIN)/python bench/quiz_bench.py
	$(BIN)/python bench/analysis_bench.py

clean:
	rm -rf $(VENV) instance .pytest_cache .hypothesis tests/e2e/node_modules
