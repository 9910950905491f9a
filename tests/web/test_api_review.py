"""Review quizzes through the API: mode "review" asks about the learner's due facts."""

from tests.web.api_helpers import add_learner, bearer, snapshots, start, submit


def wrong_answers(app, attempt_id):
    """Every choice item answered with a wrong option, every other left blank."""
    return {k: next(o.id for o in s.options if o.id not in s.key)
            for k, s in snapshots(app, attempt_id).items() if s.type == "choice"}


def test_a_review_with_nothing_due_is_422_with_a_sentence(app, client, clock):
    headers = bearer(add_learner(app, "ana"))
    response = start(client, headers, mode="review")
    assert response.status_code == 422
    assert "due for review" in response.get_json()["error"]


def test_a_fact_answered_wrong_comes_back_in_a_review_once_due(app, client, clock):
    headers = bearer(add_learner(app, "ana"))
    quiz = start(client, headers, mode="choice", seed=3).get_json()["id"]
    assert submit(client, headers, quiz, wrong_answers(app, quiz)).status_code == 200
    clock.advance(minutes=5)
    response = start(client, headers, mode="review")
    assert response.status_code == 201
    review = response.get_json()
    assert review["mode"] == "review"
    asked = {s.question_id for s in snapshots(app, review["id"]).values()}
    assert "embassy-year" in asked
