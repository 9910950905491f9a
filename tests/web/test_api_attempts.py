"""The JSON API's attempts: nothing revealed while open, results once submitted, once only."""

import pytest

from tests.web.api_helpers import (
    OPEN_ITEM_KEYS,
    RESULT_ITEM_KEYS,
    SAMPLE_IDS,
    SUMMARY_KEYS,
    add_learner,
    bearer,
    keys_and_strings,
    right_answers,
    snapshots,
    start,
    stored,
    submit,
)


@pytest.fixture
def ana(app):
    return bearer(add_learner(app, "ana"))


@pytest.fixture
def ben(app):
    return bearer(add_learner(app, "ben"))


def test_an_open_attempt_reveals_no_key_and_no_question_or_fact_id(client, ana):
    attempt = start(client, ana, seed=3).json
    for shown in (attempt, client.get(f"/api/v1/attempts/{attempt['id']}", headers=ana).json):
        keys, strings = keys_and_strings(shown)
        assert not keys & {"key", "points", "correct", "question_id", "facts", "score"}
        assert not strings & SAMPLE_IDS
    keys, strings = keys_and_strings(client.get("/api/v1/attempts", headers=ana).json)
    assert not keys & {"key", "points", "correct", "question_id", "facts"}
    assert not strings & SAMPLE_IDS
    assert all(set(i) == OPEN_ITEM_KEYS for i in attempt["items"])
    assert all(set(o) == {"id", "text"} for i in attempt["items"] for o in i["options"])


def test_option_ids_differ_between_two_attempts_of_the_same_seed(client, ana):
    first, second = (start(client, ana, seed=9).json for _ in range(2))
    ids = lambda a: {i["id"] for i in a["items"]} | {o["id"] for i in a["items"] for o in i["options"]}
    assert not ids(first) & ids(second)


def test_attempts_are_listed_newest_first_with_scores(client, ana, ben):
    first, second = start(client, ana).json["id"], start(client, ana).json["id"]
    start(client, ben)
    submit(client, ana, first, {})
    listed = client.get("/api/v1/attempts", headers=ana).json
    assert [a["id"] for a in listed] == [second, first]
    assert all(set(a) == SUMMARY_KEYS for a in listed)
    assert (listed[1]["status"], listed[1]["score"], listed[1]["percent"]) == ("submitted", 0.0, 0.0)
    assert (listed[0]["status"], listed[0]["score"]) == ("open", None)


def test_an_attempt_is_read_back_by_its_id(client, ana):
    started = start(client, ana, seed=4).json
    response = client.get(f"/api/v1/attempts/{started['id']}", headers=ana)
    assert response.status_code == 200
    assert response.json == started


def test_another_learners_attempt_is_404_to_read_and_to_submit(app, client, ana, ben):
    attempt_id = start(client, ana).json["id"]
    assert client.get(f"/api/v1/attempts/{attempt_id}", headers=ben).status_code == 404
    response = submit(client, ben, attempt_id, right_answers(app, attempt_id))
    assert response.status_code == 404
    assert response.json["error"] == "There is no such attempt among yours."
    assert stored(app, attempt_id)[:2] == (None, None)


def test_an_unknown_attempt_is_404(client, ana):
    assert client.get("/api/v1/attempts/nope", headers=ana).status_code == 404
    assert submit(client, ana, "nope", {}).status_code == 404


def test_a_submission_shows_each_items_result_key_and_facts(app, client, ana):
    attempt_id = start(client, ana, seed=8).json["id"]
    answers = right_answers(app, attempt_id)
    unanswered = next(k for k, s in snapshots(app, attempt_id).items() if s.type == "choice")
    del answers[unanswered]
    response = submit(client, ana, attempt_id, answers)
    assert response.status_code == 200
    shown = response.json
    assert (shown["status"], shown["score"], shown["max_score"], shown["percent"]) == (
        "submitted", 3.0, 4.0, 75.0)
    assert shown["submitted"].endswith("Z")
    for item in shown["items"]:
        assert set(item) == RESULT_ITEM_KEYS
        assert item["answer"] == answers.get(item["id"])
        assert item["correct"] is (item["id"] != unanswered)
        assert item["points"] == (0.0 if item["id"] == unanswered else 1.0)
        assert isinstance(item["key"], list)
        assert set(item["key"]) <= {o["id"] for o in item["options"]}
        assert item["question_id"] in SAMPLE_IDS
        assert item["facts"] and all(set(f) == {"id", "year", "text"} for f in item["facts"])
    assert client.get(f"/api/v1/attempts/{attempt_id}", headers=ana).json == shown


def test_score_or_correct_sent_by_the_client_are_ignored(app, client, ana):
    attempt_id = start(client, ana).json["id"]
    response = submit(client, ana, attempt_id, {}, score=4.0, correct=True, percent=100.0)
    assert (response.status_code, response.json["score"]) == (200, 0.0)
    assert not any(i["correct"] for i in response.json["items"])
    assert stored(app, attempt_id)[1] == 0.0


@pytest.mark.parametrize("body", [b"{}", b"{oops", b'{"answers": []}', b'{"answers": "all"}',
                                  b'{"answers": null}', b'{"answers": {"no-such-item": "x"}}'])
def test_a_malformed_submission_is_400_and_the_attempt_stays_open(app, client, ana, body):
    attempt_id = start(client, ana).json["id"]
    response = client.post(f"/api/v1/attempts/{attempt_id}/answers", data=body,
                           content_type="application/json", headers=ana)
    assert response.status_code == 400
    assert response.json["error"]
    assert stored(app, attempt_id)[:2] == (None, None)


def test_an_ordering_answer_that_is_not_a_permutation_is_400_and_the_attempt_stays_open(
    app, client, ana
):
    attempt = start(client, ana, mode="ordering").json
    item = attempt["items"][0]
    ids = [o["id"] for o in item["options"]]
    for answer in (ids[:-1], [ids[0]] * len(ids), ids + ["extra"]):
        response = submit(client, ana, attempt["id"], {item["id"]: answer})
        assert response.status_code == 400
        assert "ordering" in response.json["error"] or "option" in response.json["error"]
    assert stored(app, attempt["id"]) == (None, None, [(None, None)])
    assert submit(client, ana, attempt["id"], {item["id"]: ids}).status_code == 200


def test_a_second_submission_is_409_and_the_score_stands(app, client, ana):
    attempt_id = start(client, ana).json["id"]
    first = submit(client, ana, attempt_id, {})
    second = submit(client, ana, attempt_id, right_answers(app, attempt_id))
    assert (first.status_code, second.status_code) == (200, 409)
    assert "already submitted" in second.json["error"]
    assert client.get(f"/api/v1/attempts/{attempt_id}", headers=ana).json == first.json
    assert stored(app, attempt_id)[1] == 0.0
