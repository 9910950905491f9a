"""Ordering questions in the browser: keyboard, buttons, a finger, and no JavaScript at all."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Attempt
from tests.e2e.steps import (
    expect_positions,
    index_of,
    item_of,
    order_items,
    register,
    served,
    start_quiz,
    submit,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def ordering(page, live_app):
    """A signed-in page on an ordering quiz: (page, first item id, its snapshot)."""
    register(page)
    item_id, snap = served(live_app, start_quiz(page, "ordering"))[0]
    return page, item_id, snap


def texts(page, item_id) -> list[str]:
    return order_items(page, item_id).evaluate_all("items => items.map(i => i.dataset.text)")


def test_a_keyboard_move_is_announced_in_the_live_region(ordering):
    page, item_id, snap = ordering
    n, first = len(snap.options), snap.options[0]
    live = page.locator(f"#q-{item_id} [aria-live]")

    order_items(page, item_id).first.focus()
    page.keyboard.press("Space")
    expect(live).to_contain_text(f"{first.text} picked up, position 1 of {n}")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(live).to_have_text(f"{first.text} moved to position 3 of {n}")
    page.keyboard.press("Space")
    expect(live).to_have_text(f"{first.text} dropped at position 3 of {n}")
    expect(page.locator(f"#p-{first.id}")).to_have_value("3")


def test_escape_puts_a_picked_up_item_back_and_leaves_the_question_unanswered(ordering):
    page, item_id, snap = ordering
    shown = texts(page, item_id)
    item = order_items(page, item_id).nth(1)

    item.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowUp")
    assert texts(page, item_id)[0] == shown[1]
    page.keyboard.press("Escape")

    assert texts(page, item_id) == shown
    expect(item).to_be_focused()
    expect(page.locator(f"#q-{item_id} [aria-live]")).to_contain_text("Move cancelled")
    expect(page.locator(f"#q-{item_id} select").first).to_have_value("")
    expect(page.locator("#progress")).to_contain_text("Answered 0 of")


def test_the_move_buttons_name_their_item_and_give_the_order(ordering):
    page, item_id, snap = ordering
    second = snap.options[1]

    page.locator(f"#q-{item_id}").get_by_role("button", name=f"Move up: {second.text}", exact=True).click()

    assert texts(page, item_id)[0] == second.text
    expect(page.locator(f"#q-{item_id} [aria-live]")).to_have_text(
        f"{second.text} moved to position 1 of {len(snap.options)}"
    )
    expect_positions(page, [second.id, snap.options[0].id])
    expect(page.locator("#progress")).to_contain_text("Answered 1 of")


def test_the_ends_disable_their_move_button_and_the_keyboard_says_the_item_is_there(ordering):
    page, item_id, snap = ordering
    first, last = snap.options[0], snap.options[-1]
    live = page.locator(f"#q-{item_id} [aria-live]")
    up = page.locator(f"#q-{item_id}").get_by_role("button", name=f"Move up: {first.text}", exact=True)
    down = page.locator(f"#q-{item_id}").get_by_role("button", name=f"Move down: {last.text}", exact=True)
    expect(up).to_be_disabled()
    expect(down).to_be_disabled()
    expect(page.locator(f"#q-{item_id}").get_by_role("button", name=f"Move down: {first.text}", exact=True)).to_be_enabled()

    order_items(page, item_id).first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowUp")
    expect(live).to_have_text(f"{first.text} is already first")
    page.keyboard.press("Escape")
    assert texts(page, item_id) == [o.text for o in snap.options]

    # Moved to the top by its button, an item's Move up is disabled and the focus goes to Move down.
    second = snap.options[1]
    page.locator(f"#q-{item_id}").get_by_role("button", name=f"Move up: {second.text}", exact=True).click()
    expect(page.locator(f"#q-{item_id}").get_by_role("button", name=f"Move up: {second.text}", exact=True)).to_be_disabled()
    expect(page.locator(f"#q-{item_id}").get_by_role("button", name=f"Move down: {second.text}", exact=True)).to_be_focused()


def test_an_untouched_order_is_numbered_and_keep_this_order_answers_it_as_shown(ordering, live_app):
    page, item_id, snap = ordering
    attempt_id = page.url.rsplit("/", 1)[1]
    numbers = page.locator(f"#q-{item_id} .order-pos")
    expect(numbers).to_have_text([str(n) for n in range(1, len(snap.options) + 1)])
    progress = page.locator("#progress")
    expect(progress).to_contain_text("Answered 0 of 10")
    keep = page.locator(f"#q-{item_id}").get_by_label("Keep this order")
    keep.check()
    expect(progress).to_contain_text("Answered 1 of 10")
    keep.uncheck()  # unticked: unanswered again
    expect(progress).to_contain_text("Answered 0 of 10")
    keep.check()
    page.get_by_role("button", name="Submit my answers").click()
    submit(page, "Submit anyway")
    with live_app.app_context():
        answer = db.session.get(Attempt, attempt_id).items[0].answer
    assert answer == [o.id for o in snap.options]


def test_without_javascript_keep_this_order_answers_it_as_shown(new_context, live_app):
    page = new_context(java_script_enabled=False).new_page()
    register(page)
    attempt_id = start_quiz(page, "ordering")
    item_id, snap = served(live_app, attempt_id)[0]
    question = page.locator(f"#q-{item_id}")
    expect(question.locator(".order-pos")).to_have_text(
        [str(n) for n in range(1, len(snap.options) + 1)])
    expect(question.locator("details.how")).not_to_have_attribute("open", "")
    question.get_by_label("Keep this order").check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("9 of 10 unanswered: submit anyway?")
    submit(page, "Submit anyway")
    expect(page.locator("#r-1 .verdict")).not_to_contain_text("Not answered")
    with live_app.app_context():
        assert db.session.get(Attempt, attempt_id).items[0].answer == [o.id for o in snap.options]


def touch_drag(page, handle, to_y) -> None:
    """Drag with one finger, from the middle of a handle up or down to a height in the window."""
    cdp = page.context.new_cdp_session(page)  # Playwright has taps but no touch drags
    x, y = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2

    def finger(kind, at_y):
        points = [] if kind == "touchEnd" else [{"x": x, "y": at_y}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    finger("touchStart", y)
    for step in range(1, 9):
        finger("touchMove", y + (to_y - y) * step / 8)
    finger("touchEnd", to_y)


def test_a_finger_drags_an_item_by_its_handle(new_context, live_app):
    page = new_context(375, 812, has_touch=True, is_mobile=True).new_page()
    register(page)
    item_id, snap = served(live_app, start_quiz(page, "ordering"))[0]
    last_option = snap.options[-1].id
    last = item_of(page, item_id, last_option)
    above = order_items(page, item_id).nth(len(snap.options) - 2)
    last.scroll_into_view_if_needed()  # the finger lands on what the screen shows: both items
    above.scroll_into_view_if_needed()
    target = above.bounding_box()

    touch_drag(page, last.locator(".grip").bounding_box(), target["y"] + target["height"] / 4)

    assert index_of(last) == len(snap.options) - 2
    expect(page.locator(f"#p-{last_option}")).to_have_value(str(len(snap.options) - 1))


def test_without_javascript_the_position_pickers_submit_an_order(new_context, live_app):
    page = new_context(java_script_enabled=False).new_page()
    register(page)
    attempt_id = start_quiz(page, "ordering")
    item_id, snap = served(live_app, attempt_id)[0]
    expect(page.locator(f"#q-{item_id} .grip")).to_have_count(0)

    for position, option in enumerate(list(snap.key), start=1):
        page.locator(f"#p-{option}").select_option(str(position))
    page.get_by_role("button", name="Submit my answers").click()
    # Without JavaScript the other nine questions, unanswered, are confirmed on a page of its own.
    expect(page.get_by_role("heading", level=1)).to_have_text("9 of 10 unanswered: submit anyway?")
    expect(page.get_by_role("link", name="Back to the quiz")).to_be_visible()
    submit(page, "Submit anyway")

    expect(page.locator("article.review").first).to_contain_text("1 of 1 point")
    with live_app.app_context():
        assert db.session.get(Attempt, attempt_id).items[0].answer == list(snap.key)


def test_the_instructions_fit_one_line_on_a_phone_with_more_behind_a_disclosure(
    new_context, live_app
):
    page = new_context(375, 812).new_page()
    register(page)
    item_id, _ = served(live_app, start_quiz(page, "ordering"))[0]
    hint = page.locator(f"#hint-{item_id}")
    box, size = hint.bounding_box(), hint.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert box["height"] < 2 * size * 1.2, f"the hint is {box['height']} px tall: over one line"
    how = page.locator(f"#q-{item_id} details.how")
    expect(how.locator("p")).not_to_be_visible()
    how.locator("summary").click()
    expect(how.locator("p")).to_contain_text("Space to pick it up")
