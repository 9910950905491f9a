"""The shortcuts past the ORM that pay on the hottest paths, in one place, each measured.

Every function here does what a plain ORM call would, faster; tests/test_fast.py pins that, and
docs/performance.md has the figures. The services call these and read like the rest of the code:

- statements built once (building one cost about as much as running it);
- the quiz page's one Core statement instead of loading the attempt through the ORM;
- an attempt already in the session's identity map is taken from it, with no statement;
- a submission's claim, answers and score written by Core, and set on the loaded objects with
  `set_committed_value` (the unit of work's bookkeeping for ten items cost more than the UPDATE);
- a submission's review cards read, updated and inserted a few statements for all its facts,
  not by the unit of work (a quiz tests about twenty facts, and flushing forty objects one by one
  cost more than the rest of a submission);
- the signed-in learner read as a small `SignedIn` record by one Core statement on every request
  (loading the ORM row cost a fifth of a quiz page's CPU).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from flask_login import UserMixin
from sqlalchemy import CursorResult, bindparam, insert, select, update
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from ..extensions import db
from ..models import Assignment, Attempt, AttemptItem, Card, Learner, ReviewLog, table_of

_ATTEMPTS, _ITEMS, _LEARNERS = table_of(Attempt), table_of(AttemptItem), table_of(Learner)
_ASSIGNMENTS = table_of(Assignment)
CLAIM = (update(_ATTEMPTS)
         .where(_ATTEMPTS.c.id == bindparam("attempt_id"), _ATTEMPTS.c.submitted.is_(None))
         .values(submitted=bindparam("now"), score=bindparam("new_score")))
STORE_ANSWERS = (update(_ITEMS).where(_ITEMS.c.id == bindparam("item_id"))
                 .values(answer=bindparam("answer"), points=bindparam("points")))
# The quiz page's one statement: the attempt's owner, bank, state, start and deadline, its
# assigned quiz's title and time limit, with its items (and their saved answers) in order.
OPEN_QUIZ = (select(_ATTEMPTS.c.id, _ATTEMPTS.c.learner_id, _ATTEMPTS.c.bank,
                    _ATTEMPTS.c.submitted, _ATTEMPTS.c.started, _ATTEMPTS.c.deadline,
                    _ASSIGNMENTS.c.title, _ASSIGNMENTS.c.time_limit,
                    _ITEMS.c.public_id, _ITEMS.c.snapshot, _ITEMS.c.answer)
             .select_from(_ATTEMPTS.outerjoin(_ITEMS, _ITEMS.c.attempt_id == _ATTEMPTS.c.id)
                          .outerjoin(_ASSIGNMENTS,
                                     _ASSIGNMENTS.c.id == _ATTEMPTS.c.assignment_id))
             .where(_ATTEMPTS.c.id == bindparam("attempt_id"))
             .order_by(_ITEMS.c.position))
# A draft is saved only while its attempt is open; the row lock makes a claim wait (PostgreSQL).
LOCK_OPEN_ATTEMPT = (select(_ATTEMPTS.c.id)
                     .where(_ATTEMPTS.c.id == bindparam("attempt_id"),
                            _ATTEMPTS.c.submitted.is_(None))
                     .with_for_update())
SAVED_ANSWERS = select(_ITEMS.c.public_id, _ITEMS.c.answer).where(
    _ITEMS.c.attempt_id == bindparam("attempt_id"))
SAVE_DRAFT = (update(_ITEMS).where(_ITEMS.c.id == bindparam("item_id"))
              .values(answer=bindparam("answer")))
# An attempt with its items, in one statement: Session.get then a lazy load cost twice this.
ATTEMPT_WITH_ITEMS = (select(Attempt).options(joinedload(Attempt.items))
                      .where(Attempt.id == bindparam("attempt_id")))
_CARDS = table_of(Card)
CARDS_OF_FACTS = select(_CARDS.c.fact_id, _CARDS.c.id, _CARDS.c.fsrs).where(
    _CARDS.c.learner_id == bindparam("learner_id"), _CARDS.c.bank == bindparam("bank"),
    _CARDS.c.fact_id.in_(bindparam("fact_ids", expanding=True)))
UPDATE_CARD = update(_CARDS).where(_CARDS.c.id == bindparam("card_id")).values(
    fsrs=bindparam("fsrs"), due=bindparam("due"), state=bindparam("state"))
INSERT_CARDS = insert(_CARDS).returning(_CARDS.c.fact_id, _CARDS.c.id)
INSERT_REVIEW = insert(table_of(ReviewLog))
LOCK_LEARNER = select(_LEARNERS.c.id).where(_LEARNERS.c.id == bindparam("learner_id")) \
    .with_for_update()
SIGNED_IN = select(_LEARNERS.c.id, _LEARNERS.c.username, _LEARNERS.c.display_name,
                   _LEARNERS.c.role, _LEARNERS.c.session_epoch, _LEARNERS.c.language).where(
                       _LEARNERS.c.id == bindparam("learner_id"))


def load_attempt(attempt_id: str) -> Attempt | None:
    """The attempt with its items: from the session if it holds it, else by one statement."""
    session = db.session()
    if identity_key(Attempt, attempt_id) in session.identity_map:
        return session.get(Attempt, attempt_id)
    return session.execute(ATTEMPT_WITH_ITEMS, {"attempt_id": attempt_id}
                           ).unique().scalar_one_or_none()


def quiz_rows(attempt_id: str) -> Sequence[Any]:
    """The attempt (id, learner_id, bank, submitted) on each of its items' rows (public_id,
    snapshot), in order; one row with no item fields for an attempt without items."""
    return db.session.execute(OPEN_QUIZ, {"attempt_id": attempt_id}).all()


def lock_open_attempt(attempt_id: str) -> bool:
    """Whether the attempt is still open, its row locked until the transaction ends (PostgreSQL;
    SQLite's write transaction already excludes every other writer)."""
    return db.session.execute(LOCK_OPEN_ATTEMPT, {"attempt_id": attempt_id}).first() is not None


def saved_answers(attempt_id: str) -> dict[str, Any]:
    """The answers stored on the attempt's items now, by public id (None: unanswered)."""
    rows = db.session.execute(SAVED_ANSWERS, {"attempt_id": attempt_id})
    return {public_id: answer for public_id, answer in rows}


def save_draft(answers: Iterable[tuple[AttemptItem, Any]]) -> None:
    """Every item's (item, saved answer) in one executemany UPDATE, and on the loaded items."""
    given = list(answers)
    if not given:
        return
    db.session.execute(SAVE_DRAFT, [{"item_id": item.id, "answer": answer}
                                    for item, answer in given])
    for item, answer in given:
        set_committed_value(item, "answer", answer)


def claim(attempt: Attempt, now: datetime, score: float) -> bool:
    """Mark the attempt submitted with its score, if no one has: of parallel claims one wins."""
    result = db.session.execute(CLAIM, {"attempt_id": attempt.id, "now": now, "new_score": score})
    won = cast(CursorResult[Any], result).rowcount == 1
    if won:
        set_committed_value(attempt, "submitted", now)  # what the UPDATE stored
        set_committed_value(attempt, "score", score)
    return won


def store_answers(answers: Iterable[tuple[AttemptItem, Any, float]]) -> None:
    """Every item's (item, answer, points) in one executemany UPDATE, and on the loaded items."""
    given = list(answers)
    db.session.execute(STORE_ANSWERS, [
        {"item_id": item.id, "answer": answer, "points": points} for item, answer, points in given
    ])
    for item, answer, points in given:
        set_committed_value(item, "answer", answer)
        set_committed_value(item, "points", points)


def cards_of_facts(learner_id: int, bank: str, fact_ids: list[str]) -> Sequence[Any]:
    """The learner's cards on these facts of the bank, as rows (fact_id, id, fsrs)."""
    return db.session.execute(CARDS_OF_FACTS, {
        "learner_id": learner_id, "bank": bank, "fact_ids": fact_ids}).all()


def update_cards(values: list[dict[str, Any]]) -> None:
    """Update cards (card_id, fsrs, due, state) in one executemany; the session forgets its
    copies of them, so nothing reads their old state."""
    if not values:
        return
    db.session.execute(UPDATE_CARD, values)
    session = db.session()
    for row in values:
        card = session.identity_map.get(session.identity_key(Card, row["card_id"]))
        if card is not None:
            session.expire(card)


def insert_cards(rows: list[dict[str, Any]]) -> dict[str, int]:
    """New cards in one statement: their ids by fact id."""
    if not rows:
        return {}
    return {fact_id: card_id for fact_id, card_id in db.session.execute(INSERT_CARDS, rows)}


def insert_reviews(rows: list[dict[str, Any]]) -> None:
    """Review-log rows (card_id, rating, reviewed, attempt_item_id) in one executemany."""
    db.session.execute(INSERT_REVIEW, rows)


def lock_learner(learner_id: int) -> None:
    """Lock the learner's row until the transaction ends (PostgreSQL; SQLite locks it all)."""
    db.session.execute(LOCK_LEARNER, {"learner_id": learner_id})


@dataclass(frozen=True, slots=True, eq=False)
class SignedIn(UserMixin):
    """The signed-in learner as a request sees them: `current_user` on every page.

    Not the ORM row: a page needs no more than these columns. Code that changes a learner
    loads their `Learner` by this id.
    """

    id: int
    username: str | None
    display_name: str
    role: str
    session_epoch: int
    language: str | None = None  # the interface's language they chose, if any

    get_id = Learner.get_id

    is_guest = Learner.is_guest
    is_teacher = Learner.is_teacher
    is_admin = Learner.is_admin


def load_signed_in(user_id: str) -> SignedIn | None:
    """The signed-in learner, from the session's user id "<learner id>.<session epoch>"
    (Flask-Login's user loader): None, signed out, once the learner's epoch has moved on (they
    signed out, or changed their password), and for a cookie made before epochs were kept."""
    learner_id, dot, epoch = user_id.partition(".")
    if not (dot and learner_id.isdigit() and epoch.isdigit()):
        return None
    row = db.session.connection().execute(SIGNED_IN, {"learner_id": int(learner_id)}).first()
    return None if row is None or row.session_epoch != int(epoch) else SignedIn(*row)
