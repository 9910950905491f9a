"""An assigned quiz with a time limit in a real browser: autosave (change, wait, reload: still
there), the countdown and the hand-in when it runs out, the confirmation before submitting with
questions unanswered; and screenshots of the quiz and the confirmation, 375/1280, light/dark."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Learner, utcnow
from quizapp.services.attempts import checked_bank, deadline_of, draw, store
from tests.e2e.audit import WIDTHS, check_dark, check_page, keep_screenshot
from tests.e2e.conftest import BANK, saved_state
from tests.e2e.steps import new_username, pick, register, served

pytestmark = pytest.mark.e2e
LENGTH = 5


def exam_attempt(app, username: str, time_limit: int = 15, seconds_left: int | None = None) -> str:
    """An attempt of the learner at a new assigned quiz with a time limit (made directly: the
    classes' pages are tested elsewhere); `seconds_left` moves its deadline that close."""
    with app.app_context():
        learner = db.session.scalar(select(Learner).filter_by(username=username))
        quiz = Assignment(code=secrets.token_hex(3).upper(), title="Treaties: end-of-unit test",
                          teacher_id=learner.id, bank=BANK, mode="choice", length=LENGTH,
                          opens=utcnow() - timedelta(days=1), time_limit=time_limit)
        db.session.add(quiz)
        db.session.commit()
        bank = checked_bank(BANK, "choice", LENGTH)
        attempt = store(learner, bank, "choice", 3, draw(learner, bank, "choice", LENGTH, 3),
                        assignment_id=quiz.id, deadline=deadline_of(quiz))
        if seconds_left is not None:
            attempt.deadline = utcnow() + timedelta(seconds=seconds_left)
            db.session.commit()
        return attempt.id


def saved(app, attempt_id: str) -> list:
    with app.app_context():
        db.session.expire_all()
        return [item.answer for item in db.session.get(Attempt, attempt_id).items]


def test_a_changed_answer_is_saved_and_comes_back_after_a_reload(page, live_app):
    username = register(page)
    attempt_id = exam_attempt(live_app, username)
    page.goto(f"/attempts/{attempt_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Treaties: end-of-unit test")
    items = served(live_app, attempt_id)
    first_id, first = next((i, s) for i, s in items if s.type == "choice")
    pick(page, [list(first.key)[0]])
    expect(page.locator(".save-note")).to_have_text("All answers saved", timeout=2500)
    assert saved(live_app, attempt_id).count(None) == LENGTH - 1
    page.reload()
    expect(page.locator(f"#o-{list(first.key)[0]}")).to_be_checked()
    expect(page.locator("#progress")).to_contain_text(f"Answered 1 of {LENGTH}")
    other = next(o.id for o in first.options if o.id != list(first.key)[0])
    pick(page, [other])  # changed again: saved again
    expect(page.locator(".save-note")).to_have_text("All answers saved", timeout=2500)
    assert other in saved(live_app, attempt_id)


def test_the_countdown_shows_the_time_left_and_hands_in_when_it_runs_out(page, live_app):
    username = register(page)
    attempt_id = exam_attempt(live_app, username)
    page.goto(f"/attempts/{attempt_id}")
    timer = page.locator("#deadline .time-left")
    expect(timer).to_have_text(re.compile(r"^1[45]:\d\d left$"))
    expect(page.locator("#deadline")).to_contain_text("15 minutes from the start")
    first = timer.text_content()
    expect(timer).not_to_have_text(first, timeout=2500)  # it counts down

    soon = exam_attempt(live_app, username, seconds_left=3)
    page.goto(f"/attempts/{soon}")
    item_id, snap = next((i, s) for i, s in served(live_app, soon) if s.type == "choice")
    pick(page, [list(snap.key)[0]])
    expect(page.get_by_role("heading", level=1)).to_have_text("Your results", timeout=8000)
    assert saved(live_app, soon).count(None) == LENGTH - 1  # handed in with the answer given


def test_submitting_with_questions_unanswered_asks_on_the_page_first(page, live_app):
    username = register(page)
    attempt_id = exam_attempt(live_app, username)
    page.goto(f"/attempts/{attempt_id}")
    items = served(live_app, attempt_id)
    pick(page, [list(items[0][1].key)[0]])
    page.get_by_role("button", name="Submit my answers").click()
    region = page.locator("#confirm")
    expect(region).to_be_visible()
    heading = region.get_by_role("heading")
    expect(heading).to_have_text(f"{LENGTH - 1} of {LENGTH} unanswered: submit anyway?")
    expect(heading).to_be_focused()
    expect(region.locator("li")).to_have_count(LENGTH - 1)
    region.get_by_role("button", name="Back to the questions").click()
    expect(region).to_be_hidden()
    assert page.url.endswith(attempt_id)  # nothing was submitted
    page.get_by_role("button", name="Submit my answers").click()
    region.get_by_role("button", name="Submit anyway").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your results")


@pytest.fixture(scope="module")
def exam_pages(browser, base_url, live_app, tmp_path_factory):
    """A student signed in with an open exam: (the browser's state, the quiz's url)."""
    path = tmp_path_factory.mktemp("exam") / "state.json"
    username = new_username("exam")
    state = saved_state(browser, base_url, path, lambda page: register(page, username))
    return state, f"/attempts/{exam_attempt(live_app, username)}"


def steady(page) -> None:
    """The same time on every screenshot (the countdown moves)."""
    page.evaluate("""() => {
        const timer = document.querySelector('.time-left');
        if (timer) { timer.textContent = '12:48 left'; }
        const words = document.querySelector('#deadline strong');
        if (words) { words.textContent = 'Hand in by 09:15 (UTC) — 15 minutes from the start.'; }
    }""")


def confirming(url):
    def go(page):
        page.goto(url)
        page.locator("fieldset.question input").first.check()
        page.get_by_role("button", name="Submit my answers").click()
        expect(page.locator("#confirm")).to_be_visible()
        page.locator("#confirm").evaluate("e => e.scrollIntoView({block: 'center'})")
    return go


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["exam-quiz", "exam-confirm"])
def test_the_exam_pages_pass_axe_and_fit(look, exam_pages, name, width, scheme):
    state, url = exam_pages
    page = look(url if name == "exam-quiz" else confirming(url), width, scheme, state)
    if scheme == "light":
        check_page(page, name, width)
    else:
        check_dark(page, name)
    steady(page)
    suffix = "" if scheme == "light" else "-dark"
    keep_screenshot(page, f"{name}{suffix}", width)
