"""`exam_only` in a YAML bank: for assigned quizzes only, checked strictly like every key."""

from __future__ import annotations

import pytest

from quizapp.bank.yaml_bank import parse_yaml_bank
from tests.bank.test_loader_rules import CHOICE, HEADER, item, problems

GOOD = HEADER + item(CHOICE)


def with_flag(value: str) -> str:
    """The good file with `exam_only: <value>` as its third line."""
    return GOOD.replace("title: A test bank\n", f"title: A test bank\nexam_only: {value}\n")


def test_a_bank_is_offered_for_self_study_unless_its_file_says_otherwise():
    assert parse_yaml_bank(GOOD, "q.yaml").bank.exam_only is False


@pytest.mark.parametrize(("value", "expected"), [
    ("true", True), ("True", True), ("yes", True), ("false", False), ("no", False),
])
def test_exam_only_is_read_as_yaml_reads_true_and_false(value, expected):
    result = parse_yaml_bank(with_flag(value), "q.yaml")
    assert result.problems == ()
    assert result.bank.exam_only is expected


@pytest.mark.parametrize(("value", "said"), [
    ('"true"', "the text 'true'"),
    ("1", "'1'"),
    ("", "nothing"),
    ("[true]", "a list"),
])
def test_anything_but_true_or_false_is_a_problem_at_its_line(value, said):
    assert problems(with_flag(value)) == [(3, f"'exam_only' must be true or false, not {said}")]


def test_a_misspelt_exam_only_suggests_the_key():
    [(line, message)] = problems(with_flag("true").replace("exam_only", "exam-only"))
    assert line == 3
    assert message.startswith("unknown key 'exam-only' (did you mean 'exam_only'?)")


def test_exam_only_given_twice_is_reported_at_the_second():
    text = with_flag("true").replace("exam_only: true\n", "exam_only: true\nexam_only: false\n")
    assert problems(text) == [(4, "the key 'exam_only' is given twice (first at line 3)")]
