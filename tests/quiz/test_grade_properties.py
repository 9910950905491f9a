"""Properties of the grader that must hold for every order, every method and every pick."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.quiz.grade import ORDERING_GRADERS, GradeError, grade_multiple, grade_ordering

METHODS = sorted(ORDERING_GRADERS)


@st.composite
def key_and_response(draw):
    """A right order of 3..8 items and a random permutation of it."""
    n = draw(st.integers(min_value=3, max_value=8))
    key = [f"item{i}" for i in range(n)]
    return key, draw(st.permutations(key))


@given(key_and_response(), st.sampled_from(METHODS))
def test_every_method_scores_every_permutation_between_zero_and_one(pair, method):
    key, response = pair
    assert 0.0 <= grade_ordering(key, response, method) <= 1.0


@given(st.integers(min_value=3, max_value=8), st.sampled_from(METHODS))
def test_the_right_order_scores_one_under_every_method(n, method):
    key = [f"item{i}" for i in range(n)]
    assert grade_ordering(key, list(key), method) == pytest.approx(1.0)


@given(st.integers(min_value=3, max_value=8), st.sampled_from(["pairs", "next"]))
def test_the_reversed_order_scores_zero_under_pairs_and_next(n, method):
    key = [f"item{i}" for i in range(n)]
    assert grade_ordering(key, key[::-1], method) == 0.0


@given(st.integers(min_value=3, max_value=8), st.data())
def test_one_adjacent_swap_loses_exactly_one_pair_under_pairs(n, data):
    key = [f"item{i}" for i in range(n)]
    i = data.draw(st.integers(min_value=0, max_value=n - 2))
    response = list(key)
    response[i], response[i + 1] = response[i + 1], response[i]
    expected = 1 - 1 / (n * (n - 1) / 2)
    assert grade_ordering(key, response, "pairs") == pytest.approx(expected)


OPTION = st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"])


@given(st.lists(OPTION, min_size=1, max_size=8, unique=True), st.lists(OPTION, max_size=12))
def test_multiple_scores_stay_between_zero_and_one_for_any_picks(key, picks):
    assert 0.0 <= grade_multiple(key, picks) <= 1.0


@st.composite
def key_and_non_permutation(draw):
    """A right order and a non-empty response that is not a permutation of it."""
    key = [f"item{i}" for i in range(draw(st.integers(min_value=3, max_value=8)))]
    pool = st.sampled_from([*key, "stranger", "other"])
    response = draw(st.lists(pool, min_size=1, max_size=10))
    if sorted(response) == sorted(key):
        response = [*response, "stranger"]
    return key, response


@given(key_and_non_permutation(), st.sampled_from(METHODS))
def test_a_response_that_is_not_a_permutation_always_raises(pair, method):
    key, response = pair
    with pytest.raises(GradeError):
        grade_ordering(key, response, method)


@settings(max_examples=30)
@given(key_and_response(), st.sampled_from(METHODS))
def test_a_response_of_unhashable_items_is_a_grade_error_not_a_crash(pair, method):
    key, response = pair
    with pytest.raises(GradeError):
        grade_ordering(key, [[x] for x in response], method)
    with pytest.raises(GradeError):
        grade_multiple(key, [{"id": x} for x in response])
