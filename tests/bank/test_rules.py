"""The option rules every question obeys, whatever file it comes from."""

from __future__ import annotations

from quizapp.bank.rules import count_message, option_problems, repeats


def test_repeats_name_each_later_listing_and_its_first():
    assert repeats(["a", "b", "a", "a"]) == [(2, 0), (3, 0)]


def test_a_count_in_range_has_no_message():
    assert count_message("'items'", "item", 3, 8, 3) is None
    assert count_message("'items'", "item", 3, 8, 2) == "'items' must list 3 to 8 items, but lists 2"


def test_a_good_choice_question_breaks_no_rule():
    assert option_problems("choice", ["a", "b"], ["a"], [2, 3], 1) == []


def test_a_repeated_option_is_reported_at_its_second_line():
    assert option_problems("choice", ["a", "b", "a"], ["b"], [2, 3, 4], 1) == [
        (4, 'option "a" is listed twice (first on line 2)')]


def test_a_choice_question_with_one_option_is_reported_at_the_question():
    assert option_problems("choice", ["a"], ["a"], [2], 1) == [
        (1, "a choice question must list 2 to 8 options, but lists 1")]


def test_a_choice_question_needs_exactly_one_right_answer():
    assert option_problems("choice", ["a", "b"], ["a", "b"], [2, 3], 1) == [
        (1, "a choice question has one right answer, but 2 are marked right")]
    assert option_problems("choice", ["a", "b"], [], [2, 3], 1) == [
        (1, "a choice question has one right answer, but none is marked right")]


def test_a_multiple_question_needs_a_right_answer():
    assert option_problems("multiple", ["a", "b"], [], [2, 3], 1) == [
        (1, "a multiple question needs a right answer, but none is marked right")]


def test_an_ordering_question_needs_three_to_eight_items():
    items = [str(n) for n in range(9)]
    assert option_problems("ordering", items, items, list(range(2, 11)), 1) == [
        (1, "an ordering question must list 3 to 8 items, but lists 9")]
