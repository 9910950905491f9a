"""A teacher edits a bank in the browser (issue 15): a fact and a question changed and saved,
the preview of what students get, a broken rule named beside its field, a version restored.

The editor's page, with a problem shown and without, is audited with axe at a phone's width and a
desktop's, light and dark, and must fit the window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizapp import clock
from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services import accounts
from quizapp.services.catalog import current_catalog
from quizapp.services.uploads import save_upload
from tests.e2e.audit import WIDTHS, check_dark, check_page, save_screenshot
from tests.e2e.steps import PASSWORD, sign_in

pytestmark = pytest.mark.e2e

# The small test bank under a name and id of its own: test_teacher.py uploads small.yaml as
# another teacher, whose it stays.
SMALL = (PROJECT_ROOT / "tests" / "data" / "good" / "small.yaml").read_bytes().replace(
    b"bank: small", b"bank: editor-sample")
FILE = "editor-sample.yaml"
EDIT = "/teacher/banks/editor-sample/edit"


@pytest.fixture(scope="module")
def editor(live_app):
    """Ms Paz, a teacher, owns editor-sample.yaml; the file goes when the module ends."""
    folder = Path(live_app.config["QUESTIONS_DIR"])
    with live_app.app_context():
        accounts.register("ms.paz", PASSWORD, role="teacher")
        owner = db.session.query(Learner).filter_by(username="ms.paz").one()
        save_upload(current_catalog(), FILE, SMALL, owner, clock.now())
    yield "ms.paz"
    (folder / FILE).unlink(missing_ok=True)
    with live_app.app_context():
        current_catalog().refresh(force=True)


def test_a_teacher_edits_a_fact_and_a_question_previews_and_restores(page: Page, editor):
    sign_in(page, editor)
    page.goto("/teacher/")
    page.get_by_role("link", name="Edit A small bank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit “A small bank”")
    fact = page.get_by_role("group", name="Fact 1: canal")
    fact.get_by_label("Text").fill("The Panama Canal opens to ships.")
    question = page.get_by_role("group", name="Question 1: embassy-year")
    question.get_by_label("Prompt").fill("When was the U.S. mission raised to an embassy?")
    page.get_by_role("button", name="Check and preview").first.click()
    expect(page.locator("#edit-ok")).to_contain_text("No problems found")
    preview = page.locator("section.edit-preview")
    expect(preview).to_contain_text("When was the U.S. mission raised to an embassy?")
    preview.get_by_text("made from the facts").last.click()  # the generated ones, included
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text("is live for students now")).to_be_visible()
    history = page.get_by_role("region", name="Earlier versions")
    expect(history).to_contain_text("1 fact changed, 1 question changed")
    expect(history).to_contain_text(editor)

    fact = page.get_by_role("group", name="Fact 2: embassy")
    fact.get_by_label("Year").fill("19x0")
    page.get_by_role("button", name="Save").first.click()
    year = page.get_by_role("group", name="Fact 2: embassy").get_by_label("Year")
    expect(year).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-facts-1-year-error")).to_contain_text("must be a whole number")

    page.goto(EDIT)
    page.get_by_role("button", name="Restore this version").first.click()
    expect(page.get_by_text(f"Restored {FILE}")).to_be_visible()
    expect(page.get_by_role("group", name="Fact 1: canal").get_by_label("Text")).to_have_value(
        "The Panama Canal opens.")
    expect(page.get_by_role("region", name="Earlier versions")).to_contain_text(
        "1 fact changed, 1 question changed")


def _with_a_problem(page: Page) -> None:
    page.goto(EDIT)
    page.get_by_role("group", name="Fact 2: embassy").get_by_label("Until (a period)").fill("1900")
    page.get_by_role("button", name="Check and preview").first.click()
    expect(page.locator("#edit-problems")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_editor_passes_axe_and_fits(new_context, editor, width, scheme):
    context = new_context(width=width, height=812 if width == 375 else 800, bypass_csp=True,
                          color_scheme=scheme)
    page = context.new_page()
    sign_in(page, editor)
    page.goto(EDIT)
    if scheme == "light":
        check_page(page, "editor", width)
        save_screenshot(page, "editor", width)
    else:
        check_dark(page, "editor")
    _with_a_problem(page)
    if scheme == "light":
        check_page(page, "editor with a problem", width)
    else:
        check_dark(page, "editor with a problem")
    page.goto("/teacher/banks/new")
    if scheme == "light":
        check_page(page, "new bank", width)
    else:
        check_dark(page, "new bank")
