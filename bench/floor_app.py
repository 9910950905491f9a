"""The floor for bench/load_school.py: the least a signed-in quiz page and submission can do here.

Quipu's targets compare it with a bare Flask page and a one-row insert. This app shows what the
stack itself costs before any of Quipu's own work: Flask-Login signs the student in from the
session (one SELECT through Flask-SQLAlchemy), Flask-WTF checks the form's CSRF token, the page
reads a quiz's ten snapshots (one SELECT, JSON decoded) and renders the baseline's page of the same
size with a CSRF token in it, and a submission reads the ten items again and writes ten answers and
a score in one BEGIN IMMEDIATE transaction. No grading, no review cards, no security headers, no
navigation: whatever Quipu spends above this floor is its own.

`GET /quiz/raw` is the same page with neither Flask-Login nor Flask-SQLAlchemy: the student's id
read from Flask's session, both queries sent through sqlite3 itself. It shows what leaving the
stack on the hot path would buy.

`gunicorn "bench.floor_app:create_app()"` with BASELINE_PAGE_BYTES and BASELINE_DATABASE as for
bench/baseline_app.py (a file of its own, made first by `prepare(database, TABLES)`).
"""

from __future__ import annotations

import json
import os

from flask import Flask, request, session
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import text

from quizapp.database import WRITE, tune_engine

try:  # under gunicorn, from the repository's root
    from bench import baseline_app
except ImportError:  # from a script in bench/
    import baseline_app

PAGE = baseline_app.PAGE.replace(
    '<form method="post">',
    '<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">')
SNAPSHOT = json.dumps({"type": "choice", "prompt": "Which of these came first? " * 2,
                       "options": [{"id": f"o{i}", "text": "An option of about this length " * 2}
                                   for i in range(4)]})
TABLES = (
    "CREATE TABLE IF NOT EXISTS learner (id INTEGER PRIMARY KEY, name TEXT UNIQUE)",
    "CREATE TABLE IF NOT EXISTS item (id INTEGER PRIMARY KEY, learner_id INTEGER, position INT,"
    " snapshot TEXT, answer TEXT)",
    "CREATE INDEX IF NOT EXISTS ix_item_learner ON item (learner_id, position)",
    "CREATE TABLE IF NOT EXISTS score (id INTEGER PRIMARY KEY, learner_id INTEGER, points REAL)",
)
LEARNER = text("SELECT id, name FROM learner WHERE id = :id")
ITEMS = text("SELECT id, snapshot FROM item WHERE learner_id = :learner ORDER BY position")
ANSWER = text("UPDATE item SET answer = :answer WHERE id = :id")
SCORE = text("INSERT INTO score (learner_id, points) VALUES (:learner, :points)")
class Student(UserMixin):
    """The signed-in student."""

    def __init__(self, id: int, name: str) -> None:
        self.id, self.name = id, name


def create_app() -> Flask:
    """The floor app."""
    app = Flask(__name__)
    database = os.environ["BASELINE_DATABASE"]
    app.config.update(SECRET_KEY="floor", SQLALCHEMY_DATABASE_URI=f"sqlite:///{database}")
    db, logins, csrf = SQLAlchemy(app), LoginManager(app), CSRFProtect(app)
    with app.app_context():  # SQLite tuned by Quipu's own code; the tables come from prepare()
        tune_engine(db.engine, baseline_app.synchronous())
    size = int(os.environ.get("BASELINE_PAGE_BYTES", "5500"))
    padding = ["x" * max(0, (size - 300) // baseline_app.QUESTIONS - 60)] * baseline_app.QUESTIONS
    template = app.jinja_env.from_string(PAGE)

    @logins.user_loader
    def load(learner_id: str) -> Student | None:
        row = db.session.execute(LEARNER, {"id": int(learner_id)}).first()
        return Student(*row) if row else None

    @app.post("/sign-in")
    @csrf.exempt
    def sign_in() -> str:
        """Sign in as `name` (made with a quiz of ten items the first time); not timed."""
        db.session.connection(execution_options={WRITE: True})
        name = request.form["name"]
        found = db.session.execute(text("SELECT id FROM learner WHERE name = :n"), {"n": name})
        learner_id = found.scalar()
        if learner_id is None:
            learner_id = db.session.execute(
                text("INSERT INTO learner (name) VALUES (:n) RETURNING id"), {"n": name}).scalar()
            db.session.execute(text("INSERT INTO item (learner_id, position, snapshot) VALUES "
                                    "(:learner, :position, :snapshot)"),
                               [{"learner": learner_id, "position": p, "snapshot": SNAPSHOT}
                                for p in range(baseline_app.QUESTIONS)])
        db.session.commit()
        login_user(Student(learner_id, name))
        return "signed in"

    @app.get("/quiz")
    @login_required
    def quiz() -> str:
        """The student's quiz: its ten snapshots read, a page of the quiz page's size."""
        rows = db.session.execute(ITEMS, {"learner": current_user.id}).all()
        [json.loads(snapshot) for _, snapshot in rows]
        return template.render(title=current_user.name, questions=padding)

    @app.get("/quiz/raw")
    def raw_quiz() -> tuple[str, int] | str:
        """The same page, signed in from the session and read through sqlite3 directly."""
        learner_id = session.get("_user_id")
        if learner_id is None:
            return "sign in first", 401
        conn = baseline_app.connection(database)
        learner = conn.execute(str(LEARNER).replace(":id", "?"), (int(learner_id),)).fetchone()
        rows = conn.execute(str(ITEMS).replace(":learner", "?"), (learner[0],)).fetchall()
        [json.loads(snapshot) for _, snapshot in rows]
        return template.render(title=learner[1], questions=padding)

    @app.post("/quiz")
    @login_required
    def submit() -> tuple[str, int]:
        """Ten answers and a score, in one write transaction."""
        rows = db.session.execute(ITEMS, {"learner": current_user.id}).all()
        db.session.commit()
        db.session.connection(execution_options={WRITE: True})
        db.session.execute(ANSWER, [{"id": item_id, "answer": request.form.get(f"a{i}", "")}
                                    for i, (item_id, _) in enumerate(rows)])
        db.session.execute(SCORE, {"learner": current_user.id, "points": float(len(rows))})
        db.session.commit()
        return "stored", 200

    return app
