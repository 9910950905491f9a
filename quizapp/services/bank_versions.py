"""Who owns each question file, and the versions its replacements kept: the tables' side.

The rules (who may replace a file, what a replacement may drop) are `services/uploads.py`'s;
this module reads and writes `bank_file` and `bank_file_version` for it and for the pages.
The bytes are kept in the database, not in a folder beside the questions: they are then in every
backup of the database, in the same transaction as the owner, and shared by every server of
several using one database; a file is at most `uploads.MAX_UPLOAD` (1 MB).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import aliased

from ..bank.source import NOT_SOURCES, SOURCE_SUFFIXES
from ..extensions import db
from ..i18n import Lazy, _l
from ..models import BankEditor, BankFile, BankFileVersion, Learner
from .errors import NotFound

# Who owns a file no teacher uploaded (it came with Quipu). A message naming a file's owner has a
# sentence of its own for such a file (`Owner.shipped`), as the templates do: this is a fallback.
ADMINS = _l("the admins")
UPLOADS_LOCK = 0x51_75_69_70  # PostgreSQL advisory lock: one upload or restore at a time


@dataclass(frozen=True)
class Owner:
    """Who a file belongs to: a teacher (id and name), or the admins (`owner_id` None); and the
    co-owners named to edit it (`editors`, ids: `services/bank_editors.py`)."""

    owner_id: int | None
    name: str | Lazy  # a teacher's display name, or ADMINS
    editors: frozenset[int] = frozenset()

    @property
    def shipped(self) -> bool:
        """Whether no teacher uploaded it: it came with Quipu, and the admins own it."""
        return self.owner_id is None

    def may_replace(self, who_id: int, who_is_admin: bool) -> bool:
        """Whether someone may replace, edit or restore the file: its owner, a co-owner, an
        admin."""
        return (who_is_admin or who_id in self.editors
                or (self.owner_id is not None and self.owner_id == who_id))

    def may_name_editors(self, who_id: int, who_is_admin: bool) -> bool:
        """Whether someone may add and remove co-owners: its owner or an admin."""
        return who_is_admin or (self.owner_id is not None and self.owner_id == who_id)


SHIPPED = Owner(None, ADMINS)


@dataclass(frozen=True)
class Version:
    """One kept version of a file, for the list (its bytes stay in the table)."""

    id: int
    bank: str
    title: str | Lazy  # in the reader's language: stored as the bank's title ('': did not load)
    size: int
    uploaded_by: str | None  # None: it came with Quipu
    uploaded: datetime
    kept_by: str
    kept: datetime


@dataclass(frozen=True)
class Current:
    """A file's row: its owner, and who put its current bytes there when (None: no row)."""

    owner: Owner
    uploaded_by: int | None
    uploaded: datetime | None


def owners(names: Iterable[str]) -> dict[str, Owner]:
    """Each file's owner, by its name in the questions folder: one query for them all."""
    wanted = list(dict.fromkeys(names))
    found: dict[str, Owner] = {}
    if wanted:
        rows = db.session.execute(
            select(BankFile.name, BankFile.owner_id, Learner.display_name)
            .join(Learner, Learner.id == BankFile.owner_id).where(BankFile.name.in_(wanted)))
        found = {row.name: Owner(row.owner_id, row.display_name) for row in rows}
    editors = editor_ids(wanted)
    return {name: replace(found.get(name, SHIPPED), editors=editors.get(name, frozenset()))
            for name in wanted}


def editor_ids(names: list[str]) -> dict[str, frozenset[int]]:
    """The co-owners' ids of each file that has some."""
    found: dict[str, set[int]] = {}
    if names:
        for name, learner_id in db.session.execute(
                select(BankEditor.name, BankEditor.learner_id).where(BankEditor.name.in_(names))):
            found.setdefault(name, set()).add(learner_id)
    return {name: frozenset(ids) for name, ids in found.items()}


def current(name: str) -> Current:
    """The file's owner and its last upload (SHIPPED and no upload when no teacher uploaded it)."""
    row = db.session.execute(
        select(BankFile, Learner.display_name).join(Learner, Learner.id == BankFile.owner_id)
        .where(BankFile.name == name)).first()
    editors = editor_ids([name]).get(name, frozenset())
    if row is None:
        return Current(replace(SHIPPED, editors=editors), None, None)
    file, owner_name = row
    return Current(Owner(file.owner_id, owner_name, editors), file.uploaded_by, file.uploaded)


def versions(name: str) -> list[Version]:
    """The kept versions of a file, the latest kept first (their bytes left in the table)."""
    uploader, keeper = aliased(Learner), aliased(Learner)
    rows = db.session.execute(
        select(BankFileVersion.id, BankFileVersion.bank, BankFileVersion.title,
               db.func.length(BankFileVersion.data), uploader.display_name,
               BankFileVersion.uploaded, keeper.display_name, BankFileVersion.kept)
        .outerjoin(uploader, uploader.id == BankFileVersion.uploaded_by)
        .join(keeper, keeper.id == BankFileVersion.kept_by)
        .where(BankFileVersion.name == name)
        .order_by(BankFileVersion.kept.desc(), BankFileVersion.id.desc()))
    return [Version(row[0], row[1], shown_title(name, row[2]), *row[3:]) for row in rows]


UNLOADED = "(a file that did not load)"  # stored by versions kept before titles were said
SOURCE_OF = "The source text of "  # likewise, before a source's version kept its bank's title


def shown_title(name: str, title: str) -> str | Lazy:
    """A kept version's title as the list says it: the bank's title, the source text of a bank,
    or a file that did not load, in the reader's language."""
    title = title.removeprefix(SOURCE_OF)
    lowered = name.lower()
    if lowered.endswith(SOURCE_SUFFIXES) and not lowered.endswith(NOT_SOURCES):
        return _l("The source text of %(title)s", title=title)
    return title if title and title != UNLOADED else _l("(a file that did not load)")


def find_version(name: str, version_id: int) -> BankFileVersion:
    """A kept version of this file; NotFound for an unknown id or another file's version."""
    version = db.session.get(BankFileVersion, version_id)
    if version is None or version.name != name:
        raise NotFound(_l("There is no such version of this file."))
    return version


def lock_uploads() -> None:
    """Inside a write transaction: wait for any other upload or restore to finish first.

    SQLite's BEGIN IMMEDIATE already excludes every other writer; on PostgreSQL a transaction
    advisory lock does (a file's row may not exist yet, so there is no row to lock).
    """
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPLOADS_LOCK})


def keep(name: str, data: bytes, bank: str, title: str, was: Current, file_time: datetime,
         kept_by: int, now: datetime) -> None:
    """Keep a file's bytes as a version before they are replaced (inside the transaction)."""
    db.session.add(BankFileVersion(
        name=name, data=data, bank=bank[:80], title=title[:200], uploaded_by=was.uploaded_by,
        uploaded=was.uploaded or file_time, kept_by=kept_by, kept=now))


def record_upload(name: str, uploader: int, now: datetime) -> None:
    """Say who put the file's new bytes there: its first uploader becomes its owner."""
    row = db.session.get(BankFile, name)
    if row is None:
        db.session.add(BankFile(name=name, owner_id=uploader, uploaded_by=uploader, uploaded=now))
    else:
        row.uploaded_by, row.uploaded = uploader, now
