"""The look every page shares: the header's one row, the menu folded on a phone, the favicon,
and the home page's "Start a quiz" in the first screen a visitor and a student see."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import HEIGHTS, WIDTHS, check_dark, check_page
from tests.e2e.steps import register

pytestmark = pytest.mark.e2e


def start_button_bottom(page) -> float:
    button = page.get_by_role("button", name="Start the quiz")
    expect(button).to_be_visible()
    box = button.bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("width", WIDTHS)
def test_start_a_quiz_is_above_the_fold_for_a_visitor_and_a_student(new_context, width):
    height = HEIGHTS[width]
    page = new_context(width, height).new_page()
    page.goto("/")
    assert start_button_bottom(page) <= height, "a visitor must scroll to start a quiz"
    register(page)
    page.goto("/")
    assert start_button_bottom(page) <= height, "a student must scroll to start a quiz"


def test_on_a_phone_the_menu_is_one_row_and_opens_without_script(new_context):
    page = new_context(375, HEIGHTS[375], java_script_enabled=False).new_page()
    page.goto("/")
    header = page.locator("header.site").bounding_box()
    assert header["height"] <= 64, "the header is one row on a phone"
    sign_in = page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")
    expect(sign_in).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(sign_in).to_be_visible()
    sign_in.click()
    page.wait_for_url("**/login")


def test_on_a_desktop_the_menu_is_shown_in_one_row_with_no_menu_button(new_context):
    page = new_context(1280, HEIGHTS[1280]).new_page()
    register(page)
    nav = page.get_by_role("navigation", name="Main")
    links = [nav.get_by_role("link", name=n) for n in ("Home", "History", "Progress")]
    for link in links:
        expect(link).to_be_visible()
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    tops = {round(link.bounding_box()["y"]) for link in links}
    assert len(tops) == 1, "the menu's links are in one row"
    assert page.locator("header.site").bounding_box()["height"] <= 80


def test_the_favicon_is_found_and_no_page_logs_a_404(new_context, base_url):
    page = new_context().new_page()
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto("/")
    assert page.request.get(f"{base_url}/favicon.ico").status == 200
    icon = page.locator("link[rel=icon][type='image/svg+xml']").get_attribute("href")
    assert page.request.get(f"{base_url}{icon}").status == 200
    assert missing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_menu_on_a_phone_passes_axe(look, scheme):
    page = look("/login", 375, scheme)
    page.get_by_text("Menu", exact=True).click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Register")).to_be_visible()
    if scheme == "light":
        check_page(page, "the open menu", 375)
    else:
        check_dark(page, "the open menu")
