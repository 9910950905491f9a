"""The banks the app serves, loaded from the questions folder and reloaded when it changes.

Every server process keeps its own copy and looks at the folder's files (names, sizes, times) at
most once a second, so a file a teacher adds is live in every process without a restart.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import bindparam, select

from ..bank.export import EXPORTERS
from ..bank.generate import generate_questions
from ..bank.loader import load_folder, scan_folder, source_files
from ..bank.model import Bank, LoadResult, Question
from ..database import write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import BankSetting
from ..quiz.build import QuizPool
from .errors import NotFound

__all__ = ["EXPORTERS", "Bank", "Catalog", "Download", "ExamOnly", "bank_for", "current_catalog",
           "exam_only", "export_bank", "set_exam_only"]

DEFAULT_LANG = "en"  # what a caller that names no language gets
CHECK_INTERVAL = 1.0  # seconds between looks at the folder
GENERATOR_SEED = 0  # fixed, so generated questions keep their ids from one load to the next


def quiz_questions(bank: Bank) -> tuple[Question, ...]:
    """What quizzes on a bank draw from: its written questions and those made from its facts."""
    return bank.questions + generate_questions(bank, GENERATOR_SEED)


class Catalog:
    """The loaded banks of one folder, kept fresh, each with its quiz pool."""

    def __init__(
        self,
        folder: str | Path,
        load: Callable[[Path], LoadResult] = load_folder,
        questions: Callable[[Bank], tuple[Question, ...]] = quiz_questions,
    ) -> None:
        self.folder = Path(folder)
        self._load = load
        self._questions = questions
        self._lock = threading.Lock()
        self._signature: tuple | None = None
        self._checked = float("-inf")
        self._result = LoadResult(banks=())
        self._banks: dict[str, Bank] = {}
        self._pools: dict[tuple[str, str], QuizPool] = {}

    def _folder_signature(self) -> tuple:
        if not self.folder.is_dir():
            return ()
        entries = []
        # Hidden files and broken links left out; a bank's source text changes the bank too.
        for path in scan_folder(self.folder)[0] + source_files(self.folder):
            try:
                st = path.stat()
            except OSError:  # gone since the scan: the next look sees the folder as it is
                continue
            entries.append((str(path), st.st_size, st.st_mtime_ns))
        return tuple(entries)

    def refresh(self, force: bool = False) -> LoadResult:
        """Reload if the folder changed (looked at no more than once a second unless forced)."""
        now = time.monotonic()
        if not force and now - self._checked < CHECK_INTERVAL:
            return self._result
        with self._lock:
            if not force and time.monotonic() - self._checked < CHECK_INTERVAL:
                return self._result  # another thread looked while this one waited
            signature = self._folder_signature()
            if force or signature != self._signature:
                result = self._load(self.folder)
                self._banks = {b.id: b for b in result.banks}
                self._pools = {}
                self._result, self._signature = result, signature
            # Only now: a request that arrives while the first load runs waits for it at the
            # lock, rather than being told the last look was recent and getting no banks.
            self._checked = time.monotonic()
        return self._result

    @property
    def result(self) -> LoadResult:
        """The latest load: good banks and problems."""
        return self.refresh()

    @property
    def banks(self) -> dict[str, Bank]:
        """The good banks by id."""
        self.refresh()
        return self._banks

    def get(self, bank_id: str) -> Bank | None:
        """One bank by id, or None."""
        return self.banks.get(bank_id)

    def bank_for(self, bank_id: str, lang: str = DEFAULT_LANG) -> Bank | None:
        """One bank by id with its texts in `lang` where it has a translation into it (the bank
        as it is otherwise), or None; made once per bank and language and load."""
        bank = self.get(bank_id)
        return None if bank is None else bank.translated(lang)

    def title(self, bank_id: str, lang: str = DEFAULT_LANG) -> str:
        """A bank's title in `lang` where it has a translation into it (its own otherwise), or
        its id once its file is gone (an attempt outlives its bank)."""
        bank = self.bank_for(bank_id, lang)
        return bank.title if bank is not None else bank_id

    def pool(self, bank_id: str, lang: str = "") -> QuizPool:
        """The quiz pool of a bank (written and generated questions), built once per load and
        language: the same questions, ids and keys in every language, worded in `lang` where the
        bank has a translation into it; by default in the bank's own language (the pool quizzes
        are drawn from, whatever the language its texts are in)."""
        bank = self.banks[bank_id]
        bank = bank.translated(lang) if lang else bank
        pools = self._pools
        key = (bank_id, bank.lang)  # a language the bank has no translation into: its own pool
        if key not in pools:
            pools[key] = QuizPool(self._questions(bank))
        return pools[key]


def init_app(app: Flask, catalog: Catalog | None = None) -> None:
    """Attach a catalog of the app's questions folder (tests may hand in their own)."""
    app.extensions["quizapp.catalog"] = catalog or Catalog(app.config["QUESTIONS_DIR"])


