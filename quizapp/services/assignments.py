"""Assigned quizzes: a teacher fixes a quiz and a time window for one or more of their classes,
and the students of those classes join it with a short code.

The rules that must hold however many requests arrive at once live here: an assigned quiz is
started only by a member of its classes, only while it is open, and no more often than its limit
allows for each student. A quiz set before classes existed (set for no class) stays open to any
account with its code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..database import write_transaction
from ..extensions import db
from ..i18n import _l, _n
from ..models import Assignment, AssignmentClass, Attempt, Classroom, Learner
from ..quiz.rules import CLOSED, MODES, NOT_OPEN_YET, window
from .attempts import Someone, checked_bank, deadline_of, draw, new_seed, store
from .catalog import DEFAULT_LANG, current_catalog
from .classes import Viewer, is_member, taught_class_ids
from .codes import CODE_ALPHABET, CODE_LENGTH, free_code, new_code, normal_code
from .errors import Invalid, LimitReached, NotAllowed, NotFound, NotOpen
from .results import sees
from .review import ALL, LEVELS, MARKS, SCORE
from .rules import shown

__all__ = ["CODE_ALPHABET", "CODE_LENGTH", "new_code", "normal_code"]  # and what follows

MAX_TITLE = 120
MAX_ATTEMPTS_LIMIT = 100
MIN_TIME_LIMIT, MAX_TIME_LIMIT = 1, 600  # minutes
# What a student sees of a submitted attempt, right after submitting and once the quiz closes.
REVIEW_OPTIONS = {
    SCORE: _l("The score only"),
    MARKS: _l("The score and which questions were right"),
    ALL: _l("Everything: their answers, the key, explanations and facts"),
}
assert set(REVIEW_OPTIONS) == set(LEVELS)  # the levels the review shows, each offered once
DEFAULT_REVIEW_AFTER_SUBMIT, DEFAULT_REVIEW_AFTER_CLOSE = SCORE, ALL
NOT_FOR_GUESTS = _l("Sign in, or register (your scores as a guest are kept), to take this "
                    "quiz.")


class AssignmentError(Invalid):
    """An assigned quiz that cannot be set as asked, with a message for the teacher."""


@dataclass(frozen=True)
class AssignmentSettings:
    """What a teacher fixes for an assigned quiz (times in UTC, without tzinfo)."""

    title: str
    bank: str
    mode: str
    length: int
    same_questions: bool
    opens: datetime
    closes: datetime | None
    max_attempts: int | None
    class_ids: tuple[int, ...] = ()
    time_limit: int | None = None  # minutes
    review_after_submit: str = DEFAULT_REVIEW_AFTER_SUBMIT
    review_after_close: str = DEFAULT_REVIEW_AFTER_CLOSE


def check_settings(s: AssignmentSettings) -> None:
    """AssignmentError unless the settings make a quiz students can start."""
    if not 1 <= len(s.title.strip()) <= MAX_TITLE:
        raise AssignmentError(_l("Give the quiz a title of 1 to %(max)d characters.",
                                 max=MAX_TITLE))
    try:
        checked_bank(s.bank, s.mode, s.length)  # the rules every quiz obeys
    except Invalid as e:
        raise AssignmentError(e.message) from None
    if s.mode not in MODES:  # review asks each learner's own due facts: no quiz to set
        raise AssignmentError(_l("A quiz mode is one of %(modes)s.", modes=", ".join(MODES)))
    available = current_catalog().pool(s.bank).count(s.mode)
    if available == 0:
        raise AssignmentError(_l("That bank has no questions for that mode: choose another mode."))
    if s.length > available:
        raise AssignmentError(_n("This bank has %(num)d question for that mode: choose "
                                 "%(num)d or fewer.", "This bank has %(num)d questions for that "
                                 "mode: choose %(num)d or fewer.", available))
    if s.closes is not None and s.closes <= s.opens:
        raise AssignmentError(_l("The quiz must close after it opens."))
    if s.max_attempts is not None and not 1 <= s.max_attempts <= MAX_ATTEMPTS_LIMIT:
        raise AssignmentError(_l("Allow 1 to %(max)d attempts, or leave it empty.",
                                  max=MAX_ATTEMPTS_LIMIT))
    if s.time_limit is not None and not MIN_TIME_LIMIT <= s.time_limit <= MAX_TIME_LIMIT:
        raise AssignmentError(_l("A time limit is %(low)d to %(high)d minutes, or leave it empty.",
                                 low=MIN_TIME_LIMIT, high=MAX_TIME_LIMIT))
    for option in (s.review_after_submit, s.review_after_close):
        if option not in REVIEW_OPTIONS:
            raise AssignmentError(_l("What students see is one of %(options)s.",
                                      options=", ".join(REVIEW_OPTIONS)))


def checked_classes(viewer: Viewer, class_ids: tuple[int, ...]) -> list[int]:
    """The classes a quiz is set for, once each; AssignmentError for none chosen, or for a class
    the teacher does not teach (a tampered form: whose class it is, is not said)."""
    wanted = list(dict.fromkeys(class_ids))
    if not wanted:
        raise AssignmentError(_l("Choose at least one class to set the quiz for."))
    taught = set(db.session.scalars(
        taught_class_ids(viewer).where(Classroom.id.in_(wanted))))
    if set(wanted) - taught:
        raise AssignmentError(_l(
            "You can set a quiz only for your own classes: choose among them."))
    return wanted


def create_assignment(teacher: Someone, s: AssignmentSettings) -> Assignment:
    """Store an assigned quiz for the teacher's classes under a new code; with a fixed seed if
    all get the same questions."""
    check_settings(s)
    class_ids = checked_classes(Viewer.of(teacher), s.class_ids)
    seed = new_seed() if s.same_questions else None
    for _ in range(5):  # a clash between two starts that drew the same free code: try again
        assignment = Assignment(
            title=s.title.strip(), teacher_id=teacher.id, bank=s.bank,
            mode=s.mode, length=s.length, seed=seed, opens=s.opens, closes=s.closes,
            max_attempts=s.max_attempts, time_limit=s.time_limit,
            review_after_submit=s.review_after_submit, review_after_close=s.review_after_close,
        )
        try:
            with write_transaction():
                assignment.code = free_code()
                db.session.add(assignment)
                db.session.flush()
                db.session.add_all(AssignmentClass(assignment_id=assignment.id, class_id=c)
                                   for c in class_ids)
        except IntegrityError:
            continue
        return assignment
    raise AssignmentError(_l("No free code was found: try again."))


def visible(viewer: Viewer):
    """The condition on `assignment` that the viewer sees it: set by them or for one of their
    classes (an admin sees all)."""
    if viewer.admin:
        return Assignment.id.is_not(None)
    for_their_class = exists().where(AssignmentClass.assignment_id == Assignment.id,
                                     AssignmentClass.class_id.in_(taught_class_ids(viewer)))
    return or_(Assignment.teacher_id == viewer.id, for_their_class)


def teachers_assignment(viewer: Viewer, code: str) -> Assignment:
    """An assigned quiz the viewer sees, for the teacher's pages; NotFound for another's."""
    found = db.session.scalar(
        select(Assignment).where(Assignment.code == normal_code(code), visible(viewer)))
    if found is None:
        raise NotFound(_l("None of your quizzes has the code %(code)r.",
                          code=normal_code(code) or code))
    return found


def find_assignment(code: str) -> Assignment:
    """The assigned quiz with this code; NotFound if none."""
    assignment = db.session.scalar(select(Assignment).where(Assignment.code == normal_code(code)))
    if assignment is None:
        raise NotFound(_l("No quiz has the code %(code)s: check it with your teacher.",
                          code=repr(normal_code(code) or code)))
    return assignment


def window_problem(assignment: Assignment, now: datetime) -> str | None:
    """Why the quiz cannot be started at `now`, or None while it is open."""
    where = window(assignment.opens, assignment.closes, now)
    if where == NOT_OPEN_YET:
        return str(_l("This quiz opens on %(when)s: come back then.",
                      when=shown(assignment.opens)))
    if where == CLOSED:
        return str(_l("This quiz closed on %(when)s: it can no longer be started.",
                      when=shown(assignment.closes)))
    return None


def attempts_used(learner: Someone, assignment: Assignment) -> int:
    """How many attempts the learner has started on the assigned quiz (open ones count)."""
    return db.session.scalar(
        select(func.count(Attempt.id))
        .where(Attempt.assignment_id == assignment.id, Attempt.learner_id == learner.id)
    ) or 0


def own_attempts(learner: Someone, assignment: Assignment) -> list[Attempt]:
    """The learner's attempts at the assigned quiz, newest first."""
    query = (
        select(Attempt)
        .where(Attempt.assignment_id == assignment.id, Attempt.learner_id == learner.id)
        .order_by(Attempt.started.desc())
    )
    return list(db.session.scalars(query))


