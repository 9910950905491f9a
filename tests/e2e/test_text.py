"""Reading the text in the browser: from the timeline to a fact's passage and back, and the page
audited with axe at a phone's width and a desktop's, in light and dark mode (screenshots of each).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from quizapp import clock
from quizapp.extensions import db
from quizapp.models import Card, Learner
from tests.e2e.audit import WIDTHS, check_page, save_screenshot
from tests.e2e.conftest import BANK, saved_state
from tests.e2e.steps import register

pytestmark = pytest.mark.e2e

TEXT = f"/study/{BANK}/text"
# cyd's cards: one fact known, one shaky; every other fact is new.
STATES = {"canal": ("review", timedelta(days=5)), "embassy": ("relearning", timedelta(minutes=3))}


def test_a_reader_goes_from_the_timeline_to_the_passage_and_on_to_practice(page: Page):
    register(page)
    page.goto(f"/study/{BANK}")
    page.locator("#fact-canal").get_by_role("link", name=re.compile("^Read it in the text")).click()
    expect(page).to_have_url(re.compile(f"{TEXT}#fact-canal$"))
    passage = page.locator("mark#fact-canal")
    expect(passage).to_have_text("The inauguration of the Panama Canal in 1914")
    expect(passage).to_be_in_viewport()
    note = page.locator("#about-canal")
    expect(note.locator(".state")).to_have_text("New")
    note.get_by_role("link", name=re.compile("^Practise this fact")).click()
    expect(page).to_have_url(re.compile(f"/study/{BANK}/practice\\?fact=canal$"))


@pytest.fixture(scope="module")
def reader(browser, base_url, live_app, tmp_path_factory):
    """cyd, signed in, who knows one fact and is shaky on another: the browser's saved state."""
    path = tmp_path_factory.mktemp("cyd") / "state.json"
    state = saved_state(browser, base_url, path, lambda page: register(page, "cyd"))
    with live_app.app_context():
        cyd = db.session.scalar(select(Learner).filter_by(username="cyd"))
        now = clock.now()
        for fact, (card_state, due) in STATES.items():
            db.session.add(Card(learner_id=cyd.id, bank=BANK, fact_id=fact, fsrs={},
                                due=now + due, state=card_state))
        db.session.commit()
    return state


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_text_passes_axe_and_fits_in_light_and_dark(look, reader, width, scheme):
    # Light from the top; dark at a passage a link led to (marked as the target).
    page = look(TEXT if scheme == "light" else f"{TEXT}#fact-trade-60", width, scheme, reader)
    expect(page.locator("#about-canal .state")).to_have_text("Known")
    expect(page.locator("#about-embassy .state")).to_have_text("Shaky")
    check_page(page, f"text ({scheme})", width)
    save_screenshot(page, "text" if scheme == "light" else "text-dark", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_visitor_reads_the_text_without_states(look, width):
    page = look(TEXT, width)
    expect(page.locator(".cited-fact .state")).to_have_count(0)
    expect(page.locator("mark")).not_to_have_count(0)
    check_page(page, "text (visitor)", width)
