"""The limit on open quizzes in the browser: starting a sixth lists the five to finish, and the
page passes axe at a phone's and a desktop's width, in light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services import limits
from quizapp.web import quiz as quiz_views
from tests.e2e.audit import WIDTHS, check_dark, check_page
from tests.e2e.conftest import BANK, QUIZ_LENGTH, saved_state
from tests.e2e.steps import register

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/quipu-limits-shots")  # looked at, not kept in docs/screenshots


@pytest.fixture(scope="module")
def full(browser, base_url, live_app, tmp_path_factory):
    """lim, signed in, with as many open quizzes as allowed (made directly)."""
    path = tmp_path_factory.mktemp("lim") / "state.json"
    state = saved_state(browser, base_url, path, lambda page: register(page, "lim"))
    with live_app.app_context():
        learner = db.session.scalar(select(Learner).filter_by(username="lim"))
        for _ in range(limits.OPEN_QUIZZES):
            quiz_views.start_attempt(learner, BANK, "mixed", QUIZ_LENGTH)
    return state


def start_one_more(page):
    page.goto("/")
    page.get_by_role("button", name="Start the quiz").click()


def test_a_sixth_quiz_lists_the_five_to_finish_and_each_link_opens_one(new_context, full):
    page = new_context(storage_state=full).new_page()
    start_one_more(page)
    expect(page.get_by_role("heading", name="Finish a quiz first")).to_be_visible()
    assert page.locator("tbody tr").count() == limits.OPEN_QUIZZES
    page.locator("tbody tr").first.get_by_role("link").last.click()
    expect(page.get_by_role("button", name="Submit my answers")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_passes_axe_and_fits(look, full, width, scheme):
    page = look(start_one_more, width, scheme, full)
    if scheme == "dark":
        check_dark(page, "open-quizzes")
    else:
        check_page(page, "open-quizzes", width)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"open-quizzes-{width}-{scheme}.png", full_page=True)
