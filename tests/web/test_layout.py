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


def test_the_favicon_is_served_as_an_icon_and_named_as_svg_by_every_page(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.mimetype in ("image/vnd.microsoft.icon", "image/x-icon")
    assert icon.data[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    assert icon.cache_control.max_age and icon.cache_control.max_age > 0
    page = client.get("/").text
    [svg] = elements(page, "link", rel="icon", type="image/svg+xml")
    drawing = client.get(svg["href"])
    assert drawing.mimetype == "image/svg+xml"
    drawing.close()


def test_the_main_menu_folds_into_a_disclosure_that_needs_no_script(client, auth):
    auth.create("alice")
    auth.login("alice")
    page = client.get("/history").text
    menu = page[page.index('<details class="menu">'):page.index("</details>")]
    assert "<summary>Menu</summary>" in menu
    assert 'aria-label="Main"' in menu and 'action="/logout"' in menu
    assert '<svg class="logo"' in page and 'aria-hidden="true"' in page
