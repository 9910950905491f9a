"""Pick and shuffle a quiz from a bank's questions, reproducibly from a seed.

A `QuizPool` indexes the questions once per bank; building a quiz then costs time in proportion
to its length, not to the size of the bank. A review quiz asks about given facts (those due,
most overdue first) through the pool's index of questions by fact.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..bank.model import Question
from ..bank.said import _m
from .apart import Chosen, Shown
from .rules import MODES

ORDERING_SHARE = 4  # in a mixed quiz, about one question in this many is an ordering question
SMALL_POOL = 64  # below this many candidates a full shuffle is as cheap as sampling
FACT_CHOICES = 8  # a question on a fact is drawn among this many of the most direct ones
MODE_WORDS = {"choice": _m("choice"), "ordering": _m("ordering"), "mixed": _m("mixed")}
ONE_AT_LEAST = _m("a quiz needs at least one question")


class QuizError(ValueError):
    """A quiz that cannot be built: an unknown mode, a bad length, no questions for the mode."""


@dataclass(frozen=True)
class QuizItem:
    """One question of a quiz and the order its options are shown in (indexes into options)."""

    question: Question
    order: tuple[int, ...]


class QuizPool:
    """A bank's questions (written and generated) indexed by what each mode draws from."""

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = tuple(questions)
        self.choice_like = tuple(q for q in self.questions if q.type in ("choice", "multiple"))
        self.ordering = tuple(q for q in self.questions if q.type == "ordering")
        self.shown: dict[str, Shown] = {}  # what each question shows, worked out when first drawn
        self.has_generated = any(q.generated for q in self.questions)

    @cached_property
    def by_id(self) -> dict[str, Question]:
        """The questions by id."""
        return {q.id: q for q in self.questions}

    @cached_property
    def by_fact(self) -> dict[str, tuple[Question, ...]]:
        """The questions citing each fact, those testing fewest facts (the most direct) first."""
        index: dict[str, list[Question]] = {}
        for q in self.questions:
            for fact in dict.fromkeys(q.facts):
                index.setdefault(fact, []).append(q)
        return {f: tuple(sorted(qs, key=lambda q: len(q.facts))) for f, qs in index.items()}

    def count(self, mode: str) -> int:
        """How many questions a quiz in this mode can draw from."""
        return len(self._sources(mode)[0]) + len(self._sources(mode)[1])

    def _sources(self, mode: str) -> tuple[tuple[Question, ...], tuple[Question, ...]]:
        if mode == "choice":
            return self.choice_like, ()
        if mode == "ordering":
            return (), self.ordering
        if mode == "mixed":
            return self.choice_like, self.ordering
        raise QuizError(_m("unknown quiz mode %(mode)s: choose one of %(modes)s", mode=repr(mode),
                            modes=", ".join(MODES)))


def _draw(questions: Sequence[Question], rng: random.Random) -> Iterator[Question]:
    """Yield the questions in a random order, lazily: O(1) a draw however many there are."""
    n = len(questions)
    if n <= SMALL_POOL:
        yield from rng.sample(questions, n)
        return
    seen: set[int] = set()
    while len(seen) < n // 2:  # past half, rejection gets slow: finish with a shuffle
        i = rng.randrange(n)
        if i not in seen:
            seen.add(i)
            yield questions[i]
    rest = [i for i in range(n) if i not in seen]
    rng.shuffle(rest)
    yield from (questions[i] for i in rest)


def _pick(questions: Sequence[Question], count: int, rng: random.Random, chosen: Chosen,
          defer_generated: bool = False) -> list[Question]:
    """Up to `count` questions that give no other away (`quiz/apart.py`), preferring ones whose
    facts no question picked so far tests; with `defer_generated`, questions someone wrote first.
    """
    picked: list[Question] = []
    later: list[Question] = []  # generated ones, deferred
    repeats: list[Question] = []
    # Past this many draws, fresh facts are rare: settle for repeats rather than scan the bank.
    budget = SMALL_POOL + 8 * count
    for drawn, q in enumerate(_draw(questions, rng)):
        if len(picked) == count or (
            drawn >= budget and len(picked) + len(later) + len(repeats) >= count
        ):
            break
        if chosen.clashes(q):
            continue
        if defer_generated and q.generated:
            if len(later) < count:
                later.append(q)
        elif chosen.repeats(q):
            if len(repeats) < count:
                repeats.append(q)
        else:
            chosen.add(q)
            picked.append(q)
    for q in later + repeats:  # checked again: others were picked since they were put aside
        if len(picked) == count:
            break
        if not chosen.clashes(q):
            chosen.add(q)
            picked.append(q)
    return picked


