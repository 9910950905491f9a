"""No way around the key: every door to a bank's keys, tried as a student who wants a better mark.

Ms Q's class 3A (Ana) has "Week 3" on the sample bank, open 8:00 to 10:00; the clock reads 9:00.
Each door is refused with 403 and the message saying until when; at 10:00 each opens again.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, BankSetting, Learner
from quizapp.web.forms import answer_field
from tests.conftest import PASSWORD
from tests.exam_lock_helpers import CLOSES, OPENS, UNTIL, assign, classroom, install_banks
from tests.web.conftest import elements

PAUSED = f"Self-study on A sample bank is paused for your class&#39;s quiz “Week 3” {UNTIL}."
STRANGER = f"Self-study on A sample bank is paused for an assigned quiz {UNTIL}."
FACT = "A canal opens."


@pytest.fixture
def week3(app, auth, clock):
    """The class, its quiz, and Ana signed in; Cy is in class 3B, which has no quiz."""
    install_banks(app)
    ids = [auth.create("ms-q", role="teacher"), auth.create("ana"), auth.create("cy")]
    with app.app_context():
        teacher, ana, cy = (db.session.get(Learner, i) for i in ids)
        classroom("3b", teacher, cy)
        assign(teacher, classroom("3a", teacher, ana))
    auth.login("ana")
    return clock


def attempts(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Attempt))


def token(client, username="ana") -> dict:
    response = client.post("/api/v1/tokens", json={"username": username, "password": PASSWORD})
    return {"Authorization": f"Bearer {response.json['token']}"}


def test_the_home_page_shows_the_pause_instead_of_offering_the_bank(client, week3):
    page = client.get("/").text
    assert PAUSED in page
    assert not elements(page, "a", href="/study/sample/practice")
    assert not elements(page, "a", href="/study/sample")
    assert not elements(page, "option", value="sample")
    assert elements(page, "option", value="other")  # another bank stays open


def test_the_home_form_posted_anyway_is_refused_with_the_message(app, client, week3):
    response = client.post("/", data={"bank": "sample", "mode": "mixed", "length": 10})
    assert response.status_code == 403
    assert PAUSED in response.text
    assert attempts(app) == 0


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/study/sample/practice"),
    ("get", "/study/sample/practice?fact=canal"),
    ("post", "/study/sample/practice"),
    ("post", "/study/sample/review"),
])
def test_practice_and_review_are_refused(app, client, week3, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 403
    assert PAUSED in response.text and "Self-study paused" in response.text
    assert elements(response.text, "a", href="/")
    assert attempts(app) == 0


def test_the_timeline_is_hidden_with_the_message(client, week3):
    response = client.get("/study/sample")
    assert response.status_code == 403
    assert PAUSED in response.text
    assert FACT not in response.text and "1914" not in response.text
    assert elements(response.text, "input", name="code")  # the way on: the quiz's code


def test_a_practice_question_opened_before_the_quiz_is_neither_answered_nor_shown(
    app, client, week3
):
    week3.now = OPENS.replace(hour=7)
    url = client.post("/study/sample/practice", data={"fact": "canal"}).location
    attempt_id = url.split("?")[0].rsplit("/", 1)[1]
    with app.app_context():
        item = db.session.get(Attempt, attempt_id).items[0]
        answer = {answer_field(item.public_id): list(item.snapshot.key)}
    week3.now = OPENS.replace(hour=9)
    response = client.post(url, data=answer)
    assert response.status_code == 403 and PAUSED in response.text
    assert client.get(url).status_code == 403
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).submitted is None  # nothing graded, no key
    week3.now = CLOSES
    assert client.post(url, data=answer).status_code == 303
    assert "1914" in client.get(url).text  # the feedback, with the answer, after it closes


def test_the_api_refuses_a_start_and_lists_the_bank_as_paused(app, client, week3):
    headers = token(client)
    response = client.post("/api/v1/attempts", json={"bank": "sample", "mode": "mixed", "length": 50},
                           headers=headers)
    assert response.status_code == 403
    assert response.json == {"error": PAUSED.replace("&#39;", "'")}
    banks = {b["id"]: b for b in client.get("/api/v1/banks", headers=headers).json}
    assert banks["sample"]["self_study"] is False
    assert banks["sample"]["paused"] == {"message": PAUSED.replace("&#39;", "'"),
                                         "until": "2026-03-02T10:00:00Z", "exam_only": False}
    assert banks["other"]["self_study"] is True and banks["other"]["paused"] is None
    assert attempts(app) == 0


def test_thirty_empty_api_quizzes_collect_no_key_in_the_window(app, client, week3):
    headers = token(client)
    statuses = {client.post("/api/v1/attempts", json={"bank": "sample", "mode": "mixed", "length": 50},
                            headers=headers).status_code for _ in range(30)}
    assert statuses == {403}
    assert attempts(app) == 0


def test_a_guest_in_the_same_browser_is_paused_too(app, client, auth, week3):
    auth.logout()
    auth.guest("Not Ana")
    response = client.post("/", data={"bank": "sample", "mode": "mixed", "length": 10})
    assert response.status_code == 403 and STRANGER in response.text
    assert client.get("/study/sample").status_code == 403
    assert client.post("/study/sample/practice").status_code == 403
    assert attempts(app) == 0


def test_a_visitor_not_signed_in_cannot_read_the_timeline(client, auth, week3):
    auth.logout()
    response = client.get("/study/sample")
    assert response.status_code == 403 and STRANGER in response.text
    assert FACT not in response.text
    assert STRANGER in client.get("/").text


def test_a_brand_new_account_in_no_class_is_paused(app, client, auth, week3):
    auth.logout()
    client.post("/register", data={"username": "ana2", "password": PASSWORD,
                                   "confirm": PASSWORD})
    response = client.post("/", data={"bank": "sample", "mode": "mixed", "length": 10})
    assert response.status_code == 403 and STRANGER in response.text
    assert client.get("/study/sample").status_code == 403
    assert attempts(app) == 0


def test_a_student_of_another_class_studies_as_usual(client, auth, week3):
    auth.logout()
    auth.login("cy")
    assert client.get("/study/sample").status_code == 200
    assert client.post("/", data={"bank": "sample", "mode": "mixed", "length": 2}).status_code == 303


def test_every_door_opens_again_when_the_quiz_closes(app, client, auth, week3):
    week3.now = CLOSES
    assert PAUSED not in client.get("/").text
    assert FACT in client.get("/study/sample").text
    assert client.get("/study/sample/practice").status_code == 200
    assert client.post("/study/sample/practice").status_code == 303
    assert client.post("/", data={"bank": "sample", "mode": "mixed", "length": 2}).status_code == 303
    response = client.post("/api/v1/attempts", json={"bank": "sample", "mode": "mixed", "length": 2},
                           headers=token(client))
    assert response.status_code == 201


def test_teachers_are_never_paused(client, auth, week3):
    auth.logout()
    auth.login("ms-q")
    assert FACT in client.get("/study/sample").text
    assert FACT in client.get("/study/exam").text
    assert client.post("/", data={"bank": "sample", "mode": "mixed", "length": 2}).status_code == 303
    assert client.post("/", data={"bank": "exam", "mode": "mixed", "length": 2}).status_code == 303


EXAM_ONLY = "“Exam questions” is for assigned quizzes only: it is not offered for self-study."


def test_an_exam_only_bank_is_never_offered_to_students(client, auth, week3):
    week3.now = CLOSES  # no quiz open: the bank's file alone keeps it for assigned quizzes
    page = client.get("/").text
    assert EXAM_ONLY in page and not elements(page, "option", value="exam")
    response = client.get("/study/exam")
    assert response.status_code == 403 and EXAM_ONLY in response.text and FACT not in response.text
    assert client.post("/", data={"bank": "exam", "mode": "mixed", "length": 2}).status_code == 403
    assert client.post("/study/exam/practice").status_code == 403
    headers = token(client)
    assert client.post("/api/v1/attempts", json={"bank": "exam", "mode": "mixed"}, headers=headers).status_code == 403
    [exam] = [b for b in client.get("/api/v1/banks", headers=headers).json if b["id"] == "exam"]
    assert exam["self_study"] is False and exam["paused"]["exam_only"] is True


def switch(client, bank, turn, back="dashboard"):
    return client.post(f"/teacher/banks/{bank}/exam-only", data={"exam_only": turn, "back": back})


def test_a_teacher_switches_a_bank_to_assigned_quizzes_only_and_back(app, client, auth, week3):
    auth.logout()
    auth.login("ms-q")
    page = client.get("/teacher/").text
    assert elements(page, "form", action="/teacher/banks/other/exam-only")
    response = switch(client, "other", "on")
    assert response.status_code == 303 and response.location.endswith("/teacher/")
    assert "is for assigned quizzes only now" in client.get("/teacher/").text
    auth.logout()
    auth.login("cy")
    assert client.get("/study/other").status_code == 403
    auth.logout()
    auth.login("ms-q")
    response = switch(client, "exam", "off", back="preview")  # over the file's exam_only: true
    assert response.location.endswith("/teacher/banks/exam")
    page = client.get("/teacher/banks/exam").text
    assert "its file says assigned quizzes only" in page
    with app.app_context():
        setting = db.session.get(BankSetting, "exam")
        assert setting.exam_only is False and setting.changed_by is not None
    auth.logout()
    auth.login("cy")
    assert client.get("/study/exam").status_code == 200


def test_the_switch_is_for_teachers_only(app, client, auth, week3):
    assert switch(client, "other", "on").status_code == 403  # Ana, a student
    auth.logout()
    response = switch(client, "other", "on")
    assert response.status_code == 302 and "/login" in response.location
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(BankSetting)) == 0


@pytest.mark.parametrize(("bank", "turn", "status"), [
    ("other", "maybe", 400), ("other", "", 400), ("nope", "on", 404),
])
def test_a_tampered_switch_changes_nothing(app, client, auth, week3, bank, turn, status):
    auth.logout()
    auth.login("ms-q")
    assert switch(client, bank, turn).status_code == status
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(BankSetting)) == 0


def test_a_free_quiz_taken_before_the_window_shows_only_its_score_while_paused(app, client,
                                                                               auth, clock):
    """Ana took a free quiz on the bank at 7:00; during the window its review (page and API)
    must not give her the keys the assigned quiz draws from; at 10:00 it shows them again."""
    install_banks(app)
    ids = [auth.create("ms-q", role="teacher"), auth.create("ana")]
    auth.login("ana")
    clock.now = OPENS.replace(hour=7)
    started = client.post("/", data={"bank": "sample", "mode": "mixed", "length": 4})
    review_url = started.location
    client.post(review_url, data={"confirm": "1"})
    with app.app_context():
        teacher, ana = (db.session.get(Learner, i) for i in ids)
        assign(teacher, classroom("3a", teacher, ana))
    headers = token(client)
    attempt_id = review_url.rsplit("/", 1)[1]
    for hour, shown in ((9, False), (10, True)):
        clock.now = OPENS.replace(hour=hour)
        page = client.get(review_url).text
        assert ("When did the canal open?" in page) is shown, hour  # a question and its key
        item = client.get(f"/api/v1/attempts/{attempt_id}", headers=headers).json["items"][0]
        assert ("key" in item) is shown, hour
