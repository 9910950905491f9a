"""The streak and the daily goal, measured on a learner with a long history, beside a baseline:
every submission time read into Python and turned into a day there.

A learner who submitted 30 times a day for two years (21,900 attempts), among 200 learners of
whom ten more did the same; the school's zone has summer time (Europe/Madrid), so the database
adds the offset in force at each time. The goal's count reads today's review logs (none here:
it is timed for its plan, one probe of the learner's cards).

Run by hand: PYTHONPATH=. .venv/bin/python bench/streak_bench.py
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import insert, select
from timing import best_of

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.quiz import days
from quizapp.services.rules import school_zone
from quizapp.services.today import facts_today, streak

LEARNERS, DAYS, A_DAY, RUNS = 200, 730, 30, 5
NOW = datetime(2026, 12, 3, 12)


def fill() -> None:
    """Learners 1..LEARNERS: learner 1 with a submission every 48 minutes for DAYS days."""
    db.session.execute(insert(Learner), [
        {"id": i, "username": f"u{i}", "display_name": f"U {i}", "role": "student"}
        for i in range(1, LEARNERS + 1)])
    rows, step = [], timedelta(days=1) / A_DAY
    for learner in (1, *range(2, LEARNERS + 1, 20)):  # ten others as busy, for the index
        at = NOW - timedelta(days=DAYS)
        for n in range(DAYS * A_DAY):
            rows.append({"id": f"a{learner}-{n}", "learner_id": learner, "bank": "bench",
                         "mode": "practice", "seed": 1, "started": at,
                         "submitted": at + timedelta(seconds=20), "score": 1.0,
                         "max_score": 1.0})
            at += step
    db.session.execute(insert(Attempt), rows)
    db.session.commit()


def baseline(learner_id: int, now: datetime) -> int:
    """Every submission time read, each turned into the school's day in Python."""
    zone = school_zone()
    moments = db.session.scalars(select(Attempt.submitted).where(
        Attempt.learner_id == learner_id, Attempt.submitted.is_not(None)))
    return days.streak({days.day_number(days.local(m, zone).date()) for m in moments},
                       days.today_number(now, zone))



def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
                      "SECRET_KEY": "bench", "INSTANCE_PATH": str(folder),
                      "TIMEZONE": "Europe/Madrid"})
    with app.app_context():
        upgrade()
        fill()
        assert streak(1, NOW) == min(baseline(1, NOW), days.STREAK_WINDOW) == days.STREAK_WINDOW
        took = 1000 * best_of(RUNS, lambda: streak(1, NOW))
        print(f"{'streak (one grouped query)':34} {took:8.2f} ms")
        took = 1000 * best_of(RUNS, lambda: baseline(1, NOW))
        print(f"{'baseline: every time in Python':34} {took:8.2f} ms")
        took = 1000 * best_of(RUNS, lambda: facts_today(1, NOW))
        print(f"{'facts reviewed today':34} {took:8.2f} ms")


if __name__ == "__main__":
    main()
