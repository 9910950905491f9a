"""What the exam-lock tests share: banks, a class with its quiz, and the people around it."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime

from quizapp.bank.model import LoadResult
from quizapp.extensions import db
from quizapp.models import Assignment, AssignmentClass, ClassMember, Classroom, Learner
from quizapp.services import catalog
from tests.sample_bank import SAMPLE_BANK

OPENS, CLOSES = datetime(2026, 3, 2, 8, 0), datetime(2026, 3, 2, 10, 0)  # the clock starts at 9:00
OTHER_BANK = replace(SAMPLE_BANK, id="other", title="Another bank")
EXAM_BANK = replace(SAMPLE_BANK, id="exam", title="Exam questions", exam_only=True)
UNTIL = "until 2 Mar 2026, 10:00 UTC"
_codes = itertools.count(1)


def install_banks(app) -> None:
    """The sample bank, another bank, and a bank whose file says exam_only: true."""
    catalog.init_app(app, catalog.Catalog("unused", load=lambda folder: LoadResult(
        banks=(SAMPLE_BANK, OTHER_BANK, EXAM_BANK)), questions=lambda bank: bank.questions))


def person(username: str | None, role: str = "student") -> Learner:
    """A learner (a guest without a username), stored."""
    learner = Learner(username=username, display_name=username or "Guest", role=role)
    db.session.add(learner)
    db.session.flush()
    return learner


def classroom(name: str, owner: Learner, *members: Learner) -> Classroom:
    """A class with these members."""
    room = Classroom(name=name, code=name.upper()[:12], owner_id=owner.id)
    db.session.add(room)
    db.session.flush()
    db.session.add_all(ClassMember(class_id=room.id, learner_id=m.id) for m in members)
    db.session.flush()
    return room


def assign(teacher: Learner, *rooms: Classroom, bank: str = "sample", title: str = "Week 3",
           opens: datetime = OPENS, closes: datetime | None = CLOSES) -> Assignment:
    """An assigned quiz on the bank, set for these classes (none: one made before classes)."""
    quiz = Assignment(code=f"LOCK{next(_codes)}", title=title,
                      teacher_id=teacher.id, bank=bank, mode="mixed", length=4, seed=None,
                      opens=opens, closes=closes, max_attempts=None, time_limit=None)
    db.session.add(quiz)
    db.session.flush()
    db.session.add_all(AssignmentClass(assignment_id=quiz.id, class_id=r.id) for r in rooms)
    db.session.commit()
    return quiz
