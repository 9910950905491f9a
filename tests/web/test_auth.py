"""Registering, signing in and out, guests, and where a sign-in leads."""

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.web.auth import local_path
from tests.conftest import PASSWORD


def learner(app, username):
    with app.app_context():
        return db.session.query(Learner).filter_by(username=username).one_or_none()


def register(client, username="newbie", password=PASSWORD, confirm=None):
    return client.post("/register", data={"username": username, "password": password,
                                           "confirm": password if confirm is None else confirm})


def test_register_creates_an_account_and_signs_in(app, client):
    response = register(client)
    assert response.status_code == 303
    assert learner(app, "newbie").check_password(PASSWORD)
    assert "newbie" in client.get("/").text
    assert client.get("/history").status_code == 200


def test_register_refuses_passwords_that_differ(app, client):
    response = register(client, confirm="something else")
    assert response.status_code == 400
    assert "The two passwords differ." in response.text
    assert learner(app, "newbie") is None


def test_register_refuses_a_taken_name(app, client, auth):
    auth.create("alice")
    response = register(client, username="alice")
    assert response.status_code == 400
    assert "The username &#39;alice&#39; is taken" in response.text


def test_register_refuses_a_short_password(app, client):
    response = register(client, password="short")
    assert response.status_code == 400
    assert "at least 8 characters" in response.text
    assert learner(app, "newbie") is None


def test_login_with_the_right_password_signs_in(client, auth):
    auth.create("alice")
    response = auth.login("alice")
    assert response.status_code == 303
    assert response.location == "/"
    assert client.get("/history").status_code == 200


def test_login_with_a_wrong_password_shows_an_error_and_signs_no_one_in(client, auth):
    auth.create("alice")
    response = auth.login("alice", "wrong password")
    assert response.status_code == 200
    assert "That username and password do not match an account." in response.text
    assert client.get("/history").status_code == 302


def test_login_of_an_unknown_name_says_the_same(auth):
    response = auth.login("nobody")
    assert "That username and password do not match an account." in response.text


def test_logout_signs_out(client, auth):
    auth.create("alice")
    auth.login("alice")
    response = auth.logout()
    assert response.status_code == 303
    assert client.get("/history").status_code == 302


def test_logout_is_a_post_not_a_link(client):
    assert client.get("/logout").status_code == 405


def test_guest_start_signs_in_a_guest_by_display_name(client, auth):
    response = auth.guest("  Ann   Lee ")
    assert response.status_code == 303
    page = client.get("/").text
    assert "Ann Lee (guest)" in page
    assert 'Register<span class="visually-hidden"> to keep your scores</span>' in page


def test_a_guest_needs_a_display_name(client, auth):
    response = auth.guest("")
    assert response.status_code == 400
    assert client.get("/history").status_code == 302


def test_the_login_page_offers_to_continue_as_a_guest(client):
    page = client.get("/login?next=/history").text
    assert 'action="/guest"' in page and page.count('value="/history"') == 2


def test_a_guest_who_registers_keeps_their_attempts(app, client, auth, quiz):
    auth.guest("Ann")
    attempt_id = quiz.start()
    assert register(client, username="ann").status_code == 303
    with app.app_context():
        account = db.session.query(Learner).filter_by(username="ann").one()
        assert db.session.get(Attempt, attempt_id).learner_id == account.id
    assert client.get(f"/attempts/{attempt_id}").status_code == 200
    assert f"/attempts/{attempt_id}" in client.get("/history").text


def test_login_goes_on_to_a_local_next_page(auth):
    auth.create("alice")
    assert auth.login("alice", next="/history?page=2").location == "/history?page=2"


def test_guest_start_goes_on_to_a_local_next_page(client):
    response = client.post("/guest", data={"display_name": "Ann", "next": "/history"})
    assert response.location == "/history"


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example",
    "javascript:alert(1)", "evil.example", "http:/evil.example",
])
def test_login_refuses_to_send_anyone_off_the_site(auth, target):
    auth.create("alice")
    assert auth.login("alice", next=target).location == "/"


@pytest.mark.parametrize(("target", "expected"), [
    ("/attempts/abc", "/attempts/abc"), ("/?x=1#top", "/?x=1#top"),
    ("", None), (None, None), ("///evil", None), ("/ok\n", None),
])
def test_local_path_keeps_only_plain_paths_of_this_site(target, expected):
    assert local_path(target) == expected


def test_a_teacher_lands_on_the_teachers_pages(client, auth):
    auth.create("mr-t", role="teacher")
    response = auth.login("MR-T")
    assert response.status_code == 303
    assert response.location == "/teacher/"


def test_an_admin_lands_on_the_teachers_pages_too(client, auth):
    auth.create("head", role="admin")
    assert auth.login("head").location == "/teacher/"
    assert client.get("/teacher/").status_code == 200


def test_a_teacher_given_a_next_goes_there(client, auth):
    auth.create("mr-t", role="teacher")
    assert auth.login("mr-t", next="/history").location == "/history"


def test_sign_in_ignores_case_and_width(client, auth):
    auth.create("alice")
    assert auth.login("ＡＬＩＣＥ").status_code == 303
    assert client.get("/history").status_code == 200


def test_register_refuses_a_name_taken_in_another_case(app, client, auth):
    auth.create("alice")
    response = register(client, username="Alice")
    assert response.status_code == 400
    assert "The username &#39;Alice&#39; is taken" in response.text
    assert learner(app, "Alice") is None
