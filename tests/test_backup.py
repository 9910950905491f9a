"""`flask --app quizapp backup PATH` and `restore PATH`: consistent copies of a live SQLite file."""

import sqlite3
import threading
import time
from contextlib import closing

import pytest

from quizapp import create_app
from quizapp.backup import check
from quizapp.extensions import db
from quizapp.models import Learner
from tests.conftest import app_on

ITEMS = 10  # each attempt the writer stores has this many items, in one transaction


@pytest.fixture
def sqlite_app(tmp_path):
    yield from app_on(tmp_path, f"sqlite:///{tmp_path / 'live.sqlite'}")


def write_attempts(path, stop: threading.Event, written: list) -> None:
    """Store a guest, an attempt and its items per transaction, as a class would, until stopped."""
    with closing(sqlite3.connect(path, timeout=5, isolation_level=None)) as conn:
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            learner = conn.execute("INSERT INTO learner (display_name, role, created) "
                                   "VALUES ('guest', 'student', '2026-09-01')").lastrowid
            attempt = f"a{learner}"
            conn.execute("INSERT INTO attempt (id, learner_id, bank, mode, seed, started, "
                         "max_score) VALUES (?, ?, 'sample', 'mixed', 1, '2026-09-01', 10)",
                         (attempt, learner))
            conn.executemany("INSERT INTO attempt_item (attempt_id, position, public_id, "
                             "question_id, snapshot) VALUES (?, ?, 'p', 'q', '{}')",
                             [(attempt, i) for i in range(ITEMS)])
            conn.execute("COMMIT")
            written.append(attempt)


def half_stored_attempts(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"SELECT count(*) FROM attempt a WHERE (SELECT count(*) FROM "
                            f"attempt_item i WHERE i.attempt_id = a.id) != {ITEMS}").fetchone()[0]


def add_learners(app, *names) -> None:
    with app.app_context():
        db.session.add_all(Learner(username=n, display_name=n) for n in names)
        db.session.commit()


def usernames(app) -> list:
    with app.app_context():
        return sorted(n for (n,) in db.session.query(Learner.username))


def test_backups_taken_while_a_class_writes_are_whole_and_pass_the_integrity_check(sqlite_app, tmp_path):
    stop, written = threading.Event(), []
    writer = threading.Thread(target=write_attempts, args=(tmp_path / "live.sqlite", stop, written))
    writer.start()
    try:
        while len(written) < 20:
            time.sleep(0.01)
        results = [sqlite_app.test_cli_runner().invoke(args=["backup", str(tmp_path / f"b{i}.sqlite")])
                   for i in range(3)]
    finally:
        stop.set()
        writer.join()
    assert [r.exit_code for r in results] == [0, 0, 0], results[0].output
    counts = [check(tmp_path / f"b{i}.sqlite")["attempt"] for i in range(3)]  # integrity_check: ok
    assert 20 <= counts[0] <= counts[1] <= counts[2] <= len(written)
    assert [half_stored_attempts(tmp_path / f"b{i}.sqlite") for i in range(3)] == [0, 0, 0]
    assert "Backed up" in results[0].output and "attempts" in results[0].output
    assert not list(tmp_path.glob(".*partial"))


def test_a_restore_brings_back_the_backed_up_rows_and_keeps_the_database_it_replaced(sqlite_app, tmp_path):
    runner = sqlite_app.test_cli_runner()
    add_learners(sqlite_app, "ana", "ben")
    assert runner.invoke(args=["backup", str(tmp_path / "monday.sqlite")]).exit_code == 0
    add_learners(sqlite_app, "cai")
    result = runner.invoke(args=["restore", str(tmp_path / "monday.sqlite"), "--yes"])
    assert result.exit_code == 0, result.output
    assert "Restored 2 learners" in result.output
    assert usernames(sqlite_app) == ["ana", "ben"]  # read by the running app, through its pool
    kept = list(tmp_path.glob("live.sqlite.before-restore-*"))
    assert len(kept) == 1 and check(kept[0])["learner"] == 3
    assert str(kept[0]) in result.output


def test_a_restore_asks_first_and_refuses_a_file_that_is_not_a_sound_quipu_database(sqlite_app, tmp_path):
    runner = sqlite_app.test_cli_runner()
    add_learners(sqlite_app, "ana")
    assert runner.invoke(args=["backup", str(tmp_path / "good.sqlite")]).exit_code == 0
    add_learners(sqlite_app, "ben")
    declined = runner.invoke(args=["restore", str(tmp_path / "good.sqlite")], input="n\n")
    assert declined.exit_code == 1 and "Replace" in declined.output
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    junk = runner.invoke(args=["restore", str(tmp_path / "junk.sqlite"), "--yes"])
    assert junk.exit_code == 1 and "not a SQLite database" in junk.output
    missing = runner.invoke(args=["restore", str(tmp_path / "none.sqlite"), "--yes"])
    assert missing.exit_code == 1 and "no database file" in missing.output
    assert usernames(sqlite_app) == ["ana", "ben"]


def test_backup_on_postgresql_says_to_use_pg_dump_and_fails(tmp_path):
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x",
                      "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "b.sqlite")])
    assert result.exit_code == 1
    assert "pg_dump" in result.output and not (tmp_path / "b.sqlite").exists()


ES = {"QUIZAPP_LANGUAGE": "es"}


def test_backup_and_restore_say_their_counts_and_refusals_in_spanish(sqlite_app, tmp_path):
    runner = sqlite_app.test_cli_runner()
    add_learners(sqlite_app, "ana")
    backed = runner.invoke(args=["backup", str(tmp_path / "b.sqlite")], env=ES)
    assert backed.exit_code == 0, backed.output
    assert (f"Se respaldó la base de datos en {tmp_path / 'b.sqlite'}: 1 cuenta, 0 intentos, "
            "0 preguntas de intentos.") in backed.output
    restored = runner.invoke(args=["restore", str(tmp_path / "b.sqlite"), "--yes"], env=ES)
    assert "1 cuenta, 0 intentos, 0 preguntas de intentos." in restored.output
    missing = runner.invoke(args=["restore", "/nonexistent.zip", "--yes"], env=ES)
    assert missing.exit_code == 1
    assert "No hay ningún archivo de base de datos en /nonexistent.zip." in missing.output
    (tmp_path / "bad.zip").write_bytes(b"not a database at all" * 100)
    junk = runner.invoke(args=["restore", str(tmp_path / "bad.zip"), "--yes"], env=ES)
    assert junk.exit_code == 1 and "no es una base de datos SQLite" in junk.output
    english = runner.invoke(args=["backup", str(tmp_path / "c.sqlite")], env={"QUIZAPP_LANGUAGE": "en"})
    assert "Backed up 1 learner, 0 attempts, 0 attempt items to" in english.output


def test_backup_on_postgresql_refuses_in_spanish(tmp_path):
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x",
                      "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "b.sqlite")], env=ES)
    assert result.exit_code == 1
    assert "La base de datos es postgresql, no SQLite: respáldala con sus propias herramientas" in (
        result.output)
