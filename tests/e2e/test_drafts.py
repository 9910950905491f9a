"""New bank from a text, in the browser: paste a text, see the draft, create the bank; the form,
the draft and the form's errors audited with axe at a phone's width and a desktop's, light and
dark, and screenshot (docs/screenshots/draft-*.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizapp.config import PROJECT_ROOT
from quizapp.services import accounts
from quizapp.services.catalog import current_catalog
from tests.e2e.audit import WIDTHS, check_dark, check_page, save_screenshot
from tests.e2e.conftest import saved_state
from tests.e2e.steps import PASSWORD, sign_in

pytestmark = pytest.mark.e2e

TEXT = (PROJECT_ROOT / "questions" / "peru-us-relations.txt")
SHARED = PROJECT_ROOT.parent / "shared" / "source" / "peru-us-relations.txt"
EXCERPT = """In the two first decades of the 20th century, the aim of U.S. policy in the region was peace.

During the eleven-year term of President Augusto B. Leguía (1919-1930), U.S. influence was
significant. For the first time, U.S. private capital eclipsed British investments in Peru.

The decade of 1980 was marked by the Debt Crisis. In 1991 both countries signed an agreement.
"""


def drafted(page: Page) -> None:
    """The page after drafting a short text: the facts shown, with "Create this bank"."""
    page.goto("/teacher/banks/draft")
    page.get_by_label("Title of the new bank").fill("Peru, a draft")
    page.get_by_label("Paste the text").fill(EXCERPT)
    page.get_by_role("button", name="Draft the facts").click()
    expect(page.get_by_role("button", name="Create this bank")).to_be_visible()


def refused(page: Page) -> None:
    """The page after drafting nothing: the errors beside their fields."""
    page.goto("/teacher/banks/draft")
    page.get_by_role("button", name="Draft the facts").click()
    expect(page.locator("#title-error")).to_be_visible()


PAGES = {"draft": "/teacher/banks/draft", "draft-shown": drafted, "draft-problem": refused}


@pytest.fixture(scope="module")
def teacher_state(browser, base_url, live_app, tmp_path_factory):
    with live_app.app_context():
        accounts.register("mr.quispe", PASSWORD, role="teacher")
    path = tmp_path_factory.mktemp("drafts") / "teacher.json"
    return saved_state(browser, base_url, path, lambda page: sign_in(page, "mr.quispe"))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_the_draft_pages_pass_axe_and_fit_in_light_and_dark(look, teacher_state, name, width):
    page = look(PAGES[name], width, state=teacher_state)
    check_page(page, name, width)
    if name == "draft-shown":
        page.locator("#draft-heading").evaluate("e => e.scrollIntoView()")
    save_screenshot(page, name, width)
    page = look(PAGES[name], width, "dark", teacher_state)
    check_dark(page, name)
    if name == "draft-shown":
        page.locator("#draft-heading").evaluate("e => e.scrollIntoView()")
    save_screenshot(page, f"{name}-dark", width)


def test_a_teacher_drafts_the_shipped_text_and_creates_the_bank(new_context, live_app,
                                                                teacher_state):
    folder = Path(live_app.config["QUESTIONS_DIR"])
    source = TEXT if TEXT.is_file() else SHARED
    page = new_context(storage_state=teacher_state).new_page()
    page.goto("/teacher/banks/draft")
    page.get_by_label("Title of the new bank").fill("Peru and the U.S., drafted")
    page.get_by_label("Or choose a file").set_input_files(source)
    page.get_by_role("button", name="Draft the facts").click()
    expect(page.locator(".draft-counts")).to_contain_text("31 facts, 20 of them dated")
    page.get_by_role("button", name="Create this bank").click()
    try:
        # The draft opens in the bank editor, its facts in the form, ready to put in one's words.
        expect(page).to_have_url(f"{page.url.split('/teacher')[0]}/teacher/banks/"
                                 "peru-and-the-u-s-drafted/edit")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Edit “Peru and the U.S., drafted”")
        expect(page.locator("textarea")).not_to_have_count(0)
        assert (folder / "peru-and-the-u-s-drafted.yaml").is_file()
        assert (folder / "peru-and-the-u-s-drafted.txt").read_text("utf-8") == (
            source.read_text("utf-8"))
        page.goto("/teacher/banks/peru-and-the-u-s-drafted")
        expect(page.get_by_role("heading", level=1)).to_have_text("Peru and the U.S., drafted")
    finally:
        for name in ("peru-and-the-u-s-drafted.yaml", "peru-and-the-u-s-drafted.txt"):
            (folder / name).unlink(missing_ok=True)
        with live_app.app_context():
            current_catalog().refresh(force=True)
