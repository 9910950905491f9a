"""The exam lock: while an assigned quiz is open to a student, no self-study on its bank.

Self-study (a free or review quiz, practice, the timeline) shows keys and facts, and a student who
sees them during an assigned quiz on the same bank could copy them into it. So while an assigned
quiz is open (from `opens` to `closes`; one that never closes, for as long as it exists), self-study
on its bank is paused for

- the members of its classes;
- guests and visitors not signed in: a guest could be anyone, a student of the class in the same
  browser included;
- accounts in no class at all: a fresh second account of a student of the class;

and for everyone if the quiz has no classes (one set before classes existed). Teachers and admins
are never paused. A bank marked exam-only (in its file, or by a teacher's switch) is paused for
all but teachers, always.

`lock_on` is one indexed query (the assignment index on bank and opens); it runs on the home page,
the timeline and every self-study start, so it stays that cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Row, Select, and_, bindparam, exists, false, literal, or_, select

from ..extensions import db
from ..i18n import _l
from ..models import Assignment, AssignmentClass, ClassMember, Learner, table_of
from .catalog import DEFAULT_LANG, Bank, current_catalog, exam_only
from .errors import NotAllowed
from .rules import shown

if TYPE_CHECKING:  # attempts.start_attempt calls this module
    from .attempts import Someone

TEACHER_ROLES = ("teacher", "admin")

_A, _AC, _CM = table_of(Assignment), table_of(AssignmentClass), table_of(ClassMember)
_L = table_of(Learner)


class Paused(NotAllowed):
    """Self-study on a bank refused while it is paused for the learner (403, as NotAllowed)."""

    def __init__(self, lock: Lock) -> None:
        super().__init__(lock.message)
        self.lock = lock


@dataclass(frozen=True)
class Lock:
    """Why self-study on a bank is paused for someone now, and until when."""

    bank: str  # the bank's id
    bank_title: str
    quiz: str | None  # the assigned quiz's title; None: the bank is for assigned quizzes only
    until: datetime | None  # when self-study comes back; None: when the teacher closes the quiz
    yours: bool = False  # the quiz is set for one of the learner's classes

    @property
    def exam_only(self) -> bool:
        """The bank itself is for assigned quizzes only (not a quiz's window)."""
        return self.quiz is None

    @property
    def message(self) -> str:
        """What the learner reads: what is paused, for which quiz, until when."""
        if self.quiz is None:
            return str(_l("“%(bank)s” is for assigned quizzes only: it is not offered for "
                          "self-study.", bank=self.bank_title))
        # The quiz is named to its own class only: a guest or a stranger learns no more than
        # that there is one.
        which = (_l("your class's quiz “%(quiz)s”", quiz=self.quiz) if self.yours
                 else _l("an assigned quiz"))
        until = (_l("until %(when)s", when=shown(self.until)) if self.until is not None
                 else _l("for as long as it is open (it has no closing time)"))
        return str(_l("Self-study on %(bank)s is paused for %(which)s %(until)s.",
                      bank=self.bank_title, which=which, until=until))


def _statements() -> dict[tuple[bool, bool], Select]:
    """The lookups, built once (building one cost ten times running it): by (for a signed-in
    learner, on one bank). Each gives (bank, title, closes, yours, everyone, outsider, role) of
    every assignment open at :now; a learner's row comes back even with none open (title NULL),
    with their role."""
    open_now = and_(_A.c.opens <= bindparam("now"),
                    or_(_A.c.closes.is_(None), _A.c.closes > bindparam("now")))
    no_classes = ~exists().where(_AC.c.assignment_id == _A.c.id)
    yours = exists().where(_AC.c.assignment_id == _A.c.id, _CM.c.class_id == _AC.c.class_id,
                           _CM.c.learner_id == _L.c.id)
    in_no_class = ~exists().where(_CM.c.learner_id == _L.c.id)
    statements = {}
    for one_bank in (True, False):
        on = and_(_A.c.bank == bindparam("bank"), open_now) if one_bank else open_now
        statements[False, one_bank] = select(
            _A.c.bank, _A.c.title, _A.c.closes, false().label("yours"),
            no_classes.label("everyone"), literal(True).label("outsider"),
            literal("").label("role")).where(on)
        statements[True, one_bank] = select(
            _A.c.bank, _A.c.title, _A.c.closes, yours.label("yours"),
            no_classes.label("everyone"),
            or_(_L.c.username.is_(None), in_no_class).label("outsider"), _L.c.role,
        ).select_from(_L.outerjoin(_A, on)).where(_L.c.id == bindparam("learner_id"))
    return statements


STATEMENTS = _statements()


def _open_assignments(learner_id: int | None, now: datetime, bank_id: str | None) -> list[Row]:
    statement = STATEMENTS[learner_id is not None, bank_id is not None]
    params = {"now": now, "bank": bank_id, "learner_id": learner_id}
    return list(db.session.connection().execute(statement, params))


def _locks(learner: Someone | None, now: datetime, banks: list[Bank], lang: str
           ) -> dict[str, Lock]:
    bank_id = banks[0].id if len(banks) == 1 else None
    rows = _open_assignments(None if learner is None else learner.id, now, bank_id)
    if any(row.role in TEACHER_ROLES for row in rows):
        return {}
    titles = {bank.id: bank.translated(lang).title for bank in banks}  # as the reader reads it
    locks: dict[str, Lock] = {}
    for row in rows:
        if row.title is None or row.bank not in titles:
            continue
        if not (row.everyone or row.yours or row.outsider):
            continue
        lock = Lock(row.bank, titles[row.bank], row.title, row.closes, bool(row.yours))
        if _later(lock, locks.get(row.bank)):
            locks[row.bank] = lock
    for bank_id, flag in exam_only(banks).items():
        if flag.on:
            locks[bank_id] = Lock(bank_id, titles[bank_id], None, None)
    return locks


def _later(lock: Lock, other: Lock | None) -> bool:
    """Whether `lock` ends after `other` (the message says when self-study comes back)."""
    if other is None:
        return True
    if other.until is None:  # of two that never close, the learner's own class's is named
        return lock.until is None and lock.yours and not other.yours
    return lock.until is None or lock.until > other.until


def lock_on(learner: Someone | None, bank_id: str, now: datetime, lang: str = DEFAULT_LANG
            ) -> Lock | None:
    """Why self-study on the bank is paused for this learner (None: not signed in) now, if it is
    (naming the bank by its title in `lang` where the bank has a translation into it).

    A bank not loaded is not locked here (the caller's NotFound or Invalid says it is missing).
    """
    bank = current_catalog().get(bank_id)
    if bank is None:
        return None
    return _locks(learner, now, [bank], lang).get(bank_id)


def locks_on(learner: Someone | None, now: datetime, lang: str = DEFAULT_LANG
             ) -> dict[str, Lock]:
    """Every loaded bank whose self-study is paused for this learner now, by bank id (each
    named by its title in `lang` where it has a translation into it)."""
    return _locks(learner, now, list(current_catalog().banks.values()), lang)


def ensure_unlocked(learner: Someone | None, bank_id: str, now: datetime,
                    lang: str = DEFAULT_LANG) -> None:
    """Paused (NotAllowed), saying why and until when (the bank titled in `lang`), if self-study
    on the bank is paused for them."""
    lock = lock_on(learner, bank_id, now, lang)
    if lock is not None:
        raise Paused(lock)
