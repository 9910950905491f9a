"""Attempts and their items (what was served, answered and scored), review cards and their logs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..quiz.rules import percent
from ..quiz.snapshot import Snapshot
from .base import JSONText, Model, SnapshotJSON, utcnow

if TYPE_CHECKING:
    from .people import Learner


class Attempt(Model):
    """One quiz a learner took: what was served (in its items) and, once submitted, the score."""

    __tablename__ = "attempt"
    __table_args__ = (
        Index("ix_attempt_learner_started", "learner_id", "started"),  # history
        Index("ix_attempt_assignment_learner", "assignment_id", "learner_id"),
        # Class results read a bank's scores from this index alone, never the answers.
        Index("ix_attempt_bank_results", "bank", "learner_id", "submitted", "score", "max_score"),
        # The open attempts with a deadline, which every read of results checks for overdue ones.
        Index("ix_attempt_open_deadline", "deadline", sqlite_where=text("submitted IS NULL"),
              postgresql_where=text("submitted IS NULL")),
        # A learner's open attempts, which every start counts (services/limits.py).
        Index("ix_attempt_learner_open", "learner_id", "started",
              sqlite_where=text("submitted IS NULL"), postgresql_where=text("submitted IS NULL")),
        # The days a learner submitted something, for the streak (services/today.py).
        Index("ix_attempt_learner_submitted", "learner_id", "submitted"),
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
    # When an assigned quiz's attempt must be in: the earlier of its start plus the quiz's time
    # limit and the quiz's closing time; None when neither applies.
    deadline: Mapped[datetime | None]

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
    # The answer: while the attempt is open, the one saved last (autosave), graded on submission.
    answer: Mapped[Any | None] = mapped_column(JSONText)
    points: Mapped[float | None]

    attempt: Mapped[Attempt] = relationship(back_populates="items")


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
