"""Start, submit and review attempts: the one place that joins the bank, the quiz and the rows.

The rules that keep scores honest live here, shared by the pages and the API: the quiz is stored
before it is shown, grading reads only the stored snapshot, an attempt belongs to one learner and
is submitted once. Submitting also reviews the learner's card of every fact the answers tested, in
the same transaction.
"""

from __future__ import annotations

import random
import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from .. import clock
from ..bank.model import Bank
from ..database import serialised_writes, write_transaction
from ..extensions import db
from ..models import Attempt, AttemptItem, Learner
from ..quiz.build import MODES, QuizError, QuizItem, build_quiz, build_review
from ..quiz.snapshot import AnswerError, check_answers, grade_snapshot, make_snapshot
from .cards import due_facts, record_reviews
from .catalog import current_catalog
from .errors import AlreadySubmitted, Invalid, NotFound, Unbuildable

LOCK_LEARNER = (
    select(Learner.id).where(Learner.id == bindparam("learner_id")).with_for_update()
)
MIN_LENGTH, MAX_LENGTH, DEFAULT_LENGTH = 1, 50, 10
SEED_LIMIT = 2**31  # seeds fit the 32-bit integer column PostgreSQL gives `attempt.seed`
REVIEW, PRACTICE = "review", "practice"
ATTEMPT_MODES = (*MODES, REVIEW)  # what a quiz can be started in; practice has its own pages

# A submission's statements, built once: building one cost about as much as running it.
_ATTEMPTS, _ITEMS = Attempt.__table__, AttemptItem.__table__
CLAIM = (update(_ATTEMPTS)
         .where(_ATTEMPTS.c.id == bindparam("attempt_id"), _ATTEMPTS.c.submitted.is_(None))
         .values(submitted=bindparam("now"), score=bindparam("new_score")))
STORE_ANSWERS = (update(_ITEMS).where(_ITEMS.c.id == bindparam("item_id"))
                 .values(answer=bindparam("answer"), points=bindparam("points")))
# The quiz page's one statement: the attempt's owner, bank and state, with its items in order.
OPEN_QUIZ = (select(_ATTEMPTS.c.id, _ATTEMPTS.c.learner_id, _ATTEMPTS.c.bank,
                    _ATTEMPTS.c.submitted, _ITEMS.c.public_id, _ITEMS.c.snapshot)
             .select_from(_ATTEMPTS.outerjoin(_ITEMS, _ITEMS.c.attempt_id == _ATTEMPTS.c.id))
             .where(_ATTEMPTS.c.id == bindparam("attempt_id"))
             .order_by(_ITEMS.c.position))
NOT_YOURS = "There is no such attempt among yours."
# An attempt with its items, in one statement: every caller of find_attempt reads the items, and
# Session.get then a lazy load of them cost twice this.
ATTEMPT_WITH_ITEMS = (select(Attempt).options(joinedload(Attempt.items))
                      .where(Attempt.id == bindparam("attempt_id")))




def _ids() -> Any:
    """A maker of short random ids, never the same twice in one attempt."""
    used: set[str] = set()

    def new_id() -> str:
        while (token := secrets.token_hex(4)) in used:
            pass
        used.add(token)
        return token

    return new_id


def _is_whole(value: Any) -> bool:
    """An int that is not a bool: JSON's `true` must not pass for a length of 1."""
    return isinstance(value, int) and not isinstance(value, bool)


def _checked_bank(bank_id: Any, mode: Any, length: Any, seed: Any) -> Bank:
    """The bank to build from, once the request is known to be well-formed; Invalid if not."""
    bank = current_catalog().get(bank_id) if isinstance(bank_id, str) else None
    if bank is None:
        raise Invalid(f"There is no question bank {bank_id!r}.")
    if mode not in ATTEMPT_MODES:
        raise Invalid(f"A quiz mode is one of {', '.join(ATTEMPT_MODES)}.")
    if not _is_whole(length) or not MIN_LENGTH <= length <= MAX_LENGTH:
        raise Invalid(f"A quiz has {MIN_LENGTH} to {MAX_LENGTH} questions.")
    if seed is not None and (not _is_whole(seed) or not 0 <= seed < SEED_LIMIT):
        raise Invalid(f"A seed is a whole number from 0 to {SEED_LIMIT - 1}.")
    return bank


