"""How long building a quiz and generating questions take, on small and large synthetic banks.

Not a test: run `.venv/bin/python bench/quiz_bench.py`. Targets: a 10-question quiz in under
1 ms from 100 questions and from 10,000 (a ratio near 1: the cost follows the quiz's length,
not the bank's size), and questions for a 2,000-fact bank generated in well under a second.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import quizapp
from quizapp.bank.generate import generate_questions
from quizapp.bank.loader import load_file
from quizapp.bank.model import Bank, Fact, Person, Question
from quizapp.quiz.build import QuizPool, build_quiz

QUIZ_RUNS = 2000
GENERATE_RUNS = 5
TERM = 4  # years each synthetic leader of Peru serves
# The shipped bank beside the quizapp imported, so the code before a change reads its own file.
SHIPPED = Path(quizapp.__file__).parent.parent / "questions" / "peru-us-relations.yaml"


def synthetic_pool(size: int, rng: random.Random, n_facts: int = 0) -> QuizPool:
    """`size` questions, one in four an ordering question, each citing one or a few facts."""
    n_facts = n_facts or size
    questions = []
    for i in range(size):
        facts = tuple(f"fact{rng.randrange(n_facts)}" for _ in range(rng.choice((1, 1, 4))))
        if i % 4 == 0:
            items = tuple(f"item {i}.{j}" for j in range(5))
            questions.append(Question(f"o{i}", "ordering", f"Order {i}", items, items, facts=facts))
        else:
            options = tuple(f"option {i}.{j}" for j in range(4))
            kind = "multiple" if i % 7 == 0 else "choice"
            questions.append(Question(f"c{i}", kind, f"Q {i}", options, options[:1], facts=facts))
    return QuizPool(questions)


def synthetic_bank(n_facts: int, rng: random.Random) -> Bank:
    """Facts over 1900-2019: mostly single years, some periods, some undated, many with leaders."""
    people = [
        Person(f"leader{i}", f"Leader {i}", "President of Peru", 1900 + TERM * i, 1903 + TERM * i)
        for i in range(120 // TERM)
    ]
    people += [Person(f"envoy{i}", f"Envoy {i}", "U.S. Ambassador to Peru") for i in range(10)]
    facts = []
    for i in range(n_facts):
        roll = rng.random()
        year = None if roll < 0.05 else rng.randrange(1900, 2020)
        until = year + rng.randrange(2, 12) if year and roll > 0.9 else None
        when = f"season {i}" if year and 0.85 < roll <= 0.9 else None
        leader = f"leader{(year - 1900) // TERM}" if year and until is None and roll < 0.6 else None
        facts.append(Fact(f"fact{i}", f"Synthetic event number {i}.", year, until, when, leader))
    return Bank("synthetic", "Synthetic", tuple(facts), tuple(people))


def median_us(runs: int, work: Callable[[int], object]) -> float:
    """The median time of `work(run)` over `runs` runs, in microseconds."""
    times = []
    for run in range(runs):
        start = time.perf_counter()
        work(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def quiz_us(pool: QuizPool) -> float:
    """Median µs to build a 10-question mixed quiz from the pool."""

    def build(seed: int) -> object:
        rng = random.Random(seed)  # noqa: S311 -- seeded on purpose: not for secrets
        return build_quiz(pool, "mixed", 10, rng)

    return median_us(QUIZ_RUNS, build)


def main() -> None:
    """Print the figures."""
    rng = random.Random(2024)  # noqa: S311 -- fixed, so every run measures the same banks
    small, big = synthetic_pool(100, rng), synthetic_pool(10_000, rng)
    small_us, big_us = quiz_us(small), quiz_us(big)
    runs = f"(median of {QUIZ_RUNS})"
    print(f"10-question mixed quiz from    100 questions: {small_us:8.1f} µs {runs}")
    print(f"10-question mixed quiz from 10,000 questions: {big_us:8.1f} µs {runs}")
    print(f"ratio big/small: {big_us / small_us:.2f}")
    few_us = quiz_us(synthetic_pool(10_000, rng, n_facts=3))
    print(f"10-question mixed quiz from 10,000 questions on 3 facts: {few_us:8.1f} µs")

    bank = synthetic_bank(2000, rng)
    generated = generate_questions(bank)
    gen_us = median_us(GENERATE_RUNS, lambda seed: generate_questions(bank, seed))
    print(
        f"generate_questions on 2,000 facts: {gen_us / 1000:8.1f} ms "
        f"(median of {GENERATE_RUNS}), {len(generated)} questions"
    )
    from_generated = quiz_us(QuizPool(generated))
    print(f"10-question mixed quiz from those {len(generated)} questions: {from_generated:8.1f} µs")

    shipped = load_file(SHIPPED).bank
    if shipped is not None:  # written and generated questions together, as the catalog pools them
        pool = QuizPool(shipped.questions + generate_questions(shipped))
        print(f"10-question mixed quiz from the shipped bank ({len(pool.questions)} questions): "
              f"{quiz_us(pool):8.1f} µs")


if __name__ == "__main__":
    main()
