"""The interface's language: the switch on every page, the account, the cookie, Accept-Language."""

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Learner


def lang_of(page):
    return re.search(r'<html lang="([^"]+)">', page).group(1)


def switch(client, language, next_page="/", **extra):
    return client.post("/language", data={"language": language, "next": next_page, **extra})


def test_english_without_a_choice_or_a_header(client):
    page = client.get("/").text
    assert lang_of(page) == "en"
    assert ">Sign in</a>" in page
    assert 'lang="es"><span class="language-name">Español</span>' in page  # the other language


def test_accept_language_chooses_spanish(client):
    page = client.get("/", headers={"Accept-Language": "es-PE,es;q=0.9,en;q=0.5"}).text
    assert lang_of(page) == "es"
    assert ">Iniciar sesión</a>" in page
    assert 'lang="en"><span class="language-name">English</span>' in page


def test_a_language_not_offered_falls_back_to_english(client):
    assert lang_of(client.get("/", headers={"Accept-Language": "fr, de;q=0.8"}).text) == "en"


def test_a_visitor_s_choice_is_a_cookie_and_beats_the_browser(client):
    response = switch(client, "es", "/login?next=/history")
    assert response.status_code == 303
    assert response.location.endswith("/login?next=/history")
    assert "language=es" in response.headers["Set-Cookie"]
    page = client.get("/", headers={"Accept-Language": "en"}).text
    assert lang_of(page) == "es"
    switch(client, "en")
    assert lang_of(client.get("/", headers={"Accept-Language": "es"}).text) == "en"


def test_a_learner_s_choice_is_kept_in_the_account(app, client, auth):
    auth.create("alice")
    auth.login("alice")
    switch(client, "es")
    with app.app_context():
        assert db.session.query(Learner).filter_by(username="alice").one().language == "es"
    client.delete_cookie("language")  # another browser: the account still says Spanish
    assert lang_of(client.get("/", headers={"Accept-Language": "en"}).text) == "es"


def test_a_guest_s_choice_is_kept_too(app, client, auth):
    auth.guest("Ann")
    switch(client, "es")
    client.delete_cookie("language")
    assert lang_of(client.get("/").text) == "es"


@pytest.mark.parametrize("value", ["fr", "", "ES", "es-PE", "<script>"])
def test_a_tampered_language_is_a_400_and_changes_nothing(client, value):
    response = switch(client, value)
    assert response.status_code == 400
    assert "Choose a language" in response.text
    assert "language=" not in response.headers.get("Set-Cookie", "")
    assert lang_of(client.get("/").text) == "en"


def test_the_switch_never_sends_anyone_away(client):
    for target in ("//evil.example/", "https://evil.example/", "/\\evil"):
        response = switch(client, "es", target)
        assert response.status_code == 303
        assert response.location.endswith("/") and "evil" not in response.location


class TestWithCsrf:
    @pytest.fixture
    def app(self, app):
        app.config["WTF_CSRF_ENABLED"] = True
        return app

    def test_the_switch_needs_the_form_s_token(self, client):
        response = switch(client, "es")
        assert response.status_code == 400
        assert lang_of(client.get("/").text) == "en"

    def test_the_switch_on_the_page_works(self, client):
        page = client.get("/").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        assert switch(client, "es", "/", csrf_token=token).status_code == 303
        assert lang_of(client.get("/").text) == "es"
