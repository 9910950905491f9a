"""Sessions and tokens that end: signing out ends the session on the server (a copied cookie stops
working), a new password (the page, or `user password NAME`) ends every session and token of the
account, tokens expire and `DELETE /api/v1/tokens/current` revokes one."""

from __future__ import annotations

import pytest

from quizapp import create_app
from quizapp.config import SettingError
from quizapp.extensions import db
from quizapp.models import ApiToken, Learner
from quizapp.services import throttle
from tests.conftest import PASSWORD

NEW = "a brand new password"


def cookie_of(client) -> str:
    return client.get_cookie("session").value


def with_cookie(app, value: str):
    """Another browser holding a copy of the cookie."""
    other = app.test_client()
    other.set_cookie("session", value)
    return other


def signed_in(client) -> bool:
    return client.get("/history").status_code == 200


def token(client, password=PASSWORD, username="ana"):
    response = client.post("/api/v1/tokens", json={"username": username, "password": password})
    assert response.status_code == 201, response.json
    return response.json


def banks(client, value):
    return client.get("/api/v1/banks", headers={"Authorization": f"Bearer {value}"})


def test_a_cookie_copied_before_signing_out_no_longer_signs_in(app, auth, client):
    auth.create("ana")
    auth.login("ana")
    copied = cookie_of(client)
    assert signed_in(with_cookie(app, copied))
    auth.logout()
    assert not signed_in(client)
    thief = with_cookie(app, copied)
    assert thief.get("/history").status_code == 302  # to the sign-in page
    assert not signed_in(thief)


def test_nor_after_a_restart(app, auth, client, tmp_path):
    auth.create("ana")
    auth.login("ana")
    copied = cookie_of(client)
    auth.logout()
    restarted = create_app({**app.config, "TESTING": True})
    other = restarted.test_client()
    other.set_cookie("session", copied)
    try:
        assert not signed_in(other)
    finally:
        with restarted.app_context():
            db.engine.dispose()  # its own pool: no connection left for the collector


def test_a_guests_copied_cookie_ends_too(app, auth, client):
    auth.guest("Gus")
    copied = cookie_of(client)
    auth.logout()
    assert not signed_in(with_cookie(app, copied))


def test_signing_in_again_after_signing_out_works(app, auth, client):
    auth.create("ana")
    auth.login("ana")
    auth.logout()
    assert auth.login("ana").status_code == 303
    assert signed_in(client)


def change(client, current=PASSWORD, new=NEW, confirm=None):
    return client.post("/account/password", data={
        "current": current, "password": new, "confirm": confirm or new})


def test_the_password_page_changes_it_and_ends_every_other_session_and_token(app, auth, client):
    auth.create("ana")
    api_token = token(client)["token"]
    auth.login("ana")
    phone = app.test_client()
    phone.post("/login", data={"username": "ana", "password": PASSWORD})
    assert signed_in(phone)
    page = client.get("/account/password")
    assert page.status_code == 200 and b"Current password" in page.data
    response = change(client)
    assert response.status_code == 303 and response.location.endswith("/account/password")
    assert b"Your password is changed" in client.get("/account/password").data
    assert signed_in(client)  # this session goes on, fresh
    assert not signed_in(phone)
    assert banks(client, api_token).status_code == 401
    auth.logout()
    assert auth.login("ana", PASSWORD).status_code == 200  # the old one is refused
    assert auth.login("ana", NEW).status_code == 303


@pytest.mark.parametrize(("current", "new", "confirm", "message"), [
    ("wrong password", NEW, None, b"That is not your current password"),
    (PASSWORD, "short", None, b"at least 8 characters"),
    (PASSWORD, NEW, "something else", b"The two new passwords differ."),
    (PASSWORD, PASSWORD, None, b"The new password is your current one"),
])
def test_a_refused_change_says_why_and_changes_nothing(app, auth, client, current, new,
                                                       confirm, message):
    auth.create("ana")
    auth.login("ana")
    response = change(client, current, new, confirm)
    assert response.status_code == 400 and message in response.data
    assert signed_in(client)
    auth.logout()
    assert auth.login("ana", PASSWORD).status_code == 303


