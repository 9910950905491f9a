"""Question files teachers upload: who owns each, and every version a replacement kept.

Banks live in files in the questions folder, not in the database; these tables say who may
replace a file (its owner, or an admin) and keep each file's earlier bytes, so a replacement or
a restore loses nothing. A file in the folder with no `bank_file` row came with Quipu (or was put
there by hand): it belongs to the admins.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Model, utcnow

FILE_NAME = 120  # a file's name in the folder: an 80-character stem and its suffix, with room


class BankFile(Model):
    """A question file a teacher uploaded: its owner, and who put its current bytes there when."""

    __tablename__ = "bank_file"

    name: Mapped[str] = mapped_column(String(FILE_NAME), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), index=True)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("learner.id"))
    uploaded: Mapped[datetime] = mapped_column(default=utcnow)


class BankFileVersion(Model):
    """A file's bytes as they were before a replacement (or a restore) put others in their place.

    `uploaded_by` and `uploaded`: who put these bytes in the folder, and when (None: they came
    with Quipu; then `uploaded` is the file's time on disk). `kept_by` and `kept`: who replaced
    them, and when. `bank` and `title`: the bank the bytes held, for the list.
    """

    __tablename__ = "bank_file_version"
    __table_args__ = (Index("ix_bank_file_version_name", "name", "kept"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(FILE_NAME))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    bank: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("learner.id"))
    uploaded: Mapped[datetime]
    kept_by: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    kept: Mapped[datetime] = mapped_column(default=utcnow)


class BankEditor(Model):
    """A co-owner of a question file: a teacher its owner (or an admin) named, who may edit,
    replace and restore it as the owner does. A shipped file (no `bank_file` row) may have them."""

    __tablename__ = "bank_editor"
    __table_args__ = (Index("ix_bank_editor_learner", "learner_id"),)

    name: Mapped[str] = mapped_column(String(FILE_NAME), primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id"), primary_key=True)
    added_by: Mapped[int] = mapped_column(ForeignKey("learner.id"))
    added: Mapped[datetime] = mapped_column(default=utcnow)
