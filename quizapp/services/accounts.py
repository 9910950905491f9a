"""Learners' accounts: registration, sign-in, guests, and API tokens."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from flask import current_app
from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from .. import clock, passwords
from ..database import write_transaction
from ..extensions import db
from ..i18n import Lazy, _l
from ..models import ApiToken, Learner, hash_password
from ..models.people import username_key
from . import limits, names, throttle
from .errors import Invalid, NotFound

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,40}$")
MIN_PASSWORD = 8
ROLES = ("student", "teacher", "admin")
DEFAULT_TOKEN_DAYS = 30


class AccountError(Invalid):
    """A registration or sign-in that cannot go ahead, with a message for the person."""


def taken_message(typed: str) -> Lazy:
    """What a person is told of a username already in use, in any case or form."""
    return _l("The username %(name)s is taken (usernames that differ only in capitals or "
              "character width are the same name): choose another.", name=repr(typed))


def holders(key: str) -> list[Learner]:
    """The accounts whose username is `key` once compared: the keyed one, and any legacy twin."""
    found = list(db.session.scalars(select(Learner).where(Learner.username_key == key)))
    return found + [twin for twin in twins() if username_key(twin.username or "") == key]


def twins() -> list[Learner]:
    """Accounts with a username but no key: made before usernames were compared by key, beside
    an account whose name differs only in case or form (migration 0004). Oldest first."""
    return list(db.session.scalars(
        select(Learner).where(Learner.username_key.is_(None), Learner.username.is_not(None))
        .order_by(Learner.id)))


def checked_username(typed: str, renaming: Learner | None = None) -> str:
    """The username to store for `typed` (NFKC-normalised: full-width letters become plain
    ones); AccountError if it is malformed or taken, in any case or form, by another account."""
    problem = names.name_problem(typed or "", what=_l("username"), longest=40)
    if problem:
        raise AccountError(problem)
    username = unicodedata.normalize("NFKC", typed or "")
    if not USERNAME.fullmatch(username):  # match's `$` would let a final newline through
        raise AccountError(_l(
            "A username is 3 to 40 letters, digits, dots, dashes or underscores, without spaces."
        ))
    if any(holder is not renaming for holder in holders(username_key(username))):
        raise AccountError(taken_message(typed))
    return username


def check_new_account(username: str, password: str) -> str:
    """The username to store; AccountError unless it is well-formed and free (whatever its case
    or Unicode form) and the password long enough and storable (no lone surrogate)."""
    if not names.storable(password or ""):
        raise AccountError(_l("That password holds a character that is not text: type it "
                              "again."))
    checked = checked_username(username)
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(_l("Choose a password of at least %(n)d characters.", n=MIN_PASSWORD))
    return checked


def register(username: str, password: str, role: str = "student", guest: Learner | None = None):
    """Create a learner, or turn a guest into one so their scores carry over."""
    if role not in ROLES:
        raise AccountError(_l("A role is one of %(roles)s.", roles=", ".join(ROLES)))
    typed, username = username, check_new_account(username, password)
    password_hash = hash_password(password)  # slow on purpose: never while holding the write lock
    try:
        with write_transaction():
            learner = db.session.get(Learner, guest.id) if guest is not None else None
            if learner is None or not learner.is_guest:
                learner = Learner(display_name=username)
                db.session.add(learner)
            learner.username, learner.role = username, role
            learner.display_name = username
            learner.password_hash = password_hash
            db.session.flush()
    except IntegrityError:  # the same name, in some form, registered a moment ago
        raise AccountError(taken_message(typed)) from None
    return learner


def rename(old: str, new: str) -> Learner:
    """Give the account named exactly `old` the username `new` (and its key): how an admin
    resolves a twin. NotFound if there is no such account; AccountError if `new` is taken."""
    learner = db.session.scalar(select(Learner).where(Learner.username == old))
    if learner is None:
        raise NotFound(_l("There is no account with the username %(name)r.", name=old))
    username = checked_username(new, renaming=learner)
    try:
        with write_transaction():
            learner.username = username
            if learner.display_name == old:
                learner.display_name = username
    except IntegrityError:
        raise AccountError(taken_message(new)) from None
    return learner


@dataclass(frozen=True)
class Twin:
    """A legacy twin and the account holding its key (None if that one was renamed since)."""

    twin: Learner
    keyed: Learner | None


def duplicates() -> list[Twin]:
    """Every legacy twin, oldest first, with the account whose key it collides with."""
    found = []
    for twin in twins():
        key = username_key(twin.username or "")
        found.append(Twin(twin, db.session.scalar(
            select(Learner).where(Learner.username_key == key))))
    return found


def create_guest(display_name: str, address: str = "") -> Learner:
    """A guest learner known only by a display name (services/names: no control or direction
    characters, something visible). RateLimited past the guests one address may start in an
    hour (services/limits)."""
    problem = names.name_problem(display_name or "")
    if problem:
        raise AccountError(problem)
    name = names.clean_name(display_name)
    with write_transaction():
        limits.note_guest(address, clock.now())
        learner = Learner(display_name=name, role="student")
        db.session.add(learner)
        db.session.flush()
    return learner


def authenticate(username: str, password: str, address: str = "") -> Learner | None:
    """The learner with these credentials, or None (the same for a wrong name or password).

    The try is counted before the password is checked (services.throttle): throttle.Throttled,
    with no password checked, when this account from this address, the account as a whole, or
    made-up names from this address have failed too often of late.
    """
    now = clock.now()
    key = username_key(username or "")
    learner = find_account(username or "")
    where = _bucket(key, learner)
    try_id = throttle.note_try(key, where, address, learner is not None, now)
    if learner is None:
        passwords.verify(_dummy_hash(), password)  # an unknown name takes as long as a known one
        return None
    if not passwords.verify(learner.password_hash, password):
        return None
    old = learner.password_hash or ""
    # An older hash (scrypt, pbkdf2, other argon2 parameters) is replaced now that the password
    # is known; hashed before the write lock, as registering does.
    new = passwords.hash_password(password) if passwords.needs_rehash(old) else None
    learner_id = learner.id
    with write_transaction():
        throttle.succeeded(try_id, where, address)
        if new is not None:
            db.session.execute(update(Learner).where(
                Learner.id == learner_id, Learner.password_hash == old
            ).values(password_hash=new).execution_options(synchronize_session=False))
    return db.session.get(Learner, learner_id)


def find_account(username: str) -> Learner | None:
    """The account a sign-in names: by key (case and Unicode form ignored), except that a legacy
    twin, which has no key, is found by its exact username."""
    found = list(db.session.scalars(select(Learner).where(
        or_(Learner.username == username, Learner.username_key == username_key(username)))))
    exact = [learner for learner in found if learner.username == username]
    return (exact or found)[0] if found else None


def _bucket(key: str, learner: Learner | None) -> str:
    """Where a sign-in's failures are noted: a twin's apart, so it never clears the other's."""
    if learner is not None and learner.username_key is None:
        return throttle.bucket(key, learner.id)
    return throttle.bucket(key)


