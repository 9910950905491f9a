"""Progress: quiz scores over time and mastery per fact, as SVG charts and as JSON."""

from tests.sample_bank import FACTS
from tests.web.api_helpers import add_learner, bearer, right_answers, start, submit
from tests.web.conftest import elements

FACT_KEYS = {"bank", "id", "year", "text", "state", "mastery", "due"}
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


def test_practice_answers_are_not_points_on_the_line_but_count_in_mastery(
    client, signed_in, clock
):
    url = client.post("/study/sample/practice", data={"fact": "embassy"}).location
    page = client.get(url).text
    [radio, *_] = elements(page, "input", type="radio")
    clock.advance(seconds=30)
    client.post(url, data={radio["name"]: radio["value"]})
    page = client.get("/progress").text
    assert not elements(page, "circle", **{"class": "point"})
    assert len(elements(page, "rect", **{"class": "bar shaky"})) == 1


def test_the_progress_page_draws_one_mastery_bar_per_fact_met(client, signed_in, quiz, clock):
    take(client, quiz, clock, mode="choice")  # embassy, canal, trade and treaty
    page = client.get("/progress").text
    [bars] = elements(page, "svg", **{"class": "bar-chart"})
    assert bars["role"] == "img"
    assert len(elements(page, "rect", **{"class": "bar shaky"})) == len(FACTS)


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
    assert set(body) == {"attempts", "facts", "due"}
    assert [a["id"] for a in body["attempts"]] == [first, second]  # oldest first
    assert all(set(a) == ATTEMPT_KEYS for a in body["attempts"])
    assert [a["percent"] for a in body["attempts"]] == [100.0, 0.0]
    assert [f["id"] for f in body["facts"]] == ["canal", "trade", "embassy", "treaty"]
    for fact in body["facts"]:
        assert set(fact) == FACT_KEYS
        assert fact["state"] in {"new", "learning", "review", "relearning"}
        assert 0.0 <= fact["mastery"] <= 1.0
        assert fact["due"].endswith("Z")
    assert body["due"] == 0
    clock.advance(minutes=5)
    assert client.get("/api/v1/progress", headers=headers).get_json()["due"] == 4


def test_a_fact_never_met_is_new_with_no_mastery_and_no_due_time(app, client):
    headers = bearer(add_learner(app, "ana"))
    facts = client.get("/api/v1/progress", headers=headers).get_json()["facts"]
    assert {(f["state"], f["mastery"], f["due"]) for f in facts} == {("new", 0.0, None)}


def test_progress_json_needs_a_token(client):
    assert client.get("/api/v1/progress").status_code == 401

