"""Building a quiz from a pool of questions."""

import random

import pytest

from quizapp.bank.model import Question
from quizapp.quiz.build import QuizError, QuizPool, build_quiz, shown_order


def choice(i, facts=None):
    return Question(
        id=f"c{i}", type="choice", prompt=f"q{i}", options=("a", "b", "c", "d"), key=("a",),
        facts=facts if facts is not None else (f"f{i}",),
    )


def ordering(i):
    items = ("w", "x", "y", "z")
    return Question(id=f"o{i}", type="ordering", prompt=f"o{i}", options=items, key=items,
                    facts=(f"g{i}",))


POOL = QuizPool([choice(i) for i in range(40)] + [ordering(i) for i in range(12)])


def ids(quiz):
    return [item.question.id for item in quiz]


def test_the_same_seed_builds_the_same_quiz():
    first = build_quiz(POOL, "mixed", 10, random.Random(7))
    again = build_quiz(POOL, "mixed", 10, random.Random(7))
    assert first == again
    assert ids(first) != ids(build_quiz(POOL, "mixed", 10, random.Random(8)))


def test_no_question_appears_twice():
    for seed in range(30):
        quiz = build_quiz(POOL, "mixed", 30, random.Random(seed))
        assert len(set(ids(quiz))) == 30


def test_modes_draw_from_their_types():
    assert {i.question.type for i in build_quiz(POOL, "choice", 10, random.Random(1))} == {"choice"}
    assert {i.question.type for i in build_quiz(POOL, "ordering", 10, random.Random(1))} == {
        "ordering"
    }


def test_a_mixed_quiz_has_about_one_ordering_question_in_four():
    quiz = build_quiz(POOL, "mixed", 12, random.Random(3))
    assert sum(i.question.type == "ordering" for i in quiz) == 3


def test_a_bank_with_too_few_questions_gives_as_many_as_it_has():
    small = QuizPool([choice(1), choice(2), ordering(1)])
    assert len(build_quiz(small, "mixed", 10, random.Random(1))) == 3
    assert len(build_quiz(small, "choice", 10, random.Random(1))) == 2


def test_a_mixed_quiz_with_few_ordering_questions_fills_up_with_choice_questions():
    pool = QuizPool([choice(i) for i in range(40)] + [ordering(1)])
    quiz = build_quiz(pool, "mixed", 10, random.Random(1))
    assert len(quiz) == 10
    assert sum(i.question.type == "ordering" for i in quiz) == 1


def test_a_mode_with_no_questions_is_a_clear_error():
    with pytest.raises(QuizError, match="no questions for a ordering quiz"):
        build_quiz(QuizPool([choice(1)]), "ordering", 5, random.Random(1))


def test_unknown_mode_and_bad_length_are_errors():
    with pytest.raises(QuizError, match="unknown quiz mode"):
        build_quiz(POOL, "essay", 5, random.Random(1))
    with pytest.raises(QuizError, match="at least one"):
        build_quiz(POOL, "mixed", 0, random.Random(1))


def test_questions_testing_the_same_facts_are_avoided_where_the_bank_allows():
    pool = QuizPool([choice(i, facts=("same",)) for i in range(5)] + [choice(9, facts=("other",))])
    quiz = build_quiz(pool, "choice", 2, random.Random(4))
    assert {tuple(i.question.facts) for i in quiz} == {("same",), ("other",)}
    assert len(build_quiz(pool, "choice", 6, random.Random(4))) == 6


def test_a_large_pool_on_few_facts_still_gives_a_full_quiz_favouring_fresh_facts():
    pool = QuizPool([choice(i, facts=(f"f{i % 5}",)) for i in range(10_000)])
    quiz = build_quiz(pool, "choice", 10, random.Random(2))
    assert len(set(ids(quiz))) == 10
    assert len({i.question.facts for i in quiz}) == 5


def test_building_from_a_large_pool_on_few_facts_does_not_scan_the_whole_pool():
    class Counted(tuple):
        reads = 0

        def __getitem__(self, i):
            Counted.reads += 1
            return super().__getitem__(i)

    pool = QuizPool([choice(i, facts=(f"f{i % 5}",)) for i in range(10_000)])
    pool.choice_like = Counted(pool.choice_like)
    build_quiz(pool, "choice", 10, random.Random(2))
    assert Counted.reads < 1_000


def test_ordering_questions_are_never_shown_in_order():
    q = ordering(0)
    for seed in range(200):
        assert shown_order(q, random.Random(seed)) != (0, 1, 2, 3)


def test_options_are_shuffled_permutations():
    orders = {shown_order(choice(0), random.Random(s)) for s in range(50)}
    assert all(sorted(o) == [0, 1, 2, 3] for o in orders)
    assert len(orders) > 5


def test_drawing_from_a_large_pool_gives_distinct_questions():
    big = QuizPool([choice(i) for i in range(10_000)])
    quiz = build_quiz(big, "choice", 30, random.Random(5))
    assert len(set(ids(quiz))) == 30
