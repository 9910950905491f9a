"""What a student does in the browser, step by step, and what the server served them."""

from __future__ import annotations

import itertools

from playwright.sync_api import Locator, Page, expect

from quizapp.extensions import db
from quizapp.models import Attempt

PASSWORD = "correct horse battery"
MODES = {
    "mixed": "Mixed: choice and ordering questions",
    "ordering": "Ordering questions only",
}
_names = itertools.count(1)


def new_username(stem: str = "student") -> str:
    """A username no other test of the session has taken."""
    return f"{stem}{next(_names)}"


def register(page: Page, username: str | None = None) -> str:
    """Register through the page (and so get signed in); the username."""
    username = username or new_username()
    page.goto("/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_text(f"Welcome, {username}.")).to_be_visible()
    return username


def sign_in(page: Page, username: str) -> None:
    """Sign in through the page with the tests' password."""
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_text(f"Signed in as {username}.")).to_be_visible()


def start_quiz(page: Page, mode: str = "mixed") -> str:
    """Start a quiz from the home page; the attempt's id."""
    page.goto("/")
    page.get_by_label(MODES[mode]).check()
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url("**/attempts/*")
    return page.url.rsplit("/", 1)[1]


def served(app, attempt_id: str) -> list[tuple[str, dict]]:
    """[(item id, snapshot)] of an attempt, in the order served, read from the database."""
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        return [(item.public_id, item.snapshot) for item in attempt.items]


def pick(page: Page, options: list[str]) -> None:
    """Tick these options (radio buttons or checkboxes) by clicking their labels."""
    for option in options:
        page.locator(f"label[for='o-{option}']").click()


def order_items(page: Page, item_id: str) -> Locator:
    """The items of an ordering question, as shown."""
    return page.locator(f"#q-{item_id} .order-item")


def item_of(page: Page, item_id: str, option: str) -> Locator:
    """The list item of one option of an ordering question."""
    return page.locator(f"#q-{item_id} .order-item:has(#p-{option})")


def index_of(item: Locator) -> int:
    """Where an item sits in its list, from 0."""
    return item.evaluate("e => Array.prototype.indexOf.call(e.parentElement.children, e)")


def drag(page: Page, item: Locator, onto: Locator) -> None:
    """Drag an item with the mouse onto the upper part of another, so it lands in that place."""
    start, end = item.bounding_box(), onto.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 4, steps=8)
    page.mouse.up()


def order_by_drag(page: Page, item_id: str, key: list[str]) -> None:
    """Put the items in the key's order with the mouse: each item in turn dragged up into place."""
    page.locator(f"#q-{item_id}").scroll_into_view_if_needed()
    for place, option in enumerate(key):
        item = item_of(page, item_id, option)
        if index_of(item) != place:
            drag(page, item, order_items(page, item_id).nth(place))
        assert index_of(item) == place


def order_by_keys(page: Page, item_id: str, key: list[str]) -> None:
    """Put the items in the key's order with the keyboard: Space, arrows up, Space."""
    for place, option in enumerate(key):
        item = item_of(page, item_id, option)
        moves = index_of(item) - place
        if moves:
            item.focus()
            page.keyboard.press("Space")
            for _ in range(moves):
                page.keyboard.press("ArrowUp")
            page.keyboard.press("Space")
        assert index_of(item) == place


def expect_positions(page: Page, key: list[str]) -> None:
    """The position pickers, hidden or not, hold the key's order: what the form will post."""
    for position, option in enumerate(key, start=1):
        expect(page.locator(f"#p-{option}")).to_have_value(str(position))


def answer_all_right(page: Page, items: list[tuple[str, dict]]) -> None:
    """Answer every question right: the first ordering by drag, the others by the keyboard."""
    progress = page.locator("#progress")
    ordering_ways = [order_by_drag]
    for answered, (item_id, snap) in enumerate(items, start=1):
        if snap.type == "ordering":
            way = ordering_ways.pop() if ordering_ways else order_by_keys
            way(page, item_id, list(snap.key))
            expect_positions(page, list(snap.key))
        else:
            pick(page, list(snap.key))
        expect(progress).to_have_text(f"Answered {answered} of {len(items)}")


def submit(page: Page, button: str = "Submit my answers") -> None:
    """Submit the quiz (with this button) and wait for the review."""
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your results")


def right_answer(snapshot: dict):
    """The key as an answer: one option id for a choice question, else the list."""
    return list(snapshot.key)[0] if snapshot.type == "choice" else list(snapshot.key)


def wrong_answer(snapshot: dict):
    """An answer that is not the key."""
    if snapshot.type == "ordering":
        return list(snapshot.key)[::-1]
    wrong = next(o.id for o in snapshot.options if o.id not in list(snapshot.key))
    return wrong if snapshot.type == "choice" else [wrong]
