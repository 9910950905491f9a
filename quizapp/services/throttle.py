"""Slowing down password guessing: failed sign-ins are limited per account and per address.

Strict per account (a handful of tries, then a wait), generous per address: a whole class often
signs in from one school address, and a few typos each must never lock them all out. Failures are
kept in the database, so every server process (and every server) counts the same ones.

An account's failures are counted by its username key (models.people.username_key), whatever case
or Unicode form was typed. Each is noted in a bucket: the key, or for a legacy twin the key and
its id, so that a sign-in clears only its own account's failures (signing in to a twin one owns
must not wipe the guesses at the account it shadows), while the limit counts them all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, or_, select

from ..extensions import db
from ..models import SignInFailure

WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5  # failures in WINDOW before an account must wait
PER_ADDRESS = 300  # failures in WINDOW from one address (a school of several classes)


@dataclass(frozen=True)
class Throttled(Exception):
    """Too many failed sign-ins; `retry_after` is in whole seconds."""

    retry_after: int
    per_account: bool

    def __str__(self) -> str:
        minutes = max(1, math.ceil(self.retry_after / 60))
        what = "this account" if self.per_account else "your network"
        return (f"Too many failed sign-ins for {what}: try again in {minutes} "
                f"minute{'s' if minutes != 1 else ''}.")


def _retry_after(which: ColumnElement[bool], limit: int, now: datetime) -> int | None:
    """Seconds until the oldest failure that keeps `which` at its limit leaves the window."""
    since = now - WINDOW
    recent = (select(SignInFailure.at).where(which, SignInFailure.at > since)
              .order_by(SignInFailure.at.desc()).limit(limit))
    times = list(db.session.scalars(recent))
    if len(times) < limit:
        return None
    return max(1, math.ceil((times[-1] + WINDOW - now).total_seconds()))


KEY_ROOM = 60  # characters of a username key kept in a failure's bucket (the column holds 80)


def bucket(key: str, twin_id: int | None = None) -> str:
    """Where a failure is noted: the username key, or for a legacy twin (an account whose name
    differs from a keyed one only by case, and has no key) the key and the twin's id."""
    return key[:KEY_ROOM] if twin_id is None else f"{key[:KEY_ROOM]}/{twin_id}"


def _for_key(key: str) -> ColumnElement[bool]:
    """The failures counted against a key: its own bucket and those of its twins."""
    stem = key[:KEY_ROOM]
    column = SignInFailure.username
    return or_(column == stem, column.startswith(stem + "/", autoescape=True))


def check(key: str, address: str, now: datetime) -> None:
    """Raise Throttled if this username key or address has failed too often of late.

    Failures count by the username key (`Alice`, `ALICE` and `ＡＬＩＣＥ` are one account), so
    changing the case or width of a name gives no fresh tries.
    """
    wait = _retry_after(_for_key(key), PER_ACCOUNT, now)
    if wait is not None:
        raise Throttled(wait, per_account=True)
    wait = _retry_after(SignInFailure.address == address, PER_ADDRESS, now)
    if wait is not None:
        raise Throttled(wait, per_account=False)


def record_failure(where: str, address: str, now: datetime) -> None:
    """Note a failed sign-in in a bucket (and forget those that left the window long ago)."""
    db.session.add(SignInFailure(username=where[:80], address=address[:64], at=now))
    db.session.execute(delete(SignInFailure).where(SignInFailure.at < now - 4 * WINDOW))


def clear(where: str) -> None:
    """A successful sign-in wipes the failures of its own bucket, never a twin's."""
    db.session.execute(delete(SignInFailure).where(SignInFailure.username == where))


def failures(key: str) -> int:
    """How many failures count against a username key (for tests and the teacher's eyes)."""
    return db.session.scalar(select(func.count()).where(_for_key(key))) or 0
