"""End-to-end fixtures: Quipu served on a free port, and one headless Chromium for the session.

The browser is Debian's `chromium` (`make test` installs it), driven by Playwright through
`executable_path`: Playwright's own browser download is never used. The app runs as in production
(CSRF on, a generated secret key, the shipped question bank), on a fresh SQLite file and a copy of
the questions folder, so that files uploaded by the tests never land in the repository.
"""

from __future__ import annotations

import functools
import random
import shutil
import threading
from collections import Counter
from pathlib import Path

import pytest
from flask_migrate import upgrade
from playwright.sync_api import sync_playwright
from werkzeug.serving import WSGIRequestHandler, make_server

from quizapp import create_app
from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.quiz.build import build_quiz
from quizapp.services.attempts import start_attempt
from quizapp.services.catalog import current_catalog
from quizapp.web import quiz as quiz_views
from tests.e2e.audit import HEIGHTS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
BANK = "peru-us-relations"
QUIZ_LENGTH = 10  # what the home page offers unless told otherwise
TIMEOUT_MS = 5000  # a page of this app answers in milliseconds: fail fast, not after 30 s


class QuietHandler(WSGIRequestHandler):
    """Werkzeug's request handler without a log line per request."""

    def log_request(self, *args, **kwargs):
        pass


def seed_with_every_type(app) -> int:
    """The first seed whose mixed quiz holds choice and multiple questions and two orderings.

    Multiple-answer questions are rare in the bank, so a random quiz often has none: the server
    is pinned to this seed, and the browser still starts the quiz through the home page.
    """
    with app.app_context():
        pool = current_catalog().pool(BANK)
        for seed in range(10_000):
            quiz = build_quiz(pool, "mixed", QUIZ_LENGTH, random.Random(seed))
            kinds = Counter(item.question.type for item in quiz)
            if kinds["choice"] and kinds["multiple"] and kinds["ordering"] >= 2:
                return seed
    pytest.fail(f"No mixed quiz of {QUIZ_LENGTH} from {BANK} has every type of question.")


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The app as production runs it, on a fresh database, serving quizzes from one seed."""
    tmp = tmp_path_factory.mktemp("e2e")
    questions = shutil.copytree(PROJECT_ROOT / "questions", tmp / "questions")
    app = create_app({
        "INSTANCE_PATH": str(tmp / "instance"),
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'e2e.sqlite'}",
        "QUESTIONS_DIR": str(questions),
    })
    with app.app_context():
        upgrade()  # as `make run` does
    pinned = functools.partial(start_attempt, seed=seed_with_every_type(app))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quiz_views, "start_attempt", pinned)
        yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def base_url(live_app):
    """The address of the app, served from a thread of this process on a free port."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session: starting one costs more than most tests."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium. "
            "`make test` installs it (apt-get install -y chromium).", pytrace=False,
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, base_url):
    """Make browser contexts (a fresh profile each) on the app; all closed after the test."""
    made = []

    def make(width=1280, height=800, **options):
        context = browser.new_context(
            base_url=base_url, viewport={"width": width, "height": height}, **options
        )
        context.set_default_timeout(TIMEOUT_MS)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture(scope="session")
def look(browser, base_url):
    """Open a page to look at, at a width and colour scheme, signed in (a saved state) or not.

    `where` is a path, or a function that takes the page there (to see the answer to a post).
    One context a person, kept for the session and resized between looks: a context's first page
    costs several times what later ones do, and these pages are only looked at. axe is injected as
    an inline script, which Quipu's CSP rightly blocks, so these contexts bypass the CSP; the tests
    that use the pages run with it enforced.
    """
    pages = {}

    def open_(where, width, scheme="light", state=None):
        if state not in pages:
            context = browser.new_context(base_url=base_url, storage_state=state, bypass_csp=True)
            context.set_default_timeout(TIMEOUT_MS)
            pages[state] = context.new_page()
        page = pages[state]
        page.set_viewport_size({"width": width, "height": HEIGHTS[width]})
        page.emulate_media(color_scheme=scheme)
        if callable(where):
            where(page)
        else:
            page.goto(where)
        return page

    yield open_
    for page in pages.values():
        page.context.close()


def saved_state(browser, base_url, path: Path, sign_in) -> Path:
    """Sign someone in (`sign_in(page)`) in a context of their own, and keep its state in `path`."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(TIMEOUT_MS)
    sign_in(context.new_page())
    context.storage_state(path=path)
    context.close()
    return path


@pytest.fixture
def page(new_context):
    """A page in a fresh desktop-sized context."""
    return new_context().new_page()


@pytest.fixture(scope="module", autouse=True)
def quizzes_closed_after_each_module(live_app):
    """Every assigned quiz a module set is closed when it ends: the browser tests share one app,
    and an open quiz on the shipped bank pauses its self-study for the modules after (by design:
    for guests and accounts in no class too)."""
    yield
    from sqlalchemy import or_, update

    from quizapp.models import Assignment, utcnow

    with live_app.app_context():
        now = utcnow()
        db.session.execute(update(Assignment)
                           .where(or_(Assignment.closes.is_(None), Assignment.closes > now))
                           .values(closes=now))
        db.session.commit()
