"""Assigned quizzes: a teacher fixes a quiz and a time window, students join it with a short code.

The rules that must hold however many requests arrive at once live here: an assigned quiz is
started only while it is open, and no more often than its limit allows for each student.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from .. import clock
from ..database import write_transaction
from ..extensions import db
from ..models import Assignment, Attempt, Learner
from ..quiz.rules import CLOSED, MODES, NOT_OPEN_YET, when, window
from .attempts import Someone, checked_bank, deadline_of, draw, new_seed, store
from .catalog import current_catalog
from .errors import Invalid, LimitReached, NotFound, NotOpen
from .rules import school_zone

# No 0/O, 1/I: a code read off a projector or a sheet of paper is typed right the first time.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 6
MAX_TITLE = 120
MAX_ATTEMPTS_LIMIT = 100


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


def normal_code(text: str | None) -> str:
    """A code as typed, made canonical: upper case, spaces and dashes dropped."""
    return "".join(c for c in (text or "").upper() if c not in " -\t")


def new_code() -> str:
    """A random code from the unambiguous alphabet."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def check_settings(s: AssignmentSettings) -> None:
    """AssignmentError unless the settings make a quiz students can start."""
    if not 1 <= len(s.title.strip()) <= MAX_TITLE:
        raise AssignmentError(f"Give the quiz a title of 1 to {MAX_TITLE} characters.")
    try:
        checked_bank(s.bank, s.mode, s.length)  # the rules every quiz obeys
    except Invalid as e:
        raise AssignmentError(e.message) from None
    if s.mode not in MODES:  # review asks each learner's own due facts: no quiz to set
        raise AssignmentError(f"A quiz mode is one of {', '.join(MODES)}.")
    if current_catalog().pool(s.bank).count(s.mode) == 0:
        raise AssignmentError("That bank has no questions for that mode: choose another mode.")
    if s.closes is not None and s.closes <= s.opens:
        raise AssignmentError("The quiz must close after it opens.")
    if s.max_attempts is not None and not 1 <= s.max_attempts <= MAX_ATTEMPTS_LIMIT:
        raise AssignmentError(f"Allow 1 to {MAX_ATTEMPTS_LIMIT} attempts, or leave it empty.")


def create_assignment(teacher: Learner, s: AssignmentSettings) -> Assignment:
    """Store an assigned quiz under a new code; with a fixed seed if all get the same questions."""
    check_settings(s)
    seed = new_seed() if s.same_questions else None
    for _ in range(5):  # a clash among 32**6 codes is rare; trying again settles it
        assignment = Assignment(
            code=new_code(), title=s.title.strip(), teacher_id=teacher.id, bank=s.bank,
            mode=s.mode, length=s.length, seed=seed, opens=s.opens, closes=s.closes,
            max_attempts=s.max_attempts,
        )
        try:
            with write_transaction():
                db.session.add(assignment)
                db.session.flush()
        except IntegrityError:
            continue
        return assignment
    raise AssignmentError("No free code was found: try again.")


def find_assignment(code: str) -> Assignment:
    """The assigned quiz with this code; NotFound if none."""
    assignment = db.session.scalar(select(Assignment).where(Assignment.code == normal_code(code)))
    if assignment is None:
        raise NotFound(f"No quiz has the code {normal_code(code) or code!r}: check it with "
                       "your teacher.")
    return assignment


def window_problem(assignment: Assignment, now: datetime) -> str | None:
    """Why the quiz cannot be started at `now`, or None while it is open."""
    where = window(assignment.opens, assignment.closes, now)
    if where == NOT_OPEN_YET:
        return f"This quiz opens on {when(assignment.opens, school_zone())}: come back then."
    if where == CLOSED:
        return (f"This quiz closed on {when(assignment.closes, school_zone())}: it can no longer "
                "be started.")
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
    allowed = "your one attempt" if limit == 1 else f"all {limit} of your attempts"
    return f"You have used {allowed} at this quiz."


def ensure_open(assignment: Assignment, now: datetime) -> None:
    """NotOpen, with the time in the message, unless the quiz is open at `now`."""
    problem = window_problem(assignment, now)
    if problem:
        raise NotOpen(problem)


def start_assigned(learner: Someone, assignment: Assignment) -> Attempt:
    """Start the assigned quiz for a learner, if it is open and the limit allows another attempt."""
    ensure_open(assignment, clock.now())  # before the quiz is built: most refusals are for the time
    bank = checked_bank(assignment.bank, assignment.mode, assignment.length, assignment.seed)
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


def assignment_overview() -> list[tuple[Assignment, str, int, int]]:
    """Every assigned quiz, newest first: who set it, its attempts, how many students took it."""
    query = (
        select(Assignment, Learner.display_name, func.count(Attempt.id),
               func.count(func.distinct(Attempt.learner_id)))
        .join(Learner, Learner.id == Assignment.teacher_id)
        .outerjoin(Attempt, Attempt.assignment_id == Assignment.id)
        .group_by(Assignment.id, Learner.display_name)
        .order_by(Assignment.created.desc(), Assignment.id.desc())
    )
    return [(a, name, count, takers) for a, name, count, takers in db.session.execute(query)]
