"""Question files a teacher uploads: checked in full before anything is written, then saved.

A file is parsed by the same loader the questions folder is read with, so an upload is taken in
every format the loader knows (by suffix), and refused with each problem as `name:line: message`.
It is written under a hidden temporary name in the questions folder and renamed into place, so a
server process reloading the folder at that moment reads the old file or the new one, never half.

Files have owners: the teacher who first uploaded one; a file nobody uploaded came with Quipu and
belongs to the admins. Only its owner or an admin replaces a file. A replacement keeps the bytes
it replaces as a version (`services/bank_versions.py`), which the owner can restore (a restore
keeps the bytes it replaces in turn), and is refused if it drops a bank id that an assigned quiz
not yet closed uses. These rules are here, once, for uploads and restores (services/restores.py)
alike. A YAML bank's source text may come with it: saved beside it under the name its `source:`
gives, owned and kept in versions the same way, the bank's cites checked against it first.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Protocol

from sqlalchemy import or_, select
from werkzeug.utils import secure_filename

from ..bank.loader import QUESTION_FILE_PATTERNS, known_suffix, known_suffixes, load_file
from ..bank.model import Bank, ParseResult
from ..database import write_transaction
from ..extensions import db
from ..i18n import Lazy, _l
from ..models import Assignment
from . import bank_versions
from .bank_versions import Owner
from .catalog import Catalog
from .errors import Conflict, Invalid, NotAllowed
from .rules import shown

MAX_UPLOAD = 1024 * 1024  # bytes; the largest shipped bank is a tenth of this
MAX_STEM = 80  # characters of a file name before its suffix (a bank id's column holds 80)


class UploadRejected(Invalid):
    """A file that is not saved, with every reason as a line a teacher can act on."""

    def __init__(self, problems: Sequence[str | Lazy]) -> None:  # a Lazy read once, here
        self.problems = [str(p) for p in problems]
        super().__init__("; ".join(self.problems))


class NotYours(NotAllowed):
    """A file that someone else owns: not replaced, and whose it is."""

    def __init__(self, problems: Sequence[str | Lazy]) -> None:  # a Lazy read once, here
        self.problems = [str(p) for p in problems]
        super().__init__("; ".join(self.problems))


class Uploader(Protocol):
    """Who uploads or restores: the signed-in teacher (`fast.SignedIn`) or an admin."""

    @property
    def id(self) -> int: ...
    @property
    def is_admin(self) -> bool: ...


@dataclass(frozen=True)
class Upload:
    """A saved file: its name in the questions folder, its bank, whether it replaced one, and, as
    `name:line: message`, the questions an import left out (types Quipu has not, broken ones)
    and the notes (a question that shows a picture or a sound Quipu does not have)."""

    name: str
    bank: Bank
    replaced: bool
    source: str | None = None  # the name its source text was saved under, if one was uploaded
    skipped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def upload_name(filename: str) -> str:
    """The name to save a file under: made safe, its suffix in lower case; UploadRejected if not."""
    name = secure_filename(filename or "")  # drops folders, `..`, leading dots and odd characters
    suffix = known_suffix(name)
    stem = name[: len(name) - len(suffix)]
    # The folder is read by patterns like *.yaml, case-sensitively: BANK.YAML would never load.
    name = stem + suffix
    if not suffix or not stem or not any(fnmatchcase(name, p) for p in QUESTION_FILE_PATTERNS):
        shown = filename or str(_l("The file"))
        raise UploadRejected([_l("%(name)s: not a question file; the names end in %(suffixes)s",
                                 name=shown, suffixes=", ".join(known_suffixes()))])
    if len(stem) > MAX_STEM:  # an imported file's name is its bank's id, kept in 80 characters
        shortened = stem[:40] + "…" + suffix
        raise UploadRejected([_l("%(name)s: the name is %(length)d characters long before "
                                 "%(suffix)s; rename the file to at most %(max)d",
                                 name=shortened, length=len(stem), suffix=suffix,
                                 max=MAX_STEM)])
    return name


def target_path(folder: Path, name: str) -> Path:
    """Where `name` goes: directly in the questions folder, or UploadRejected."""
    root = folder.resolve()
    target = (root / name).resolve()  # a symlink already there must not lead outside
    if target.parent != root:
        raise UploadRejected([_l("%(name)s: not saved: that name would place it outside the "
                                 "questions folder", name=name)])
    return target


def check_upload(name: str, data: bytes, banks: dict[str, Bank], target: Path,
                 source: bytes | None = None) -> Bank:
    """The bank in the bytes, or UploadRejected with every problem; nothing is written."""
    bank = read_upload(name, data, banks, target, source).bank
    assert bank is not None  # read_upload gives a loaded bank or raises
    return bank


def read_upload(name: str, data: bytes, banks: dict[str, Bank], target: Path,
                source: bytes | None = None) -> ParseResult:
    """The file's parse, with its bank and what an import left out or notes, or UploadRejected
    with every problem; nothing is written. Its cites are checked against `source` if given, else
    against the source text it names in the questions folder, if there; else it has no source."""
    for what, size in ((name, len(data)), (str(_l("The source text")), len(source or b""))):
        if size > MAX_UPLOAD:
            raise UploadRejected([_l("%(name)s: the file is larger than %(size)d KB; split it "
                                     "into smaller files", name=what, size=MAX_UPLOAD // 1024)])
    with tempfile.TemporaryDirectory() as scratch:  # the loader reads files: read a copy
        copy = Path(scratch) / name
        copy.write_bytes(data)
        loaded = load_file(copy)
        named = loaded.bank.source_name if loaded.bank is not None else None
        there = target.parent / named if named else None
        if named and (source is not None or (there is not None and there.is_file())):
            text = source if source is not None else target_path(target.parent, named).read_bytes()
            (Path(scratch) / named).write_bytes(text)
            loaded = load_file(copy)
    bank, errors = loaded.bank, loaded.problems
    if errors or bank is None:  # with what was left out: why no question could be used
        raise UploadRejected([f"{name}:{e.line}: {e.message}"
                              for e in sorted([*errors, *loaded.skipped], key=lambda e: e.line)])
    if source is not None and bank.source_name is None:
        raise UploadRejected([_l("%(name)s: a source text was given, but the bank names none: "
                                 "add 'source: NAME.txt' at the top of the bank to use it",
                                 name=name)])
    other = banks.get(bank.id)
    if other is not None and Path(other.path).resolve() != target:
        owner, where = Path(other.path).name, f"{name}:{bank.line}"
        raise UploadRejected([_l(
            "%(where)s: bank id '%(bank)s' is already used by %(owner)s; give this bank another "
            "id, or upload it as %(owner)s to replace that file", where=where,
            bank=bank.id, owner=owner)])
    return loaded


def write_atomically(target: Path, data: bytes) -> None:
    """Write the file under a hidden temporary name beside it, then rename it into place."""
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; question files are not secret
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def refuse_if_not_theirs(name: str, owner: Owner, who: Uploader, source: bool = False) -> None:
    """NotYours unless `who` may replace the file (its owner, or an admin)."""
    if owner.may_replace(who.id, who.is_admin):
        return
    whose = (_l("This file came with Quipu and belongs to the admins") if owner.shipped
             else _l("This file belongs to %(owner)s", owner=owner.name))
    how = (_l("give your text another name in the bank's 'source:'") if source
           else _l("upload it under another name"))
    raise NotYours([_l("%(name)s: %(whose)s: %(how)s.", name=name, whose=whose, how=how)])


def refuse_if_in_use(name: str, dropped: str, now: datetime) -> None:
    """UploadRejected if an assigned quiz not closed yet uses the bank id a new file drops."""
    quizzes = db.session.scalars(
        select(Assignment).where(Assignment.bank == dropped)
        .where(or_(Assignment.closes.is_(None), Assignment.closes > now))
        .order_by(Assignment.opens, Assignment.id)).all()
    problems: list[str | Lazy] = []
    for quiz in quizzes:
        until = (str(_l("until %(when)s", when=shown(quiz.closes))) if quiz.closes is not None
                 else str(_l("with no closing time")))
        when = (str(_l("open %(until)s", until=until)) if quiz.opens <= now
                else str(_l("opens %(when)s, %(until)s", when=shown(quiz.opens), until=until)))
        problems.append(_l("%(name)s: “%(title)s” (%(when)s) uses the bank %(bank)s, which this "
                           "file no longer has; keep that bank id, upload the new bank under "
                           "another name, or wait until the quiz closes.", name=name,
                           title=quiz.title, when=when, bank=dropped))
    if problems:
        raise UploadRejected(problems)


def digest(data: bytes | None) -> str:
    """What a file's bytes were when someone read them, to tell a stale save ('' for no file)."""
    return "" if data is None else hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Put:
    """One file to write: its name in the questions folder, where, its bytes, and whether it is
    the bank's source text (kept and owned like the bank's file, but not read as a bank)."""

    name: str
    target: Path
    data: bytes
    source: bool = False


