"""Practice: one question a page, one form post an answer, feedback at once, then the next."""

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.web.forms import answer_field
from tests.web.conftest import elements


@pytest.fixture
def practice(app, client, signed_in):
    """Start practice questions and read back what was served."""

    class Practice:
        def start(self, fact=None, after=None):
            """Press the start (or "Next question") button; the question page's address."""
            data = {k: v for k, v in {"fact": fact, "after": after}.items() if v}
            response = client.post("/study/sample/practice", data=data)
            assert response.status_code == 303, response.text
            return response.location

        def served(self, url):
            """(attempt, item id, snapshot) of the practice question at `url`."""
            attempt_id = url.split("?")[0].rsplit("/", 1)[1]
            with app.app_context():
                attempt = db.session.get(Attempt, attempt_id)
                item = attempt.items[0]
                return attempt_id, item.public_id, item.snapshot

    return Practice()


def right(item_id, snap):
    if snap["type"] == "ordering":
        return {answer_field(item_id, o): str(n) for n, o in enumerate(snap["key"], start=1)}
    return {answer_field(item_id): snap["key"]}


def wrong(item_id, snap):
    return {answer_field(item_id): next(o["id"] for o in snap["options"]
                                        if o["id"] not in snap["key"])}


def test_practising_a_fact_starts_from_its_page_with_a_plain_form(client, signed_in):
    page = client.get("/study/sample/practice?fact=embassy").text
    [form] = elements(page, "form", action="/study/sample/practice")
    assert form["method"] == "post"
    assert elements(page, "input", type="hidden", name="fact", value="embassy")
    assert "An embassy opens." in page and "<script" not in page


def test_a_practice_question_is_one_question_in_a_form_that_posts_back_without_javascript(
    client, practice
):
    url = practice.start("embassy")
    _, item_id, snap = practice.served(url)
    assert snap["question_id"] == "embassy-year"
    page = client.get(url).text
    [form] = elements(page, "form", method="post", **{"class": "quiz"})
    assert form["action"] == url
    assert len(elements(page, "fieldset")) == 1
    assert len(elements(page, "input", name=answer_field(item_id))) == len(snap["options"])
    assert "It opened in 1920." not in page
    # quiz.js only enhances the question (dragging an order); no script is inline or needed
    assert [s.get("src") for s in elements(page, "script")] == ["/static/quiz.js"]


def test_a_right_answer_shows_at_once_that_it_was_right_with_the_explanation_and_fact(
    client, practice
):
    url = practice.start("embassy")
    _, item_id, snap = practice.served(url)
    response = client.post(url, data=right(item_id, snap))
    assert response.status_code == 303 and response.location == url
    page = client.get(url).text
    assert elements(page, "section", **{"class": "feedback right"})
    assert "It opened in 1920." in page
    assert elements(page, "a", href="/study/sample#fact-embassy")


def test_a_wrong_answer_shows_the_key(client, practice):
    url = practice.start("embassy")
    _, item_id, snap = practice.served(url)
    page = client.get(client.post(url, data=wrong(item_id, snap)).location).text
    assert elements(page, "section", **{"class": "feedback wrong"})
    key = page[page.index('class="key"'):]
    assert "1920" in key[:key.index("</ul>")]


def test_a_practice_answer_is_kept_as_a_one_question_practice_attempt(app, client, practice):
    url = practice.start("canal")
    attempt_id, item_id, snap = practice.served(url)
    client.post(url, data=right(item_id, snap))
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.mode, attempt.score, attempt.max_score) == ("practice", 1.0, 1.0)
        assert attempt.items[0].answer is not None


def test_next_question_stores_another_and_does_not_ask_the_same_one_straight_again(
    client, practice
):
    url = practice.start("canal")
    attempt_id, item_id, snap = practice.served(url)
    page = client.get(client.post(url, data=right(item_id, snap)).location).text
    [after] = elements(page, "input", type="hidden", name="after")
    assert after["value"] == attempt_id
    assert elements(page, "input", type="hidden", name="fact", value="canal")
    next_url = practice.start("canal", after=attempt_id)
    next_id, _, next_snap = practice.served(next_url)
    assert next_id != attempt_id
    assert next_snap["question_id"] != snap["question_id"]
    assert "canal" in {f["id"] for f in next_snap["facts"]}


def test_practice_without_a_fact_asks_about_what_is_due_first(client, practice, clock):
    url = practice.start("embassy")
    _, item_id, snap = practice.served(url)
    client.post(url, data=wrong(item_id, snap))
    clock.advance(minutes=5)
    assert practice.served(practice.start())[2]["question_id"] == "embassy-year"


def test_a_practice_question_is_answered_once(client, practice):
    url = practice.start("embassy")
    _, item_id, snap = practice.served(url)
    client.post(url, data=right(item_id, snap))
    response = client.post(url, data=wrong(item_id, snap))
    assert response.status_code == 409
    assert "See the answer" in response.text


def test_an_ordering_answer_with_a_position_given_twice_asks_again(client, practice):
    first = practice.served(practice.start("embassy"))[0]
    url = practice.start("embassy", after=first)  # embassy's other question is the ordering one
    _, item_id, snap = practice.served(url)
    assert snap["type"] == "ordering"
    response = client.post(url, data={answer_field(item_id, o["id"]): "1" for o in snap["options"]})
    assert response.status_code == 400
    assert "more than one item" in response.text
    assert elements(client.get(url).text, "form", **{"class": "quiz"})  # still open to answer


def test_another_learners_practice_question_is_not_found(client, practice, auth):
    url = practice.start("embassy")
    auth.logout()
    auth.guest("Bob")
    assert client.get(url).status_code == 404


def test_practising_a_fact_the_bank_does_not_have_is_not_found(client, signed_in):
    assert client.get("/study/sample/practice?fact=nope").status_code == 404
    assert client.post("/study/sample/practice", data={"fact": "nope"}).status_code == 404


def test_practice_needs_a_signed_in_learner(client):
    assert client.get("/study/sample/practice").status_code == 302
