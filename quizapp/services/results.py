"""The class's results for teachers: per learner, per attempt, and the rows item analysis reads.

Every list is one query (a learner's name comes joined, never fetched row by row), filtered the same
way: by bank, by the day an attempt was started (UTC, both ends included), and by assigned quiz.

And always by who is looking (`sees`, the one place of that rule): a teacher sees the attempts of
the learners of their classes (quizzes, practice and free quizzes alike), and the attempts at the
quizzes they set themselves (one set before classes existed, open to anyone with its code); an
admin sees every attempt. The lists, the CSV exports, item analysis and the lookups of one learner
or attempt all go through it, and anything else is NotFound.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select, true
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import Assignment, Attempt, AttemptItem, Learner
from ..quiz.analysis import Analysis, ItemStats, analyse
from ..quiz.rules import shown_percent
from ..quiz.snapshot import Snapshot
from . import fast
from .catalog import current_catalog
from .classes import Viewer, member_ids
from .errors import NotFound


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
            found.append(Attempt.started >= datetime.combine(self.since, time()))
        if self.until:
            found.append(Attempt.started < datetime.combine(self.until + timedelta(days=1), time()))
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


def percent_of(score: Any, max_score: Any) -> ColumnElement[float]:
    """quiz.rules.percent as SQL, before its rounding: 100 x score / max_score (NULL for an
    attempt not submitted)."""
    return 100.0 * score / func.nullif(max_score, 0)


def class_results(flt: ResultFilter) -> list[LearnerResult]:
    """Every learner with attempts that pass the filter: counts, best and last percent."""
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


def _scope(
    viewer: Viewer, attempt: type[Attempt], bank: str, assignment_id: int | None
) -> list:
    """Submitted attempts the viewer sees on the bank (at one assigned quiz, if given)."""
    where = [sees(viewer, attempt), attempt.bank == bank, attempt.submitted.is_not(None)]
    if assignment_id is not None:
        where.append(attempt.assignment_id == assignment_id)
    return where


def first_attempt_rows(
    viewer: Viewer, bank: str, assignment_id: int | None = None
) -> Iterator[tuple[str, str, float]]:
    """(attempt id, question id, points) of each learner's first submitted attempt, by attempt.

    On the bank, or at one assigned quiz. "First" is the earliest started (then the lowest id):
    no earlier one exists. Each learner has one first attempt, so ordering by learner keeps the
    rows of an attempt together, as item analysis reads them; and the (learner, started) index
    gives that order without a sort (measured: twice as fast as ordering by attempt id).
    """
    earlier = aliased(Attempt)
    is_first = ~exists().where(
        earlier.learner_id == Attempt.learner_id, *_scope(viewer, earlier, bank, assignment_id),
        or_(earlier.started < Attempt.started,
            and_(earlier.started == Attempt.started, earlier.id < Attempt.id)),
    )
    query = (
        select(AttemptItem.attempt_id, AttemptItem.question_id, AttemptItem.points)
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .where(*_scope(viewer, Attempt, bank, assignment_id), is_first)
        .order_by(Attempt.learner_id)
    )
    return iter(db.session.execute(query))


def served_questions(bank: str, question_ids: Iterable[str]) -> dict[str, Snapshot]:
    """A snapshot of each question as it was served on the bank, by question id."""
    ids = list(question_ids)
    if not ids:
        return {}
    one_each = (
        select(func.min(AttemptItem.id))
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .where(Attempt.bank == bank, AttemptItem.question_id.in_(ids))
        .group_by(AttemptItem.question_id)
    )
    query = select(AttemptItem.question_id, AttemptItem.snapshot).where(
        AttemptItem.id.in_(one_each))
    return {question_id: snapshot for question_id, snapshot in db.session.execute(query)}


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
        raise NotFound("There is no such learner among those of your classes.")
    return found


def any_attempt(viewer: Viewer, attempt_id: str) -> Attempt:
    """An attempt the viewer sees, for a teacher's page; NotFound if there is none, or not
    one of theirs."""
    visible = db.session.scalar(select(Attempt.id).where(Attempt.id == attempt_id, sees(viewer)))
    found = fast.load_attempt(attempt_id) if visible is not None else None
    if found is None:
        raise NotFound("There is no such attempt among those of your classes.")
    return found


@dataclass(frozen=True)
class ItemAnalysis:
    """Item analysis of a bank or an assigned quiz, with each question as it was served."""

    analysis: Analysis
    served: dict[str, Snapshot]
    rows: list[ItemStats]  # the flagged questions first
    flagged: int


def item_analysis(
    viewer: Viewer, bank_id: str, assignment: Assignment | None = None
) -> ItemAnalysis:
    """Item analysis from the first submitted attempt of each learner the viewer sees; NotFound
    for a bank that is neither loaded nor attempted."""
    analysis = analyse(first_attempt_rows(viewer, bank_id, assignment.id if assignment else None))
    if analysis.attempts == 0 and current_catalog().get(bank_id) is None and assignment is None:
        raise NotFound(f"There is no question bank {bank_id!r}, and no attempt on one.")
    served = served_questions(bank_id, [s.question_id for s in analysis.items])
    rows = sorted(analysis.items, key=lambda s: (not s.flags, s.question_id))
    return ItemAnalysis(analysis, served, rows, sum(1 for s in analysis.items if s.flags))