def _keep_replaced(put: Put, bank: Bank, who: Uploader, now: datetime) -> bytes | None:
    """Check that `who` may write the file, keep the bytes it replaces, and record the upload;
    the old bytes (None: a new file)."""
    was = bank_versions.current(put.name)
    old = put.target.read_bytes() if put.target.is_file() else None
    if old is not None or not was.owner.shipped:  # a name nobody has is the uploader's
        refuse_if_not_theirs(put.name, was.owner, who, put.source)
    if old is not None:
        before = bank if put.source else load_file(put.target).bank  # as the folder has it now
        if not put.source and before is not None and before.id != bank.id:
            refuse_if_in_use(put.name, before.id, now)
        if old != put.data:
            file_time = datetime.fromtimestamp(put.target.stat().st_mtime, UTC).replace(tzinfo=None)
            bank_versions.keep(put.name, old, before.id if before else "",  # its title:
                               before.title if before else "",  # said by shown_title
                               was, file_time, who.id, now)
    bank_versions.record_upload(put.name, who.id, now)
    return old


def put_file(catalog: Catalog, name: str, target: Path, data: bytes, bank: Bank,
             who: Uploader, now: datetime, also: Put | None = None, source: bool = False,
             expected: str | None = None) -> bool:
    """Write a checked file (the bank's, or its source text if `source`; and `also`, its source
    text) in place of what is there, by the rules; whether the first replaced one.

    `expected`, if given, is the `digest` of the bytes the change was made on: Conflict if the
    file holds others now ('' expects no file). In one write transaction (one upload, restore or
    save at a time): the owner is checked, a dropped
    bank id checked against the open quizzes, the bytes replaced kept as a version, and the files
    written last; should the commit fail, the old bytes are written back.
    """
    puts = [Put(name, target, data, source)] + ([also] if also else [])
    olds: list[bytes | None] = []
    written: list[tuple[Put, bytes | None]] = []
    try:
        with write_transaction():
            bank_versions.lock_uploads()
            if expected is not None and digest(
                    target.read_bytes() if target.is_file() else None) != expected:
                raise Conflict(_l("%(name)s was changed by someone else since you opened it",
                                  name=name) if expected
                               else _l("%(name)s exists already", name=name))
            olds = [_keep_replaced(put, bank, who, now) for put in puts]
            db.session.flush()
            for put, old in zip(puts, olds, strict=True):
                written.append((put, old))
                write_atomically(put.target, put.data)
    except BaseException:
        for put, old in written:  # the database said no after a file was written: put it back
            if old is None:
                put.target.unlink(missing_ok=True)
            else:
                write_atomically(put.target, old)
        raise
    catalog.refresh(force=True)  # this process at once; the others within a second
    return olds[0] is not None


def save_upload(catalog: Catalog, filename: str, data: bytes, who: Uploader,
                now: datetime, source: bytes | None = None) -> Upload:
    """Check an uploaded file and, if it is good and `who` may, save it in the catalog's folder
    (keeping the file it replaces as a version) and reload. `source`, the text of the bank's
    `source:`, is saved beside it under that name, kept and owned the same way."""
    name = upload_name(filename)
    catalog.folder.mkdir(parents=True, exist_ok=True)
    target = target_path(catalog.folder, name)
    checked = read_upload(name, data, catalog.banks, target, source)
    bank = checked.bank
    assert bank is not None  # read_upload gives a loaded bank or raises
    also = None
    if source is not None and bank.source_name is not None:
        also = Put(bank.source_name, target_path(catalog.folder, bank.source_name), source, True)
    replaced = put_file(catalog, name, target, data, bank, who, now, also)
    return Upload(name=name, bank=bank, replaced=replaced, source=also.name if also else None,
                  skipped=tuple(f"{name}:{s.line}: {s.message}" for s in checked.skipped),
                  notes=tuple(f"{name}:{n.line}: {n.message}" for n in checked.notes))
