"""Restoring a kept version of a bank's file, or of its source text, by the upload rules
(services/uploads.py): only the file's owner or an admin, checked in full before it is written,
the bytes it replaces kept as a version in turn."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..bank.model import Bank
from ..i18n import _l
from . import bank_versions
from .catalog import Catalog
from .errors import NotFound
from .uploads import Upload, Uploader, check_upload, put_file, target_path

NO_SUCH = _l("There is no such version of this file.")


def file_of(catalog: Catalog, bank_id: str) -> tuple[Bank, str]:
    """A loaded bank and its file's name in the questions folder ('' for a bank made in code);
    NotFound if no such bank is loaded."""
    bank = catalog.get(bank_id)
    if bank is None:
        raise NotFound(_l("There is no question bank %(bank)r loaded now.", bank=bank_id))
    return bank, Path(os.path.relpath(bank.path, catalog.folder)).as_posix() if bank.path else ""


def source_of(bank: Bank, name: str) -> str:
    """The name in the questions folder of the source text the bank names ('' when none)."""
    if not name or bank.source_name is None:
        return ""
    return (Path(name).parent / bank.source_name).as_posix()


def restore_version(catalog: Catalog, bank_id: str, version_id: int, who: Uploader,
                    now: datetime) -> Upload:
    """Put a kept version of a bank's file, or of its source text, back, keeping the current
    bytes as a version.

    NotFound for an unknown version, another file's, or one of a file `who` may not replace
    (someone else's is not shown to exist); UploadRejected if the old bytes no longer pass the
    checks (a source text: if the bank's cites are not in it) or would drop a bank an open quiz
    uses.
    """
    bank, name = file_of(catalog, bank_id)
    source = source_of(bank, name)
    version = None
    for candidate in filter(None, (name, source)):
        try:
            version = bank_versions.find_version(candidate, version_id)
            break
        except NotFound:
            continue
    if version is None or not bank_versions.current(version.name).owner.may_replace(
            who.id, who.is_admin):
        raise NotFound(NO_SUCH)
    data = version.data
    target = target_path(catalog.folder, name)
    if version.name == source:  # the bank's file as it is, checked against the old text
        checked = check_upload(name, target.read_bytes(), catalog.banks, target, source=data)
        put_file(catalog, source, target_path(catalog.folder, source), data, checked, who, now,
                 source=True)
        return Upload(name=name, bank=checked, replaced=True, source=source)
    checked = check_upload(name, data, catalog.banks, target)
    put_file(catalog, name, target, data, checked, who, now)
    return Upload(name=name, bank=checked, replaced=True)
