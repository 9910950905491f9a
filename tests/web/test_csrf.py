"""With CSRF protection on, as in production: a form needs its token."""

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Learner
from tests.conftest import PASSWORD


@pytest.fixture
def app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def token(page):
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def learners(app):
    with app.app_context():
        return db.session.query(Learner).count()


def registration(csrf=None):
    data = {"username": "newbie", "password": PASSWORD, "confirm": PASSWORD}
    return data if csrf is None else data | {"csrf_token": csrf}


def test_a_form_posted_without_a_token_is_refused_and_changes_nothing(app, client):
    response = client.post("/register", data=registration())
    assert response.status_code == 400
    assert "This form has expired or did not come from this site" in response.text
    assert learners(app) == 0


def test_a_form_posted_with_a_wrong_token_is_refused(app, client):
    client.get("/register")
    assert client.post("/register", data=registration("forged")).status_code == 400
    assert learners(app) == 0


def test_a_form_posted_with_its_token_works(app, client):
    csrf = token(client.get("/register").text)
    assert client.post("/register", data=registration(csrf)).status_code == 303
    assert learners(app) == 1


def test_a_quiz_submitted_without_a_token_is_not_graded(app, client, quiz):
    client.post("/guest", data={"display_name": "Ann", "csrf_token": token(client.get("/").text)})
    csrf = token(client.get("/").text)
    response = client.post("/", data={"bank": "sample", "mode": "mixed", "length": 10,
                                      "csrf_token": csrf})
    attempt_id = response.location.rsplit("/", 1)[1]
    assert client.post(f"/attempts/{attempt_id}", data={}).status_code == 400
    assert quiz.stored(attempt_id)[0] is None
    data = {"csrf_token": token(client.get(f"/attempts/{attempt_id}").text), "confirm": "1"}
    assert client.post(f"/attempts/{attempt_id}", data=data).status_code == 303
    assert quiz.stored(attempt_id)[0] == 0.0


def test_signing_out_without_a_token_keeps_you_signed_in(client):
    client.post("/guest", data={"display_name": "Ann", "csrf_token": token(client.get("/").text)})
    assert client.post("/logout").status_code == 400
    assert client.get("/history").status_code == 200
