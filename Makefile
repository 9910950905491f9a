# The two commands a newcomer needs: `make run` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2

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

run: $(VENV)/.app
	$(BIN)/flask --app quizapp db upgrade
	$(BIN)/flask --app quizapp questions check || true
	$(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) 'quizapp:create_app()'

dev: $(VENV)/.app
	$(BIN)/flask --app quizapp db upgrade
	$(BIN)/flask --app quizapp run --debug --host $(HOST) --port $(PORT)

test: $(VENV)/.test
	$(BIN)/ruff check quizapp tests bench
	$(BIN)/python -m pytest

check: $(VENV)/.app
	$(BIN)/flask --app quizapp questions check

bench: $(VENV)/.test
	$(BIN)/python bench/load_bench.py
	$(BIN)/python bench/quiz_bench.py

clean:
	rm -rf $(VENV) instance .pytest_cache .hypothesis
