"""Review quizzes: questions on given facts, in their order, through the pool's index by fact."""

import random

import pytest

from quizapp.quiz.build import QuizError, QuizPool, build_review
from tests.sample_bank import QUESTIONS

POOL = QuizPool(QUESTIONS)


def ids(quiz):
    return [item.question.id for item in quiz]


def test_the_pool_indexes_questions_by_fact_most_direct_first():
    assert [q.id for q in POOL.by_fact["canal"]] == ["canal-year", "early-events", "order-all"]
    assert [q.id for q in POOL.by_fact["embassy"]] == ["embassy-year", "order-all"]


def test_each_fact_gets_its_most_direct_question_in_the_order_given():
    quiz = build_review(POOL, ["embassy", "canal"], 10, random.Random(1))
    assert ids(quiz) == ["embassy-year", "canal-year"]


def test_a_question_that_tests_a_later_fact_too_covers_it():
    quiz = build_review(POOL, ["trade", "treaty", "canal"], 10, random.Random(1))
    assert ids(quiz) == ["early-events"]


def test_a_review_is_no_longer_than_asked():
    assert ids(build_review(POOL, ["embassy", "canal", "trade"], 1, random.Random(1))) == [
        "embassy-year"]


def test_questions_to_avoid_give_way_to_others_on_the_same_fact():
    quiz = build_review(POOL, ["embassy"], 1, random.Random(1), avoid=frozenset({"embassy-year"}))
    assert ids(quiz) == ["order-all"]


def test_facts_no_question_tests_are_passed_over_and_none_at_all_is_an_error():
    assert ids(build_review(POOL, ["gone", "embassy"], 5, random.Random(1))) == ["embassy-year"]
    with pytest.raises(QuizError):
        build_review(POOL, ["gone"], 5, random.Random(1))


def test_the_same_seed_builds_the_same_review():
    facts = ["treaty", "embassy", "canal"]
    assert build_review(POOL, facts, 5, random.Random(7)) == build_review(
        POOL, facts, 5, random.Random(7))
