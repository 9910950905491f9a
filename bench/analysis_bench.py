"""How long item analysis takes on 100,000 answers: the SQL fetch and the one pass over the rows.

Not a test: run `.venv/bin/python bench/analysis_bench.py`. It fills a fresh SQLite file with a
class of 10,000 learners, each with a first attempt of 10 questions (100,000 answers) drawn from a
bank of 200, and a second attempt for one learner in five (not analysed, but in the tables). It
times fetching the first attempts' rows alone (the baseline), the analysis pass alone, and both, as
the analysis page does them. Target: fetch and pass in under a second.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Learner
from quizapp.quiz.analysis import analyse
from quizapp.services.classes import Viewer
from quizapp.services.item_analysis import first_attempt_rows

LEARNERS, QUESTIONS, LENGTH, RETAKE_SHARE = 10_000, 200, 10, 0.2
RUNS = 5
TARGET = 1.0  # seconds
EVERYONE = Viewer(0, admin=True)  # the analysis as an admin reads it: every attempt
START = datetime(2026, 11, 1)


def fill(rng: random.Random) -> int:
    """The class's attempts, written with bulk inserts; the number of first-attempt answers."""
    difficulty = [rng.gauss(0, 1) for _ in range(QUESTIONS)]
    noisy = set(rng.sample(range(QUESTIONS), 10))  # questions whose marks ignore ability
    db.session.execute(insert(Learner), [{"id": i + 1, "username": f"l{i}", "display_name": f"L{i}"}
                                         for i in range(LEARNERS)])
    attempts, items = [], []
    for learner in range(1, LEARNERS + 1):
        ability = rng.gauss(0, 1)
        for take in range(2 if rng.random() < RETAKE_SHARE else 1):
            attempt_id = f"a{learner}-{take}"
            marks = []
            for position, q in enumerate(rng.sample(range(QUESTIONS), LENGTH)):
                p = 0.5 if q in noisy else 1 / (1 + math.exp(difficulty[q] - ability))
                mark = 1.0 if rng.random() < p else 0.0
                marks.append(mark)
                items.append({"attempt_id": attempt_id, "position": position,
                              "public_id": f"{position:08x}", "question_id": f"q{q}",
                              "snapshot": {}, "points": mark})
            when = START + timedelta(days=take, seconds=learner)
            attempts.append({"id": attempt_id, "learner_id": learner, "bank": "bench",
                             "mode": "mixed", "seed": 0, "started": when, "submitted": when,
                             "score": sum(marks), "max_score": float(LENGTH)})
    db.session.execute(insert(Attempt), attempts)
    db.session.execute(insert(AttemptItem), items)
    db.session.commit()
    return LEARNERS * LENGTH


def same_questions(rows: list) -> list[tuple[str, str, float]]:
    """The rows as if every attempt had been served the same questions (a fixed-seed quiz)."""
    position: dict[str, int] = {}
    same = []
    for attempt, _, points in rows:
        position[attempt] = position.get(attempt, -1) + 1
        same.append((attempt, f"p{position[attempt]}", points))
    return same


def timed(work) -> tuple[float, object]:
    """The median wall time of RUNS runs, and the last result."""
    times, result = [], None
    for _ in range(RUNS):
        began = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def main() -> int:
    """Fill, time, report; exit status 1 if the page's work takes a second or more."""
    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(scratch) / 'bench.sqlite'}",
                          "INSTANCE_PATH": scratch, "SECRET_KEY": "bench",
                          "QUESTIONS_DIR": scratch})
        with app.app_context():
            answers = fill(random.Random(7))
            fetch, rows = timed(lambda: list(first_attempt_rows(EVERYONE, "bench")))
            single, _ = timed(lambda: analyse(rows))
            both, analysis = timed(lambda: analyse(first_attempt_rows(EVERYONE, "bench")))
            db.engine.dispose()
    same = same_questions(rows)
    fixed, fixed_analysis = timed(lambda: analyse(same))
    flagged = sum(1 for s in analysis.items if s.flags)
    print(f"{answers:,} answers in {analysis.attempts:,} first attempts, "
          f"{len(analysis.items)} questions ({flagged} flagged); median of {RUNS} runs")
    print(f"  fetch the rows only (baseline): {fetch * 1000:7.1f} ms")
    print(f"  the analysis pass only:         {single * 1000:7.1f} ms")
    print(f"  fetch and pass (the page):      {both * 1000:7.1f} ms  (target: under {TARGET:g} s)")
    alpha = fixed_analysis.alpha
    print(f"  the pass, all on the same {alpha.questions} questions: {fixed * 1000:5.1f} ms  "
          f"(alpha {alpha.value:.2f} over {alpha.attempts:,} attempts)")
    return 0 if both < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
