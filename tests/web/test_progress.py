"""Progress: quiz scores over time, what is known of each fact, the streak and daily goal, as
pages and as JSON."""

import re

import pytest

from tests.sample_bank import FACTS
from tests.web.api_helpers import add_learner, bearer, right_answers, start, submit
from tests.web.conftest import elements

FACT_KEYS = {"bank", "id", "year", "text", "state", "mastery", "due", "knowledge"}
ATTEMPT_KEYS = {"id", "bank", "mode", "started", "percent"}


def take(client, quiz, clock, mode="choice", right=True):
    """Take a quiz through the pages, a minute long."""
    attempt_id = quiz.start(mode)
    clock.advance(minutes=1)
    client.post(f"/attempts/{attempt_id}", data=quiz.right_form(attempt_id) if right else {"confirm": "1"})
    return attempt_id


def test_the_progress_page_draws_one_point_per_submitted_quiz(client, signed_in, quiz, clock):
    for right in (True, False, True):
        take(client, quiz, clock, right=right)
    quiz.start("choice")  # open: not drawn
    page = client.get("/progress").text
    [svg] = elements(page, "svg", **{"class": "line-chart"})
    assert svg["role"] == "img" and svg["aria-labelledby"] == "scores-title scores-desc"
    assert elements(page, "title", id="scores-title") and elements(page, "desc", id="scores-desc")
    points = elements(page, "circle", **{"class": "point"})
    assert len(points) == 3
    assert [p["cy"] for p in points][0] == points[2]["cy"] != points[1]["cy"]  # 100%, 0%, 100%
    assert page.count("<tr>") >= 4 and "<script" not in page  # a table gives the same numbers


def counts(page):
    """The page's (known, shaky, not met yet) counts."""
    found = re.search(r'class="known"><strong>(\d+)</strong> known</li>\s*'
                      r'<li class="shaky"><strong>(\d+)</strong> shaky</li>\s*'
                      r'<li class="never-seen"><strong>(\d+)</strong> not met yet', page)
    return tuple(int(n) for n in found.groups())


def test_practice_answers_are_not_points_on_the_line_but_count_in_what_is_known(
    client, signed_in, clock
):
    url = client.post("/study/sample/practice", data={"fact": "embassy"}).location
    page = client.get(url).text
    [radio, *_] = elements(page, "input", type="radio")
    clock.advance(seconds=30)
    client.post(url, data={radio["name"]: radio["value"]})
    page = client.get("/progress").text
    assert not elements(page, "circle", **{"class": "point"})
    assert counts(page) == (0, 1, len(FACTS) - 1)


def test_a_fact_just_answered_wrong_is_shaky_and_no_percent_says_otherwise(
    client, signed_in, quiz, clock
):
    take(client, quiz, clock, mode="choice", right=False)
    page = client.get("/progress").text
    assert counts(page) == (0, len(FACTS), 0)
    assert "100%" not in page.split('id="scores-heading"')[0]  # no mastery percent at all
    assert page.count('class="knowledge shaky"') == len(FACTS)
    assert "due now" in page or "later today" in page  # each says when it comes back


def test_facts_answered_right_come_back_later_and_become_known(client, signed_in, quiz, clock):
    take(client, quiz, clock, mode="choice")
    clock.advance(minutes=15)
    take(client, quiz, clock, mode="choice")  # a second right answer graduates each card
    page = client.get("/progress").text
    assert counts(page) == (len(FACTS), 0, 0)
    assert re.search(r'class="comes-back">back (tomorrow|in \d+ days)</span>', page)
    assert re.search(r'When they come back:\s*<span class="back-group"><strong>4</strong> '
                     r'(tomorrow|in \d+ days)</span>\.', page)
    [bar] = elements(page, "svg", **{"class": "knowledge-bar"})
    assert bar["aria-hidden"] == "true"  # the counts are written beside it


def test_the_progress_page_has_no_developer_text(client, signed_in, quiz, clock):
    take(client, quiz, clock)
    page = client.get("/progress").text
    for developer in ("/api/", "JSON", "FSRS", "<code>", "retrievability"):
        assert developer not in page


def test_the_progress_page_needs_a_signed_in_learner(client):
    assert client.get("/progress").status_code == 302


def test_progress_json_has_the_designed_shape(app, client, clock):
    headers = bearer(add_learner(app, "ana"))
    first = start(client, headers, mode="choice", seed=1).get_json()["id"]
    clock.advance(minutes=1)
    submit(client, headers, first, right_answers(app, first))
    clock.advance(minutes=1)
    second = start(client, headers, mode="choice", seed=2).get_json()["id"]
    clock.advance(minutes=1)
    submit(client, headers, second, {})
    response = client.get("/api/v1/progress", headers=headers)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"attempts", "facts", "due", "counts", "streak", "goal"}
    assert body["streak"] == 1
    assert body["goal"] == {"facts": 10, "done": len(FACTS), "reached": False}
    assert body["counts"] == {"never seen": 0, "shaky": len(FACTS), "known": 0}
    assert [a["id"] for a in body["attempts"]] == [first, second]  # oldest first
    assert all(set(a) == ATTEMPT_KEYS for a in body["attempts"])
    assert [a["percent"] for a in body["attempts"]] == [100.0, 0.0]
    assert [f["id"] for f in body["facts"]] == ["canal", "trade", "embassy", "treaty"]
    for fact in body["facts"]:
        assert set(fact) == FACT_KEYS
        assert fact["state"] in {"new", "learning", "review", "relearning"}
        assert 0.0 <= fact["mastery"] <= 1.0
        assert fact["due"].endswith("Z")
        assert fact["knowledge"] == "shaky"
    assert body["due"] == 0
    clock.advance(minutes=5)
    assert client.get("/api/v1/progress", headers=headers).get_json()["due"] == 4


