"""Who sees what, measured: class results, the attempts CSV and item analysis's rows, read by an
admin (every attempt) and by a teacher of one class of 100 among 50 (5,000 learners, 25,000
attempts of 10 questions).

Run by hand: PYTHONPATH=. .venv/bin/python bench/scope_bench.py
"""

from __future__ import annotations

import random
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import insert
from timing import best_of

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, ClassMember, Classroom, Learner
from quizapp.services.classes import Viewer
from quizapp.services.exports import attempts_csv
from quizapp.services.item_analysis import first_attempt_rows
from quizapp.services.results import ResultFilter, class_results

LEARNERS, CLASSES, ATTEMPTS, LENGTH, RUNS = 5000, 50, 25_000, 10, 5
START = datetime(2026, 11, 1)
ITEM = ("INSERT INTO attempt_item (attempt_id, position, public_id, question_id, snapshot, points)"
        " VALUES (?, ?, ?, ?, '{}', 1.0)")


def fill() -> None:
    """The school: teachers 1..CLASSES own a class each; every student is in one."""
    db.session.execute(insert(Learner), [
        {"id": i, "username": f"u{i}", "display_name": f"U {i}",
         "role": "teacher" if i <= CLASSES else "student"} for i in range(1, LEARNERS + 1)])
    db.session.execute(insert(Classroom), [
        {"id": c, "name": f"C{c}", "code": f"C{c:05d}", "owner_id": c}
        for c in range(1, CLASSES + 1)])
    db.session.execute(insert(ClassMember), [
        {"class_id": 1 + i % CLASSES, "learner_id": i} for i in range(CLASSES + 1, LEARNERS + 1)])
    attempts, items = [], []
    for a in range(ATTEMPTS):
        at = START + timedelta(minutes=a)
        attempts.append({"id": f"a{a}", "learner_id": random.randint(CLASSES + 1, LEARNERS),
                         "bank": "bench", "mode": "mixed", "seed": 1, "started": at,
                         "submitted": at + timedelta(seconds=30), "score": 5.0, "max_score": 10.0})
        items += [(f"a{a}", p, f"p{p}", f"q{random.randint(1, 200)}") for p in range(LENGTH)]
    db.session.execute(insert(Attempt), attempts)
    db.session.connection().exec_driver_sql(ITEM, items)
    db.session.commit()



def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
                      "SECRET_KEY": "bench", "INSTANCE_PATH": str(folder)})
    with app.app_context():
        upgrade()
        fill()
        for who, viewer in [("admin", Viewer(1, admin=True)), ("teacher of 1 class", Viewer(1))]:
            for name, ms in measure(viewer):
                print(f"{who:20} {name:20} {ms:8.1f} ms")


def measure(viewer: Viewer) -> list[tuple[str, float]]:
    """(what, best time) of each read, for the viewer."""
    flt = ResultFilter(viewer=viewer)
    return [
        ("class_results", 1000 * best_of(RUNS, lambda: class_results(flt))),
        ("attempts_csv", 1000 * best_of(RUNS, lambda: sum(1 for _ in attempts_csv(flt)))),
        ("first_attempt_rows",
         1000 * best_of(RUNS, lambda: len(list(first_attempt_rows(viewer, "bench"))))),
    ]


if __name__ == "__main__":
    main()
