"""Start, submit and find attempts: the one module that creates and stores an attempt.

The rules that keep scores honest live here, shared by every quiz, practice question and assigned
quiz, and by the pages and the API: the quiz is stored before it is shown, grading reads only the
stored snapshot, an attempt belongs to one learner and is submitted once. Submitting also reviews
the learner's card of every fact the answers tested, in the same transaction.

Practice and assigned quizzes hand `store` the quiz they built, and any check to run inside the
insert's transaction (an assigned quiz's window and attempt limit).
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select

from .. import clock
from ..bank.model import Bank
from ..database import write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import Assignment, Attempt, AttemptItem
from ..quiz.build import QuizError, QuizItem, build_quiz, build_review
from ..quiz.rules import (
    ATTEMPT_MODES,
    LIVE,
    MAX_LENGTH,
    MIN_LENGTH,
    REVIEW,
    SEED_LIMIT,
    deadline,
    overdue,
    seconds_left,
)
from ..quiz.snapshot import AnswerError, check_answers, make_snapshot
from ..quiz.snapshot import ShownOption as ShownOption  # for the pages that draw snapshots
from ..quiz.snapshot import Snapshot as Snapshot
from . import exam_lock, fast, limits
from .cards import due_facts
from .catalog import DEFAULT_LANG, current_catalog
from .errors import AlreadySubmitted, Invalid, NotFound, Unbuildable
from .handin import by_the_clock, close_if_overdue, close_overdue, hand_in, too_late

NOT_YOURS = _l("There is no such attempt among yours.")
SUBMITTED = _l("This attempt was already submitted; its score stands.")


class Someone(Protocol):
    """Whoever a service acts for: the signed-in learner of a page, or the API's ORM Learner."""

    @property
    def id(self) -> int: ...


def _ids() -> Callable[[], str]:
    """A maker of short random ids, never the same twice in one attempt."""
    used: set[str] = set()

    def new_id() -> str:
        while (token := secrets.token_hex(4)) in used:
            pass
        used.add(token)
        return token

    return new_id


def _attempt_id() -> str:
    """A new attempt's random id, never starting with a character a spreadsheet reads as a
    formula (a CSV export would otherwise have to change it)."""
    while (token := secrets.token_urlsafe(12))[0] in "-_":
        pass
    return token


def _is_whole(value: Any) -> bool:
    """An int that is not a bool: JSON's `true` must not pass for a length of 1."""
    return isinstance(value, int) and not isinstance(value, bool)


def checked_bank(bank_id: Any, mode: Any, length: Any, seed: Any = None) -> Bank:
    """The bank to build from, once the request is known to be well-formed; Invalid if not."""
    bank = current_catalog().get(bank_id) if isinstance(bank_id, str) else None
    if bank is None:
        raise Invalid(_l("There is no question bank %(bank)s.", bank=repr(bank_id)))
    if mode not in ATTEMPT_MODES:
        raise Invalid(_l("A quiz mode is one of %(modes)s.", modes=", ".join(ATTEMPT_MODES)))
    if not _is_whole(length) or not MIN_LENGTH <= length <= MAX_LENGTH:
        raise Invalid(_l("A quiz has %(low)d to %(high)d questions.", low=MIN_LENGTH,
                         high=MAX_LENGTH))
    if seed is not None and (not _is_whole(seed) or not 0 <= seed < SEED_LIMIT):
        raise Invalid(_l("A seed is a whole number from 0 to %(high)d.", high=SEED_LIMIT - 1))
    return bank


def draw(learner: Someone, bank: Bank, mode: str, length: int, seed: int) -> list[QuizItem]:
    """The quiz: drawn from the bank's pool or, for review, asked on the learner's due facts;
    worded in the bank's language (`worded`)."""
    pool, rng = current_catalog().pool(bank.id), random.Random(seed)
    try:
        if mode != REVIEW:
            return worded(build_quiz(pool, mode, length, rng), bank)
        due = due_facts(learner.id, bank, clock.now())
        if not due:
            raise Unbuildable(_l("Nothing in this bank is due for review yet: come back later, "
                                 "or take another quiz."))
        return worded(build_review(pool, due, length, rng), bank)
    except QuizError as e:
        raise Unbuildable(_l("%(why)s: choose another mode or bank.", why=e.args[0])) from None