def current_catalog() -> Catalog:
    """The catalog of the running app."""
    return current_app.extensions["quizapp.catalog"]


@dataclass(frozen=True)
class Download:
    """A bank written out as a file: its text, its file name, and the media type to send."""

    text: str
    filename: str
    media_type: str


def bank_for(bank_id: str, lang: str = DEFAULT_LANG) -> Bank:
    """A loaded bank in `lang` where it has a translation into it (Catalog.bank_for); NotFound if
    there is no such bank."""
    bank = current_catalog().bank_for(bank_id, lang)
    if bank is None:
        raise NotFound(_l("There is no question bank %(bank)r loaded now.", bank=bank_id))
    return bank


def export_bank(bank_id: str, file_format: str) -> Download:
    """A loaded bank's written questions in an export format (EXPORTERS); NotFound if no bank."""
    bank = current_catalog().get(bank_id)
    if bank is None:
        raise NotFound(_l("There is no question bank %(bank)r loaded now.", bank=bank_id))
    write, suffix, media_type = EXPORTERS[file_format]
    return Download(write(bank), f"{bank.id}{suffix}", media_type)


# Built once: building it cost more than running it.
SWITCHES = select(
    BankSetting.bank, BankSetting.exam_only, BankSetting.changed_by, BankSetting.changed,
).where(BankSetting.bank.in_(bindparam("banks", expanding=True)))


@dataclass(frozen=True)
class ExamOnly:
    """Whether a bank is for assigned quizzes only, and who said so: its file, or a teacher's
    switch on the teacher's pages (which overrides the file) with who set it and when."""

    on: bool
    in_file: bool
    switched_by: int | None = None  # the teacher's id; None: the file decides
    switched: datetime | None = None

    @property
    def switched_here(self) -> bool:
        """Whether a teacher's switch, not the file, decides."""
        return self.switched is not None


def exam_only(banks: Iterable[Bank]) -> dict[str, ExamOnly]:
    """Each bank's exam-only flag: the teacher's switch where there is one, else its file's.

    One query of the (small) settings table, whatever the number of banks.
    """
    wanted = {bank.id: bank for bank in banks}
    switches = {row.bank: row for row in db.session.connection().execute(
        SWITCHES, {"banks": list(wanted)})} if wanted else {}
    flags = {}
    for bank_id, bank in wanted.items():
        row = switches.get(bank_id)
        flags[bank_id] = (ExamOnly(bank.exam_only, bank.exam_only) if row is None else
                          ExamOnly(row.exam_only, bank.exam_only, row.changed_by, row.changed))
    return flags


def set_exam_only(teacher_id: int, bank_id: str, on: bool, now: datetime) -> ExamOnly:
    """Switch a loaded bank to assigned quizzes only (or back to self-study), over its file's flag.

    NotFound for a bank not loaded now. Checking that the caller is a teacher is the page's job.
    """
    bank = current_catalog().get(bank_id)
    if bank is None:
        raise NotFound(_l("There is no question bank %(bank)r loaded now.", bank=bank_id))
    with write_transaction():
        setting = db.session.get(BankSetting, bank_id)
        if setting is None:
            setting = BankSetting(bank=bank_id)
            db.session.add(setting)
        setting.exam_only, setting.changed_by, setting.changed = on, teacher_id, now
    return ExamOnly(on, bank.exam_only, teacher_id, now)
