"""Ending sessions and tokens: signing out, and a new password (the account's own, or an
admin's reset), which ends every session and API token of the account.

A session cookie holds the learner's id and session epoch (models.people.Learner.get_id);
services.fast.load_signed_in accepts it only while the epoch is the learner's, so raising the
epoch ends every session made before, wherever its cookie was copied to, restarts included.
"""

from __future__ import annotations

from sqlalchemy import delete, update

from ..database import write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import ApiToken, Learner, hash_password
from .accounts import MIN_PASSWORD, AccountError, authenticate, find_account
from .errors import NotFound


def end_sessions(learner_id: int) -> None:
    """End every session of the learner made so far (signing out): each cookie holds the
    session epoch it was made in (models.people.Learner.get_id), which stops matching."""
    with write_transaction():
        db.session.execute(update(Learner).where(Learner.id == learner_id).values(
            session_epoch=Learner.session_epoch + 1).execution_options(synchronize_session=False))


def change_password(learner_id: int, current: str, new: str, address: str = "") -> Learner:
    """Give a signed-in learner a new password, the current one checked as a sign-in is (and
    counted by the throttle: a borrowed session must not guess faster than the sign-in page).
    Ends every session and token of the account; the learner returned is the new session's.

    AccountError for a guest, a wrong current password, or a new one too short or the same;
    throttle.Throttled after too many wrong ones."""
    learner = db.session.get(Learner, learner_id)
    if learner is None or learner.is_guest:
        raise AccountError(
            _l("A guest has no password: register to choose a username and password."))
    if len(new or "") < MIN_PASSWORD:
        raise AccountError(_l("Choose a new password of at least %(n)d characters.",
                              n=MIN_PASSWORD))
    if authenticate(learner.username or "", current, address) is None:
        raise AccountError(_l("That is not your current password: type it again."))
    if new == current:
        raise AccountError(_l("The new password is your current one: choose another."))
    return set_password(learner_id, new)


def set_password(learner_id: int, password: str) -> Learner:
    """Store a new password, and end every session and API token of the account."""
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(_l("Choose a password of at least %(n)d characters.", n=MIN_PASSWORD))
    password_hash = hash_password(password)  # slow: before the write lock
    with write_transaction():
        db.session.execute(update(Learner).where(Learner.id == learner_id).values(
            password_hash=password_hash, session_epoch=Learner.session_epoch + 1
        ).execution_options(synchronize_session=False))
        db.session.execute(delete(ApiToken).where(ApiToken.learner_id == learner_id))
    learner = db.session.get(Learner, learner_id)
    if learner is None:
        raise NotFound(_l("That account no longer exists."))
    db.session.refresh(learner)
    return learner


def reset_password(username: str, password: str) -> Learner:
    """An admin's `user password NAME`: the account named so (as a sign-in names it) gets the
    new password; NotFound if there is none."""
    learner = find_account(username)
    if learner is None:
        raise NotFound(_l("There is no account with the username %(name)r.", name=username))
    return set_password(learner.id, password)
