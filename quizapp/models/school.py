"""The school: classes with their teachers and members, and the quizzes set for them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Model, utcnow
from .people import Learner


class Assignment(Model):
    """A quiz a teacher sets: fixed bank, mode and length, a time window, a short code to join."""

    __tablename__ = "assignment"
    # What is open on a bank now: the exam lock's lookup on every self-study start and page.
    __table_args__ = (Index("ix_assignment_bank_closes", "bank", "closes"),)

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
    time_limit: Mapped[int | None]  # minutes from an attempt's start; None: the window only
    # What a student sees of a submitted attempt (SCORE, MARKS or ALL), before and after closing.
    review_after_submit: Mapped[str] = mapped_column(String(16), default="score")
    review_after_close: Mapped[str] = mapped_column(String(16), default="all")
    created: Mapped[datetime] = mapped_column(default=utcnow)

    teacher: Mapped[Learner] = relationship()
    classes: Mapped[list[Classroom]] = relationship(secondary="assignment_class",
                                                    order_by="Classroom.name")


class Classroom(Model):
    """A class: a name, a code students join it by, the teacher who made it."""

    __tablename__ = "classroom"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    code: Mapped[str] = mapped_column(String(12), unique=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    created: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[Learner] = relationship()


class ClassTeacher(Model):
    """A teacher of a class besides its owner (a co-teacher): sees and sets what the owner does."""

    __tablename__ = "class_teacher"
    __table_args__ = (Index("ix_class_teacher_teacher", "teacher_id"),)

    class_id: Mapped[int] = mapped_column(
        ForeignKey("classroom.id", ondelete="CASCADE"), primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)


class ClassMember(Model):
    """A student of a class."""

    __tablename__ = "class_member"
    __table_args__ = (Index("ix_class_member_learner", "learner_id"),)

    class_id: Mapped[int] = mapped_column(
        ForeignKey("classroom.id", ondelete="CASCADE"), primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)
    joined: Mapped[datetime] = mapped_column(default=utcnow)


class AssignmentClass(Model):
    """A class an assigned quiz is set for (one quiz may be set for several)."""

    __tablename__ = "assignment_class"
    __table_args__ = (Index("ix_assignment_class_class", "class_id"),)

    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignment.id", ondelete="CASCADE"), primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("classroom.id", ondelete="CASCADE"), primary_key=True)
