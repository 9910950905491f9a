"""The JSON API: tokens, bearer auth, banks, starting a quiz, and errors that are JSON."""

import hashlib

import pytest
from flask import abort
from sqlalchemy import text

from quizapp.bank.model import LoadResult
from quizapp.extensions import db
from quizapp.services import catalog
from tests.sample_bank import SAMPLE_BANK
from tests.web.api_helpers import (
    CHOICES_BANK,
    PASSWORD,
    add_learner,
    attempt_count,
    bearer,
    start,
)


@pytest.fixture
def ana(app):
    return bearer(add_learner(app, "ana"))


@pytest.fixture
def two_banks(app):
    catalog.init_app(app, catalog.Catalog("unused", load=lambda folder: LoadResult(
        banks=(SAMPLE_BANK, CHOICES_BANK)), questions=lambda bank: bank.questions))


def test_a_username_and_password_get_a_token_that_opens_the_api(app, client):
    add_learner(app, "ana")
    response = client.post("/api/v1/tokens", json={"username": "ana", "password": PASSWORD})
    assert response.status_code == 201
    assert response.headers["Cache-Control"] == "no-store"
    token = response.get_json()["token"]
    assert client.get("/api/v1/banks", headers=bearer(token)).status_code == 200


def test_tokens_are_stored_hashed_never_as_issued(app, client):
    add_learner(app, "ana")
    token = client.post("/api/v1/tokens", json={"username": "ana", "password": PASSWORD}).json["token"]
    with app.app_context():
        rows = db.session.execute(text("SELECT * FROM api_token")).all()
    assert not any(token in str(value) for row in rows for value in row)
    assert hashlib.sha256(token.encode()).hexdigest() in {row.token_hash for row in rows}


@pytest.mark.parametrize("username, password", [("ana", "wrong password"), ("nobody", PASSWORD)])
def test_bad_credentials_are_401(app, client, username, password):
    add_learner(app, "ana")
    response = client.post("/api/v1/tokens", json={"username": username, "password": password})
    assert response.status_code == 401
    assert "match" in response.json["error"]


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"username": "ana"}',
                                  b'{"username": "ana", "password": 12345678}'])