def limit_problem(assignment: Assignment, used: int) -> str | None:
    """Why one more attempt is refused, or None while the limit allows it."""
    limit = assignment.max_attempts
    if limit is None or used < limit:
        return None
    if limit == 1:
        return str(_l("You have used your one attempt at this quiz."))
    return str(_l("You have used all %(limit)d of your attempts at this quiz.", limit=limit))


def entry_problem(learner: Someone, assignment: Assignment) -> str | None:
    """Why the learner may not take the quiz at all, or None: a quiz set for classes is for
    their members only; one set for no class (before classes) for any account, not a guest."""
    if assignment.classes:
        if is_member(learner.id, [c.id for c in assignment.classes]):
            return None
        names = str(_l(" or ")).join(c.name for c in assignment.classes)
        return str(_l("This quiz is for the class %(names)s, and you are not in it. If you should "
                      "be, join the class with the code your teacher gives for it, or ask them to "
                      "add you.", names=names))
    account = db.session.get(Learner, learner.id)
    return str(NOT_FOR_GUESTS) if account is None or account.is_guest else None


def ensure_open(assignment: Assignment, now: datetime) -> None:
    """NotOpen, with the time in the message, unless the quiz is open at `now`."""
    problem = window_problem(assignment, now)
    if problem:
        raise NotOpen(problem)


