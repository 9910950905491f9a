"""Question files a teacher uploads: checked in full before anything is written, then saved.

A file is parsed by the same loader the questions folder is read with, so an upload is taken in
every format the loader knows (by suffix), and refused with each problem as `name:line: message`.
It is written under a hidden temporary name in the questions folder and renamed into place, so a
server process reloading the folder at that moment reads the old file or the new one, never half.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from werkzeug.utils import secure_filename

from ..bank.loader import QUESTION_FILE_PATTERNS, known_suffix, known_suffixes, load_file
from ..bank.model import Bank
from .catalog import Catalog
from .errors import Invalid

MAX_UPLOAD = 1024 * 1024  # bytes; the largest shipped bank is a tenth of this
MAX_STEM = 80  # characters of a file name before its suffix (a bank id's column holds 80)


class UploadRejected(Invalid):
    """A file that is not saved, with every reason as a line a teacher can act on."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Upload:
    """A saved file: its name in the questions folder, its bank, and whether it replaced one."""

    name: str
    bank: Bank
    replaced: bool


def upload_name(filename: str) -> str:
    """The name to save a file under: made safe, its suffix in lower case; UploadRejected if not."""
    name = secure_filename(filename or "")  # drops folders, `..`, leading dots and odd characters
    suffix = known_suffix(name)
    stem = name[: len(name) - len(suffix)]
    # The folder is read by patterns like *.yaml, case-sensitively: BANK.YAML would never load.
    name = stem + suffix
    if not suffix or not stem or not any(fnmatchcase(name, p) for p in QUESTION_FILE_PATTERNS):
        shown = filename or "The file"
        raise UploadRejected([f"{shown}: not a question file; the names end in "
                              f"{', '.join(known_suffixes())}"])
    if len(stem) > MAX_STEM:  # an imported file's name is its bank's id, kept in 80 characters
        raise UploadRejected([f"{stem[:40]}…{suffix}: the name is {len(stem)} characters long "
                              f"before {suffix}; rename the file to at most {MAX_STEM}"])
    return name


def target_path(folder: Path, name: str) -> Path:
    """Where `name` goes: directly in the questions folder, or UploadRejected."""
    root = folder.resolve()
    target = (root / name).resolve()  # a symlink already there must not lead outside
    if target.parent != root:
        raise UploadRejected([f"{name}: not saved: that name would place it outside the "
                              "questions folder"])
    return target


def check_upload(name: str, data: bytes, banks: dict[str, Bank], target: Path) -> Bank:
    """The bank in the bytes, or UploadRejected with every problem; nothing is written."""
    if len(data) > MAX_UPLOAD:
        raise UploadRejected([f"{name}: the file is larger than {MAX_UPLOAD // 1024} KB; split "
                              "the bank into smaller files"])
    with tempfile.TemporaryDirectory() as scratch:  # the loader reads files: read a copy
        copy = Path(scratch) / name
        copy.write_bytes(data)
        loaded = load_file(copy)
    bank, errors = loaded.bank, loaded.problems
    if errors or bank is None:
        raise UploadRejected([f"{name}:{e.line}: {e.message}" for e in errors])
    other = banks.get(bank.id)
    if other is not None and Path(other.path).resolve() != target:
        owner = Path(other.path).name
        raise UploadRejected([
            f"{name}:{bank.line}: bank id '{bank.id}' is already used by {owner}; give this bank "
            f"another id, or upload it as {owner} to replace that file"
        ])
    return bank


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


def save_upload(catalog: Catalog, filename: str, data: bytes) -> Upload:
    """Check an uploaded file and, if it is good, save it in the catalog's folder and reload."""
    name = upload_name(filename)
    catalog.folder.mkdir(parents=True, exist_ok=True)
    target = target_path(catalog.folder, name)
    bank = check_upload(name, data, catalog.banks, target)
    replaced = target.exists()
    write_atomically(target, data)
    catalog.refresh(force=True)  # this process at once; the others within a second
    return Upload(name=name, bank=bank, replaced=replaced)
