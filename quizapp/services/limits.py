"""Limits on what one account or one address can create: quizzes, practice questions, guests.

Each limit is counted inside the write transaction that inserts the new row, after a lock that
makes parallel requests take turns (SQLite's BEGIN IMMEDIATE excludes every other writer; on
PostgreSQL the learner's row lock, or an advisory lock on the address), so no burst of requests
gets past a limit, whatever the number of workers.

- At most OPEN_QUIZZES unfinished free or review quizzes per learner: one more is refused with
  the list of those to finish (TooManyOpen, 409: waiting does not help, so not a 429). Assigned
  quizzes are never refused by it (a student must be able to sit an exam), and practice questions
  are not counted (one left unanswered costs nothing and is normal).
- At most STARTS_PER_MINUTE quizzes (free, review or assigned) and PRACTICE_PER_MINUTE practice
  questions started per learner in any minute (RateLimited, 429 with Retry-After). Practice
  stores one attempt per question, so its limit is higher; a person answering as fast as they can
  read stays well under both.
- At most GUESTS_PER_HOUR guests made from one address in any hour (RateLimited). A school's
  classes behind one address share it: 20 an hour is a class arriving at once, and a teacher can
  raise it (QUIZAPP_GUESTS_PER_HOUR); students with accounts are not limited by it.
"""

from __future__ import annotations

import math
import zlib
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, func, select, text

from ..database import serialised_writes
from ..extensions import db
from ..i18n import _l, _n
from ..models import Attempt, GuestCreation
from ..quiz.rules import PRACTICE
from . import fast
from .errors import RateLimited, TooManyOpen

OPEN_QUIZZES = 5
STARTS_PER_MINUTE = 10
PRACTICE_PER_MINUTE = 60
GUESTS_PER_HOUR = 20
MINUTE, HOUR = timedelta(minutes=1), timedelta(hours=1)


def _setting(name: str, default: int) -> int:
    """A limit from the app's config (QUIZAPP_<NAME>), else its default."""
    return int(current_app.config.get(name, default))


def _wait(recent: list[datetime], window: timedelta, now: datetime) -> int:
    """Whole seconds until the oldest of `recent` leaves the window (at least 1; the whole
    window if a limit of 0 leaves nothing to wait for)."""
    oldest = recent[-1] if recent else now
    return max(1, math.ceil((oldest + window - now).total_seconds()))


def _in_words(seconds: int) -> str:
    if seconds < 90:
        return str(_n("%(num)d second", "%(num)d seconds", seconds))
    return str(_n("%(num)d minute", "%(num)d minutes", math.ceil(seconds / 60)))


def open_quizzes(learner_id: int, limit: int | None = None) -> list[tuple[str, str, datetime]]:
    """The learner's unfinished free and review quizzes (id, bank id, started), oldest first
    (the first `limit` of them). The page or the API titles each bank in its reader's language."""
    rows = db.session.execute(
        select(Attempt.id, Attempt.bank, Attempt.started)
        .where(Attempt.learner_id == learner_id, Attempt.submitted.is_(None),
               Attempt.assignment_id.is_(None), Attempt.mode != PRACTICE)
        .order_by(Attempt.started, Attempt.id).limit(limit))
    return [(id_, bank, started) for id_, bank, started in rows]


def check_start(learner_id: int, mode: str, assigned: bool, now: datetime) -> None:
    """Refuse a new attempt of the learner's beyond a limit; call inside the insert's write
    transaction, before the insert."""
    if not serialised_writes():
        fast.lock_learner(learner_id)  # the learner's starts take turns (PostgreSQL)
    practice = mode == PRACTICE
    limit = (_setting("PRACTICE_PER_MINUTE", PRACTICE_PER_MINUTE) if practice
             else _setting("STARTS_PER_MINUTE", STARTS_PER_MINUTE))
    kind = Attempt.mode == PRACTICE if practice else Attempt.mode != PRACTICE
    recent = list(db.session.scalars(
        select(Attempt.started)
        .where(Attempt.learner_id == learner_id, kind, Attempt.started > now - MINUTE)
        .order_by(Attempt.started.desc()).limit(limit)))
    if len(recent) >= limit:
        wait = _wait(recent, MINUTE, now)
        message = (_l("You started %(limit)d practice questions in the last minute: wait "
                      "%(wait)s, then try again.", limit=limit, wait=_in_words(wait)) if practice
                   else _l("You started %(limit)d quizzes in the last minute: wait %(wait)s, "
                           "then try again.", limit=limit, wait=_in_words(wait)))
        raise RateLimited(message, wait)
    if practice or assigned:
        return
    cap = _setting("OPEN_QUIZZES", OPEN_QUIZZES)
    unfinished = open_quizzes(learner_id, max(cap, 1))  # no more rows than the cap needs
    if len(unfinished) >= cap:
        raise TooManyOpen(_l("You have %(cap)d quizzes not submitted yet: finish or submit one "
                             "of them before starting another (at most %(cap)d open at a time).",
                             cap=cap), unfinished)


def _lock_address(address: str) -> None:
    """Make guest creations from one address take turns (PostgreSQL's advisory lock, released at
    the end of the transaction; SQLite's writes already do)."""
    if not serialised_writes():
        db.session.execute(text("SELECT pg_advisory_xact_lock(:k1, :k2)"),
                           {"k1": 0x51505547, "k2": zlib.crc32(address.encode()) - 2**31})


def note_guest(address: str, now: datetime) -> None:
    """Count a guest made from `address`, or refuse it (RateLimited) past the hourly limit; call
    inside the insert's write transaction. Creations older than the window are forgotten."""
    address = address[:64]
    _lock_address(address)
    limit = _setting("GUESTS_PER_HOUR", GUESTS_PER_HOUR)
    recent = list(db.session.scalars(
        select(GuestCreation.at)
        .where(GuestCreation.address == address, GuestCreation.at > now - HOUR)
        .order_by(GuestCreation.at.desc()).limit(limit)))
    if len(recent) >= limit:
        wait = _wait(recent, HOUR, now)
        raise RateLimited(_l("%(limit)d guests were started from your network in the last hour: "
                             "try again in %(wait)s, or sign in with an account.", limit=limit,
                             wait=_in_words(wait)), wait)
    db.session.execute(delete(GuestCreation).where(GuestCreation.at < now - HOUR))
    db.session.add(GuestCreation(address=address, at=now))


def guests_from(address: str) -> int:
    """How many guest creations from an address are remembered (for tests)."""
    return db.session.scalar(
        select(func.count()).where(GuestCreation.address == address[:64])) or 0
