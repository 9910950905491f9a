"""Shared fixtures: an app with a fresh database and instance folder per test."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from quizapp import catalog, create_app
from quizapp.extensions import db
from tests.sample_bank import load_sample


@pytest.fixture
def app(tmp_path):
    """An app on a fresh SQLite file, with CSRF off (tests that check CSRF turn it on)."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite'}",
            "WTF_CSRF_ENABLED": False,
        }
    )
    # Written questions only, so tests can count on exactly what a quiz holds.
    written = catalog.Catalog(
        tmp_path / "questions", load=load_sample, questions=lambda bank: bank.questions
    )
    catalog.init_app(app, written)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner."""
    return app.test_cli_runner()


PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def password_hash():
    """One hash of PASSWORD for the whole run: hashing is slow on purpose, so not once a test.

    A hash names its own method, and checking it costs what making it did: a light pbkdf2 keeps
    every sign-in in the tests fast, while the app itself still hashes new passwords with scrypt.
    """
    from werkzeug.security import generate_password_hash

    return generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")


class AuthActions:
    """Accounts made directly, and signing in, out and up through the pages."""

    def __init__(self, app, client, password_hash):
        self._app, self._client, self._hash = app, client, password_hash

    def create(self, username="alice", role="student"):
        """An account with PASSWORD, stored directly (registering would hash it again)."""
        from quizapp.models import Learner

        with self._app.app_context():
            learner = Learner(username=username, display_name=username, role=role,
                              password_hash=self._hash)
            db.session.add(learner)
            db.session.commit()
            return learner.id

    def login(self, username="alice", password=PASSWORD, next=None):
        """Sign in through the login page."""
        data = {"username": username, "password": password, "next": next or ""}
        return self._client.post("/login", data=data)

    def guest(self, name="Guest"):
        """Start as a guest."""
        return self._client.post("/guest", data={"display_name": name})

    def logout(self):
        """Sign out."""
        return self._client.post("/logout")


@pytest.fixture
def auth(app, client, password_hash):
    """Sign learners up, in and out."""
    return AuthActions(app, client, password_hash)


class Clock:
    """The app's clock, moved by hand: scheduling is tested without waiting."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        """Move the clock on, e.g. advance(days=2)."""
        self.now += timedelta(**delta)


@pytest.fixture
def clock(app):
    """Sets the app's CLOCK to a fixed time that tests move on."""
    fixed = Clock(datetime(2026, 3, 2, 9, 0))
    app.config["CLOCK"] = fixed
    return fixed
