"""The review of a submitted attempt: what the learner answered, what was right, and why; and,
for an assigned quiz, how much of it the learner may see yet.

Read from each item's snapshot only, like grading, so a question file edited since changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ..extensions import db
from ..i18n import _l
from ..models import Assignment, Attempt, AttemptItem
from ..quiz.explain import (
    BLANK,
    PARTLY,
    RESULTS,
    RIGHT,
    WRONG,
    in_date_order,
    key_dates,
    points_in_words,
    result_of,
)
from ..quiz.grade import positions_correct
from . import exam_lock
from .rules import number


def said(message: str, values: Mapping[str, object]) -> str:
    """quiz.explain's words in the request's language (its `say`), numbers written for it."""
    shown = {k: number(v) if isinstance(v, float) else v for k, v in values.items()}
    return str(_l(message, **shown))


# The words for quiz.explain's results and the kinds of question, translatable (quizapp/i18n).
RESULT_WORDS = {RIGHT: _l("right"), PARTLY: _l("partly right"), WRONG: _l("wrong"),
                BLANK: _l("not answered")}
KINDS = {"choice": _l("One answer"), "multiple": _l("Every right answer"),
         "ordering": _l("Ordering")}

# What a learner sees of a submitted attempt, least to most: the score; the score and which
# questions were right, partly right or wrong; everything (answers, key, explanations, facts).
SCORE, MARKS, ALL = "score", "marks", "all"
LEVELS = (SCORE, MARKS, ALL)
LEVEL_NAMES = {SCORE: _l("the score only"), MARKS: _l("the score and which questions were right"),
               ALL: _l("everything: answers, key, explanations and facts")}


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
    key_dates: tuple[str, ...] = ()  # for an order: each right item's date, from its fact
    points_words: str = ""  # "4 of 6 pairs in the right order: 0.67 points"
    in_date_order: tuple[dict, ...] = ()  # a timeline question's facts, in the order they happened
    images: tuple = ()  # the pictures the question shows (snapshot images: digest, alt)

    @property
    def answered(self) -> bool:
        """Whether the learner gave any answer."""
        return bool(self.given)

    @property
    def correct(self) -> bool:
        """Full marks."""
        return self.points == 1.0

    @property
    def result(self) -> str:
        """right, partly, wrong or blank (quiz.explain.RESULTS)."""
        return result_of(self.answered, self.points)

    @property
    def result_words(self) -> str:
        """The result for people: right, partly right, wrong, not answered."""
        return str(RESULT_WORDS[self.result])  # in the language of the request reading it

    @property
    def kind(self) -> str:
        """The kind of question, for its card: One answer, Every right answer, Ordering."""
        return str(KINDS.get(self.type, self.type))

    @property
    def keyed(self) -> list[tuple[str, str]]:
        """The key's items, each with its date when the order's facts give them."""
        dates = self.key_dates or ("",) * len(self.key)
        return list(zip(self.key, dates, strict=True))


def _fact(f) -> dict:
    return {"id": f.id, "label": f.label or f.year or "", "text": f.text}


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
        facts=tuple(_fact(f) for f in snap.facts),
        key_dates=key_dates(snap),
        points_words=points_in_words(snap, answer, said),
        in_date_order=tuple(_fact(f) for f in in_date_order(snap)),
        images=snap.images,
    )


def review(attempt: Attempt) -> list[ItemReview]:
    """Every item of an attempt, reviewed, in the order it was served."""
    return [review_item(item, number) for number, item in enumerate(attempt.items, start=1)]


@dataclass(frozen=True)
class Summary:
    """The top of a review: how many questions of each result, and how long the quiz took."""

    counts: dict[str, int]  # by result, every result present
    seconds: int  # from the start to the submission

    @property
    def total(self) -> int:
        """How many questions."""
        return sum(self.counts.values())

    @property
    def missed(self) -> int:
        """Questions not fully right: partly right, wrong or blank."""
        return self.total - self.counts[RIGHT]

    @property
    def time_taken(self) -> str:
        """The time taken for people: "4 min 12 s", "45 s", "1 h 3 min"."""
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        if hours:
            return f"{hours} h {minutes} min"
        return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def summary(attempt: Attempt, items: list[ItemReview]) -> Summary:
    """Counts by result of the reviewed items, and the attempt's time from start to submission."""
    counts = dict.fromkeys(RESULTS, 0)
    for item in items:
        counts[item.result] += 1
    end = attempt.submitted or attempt.started
    return Summary(counts, max(0, int((end - attempt.started).total_seconds())))


def missed_facts(attempt: Attempt) -> list[str]:
    """The facts tested by the questions not fully right (blank ones too), in the order asked,
    each once: what "Practise what I missed" practises."""
    facts: list[str] = []
    for item in attempt.items:
        if (item.points or 0.0) < 1.0:
            facts += [f.id for f in item.snapshot.facts if f.id not in facts]
    return facts

