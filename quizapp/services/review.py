"""The review of a submitted attempt: what the learner answered, what was right, and why; and,
for an assigned quiz, how much of it the learner may see yet.

Read from each item's snapshot only, like grading, so a question file edited since changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..extensions import db
from ..models import Assignment, Attempt, AttemptItem
from ..quiz.grade import positions_correct
from . import exam_lock

# What a learner sees of a submitted attempt, least to most: the score; the score and which
# questions were right, partly right or wrong; everything (answers, key, explanations, facts).
SCORE, MARKS, ALL = "score", "marks", "all"
LEVELS = (SCORE, MARKS, ALL)
LEVEL_NAMES = {SCORE: "the score only", MARKS: "the score and which questions were right",
               ALL: "everything: answers, key, explanations and facts"}


@dataclass(frozen=True)
class ReviewLevel:
    """How much of a submitted attempt its learner may see now, and when more will show."""

    shows: str  # SCORE, MARKS or ALL
    more_from: datetime | None = None  # the quiz's closing time, if more is shown after it

    @property
    def marks(self) -> bool:
        """Which questions were right, partly right or wrong, with their points."""
        return self.shows in (MARKS, ALL)

    @property
    def everything(self) -> bool:
        """The answers given, the key, the remarks, explanations and facts."""
        return self.shows == ALL


@dataclass(frozen=True)
class _Learner:
    id: int


def _level(value: str) -> str:
    return value if value in LEVELS else SCORE  # an unknown setting shows the least


def what_may_be_shown(attempt: Attempt, now: datetime) -> ReviewLevel:
    """What the learner may see of their submitted attempt at `now`: everything for practice and
    free quizzes; for an assigned quiz, its teacher's choice "after submitting" until it closes,
    and "after closing" from then (a quiz that never closes: the first, always)."""
    if attempt.assignment_id is None:
        # A free quiz or practice on a bank whose self-study is paused (an assigned quiz on it is
        # open to this learner) shows the score only until then: its key is that quiz's key.
        lock = exam_lock.lock_on(_Learner(attempt.learner_id), attempt.bank, now)
        return ReviewLevel(ALL) if lock is None else ReviewLevel(SCORE, lock.until)
    assignment = db.session.get(Assignment, attempt.assignment_id)
    if assignment is None:
        return ReviewLevel(ALL)
    after_submit = _level(assignment.review_after_submit)
    if assignment.closes is None:
        return ReviewLevel(after_submit)
    if now >= assignment.closes:
        return ReviewLevel(_level(assignment.review_after_close))
    later = _level(assignment.review_after_close)
    more = LEVELS.index(later) > LEVELS.index(after_submit)
    return ReviewLevel(after_submit, assignment.closes if more else None)


def assigned_title(attempt: Attempt) -> str | None:
    """The title of the assigned quiz the attempt was taken at, if any."""
    if attempt.assignment_id is None:
        return None
    assignment = db.session.get(Assignment, attempt.assignment_id)
    return None if assignment is None else assignment.title


@dataclass(frozen=True)
class Pick:
    """One option the learner gave, and whether it was right (for ordering: in its right place)."""

    text: str
    right: bool


@dataclass(frozen=True)
class ItemReview:
    """One question of a submitted attempt, as the review page shows it."""

    number: int
    type: str
    prompt: str
    given: tuple[Pick, ...]  # in the learner's order; empty when unanswered
    key: tuple[str, ...]  # the right option, the right set, or the right order
    points: float
    explanation: str
    remarks: tuple[str, ...]  # the question's feedback on the options the learner picked
    facts: tuple[dict, ...]  # {"id", "label", "text"}: the facts of the text the question tests
    images: tuple = ()  # the pictures the question shows (snapshot images: digest, alt)

    @property
    def answered(self) -> bool:
        """Whether the learner gave any answer."""
        return bool(self.given)

    @property
    def correct(self) -> bool:
        """Full marks."""
        return self.points == 1.0


def review_item(item: AttemptItem, number: int) -> ItemReview:
    """Review one item from its snapshot and the answer stored with it."""
    snap = item.snapshot
    text = snap.option_text
    answer = item.answer
    given = [] if answer is None else [answer] if isinstance(answer, str) else list(answer)
    if snap.type == "ordering":
        right = positions_correct(snap.key, given)
    else:
        right = [option in snap.key for option in given]
    feedback = snap.feedback
    return ItemReview(
        number=number,
        type=snap.type,
        prompt=snap.prompt,
        given=tuple(Pick(text[o], ok) for o, ok in zip(given, right, strict=True)),
        key=tuple(text[o] for o in snap.key),
        points=item.points or 0.0,
        explanation=snap.explanation,
        remarks=tuple(feedback[o] for o in given if o in feedback),
        facts=tuple(
            {"id": f.id, "label": f.label or f.year or "", "text": f.text} for f in snap.facts
        ),
        images=snap.images,
    )


def review(attempt: Attempt) -> list[ItemReview]:
    """Every item of an attempt, reviewed, in the order it was served."""
    return [review_item(item, number) for number, item in enumerate(attempt.items, start=1)]