def _build(
    learner: Learner, bank: Bank, mode: str, length: int, rng: random.Random
) -> list[QuizItem]:
    """The quiz: drawn from the bank's pool or, for review, asked on the learner's due facts."""
    pool = current_catalog().pool(bank.id)
    try:
        if mode != REVIEW:
            return build_quiz(pool, mode, length, rng)
        due = due_facts(learner.id, bank, clock.now())
        if not due:
            raise Unbuildable("Nothing in this bank is due for review yet: come back later, "
                              "or take another quiz.")
        return build_review(pool, due, length, rng)
    except QuizError as e:
        raise Unbuildable(f"{e}: choose another mode or bank.") from None


def start_attempt(
    learner: Learner, bank_id: str, mode: str, length: int, seed: int | None = None
) -> Attempt:
    """Build a quiz and store it, with a snapshot of every question, before it is shown."""
    return _save(build_attempt(learner, bank_id, mode, length, seed))


def build_attempt(
    learner: Learner, bank_id: str, mode: str, length: int, seed: int | None = None
) -> Attempt:
    """A quiz built into an attempt with its snapshots, not yet stored (the caller stores it)."""
    bank = _checked_bank(bank_id, mode, length, seed)
    seed = secrets.randbelow(SEED_LIMIT) if seed is None else seed
    return new_attempt(learner, bank, mode, seed,
                       _build(learner, bank, mode, length, random.Random(seed)))


def new_attempt(
    learner: Learner, bank: Bank, mode: str, seed: int, quiz: list[QuizItem]
) -> Attempt:
    """A built quiz as the learner's new attempt, with a snapshot of every question; unsaved."""
    new_id = _ids()
    attempt = Attempt(
        id=secrets.token_urlsafe(12), learner_id=learner.id, bank=bank.id, mode=mode, seed=seed,
        started=clock.now(), max_score=float(len(quiz)),
    )
    attempt.items = [
        AttemptItem(position=i, public_id=new_id(), question_id=item.question.id,
                    snapshot=make_snapshot(item, bank, new_id))
        for i, item in enumerate(quiz)
    ]
    return attempt


def store_attempt(
    learner: Learner, bank: Bank, mode: str, seed: int, quiz: list[QuizItem]
) -> Attempt:
    """Store a built quiz as the learner's new attempt, before it is shown."""
    return _save(new_attempt(learner, bank, mode, seed, quiz))


def _save(attempt: Attempt) -> Attempt:
    with write_transaction():
        db.session.add(attempt)
        db.session.flush()
    return attempt


def find_attempt(learner: Learner, attempt_id: str) -> Attempt:
    """The learner's attempt; NotFound for one that is not there or is someone else's."""
    attempt = None
    if isinstance(attempt_id, str):
        session = db.session()
        if identity_key(Attempt, attempt_id) in session.identity_map:  # loaded: no statement
            attempt = session.get(Attempt, attempt_id)
        else:
            attempt = session.execute(ATTEMPT_WITH_ITEMS, {"attempt_id": attempt_id}
                                      ).unique().scalar_one_or_none()
    if attempt is None or attempt.learner_id != learner.id:
        raise NotFound(NOT_YOURS)
    return attempt


def open_quiz(learner: Learner, attempt_id: str) -> tuple[Any, list[tuple[str, dict]]] | None:
    """An open attempt of the learner's as a row (id, bank), and its items as (public id,
    snapshot) in order; None once it is submitted (its review loads it whole). NotFound as in
    find_attempt.

    One Core statement, not ORM objects: the quiz page is the most often drawn, and loading the
    attempt through the ORM cost more than the query.
    """
    rows = (db.session.execute(OPEN_QUIZ, {"attempt_id": attempt_id}).all()
            if isinstance(attempt_id, str) else ())
    if not rows or rows[0].learner_id != learner.id:
        raise NotFound(NOT_YOURS)
    if rows[0].submitted is not None:
        return None
    return rows[0], [(row.public_id, row.snapshot) for row in rows if row.public_id is not None]


