"""The tables: learners, attempts and their items, API tokens, review cards, assigned quizzes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from flask_login import UserMixin
from sqlalchemy import ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import Base, db
from .quiz.rules import percent
from .quiz.snapshot import Snapshot


def hash_password(password: str) -> str:
    """A salted hash of the password (scrypt: slow on purpose)."""
    return generate_password_hash(password)


def utcnow() -> datetime:
    """The current time in UTC, without tzinfo (how every time is stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


class JSONText(TypeDecorator):
    """JSON kept as text, the same on SQLite and PostgreSQL."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect) -> Any:
        return None if value is None else json.loads(value)


# The declarative base as type checkers see it (Flask-SQLAlchemy builds db.Model from Base).
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model


def table_of(model: type[Model]) -> Table:
    """A model's table, for Core statements (typed as the Table it is)."""
    return cast(Table, model.__table__)


class SnapshotJSON(TypeDecorator):
    """A served question's Snapshot, kept as JSON text; read back through Snapshot.from_json."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Snapshot | None, dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(value.to_json(), ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect) -> Snapshot | None:
        return None if value is None else Snapshot.from_json(json.loads(value))


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


class Attempt(Model):
    """One quiz a learner took: what was served (in its items) and, once submitted, the score."""

    __tablename__ = "attempt"
    __table_args__ = (
        Index("ix_attempt_learner_started", "learner_id", "started"),  # history
        Index("ix_attempt_assignment_learner", "assignment_id", "learner_id"),
        # Class results read a bank's scores from this index alone, never the answers.
        Index("ix_attempt_bank_results", "bank", "learner_id", "submitted", "score", "max_score"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # opaque, random
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    bank: Mapped[str] = mapped_column(String(80))
    mode: Mapped[str] = mapped_column(String(16))
    seed: Mapped[int]
    started: Mapped[datetime] = mapped_column(default=utcnow)
    submitted: Mapped[datetime | None]
    score: Mapped[float | None]
    max_score: Mapped[float] = mapped_column(default=0.0)
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignment.id"))

    learner: Mapped[Learner] = relationship(back_populates="attempts")
    items: Mapped[list[AttemptItem]] = relationship(
        back_populates="attempt", order_by="AttemptItem.position", cascade="all, delete-orphan"
    )

    @property
    def percent(self) -> float | None:
        """100 x points / questions, to one decimal; None until submitted."""
        return percent(self.score, self.max_score)

    @property
    def status(self) -> str:
        """open, or submitted."""
        return "open" if self.submitted is None else "submitted"


class AttemptItem(Model):
    """One question of an attempt, as served: a snapshot of prompt, options and key."""

    __tablename__ = "attempt_item"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    position: Mapped[int]
    public_id: Mapped[str] = mapped_column(String(16))  # opaque id shown to the client
    question_id: Mapped[str] = mapped_column(String(120))
    snapshot: Mapped[Snapshot] = mapped_column(SnapshotJSON)
    answer: Mapped[Any | None] = mapped_column(JSONText)
    points: Mapped[float | None]

    attempt: Mapped[Attempt] = relationship(back_populates="items")


class ApiToken(Model):
    """A bearer token for the JSON API; only its SHA-256 is stored."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    created: Mapped[datetime] = mapped_column(default=utcnow)
    last_used: Mapped[datetime | None]

    learner: Mapped[Learner] = relationship()


class Card(Model):
    """A learner's spaced-review card for one fact of a bank: the fsrs card, and when it is due."""

    __tablename__ = "card"
    __table_args__ = (
        UniqueConstraint("learner_id", "bank", "fact_id"),
        Index("ix_card_learner_due", "learner_id", "due"),  # what is due, for the home page
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    bank: Mapped[str] = mapped_column(String(80))
    fact_id: Mapped[str] = mapped_column(String(120))
    fsrs: Mapped[dict] = mapped_column(JSONText)  # fsrs.Card.to_dict()
    due: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16))  # learning, review or relearning

    reviews: Mapped[list[ReviewLog]] = relationship(
        back_populates="card", order_by="ReviewLog.id", cascade="all, delete-orphan"
    )


class ReviewLog(Model):
    """One review of a card: the rating an answer gave it, when, and which answer."""

    __tablename__ = "review_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("card.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int]  # fsrs.Rating: 1 Again, 2 Hard, 3 Good, 4 Easy
    reviewed: Mapped[datetime]
    attempt_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("attempt_item.id", ondelete="SET NULL"), index=True
    )

    card: Mapped[Card] = relationship(back_populates="reviews")


class Assignment(Model):
    """A quiz a teacher sets: fixed bank, mode and length, a time window, a short code to join."""

    __tablename__ = "assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    bank: Mapped[str] = mapped_column(String(80))
    mode: Mapped[str] = mapped_column(String(16))
    length: Mapped[int]
    seed: Mapped[int | None]  # set: every student gets the same questions in the same order
    opens: Mapped[datetime]
    closes: Mapped[datetime | None]  # None: never closes
    max_attempts: Mapped[int | None]  # None: no limit
    created: Mapped[datetime] = mapped_column(default=utcnow)

    teacher: Mapped[Learner] = relationship()



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
