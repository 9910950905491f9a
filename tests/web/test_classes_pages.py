"""The class pages, students joining a class, and setting and starting a quiz for classes."""

import io
from urllib.parse import unquote

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, ClassMember, Classroom, Learner
from quizapp.services.assignments import start_assigned
from quizapp.services.attempts import submit_attempt
from tests.web.teacher_helpers import make_class, sign_in_teacher
from tests.web.test_teacher_scope import take_as

QUIZ = {"title": "Week 3", "bank": "sample", "mode": "mixed", "length": 4,
        "opens": "2020-01-01T00:00"}


def members(app, class_id):
    with app.app_context():
        return sorted(db.session.scalars(
            select(ClassMember.learner_id).where(ClassMember.class_id == class_id)))


@pytest.fixture
def teacher(client, auth):
    for name in ("Alice", "bo.b"):
        auth.create(name)
    sign_in_teacher(auth)


def test_a_teacher_makes_a_class_and_sees_its_code_large(client, teacher):
    assert "You have no class yet" in client.get("/teacher/classes").text
    response = client.post("/teacher/classes", data={"name": "7B History"})
    assert response.status_code == 303
    page = client.get(response.location).text
    assert "7B History" in page and 'class="score join-code"' in page and "Students join it" in page
    assert "7B History" in client.get("/teacher/classes").text


def test_a_class_without_a_name_gives_the_form_back(client, teacher):
    response = client.post("/teacher/classes", data={"name": "  "})
    assert response.status_code == 400 and "This field is required" in response.text


def test_usernames_typed_are_added_ignoring_case_and_unknown_ones_listed(app, client, teacher):
    class_id = make_class(client)
    response = client.post(f"/teacher/classes/{class_id}/members",
                           data={"usernames": "ALICE, nobody\nBO.B"}, follow_redirects=True)
    assert "Added 2: Alice, bo.b." in response.text
    assert "No account has these usernames" in response.text and "nobody" in response.text
    assert len(members(app, class_id)) == 2


