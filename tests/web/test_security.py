"""The security pass: sign-in throttling, headers, cookies, text never run, no stack traces."""


import pytest

from quizapp.bank.model import Bank, LoadResult, Question
from quizapp.services import catalog, throttle
from tests.conftest import PASSWORD

WRONG = "not the password"


def token_request(client, username, password, address="10.0.0.1"):
    return client.post("/api/v1/tokens", json={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def test_five_wrong_passwords_make_the_account_wait_with_a_429_that_says_how_long(auth, client, clock):
    auth.create("ana")
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS):
        assert auth.login("ana", WRONG).status_code == 200
    response = auth.login("ana", PASSWORD)  # even the right password waits
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) == 15 * 60
    assert b"Too many failed sign-ins for this account from your address: try again in 15 minutes." in response.data


def test_the_wait_ends_when_the_failures_leave_the_window(auth, client, clock):
    auth.create("ana")
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS):
        auth.login("ana", WRONG)
    clock.advance(seconds=throttle.WINDOW.total_seconds() + 1)
    assert auth.login("ana", PASSWORD).status_code == 303


def test_a_successful_sign_in_clears_the_accounts_failures(app, auth, client, clock):
    auth.create("ana")
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS - 1):
        auth.login("ana", WRONG)
    assert auth.login("ana", PASSWORD).status_code == 303
    with app.app_context():
        assert throttle.failures("ana") == 0


def test_one_account_waiting_does_not_stop_another(auth, client, clock):
    auth.create("ana")
    auth.create("ben")
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS):
        auth.login("ana", WRONG)
    assert auth.login("ben", PASSWORD).status_code == 303


def test_token_requests_are_throttled_too_with_json_and_retry_after(auth, client, clock):
    auth.create("ana")
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS):
        assert token_request(client, "ana", WRONG).status_code == 401
    response = token_request(client, "ana", PASSWORD)
    assert response.status_code == 429
    assert response.json["error"].startswith("Too many failed sign-ins for this account")
    assert int(response.headers["Retry-After"]) > 0


def test_a_class_of_60_behind_one_address_all_sign_in_despite_typos(auth, client, clock):
    names = [f"pupil{i:02}" for i in range(60)]
    for name in names:
        auth.create(name)
    for name in names:  # everyone mistypes once, from the one school address...
        assert token_request(client, name, WRONG, "192.0.2.7").status_code == 401
    for name in names:  # ...and still gets in
        assert token_request(client, name, PASSWORD, "192.0.2.7").status_code == 201


def test_an_address_guessing_across_many_accounts_is_stopped(app, client, clock, monkeypatch):
    monkeypatch.setattr(throttle, "ADDRESS_CEILING", 10)
    for i in range(10):
        assert token_request(client, f"nobody{i}", WRONG, "198.51.100.9").status_code == 401
    response = token_request(client, "someone-else", WRONG, "198.51.100.9")
    assert response.status_code == 429
    assert "your network" in response.json["error"]
    assert token_request(client, "someone-else", WRONG, "198.51.100.10").status_code == 401


@pytest.mark.parametrize("path", ["/", "/login", "/api/v1/banks", "/no-such-page"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def session_cookie(response):
    return next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))


def test_the_session_cookie_is_httponly_and_samesite_lax_but_not_secure_over_http(auth, client):
    auth.create("ana")
    cookie = session_cookie(auth.login("ana", PASSWORD))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_the_session_cookie_is_secure_over_https(auth, client):
    auth.create("ana")
    response = client.post("/login", data={"username": "ana", "password": PASSWORD},
                           base_url="https://localhost")
    assert "Secure" in session_cookie(response)
    assert "Strict-Transport-Security" in response.headers


def test_a_trusted_proxys_https_counts_as_https(app, auth, client):
    from quizapp import security

    app.config["TRUSTED_PROXIES"] = 1
    security.init_app(app)
    auth.create("ana")
    response = client.post("/login", data={"username": "ana", "password": PASSWORD},
                           headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in session_cookie(response)


SCRIPT = "<script>alert('x')</script>"
HOSTILE = Bank(id="hostile", title=f"Bank {SCRIPT}", questions=(
    Question(id="q", type="choice", prompt=f"Which? {SCRIPT}", options=(SCRIPT, "<b>bold</b>"),
             key=(SCRIPT,), explanation=f"Because {SCRIPT}"),
    Question(id="r", type="choice", prompt="Other", options=("a", "b"), key=("a",)),
))


def test_question_text_with_html_or_script_is_shown_as_text(app, auth, client):
    catalog.init_app(app, catalog.Catalog("x", load=lambda f: LoadResult(banks=(HOSTILE,)),
                                          questions=lambda b: b.questions))
    auth.create("ana")
    auth.login("ana", PASSWORD)
    assert SCRIPT.encode() not in client.get("/").data
    page = client.post("/", data={"bank": "hostile", "mode": "choice", "length": 5},
                       follow_redirects=True)
    assert SCRIPT.encode() not in page.data and b"<b>bold" not in page.data
    assert b"&lt;script&gt;" in page.data


def test_an_error_never_shows_a_stack_trace(app, client):
    app.config.update(TESTING=False, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = client.get("/boom")
    assert response.status_code == 500
    assert b"Traceback" not in response.data and b"secret internals" not in response.data


def test_a_new_secret_key_signs_everyone_out_and_an_old_one_kept_as_fallback_does_not(
    app, auth, client
):
    auth.create("ana")
    assert auth.login("ana", PASSWORD).status_code == 303
    assert client.get("/history").status_code == 200
    old = app.config["SECRET_KEY"]
    app.config.update(SECRET_KEY="a new key", SECRET_KEY_FALLBACKS=[old])
    assert client.get("/history").status_code == 200  # still valid: the old key is a fallback
    app.config.update(SECRET_KEY="a newer key", SECRET_KEY_FALLBACKS=[])
    assert client.get("/history").status_code == 302  # signed out: to the sign-in page


def test_every_page_of_a_signed_in_person_is_no_store_and_static_files_stay_cacheable(
        client, auth):
    assert "no-store" not in client.get("/login").headers.get("Cache-Control", "")
    auth.create("ana")
    auth.login("ana")
    for url in ("/", "/history", "/progress", "/study/sample"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url
    with client.get("/static/quipu.css") as static:
        assert "no-store" not in static.headers.get("Cache-Control", "")


def test_a_body_over_256_kb_is_refused_with_413_before_it_is_read(client):
    big = b'{"username": "' + b"x" * (300 * 1024) + b'", "password": "y"}'
    response = client.post("/api/v1/tokens", data=big, content_type="application/json")
    assert response.status_code == 413
    assert "larger than 256 KB" in response.get_json()["error"]
    page = client.post("/login", data={"username": "x" * (300 * 1024), "password": "y"})
    assert page.status_code == 413 and "larger than 256 KB" in page.text


def test_a_body_without_a_length_is_cut_at_the_limit_too(app):
    import io

    from werkzeug.test import EnvironBuilder
    body = io.BytesIO(b"username=" + b"x" * (300 * 1024))
    builder = EnvironBuilder(path="/login", method="POST", input_stream=body,
                             content_type="application/x-www-form-urlencoded")
    environ = builder.get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ["wsgi.input_terminated"] = True
    response = app.test_client().open(environ)
    assert response.status_code in (400, 413)  # never read whole, never a 500
