"""Reading a submitted quiz page into the answers of an attempt."""

import pytest
from werkzeug.datastructures import MultiDict

from quizapp.models import AttemptItem
from quizapp.quiz.snapshot import Snapshot
from quizapp.web.forms import OrderingError, answer_field, read_answers, read_order

FIELDS = {"x": "a.i.x", "y": "a.i.y", "z": "a.i.z"}


def item(item_id, qtype, options):
    return AttemptItem(public_id=item_id, snapshot=Snapshot.from_json({
        "type": qtype, "options": [{"id": o, "text": o.upper()} for o in options]}))


def test_an_order_is_the_options_sorted_by_their_positions():
    form = MultiDict({"a.i.x": "3", "a.i.y": "1", "a.i.z": "2"})
    assert read_order(form, FIELDS) == ["y", "z", "x"]


def test_an_order_left_all_blank_is_no_answer():
    assert read_order(MultiDict({"a.i.x": "", "a.i.y": " "}), FIELDS) is None


@pytest.mark.parametrize(("form", "message"), [
    ({"a.i.x": "1", "a.i.y": "2"}, "Give every item a position from 1 to 3"),
    ({"a.i.x": "1", "a.i.y": "2", "a.i.z": "2"}, "Position 2 is given to more than one item"),
    ({"a.i.x": "1", "a.i.y": "2", "a.i.z": "4"}, "Positions are the numbers 1 to 3"),
    ({"a.i.x": "1", "a.i.y": "2", "a.i.z": "-3"}, "Positions are the numbers 1 to 3"),
    # What the form never offered: a superscript (isdigit, but int() fails), 5,000 digits (int()
    # refuses more than 4,300), Arabic-Indic and full-width digits (which int() reads as 3).
    ({"a.i.x": "1", "a.i.y": "2", "a.i.z": "\u00b2"}, "written with the digits 0-9"),
    ({"a.i.x": "1", "a.i.y": "2", "a.i.z": "3" * 5000}, "Positions are the numbers 1 to 3"),
    ({"a.i.x": "1", "a.i.y": "2", "a.i.z": "\u0663"}, "Positions are the numbers 1 to 3"),
    ({"a.i.x": "1", "a.i.y": "2", "a.i.z": "\uff13"}, "Positions are the numbers 1 to 3"),
    ({"a.i.x": "1", "a.i.y": "2", "a.i.z": "0"}, "Positions are the numbers 1 to 3"),
])
def test_an_order_with_a_gap_a_repeat_or_a_stray_position_is_refused(form, message):
    with pytest.raises(OrderingError, match=message):
        read_order(MultiDict(form), FIELDS)


def test_each_question_type_reads_into_the_answer_submit_attempt_takes():
    items = [item("c", "choice", "pq"), item("m", "multiple", "rst"), item("o", "ordering", "uv")]
    form = MultiDict([("a.c", "q"), ("a.m", "r"), ("a.m", "t"), ("a.o.u", "2"), ("a.o.v", "1")])
    assert read_answers(items, form) == ({"c": "q", "m": ["r", "t"], "o": ["v", "u"]}, {})


def test_nothing_picked_is_no_answer():
    items = [item("c", "choice", "pq"), item("m", "multiple", "rs")]
    assert read_answers(items, MultiDict([("a.c", ""), ("csrf_token", "t")])) == ({}, {})


def test_fields_that_are_not_answers_are_ignored_and_unknown_answers_passed_on():
    form = MultiDict({"score": "100", "a.nope": "x", answer_field("c"): "p"})
    assert read_answers([item("c", "choice", "pq")], form) == ({"c": "p", "nope": "x"}, {})


def test_a_broken_order_is_reported_at_its_item_and_the_rest_still_read():
    items = [item("c", "choice", "pq"), item("o", "ordering", "uv")]
    answers, problems = read_answers(items, MultiDict({"a.c": "p", "a.o.u": "1", "a.o.v": "1"}))
    assert answers == {"c": "p"}
    assert list(problems) == ["o"] and "Position 1" in problems["o"]


def test_two_picks_for_a_choice_item_are_passed_on_for_the_service_to_refuse():
    form = MultiDict([("a.c", "p"), ("a.c", "q")])
    assert read_answers([item("c", "choice", "pq")], form)[0] == {"c": ["p", "q"]}


def test_keep_this_order_answers_with_the_order_shown():
    items = [item("o", "ordering", "uvw")]
    assert read_answers(items, MultiDict({"a.o": "keep"})) == ({"o": ["u", "v", "w"]}, {})
    assert read_order(MultiDict({"a.i.x": ""}), FIELDS, ["keep"]) == ["x", "y", "z"]


def test_keep_with_positions_is_the_positions_quiz_js_wrote():
    form = MultiDict({"a.o": "keep", "a.o.u": "3", "a.o.v": "1", "a.o.w": "2"})
    assert read_answers([item("o", "ordering", "uvw")], form) == ({"o": ["v", "w", "u"]}, {})


@pytest.mark.parametrize("kept", [["yes"], ["keep", "keep"], ["u,v,w"], [""]])
def test_a_tampered_keep_is_a_problem_at_its_item_not_an_answer(kept):
    form = MultiDict([("a.o", value) for value in kept])
    answers, problems = read_answers([item("o", "ordering", "uvw")], form)
    assert answers == {} and "Keep this order" in problems["o"]
