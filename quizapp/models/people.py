"""Learners (students, teachers, admins and guests), their API tokens and failed sign-ins."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, Index, String
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from .. import passwords
from .base import Model, utcnow

if TYPE_CHECKING:
    from .quizzes import Attempt


def username_key(username: str) -> str:
    """A username as compared: NFKC-normalised and case-folded (`ＡＬＩＣＥ`, `Alice`: `alice`)."""
    return unicodedata.normalize("NFKC", username).casefold()


class Learner(UserMixin, Model):
    """Someone who takes quizzes: a student, a teacher, or a guest (no username, no password)."""

    __tablename__ = "learner"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str | None] = mapped_column(String(40), unique=True)
    # The username as compared: Unicode-normalised (NFKC) and case-folded, so `Alice` and `alice`
    # are one name. None for a guest, and for a twin made before this rule (`user duplicates`).
    username_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="student")  # student, teacher or admin
    created: Mapped[datetime] = mapped_column(default=utcnow)
    # Part of every session cookie's user id: raising it (signing out, a new password) ends every
    # session made before, wherever its cookie was copied to.
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    # Facts a day the learner aims to review (1 to 100); None: the default (quiz/days.py).
    daily_goal: Mapped[int | None]
    # The interface's language the learner chose ("en" or "es", services/language.LANGUAGES);
    # None: the browser's Accept-Language decides (web/language.py).
    language: Mapped[str | None] = mapped_column(String(8))

    attempts: Mapped[list[Attempt]] = relationship(back_populates="learner")

    @property
    def is_guest(self) -> bool:
        """A guest has a display name only."""
        return self.username is None

    @property
    def is_teacher(self) -> bool:
        """Teachers (and admins) use the teacher's pages."""
        return self.role in ("teacher", "admin")

    @property
    def is_admin(self) -> bool:
        """An admin sees every class, learner and quiz of the school."""
        return self.role == "admin"

    def get_id(self) -> str:
        """What the session cookie holds: the id and the session epoch (services.fast reads it)."""
        return f"{self.id}.{self.session_epoch or 0}"

    @validates("username")
    def _keyed(self, _field: str, username: str | None) -> str | None:
        """Every username set (registering, renaming, a guest signing up) sets its key too."""
        self.username_key = None if username is None else username_key(username)
        return username

    def check_password(self, password: str) -> bool:
        """Whether the password matches; a guest has none to match."""
        return passwords.verify(self.password_hash, password)


class ApiToken(Model):
    """A bearer token for the JSON API; only its SHA-256 is stored."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    created: Mapped[datetime] = mapped_column(default=utcnow)
    last_used: Mapped[datetime | None]

    learner: Mapped[Learner] = relationship()


class SignInFailure(Model):
    """One sign-in try, noted before its password is checked (and removed if it was right), kept
    for a while to slow down password guessing (services.throttle). `known`: the name is an
    account's."""

    __tablename__ = "sign_in_failure"
    __table_args__ = (
        Index("ix_sign_in_failure_username_at", "username", "at"),
        Index("ix_sign_in_failure_address_at", "address", "at"),
        Index("ix_sign_in_failure_at", "at"),  # forgetting the old ones
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    known: Mapped[bool] = mapped_column(default=True, server_default=sa_true())


class GuestCreation(Model):
    """A guest account made from an address, kept for an hour to limit guests per address."""

    __tablename__ = "guest_creation"
    __table_args__ = (Index("ix_guest_creation_address_at", "address", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
