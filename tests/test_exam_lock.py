"""The exam lock, as a service: who is paused on which bank, when, and how cheaply."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.services.attempts import start_attempt
from quizapp.services.catalog import exam_only, set_exam_only
from quizapp.services.errors import NotAllowed, NotFound
from quizapp.services.exam_lock import Paused, lock_on, locks_on
from quizapp.services.study import start_practice, timeline
from tests.exam_lock_helpers import (
    CLOSES,
    EXAM_BANK,
    OPENS,
    UNTIL,
    assign,
    classroom,
    install_banks,
    person,
)
from tests.sample_bank import SAMPLE_BANK

AT_NINE = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def school(app, clock):
    """Ms Q's class 3A (Ana) has "Week 3" on the sample bank, open 8:00 to 10:00; Cy is in 3B,
    Dan in no class; Gus is a guest; Ms Q a teacher, Root an admin."""
    install_banks(app)
    with app.app_context():
        teacher = person("ms-q", "teacher")
        people = {"teacher": teacher, "admin": person("root", "admin"), "ana": person("ana"),
                  "cy": person("cy"), "dan": person("dan"), "gus": person(None)}
        room = classroom("3a", teacher, people["ana"])
        classroom("3b", teacher, people["cy"])
        people["quiz"] = assign(teacher, room)
        people["room"] = room
        yield people


def test_a_member_is_paused_while_the_quiz_is_open_and_told_until_when(school):
    lock = lock_on(school["ana"], "sample", AT_NINE)
    assert lock.message == f"Self-study on A sample bank is paused for your class's quiz “Week 3” {UNTIL}."
    assert lock.until == CLOSES and lock.yours


@pytest.mark.parametrize("moment", [OPENS - timedelta(seconds=1), CLOSES, CLOSES + timedelta(days=1)])
def test_before_it_opens_and_from_the_moment_it_closes_self_study_is_back(school, moment):
    assert lock_on(school["ana"], "sample", moment) is None


def test_it_pauses_from_the_second_it_opens(school):
    assert lock_on(school["ana"], "sample", OPENS) is not None


@pytest.mark.parametrize("who", ["dan", "gus"])
def test_an_account_in_no_class_and_a_guest_are_paused_without_the_quiz_named(school, who):
    lock = lock_on(school[who], "sample", AT_NINE)
    assert lock.message == f"Self-study on A sample bank is paused for an assigned quiz {UNTIL}."


def test_a_visitor_not_signed_in_is_paused_like_a_guest(school):
    assert lock_on(None, "sample", AT_NINE).message.endswith(f"an assigned quiz {UNTIL}.")


def test_a_student_of_another_class_is_not_paused(school):
    assert lock_on(school["cy"], "sample", AT_NINE) is None


@pytest.mark.parametrize("who", ["teacher", "admin"])
def test_teachers_and_admins_are_never_paused(school, who):
    assign(school["teacher"], bank="sample", title="Old quiz")  # no classes: pauses everyone else
    assert lock_on(school[who], "sample", AT_NINE) is None
    assert lock_on(school[who], "exam", AT_NINE) is None
    assert locks_on(school[who], AT_NINE) == {}


def test_a_quiz_set_before_classes_existed_pauses_every_student(school):
    assign(school["teacher"], bank="other", title="Quiz 9")
    lock = lock_on(school["cy"], "other", AT_NINE)
    assert lock.message == f"Self-study on Another bank is paused for an assigned quiz {UNTIL}."


def test_a_quiz_that_never_closes_pauses_for_as_long_as_it_is_open(school):
    assign(school["teacher"], school["room"], bank="other", title="Open book", closes=None)
    lock = lock_on(school["ana"], "other", datetime(2030, 1, 1))
    assert lock.until is None
    assert lock.message.endswith("“Open book” for as long as it is open (it has no closing time).")


def test_only_the_quizs_bank_is_paused(school):
    assert lock_on(school["ana"], "other", AT_NINE) is None
    assert set(locks_on(school["ana"], AT_NINE)) == {"sample", "exam"}


def test_of_two_open_quizzes_the_one_closing_last_says_when_self_study_comes_back(school):
    later = CLOSES + timedelta(hours=2)
    assign(school["teacher"], school["room"], title="Week 4", closes=later)
    lock = lock_on(school["ana"], "sample", AT_NINE)
    assert (lock.quiz, lock.until) == ("Week 4", later)
    assign(school["teacher"], school["room"], title="Week 5", closes=None)
    assert lock_on(school["ana"], "sample", AT_NINE).quiz == "Week 5"


def test_a_quiz_not_open_yet_pauses_nothing(school):
    assign(school["teacher"], school["room"], bank="other", title="Quiz 7",
           opens=CLOSES, closes=CLOSES + timedelta(hours=1))
    assert lock_on(school["ana"], "other", AT_NINE) is None
    assert lock_on(school["ana"], "other", CLOSES).quiz == "Quiz 7"


def test_an_unknown_bank_is_not_locked_here(school):
    assert lock_on(school["ana"], "nope", AT_NINE) is None


def test_every_self_study_start_is_refused_while_paused(school):
    ana = school["ana"]
    with pytest.raises(Paused, match=UNTIL):
        start_attempt(ana, "sample", "mixed", 10)
    with pytest.raises(NotAllowed, match=UNTIL):  # review of what is due: self-study too
        start_attempt(ana, "sample", "review", 10)
    with pytest.raises(Paused):
        start_practice(ana, "sample")
    with pytest.raises(Paused):
        start_practice(ana, "sample", "canal")
    with pytest.raises(Paused):
        timeline(SAMPLE_BANK, ana, AT_NINE)
    assert start_attempt(ana, "other", "mixed", 2).bank == "other"


def test_the_thirty_empty_quizzes_attack_gets_nothing_while_paused(school, app):
    refused = 0
    for _ in range(30):
        try:
            start_attempt(school["dan"], "sample", "mixed", 50)
        except Paused:
            refused += 1
    assert refused == 30


def test_self_study_comes_back_when_the_quiz_closes(school, clock):
    clock.now = CLOSES
    assert start_attempt(school["ana"], "sample", "mixed", 2).bank == "sample"
    assert start_practice(school["gus"], "sample").mode == "practice"


def test_an_exam_only_bank_is_paused_for_every_student_always(school):
    for who in ("ana", "cy", "dan", "gus"):
        lock = lock_on(school[who], "exam", datetime(2030, 1, 1))
        assert lock.exam_only and lock.until is None
        assert lock.message == ("“Exam questions” is for assigned quizzes only: it is not offered "
                                "for self-study.")
    with pytest.raises(Paused, match="for assigned quizzes only"):
        start_attempt(school["cy"], "exam", "mixed", 2)


def test_the_teachers_switch_overrides_the_file_either_way(school):
    teacher = school["teacher"]
    assert exam_only([EXAM_BANK])["exam"].on and not exam_only([EXAM_BANK])["exam"].switched_here
    set_exam_only(teacher.id, "exam", False, AT_NINE)
    flag = exam_only([EXAM_BANK])["exam"]
    assert (flag.on, flag.in_file, flag.switched_by, flag.switched) == (False, True, teacher.id, AT_NINE)
    assert lock_on(school["cy"], "exam", AT_NINE) is None
    set_exam_only(teacher.id, "other", True, AT_NINE)
    assert lock_on(school["cy"], "other", AT_NINE).exam_only
    set_exam_only(teacher.id, "other", False, AT_NINE)  # switched back: one row, updated
    assert lock_on(school["cy"], "other", AT_NINE) is None


def test_the_switch_refuses_a_bank_not_loaded(school):
    with pytest.raises(NotFound, match="no question bank 'nope'"):
        set_exam_only(school["teacher"].id, "nope", True, AT_NINE)


def test_a_lock_costs_two_statements_whatever_is_open(school, app):
    for n in range(5):
        assign(school["teacher"], school["room"], title=f"Quiz {n}", bank="sample")
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        assert lock_on(school["ana"], "sample", AT_NINE) is not None
        assert len(statements) <= 2, statements
        statements.clear()
        locks_on(school["ana"], AT_NINE)
        assert len(statements) <= 2, statements
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