def test_a_csv_of_usernames_is_added(app, client, teacher):
    class_id = make_class(client)
    upload = (io.BytesIO(b"username\r\nalice\r\nghost\r\n"), "roll.csv")
    response = client.post(f"/teacher/classes/{class_id}/members", data={"file": upload},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "Added 1: Alice." in response.text and "ghost" in response.text


@pytest.mark.parametrize(("data", "message"), [
    (b"name,mark\nalice,17\n", "Line 1 has 2 values"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not text in UTF-8"),
])
def test_a_csv_that_is_not_one_username_a_line_adds_no_one(app, client, teacher, data, message):
    class_id = make_class(client)
    response = client.post(f"/teacher/classes/{class_id}/members",
                           data={"file": (io.BytesIO(data), "marks.csv"), "usernames": "bo.b"},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and message in response.text
    assert members(app, class_id) == []


@pytest.mark.parametrize(("data", "message"), [
    (b"name,mark\nalice,17\n", "La línea 1 tiene 2 valores (name, mark)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "no es texto en UTF-8"),
    (b"alice\n" * 12_000, "pesa más de 64 KB"),
    (b"username\n", "no tiene nombres de usuario"),
])
def test_a_csv_refused_says_why_in_spanish(app, client, teacher, data, message):
    class_id = make_class(client)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    response = client.post(f"/teacher/classes/{class_id}/members",
                           data={"file": (io.BytesIO(data), "marks.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and message in response.text
    assert "the file must hold" not in response.text and members(app, class_id) == []


@pytest.mark.parametrize(("lines", "status"), [(12_000, 400), (40_000, 413)])
def test_a_csv_over_the_size_limit_is_refused(app, client, teacher, lines, status):
    class_id = make_class(client)
    big = io.BytesIO(b"alice\n" * lines)  # 72 KB: read and refused; 240 KB: never read
    response = client.post(f"/teacher/classes/{class_id}/members", data={"file": (big, "a.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == status and "larger than 64 KB" in response.text
    assert members(app, class_id) == []


def test_nothing_typed_nor_chosen_says_what_to_do(client, teacher):
    class_id = make_class(client)
    response = client.post(f"/teacher/classes/{class_id}/members", data={"usernames": ""})
    assert response.status_code == 400 and "Type at least one username" in response.text


def test_a_member_is_removed_and_a_co_teacher_added(app, client, auth, teacher):
    auth.create("cat", role="teacher")
    class_id = make_class(client, members=["alice"])
    [alice] = members(app, class_id)
    assert client.post(f"/teacher/classes/{class_id}/members/{alice}/remove").status_code == 303
    assert members(app, class_id) == []
    refused = client.post(f"/teacher/classes/{class_id}/teachers", data={"username": "alice"})
    assert refused.status_code == 400 and "needs a teacher’s account" in refused.text
    added = client.post(f"/teacher/classes/{class_id}/teachers", data={"username": "Cat"},
                        follow_redirects=True)
    assert "cat teaches this class with you now" in added.text and "(co-teacher)" in added.text


def test_a_student_joins_a_class_by_its_code_from_the_home_page(app, client, auth, teacher):
    class_id = make_class(client, "7B")
    with app.app_context():
        code = db.session.get(Classroom, class_id).code
    auth.logout()
    auth.login("Alice")
    typed = client.get(f"/join?code={code[:3].lower()} {code[3:]}")
    assert typed.status_code == 303 and typed.location == f"/classes/join?code={code}"
    page = client.get(typed.location).text
    assert "Join 7B" in page
    joined = client.post("/classes/join", data={"code": code}, follow_redirects=True)
    assert "You are in the class 7B now." in joined.text
    assert len(members(app, class_id)) == 1
    wrong = client.post("/classes/join", data={"code": "ZZZZZZ"})
    assert wrong.status_code == 404 and "No class has the code" in wrong.text


def test_a_guest_is_asked_to_register_and_a_visitor_to_sign_in(app, client, auth, teacher):
    class_id = make_class(client)
    with app.app_context():
        code = db.session.get(Classroom, class_id).code
    auth.logout()
    sent = client.get(f"/classes/join?code={code}")
    assert sent.status_code == 302 and sent.location.startswith("/login?next=")
    auth.guest("Gus")
    page = client.get(f"/classes/join?code={code}").text
    assert "You are a guest" in page and 'href="/register"' in page
    refused = client.post("/classes/join", data={"code": code})
    assert refused.status_code == 403 and "You are a guest" in refused.text
    assert members(app, class_id) == []


# Setting a quiz for classes


def test_a_teacher_without_a_class_is_told_to_make_one_first(client, teacher):
    page = client.get("/teacher/assignments").text
    assert "you have none" in page and 'href="/teacher/classes"' in page
    response = client.post("/teacher/assignments", data=QUIZ)
    assert response.status_code == 400 and "make a class</a> first" in response.text


@pytest.mark.parametrize(("fields", "message"), [
    ({"length": 5}, "This bank has 4 questions for that mode: choose 4 or fewer"),
    ({"time_limit": 0}, "Number must be between 1 and 600"),
    ({"time_limit": 601}, "Number must be between 1 and 600"),
    ({"closes": "2019-01-01T00:00"}, "The quiz must close after it opens"),
    ({"classes": []}, "Choose at least one class"),
    ({"classes": "x"}, "could not be coerced"),
    ({"review_after_submit": "keys"}, "Not a valid choice"),
])
def test_settings_a_quiz_cannot_keep_give_the_form_back(app, client, teacher, fields, message):
    data = QUIZ | {"classes": make_class(client)} | fields
    response = client.post("/teacher/assignments", data=data)
    assert response.status_code == 400 and message in response.text
    with app.app_context():
        assert db.session.scalars(select(Assignment)).all() == []


def test_a_tampered_form_with_another_teachers_class_sets_nothing(app, client, auth):
    sign_in_teacher(auth, "bob")
    bobs = make_class(client, "Bob's")
    auth.logout()
    sign_in_teacher(auth, "ann")
    mine = make_class(client, "Ann's")
    response = client.post("/teacher/assignments", data=QUIZ | {"classes": [mine, bobs]})
    assert response.status_code == 400 and "only for your own classes" in response.text
    form = response.text[response.text.index("Set a quiz"):]
    assert "Bob&#39;s" not in form and "Ann&#39;s" in form  # another's class is not named
    with app.app_context():
        assert db.session.scalars(select(Assignment)).all() == []


def test_the_form_stores_classes_time_limit_and_review_options(app, client, teacher):
    first, second = make_class(client, "7A"), make_class(client, "7B")
    page = client.get("/teacher/assignments").text
    assert 'type="checkbox"' in page and "7A" in page and "Time limit (minutes)" in page
    assert 'checked id="review_after_submit-0"' in page and 'value="score"' in page
    assert 'checked id="review_after_close-2"' in page
    response = client.post("/teacher/assignments", data=QUIZ | {
        "classes": [first, second], "time_limit": 20, "review_after_submit": "marks",
        "review_after_close": "all"})
    assert response.status_code == 303
    with app.app_context():
        quiz = db.session.scalar(select(Assignment))
        assert [c.name for c in quiz.classes] == ["7A", "7B"]
        assert (quiz.time_limit, quiz.review_after_submit, quiz.review_after_close) == (
            20, "marks", "all")
    shown = client.get(response.location).text
    assert "20 minutes from a student’s start" in shown
    assert "The score and which questions were right" in shown


# Starting a quiz set for classes


@pytest.fixture
def quiz(app, client, auth):
    """A quiz (20 minutes, closing in 2099) for 7A, which has Sam; Tom is in no class."""
    for name in ("sam", "tom"):
        auth.create(name)
    sign_in_teacher(auth)
    class_id = make_class(client, "7A", members=["sam"])
    response = client.post("/teacher/assignments", data=QUIZ | {
        "classes": class_id, "time_limit": 20, "closes": "2099-01-01T00:00"})
    auth.logout()
    return response.location.rsplit("/", 1)[1]


def test_a_member_starts_the_quiz_with_a_deadline(app, client, auth, quiz):
    auth.login("sam")
    assert "Start the quiz" in client.get(f"/join/{quiz}").text
    started = client.post(f"/join/{quiz}")
    assert started.status_code == 303
    with app.app_context():
        attempt = db.session.get(Attempt, started.location.rsplit("/", 1)[1])
        assert (attempt.deadline - attempt.started).total_seconds() == 20 * 60


def test_a_student_not_in_the_class_is_told_which_class_and_cannot_start(app, client, auth, quiz):
    auth.login("tom")
    page = client.get(f"/join/{quiz}")
    assert page.status_code == 403 and "This quiz is for the class 7A" in page.text
    assert "Week 3" not in page.text  # nothing of the quiz is shown
    started = client.post(f"/join/{quiz}")
    assert started.status_code == 403
    with app.app_context():
        assert db.session.scalars(select(Attempt)).all() == []


def test_a_guest_or_visitor_is_sent_to_sign_in_and_back_to_the_quiz(app, client, auth, quiz):
    sent = client.get(f"/join/{quiz}")
    assert unquote(sent.location) == f"/login?next=/join/{quiz}"
    auth.guest("Gus")
    for response in (client.get(f"/join/{quiz}"), client.post(f"/join/{quiz}")):
        assert response.status_code == 302
        assert unquote(response.location) == f"/login?next=/join/{quiz}"
    assert "Sign in, or register" in client.get("/login").text
    with app.app_context():
        assert db.session.scalars(select(Attempt)).all() == []


def test_a_quiz_set_before_classes_stays_open_to_any_account_but_not_a_guest(
    app, client, auth, quiz
):
    with app.app_context():
        db.session.scalar(select(Assignment)).classes = []  # as migration 0004 left old quizzes
        db.session.commit()
    auth.login("tom")
    assert client.post(f"/join/{quiz}").status_code == 303
    auth.logout()
    auth.guest("Gus")
    assert client.post(f"/join/{quiz}").status_code == 302
    auth.logout()
    auth.login("teach")
    page = client.get(f"/teacher/assignments/{quiz}").text
    assert "Any signed-in account with the code" in page
    assert ">tom<" in page  # the teacher who set it sees who took it


# The grid


def test_the_grid_shows_each_students_first_attempt_by_question_in_symbols_and_words(
    app, client, auth, quiz
):
    with app.app_context():
        quiz_id = db.session.scalar(select(Assignment.id))
    take_as(app, "sam", quiz)  # all right
    with app.app_context():  # a retake, all blank: not the one shown
        sam = db.session.scalar(select(Learner).where(Learner.username == "sam"))
        retake = start_assigned(sam, db.session.get(Assignment, quiz_id))
        submit_attempt(sam, retake.id, {})
    auth.login("teach")
    page = client.get(f"/teacher/assignments/{quiz}").text
    grid = page[page.index('id="grid-caption"'):]
    assert grid.count('class="mark right">✓<span class="visually-hidden"> right</span>') == 4
    assert "first</strong> submitted attempt" in page
    assert grid.count("<td>1/1</td>") == 4  # right, of one student
    assert "When did the embassy open?" in grid
