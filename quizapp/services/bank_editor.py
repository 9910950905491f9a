"""The browser editor: a YAML bank opened as a draft, checked field by field, and saved.

A save writes the bank's file through the path uploads take (`uploads.put_file`): the same
owner rules (its owner, the co-owners they name, an admin), the bytes replaced kept as a version,
the folder reloaded at once in this process and within a second in the others. The draft is
written anew (`bank/edit_yaml.py`), so a file's comments are not kept; keys the editor does not
edit are. A save made on a copy someone has saved over since is refused (Conflict).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from .. import clock
from ..bank.changes import summary
from ..bank.edit_draft import (
    BANK_FIELDS,
    MAX_ROWS,
    ROW_FIELDS,
    SECTIONS,
    Draft,
    Row,
    blank,
    read_draft,
)
from ..bank.edit_yaml import Checked, check_draft
from ..bank.model import Bank, Question
from ..bank.yaml_bank import parse_yaml_bank
from ..i18n import Said, _l
from . import bank_versions
from .bank_versions import Owner, Version
from .catalog import Catalog, current_catalog, quiz_questions
from .errors import Conflict, Invalid, NotAllowed
from .restores import file_of
from .uploads import (
    Upload,
    Uploader,
    UploadRejected,
    check_upload,
    digest,
    put_file,
    target_path,
    upload_name,
)

__all__ = ["BANK_FIELDS", "MAX_ROWS", "ROW_FIELDS", "SECTIONS", "Draft", "EditRejected",
           "Editing", "Row", "blank", "check", "create_bank", "create_from_draft", "generated",
           "history", "open_bank", "save"]

YAML_SUFFIXES = (".yaml", ".yml")
MAX_HISTORY = 20  # versions listed with what changed (each is read and parsed to say so)


class EditRejected(Invalid):
    """A draft that is not saved: each problem by the path of its field ('' for the bank)."""

    def __init__(self, problems: Mapping[str, Sequence[Said | str]]) -> None:
        super().__init__("; ".join(str(m) for ms in problems.values() for m in ms))
        self.problems = problems


@dataclass(frozen=True)
class Editing:
    """A bank opened for editing: its file's name, the draft, and the digest of the bytes read."""

    bank: Bank
    name: str
    draft: Draft
    base: str
    owner: Owner


@dataclass(frozen=True)
class Change:
    """One kept version, and what the save that replaced it changed."""

    version: Version
    summary: Said  # said in the reader's language


def editable(catalog: Catalog, bank_id: str, who: Uploader) -> tuple[Bank, str, Owner]:
    """The bank, its file and owner, if `who` may edit it; NotFound for no such bank,
    NotAllowed (with whose it is) for one they may not edit or that is not a YAML file."""
    bank, name = file_of(catalog, bank_id)
    if not name:
        raise NotAllowed(_l("“%(title)s” is not read from a file, so there is nothing to edit.",
                            title=bank.title))
    owner = bank_versions.current(name).owner
    if not owner.may_replace(who.id, who.is_admin):
        whose = (_l("“%(title)s” came with Quipu and belongs to the admins", title=bank.title)
                 if owner.shipped else
                 _l("“%(title)s” belongs to %(owner)s", title=bank.title, owner=owner.name))
        raise NotAllowed(_l("%(whose)s: only its owner, the co-owners they name and the admins "
                            "edit it. Ask its owner to add you as a co-owner.", whose=whose))
    if not name.endswith(YAML_SUFFIXES):
        raise NotAllowed(_l("%(name)s is not a YAML bank: the editor edits Quipu's own YAML "
                            "files only. Replace it by uploading a file under the same name.",
                            name=name))
    return bank, name, owner


def open_bank(catalog: Catalog, bank_id: str, who: Uploader) -> Editing:
    """A bank's file as a draft, with the digest a save compares against."""
    bank, name, owner = editable(catalog, bank_id, who)
    data = (catalog.folder / name).read_bytes()
    return Editing(bank, name, read_draft(data.decode("utf-8-sig")), digest(data), owner)