def test_a_fact_never_met_is_new_with_no_mastery_and_no_due_time(app, client):
    headers = bearer(add_learner(app, "ana"))
    facts = client.get("/api/v1/progress", headers=headers).get_json()["facts"]
    assert {(f["state"], f["mastery"], f["due"]) for f in facts} == {("new", 0.0, None)}


def test_progress_json_needs_a_token(client):
    assert client.get("/api/v1/progress").status_code == 401



def test_the_progress_page_shows_the_streak_and_the_goal(client, signed_in, quiz, clock):
    page = client.get("/progress").text
    assert "<strong>0</strong> days in a row" in page and "<strong>0 of 10</strong> facts" in page
    take(client, quiz, clock)
    page = client.get("/progress").text
    assert "<strong>1</strong> day in a row" in page
    assert f"<strong>{len(FACTS)} of 10</strong> facts reviewed today" in page
    [goal] = elements(page, "input", name="goal")
    assert (goal["value"], goal["min"], goal["max"], goal["type"]) == ("10", "1", "100", "number")


def test_a_student_sets_their_daily_goal(client, signed_in, quiz, clock):
    response = client.post("/progress/goal", data={"goal": "4"})
    assert response.status_code == 303 and response.location.endswith("/progress")
    page = client.get("/progress").text
    assert "Your daily goal is now 4 facts a day." in page
    take(client, quiz, clock)
    page = client.get("/progress").text
    assert f"<strong>{len(FACTS)}</strong> facts reviewed today: your goal of 4 is reached" in page


@pytest.mark.parametrize("tampered", ["0", "101", "-1", "ten", "", "4.5", "1e3", "99999999999"])
def test_a_tampered_goal_is_refused_with_a_reason_and_changes_nothing(
    client, signed_in, tampered
):
    response = client.post("/progress/goal", data={"goal": tampered})
    assert response.status_code == 400
    [field] = elements(response.text, "input", name="goal")
    assert field["aria-invalid"] == "true"
    assert re.search(r'class="error" id="goal-error">[^<]+', response.text)
    assert "<strong>0 of 10</strong>" in response.text  # the goal kept


def test_the_goal_form_needs_its_csrf_token(app, client, signed_in):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/progress/goal", data={"goal": "5"})
    assert response.status_code == 400
    app.config["WTF_CSRF_ENABLED"] = False
    assert "<strong>0 of 10</strong>" in client.get("/progress").text


def test_the_goal_needs_a_signed_in_learner(client):
    response = client.post("/progress/goal", data={"goal": "5"})
    assert response.status_code == 302 and "/login" in response.location


def test_the_goal_is_set_through_the_api_and_refused_with_a_reason_when_bad(app, client, clock):
    headers = bearer(add_learner(app, "ana"))
    response = client.put("/api/v1/progress/goal", headers=headers, json={"facts": 12})
    assert response.status_code == 200 and response.get_json() == {"facts": 12}
    for bad in ({"facts": 0}, {"facts": 101}, {"facts": "12"}, {"facts": True}, {"facts": 2.5},
                {}, [12]):
        response = client.put("/api/v1/progress/goal", headers=headers, json=bad)
        assert response.status_code == 400, bad
        assert response.get_json()["error"]
    assert client.get("/api/v1/progress", headers=headers).get_json()["goal"]["facts"] == 12
    assert client.put("/api/v1/progress/goal", json={"facts": 5}).status_code == 401


def test_today_json_says_what_the_home_page_says(app, client, clock):
    headers = bearer(add_learner(app, "ana"))
    first = start(client, headers, mode="choice", seed=1).get_json()["id"]
    clock.advance(minutes=1)
    submit(client, headers, first, {})  # all wrong: every fact due again within minutes
    second = start(client, headers, mode="choice", seed=2).get_json()["id"]
    clock.advance(hours=1)
    body = client.get("/api/v1/today", headers=headers).get_json()
    assert set(body) == {"open", "due", "streak", "goal", "class_quizzes"}
    assert [q["id"] for q in body["open"]] == [second]
    assert body["open"][0]["started"].endswith("Z") and body["open"][0]["deadline"] is None
    assert body["due"] == {"sample": len(FACTS)} and body["streak"] == 1
    assert body["goal"] == {"facts": 10, "done": len(FACTS), "reached": False}
    assert body["class_quizzes"] == []
    assert client.get("/api/v1/today").status_code == 401
