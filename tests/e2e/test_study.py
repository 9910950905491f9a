"""Self-study in the browser: the timeline, a practice question's instant feedback, the charts.

Then each self-study page is audited with axe at a phone's width and a desktop's, and in dark mode.
"""

from __future__ import annotations

import random
import re
from datetime import datetime

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select, update

from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.services.attempts import start_attempt, store, submit_attempt
from quizapp.services.catalog import current_catalog
from quizapp.services.rules import PRACTICE
from quizapp.services.study import practice_question, timeline_order
from tests.e2e.audit import HEIGHTS, WIDTHS, check_dark, check_page, save_screenshot
from tests.e2e.conftest import BANK, QUIZ_LENGTH, saved_state
from tests.e2e.steps import pick, register, right_answer, served, wrong_answer

pytestmark = pytest.mark.e2e

PAGES = ["timeline", "practice-question", "practice-feedback", "progress", "home-student"]
SHOWN_IN_README = {"timeline", "practice-feedback", "progress", "home-student"}
MIN_CHART_TYPE = 12  # px, as rendered on a 375 px phone
# bea's quizzes, on fixed days so the chart's labels (and the screenshots) stay the same.
QUIZZES = [(datetime(2026, 3, 2, 9), 4), (datetime(2026, 3, 4, 9), 6),
           (datetime(2026, 3, 6, 9), 5), (datetime(2026, 3, 9, 9), 8)]  # (started, right)
FACT = "canal"  # the fact practised


def answer_practice(page: Page, snapshot: dict) -> None:
    """Answer a practice question right; it has no script, so an order is given by its pickers."""
    if snapshot.type == "ordering":
        for position, option in enumerate(list(snapshot.key), start=1):
            page.locator(f"#p-{option}").select_option(str(position))
    else:
        pick(page, list(snapshot.key))


def submitted_quiz(learner: Learner, seed: int, right: int) -> Attempt:
    """A mixed quiz on the bank, answered right on its first `right` questions only."""
    quiz = start_attempt(learner, BANK, "mixed", QUIZ_LENGTH, seed=seed)
    answers = {item.public_id: (right_answer if n < right else wrong_answer)(item.snapshot)
               for n, item in enumerate(quiz.items)}
    return submit_attempt(learner, quiz.id, answers)


def test_a_student_reads_the_timeline_practises_a_fact_and_sees_the_charts(page, live_app):
    blocked = []  # what the Content-Security-Policy stopped: nothing of Quipu's own may be
    page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    with live_app.app_context():
        dated, _ = timeline_order(current_catalog().get(BANK))
    username = register(page)
    page.get_by_role("link", name=re.compile("^Read the timeline")).first.click()
    facts = page.locator("ol.timeline > li.fact")
    expect(facts).to_have_count(len(dated))  # every dated fact, in the order they happened
    expect(facts.first.locator(".text")).to_have_text(dated[0].text)
    canal = page.locator(f"#fact-{FACT}")
    expect(canal.locator(".knowledge")).to_have_text("Never seen")

    canal.get_by_role("link", name=re.compile("^Practise this")).click()
    expect(page.locator("blockquote.fact-quote")).to_contain_text("Panama Canal")
    page.get_by_role("button", name="Start practising").click()
    attempt_id = re.search(r"/practice/([^/?]+)", page.url)[1]
    [(_, snapshot)] = served(live_app, attempt_id)
    answer_practice(page, snapshot)
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator("#verdict")).to_have_text("Right")  # at once, on the next page
    expect(page.locator(".feedback .points")).to_have_text("1 of 1 point")
    expect(page.locator(f".feedback a[href='/study/{BANK}#fact-{FACT}']")).to_be_visible()
    expect(page.locator(f".feedback a[href='/study/{BANK}/text#fact-{FACT}']")).to_be_visible()
    page.get_by_role("link", name="Back to the timeline").click()
    expect(canal.locator(".knowledge")).not_to_have_text("Never seen")

    with live_app.app_context():  # a quiz for the line chart; test_quiz.py takes one in full
        submitted_quiz(db.session.scalar(select(Learner).filter_by(username=username)), 1, 7)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    line = page.get_by_role("img", name="Percent scored in each quiz, oldest to newest")
    expect(line.locator("circle.point")).to_have_count(1)
    known = page.locator(".knowledge-counts")
    expect(known).to_have_count(1)
    expect(page.locator(".fact-row", has_text="The Panama Canal opens")).to_have_count(1)
    assert blocked == []


