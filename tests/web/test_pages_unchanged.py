"""The pages' HTML, byte for byte, against a stored copy: a refactoring must not change a page.

A tour signs in as a student and a teacher and draws every kind of page with the randomness made
predictable (ids and seeds come from counters, the clock stands still). The HTML it gets is
compared with tests/data/pages/*.html. A change to a page that is meant is stored again with
`QUIZAPP_STORE_PAGES=1 .venv/bin/python -m pytest tests/web/test_pages_unchanged.py`, and the
diff of those files shows what changed for the reviewer.
"""

from __future__ import annotations

import itertools
import os
import re
import secrets
import sys
import types
from pathlib import Path

import pytest

from quizapp.services import accounts, attempts
from quizapp.web import quiz as quiz_views
from tests.web.teacher_helpers import make_class, sign_in_teacher

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
STORE = os.environ.get("QUIZAPP_STORE_PAGES") == "1"


@pytest.fixture
def predictable(monkeypatch):
    """Every id, code and seed from a counter, so two runs draw the same pages."""
    accounts._dummy_hash()  # made once a process, by whichever test signs in first: not counted
    count = itertools.count(1)
    fake = types.SimpleNamespace(
        token_hex=lambda n=8: f"{next(count):0{2 * n}x}",
        token_urlsafe=lambda n=8: f"id{next(count):06d}",
        randbelow=lambda n: next(count) % n,
        choice=lambda seq: seq[next(count) % len(seq)],
    )
    for name, module in list(sys.modules.items()):  # each of Quipu's modules that draws ids
        if name.startswith("quizapp") and getattr(module, "secrets", None) is secrets:
            monkeypatch.setattr(module, "secrets", fake)
    # The browser tests pin the home page's quizzes to one seed for the whole session.
    monkeypatch.setattr(quiz_views, "start_attempt", attempts.start_attempt)



CSRF = re.compile(r'(name="csrf_token" value=|name="csrf-token" content=)"[^"]*"')


def tour(client, auth, clock, tmp_path) -> dict[str, str]:
    """Every kind of page, by name, as a student, then as a teacher."""
    pages: dict[str, str] = {}

    def get(name: str, url: str, status: int = 200) -> str:
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code)
        # A new CSRF token every session, a new folder every run.
        pages[name] = CSRF.sub(r'\1"CSRF"', response.text).replace(str(tmp_path), "TMP")
        return response.text

    get("login", "/login")
    get("register", "/register")
    get("guest", "/guest")
    auth.create("stu")
    auth.login("stu")
    get("home", "/")
    started = client.post("/", data={"bank": "sample", "mode": "mixed", "length": 10})
    assert started.status_code in (302, 303), started.text
    quiz_url = started.location
    page = get("quiz", quiz_url)
    # Answer every question with its first option(s): the review then shows a mix of results.
    answers = {}
    for name, values in re.findall(r'name="([^"]+)"[^>]*value="([^"]+)"', page):
        if name.startswith(("csrf", "action", "confirm", "next", "language")):  # the header's
            continue
        answers.setdefault(name, values)
    clock.advance(minutes=3)
    asked = client.post(quiz_url, data=dict(list(answers.items())[:1]))  # the rest unanswered
    pages["confirm"] = CSRF.sub(r'\1"CSRF"', asked.text)
    submitted = client.post(quiz_url, data=answers | {"confirm": "1"})
    assert submitted.status_code in (302, 303), submitted.text
    get("review", quiz_url)
    get("history", "/history")
    get("timeline", "/study/sample")
    get("text", "/study/sample/text")
    get("practice-start", "/study/sample/practice")
    practice = client.post("/study/sample/practice", data={})
    assert practice.status_code in (302, 303), practice.text
    get("practice", practice.location)
    get("progress", "/progress")
    auth.logout()

    sign_in_teacher(auth)
    get("teacher-banks", "/teacher/")
    get("teacher-bank", "/teacher/banks/sample")
    get("teacher-upload", "/teacher/upload")
    get("teacher-draft", "/teacher/banks/draft")
    get("teacher-assignments-no-class", "/teacher/assignments")
    get("teacher-classes-none", "/teacher/classes")
    auth.create("stu2")
    class_id = make_class(client, "7B History", members=["stu", "stu2"])
    get("teacher-classes", "/teacher/classes")
    get("teacher-class", f"/teacher/classes/{class_id}")
    get("teacher-assignments", "/teacher/assignments")
    set_quiz = client.post("/teacher/assignments", data={
        "title": "Week 3", "bank": "sample", "mode": "mixed", "length": 4, "classes": class_id,
        "opens": "2026-03-01T08:00", "closes": "2026-03-09T08:00", "max_attempts": 2,
        "time_limit": 15, "review_after_submit": "marks", "review_after_close": "all"})
    assert set_quiz.status_code == 303, set_quiz.text
    code = set_quiz.location.rsplit("/", 1)[1]
    get("teacher-assignment", f"/teacher/assignments/{code}")
    get("teacher-results", "/teacher/results")
    get("teacher-results-bank", "/teacher/results?bank=sample")
    get("teacher-analysis", "/teacher/banks/sample/analysis")
    get("teacher-assignment-analysis", f"/teacher/assignments/{code}/analysis")
    attempt_id = quiz_url.rsplit("/", 1)[1]
    learner = re.search(r'href="/teacher/learners/(\d+)', pages["teacher-results-bank"])
    assert learner, "the results list the student"
    get("teacher-learner", f"/teacher/learners/{learner.group(1)}")
    get("teacher-attempt", f"/teacher/attempts/{attempt_id}")
    auth.logout()

    auth.login("stu2")
    get("student-classes", "/classes/")
    get("join", "/join", 400)  # no code typed: the form again
    get("join-code", f"/join/{code}")
    joined = client.post(f"/join/{code}")
    assert joined.status_code in (302, 303), joined.text
    get("assigned-quiz", joined.location)
    auth.logout()
    auth.create("stu3")  # in no class
    auth.login("stu3")
    get("assigned-quiz-not-in-class", f"/join/{code}", 403)
    get("not-found", "/join/ZZZZZZ", 404)
    get("someone-elses-attempt", quiz_url, 404)
    # "Week 3" is open (set for no class): self-study on its bank is paused for students.
    get("home-paused", "/")
    get("timeline-paused", "/study/sample", 403)
    return pages


def test_every_page_is_drawn_as_stored(client, auth, clock, predictable, tmp_path):
    pages = tour(client, auth, clock, tmp_path)
    if STORE:
        PAGES.mkdir(parents=True, exist_ok=True)
        for name, html in pages.items():
            (PAGES / f"{name}.html").write_bytes(html.encode())
    changed = [name for name, html in pages.items()  # as bytes: a textarea starts with \r\n
               if (PAGES / f"{name}.html").read_bytes().decode() != html]
    assert not changed, f"these pages differ from tests/data/pages: {changed}"
    assert sorted(p.stem for p in PAGES.glob("*.html")) == sorted(pages)

