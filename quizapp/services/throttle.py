"""Slowing down password guessing: failed sign-ins are limited per account and per address.

Strict per account (a handful of tries, then a wait), generous per address: a whole class often
signs in from one school address, and a few typos each must never lock them all out. Failures are
kept in the database, so every server process (and every server) counts the same ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

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


def _retry_after(column, value: str, limit: int, now: datetime) -> int | None:
    """Seconds until the oldest failure that keeps `value` at its limit leaves the window."""
    since = now - WINDOW
    recent = (select(SignInFailure.at).where(column == value, SignInFailure.at > since)
              .order_by(SignInFailure.at.desc()).limit(limit))
    times = list(db.session.scalars(recent))
    if len(times) < limit:
        return None
    return max(1, math.ceil((times[-1] + WINDOW - now).total_seconds()))


def check(username: str, address: str, now: datetime) -> None:
    """Raise Throttled if this account or address has failed too often of late."""
    wait = _retry_after(SignInFailure.username, username.lower(), PER_ACCOUNT, now)
    if wait is not None:
        raise Throttled(wait, per_account=True)
    wait = _retry_after(SignInFailure.address, address, PER_ADDRESS, now)
    if wait is not None:
        raise Throttled(wait, per_account=False)


def record_failure(username: str, address: str, now: datetime) -> None:
    """Note a failed sign-in (and forget those that left the window long ago)."""
    db.session.add(SignInFailure(username=username.lower()[:80], address=address[:64], at=now))
    db.session.execute(delete(SignInFailure).where(SignInFailure.at < now - 4 * WINDOW))


def clear(username: str) -> None:
    """A successful sign-in wipes the account's failures."""
    db.session.execute(delete(SignInFailure).where(SignInFailure.username == username.lower()))


def failures(username: str) -> int:
    """How many failures an account has on record (for tests and the teacher's eyes)."""
    return db.session.scalar(
        select(func.count()).where(SignInFailure.username == username.lower())
    ) or 0
