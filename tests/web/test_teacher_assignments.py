"""Assigned quizzes: a teacher sets one, students join it by code, within its times and limits."""

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt
from quizapp.services.assignments import CODE_ALPHABET
from tests.web.teacher_helpers import make_class, sign_in_teacher, take

PAST, FUTURE = "2020-01-01T01:00", "2099-01-01T09:30"


def set_quiz(client, **fields):
    """Set a quiz through the teacher's form (for their first class, made if need be); its code."""
    if "classes" not in fields:
        listed = client.get("/teacher/classes").text
        fields["classes"] = make_class(client) if "no-classes" in listed else 1
    data = {"title": "Week 3", "bank": "sample", "mode": "mixed", "length": 4,
            "opens": PAST} | fields
    response = client.post("/teacher/assignments", data=data)
    assert response.status_code == 303, response.text
    return response.location.rsplit("/", 1)[1]


@pytest.fixture
def quiz_code(client, auth):
    """A quiz set by a teacher (allowing one attempt); then a student is signed in instead."""
    auth.create("stu")
    sign_in_teacher(auth)
    make_class(client, members=["stu"])
    code = set_quiz(client, max_attempts=1)
    auth.logout()
    auth.login("stu")
    return code


def test_a_quiz_gets_a_short_unambiguous_code_shown_to_the_teacher(client, auth):
    sign_in_teacher(auth)
    code = set_quiz(client)
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
    assert not set(code) & set("01OI")
    page = client.get(f"/teacher/assignments/{code}").text
    assert code in page and "Week 3" in page
    assert code in client.get("/teacher/assignments").text


@pytest.mark.parametrize(("fields", "message"), [
    ({"closes": PAST, "opens": "2021-01-01T00:00"}, "close after it opens"),
    ({"length": 0}, "Number must be between"),
    ({"max_attempts": 0}, "Number must be between"),
    ({"opens": "soon"}, "Not a valid datetime"),
    ({"title": ""}, "This field is required"),
    ({"bank": "nope"}, "Not a valid choice"),
])
def test_settings_that_make_no_quiz_give_the_form_back(client, auth, fields, message):
    sign_in_teacher(auth)
    data = {"title": "Week 3", "bank": "sample", "mode": "mixed", "length": 4,
            "opens": PAST, "classes": make_class(client)} | fields
    response = client.post("/teacher/assignments", data=data)
    assert response.status_code == 400
    assert message in response.text


def test_the_home_page_asks_for_a_code_and_leads_to_the_quiz(client, quiz_code):
    assert 'action="/join"' in client.get("/").text
    typed = f"{quiz_code[:3].lower()}-{quiz_code[3:].lower()}"
    response = client.get(f"/join?code={typed}")
    assert response.status_code == 303 and response.location == f"/join/{quiz_code}"
    page = client.get(response.location).text
    assert "Week 3" in page and "Start the quiz" in page


def test_an_unknown_code_says_so(client, quiz_code):
    response = client.get("/join/ZZZZZZ")
    assert response.status_code == 404 and "No quiz has the code" in response.text
    assert client.get("/join?code=").status_code == 400


def test_joining_needs_a_signed_in_learner(client, auth):
    sign_in_teacher(auth)
    code = set_quiz(client)
    auth.logout()
    assert client.get(f"/join/{code}").location.startswith("/login")


def test_starting_an_assigned_quiz_serves_its_settings(app, client, quiz_code):
    response = client.post(f"/join/{quiz_code}")
    assert response.status_code == 303
    attempt_id = response.location.rsplit("/", 1)[1]
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.assignment_id is not None and len(attempt.items) == 4
        assert attempt.mode == "mixed" and attempt.bank == "sample"


def test_a_second_start_beyond_the_limit_is_refused(client, quiz_code):
    assert client.post(f"/join/{quiz_code}").status_code == 303
    response = client.post(f"/join/{quiz_code}")
    assert response.status_code == 403
    assert "You have used your one attempt" in response.text
    assert "Start the quiz" not in client.get(f"/join/{quiz_code}").text


def as_student(client, auth, **fields):
    """A quiz set for a class of one student, "stu", who is signed in then; its code."""
    auth.create("stu")
    sign_in_teacher(auth)
    make_class(client, members=["stu"])
    code = set_quiz(client, **fields)
    auth.logout()
    auth.login("stu")
    return code


def test_a_start_after_the_close_time_is_refused_with_the_time(client, auth):
    code = as_student(client, auth, opens="2019-12-01T00:00", closes=PAST)
    response = client.post(f"/join/{code}")
    assert response.status_code == 403
    assert "closed on 1 Jan 2020, 01:00 UTC" in response.text


def test_a_start_before_the_open_time_is_refused_with_the_time(client, auth):
    code = as_student(client, auth, opens=FUTURE)
    response = client.post(f"/join/{code}")
    assert response.status_code == 403
    assert "opens on 1 Jan 2099, 09:30 UTC" in response.text


def test_a_fixed_seed_gives_every_student_the_same_questions_in_the_same_order(
    app, client, auth
):
    auth.create("ana")
    auth.create("ben")
    sign_in_teacher(auth)
    make_class(client, members=["ana", "ben"])
    code = set_quiz(client, same_questions="y", mode="choice", length=2)
    served = []
    for name in ("ana", "ben"):
        auth.logout()
        auth.login(name)
        attempt_id = client.post(f"/join/{code}").location.rsplit("/", 1)[1]
        with app.app_context():
            items = db.session.get(Attempt, attempt_id).items
            served.append([(i.question_id, [o.text for o in i.snapshot.options])
                           for i in items])
    assert served[0] == served[1]


def test_the_teacher_sees_results_and_analysis_per_assigned_quiz(app, client, auth):
    # Not at this quiz (a space: no CSRF token can hold the name); taken before it opened, as
    # self-study on its bank is paused while it is open.
    take(app, "Cy Elsewhere")
    sign_in_teacher(auth)
    code = set_quiz(client, same_questions="y")
    with app.app_context():
        quiz_id = db.session.scalar(select(Assignment.id).where(Assignment.code == code))
    take(app, "Ana", right={"canal-year"}, assignment_id=quiz_id)
    take(app, "Ben", right={"canal-year", "order-all"}, assignment_id=quiz_id)
    page = client.get(f"/teacher/assignments/{code}").text
    assert "Ana" in page and "Ben" in page and "Cy Elsewhere" not in page
    csv_text = client.get(f"/teacher/results/attempts.csv?assignment={code}").text
    assert code in csv_text and "Cy Elsewhere" not in csv_text
    analysis = client.get(f"/teacher/assignments/{code}/analysis").text
    assert "2 attempts" in analysis and "Cronbach" in analysis
