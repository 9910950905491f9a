"""A bank's co-owners: the teachers its file's owner (or an admin) names to edit it.

They edit, replace and restore the file as its owner does (`bank_versions.Owner.may_replace`);
only the owner and the admins add or remove them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from ..database import write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import BankEditor, Learner
from ..models.people import username_key
from . import bank_versions
from .catalog import Catalog
from .errors import Invalid, NotAllowed, NotFound
from .restores import file_of
from .uploads import Uploader


def editors(name: str) -> list[Learner]:
    """The co-owners of a file, by username."""
    return list(db.session.scalars(
        select(Learner).join(BankEditor, BankEditor.learner_id == Learner.id)
        .where(BankEditor.name == name).order_by(Learner.username_key)))


def _named_by(catalog: Catalog, bank_id: str, who: Uploader) -> tuple[str, bank_versions.Owner]:
    """The bank's file and owner, if `who` may name its co-owners."""
    bank, name = file_of(catalog, bank_id)
    owner = bank_versions.current(name).owner if name else bank_versions.SHIPPED
    if not name or not owner.may_name_editors(who.id, who.is_admin):
        if owner.shipped:  # its owner is the admins: a sentence of its own, not "(the admins)"
            raise NotAllowed(_l("“%(title)s” came with Quipu: only the admins name its co-owners.",
                                title=bank.title))
        raise NotAllowed(_l("Only the owner of “%(title)s” (%(owner)s) and the admins name its "
                            "co-owners.", title=bank.title, owner=owner.name))
    return name, owner


def add_editor(catalog: Catalog, bank_id: str, who: Uploader, username: str,
               now: datetime) -> Learner:
    """Let another teacher edit the bank; Invalid for a username that is no teacher's."""
    name, owner = _named_by(catalog, bank_id, who)
    typed = (username or "").strip()[:200]
    teacher = db.session.scalar(select(Learner).where(
        Learner.username_key == username_key(typed))) if typed else None
    if teacher is None or not teacher.is_teacher:
        raise Invalid(_l("No teacher has the username %(name)r: a co-owner needs a teacher's "
                         "account.", name=typed))
    if teacher.id == owner.owner_id:
        raise Invalid(_l("%(name)s owns this bank: they edit it already.", name=teacher.username))
    with write_transaction():
        if db.session.get(BankEditor, (name, teacher.id)) is None:
            db.session.add(BankEditor(name=name, learner_id=teacher.id, added_by=who.id,
                                      added=now))
    return teacher


def remove_editor(catalog: Catalog, bank_id: str, who: Uploader, learner_id: int) -> None:
    """Take a co-owner off the bank; NotFound if they are not one."""
    name, _ = _named_by(catalog, bank_id, who)
    with write_transaction():
        row = db.session.get(BankEditor, (name, learner_id))
        if row is not None:
            db.session.delete(row)
    if row is None:
        raise NotFound(_l("That teacher is not a co-owner of this bank."))
