"""What every page shares: the navigation, the status region, labels, no inline code."""

import pytest

from tests.web.conftest import elements

PAGES = ["/", "/login", "/register", "/guest", "/no-such-page"]


def test_the_navigation_offers_sign_in_to_a_visitor(client):
    page = client.get("/").text
    assert elements(page, "nav", **{"aria-label": "Main"})
    for href in ("/", "/history", "/login", "/register"):
        assert elements(page, "a", href=href)
    assert not elements(page, "form", action="/logout")


def test_the_navigation_shows_the_learner_and_a_sign_out_form(client, auth):
    auth.create("alice")
    auth.login("alice")
    page = client.get("/history").text
    assert "alice" in page
    [signout] = elements(page, "form", action="/logout")
    assert signout["method"] == "post"
    assert elements(page, "a", href="/history", **{"aria-current": "page"})


def test_flash_messages_are_in_a_status_region(client, auth):
    auth.guest("Ann")
    page = client.get("/").text
    assert elements(page, "div", role="status")
    assert "Welcome, Ann." in page[page.index('role="status"'):]


@pytest.mark.parametrize("url", PAGES)
def test_every_input_has_a_label_and_no_page_has_inline_code(client, url):
    page = client.get(url).text
    labelled = {a["for"] for a in elements(page, "label")}
    for tag in ("input", "select"):
        for field in elements(page, tag):
            if field.get("type") != "hidden":
                assert field["id"] in labelled, field
    assert "<script" not in page and "style=" not in page and "<style" not in page
    assert page.count("<h1") == 1


def test_the_quiz_page_labels_every_input_too(client, auth, quiz):
    auth.guest("Ann")
    page = client.get(f"/attempts/{quiz.start()}").text
    labelled = {a["for"] for a in elements(page, "label")}
    fields = [f for t in ("input", "select") for f in elements(page, t) if f.get("type") != "hidden"]
    assert fields and all(f["id"] in labelled for f in fields)


def test_the_quiz_page_loads_its_one_script_from_the_app_deferred_and_nothing_inline(
    client, auth, quiz
):
    auth.guest("Ann")
    page = client.get(f"/attempts/{quiz.start()}").text
    [script] = elements(page, "script")
    assert script == {"src": "/static/quiz.js", "defer": None}
    assert '<script src="/static/quiz.js" defer></script>' in page  # no code between the tags
    assert "style=" not in page and "<style" not in page
    assert not [name for attrs in elements(page) for name in attrs if name.startswith("on")]
