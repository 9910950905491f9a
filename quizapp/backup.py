"""Backups of the SQLite database, taken while it serves, and restores from them.

Both go through SQLite's online backup API (sqlite3.Connection.backup): a backup is a consistent
snapshot of the live database, WAL included, taken in one step while servers keep writing; a
restore copies a checked backup into the configured database under SQLite's own locks, so a server
still running sees the restored data at its next transaction instead of a file swapped under it.
PostgreSQL has its own tools for this (pg_dump, pg_restore).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import make_url

from .bank.said import joined
from .i18n import Lazy, _l, _n

TABLES = ("learner", "attempt", "attempt_item")  # what a summary counts
BUSY_TIMEOUT_MS = 10_000  # how long a restore waits for a server's write to finish


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with what to do instead (a message, read in the
    reader's language)."""

    def __init__(self, message: Lazy) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def sqlite_path(database_url: str) -> Path:
    """The file of a SQLite database URL; BackupError for any other database."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        raise BackupError(_l(
            "The database is %(backend)s, not SQLite: back it up with its own tools (for "
            "PostgreSQL: pg_dump --format=custom, and pg_restore to restore).",
            backend=url.get_backend_name()))
    if not url.database or url.database == ":memory:":
        raise BackupError(_l("The database is in memory: there is no file to back up."))
    return Path(url.database)


def check(path: Path) -> dict[str, int]:
    """Rows per table of a sound Quipu database file; BackupError if it is not one."""
    if not path.is_file():
        raise BackupError(_l("There is no database file at %(path)s.", path=path))
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise BackupError(_l("%(path)s fails SQLite's integrity check: %(problems)s",
                                     path=path, problems=problems[:3]))
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not set(TABLES) <= names:
                raise BackupError(_l("%(path)s is not a Quipu database: it has no %(tables)s "
                                     "tables.", path=path, tables=TABLES))
            count = "SELECT count(*) FROM {}"  # table names from TABLES, never from input
            return {t: conn.execute(count.format(t)).fetchone()[0] for t in TABLES}
    except sqlite3.DatabaseError as e:
        raise BackupError(_l("%(path)s is not a SQLite database: %(why)s.", path=path,
                             why=e)) from None


def _copy(source: Path, target: Path) -> None:
    """Copy source into target page by page in one step: a snapshot, whatever writes go on."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        dst.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        src.backup(dst)


def backup(database_url: str, target: Path) -> dict[str, int]:
    """Write a checked, self-contained copy of the live database to target; its row counts."""
    source = sqlite_path(database_url)
    check(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        _copy(source, partial)
        with closing(sqlite3.connect(partial)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")  # one file, readable with no -wal beside it
        counts = check(partial)
        os.replace(partial, target)  # a failed backup never leaves a half file under the name
    finally:
        partial.unlink(missing_ok=True)
    return counts


def restore(database_url: str, source: Path) -> tuple[dict[str, int], Path | None]:
    """Replace the database with a checked backup; its row counts, and where the old one went.

    The database it replaces is first backed up beside itself (`<name>.before-restore-<time>`),
    so a restore from the wrong file can be undone the same way.
    """
    counts = check(source)
    target = sqlite_path(database_url)
    kept = None
    if target.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        kept = target.with_name(f"{target.name}.before-restore-{stamp}")
        backup(database_url, kept)
    _copy(source, target)
    return counts, kept


def describe(counts: dict[str, int]) -> Lazy:
    """Row counts for people: 3 learners, 10 attempts, 100 attempt items."""
    return joined([_counted(table, n) for table, n in counts.items()], ", ")


def _counted(table: str, n: int) -> Lazy:
    """'3 learners': one message per table of TABLES, with its plural."""
    if table == "learner":
        return _n("%(num)d learner", "%(num)d learners", n)
    if table == "attempt":
        return _n("%(num)d attempt", "%(num)d attempts", n)
    return _n("%(num)d attempt item", "%(num)d attempt items", n)
