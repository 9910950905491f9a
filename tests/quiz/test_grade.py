"""The grader: each question type and each ordering method, against hand-computed scores."""

import pytest

from quizapp.bank.model import ORDERING_METHODS
from quizapp.quiz.grade import (
    ORDERING_GRADERS,
    GradeError,
    grade,
    grade_ordering,
    positions_correct,
)

KEY = ["a", "b", "c", "d"]
ONE_SWAP = ["b", "a", "c", "d"]
REVERSED = KEY[::-1]


def test_choice_scores_one_for_the_right_option_only():
    assert grade("choice", ["x"], "x") == 1.0
    assert grade("choice", ["x"], "y") == 0.0


def test_unanswered_questions_score_zero_for_every_type():
    assert grade("choice", ["x"], None) == 0.0
    assert grade("multiple", ["x", "y"], None) == 0.0
    assert grade("multiple", ["x", "y"], []) == 0.0
    assert grade("ordering", KEY, None) == 0.0


def test_multiple_subtracts_wrong_picks_from_right_ones():
    assert grade("multiple", ["a", "b"], ["a", "b"]) == 1.0
    assert grade("multiple", ["a", "b"], ["a"]) == 0.5
    assert grade("multiple", ["a", "b"], ["a", "c"]) == 0.0
    assert grade("multiple", ["a", "b", "c"], ["a", "b", "d"]) == pytest.approx(1 / 3)


def test_multiple_is_floored_at_zero_and_ignores_repeated_picks():
    assert grade("multiple", ["a"], ["b", "c", "d"]) == 0.0
    assert grade("multiple", ["a", "b"], ["a", "a"]) == 0.5


@pytest.mark.parametrize(
    ("method", "one_swap", "reversed_"),
    [
        ("exact", 0.0, 0.0),
        ("position", 2 / 4, 0.0),
        ("distance", 10 / 12, 4 / 12),
        ("next", 1 / 3, 0.0),
        ("next_last", 2 / 4, 0.0),
        ("neighbours", 3 / 8, 0.0),
        ("pairs", 5 / 6, 0.0),
        ("subset", 3 / 4, 0.0),
        ("contiguous", 2 / 4, 0.0),
    ],
)
def test_ordering_methods_match_hand_computed_scores(method, one_swap, reversed_):
    assert grade_ordering(KEY, KEY, method) == 1.0
    assert grade_ordering(KEY, ONE_SWAP, method) == pytest.approx(one_swap)
    assert grade_ordering(KEY, REVERSED, method) == pytest.approx(reversed_)


def test_every_grading_method_a_bank_may_name_has_its_own_grader():
    assert tuple(ORDERING_GRADERS) == ORDERING_METHODS
    assert [g.__name__ for g in ORDERING_GRADERS.values()] == [f"_{m}" for m in ORDERING_METHODS]


def test_ordering_with_one_swap_scores_five_sixths_under_pairs():
    assert grade("ordering", KEY, ONE_SWAP) == pytest.approx(5 / 6)


def test_ordering_answer_that_is_not_a_permutation_is_an_error():
    with pytest.raises(GradeError):
        grade_ordering(KEY, ["a", "b", "c"])
    with pytest.raises(GradeError):
        grade_ordering(KEY, ["a", "a", "b", "c"])
    with pytest.raises(GradeError):
        grade_ordering(KEY, ["a", "b", "c", "z"])


def test_unknown_type_and_method_are_errors():
    with pytest.raises(GradeError, match="unknown question type"):
        grade("essay", ["a"], "a")
    with pytest.raises(GradeError, match="unknown ordering method"):
        grade_ordering(KEY, KEY, "alphabetical")


def test_positions_correct_marks_each_item():
    assert positions_correct(KEY, ONE_SWAP) == [False, False, True, True]
    assert positions_correct(KEY, None) == []


def test_answers_of_nested_lists_or_strings_are_grade_errors_not_crashes():
    with pytest.raises(GradeError):
        grade_ordering(KEY, [["a"], ["b"], ["c"], ["d"]])
    with pytest.raises(GradeError):
        grade_ordering(["a", "b", "c"], "abc")
    with pytest.raises(GradeError):
        grade("multiple", ["a", "b"], [{"id": "a"}])
    with pytest.raises(GradeError):
        grade("multiple", ["a", "b"], "ab")
