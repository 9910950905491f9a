"""Learners' accounts: registration, sign-in, guests, and API tokens."""

from __future__ import annotations

import hashlib
import re
import secrets
from functools import cache

from sqlalchemy import select, update
from werkzeug.security import check_password_hash, generate_password_hash

from .. import clock
from ..database import write_transaction
from ..extensions import db
from ..models import ApiToken, Learner, hash_password
from . import throttle
from .errors import Invalid

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,40}$")
MIN_PASSWORD = 8
ROLES = ("student", "teacher", "admin")


class AccountError(Invalid):
    """A registration or sign-in that cannot go ahead, with a message for the person."""


def check_new_account(username: str, password: str) -> None:
    """Raise AccountError unless the username is well-formed and free, the password long enough."""
    if not USERNAME.match(username or ""):
        raise AccountError(
            "A username is 3 to 40 letters, digits, dots, dashes or underscores, without spaces."
        )
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"Choose a password of at least {MIN_PASSWORD} characters.")
    if db.session.scalar(select(Learner.id).where(Learner.username == username)) is not None:
        raise AccountError(f"The username {username!r} is taken: choose another.")


def register(username: str, password: str, role: str = "student", guest: Learner | None = None):
    """Create a learner, or turn a guest into one so their scores carry over."""
    if role not in ROLES:
        raise AccountError(f"A role is one of {', '.join(ROLES)}.")
    check_new_account(username, password)
    password_hash = hash_password(password)  # slow on purpose: never while holding the write lock
    with write_transaction():
        learner = db.session.get(Learner, guest.id) if guest is not None else None
        if learner is None or not learner.is_guest:
            learner = Learner(display_name=username)
            db.session.add(learner)
        learner.username, learner.role = username, role
        learner.display_name = username
        learner.password_hash = password_hash
        db.session.flush()
    return learner


def create_guest(display_name: str) -> Learner:
    """A guest learner known only by a display name."""
    name = " ".join((display_name or "").split())
    if not 1 <= len(name) <= 80:
        raise AccountError("Give a display name of 1 to 80 characters.")
    with write_transaction():
        learner = Learner(display_name=name, role="student")
        db.session.add(learner)
        db.session.flush()
    return learner


def authenticate(username: str, password: str, address: str = "") -> Learner | None:
    """The learner with these credentials, or None (the same for a wrong name or password).

    Raises throttle.Throttled, without looking at the password, when the account or the address
    has failed too often of late.
    """
    now = clock.now()
    throttle.check(username, address, now)
    learner = db.session.scalar(select(Learner).where(Learner.username == username))
    if learner is None:
        check_password_hash(_dummy_hash(), password)  # an unknown name takes as long as a known
    elif learner.check_password(password):
        with write_transaction():
            throttle.clear(username)
        return learner
    with write_transaction():
        throttle.record_failure(username, address, now)
    return None


@cache
def _dummy_hash() -> str:
    return generate_password_hash(secrets.token_hex(16))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(learner: Learner) -> str:
    """A new bearer token for the learner; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    with write_transaction():
        db.session.add(ApiToken(token_hash=_token_hash(token), learner_id=learner.id))
    return token


def learner_for_token(token: str) -> Learner | None:
    """The learner a bearer token belongs to, or None; notes when it was last used."""
    if not token:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
    if row is None:
        return None
    now = clock.now()
    if row.last_used is None or (now - row.last_used).total_seconds() > 60:
        with write_transaction():  # at most once a minute: a busy client must not write each call
            db.session.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used=now))
    return db.session.get(Learner, row.learner_id)
