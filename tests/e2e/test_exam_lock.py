"""A bank paused for an assigned quiz, and one for assigned quizzes only, as a student sees them:
the home page and the timeline at a phone's width and a desktop's, light and dark."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.models import Assignment, Learner, utcnow
from quizapp.services.catalog import current_catalog
from tests.e2e.audit import WIDTHS, check_dark, check_page, keep_screenshot
from tests.e2e.conftest import BANK, saved_state
from tests.e2e.steps import register
from tests.exam_lock_helpers import assign, classroom, person

pytestmark = pytest.mark.e2e

WEEK3, EXAM = "peru-us-week-3", "peru-us-exam"
CLOSES = datetime(2036, 12, 3, 10, 0)  # far off and fixed: the screenshots stay the same


def copy_bank(folder, bank_id: str, title: str, extra: str = "") -> None:
    """The shipped bank again under another id and title (so the others' tests keep theirs)."""
    text = (PROJECT_ROOT / "questions" / f"{BANK}.yaml").read_text(encoding="utf-8")
    head, rest = text.split("\n", 2)[:2], text.split("\n", 2)[2]
    assert head[0] == f"bank: {BANK}"
    (folder / f"{bank_id}.yaml").write_text(
        f"bank: {bank_id}\ntitle: {title}\n{extra}{rest}", encoding="utf-8")


@pytest.fixture(scope="module")
def paused(browser, base_url, live_app, tmp_path_factory):
    """Lia, of class 3A, signed in: "Week 3" on one copy of the bank is open, and another copy's
    file says exam_only. Both copies and the quiz are gone again after the module."""
    folder = Path(live_app.config["QUESTIONS_DIR"])
    copy_bank(folder, WEEK3, "Peru and the US, week 3")
    copy_bank(folder, EXAM, "Peru and the US, the exam", "exam_only: true\n")
    state = saved_state(browser, base_url, tmp_path_factory.mktemp("lia") / "state.json",
                        lambda page: register(page, "lia"))
    with live_app.app_context():
        current_catalog().refresh(force=True)
        teacher = person("ms-lock", "teacher")
        lia = db.session.scalar(select(Learner).filter_by(username="lia"))
        quiz = assign(teacher, classroom("3a-lock", teacher, lia), bank=WEEK3,
                      opens=utcnow() - timedelta(hours=1), closes=CLOSES)
        quiz_id = quiz.id
    yield state
    for bank_id in (WEEK3, EXAM):
        (folder / f"{bank_id}.yaml").unlink()
    with live_app.app_context():
        db.session.delete(db.session.get(Assignment, quiz_id))
        db.session.commit()
        current_catalog().refresh(force=True)


PAGES = {"home-paused": "/", "timeline-paused": f"/study/{WEEK3}"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_a_paused_bank_passes_axe_fits_and_is_shown_in_both_schemes(look, paused, name, width):
    for scheme in ("light", "dark"):
        page = look(PAGES[name], width, scheme, paused)
        expect(page.get_by_text("is paused for your class's quiz “Week 3” until")).to_be_visible()
        if scheme == "light":
            check_page(page, name, width)
        else:
            check_dark(page, name)
        suffix = "" if scheme == "light" else "-dark"
        keep_screenshot(page, f"{name}{suffix}", width, full_page=name == "home-paused")


def test_the_home_page_offers_neither_paused_bank(look, paused):
    page = look("/", 1280, "light", paused)
    expect(page.get_by_text("“Peru and the US, the exam” is for assigned quizzes only")).to_be_visible()
    options = page.get_by_label("Question bank", exact=True).locator("option").all_text_contents()
    assert options == ["Peru and the United States in the 20th century"]
    expect(page.get_by_role("link", name="Read the timeline of Peru and the US, week 3")).to_have_count(0)
