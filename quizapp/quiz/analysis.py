"""Item analysis: which questions work, from each learner's first attempt, as Moodle computes it.

Per question: `n` (first attempts that served it), the facility (mean points; every question is
worth 1, so it is also the share of the marks earned), the standard deviation of its points (the
sample SD, n - 1, as Moodle), and the discrimination: the Pearson correlation between its points and
the rest of the attempt's score (the score minus this question), so a question is not correlated
with itself.

Cronbach's alpha is defined for one fixed test, every attempt answering the same questions. Quizzes
drawn at random from a bank serve learners different questions, so alpha is computed over the
largest group of attempts that were served exactly the same set of questions, and reported with the
size of that group. That group is every attempt for an assigned quiz with a fixed seed, or for a
bank no bigger than its quizzes; with fewer than two attempts or questions in it there is no alpha.

A question is flagged only once at least MIN_ANSWERS (10) first attempts served it: with three
answers, one lucky guess makes a question "very easy". Below that the page says so instead.

Everything is read in one pass over (attempt, question, points) rows, the rows of one attempt
together; only one attempt's rows are held at a time. Sums are kept shifted by the first value seen,
so a question everyone scored the same on has exactly zero variance, not a rounding error's worth.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..bank.said import Said, _m

FACILITY_LOW, FACILITY_HIGH, DISCRIMINATION_LOW = 0.2, 0.9, 0.2
MIN_ANSWERS = 10  # first attempts a question needs before it is flagged: fewer prove nothing
HINTS = {  # messages: said in the teacher's language on the item analysis page
    "hard": _m("Very hard: check the key and the wording."),
    "easy": _m("Very easy: nearly everyone gets it right, so it tells you little."),
    "weak": _m("Doesn't separate strong from weak learners: check for a misleading option."),
    "negative": _m("Stronger learners did worse on it than weaker ones: check the key, and check "
                   "for a misleading option."),
}
TINY = 1e-9  # a sum of squared deviations below this is zero: points differ by 1/56 at the least


@dataclass(frozen=True)
class Flag:
    """Why a question needs a look: its kind (hard, easy, weak, negative) and a hint in words."""

    kind: str
    hint: Said


@dataclass(frozen=True)
class ItemStats:
    """One question's statistics; SD and discrimination are None where they are undefined."""

    question_id: str
    n: int
    facility: float
    sd: float | None
    discrimination: float | None
    flags: tuple[Flag, ...]  # none while too_few

    @property
    def too_few(self) -> bool:
        """Fewer than MIN_ANSWERS first attempts served it: no flag says anything yet."""
        return self.n < MIN_ANSWERS


@dataclass(frozen=True)
class Alpha:
    """Cronbach's alpha, and the group it is computed over: attempts with the same questions."""

    value: float
    attempts: int
    questions: int


@dataclass(frozen=True)
class Analysis:
    """The statistics of every question seen, in the order first seen, and alpha if defined."""

    attempts: int
    items: tuple[ItemStats, ...]
    alpha: Alpha | None


def _squares(n: int, s: float, ss: float) -> float:
    """The sum of squared deviations from the mean, from a shifted sum and sum of squares."""
    return max(ss - s * s / n, 0.0)


@dataclass(slots=True)
class _ItemSums:
    """One question's running sums, shifted by the first values seen of its points x and of the
    rest r of the attempt's score (mutable: one answer at a time is added in place)."""

    x0: float  # the first points seen
    r0: float  # the first rest seen
    n: int = 0
    sx: float = 0.0  # sum(x - x0)
    sxx: float = 0.0  # sum((x - x0)**2)
    sr: float = 0.0  # sum(r - r0)
    srr: float = 0.0  # sum((r - r0)**2)
    sxr: float = 0.0  # sum((x - x0) * (r - r0))


def _item_stats(question_id: str, sums: _ItemSums) -> ItemStats:
    """One question's statistics from its shifted sums."""
    n, sx, sr = sums.n, sums.sx, sums.sr
    facility = sums.x0 + sx / n
    squares_x, squares_r = _squares(n, sx, sums.sxx), _squares(n, sr, sums.srr)
    sd = math.sqrt(squares_x / (n - 1)) if n > 1 else None
    discrimination = None
    if n > 1 and squares_x > TINY and squares_r > TINY:
        discrimination = (sums.sxr - sx * sr / n) / math.sqrt(squares_x * squares_r)
    return ItemStats(question_id, n, facility, sd, discrimination,
                     flags(facility, discrimination) if n >= MIN_ANSWERS else ())


