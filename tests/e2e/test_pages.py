"""Every page, at a phone's width and a desktop's: an axe-core audit, the fit, the screenshots.

axe-core comes from the npm registry (tests/e2e/package.json, installed by `make test`) and is
injected into each page by the test: the app itself serves no script it did not write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.attempts import submit_attempt
from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.web import quiz as quiz_views
from tests.e2e.conftest import BANK, QUIZ_LENGTH, TIMEOUT_MS
from tests.e2e.steps import register

pytestmark = pytest.mark.e2e

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
HEIGHTS = {375: 812, 1280: 800}  # an everyday phone, a laptop; projectors are laptops enlarged
SERIOUS = ("serious", "critical")
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
PAGES = ["home", "register", "login", "guest", "quiz", "review", "history", "not-found"]
SIGNED_IN = {"quiz", "review", "history"}
SHOWN_IN_README = ["home", "quiz", "review", "history"]
# Dates change every run: the screenshots show this one, so the committed files stay the same.
SAMPLE_TIME = "2 Mar 2026, 10:15 UTC"


def quizzes_of(app, username: str) -> tuple[str, str]:
    """A submitted quiz (every answer right but the first) and an open one, made directly.

    The browser flow that makes them is tested in test_quiz.py; here they are only looked at.
    """
    with app.app_context():
        learner = db.session.scalar(select(Learner).filter_by(username=username))
        done = quiz_views.start_attempt(learner, BANK, "mixed", QUIZ_LENGTH)
        answers = {item.public_id: right_answer(item.snapshot) for item in done.items}
        answers[done.items[0].public_id] = wrong_answer(done.items[0].snapshot)
        submit_attempt(learner, done.id, answers)
        still_open = quiz_views.start_attempt(learner, BANK, "mixed", QUIZ_LENGTH)
        return done.id, still_open.id


def right_answer(snapshot: dict):
    """The key as an answer: one option id for a choice question, else the list."""
    return snapshot["key"][0] if snapshot["type"] == "choice" else snapshot["key"]


def wrong_answer(snapshot: dict):
    """An answer that is not the key."""
    if snapshot["type"] == "ordering":
        return snapshot["key"][::-1]
    wrong = next(o["id"] for o in snapshot["options"] if o["id"] not in snapshot["key"])
    return wrong if snapshot["type"] == "choice" else [wrong]


@pytest.fixture(scope="module")
def learner(browser, base_url, live_app, tmp_path_factory):
    """ana, signed in, with a quiz submitted and one open: (the browser's state, page urls)."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(TIMEOUT_MS)
    register(context.new_page(), "ana")
    state = tmp_path_factory.mktemp("ana") / "state.json"
    context.storage_state(path=state)
    context.close()
    done, still_open = quizzes_of(live_app, "ana")
    urls = {
        "home": "/", "register": "/register", "login": "/login", "guest": "/guest",
        "quiz": f"/attempts/{still_open}", "review": f"/attempts/{done}", "history": "/history",
        "not-found": "/no-such-page",
    }
    return state, urls


@pytest.fixture(scope="module")
def open_page(browser, base_url, learner):
    """Open a page at a width and colour scheme, signed in if it needs to be.

    One context per width, scheme and sign-in, kept for the module: a context's first page costs
    several times what later ones do, and these pages are only looked at.
    """
    state, urls = learner
    contexts = {}

    def open_(name, width, scheme="light"):
        signed_in = name in SIGNED_IN
        key = (width, scheme, signed_in)
        if key not in contexts:
            contexts[key] = browser.new_context(
                base_url=base_url, viewport={"width": width, "height": HEIGHTS[width]},
                color_scheme=scheme, storage_state=state if signed_in else None,
                # axe is injected as an inline script, which Quipu's CSP rightly blocks; these
                # contexts only look at pages (the quiz tests run with the CSP enforced).
                bypass_csp=True,
            )
            contexts[key].set_default_timeout(TIMEOUT_MS)
            contexts[key].new_page()
        page = contexts[key].pages[0]
        page.goto(urls[name])
        return page

    yield open_
    for context in contexts.values():
        context.close()


def audit(page, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page as it stands (after quiz.js has enhanced it).

    All of axe's rules unless `rules` names some.
    """
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs npm ci --prefix tests/e2e).",
                    pytrace=False)
    page.add_script_tag(path=AXE)
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return page.evaluate("options => axe.run(document, options)", options)["violations"]


def described(violations: list[dict]) -> str:
    """Each violation's id, impact, help and the elements it names, for a failure message."""
    return json.dumps([
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [node["target"] for node in v["nodes"]]}
        for v in violations
    ], indent=2)


@pytest.mark.parametrize("width", sorted(HEIGHTS))
@pytest.mark.parametrize("name", PAGES)
def test_every_page_passes_axe_and_fits_the_width_of_a_phone_and_a_desktop(open_page, name, width):
    page = open_page(name, width)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    violations = audit(page)
    print(f"{name} at {width}px: {described(violations)}")  # shown when the test fails
    serious = [v for v in violations if v["impact"] in SERIOUS]
    assert not serious, f"{name} at {width}px:\n{described(serious)}"
    assert overflow <= 0, f"{name} is {overflow}px wider than a {width}px window"
    if name in SHOWN_IN_README:
        save_screenshot(page, name, width)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_keeps_its_contrast_in_dark_mode(open_page, name):
    page = open_page(name, 1280, scheme="dark")
    violations = audit(page, rules=COLOUR_RULES)  # dark mode changes colours, nothing else
    assert not violations, f"{name}, dark:\n{described(violations)}"


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
    for width in sorted(HEIGHTS):
        page = new_context(width, HEIGHTS[width], storage_state=state).new_page()
        page.goto(urls["quiz"])
        question = page.locator("fieldset[data-type='ordering']").first
        question.locator(".order-item").nth(1).focus()
        for key in ("Space", "ArrowUp", "Space", "Space"):  # moved, dropped, picked up again
            page.keyboard.press(key)
        expect(question.locator(".lifted")).to_have_count(1)
        expect(question.locator(".order-pos").first).to_have_text("1")
        question.evaluate("e => e.scrollIntoView()")
        page.screenshot(path=screenshot_path("ordering", width), animations="disabled")


def save_screenshot(page, name: str, width: int) -> None:
    """What the window shows, with the sample date in place of today's."""
    page.evaluate("t => document.querySelectorAll('time').forEach(e => { e.textContent = t; })",
                  SAMPLE_TIME)
    page.screenshot(path=screenshot_path(name, width), animations="disabled")


def screenshot_path(name: str, width: int) -> Path:
    """Where the README finds a page's screenshot at a width: docs/screenshots/<name>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}-{width}.png"
