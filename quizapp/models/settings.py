"""What a teacher switches on a bank from the teacher's pages, over what its file says."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Model, utcnow


class BankSetting(Model):
    """A bank's exam-only switch as a teacher set it; it overrides `exam_only` in the bank's file.

    Keyed by the bank's id (banks live in files, not in the database), so it outlives a file
    replaced by an upload of the same bank.
    """

    __tablename__ = "bank_setting"

    bank: Mapped[str] = mapped_column(String(80), primary_key=True)
    exam_only: Mapped[bool]
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("learner.id"))
    changed: Mapped[datetime] = mapped_column(default=utcnow)
