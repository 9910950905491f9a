"""The school: assigned quizzes, classes, their teachers and members."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Model, utcnow
from .people import Learner


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
