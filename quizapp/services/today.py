"""What a learner does today: their streak, the daily goal, and the home page's "what to do next".

Days are the school's (QUIZAPP_TIMEZONE), worked out by `quiz/days.py`. The streak counts days in
a row on which the learner submitted anything (a quiz, a review, a practice answer, an assigned
quiz: each reviews the facts it tests); the goal counts the facts reviewed today.

Cost: the streak is one statement over the learner's own attempts of the last `STREAK_WINDOW`
days, read from the covering index `ix_attempt_learner_submitted` (learner, submitted: no table
row, no answer) and grouped by day in SQL, so Python gets one row a day they were active
(bench/streak_bench.py); the goal is one count over today's review logs of their cards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, distinct, func, literal, or_, select, update
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from ..database import write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import (
    Assignment,
    AssignmentClass,
    Attempt,
    Card,
    ClassMember,
    Learner,
    ReviewLog,
)
from ..quiz import days
from ..quiz.rules import GRACE, PRACTICE
from .attempts import Someone
from .cards import due_counts
from .catalog import DEFAULT_LANG, current_catalog
from .errors import Invalid
from .rules import school_zone

DAILY_GOAL, MIN_GOAL, MAX_GOAL = days.DAILY_GOAL, days.MIN_GOAL, days.MAX_GOAL
OPEN_SHOWN = 3  # open quizzes the home page offers to continue


class epoch_seconds(FunctionElement):  # noqa: N801  (an SQL function, named like one)
    """A naive UTC timestamp column as whole seconds since 1970 (each database its own way)."""

    type = Integer()
    inherit_cache = True
    name = "epoch_seconds"


@compiles(epoch_seconds, "sqlite")
def _epoch_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(epoch_seconds)
def _epoch_standard(element: Any, compiler: Any, **kw: Any) -> str:
    return f"CAST(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)}) AS BIGINT)"


def _local_day(column: Any, start: datetime, end: datetime) -> Any:
    """The school's day number of a naive UTC column, for times from `start` to `end`: its
    seconds since 1970, plus the zone's offset then, floor-divided by a day."""
    changes = days.offset_changes(school_zone(), start, end)
    offset: Any = literal(changes[0][1])
    if len(changes) > 1:
        offset = case(*((column < later, literal(earlier))
                        for (_, earlier), (later, _) in zip(changes, changes[1:], strict=False)),
                      else_=literal(changes[-1][1]))
    return (epoch_seconds(column) + offset) // days.DAY_SECONDS


def active_days(learner_id: int, now: datetime) -> list[int]:
    """The school's days (numbers) in the last STREAK_WINDOW on which the learner submitted
    anything, newest first: one row a day, grouped by the database."""
    since = now - timedelta(days=days.STREAK_WINDOW + 1)
    day = _local_day(Attempt.submitted, since, now)
    rows = db.session.execute(
        select(day.label("day"))
        .where(Attempt.learner_id == learner_id, Attempt.submitted >= since)
        .group_by(day).order_by(day.desc()))
    return [int(d) for (d,) in rows]


def streak(learner_id: int, now: datetime) -> int:
    """Days in a row, ending today (or yesterday, while today is still open), with something
    submitted; at most STREAK_WINDOW (a longer streak is shown as that many)."""
    run = days.streak(active_days(learner_id, now), days.today_number(now, school_zone()))
    return min(run, days.STREAK_WINDOW)


def facts_today(learner_id: int, now: datetime) -> int:
    """How many facts the learner has reviewed today (a fact twice counts once)."""
    start, end = days.day_bounds(now, school_zone())
    return db.session.scalar(
        select(func.count(distinct(ReviewLog.card_id)))
        .join(Card, Card.id == ReviewLog.card_id)
        .where(Card.learner_id == learner_id, ReviewLog.reviewed >= start,
               ReviewLog.reviewed < end)) or 0


def goal_of(learner_id: int) -> int:
    """The learner's daily goal: their own, or DAILY_GOAL."""
    return db.session.scalar(select(Learner.daily_goal).where(Learner.id == learner_id)) \
        or DAILY_GOAL


def set_goal(learner: Someone, value: Any) -> int:
    """Set the learner's daily goal; Invalid unless a whole number from MIN_GOAL to MAX_GOAL."""
    goal = days.checked_goal(value)
    if goal is None:
        raise Invalid(_l("A daily goal is a whole number of facts from %(low)d to %(high)d.",
                         low=MIN_GOAL, high=MAX_GOAL))
    with write_transaction():
        db.session.execute(update(Learner).where(Learner.id == learner.id)
                           .values(daily_goal=goal))
    return goal


