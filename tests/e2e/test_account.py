"""Changing one's password in the browser: reached from one's name in the menu; it ends the
account's other sessions, and signing out ends a copied one. Screenshots of the page."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import HEIGHTS, WIDTHS
from tests.e2e.steps import PASSWORD, register

pytestmark = pytest.mark.e2e

NEW = "a brand new password"


def test_a_new_password_from_the_menu_ends_the_other_session(new_context):
    here = new_context()
    page = here.new_page()
    username = register(page)
    elsewhere = new_context(storage_state=here.storage_state())  # the same cookie, elsewhere
    other = elsewhere.new_page()
    other.goto("/history")
    expect(other.get_by_role("heading", name="Your quizzes")).to_be_visible()

    page.get_by_role("link", name=username).click()
    expect(page.get_by_role("heading", name="Your password")).to_be_visible()
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("New password again").fill(NEW)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password is changed.")).to_be_visible()

    other.goto("/history")
    expect(other.get_by_role("heading", name="Sign in")).to_be_visible()
    page.goto("/history")
    expect(page.get_by_role("heading", name="Your quizzes")).to_be_visible()


def test_signing_out_ends_a_copied_session(new_context):
    here = new_context()
    page = here.new_page()
    register(page)
    copied = new_context(storage_state=here.storage_state()).new_page()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    copied.goto("/history")
    expect(copied.get_by_role("heading", name="Sign in")).to_be_visible()


@pytest.mark.skipif(not os.environ.get("QUIZAPP_SHOTS"), reason="screenshots on request only")
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshot_of_the_password_page_with_an_error(new_context, width, scheme, tmp_path):
    context = new_context(width=width, height=HEIGHTS[width], color_scheme=scheme)
    page = context.new_page()
    register(page)
    page.goto("/account/password")
    page.get_by_label("Current password").fill("not it")
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("New password again").fill("different")
    page.get_by_role("button", name="Change password").click()
    shots = os.environ["QUIZAPP_SHOTS"]
    page.screenshot(path=f"{shots}/password-error-{width}-{scheme}.png", full_page=True)
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("New password again").fill(NEW)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password is changed.")).to_be_visible()
    page.screenshot(path=f"{shots}/password-done-{width}-{scheme}.png", full_page=True)
