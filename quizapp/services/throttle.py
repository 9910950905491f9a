"""Slowing down password guessing without letting a guesser lock anyone out.

The rule (README, docs/security.md):

- at most PER_ACCOUNT_AT_ADDRESS tries (5) at one account from one address in WINDOW (15 min):
  a guesser's failures wait at the guesser's address only, so the account's owner, signing in
  from anywhere else, is never kept out by them;
- at most ACCOUNT_CEILING failures (100) at one account from all addresses together in WINDOW:
  a guesser spread over many addresses is stopped too. Reaching it is logged (a warning) and
  shown to the account's teachers (`refusals`);
- at most ADDRESS_CEILING failures (300) on names that are no one's account from one address in
  WINDOW: it refuses only further made-up names from there, never an account's sign-in, so a
  school behind one address is never locked out by them.

A try is counted BEFORE its password is checked: `note_try` takes a lock (SQLite's write
transaction; an advisory lock on PostgreSQL), counts, refuses or inserts the try's row, and
commits; only then is the (slow) password checked, and a right one removes its row again
(`succeeded`). So parallel guesses check at most the limit's number of passwords, whatever the
number of workers. Rows are kept in the database, so every worker and server counts the same.

An account's tries are counted by its username key (models.people.username_key), whatever case
or Unicode form was typed. Each is noted in a bucket: the key, or for a legacy twin the key and
its id, so that a sign-in clears only its own account's failures (signing in to a twin one owns
must not wipe the guesses at the account it shadows), while the limits count them all.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, or_, select

from ..database import write_transaction
from ..extensions import db
from ..i18n import _l, _n
from ..models import SignInFailure
from ..models.people import username_key

log = logging.getLogger(__name__)

WINDOW = timedelta(minutes=15)
PER_ACCOUNT_AT_ADDRESS = 5  # tries at one account from one address in WINDOW
ACCOUNT_CEILING = 100  # failures at one account from all addresses in WINDOW
ADDRESS_CEILING = 300  # failures on made-up names from one address in WINDOW
KEEP = timedelta(hours=24)  # how long a failure is kept (what a teacher is shown)

MESSAGES = {
    "pair": _l("Too many failed sign-ins for this account from your address"),
    "account": _l("Too many failed sign-ins for this account from many addresses (its "
                  "teachers can see this)"),
    "address": _l("Too many failed sign-ins from your network"),
}


@dataclass(eq=False)  # not frozen: raising sets its traceback
class Throttled(Exception):
    """Too many failed sign-ins; `retry_after` is in whole seconds; `scope` is "pair" (this
    account from this address), "account" (the ceiling) or "address" (made-up names)."""

    retry_after: int
    scope: str

    def __str__(self) -> str:
        minutes = max(1, math.ceil(self.retry_after / 60))
        return str(_n("%(why)s: try again in %(num)d minute.",
                      "%(why)s: try again in %(num)d minutes.", minutes, why=MESSAGES[self.scope]))


@dataclass(frozen=True)
class Refusals:
    """An account's failed sign-ins kept (last KEEP): how many, from how many addresses, since."""

    count: int
    addresses: int
    since: datetime


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


def _recent(which: ColumnElement[bool], limit: int, now: datetime) -> list[datetime]:
    """The times of the newest `limit` tries matching `which` in the window, newest first."""
    recent = (select(SignInFailure.at).where(which, SignInFailure.at > now - WINDOW)
              .order_by(SignInFailure.at.desc()).limit(limit))
    return list(db.session.scalars(recent))


def _wait(times: list[datetime], limit: int, now: datetime) -> int | None:
    """Seconds until the oldest of `limit` tries leaves the window; None below the limit."""
    if len(times) < limit:
        return None
    return max(1, math.ceil((times[-1] + WINDOW - now).total_seconds()))


def _serialise(*names: str) -> None:
    """Make tries on the same names wait for each other until the transaction ends: SQLite's
    write transaction already excludes every other writer; PostgreSQL takes advisory locks (in
    one order: the account's, then the address's)."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for name in names:
        db.session.execute(select(func.pg_advisory_xact_lock(func.hashtext(name))))


def note_try(key: str, where: str, address: str, known: bool, now: datetime) -> int:
    """Count a sign-in try before its password is checked: Throttled if a limit is reached (the
    try is then not noted and no password may be checked), else its row's id, committed (so a
    parallel try counts it). The row stands as a failure unless `succeeded` removes it."""
    address = address[:64]
    with write_transaction():
        _serialise(f"quipu-sign-in:{key[:KEY_ROOM]}",
                   *([] if known else [f"quipu-sign-in-address:{address}"]))
        pair = _recent(_for_key(key) & (SignInFailure.address == address),
                       PER_ACCOUNT_AT_ADDRESS, now)
        wait = _wait(pair, PER_ACCOUNT_AT_ADDRESS, now)
        if wait is not None:
            raise Throttled(wait, "pair")
        account = _recent(_for_key(key), ACCOUNT_CEILING, now)
        wait = _wait(account, ACCOUNT_CEILING, now)
        if wait is not None:
            raise Throttled(wait, "account")
        if not known:
            made_up = _recent((SignInFailure.address == address) & SignInFailure.known.is_(False),
                              ADDRESS_CEILING, now)
            wait = _wait(made_up, ADDRESS_CEILING, now)
            if wait is not None:
                raise Throttled(wait, "address")
        row = SignInFailure(username=where[:80], address=address, at=now, known=known)
        db.session.add(row)
        db.session.execute(delete(SignInFailure).where(SignInFailure.at < now - KEEP))
        db.session.flush()
        row_id = row.id
    if known and len(account) + 1 == ACCOUNT_CEILING:
        log.warning("Sign-ins to the account %r reached the ceiling of %d tries in %d minutes; "
                    "it now refuses every sign-in until they leave the window (the last from "
                    "%s).", key, ACCOUNT_CEILING, WINDOW.seconds // 60, address)
    return row_id


def succeeded(try_id: int, where: str, address: str) -> None:
    """A right password: its try is no failure, and its own bucket's failures from this address
    are forgotten (never a twin's, nor another address's: they still count to the ceiling)."""
    db.session.execute(delete(SignInFailure).where(
        or_(SignInFailure.id == try_id,
            (SignInFailure.username == where) & (SignInFailure.address == address[:64]))))


def failures(key: str) -> int:
    """How many failures count against a username key (for tests and the teacher's eyes)."""
    return db.session.scalar(select(func.count()).where(_for_key(key))) or 0


def refusals(username: str | None) -> Refusals | None:
    """An account's failed sign-ins kept, if they reached the ceiling's number (else None: a
    few typos are nobody's business)."""
    if not username:
        return None
    key = username_key(username)
    count, addresses, since = db.session.execute(
        select(func.count(), func.count(SignInFailure.address.distinct()),
               func.min(SignInFailure.at)).where(_for_key(key))).one()
    return Refusals(count, addresses, since) if count >= ACCOUNT_CEILING else None
