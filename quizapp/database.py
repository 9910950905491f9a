"""Database set-up: SQLite tuned for a class submitting at once, migrations, write transactions.

On SQLite every connection gets WAL, a busy timeout, FULL sync (a submission the learner is told
is saved is on disk, power cut or not; QUIZAPP_SQLITE_SYNCHRONOUS=NORMAL trades that for speed)
and foreign keys; a write transaction starts with BEGIN IMMEDIATE (SQLAlchemy's recipe for
pysqlite), so a read-then-write check cannot race and a transaction never has to upgrade its lock
half-way. PostgreSQL needs none
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
SYNCHRONOUS = ("FULL", "NORMAL", "EXTRA")  # the settings QUIZAPP_SQLITE_SYNCHRONOUS may take


def _connected(synchronous: str):
    def on_connect(dbapi_connection, connection_record) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below do the work
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=5000")
        # WAL is kept in the file: setting it again while another process writes can fail at
        # once with "database is locked", so a new worker under load only checks it.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
    return on_connect


def _on_begin(conn) -> None:
    immediate = conn.get_execution_options().get(WRITE)
    # Straight to the driver: exec_driver_sql's events and result cost more than the BEGIN.
    conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")


def tune_engine(engine: Engine, synchronous: str = "FULL") -> None:
    """Attach the SQLite settings to an engine (nothing to do for other databases)."""
    if engine.dialect.name != "sqlite":
        return
    event.listen(engine, "connect", _connected(synchronous))
    event.listen(engine, "begin", _on_begin)


def init_app(app: Flask) -> None:
    """Bind the database and the migrations, and tune the engine."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A server (or one of several) outlives a database restart: test each pooled connection.
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {}).setdefault("pool_pre_ping", True)
    synchronous = app.config.get("SQLITE_SYNCHRONOUS", "FULL")
    if synchronous not in SYNCHRONOUS:
        raise ValueError(f"QUIZAPP_SQLITE_SYNCHRONOUS is {synchronous!r}; it can be one of "
                         f"{', '.join(SYNCHRONOUS)} (FULL unless you accept losing the last "
                         "submissions to a power cut).")
    db.init_app(app)
    # Batch mode lets a migration alter a column on SQLite (by copying the table).
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    with app.app_context():
        tune_engine(db.engine, synchronous)
        db.engine.dispose()  # no connection may be shared with worker processes forked later


def serialised_writes() -> bool:
    """Whether every write transaction already excludes every other (SQLite's BEGIN IMMEDIATE)."""
    return db.session.get_bind().dialect.name == "sqlite"


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


def discard() -> None:
    """Roll back whatever the request's session half-wrote: a failed request commits nothing."""
    db.session.rollback()