def test_a_malformed_token_request_is_400(client, body):
    response = client.post("/api/v1/tokens", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"]


def test_the_api_needs_no_csrf_token(app, client):
    add_learner(app, "ana")
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/api/v1/tokens", json={"username": "ana", "password": PASSWORD})
    assert response.status_code == 201


@pytest.mark.parametrize("method, path", [
    ("GET", "/api/v1/banks"), ("GET", "/api/v1/attempts"), ("POST", "/api/v1/attempts"),
    ("GET", "/api/v1/attempts/x"), ("POST", "/api/v1/attempts/x/answers"),
])
@pytest.mark.parametrize("authorization", [None, "Bearer", "Basic YW5hOnB3", "Bearer not-a-token"])
def test_calls_without_a_valid_token_are_401_with_a_bearer_challenge(client, method, path,
                                                                      authorization):
    headers = {"Authorization": authorization} if authorization else {}
    response = client.open(path, method=method, json={}, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "token" in response.json["error"]


def test_banks_list_id_title_and_what_quizzes_draw_from(client, ana, two_banks):
    response = client.get("/api/v1/banks", headers=ana)
    assert response.status_code == 200
    assert response.json == [
        {"id": "choices", "title": "Choices only", "questions": 12, "facts": 0,
         "self_study": True, "paused": None},
        {"id": "sample", "title": "A sample bank", "questions": 4, "facts": 4,
         "self_study": True, "paused": None},
    ]


def test_starting_an_attempt_gives_201_the_open_attempt_and_its_location(client, ana):
    response = start(client, ana, length=3, seed=11)
    assert response.status_code == 201
    attempt = response.json
    assert response.headers["Location"] == f"/api/v1/attempts/{attempt['id']}"
    assert {k: attempt[k] for k in ("bank", "mode", "status", "submitted")} == {
        "bank": "sample", "mode": "mixed", "status": "open", "submitted": None}
    assert attempt["started"].endswith("Z") and len(attempt["items"]) == 3


def test_the_same_seed_serves_the_same_questions(client, ana):
    prompts = [[i["prompt"] for i in start(client, ana, seed=5).json["items"]] for _ in range(2)]
    assert prompts[0] == prompts[1]


def test_a_quiz_has_ten_questions_unless_asked_otherwise(client, ana, two_banks):
    response = client.post("/api/v1/attempts", json={"bank": "choices", "mode": "choice"},
                           headers=ana)
    assert len(response.json["items"]) == 10


@pytest.mark.parametrize("body", [
    b"{not json", b'["sample"]', b"{}", b'{"bank": 3, "mode": "mixed"}',
    b'{"bank": "nope", "mode": "mixed"}', b'{"bank": "sample"}', b'{"bank": "sample", "mode": "essay"}',
    *(b'{"bank": "sample", "mode": "mixed", "length": %s}' % v
      for v in (b'"ten"', b"true", b"0", b"51", b"2.5", b"null")),
    *(b'{"bank": "sample", "mode": "mixed", "seed": %s}' % v for v in (b'"x"', b"true", b"-1")),
])
def test_a_malformed_start_is_400_and_stores_nothing(app, client, ana, body):
    response = client.post("/api/v1/attempts", data=body, content_type="application/json",
                           headers=ana)
    assert response.status_code == 400
    assert response.json["error"].endswith(".")
    assert attempt_count(app) == 0


def test_a_mode_the_bank_has_no_questions_for_is_422(app, client, ana, two_banks):
    response = client.post("/api/v1/attempts", json={"bank": "choices", "mode": "ordering"},
                           headers=ana)
    assert response.status_code == 422
    assert "choose another mode" in response.json["error"]
    assert attempt_count(app) == 0

@pytest.mark.parametrize("path", ["/api", "/api/", "/api/v1/nope", "/api/v2/banks",
                                  "/api/v1/attempts/x/nope"])
def test_unknown_api_paths_are_404_in_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json == {
        "error": "There is nothing at this address: the README's API section lists the calls."}


@pytest.mark.parametrize("method, path, allowed", [
    ("DELETE", "/api/v1/banks", "GET, HEAD, OPTIONS"), ("GET", "/api/v1/tokens", "OPTIONS, POST"),
    ("PUT", "/api/v1/attempts/x/answers", "OPTIONS, POST"),
])
def test_a_method_a_call_does_not_take_is_405_in_json(client, method, path, allowed):
    response = client.open(path, method=method)
    assert response.status_code == 405
    assert response.headers["Allow"] == allowed
    assert response.json == {"error": f"{method} is not taken here: use {allowed}."}


def test_a_refusal_or_a_crash_inside_the_api_is_json_too(app, client):
    app.add_url_rule("/api/v1/forbidden", "api.forbidden", lambda: abort(403))
    app.add_url_rule("/api/v1/crash", "api.crash", lambda: 1 / 0)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the handler answers
    assert client.get("/api/v1/forbidden").status_code == 403
    assert set(client.get("/api/v1/forbidden").json) == {"error"}
    response = client.get("/api/v1/crash")
    assert response.status_code == 500
    assert response.json == {
        "error": "Something went wrong on the server and nothing was saved: try again."}


def test_api_errors_stay_json_when_the_site_has_html_error_pages(app, client):
    for code in (404, 405):
        app.register_error_handler(code, lambda e: ("<p>a page</p>", e.code))
    assert client.get("/api/v1/nope").json["error"]
    assert client.delete("/api/v1/banks").json["error"]
    assert client.get("/api/v1/attempts/x", headers=bearer("bad")).json["error"]
    assert client.get("/nope").data == b"<p>a page</p>"