def check(catalog: Catalog, draft: Draft, name: str) -> Checked:
    """A draft checked by the loader's rules and against the other files' bank ids.

    It is read as the file in the questions folder it would be, so a rule that looks beside the
    file (a `source:` text) finds what the saved file will.
    """
    checked = check_draft(draft, str(catalog.folder / name))
    bank = checked.bank
    other = catalog.get(bank.id) if bank is not None else None
    if bank is not None and other is not None and file_of(catalog, bank.id)[1] != name:
        problem = str(_l("bank id '%(id)s' is used by another bank (“%(title)s”); give this "
                         "one another id", id=bank.id, title=other.title))
        return Checked(checked.text, None, {"bank": [problem]})
    return checked


def generated(bank: Bank) -> tuple[Question, ...]:
    """The questions made from the bank's facts, as quizzes draw them."""
    return quiz_questions(bank)[len(bank.questions):]


def save(catalog: Catalog, bank_id: str, draft: Draft, base: str, who: Uploader,
         now: datetime) -> Upload:
    """Write a draft over the bank's file, keeping the bytes replaced as a version.

    EditRejected with each problem by field; Conflict if the file changed since `base` was read.
    """
    _, name, _ = editable(catalog, bank_id, who)
    checked = check(catalog, draft, name)
    if checked.problems or checked.bank is None:
        raise EditRejected(checked.problems)
    data = checked.text.encode()
    target = target_path(catalog.folder, name)
    try:
        bank = check_upload(name, data, catalog.banks, target)
        put_file(catalog, name, target, data, bank, who, now, expected=base)
    except UploadRejected as e:  # an open quiz uses the bank id it drops, say
        raise EditRejected({"bank": e.problems}) from e
    return Upload(name=name, bank=bank, replaced=True)


def create_bank(teacher: Uploader, yaml_text: str) -> str:
    """Save a YAML text as a new bank owned by `teacher`; the new bank's id.

    UploadRejected (each problem as `line N: message`) if the text breaks a rule, its bank id is
    taken or a file of its name exists; nothing is written then.
    """
    catalog = current_catalog()
    parsed = parse_yaml_bank(yaml_text, "new bank")
    if parsed.bank is None or not parsed.ok:
        raise UploadRejected([_l("line %(line)d: %(message)s", line=e.line, message=e.message)
                              for e in parsed.problems])
    name = upload_name(f"{parsed.bank.id}.yaml")
    catalog.folder.mkdir(parents=True, exist_ok=True)
    target = target_path(catalog.folder, name)
    taken = [str(_l("%(name)s: a file of this name exists already; give the bank another id",
                    name=name))]
    if target.exists():
        raise UploadRejected(taken)
    data = yaml_text.encode()
    bank = check_upload(name, data, catalog.banks, target)
    try:
        put_file(catalog, name, target, data, bank, teacher, clock.now(), expected="")
    except Conflict as e:  # made in the moment since the look above
        raise UploadRejected(taken) from e
    return bank.id


def create_from_draft(teacher: Uploader, draft: Draft) -> str:
    """The New bank form: a draft checked field by field, then saved by `create_bank`."""
    checked = check(current_catalog(), draft, "new-bank.yaml")
    if checked.problems or checked.bank is None:
        raise EditRejected(checked.problems)
    try:
        return create_bank(teacher, checked.text)
    except UploadRejected as e:
        raise EditRejected({"bank": e.problems}) from e


def history(catalog: Catalog, name: str) -> list[Change]:
    """The file's kept versions, the latest first, each with what the save after it changed."""
    changes: list[Change] = []
    path = catalog.folder / name
    newer = path.read_bytes() if path.is_file() else b""
    for version in bank_versions.versions(name)[:MAX_HISTORY]:
        older = bank_versions.find_version(name, version.id).data
        changes.append(Change(version, summary(_bank_of(older), _bank_of(newer))))
        newer = older
    return changes


def _bank_of(data: bytes) -> Bank | None:
    try:
        return parse_yaml_bank(data.decode("utf-8-sig"), "version").bank
    except UnicodeDecodeError:
        return None
