"""History and class results on 1,000,000 stored answers: timings and SQLite's query plans.

Not a test: `.venv/bin/python bench/scale_answers.py [--answers 1000000]`. The database is made by
the migrations, then filled in bulk: 2,000 learners, 10-question attempts, one attempt_item row an
answer (with a small snapshot: the row count, not the bytes, is what the plans are about). Then,
best of 5 each: a learner's history (the app's own attempts_of), one attempt's review items, and a
class's results for a bank (one row a learner: attempts, average and best percent). Each query's
plan is printed: every one must be an index SEARCH, never a SCAN of a whole table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path

from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.services.attempts import attempts_of

LEARNERS, ITEMS, BANKS = 2_000, 10, ("peru-us-relations", "other-bank")
SNAPSHOT = json.dumps({"type": "choice", "prompt": "In which year?", "options": [
    {"id": f"o{i}", "text": str(1900 + i)} for i in range(4)], "key": ["o2"]})
QUERIES = {
    "history": "SELECT id, bank, mode, started, submitted, score, max_score FROM attempt "
               "WHERE learner_id = :learner ORDER BY started DESC, id",
    "review items": "SELECT position, snapshot, answer, points FROM attempt_item "
                    "WHERE attempt_id = :attempt ORDER BY position",
    "class results": "SELECT learner_id, count(*), avg(100.0 * score / max_score), "
                     "max(100.0 * score / max_score) FROM attempt "
                     "WHERE bank = :bank AND submitted IS NOT NULL GROUP BY learner_id",
}


def moment(n: int, day: int) -> str:
    """A distinct time of a September day for the n-th attempt."""
    seconds = n % 86400
    return f"2026-09-{day:02} {seconds // 3600:02}:{seconds // 60 % 60:02}:{seconds % 60:02}"


def fill(path: Path, answers: int) -> None:
    """Learners, attempts and their items, in one transaction of executemany calls."""
    attempts = answers // ITEMS
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.executemany("INSERT INTO learner (id, username, display_name, role, created) "
                         "VALUES (?, ?, ?, 'student', '2026-09-01')",
                         ((i, f"s{i}", f"S {i}") for i in range(1, LEARNERS + 1)))
        conn.executemany(
            "INSERT INTO attempt (id, learner_id, bank, mode, seed, started, submitted, score, "
            "max_score) VALUES (?, ?, ?, 'mixed', 1, ?, ?, ?, 10)",
            ((f"a{a}", 1 + a % LEARNERS, BANKS[a % 3 == 0], moment(a, 1), moment(a, 2), a % 11)
             for a in range(attempts)))
        conn.executemany(
            "INSERT INTO attempt_item (attempt_id, position, public_id, question_id, snapshot, "
            "answer, points) VALUES (?, ?, 'p', ?, ?, '\"o2\"', 1.0)",
            ((f"a{a}", i, f"q{(a + i) % 300}", SNAPSHOT)
             for a in range(attempts) for i in range(ITEMS)))


def best_ms(run, repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times) * 1000


def main() -> None:
    """Fill, then time each query and print its plan."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=1_000_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="quipu-scale-"))
    app = create_app({"INSTANCE_PATH": str(tmp), "SECRET_KEY": "bench",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'quipu.sqlite'}"})
    with app.app_context():
        upgrade()
    began = time.perf_counter()
    fill(tmp / "quipu.sqlite", args.answers)
    size = (tmp / "quipu.sqlite").stat().st_size / 2**20
    print(f"{args.answers:,} answers in {args.answers // ITEMS:,} attempts of {LEARNERS:,} "
          f"learners: filled in {time.perf_counter() - began:.1f} s, {size:.0f} MiB")
    params = {"learner": 7, "attempt": "a12345", "bank": BANKS[0]}
    with app.app_context():
        learner, attempt = db.session.get(Learner, 7), db.session.get(Attempt, "a12345")
        timed = {
            "history": lambda: attempts_of(learner),
            "review items": lambda: db.session.expire(attempt) or list(attempt.items),
        }
        print(f"history page query (attempts_of, {len(attempts_of(learner))} attempts): "
              f"{best_ms(timed['history']):.2f} ms")
        print(f"review items (attempt.items): {best_ms(timed['review items']):.2f} ms")
    with closing(sqlite3.connect(tmp / "quipu.sqlite")) as conn:
        rows = conn.execute(QUERIES["class results"], params).fetchall()
        ms = best_ms(lambda: conn.execute(QUERIES["class results"], params).fetchall())
        print(f"class results ({len(rows)} learners, {BANKS[0]}): {ms:.1f} ms")
        for name, sql in QUERIES.items():
            plan = [row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
            print(f"plan, {name}: {'; '.join(plan)}")
    shutil.rmtree(tmp)  # a quarter of a gigabyte


if __name__ == "__main__":
    main()
