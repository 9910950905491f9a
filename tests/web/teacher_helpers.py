"""Helpers for the teacher's page tests: a teacher signed in, and quizzes taken by a class."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.services import accounts
from quizapp.services.attempts import (
    checked_bank,
    draw,
    new_seed,
    start_attempt,
    store,
    submit_attempt,
)

XSS = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def sign_in_teacher(auth, username="teach", role="teacher"):
    """A teacher account (or an admin's, who sees every learner), signed in on the client."""
    auth.create(username, role=role)
    auth.login(username)


def sign_in_admin(auth, username="head"):
    """An admin account, signed in: sees every learner, guests included."""
    sign_in_teacher(auth, username, role="admin")


def make_class(client, name="7B", members=()):
    """A class made through the teacher's pages (members added by username); its id."""
    response = client.post("/teacher/classes", data={"name": name})
    assert response.status_code == 303, response.text
    class_id = int(response.location.rsplit("/", 1)[1])
    if members:
        added = client.post(f"/teacher/classes/{class_id}/members",
                            data={"usernames": "\n".join(members)})
        assert added.status_code == 303, added.text
    return class_id


def answer(snapshot, right):
    """A right answer to the snapshot's question, or one that scores 0."""
    key, qtype = list(snapshot.key), snapshot.type
    if right:
        return key[0] if qtype == "choice" else key
    wrong = [o.id for o in snapshot.options if o.id not in key]
    if qtype == "choice":
        return wrong[0]
    if qtype == "multiple":
        return wrong[:1]
    return list(reversed(key))  # every pair out of order: 0 by `pairs`


def learner_named(name):
    """The guest with this display name, made on first use."""
    found = db.session.scalar(select(Learner).where(Learner.display_name == name))
    return found or accounts.create_guest(name)


def take(app, name, right=(), bank="sample", started=None, assignment_id=None, submit=True):
    """`name` takes a quiz on every question of the bank, right on the question ids in `right`.

    The sample bank has four questions, so a quiz of 10 serves all four. Gives the attempt's id.
    """
    with app.app_context():
        learner = learner_named(name)
        if assignment_id is None:
            attempt = start_attempt(learner, bank, "mixed", 10)
        else:  # stored as an assigned quiz's start stores it: its open window pauses self-study
            quiz_bank, seed = checked_bank(bank, "mixed", 10), new_seed()
            attempt = store(learner, quiz_bank, "mixed", seed,
                            draw(learner, quiz_bank, "mixed", 10, seed), assignment_id=assignment_id)
        if submit:
            answers = {i.public_id: answer(i.snapshot, i.question_id in right)
                       for i in attempt.items}
            submit_attempt(learner, attempt.id, answers)
        changes = {"started": started} if started else {}
        if assignment_id is not None:
            changes["assignment_id"] = assignment_id
        if changes:
            db.session.execute(update(Attempt).where(Attempt.id == attempt.id).values(**changes))
            db.session.commit()
        return attempt.id


def at(day, hour=12):
    """A UTC time on a day of November 2026."""
    return datetime(2026, 11, day, hour)


def learner_id(app, name):
    """The id of the guest with this display name."""
    with app.app_context():
        return learner_named(name).id
