"""Database set-up: SQLite tuned for a class submitting at once, migrations, write transactions.

On SQLite every connection gets WAL, a busy timeout, NORMAL sync and foreign keys; a write
transaction starts with BEGIN IMMEDIATE (SQLAlchemy's recipe for pysqlite), so a read-then-write
check cannot race and a transaction never has to upgrade its lock half-way. PostgreSQL needs none
of that: its row locks make the atomic submit claim safe as it is.

The schema belongs to the Alembic migrations in quizapp/migrations (`flask --app quizapp db
upgrade`); the app never creates tables when it starts, so every server of several sharing one
database sees the same schema, made once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db, migrate

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

WRITE = "quizapp_write"  # execution option that marks a write transaction
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
)


def _on_connect(dbapi_connection, connection_record) -> None:
    dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below do the work
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_begin(conn) -> None:
    immediate = conn.get_execution_options().get(WRITE)
    # Straight to the driver: exec_driver_sql's events and result cost more than the BEGIN.
    conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")


def tune_engine(engine: Engine) -> None:
    """Attach the SQLite settings to an engine (nothing to do for other databases)."""
    if engine.dialect.name != "sqlite":
        return
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)


def init_app(app: Flask) -> None:
    """Bind the database and the migrations, and tune the engine."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A server (or one of several) outlives a database restart: test each pooled connection.
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {}).setdefault("pool_pre_ping", True)
    db.init_app(app)
    # Batch mode lets a migration alter a column on SQLite (by copying the table).
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    with app.app_context():
        tune_engine(db.engine)
        db.engine.dispose()  # no connection may be shared with worker processes forked later


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run the block in one write transaction: committed at the end, rolled back on any error.

    A read transaction already open (loading the signed-in learner, say) is ended first, so the
    write starts with its lock taken rather than upgrading to it.
    """
    session = db.session()  # the request's Session behind the scoped proxy
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={WRITE: True})
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise
