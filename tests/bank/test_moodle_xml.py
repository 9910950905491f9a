"""Moodle XML files: multichoice, truefalse and ordering read, other types skipped, XML kept safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.loader import load_file, parser_for
from quizapp.bank.moodle_ordering import GRADING
from quizapp.bank.moodle_xml import parse_moodle_xml
from quizapp.bank.xml_reading import html_to_text
from tests.bank.fuzzing import assert_located, left_out, mutated, problems_of, read_good

DATA = Path(__file__).parent.parent / "data" / "import"
GOOD = DATA / "peru-moodle.xml"


def parse(text: str):
    return parse_moodle_xml(text, "q.xml")


def quiz(*questions: str) -> str:
    return "<quiz>\n" + "\n".join(questions) + "\n</quiz>\n"


def ordering(grading: str) -> str:
    items = "".join(f'<answer fraction="{n}"><text>item {n}</text></answer>' for n in (1, 2, 3))
    return (f'<question type="ordering"><name><text>o</text></name><questiontext><text>Order'
            f'</text></questiontext><gradingtype>{grading}</gradingtype>{items}</question>')


def problems(text: str) -> list[tuple[int, str]]:
    return problems_of(parse(text))


@pytest.fixture(scope="module")
def shipped():
    return read_good(GOOD)


def test_xml_files_are_read_by_the_moodle_xml_parser():
    assert parser_for("questions/export.XML") is parse_moodle_xml


def test_the_bank_is_named_after_the_file_and_titled_by_its_category(shipped):
    bank = shipped.bank
    assert (bank.id, bank.title) == ("peru-moodle", "Peru and the United States")


def test_ids_come_from_the_idnumber_else_the_name(shipped):
    assert [q.id for q in shipped.bank.questions] == [
        "canal-opening", "leguia-term", "embassy", "early-events", "script"]


def test_a_single_answer_multichoice_is_a_choice_with_html_made_plain_text(shipped):
    canal = shipped.bank.questions_by_id["canal-opening"]
    assert (canal.type, canal.line) == ("choice", 15)
    assert canal.prompt == "In which year did the Panama Canal open?"
    assert (canal.options, canal.key) == (("1904", "1914", "1920"), ("1914",))
    assert canal.feedback == ("Too early.", "", "")
    assert canal.explanation == "The canal opened in 1914 & boosted trade."
    assert canal.tags == ("dates", "trade")


def test_a_multichoice_of_several_answers_is_a_multiple_keyed_by_positive_fractions(shipped):
    term = shipped.bank.questions_by_id["leguia-term"]
    assert term.type == "multiple"
    assert term.key == ("U.S. capital overtook British investment",
                        "The U.S. mission became an embassy")
    assert term.feedback == ("", "", "That was in 1952.")


def test_truefalse_is_a_choice_of_true_and_false(shipped):
    embassy = shipped.bank.questions_by_id["embassy"]
    assert (embassy.options, embassy.key) == (("True", "False"), ("True",))
    assert embassy.feedback == ("Yes, in 1920.", "It did, in 1920.")


def test_an_ordering_question_keeps_its_order_and_grading(shipped):
    events = shipped.bank.questions_by_id["early-events"]
    assert events.type == "ordering" and events.grading == "position"
    assert events.options == events.key == (
        "The Panama Canal opens", "Bilateral trade jumps by 60 percent",
        "The U.S. mission becomes an embassy")
    assert events.explanation == "1914, 1916, then 1920."


def test_scripts_are_dropped_from_html_and_plain_text_kept_as_written(shipped):
    script = shipped.bank.questions_by_id["script"]
    assert script.prompt == "Which tag runs code?"
    assert script.options == ("<script>", "<b>")


def test_an_essay_is_skipped_at_its_line_and_the_rest_loads(shipped):
    assert [str(s) for s in shipped.skipped] == [
        f"{GOOD}:143: question 'why-trade-grew' is an essay question, which Quipu does not have"]


@pytest.mark.parametrize(("moodle", "ours"), list(GRADING.items()))
def test_each_moodle_grading_type_maps_to_ours(moodle, ours):
    assert parse(quiz(ordering(moodle))).bank.questions[0].grading == ours


def test_an_ordering_question_without_a_grading_type_is_graded_as_moodle_would():
    assert parse(quiz(ordering(""))).bank.questions[0].grading == "next"


def test_ordering_items_follow_their_fractions():
    text = quiz('<question type="ordering"><questiontext><text>Order</text></questiontext>'
                '<answer fraction="3"><text>c</text></answer>'
                '<answer fraction="1"><text>a</text></answer>'
                '<answer fraction="2"><text>b</text></answer></question>')
    assert parse(text).bank.questions[0].key == ("a", "b", "c")


@pytest.mark.parametrize(("kind", "says"), [
    ("numerical", "a numerical question"), ("matching", "a matching question"),
    ("shortanswer", "a short-answer question"), ("description", "a description (text with no "
                                                                "answers)"),
    ("cloze", "a cloze (embedded answers) question"), ("ddwtos", "a 'ddwtos' question"),
])
def test_other_types_are_skipped_with_their_kind(kind, says):
    text = quiz(ordering("ALL_OR_NOTHING"), f'<question type="{kind}"><name><text>Other</text>'
                '</name></question>')
    result = parse(text)
    [skipped] = result.skipped
    assert result.problems == () and len(result.bank.questions) == 1
    assert (skipped.line, skipped.message) == (
        3, f"question 'other' is {says}, which Quipu does not have")


@pytest.mark.parametrize(("name", "line", "message"), [
    ("doctype.xml", 2, "the file declares a DOCTYPE; Quipu does not read DTDs or entity "
                       "declarations (they can make a small file expand without end): delete the "
                       "<!DOCTYPE ...> part"),
    ("not-well-formed.xml", 8, "the <answer> opened on this line is not closed before line 9, "
                               "where another element closes"),
])
def test_a_broken_file_is_reported_at_the_line_of_the_problem(name, line, message):
    path = DATA / "broken" / name
    result = load_file(path)
    assert result.bank is None
    errors = result.problems
    [error] = errors
    assert str(error).startswith(f"{path}:{line}: {message}")


@pytest.mark.parametrize(("name", "line", "message"), [
    ("no-right-answer.xml", 3, "question 'canal' is left out: a choice question has one right "
                               "answer, but none is marked right"),
    ("bad-grading.xml", 6, "question 'early-events' is left out: gradingtype ABSOLUTE_POSITIONS "
                           "is not a Moodle grading type (did you mean 'ABSOLUTE_POSITION'?); "
                           "use one of ALL_OR_NOTHING"),
])
def test_a_broken_question_is_left_out_at_the_line_of_the_problem(name, line, message):
    path = DATA / "broken" / name
    [skipped] = load_file(path).skipped
    assert str(skipped).startswith(f"{path}:{line}: {message}")


def test_an_entity_declared_in_a_doctype_is_never_expanded():
    bomb = '<!DOCTYPE q [<!ENTITY a "' + "x" * 1000 + '">]>\n<quiz>&a;</quiz>'
    [(line, message)] = problems(bomb)
    assert line == 1 and "DOCTYPE" in message


def test_text_that_is_not_xml_is_reported_at_its_line():
    assert problems("<quiz>\n<question type='essay'>\n& </question></quiz>") == [
        (3, "this is not well-formed XML: not well-formed (invalid token)")]


def test_lines_are_counted_as_xml_counts_them():
    assert problems("<quiz>\r\n\r<x") == [
        (3, "this is not well-formed XML: unclosed token")]


def test_a_top_element_other_than_quiz_is_a_problem():
    assert problems("<html/>") == [
        (1, "the top element is <html>; a Moodle XML file holds its questions in <quiz>")]


def test_an_answer_fraction_that_is_not_a_number_is_a_problem_at_its_line():
    text = quiz('<question type="multichoice"><questiontext><text>Q</text></questiontext>',
                '<answer fraction="full"><text>a</text></answer>',
                '<answer fraction="0"><text>b</text></answer></question>')
    assert left_out(parse(text)) == [(3, 'question \'q-1\' is left out: fraction "full" is not '
                                         'a number; Moodle gives each answer\'s worth in percent, '
                                         'like fraction="100"')]


def test_a_truefalse_question_needs_true_and_false_answers():
    text = quiz('<question type="truefalse"><questiontext><text>Q</text></questiontext>'
                '<answer fraction="100"><text>yes</text></answer></question>')
    assert left_out(parse(text)) == [
        (2, "question 'q-1' is left out: a truefalse question has two answers, true and false")]


def test_an_element_that_is_not_a_question_is_left_out_and_the_numbers_kept():
    result = parse(quiz("<comment>old</comment>", ordering("REL").replace(
        "<name><text>o</text></name>", "")))
    assert left_out(result) == [
        (2, "these lines are left out: <comment> is not a <question type=\"...\">; <quiz> holds "
            "questions only")]
    assert [q.id for q in result.bank.questions] == ["q-1"]


def test_a_file_of_no_questions_is_a_problem():
    assert problems("<quiz></quiz>") == [
        (1, "the file holds no question Quipu can use; a bank needs one")]


def test_html_becomes_lines_of_text_with_entities_read():
    assert html_to_text("<p>A &amp; B</p><p>C&nbsp;<b>D</b><br>E</p>") == "A & B\nC D\nE"


def test_html_the_parser_chokes_on_still_gives_text():
    assert html_to_text("a <![x[ b ]]> c &lt;") == "a c <"


FUZZ = settings(max_examples=150, deadline=None)


@FUZZ
@given(st.text())
def test_any_text_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.xml")


@FUZZ
@given(mutated(GOOD.read_text("utf-8"), "<>/=\"&;![]\n"))
def test_the_good_file_mutated_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.xml")


@FUZZ
@given(st.text(max_size=80))
def test_any_html_gives_text(markup):
    assert isinstance(html_to_text(markup), str)


@FUZZ
@given(mutated((DATA / "moodle" / "course-export.xml").read_text("utf-8"), "<>/=\"&;![]\n-1"))
def test_a_moodle_export_mutated_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.xml")


@FUZZ
@given(mutated((DATA / "moodle" / "pictures.xml").read_text("utf-8"), "<>/=\"&;![]\nA+"))
def test_a_file_of_pictures_mutated_gives_a_bank_or_located_problems(text):
    assert_located(text, parse(text), "q.xml")


@FUZZ
@given(st.text(alphabet="<>/=\"qustinofaxmlr ", max_size=50))
def test_a_lone_question_or_anything_like_it_gives_a_bank_or_located_problems(text):
    assert_located("<question" + text, parse("<question" + text), "q.xml")
