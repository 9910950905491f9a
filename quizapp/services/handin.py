"""Handing in an attempt: by the learner (a submission) or by the clock (an overdue attempt).

Both go the same way, inside one write transaction: grade the answers from the stored snapshots,
claim the attempt (`UPDATE ... WHERE submitted IS NULL`: of a submission and a closing at the same
moment, one wins and the other changes nothing), store the answers and review the learner's cards.

No attempt of an assigned quiz stays open past its deadline (plus `GRACE`, for answers in
flight): whatever reads one first closes it, handing in the answers saved by then (the quiz page,
the review, the history, the API, the teacher's results and CSV, and `flask attempts
close-overdue`). Its `submitted` time is its deadline.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..database import serialised_writes, write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import Attempt
from ..quiz.rules import GRACE, overdue
from ..quiz.snapshot import AnswerError, check_answer, grade_snapshot
from . import fast
from .cards import record_reviews
from .errors import AlreadySubmitted
from .rules import shown


class TooLate(AlreadySubmitted):
    """Answers that came after the deadline (and its grace): the attempt is handed in without
    them, with the answers saved by then."""


def too_late(attempt: Attempt) -> TooLate:
    """The refusal of a late answer, saying when time was up and what was kept."""
    return TooLate(_l("Time was up at %(when)s: these answers came too late and were not kept. "
                      "The answers saved by then were handed in; see your score below.",
                      when=shown(attempt.deadline)))


def by_the_clock(attempt: Attempt) -> bool:
    """Whether the attempt was handed in at its deadline by the clock, not by the learner."""
    return attempt.submitted is not None and attempt.submitted == attempt.deadline


def hand_in(attempt: Attempt, checked: Mapping[str, Any], submitted: datetime,
            now: datetime) -> bool:
    """Grade and store the checked answers (by item id) and review the cards, in the caller's
    write transaction; False, with nothing written, if the attempt was already handed in."""
    items = {item.public_id: item for item in attempt.items}
    points = {k: grade_snapshot(item.snapshot, checked.get(k)) for k, item in items.items()}
    if not fast.claim(attempt, submitted, sum(points.values())):
        db.session.expire(attempt)  # handed in by another request: read what it stored
        return False
    # One learner's submissions take turns from here: two of them at once would both find a
    # fact's card missing and both insert it. SQLite's BEGIN IMMEDIATE already serialises every
    # write (so the lock is skipped there: it held the write lock for nothing); on PostgreSQL this
    # row lock does it for the learner alone.
    if not serialised_writes():
        fast.lock_learner(attempt.learner_id)
    fast.store_answers((item, checked.get(k), points[k]) for k, item in items.items())
    record_reviews(attempt, now)
    return True


def saved_answers(attempt: Attempt) -> dict[str, Any]:
    """The answers saved on an open attempt as the database holds them now, by item id; any
    that no longer checks is dropped."""
    snapshots = {item.public_id: item.snapshot for item in attempt.items}
    saved = {}
    for item_id, answer in fast.saved_answers(attempt.id).items():
        try:
            saved[item_id] = check_answer(snapshots[item_id], answer)
        except (AnswerError, KeyError):
            continue
    return saved


def _close(attempt: Attempt, now: datetime) -> bool:
    """Hand in an overdue attempt with its saved answers, in the caller's write transaction:
    its row locked first, so a draft being saved is in, or out, whole."""
    if attempt.deadline is None or not fast.lock_open_attempt(attempt.id):
        return False
    return hand_in(attempt, saved_answers(attempt), min(attempt.deadline, now), now)


def close_if_overdue(attempt: Attempt, now: datetime) -> bool:
    """Hand in an open attempt past its deadline with its saved answers; whether this did it."""
    if attempt.submitted is not None or not overdue(attempt.deadline, now):
        return False
    with write_transaction():
        closed = _close(attempt, now)
    if not closed:
        db.session.expire(attempt)  # handed in by another request: read what it stored
    return closed


def close_overdue(now: datetime, learner_id: int | None = None,
                  assignment_id: int | None = None) -> int:
    """Hand in every open attempt past its deadline (of one learner, or one assigned quiz, if
    given); how many. Nothing overdue costs one probe of the index of open attempts' deadlines."""
    query = select(Attempt.id).where(Attempt.submitted.is_(None), Attempt.deadline.is_not(None),
                                     Attempt.deadline < now - GRACE)
    if learner_id is not None:
        query = query.where(Attempt.learner_id == learner_id)
    if assignment_id is not None:
        query = query.where(Attempt.assignment_id == assignment_id)
    ids = list(db.session.scalars(query))
    if not ids:
        return 0
    closed = 0
    with write_transaction():
        for attempt_id in ids:
            attempt = fast.load_attempt(attempt_id)
            if attempt is not None:
                closed += _close(attempt, now)
    return closed
