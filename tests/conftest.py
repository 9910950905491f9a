"""Shared fixtures: an app with a fresh database and instance folder per test.

The `app` fixture runs each test that uses it on SQLite and, when QUIZAPP_TEST_POSTGRES_URL is set,
again on PostgreSQL (tests/databases.py); tests that never touch the database run once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

import pytest
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from quizapp import create_app
from quizapp.extensions import db
from quizapp.services import catalog
from tests.catalogs import compile_catalogs
from tests.databases import BACKENDS, backends_line, database_url
from tests.gunicorn_server import gunicorn
from tests.sample_bank import load_sample


def pytest_sessionstart(session) -> None:
    """The compiled catalogs (quizapp/translations), built from the .po if out of date."""
    compile_catalogs()


def pytest_report_header(config) -> str:
    """Say at the start which databases the tests run on."""
    return backends_line()


def pytest_terminal_summary(terminalreporter) -> None:
    """And again at the end, where a skipped PostgreSQL run is not missed."""
    terminalreporter.write_line(backends_line())


@cache
def _scripts(directory: str) -> ScriptDirectory:
    return ScriptDirectory(directory)


def migrations(app) -> ScriptDirectory:
    """The app's migration scripts (read once a run)."""
    return _scripts(app.extensions["migrate"].directory)


@pytest.fixture(params=BACKENDS)
def app(request, tmp_path):
    """An app on a fresh database, with CSRF off (tests that check CSRF turn it on).

    The params are on this fixture itself, so a module that overrides `app` (taking this one) keeps
    them. The tables come from the models (create_all: fast); tests/test_migrations.py checks that
    the migrations make the same tables.
    """
    with database_url(request.param, tmp_path) as url:
        yield from app_on(tmp_path, url)


def app_on(tmp_path, db_url):
    """An app on the database at db_url, with the sample bank; disposed of at the end."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SQLALCHEMY_DATABASE_URI": db_url,
            "WTF_CSRF_ENABLED": False,
            # Light argon2id: each sign-in rehashes the shared pbkdf2 hash (see password_hash);
            # at OWASP's minimum that added a third to the suite's time.
            "ARGON2_PARAMETERS": LIGHT_ARGON2,
        }
    )
    with app.app_context():
        db.create_all()
        with db.engine.begin() as conn:  # the tables of the newest revision, and marked so
            MigrationContext.configure(conn).stamp(migrations(app), "heads")
    # Written questions only, so tests can count on exactly what a quiz holds.
    written = catalog.Catalog(
        tmp_path / "questions", load=load_sample, questions=lambda bank: bank.questions
    )
    catalog.init_app(app, written)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    """A real server (gunicorn, 2 workers) on a fresh database, one a test module and backend."""
    tmp = tmp_path_factory.mktemp("server")
    with database_url(request.param, tmp) as url, gunicorn(tmp, url) as running:
        yield running


@pytest.fixture
def client(app):
    """A test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner."""
    return app.test_cli_runner()


PASSWORD = "correct horse battery"
LIGHT_ARGON2 = {"time_cost": 1, "memory_cost": 64, "parallelism": 1}  # for tests only


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
