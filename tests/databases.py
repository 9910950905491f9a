"""The databases the tests run on: a SQLite file always, PostgreSQL when one is given.

`QUIZAPP_TEST_POSTGRES_URL=postgresql+psycopg://...` runs every test that uses the `app` fixture
(and the real-server tests) a second time on PostgreSQL, each in a fresh schema of its own that is
dropped afterwards, so runs never see each other's rows. Without it those runs are skipped, and
the report says so in one line at its start and at its end.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.pool import NullPool

POSTGRES_URL = os.environ.get("QUIZAPP_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


def backends_line() -> str:
    """One line for the report: which backends the database tests ran on."""
    if POSTGRES_URL:
        return f"database tests ran on: SQLite and PostgreSQL ({make_url(POSTGRES_URL)!r})"
    return ("database tests ran on: SQLite only; the PostgreSQL runs were SKIPPED "
            "(set QUIZAPP_TEST_POSTGRES_URL=postgresql+psycopg://..., as .ci/run does)")


@cache
def _admin() -> Engine:
    return create_engine(POSTGRES_URL, poolclass=NullPool)


@contextmanager
def postgres_schema() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL schema (first on its search_path), dropped after."""
    schema = f"quizapp_test_{os.getpid()}_{secrets.token_hex(4)}"
    with _admin().begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with _admin().begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@contextmanager
def database_url(backend: str, folder: Path) -> Iterator[str]:
    """A URL for an empty database of the backend: a SQLite file in `folder`, or a PG schema."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'test.sqlite'}"
    else:
        with postgres_schema() as url:
            yield url
