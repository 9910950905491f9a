"""Classes as a service: codes, members by username or CSV, co-teachers, joining, who sees what."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Assignment, ClassMember, Learner
from quizapp.quiz.rules import deadline
from quizapp.services import accounts
from quizapp.services.assignments import AssignmentError, AssignmentSettings, create_assignment
from quizapp.services.attempts import start_attempt
from quizapp.services.classes import (
    ClassError,
    Viewer,
    add_co_teacher,
    add_members,
    class_by_code,
    class_detail,
    classes_of,
    create_class,
    find_class,
    join_class,
    remove_co_teacher,
    remove_member,
)
from quizapp.services.codes import CODE_ALPHABET
from quizapp.services.errors import NotAllowed, NotFound
from quizapp.services.grid import mark
from quizapp.services.results import ResultFilter, any_attempt, class_results, find_learner
from quizapp.services.rolls import MAX_CSV, csv_usernames, typed_usernames


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


def account(name, role="student"):
    learner = Learner(username=name, display_name=name, role=role)
    db.session.add(learner)
    db.session.commit()
    return learner


@pytest.fixture
def ann(ctx):
    return Viewer.of(account("ann", role="teacher"))


@pytest.fixture
def bob(ctx):
    return Viewer.of(account("bob", role="teacher"))


def test_a_class_gets_a_code_from_the_unambiguous_alphabet(ann):
    made = create_class(ann, "  7B   History ")
    assert made.name == "7B History"
    assert len(made.code) == 6 and set(made.code) <= set(CODE_ALPHABET)
    assert class_by_code(made.code.lower()).id == made.id


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_a_class_needs_a_name_of_1_to_80_characters(ann, name):
    with pytest.raises(ClassError, match="1 to 80"):
        create_class(ann, name)


def test_a_new_code_is_never_one_a_quiz_or_class_has(ann, monkeypatch):
    from quizapp.services import codes

    first = create_class(ann, "A")
    drawn = iter([first.code, first.code, "QQQQQQ"])
    monkeypatch.setattr(codes, "new_code", lambda: next(drawn))
    assert create_class(ann, "B").code == "QQQQQQ"


def test_usernames_are_added_ignoring_case_and_unknown_ones_are_listed(ann):
    account("Alice")
    account("bo.b")
    made = create_class(ann, "7B")
    added = add_members(ann, made.id, ["ALICE", "nobody", "bo.b", "alice"])
    assert (added.added, added.unknown) == (["Alice", "bo.b"], ["nobody"])
    again = add_members(ann, made.id, ["alice"])
    assert (again.added, again.already) == ([], ["Alice"])
    assert [m.username for m in class_detail(ann, made.id).members] == ["Alice", "bo.b"]


def test_a_guest_is_never_added_nor_joins(ann):
    guest = accounts.create_guest("Gus")
    made = create_class(ann, "7B")
    assert add_members(ann, made.id, ["Gus"]).unknown == ["Gus"]
    with pytest.raises(NotAllowed, match="Register first"):
        join_class(guest, made.code)
    assert db.session.scalars(select(ClassMember)).all() == []


def test_a_student_joins_by_code_once(ann):
    stu = account("stu")
    made = create_class(ann, "7B")
    assert join_class(stu, f" {made.code.lower()} ") == (made, True)
    assert join_class(stu, made.code) == (made, False)
    with pytest.raises(NotFound, match="No class has the code"):
        join_class(stu, "ZZZZZZ")


@pytest.mark.parametrize(("text", "names"), [
    ("alice\nbob\r\ncy", ["alice", "bob", "cy"]),
    ("alice, bob;cy", ["alice", "bob", "cy"]),
    ("  \n", []),
])
def test_typed_usernames_are_split_on_lines_and_commas(text, names):
    assert typed_usernames(text) == names


def test_a_csv_of_one_username_a_line_is_read_with_or_without_a_header():
    assert csv_usernames(b"\xef\xbb\xbfusername\r\nalice\r\n\r\nbob,\r\n") == ["alice", "bob"]
    assert csv_usernames("josé\n".encode()) == ["josé"]


@pytest.mark.parametrize(("data", "message"), [
    (b"name,mark\nalice,17\n", "Line 1 has 2 values"),
    (b"alice\nAlice Smith\n", "Line 2 .* is not a username"),
    (b"\xff\xfe\x00a\x00l", "not text in UTF-8"),
    (b"username\n", "holds no usernames"),
    (b"a\n" * (MAX_CSV // 2 + 1), "larger than 64 KB"),
    (b"alice\tAlice Smith\t17\n", "Line 1 .* is not a username"),  # tab-separated
])
def test_a_csv_that_is_not_one_username_a_line_is_refused(data, message):
    with pytest.raises(ClassError, match=message):
        csv_usernames(data)


def test_another_teachers_class_is_not_found_and_cannot_be_changed(ann, bob):
    made = create_class(ann, "7B")
    account("stu")
    for action in (lambda: find_class(bob, made.id), lambda: class_detail(bob, made.id),
                   lambda: add_members(bob, made.id, ["stu"]),
                   lambda: add_co_teacher(bob, made.id, "bob")):
        with pytest.raises(NotFound):
            action()
    assert [s.classroom.id for s in classes_of(bob)] == []
    assert [s.classroom.id for s in classes_of(Viewer(bob.id, admin=True))] == [made.id]


def test_a_co_teacher_must_be_a_teacher_and_is_added_by_the_owner_only(ann, bob):
    made = create_class(ann, "7B")
    account("stu")
    account("cat", role="teacher")
    with pytest.raises(ClassError, match="needs a teacher"):
        add_co_teacher(ann, made.id, "stu")
    with pytest.raises(ClassError, match="made this class"):
        add_co_teacher(ann, made.id, "ANN")
    assert add_co_teacher(ann, made.id, "BOB").username == "bob"
    assert [s.classroom.id for s in classes_of(bob)] == [made.id]  # bob teaches it now
    add_members(bob, made.id, ["stu"])  # and adds students
    with pytest.raises(NotAllowed, match="Only the teacher who made the class"):
        add_co_teacher(bob, made.id, "cat")
    remove_co_teacher(ann, made.id, bob.id)
    with pytest.raises(NotFound):
        find_class(bob, made.id)


def test_removing_a_member_hides_them_but_keeps_their_attempts(ann):
    stu = account("stu")
    made = create_class(ann, "7B")
    add_members(ann, made.id, ["stu"])
    attempt = start_attempt(stu, "sample", "mixed", 4)  # a free quiz: it counts as theirs
    assert find_learner(ann, stu.id).id == stu.id and any_attempt(ann, attempt.id)
    assert [r.name for r in class_results(ResultFilter(viewer=ann))] == ["stu"]
    remove_member(ann, made.id, stu.id)
    with pytest.raises(NotFound):
        find_learner(ann, stu.id)
    with pytest.raises(NotFound):
        any_attempt(ann, attempt.id)
    with pytest.raises(NotFound):
        remove_member(ann, made.id, stu.id)
    assert any_attempt(Viewer(ann.id, admin=True), attempt.id).id == attempt.id  # still stored


def settings(**changes):
    base = dict(title="Quiz", bank="sample", mode="mixed", length=4, same_questions=False,
                opens=datetime(2020, 1, 1), closes=None, max_attempts=None)
    return AssignmentSettings(**(base | changes))


def test_a_quiz_is_set_only_for_the_teachers_own_classes(ann, bob):
    mine, theirs = create_class(ann, "7A"), create_class(bob, "7B")
    teacher = db.session.get(Learner, ann.id)
    with pytest.raises(AssignmentError, match="at least one class"):
        create_assignment(teacher, settings())
    with pytest.raises(AssignmentError, match="only for your own classes"):
        create_assignment(teacher, settings(class_ids=(mine.id, theirs.id)))
    with pytest.raises(AssignmentError, match="only for your own classes"):
        create_assignment(teacher, settings(class_ids=(9999,)))
    assert db.session.scalars(select(Assignment)).all() == []
    made = create_assignment(teacher, settings(class_ids=(mine.id, mine.id)))
    assert [c.name for c in made.classes] == ["7A"]


@pytest.mark.parametrize(("changes", "message"), [
    ({"length": 5}, "This bank has 4 questions for that mode: choose 4 or fewer"),
    ({"length": 3, "mode": "ordering"}, "This bank has 1 question for that mode: choose 1 or fewer"),
    ({"time_limit": 0}, "1 to 600 minutes"),
    ({"time_limit": 601}, "1 to 600 minutes"),
    ({"closes": datetime(2019, 12, 31)}, "close after it opens"),
    ({"review_after_close": "keys"}, "What students see"),
])
def test_settings_the_quiz_cannot_keep_are_refused(ann, changes, message):
    made = create_class(ann, "7A")
    with pytest.raises(AssignmentError, match=message):
        create_assignment(db.session.get(Learner, ann.id), settings(class_ids=(made.id,), **changes))


START = datetime(2026, 3, 2, 9, 0)


@pytest.mark.parametrize(("limit", "closes", "expected"), [
    (None, None, None),
    (15, None, START + timedelta(minutes=15)),
    (None, START + timedelta(hours=1), START + timedelta(hours=1)),
    (90, START + timedelta(hours=1), START + timedelta(hours=1)),  # the close comes first
    (15, START + timedelta(hours=1), START + timedelta(minutes=15)),
])
def test_an_attempts_deadline_is_the_earlier_of_its_limit_and_the_close(limit, closes, expected):
    assert deadline(START, limit, closes) == expected


@pytest.mark.parametrize(("answer", "points", "shown"), [
    ("o1", 1.0, "right"), (["o1", "o2"], 0.5, "partly"), ("o2", 0.0, "wrong"),
    (None, 0.0, "blank"), ([], 0.0, "blank"),
])
def test_a_grid_cell_says_right_partly_wrong_or_blank(answer, points, shown):
    assert mark(answer, points) == shown
