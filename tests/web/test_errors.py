"""Error pages: never a stack trace; JSON under /api/."""

import pytest
from flask import abort

from quizapp.extensions import db
from quizapp.models import Learner


@pytest.fixture
def failing(app):
    """A page that writes, then fails as a bug would; records whether its write was left open."""
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the error handler answers
    left_open = []

    def fail():
        db.session.add(Learner(display_name="half-written"))
        db.session.flush()
        raise RuntimeError("secret detail")

    @app.teardown_request
    def note(exc):
        left_open.append(db.session().in_transaction())

    app.add_url_rule("/fail", view_func=fail)
    app.add_url_rule("/api/v1/fail", endpoint="api_fail", view_func=fail)
    return left_open


def test_an_unknown_page_is_a_404_page(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "<h1>Not found</h1>" in response.text


def test_an_unknown_api_path_gets_json(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert set(response.json) == {"error"}
    assert "API" in response.json["error"]


def test_a_wrong_method_keeps_the_allow_header(client):
    response = client.get("/logout")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]


def test_a_server_error_shows_a_page_without_details_and_rolls_back(app, failing, client):
    response = client.get("/fail")
    assert response.status_code == 500
    assert "secret detail" not in response.text and "Traceback" not in response.text
    assert "Something went wrong on our side" in response.text
    assert failing == [False]
    with app.app_context():
        assert db.session.query(Learner).count() == 0


def test_a_server_error_under_api_is_json(failing, client):
    response = client.get("/api/v1/fail")
    assert response.status_code == 500
    assert set(response.json) == {"error"} and "secret" not in response.json["error"]


@pytest.mark.parametrize(("status", "title"), [
    (400, "That request did not work"), (403, "Not allowed"), (404, "Not found"),
    (409, "Already done"), (422, "That cannot be done"),
])
def test_each_error_status_has_its_page_and_its_json(app, client, status, title):
    def refuse():
        abort(status, description="Because of a reason you can act on.")

    app.add_url_rule("/refuse", view_func=refuse)
    app.add_url_rule("/api/v1/refuse", endpoint="api_refuse", view_func=refuse)
    page = client.get("/refuse")
    assert page.status_code == status and f"<h1>{title}</h1>" in page.text
    assert "Because of a reason you can act on." in page.text
    api = client.get("/api/v1/refuse")
    assert api.status_code == status
    assert api.json == {"error": "Because of a reason you can act on."}


@pytest.mark.parametrize(("error", "status"), [
    ("Invalid", 400), ("AccountError", 400), ("AssignmentError", 400), ("NotFound", 404),
    ("NotOpen", 403), ("LimitReached", 403), ("AlreadySubmitted", 409), ("Unbuildable", 422),
])
def test_each_refusal_of_a_service_has_one_status(error, status):
    from quizapp.services import accounts, assignments, errors
    from quizapp.web.errors import status_of

    kind = getattr(errors, error, None) or getattr(accounts, error, None) \
        or getattr(assignments, error)
    assert status_of(kind("why")) == status


def test_services_know_nothing_of_http():
    import pathlib

    services = pathlib.Path(__file__).resolve().parents[2] / "quizapp" / "services"
    for path in services.glob("*.py"):
        text = path.read_text()
        assert "status = " not in text and "abort(" not in text, path
        assert "werkzeug.exceptions" not in text and "HTTPException" not in text, path
