"""The review that teaches, in a real browser: its summary and jump list, its height, "Practise
what I missed", and how it looks (axe at 375 and 1280 px, light and dark; screenshots)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.services.attempts import submit_attempt
from quizapp.web import quiz as quiz_views
from tests.e2e.audit import HEIGHTS, WIDTHS, check_dark, check_page, save_screenshot
from tests.e2e.conftest import BANK, QUIZ_LENGTH, saved_state
from tests.e2e.steps import register, right_answer, wrong_answer
from tests.e2e.test_pages import quizzes_of, took_four_minutes

pytestmark = pytest.mark.e2e

# The review of ten questions (the first wrong, the rest right: tests/e2e/test_pages.py's) was
# 8,846 px tall at 1280 px before the review was redone (measured with Playwright, 3 Dec 2026).
HEIGHT_BEFORE = 8846


def mixed_review(app, username: str) -> tuple[str, dict[str, int]]:
    """A submitted quiz with every result: the first question wrong, an ordering partly right,
    the last left blank, the rest right; its id and the counts the review should give."""
    with app.app_context():
        learner = db.session.scalar(select(Learner).filter_by(username=username))
        attempt = quiz_views.start_attempt(learner, BANK, "mixed", QUIZ_LENGTH)
        items = attempt.items
        answers = {i.public_id: right_answer(i.snapshot) for i in items[:-1]}
        answers[items[0].public_id] = wrong_answer(items[0].snapshot)
        ordering = next(i for i in items[1:-1] if i.snapshot.type == "ordering")
        key = list(ordering.snapshot.key)
        answers[ordering.public_id] = [key[1], key[0], *key[2:]]  # one pair swapped
        submit_attempt(learner, attempt.id, answers)
        took_four_minutes(attempt.id)
        return attempt.id, {"right": QUIZ_LENGTH - 3, "partly": 1, "wrong": 1, "blank": 1}


@pytest.fixture(scope="module")
def reviewer(browser, base_url, live_app, tmp_path_factory):
    """rosa, signed in (a saved state), with a mixed review and ana's kind of review."""
    path = tmp_path_factory.mktemp("rosa") / "state.json"
    state = saved_state(browser, base_url, path, lambda page: register(page, "rosa"))
    mixed, counts = mixed_review(live_app, "rosa")
    first_wrong, still_open = quizzes_of(live_app, "rosa")
    return state, {"mixed": mixed, "first-wrong": first_wrong, "open": still_open}, counts


def test_the_summary_counts_each_result_and_the_jump_list_leads_to_each_question(
    new_context, reviewer
):
    state, ids, counts = reviewer
    page = new_context(storage_state=state).new_page()
    page.goto(f"/attempts/{ids['mixed']}")
    summary = page.get_by_role("region", name="Summary")
    expect(summary.locator("svg.score-ring")).to_be_visible()
    expect(summary.locator(".score")).to_have_text(re.compile(r"^\d+(\.\d)?%:\s"))
    shown = summary.locator(".counts li")
    expect(shown).to_have_text([f"{counts['right']} right", f"{counts['partly']} partly right",
                                f"{counts['wrong']} wrong", f"{counts['blank']} not answered"])
    expect(summary.locator(".time-taken")).to_have_text("4 min 12 s")

    jump = page.get_by_role("navigation", name="Questions by result")
    links = jump.get_by_role("link")
    expect(links).to_have_count(QUIZ_LENGTH)
    # Not by colour alone: each link says its result in words, and shows an icon.
    expect(links.first).to_have_accessible_name("Question 1: wrong")
    expect(links.last).to_have_accessible_name(f"Question {QUIZ_LENGTH}: not answered")
    expect(jump.get_by_role("link", name=re.compile(r": partly right$"))).to_have_count(1)
    links.last.click()
    expect(page).to_have_url(re.compile(rf"#r-{QUIZ_LENGTH}$"))
    card = page.locator(f"#r-{QUIZ_LENGTH}")
    expect(card).to_be_in_viewport()
    expect(card).to_have_class(re.compile("result-blank"))

    partly = page.locator("article.review.result-partly")
    expect(partly.locator(".points-words")).to_have_text(
        re.compile(r"^\d+ of \d+ pairs in the right order: 0\.\d+ points$"))
    expect(partly.locator(".key .date").first).to_be_visible()  # each item's date, from its fact


def test_the_review_of_ten_questions_is_at_most_half_as_tall_as_before(new_context, reviewer):
    state, ids, _ = reviewer
    page = new_context(1280, HEIGHTS[1280], storage_state=state).new_page()
    page.goto(f"/attempts/{ids['first-wrong']}")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height <= HEIGHT_BEFORE / 2, f"the review is {height} px tall"


def test_practise_what_i_missed_asks_about_the_facts_of_the_missed_questions(
    new_context, reviewer, live_app
):
    state, ids, _ = reviewer
    page = new_context(storage_state=state).new_page()
    page.goto(f"/attempts/{ids['mixed']}")
    with live_app.app_context():
        attempt = db.session.get(Attempt, ids["mixed"])
        missed = {f.id for i in attempt.items if (i.points or 0) < 1 for f in i.snapshot.facts}

    def asked() -> set[str]:
        attempt_id = re.search(r"/practice/([^/?]+)", page.url)[1]
        with live_app.app_context():
            item = db.session.get(Attempt, attempt_id).items[0]
            return {f.id for f in item.snapshot.facts}

    page.get_by_role("button", name="Practise what I missed").click()
    expect(page.get_by_text("Questions on what you missed in")).to_be_visible()
    for _ in range(2):  # the first question, and the next one: both on what was missed
        assert asked() & missed
        page.get_by_role("button", name="Check my answer").click()
        expect(page.locator("#verdict")).to_be_visible()
        page.get_by_role("button", name="Next question").click()
        expect(page.get_by_text("Questions on what you missed in")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_review_and_the_quiz_pass_axe_light_and_dark_and_are_pictured(look, reviewer, width):
    state, ids, _ = reviewer
    for name, attempt in (("review", ids["mixed"]), ("quiz", ids["open"])):
        page = look(f"/attempts/{attempt}", width, "light", state)
        check_page(page, name, width)
        page = look(f"/attempts/{attempt}", width, "dark", state)
        check_dark(page, name)
        check_page(page, f"{name}, dark", width)
        save_screenshot(page, f"{name}-dark", width)