def start_assigned(learner: Someone, assignment: Assignment, lang: str = DEFAULT_LANG) -> Attempt:
    """Start the assigned quiz for a member of its classes, if it is open and the limit allows
    another attempt. The attempt's deadline is the earlier of its time limit and the closing.
    Its questions are in `lang` where the bank has a translation into it (the same quiz)."""
    problem = entry_problem(learner, assignment)
    if problem:
        raise NotAllowed(problem)
    ensure_open(assignment, clock.now())  # before the quiz is built: most refusals are for the time
    bank = checked_bank(assignment.bank, assignment.mode, assignment.length, assignment.seed)
    bank = bank.translated(lang)
    seed = new_seed(assignment.seed)
    quiz = draw(learner, bank, assignment.mode, assignment.length, seed)

    def still_allowed() -> None:
        # Inside the insert's write transaction: BEGIN IMMEDIATE holds SQLite's write lock, and
        # on PostgreSQL the assignment's row is locked, so parallel starts take turns and each
        # one counts the attempts the others stored.
        db.session.execute(
            select(Assignment.id).where(Assignment.id == assignment.id).with_for_update()
        )
        ensure_open(assignment, clock.now())
        problem = limit_problem(assignment, attempts_used(learner, assignment))
        if problem:
            raise LimitReached(problem)

    return store(learner, bank, assignment.mode, seed, quiz, assignment_id=assignment.id,
                 check=still_allowed, deadline=deadline_of(assignment))


def state(assignment: Assignment, now: datetime) -> str:
    """'not open yet', 'open' or 'closed'."""
    return window(assignment.opens, assignment.closes, now)


def assignment_overview(viewer: Viewer) -> list[tuple[Assignment, str, int, int]]:
    """The assigned quizzes the viewer sees, newest first: who set it, its attempts, how many
    students took it (of those the viewer sees)."""
    query = (
        select(Assignment, Learner.display_name, func.count(Attempt.id),
               func.count(func.distinct(Attempt.learner_id)))
        .join(Learner, Learner.id == Assignment.teacher_id)
        .outerjoin(Attempt, and_(Attempt.assignment_id == Assignment.id, sees(viewer)))
        .where(visible(viewer))
        .group_by(Assignment.id, Learner.display_name)
        .order_by(Assignment.created.desc(), Assignment.id.desc())
    )
    return [(a, name, count, takers) for a, name, count, takers in db.session.execute(query)]
