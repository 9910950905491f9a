"""Properties of quiz building that must hold for every pool, seed, mode and length."""

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.model import Question
from quizapp.quiz.build import MODES, QuizPool, build_quiz, shown_order


@st.composite
def pools(draw):
    """A pool of choice, multiple and ordering questions, some testing the same facts."""
    # Counts drawn per type, so lopsided pools (many choice, one ordering) come up often.
    counts = {k: draw(st.integers(0, 30)) for k in ("choice", "multiple", "ordering")}
    kinds = [k for k, n in counts.items() for _ in range(n)]
    facts = draw(st.lists(st.integers(0, 11), min_size=len(kinds), max_size=len(kinds)))
    questions = []
    for i, (kind, fact) in enumerate(zip(kinds, facts, strict=True)):
        options = tuple(f"q{i}-option{j}" for j in range(3 + i % 4))
        key = options if kind == "ordering" else options[: 1 + (kind == "multiple")]
        questions.append(Question(f"q{i}", kind, f"prompt {i}", options, key, facts=(f"f{fact}",)))
    return QuizPool(draw(st.permutations(questions)))


def available(pool: QuizPool, mode: str) -> int:
    return pool.count(mode)


QUIZ_ARGS = (pools(), st.sampled_from(MODES), st.integers(1, 40), st.integers(0, 2**32))


@settings(max_examples=150, deadline=None)
@given(*QUIZ_ARGS)
def test_a_quiz_never_repeats_a_question_and_is_as_long_as_the_pool_allows(
    pool, mode, length, seed
):
    if available(pool, mode) == 0:
        return
    quiz = build_quiz(pool, mode, length, random.Random(seed))
    ids = [item.question.id for item in quiz]
    assert len(ids) == len(set(ids))
    assert len(quiz) == min(length, available(pool, mode))


@settings(max_examples=50, deadline=None)
@given(*QUIZ_ARGS)
def test_the_same_seed_always_builds_the_same_quiz(pool, mode, length, seed):
    if available(pool, mode) == 0:
        return
    assert build_quiz(pool, mode, length, random.Random(seed)) == build_quiz(
        pool, mode, length, random.Random(seed)
    )


@settings(max_examples=100, deadline=None)
@given(*QUIZ_ARGS)
def test_every_shown_order_is_a_permutation_and_ordering_items_are_never_in_order(
    pool, mode, length, seed
):
    if available(pool, mode) == 0:
        return
    for item in build_quiz(pool, mode, length, random.Random(seed)):
        n = len(item.question.options)
        assert sorted(item.order) == list(range(n))
        if item.question.type == "ordering":
            assert item.order != tuple(range(n))


def test_an_ordering_questions_shown_order_is_uniform_among_the_orders_that_are_not_its_key():
    """Chi-square over 12,000 draws of a three-item question: each of the 5 orders near 20%."""
    question = Question(id="o", type="ordering", prompt="Order", options=("a", "b", "c"),
                        key=("a", "b", "c"))
    rng = random.Random(7)
    draws = 12_000
    seen = Counter(shown_order(question, rng) for _ in range(draws))
    assert (0, 1, 2) not in seen and len(seen) == 5
    expected = draws / 5
    chi_square = sum((count - expected) ** 2 / expected for count in seen.values())
    assert chi_square < 18.47  # the 0.1% critical value for 4 degrees of freedom
