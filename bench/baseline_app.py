"""The bare baseline for bench/load_school.py: a Jinja page of a given size, and a one-row insert.

The page is a small template (a loop over ten questions) padded with text to the size of Quipu's
quiz page: what rendering and sending that many bytes costs, with no app work in the way.

`gunicorn "bench.baseline_app:create_app()"` with BASELINE_PAGE_BYTES (the size of Quipu's quiz
page) and BASELINE_DATABASE (a SQLite file, tuned as Quipu tunes its own: WAL, busy timeout,
BEGIN IMMEDIATE, and the sync Quipu would use: QUIZAPP_SQLITE_SYNCHRONOUS, FULL unless set).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import closing

from flask import Flask, request

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
</head><body><main><h1>{{ title }}</h1><form method="post">
{% for q in questions %}<fieldset><legend>Question {{ loop.index }}</legend>{{ q }}</fieldset>
{% endfor %}</form></main></body></html>"""
QUESTIONS = 10  # as many as a quiz; each question's text pads the page to the size asked for
_local = threading.local()
TABLE = "CREATE TABLE IF NOT EXISTS row (id INTEGER PRIMARY KEY, who TEXT, at REAL)"


def synchronous() -> str:
    """The sync Quipu would use (QUIZAPP_SQLITE_SYNCHRONOUS, FULL unless set)."""
    return (os.environ.get("QUIZAPP_SQLITE_SYNCHRONOUS") or "FULL").upper()


def prepare(database: str, tables: tuple[str, ...] = (TABLE,)) -> None:
    """WAL and the tables. bench/load_school.py calls it before gunicorn starts: two workers
    switching a new file to WAL at once fail with "database is locked". Switching a file already
    in WAL can fail the same way under a write, so it is checked first, as Quipu does."""
    with closing(sqlite3.connect(database, isolation_level=None, timeout=5)) as conn:
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        for table in tables:
            conn.execute(table)


def connection(database: str) -> sqlite3.Connection:
    """This process's sqlite3 connection to `database`, opened after gunicorn forks the worker."""
    if getattr(_local, "pid", None) != os.getpid():
        _local.conns, _local.pid = {}, os.getpid()
    if database not in _local.conns:
        conn = sqlite3.connect(database, isolation_level=None, timeout=5)
        conn.execute(f"PRAGMA synchronous={synchronous()}")
        _local.conns[database] = conn
    return _local.conns[database]


def create_app() -> Flask:
    """The bare app."""
    app = Flask(__name__)
    database = os.environ["BASELINE_DATABASE"]
    prepare(database)
    size = int(os.environ.get("BASELINE_PAGE_BYTES", "5500"))
    questions = ["x" * max(0, (size - 250) // QUESTIONS - 60)] * QUESTIONS
    # Compiled once, as Flask caches a template file: render_template_string would compile the
    # source again on every request and make the baseline slower than a real page.
    template = app.jinja_env.from_string(PAGE)

    @app.get("/page")
    def page() -> str:
        """A rendered page of about BASELINE_PAGE_BYTES: ten fieldsets of text."""
        return template.render(title="Baseline", questions=questions)

    @app.post("/insert")
    def insert() -> tuple[str, int]:
        """One row, in its own write transaction."""
        conn = connection(database)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO row (who, at) VALUES (?, julianday('now'))",
                     (request.form.get("who", ""),))
        conn.execute("COMMIT")
        return "stored", 200

    return app
