"""A student's whole visit in a real browser: register, take a mixed quiz, review, history."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.steps import (
    answer_all_right,
    pick,
    register,
    served,
    start_quiz,
    submit,
)

pytestmark = pytest.mark.e2e


def test_a_student_registers_answers_every_kind_of_question_and_sees_it_in_history(
    page, live_app
):
    blocked = []  # what the Content-Security-Policy stopped: nothing of Quipu's own may be
    page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    register(page)
    attempt_id = start_quiz(page, "mixed")
    items = served(live_app, attempt_id)
    kinds = [snap.type for _, snap in items]
    assert {"choice", "multiple"} <= set(kinds) and kinds.count("ordering") >= 2
    expect(page.locator("#progress")).to_have_text(f"Answered 0 of {len(items)}")

    answer_all_right(page, items)
    submit(page)

    n = len(items)
    expect(page.locator(".score")).to_have_text(re.compile(rf"100%:\s+{n} of {n} points"))
    expect(page.locator("article.review")).to_have_count(len(items))
    expect(page.locator("article.review.result-right")).to_have_count(len(items))
    page.get_by_role("navigation").get_by_role("link", name="History").click()
    rows = page.locator("table.history tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("100%")
    assert blocked == []


def test_leaving_a_quiz_with_an_answer_asks_first_but_submitting_does_not(page, live_app):
    register(page)
    attempt_id = start_quiz(page, "mixed")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    history = page.get_by_role("navigation").get_by_role("link", name="History")

    history.click()  # nothing answered yet: nothing to lose
    page.wait_for_url("**/history")
    page.go_back()
    item_id, snap = next((i, s) for i, s in served(live_app, attempt_id) if s.type == "choice")
    pick(page, list(snap.key))
    history.click()
    expect(page.locator("#progress")).to_have_text("Answered 1 of 10")  # still on the quiz
    assert asked == ["beforeunload"] and page.url.endswith(attempt_id)

    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_role("button", name="Submit anyway").click()  # 9 of 10 unanswered: confirmed
    expect(page.get_by_role("heading", level=1)).to_have_text("Your results")
    assert asked == ["beforeunload"]
