"""A Moodle file with a picture, a broken SVG and a sound, in the browser: the upload page's list,
the preview and a quiz showing the picture pass axe at both widths, light and dark, and fit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizapp.config import PROJECT_ROOT
from quizapp.services import accounts
from quizapp.services.catalog import current_catalog
from tests.e2e.audit import WIDTHS, check_dark, check_page
from tests.e2e.conftest import saved_state
from tests.e2e.steps import PASSWORD, sign_in

pytestmark = pytest.mark.e2e

PICTURES = PROJECT_ROOT / "tests" / "data" / "import" / "moodle" / "pictures.xml"
LOOK = os.environ.get("QUIPU_LOOK_DIR")  # set it to keep a screenshot of each look there


def upload_saved(page: Page) -> None:
    """The upload page after a Moodle file that went in with notes (the teacher's own copy)."""
    page.goto("/teacher/upload")
    page.get_by_label("Question file").set_input_files(
        {"name": "map-quiz.xml", "mimeType": "application/xml", "buffer": PICTURES.read_bytes()})
    page.get_by_role("button", name="Check and upload").click()
    expect(page.locator("#upload-saved")).to_contain_text("3 questions went in")


def quiz_with_a_picture(page: Page) -> None:
    """A quiz of the file's three questions, the picture among them."""
    page.goto("/")
    page.get_by_label("Question bank", exact=True).select_option("pictures")
    page.get_by_label("Number of questions").fill("3")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url("**/attempts/*")
    expect(page.locator("img.picture")).to_be_visible()


PAGES = {"upload-saved": upload_saved, "picture-preview": "/teacher/banks/pictures",
         "picture-quiz": quiz_with_a_picture}


@pytest.fixture(scope="module")
def teacher_state(browser, base_url, live_app, tmp_path_factory):
    """A teacher signed in, with the file in the questions folder; removed at the end."""
    with live_app.app_context():
        accounts.register("mr.huaman", PASSWORD, role="teacher")
    folder = Path(live_app.config["QUESTIONS_DIR"])
    shutil.copyfile(PICTURES, folder / "pictures.xml")
    state = saved_state(browser, base_url, tmp_path_factory.mktemp("moodle") / "t.json",
                        lambda page: sign_in(page, "mr.huaman"))
    yield state
    (folder / "pictures.xml").unlink(missing_ok=True)
    (folder / "map-quiz.xml").unlink(missing_ok=True)
    with live_app.app_context():
        current_catalog().refresh(force=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_the_pages_of_a_moodle_file_with_a_picture_pass_axe_and_fit(look, teacher_state, name,
                                                                    width, scheme):
    page = look(PAGES[name], width, scheme, teacher_state)
    if scheme == "light":
        check_page(page, name, width)
    else:
        check_dark(page, name)
    if LOOK:
        page.screenshot(path=f"{LOOK}/{name}-{scheme}-{width}.png", full_page=True)


def test_the_picture_loads_under_quipus_own_csp(new_context, teacher_state):
    page = new_context(storage_state=teacher_state).new_page()
    page.goto("/teacher/banks/pictures")
    width = page.locator("img.picture").evaluate("img => img.complete && img.naturalWidth")
    assert width == 120  # drawn: the browser loaded it from Quipu, under the CSP
