"""Files written the way Moodle writes them (issue 18): what comes in, what is left out, and what
survives import -> export -> import through Moodle's own formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.bank.export import to_gift, to_moodle_xml
from quizapp.bank.gift import parse_gift
from quizapp.bank.loader import load_file
from quizapp.bank.model import Bank
from quizapp.bank.moodle_xml import parse_moodle_xml
from tests.bank.fuzzing import left_out

MOODLE = Path(__file__).parent.parent / "data" / "import" / "moodle"
EXPORT = MOODLE / "course-export.xml"


@pytest.fixture(scope="module")
def course():
    return load_file(EXPORT)


def test_a_moodle_export_loads_its_good_questions_and_lists_the_rest(course):
    assert course.problems == ()
    assert [q.id for q in course.bank.questions] == [
        "embassy-false", "leguias-term-the-u-s", "three-governments"]
    assert [(s.line, s.message) for s in course.skipped] == [
        (136, "question 'broken-no-right-answer' is left out: a choice question has one right "
              "answer, but none is marked right"),
        (153, "question 'why-trade-grew' is an essay question, which Quipu does not have")]
    assert len(left_out(course)) == 1


def test_a_name_keeps_its_words_and_loses_its_markup(course):
    question = course.bank.questions_by_id["leguias-term-the-u-s"]
    assert question.name == "Leguía's term & the U.S."


def test_the_ordering_plugins_old_grading_name_relative_is_its_next_item_grading(course):
    assert course.bank.questions_by_id["three-governments"].grading == "next"


def test_a_sub_category_is_kept_as_a_tag(course):
    by_id = course.bank.questions_by_id
    assert course.bank.title == "Peru and the U.S."
    assert by_id["three-governments"].tags == ("Peru and the U.S./Cold War",)
    assert by_id["embassy-false"].tags == ()


def moodle_shape(bank: Bank) -> list[tuple]:
    """What Moodle needs back: each question's id, type, name, options, key, weights, grading."""
    return [(q.id, q.type, q.name, q.options, q.key, q.weights, q.grading, q.tags)
            for q in bank.questions]


@pytest.mark.parametrize(("write", "read", "suffix"), [
    (to_moodle_xml, parse_moodle_xml, ".xml"), (to_gift, parse_gift, ".gift")])
def test_type_name_and_weights_survive_export_and_import_again(course, write, read, suffix):
    text = write(course.bank)
    back = read(text, "course-export" + suffix)
    assert back.problems == () and back.skipped == ()
    assert moodle_shape(back.bank) == moodle_shape(course.bank)
    assert back.bank.questions_by_id["leguias-term-the-u-s"].weights == (50.0, 50.0, -100.0)


def test_a_true_false_question_is_exported_as_one(course):
    xml = to_moodle_xml(course.bank)
    assert '<question type="truefalse">' in xml
    assert "<text>Embassy (False)</text>" in xml and "<idnumber>embassy-false</idnumber>" in xml
    assert '<answer fraction="0" format="plain_text">\n      <text>true</text>' in xml
    gift = to_gift(course.bank)
    assert "::Embassy (False)::The U.S. Congress made its mission in Peru an embassy in 1914.{FALSE#" in gift


def test_a_multiple_questions_weights_are_written_as_they_came(course):
    xml = to_moodle_xml(course.bank)
    assert ['fraction="50"', 'fraction="50"', 'fraction="-100"'] == [
        line.split()[1] for line in xml.splitlines() if "<answer fraction=" in line][2:5]
    assert "~%-100%Peru signed a mutual defense treaty with the U.S." in to_gift(course.bank)


def test_a_lone_ordering_question_as_the_plugins_tests_keep_it_is_read():
    result = load_file(MOODLE / "ordering-question.xml")
    assert result.problems == () and result.skipped == ()
    [question] = result.bank.questions
    assert (question.id, question.type, question.grading) == ("events-in-order", "ordering", "next")
    assert question.options[0] == "The Panama Canal opens"
    assert question.name == "Drag and drop the events into the right order"


def test_moodles_gift_ordering_syntax_is_an_ordering_question():
    result = load_file(MOODLE / "ordering.gift")
    assert result.problems == () and result.skipped == ()
    early, old, canal = result.bank.questions
    assert (early.type, early.prompt, early.grading) == (
        "ordering", "Put these in the order they happened.", "next")
    assert early.key == ("The Panama Canal opens", "Trade between the two countries grows 60%",
                         "The U.S. mission in Peru becomes an embassy")
    assert (old.type, old.grading, old.options[0]) == (
        "ordering", "next", "Leguía's eleven-year term begins")
    assert canal.type == "choice"


@pytest.mark.parametrize(("words", "grading"), [
    ("", "next"), ("ALL", "next"), ("EXACT VERTICAL ALL_OR_NOTHING", "exact"),
    ("ALL HORIZONTAL ABSOLUTE_POSITION HIDE", "position"), ("RELATIVE", "next"),
    ("ABS", "position"), ("CONTIG 1 LONGEST_CONTIGUOUS_SUBSET 0", "contiguous"),
])
def test_every_word_moodle_allows_after_the_count_is_read(words, grading):
    result = parse_gift(f"Order{{>3 {words}\na\nb\nc\n}}", "q.gift")
    [question] = result.bank.questions
    assert (question.options, question.grading) == (("a", "b", "c"), grading)


def test_an_ordering_question_in_gift_obeys_the_item_rules():
    result = parse_gift("::o::Order{>2\na\nb\n}\n\n::c::C?{=x ~y}", "q.gift")
    assert [q.id for q in result.bank.questions] == ["c"]
    assert left_out(result) == [
        (1, "question 'o' is left out: an ordering question must list 3 to 8 items, but lists 2")]


def test_questions_back_in_the_banks_own_category_get_no_tag():
    text = ("$CATEGORY: $course$/top/Peru\n\n::a::A?{T}\n\n$CATEGORY: $course$/top/Peru/Leaders\n\n"
            "::b::B?{T}\n\n$CATEGORY: $course$/top/Peru\n\n::c::C?{T}\n")
    bank = parse_gift(text, "q.gift").bank
    assert [(q.id, q.tags) for q in bank.questions] == [
        ("a", ()), ("b", ("Peru/Leaders",)), ("c", ())]


def test_each_ordering_item_is_reported_at_its_own_line():
    result = parse_gift("::o::Order{>3 ALL\na\na\nc\n}", "q.gift")
    assert left_out(result) == [
        (3, "question 'o' is left out: item \"a\" is listed twice (first on line 2)")]
