"""Assigned quizzes, as a service: codes, the time window, and the limit under a race."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, ClassMember, Learner, utcnow
from quizapp.services.assignments import (
    AssignmentError,
    AssignmentSettings,
    create_assignment,
    find_assignment,
    normal_code,
    start_assigned,
)
from quizapp.services.classes import Viewer, create_class
from quizapp.services.errors import LimitReached, NotFound, NotOpen

CLASS_ID = 1  # the teacher's one class, made by the `teacher` fixture


def settings(**changes):
    base = dict(title="Race", bank="sample", mode="mixed", length=4, same_questions=False,
                opens=datetime(2020, 1, 1), closes=None, max_attempts=1, class_ids=(CLASS_ID,))
    return AssignmentSettings(**(base | changes))


def account(name, role="student"):
    """An account (no password: none is needed here)."""
    learner = Learner(username=name, display_name=name, role=role)
    db.session.add(learner)
    db.session.commit()
    return learner


def member(name, class_id=CLASS_ID):
    """A student account in the class."""
    learner = account(name)
    db.session.add(ClassMember(class_id=class_id, learner_id=learner.id))
    db.session.commit()
    return learner


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


@pytest.fixture
def teacher(ctx):
    """A teacher with one class (id CLASS_ID)."""
    found = account("teacher", role="teacher")
    assert create_class(Viewer.of(found), "7B").id == CLASS_ID
    return found


def test_a_code_is_found_however_it_is_typed(teacher):
    quiz = create_assignment(teacher, settings())
    typed = f" {quiz.code[:3].lower()}-{quiz.code[3:]} "
    assert normal_code(typed) == quiz.code
    assert find_assignment(typed).id == quiz.id
    with pytest.raises(NotFound, match="No quiz has the code"):
        find_assignment("ZZZZZZ")


def test_a_fixed_seed_is_kept_only_when_everyone_gets_the_same_questions(teacher):
    assert create_assignment(teacher, settings()).seed is None
    assert create_assignment(teacher, settings(same_questions=True)).seed is not None


@pytest.mark.parametrize(("changes", "message"), [
    ({"mode": "ordering", "bank": "nope"}, "no question bank"),
    ({"title": "  "}, "title"),
    ({"closes": datetime(2019, 1, 1)}, "close after it opens"),
    ({"max_attempts": 0}, "Allow 1 to 100"),
])
def test_settings_that_make_no_quiz_are_refused(teacher, changes, message):
    with pytest.raises(AssignmentError, match=message):
        create_assignment(teacher, settings(**changes))


def test_a_start_before_the_quiz_opens_is_refused_with_the_time(teacher):
    quiz = create_assignment(teacher, settings(opens=datetime(2099, 1, 1, 9, 30)))
    with pytest.raises(NotOpen, match="opens on 1 Jan 2099, 09:30 UTC"):
        start_assigned(member("early"), quiz)


def test_a_quiz_that_closes_while_open_refuses_later_starts(teacher):
    quiz = create_assignment(teacher, settings(max_attempts=None,
                                               closes=utcnow() + timedelta(hours=1)))
    student = member("late")
    start_assigned(student, quiz)
    quiz.closes = datetime(2026, 1, 2, 3, 4)
    with pytest.raises(NotOpen, match="closed on 2 Jan 2026, 03:04 UTC"):
        start_assigned(student, quiz)


def test_the_limit_counts_every_attempt_started(teacher):
    quiz = create_assignment(teacher, settings(max_attempts=2))
    student = member("keen")
    start_assigned(student, quiz)
    start_assigned(student, quiz)  # the first is still open: it counts all the same
    with pytest.raises(LimitReached, match="all 2 of your attempts"):
        start_assigned(student, quiz)


def test_eight_parallel_starts_with_a_limit_of_one_give_exactly_one_attempt(app):
    with app.app_context():
        teacher = account("teacher", role="teacher")
        create_class(Viewer.of(teacher), "7B")
        quiz = create_assignment(teacher, settings())
        student, quiz_id = member("racer").id, quiz.id
    barrier = threading.Barrier(8)

    def start(_):
        with app.app_context():  # each thread its own session and connection, one SQLite file
            learner, assignment = db.session.get(Learner, student), db.session.get(Assignment, quiz_id)
            barrier.wait(timeout=10)
            try:
                start_assigned(learner, assignment)
            except LimitReached:
                return "refused"
            return "started"

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = sorted(pool.map(start, range(8)))
    assert outcomes == ["refused"] * 7 + ["started"]
    with app.app_context():
        stored = db.session.scalar(select(func.count()).where(Attempt.assignment_id == quiz_id))
    assert stored == 1
