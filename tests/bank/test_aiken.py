"""Aiken files: question, lettered options, ANSWER: line; every problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.aiken import parse_aiken
from quizapp.bank.loader import load_file, parser_for
from tests.bank.fuzzing import assert_located, left_out, mutated, problems_of

DATA = Path(__file__).parent.parent / "data" / "import"
GOOD = DATA / "peru-basics.aiken.txt"


def parse(text: str):
    return parse_aiken(text, "q.aiken.txt")


def problems(text: str) -> list[tuple[int, str]]:
    """What a parse left out as broken: (line, message)."""
    return left_out(parse(text))


def test_aiken_files_are_read_by_the_aiken_parser():
    assert parser_for("questions/Peru.AIKEN.txt") is parse_aiken


def test_the_shipped_example_loads_as_a_bank_named_after_the_file():
    result = load_file(GOOD)
    assert result.problems == () and result.skipped == ()
    bank = result.bank
    assert (bank.id, bank.title, bank.line) == ("peru-basics", "peru-basics", 1)
    assert [q.id for q in bank.questions] == ["q-1", "q-2", "q-3", "q-4"]


def test_a_question_maps_to_a_choice_with_its_lettered_answer_as_key():
    question = load_file(GOOD).bank.questions[0]
    assert (question.type, question.prompt, question.line) == (
        "choice", "In which year did the Panama Canal open?", 1)
    assert question.options == ("1904", "1914", "1920", "1952")
    assert question.key == ("1914",)


def test_options_may_end_their_letter_with_a_bracket_and_questions_need_no_blank_line():
    bank = load_file(GOOD).bank
    assert bank.questions[1].key == ("Augusto B. Leguía",)
    assert bank.questions[2].prompt.startswith("Which country raised")


def test_a_question_text_may_run_over_several_lines():
    assert load_file(GOOD).bank.questions[3].prompt == (
        "Peru and the United States signed a Treaty of Assistance and Mutual Defense.\n"
        "In which year?")


@pytest.mark.parametrize(("name", "line", "message", "loaded"), [
    ("bad-answer.aiken.txt", 5, "question 'q-1' is left out: ANSWER: E names no option; the "
                                "options here are A to C", ["q-2"]),
    ("no-answer.aiken.txt", 1, "question 'q-1' is left out: the question's options are not "
                               "followed by an ANSWER: line (write, say, ANSWER: B after the "
                               "last option)", ["q-2"]),
    ("one-option.aiken.txt", 1, "question 'q-1' is left out: a choice question must list 2 to 8 "
                                "options, but lists 1", None),
])
def test_a_broken_question_is_left_out_at_its_line_and_the_rest_loads(name, line, message,
                                                                       loaded):
    path = DATA / "broken" / name
    result = load_file(path)
    assert [str(e) for e in result.skipped] == [f"{path}:{line}: {message}"]
    if loaded is None:
        assert result.bank is None and len(result.problems) == 1
    else:
        assert result.problems == () and [q.id for q in result.bank.questions] == loaded


def test_an_answer_line_without_a_letter_says_so():
    assert problems("Q?\nA. x\nB. y\nANSWER:\n") == [
        (4, "question 'q-1' is left out: ANSWER: gives no letter; write the letter of the right "
            "option (A to B)")]


def test_an_answer_line_before_any_option_is_a_problem():
    assert problems("Q?\nANSWER: A\n") == [
        (2, "question 'q-1' is left out: ANSWER: comes before any option; list the options "
            "(A. ..., B. ...) above it")]


def test_an_option_before_any_question_text_is_a_problem():
    result = parse("A. x\nB. y\nANSWER: A\n\nQ?\nA. x\nB. y\nANSWER: A\n")
    assert left_out(result) == [
        (1, "these lines are left out: an option comes before any question text; the "
            "question's text goes on the line above its options")]
    assert [q.id for q in result.bank.questions] == ["q-1"]  # lines of no question: no number


def test_a_stray_answer_line_is_left_out_and_the_questions_keep_their_numbers():
    result = parse("ANSWER: B\n\nQ?\nA. x\nB. y\nANSWER: A\n")
    assert left_out(result) == [
        (1, "these lines are left out: ANSWER: comes before any option; list the options "
            "(A. ..., B. ...) above it")]
    assert [q.id for q in result.bank.questions] == ["q-1"]


def test_options_out_of_letter_order_are_a_problem():
    assert problems("Q?\nA. x\nC. y\nANSWER: A\n") == [
        (3, "question 'q-1' is left out: option C comes where option B is expected; letter the "
            "options A, B, C... in order")]


def test_a_repeated_option_is_reported_at_its_second_line():
    assert problems("Q?\nA. x\nB. x\nANSWER: A\n") == [
        (3, "question 'q-1' is left out: option \"x\" is listed twice (first on line 2)")]


def test_an_empty_file_holds_no_question():
    assert problems_of(parse("\n\n")) == [
        (1, "the file holds no question Quipu can use; a bank needs one")]


def test_options_without_a_space_after_the_letter_are_read_as_moodle_reads_them():
    path = DATA / "tight-options.aiken.txt"
    result = load_file(path)
    assert result.problems == () and result.skipped == ()
    capital, leader, troops = result.bank.questions
    assert capital.prompt.startswith("In World War II, where")
    assert capital.options == ("Cusco", "Talara", "Arequipa") and capital.key == ("Talara",)
    assert leader.options == ("Manuel Prado", "Augusto B. Leguía")
    # A line like "U.S. and ..." in a question's text stays text: U is not the next letter.
    assert troops.prompt.splitlines() == [
        "During World War II Peru and the United States made an agreement about their navies.",
        "U.S. and Peruvian navies were to do what?"]


def test_one_broken_question_among_good_ones_is_left_out_and_the_rest_load():
    result = parse("Q1?\nA. x\nB. y\nANSWER: A\n\nQ2?\nA. x\nB. y\nANSWER: Z\n\n"
                   "Q3?\nA)x\nB)y\nANSWER: B\n")
    assert result.problems == () and [q.id for q in result.bank.questions] == ["q-1", "q-3"]
    assert result.bank.questions[1].key == ("y",)
    assert left_out(result) == [
        (9, "question 'q-2' is left out: ANSWER: Z names no option; the options here are A to B")]


def test_a_lowercase_answer_letter_is_read_as_its_capital():
    result = parse("Q?\nA. x\nB. y\nANSWER: b\n")
    assert result.problems == () and result.bank.questions[0].key == ("y",)


FUZZ = settings(max_examples=150, deadline=None)


@FUZZ
@given(st.text())
def test_any_text_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.aiken.txt")


@FUZZ
@given(mutated(GOOD.read_text("utf-8"), "ABCDE.):\n ANSWER"))
def test_the_good_file_mutated_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.aiken.txt")


@FUZZ
@given(mutated((DATA / "tight-options.aiken.txt").read_text("utf-8"), "ABCDE.):\n ANSWERU"))
def test_the_file_of_options_without_spaces_mutated_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.aiken.txt")