@pytest.fixture(scope="module")
def studier(browser, base_url, live_app, tmp_path_factory):
    """bea, signed in, with quizzes on four days, a practice answered and one open: (state, urls).

    Made directly, with fixed seeds, so the screenshots stay the same from one run to the next.
    """
    path = tmp_path_factory.mktemp("bea") / "state.json"
    state = saved_state(browser, base_url, path, lambda page: register(page, "bea"))
    with live_app.app_context():
        bea = db.session.scalar(select(Learner).filter_by(username="bea"))
        for seed, (started, right) in enumerate(QUIZZES):
            quiz = submitted_quiz(bea, seed, right)
            db.session.execute(update(Attempt).where(Attempt.id == quiz.id).values(started=started))
        db.session.commit()
        bank = current_catalog().get(BANK)

        def practice(seed: int) -> Attempt:
            question = practice_question(current_catalog().pool(BANK), FACT, [],
                                         random.Random(seed), frozenset())
            return store(bea, bank, PRACTICE, seed, question)

        answered = practice(0)
        submit_attempt(bea, answered.id, {answered.items[0].public_id:
                                          wrong_answer(answered.items[0].snapshot)})
        still_open = practice(1)
        start_attempt(bea, BANK, "mixed", QUIZ_LENGTH, seed=99)  # for the home page to continue
    urls = {
        "timeline": f"/study/{BANK}",
        "practice-question": f"/study/{BANK}/practice/{still_open.id}",
        "practice-feedback": f"/study/{BANK}/practice/{answered.id}",
        "progress": "/progress",
        "home-student": "/",
    }
    return state, urls


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_every_study_page_passes_axe_and_fits_a_phone_and_a_desktop(look, studier, name, width):
    state, urls = studier
    page = look(urls[name], width, state=state)
    check_page(page, name, width)
    if name in SHOWN_IN_README:
        save_screenshot(page, name, width)


@pytest.mark.parametrize("name", PAGES)
def test_every_study_page_keeps_its_contrast_in_dark_mode(look, studier, name):
    state, urls = studier
    check_dark(look(urls[name], 1280, "dark", state), name)


def test_the_charts_type_is_at_least_12_px_on_a_phone(look, studier):
    state, urls = studier
    page = look(urls["progress"], 375, state=state)
    sizes = page.evaluate("""() => [...document.querySelectorAll('svg text')].map(
        t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)""")
    assert len(sizes) >= 8  # the ticks, the dates and the axis title
    assert min(sizes) >= MIN_CHART_TYPE, f"chart text as small as {min(sizes):.1f} px"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_student_sees_what_to_do_next_first_on_the_home_page(look, studier, width):
    state, urls = studier
    page = look(urls["home-student"], width, state=state)
    panel = page.get_by_role("region", name="What to do next")
    expect(panel).to_be_visible()
    assert panel.bounding_box()["y"] < page.locator("#start-heading").bounding_box()["y"]
    assert panel.bounding_box()["y"] < HEIGHTS[width] / 2  # at the top, in sight at once
    expect(panel.locator(".streak")).to_have_text("1 day in a row")
    expect(panel.get_by_role("link", name=re.compile("^Continue your quiz"))).to_have_count(1)
    expect(panel.locator(".goal-words")).to_contain_text(re.compile(r"facts today: goal of 10 reached$"))
    panel.get_by_role("link", name=re.compile("^Your progress")).click()
    expect(page.get_by_role("heading", name="Your streak and daily goal")).to_be_visible()


def test_a_student_changes_their_daily_goal_without_javascript(new_context, studier):
    state, urls = studier
    page = new_context(storage_state=state, java_script_enabled=False).new_page()
    page.goto(urls["progress"])
    page.get_by_label("Facts a day").fill("12")
    page.get_by_role("button", name="Set my goal").click()
    expect(page.locator(".flash")).to_have_text("Your daily goal is now 12 facts a day.")
    page.get_by_label("Facts a day").fill("10")
    page.get_by_role("button", name="Set my goal").click()
    expect(page.get_by_label("Facts a day")).to_have_value("10")
