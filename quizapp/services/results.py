"""The class's results for teachers: per learner, per attempt, and the rows item analysis reads.

Every list is one query (a learner's name comes joined, never fetched row by row), filtered the same
way: by bank, by the day an attempt was started (in the school's time zone, both ends included),
and by assigned quiz.

And always by who is looking (`sees`, the one place of that rule): a teacher sees the attempts of
the learners of their classes (quizzes, practice and free quizzes alike), and the attempts at the
quizzes they set themselves (one set before classes existed, open to anyone with its code); an
admin sees every attempt. The lists, the CSV exports, item analysis and the lookups of one learner
or attempt all go through it, and anything else is NotFound.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, or_, select, true

from .. import clock
from ..extensions import db
from ..i18n import _l
from ..models import Assignment, Attempt, Learner
from ..quiz.rules import PRACTICE, shown_percent, to_utc
from ..quiz.scores import BINS as BINS  # for the chart
from ..quiz.scores import Summary, summarise
from . import fast
from .catalog import current_catalog
from .classes import Viewer, member_ids
from .errors import NotFound
from .handin import close_overdue
from .rules import school_zone


def day_start(day: date) -> datetime:
    """When a day begins in the school's time zone, as stored (naive UTC)."""
    return to_utc(datetime.combine(day, time()), school_zone())


def clamped_start(day: date, days_after: int = 0) -> datetime:
    """When the day `days_after` days after `day` begins (day_start), clamped to the calendar's
    ends: 0001-01-01 in a zone ahead of UTC, or the day after 9999-12-31, are out of any clock's
    range, and mean "no bound" (datetime.min, datetime.max), not an error."""
    try:
        return day_start(day + timedelta(days=days_after))
    except OverflowError:
        return datetime.min if day.year < 5000 else datetime.max


def sees(viewer: Viewer, attempt: type[Attempt] = Attempt) -> ColumnElement[bool]:
    """The condition on `attempt` (or an alias of it) that the viewer may see it."""
    if viewer.admin:
        return true()
    set_by_viewer = select(Assignment.id).where(Assignment.teacher_id == viewer.id)
    return or_(attempt.learner_id.in_(member_ids(viewer)),
               attempt.assignment_id.in_(set_by_viewer))


@dataclass(frozen=True)
class ResultFilter:
    """Which attempts a result covers: the viewer's (always), then None means no restriction."""

    viewer: Viewer = field(kw_only=True)  # no default: no result is read without a viewer
    bank: str | None = None
    since: date | None = None
    until: date | None = None  # included: attempts started on that day count
    assignment_id: int | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        """The WHERE clauses on `attempt`, the viewer's scope first."""
        found = [sees(self.viewer)]
        if self.bank:
            found.append(Attempt.bank == self.bank)
        if self.since:
            found.append(Attempt.started >= clamped_start(self.since))
        if self.until:
            found.append(Attempt.started < clamped_start(self.until, days_after=1))
        if self.assignment_id is not None:
            found.append(Attempt.assignment_id == self.assignment_id)
        return found


@dataclass(frozen=True)
class LearnerResult:
    """One learner's line in the class results; percents are None until an attempt is submitted."""

    learner_id: int
    name: str
    username: str | None
    attempts: int
    submitted: int
    best: float | None
    last: float | None
    latest: datetime


def settle(assignment_id: int | None = None) -> None:
    """Hand in the overdue attempts (of one assigned quiz, if given) before results are read."""
    close_overdue(clock.now(), assignment_id=assignment_id)


def percent_of(score: Any, max_score: Any) -> ColumnElement[float]:
    """quiz.rules.percent as SQL, before its rounding: 100 x score / max_score (NULL for an
    attempt not submitted)."""
    return 100.0 * score / func.nullif(max_score, 0)


def class_results(flt: ResultFilter) -> list[LearnerResult]:
    """Every learner with attempts that pass the filter: counts, best and last percent."""
    settle(flt.assignment_id)
    newest_submitted_first = (Attempt.submitted.desc().nulls_last(), Attempt.id.desc())
    ranked = (
        select(
            Attempt.learner_id, Attempt.started, Attempt.submitted,
            percent_of(Attempt.score, Attempt.max_score).label("pct"),
            func.row_number().over(partition_by=Attempt.learner_id,
                                   order_by=newest_submitted_first).label("rn"),
        )
        .where(*flt.conditions())
        .subquery()
    )
    query = (
        select(
            Learner.id, Learner.display_name, Learner.username,
            func.count(), func.count(ranked.c.submitted), func.max(ranked.c.pct),
            func.max(case((ranked.c.rn == 1, ranked.c.pct))), func.max(ranked.c.started),
        )
        .join(ranked, ranked.c.learner_id == Learner.id)
        .group_by(Learner.id, Learner.display_name, Learner.username)
        .order_by(func.lower(Learner.display_name), Learner.id)
    )
    return [
        LearnerResult(i, name, user, n, done, shown_percent(best), shown_percent(last), latest)
        for i, name, user, n, done, best, last, latest in db.session.execute(query)
    ]


