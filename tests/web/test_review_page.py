"""The review that teaches, and the quiz's "Keep this order": as pages and form posts."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.web.forms import answer_field
from tests.exam_helpers import start_assigned_for


def missed_facts(app, attempt_id):
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        return {f.id for i in attempt.items if (i.points or 0) < 1 for f in i.snapshot.facts}


def practice_facts(app, url):
    attempt_id = url.split("?")[0].rsplit("/", 1)[1]
    with app.app_context():
        return {f.id for f in db.session.get(Attempt, attempt_id).items[0].snapshot.facts}


def count_attempts(app):
    with app.app_context():
        return db.session.query(Attempt).count()


def answer_one_wrong(client, quiz, attempt_id):
    """The first choice question wrong, the others right; submitted."""
    first_id, first = next((i, s) for i, s in quiz.served(attempt_id) if s.type != "ordering")
    data = quiz.right_form(attempt_id)
    wrong = next(o.id for o in first.options if o.id not in first.key)
    data[answer_field(first_id)] = wrong
    assert client.post(f"/attempts/{attempt_id}", data=data).status_code == 303


def test_keep_this_order_is_an_answer_graded_as_the_order_shown(client, signed_in, quiz):
    attempt_id = quiz.start("ordering")
    (item_id, snap), *_ = quiz.served(attempt_id)
    page = client.get(f"/attempts/{attempt_id}").text
    assert 'name="a.' + item_id + '" id="k-' + item_id + '" value="keep"' in page
    assert '<span class="order-pos" aria-hidden="true">1</span>' in page
    assert '<details class="how">' in page
    response = client.post(f"/attempts/{attempt_id}",
                           data={answer_field(item_id): "keep", "confirm": "1"})
    assert response.status_code == 303
    with client.application.app_context():
        item = db.session.get(Attempt, attempt_id).items[0]
        assert item.answer == [o.id for o in snap.options] and item.points is not None


@pytest.mark.parametrize("value", ["yes", "1,2,3", ""])
def test_a_tampered_keep_gives_the_page_back_with_a_message_and_saves_the_rest(
    client, signed_in, quiz, value
):
    attempt_id = quiz.start("mixed")
    served = quiz.served(attempt_id)
    n, (item_id, _) = next((n, s) for n, s in enumerate(served) if s[1].type == "ordering")
    m, (other_id, other) = next((m, s) for m, s in enumerate(served) if s[1].type == "choice")
    response = client.post(f"/attempts/{attempt_id}",
                           data={answer_field(item_id): value, answer_field(other_id): other.key[0]})
    assert response.status_code == 400
    assert "tick Keep this order, or give each item a position" in response.text
    with client.application.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.submitted is None and attempt.items[m].answer == other.key[0]
        assert attempt.items[n].answer is None


def test_the_summary_counts_each_result_and_lists_the_questions_by_result(
    client, signed_in, quiz
):
    attempt_id = quiz.start("choice")
    served = quiz.served(attempt_id)
    assert len(served) >= 3, [s.prompt for _, s in served]
    (first_id, first), (second_id, second), *_ = served
    wrong = next(o.id for o in second.options if o.id not in second.key)
    client.post(f"/attempts/{attempt_id}", data={answer_field(first_id): list(first.key),
                                                 answer_field(second_id): wrong, "confirm": "1"})
    page = client.get(f"/attempts/{attempt_id}").text
    assert '<svg class="score-ring"' in page and "33.3%" in page
    for words in ("<strong>1</strong> right", "<strong>0</strong> partly right",
                  "<strong>1</strong> wrong", "<strong>1</strong> not answered"):
        assert words in page
    assert 'aria-label="Question 1: right"' in page and 'aria-label="Question 2: wrong"' in page
    assert 'aria-label="Question 3: not answered"' in page
    assert "time taken <strong" in page
    assert page.count('class="card review result-') == 3
    assert "Practise what I missed" in page


def test_a_review_all_right_offers_no_practice_and_refuses_it(app, client, signed_in, quiz):
    attempt_id = quiz.start("choice")
    client.post(f"/attempts/{attempt_id}", data=quiz.right_form(attempt_id))
    assert "Practise what I missed" not in client.get(f"/attempts/{attempt_id}").text
    before = count_attempts(app)
    response = client.post(f"/attempts/{attempt_id}/practise")
    assert response.status_code == 422 and "Nothing to practise" in response.text
    assert count_attempts(app) == before


def test_practise_what_i_missed_asks_about_the_missed_facts_turn_by_turn(
    app, client, signed_in, quiz
):
    attempt_id = quiz.start("mixed")
    answer_one_wrong(client, quiz, attempt_id)
    missed = missed_facts(app, attempt_id)
    assert missed
    response = client.post(f"/attempts/{attempt_id}/practise")
    assert response.status_code == 303 and f"missed={attempt_id}" in response.location
    assert practice_facts(app, response.location) & missed
    page = client.get(response.location).text
    assert "Questions on what you missed in" in page
    previous = response.location.split("?")[0].rsplit("/", 1)[1]
    client.post(response.location, data={})  # answered blank: the feedback page follows
    page = client.get(response.location).text
    assert f'name="missed" value="{attempt_id}"' in page
    again = client.post("/study/sample/practice", data={"missed": attempt_id, "after": previous})
    assert again.status_code == 303 and practice_facts(app, again.location) & missed


def test_practice_on_someone_elses_quiz_is_not_found(app, client, auth, quiz):
    auth.guest("Ann")
    attempt_id = quiz.start("choice")
    client.post(f"/attempts/{attempt_id}", data={"confirm": "1"})
    auth.logout()
    auth.guest("Ben")
    before = count_attempts(app)
    assert client.post(f"/attempts/{attempt_id}/practise").status_code == 404
    assert count_attempts(app) == before


def test_an_open_quiz_cannot_be_used_to_practise_its_keys(app, client, signed_in, quiz):
    attempt_id = quiz.start("choice")
    before = count_attempts(app)
    response = client.post(f"/attempts/{attempt_id}/practise")
    assert response.status_code == 403 and "Submit the quiz first" in response.text
    assert count_attempts(app) == before


def test_no_practice_while_the_teacher_shows_only_marks(app, client, auth, clock):
    auth.create("stu")
    auth.login("stu")
    attempt_id, _ = start_assigned_for(app, "stu", after_submit="marks")
    client.post(f"/attempts/{attempt_id}", data={"confirm": "1"})  # all blank: all missed
    page = client.get(f"/attempts/{attempt_id}").text
    assert "Question 1" in page and "Practise what I missed" not in page
    response = client.post(f"/attempts/{attempt_id}/practise")
    assert response.status_code == 403 and "whole review" in response.text
