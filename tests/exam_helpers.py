"""What the exam-clock tests share: an assigned quiz with a time limit and review options, set up
directly (the classes' rules are tested elsewhere), and an attempt at it as start_assigned stores
it, with its deadline."""

from __future__ import annotations

from datetime import datetime, timedelta

from quizapp.extensions import db
from quizapp.models import Assignment, Learner
from quizapp.services import accounts
from quizapp.services.attempts import checked_bank, deadline_of, draw, store
from quizapp.services.review import ALL, SCORE

START = datetime(2026, 3, 2, 9, 0)  # the `clock` fixture's time


def assigned(time_limit=15, closes=None, after_submit=SCORE, after_close=ALL, length=3,
             title="Treaty test"):
    """An assigned quiz of `length` choice questions on the sample bank, open since yesterday."""
    teacher = accounts.create_guest("Teacher")
    quiz = Assignment(code=f"C{teacher.id:05d}", title=title, teacher_id=teacher.id,
                      bank="sample", mode="choice", length=length, opens=START - timedelta(days=1),
                      closes=closes, time_limit=time_limit, review_after_submit=after_submit,
                      review_after_close=after_close)
    db.session.add(quiz)
    db.session.commit()
    return quiz


def take(learner, quiz):
    """Start the assigned quiz, as start_assigned stores it (with its deadline)."""
    bank = checked_bank(quiz.bank, quiz.mode, quiz.length)
    return store(learner, bank, quiz.mode, 7, draw(learner, bank, quiz.mode, quiz.length, 7),
                 assignment_id=quiz.id, deadline=deadline_of(quiz))


def right(attempt, n=None):
    """The right answers to the first n items (all by default), by item id."""
    items = attempt.items if n is None else attempt.items[:n]
    return {i.public_id: i.snapshot.key[0] if i.snapshot.type == "choice" else list(i.snapshot.key)
            for i in items}


def start_assigned_for(app, username, **settings):
    """An attempt of the learner `username` at a new assigned quiz: (attempt id, quiz id)."""
    with app.app_context():
        learner = db.session.query(Learner).filter_by(username=username).one()
        quiz = assigned(**settings)
        return take(learner, quiz).id, quiz.id
