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

Everything is read in one pass over (attempt, question, points) rows, the rows of one attempt
together; only one attempt's rows are held at a time. Sums are kept shifted by the first value seen,
so a question everyone scored the same on has exactly zero variance, not a rounding error's worth.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

FACILITY_LOW, FACILITY_HIGH, DISCRIMINATION_LOW = 0.2, 0.9, 0.2
HINTS = {
    "hard": "Very hard: check the key and the wording.",
    "easy": "Very easy: nearly everyone gets it right, so it tells you little.",
    "weak": "Doesn't separate strong from weak learners: check for a misleading option.",
    "negative": "Stronger learners did worse on it than weaker ones: check the key, and check for "
                "a misleading option.",
}
TINY = 1e-9  # a sum of squared deviations below this is zero: points differ by 1/56 at the least


@dataclass(frozen=True)
class Flag:
    """Why a question needs a look: its kind (hard, easy, weak, negative) and a hint in words."""

    kind: str
    hint: str


@dataclass(frozen=True)
class ItemStats:
    """One question's statistics; SD and discrimination are None where they are undefined."""

    question_id: str
    n: int
    facility: float
    sd: float | None
    discrimination: float | None
    flags: tuple[Flag, ...]


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


def _item_stats(question_id: str, sums: list[float]) -> ItemStats:
    """One question's statistics from its shifted sums (see _Pass.add_attempt)."""
    x0, _, n, sx, sxx, sr, srr, sxr = sums
    n = int(n)
    facility = x0 + sx / n
    squares_x, squares_r = _squares(n, sx, sxx), _squares(n, sr, srr)
    sd = math.sqrt(squares_x / (n - 1)) if n > 1 else None
    discrimination = None
    if n > 1 and squares_x > TINY and squares_r > TINY:
        discrimination = (sxr - sx * sr / n) / math.sqrt(squares_x * squares_r)
    return ItemStats(question_id, n, facility, sd, discrimination,
                     flags(facility, discrimination))


class _Form:
    """Attempts served one same set of questions: shifted sums of the total and of each question."""

    __slots__ = ("n", "shifts", "s", "ss")

    def __init__(self, first: list[float]) -> None:
        self.n, self.shifts = 0, first  # first: [total, points of each question]
        self.s, self.ss = [0.0] * len(first), [0.0] * len(first)

    def add(self, values: list[float]) -> None:
        """Count one more attempt: [total, points of each question]."""
        self.n += 1
        s, ss = self.s, self.ss
        for i, (value, shift) in enumerate(zip(values, self.shifts, strict=True)):
            d = value - shift
            s[i] += d
            ss[i] += d * d

    def alpha(self) -> Alpha | None:
        """Cronbach's alpha of the group, if it has two attempts, two questions, and spread."""
        k = len(self.shifts) - 1
        squares = [_squares(self.n, s, ss) for s, ss in zip(self.s, self.ss, strict=True)]
        if self.n < 2 or k < 2 or squares[0] <= TINY:
            return None
        return Alpha(k / (k - 1) * (1 - sum(squares[1:]) / squares[0]), self.n, k)


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
        # Per question, shifted by the first values seen of its points x and the rest r:
        # [x0, r0, n, sum(x - x0), sum((x - x0)**2), sum(r - r0), sum((r - r0)**2), sum of products]
        self.items: dict[str, list[float]] = {}
        # Per set of questions: its sums, or only its first attempt's values while it has one (a
        # random quiz is seldom served twice, and one attempt gives no alpha: no sums for those).
        self.forms: dict[tuple[str, ...], _Form | list[float]] = {}
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
                sums = items[question] = [x, r, 0, 0.0, 0.0, 0.0, 0.0, 0.0]
            d, e = x - sums[0], r - sums[1]
            sums[2] += 1
            sums[3] += d
            sums[4] += d * d
            sums[5] += e
            sums[6] += e * e
            sums[7] += d * e
        answers.sort()
        self._add_form(tuple(q for q, _ in answers), [total] + [x for _, x in answers])

    def _add_form(self, key: tuple[str, ...], values: list[float]) -> None:
        form = self.forms.get(key)
        if form is None:
            self.forms[key] = values
            return
        if isinstance(form, list):
            first, form = form, _Form(form)
            form.add(first)
            self.forms[key] = form
        form.add(values)

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
