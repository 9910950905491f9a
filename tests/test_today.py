"""The streak, the daily goal and the home page's next steps (services/today.py), on the database."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.quiz.days import day_number
from quizapp.services import accounts
from quizapp.services.attempts import start_attempt, submit_attempt
from quizapp.services.errors import Invalid
from quizapp.services.today import (
    DAILY_GOAL,
    active_days,
    facts_today,
    goal,
    goal_of,
    open_quizzes,
    set_goal,
    streak,
    today,
)


@pytest.fixture
def ann(app, clock):
    with app.app_context():
        yield accounts.create_guest("Ann")


def take(learner, clock, at=None, length=2):
    """A quiz of `length` questions submitted at `at` (naive UTC), all answered right."""
    if at is not None:
        clock.now = at
    attempt = start_attempt(learner, "sample", "choice", length, seed=1)
    clock.advance(seconds=30)
    return submit_attempt(learner, attempt.id, {
        item.public_id: list(item.snapshot.key)[0] if item.snapshot.type == "choice"
        else list(item.snapshot.key) for item in attempt.items})


def test_the_streak_counts_days_in_a_row_and_survives_until_the_day_ends(ann, clock):
    assert streak(ann.id, clock.now) == 0
    for day in (1, 2, 3):
        take(ann, clock, datetime(2026, 3, day, 9))
        take(ann, clock, datetime(2026, 3, day, 17))  # twice a day counts once
    assert streak(ann.id, clock.now) == 3
    clock.now = datetime(2026, 3, 4, 20)  # nothing yet today: the streak still stands
    assert streak(ann.id, clock.now) == 3
    clock.now = datetime(2026, 3, 5, 8)  # a whole day missed
    assert streak(ann.id, clock.now) == 0
    take(ann, clock)
    assert streak(ann.id, clock.now) == 1


def test_an_open_quiz_does_not_count_towards_the_streak(ann, clock):
    start_attempt(ann, "sample", "choice", 2, seed=1)
    assert streak(ann.id, clock.now) == 0 and active_days(ann.id, clock.now) == []


def test_days_are_the_school_calendars_not_utc(app, ann, clock):
    app.config["TIMEZONE"] = "America/Lima"  # UTC-5
    take(ann, clock, datetime(2026, 3, 3, 4, 0))  # 23:00 on 2 Mar in Lima
    take(ann, clock, datetime(2026, 3, 3, 6, 0))  # 01:00 on 3 Mar: the same UTC day
    assert streak(ann.id, clock.now) == 2
    app.config["TIMEZONE"] = "UTC"
    assert streak(ann.id, clock.now) == 1


def test_days_follow_summer_time(app, ann, clock):
    # Madrid: +1 until 29 Mar 2026 01:00 UTC, +2 after. 00:30 local is 23:30 UTC before the
    # change and 22:30 UTC after it: each must fall on its own local day.
    app.config["TIMEZONE"] = "Europe/Madrid"
    take(ann, clock, datetime(2026, 3, 27, 23, 30))  # 00:30 on 28 Mar
    take(ann, clock, datetime(2026, 3, 28, 22, 30))  # 23:30 on 28 Mar
    take(ann, clock, datetime(2026, 3, 29, 22, 30))  # 00:30 on 30 Mar (summer time)
    assert streak(ann.id, clock.now) == 1  # 29 Mar missed; 30 Mar begun
    take(ann, clock, datetime(2026, 3, 29, 9))  # 11:00 on 29 Mar
    clock.now = datetime(2026, 3, 29, 22, 40)
    assert active_days(ann.id, clock.now) == [day_number(date(2026, 3, d)) for d in (30, 29, 28)]
    assert streak(ann.id, clock.now) == 3


def test_the_goal_counts_each_fact_reviewed_today_once(app, ann, clock):
    app.config["TIMEZONE"] = "America/Lima"
    take(ann, clock, datetime(2026, 3, 2, 4, 0), length=4)  # 23:00 on 1 Mar in Lima: yesterday
    clock.now = datetime(2026, 3, 2, 5, 0)  # midnight in Lima
    assert facts_today(ann.id, clock.now) == 0
    quiz = take(ann, clock, datetime(2026, 3, 2, 14, 0), length=2)
    take(ann, clock, datetime(2026, 3, 2, 15, 0), length=2)  # the same questions again
    tested = {fact.id for item in quiz.items for fact in item.snapshot.facts}
    assert facts_today(ann.id, clock.now) == len(tested)
    assert goal(ann, clock.now).done == len(tested) and goal(ann, clock.now).goal == DAILY_GOAL
    clock.now = datetime(2026, 3, 3, 5, 0)  # midnight in Lima
    assert facts_today(ann.id, clock.now) == 0


def test_a_goal_is_a_whole_number_from_1_to_100(ann):
    assert goal_of(ann.id) == DAILY_GOAL
    assert set_goal(ann, 25) == 25 and goal_of(ann.id) == 25
    for bad in (0, 101, -3, "12", 2.5, True, None):
        with pytest.raises(Invalid, match="from 1 to 100"):
            set_goal(ann, bad)
    assert db.session.scalar(select(Learner.daily_goal).where(Learner.id == ann.id)) == 25
    g = goal(ann, datetime(2026, 3, 2))
    assert (g.done, g.reached, g.share) == (0, False, 0.0)


def test_next_steps_offer_open_quizzes_newest_first_and_what_is_due(ann, clock):
    first = start_attempt(ann, "sample", "choice", 2, seed=1)
    clock.advance(minutes=1)
    second = start_attempt(ann, "sample", "choice", 2, seed=2)
    assert [q.id for q in open_quizzes(ann.id, clock.now)] == [second.id, first.id]
    submit_attempt(ann, first.id, {})
    clock.advance(days=2)
    steps = today(ann, clock.now)
    assert [q.id for q in steps.open] == [second.id]
    tested = {fact.id for item in first.items for fact in item.snapshot.facts}
    assert steps.due == {"sample": len(tested)} and steps.due_total == len(tested)
    assert steps.class_quizzes == [] and steps.goal.streak == 0


def test_the_streak_reads_the_learners_index(app, ann, clock):
    """One statement, from ix_attempt_learner_submitted, never a scan of every attempt."""
    from quizapp.services import today as today_module

    take(ann, clock)
    statements = []
    engine = db.engine

    def note(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    from sqlalchemy import event
    event.listen(engine, "before_cursor_execute", note)
    try:
        today_module.active_days(ann.id, clock.now)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    [(statement, parameters)] = statements
    if engine.dialect.name == "sqlite":
        plan = " ".join(str(row[-1]) for row in db.session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statement, tuple(parameters)))
        assert "ix_attempt_learner_submitted" in plan and "SCAN attempt" not in plan