class _Scored(NamedTuple):
    """One attempt's total and the points of each question, the questions in sorted order."""

    total: float
    points: tuple[float, ...]


@dataclass(slots=True)
class _Shifted:
    """A running sum and sum of squares of values, shifted by the first value seen."""

    shift: float
    s: float = 0.0
    ss: float = 0.0


class _Form:
    """Attempts served one same set of questions: shifted sums of the total and of each question."""

    __slots__ = ("n", "total", "points")

    def __init__(self, first: _Scored) -> None:
        self.n = 0
        self.total = _Shifted(first.total)
        self.points = [_Shifted(x) for x in first.points]

    def add(self, scored: _Scored) -> None:
        """Count one more attempt."""
        self.n += 1
        d = scored.total - self.total.shift
        self.total.s += d
        self.total.ss += d * d
        for sums, value in zip(self.points, scored.points, strict=True):
            d = value - sums.shift
            sums.s += d
            sums.ss += d * d

    def alpha(self) -> Alpha | None:
        """Cronbach's alpha of the group, if it has two attempts, two questions, and spread."""
        k = len(self.points)
        total = _squares(self.n, self.total.s, self.total.ss)
        if self.n < 2 or k < 2 or total <= TINY:
            return None
        items = sum(_squares(self.n, p.s, p.ss) for p in self.points)
        return Alpha(k / (k - 1) * (1 - items / total), self.n, k)


def flags(facility: float, discrimination: float | None) -> tuple[Flag, ...]:
    """The flags a question earns: facility under 20% or over 90%, discrimination under 0.2."""
    found = []
    if facility < FACILITY_LOW:
        found.append("hard")
    elif facility > FACILITY_HIGH:
        found.append("easy")
    if discrimination is not None and discrimination < DISCRIMINATION_LOW:
        found.append("negative" if discrimination < 0 else "weak")
    return tuple(Flag(kind, HINTS[kind]) for kind in found)


class _Pass:
    """The running sums of one pass over the rows."""

    def __init__(self) -> None:
        self.items: dict[str, _ItemSums] = {}
        # Per set of questions: its sums, or only its first attempt while it has one (a random
        # quiz is seldom served twice, and one attempt gives no alpha: no sums for those).
        self.forms: dict[tuple[str, ...], _Form | _Scored] = {}
        self.attempts = 0

    def add_attempt(self, answers: list[tuple[str, float]]) -> None:
        """Count one attempt's (question id, points)."""
        self.attempts += 1
        total = sum(x for _, x in answers)
        items = self.items
        for question, x in answers:  # inlined: this loop runs once an answer
            r = total - x
            sums = items.get(question)
            if sums is None:
                sums = items[question] = _ItemSums(x, r)
            d, e = x - sums.x0, r - sums.r0
            sums.n += 1
            sums.sx += d
            sums.sxx += d * d
            sums.sr += e
            sums.srr += e * e
            sums.sxr += d * e
        answers.sort()
        self._add_form(tuple(q for q, _ in answers), _Scored(total, tuple(x for _, x in answers)))

    def _add_form(self, key: tuple[str, ...], scored: _Scored) -> None:
        form = self.forms.get(key)
        if form is None:
            self.forms[key] = scored
            return
        if isinstance(form, _Scored):
            first, form = form, _Form(form)
            form.add(first)
            self.forms[key] = form
        form.add(scored)

    def result(self) -> Analysis:
        """The statistics, once every row is counted."""
        items = tuple(_item_stats(q, sums) for q, sums in self.items.items())
        groups = [(key, form) for key, form in self.forms.items() if isinstance(form, _Form)]
        # The largest group, then the longest test, then a fixed order: same data, same alpha.
        groups.sort(key=lambda kv: (-kv[1].n, -len(kv[0]), kv[0]))
        return Analysis(self.attempts, items, groups[0][1].alpha() if groups else None)


def analyse(rows: Iterable[tuple[Hashable, str, float | None]]) -> Analysis:
    """Statistics from (attempt, question id, points) rows, one attempt's rows together.

    Points of None count as 0 (an unanswered question). ValueError if an attempt's rows are split.
    """
    state = _Pass()
    seen: set[Hashable] = set()
    current: Hashable = object()
    answers: list[tuple[str, float]] = []
    for attempt, question, points in rows:
        if attempt != current:
            if answers:
                state.add_attempt(answers)
            if attempt in seen:
                raise ValueError(f"the rows of attempt {attempt!r} are not together")
            seen.add(attempt)
            current, answers = attempt, []
        answers.append((question, float(points or 0.0)))
    if answers:
        state.add_attempt(answers)
    return state.result()
