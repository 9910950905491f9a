"""Helpers for the page tests: start quizzes, read what was served, read the HTML."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.web.forms import answer_field
from tests.conftest import PASSWORD


class Elements(HTMLParser):
    """Every start tag of a page, as (tag, attributes)."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html, tag=None, **attrs):
    """The page's tags (of one name, with these attribute values), as attribute dicts."""
    return [
        a for t, a in Elements(html).found
        if (tag is None or t == tag) and all(a.get(k) == v for k, v in attrs.items())
    ]


class QuizActions:
    """Start a quiz through the home page and look at what it served."""

    def __init__(self, app, client):
        self._app, self._client = app, client

    def start(self, mode="mixed", length=10, bank="sample"):
        """Start a quiz; the attempt's id."""
        response = self._client.post("/", data={"bank": bank, "mode": mode, "length": length})
        assert response.status_code == 303, response.text
        return response.location.rsplit("/", 1)[1]

    def served(self, attempt_id):
        """[(item id, snapshot)] in the order served."""
        with self._app.app_context():
            attempt = db.session.get(Attempt, attempt_id)
            return [(item.public_id, item.snapshot) for item in attempt.items]

    def stored(self, attempt_id):
        """(score, [answer of each item]) as stored."""
        with self._app.app_context():
            attempt = db.session.get(Attempt, attempt_id)
            return attempt.score, [item.answer for item in attempt.items]

    def right_form(self, attempt_id):
        """The form data of a page answered all right."""
        data = {}
        for item_id, snap in self.served(attempt_id):
            if snap.type == "ordering":
                for position, option in enumerate(list(snap.key), start=1):
                    data[answer_field(item_id, option)] = str(position)
            else:
                data[answer_field(item_id)] = list(snap.key)
        return data


@pytest.fixture
def quiz(app, client):
    """Start quizzes and read them back."""
    return QuizActions(app, client)


@pytest.fixture
def signed_in(auth):
    """A guest learner signed in on the client."""
    auth.guest("Ann")


@pytest.fixture
def folder(app, tmp_path):
    """The app reads a real questions folder, empty at first (uploads write to it)."""
    from quizapp.services import catalog as catalog_module

    questions = tmp_path / "questions"
    questions.mkdir()
    catalog_module.init_app(app, catalog_module.Catalog(
        questions, questions=lambda bank: bank.questions))
    return questions


@pytest.fixture
def as_(app, people):
    """A test client signed in as one of `people` (a fixture of the module that uses this)."""
    def signed_in(username):
        client = app.test_client()
        response = client.post("/login", data={"username": username, "password": PASSWORD})
        assert response.status_code in (302, 303), response.text
        return client
    return signed_in