@pytest.mark.parametrize(("current", "new", "message"), [
    ("wrong password", NEW, "Esa no es tu contraseña actual"),
    (PASSWORD, PASSWORD, "La contraseña nueva es la que ya tienes"),
])
def test_a_refused_change_says_why_in_spanish(auth, client, current, new, message):
    auth.create("ana")
    auth.login("ana")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    response = change(client, current, new)
    assert response.status_code == 400 and message in response.text


def test_a_stolen_session_cannot_guess_the_password_faster_than_the_sign_in_page(
        app, auth, client, clock):
    auth.create("ana")
    auth.login("ana")
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS):
        assert change(client, "guess").status_code == 400
    response = change(client, PASSWORD)
    assert response.status_code == 429 and "Retry-After" in response.headers


def test_a_visitor_signs_in_first_and_a_guest_is_sent_to_register(app, auth, client):
    response = client.get("/account/password")
    assert response.status_code == 302 and "/login" in response.location
    auth.guest("Gus")
    response = client.get("/account/password")
    assert response.status_code == 303 and response.location.endswith("/register")
    assert client.post("/account/password", data={}).status_code == 303


def test_the_name_in_the_menu_leads_to_the_password_page(app, auth, client):
    auth.create("ana")
    auth.login("ana")
    assert b'href="/account/password"' in client.get("/").data


def test_user_password_sets_it_and_ends_every_session_and_token(app, auth, client, runner):
    auth.create("ana")
    api_token = token(client)["token"]
    auth.login("ana")
    result = runner.invoke(args=["user", "password", "ANA"], input=f"{NEW}\n{NEW}\n")
    assert result.exit_code == 0, result.output
    assert "Set a new password for ana" in result.output
    assert not signed_in(client)
    assert banks(client, api_token).status_code == 401
    assert auth.login("ana", NEW).status_code == 303


@pytest.mark.parametrize(("args", "typed", "message"), [
    (["user", "password", "nobody"], f"{NEW}\n{NEW}\n", "There is no account"),
    (["user", "password", "ana"], "short\nshort\n", "at least 8 characters"),
])
def test_user_password_refuses_with_a_reason(app, auth, runner, args, typed, message):
    auth.create("ana")
    result = runner.invoke(args=args, input=typed)
    assert result.exit_code == 1 and message in result.output


def test_tokens_expire_after_30_days(app, auth, client, clock):
    auth.create("ana")
    given = token(client)
    assert given["expires"].endswith("Z")
    clock.advance(days=29, hours=23)
    assert banks(client, given["token"]).status_code == 200
    clock.advance(hours=1)
    response = banks(client, given["token"])
    assert response.status_code == 401 and "expired" in response.json["error"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(ApiToken)) == 0


def test_how_long_a_token_lasts_is_a_setting(app, auth, client, clock, monkeypatch):
    app.config["TOKEN_DAYS"] = 2
    auth.create("ana")
    given = token(client)["token"]
    clock.advance(days=2)
    assert banks(client, given).status_code == 401
    monkeypatch.setenv("QUIZAPP_TOKEN_DAYS", "0")
    with pytest.raises(SettingError, match="QUIZAPP_TOKEN_DAYS"):
        create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_delete_tokens_current_revokes_the_token_sent_and_no_other(app, auth, client):
    auth.create("ana")
    first, second = token(client)["token"], token(client)["token"]
    response = client.delete("/api/v1/tokens/current",
                             headers={"Authorization": f"Bearer {first}"})
    assert response.status_code == 204 and response.data == b""
    assert banks(client, first).status_code == 401
    assert banks(client, second).status_code == 200
    again = client.delete("/api/v1/tokens/current", headers={"Authorization": f"Bearer {first}"})
    assert again.status_code == 401 and again.json["error"]
    assert client.delete("/api/v1/tokens/current").status_code == 401


def test_delete_tokens_is_405_and_points_to_current(client):
    response = client.delete("/api/v1/tokens")
    assert response.status_code == 405
    assert "DELETE /api/v1/tokens/current" in response.json["error"]
    assert response.headers["Allow"] == "OPTIONS, POST"


def test_signing_out_of_the_site_leaves_api_tokens_alone(app, auth, client):
    auth.create("ana")
    given = token(client)["token"]
    auth.login("ana")
    auth.logout()
    assert banks(client, given).status_code == 200
    with app.app_context():
        assert db.session.scalar(db.select(Learner.session_epoch)) == 1
