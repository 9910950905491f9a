"""Learners (students, teachers, admins and guests), their API tokens and failed sign-ins."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash

from .base import Model, utcnow

if TYPE_CHECKING:
    from .quizzes import Attempt


class Learner(UserMixin, Model):
    """Someone who takes quizzes: a student, a teacher, or a guest (no username, no password)."""

    __tablename__ = "learner"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str | None] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="student")
    created: Mapped[datetime] = mapped_column(default=utcnow)

    attempts: Mapped[list[Attempt]] = relationship(back_populates="learner")

    @property
    def is_guest(self) -> bool:
        """A guest has a display name only."""
        return self.username is None

    @property
    def is_teacher(self) -> bool:
        """Teachers see the class's results."""
        return self.role == "teacher"

    def check_password(self, password: str) -> bool:
        """Whether the password matches; a guest has none to match."""
        return self.password_hash is not None and check_password_hash(self.password_hash, password)


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
    """One failed sign-in, kept for a while to slow down password guessing."""

    __tablename__ = "sign_in_failure"
    __table_args__ = (
        Index("ix_sign_in_failure_username_at", "username", "at"),
        Index("ix_sign_in_failure_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
