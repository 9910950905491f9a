"""The migrations (quizapp/migrations): they make the tables the models describe, and keep data.

Each test empties the `app` fixture's database first, on SQLite and on PostgreSQL when given.
"""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask_migrate import upgrade
from sqlalchemy import text

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Learner

FIRST = "0001"
HOW_TO_FIX = (
    "The models and the migrations in quizapp/migrations differ: {diff}. A table or column "
    "added to quizapp/models.py needs a revision: run `flask --app quizapp db migrate -m "
    "'what changed' --rev-id NNNN` (the next number), read the file it writes, and commit it."
)
FIRST_REVISION_ROWS = {  # rows as the first schema stores them, written in its own SQL
    "learner": [
        "(1, 'ana', 'Ana', 'scrypt:hash', 'student', '2026-09-01 08:00:00')",
        "(2, NULL, 'A guest', NULL, 'student', '2026-09-01 08:01:00')",
        "(3, 'ms-q', 'Ms Q', 'scrypt:hash', 'teacher', '2026-09-01 08:02:00')",
    ],
    "api_token": ["(1, 'ab12', 1, '2026-09-01 08:00:00', NULL)"],
    "attempt": [
        "('att-1', 1, 'sample', 'mixed', 7, '2026-09-01 09:00:00', '2026-09-01 09:10:00', 1.5, 2.0)",
        "('att-2', 2, 'sample', 'choice', 8, '2026-09-01 09:00:01', NULL, NULL, 1.0)",
    ],
    "attempt_item": [
        """(1, 'att-1', 0, 'p1', 'q1', '{"type":"choice"}', '"o1"', 1.0)""",
        """(2, 'att-1', 1, 'p2', 'q2', '{"type":"ordering"}', '["o2","o3"]', 0.5)""",
        """(3, 'att-2', 0, 'p3', 'q1', '{"type":"choice"}', NULL, NULL)""",
    ],
}


def empty() -> None:
    """Drop what the fixture made, so the migrations start from nothing."""
    db.drop_all()
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def head() -> str:
    """The newest revision in quizapp/migrations."""
    config = current_app.extensions["migrate"].migrate.get_config()
    return ScriptDirectory.from_config(config).get_current_head()


def version() -> str:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def test_upgrading_an_empty_database_makes_exactly_the_tables_the_models_describe(app):
    with app.app_context():
        empty()
        upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == [], HOW_TO_FIX.format(diff=diff)


def test_a_first_revision_database_with_rows_keeps_every_row_when_upgraded_to_head(app):
    with app.app_context():
        empty()
        upgrade(revision=FIRST)
        with db.engine.begin() as conn:
            for table, rows in FIRST_REVISION_ROWS.items():
                conn.execute(text(f"INSERT INTO {table} VALUES {', '.join(rows)}"))
        upgrade()
        assert version() == head()
        with db.engine.connect() as conn:
            counts = {t: conn.scalar(text(f"SELECT count(*) FROM {t}")) for t in FIRST_REVISION_ROWS}
        assert counts == {t: len(rows) for t, rows in FIRST_REVISION_ROWS.items()}
        db.session.expire_all()
        ana = db.session.get(Learner, 1)
        assert (ana.username, ana.role, [a.id for a in ana.attempts]) == ("ana", "student", ["att-1"])
        attempt = db.session.get(Attempt, "att-1")
        assert (attempt.score, attempt.percent, attempt.status) == (1.5, 75.0, "submitted")
        items = [(i.position, {"type": i.snapshot.type}, i.answer, i.points) for i in attempt.items]
        assert items == [(0, {"type": "choice"}, "o1", 1.0), (1, {"type": "ordering"}, ["o2", "o3"], 0.5)]
        assert db.session.get(AttemptItem, 3).answer is None


def test_a_database_made_before_migrations_is_adopted_upgraded_and_keeps_its_rows(app):
    with app.app_context():
        empty()
        upgrade(revision=FIRST)  # the tables the app used to make itself, with create_all
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))
            conn.execute(text(f"INSERT INTO learner VALUES {FIRST_REVISION_ROWS['learner'][0]}"))
        upgrade()
        assert version() == head()
        assert db.session.query(Learner.username).all() == [("ana",)]
