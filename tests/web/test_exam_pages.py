"""The student's side of an exam on the pages and the API: the deadline in words, saving without
JavaScript, the autosave route, the confirmation before submitting with questions unanswered,
late answers refused, review options, titles; and every new route refused to whoever it is not
for."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.web.forms import answer_field
from tests.exam_helpers import start_assigned_for
from tests.web.api_helpers import add_learner, bearer
from tests.web.conftest import elements


@pytest.fixture
def stu(auth):
    auth.create("stu")
    auth.login("stu")


def served(app, attempt_id):
    with app.app_context():
        return [(i.public_id, i.snapshot) for i in db.session.get(Attempt, attempt_id).items]


def form_of(app, attempt_id, n, right=True):
    """Form fields answering the first n items (right, or wrong)."""
    data = {}
    for item_id, snap in served(app, attempt_id)[:n]:
        if snap.type == "choice":
            data[answer_field(item_id)] = snap.key[0] if right else next(
                o.id for o in snap.options if o.id not in snap.key)
        else:
            data[answer_field(item_id)] = list(snap.key)
    return data


def stored(app, attempt_id):
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        return attempt.submitted, attempt.score, [i.answer for i in attempt.items]


def test_the_quiz_page_carries_the_title_and_the_deadline_in_words(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu")
    page = client.get(f"/attempts/{attempt_id}").text
    assert "<h1>Treaty test</h1>" in page and "<title>Treaty test · Quipu</title>" in page
    assert "Hand in by 09:15 (UTC) — 15 minutes from the start." in page
    [clock_line] = elements(page, "p", id="deadline")
    assert clock_line["data-seconds-left"] == "900"
    clock.advance(minutes=5)
    assert 'data-seconds-left="600"' in client.get(f"/attempts/{attempt_id}").text


def test_a_deadline_set_by_the_closing_time_says_so(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu", closes=clock.now + timedelta(minutes=10))
    page = client.get(f"/attempts/{attempt_id}").text
    assert "Hand in by 09:10 (UTC) — when the quiz closes." in page


def test_save_answers_without_javascript_keeps_them_for_the_next_visit(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu")
    response = client.post(f"/attempts/{attempt_id}", data=form_of(app, attempt_id, 2) | {
        "action": "save"})
    assert response.status_code == 200
    assert "Saved: 2 of 3 answered." in response.text
    assert stored(app, attempt_id)[0] is None  # saved, not submitted
    page = client.get(f"/attempts/{attempt_id}").text  # a reload, or another device
    assert "Answered 2 of 3" in page
    assert page.count(" checked>") >= 2


def test_the_autosave_route_answers_json_and_reveals_nothing(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu")
    response = client.post(f"/attempts/{attempt_id}/draft", data=form_of(app, attempt_id, 1))
    assert response.status_code == 200
    assert response.json == {"saved": 1, "of": 3, "problems": {}}
    forged = client.post(f"/attempts/{attempt_id}/draft", data={"a.not-an-item": "x"})
    assert forged.status_code == 400 and "do not fit" in forged.json["error"]
    assert stored(app, attempt_id)[2].count(None) == 2  # the forged draft changed nothing


def test_submitting_with_questions_unanswered_asks_first_and_keeps_the_answers(app, client, stu,
                                                                                clock):
    attempt_id, _ = start_assigned_for(app, "stu")
    given = form_of(app, attempt_id, 1)
    response = client.post(f"/attempts/{attempt_id}", data=given | {"action": "submit"})
    assert response.status_code == 200
    assert "<h1>2 of 3 unanswered: submit anyway?</h1>" in response.text
    assert "Question 2" in response.text and "Question 3" in response.text
    assert "Back to the quiz" in response.text
    [name] = given
    assert elements(response.text, "input", type="hidden", name=name, value=given[name])
    assert stored(app, attempt_id)[0] is None and stored(app, attempt_id)[2].count(None) == 2
    response = client.post(f"/attempts/{attempt_id}", data=given | {"confirm": "1",
                                                                     "action": "submit"})
    assert response.status_code == 303
    assert stored(app, attempt_id)[1] == 1.0


def test_all_answered_submits_without_asking(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu")
    response = client.post(f"/attempts/{attempt_id}", data=form_of(app, attempt_id, 3))
    assert response.status_code == 303 and stored(app, attempt_id)[1] == 3.0


def test_a_late_post_is_refused_and_the_saved_answers_are_handed_in(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu")
    client.post(f"/attempts/{attempt_id}/draft", data=form_of(app, attempt_id, 1, right=False))
    clock.advance(minutes=15, seconds=31)
    response = client.post(f"/attempts/{attempt_id}",
                           data=form_of(app, attempt_id, 3) | {"confirm": "1"})
    assert response.status_code == 409
    assert "Time is up" in response.text and "too late" in response.text
    submitted, score, answers = stored(app, attempt_id)
    assert score == 0.0 and answers.count(None) == 2  # the wrong saved answer, nothing late
    late_draft = client.post(f"/attempts/{attempt_id}/draft", data=form_of(app, attempt_id, 3))
    assert late_draft.status_code == 409 and "too late" in late_draft.json["error"]


def test_an_overdue_quiz_page_shows_the_review_instead(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu")
    client.post(f"/attempts/{attempt_id}", data=form_of(app, attempt_id, 2) | {"action": "save"})
    clock.advance(hours=1)
    page = client.get(f"/attempts/{attempt_id}").text
    assert "Your results" in page and "Time was up at" in page and "66.7%" in page


def test_the_review_shows_no_more_than_the_teacher_allows(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu", closes=clock.now + timedelta(days=1))
    client.post(f"/attempts/{attempt_id}", data=form_of(app, attempt_id, 3))
    page = client.get(f"/attempts/{attempt_id}").text
    assert "100%" in page and "Treaty test" in page
    assert "Your teacher shows the score only for now" in page
    assert "Question 1" not in page and "The right answer" not in page and "Why" not in page
    for _, snap in served(app, attempt_id):
        assert snap.prompt not in page
        assert not snap.explanation or snap.explanation not in page
    clock.advance(days=1)
    page = client.get(f"/attempts/{attempt_id}").text
    assert "Your answer" in page and "Your teacher shows" not in page


def test_marks_show_which_questions_were_right_but_no_answer_or_key(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu", after_submit="marks")
    data = form_of(app, attempt_id, 3, right=False) | form_of(app, attempt_id, 1)
    assert client.post(f"/attempts/{attempt_id}", data=data).status_code == 303
    page = client.get(f"/attempts/{attempt_id}").text
    assert "Question 1" in page and "Right · 1 of 1 point" in page
    assert "Wrong · 0 of 1 point" in page
    assert "Practise what I missed" not in page  # it would tell the facts of the missed ones
    assert "The right answer" not in page and "Your answer" not in page
    for _, snap in served(app, attempt_id):
        assert not snap.explanation or snap.explanation not in page


def test_the_history_names_the_assigned_quiz(app, client, stu, clock):
    start_assigned_for(app, "stu", title="Midterm: treaties")
    page = client.get("/history").text
    assert "Midterm: treaties" in page


@pytest.fixture
def token(app):
    return bearer(add_learner(app, "api-stu"))


def test_the_api_saves_a_draft_and_shows_it_while_open(app, client, token, clock):
    attempt_id, _ = start_assigned_for(app, "api-stu")
    items = served(app, attempt_id)
    first, snap = items[0]
    answer = snap.key[0] if snap.type == "choice" else list(snap.key)
    url = f"/api/v1/attempts/{attempt_id}"
    response = client.put(f"{url}/draft", json={"answers": {first: answer}}, headers=token)
    assert (response.status_code, response.json) == (200, {"saved": 1})
    shown = client.get(url, headers=token).json
    assert shown["draft"] == {first: answer} and shown["title"] == "Treaty test"
    assert shown["deadline"] == "2026-03-02T09:15:00Z"
    assert all(set(i) == {"id", "type", "prompt", "options"} for i in shown["items"])


@pytest.mark.parametrize(("body", "status"), [
    ({"answers": {"forged-item": "x"}}, 400),
    ({"answers": ["a"]}, 400),
    ({"nothing": 1}, 400),
])
def test_the_api_refuses_a_bad_draft(app, client, token, clock, body, status):
    attempt_id, _ = start_assigned_for(app, "api-stu")
    response = client.put(f"/api/v1/attempts/{attempt_id}/draft", json=body, headers=token)
    assert response.status_code == status and response.json["error"]


def test_the_api_refuses_drafts_to_others_submitted_and_late_attempts(app, client, token, clock):
    mine, _ = start_assigned_for(app, "api-stu")
    other = bearer(add_learner(app, "other"))
    assert client.put(f"/api/v1/attempts/{mine}/draft", json={"answers": {}},
                      headers=other).status_code == 404
    client.post(f"/api/v1/attempts/{mine}/answers", json={"answers": {}}, headers=token)
    assert client.put(f"/api/v1/attempts/{mine}/draft", json={"answers": {}},
                      headers=token).status_code == 409
    late, _ = start_assigned_for(app, "api-stu")
    clock.advance(minutes=16)
    response = client.put(f"/api/v1/attempts/{late}/draft", json={"answers": {}}, headers=token)
    assert response.status_code == 409 and "Time was up" in response.json["error"]
    assert client.get(f"/api/v1/attempts/{late}", headers=token).json["status"] == "submitted"


def test_the_api_shows_no_more_than_the_review_page(app, client, token, clock):
    attempt_id, _ = start_assigned_for(app, "api-stu", closes=clock.now + timedelta(days=1))
    answers = {i: s.key[0] if s.type == "choice" else list(s.key)
               for i, s in served(app, attempt_id)}
    shown = client.post(f"/api/v1/attempts/{attempt_id}/answers", json={"answers": answers},
                        headers=token).json
    text = str(shown)
    assert shown["percent"] == 100.0 and shown["review"] == "score"
    assert all(set(i) == {"id", "type", "prompt", "options"} for i in shown["items"])
    for _, snap in served(app, attempt_id):
        assert snap.question_id not in text and (not snap.explanation
                                                 or snap.explanation not in text)
    assert client.get(f"/api/v1/attempts/{attempt_id}", headers=token).json == shown
    clock.advance(days=1)
    later = client.get(f"/api/v1/attempts/{attempt_id}", headers=token).json
    assert later["review"] == "all" and all("key" in i for i in later["items"])


def test_an_overdue_attempt_is_closed_when_the_api_lists_it(app, client, token, clock):
    attempt_id, _ = start_assigned_for(app, "api-stu")
    clock.advance(hours=1)
    [listed] = client.get("/api/v1/attempts", headers=token).json
    assert (listed["id"], listed["status"], listed["score"]) == (attempt_id, "submitted", 0.0)


STUDENT_ROUTES = [("POST", "/attempts/{id}/draft"), ("POST", "/attempts/{id}"),
                  ("GET", "/attempts/{id}")]
API_ROUTES = [("PUT", "/api/v1/attempts/{id}/draft"), ("GET", "/api/v1/attempts/{id}")]


def test_every_new_student_route_refuses_a_visitor_and_another_learner(app, client, auth, clock):
    auth.create("owner")
    attempt_id, _ = start_assigned_for(app, "owner")
    for method, url in STUDENT_ROUTES:
        response = client.open(url.format(id=attempt_id), method=method)
        assert response.status_code == 302 and "/login" in response.location, (method, url)
    auth.create("intruder")
    auth.login("intruder")
    for method, url in STUDENT_ROUTES:
        response = client.open(url.format(id=attempt_id), method=method,
                               data={"confirm": "1", "action": "save"})
        assert response.status_code == 404, (method, url)
    intruder = bearer(add_learner(app, "api-intruder"))
    for method, url in API_ROUTES:
        assert client.open(url.format(id=attempt_id), method=method,
                           json={"answers": {}}).status_code == 401
        assert client.open(url.format(id=attempt_id), method=method, json={"answers": {}},
                           headers=intruder).status_code == 404
    assert stored(app, attempt_id) == (None, None, [None, None, None])


def test_the_draft_route_needs_the_csrf_token(app, client, stu, clock):
    attempt_id, _ = start_assigned_for(app, "stu")
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = client.post(f"/attempts/{attempt_id}/draft", data=form_of(app, attempt_id, 1))
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 400
    assert stored(app, attempt_id)[2] == [None, None, None]
