"""Who sees what: a teacher sees the learners of their classes and their attempts, nothing else.

Ann teaches 7A (Sam), Bob teaches 7B (Tom). Bob, trying every page and download of Ann's by id or
code, gets 404 (not 403: nothing says it exists); an admin sees everyone.
"""

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services.assignments import find_assignment, start_assigned
from quizapp.services.attempts import start_attempt, submit_attempt
from quizapp.services.study import start_practice
from tests.web.teacher_helpers import answer, make_class, sign_in_teacher

QUIZ = {"title": "Week 3", "bank": "sample", "mode": "mixed", "length": 4,
        "opens": "2020-01-01T00:00"}


def take_as(app, username, code=None):
    """The account takes a free quiz (or the assigned quiz with this code), all right; its id."""
    with app.app_context():
        learner = db.session.scalar(select(Learner).where(Learner.username == username))
        attempt = (start_assigned(learner, find_assignment(code)) if code
                   else start_attempt(learner, "sample", "mixed", 4))
        submit_attempt(learner, attempt.id, {
            i.public_id: answer(i.snapshot, True) for i in attempt.items})
        return attempt.id


def learner_id(app, username):
    with app.app_context():
        return db.session.scalar(select(Learner.id).where(Learner.username == username))


@pytest.fixture
def school(app, client, auth):
    """Ann's class 7A with Sam, who took Ann's quiz and a free quiz; Bob's 7B with Tom."""
    for name in ("sam", "tom"):
        auth.create(name)
    sam_free = take_as(app, "sam")  # before any quiz opens: then self-study on it is paused
    with app.app_context():
        sam_practice = start_practice(db.session.get(Learner, learner_id(app, "sam")),
                                      "sample").id
    sign_in_teacher(auth, "ann")
    ann_class = make_class(client, "7A", members=["sam"])
    code = client.post("/teacher/assignments", data=QUIZ | {"classes": ann_class}
                       ).location.rsplit("/", 1)[1]
    auth.logout()
    sign_in_teacher(auth, "bob")
    bob_class = make_class(client, "7B", members=["tom"])
    bob_code = client.post("/teacher/assignments", data=QUIZ | {"classes": bob_class}
                           ).location.rsplit("/", 1)[1]
    auth.logout()
    found = {"ann_class": ann_class, "bob_class": bob_class, "code": code, "bob_code": bob_code,
             "sam": learner_id(app, "sam"), "tom": learner_id(app, "tom"),
             "sam_quiz": take_as(app, "sam", code), "sam_free": sam_free,
             "sam_practice": sam_practice,
             "tom_quiz": take_as(app, "tom", bob_code)}
    return found


def ann_pages(s):
    """Every page and download of Ann's, by id or code."""
    return [f"/teacher/learners/{s['sam']}", f"/teacher/attempts/{s['sam_quiz']}",
            f"/teacher/attempts/{s['sam_free']}", f"/teacher/assignments/{s['code']}",
            f"/teacher/assignments/{s['code']}/analysis", f"/teacher/classes/{s['ann_class']}",
            f"/teacher/results?assignment={s['code']}",
            f"/teacher/results/attempts.csv?assignment={s['code']}",
            f"/teacher/results/items.csv?assignment={s['code']}",
            f"/teacher/learners/{s['tom']}?assignment={s['code']}"]


def test_another_teacher_gets_404_for_every_page_and_download_of_anns(client, auth, school):
    sign_in_teacher(auth, "bob2")  # a teacher with no class at all
    for url in ann_pages(school):
        assert client.get(url).status_code == 404, url
    auth.logout()
    auth.login("bob")  # a teacher with a class of their own
    for url in ann_pages(school):
        assert client.get(url).status_code == 404, url