def _questions(pool: QuizPool, mode: str, length: int, n_ordering: int, rng: random.Random,
               defer_generated: bool) -> list[Question]:
    choice_src, ordering_src = pool._sources(mode)
    chosen = Chosen(pool.shown)
    questions = _pick(choice_src, length - n_ordering, rng, chosen, defer_generated)
    # Tops up a shortfall of choice questions; then, if fewer ordering ones fit than planned,
    # choice ones again.
    ordering = _pick(ordering_src, length - len(questions), rng, chosen, defer_generated)
    questions += ordering
    if len(ordering) < n_ordering:
        questions += _pick(choice_src, length - len(questions), rng, chosen, defer_generated)
    return questions


def shown_order(question: Question, rng: random.Random) -> tuple[int, ...]:
    """A shuffled order of the options; an ordering question is never shown already in order.

    An ordering question's order is drawn uniformly among the orders that are not its key (its
    options are stored in the right order): a shuffle that hits the key is drawn again. Mending
    it by a swap made "the key with two items swapped" twice as likely as any other order, a hint.
    """
    order = list(range(len(question.options)))
    rng.shuffle(order)
    while question.type == "ordering" and len(order) > 1 and order == sorted(order):
        rng.shuffle(order)
    return tuple(order)


def build_quiz(pool: QuizPool, mode: str, length: int, rng: random.Random) -> list[QuizItem]:
    """A quiz of up to `length` questions for `mode`, the same for the same seeded `rng`."""
    choice_src, ordering_src = pool._sources(mode)
    if length < 1:
        raise QuizError(ONE_AT_LEAST)
    if not choice_src and not ordering_src:
        raise QuizError(_m("this bank has no questions for a %(mode)s quiz",
                             mode=MODE_WORDS.get(mode, mode)))
    # Never plan more ordering questions than there are: choice questions fill the rest.
    n_ordering = min(round(length / ORDERING_SHARE), len(ordering_src))
    questions = _questions(pool, mode, length, n_ordering, rng, False)
    if len(questions) < length and pool.has_generated:
        # Generated questions took facts the written ones need: written ones first, then those.
        again = _questions(pool, mode, length, n_ordering, rng, True)
        questions = again if len(again) > len(questions) else questions
    rng.shuffle(questions)
    return [QuizItem(q, shown_order(q, rng)) for q in questions]


def question_on(pool: QuizPool, fact: str, rng: random.Random, avoid: set[str],
                chosen: Chosen | None = None) -> Question | None:
    """A question testing `fact`, drawn among the most direct ones not in `avoid` (and, given
    `chosen`, among those giving none of its questions away where any does); None if none."""
    candidates: list[Question] = []
    for q in pool.by_fact.get(fact, ()):  # stops after FACT_CHOICES + len(avoid) at most
        if q.id not in avoid:
            candidates.append(q)
            if len(candidates) == FACT_CHOICES:
                break
    if chosen is not None:
        candidates = [q for q in candidates if not chosen.clashes(q)] or candidates
    if not candidates:
        return None
    fewest = len(candidates[0].facts)
    return rng.choice([q for q in candidates if len(q.facts) == fewest])


def build_review(
    pool: QuizPool, facts: Sequence[str], length: int, rng: random.Random,
    avoid: frozenset[str] = frozenset(),
) -> list[QuizItem]:
    """Up to `length` questions on `facts`, in their order: one a fact where the pool allows.

    A question that also tests facts further down the list covers them, so they get no question
    of their own; a fact no question tests is passed over. `avoid` names questions not to ask.
    Among a fact's questions, those giving no other away (`quiz/apart.py`) are preferred: every
    due fact is asked, even where only a question breaking those rules asks it.
    """
    if length < 1:
        raise QuizError(ONE_AT_LEAST)
    wanted, covered, used = set(facts), set(), set(avoid)
    chosen = Chosen(pool.shown)
    picked: list[Question] = []
    for fact in facts:
        if len(picked) == length:
            break
        question = None if fact in covered else question_on(pool, fact, rng, used, chosen)
        if question is not None:
            picked.append(question)
            chosen.add(question)
            used.add(question.id)
            covered |= wanted.intersection(question.facts)
    if not picked:
        raise QuizError(_m("no question of this bank tests those facts"))
    return [QuizItem(q, shown_order(q, rng)) for q in picked]