def learner_attempts(learner_id: int, flt: ResultFilter) -> list[tuple[Attempt, str | None]]:
    """One learner's attempts that pass the filter, newest first, each with its quiz code if any."""
    settle(flt.assignment_id)
    query = (
        select(Attempt, Assignment.code)
        .outerjoin(Assignment, Assignment.id == Attempt.assignment_id)
        .where(Attempt.learner_id == learner_id, *flt.conditions())
        .order_by(Attempt.started.desc(), Attempt.id)
    )
    return [(attempt, code) for attempt, code in db.session.execute(query)]


def attempted_banks() -> list[str]:
    """The ids of the banks any attempt was on (a bank whose file is gone still has results)."""
    return list(db.session.scalars(select(Attempt.bank).distinct().order_by(Attempt.bank)))


def bank_choices() -> list[tuple[str, str]]:
    """(id, title) of every bank loaded or attempted: results outlive a removed file."""
    banks = current_catalog().banks
    ids = sorted(set(banks) | set(attempted_banks()))
    return [(i, banks[i].title if i in banks else i) for i in ids]


def find_learner(viewer: Viewer, learner_id: int) -> Learner:
    """A learner the viewer sees (of their classes, or with an attempt they see), for a
    teacher's page; NotFound if there is none, or not one of theirs."""
    query = select(Learner).where(Learner.id == learner_id)
    if not viewer.admin:
        query = query.where(or_(
            Learner.id.in_(member_ids(viewer)),
            exists().where(Attempt.learner_id == Learner.id, sees(viewer)),
        ))
    found = db.session.scalar(query)
    if found is None:
        raise NotFound(_l("There is no such learner among those of your classes."))
    return found


def any_attempt(viewer: Viewer, attempt_id: str) -> Attempt:
    """An attempt the viewer sees, for a teacher's page; NotFound if there is none, or not
    one of theirs."""
    settle()
    visible = db.session.scalar(select(Attempt.id).where(Attempt.id == attempt_id, sees(viewer)))
    found = fast.load_attempt(attempt_id) if visible is not None else None
    if found is None:
        raise NotFound(_l("There is no such attempt among those of your classes."))
    return found


@dataclass(frozen=True)
class _QuizzesOnly(ResultFilter):
    """A filter that also leaves out practice (one question at a time, never a quiz's score)."""

    def conditions(self) -> list[ColumnElement[bool]]:
        """The filter's clauses, and not practice."""
        return [*super().conditions(), Attempt.mode != PRACTICE]


def quiz_results(flt: ResultFilter) -> list[LearnerResult]:
    """class_results of quiz attempts only: practice answers never count in the percents."""
    return class_results(_QuizzesOnly(**{f.name: getattr(flt, f.name) for f in fields(flt)}))


@dataclass(frozen=True)
class PracticeResult:
    """One learner's practice answers (one question each) that pass the filter."""

    learner_id: int
    name: str
    username: str | None
    answers: int  # answered (submitted)
    right: float | None  # percent of their points, None before any answer
    latest: datetime


def practice_results(flt: ResultFilter) -> list[PracticeResult]:
    """Every learner with practice answers that pass the filter, counted apart from quizzes."""
    query = (
        select(Learner.id, Learner.display_name, Learner.username, func.count(Attempt.submitted),
               percent_of(func.sum(Attempt.score),
                          func.sum(case((Attempt.submitted.is_not(None), Attempt.max_score)))),
               func.max(Attempt.started))
        .join(Attempt, Attempt.learner_id == Learner.id)
        .where(Attempt.mode == PRACTICE, *flt.conditions())
        .group_by(Learner.id, Learner.display_name, Learner.username)
        .having(func.count(Attempt.submitted) > 0)
        .order_by(func.lower(Learner.display_name), Learner.id)
    )
    return [PracticeResult(i, name, user, n, shown_percent(right), latest)
            for i, name, user, n, right, latest in db.session.execute(query)]


def class_summary(rows: Iterable[LearnerResult]) -> Summary:
    """The average, median and spread of each learner's best quiz percent."""
    return summarise(row.best for row in rows)
