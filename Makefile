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

.PHONY: run dev test bench check clean messages translations

# The interface's catalogs: quizapp/translations/<lang>/LC_MESSAGES/messages.po are kept in git;
# their compiled .mo files are built from them by `make run`, `make dev` and `make test` (never
# committed: a .mo is a build product, and one out of step with its .po would show old words).
CATALOGS := quizapp/translations
POS := $(wildcard $(CATALOGS)/*/LC_MESSAGES/messages.po)
MOS := $(POS:.po=.mo)

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

run: $(VENV)/.app translations
	$(BIN)/flask --app quizapp db upgrade
	$(BIN)/flask --app quizapp questions check || true
	$(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) 'quizapp:create_app()'

dev: $(VENV)/.app translations
	$(BIN)/flask --app quizapp db upgrade
	$(BIN)/flask --app quizapp run --debug --host $(HOST) --port $(PORT)

test: $(VENV)/.test $(CHROMIUM) $(AXE) translations
	$(BIN)/ruff check quizapp tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

check: $(VENV)/.app
	$(BIN)/flask --app quizapp questions check

bench: $(VENV)/.test
	$(BIN)/python bench/load_bench.py
	$(BIN)/python bench/quiz_bench.py
	$(BIN)/python bench/analysis_bench.py

# Extract every translatable string (Python's _(), the templates' _() and {% trans %}) into
# messages.pot, then merge it into each language's .po: new strings arrive empty (the test
# tests/web/test_translations.py fails until they are translated).
messages: $(VENV)/.app
	$(BIN)/pybabel extract --mapping-file babel.cfg --no-location --sort-output \
		--keywords _l --keywords _n:1,2 --keywords _m --keywords _mn:1,2 --keywords say --keywords _w --output-file $(CATALOGS)/messages.pot .
	$(BIN)/pybabel update --input-file $(CATALOGS)/messages.pot --output-dir $(CATALOGS) \
		--no-fuzzy-matching --ignore-obsolete

translations: $(MOS)

$(CATALOGS)/%/LC_MESSAGES/messages.mo: $(CATALOGS)/%/LC_MESSAGES/messages.po $(VENV)/.app
	$(BIN)/pybabel compile --use-fuzzy --statistics --input-file $< --output-file $@

clean:
	rm -rf $(VENV) instance .pytest_cache .hypothesis tests/e2e/node_modules
	rm -f $(MOS)