def submit_attempt(learner: Learner, attempt_id: str, answers: Any) -> Attempt:
    """Grade the answers from the stored snapshots and keep the score; once only."""
    attempt = find_attempt(learner, attempt_id)
    if attempt.submitted is not None:
        raise AlreadySubmitted("This attempt was already submitted; its score stands.")
    items = {item.public_id: item for item in attempt.items}
    try:
        checked = check_answers({k: item.snapshot for k, item in items.items()}, answers)
    except AnswerError as e:
        raise Invalid(f"Those answers do not fit this quiz: {e}.") from None
    points = {k: grade_snapshot(item.snapshot, checked.get(k)) for k, item in items.items()}
    now, score = clock.now(), sum(points.values())
    with write_transaction():
        # The claim is atomic: of parallel submissions one wins.
        claimed = db.session.execute(
            CLAIM, {"attempt_id": attempt.id, "now": now, "new_score": score}).rowcount
        if claimed != 1:
            raise AlreadySubmitted("This attempt was already submitted; its score stands.")
        # One learner's submissions take turns from here: two of them at once would both find a
        # fact's card missing and both insert it. SQLite's BEGIN IMMEDIATE already serialises
        # every write (so the statement is skipped there: it held the write lock for nothing); on
        # PostgreSQL this row lock does it for the learner alone.
        if not serialised_writes():
            db.session.execute(LOCK_LEARNER, {"learner_id": attempt.learner_id})
        _store_answers(items, checked, points)
        record_reviews(attempt, now)
    set_committed_value(attempt, "submitted", now)  # what the UPDATE above stored
    set_committed_value(attempt, "score", score)
    return attempt


def _store_answers(items: dict[str, AttemptItem], checked: dict, points: dict) -> None:
    """Every item's answer and points in one executemany UPDATE, and on the loaded items too.

    Written with Core rather than flushed: the unit of work's bookkeeping for ten dirty items
    cost more than the statement itself.
    """
    db.session.execute(STORE_ANSWERS, [
        {"item_id": item.id, "answer": checked.get(key), "points": points[key]}
        for key, item in items.items()
    ])
    for key, item in items.items():
        set_committed_value(item, "answer", checked.get(key))
        set_committed_value(item, "points", points[key])


def attempts_of(learner: Learner, limit: int | None = None) -> list[Attempt]:
    """The learner's attempts, newest started first."""
    query = (
        select(Attempt)
        .where(Attempt.learner_id == learner.id)
        .order_by(Attempt.started.desc(), Attempt.id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


def iso(moment: datetime | None) -> str | None:
    """A stored UTC time in ISO 8601, e.g. 2026-11-27T21:30:00Z."""
    return None if moment is None else moment.isoformat(timespec="seconds") + "Z"


def attempt_summary(attempt: Attempt) -> dict:
    """The short form of an attempt, as listed."""
    return {
        "id": attempt.id, "bank": attempt.bank, "mode": attempt.mode, "status": attempt.status,
        "started": iso(attempt.started), "submitted": iso(attempt.submitted),
        "score": attempt.score, "max_score": attempt.max_score, "percent": attempt.percent,
    }


def item_json(item: AttemptItem, submitted: bool) -> dict:
    """One item as the client sees it: no key, no question or fact id until submitted."""
    snap = item.snapshot
    shown = {"id": item.public_id, "type": snap["type"], "prompt": snap["prompt"],
             "options": [{"id": o["id"], "text": o["text"]} for o in snap["options"]]}
    if submitted:
        shown |= {
            "points": item.points, "correct": item.points == 1.0, "answer": item.answer,
            "key": snap["key"], "question_id": snap["question_id"],
            "explanation": snap["explanation"],
            "facts": [{"id": f["id"], "year": f["year"], "text": f["text"]} for f in snap["facts"]],
        }
    return shown


def attempt_json(attempt: Attempt) -> dict:
    """The attempt as the API gives it: with results once submitted."""
    done = attempt.submitted is not None
    shown = {k: v for k, v in attempt_summary(attempt).items() if done or k not in RESULT_KEYS}
    shown["items"] = [item_json(item, done) for item in attempt.items]
    return shown


RESULT_KEYS = ("score", "max_score", "percent")