def worded(quiz: list[QuizItem], bank: Bank) -> list[QuizItem]:
    """A quiz drawn from the bank's own questions, each question as a translated bank words it
    (the same id, options in the same places, options shown in the same order): one seed gives
    one quiz in every language."""
    if not bank.lang:
        return quiz
    shown = current_catalog().pool(bank.id, bank.lang).by_id
    return [QuizItem(shown[item.question.id], item.order) for item in quiz]


def new_seed(seed: int | None = None) -> int:
    """The seed given, or a new random one."""
    return secrets.randbelow(SEED_LIMIT) if seed is None else seed


def start_attempt(
    learner: Someone, bank_id: Any, mode: Any, length: Any, seed: Any = None,
    lang: str = DEFAULT_LANG,
) -> Attempt:
    """Build a quiz and store it, with a snapshot of every question, before it is shown.

    The snapshots are in `lang` where the bank has a translation into it (the same questions and
    keys as in any other language). Self-study: NotAllowed while an assigned quiz on the bank is
    open to the learner (exam_lock).
    """
    bank = checked_bank(bank_id, mode, length, seed).translated(lang)
    exam_lock.ensure_unlocked(learner, bank.id, clock.now(), lang)
    seed = new_seed(seed)
    return store(learner, bank, mode, seed, draw(learner, bank, mode, length, seed))


def store(
    learner: Someone, bank: Bank, mode: str, seed: int, quiz: list[QuizItem], *,
    assignment_id: int | None = None, check: Callable[[], None] | None = None,
    deadline: Callable[[datetime], datetime | None] | None = None,
    snapshots: Sequence[Snapshot] | None = None,
) -> Attempt:
    """Store a built quiz as the learner's new attempt, with a snapshot of every question.

    Inside the insert's write transaction, the learner's limits run first (services/limits: open
    quizzes, starts per minute; RateLimited or TooManyOpen), then `check`, which may refuse by
    raising: what they count cannot change before the insert (SQLite's BEGIN IMMEDIATE, or a row
    lock).
    `deadline` gives the attempt's deadline from its start time (an assigned quiz's).
    `snapshots`, instead of the quiz, are questions already served (a live game's); a live
    game's answers are not held to the limits on starts (the host started the game).
    """
    new_id = _ids()
    attempt = Attempt(
        id=_attempt_id(), learner_id=learner.id, bank=bank.id, mode=mode, seed=seed,
        max_score=float(len(quiz) if snapshots is None else len(snapshots)),
        assignment_id=assignment_id,
    )
    attempt.items = [
        AttemptItem(position=i, public_id=new_id(), question_id=item.question.id,
                    snapshot=make_snapshot(item, bank, new_id))
        for i, item in enumerate(quiz)
    ] if snapshots is None else [
        AttemptItem(position=i, public_id=new_id(), question_id=snapshot.question_id,
                    snapshot=snapshot)
        for i, snapshot in enumerate(snapshots)
    ]
    with write_transaction():
        now = clock.now()
        if mode != LIVE:
            limits.check_start(learner.id, mode, assignment_id is not None, now)
        if check is not None:
            check()
        attempt.started = now
        attempt.deadline = deadline(attempt.started) if deadline is not None else None
        db.session.add(attempt)
        db.session.flush()
    return attempt


def own_attempt(learner: Someone, attempt_id: Any) -> Attempt:
    """The learner's attempt as stored; NotFound for one that is not there or is someone else's."""
    attempt = fast.load_attempt(attempt_id) if isinstance(attempt_id, str) else None
    if attempt is None or attempt.learner_id != learner.id:
        raise NotFound(NOT_YOURS)
    return attempt


def find_attempt(learner: Someone, attempt_id: Any) -> Attempt:
    """The learner's attempt, handed in first if it is past its deadline; NotFound as in
    own_attempt."""
    attempt = own_attempt(learner, attempt_id)
    close_if_overdue(attempt, clock.now())
    return attempt


