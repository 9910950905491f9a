"""Every page, at a phone's width and a desktop's: an axe-core audit, the fit, the screenshots."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.services.attempts import submit_attempt
from quizapp.web import quiz as quiz_views
from tests.e2e.audit import (
    HEIGHTS,
    WIDTHS,
    check_dark,
    check_page,
    keep_screenshot,
    save_screenshot,
)
from tests.e2e.conftest import BANK, QUIZ_LENGTH, saved_state
from tests.e2e.steps import register, right_answer, wrong_answer

pytestmark = pytest.mark.e2e

PAGES = ["home", "register", "login", "guest", "quiz", "review", "history", "password",
         "not-found"]
SIGNED_IN = {"quiz", "review", "history", "password"}
SHOWN_IN_README = ["home", "quiz", "review", "history"]


def quizzes_of(app, username: str, lang: str = "en") -> tuple[str, str]:
    """A submitted quiz (every answer right but the first) and an open one, made directly, with
    the questions in `lang`.

    The browser flow that makes them is tested in test_quiz.py; here they are only looked at.
    """
    with app.app_context():
        learner = db.session.scalar(select(Learner).filter_by(username=username))
        done = quiz_views.start_attempt(learner, BANK, "mixed", QUIZ_LENGTH, lang=lang)
        answers = {item.public_id: right_answer(item.snapshot) for item in done.items}
        answers[done.items[0].public_id] = wrong_answer(done.items[0].snapshot)
        submit_attempt(learner, done.id, answers)
        took_four_minutes(done.id)  # the review's "time taken", the same in every screenshot
        still_open = quiz_views.start_attempt(learner, BANK, "mixed", QUIZ_LENGTH, lang=lang)
        return done.id, still_open.id


def took_four_minutes(attempt_id: str) -> None:
    """Start a submitted attempt 4 min 12 s before its submission (in an app context)."""
    attempt = db.session.get(Attempt, attempt_id)
    attempt.started = attempt.submitted - timedelta(minutes=4, seconds=12)
    db.session.commit()


@pytest.fixture(scope="module")
def learner(browser, base_url, live_app, tmp_path_factory):
    """ana, signed in, with a quiz submitted and one open: (the browser's state, page urls)."""
    path = tmp_path_factory.mktemp("ana") / "state.json"
    state = saved_state(browser, base_url, path, lambda page: register(page, "ana"))
    done, still_open = quizzes_of(live_app, "ana")
    urls = {
        "home": "/", "register": "/register", "login": "/login", "guest": "/guest",
        "quiz": f"/attempts/{still_open}", "review": f"/attempts/{done}", "history": "/history",
        "password": "/account/password", "not-found": "/no-such-page",
    }
    return state, urls


@pytest.fixture(scope="module")
def open_page(look, learner):
    """Open a page at a width and colour scheme, signed in as ana if it needs to be."""
    state, urls = learner

    def open_(name, width, scheme="light"):
        return look(urls[name], width, scheme, state if name in SIGNED_IN else None)

    return open_


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_passes_axe_and_fits_the_width_of_a_phone_and_a_desktop(open_page, name, width):
    page = open_page(name, width)
    check_page(page, name, width)
    if name in SHOWN_IN_README:
        save_screenshot(page, name, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_passes_axe_in_dark_mode_too(open_page, name, width):
    """Dark mode changes colours only, but a phone's folded menu and wrapped cards are other
    elements: the whole audit again, at both widths."""
    page = open_page(name, width, scheme="dark")
    check_page(page, f"{name}, dark", width)
    check_dark(page, name)


def test_no_page_asks_another_server_for_anything(new_context, learner, base_url):
    state, urls = learner
    page = new_context(storage_state=state).new_page()
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(base_url) else None)
    for url in urls.values():
        page.goto(url)
    assert foreign == []


def test_an_answered_ordering_question_is_shown_with_an_item_picked_up(new_context, learner):
    state, urls = learner
    for width in WIDTHS:
        page = new_context(width, HEIGHTS[width], storage_state=state).new_page()
        page.goto(urls["quiz"])
        question = page.locator("fieldset[data-type='ordering']").first
        question.locator(".order-item").nth(1).focus()
        for key in ("Space", "ArrowUp", "Space", "Space"):  # moved, dropped, picked up again
            page.keyboard.press(key)
        expect(question.locator(".lifted")).to_have_count(1)
        expect(question.locator(".order-pos").first).to_have_text("1")
        question.evaluate("e => e.scrollIntoView()")
        keep_screenshot(page, "ordering", width)