@cache
def _dummy(hasher: passwords.PasswordHasher) -> str:
    return hasher.hash(secrets.token_hex(16))


def _dummy_hash() -> str:
    """An argon2id hash with the app's parameters, checked for a name that has no account."""
    return _dummy(passwords.hasher())


def token_days() -> int:
    """How many days an API token lasts (QUIZAPP_TOKEN_DAYS, 30 unless set)."""
    return int(current_app.config.get("TOKEN_DAYS") or DEFAULT_TOKEN_DAYS)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(learner: Learner) -> str:
    """A new bearer token for the learner, good for token_days(); only its hash is kept."""
    token = secrets.token_urlsafe(32)
    with write_transaction():
        db.session.add(ApiToken(token_hash=_token_hash(token), learner_id=learner.id,
                                created=clock.now()))
    return token


def learner_for_token(token: str) -> Learner | None:
    """The learner a bearer token belongs to, or None (unknown, revoked, or expired: an expired
    one is deleted); notes when it was last used."""
    if not token:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
    if row is None:
        return None
    now = clock.now()
    if row.created <= now - timedelta(days=token_days()):
        with write_transaction():
            db.session.execute(delete(ApiToken).where(ApiToken.id == row.id))
        return None
    if row.last_used is None or (now - row.last_used).total_seconds() > 60:
        with write_transaction():  # at most once a minute: a busy client must not write each call
            db.session.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used=now))
    return db.session.get(Learner, row.learner_id)


def revoke_token(token: str) -> bool:
    """Delete the token (signing out of the API); whether there was one."""
    with write_transaction():
        result = db.session.execute(delete(ApiToken).where(
            ApiToken.token_hash == _token_hash(token)))
    return bool(getattr(result, "rowcount", 0))