def test_another_teacher_cannot_change_anns_class(app, client, auth, school):
    auth.login("bob")
    cid, sam = school["ann_class"], school["sam"]
    for url, data in [(f"/teacher/classes/{cid}/members", {"usernames": "tom"}),
                      (f"/teacher/classes/{cid}/members/{sam}/remove", {}),
                      (f"/teacher/classes/{cid}/teachers", {"username": "bob"}),
                      (f"/teacher/classes/{cid}/teachers/{sam}/remove", {})]:
        assert client.post(url, data=data).status_code == 404, url
    auth.logout()
    auth.login("ann")
    page = client.get(f"/teacher/classes/{cid}").text
    assert ">sam<" in page and ">tom<" not in page and "bob" not in page


def test_lists_and_downloads_hold_only_the_teachers_own_learners(client, auth, school):
    auth.login("bob")
    results = client.get("/teacher/results").text
    assert ">tom<" in results and ">sam<" not in results
    for kind in ("attempts", "items"):
        text = client.get(f"/teacher/results/{kind}.csv").text
        assert ",tom," in text and ",sam," not in text and school["sam_free"] not in text
    quizzes = client.get("/teacher/assignments").text
    assert school["bob_code"] in quizzes and school["code"] not in quizzes
    assert "1 attempt" in client.get("/teacher/banks/sample/analysis").text  # Tom's, not Sam's
    classes = client.get("/teacher/classes").text
    assert "7B" in classes and "7A" not in classes


def test_a_teacher_sees_their_members_quizzes_and_their_free_and_practice_attempts(
    app, client, auth, school
):
    practice = school["sam_practice"]
    auth.login("ann")
    page = client.get(f"/teacher/learners/{school['sam']}").text
    for attempt_id in (school["sam_quiz"], school["sam_free"], practice):
        assert f"/teacher/attempts/{attempt_id}" in page
        assert client.get(f"/teacher/attempts/{attempt_id}").status_code == 200
    assert "1 attempt" in client.get("/teacher/banks/sample/analysis").text  # Sam's first
    assert client.get(f"/teacher/learners/{school['tom']}").status_code == 404


def test_a_co_teacher_sees_the_class_as_its_owner_does(client, auth, school):
    auth.login("ann")
    added = client.post(f"/teacher/classes/{school['ann_class']}/teachers",
                        data={"username": "BOB"})
    assert added.status_code == 303
    auth.logout()
    auth.login("bob")
    for url in ann_pages(school)[:-1]:  # Tom is Bob's own
        assert client.get(url).status_code == 200, url
    page = client.get(f"/teacher/classes/{school['ann_class']}").text
    assert "Add the co-teacher" not in page  # the owner's alone


def test_an_admin_sees_every_class_quiz_learner_and_attempt(client, auth, school):
    sign_in_teacher(auth, "head", role="admin")
    for url in ann_pages(school):
        assert client.get(url).status_code == 200, url
    results = client.get("/teacher/results").text
    assert ">sam<" in results and ">tom<" in results
    assert "2 attempts" in client.get("/teacher/banks/sample/analysis").text  # Sam's and Tom's
    listed = client.get("/teacher/assignments").text
    assert school["code"] in listed and school["bob_code"] in listed
    classes = client.get("/teacher/classes").text
    assert "7A" in classes and "7B" in classes
    added = client.post(f"/teacher/classes/{school['ann_class']}/members",
                        data={"usernames": "tom"})
    assert added.status_code == 303


def test_a_removed_student_leaves_the_teachers_view_but_their_quiz_attempts_stay(
    client, auth, school
):
    auth.login("ann")
    removed = client.post(f"/teacher/classes/{school['ann_class']}/members/{school['sam']}/remove")
    assert removed.status_code == 303
    assert client.get(f"/teacher/attempts/{school['sam_free']}").status_code == 404
    # At a quiz Ann set herself, Sam's attempt stays hers to grade.
    assert client.get(f"/teacher/attempts/{school['sam_quiz']}").status_code == 200
    assert ">sam<" in client.get(f"/teacher/assignments/{school['code']}").text