@dataclass(frozen=True)
class OpenQuiz:
    """An open attempt as its page shows it: the items as (public id, snapshot) in order, the
    answers saved so far (by item id), and the clock of an assigned quiz."""

    id: str
    bank: str
    title: str | None  # the assigned quiz's
    started: datetime
    deadline: datetime | None
    time_limit: int | None  # minutes
    seconds_left: int | None
    items: list[tuple[str, Snapshot]]
    saved: dict[str, Any]


def open_quiz(learner: Someone, attempt_id: Any) -> OpenQuiz | None:
    """An open attempt of the learner's, read by one statement; None once it is submitted (or
    has just been handed in, being overdue): its review loads it whole. NotFound as in
    find_attempt."""
    rows = fast.quiz_rows(attempt_id) if isinstance(attempt_id, str) else ()
    if not rows or rows[0].learner_id != learner.id:
        raise NotFound(NOT_YOURS)
    head, now = rows[0], clock.now()
    if head.submitted is not None:
        return None
    if overdue(head.deadline, now):
        find_attempt(learner, attempt_id)
        return None
    return OpenQuiz(
        head.id, head.bank, head.title, head.started, head.deadline, head.time_limit,
        None if head.deadline is None else seconds_left(head.deadline, now),
        [(row.public_id, row.snapshot) for row in rows if row.public_id is not None],
        {row.public_id: row.answer for row in rows if row.answer not in (None, [])})


def submit_attempt(learner: Someone, attempt_id: Any, answers: Any) -> Attempt:
    """Grade the answers from the stored snapshots and keep the score; once only, and by the
    deadline: later answers are refused (TooLate) and the saved ones handed in instead."""
    attempt, now = own_attempt(learner, attempt_id), clock.now()
    refuse_if_closed(attempt, now)
    checked = checked_answers(attempt, answers)
    with write_transaction():
        if not hand_in(attempt, checked, now, now):  # of parallel submissions one wins
            raise AlreadySubmitted(SUBMITTED)
    return attempt


def refuse_if_closed(attempt: Attempt, now: datetime) -> None:
    """AlreadySubmitted for a submitted attempt; TooLate past its deadline, once the attempt is
    handed in with the answers saved by then."""
    if attempt.submitted is None and not overdue(attempt.deadline, now):
        return
    close_if_overdue(attempt, now)
    if by_the_clock(attempt):
        raise too_late(attempt)
    raise AlreadySubmitted(SUBMITTED)


def checked_answers(attempt: Attempt, answers: Any) -> dict[str, Any]:
    """The answers checked against the attempt's snapshots, by item id; Invalid if they do not
    fit (an item of another attempt, an option the question does not have)."""
    try:
        return check_answers({item.public_id: item.snapshot for item in attempt.items}, answers)
    except AnswerError as e:
        raise Invalid(_l("Those answers do not fit this quiz: %(why)s.", why=e.args[0])
                      ) from None


def attempts_of(learner: Someone) -> list[Attempt]:
    """The learner's attempts, newest started first (any overdue one handed in first)."""
    return [attempt for attempt, _ in history(learner)]


def history(learner: Someone) -> list[tuple[Attempt, str | None]]:
    """The learner's attempts, newest started first, each with its assigned quiz's title if any
    (any overdue one handed in first)."""
    close_overdue(clock.now(), learner_id=learner.id)
    query = (
        select(Attempt, Assignment.title)
        .outerjoin(Assignment, Assignment.id == Attempt.assignment_id)
        .where(Attempt.learner_id == learner.id)
        .order_by(Attempt.started.desc(), Attempt.id)
    )
    return [(attempt, title) for attempt, title in db.session.execute(query)]


def deadline_of(assignment: Assignment) -> Callable[[datetime], datetime | None]:
    """How an attempt at the assigned quiz gets its deadline from its start (for `store`)."""
    return lambda started: deadline(started, assignment.time_limit, assignment.closes)