@dataclass(frozen=True)
class Goal:
    """The streak and today's goal, as the home and progress pages show them."""

    streak: int
    goal: int
    done: int  # facts reviewed today

    @property
    def reached(self) -> bool:
        """Whether today's facts meet the goal."""
        return days.goal_reached(self.done, self.goal)

    @property
    def share(self) -> float:
        """How much of the goal is done, 0..1 (for a bar)."""
        return min(1.0, self.done / self.goal) if self.goal else 1.0


def goal(learner: Someone, now: datetime) -> Goal:
    """The learner's streak, daily goal and facts reviewed today."""
    return Goal(streak(learner.id, now), goal_of(learner.id), facts_today(learner.id, now))


@dataclass(frozen=True)
class OpenQuiz:
    """A quiz the learner started and has not submitted."""

    id: str
    title: str  # the assigned quiz's title, or the bank's
    started: datetime
    deadline: datetime | None


@dataclass(frozen=True)
class ClassQuiz:
    """An assigned quiz open now to one of the learner's classes, with attempts left."""

    code: str
    title: str
    closes: datetime | None


@dataclass(frozen=True)
class Today:
    """The home page's "what to do next" for a signed-in student."""

    open: list[OpenQuiz]
    due: dict[str, int]  # facts due for review, by bank id (banks with none left out)
    goal: Goal
    class_quizzes: list[ClassQuiz]

    @property
    def due_total(self) -> int:
        """Facts due in every bank."""
        return sum(self.due.values())


def open_quizzes(learner_id: int, now: datetime, lang: str = DEFAULT_LANG) -> list[OpenQuiz]:
    """The learner's unsubmitted quizzes (practice aside, and none past its deadline), newest
    first, at most OPEN_SHOWN: from the index of open attempts. Each is titled by its assigned
    quiz's title, else by its bank's title in `lang` where the bank has a translation into it."""
    rows = db.session.execute(
        select(Attempt.id, Attempt.bank, Attempt.started, Attempt.deadline, Assignment.title)
        .outerjoin(Assignment, Assignment.id == Attempt.assignment_id)
        .where(Attempt.learner_id == learner_id, Attempt.submitted.is_(None),
               Attempt.mode != PRACTICE,
               or_(Attempt.deadline.is_(None), Attempt.deadline > now - GRACE))
        .order_by(Attempt.started.desc(), Attempt.id).limit(OPEN_SHOWN))
    catalog = current_catalog()
    return [OpenQuiz(id_, title or catalog.title(bank, lang), started, deadline)
            for id_, bank, started, deadline, title in rows]


def class_quizzes(learner_id: int, now: datetime) -> list[ClassQuiz]:
    """Assigned quizzes open now to a class the learner is in, with an attempt left and none
    open (an open one is offered to continue), closing soonest first."""
    mine = and_(Attempt.assignment_id == Assignment.id, Attempt.learner_id == learner_id)
    used = select(func.count(Attempt.id)).where(mine).scalar_subquery()
    still_open = select(func.count(Attempt.id)).where(
        mine, Attempt.submitted.is_(None)).scalar_subquery()
    in_class = select(AssignmentClass.assignment_id).join(
        ClassMember, ClassMember.class_id == AssignmentClass.class_id).where(
        ClassMember.learner_id == learner_id)
    rows = db.session.execute(
        select(Assignment.code, Assignment.title, Assignment.closes)
        .where(Assignment.id.in_(in_class), Assignment.opens <= now,
               or_(Assignment.closes.is_(None), Assignment.closes > now),
               or_(Assignment.max_attempts.is_(None), used < Assignment.max_attempts),
               still_open == 0)
        .order_by(Assignment.closes.is_(None), Assignment.closes, Assignment.id))
    return [ClassQuiz(code, title, closes) for code, title, closes in rows]


def today(learner: Someone, now: datetime, lang: str = DEFAULT_LANG) -> Today:
    """What the learner might do next: continue a quiz (its bank titled in `lang` where the
    bank has it), review what is due, keep the streak, take a class quiz."""
    return Today(open_quizzes(learner.id, now, lang), due_counts(learner.id, now),
                 goal(learner, now),
                 class_quizzes(learner.id, now))
